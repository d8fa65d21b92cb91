"""Rows printed a line each with one space between cells (a form copied as text, a web table
flattened by a browser): the line is the row, but a space between two cells looks like a
space inside one (a name typed with a space, a justified line).

Here the line is cut into its words and what the vocabulary alone can tell is put back: the
fragments of one label (``偏差原因分 析及改进措施``), and the words between two header labels
(``实施单位 池州市贵池区 棠溪镇人民政府``: one value).  Which words of an indicator row make
which cell is left to the recogniser, which knows the table's columns: :func:`joinings`
gives the ways a row's words can be put back into cells, and the recogniser keeps those that
fit the columns best (more than one: the cells they disagree on are not read).  Whether the
lines are rows at all is decided by reading the text both ways (:func:`reading_size`).
Pure: texts in, texts out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import combinations

from . import labels as L

__all__ = ["MAX_JOININGS", "is_word_rows", "joining_count", "joinings", "reading_size", "row_cells"]

# a row whose words can be put back together in more ways than this is not tried (all
# joinings of it, or the ones into as many cells as the table has columns down to one)
MAX_JOININGS = 4096
_SENTENCE_RE = re.compile(r"[，。；;]")
_BARE_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _words(line: str) -> list[str]:
    return [w for w in (L.clean(x) for x in line.split()) if w]


def is_word_rows(lines: Sequence[str]) -> bool:
    """Might the lines be a table's rows with single spaces between cells?  At least one
    line holds an indicator header of three column labels or more as words, a third of the
    lines are rows of two words or more, and few are prose wrapped at a width.  (The text
    is then read both ways: ``reading_size``.)"""
    rows = [line for line in lines if line.strip()]
    if len(rows) < 6:
        return False
    header = False
    multi = prose = 0
    for line in rows:
        cells = row_cells(line)
        if len(cells) >= 2:
            multi += 1
        if len(L.key(line)) > 80 and _SENTENCE_RE.search(line):
            prose += 1
        if sum(1 for c in cells if L.indicator_column(c)) >= 3 \
                and not any(len(L.key(c)) > 40 for c in cells):
            header = True
    return header and multi * 3 >= len(rows) and prose * 4 <= len(rows)


def _joined_label(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """The label that words ``i``, ``i+1`` (and ``i+2``) make together, and how many."""
    for n in (3, 2):
        if i + n > len(words):
            continue
        part = words[i:i + n]
        if any(L.is_label(w) and not L.is_l1(w) and not L.is_l2(w) for w in part[:-1]):
            continue  # a whole label is not part of another
        joined = "".join(part)
        k = L.key(joined)
        if k in L.all_label_keys() or (L.is_l1(joined) or L.is_l2(joined)) \
                and k.endswith("指标") and not all(L.is_label(w) for w in part):
            return joined, n
    return None


def row_cells(line: str) -> tuple[str, ...]:
    """One line's cells as far as the vocabulary can tell them: its words, a label's
    fragments joined, and the words between two header labels (项目名称, 实施单位 …) one
    value."""
    words = _words(line)
    cells: list[str] = []
    i = 0
    while i < len(words):
        joined = _joined_label(words, i)
        if joined is not None:
            cells.append(joined[0])
            i += joined[1]
            continue
        cells.append(words[i])
        i += 1
    out: list[str] = []
    value: list[str] = []  # the words after a header label, up to the next label
    for c in cells:
        header = L.key(c) in L.HEADER_FIELDS
        if value and (header or L.is_label(c)):
            out.append(L.clean(" ".join(value)))
            value = []
        if header or value or (not L.is_label(c) and out and L.key(out[-1]) in L.HEADER_FIELDS):
            if header:
                out.append(c)
            else:
                value.append(c)
            continue
        out.append(c)
    if value:
        out.append(L.clean(" ".join(value)))
    return tuple(out)


def joinings(words: Sequence[str], cells: int | None = None) -> Iterator[tuple[str, ...]]:
    """Every way of putting ``words`` back into cells in order (adjacent words joined with
    their space), with ``cells`` cells when given; none when there are more than
    ``MAX_JOININGS`` of them.  A bare number stays a cell of its own."""
    n = len(words)
    if n == 0:
        return
    if _count(n, cells) > MAX_JOININGS:
        return
    # a bare number is a cell of its own (分值, 得分, a page number): never joined to a word
    fixed = sum(1 << k for k in range(n - 1)
                if _BARE_NUMBER_RE.fullmatch(L.key(words[k]))
                or _BARE_NUMBER_RE.fullmatch(L.key(words[k + 1])))
    for mask in _masks(n - 1, cells):
        if mask & fixed != fixed:
            continue
        out: list[str] = []
        start = 0
        for k in range(n - 1):
            if mask >> k & 1:
                out.append(L.clean(" ".join(words[start:k + 1])))
                start = k + 1
        out.append(L.clean(" ".join(words[start:])))
        yield tuple(out)


def _masks(gaps: int, cells: int | None) -> Iterator[int]:
    """The sets of ``gaps`` (as bit masks, in increasing order) where a row is cut: all of
    them, or the ``cells - 1`` cuts of a joining into ``cells`` cells -- made directly, not
    picked out of all 2**gaps (a row of thirty words into as many cells is one joining, not
    half a billion masks looked at)."""
    if cells is None:
        yield from range(1 << gaps)
        return
    if not 1 <= cells <= gaps + 1:
        return
    yield from sorted(sum(1 << k for k in cut) for cut in combinations(range(gaps), cells - 1))


def _count(n: int, cells: int | None) -> int:
    from math import comb

    return comb(n - 1, cells - 1) if cells is not None else 1 << (n - 1)


def joining_count(words: int, cells: int) -> int:
    """How many ways there are to put ``words`` words into ``cells`` cells in order."""
    return _count(words, cells)


_ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "operator", "unit", "weight",
               "score")


def reading_size(drafts: Sequence[object]) -> int:
    """How much a reading of a text read: the indicator cells placed (their levels, 三级 name
    and figures), the funds figures and the header values -- to choose between reading the
    lines as rows and reading the text as a run of words."""
    size = 0
    for d in drafts:
        size += sum(1 for ind in getattr(d, "indicators", ()) for f in _ROW_FIELDS
                    if ind.get(f) not in (None, ""))
        funds = getattr(d, "funds", {}) or {}
        size += sum(1 for v in funds.values() if v not in (None, "") and not isinstance(v, str))
        size += sum(1 for row in getattr(d, "fund_rows", ()) or () for v in (
            row.values() if isinstance(row, dict) else ()) if not isinstance(v, str))
        size += sum(1 for v in (getattr(d, "project", {}) or {}).values() if v not in (None, ""))
    return size
