"""``--format scoresheet``: a 复核评分表 per project in the form's own layout (issue 12 §2)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from evalengine.cli import main
from evalengine.importer.export import REVIEW_HEADERS, form_width

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases" / "2021"
CLEAN = (Path(__file__).parent / "fixtures" / "rules" / "base-case.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    out = tmp_path_factory.mktemp("sheets") / "复核评分表.xlsx"
    assert main(["score", str(CASES), "--format", "scoresheet", "-o", str(out), "--no-progress"]) == 1
    return openpyxl.load_workbook(out)


def _row(sheet, first: str) -> list:
    return next([c.value for c in row] for row in sheet.iter_rows() if row[0].value == first
                or (len(row) > 1 and row[1].value == first))


def test_an_index_sheet_then_one_sheet_per_project(book):
    assert book.sheetnames[0] == "复核汇总" and len(book.sheetnames) == 9
    index = book["复核汇总"]
    header = [c.value for c in index[1]]
    assert header[:2] == ["序号", "项目名称"] and "核实分" in header and "工作表" in header
    rows = [[c.value for c in r] for r in index.iter_rows(min_row=2)]
    assert [r[1] for r in rows][:2] == ["招商引资经费", "安全维稳专项经费"]
    first = {h: v for h, v in zip(header, rows[0])}
    assert (float(first["自评分"]), float(first["核实分"]), first["核实等级"]) == (99.88, 63.22, "中")
    link = index.cell(2, len(header)).hyperlink
    assert link is not None and link.location == "'1 招商引资经费'!A1"
    assert index.freeze_panes == "C2" and index.print_title_rows == "$1:$1"


def test_the_form_layout_with_claimed_verified_and_deduction_columns(book):
    sheet = book["1 招商引资经费"]
    width = form_width("central")
    assert sheet.cell(1, 1).value == "项目支出绩效自评表"  # the form's own title and layout
    header = _row(sheet, "一级指标")
    assert header[:width][1:4] == ["一级指标", "二级指标", "三级指标"]
    assert tuple(header[width:width + 3]) == REVIEW_HEADERS
    satisfaction = next([c.value for c in r] for r in sheet.iter_rows() if r[3].value == "群众满意度")
    assert float(satisfaction[width]) == 10 and float(satisfaction[width + 1]) == 0
    assert "无法核实" in satisfaction[width + 2]
    total = _row(sheet, "总分")
    assert float(total[width + 1]) == 63.22 and total[width + 2] == "核实等级：中"
    assert any(merged.min_col == 1 and merged.max_col == width for merged in sheet.merged_cells.ranges)


def test_borders_wrapping_and_a4_landscape_fit_to_width(book):
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation) == (9, "landscape"), sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.print_area
    sheet = book["1 招商引资经费"]
    cell = next(r[3] for r in sheet.iter_rows() if r[3].value == "群众满意度")
    assert cell.border.left.style == "thin" and cell.border.top.style == "thin"
    assert cell.alignment.wrap_text
    assert sheet.column_dimensions["L"].width >= 24  # 扣分原因 has room
    goal = next(r for r in sheet.iter_rows() if r[0].value == "年度总体目标")[0].row + 1
    assert sheet.row_dimensions[goal].height > 100  # the long goal text (merged) gets its lines


def test_a_sichuan_case_keeps_the_sichuan_layout(tmp_path):
    (tmp_path / "sc.toml").write_text(CLEAN.replace('profile = "central-2020"', 'profile = "sichuan"'),
                                      encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-s.xlsx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "scoresheet", "-o", str(out), "--no-progress"])
    sheet = openpyxl.load_workbook(out).worksheets[1]
    assert str(sheet.cell(1, 1).value).startswith("部门预算项目支出绩效自评表")
    header = _row(sheet, "一级指标")
    width = form_width("sichuan")
    assert header[width - 1] == "未完成原因分析" and tuple(header[width:width + 3]) == REVIEW_HEADERS


def test_cells_not_read_are_listed_under_the_form(tmp_path):
    text = (CASES / "01-zhaoshang-yinzi.toml").read_text(encoding="utf-8")
    (tmp_path / "a.toml").write_text(text.replace('actual = "完成"', 'unread = { actual = "cut" }', 1),
                                     encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}-s.xlsx"  # beside the scanned folder, not in it
    main(["score", str(tmp_path), "--format", "scoresheet", "-o", str(out), "--no-progress"])
    sheet = openpyxl.load_workbook(out).worksheets[1]
    row = _row(sheet, "未能核实")
    assert "表格截断" in row[2] and sheet.cell(sheet.max_row, 1).border.left.style == "thin"
    # named as on the form, not by key path or rule code
    assert re.search(r"第\d+项指标“[^”]+”的实际完成值未能读取（表格截断）", row[2]), row[2]
    assert "$." not in row[2] and not re.search(r"\b[FSINDMX]\d{3}\b", row[2])
