"""``--format xlsx -o FILE``: a workbook for evaluators (openpyxl, write-only, so rows go
to disk as they come and memory stays flat).

Sheets: 项目 (one row per project, the columns of the CSV), 指标 (one row per scored 三级
indicator), 问题 (one row per finding, projects' and departments'), 汇总 (the summary).
Headers are in Chinese (English with ``--lang en``); figures are numbers, so they sum.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from ..report import NOT_DEMONSTRATED, Summary
from .data import (
    FINDING_COLUMNS,
    INDICATOR_COLUMNS,
    NUMERIC_INDICATOR_COLUMNS,
    NUMERIC_PROJECT_COLUMNS,
    PROJECT_COLUMNS,
    finding_rows,
    indicator_rows,
    num,
    percent,
    project_row,
)
from .formats import Options, RunInfo
from .labels import label

__all__ = ["SHEETS", "Writer", "encode"]

SHEETS = ("projects", "indicators", "findings", "summary")  # in workbook order
_WIDTHS = {"file": 36, "name": 30, "project": 30, "message": 60, "target": 28, "actual": 28,
           "reason": 36, "department": 22, "implementer": 22, "indicator": 24}


def _safe(sheet: Any, values: list[Any]) -> list[Any]:
    """Text from the cases as Excel will show it: characters a workbook cannot hold (control
    characters) become U+FFFD, and text starting with "=" stays text, never a formula."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    row = []
    for value in values:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
            if value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
        row.append(value)
    return row


def _number(value: Any) -> Any:
    return Decimal(value) if isinstance(value, str) and value else value


def _cells(row: dict[str, Any], columns: tuple[tuple[str, str], ...], numeric: frozenset[str]) -> list[Any]:
    return [_number(row[key]) if key in numeric else row[key] for key, _ in columns]


def encode(kind: str, record: dict[str, Any], options: Options) -> dict[str, list[list[Any]]]:
    """The rows this record adds to each sheet."""
    lang = options.lang
    if kind == "failure":
        return {}
    rows: dict[str, list[list[Any]]] = {
        "findings": [_cells(r, FINDING_COLUMNS, frozenset()) for r in finding_rows(kind, record, lang)],
    }
    if kind == "project":
        rows["projects"] = [_cells(project_row(record, lang), PROJECT_COLUMNS, NUMERIC_PROJECT_COLUMNS)]
        rows["indicators"] = [_cells(r, INDICATOR_COLUMNS, NUMERIC_INDICATOR_COLUMNS)
                              for r in indicator_rows(record, lang)]
    return rows


class Writer:
    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        self.out = out
        self.options = options
        self.info = info
        self.workbook = Workbook(write_only=True)
        self.sheets = {name: self.workbook.create_sheet(label("sheet." + name, options.lang))
                       for name in SHEETS}
        self.rows = dict.fromkeys(SHEETS, 1)
        columns = {"projects": PROJECT_COLUMNS, "indicators": INDICATOR_COLUMNS,
                   "findings": FINDING_COLUMNS}
        self.widths = {name: len(cols) for name, cols in columns.items()}
        for name, cols in columns.items():
            sheet = self.sheets[name]
            sheet.freeze_panes = "A2"
            for index, (_, key) in enumerate(cols, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(key, 12)
            sheet.append(self._header([label(key, options.lang) for _, key in cols], sheet))
        self.sheets["summary"].column_dimensions["A"].width = 36
        self.sheets["summary"].column_dimensions["B"].width = 16
        self.sheets["summary"].column_dimensions["C"].width = 16

    @staticmethod
    def _header(values: list[Any], sheet: Any) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cells.append(cell)
        return cells

    def add(self, kind: str, payload: dict[str, list[list[Any]]]) -> None:
        for name, rows in payload.items():
            sheet = self.sheets[name]
            for row in rows:
                sheet.append(_safe(sheet, row))
            self.rows[name] += len(rows)

    def _summary(self, summary: Summary) -> None:
        lang = self.options.lang
        sheet = self.sheets["summary"]
        L = lambda key: label(key, lang)
        wan = L("unit.wan")
        sheet.append(self._header([L("report.title"), "", ""], sheet))
        if self.info.paths:
            sheet.append(_safe(sheet, [L("report.scope"), "  ".join(self.info.paths)]))
        for key, value in (
            ("projects", summary.projects),
            ("projects_rated", summary.rated),
            ("status.not_demonstrated", summary.not_demonstrated),
            ("departments_count", summary.departments),
            ("failed", summary.failures),
            ("money.budget", _number(num(summary.budget))),
            ("money.executed", _number(num(summary.executed))),
            ("money.rate", _number(percent(summary.rate))),
            ("money.not_demonstrated", _number(num(summary.budget_not_demonstrated))),
        ):
            unit = f"({wan})" if key.startswith("money.") and key != "money.rate" else (
                "(%)" if key == "money.rate" else "")
            sheet.append([L(key) + unit, value])
        for label_key, count in summary.findings:
            sheet.append([L("severity." + label_key), count])
        sheet.append([])
        sheet.append(self._header([L("grade"), L("claimed_col"), L("verified_col")], sheet))
        claimed = dict(summary.claimed_by_grade)
        for grade, count in summary.by_grade:
            sheet.append([grade, claimed.get(grade, 0), count])
        sheet.append([L("status.not_demonstrated"), None, summary.not_demonstrated])
        sheet.append([L("no_claim"), summary.no_claim, None])
        sheet.append([])
        sheet.append(self._header([L("summary.changes"), L("verified_col"), L("count")], sheet))
        for c, v, n in summary.grade_changes:
            sheet.append([c or L("no_claim"), L("status.not_demonstrated") if v == NOT_DEMONSTRATED else v, n])
        sheet.append([])
        sheet.append(self._header([L("bin"), L("claimed_col"), L("verified_col")], sheet))
        for start, c, v in summary.score_bins:
            sheet.append([f"{start}–{start + 10}", c, v])
        sheet.append([])
        sheet.append(self._header([L("rule"), L("count"), L("rule_title")], sheet))
        for code, count in summary.rules:
            sheet.append([code, count, self.info.rule_titles.get(code, "")])
        sheet.append([])
        sheet.append(self._header([L("department"), L("projects"), L("findings")], sheet))
        for name, projects, findings in summary.by_department:
            sheet.append(_safe(sheet, [name or L("department_unnamed"), projects, findings]))

    def finish(self, summary: Summary) -> None:
        from openpyxl.utils import get_column_letter

        self._summary(summary)
        for name, width in self.widths.items():
            self.sheets[name].auto_filter.ref = f"A1:{get_column_letter(width)}{self.rows[name]}"
        self.workbook.save(self.out)
