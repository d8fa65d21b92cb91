"""A case exported with export-form and flattened to text imports back equal (issue 10 §6).

The exported workbook's cells are flattened the ways published forms are: tab-separated
lines (PDF text), pipe rows (web tables), one cell per line (``cell |``).  Each shape,
imported, gives the case back: what a form carries, as in tests/test_import_xlsx.py.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from evalengine.importer import import_text
from evalengine.importer.export import form_workbook, template_for
from evalengine.importer.xlsx import cell_text
from evalengine.loader import load_paths
from evalengine.importer.labels import clean
from evalengine.model import Case, Unread

ROOT = Path(__file__).resolve().parent.parent
CASES = [r.document for r in load_paths([ROOT / "cases" / "2021"])
         if isinstance(r.document, Case)]


def _cleaned(record):  # type: ignore[no-untyped-def]
    """Text as flattening leaves it (labels.clean: no spaces inside Chinese text)."""
    changes = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if isinstance(value, str):
            changes[field.name] = clean(value)
        elif attrs.has(type(value)) and not isinstance(value, Unread):
            changes[field.name] = _cleaned(value)
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            changes[field.name] = tuple(_cleaned(v) for v in value)
    return attrs.evolve(record, **changes)


def _normal(case: Case) -> Case:
    case = _cleaned(case)
    return attrs.evolve(
        case,
        project=attrs.evolve(case.project, source="", has_form=True, incomplete="", layout=""),
        funds=attrs.evolve(case.funds, source=""),
        ignore=(),
    )


def _grid(case: Case) -> list[list[str | None]]:
    """The exported form's cells; None for the cells a merged range covers after its first."""
    ws = form_workbook([("自评表", [(case, template_for(case))])]).active
    merged_tail = set()
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    merged_tail.add((r, c))
    rows = []
    for row in ws.iter_rows():
        rows.append([None if (cell.row, cell.column) in merged_tail
                     else cell_text(cell.value, cell.number_format)
                     for cell in row])
    return rows


def _tab(rows: list[list[str | None]]) -> str:
    """PDF text: every cell position kept, a merged range's further cells blank."""
    return "\n".join("\t".join(c or "" for c in r).rstrip("\t") for r in rows if any(r)) + "\n"


def _pipe(rows: list[list[str | None]]) -> str:
    """A web table flattened to pipe rows, blank cells dropped."""
    return "\n".join(" | ".join(c for c in r if c) + " |" for r in rows if any(r)) + "\n"


def _disagreements(got, expected, path: str = "$") -> list[str]:  # type: ignore[no-untyped-def]
    """Fields of ``got`` that differ from ``expected`` and are not declared unread."""
    out: list[str] = []
    unread = getattr(got, "unread", Unread())
    for field in attrs.fields(type(got)):
        if field.name == "unread":
            continue
        a, b = getattr(got, field.name), getattr(expected, field.name)
        if isinstance(a, tuple) and a and attrs.has(type(a[0])) or isinstance(b, tuple) and b \
                and attrs.has(type(b[0])):
            if len(a) != len(b):
                out.append(f"{path}.{field.name}: {len(a)} rows, expected {len(b)}")
                continue
            for n, (x, y) in enumerate(zip(a, b)):
                out.extend(_disagreements(x, y, f"{path}.{field.name}[{n}]"))
        elif attrs.has(type(a)) and not isinstance(a, Unread):
            out.extend(_disagreements(a, b, f"{path}.{field.name}"))
        elif a != b and not (field.name in unread and a in (None, "")):
            out.append(f"{path}.{field.name}: {a!r}, expected {b!r}")
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:16])
def test_a_flattened_export_imports_back_equal(case):
    """Tab text keeps every cell's position: the case comes back exactly."""
    imported = import_text(_tab(_grid(case)).encode("utf-8"))
    assert len(imported.forms) == 1, imported.notes
    assert _normal(imported.forms[0].case) == _normal(case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:16])
def test_pipe_rows_without_blanks_come_back_or_say_what_was_not_read(case):
    """Pipe rows drop blank cells: what cannot be told apart (50 | 49.78 under six money
    columns) is unread = "ambiguous"; everything read is what the form holds."""
    imported = import_text(_pipe(_grid(case)).encode("utf-8"))
    assert len(imported.forms) == 1, imported.notes
    got = imported.forms[0].case
    assert _disagreements(_normal(got), _normal(case)) == []


def _cells_per_line(rows: list[list[str | None]]) -> str:
    """A web table flattened one cell per line (``cell |``), blank cells kept, a merged
    range once."""
    lines = []
    for r in rows:
        if any(r):
            lines.extend(f"{c} |" for c in r if c is not None)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:16])
def test_one_cell_per_line_comes_back_or_says_what_was_not_read(case):
    imported = import_text(_cells_per_line(_grid(case)).encode("utf-8"))
    assert len(imported.forms) == 1, imported.notes
    got = imported.forms[0].case
    assert _disagreements(_normal(got), _normal(case)) == []
