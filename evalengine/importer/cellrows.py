"""Indicator rows from a run of cells whose row boundaries are lost (issue 10 §2).

A web table copied as text gives one cell per line (or per paragraph, blank lines between):
the cell order is right, but a row's trailing blank cells may be dropped, a filler row
(``…… | | |``) is shorter than the others, and a 一级/二级 label stands before the first row
it covers only.  Counting cells off the header's columns then puts every row after the first
short one a column off.  Here the run is segmented by what each cell is instead: a 一级 or
二级 category word (``rules/taxonomy.toml``), the points a 一级 label lost (``(50)``), or a row
of the header's columns, whose 分值 and 得分 are points with 得分 ≤ 分值 and whose free
columns after them (偏差原因 …) may be missing.  Of all segmentations the one that fits best
is chosen (dynamic programming over the cells); where two fit equally the row they disagree
on is returned ``ambiguous`` (its figures are left unread by the caller), and a cell that fits
no row is returned unplaced.  Pure: texts in, segments out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from . import labels as L
from .settings import RowScores, import_settings

__all__ = ["Segment", "reading_fit", "joins_three", "read_scrambled_header",
           "read_stream_rows", "read_typed_table", "row_scores", "segment_rows"]

# a 一级 label's points with its 分 or a bracket lost in the flattening: (50), 30分), (30
_LOST_POINTS_RE = re.compile(r"^[(（]?\d+(?:\.\d+)?分?[)）]?$")
_FREE = {"deviation", "-"}  # columns that may be dropped at a row's end when blank
_EPS = 1e-9


def row_scores() -> RowScores:
    return import_settings().cellrows



@attrs.frozen
class Segment:
    """``kind``: "row" (``values`` by field), "l1" / "l2" (``text``), "points" (a 一级's lost
    points), "filler" (the template's …… row), "cut" (the run ends inside this row: ``values``
    holds what was seen), "unplaced"; ``cells`` the positions in the run it took.
    ``ambiguous``: another segmentation fits as well and reads this row otherwise."""

    kind: str
    cells: tuple[int, ...]
    text: str = ""
    values: dict[str, str] = attrs.field(factory=dict)
    ambiguous: bool = False


def _blank(text: str) -> bool:
    return not text.strip() or L.is_blank(text)


def _category(text: str) -> bool:
    return L.is_l1(text) or L.is_l2(text)


_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _label_word(text: str) -> bool:
    """A short word that may be a 一级/二级 label no taxonomy knows (规划, 基础信息)."""
    return bool(_WORD_RE.match(L.key(text))) and not _category(text)


def _fits(field: str, text: str) -> bool:
    if _blank(text):
        return field != "name"
    if field == "name":
        return L.number(text) is None and not L.is_points_only(text) \
            and not _LOST_POINTS_RE.match(L.key(text))
    if field in ("weight", "score"):
        return L.points(text) is not None
    if field == "operator":
        return L.is_operator(text)
    if field == "unit":
        return L.is_unit(text)
    if _category(text) and L.key(text).endswith("指标"):
        return False
    if field in _FREE:
        return not L.is_points_only(text)
    return not L.is_placeholder_name(text)


def _name_penalty(name: str) -> float:
    sc = row_scores()
    fit = 0.0
    if _category(name):
        fit += sc.name_is_label if L.key(name).endswith("指标") else sc.name_is_word
    if L.is_figure(name):
        fit += sc.name_is_figure
    return fit


def _row_fit(texts: Sequence[str], schema: Sequence[str]) -> float | None:
    """How well ``texts`` fill the first columns of ``schema`` (None: they cannot)."""
    sc = row_scores()
    values = dict(zip(schema, texts))
    if not all(_fits(f, t) for f, t in values.items()):
        return None
    fit = _name_penalty(values["name"])
    values_seen = sum(1 for f in ("target", "actual") if not _blank(values.get(f, "")))
    w, s = values.get("weight", ""), values.get("score", "")
    if "weight" in schema and "score" in schema:
        if not _blank(w) and not _blank(s):
            if L.points(s) > L.points(w):  # type: ignore[operator]
                return None
            fit += sc.scored
        else:
            fit += sc.empty if _blank(w) and _blank(s) else sc.half_scored
    else:
        fit += sc.unscored if values_seen else sc.empty
    fit += sc.value * values_seen
    fit += sum(sc.dropped_free if f in _FREE else sc.dropped_figure for f in schema[len(texts):])
    return fit


def _min_cells(schema: Sequence[str]) -> int:
    """A row may end early by dropping the blank cells at its end: a name and one cell."""
    return min(2, len(schema))


def _strict_fit(texts: Sequence[str], schema: Sequence[str]) -> float | None:
    """A row read without its header: every column up to 得分 filled and typed right, the
    name a word (no figure, no category), 得分 ≤ 分值."""
    sc = row_scores()
    values = dict(zip(schema, texts))
    if len(texts) < _min_strict(schema) or any(
            _blank(values[f]) for f in schema[:_min_strict(schema)]):
        return None
    name = values["name"]
    if _category(name) or L.is_figure(name) or L.indicator_column(name):
        return None
    fit = _row_fit(texts, schema)
    return fit if fit is not None and fit >= sc.scored else None


def _min_strict(schema: Sequence[str]) -> int:
    n = len(schema)
    while n > 1 and schema[n - 1] in _FREE:
        n -= 1
    return n


def segment_rows(texts: Sequence[str], schema: Sequence[str], *, cut: bool = False,
                 strict: bool = False) -> list[Segment]:
    """The best segmentation of ``texts`` into labels and rows of ``schema``'s columns
    (``schema[0]`` is the 三级 name).  ``cut``: the text breaks off at the run's end, so its
    last row may be short.  ``strict`` (a table found without its header): a row must fill
    every column up to 得分; cells that make none are left unplaced.  Either way a block of
    rows whose merged cells were printed column by column -- k names, then the k rows'
    other cells -- is read as those k rows."""
    sc = row_scores()
    n = len(texts)
    width = len(schema)
    if not schema or schema[0] != "name":  # rows are read from their 三级 name on
        return [Segment("unplaced", (p,), text=t) for p, t in enumerate(texts) if not _blank(t)]
    shortest = _min_strict(schema) if strict else _min_cells(schema)
    fit_of = _strict_fit if strict else _row_fit
    tail = _min_strict(schema) - 1  # the cells of a row after its name, in a block
    best: list[float] = [0.0] * (n + 1)
    choice: list[list[tuple[str, int]]] = [[] for _ in range(n + 1)]

    def options(p: int) -> list[tuple[float, str, int]]:
        t = texts[p]
        out: list[tuple[float, str, int]] = [(sc.unplaced, "unplaced", 1)]
        if _blank(t):
            out.append((0.0, "blank", 1))
        nxt = texts[p + 1] if p + 1 < n else None
        if _category(t):
            l1 = L.opens_level2(t, nxt) or L.is_l1_only(t)
            out.append((0.0, "l1" if l1 else "l2", 1))
        elif _label_word(t) and nxt is not None and (_label_word(nxt) or L.is_l2(nxt)):
            out.append((sc.label_word, "label", 1))
        if p and _category(texts[p - 1]) and (L.is_points_only(t) or _LOST_POINTS_RE.match(
                L.key(t)) and not L.key(t).isdigit()):
            out.append((0.0, "points", 1))
        if L.is_placeholder_name(t):
            k = 1
            while p + k < n and k < width and _blank(texts[p + k]):
                k += 1
            out.append((0.0, "filler", k))
        if L.indicator_column(t) and not _category(t):
            out.append((0.0, "header", 1))  # a column label strayed among the rows
        for k in range(shortest, width + 1):
            if p + k > n:
                break
            if cut and p + k == n:
                break  # the text breaks off inside this row (its last cell too): below
            fit = fit_of(texts[p:p + k], schema)
            if fit is not None:
                out.append((fit, "row", k))
        block = _block_fit(p)
        if block is not None:
            out.append(block)
        if cut and n - p <= width and _fits("name", t) and all(
                _fits(f, x) for f, x in zip(schema[1:], texts[p + 1:])):
            whole = _row_fit(texts[p:], schema) if n - p >= _min_strict(schema) else None
            # a row of all its cells the text breaks off in fits as that row would
            out.append((sc.cut_row + (_name_penalty(t) if whole is None else whole),
                        "cut", n - p))
        return out

    def _block_fit(p: int) -> tuple[float, str, int] | None:
        names = 0
        while p + names < n and names < sc.block_max and _fits("name", texts[p + names]) \
                and not L.is_figure(texts[p + names]) and not _category(texts[p + names]) \
                and not L.indicator_column(texts[p + names]):
            names += 1
        if names < 2 or tail < 2 or p + names + names * tail > n:
            return None
        total = 0.0
        for r in range(names):
            start = p + names + r * tail
            fit = _strict_fit([texts[p + r], *texts[start:start + tail]], schema)
            if fit is None:
                return None
            total += fit + sc.block_row
        return total, "block", names * (1 + tail)

    for p in range(n - 1, -1, -1):
        top = None
        for fit, kind, k in options(p):
            total = fit + best[p + k]
            if top is None or total > top + _EPS:
                top, choice[p] = total, [(kind, k)]
            elif abs(total - top) <= _EPS:
                choice[p].append((kind, k))
        best[p] = top if top is not None else 0.0
    segments: list[Segment] = []
    p = 0
    doubt_until = 0  # rows starting before this are read differently by a rival reading
    while p < n:
        kind, k = choice[p][0]
        rows = {k2 for kind2, k2 in choice[p] if kind2 in ("row", "block")}
        if kind in ("row", "block") and len(choice[p]) > 1 and len(rows | {k}) > 1:
            doubt_until = max(doubt_until, p + max(k2 for _, k2 in choice[p]))
            ambiguous = True
        else:
            ambiguous = p < doubt_until
        cells = tuple(range(p, p + k))
        if kind == "block":
            names = k // (1 + tail)
            for r in range(names):
                start = p + names + r * tail
                row = [texts[p + r], *texts[start:start + tail]]
                segments.append(Segment("row", (p + r, *range(start, start + tail)),
                                        values=dict(zip(schema, row)), ambiguous=ambiguous))
        elif kind == "row" or kind == "cut":
            values = dict(zip(schema, texts[p:p + k]))
            segments.append(Segment(kind, cells, values=values, ambiguous=ambiguous))
        elif kind not in ("blank", "header"):
            segments.append(Segment(kind, cells, text=texts[p]))
        p += k
    return segments


def joins_three(cells: Sequence[str]) -> str | None:
    """Three fragments of one column label wrapped over lines (偏差原因 | 分析及 | 改进措施):
    the label, when the three make one and the middle one is no label of its own."""
    if len(cells) < 3 or not all(L.key(c) for c in cells[:3]):
        return None
    joined = "".join(L.clean(c) for c in cells[:3])
    if L.key(joined) not in L.all_label_keys() or L.is_label(cells[1]):
        return None
    return joined


def is_cut_category(text: str) -> bool:
    """The first characters of a 二级 category word, the rest cut off (生态 of 生态效益指标)."""
    k = L.key(text)
    if len(k) < 2 or _category(text):
        return False
    from ..taxonomy import load_taxonomy

    return any(L.key(x).startswith(k) for c in load_taxonomy().level1 for x in c.level2)


_FIGURES = ("target", "actual", "operator", "unit", "weight", "score", "deviation")


def _table_cells(parser, j: int) -> int:  # noqa: ANN001
    """Where a one-cell-per-line table from ``j`` ends (a prose break, a terminator)."""
    toks = parser.toks
    k = j
    while k < parser.end and not toks[k].brk and not parser.is_terminator(toks[k]):
        k += 1
    return k


def reading_fit(parser, notes: int, schema: Sequence[str]) -> tuple[int, int]:  # noqa: ANN001
    """How well the rows the recogniser read fit their columns: (rows that fit less cells
    that did not, cells that did not), where a cell that did not is one the reading could
    not place or read as a number since note ``notes``, a category label read as a row's
    cell, or a scored row's 分值 / 得分 missing beside the other or above it."""
    bad = sum(1 for n in parser.draft.notes[notes:]
              if n.kind in ("short-row", "not-number", "unplaced", "ambiguous"))
    good = 0
    scored = {"weight", "score"} <= set(schema)
    for ind in parser.draft.indicators:
        if not ind.get("name") or L.is_placeholder_name(ind["name"]):
            continue
        if any(isinstance(ind.get(f), str) and _category(ind[f]) and L.key(ind[f]).endswith("指标")
               for f in ("name", "target", "actual", "deviation")):
            bad += 1  # a 一级/二级 label read as a cell of the row before it
            continue
        w, s = ind.get("weight"), ind.get("score")
        if not scored or (w is not None and s is not None and s <= w):
            good += 1
        elif w is not None or s is not None:
            bad += 1
    return good - bad, bad


