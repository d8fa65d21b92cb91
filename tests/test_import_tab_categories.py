"""Tab rows (every cell in its column): a 一级/二级 word no vocabulary names stands in its
column when the row's 分值/得分 figures stand in theirs (a rubric's 规划 | 基础信息 …)."""

from __future__ import annotations

from evalengine.importer import import_text

HEAD = ("项目支出绩效自评表\n项目名称\t\t培训项目\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n")


def _indicators(rows: str):
    [form] = import_text((HEAD + rows + "总分\t\t\t\t\t\t\t16\t16\n").encode("utf-8")).forms
    return [(i.level1, i.level2, i.name, i.weight, i.score) for i in form.case.indicators]


def test_unknown_category_words_in_their_columns_are_read_there():
    got = _indicators("\t规划\t基础信息\t基础信息完整性\t\t\t3\t3\n"
                      "\t\t工作计划\t年度工作计划完整性\t\t\t3\t3\n"
                      "\t\t\t年度工作计划明确性\t\t\t5\t5\n"
                      "\t执行\t预算执行\t预算执行率\t\t\t5\t5\n")
    assert got == [("规划", "基础信息", "基础信息完整性", 3, 3),
                   ("规划", "工作计划", "年度工作计划完整性", 3, 3),
                   ("规划", "工作计划", "年度工作计划明确性", 5, 5),
                   ("执行", "预算执行", "预算执行率", 5, 5)]


def test_known_category_words_are_read_as_before():
    got = _indicators("\t产出指标\t数量指标\t培训人数\t≥50人\t52人\t8\t8\n"
                      "\t\t质量指标\t合格率\t≥90%\t95%\t8\t8\n")
    assert got == [("产出指标", "数量指标", "培训人数", 8, 8), ("产出指标", "质量指标", "合格率", 8, 8)]
