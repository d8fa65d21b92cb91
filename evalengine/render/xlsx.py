"""``--format xlsx -o FILE``: a workbook for evaluators (openpyxl, write-only, so rows go
to disk as they come and memory stays flat).

Sheets, in this order: 汇总 (the summary, first: it is what a reader opens the file for),
项目 (one row per project), 指标 (one row per scored 三级 indicator), 问题 (one row per
finding, projects' and departments', with the rule's title and the 主管部门, so an evaluator
filters by rule, severity and department).  Headers are in Chinese (English with ``--lang
en``); names come before file paths; figures are numbers with their format (money and
scores ``0.00``, rates ``0.00%``), so they sum; long text wraps in sized columns; every cell
has a thin border; headers are frozen and filtered; each sheet prints on A4 landscape, fit
to the page width, with its header row repeated on every page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

import attrs

from ..numbers import HUNDRED
from ..report import NOT_DEMONSTRATED, Summary
from .data import finding_rows, indicator_rows, num, percent, project_row
from .formats import Options, RunInfo
from .labels import label

__all__ = ["SHEETS", "Column", "Writer", "cell_text", "encode", "print_setup"]

SHEETS = ("summary", "projects", "indicators", "findings")  # in workbook order


@attrs.frozen
class Column:
    key: str  # in the flat row (render.data)
    label: str  # label key
    kind: str = "text"  # text | wrap | money | score | pct | int
    width: int = 12


PROJECT_SHEET = (
    Column("name", "name", "wrap", 30), Column("department", "department", "wrap", 20),
    Column("implementer", "implementer", "wrap", 20), Column("year", "year", "int", 7),
    Column("profile", "profile", "text", 13), Column("status", "status", "text", 11),
    Column("status_reason", "status_reason", "wrap", 18),
    Column("budget", "budget", "money", 12), Column("executed", "executed", "money", 12),
    Column("rate", "rate_pct", "pct", 10), Column("claimed_total", "claimed", "score", 9),
    Column("verified_total", "verified", "score", 9), Column("gap", "gap", "score", 9),
    Column("claimed_grade", "claimed_grade", "text", 9),
    Column("verified_grade", "verified_grade", "text", 11),
    Column("evidence_share", "evidence_share_pct", "pct", 11),
    Column("supported_points", "supported", "score", 10),
    Column("findings", "findings", "int", 8), Column("errors", "errors", "int", 7),
    Column("warnings", "warnings", "int", 7), Column("infos", "infos", "int", 7),
    Column("rules", "rules_fired", "wrap", 20), Column("file", "file", "wrap", 30),
)
INDICATOR_SHEET = (
    Column("project", "name", "wrap", 24), Column("level1", "level1", "text", 11),
    Column("level2", "level2", "text", 12), Column("name", "indicator", "wrap", 22),
    Column("category", "category", "text", 10), Column("target", "target", "wrap", 26),
    Column("actual", "actual", "wrap", 26), Column("weight", "weight", "score", 8),
    Column("claimed", "claimed", "score", 8), Column("verified", "verified", "score", 8),
    Column("achievement", "achievement_pct", "pct", 10), Column("evidence", "evidence", "text", 10),
    Column("reason", "reason", "wrap", 30), Column("path", "path", "text", 18),
    Column("file", "file", "wrap", 26),
)
FINDING_SHEET = (
    Column("name", "name", "wrap", 24), Column("department", "department", "wrap", 18),
    Column("kind", "kind", "text", 7), Column("code", "rule", "text", 7),
    Column("title", "rule_title", "wrap", 18), Column("severity", "severity", "text", 7),
    Column("message", "message", "wrap", 50), Column("expected", "expected", "wrap", 30),
    Column("found", "found", "wrap", 30), Column("path", "path", "text", 22),
    Column("file", "file", "wrap", 26),
)
COLUMNS = {"projects": PROJECT_SHEET, "indicators": INDICATOR_SHEET, "findings": FINDING_SHEET}
FORMATS = {"money": "0.00", "score": "0.00", "pct": "0.00%", "int": "0"}


def _value(value: Any, kind: str) -> Any:
    if kind in ("money", "score", "pct"):
        if value is None or value == "":
            return None
        number = Decimal(value)
        return number / HUNDRED if kind == "pct" else number
    return value


def encode(kind: str, record: dict[str, Any], options: Options) -> dict[str, list[list[Any]]]:
    """The rows this record adds to each sheet (figures as Decimals, rates as fractions)."""
    lang = options.lang
    if kind == "failure":
        return {}
    rows: dict[str, list[list[Any]]] = {  # a finding's rule title is filled in by the Writer
        "findings": [[_value({**r, "title": ""}[c.key], c.kind) for c in FINDING_SHEET]
                     for r in finding_rows(kind, record, lang)],
    }
    if kind == "project":
        row = project_row(record, lang)
        rows["projects"] = [[_value(row[c.key], c.kind) for c in PROJECT_SHEET]]
        rows["indicators"] = [[_value(r[c.key], c.kind) for c in INDICATOR_SHEET]
                              for r in indicator_rows(record, lang)]
    return rows


class _Styles:
    """The few styles of the workbook, made once (openpyxl shares equal styles anyway)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.head_font = Font(bold=True)
        self.head_fill = PatternFill("solid", fgColor="DDEBF7")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.head_align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.title_font = Font(bold=True, size=14)


def cell_text(value: str) -> Any:
    """Text from the cases as Excel will show it: characters a workbook cannot hold (control
    characters) become U+FFFD."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)


def print_setup(sheet: Any, header_rows: int = 1, columns: int = 0) -> None:
    """A4 landscape, fit to the page width, as many pages down as it takes; the first
    ``header_rows`` repeated on each page; with ``columns``, the print area ends there."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if header_rows:
        sheet.print_title_rows = f"1:{header_rows}"
    if columns:
        sheet.print_area = f"A1:{get_column_letter(columns)}{sheet.max_row}"
        sheet.print_options.horizontalCentered = True
    sheet.print_options.gridLines = False


