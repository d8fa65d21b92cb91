"""Provenance emitted by the importer (issue 10 §4, §5): unread is not blank."""

from __future__ import annotations

import tomllib
from decimal import Decimal

from evalengine.importer import import_text
from evalengine.importer.readreport import report_lines
from evalengine.importer.tomlout import dumps
from evalengine.loader import parse_document

CUT = (
    "项目支出绩效自评表\n"
    "项目名称\t测试项目\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t20\t20\n"
    "效益指标\t社会效益指标\t群众知晓率\t≥90%\n"
)


def test_a_cut_off_row_is_unread_cut_not_blank():
    [form] = import_text(CUT.encode()).forms
    case = form.case
    last = case.indicators[-1]
    assert last.target == "≥90%" and last.actual == ""
    assert {f: r for f, r in last.unread} == {"actual": "cut", "weight": "cut", "score": "cut"}
    assert not case.indicators[0].unread
    assert ("narrative", "cut") in tuple(case.project.unread)
    assert case.project.layout == "central-2020"


def test_the_case_file_carries_provenance_and_loads_back():
    [form] = import_text(CUT.encode()).forms
    text = dumps(form.case)
    assert 'unread = { actual = "cut", score = "cut", weight = "cut" }' in text
    assert 'layout = "central-2020"' in text
    back = parse_document(tomllib.loads(text, parse_float=Decimal))
    assert back == form.case


def test_the_import_report_says_what_was_read():
    [form] = import_text(CUT.encode()).forms
    report = form.report
    assert report is not None and report.layout == "central-2020"
    assert 0 < report.placed <= report.seen
    lines = report_lines(report)
    assert lines[0].startswith("读取情况：版式 central-2020；已归位单元格 ")
    assert "indicators[1].actual (原文截断)" in lines[1]
    assert report_lines(report, "en")[0].startswith("read: layout central-2020")


def test_a_form_read_too_poorly_is_marked_for_review():
    noise = "\n".join(f"杂项{n}\t说明{n}\t备注{n}" for n in range(20))
    form = import_text(("项目支出绩效自评表\n项目名称\t测试\n" + noise + "\n").encode()).forms[0]
    assert form.case.project.review
    assert "需人工复核" in form.case.project.review
    # a form read well is not
    assert import_text(CUT.encode()).forms[0].case.project.review == ""


def test_an_indicator_table_not_read_is_declared_so():
    form = import_text("项目支出绩效自评表\n项目名称\t测试\n主管部门\t某局\n评价结论\t好\n".encode()).forms[0]
    assert ("indicators", "unplaced") in tuple(form.case.project.unread)


def test_a_report_in_prose_gives_its_indicators():
    text = ("2022年度项目支出绩效自评报告\n项目名称：社区培训项目\n"
            "一、绩效目标完成情况\n"
            "培训人次指标目标值为≥100人次，实际完成值为120人次，得分10分。"
            "满意度指标绩效目标值为≥95%，实际完成值为98%。\n"
            "评价结论：较好地完成了年度目标。\n")
    [form] = import_text(text.encode()).forms
    got = [(i.name, i.target, i.actual, i.score) for i in form.case.indicators]
    assert got == [("培训人次", "≥100人次", "120人次", Decimal("10")),
                   ("满意度", "≥95%", "98%", None)]
    assert any(n.kind == "prose" for n in form.notes)
