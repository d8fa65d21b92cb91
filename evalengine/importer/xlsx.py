"""Reading .xlsx workbooks (openpyxl): one :class:`~.sheets.Sheet` per worksheet.

A merged range's value is read into every cell it covers, and each cell records the
top-left cell of its range (``origins``), so the recogniser can tell one wide cell from
several equal ones.  Cell text is kept as typed (an xlsx cell is exact; nothing was
flattened): only numbers and dates are turned into text, as their number format shows them.

Before openpyxl builds a cell, the package is checked (:func:`~.limits.check_zip`) and each
worksheet's XML is scanned once: merged ranges, cell count, hidden rows and columns, and
formulas without a cached value.  A workbook past a limit is refused by name; cells past
the row or column limit are named in a note.  Hidden and very hidden sheets are read and
noted.  Formulas are never executed: a formula's cached value is read, and a formula
without one is noted (its cell is blank).
"""

from __future__ import annotations

import datetime
import io
import math
import posixpath
import zipfile
from decimal import Decimal
from typing import Any

import attrs

from .limits import Limits, check_zip, default_limits
from .notes import Note
from .reader import Read, Unreadable
from .sheets import Merge, Sheet, grid_sheet

__all__ = ["cell_text", "read_workbook"]

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_LISTED = 5  # cells named one by one in a note; the rest are counted


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
    if isinstance(value, datetime.timedelta):
        return str(value)
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


@attrs.define
class _Scan:
    """What one worksheet's XML holds, read before any cell is built."""

    cells: int = 0
    merges: list[str] = attrs.Factory(list)
    hidden_rows: list[int] = attrs.Factory(list)
    hidden_cols: list[tuple[int, int]] = attrs.Factory(list)
    formulas: list[tuple[str, str]] = attrs.Factory(list)  # (cell, formula) without a value


