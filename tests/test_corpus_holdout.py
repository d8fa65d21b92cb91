"""The importer on the holdout corpus (tests/corpus/holdout): real forms from beyond
shared/real-forms/; the holdout split (index.toml: the latest blind batch, if any) is never looked at
when the importer is changed, the fix split may be.  Floors on
forms giving a case, field accuracy (overall and per split) and error findings the import
causes; and the mechanisms the fix half showed were missing, each on a small input.

``python benchmarks/corpus_accuracy.py --corpus tests/corpus/holdout --errors`` prints it all.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from corpus import harness
from corpus.harness import (HOLDOUT, FORMS, form_ids, forms_with_case, load_expected,
                            load_floors, load_index, run_corpus, tally)
from evalengine.importer import import_text
from evalengine.loader import parse_document

FLOORS = load_floors(HOLDOUT)
SHARED = harness.HERE.parents[2].parent / "shared" / "real-forms"


@pytest.fixture(scope="module")
def results():
    return run_corpus(root=HOLDOUT, errors=True)


def test_every_form_has_a_source_a_split_and_an_expected_case():
    index = load_index(HOLDOUT)
    ids = form_ids(HOLDOUT)
    assert len(ids) >= 8 and set(index) == set(ids)
    for form, entry in index.items():
        assert entry["split"] in ("fix", "holdout") and entry["source"] and entry["layout"]
        docs = load_expected(form, HOLDOUT)
        assert docs, form
        for stem, doc in docs:
            assert not isinstance(parse_document(doc), tuple), stem
    splits = [e["split"] for e in index.values()]
    # a blind half, while there is one, holds at least a dozen forms never looked at (older
    # halves, once measured blind and then used, become "fix" forms)
    assert splits.count("holdout") == 0 or splits.count("holdout") >= 12


def test_no_holdout_form_is_one_the_importer_was_built_on():
    texts = [p.read_text(encoding="utf-8") for p in sorted(FORMS.glob("*.txt"))]
    if SHARED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("*.txt"))]
    for form in form_ids(HOLDOUT):
        body = (HOLDOUT / "forms" / f"{form}.txt").read_text(encoding="utf-8")
        lines = body.splitlines()
        # its longest run of three lines (a line of a form printed a cell a line is short),
        # found in no other file
        probe = max(("\n".join(lines[i:i + 3]) for i in range(max(len(lines) - 2, 1))), key=len)
        assert len(probe) > 40 and not any(probe in t for t in texts), form


def test_no_form_crashes_the_importer(results):
    assert [(r.form, r.crashed) for r in results if r.crashed] == []


def test_forms_giving_a_case_and_field_accuracy_are_at_least_the_floors(results):
    assert forms_with_case(results) >= FLOORS["forms_with_case"]
    overall = tally(f for r in results for f in r.fields)
    assert overall.judged > 400
    assert overall.accuracy >= FLOORS["field_accuracy"]
    for split in ("fix", "holdout"):
        part = tally(f for r in results if r.split == split for f in r.fields)
        if split == "holdout" and not part.judged:
            continue  # no blind half at the moment: every form has been looked at
        assert part.accuracy >= FLOORS[f"{split}_field_accuracy"], split


def test_error_findings_caused_by_the_import_stay_under_the_ceiling(results):
    caused = [(r.form, c) for r in results for c in r.import_errors]
    assert len(caused) <= FLOORS["max_import_errors"], caused


# ---------------------------------------------------------------------------------------
# The mechanisms, each on a small input
# ---------------------------------------------------------------------------------------

def _one(text: str):
    forms = import_text(text.encode("utf-8"), shown="t.txt", stem="t").forms
    assert len(forms) == 1
    return forms[0].case


def test_a_table_run_into_its_two_row_header_is_read_in_table_order():
    case = _one(
        "项目支出绩效自评表\n| 项目名称 | 甲项目 | 主管部门 | 甲局 |\n"
        "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | "
        "二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 培训人数 | ≥ | "
        "50 | 人 | 60 | 20 | 20 |\n"
        "| 质量指标 | 合格率 | ═ | 100 | % | 98% | 20 | 19 |\n"
        "| 其他需要说明事项 | 无 | 总分 | 100 | 89 | 良 |\n")
    first, second = case.indicators[:2]
    assert (first.level1, first.level2, first.name, first.operator, first.target, first.unit,
            first.actual, first.weight, first.score) == (
        "产出指标", "数量指标", "培训人数", "≥", "50", "人", "60", 20, 20)
    assert (second.name, second.operator, second.actual, second.score) == ("合格率", "=", "98%", 19)
    assert case.narrative.claimed_total == 89
    assert not case.project.incomplete


def test_a_funds_table_read_empty_while_its_numbers_lie_unplaced_is_unread_not_blank():
    from evalengine.importer.build import section_unread
    from evalengine.importer.notes import Note
    from evalengine.importer.recognise import Draft

    def draft(*notes):
        return Draft(index=1, funds_seen=True, fund_rows_seen=True, has_table=True, ended=True,
                     notes=list(notes))

    assert section_unread(draft(Note("unplaced", "387664.62"))).get("funds") == "unplaced"
    assert "funds" not in section_unread(draft(Note("unplaced", "部门:某中学")))  # not a number
    assert "funds" not in section_unread(draft())  # printed blank: the rules may say so


def test_a_lone_merged_label_line_is_not_an_empty_level2_row():
    case = _one(
        "绩效目标自评表\n| 项目名称 | 甲项目 |\n"
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 补助面积 | 20 | 29.5亩 | 29.5亩 | 20 |\n"
        "| 质量指标 |\n| 作物成活率 | 5 | 95% | 95% | 5 |\n"
        "| 生态效益指标 |\n| 可持续影响指标 |\n| 总分 | 100 | 100 |\n")
    rows = [(i.level2, i.name) for i in case.indicators]
    assert ("质量指标", "") not in rows and ("质量指标", "作物成活率") in rows
    assert ("生态效益指标", "") in rows  # no row under it: an empty 二级 line, as printed


def test_a_report_in_prose_gives_a_case_with_its_money_year_and_headings():
    case = _one(
        "某区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)\n"
        "一、绩效目标分解下达情况\n"
        "2023年下达某区中央转移支付资金(残疾人事业发展补助资金)29.6万元,用于残疾人基本康复。\n"
        "投入中央直达资金29.6万,执行数29.6万,执行率100%。\n"
        "1、产出数量指标:第一,困难残疾人得到基本康复服务比例年初指标值为不低于85%,全年实际完成值100%。"
        "第二,资助接受托养服务人次数年初指标值为不低于105人,全年实际完成值116人。\n")
    assert (case.project.name, case.project.year) == ("残疾人事业发展补助资金", 2023)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (Decimal("29.6"), Decimal("29.6"), 100)
    assert [(i.level1, i.level2, i.target, i.actual) for i in case.indicators] == [
        ("产出指标", "数量指标", "不低于85%", "100%"), ("产出指标", "数量指标", "不低于105人", "116人")]
    assert "funds" not in dict(case.project.unread.items)  # a report is not a form's tail


def test_figures_before_a_funds_row_label_are_reported_and_the_funds_left_unread():
    """Cells a flattener put before their row's label are noted, never dropped silently,
    and the funds they may be are then unread, not 'left blank by the department'."""
    forms = import_text((
        "项目支出绩效自评表\n| 项目名称 | 甲项目 | 项目资金 (元) |\n"
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "| 50 | 49.78 | 10 | 99.56% | 9.96 | 年度资金总额 |\n"
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 培训人数 | 50人 | 60人 | 90 | 90 |\n| 总分 | 100 | 99.96 |\n"
    ).encode("utf-8"), shown="t.txt", stem="t").forms
    unplaced = [n.text for n in forms[0].notes if n.kind == "unplaced"]
    assert {"50", "49.78", "99.56%", "9.96"} <= set(unplaced)
    assert dict(forms[0].case.project.unread.items).get("funds") == "unplaced"
