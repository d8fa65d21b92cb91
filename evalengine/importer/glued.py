"""Text with no cell boundaries at all: cut a glued run at the labels it contains.

A form flattened with every separator lost (``…项目名称东津院区建设补助主管部门襄阳市卫生健康委…``)
comes in as a few very long lines.  Each line is cleaned (spaces between Chinese characters
are flattening noise, not boundaries) and cut before and after every label of the
vocabulary — the labels of :mod:`.labels` and of every ``rules/layouts`` file, its block
openers and row labels — and after a form title (``…自评表``), so the recogniser sees label
and value cells again.  The values between two labels (``1484631.00%``, or a run of
indicator rows) are left whole for :mod:`.decoder`.  The result is a sheet of mode
``glued``: one run of cells, like ``words``, whose cells may hold several rows.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from . import labels as L
from .normalise import load_normalisation
from .sheets import Sheet

__all__ = ["chars_in_order", "cut", "glued_cells", "glued_sheet", "is_glued"]

LONG_LINE = 100  # a line this long that holds many labels is a glued form
MIN_LABELS = 6
# a line with this many space runs per 100 characters has its cells separated by spaces
# (PDF text, the "words" layout), even where a label is split by a space
MAX_SPACES_PER_100 = 10
_TAG_RE = re.compile(r"(?:\([^()]{1,16}\))+")  # (A), (万元)(20分), (分): part of the label before
_TITLE_RE = re.compile(r"[^\s:：|]{0,40}?自评表(?:\(\d{4}年度?\))?")


@cache
def _label_re() -> re.Pattern[str]:
    """Every label word, the longest first.  A funds row label naming where money comes
    from (县财政, 市级资金) that runs on into a unit's ending (rules/prose.toml
    ``unit_suffixes``: 局, 厅, 委员会 …) is part of a unit's name (岳阳县财政局), no label."""
    from .prose import load_prose_rules

    suffixes = sorted(load_prose_rules().title.unit_suffixes, key=len, reverse=True)
    ends = "|".join(re.escape(w) for w in suffixes)
    alternation = "|".join(
        re.escape(w) + (f"(?!{ends})" if L.fund_row_label(w) is not None else "")
        for w in sorted(_words(), key=len, reverse=True))
    return re.compile(f"(?:{alternation})")


@cache
def _words() -> frozenset[str]:
    """Every label word of the vocabulary (keys of two characters or more)."""
    from .layouts import load_layouts

    L.extend_from_layouts()
    words = {k for k in L.all_label_keys() if len(k) >= 2}
    for layout in load_layouts():
        for block in layout.blocks:
            if block.local:  # words too common to cut a text at (合计, 其他, 中央)
                continue
            words |= {L.key(w) for w in block.starts + block.rows}
            words |= {L.key(w) for c in block.columns for w in c.labels}
    words |= {"其中", "合计", "总分"}
    return frozenset(w.removeprefix("其中:") for w in words if len(w) >= 2)


@cache
def _block_labels() -> tuple[frozenset[str], ...]:
    """The column labels of each block of each layout (keys)."""
    from .layouts import load_layouts

    return tuple(frozenset(L.key(w) for c in block.columns for w in c.labels)
                 for layout in load_layouts() for block in layout.blocks
                 if block.columns and not block.local)


def _compound(word: str) -> tuple[str, str] | None:
    """A label that is two labels run together (执行率得分 = 执行率 + 得分): its parts."""
    words = _words()
    for k in range(2, len(word) - 1):
        if word[:k] in words and word[k:] in words:
            return word[:k], word[k:]
    return None


def _misfit(labels: list[str]) -> int:
    """How many of a line's labels the best-fitting layout block lacks."""
    return min((sum(1 for w in labels if w not in block) for block in _block_labels()),
               default=len(labels))


def _split_compounds(matches: list[tuple[int, int]], s: str) -> list[tuple[int, int]]:
    """A label run together from two (``分值执行率得分``: 执行率得分, or 执行率 | 得分?) is
    read the way that puts the line's labels in one layout's block: 执行率 | 得分 beside
    分值 (the central form), 执行率得分 beside 执行率权重 (the Chongqing form)."""
    out: list[tuple[int, int]] = []
    for n, (a, b) in enumerate(matches):
        parts = _compound(s[a:b])
        if parts is None:
            out.append((a, b))
            continue
        # the header row it stands in: the labels run together around it
        lo = hi = n
        while lo > 0 and _TAG_RE.sub("", s[matches[lo - 1][1]:matches[lo][0]]) == "":
            lo -= 1
        while hi + 1 < len(matches) and _TAG_RE.sub("", s[matches[hi][1]:matches[hi + 1][0]]) == "":
            hi += 1
        before = [s[x:y] for x, y in matches[lo:n]]
        after = [s[x:y] for x, y in matches[n + 1:hi + 1]]
        if _misfit([*before, *parts, *after]) < _misfit([*before, s[a:b], *after]):
            k = a + len(parts[0])
            out += [(a, k), (k, b)]
        else:
            out.append((a, b))
    return out


