"""Reading .xlsx workbooks (openpyxl): one :class:`~.sheets.Sheet` per worksheet.

A merged range's value is read into every cell it covers, and each cell records the
top-left cell of its range (``origins``), so the recogniser can tell one wide cell from
several equal ones.  Cell text is kept as typed (an xlsx cell is exact; nothing was
flattened): only numbers and dates are turned into text.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

from .sheets import Sheet

__all__ = ["cell_text", "read_workbook"]


class XlsxError(Exception):
    """The workbook cannot be read (not a zip, not an xlsx, openpyxl missing)."""


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def cell_text(value: Any, number_format: str = "General") -> str:
    """The text a reader sees for a cell value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, float):
            if math.isnan(value) or math.isinf(value):
                return str(value)
            number = Decimal(repr(value))
        else:
            number = Decimal(value)
        if "%" in (number_format or ""):
            return _plain(number * 100) + "%"
        return _plain(number) if isinstance(value, float) else str(number)
    return str(value)


def read_workbook(path: Path) -> list[Sheet]:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        raise XlsxError("openpyxl is not installed") from exc
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile, KeyError, InvalidFileException …
        raise XlsxError(f"{type(exc).__name__}: {exc}") from None
    sheets = []
    try:
        for ws in workbook.worksheets:
            sheets.append(_sheet(ws))
    finally:
        workbook.close()
    return sheets


def _sheet(ws: Any) -> Sheet:
    n_rows, n_cols = ws.max_row or 0, ws.max_column or 0
    if n_rows * n_cols > 2_000_000:
        n_rows = min(n_rows, 2_000_000 // max(n_cols, 1))
    texts = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    origins = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
    for row in ws.iter_rows(min_row=1, max_row=n_rows, max_col=n_cols):
        for cell in row:
            if cell.value is not None and hasattr(cell, "column") and cell.row <= n_rows:
                texts[cell.row - 1][cell.column - 1] = cell_text(cell.value, cell.number_format)
    for merged in ws.merged_cells.ranges:
        r0, c0 = merged.min_row - 1, merged.min_col - 1
        if r0 >= n_rows or c0 >= n_cols:
            continue
        value = texts[r0][c0]
        for r in range(r0, min(merged.max_row, n_rows)):
            for c in range(c0, min(merged.max_col, n_cols)):
                texts[r][c] = value
                origins[r][c] = (r0, c0)
    return Sheet(
        ws.title,
        "grid",
        tuple(tuple(row) for row in texts),
        origins=tuple(tuple(row) for row in origins),
    )