def read_stream_rows(parser, j: int, schema: Sequence[str]) -> int:  # noqa: ANN001
    """The recogniser's reading of a one-cell-per-line indicator table (``parser`` is its
    ``_Parser``): the cells from ``j`` to the end of the run are segmented by
    :func:`segment_rows` and the rows added; returns where the table ended."""
    toks = parser.toks
    k = _table_cells(parser, j)
    if k < parser.end and parser.is_terminator(toks[k]):
        parser.draft.ended = True
    if k < parser.end and toks[k].brk:
        parser.after_table = k
    cut = k >= parser.end >= len(toks)
    texts = [toks[x].text for x in range(j, k)]
    _place(parser, segment_rows(texts, schema, cut=cut), [[x] for x in range(j, k)], schema)
    parser.finish_table()
    return k


def _place(parser, segments: list[Segment], where: list[list[int]],  # noqa: ANN001
           schema: Sequence[str]) -> None:
    """Add the segments' rows to the parser's draft; ``where[c]``: the tokens of cell c.
    The first rows' 一级/二级 are those the parser found printed before the table, if any."""
    (l1, l2), parser.seed_levels = getattr(parser, "seed_levels", ("", "")), ("", "")
    bare = False  # a 二级 label read and no row under it yet

    def empty_line() -> None:
        if bare:  # a 二级 label with nothing under it: an empty 二级 line
            parser.add_indicator({"level1": l1, "level2": l2, "name": ""}, None)

    for n, seg in enumerate(segments):
        if seg.kind == "label":  # a word of no known category, before another label
            after = segments[n + 1].kind if n + 1 < len(segments) else ""
            seg = attrs.evolve(seg, kind="l1" if after in ("label", "l2") else "l2")
        if seg.kind != "unplaced":
            parser.used.update(x for c in seg.cells for x in where[c])
        if seg.kind in ("l1", "l2"):
            empty_line()
        bare = seg.kind == "l2" or (bare and seg.kind in ("points", "unplaced"))
        if seg.kind == "l1":
            l1, l2 = parser.l1_text(seg.text), ""
        elif seg.kind == "l2":
            l2 = seg.text
        elif seg.kind == "filler":
            parser.add_indicator({"level1": l1, "level2": l2, "name": seg.text}, None)
        elif seg.kind == "unplaced":
            parser.note("unplaced", seg.text)
        elif seg.kind == "row":
            values = {"level1": l1, "level2": l2, **seg.values}
            if seg.ambiguous and n and segments[n - 1].ambiguous:
                values["name"] = ""  # a rival reading starts this row elsewhere
                parser.draft.unread.setdefault(
                    ("indicators", len(parser.draft.indicators)), {})["name"] = "ambiguous"
            if seg.ambiguous:
                parser.note("ambiguous", " | ".join(v for v in seg.values.values() if v))
                lost_at = parser.draft.unread.setdefault(
                    ("indicators", len(parser.draft.indicators)), {})
                for f in schema:
                    if f in _FIGURES:
                        values.pop(f, None)
                        lost_at.setdefault(f, "ambiguous")
            parser.add_indicator(values, None)
        elif seg.kind == "cut":
            seen = {f: v for f, v in seg.values.items() if v}
            name = seen.get("name", "")
            if len(seen) == 1 and is_cut_category(name):
                lost = ("level2", "name", *(f for f in schema if f in _FIGURES))
                values = {"level1": l1, "level2": "", "name": ""}
            else:
                # the last cell seen may itself be cut short: not read either
                last = next(f for f in reversed(schema) if f in seen)
                seen.pop(last)
                lost = tuple(f for f in schema if (f in _FIGURES or f == "name")
                             and f not in seen)
                values = {"level1": l1, "level2": l2, "name": "", **seen}
            parser.note("cut", name)
            parser.draft.unread[("indicators", len(parser.draft.indicators))] = {
                f: "cut" for f in lost}
            parser.add_indicator(values, None)
    if parser.draft.ended:
        empty_line()