def _flat(line: str) -> str:
    return _same_length_nfkc(L.clean(line))


def _depths(s: str) -> list[int]:
    """1 inside a short parenthesised group, else 0.  An opening parenthesis that no closing
    one follows within 16 characters (an OCR'd ``(B/A1``) opens no group."""
    out = [0] * len(s)
    for m in re.finditer(r"\([^()]{1,16}\)", s):
        for k in range(m.start() + 1, m.end()):
            out[k] = 1
    return out


def _embedded(line: str) -> bool:
    """Are most labels of the line inside longer words?  In the "words" layout a space
    separates every cell, so labels stand alone; in a glued line they are embedded."""
    found = len(_label_re().findall(_flat(line)))
    if found < MIN_LABELS:
        return False
    alone = sum(1 for w in line.split() if _label_re().fullmatch(L.key(w)))
    return alone * 2 < found


def is_glued(text: str) -> bool:
    """Is most of the text in long lines dense with labels (no cell separators at all)?"""
    if "\t" in text:
        return False
    raw = [x for x in text.split("\n") if x.strip()]
    if _has_cell_table(raw):
        return False
    total = sum(len(_flat(x)) for x in raw) or 1
    glued = [_flat(x) for x in raw if len(x) >= LONG_LINE and x.count("|") < 3
             and len(re.findall(r"\s+", x.strip())) * 100 < MAX_SPACES_PER_100 * len(x)
             and _embedded(x)]
    if sum(len(x) for x in glued) * 2 >= total:
        return True
    return _rows_glued(raw)


_FIGURE_CELL_RE = re.compile(r"[\d.,]+%?")


def _has_cell_table(raw: list[str]) -> bool:
    """The text holds a table one cell per line (a 自评综述 paragraph before the form printed
    a cell a line): many lines that are one label each, and many that are one figure each.
    Its long lines are then the paragraphs around the table, not a form glued."""
    g = load_normalisation().glued
    labels = figures = 0
    for x in raw:
        x = x.strip()
        if len(x) > g.cell_length:
            continue
        if _FIGURE_CELL_RE.fullmatch(x):
            figures += 1
        elif _label_re().fullmatch(_flat(x)):
            labels += 1
        if labels >= g.cell_lines and figures >= g.cell_lines:
            return True
    return False


def _rows_glued(raw: list[str]) -> bool:
    """A table flattened a row a line with every cell boundary in the row lost
    (``绩效指标一级指标二级指标三级指标…``, ``其中:财政拨款9089.97489.974``): no separator
    anywhere, and several lines run three labels or more together.  (One cell per line
    has at most one label a line; the "words" layout has spaces between its cells.)"""
    if len(raw) < 5 or any("|" in x for x in raw):
        return False
    spaced = sum(1 for x in raw if re.search(r"\S\s+\S", x.strip()))
    if spaced * 5 > len(raw):
        return False
    dense = sum(1 for x in raw if len(_label_re().findall(_flat(x))) >= 3)
    return dense >= 2 and _embedded("".join(raw))


def _same_length_nfkc(s: str) -> str:
    """NFKC character by character where it keeps one character (（ → (, ： → :), so that
    positions in the result are positions in ``s``."""
    out = []
    for c in s:
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


FUZZY_MIN = 5  # labels this long may be found with one character misread (OCR)


@cache
def _fuzzy_labels() -> dict[str, tuple[str, ...]]:
    """The layouts' signs and column labels of :data:`FUZZY_MIN` characters or more, by
    their first two characters (where a misread label is looked for)."""
    from .layouts import load_layouts

    out: dict[str, set[str]] = {}
    for layout in load_layouts():
        words = [*layout.signs, *(w for b in layout.blocks if not b.local
                                  for c in b.columns for w in c.labels)]
        for w in words:
            k = L.key(w)
            if len(k) >= FUZZY_MIN and not re.search(r"[()（）]", k):
                out.setdefault(k[:2], set()).add(k)
    return {head: tuple(sorted(ws, key=len, reverse=True)) for head, ws in out.items()}


def chars_in_order(word: str, text: str) -> int:
    """How many characters of ``word`` ``text`` holds in order (a common subsequence)."""
    prev = [0] * (len(text) + 1)
    for a in word:
        cur = [0]
        for n, b in enumerate(text):
            cur.append(prev[n] + 1 if a == b else max(prev[n + 1], cur[n]))
        prev = cur
    return prev[-1]


