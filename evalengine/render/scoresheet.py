"""``--format scoresheet -o FILE.xlsx``: a 复核评分表 per project, for a whole folder at once.

Each project gets a worksheet with its form in the form's own layout — the central 项目支出
绩效自评表 or the Sichuan 510000_0013zp table, as ``evalengine export-form`` writes it
(:mod:`evalengine.importer.export`, the one copy of the templates) — with three columns to
the right of the form: 自评分 (the department's score, or the score its own completion
figures give where it left 得分 blank), 核实分 and 扣分原因.  Before them an index sheet (复核
汇总) lists every project with its scores, grade, findings and a link to its sheet.

Every used cell has a thin border and wraps; each sheet prints on A4 landscape fit to the
page width, the index with its header repeated.  A document that is not a project (a
department file, a load failure) has no form and no sheet; failures are reported on stderr.
"""

from __future__ import annotations

import re
from typing import IO, Any

import attrs

from ..importer.export import REVIEW_HEADERS, Review, form_width, template_for, write_form
from ..report import CaseResult, Summary
from .formats import Options, RunInfo
from .labels import grade_label
from .records import CaseRecord
from .view import deduction, not_verified_prose, status_text
from .word import review_wording
from .xlsx import cell_text, print_setup

__all__ = ["WANTS_RESULT", "Writer", "encode", "review_of"]

WANTS_RESULT = True
INDEX_TITLE = "复核汇总"
NOT_VERIFIED = "未能核实"
INDEX_HEADER = ("序号", "项目名称", "主管部门", "评分规则", "自评分", "自评等级", "核实分", "核实等级",
                "差额", "问题数", "工作表")
_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
WIDTHS = {1: 10, 2: 10, 3: 12, 4: 14, 5: 18, 6: 18, 7: 7, 8: 7, 9: 18, 10: 8, 11: 16}
REVIEW_WIDTHS = (7, 7, 28)
LINE_HEIGHT = 13.5  # points per line of 10-point text
FONT_SIZE = 10


def _n(value: str | None) -> Any:
    from decimal import Decimal

    return None if value is None else Decimal(value)


def review_of(record: CaseRecord) -> Review:
    """The review columns of one project, from its record."""
    funds = record.funds
    indicators = {}
    for item in record.indicators:
        index = int(item.path.rsplit("[", 1)[1].rstrip("]"))
        indicators[index] = (_n(item.claimed), _n(item.verified), deduction(item))
    words = review_wording()["text"]["zh"]  # the Word report's own labels
    budget_reason = "" if funds.verified == funds.weight or funds.rate is None else (
        words["sheet_budget_reason"].format(rate=funds.rate))
    total = (_n(record.claimed_total), _n(record.verified_total),
             words["verified_grade"].format(grade=status_text(record, "zh")))
    return Review((_n(funds.claimed), _n(funds.verified), budget_reason), indicators, total)


def encode(kind: str, record: CaseRecord, options: Options, result: Any = None) -> Any:
    """A project's record (its findings counted, not kept) with its case (the form is laid
    out from the case itself)."""
    if kind != "project" or not isinstance(result, CaseResult):
        return None
    return attrs.evolve(record, findings=()), len(record.findings), result.case


def _sheet_title(number: int, name: str, taken: set[str]) -> str:
    base = _SHEET_NAME.sub("", f"{number} {name}").strip() or str(number)
    title = base[:31]
    while title in taken or title == INDEX_TITLE:
        title = f"{number}"[:31] if title != str(number) else f"{number}-{len(taken)}"
    taken.add(title)
    return title


