"""Reading .xls and .ods workbooks with python-calamine: one grid sheet per worksheet.

calamine gives each cell's value (a formula's cached value; formulas are never executed)
and, for .xls, the merged ranges; an .ods package's merged ranges (``number-columns-spanned``
/ ``number-rows-spanned``) and hidden rows are read from its ``content.xml``.  Dimensions
are checked before any cell is built; hidden sheets are read and noted.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .limits import Limits, check_zip
from .notes import Note
from .reader import Read, Unreadable
from .sheets import Merge, Sheet, grid_sheet
from .xlsx import cell_text

__all__ = ["read_spreadsheet"]

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_VALUES = ("value", "date-value", "time-value", "boolean-value", "string-value")


class _Ods:
    """What content.xml says about one table besides its values."""

    def __init__(self) -> None:
        self.merges: list[Merge] = []
        self.hidden: list[int] = []
        self.formulas: list[tuple[str, str]] = []  # (cell, formula) with no saved value


def read_spreadsheet(data: bytes, kind: str, limits: Limits) -> Read:
    try:
        import python_calamine as calamine
    except ImportError:  # pragma: no cover - a dependency
        raise Unreadable("missing-library", detail="python-calamine") from None
    ods: dict[str, _Ods] = {}
    if kind == "ods":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_zip(archive, limits)
                ods = _ods_structure(archive, limits)
        except zipfile.BadZipFile as exc:
            raise Unreadable("damaged", detail=str(exc)) from None
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise Unreadable("encrypted") from None
    except Exception as exc:  # noqa: BLE001 - CalamineError, XmlError, ZipError …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                continue  # a chart sheet or a macro sheet has no cells to read
            sheets.append(_sheet(workbook, meta, ods.get(meta.name), limits))
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet calamine cannot decode
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        workbook.close()
    return Read(tuple(sheets))


def _sheet(workbook: Any, meta: Any, ods: _Ods | None, limits: Limits) -> Sheet:
    name = meta.name
    notes: list[Note] = []
    visible = str(meta.visible)
    if "VeryHidden" in visible:
        notes.append(Note("hidden-sheet", name, detail="veryHidden"))
    elif "Hidden" in visible:
        notes.append(Note("hidden-sheet", name, detail="hidden"))
    sheet = workbook.get_sheet_by_name(name)
    (r_end, c_end) = sheet.end or (-1, -1)
    n_rows, n_cols = r_end + 1, c_end + 1
    if n_rows > limits.max_rows or n_cols > limits.max_columns or n_rows * n_cols > limits.max_cells:
        raise Unreadable("sheet-too-large", name, detail=f"{n_rows}×{n_cols}/{limits.max_cells}")
    values = sheet.to_python(skip_empty_area=False) if n_rows > 0 else []
    texts = [[cell_text(v) for v in row] for row in values]
    merges: list[Merge] = []
    hidden_rows: list[int] = []
    if ods is not None:
        merges, hidden_rows = ods.merges, ods.hidden
        for ref, formula in ods.formulas[:5]:
            notes.append(Note("formula-no-value", f"{name}!{ref}", detail=formula))
        if len(ods.formulas) > 5:
            notes.append(Note("formula-no-value-more", name, detail=str(len(ods.formulas) - 5)))
    else:
        for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ():
            merges.append((r0, c0, r1, c1))
    area = sum((m[2] - m[0] + 1) * (m[3] - m[1] + 1) for m in merges)
    if area > limits.max_merged_cells:
        raise Unreadable("merge-too-large", name, detail=f"{area}/{limits.max_merged_cells}")
    if hidden_rows:
        from .xlsx import _ranges

        notes.append(Note("hidden-rows", name, detail=_ranges(hidden_rows)))
    return grid_sheet(name, texts, merges, notes=notes)


def _ods_structure(archive: zipfile.ZipFile, limits: Limits) -> dict[str, _Ods]:
    """Each table's merged ranges, hidden rows and formulas without a saved value, from
    content.xml, without building cells."""
    from openpyxl.utils import get_column_letter

    from .xlsx import _iterparse

    out: dict[str, _Ods] = {}
    try:
        handle = archive.open("content.xml")
    except KeyError:
        raise Unreadable("damaged", detail="content.xml missing") from None
    name = ""
    row = col = 0
    table = _Ods()
    try:
        with handle:
            for event, elem in _iterparse(handle):
                tag = elem.tag
                if event == "start":
                    if tag == f"{TABLE}table":
                        name = elem.get(f"{TABLE}name", "")
                        row, table = 0, _Ods()
                    elif tag == f"{TABLE}table-row":
                        col = 0
                    elif tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                        cols = int(elem.get(f"{TABLE}number-columns-spanned", "1"))
                        rows = int(elem.get(f"{TABLE}number-rows-spanned", "1"))
                        if tag == f"{TABLE}table-cell" and (cols > 1 or rows > 1):
                            if cols * rows > limits.max_merged_cells:
                                raise Unreadable("merge-too-large", name,
                                                 detail=f"{cols * rows}/{limits.max_merged_cells}")
                            table.merges.append((row, col, row + rows - 1, col + cols - 1))
                        formula = elem.get(f"{TABLE}formula")
                        if formula and not any(elem.get(f"{OFFICE}{v}") for v in _VALUES) \
                                and 0 <= col < 16384:
                            table.formulas.append((f"{get_column_letter(col + 1)}{row + 1}", formula))
                        col += int(elem.get(f"{TABLE}number-columns-repeated", "1"))
                    continue
                if tag == f"{TABLE}table-row":
                    repeat = int(elem.get(f"{TABLE}number-rows-repeated", "1"))
                    if elem.get(f"{TABLE}visibility") == "collapse" and repeat < 1000:
                        table.hidden.extend(range(row + 1, row + repeat + 1))
                    row += repeat
                    elem.clear()
                elif tag == f"{TABLE}table":
                    out[name] = table
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - XMLSyntaxError, ValueError in a span …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    return out
