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
from decimal import Decimal, InvalidOperation

import attrs

from .layouts import Column, Relation

__all__ = ["Decoded", "decode_run", "is_glued_run"]

_RUN_RE = re.compile(r"^[0-9.%]+$")
_PIECE = {
    "money": re.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?"),
    "number": re.compile(r"(?:0|[1-9]\d{0,9})(?:\.\d{1,4})?"),
    "points": re.compile(r"(?:0|[1-9]\d?|100)(?:\.\d{1,2})?"),
    "percent": re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?%"),
}
MAX_CANDIDATES = 20000  # a bound on the search, whatever the run


@attrs.frozen
class Decoded:
    values: dict[str, str]  # field → piece as printed (percent with its %)
    ambiguous: tuple[str, ...] = ()  # fields two equally good readings disagree on
    fitted: int = 0  # relations the chosen reading satisfies
    unplaced: str = ""  # the run, when no reading fits at all


def is_glued_run(text: str) -> bool:
    """A cell of figures only, with no separator: ``1484631.00%``."""
    return bool(_RUN_RE.match(text)) and len(text) >= 3


def _dec(piece: str) -> Decimal:
    return Decimal(piece.rstrip("%"))


def _readings(run: str, columns: tuple[Column, ...]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    typed = [c for c in columns if c.type in _PIECE]

    def walk(pos: int, col: int, acc: dict[str, str]) -> None:
        if len(out) >= MAX_CANDIDATES:
            return
        if pos == len(run):
            if acc:
                out.append(dict(acc))
            return
        for c in range(col, len(typed)):
            pattern = _PIECE[typed[c].type]
            for end in range(pos + 1, len(run) + 1):
                piece = run[pos:end]
                if pattern.fullmatch(piece):
                    acc[typed[c].field] = piece
                    walk(end, c + 1, acc)
                    del acc[typed[c].field]

    walk(0, 0, {})
    return out


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


def _score(values: dict[str, str], relations: tuple[Relation, ...]) -> tuple[int, Decimal, int]:
    fitted, error, checked = 0, Decimal(0), 0
    for rel in relations:
        e = _error(rel, values)
        if e is None:
            continue
        checked += 1
        error += e
        fitted += e == 0
    return fitted, error, checked


def decode_run(run: str, columns: tuple[Column, ...], relations: tuple[Relation, ...]
               ) -> Decoded:
    """The reading of ``run`` that best fits the columns' types and the row's arithmetic."""
    readings = _readings(run, columns)
    if not readings:
        return Decoded({}, unplaced=run)
    ranked = []
    for values in readings:
        fitted, error, checked = _score(values, relations)
        # more relations satisfied; then a smaller miss, a relation that cannot be checked
        # counting as half a miss; then fewer lone zeros (46|46|100% before 46461|0|0%);
        # then more columns read (a dropped blank cell is the exception)
        miss = error + Decimal("0.5") * (len(relations) - checked)
        zeros = sum(1 for v in values.values() if v.rstrip("%") == "0")
        ranked.append(((-fitted, miss, zeros, -len(values)), values))
    ranked.sort(key=lambda t: t[0])
    (neg_fitted, miss, zeros, _), best = ranked[0]
    fitted = -neg_fitted
    rivals = [v for k, v in ranked[1:]
              if k[0] == neg_fitted and k[2] == zeros and (k[1] <= miss * 2 if miss else k[1] == 0)]
    if not rivals:
        return Decoded(best, (), fitted)
    agreed = {f: v for f, v in best.items() if all(r.get(f) == v for r in rivals)}
    disputed = tuple(sorted({f for r in [best, *rivals] for f in r} - set(agreed)))
    return Decoded(agreed, disputed, fitted)