def _misread_label(piece: str) -> tuple[int, int, str] | None:
    """A label OCR misread one character of inside a cell (财政审1度评分 for 财政审核评分):
    (start, end, label) of the first such window -- starting and ending as the label does,
    at most one character longer, all its characters but one in order; None if none."""
    labels = _fuzzy_labels()
    for at in range(len(piece) - FUZZY_MIN + 1):
        for label in labels.get(piece[at:at + 2], ()):
            for size in (len(label) + 1, len(label)):
                window = piece[at:at + size]
                if len(window) == size and window[-1] == label[-1] and window != label \
                        and chars_in_order(label, window) >= len(label) - 1:
                    return at, at + size, label
    return None


def cut(text: str, *, ocr: bool = False) -> list[str]:
    """One glued run as cells: labels, the title, and the text between them (the cells
    keep the text as printed; labels are found in its NFKC form).  In a text read by OCR
    (``ocr``) a label with one character misread is cut out too (:func:`_misread_label`)."""
    original = L.clean(text)
    s = _same_length_nfkc(original)
    pieces: list[str] = []
    pos = 0
    title = _TITLE_RE.search(s)
    if title is not None and title.start() < 80:
        if title.start():
            pieces.append(original[: title.start()])
        pieces.append(original[title.start():title.end()])
        pos = title.end()
    depth = _depths(s)
    # a label word inside parentheses (得分(20分*执行率)) is no cell boundary
    matches = [(m.start(), m.end()) for m in _label_re().finditer(s, pos) if not depth[m.start()]]
    last = ""
    tails = load_normalisation().glued.value_tails
    for start, end in _split_compounds(matches, s):
        word = s[start:end]
        tail = next((t for t in tails.get(last, ()) if word.startswith(t)
                     and word[len(t):] in _words()), "") if start > pos else ""
        start += len(tail)  # 项目名称 …项目 | 主管部门 (rules/normalise.toml [glued])
        last = L.key(s[start:end])
        if start > pos:
            pieces.append(original[pos:start])
        pieces.append(original[start:end])
        pos = end
    if pos < len(s):
        pieces.append(original[pos:])
    if ocr:
        pieces = [cell for piece in pieces for cell in _misread_cut(piece)]
    out: list[str] = []
    for piece in (p.strip(":：") for p in pieces):
        if not piece:
            continue
        tag = _TAG_RE.match(_same_length_nfkc(piece))
        if out and tag is not None and tag.end() < len(piece) and out[-1] in _words():
            # a label's column tag glued to the figure after it (全年预算数 | (A)300): the
            # tag ends the label, the figure is the next cell
            out[-1] += piece[:tag.end()]
            piece = piece[tag.end():].strip(":：")
        # "其中" + "中央财政资金", "全年预算数" + "(A)": one cell each
        if out and (out[-1] == "其中" or _TAG_RE.fullmatch(_same_length_nfkc(piece))):
            out[-1] = out[-1] + (":" if out[-1] == "其中" else "") + piece
            continue
        out.append(piece)
    return out


def _misread_cut(piece: str) -> list[str]:
    """A cell cut around the misread labels it holds, the label as the layout prints it."""
    if _label_re().fullmatch(_same_length_nfkc(piece)):
        return [piece]
    found = _misread_label(piece)
    if found is None:
        return [piece]
    a, b, label = found
    return [x for x in (piece[:a], label) if x] + _misread_cut(piece[b:])


def glued_sheet(text: str, name: str = "", *, ocr: bool = False) -> Sheet:
    """One row of cells per line: a line end is the one cell boundary the flattening kept
    (a table flattened a row a line), which the row decoder keeps (:func:`.decoder.decode_rows`)."""
    rows = tuple(tuple(cells) for line in text.split("\n") if line.strip()
                 if (cells := cut(line, ocr=ocr)))
    return Sheet(name, "glued", rows or ((),))


def glued_cells(sheet: Sheet) -> Sheet | None:
    """The long cells of a text sheet that hold a whole form glued into one run (a portal's
    summary cell quoting the form), as a glued sheet of their own; None when there are none."""
    if sheet.mode in ("grid", "glued"):
        return None
    # (a cell of label:value pairs, a cover's lines joined, is cut by the recogniser itself)
    runs = [c for row in sheet.rows for c in row
            if len(c) >= LONG_LINE and "|" not in c and _embedded(c)
            and L.split_label_pairs(c) is None]
    if not runs:
        return None
    cells: list[str] = []
    for run in runs:
        cells.extend(cut(run))
    return Sheet(sheet.name, "glued", (tuple(cells),))
