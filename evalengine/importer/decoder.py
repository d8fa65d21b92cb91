"""Decode a row by type and arithmetic, not by position (issue 10 §2).

A run of glued figures (``5049.781099.56%9.96``: the cell boundaries of a flattened form
lost) is split into pieces and the pieces assigned, in order, to the layout's columns — any
column may be missing (a blank cell dropped).  Every piece must fit its column's type
(money, percent, points, number), and each candidate is scored by the row's arithmetic
(``rate = executed / budget``, ``score = weight * rate``, ``score <= weight``):
``50 | 49.78 | 10 | 99.56% | 9.96`` fits (49.78 / 50 = 99.56 %, 10 × 99.56 % = 9.96),
``504 | 9.78 | …`` does not.  When two candidates fit equally and disagree on a column, that
column is left unread (``ambiguous``) rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from collections.abc import Iterable
from functools import cache, lru_cache

import attrs

from ..values import _LINKERS, _PRE_FILLERS, _PREFIX_OPS, _SUFFIX_OPS, _column_operator
from ..vocabulary import load_vocabulary
from .layouts import Column, Relation
from .settings import import_settings

__all__ = ["LINE_END", "Decoded", "RowReading", "decode_cells", "decode_lost_head",
           "decode_rows", "decode_run",
           "is_glued_run", "is_value_cell", "junk_cell", "labels_at_line_start",
           "ocr_operator_doubt", "operator_cell", "settle_table", "split_total",
           "unreadable_operator"]

_RUN_RE = re.compile(r"^[0-9.%]+$")
_PIECE = {
    "money": re.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?"),
    "number": re.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?"),
    "points": re.compile(r"(?:0|[1-9]\d?|100)(?:\.\d{1,2})?"),
    "percent": re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?%"),
}
# a rate printed as a ratio without its % (``1`` for 100 %): read for the arithmetic, but
# never written -- a lost "00%" reads the same
_BARE_RATIO = re.compile(r"1|0\.\d{1,4}")
_COSTS = import_settings().decoder  # rules/import.toml [decoder], where each is explained
MAX_CANDIDATES = _COSTS.max_candidates
LINE_END = "\n"  # in a run of glued rows: a line end, where a row of the flattening ended


@attrs.frozen
class Decoded:
    values: dict[str, str]  # field → piece as printed (percent with its %)
    ambiguous: tuple[str, ...] = ()  # fields two equally good readings disagree on
    fitted: int = 0  # relations the chosen reading satisfies
    unplaced: str = ""  # the run, when no reading fits at all


def is_glued_run(text: str) -> bool:
    """A cell of figures only, with no separator: ``1484631.00%``."""
    return bool(_RUN_RE.match(text)) and len(text) >= 2


def _dec(piece: str) -> Decimal:
    return Decimal(piece.rstrip("%"))


def _typed(columns: tuple[Column, ...]) -> list[Column]:
    """The figure columns, each field once (a header may print a label twice)."""
    seen: set[str] = set()
    out = []
    for c in columns:
        if c.type in _PIECE and c.field not in seen:
            seen.add(c.field)
            out.append(c)
    return out


def _readings(run: str, columns: tuple[Column, ...],
              cuts: frozenset[int] = frozenset()) -> list[dict[str, str]]:
    """Every split of ``run`` into pieces that fit the columns in order; a piece never spans
    one of ``cuts`` (positions where the run is known to break: an amount's unit stood there)."""
    out: list[dict[str, str]] = []
    typed = _typed(columns)

    def walk(pos: int, col: int, acc: dict[str, str]) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        if pos == len(run):
            if acc:
                out.append(dict(acc))
            return
        nearest = min((c for c in cuts if c > pos), default=len(run))
        for c in range(col, len(typed)):
            if typed[c].field in acc:
                continue  # a column printed twice (a header label repeated)
            pattern = _PIECE[typed[c].type]
            for end in range(pos + 1, nearest + 1):
                piece = run[pos:end]
                if pattern.fullmatch(piece) or typed[c].type == "percent" \
                        and _BARE_RATIO.fullmatch(piece):
                    acc[typed[c].field] = piece
                    walk(end, c + 1, acc)
                    del acc[typed[c].field]

    walk(0, 0, {})
    return out


def _cell_fits(kind: str, text: str) -> bool:
    """A whole cell fits a column: a rate may be printed without its % (``0``, ``99.56``),
    with the decimals a rate is printed with (89.974 is money, not a rate)."""
    if kind == "percent" and _PIECE["percent"].fullmatch(text + "%"):
        return True
    return bool(_PIECE[kind].fullmatch(text))


def decode_cells(cells: list[str], columns: tuple[Column, ...],
                 relations: tuple[Relation, ...], parent: dict[str, str] | None = None
                 ) -> Decoded:
    """Cells whose blanks were dropped (``年度资金总额 | 50 | 49.78``), assigned in order to
    the columns: every assignment in which each cell fits its column's type, scored by the
    row's arithmetic as :func:`decode_run` does (and a sub-row by its ``parent``'s figures);
    fields two best assignments dispute are ambiguous."""
    import itertools

    figures = [c.strip().replace(",", "") for c in cells]
    typed = _typed(columns)
    readings = []
    for combo in itertools.combinations(range(len(typed)), len(figures)):
        if all(_cell_fits(typed[k].type, v) for k, v in zip(combo, figures)):
            # a rate printed without its % is still a percent
            readings.append({typed[k].field: v + "%" if typed[k].type == "percent"
                             and not v.endswith("%") else v for k, v in zip(combo, figures)})
    if not readings:
        return Decoded({}, unplaced=" | ".join(cells))
    # the cells are whole: a figure a relation derives (the 执行率 of 880 | 880) is evidence
    # here, where in a glued run it would make coincidental splits fit
    return _choose(readings, relations, parent, derive=True)


def _quantum(piece: str) -> Decimal:
    digits = piece.rstrip("%").partition(".")[2]
    return Decimal(1).scaleb(-len(digits)) / 2


def _error(rel: Relation, values: dict[str, str]) -> Decimal | None:
    """How far the printed figures are from satisfying ``rel`` (0 = exactly, as rounded);
    None when a figure it needs is not in the reading."""
    def get(name: str) -> Decimal | None:
        if re.fullmatch(r"\d+(?:\.\d+)?", name):
            return Decimal(name)
        return _dec(values[name]) if name in values else None

    result, left = get(rel.result), get(rel.left)
    if result is None or left is None:
        return None
    if rel.op == "<=":
        return Decimal(0) if result <= left else Decimal(1)
    right = get(rel.right)
    if right is None and rel.op == "-":
        right = Decimal(0)  # a blank deduction (统筹整合资金数 not printed) deducts nothing
    if right is None:
        return None
    # a percent figure is in percent: turn it into a ratio for the arithmetic
    def ratio(name: str, value: Decimal) -> Decimal:
        return value / 100 if values.get(name, "").endswith("%") else value

    try:
        if rel.op == "/":
            if right == 0:
                return Decimal(0) if left == 0 and ratio(rel.result, result) == 0 else Decimal(1)
            computed = ratio(rel.left, left) / ratio(rel.right, right)
        elif rel.op == "*":
            computed = ratio(rel.left, left) * ratio(rel.right, right)
        elif rel.op == "-":
            computed = left - right
        else:
            return None
    except (InvalidOperation, ZeroDivisionError):
        return Decimal(1)
    printed = ratio(rel.result, result)
    scale = Decimal(100) if values.get(rel.result, "").endswith("%") else Decimal(1)
    tolerance = _quantum(values[rel.result]) / scale if rel.result in values else Decimal(0)
    gap = abs(computed - printed)
    if printed == 0 and computed != 0:
        return Decimal(1)  # a printed 0 is a zero, not a small figure rounded away
    if gap <= tolerance:
        return Decimal(0)
    base = max(abs(printed), abs(computed), Decimal("0.0001"))
    return min(Decimal(1), gap / base)


def _score(values: dict[str, str], relations: tuple[Relation, ...], derive: bool = False
           ) -> tuple[int, Decimal, int]:
    """(equalities satisfied, total miss, equalities checked).  A bound (``score <= weight``)
    only rules readings out: holding it is no evidence, breaking it is a full miss.
    ``derive``: a relation the reading's figures do not show whole is checked with the
    figures its other relations derive (:func:`_derived`)."""
    fitted, error, checked = 0, Decimal(0), 0
    derived = _derived(values, relations) if derive else {}
    for rel in relations:
        e = _error(rel, values)
        if e is None and _constant_weight(rel, values):
            e = Decimal(0)  # score = 10 × rate with no score read, and the 分值 read is that 10
        if e is None and derived and rel.op != "<=" and rel.result not in derived \
                and _error(rel, {**values, **derived}) == 0:
            e = Decimal(0)  # score = weight × (executed / budget), the 执行率 printed blank
        if e is None:
            continue
        error += e
        if rel.op != "<=":
            checked += 1
            fitted += e == 0
    return fitted, error, checked


def _derived(values: dict[str, str], relations: tuple[Relation, ...]) -> dict[str, str]:
    """The quotients a reading leaves blank but its figures give (``rate = executed /
    budget`` with no 执行率 read: 880 / 880), as exact ratios, for the row's other relations
    to be checked against (``score = weight * rate``: 10 | 10 under a rate of 100 %).  Only
    a relation the derived figure makes hold is evidence; one it breaks says nothing (a
    score capped at its 分值, a rate printed blank for a reason)."""
    out: dict[str, str] = {}
    for rel in relations:
        if rel.op != "/" or rel.result in values or rel.left not in values \
                or rel.right not in values:
            continue
        try:
            left, right = _dec(values[rel.left]), _dec(values[rel.right])
            if values[rel.left].endswith("%"):
                left /= 100
            if values[rel.right].endswith("%"):
                right /= 100
            if right > 0:
                out[rel.result] = str(left / right)
        except (InvalidOperation, ZeroDivisionError):
            continue
    return out


def _constant_weight(rel: Relation, values: dict[str, str]) -> bool:
    """Does the reading's 分值 equal the points a layout's relation gives the row
    (``score = 10 * rate``, the Sichuan form's 10 分), where the score is not read?  Then the
    reading fits that relation as well as one reading the figure as the score: a lone ``10``
    beside ``100%`` is 分值 10 or 得分 10, and stays disputed."""
    if rel.op != "*" or rel.result in values or "weight" not in values:
        return False
    try:
        return _dec(values["weight"]) == Decimal(rel.left)
    except InvalidOperation:
        return False


def decode_run(run: str, columns: tuple[Column, ...], relations: tuple[Relation, ...],
               parent: dict[str, str] | None = None, cuts: frozenset[int] = frozenset()
               ) -> Decoded:
    """The reading of ``run`` that best fits the columns' types and the row's arithmetic
    (and, for a sub-row of the funds table, its ``parent``'s figures: :func:`_choose`);
    ``cuts``: positions where a piece is known to end (see :func:`_readings`)."""
    readings = _readings(run, columns, cuts)
    if not readings:
        return Decoded({}, unplaced=run)
    decoded = _choose(readings, relations, parent)
    percent = {c.field for c in columns if c.type == "percent"}
    bare = [f for f, v in decoded.values.items() if f in percent and not v.endswith("%")]
    if bare:
        values = {f: v for f, v in decoded.values.items() if f not in bare}
        return attrs.evolve(decoded, values=values,
                            ambiguous=tuple(sorted({*decoded.ambiguous, *bare})))
    return decoded


def decode_lost_head(run: str, columns: tuple[Column, ...], relations: tuple[Relation, ...]
                     ) -> dict[str, str] | None:
    """A glued run whose first digits were lost (``.32.06.579.27107.93``: a preview that
    dropped them): its last columns that are no money (执行率 | 分值 | 得分), read from the
    run's end by the row's arithmetic alone -- every relation among them checked and holding
    (10 × 79.27 % = 7.93), and only one such reading at any start.  The money before them is
    not read (the caller leaves it unread); None when no one reading fits."""
    typed = _typed(columns)
    tail: list[Column] = []
    for c in reversed(typed):
        if c.type == "money":
            break
        tail.insert(0, c)
    fields = {c.field for c in tail}
    rels = tuple(r for r in relations if r.op != "<=" and {r.result, r.left, r.right} - {""}
                 <= fields | {x for x in (r.left,) if re.fullmatch(r"\d+(?:\.\d+)?", x)})
    if not tail or not rels:
        return None
    found: list[dict[str, str]] = []

    def walk(pos: int, n: int, acc: dict[str, str]) -> None:
        if len(found) > 1:
            return
        if n == len(tail):
            if pos == len(run):
                fitted, _, checked = _score(acc, rels)
                # (a zero fits any product: 9.0 × 0 % = 0 is no evidence)
                if checked and fitted == checked and acc not in found \
                        and all(_dec(v) != 0 for v in acc.values()):
                    found.append(dict(acc))
            return
        for end in range(pos + 1, len(run) + 1):
            piece = run[pos:end]
            if _cell_fits(tail[n].type, piece):
                acc[tail[n].field] = piece + "%" if tail[n].type == "percent" \
                    and not piece.endswith("%") else piece
                walk(end, n + 1, acc)
                del acc[tail[n].field]

    for start in range(1, len(run) - 1):
        if run[start].isdigit():
            walk(start, 0, {})
    return found[0] if len(found) == 1 else None


def _child_fit(values: dict[str, str], parent: dict[str, str]) -> int | None:
    """How well a sub-row's reading (其中：财政拨款) fits the total row above it: children sum
    to their parent, so no child figure exceeds the parent's in its column (None: ruled out),
    and a child equal to its parent in a column (the one source that paid for it all) is
    evidence, one point a column."""
    matched = 0
    for field, text in values.items():
        if field not in parent or text.endswith("%"):
            continue
        try:
            child, whole = _dec(text), _dec(parent[field])
        except InvalidOperation:
            continue
        if child > whole:
            return None
        matched += child == whole and child != 0
    return matched


def _choose(readings: list[dict[str, str]], relations: tuple[Relation, ...],
            parent: dict[str, str] | None = None, derive: bool = False) -> Decoded:
    if parent:
        fits = [(_child_fit(v, parent), v) for v in readings]
        if any(f is not None for f, _ in fits):  # children sum to their parent
            top = max(f for f, _ in fits if f is not None)
            readings = [v for f, v in fits if f == top]
    ranked = []
    for values in readings:
        fitted, error, checked = _score(values, relations, derive)
        # more relations satisfied; then a smaller miss, a relation that cannot be checked
        # counting as half a miss; then fewer lone zeros (46|46|100% before 46461|0|0%);
        # then more columns read (a dropped blank cell is the exception)
        equalities = sum(1 for r in relations if r.op != "<=")
        miss = error + Decimal("0.5") * (equalities - checked)
        zeros = sum(1 for v in values.values() if v.rstrip("%") == "0")
        # then a split that cuts an amount printed twice (the budget spent whole:
        # 9089.97489.974 is 90 | 89.974 | 89.974) -- pieces, not columns: which columns two
        # equal cells are (48.84 | 48.84) it does not tell
        pieces = list(values.values())
        twice = sum(1 for a, b in zip(pieces, pieces[1:]) if a == b and "." in a
                    and _dec(a) != 0)
        ranked.append(((-fitted, miss, -twice, zeros, -len(values)), values))
    ranked.sort(key=lambda t: t[0])
    (neg_fitted, miss, neg_twice, zeros, _), best = ranked[0]
    fitted = -neg_fitted
    rivals = [v for k, v in ranked[1:]
              if k[0] == neg_fitted and k[2] == neg_twice and k[3] == zeros
              and (k[1] <= miss * 2 if miss else k[1] == 0)]
    if not rivals:
        return Decoded(best, (), fitted)
    agreed = {f: v for f, v in best.items() if all(r.get(f) == v for r in rivals)}
    disputed = tuple(sorted({f for r in [best, *rivals] for f in r} - set(agreed)))
    return Decoded(agreed, disputed, fitted)


# ---------------------------------------------------------------------------------------
# Indicator rows glued to their figures
# ---------------------------------------------------------------------------------------

_FIGURE = set("0123456789.%")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_WORDY = re.compile(r"[^\W\d_]")
_UNITS = load_vocabulary().units.importer  # rules/vocabulary.toml
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# a 度量单位 cell may carry a magnitude (万亩, 千人: rules/import.toml [decoder] unit_prefixes)
_UNIT_CELL_ALT = "(?:{})?(?:{})".format(
    "|".join(re.escape(u) for u in sorted(_COSTS.unit_prefixes, key=len, reverse=True)),
    _UNIT_ALT)
_NUM = r"(?:0|[1-9]\d*)(?:\.\d+)?"  # no leading zeros: 1|00% is not a reading
# operator words before and after a figure (达到95%及以上): the value parser's (to move to
# rules/vocabulary.toml with the units, issue 8); words of two characters or more only
_OP_BEFORE = tuple(sorted((w for w in (*_PREFIX_OPS, *_LINKERS) if len(w) >= 2 and
                           _WORDY.match(w)), key=len, reverse=True))
_OP_AFTER = tuple(sorted(_SUFFIX_OPS, key=len, reverse=True))
_BEFORE_ALT = "|".join(map(re.escape, _OP_BEFORE))
_AFTER_ALT = "|".join(map(re.escape, _OP_AFTER))
_VALUE_RE = re.compile(
    rf"(?:{_BEFORE_ALT})?[≥≤><=]{{0,2}}{_NUM}(?:{_UNIT_ALT})?(?:{_AFTER_ALT})?[。;；]?")
# a figure cell OCR could not read whole: junk glyphs where its operator or first digit was
# (^80%, 5=50%: rules/import.toml [decoder] ocr_junk), placed but not read (junk_cell)
_JUNK = re.escape(_COSTS.ocr_junk)
# (a Latin letter before a decimal point, M.8万元, is a digit OCR misread)
_JUNK_START = re.compile(rf"[{_JUNK}]|\d[{_JUNK}=]|[A-Za-z]\.\d")  # where one may start
_JUNK_VALUE_RE = re.compile(
    rf"(?:[{_JUNK}]{{1,2}}|\d[{_JUNK}=]|[A-Za-z]\.(?=\d))[≥≤><=]?{_NUM}(?:{_UNIT_ALT})?"
    rf"(?:{_AFTER_ALT})?")
# in a row that is a whole line, a figure's unit may be a word no list has (45万, 25TB)
_LOOSE_VALUE_RE = re.compile(
    rf"(?:{_BEFORE_ALT})?[≥≤><=]{{0,2}}{_NUM}(?:{_UNIT_ALT}|[^\W\d_]{{1,3}})?(?:{_AFTER_ALT})?"
    rf"[。;；]?")
# a figure cell ends here (the target before a short-word actual: 95%达标, 26次完成)
_FIGURE_END = re.compile(rf"\d(?:{_UNIT_ALT})?(?:{_AFTER_ALT})?[。;；]?$")
_CELL_RE = {  # only ever fullmatched: points and percent are the glued run's pieces
    "points": _PIECE["points"],
    "percent": _PIECE["percent"],
    "unit": re.compile(rf"(?:{_UNIT_CELL_ALT})"),
    "operator": re.compile(r"定量指标|定性指标|定量|定性|正向|反向|[≥≤><=]{1,2}"),
    "flag": re.compile(r"是|否"),
    "number": re.compile(_NUM),
}
ROW_COST = _COSTS.row
FREE_COST = _COSTS.free
FRAGMENT_COST = _COSTS.fragment
SPLIT_COST = _COSTS.split
TWICE_POINTS = _COSTS.twice_points
TWICE_APART = _COSTS.twice_apart
NEAR_POINTS = _COSTS.near_points
NEAR_RATIO = _COSTS.near_ratio
CELL_STEPS = _COSTS.cell_steps
KEEP = _COSTS.keep
TABLE_EVIDENCE = _COSTS.table_evidence
TABLE_SHARE = _COSTS.table_share
TAIL_MIN = _COSTS.tail_min
_FREE_MAX = _COSTS.free_max
_NAME_MAX = _COSTS.name_max


@attrs.frozen
class RowReading:
    name: str
    values: dict[str, str]
    ambiguous: tuple[str, ...] = ()
    # the cell that the readings reading it whole put in different columns (``22.5``: 完成值,
    # 权重 or 得分; others split it, 2 | 2.5), for the table to decide (its 合计 row)
    disputed_cell: str = ""
    text: str = ""  # the row's part of the run, to read it again by the table (settle_table)


def _prefixes(pattern: re.Pattern[str], s: str, pos: int) -> list[int]:
    """Ends of every prefix of s[pos:] the pattern matches whole (66, 662, 6620 …)."""
    ends = []
    for end in range(pos + 1, min(len(s), pos + _FREE_MAX) + 1):
        if pattern.fullmatch(s, pos, end):
            ends.append(end)
    return ends


def _value_cells(s: str, pos: int, fields: tuple[str, ...], types: tuple[str, ...],
                 budget: list[int], free_to_end: bool = False
                 ) -> list[tuple[int, int, dict[str, str]]]:
    """The best ways to read s[pos:] from the start as the value columns (any may be blank):
    (end, score, values), a few per end position (dynamic programming over position and
    column, so a row of many columns costs linear time).  No cell starts with a unit word
    right after a digit (``50万元`` is one figure, never 50 | 万元).  ``free_to_end``: the
    last free-text column may run to the end of ``s`` (a row that is a whole line)."""
    memo: dict[tuple[int, int], dict[int, list[tuple[int, tuple[tuple[str, str], ...]]]]] = {}
    optional = [t.endswith("?") for t in types]
    types = tuple(t.rstrip("?") for t in types)

    def add(table: dict, end: int, score: int, values: tuple) -> None:  # type: ignore[type-arg]
        lst = table.setdefault(end, [])
        lst.append((score, values))
        lst.sort(key=lambda t: -t[0])
        del lst[KEEP:]

    def pieces(p: int, c: int) -> list[tuple[int, int, int, tuple[tuple[str, str], ...]]]:
        """(next position, next column, points, cells) for column c filled at p."""
        out: list[tuple[int, int, int, tuple[tuple[str, str], ...]]] = []
        if p >= len(s):
            return out
        field, kind = fields[c], types[c]
        if p > pos and s[p - 1].isdigit() and kind != "unit" and (
                _unit_at(s, p) or free_to_end and _WORDY.match(s, p)):
            # a unit (in a whole-line row, any word) belongs to the figure before it -- or
            # is the 度量单位 cell after it
            return out
        split = SPLIT_COST if p > pos and s[p - 1].isdigit() and s[p].isdigit() else 0
        if kind in _CELL_RE:
            for end in _prefixes(_CELL_RE[kind], s, p):
                out.append((end, c + 1, (3 if kind in ("points", "percent") else 2) - split,
                            ((field, s[p:end]),)))
        elif kind == "text":  # a target or an actual: a figure, or words
            strict = _prefixes(_VALUE_RE, s, p)
            for end in strict:
                out.append((end, c + 1, 3 - split, ((field, s[p:end]),)))
            if _JUNK_START.match(s, p):  # a figure OCR left junk in
                for end in _prefixes(_JUNK_VALUE_RE, s, p):
                    out.append((end, c + 1, 2 - split, ((field, s[p:end]),)))
            # a unit no list has (45万, 25TB) is read, but a known one is better evidence
            for end in _prefixes(_LOOSE_VALUE_RE, s, p) if free_to_end else ():
                if end not in strict:
                    out.append((end, c + 1, 1 - split, ((field, s[p:end]),)))
            if field == "actual" and c and fields[c - 1] == "target" and _WORDY.match(s, p) \
                    and not s[p - 1].isdigit() and _FIGURE_END.search(s, max(pos, p - 16), p):
                # a short word for the actual after a figure target (无, 达标, 完成); a word
                # right after a digit is the figure's unit (25TB, 45万), not the actual
                for end in range(p + 1, min(len(s), p + 6) + 1):
                    if not _WORDY.fullmatch(s[end - 1]):
                        break  # words only: 无, 达标, 完成
                    out.append((end, c + 1, 1, ((field, s[p:end]),)))
            if p > pos and (s[p - 1].isdigit() or s[p - 1] in _DASHES) and "weight" in fields \
                    and fields.index("weight") < c:
                # a layout printing its 分值 before the target (分值 | 指标值 | 实际值 | 得分):
                # a dash right after the 分值 is the target "—" (OCR reads it 一), and words
                # between the 分值 and the 得分 are a text cell, ending where a figure begins
                if field == "target" and s[p] in _DASHES and _WORDY.match(s, p + 1):
                    out.append((p + 1, c + 1, 2, ((field, "—"),)))
                if _WORDY.match(s, p) and s[p] not in _DASHES:
                    end = p
                    while end < len(s) and end - p < _FREE_MAX and not s[end].isdigit():
                        end += 1
                    if end < len(s) and s[end].isdigit() and not _RUN_IN_NAME.search(s, p, end):
                        op = end
                        while op > p and s[op - 1] in "≥≤><=":
                            op -= 1
                        if op == end:
                            out.append((end, c + 1, 1, ((field, s[p:end]),)))
                        # words and a figure, one cell (采购的原原种合格率≥90%): a target
                        # stated as a sentence; its figure ends it
                        value = _VALUE_RE.match(s, op) if op > p else None
                        if value is not None and field == "target" \
                                and _SENTENCE_WORDS.fullmatch(s, p, op) \
                                and not _NUMBER_RE.fullmatch(value.group()):
                            # (a bare number after words is the next row's 分值: 可行性2)
                            out.append((value.end(), c + 1, 2, ((field, s[p:value.end()]),)))
            if field == "actual" and p and _WORDY.match(s, p - 1):
                # a claim glued to the words before it (…相关制度规定达成预期指标88): the
                # shortest claim ending where the figures begin
                for end in _glued_claims(s, p):
                    out.append((end, c + 1, 2, ((field, s[p:end]),)))
            a = next((x for x in range(c + 1, len(fields)) if fields[x] == "actual"
                      or not optional[x]), None)
            if field == "target" and a is not None and fields[a] == "actual" \
                    and s[p] in _FLAGS and p + 1 < len(s) and _WORDY.match(s, p + 1):
                # a yes/no target and a word actual glued (是基本达到, 是是 is below): the
                # flag, then a claim or a flag up to where the figures begin
                end = p + 1
                while end < len(s) and end - p < _FREE_MAX and _WORDY.match(s, end):
                    end += 1
                rest = s[p + 1:end]
                if end < len(s) and s[end].isdigit() and (rest in _FLAGS or _is_claim(rest)):
                    out.append((end, a + 1, 4, (("target", s[p]), ("actual", rest))))
            if field == "target" and a is not None and fields[a] == "actual":
                # words printed twice: the target and the actual (不超过预算不超过预算), with
                # only optional columns between them
                for k in range(1, _FREE_MAX // 2 + 1):
                    word = s[p:p + k]
                    if len(word) == k and s.startswith(word, p + k) and (
                            _WORDY.match(word) or _LOOSE_VALUE_RE.fullmatch(word)
                            and not _NUMBER_RE.fullmatch(word)
                            or k >= 4 and _DATED.fullmatch(word)):
                        # (a figure with its unit printed twice too, 2021年度2021年度, 45万45万;
                        # a bare 22 is rather 分值 2 and 得分 2)
                        out.append((p + 2 * k, a + 1, 4, (("target", word), ("actual", word))))
        elif kind == "free" and c < len(fields) - 1 and _WORDY.match(s, p) \
                and types[c + 1] in ("points", "percent", "number"):
            # a words column between figure columns (得分计算方法 before 得分): its words,
            # with no figure of their own, end where the first figure begins
            end = p
            while end < len(s) and end - p < _NAME_MAX and not s[end].isdigit():
                end += 1
            if end - p >= 2 and end < len(s) and s[end].isdigit():
                out.append((end, c + 1, -FREE_COST, ((field, s[p:end]),)))
        elif kind == "free" and c == len(fields) - 1 and _WORDY.match(s, p):
            ends = list(range(p + 1, min(len(s), p + _FREE_MAX) + 1))  # 偏差原因, last
            if len(s) not in ends and (free_to_end or _sentence_tail(s, p)):
                # the last cell of a run (where the next label cut it) may be a sentence or
                # two: a 偏差原因 holding no glued figures
                ends.append(len(s))
            for end in ends:  # (a run of figures in it is a row of its own, as in a name)
                out.append((end, c + 1, -FREE_COST - _run_penalty(s[p:end]),
                            ((field, s[p:end]),)))
        return out

    def solve(p: int, c: int) -> dict[int, list[tuple[int, tuple[tuple[str, str], ...]]]]:
        key = (p, c)
        if key in memo:
            return memo[key]
        table: dict[int, list[tuple[int, tuple[tuple[str, str], ...]]]] = {}
        if c == len(fields):
            table[p] = [(0, ())]
            memo[key] = table
            return table
        budget[0] -= 1
        if budget[0] <= 0:
            memo[key] = table
            return table
        blank = 0 if optional[c] else 1  # an optional column (调整指标值) is mostly blank
        for end, lst in solve(p, c + 1).items():  # this column printed blank
            for score, values in lst:
                add(table, end, score - blank, values)
        for nxt, nc, points, cells in pieces(p, c):
            for end, lst in solve(nxt, nc).items():
                for score, values in lst:
                    add(table, end, score + points, cells + values)
        memo[key] = table
        return table

    return [(end, score, dict(values)) for end, lst in solve(pos, 0).items()
            for score, values in lst if values]


@cache
def _claim_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The verbs a claim cell turns on (rules/vocabulary.toml [claims]: 完成, 达成, 达到 …),
    and its adverbs (已, 基本, 全面 …), each a pattern matched at a position."""
    from ..values import _CLAIM_ADVERBS, _V

    def alt(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))

    verbs = [w for w in (*_V.claims.achieved, *_V.claims.mostly) if len(w) >= 2]
    return alt(verbs), alt(_CLAIM_ADVERBS)


_CLAIM_END = re.compile(r"[\d≥≤><=]")


def _is_claim(text: str) -> bool:
    from ..values import Claim, ClaimLevel, parse_value

    value = parse_value(text)
    return isinstance(value, Claim) and value.level in (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


def _glued_claims(s: str, p: int) -> list[int]:
    """Ends of the claims that start at ``p`` in a run of words (``…规定达成预期指标`` at 达成):
    words only, starting with a claim verb of two characters, ending where a figure or the
    run begins.  Where the claim may start earlier (an adverb before the verb: ``全面完成``,
    ``及时达成``) or later (a second verb inside it), its start is not known: none."""
    verbs, adverbs = _claim_words()
    if not verbs.match(s, p) or any(adverbs.match(s, q) and adverbs.match(s, q).end() == p
                                    for q in range(max(0, p - 4), p)):
        return []
    ends = []
    for end in range(p + 2, min(len(s), p + _FREE_MAX) + 1):
        if not _WORDY.fullmatch(s[end - 1]):
            break
        if end == len(s) or not _CLAIM_END.match(s, end):
            continue
        if _is_claim(s[p:end]) and not any(verbs.match(s, q) and _is_claim(s[q:end])
                                           for q in range(p + 1, end - 1)):
            ends.append(end)
    return ends


def _name_holds_target(values: dict[str, str], fields: tuple[str, ...]) -> bool:
    """A claim read as the actual with no target before it (…规定达成预期指标): the words
    before the claim, taken as the name, may hold the target too."""
    actual = values.get("actual", "")
    return "target" in fields and "target" not in values and bool(actual) \
        and not any(ch.isdigit() for ch in actual) and _is_claim(actual)


def labels_at_line_start(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pieces of a run of glued rows (:func:`.labels.split_categories`) where the run
    keeps its line ends: a 一级/二级 label is a row's first cell, so a label word inside a
    line (``…合规达成预期指标``) is the text of that row, not a new category.  A run with
    no line end is left as it is.

    A run whose labels mostly stand inside its lines was not flattened a row a line: its
    line ends are where a text (an OCR'd image, a document preview) wrapped, inside a row
    or a cell as often as between rows, so they are no boundary at all and are dropped."""
    if not any(LINE_END in text for _, text in pieces):
        return pieces
    if _wrapped_lines(pieces):
        return [(kind, text.replace(LINE_END, "")) for kind, text in pieces
                if kind != "text" or text.replace(LINE_END, "")]
    out: list[tuple[str, str]] = []
    for kind, text in pieces:
        inside = out and out[-1][0] == "text" and not out[-1][1].endswith(LINE_END)
        if kind != "text" and inside or kind == "text" and out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + text)
        else:
            out.append((kind, text))
    return out


# (a line starting with a figure and its unit or date is a row's name: 2022年全年, 5000吨稻谷)
_CUT_FIGURE = re.compile(
    rf"\d{re.escape(LINE_END)}\d[\d.%]*\d(?![\d.%]|{_UNIT_ALT}|[年月日号])")


def _wrapped_lines(pieces: list[tuple[str, str]]) -> bool:
    """Do most 一级/二级 labels of the run stand inside a line (after a row's text on the
    same line), not at a line's start (first, after a line end, or after another label)?
    Or does a line end fall inside a run of figures (a row's glued cells wrapped)?"""
    if any(_CUT_FIGURE.search(text) for kind, text in pieces if kind == "text"):
        return True  # a line end inside a run of figures (12.51 | 2.512.5): a wrap
    inside = at_start = 0
    for n, (kind, _) in enumerate(pieces):
        if kind == "text":
            continue
        before = pieces[n - 1] if n else None
        if before is None or before[0] != "text" or before[1].endswith(LINE_END):
            at_start += 1
        else:
            inside += 1
    return inside > at_start


_TWICE_IN_NAME = re.compile(rf"(?<=[^\W\d_])(\d+(?:\.\d+)?)\1(?=[^\W\d_])(?!{_UNIT_ALT})")
# a run of glued figures inside a name (``…面积万亩2810810森林…``): the value cells of a row
# of its own; a year (2021年) or a short count is a name's word
# a figure with words in it printed twice (2021年12月完成): a date or a count and its words
_DATED = re.compile(r"\d+[^\W\d_]+(?:\d+[^\W\d_]+)*")
_DASHES = "—－–-一"
_NUMBERING = re.compile(r"(?:^|[\d\W_])指标$")  # the template's 指标1, 指标2 … before a name
_NUMBERING_AT = re.compile(r"(?:^|(?<=[\d\W_]))指标(?=\d)")
_FLAGS = ("是", "否")
_SENTENCE_WORDS = re.compile(r"[\u4e00-\u9fff，、,（）()]{2,}")  # Chinese words, no OCR junk  # a yes/no cell (是否按时完成: 是)  # a cell printed as a dash: not applicable (一 is OCR's reading of —)
_RUN_IN_NAME = re.compile(r"(?<![\d.])\d[\d.]{5,}(?![\d.年月日])")


@lru_cache(maxsize=4)
def _tail_marks(s: str) -> tuple[int, int]:
    """(the last sentence mark, the start of the last glued figure run) of ``s``, -1 when
    none: found once per run, so that asking of every position stays linear."""
    last_run = max((m.start() for m in _RUN_IN_NAME.finditer(s)), default=-1)
    last_mark = max((s.rfind(c) for c in ",，。;；"), default=-1)
    return last_mark, last_run


def _sentence_tail(s: str, p: int) -> bool:
    """Does ``s[p:]`` hold a sentence mark and no run of glued figures (a 偏差原因 of a
    sentence or two, up to where the next label cut the run)?"""
    last_mark, last_run = _tail_marks(s)
    return last_mark >= p and last_run < p


def _run_penalty(text: str) -> int:
    """A free-text cell or a fragment holding a run of glued figures holds a row not read."""
    return 5 * len(_RUN_IN_NAME.findall(text))


def _name_penalty(name: str) -> int:
    """A name rarely holds figures of its own row (``…到位率100%100%``), never an operator
    before a figure (``≥1人``: the operator position starts a target), and rarely a figure
    printed twice between words (``…变动率22基础信息完善``: the 分值 | 得分 of a row of its own;
    ``2020年`` is a year)."""
    twice = [m for m in _TWICE_IN_NAME.finditer(name) if Decimal(m.group(1)) != 0]
    return 5 * (len(re.findall(r"\d+(?:\.\d+)?%|[≥≤><=]\d", name)) + len(twice)) \
        + _run_penalty(name)


def _unit_at(s: str, p: int) -> bool:
    """Does a unit start at ``p`` -- not a word that only begins like one (项目 is no 项:
    rules/import.toml [decoder] not_units)?"""
    return bool(_CELL_RE["unit"].match(s, p)) and not any(
        s.startswith(w, p) for w in _COSTS.not_units)


def _splits_unit(s: str, end: int) -> bool:
    """Does a name ending at ``end`` cut a unit with its magnitude in two (``面积万 | 亩``,
    where ``万亩`` is the 度量单位 cell)?"""
    for k in (1, 2):
        m = _CELL_RE["unit"].match(s, end - k) if end - k > 0 else None
        if m is not None and m.end() > end and s[end - k:end] in _COSTS.unit_prefixes:
            return True
    return False


def decode_rows(text: str, fields: tuple[str, ...], types: tuple[str, ...],
                relations: tuple[Relation, ...] = ()) -> tuple[list[RowReading], str]:
    """Indicator rows glued into one run (``监测数据必须合格100%100%10进度…``): the reading,
    row after row, whose cells best fit the columns' types and the rows' arithmetic.  A
    column two equally good readings disagree on is ambiguous.  A :data:`LINE_END` in the
    run is a boundary no row or cell crosses (a table flattened a row a line).  Returns the
    rows and the text that could not be read as rows ("" when all of it was)."""
    lines = text.split(LINE_END)
    figures = {f for f, t in zip(fields, types)
               if t.rstrip("?") in ("points", "percent", "number")}
    if len(lines) == 1:
        rows, rest = _decode_line(text, fields, types, relations)
        return settle_table([rows], fields, types, relations)[0], rest
    ties = [_one_row_ties(line, fields, types, relations) for line in lines if line]
    sure = [t[0][1] for t in ties if len(t) == 1]
    if len(sure) >= TABLE_EVIDENCE:
        # the figure columns every row read without doubt fills, or leaves blank: a row that
        # fits several ways is read the way the table is (2|2 under 分值|得分 filled in every
        # other row, not 22 and a blank)
        always = {f for f in figures if all(f in v for v in sure)}
        never = {f for f in figures if not any(f in v for v in sure)}
        ties = [[t for t in tie if all((f in t[1]) == (f in always) for f in always | never)]
                or tie for tie in ties]
    return [_reading(tie, fields, types) for tie in ties], ""


def settle_table(pieces: list[list[RowReading]], fields: tuple[str, ...],
                 types: tuple[str, ...], relations: tuple[Relation, ...] = ()
                 ) -> list[list[RowReading]]:
    """The rows of a glued table (its pieces between 一级/二级 labels) read the way the
    table is: where the rows read without doubt (``table_share`` of them or all but one,
    and at least ``table_evidence``) fill some figure columns (分值 and 得分 in every row), a row that
    leaves one of them blank is read again alone, keeping only the readings that fill them
    as the table does; a row no such reading fits was misread (a cell OCR lost or garbled:
    8000亩8535.5亩 under 分值 | 指标值 | 实际值 | 得分), and its cells are left unread."""
    figures = {f for f, t in zip(fields, types)
               if t.rstrip("?") in ("points", "percent", "number")}
    sure = [r.values for rows in pieces for r in rows if r.values and not r.ambiguous]
    # (one row lacking them is always allowed for: the row in question may be the only one)
    allowed = max(1, int((1 - TABLE_SHARE) * len(sure)))
    always = {f for f in figures if sum(f in v for v in sure) >= TABLE_EVIDENCE
              and sum(f not in v for v in sure) <= allowed}
    if not always:
        return pieces
    lost = {f for f, t in zip(fields, types) if not f.startswith("-")
            and t.rstrip("?") != "free"}

    def settled(row: RowReading) -> RowReading:
        if not row.values or not row.text or always <= set(row.values) \
                or always & set(row.ambiguous):
            return row  # (a doubt on them is settled by readings that tie, not by this)
        ties = [t for t in _one_row_ties(row.text, fields, types, relations)
                if always <= set(t[1])]
        if ties:
            return attrs.evolve(_reading(ties, fields, types), text=row.text)
        return RowReading(row.name, {}, tuple(sorted(lost | set(row.ambiguous))), text=row.text)

    return [[settled(r) for r in rows] for rows in pieces]


def _one_row_ties(s: str, fields: tuple[str, ...], types: tuple[str, ...],
                  relations: tuple[Relation, ...]) -> list[tuple[str, dict[str, str]]]:
    """A line that is one row (a table flattened a row a line): its name from the start and
    its cells to the end, the readings (name, values) that best fit their types and the
    row's arithmetic -- several when they tie; ``[(line, {})]`` when none fits (words only)."""
    n = len(s)
    cells = {}
    options: list[tuple[int, str, dict[str, str]]] = []
    for name_end in range(1, n):
        name = s[:name_end]
        if not _WORDY.search(name) or name[-1] in "≥≤><=" or name.endswith(_OP_BEFORE) \
                or s[name_end].isdigit() and name.endswith("指标") and _NUMBERING.search(name) \
                or s[name_end - 1] in _FIGURE and s[name_end] in _FIGURE \
                or _splits_unit(s, name_end):
            continue
        if name_end not in cells:  # scored by the row's arithmetic once, whatever the name
            cells[name_end] = [(end, score + _relation_points(values, relations, fields), values)
                               for end, score, values in _value_cells(
                                   s, name_end, fields, types, [CELL_STEPS], free_to_end=True)
                               if end == n and values]
        penalty = _name_penalty(name)
        for _, score, values in cells[name_end]:
            options.append((score - penalty, name, values))
    if not options:  # words only, or nothing that fits the columns
        return [(s, {})]
    top = max(o[0] for o in options)
    return [(o[1], o[2]) for o in options if o[0] == top]


def _reading(ties: list[tuple[str, dict[str, str]]], fields: tuple[str, ...],
             types: tuple[str, ...]) -> RowReading:
    """One row from its equally good readings: what they agree on, the rest ambiguous.
    Where the cells cannot be told from the name (a row of words only, readings that end
    the name in different places, no target or actual read for sure), the name and the
    text cells are ambiguous too, never guessed."""
    text_fields = _text_fields(fields, types)
    if len(ties) == 1 and not ties[0][1]:  # no reading: words only
        return RowReading(ties[0][0], {}, ("name", *text_fields) if text_fields else ())
    values = ties[0][1]
    name = max((t[0] for t in ties), key=len)  # when it is disputed, the most it can hold
    rivals = [t[1] for t in ties[1:]]
    agreed = {f: v for f, v in values.items() if all(r.get(f) == v for r in rivals)}
    disputed = {f for r in [values, *rivals] for f in r} - set(agreed)
    lost = len({t[0] for t in ties}) > 1
    if text_fields and not any(f in agreed for f in text_fields):
        lost = True  # no target or actual read for sure: the name may hold them
    if _name_holds_target(agreed, fields):
        disputed |= {"name", "target"}
    if not lost and not disputed:
        return RowReading(name, values)
    # the readings that take the disputed figures as one cell: which cell, if one
    whole = {cells[0] for r in [values, *rivals]
             for cells in [[r[f] for f in disputed if f in r]] if len(cells) == 1}
    if lost:  # where the name ends is lost: so is every text cell
        disputed |= {"name", *(f for f, t in zip(fields, types)
                               if t.rstrip("?") in ("text", "free") and f not in agreed)}
    return RowReading(name, agreed, tuple(sorted(disputed)),
                      whole.pop() if len(whole) == 1 and not lost else "")


def _hidden_in_name(values: dict[str, str], fields: tuple[str, ...], types: tuple[str, ...]
                    ) -> tuple[str, ...]:
    """The text columns (target, actual) the name of a row may hold: when none was read,
    those before the first cell read (a 度量单位 ``%`` read right after the name ends it:
    ``“三公经费变动率%100%22否`` holds no target)."""
    text = _text_fields(fields, types)
    if not values or any(f in values for f in text):
        return ()
    first = min(fields.index(f) for f in values if f in fields)
    return tuple(f for f in text if fields.index(f) < first)


def _text_fields(fields: tuple[str, ...], types: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f, t in zip(fields, types) if t.rstrip("?") == "text")


def _decode_line(text: str, fields: tuple[str, ...], types: tuple[str, ...],
                 relations: tuple[Relation, ...]) -> tuple[list[RowReading], str]:
    s = text
    n = len(s)
    # best[pos] = (score, name, values or None for a fragment, rivals, end): the best reading
    # of s[pos:], its first row linked to the reading of s[end:] (linear, no copied lists)
    best: dict[int, tuple[int, str, dict[str, str] | None, list[dict[str, str]], int]] = {
        n: (0, "", None, [], n)}
    cells: dict[int, list[tuple[int, int, dict[str, str]]]] = {}

    # where a name would end between the template's 指标 and its number (指标 | 4推广…)
    numbered = {m.end() for m in _NUMBERING_AT.finditer(s)}

    def cells_at(start: int) -> list[tuple[int, int, dict[str, str]]]:
        if start not in cells:  # the value cells from a position do not depend on the name
            cells[start] = [(end, score + _relation_points(values, relations, fields), values)
                            for end, score, values in _value_cells(
                                s, start, fields, types, [CELL_STEPS]) if values]
        return cells[start]

    for pos in range(n - 1, -1, -1):
        options: list[tuple[int, str, dict[str, str] | None, int]] = []
        # a figure is never split between two rows, and a name starts with no % or point
        if s[pos] in "%.‰" or pos and s[pos - 1] in _FIGURE and s[pos] in _FIGURE:
            continue
        if pos and s[pos - 1].isdigit() and _unit_at(s, pos):
            continue  # 0起|起市民…: a unit belongs to the figure before it
        for name_end in range(pos + 1, min(n, pos + _NAME_MAX) + 1):
            name = s[pos:name_end]
            if len(name) < 2 or not _WORDY.search(name):
                continue
            if name_end < n and s[name_end - 1] in _FIGURE and s[name_end] in _FIGURE:
                continue
            if name[-1] in "≥≤><=":  # an operator starts the target: 调查≥90%
                continue
            if name_end in numbered:
                continue  # 指标 | 4推广…: the template's numbering 指标4 is the name's
            if _splits_unit(s, name_end):  # 面积万 | 亩: the unit 万亩 is one cell
                continue
            penalty = _name_penalty(name) + ROW_COST
            for end, score, values in cells_at(name_end):
                if end in best:
                    options.append((score - penalty + best[end][0], name, values, end))
        for end in range(pos + 1, min(n, pos + _NAME_MAX) + 1):
            if end in best and not (end < n and s[end - 1] in _FIGURE and s[end] in _FIGURE):
                # no row fits here: a fragment reported as not placed
                # (glued figures in it are rows not read: it costs as a name holding them)
                options.append((best[end][0] - FRAGMENT_COST - _run_penalty(s[pos:end]),
                                s[pos:end], None, end))
        if n - pos >= TAIL_MIN and not any(ch in _FIGURE for ch in s[pos:]):
            # words to the end of the run: a row the text breaks off in, its cells unread
            options.append((1 - FRAGMENT_COST, s[pos:], {}, n))
        if not options:
            continue
        top = max(o[0] for o in options)
        ties = [o for o in options if o[0] == top]
        first = ties[0]
        # the same first row name in a tie with other values: record the rivals' values
        rivals = [t[2] for t in ties[1:] if t[1] == first[1] and t[2] is not None]
        if len({t[1] for t in ties}) > 1:
            rivals.append({"name": ""})
        best[pos] = (top, first[1], first[2], rivals, first[3])
    if 0 not in best:
        return [], text
    rows = []
    unplaced: list[str] = []
    pos = 0
    while pos < n:
        _, name, values, rivals, end = best[pos]
        start, pos = pos, end
        if values is None:
            unplaced.append(name)
            continue
        if not values:  # words only: where the name ends is lost
            rows.append(RowReading(name, {}, ("name", *_text_fields(fields, types))))
            continue
        held: tuple[str, ...] = ("name", "target") if _name_holds_target(values, fields) else ()
        if _hidden_in_name(values, fields, types):  # the name may hold them (as a line's)
            held = ("name", *_hidden_in_name(values, fields, types))
        if not rivals:
            rows.append(RowReading(name, values, held, text=s[start:end]))
            continue
        agreed = {f: v for f, v in values.items() if all(r.get(f) == v for r in rivals)}
        disputed = tuple(sorted({f for r in [values, *rivals] for f in r if f != "name"}
                                - set(agreed) | set(held)))
        # the readings that take the disputed figures as one cell: which cell, if one
        whole = {cells[0] for r in [values, *rivals]
                 for cells in [[r[f] for f in disputed if f in r]] if len(cells) == 1}
        rows.append(RowReading(name, agreed, disputed, whole.pop() if len(whole) == 1 else "",
                               text=s[start:end]))
    return rows, " ".join(unplaced)


def _relation_points(values: dict[str, str], relations: tuple[Relation, ...],
                     fields: tuple[str, ...]) -> int:
    """Points for the row's arithmetic, and for a figure printed twice in two columns that
    are often equal: 分值 and 得分 under a bound (``88``: 8 | 8 at full marks, more likely
    than a 分值 of 88 and a blank 得分), a target and its actual (``100100``: 100 | 100).
    Two cells printed side by side (no cell read between them in ``fields``) are a figure
    printed twice, which earns the split between them; two equal cells apart (分值 first and
    得分 last: full marks) are a little evidence, unless a bare figure between them could be
    cut elsewhere (``12.51``: 1 | 2.5 | 1 or 12.5 | 1).  A zero printed twice is evidence
    only where no other pair of columns could hold it (``00``: 目标 0 | 完成 0 in a table with
    no 分值/得分; beside them it is as likely 0 | 0 there)."""
    points = 0
    pairs = [("target", "actual"), *((r.left, r.result) for r in relations if r.op == "<=")]
    for rel in relations:
        e = _error(rel, values)
        if e is None:
            continue
        if rel.op == "<=":
            # a bound holding is no evidence; nor is a 分值 of 0 (no row is worth nothing)
            points -= 0 if e == 0 and _dec(values[rel.left]) != 0 else 3
        else:
            points += 3 if e == 0 else -3
    for a, b in pairs:
        x = values.get(a, "")
        if not (x and x == values.get(b) and _NUMBER_RE.fullmatch(x)) \
                or Decimal(x) == 0 and any(f in fields for p in pairs if p != (a, b) for f in p) \
                or a not in fields or b not in fields:
            continue
        i, j = sorted((fields.index(a), fields.index(b)))
        between = [values[f] for f in fields[i + 1:j] if f in values]
        if not between:
            points += TWICE_POINTS
        elif not any(_NUMBER_RE.fullmatch(v) for v in between):
            points += TWICE_APART
    if _near(values.get("target", ""), values.get("actual", "")) and not _low_score(values):
        points += NEAR_POINTS
    if values.get("unit") == "%" and any(_over_percent(values.get(f, ""))
                                         for f in ("target", "actual")):
        points -= 3  # 9010 under the unit %: a percent has at most three digits (999.99%)
    return points


def _digits(figure: str) -> int:
    """Significant digits of a figure as printed (90: 2, 0.9: 1, 37.24: 4)."""
    return len(figure.replace(".", "").lstrip("0"))


def _low_score(values: dict[str, str]) -> bool:
    """Is the row's 得分 under half its 分值?  Then an actual near its target is no
    evidence (a row that nearly met its target does not lose most of its points)."""
    try:
        score = Decimal(values["score"]) if "score" in values else None
        if score is None:
            return False
        return score == 0 or "weight" in values and score * 2 < Decimal(values["weight"])
    except InvalidOperation:
        return False


def _over_percent(text: str) -> bool:
    m = _BARE_FIGURE.fullmatch(text)
    return m is not None and Decimal(m.group(1)) >= 1000


_BARE_FIGURE = re.compile(r"[≥≤><=]{0,2}(\d+(?:\.\d+)?)")


def _near(target: str, actual: str) -> bool:
    """Are a target and an actual that are bare figures (the unit in its own column) of one
    magnitude, neither more than ``near_ratio`` times the other, and not printed alike (a
    figure printed twice earns its own points)?  Zero is near nothing, and a one-digit
    figure is too coarse to be evidence."""
    t, a = _BARE_FIGURE.fullmatch(target), _BARE_FIGURE.fullmatch(actual)
    if t is None or a is None or target == actual:
        return False
    x, y = Decimal(t.group(1)), Decimal(a.group(1))
    if x == 0 or y == 0 or min(_digits(t.group(1)), _digits(a.group(1))) < 2:
        return False  # (6 and 5 are near by chance: figures of two digits or more only)
    return max(x, y) <= NEAR_RATIO * min(x, y)


# ---------------------------------------------------------------------------------------
# The operator position: the 指标性质 cell, and a target's start before its number
# ---------------------------------------------------------------------------------------

_PREFIXED_FIGURE = re.compile(r"([^\W\d_]{1,2})(\d+(?:\.\d+)?)([^\d\s]{0,4})")


@cache
def _operator_data() -> tuple[dict[str, str], frozenset[str]]:
    from .normalise import load_normalisation

    op = load_normalisation().operator
    known = frozenset((*_PREFIX_OPS, *_SUFFIX_OPS, *_PRE_FILLERS, *op.words))
    return dict(op.confusions), known


def operator_cell(text: str, *, ocr: bool = True) -> str | None:
    """What a 指标性质 (operator) cell holds, read as the operator position it is: the cell
    when the value parser reads it (≥, 不低于, 定量指标, 定性 …), an OCR confusion of an
    operator read as one (a whole cell ``2`` is ≥, ``W`` is ≤: rules/normalise.toml
    ``[operator]``; not in a cell typed into a workbook, ``ocr=False``), None when it holds
    no operator at all (``次到``).  Blank stays blank."""
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return text
    confusions, _ = _operator_data()
    s = confusions.get(s, s) if ocr else s
    op, qualitative = _column_operator(s)
    if op is not None or qualitative or _CELL_RE["operator"].fullmatch(s) or "定量" in s:
        return s
    return None


def unreadable_operator(target: str) -> bool:
    """Does a target cell hold, in its operator position before its number, one or two
    characters that are no operator, linker or filler word (``到0次``, ``第0份``: OCR junk,
    or a unit cell run into it)?  Then its comparison cannot be read, and the target is
    unread -- never a target of 0 that the actual is measured against."""
    m = _PREFIXED_FIGURE.fullmatch(unicodedata.normalize("NFKC", target).strip())
    if m is None:
        return False
    known = _operator_data()[1]
    word = m.group(1)
    # a known word and a unit (每亩300: 每 + 亩, as 每人 and 每户 are) is no junk
    return word not in known and not any(word[:k] in known and word[k:] in _UNITS
                                         for k in range(1, len(word)))


# (not before a zero that would start the figure: 200万粒 is no ≥00万粒, 2021年 no year ≥021)
_OCR_GE = re.compile(r"2(?=[1-9]|0\.\d)")


def junk_cell(text: str) -> bool:
    """Is a target or actual cell a figure OCR left junk glyphs in (``^80%``, ``5=50%``)?
    It was placed in its column, but what it says cannot be read."""
    return bool(_JUNK_VALUE_RE.fullmatch(unicodedata.normalize("NFKC", text).strip()))


def ocr_operator_doubt(target: str) -> bool:
    """In a text read by OCR, does a target start with a 2 that may be a ≥ (``2100人``: ≥100人
    or 2100人; ``2021年`` is a year)?  Where the form has no 指标性质 column to hold the
    operator, the two readings cannot be told apart: the target is left unread."""
    return bool(_OCR_GE.match(unicodedata.normalize("NFKC", target).strip()))


def is_value_cell(text: str) -> bool:
    """Does a cell state a value -- a figure (``已完成100%``) or a claim of completion
    (``完成``, ``达成预期指标``, ``基本完成``)?  Such a cell is a target or an actual, never the
    偏差原因 (a reason for a shortfall is not a value)."""
    from ..values import Claim, ClaimLevel, Quantity, parse_value

    value = parse_value(text)
    return isinstance(value, Quantity) or isinstance(value, Claim) and value.level in (
        ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


# ---------------------------------------------------------------------------------------
# The 总分 row glued: its 分值 and 得分 totals, split by the rows' sums
# ---------------------------------------------------------------------------------------

_LEADING_RUN = re.compile(r"\d[\d.]*")


def split_total(text: str, sums: tuple[Decimal | None, Decimal | None]
                ) -> tuple[str, str] | None:
    """The 分值 and 得分 totals of a 总分 cell glued into one run (``100100``, maybe with
    the form's notes after it: ``100100注:1.``): every split of the leading figures into
    two points is tried, and the one the rows' sums (``sums``: 分值, 得分; None where a row
    lacks one) agree with is taken -- the 分值 total equal to the rows' 分值, the 得分 total
    to theirs.  A split the rows do not confirm, or two that fit alike, give None."""
    m = _LEADING_RUN.match(unicodedata.normalize("NFKC", text).strip())
    if m is None or len(m.group()) < 2:
        return None
    run = m.group().rstrip(".")
    if len(run) > 12:  # two points are at most 100.00 each
        return None
    weights, scores = sums
    fits = []
    for k in range(1, len(run)):
        w, sc = run[:k], run[k:]
        if not (_PIECE["points"].fullmatch(w) and _PIECE["points"].fullmatch(sc)):
            continue
        if Decimal(sc) > Decimal(w):
            continue  # the 得分 total is no more than the 分值 total
        agree = (weights is not None and Decimal(w) == weights) \
            + (scores is not None and Decimal(sc) == scores)
        fits.append((agree, w, sc))
    if not fits:
        return None
    top = max(f[0] for f in fits)
    best = [f for f in fits if f[0] == top]
    if top == 0 or len(best) > 1:
        return None
    return best[0][1], best[0][2]
