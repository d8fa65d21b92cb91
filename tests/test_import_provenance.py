"""Provenance emitted by the importer (issue 10 §4, §5): unread is not blank."""

from __future__ import annotations

import re
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
    review = form.case.project.review
    assert review and review.code == "few-cells" and not review.text
    assert review.value("placed") == form.report.placed and review.value("seen") == form.report.seen
    assert review.value("below") == 50  # rules/import.toml review_below = 0.5
    # a form read well is not
    assert not import_text(CUT.encode()).forms[0].case.project.review


def test_the_case_file_stores_the_review_reason_as_data_not_words():
    noise = "\n".join(f"杂项{n}\t说明{n}\t备注{n}" for n in range(20))
    form = import_text(("项目支出绩效自评表\n项目名称\t测试\n" + noise + "\n").encode()).forms[0]
    written = dumps(form.case)
    line = next(x for x in written.splitlines() if x.startswith("review = "))
    placed, seen = form.report.placed, form.report.seen
    assert line == f'review = {{ code = "few-cells", placed = {placed}, seen = {seen}, below = 50 }}'
    assert parse_document(tomllib.loads(written, parse_float=Decimal)) == form.case


def test_the_review_line_of_the_import_report_speaks_english_with_lang_en():
    noise = "\n".join(f"杂项{n}\t说明{n}\t备注{n}" for n in range(20))
    form = import_text(("项目支出绩效自评表\n项目名称\t测试\n" + noise + "\n").encode()).forms[0]
    assert form.report is not None and form.report.review
    [en] = [line for line in report_lines(form.report, "en") if "needs review" in line]
    assert f"only {form.report.placed}/{form.report.seen} cells placed (below 50%)" in en
    assert not re.search(r"[\u4e00-\u9fff]", en), en
    [zh] = [line for line in report_lines(form.report) if "需复核" in line]
    assert f"只读出 {form.report.placed}/{form.report.seen} 个单元格（低于 50%），需人工复核" in zh
    assert not re.search(r"[A-Za-z]{3,}", zh.partition("需复核")[2]), zh


def test_score_in_english_words_the_importers_review_reason_in_english(tmp_path, capsys):
    """`score --lang en` on a form read too poorly: the case keeps the importer's reason as a
    code with its values, and each report words it in its language."""
    from evalengine.cli import main

    noise = "\n".join(f"杂项{n}\t说明{n}\t备注{n}" for n in range(20))
    form = tmp_path / "form.txt"
    form.write_text("项目支出绩效自评表\n项目名称\t测试\n" + noise + "\n", encoding="utf-8")
    main(["score", str(form), "--lang", "en", "--no-progress"])
    out = capsys.readouterr().out
    assert "cells placed (below 50%)" in out and "需人工复核" not in out
    main(["score", str(form), "--no-progress"])
    out = capsys.readouterr().out
    assert "需人工复核" in out and "cells placed" not in out


def test_a_reason_a_person_wrote_is_shown_as_written_in_every_language():
    from evalengine.loader import parse_document
    from evalengine.model import Review
    from evalengine.review import few_cells, review_words

    for written in ("表格模糊，待核对",
                    # a case imported before reasons were data keeps its words, as written
                    "只读出 3/40 个单元格（低于 50%），需人工复核 (read too poorly to score)"):
        case = parse_document({"project": {"name": "x", "source": "y", "review": written}})
        assert case.project.review == Review(text=written)
        assert review_words(case.project.review, "en") == review_words(case.project.review) == written
    assert review_words(few_cells(3, 40, Decimal("0.5")), "en") == (
        "only 3/40 cells placed (below 50%): read too poorly to score, check the form by hand")
    assert review_words(few_cells(3, 40, Decimal("0.625"))) == "只读出 3/40 个单元格（低于 62.5%），需人工复核"


def test_a_coded_reason_that_cannot_be_worded_is_a_load_error_at_its_key_path():
    from evalengine.loader import parse_document

    for review in ({"code": "blurry"}, {"code": "few-cells", "placed": 3, "seen": 40},
                   {"code": "few-cells", "placed": 3.5, "seen": 40, "below": 50},
                   {"code": "few-cells", "placed": "many", "seen": 40, "below": 50},
                   {"code": "few-cells", "placed": 3, "seen": 40, "below": 50, "extra": 1}, 7):
        problems = parse_document({"project": {"name": "x", "source": "y", "review": review}})
        assert isinstance(problems, tuple), review
        assert [(p.path, p.kind) for p in problems] == [("$.project.review", "review-reason")], review


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