def read_typed_table(parser, schema: Sequence[str]) -> bool:  # noqa: ANN001
    """A form in whitespace words whose indicator header was scattered (a spreadsheet
    flattened with its merged header cells out of order): the cells no other reader took
    are read as rows by their types alone (:func:`segment_rows`, strict), when at least
    ``typed_rows`` (rules/import.toml [cellrows]) rows fit; the rest stay unplaced.  Returns
    whether a table was read."""
    sc = row_scores()
    if not schema or schema[0] != "name" or not {"weight", "score"} <= set(schema):
        return False
    toks = parser.toks
    free = [i for i in range(parser.start, parser.end) if toks[i].key and not toks[i].dup
            and not toks[i].brk and i not in parser.used]
    cells, where = _join_wrapped_words([toks[i].text for i in free])
    cut = parser.end >= len(toks)
    segments = segment_rows(cells, schema, cut=cut, strict=True)
    if sum(1 for g in segments if g.kind == "row") < sc.typed_rows:
        return False
    first = next(n for n, g in enumerate(segments) if g.kind == "row")
    # labels before the first row are the scattered header's, not the table's
    segments = [g for n, g in enumerate(segments) if n >= first or g.kind == "unplaced"]
    parser.draft.has_table = True
    parser.schema = tuple(schema)
    parser.note("no-header", detail=_column_names(schema))
    _place(parser, segments, [[free[x] for x in w] for w in where], schema)
    parser.finish_table()
    return True


