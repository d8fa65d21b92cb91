"""Pipe rows with their blank cells dropped: a value printed twice side by side is two columns
that are often alike -- the target and the actual, or 分值 and 得分 -- (issue 10 §2)."""

from __future__ import annotations

from evalengine.importer import import_text

HEAD = ("项目支出绩效自评表 |\n项目名称 | 河道保洁 |\n"
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | "
        "偏差原因分析及改进措施 |\n")


def _indicators(rows: str):
    [form] = import_text((HEAD + rows).encode("utf-8")).forms
    return form.case.indicators


def test_words_printed_twice_are_the_target_and_the_actual():
    [row] = _indicators("产出指标 | 数量指标 | 保洁服务 | 美化环境。 | 美化环境。 |\n")
    assert (row.target, row.actual, row.deviation) == ("美化环境。", "美化环境。", "")
    assert not {"target", "actual"} & {f for f, _ in row.unread}


def test_a_figure_printed_twice_beside_another_places_the_pair_only():
    [row] = _indicators("产出指标 | 数量指标 | 补贴渔船数 | 6 | 6 | 20 |\n")
    assert (row.target, row.actual) == ("6", "6")
    # 20 is 分值 or 得分: nothing shows which
    assert row.weight is None and row.score is None
    assert {"weight", "score"} <= {f for f, _ in row.unread}


def test_a_bare_pair_fits_both_pairs_and_stays_disputed():
    rows = _indicators("产出指标 | 数量指标 | 培训人数 | ≥50人 | 52人 | 8 | 8 |\n"
                       "质量指标 | 经费变动率 | 2 | 2 |\n")
    assert rows[1].target == "" and rows[1].weight is None
    assert {"target", "actual", "weight", "score"} <= {f for f, _ in rows[1].unread}
