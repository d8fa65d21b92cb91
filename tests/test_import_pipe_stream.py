"""Pipe-row text read as a stream of cells (importer/sheets.py, one cell a line, ``cell |``):
the text after the table and between tables goes on to the reader, it is not dropped."""

from __future__ import annotations

from evalengine.importer import import_text
from evalengine.importer.sheets import _pipe_stream_sheet

CELLS = ["项目支出绩效自评表", "项目名称", "社区服务", "主管部门", "某局", "实施单位", "某局",
         "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "产出指标", "数量指标", "服务人次", "≥100人次", "120人次", "50", "50",
         "效益指标", "满意度指标", "群众满意度", "≥90%", "95%", "50", "50"]
TABLE = " |\n".join(CELLS) + " |"
AFTER = "\n存在问题：部分社区服务覆盖不足，宣传不到位。\n改进措施：加强宣传，扩大覆盖面。\n"


def test_the_text_after_the_last_separator_is_a_run_of_its_own():
    sheet = _pipe_stream_sheet(TABLE + AFTER, "", False)
    assert sheet.rows == (tuple(CELLS), ("存在问题：部分社区服务覆盖不足，宣传不到位。",
                                         "改进措施：加强宣传，扩大覆盖面。"))


def test_the_text_after_the_table_reaches_the_narrative():
    (form,) = import_text((TABLE + AFTER).encode("utf-8")).forms
    assert form.case.narrative.problems == "部分社区服务覆盖不足，宣传不到位。"
    assert form.case.narrative.measures == "加强宣传，扩大覆盖面。"
    (bare,) = import_text(TABLE.encode("utf-8")).forms
    assert not bare.case.narrative.problems and not bare.case.narrative.measures


def test_a_closing_section_after_the_table_reaches_the_reader():
    closing = "\n评价结论：项目完成年度目标，自评等级为优。\n存在问题：宣传不到位。\n"
    (form,) = import_text((TABLE + closing).encode("utf-8")).forms
    assert form.case.narrative.conclusion.startswith("项目完成年度目标")
    assert form.case.narrative.problems == "宣传不到位。"


def test_a_short_cell_after_the_last_separator_stays_the_last_cell():
    sheet = _pipe_stream_sheet(TABLE + "\n备注", "", False)
    assert sheet.rows == ((*CELLS, "备注"),)


def test_paragraphs_between_two_tables_are_kept_between_them():
    text = "a |\nb |\nc |\n\n中间的一段说明文字。\n\n第二段说明。\n\nd |\ne |\nf |\n"
    assert _pipe_stream_sheet(text, "", False).rows == (
        ("a", "b", "c"), ("中间的一段说明文字。", "第二段说明。"), ("d", "e", "f"))
    long = "说" * 401
    text = f"a |\nb |\n{long}\n下一格 |\nc |\nd |\n"
    assert _pipe_stream_sheet(text, "", False).rows == (
        ("a", "b"), (long, "下一格"), ("", "c", "d"))