_UNIT_WRAP_RE = re.compile(r"^[\u4e00-\u9fff]$")


def _column_names(schema: Sequence[str]) -> str:
    from .recognise import FIELD_LABELS  # the recogniser's names of the columns

    return " | ".join(FIELD_LABELS[f][0] for f in schema if f in FIELD_LABELS and f != "-")


def _join_wrapped_words(words: list[str]) -> tuple[list[str], list[list[int]]]:
    """Words of a cell a line break split (``不少于12 种``, ``…事件报告 数``): a single
    character after a word ending in a figure or in three characters of text is joined
    back to it."""
    cells: list[str] = []
    where: list[list[int]] = []
    for n, w in enumerate(words):
        prev = L.key(cells[-1]) if cells else ""
        if cells and _UNIT_WRAP_RE.match(L.key(w)) and not L.is_blank(w) and (
                prev[-1:].isdigit() or re.search(r"[\u4e00-\u9fff]{3}$", prev)):
            cells[-1] += w
            where[-1].append(n)
            continue
        cells.append(w)
        where.append([n])
    return cells, where


def read_scrambled_header(parser, j: int, schema: Sequence[str]) -> int | None:  # noqa: ANN001
    """Words under a header whose labels came out of order (a spreadsheet's two-row header
    flattened column by column): when the header holds the recognised layout's columns in
    another order, not one whole row fits the header's order and some fit the layout's,
    the rows are read with those, strict, and the header noted as not trusted.  None: the
    header stands."""
    sc = row_scores()
    layout_schema = parser.layout_schema()
    if tuple(schema) == layout_schema or not layout_schema or layout_schema[0] != "name" \
            or not {"weight", "score"} <= set(layout_schema):
        return None
    toks = parser.toks
    k = _table_cells(parser, j)
    free = [i for i in range(j, k) if toks[i].key and not toks[i].dup and i not in parser.used]
    cells, where = _join_wrapped_words([toks[i].text for i in free])
    cut = k >= parser.end >= len(toks)

    def whole(fields: Sequence[str]) -> int:
        if not fields or fields[0] != "name" or not {"weight", "score"} <= set(fields):
            return 0
        return sum(1 for g in segment_rows(cells, fields, cut=cut, strict=True)
                   if g.kind == "row")

    core = {"name", "target", "actual", "weight", "score"} & set(layout_schema)
    if set(schema) - {"-"} != set(layout_schema) - {"-"} or not core <= set(schema):
        return None
    # the header's order stands unless the layout's fits over three times the whole rows (a
    # scrambled header fits a row or two by chance: 预算调整率 3% 0 2 2 as 完成值 3% | 得分 0)
    own, ordered = whole(schema), whole(layout_schema)
    if ordered < max(sc.typed_rows, 1) and own or ordered <= 3 * own or not ordered:
        return None
    if k < parser.end and parser.is_terminator(toks[k]):
        parser.draft.ended = True
    parser.schema = layout_schema
    parser.note("header-order", detail=_column_names(layout_schema))
    segments = segment_rows(cells, layout_schema, cut=cut, strict=True)
    _place(parser, segments, [[free[x] for x in w] for w in where], layout_schema)
    parser.finish_table()
    return k