def _errors_on(case):
    from evalengine.engine import Engine
    from evalengine.findings import Severity
    result = Engine.build().score("t.toml", case)
    return [(f.code, f.path) for f in result.findings if f.severity is Severity.ERROR]


def test_cells_the_header_has_no_column_for_leave_the_row_unread_not_blank():
    """A header read short (its 完成值/分值/得分 labels not taken for columns) leaves each
    row's figures beyond it unplaced: the fields they may be are unread, the form is not
    taken for an unscored one, and no error rests on them."""
    [form] = import_text((
        "项目支出绩效自评表\n| 项目名称 | 甲项目 | 主管部门 | 甲局 |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |\n"
        "| 产出指标 | 数量指标 | 培训人数 | 50人 | 60人 | 20 | 19 |\n"
        "| 效益指标 | 社会效益指标 | 群众知晓率 | ≥90% | 95% | 30 | 30 |\n"
        "| 总分 | 100 | 90 |\n").encode(), shown="t.txt", stem="t").forms
    case = form.case
    for row in case.indicators:
        assert dict(row.unread.items) == {"actual": "unplaced", "weight": "unplaced",
                                          "score": "unplaced"}, row
    assert case.project.profile != "unscored"
    assert not [p for _, p in _errors_on(case) if p.startswith("$.indicators")]


def test_figures_run_into_a_glued_rows_name_leave_its_empty_figure_columns_unread():
    """No cell boundaries, and a row's figures read as part of its name (a column of
    method text between them): where the name ends was lost, so its empty 指标值/分值/得分
    are unread, and no 'target missing' error is said of them."""
    [form] = import_text((
        "项目支出绩效自评表项目名称甲项目主管部门甲局绩效指标一级指标二级指标三级指标分值"
        "年度指标值全年实际值得分产出指标数量指标完成申报的数量12.512.512.5按完成比例计分"
        "质量指标培训合格率2095%98%20总分100100\n").encode(), shown="t.txt", stem="t").forms
    glued = [row for row in form.case.indicators if "完成申报的数量" in row.name]
    if glued:  # kept as a row (its figures in its name, or split off it and disputed, 12.5 |
        # 12.5 | 12.5 under 分值 | 指标值 | 实际值 | 得分): its empty figures are unread --
        # the 指标值 read where every reading agrees on it (12.5 printed twice: 指标值 | 实际值
        # whichever of 分值 / 得分 the third is)
        row = glued[0]
        unread = {f for f, _ in row.unread}
        assert {"weight", "score"} <= unread
        assert "target" in unread or row.target == "12.5" and row.actual == "12.5"
    else:  # or not placed at all: then the import report names it
        assert any(n.kind == "unplaced" and "12.5" in n.text for n in form.notes)
    assert not any(code == "I310" for code, _ in _errors_on(form.case))


CUT_AFTER_TOTAL = (
    "项目支出绩效自评表\n"
    "项目名称\t测试项目\n"
    "自评总分\t95\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t培训人次\t≥100人次\t80人次\t20\t20\n"
    "效益指标\t社会效益指标\t群众知晓率\t≥90%\n"
)


def test_a_form_cut_before_its_closing_leaves_its_deviation_text_unread(tmp_path):
    """The 自评总分 is read at the top, the form is cut inside its table: the form's own
    偏差原因 text, printed after the table, is as unread as its 评价结论 -- so a missed
    target is not reported as unexplained (I307) on a form whose explanation was lost."""
    from evalengine.api import score

    [form] = import_text(CUT_AFTER_TOTAL.encode()).forms
    unread = dict(form.case.narrative.unread)
    assert unread == {"conclusion": "cut", "problems": "cut", "measures": "cut", "deviation": "cut"}
    path = tmp_path / "cut.toml"
    path.write_text(dumps(form.case), encoding="utf-8")
    codes = {f.code for f in score(path).findings}
    assert "S205" in codes  # (80 of ≥100 at full marks: read, and reported)
    assert "I307" not in codes
