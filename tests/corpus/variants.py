"""Forms nobody here has seen, made from the ones we have (issue 10 §2, §3, §6).

Each hand-checked expected case (``tests/corpus/expected/*.toml``) and each case of
``cases/2021`` is written as a form with ``export-form``'s writer (xlsx cells, merged ranges
as the template has them), then flattened to text in the shapes published forms come in:

* ``tab``        every cell position kept, tab-separated (PDF text)
* ``pipe``       web-table rows, blank cells dropped (``a | b |``)
* ``cells``      one cell per line (``cell |``), blank cells kept, a merged range once
* ``broken``     pipe rows with every long text cell broken over two lines
* ``page``       tab rows, the middle indicator row broken by a page footer
* ``glued``      no cell boundaries in a row at all (``年度资金总额5049.78…``), a row a line
* ``oneline``    the whole form glued into one line
* ``paragraphs`` one cell per paragraph (blank lines between cells, `` `` for a blank cell),
  short labels of narrow columns wrapped into two paragraphs (``数量 ↵↵ 指标``), every other
  row's trailing blank cells dropped (a web table copied as text)
* ``columns``    whitespace words (a spreadsheet flattened to one run): the indicator header's
  labels out of order, and the rows under one merged 二级 cell printed column by column --
  their names first, then each row's other cells
* ``synonyms``   tab rows with header labels swapped for another layout's synonym
  (rules/layouts/*.toml: a field's labels in one layout read for it in another)
* ``traditional`` tab rows converted to Traditional characters (OpenCC s2t)
* ``ocr``        tab rows with OCR confusions: ≥ → 2, ≤ → W, one 0 in three → O

and imported back; the fields are compared with the case as the harness does
(tests/corpus/harness.py: right / wrong / missed / spurious / invented; ``unread`` fields
are neither).  The expected figures are the case's own, except what a form does not carry
(``incomplete``: the exported form is whole).  Measured by ``python benchmarks/
variant_accuracy.py``; ``tests/test_variants.py`` holds a floor per shape.
"""

from __future__ import annotations

import copy
import random
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs
from evalengine.importer import import_text
from evalengine.importer.export import form_workbook, template_for
from evalengine.importer.xlsx import cell_text
from evalengine.loader import load_paths
from evalengine.model import Case

from .harness import PLACEHOLDER_NAME, FieldResult, Tally, compare_case, flat_expected, \
    flat_imported, match_cases, tally

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED = Path(__file__).resolve().parent / "expected"
LAYOUTS = ROOT / "rules" / "layouts"
CASES = ROOT / "cases" / "2021"

Grid = list[list[str | None]]


# ---------------------------------------------------------------------------------------
# Sources: (id, the case, its TOML document)
# ---------------------------------------------------------------------------------------

def sources() -> list[tuple[str, Case, dict[str, Any]]]:
    out = []
    paths = sorted(EXPECTED.glob("*.toml")) + sorted(CASES.glob("*.toml"))
    for path in paths:
        results = list(load_paths([path]))
        if len(results) != 1 or not isinstance(results[0].document, Case):
            continue
        with path.open("rb") as fh:
            doc = tomllib.load(fh, parse_float=Decimal)
        ident = path.stem if path.parent == EXPECTED else f"2021/{path.stem}"
        out.append((ident, results[0].document, doc))
    return out


def grid(case: Case) -> Grid:
    """The exported form's cells; None for the cells a merged range covers after its first.
    A name the form does not print (the expected case's ``[项目名称未见] …`` stand-in) is
    exported blank, as the form has it."""
    if case.project.name.startswith(PLACEHOLDER_NAME):
        case = attrs.evolve(case, project=attrs.evolve(case.project, name=""))
    ws = form_workbook([("自评表", [(case, template_for(case))])]).active
    tail = set()
    spans = []
    for rng in ws.merged_cells.ranges:
        spans.append((rng.min_row - 1, rng.min_col - 1, rng.max_row - rng.min_row + 1,
                      rng.max_col - rng.min_col + 1))
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    tail.add((r, c))
    return Cells([[None if (cell.row, cell.column) in tail
                   else cell_text(cell.value, cell.number_format) for cell in row]
                  for row in ws.iter_rows()], merged=sorted(spans))