def _iterparse(source: Any) -> Any:
    from lxml import etree

    return etree.iterparse(source, events=("start", "end"), resolve_entities=False,
                           no_network=True, huge_tree=False, load_dtd=False)


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Sheet name → (its XML member, its state) from workbook.xml and its relationships."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    rels: dict[str, str] = {}
    try:
        rel_root = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), parser)
        for rel in rel_root.iter(f"{PKG_REL}Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            rels[rel.get("Id", "")] = target
    except KeyError:
        pass
    root = etree.fromstring(archive.read("xl/workbook.xml"), parser)
    out = {}
    for sheet in root.iter(f"{NS}sheet"):
        target = rels.get(sheet.get(f"{REL_NS}id", ""), "")
        out[sheet.get("name", "")] = (target, sheet.get("state", "visible"))
    return out


def _scan_sheet(archive: zipfile.ZipFile, member: str) -> _Scan:
    scan = _Scan()
    if member not in archive.namelist():
        return scan
    in_cell: str | None = None
    formula: str | None = None
    has_value = False
    with archive.open(member) as handle:
        for event, elem in _iterparse(handle):
            tag = elem.tag
            if event == "start":
                if tag == f"{NS}c":
                    in_cell, formula, has_value = elem.get("r", "?"), None, False
                elif tag == f"{NS}row" and elem.get("hidden") in ("1", "true"):
                    try:
                        scan.hidden_rows.append(int(elem.get("r", "0")))
                    except ValueError:
                        pass
                elif tag == f"{NS}col" and elem.get("hidden") in ("1", "true"):
                    try:
                        scan.hidden_cols.append((int(elem.get("min", "0")), int(elem.get("max", "0"))))
                    except ValueError:
                        pass
                continue
            if tag == f"{NS}f" and in_cell is not None:
                formula = elem.text or ("(shared)" if elem.get("t") == "shared" else "")
            elif tag in (f"{NS}v", f"{NS}is") and in_cell is not None:
                has_value = has_value or bool(elem.text) or tag == f"{NS}is"
            elif tag == f"{NS}c":
                scan.cells += 1
                if formula is not None and not has_value:
                    scan.formulas.append((in_cell or "?", formula))
                in_cell = None
                elem.clear()
            elif tag == f"{NS}mergeCell":
                scan.merges.append(elem.get("ref", ""))
            elif tag == f"{NS}row":
                elem.clear()
                while elem.getprevious() is not None:
                    del elem.getparent()[0]
    return scan


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] → "3–5, 9"."""
    out: list[str] = []
    for n in sorted(set(numbers)):
        if out and out[-1].split("–")[-1] == str(n - 1):
            out[-1] = out[-1].split("–")[0] + f"–{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _precheck(name: str, scan: _Scan, limits: Limits) -> None:
    from openpyxl.utils import range_boundaries

    if scan.cells > limits.max_cells:
        raise Unreadable("too-many-cells", name, detail=f"{scan.cells}/{limits.max_cells}")
    area = 0
    for ref in scan.merges:
        try:
            c0, r0, c1, r1 = range_boundaries(ref)
        except (ValueError, TypeError):
            raise Unreadable("bad-merge", name, detail=ref) from None
        if None in (c0, r0, c1, r1):
            raise Unreadable("bad-merge", name, detail=ref)
        area += (c1 - c0 + 1) * (r1 - r0 + 1)
        if area > limits.max_merged_cells:
            raise Unreadable("merge-too-large", name, detail=f"{ref}/{limits.max_merged_cells}")


def read_workbook(data: bytes, limits: Limits | None = None) -> Read:
    limits = limits or default_limits()
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise Unreadable("missing-library", detail="openpyxl") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise Unreadable("damaged", detail=str(exc)) from None
    with archive:
        check_zip(archive, limits)
        try:
            paths = _sheet_paths(archive)
            scans = {name: _scan_sheet(archive, member) for name, (member, _) in paths.items()}
        except Exception as exc:  # noqa: BLE001 - lxml.etree.XMLSyntaxError, KeyError, zlib.error …
            raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    for name, scan in scans.items():
        _precheck(name, scan, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # noqa: BLE001 - zipfile.BadZipFile, KeyError, InvalidFileException …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    sheets = []
    try:
        for ws in workbook.worksheets:
            scan = scans.get(ws.title, _Scan())
            state = paths.get(ws.title, ("", ws.sheet_state))[1] or ws.sheet_state
            sheets.append(_sheet(ws, scan, state, limits))
    finally:
        workbook.close()
    return Read(tuple(sheets))


def _sheet(ws: Any, scan: _Scan, state: str, limits: Limits) -> Sheet:
    from openpyxl.utils import get_column_letter

    name = ws.title
    notes: list[Note] = []
    if state in ("hidden", "veryHidden"):
        notes.append(Note("hidden-sheet", name, detail=state))
    if scan.hidden_rows:
        notes.append(Note("hidden-rows", name, detail=_ranges(scan.hidden_rows)))
    if scan.hidden_cols:
        cols = [c for a, b in scan.hidden_cols for c in range(a, min(b, a + 100) + 1)]
        notes.append(Note("hidden-columns", name,
                          detail=", ".join(get_column_letter(c) for c in sorted(set(cols))
                                           if 0 < c <= 16384)))
    for ref, formula in scan.formulas[:MAX_LISTED]:
        notes.append(Note("formula-no-value", f"{name}!{ref}", detail=f"={formula}"))
    if len(scan.formulas) > MAX_LISTED:
        notes.append(Note("formula-no-value-more", name, detail=str(len(scan.formulas) - MAX_LISTED)))
    cells = {key: cell for key, cell in getattr(ws, "_cells", {}).items()
             if cell.value is not None}
    # the grid spans the cells within the row and column limits, so a stray cell far out
    # (XFD1048576) is named in a note instead of widening the grid to millions of cells
    inside = [(r, c) for r, c in cells if r <= limits.max_rows and c <= limits.max_columns]
    keep_cols = max((c for _, c in inside), default=0)
    keep_rows = min(max((r for r, _ in inside), default=0), limits.max_cells // max(keep_cols, 1))
    dropped = sorted((r, c) for r, c in cells if r > keep_rows or c > keep_cols)
    if dropped:
        listed = ", ".join(f"{get_column_letter(c)}{r}" for r, c in dropped[:MAX_LISTED])
        more = len(dropped) - MAX_LISTED
        notes.append(Note("cells-not-read", name, detail=listed + (f" …(+{more})" if more > 0 else "")))
    texts = [["" for _ in range(keep_cols)] for _ in range(keep_rows)]
    for (r, c), cell in cells.items():
        if r <= keep_rows and c <= keep_cols:
            texts[r - 1][c - 1] = cell_text(cell.value, cell.number_format)
    merges: list[Merge] = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                           for m in ws.merged_cells.ranges]
    return grid_sheet(name, texts, merges, notes=notes)