class Writer:
    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        self.out = out
        self.options = options
        self.info = info
        self.styles = _Styles()
        self.workbook = Workbook(write_only=True)
        self.sheets = {name: self.workbook.create_sheet(label("sheet." + name, options.lang))
                       for name in SHEETS}
        self.rows = dict.fromkeys(SHEETS, 1)
        for name, sheet in self.sheets.items():
            print_setup(sheet, 0 if name == "summary" else 1)
        for name, columns in COLUMNS.items():
            sheet = self.sheets[name]
            sheet.freeze_panes = "B2"  # the header row and the name column stay in view
            for index, column in enumerate(columns, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = column.width
            sheet.append(self._header([label(c.label, options.lang) for c in columns], sheet))
        summary = self.sheets["summary"]
        for letter, width in zip("ABC", (40, 16, 36)):
            summary.column_dimensions[letter].width = width

    def _header(self, values: list[Any], sheet: Any) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = self.styles.head_font
            cell.fill = self.styles.head_fill
            cell.border = self.styles.border
            cell.alignment = self.styles.head_align
            cells.append(cell)
        return cells

    def _cells(self, sheet: Any, values: list[Any], kinds: list[str]) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for value, kind in zip(values, kinds):
            if isinstance(value, str):
                value = cell_text(value)
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
            cell.border = self.styles.border
            cell.alignment = self.styles.wrap if kind == "wrap" else self.styles.top
            if kind in FORMATS and value is not None:
                cell.number_format = FORMATS[kind]
            cells.append(cell)
        return cells

    def add(self, kind: str, payload: dict[str, list[list[Any]]]) -> None:
        titles = self.info.rule_titles
        for name, rows in payload.items():
            sheet, columns = self.sheets[name], COLUMNS[name]
            kinds = [c.kind for c in columns]
            for row in rows:
                if name == "findings":
                    row = list(row)
                    row[4] = titles.get(row[3], "")
                sheet.append(self._cells(sheet, row, kinds))
            self.rows[name] += len(rows)

    def _line(self, values: list[Any], kinds: tuple[str, ...] = ("text", "int", "text")) -> None:
        sheet = self.sheets["summary"]
        sheet.append(self._cells(sheet, values, list(kinds[:len(values)])))

    def _summary(self, summary: Summary) -> None:
        from openpyxl.cell import WriteOnlyCell

        lang = self.options.lang
        sheet = self.sheets["summary"]
        L = lambda key: label(key, lang)  # noqa: E731
        wan = L("unit.wan")
        title = WriteOnlyCell(sheet, value=L("report.title"))
        title.font = self.styles.title_font
        sheet.append([title])
        if self.info.paths:
            self._line([L("report.scope"), "  ".join(self.info.paths)], ("text", "text"))
        sheet.append([])
        sheet.append(self._header([L("summary.overview"), "", ""], sheet))
        for key, value in (
            ("projects", summary.projects),
            ("projects_rated", summary.rated),
            ("status.not_demonstrated", summary.not_demonstrated),
            ("departments_count", summary.departments),
            ("failed", summary.failures),
        ):
            self._line([L(key), value])
        for key, value, kind in (
            ("money.budget", num(summary.budget), "money"),
            ("money.executed", num(summary.executed), "money"),
            ("money.rate", percent(summary.rate), "pct"),
            ("money.not_demonstrated", num(summary.budget_not_demonstrated), "money"),
        ):
            unit = f"({wan})" if kind == "money" else ""
            self._line([L(key) + unit, _value(value, kind)], ("text", kind))
        for label_key, count in summary.findings:
            self._line([L("severity." + label_key), count])
        sheet.append([])
        sheet.append(self._header([L("grade"), L("claimed_col"), L("verified_col")], sheet))
        claimed = dict(summary.claimed_by_grade)
        for grade, count in summary.by_grade:
            self._line([grade, claimed.get(grade, 0), count], ("text", "int", "int"))
        self._line([L("status.not_demonstrated"), None, summary.not_demonstrated], ("text", "int", "int"))
        self._line([L("no_claim"), summary.no_claim, None], ("text", "int", "int"))
        sheet.append([])
        sheet.append(self._header([L("summary.changes"), L("verified_col"), L("count")], sheet))
        for c, v, n in summary.grade_changes:
            shown = L("status.not_demonstrated") if v == NOT_DEMONSTRATED else v
            self._line([c or L("no_claim"), shown, n], ("text", "text", "int"))
        sheet.append([])
        sheet.append(self._header([L("bin"), L("claimed_col"), L("verified_col")], sheet))
        for start, c, v in summary.score_bins:
            self._line([f"{start}–{start + 10}", c, v], ("text", "int", "int"))
        sheet.append([])
        sheet.append(self._header([L("rule"), L("count"), L("rule_title")], sheet))
        for code, count in summary.rules:
            self._line([code, count, self.info.rule_titles.get(code, "")], ("text", "int", "wrap"))
        sheet.append([])
        sheet.append(self._header([L("department"), L("projects"), L("findings")], sheet))
        for name, projects, findings in summary.by_department:
            self._line([name or L("department_unnamed"), projects, findings], ("wrap", "int", "int"))

    def finish(self, summary: Summary) -> None:
        from openpyxl.utils import get_column_letter

        self._summary(summary)
        for name, columns in COLUMNS.items():
            self.sheets[name].auto_filter.ref = f"A1:{get_column_letter(len(columns))}{self.rows[name]}"
        self.workbook.save(self.out)