class Cells(list):  # type: ignore[type-arg]
    """A Grid that knows its merged ranges, (row, col, rows, cols) counted from 0."""

    def __init__(self, rows: Iterable[list[str | None]] = (),
                 merged: Sequence[tuple[int, int, int, int]] = ()) -> None:
        super().__init__(rows)
        self.merged = tuple(merged)


# ---------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------

def _rows(g: Grid) -> list[list[str | None]]:
    return [r for r in g if any(r)]


def tab(g: Grid) -> str:
    return "\n".join("\t".join(c or "" for c in r).rstrip("\t") for r in _rows(g)) + "\n"


def pipe(g: Grid) -> str:
    return "\n".join(" | ".join(c for c in r if c) + " |" for r in _rows(g)) + "\n"


def cells(g: Grid) -> str:
    """One cell per line (``cell |``), blank cells kept, a merged range once."""
    return "\n".join(f"{c} |" for r in _rows(g) for c in r if c is not None) + "\n"


def broken(g: Grid) -> str:
    """Long text cells wrap: the first half ends one line, the rest starts the next."""
    lines = []
    for r in _rows(g):
        parts = [c for c in r if c]
        line: list[str] = []
        for c in parts:
            if len(c) >= 8 and not re.search(r"\d", c):
                half = len(c) // 2
                line.append(c[:half])
                lines.append(" | ".join(line))
                line = [c[half:]]
            else:
                line.append(c)
        lines.append(" | ".join(line) + " |")
    return "\n".join(lines) + "\n"


def _indicator_row(r: Sequence[str | None]) -> bool:
    filled = [c for c in r if c]
    return len(filled) >= 4 and any(re.fullmatch(r"[\d.]+", c) for c in filled[-3:])


