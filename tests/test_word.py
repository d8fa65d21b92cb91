"""``--format docx``: the Word 评价报告, read back with python-docx (issue 12 §1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402

from evalengine.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases" / "2021"
CODE = re.compile(r"\b[FSINDMX]\d{3}\b")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> docx.document.Document:
    out = tmp_path_factory.mktemp("word") / "复核报告.docx"
    assert main(["score", str(CASES), "--format", "docx", "-o", str(out), "--org", "某某会计师事务所",
                 "--date", "2022年10月15日", "--no-progress"]) == 1
    return docx.Document(str(out))


def _body(document) -> list[str]:
    """The paragraphs of the report proper: everything before the appendix of codes."""
    texts = [p.text for p in document.paragraphs]
    return texts[:texts.index("附件2：问题清单（含规则代码）")]


def test_cover_names_object_basis_organisation_and_date(report):
    texts = [p.text for p in report.paragraphs]
    assert "2021年度项目支出绩效自评复核报告" in texts
    cover = "\n".join(texts[:texts.index("一、基本情况")])
    assert "评价对象：仁和区人民政府办公室" in cover and "8 个项目" in cover
    assert "评价依据：" in cover and "财预〔2020〕10号" in cover
    assert "评价机构：某某会计师事务所" in cover and "报告日期：2022年10月15日" in cover


def test_sections_in_order_and_prose_without_paths_or_codes(report):
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["一、基本情况", "二、评分结果", "三、发现的主要问题", "四、意见和建议"]
    assert headings[4:] == ["附件1：项目复核评分表", "附件2：问题清单（含规则代码）"]
    body = "\n".join(_body(report))
    assert "$." not in body and not CODE.search(body), CODE.search(body)
    assert "应为" not in body and "实为" not in body
    # the form's own figures, in the rule's sentence, under the project
    assert "“移动云视讯会议系统运行服务费”：预算执行率仅 46.60%（执行 4.80 / 预算 10.30 万元）" in body
    assert "总体预算执行率 86.25%" in body and "预算合计 190.92 万元" in body
    kinds = [p.text for p in report.paragraphs if p.style.name == "Heading 2"]
    assert kinds[:3] == ["（一）预算执行方面", "（二）自评打分方面", "（三）绩效指标设置和填报方面"]
    # advice from rules/review.toml, naming the projects
    advice = body.split("四、意见和建议")[1].split("\n")
    assert any(re.match(r"（\d+）对结余资金应说明原因和去向.*（涉及：招商引资经费、安全维稳专项经费）", t)
               for t in advice), advice


def test_grade_table_claimed_against_verified(report):
    table = report.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["序号", "项目名称", "自评分", "自评等级", "核实分", "核实等级", "差额"]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert len(rows) == 8
    assert rows["招商引资经费"][2:] == ["99.88", "优", "63.22", "中", "36.66"]
    assert rows["视频会议系统建设经费"][5].startswith("结果未证实")


def test_a_bordered_score_sheet_per_project_and_codes_in_the_appendix(report):
    sheets = [t for t in report.tables if t.rows[0].cells[-1].text == "扣分原因"]
    assert len(sheets) == 8
    first = sheets[0]
    assert [c.text for c in first.rows[0].cells][:3] == ["一级指标", "二级指标", "三级指标"]
    assert first.rows[1].cells[0].text == "预算执行率" and first.rows[-1].cells[0].text == "合计"
    assert first.rows[-1].cells[7].text == "63.22"
    for table in report.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None
        assert {b.get(qn("w:val")) for b in borders} == {"single"}
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats
        # no row is split across a page break (a 结果未证实 reason wraps over three lines)
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    codes = report.tables[-1]
    assert [c.text for c in codes.rows[0].cells] == ["序号", "项目", "规则", "级别", "位置", "说明"]
    assert {r.cells[2].text for r in codes.rows[1:]} >= {"F101", "I301", "S211", "D508"}
    assert any(r.cells[4].text == "$.indicators[8].actual" for r in codes.rows[1:])


def test_chinese_fonts_a4_and_page_numbers(report):
    def east_asia(style_name):
        fonts = report.styles[style_name].element.rPr.rFonts
        return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:asciiTheme"))

    assert east_asia("Normal") == ("仿宋", None)
    assert east_asia("Heading 1") == ("黑体", None) and east_asia("Title") == ("宋体", None)
    cell = report.tables[0].rows[1].cells[1].paragraphs[0]  # every table cell: 宋体 9 pt
    assert cell.style.name == "Table Text" and east_asia("Table Text") == ("宋体", None)
    assert cell.style.font.size.pt == 9 and cell.style.paragraph_format.first_line_indent == 0
    first, scores = report.sections[0], report.sections[1]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)  # A4
    assert (round(scores.page_width.mm), round(scores.page_height.mm)) == (297, 210)
    assert scores.orientation == 1  # landscape for the score sheets
    footer = first.footer.paragraphs[0]._p.xml
    assert "PAGE" in "".join(t.text for t in first.footer.paragraphs[0]._p.iter(qn("w:instrText")))
    assert 'w:fldCharType="begin"' in footer and 'w:fldCharType="end"' in footer
    assert first.different_first_page_header_footer  # the cover carries no page number
    assert report.styles["Title"].element.pPr.find(qn("w:pBdr")) is None  # no coloured rule


def test_organisation_from_the_configuration(tmp_path):
    (tmp_path / "evalengine.toml").write_text('[report]\norg = "第三方评价机构甲"\ndate = "2023年1月2日"\n',
                                              encoding="utf-8")
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.toml").write_bytes((CASES / "01-zhaoshang-yinzi.toml").read_bytes())
    out = tmp_path.parent / f"{tmp_path.name}-r.docx"  # beside the scanned folder, not in it
    main(["score", str(folder), "--format", "docx", "-o", str(out), "--no-progress"])
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "评价机构：第三方评价机构甲" in text and "报告日期：2023年1月2日" in text


def test_without_an_organisation_the_cover_leaves_a_line_to_fill_in(tmp_path):
    out = tmp_path / "r.docx"
    main(["score", str(CASES / "01-zhaoshang-yinzi.toml"), "--format", "docx", "-o", str(out),
          "--no-progress"])
    org = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("评价机构："))
    assert org.startswith("评价机构：＿＿＿") and "--" not in org and "[report]" not in org


def test_in_english_with_lang_en(tmp_path):
    out = tmp_path.parent / f"{tmp_path.name}-r.docx"  # beside the scanned folder, not in it
    main(["score", str(CASES), "--format", "docx", "-o", str(out), "--lang", "en", "--no-progress"])
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["1. Scope and method", "2. Scores", "3. Main findings", "4. Recommendations"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "only 46.60% of the budget was paid" in text and "Basis: " in text
    assert [c.text for c in document.tables[0].rows[0].cells][:3] == ["No.", "Project", "Claimed"]


def test_every_sentence_of_the_report_is_data_in_both_languages():
    from evalengine.render.word import review_wording

    words = review_wording()
    assert set(words["text"]["zh"]) == set(words["text"]["en"])
    for family in words["families"].values():
        assert family["heading"] and family["heading_en"] and family["advice"] and family["advice_en"]


def test_characters_a_document_cannot_hold_become_replacement_characters(tmp_path):
    text = (CASES / "01-zhaoshang-yinzi.toml").read_text(encoding="utf-8")
    (tmp_path / "a.toml").write_text(text.replace('name = "招商引资经费"', 'name = "招商\\u0007引资"'),
                                     encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-r.docx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "docx", "-o", str(out), "--no-progress"])
    assert "招商\ufffd引资" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    sheet = tmp_path.parent / f"{tmp_path.name}-s.xlsx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "scoresheet", "-o", str(sheet), "--no-progress"])
    import openpyxl

    assert openpyxl.load_workbook(sheet)["复核汇总"].cell(2, 2).value == "招商\ufffd引资"


def test_a_large_run_quotes_a_few_findings_per_rule_and_counts_the_rest(tmp_path):
    from evalengine.render.word import review_wording

    limit = review_wording()["examples_per_rule"]
    for n in range(limit + 3):  # the same case, many times: one rule fires limit + 3 times
        text = (CASES / "01-zhaoshang-yinzi.toml").read_text(encoding="utf-8")
        (tmp_path / f"c{n:02d}.toml").write_text(text.replace('name = "招商引资经费"', f'name = "项目{n}"'),
                                                 encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-r.docx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "docx", "-o", str(out), "--no-progress"])
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    body = texts[:texts.index("四、意见和建议")]
    f104 = [t for t in body if "未说明原因和去向" in t and t.startswith("“项目")]
    assert len(f104) == limit
    assert "另有 3 处同类问题，见附件2。" in body
    advice = next(t for t in texts if "结余资金应说明原因和去向" in t)
    assert f"项目{limit - 1}等 {limit + 3} 个项目" in advice and f"项目{limit}、" not in advice
    codes = docx.Document(str(out)).tables[-1]
    assert sum(r.cells[2].text == "F104" for r in codes.rows) == limit + 3  # all in the appendix


def test_cells_not_read_and_projects_for_review_are_said(tmp_path):
    text = (CASES / "01-zhaoshang-yinzi.toml").read_text(encoding="utf-8")
    cut = text.replace('actual = "完成"', 'unread = { actual = "cut" }', 1)
    assert cut != text
    (tmp_path / "a.toml").write_text(cut, encoding="utf-8")
    review = text.replace('name = "招商引资经费"', 'name = "待复核项目"\nreview = "表格大部分未能读取"')
    (tmp_path / "b.toml").write_text(review, encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-r.docx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "docx", "-o", str(out), "--no-progress"])
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    whole = "\n".join(texts)
    assert "1 个项目的自评表未能完整读取，列为待复核" in whole
    sheets = whole.split("附件1：项目复核评分表")[1].split("附件2")[0]
    assert "未能核实：" in sheets and "表格截断" in sheets
    # the cell by its name on the form, the checks not made by their titles
    assert re.search(r"第\d+项指标“[^”]+”的实际完成值未能读取（表格截断）", sheets), sheets
    assert "$." not in sheets and not CODE.search(sheets.split("未能核实：")[1].split("\n")[0])
    assert "未能核实" not in whole.split("附件1：项目复核评分表")[0].split("二、评分结果")[1]


def test_every_field_that_may_be_unread_has_its_name_on_the_form():
    """The 未能核实 lists name cells as the form does; a field without an entry in
    rules/provenance.toml [fields] would show its key instead."""
    import tomllib

    from evalengine import provenance
    from evalengine.model import FundRow, Funds, Goal, Indicator, Narrative
    from evalengine.resources import rules_dir

    fields = tomllib.loads((rules_dir() / "provenance.toml").read_text(encoding="utf-8"))["fields"]
    allowed = {"project": provenance.HEADER, "funds": provenance._fields(Funds),
               "rows": provenance._fields(FundRow), "goal": provenance._fields(Goal),
               "indicators": provenance._fields(Indicator), "narrative": provenance._fields(Narrative)}
    for group, keys in allowed.items():
        for key in keys:
            assert {"zh", "en"} <= set(fields[group].get(key, {})), (group, key)


def test_a_profile_without_a_basis_entry_is_cited_by_its_name_not_its_id(tmp_path):
    out = tmp_path / "r.docx"
    main(["score", str(CASES / "01-zhaoshang-yinzi.toml"), "--profile", "hebei", "--format", "docx",
          "-o", str(out), "--no-progress"])
    basis = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("评价依据："))
    assert basis == "评价依据：河北省 项目支出绩效自评表（调整预算数）", basis
