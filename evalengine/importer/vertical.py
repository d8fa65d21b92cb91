"""Labels printed vertically, one character a line, in text rows.

A merged 一级/二级 cell (产出指标 down the rows it spans) whose text runs top to bottom comes
out of a PDF's text, or a page copied as text, as one character in that column of several
rows (``产`` in one row, ``出`` two rows down …), the characters more than the rows on lines
of their own.  Read as they are, each character is a label and each character line a
spurious row.  :func:`join_vertical` puts them back: in one column, a run of one-character
cells (blank cells between them, no other text) that reads as a sequence of known labels in
exactly one way is replaced by those labels, each in the first row of the rows it spans;
the lines that held nothing but such characters are dropped.  A run that does not read as
labels, or reads two ways, is left as it is.

Where one label's rows end and the next one's begin is taken from where their characters
stand: a merged cell's text is centred in it, so the rows before a label's first character
and after its last are about as many; when that does not fit, the next label begins at its
first character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import labels as L

__all__ = ["join_vertical"]

_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")
# the most characters one column's labels spell down a table (a 二级 column of ten labels);
# a longer run of single characters (a 单位 column: 人 个 次 …) is no vertical label
MAX_RUN = 96


def _char(cell: str) -> bool:
    return len(cell) == 1 and bool(_CHAR_RE.fullmatch(cell))


def _label(text: str) -> bool:
    return L.is_l1(text) or L.is_l2(text) or L.is_indicator_section(text) \
        or L.key(text) in L.all_label_keys()


def _segment(text: str) -> list[str] | None:
    """``text`` as a sequence of labels, when it reads as one in exactly one way."""

    @lru_cache(maxsize=None)
    def ways(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(text):
            return ((),)
        out: list[tuple[str, ...]] = []
        for j in range(i + 2, min(len(text), i + 12) + 1):
            if _label(text[i:j]):
                out += [(text[i:j], *rest) for rest in ways(j)[:2]]
            if len(out) > 1:
                break
        return tuple(out[:2])

    found = ways(0)
    return list(found[0]) if len(found) == 1 else None


def _lone_char(row: Sequence[str]) -> bool:
    filled = [c for c in row if c]
    return len(filled) == 1 and _char(filled[0])


def join_vertical(rows: Sequence[tuple[str, ...]]
                  ) -> tuple[list[tuple[str, ...]], int, frozenset[int]]:
    """(the rows with vertical labels joined, how many labels were joined, the indices of
    the rows dropped: lines that held nothing but a joined label's character)."""
    grid = [list(r) for r in rows]
    # a line holding nothing but single characters may be a label's overflow
    fragment = [_lone_char(r) for r in grid]
    counted = _Rows(fragment)
    width = max((len(r) for r in grid), default=0)
    # the first column of each row holding other text than a single character
    text_at = [next((k for k, c in enumerate(r) if c and not _char(c)), width) for r in grid]
    consumed: set[tuple[int, int]] = set()
    joined = 0
    for j in reversed(range(width)):  # right to left: the columns left are as printed
        start = 0  # the first row (counted without character lines) a run here may span
        run: list[int] = []
        for i, r in enumerate(grid + [["\0"] * width]):  # a stop past the last row
            cell = r[j] if j < len(r) else ""
            # a new cell left of this column ends the merged cells of this one (一级 spans
            # hold their 二级 ones): 总分 under the table ends the run of 一级 characters
            left = (text_at[i] if i < len(grid) else 0) < j
            if cell and _char(cell) and not left:
                run.append(i)
                continue
            if not cell and not left:
                continue
            parts = _segment("".join(grid[k][j] for k in run)) \
                if 2 <= len(run) <= MAX_RUN else None
            if parts is not None:
                end = counted.real(i) - 1
                joined += _place(grid, j, run, parts, (start, end), counted, consumed)
            run = []
            start = counted.real(i) + 1
    if not joined:
        return [tuple(r) for r in rows], 0, frozenset()
    dropped = frozenset(i for i, r in enumerate(rows) if fragment[i] and all(
        not c or (i, j) in consumed for j, c in enumerate(r)))
    return [tuple(r) for i, r in enumerate(grid) if i not in dropped], joined, dropped


def _place(grid: list[list[str]], j: int, run: list[int], parts: list[str],
           bounds: tuple[int, int], counted: _Rows,
           consumed: set[tuple[int, int]]) -> int:
    """Put ``parts`` (the labels ``run``'s characters spell) in column ``j``, each in the
    first row it spans; the characters' cells are emptied."""
    chars, at = [], 0
    for part in parts:
        rows = run[at:at + len(part)]
        chars.append((counted.real(rows[0]), counted.real(rows[-1])))
        at += len(part)
    for i in run:
        grid[i][j] = ""
        consumed.add((i, j))
    for n, first in enumerate(_starts(chars, bounds)):
        row = counted.row_of(first)
        while len(grid[row]) <= j:
            grid[row].append("")
        grid[row][j] = parts[n]
    return len(parts)


def _starts(chars: list[tuple[int, int]], bounds: tuple[int, int]) -> list[int]:
    """The first row of each label whose characters stand in rows ``chars`` (first, last),
    all within ``bounds``: a merged cell's text is centred, so a label spans as many rows
    before its first character as after its last.  Laid out from the top (the first label
    begins where the run may) and from the bottom (the last ends where it may): the layout
    that fits, or both if they agree; else each label begins at its first character."""
    low, high = bounds

    def fits(spans: list[tuple[int, int]]) -> bool:
        prev_end = low - 1
        for (s, e), (a1, a2) in zip(spans, chars):
            if s != prev_end + 1 or not s <= a1 <= a2 <= e:
                return False
            prev_end = e
        return prev_end == high or not spans

    down, s = [], low
    for a1, a2 in chars:
        down.append((s, a1 + a2 - s))
        s = a1 + a2 - s + 1
    up, e = [], high
    for a1, a2 in reversed(chars):
        up.insert(0, (a1 + a2 - e, e))
        e = a1 + a2 - e - 1
    good = [spans for spans in (down, up) if fits(spans)]
    if good and all(g == good[0] for g in good):
        return [s for s, _ in good[0]]
    return [a1 for a1, _ in chars]


class _Rows:
    """Rows counted without the character lines (a character line counts with the row
    above it), both ways, in constant time."""

    def __init__(self, fragment: Sequence[bool]) -> None:
        self.before: list[int] = []  # rows that are not character lines before index i
        self.index: list[int] = []  # the index of the n-th row that is not one
        n = 0
        for i, f in enumerate(fragment):
            self.before.append(n)
            if not f:
                self.index.append(i)
                n += 1
        self.before.append(n)
        self.fragment = fragment

    def real(self, i: int) -> int:
        n = self.before[min(i, len(self.fragment))]
        return n - 1 if i < len(self.fragment) and self.fragment[i] and n else n

    def row_of(self, real: int) -> int:
        if not self.index:
            return 0
        return self.index[min(max(real, 0), len(self.index) - 1)]