def page(g: Grid) -> str:
    """A page ends inside the middle indicator row: its first cells, the page footer, a form
    feed, then the rest of the row (tab rows otherwise)."""
    rows = _rows(g)
    hits = [i for i, r in enumerate(rows) if _indicator_row(r)]
    at = hits[len(hits) // 2] if hits else -1
    lines = []
    for i, r in enumerate(rows):
        if i == at:
            filled = [j for j, c in enumerate(r) if c]
            cut = filled[len(filled) // 2]
            lines.append("\t".join(c or "" for c in r[:cut]))
            lines.append("第 1 页，共 2 页")
            lines.append("\f" + "\t".join(c or "" for c in r[cut:]).rstrip("\t"))
        else:
            lines.append("\t".join(c or "" for c in r).rstrip("\t"))
    return "\n".join(lines) + "\n"


def glued(g: Grid) -> str:
    """Each row's cells run together, one row a line."""
    return "\n".join("".join(c for c in r if c) for r in _rows(g)) + "\n"


def oneline(g: Grid) -> str:
    """The whole form one run of text, no boundary anywhere (a page copied as plain text)."""
    return "".join(c for r in _rows(g) for c in r if c) + "\n"


def _narrow(cell: str) -> bool:
    """A short label of a narrow column: a 一级/二级 word or an indicator column's label."""
    from evalengine.importer import labels as L

    return 4 <= len(cell) <= 7 and not re.search(r"\d", cell) \
        and bool(L.is_l1(cell) or L.is_l2(cell) or L.indicator_column(cell))


def paragraphs(g: Grid) -> str:
    """One cell per paragraph, blank lines between; a short label of a narrow column (a
    一级/二级 word, a header label) wrapped into two paragraphs; the trailing blank cells of
    every other row dropped, as web pages copied as text do."""
    out: list[str] = []
    for n, r in enumerate(_rows(g)):
        row = [c for c in r if c is not None]
        if n % 2:
            while row and not row[-1]:
                row.pop()
        for c in row:
            if _narrow(c):
                half = (len(c) + 1) // 2
                out += [c[:half], c[half:]]
            else:
                out.append(c or " ")
    return "\n\n".join(out) + "\n"


def columns(g: Grid) -> str:
    """One run of words; the indicator header scattered (its labels odd places first), and
    each merged 二级 cell's rows printed column by column: the rows' names, then each row's
    other cells (the way a document site flattens an xlsx with merged cells)."""
    rows = _rows(g)
    at = next((n for n, r in enumerate(rows) if "三级指标" in [c for c in r if c]), None)
    if at is None:
        return " ".join(c for r in rows for c in r if c) + "\n"
    header = rows[at]
    name_col = header.index("三级指标")
    out = [c for r in rows[:at] for c in r if c]
    labels = [c for c in header if c]
    out += labels[1::2] + labels[0::2]
    groups: list[list[list[str | None]]] = []
    end = at + 1
    while end < len(rows) and not any(c in ("总分", "合计") for c in rows[end] if c):
        r = rows[end]
        if groups and name_col > 0 and r[name_col - 1] is None:
            groups[-1].append(r)
        else:
            groups.append([r])
        end += 1
    for group in groups:
        out += [c for c in group[0][:name_col] if c]
        if len(group) == 1:
            out += [c for c in group[0][name_col:] if c]
            continue
        out += [r[name_col] or "" for r in group]
        for r in group:
            out += [c for c in r[name_col + 1:] if c]
    out += [c for r in rows[end:] for c in r if c]
    return " ".join(c for c in out if c) + "\n"


@lru_cache(maxsize=1)
def synonym_table() -> dict[str, list[str]]:
    """label → the other labels any layout gives the same (block kind, field)."""
    by_field: dict[tuple[str, str], list[str]] = {}
    openers: set[str] = set()
    for path in sorted(LAYOUTS.glob("*.toml")):
        with path.open("rb") as fh:
            layout = tomllib.load(fh)
        for block in layout.get("blocks", []):
            openers.update(block.get("starts", []))
            for col in block.get("columns", []):
                key = (block.get("kind", ""), col.get("field", ""))
                for label in col.get("labels", []):
                    if label not in by_field.setdefault(key, []):
                        by_field[key].append(label)
    # a label some layout gives another field of the block (年初预算数 is 预算数 where there
    # is no 全年预算数) is no synonym: a form printing it means that other field
    fields_of: dict[tuple[str, str], set[str]] = {}
    for (kind, field), labels in by_field.items():
        for label in labels:
            fields_of.setdefault((kind, label), set()).add(field)
    # the cell's block is not known where it is swapped: a synonym must hold in every block
    # that prints the label (分值 in the funds table and in the indicator table)
    options: dict[str, list[list[str]]] = {}
    for (kind, _), labels in by_field.items():
        for label in labels:
            options.setdefault(label, []).append(
                [x for x in labels if x != label and len(fields_of[(kind, x)]) == 1])
    # a block's row label (总分, which one layout also prints as its total's column header)
    # is no header label: a 总分 row printed 得分 is in no layout
    table = {label: [x for x in lists[0] if all(x in other for other in lists[1:])]
             for label, lists in options.items() if label not in openers}
    return {k: v for k, v in table.items() if v}


def synonyms(g: Grid) -> str:
    table = synonym_table()
    swapped = [[table[c][0] if c in table and c else c for c in r] for r in g]
    return tab(swapped)


@lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


def traditional(g: Grid) -> str:
    return _s2t()(tab(g))


def ocr(g: Grid) -> str:
    rng = random.Random(10)
    text = tab(g).replace("≥", "2").replace("≤", "W")
    return re.sub(r"(?<=\d)0", lambda m: "O" if rng.random() < 1 / 3 else "0", text)


# ---------------------------------------------------------------------------------------
# Shapes of forms published as aligned text, as web tables, with vertical labels, with units
# ---------------------------------------------------------------------------------------

def _width(text: str) -> int:
    """Display columns: a CJK (wide) character takes two, as a monospaced page prints it."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _inner_space(g: Grid) -> Grid:
    """Every third long text cell with a single space in its middle (a justified line, a
    name typed with a space): a cell's own text may hold one space."""
    out, n = [], 0
    for r in g:
        row = []
        for c in r:
            if c and len(c) >= 8 and not re.search(r"\d|\s", c):
                n += 1
                if n % 3 == 0:
                    c = c[:len(c) // 2] + " " + c[len(c) // 2:]
            row.append(c)
        out.append(row)
    return out


def spaces(g: Grid) -> str:
    """A row a line, each column padded to its width (capped, as a page wraps a long cell)
    and two spaces at least between cells: ``pdftotext -layout``, a page copied as text, a
    system's fixed-width export.  A cell's own text may hold a single space."""
    rows = _rows(_inner_space(g))
    ncols = max(len(r) for r in rows)
    widths = [min(24, max((_width(r[c] or "") for r in rows if c < len(r)), default=0))
              for c in range(ncols)]
    lines = []
    for r in rows:
        line = ""
        for c, cell in enumerate(r):
            cell = cell or ""
            if cell and line and not line.endswith("  "):
                line += "  "
            line += cell
            target = sum(widths[:c + 1]) + 2 * (c + 1)
            line += " " * max(0, target - _width(line))
        lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def spaces1(g: Grid) -> str:
    """A row a line, one space between the cells it prints (blank cells dropped): a cell
    boundary looks like a space inside a cell, told apart only by what the cells are."""
    rows = _rows(_inner_space(g))
    return "\n".join(" ".join(c for c in r if c) for r in rows) + "\n"


def merges(g: Grid) -> list[tuple[int, int, int, int]]:
    """(row, col, rows, cols) of every cell of ``g`` that holds one (a covered cell, None,
    is in no list): the workbook's merged ranges where ``g`` knows them (:class:`Cells`),
    a cell of its own otherwise."""
    spans = {(i, j): (i, j, rows, cols) for i, j, rows, cols in getattr(g, "merged", ())}
    return [spans.get((i, j), (i, j, 1, 1)) for i, r in enumerate(g) for j, c in enumerate(r)
            if c is not None]


def html(g: Grid) -> str:
    """The form as an HTML table, merged cells with rowspan/colspan (a form published as a
    web page), read by the web page reader."""
    from html import escape

    by_row: dict[int, list[str]] = {}
    for i, j, rows, cols in merges(g):
        span = (f' rowspan="{rows}"' if rows > 1 else "") + (f' colspan="{cols}"' if cols > 1
                                                             else "")
        by_row.setdefault(i, []).append(f"<td{span}>{escape(g[i][j] or '')}</td>")
    body = "\n".join(f"<tr>{''.join(by_row.get(i, []))}</tr>" for i in range(len(g)))
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>项目支出绩效自评表'
            f"</title></head>\n<body>\n<table border=\"1\">\n{body}\n</table>\n</body></html>\n")


def htmlcopy(g: Grid) -> str:
    """What a browser's copy of that table gives: tab-separated rows, a merged cell once (in
    its first row; the rows it spans lack it, so their cells start further left)."""
    return "\n".join("\t".join(c for c in r if c is not None) for r in _rows(g)) + "\n"


def vertical(g: Grid) -> str:
    """Tab rows, a label merged down several rows (一级/二级指标, 绩效指标, 项目资金) spelled
    one character a row down the rows it spans, as a page prints vertical text; characters
    more than the rows take lines of their own between them."""
    spans = merges(g)
    g = [list(r) for r in g]
    extra: dict[int, list[tuple[int, str]]] = {}  # after row i: (col, char) lines
    for i, j, rows, cols in spans:
        text = g[i][j] or ""
        if rows < 2 or cols > 1 or len(text) < 2 or len(text) > 8 or re.search(r"\d", text):
            continue
        g[i][j] = ""
        taken: set[int] = set()
        for k, ch in enumerate(text):
            at = i + min(rows - 1, int((k + 0.5) * rows / len(text)))
            if at in taken:
                extra.setdefault(at, []).append((j, ch))
            else:
                taken.add(at)
                g[at][j] = ch
    lines = []
    for i, r in enumerate(g):
        if any(r):
            lines.append("\t".join(c or "" for c in r).rstrip("\t"))
        for col, ch in extra.get(i, []):
            lines.append("\t" * col + ch)
    return "\n".join(lines) + "\n"


def _amount_styles(text: str, n: int) -> str:
    """An amount in 万元 written with its unit or a currency sign in the cell, one style
    after another (the figure as printed: the corpus records a form's amounts in the
    unit its table is in)."""
    style = n % 4
    if style == 0:
        return f"{text}万元"
    if style == 1:
        return f"{text} 万元"
    if style == 2:
        return f"{text}万" if "." in text else f"{text}.0万"
    whole, _, frac = text.partition(".")
    return f"￥{int(whole):,}" + (f".{frac}" if frac else "")


def units(g: Grid) -> str:
    """Tab rows with the funds' amounts carrying their unit or a currency sign (``50万元``,
    ``49.78 万元``, ``5.0万``, ``￥1,268.72``), rates written ``99.56 %`` and ``0.9956``, and
    the indicators' percents ``95 %``."""
    g = [list(r) for r in g]
    header = next((n for n, r in enumerate(g) if any(c and "年初预算数" in c or
                                                      c and "全年预算数" in c for c in r)), None)
    n = 0
    if header is not None:
        labels = g[header]
        money = [j for j, c in enumerate(labels) if c and ("预算数" in c or "执行数" in c)]
        rate = [j for j, c in enumerate(labels) if c and "执行率" in c]
        end = header + 1
        while end < len(g) and not any(c and "目标" in c for c in g[end]):
            for j in money:
                c = g[end][j] if j < len(g[end]) else None
                if c and re.fullmatch(r"\d+(?:\.\d+)?", c):
                    g[end][j] = _amount_styles(c, n)
                    n += 1
            for j in rate:
                c = g[end][j] if j < len(g[end]) else None
                m = re.fullmatch(r"(\d+(?:\.\d+)?)%", c or "")
                if m:
                    g[end][j] = f"{m.group(1)} %" if n % 2 else \
                        format((Decimal(m.group(1)) / 100).normalize(), "f")
                    n += 1
            end += 1
    out = [[re.sub(r"(?<=\d)%", " %", c) if c and re.fullmatch(r"[≥≤><=]*\d+(\.\d+)?%", c)
            else c for c in r] for r in g]
    return tab(out)


SHAPES: dict[str, Callable[[Grid], str]] = {
    "tab": tab, "pipe": pipe, "cells": cells, "broken": broken, "page": page,
    "glued": glued, "oneline": oneline, "paragraphs": paragraphs,
    "columns": columns, "synonyms": synonyms, "traditional": traditional, "ocr": ocr,
    "spaces": spaces, "spaces1": spaces1, "html": html, "htmlcopy": htmlcopy,
    "vertical": vertical, "units": units,
}


# ---------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------

def _expected_doc(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc.setdefault("project", {}).pop("incomplete", None)  # the exported form is whole
    return doc


def run_variant(ident: str, case: Case, doc: dict[str, Any], shape: str,
                g: Grid | None = None) -> tuple[int, list[FieldResult]]:
    """(cases imported, field results) of one source in one shape."""
    text = SHAPES[shape](g if g is not None else grid(case))
    try:
        got = [f.case for f in import_text(text.encode("utf-8"), stem=ident).forms]
    except Exception:  # noqa: BLE001 - a crash counts as nothing imported
        got = []
    fields: list[FieldResult] = []
    for stem, e, g_ in match_cases([(ident, flat_expected(_expected_doc(doc)))],
                                   [flat_imported(c) for c in got]):
        fields += compare_case(f"{ident}@{shape}", stem, e, g_)
    return len(got), fields


def run_all(shapes: Iterable[str] = SHAPES, limit: int | None = None
            ) -> dict[str, tuple[int, int, Tally, list[FieldResult]]]:
    """shape → (sources imported, sources, tally, fields)."""
    srcs = sources()[:limit]
    grids = {ident: grid(case) for ident, case, _ in srcs}
    out = {}
    for shape in shapes:
        imported, fields = 0, []
        for ident, case, doc in srcs:
            n, f = run_variant(ident, case, doc, shape, grids[ident])
            imported += n > 0
            fields += f
        out[shape] = (imported, len(srcs), tally(fields), fields)
    return out


def import_caused_errors(shapes: Iterable[str] = SHAPES, limit: int | None = None
                         ) -> dict[str, list[str]]:
    """shape → the error-level findings (rule and key path) on a source's import in that
    shape that its import from tab text does not draw: errors the flattening and its
    decoding caused (issue 10, "no error caused by the import").  The tab import, which keeps
    every cell's position, is the reference rather than the source case, whose unread cells
    the exported form prints blank (a blank the rules may rightly report)."""
    import tempfile

    from evalengine.engine import run
    from evalengine.findings import Severity
    from evalengine.importer.tomlout import dumps

    def errors(folder: Path) -> dict[str, set[tuple[str, str]]]:
        out: dict[str, set[tuple[str, str]]] = {}
        for r in run([folder]).cases:
            out.setdefault(Path(r.location).stem, set()).update(
                (f.code, f.path) for f in r.findings if f.severity is Severity.ERROR)
        return out

    def imported(shape: str, folder: Path) -> dict[str, set[tuple[str, str]]]:
        folder.mkdir()
        for n, (_, case, _) in enumerate(srcs):
            forms = import_text(SHAPES[shape](grids[n]).encode("utf-8"), stem=str(n)).forms
            if forms:
                (folder / f"{n}.toml").write_text(dumps(forms[0].case), encoding="utf-8")
        return errors(folder)

    srcs = sources()[:limit]
    grids = [grid(case) for _, case, _ in srcs]
    result: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        reference = imported("tab", Path(tmp) / "reference")
        for shape in shapes:
            got = imported(shape, Path(tmp) / shape)
            result[shape] = sorted(f"{srcs[int(n)][0]} {code} {path}" for n, found in got.items()
                                   for code, path in found - reference.get(n, set()))
    return result


def wrong_values(t: Tally) -> int:
    """Fields given a value the form does not hold: a wrong value, one for a blank cell, one
    for a cell not on the page.  (``missed``, the other failure, is a field left unread:
    worse than right, better than wrong.)"""
    return t.counts["wrong"] + t.counts["spurious"] + t.counts["invented"]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shapes", nargs="*", default=list(SHAPES))
    ap.add_argument("--wrong", action="store_true", help="list every wrong field")
    ap.add_argument("--errors", action="store_true",
                    help="count the error findings the import causes, per shape")
    args = ap.parse_args(argv)
    if args.errors:
        for shape, found in import_caused_errors(args.shapes).items():
            print(f"{shape:<12} import-caused errors: {len(found)}")
            for line in found:
                print(f"  {line}")
        return 0
    results = run_all(args.shapes)
    total = Tally(sum((t.counts for _, _, t, _ in results.values()), start=type(
        next(iter(results.values()))[2].counts)()))
    print(f"{'shape':<12} {'imported':>9} {'right':>6} {'wrong':>6} {'unread':>6} "
          f"{'judged':>6} {'accuracy':>8}")
    rows = [(shape, f"{imp:>4}/{n:<4}", t) for shape, (imp, n, t, _) in results.items()]
    for shape, imported, t in [*rows, ("all", "", total)]:
        print(f"{shape:<12} {imported:>9} {t.counts['right']:>6} {wrong_values(t):>6} "
              f"{t.counts['missed']:>6} {t.judged:>6} {t.accuracy:>8.1%}")
    if args.wrong:
        for shape, (_, _, _, fields) in results.items():
            for f in fields:
                if f.status not in ("right", "unread"):
                    print(f"{f.form}\t{f.path}\t{f.status}\t{f.expected!r}\t{f.got!r}")
    return 0