class Writer:
    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        import openpyxl

        self.out = out
        self.options = options
        self.titles = info.rule_titles
        self.workbook = openpyxl.Workbook()
        self.index = self.workbook.active
        self.index.title = INDEX_TITLE
        self.index.append(list(INDEX_HEADER))
        self.taken: set[str] = set()
        self.count = 0

    def add(self, kind: str, payload: Any) -> None:
        if payload is None:
            return
        record, findings, case = payload
        self.count += 1
        template = template_for(case)
        title = _sheet_title(self.count, record.name, self.taken)
        sheet = self.workbook.create_sheet(title)
        end = write_form(sheet, case, template, 1, review_of(record))
        width = form_width(template) + len(REVIEW_HEADERS)
        last = end - 2
        lines = not_verified_prose(record, "zh", self.titles)  # cells the importer could not read
        if lines:
            last += 1
            sheet.cell(last, 1, NOT_VERIFIED)
            sheet.cell(last, 3, cell_text("；".join(lines)))
            sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=2)
            sheet.merge_cells(start_row=last, start_column=3, end_row=last, end_column=width)
        _finish_sheet(sheet, last, width, template)

        self.index.append([
            self.count, cell_text(record.name), cell_text(record.department), record.profile,
            _n(record.claimed_total), grade_label(record.profile, record.claimed_grade),
            _n(record.verified_total), status_text(record, "zh"), _n(record.gap),
            findings, title,
        ])
        from openpyxl.worksheet.hyperlink import Hyperlink

        link = self.index.cell(self.index.max_row, len(INDEX_HEADER))
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{title}'!A1")
        link.style = "Hyperlink"

    def finish(self, summary: Summary) -> None:
        _finish_index(self.index)
        self.workbook.save(self.out)


def _borders_and_wrap(sheet: Any, rows: int, columns: int, header_rows: tuple[int, ...] = ()) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    plain, bold = Font(size=FONT_SIZE), Font(size=FONT_SIZE, bold=True)
    for row in sheet.iter_rows(min_row=1, max_row=rows, max_col=columns):
        for cell in row:
            cell.border = border
            cell.alignment = wrap
            cell.font = bold if cell.row in header_rows else plain
            if isinstance(cell.value, (int, float)) or type(cell.value).__name__ == "Decimal":
                cell.number_format = "0.00"


def _text_width(text: str) -> int:
    """Columns of a spreadsheet a text takes: a CJK character two, others one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _row_heights(sheet: Any, last_row: int, widths: dict[int, float]) -> None:
    """Rows tall enough for their wrapped text.  Spreadsheets do not fit a row to a merged
    cell's text (and the form's long texts are merged across columns), so the height is set
    from each cell's text and the width of the columns it spans."""
    span: dict[tuple[int, int], float] = {}
    tall: set[tuple[int, int]] = set()  # labels merged down several rows: they have the room
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            span[(merged.min_row, merged.min_col)] = sum(
                widths.get(c, 10) for c in range(merged.min_col, merged.max_col + 1))
        else:
            tall.add((merged.min_row, merged.min_col))
    for row in sheet.iter_rows(min_row=1, max_row=last_row):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value or (cell.row, cell.column) in tall:
                continue
            room = span.get((cell.row, cell.column), widths.get(cell.column, 10))
            for part in cell.value.split("\n"):
                lines_here = -(-_text_width(part) // max(int(room) - 1, 1))
                lines = max(lines, lines_here + cell.value.count("\n"))
        sheet.row_dimensions[row[0].row].height = max(1, lines) * LINE_HEIGHT + 2


def _finish_sheet(sheet: Any, last_row: int, columns: int, template: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    _borders_and_wrap(sheet, last_row, columns)
    form = form_width(template)
    widths = {}
    for column in range(1, columns + 1):
        width = WIDTHS.get(column, 12) if column <= form else REVIEW_WIDTHS[column - form - 1]
        widths[column] = width
        sheet.column_dimensions[get_column_letter(column)].width = width
    _row_heights(sheet, last_row, widths)
    title = sheet.cell(1, 1)
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center", vertical="center")
    for row in sheet.iter_rows(max_col=columns, max_row=last_row):
        for cell in row[form:]:
            if cell.value in REVIEW_HEADERS:
                cell.font = Font(size=FONT_SIZE, bold=True)
    print_setup(sheet, 0, columns)


def _finish_index(sheet: Any) -> None:
    from openpyxl.utils import get_column_letter

    columns = len(INDEX_HEADER)
    _borders_and_wrap(sheet, sheet.max_row, columns, header_rows=(1,))
    for column, width in enumerate((6, 36, 22, 13, 9, 9, 9, 12, 9, 8, 24), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _row_heights(sheet, sheet.max_row, {c: w for c, w in enumerate(
        (6, 36, 22, 13, 9, 9, 9, 12, 9, 8, 24), start=1)})
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{sheet.max_row}"
    print_setup(sheet, 1, columns)
