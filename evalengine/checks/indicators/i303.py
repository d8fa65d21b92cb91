"""I303: the check (its prose, settings and cases: rules/checks/indicators/I303.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...evidence import Number, Phrase, Quote, p
from ...values import Claim, Dimension, Quantity, Text
from ..base import CaseContext, Hit, ScoredRow, Words
from ...facts import Row
from ..kit import _joined, _per_case, _show


def _unit_dimension(cells: Row) -> Quantity | None:
    """The 度量单位 column read as a quantity of 1 (its dimension and unit), or None."""
    value = cells.unit_quantity
    return value if isinstance(value, Quantity) and value.dimension is not Dimension.PLAIN else None


def _after_digit(words: Words) -> tuple[re.Pattern[str] | None, tuple[tuple[str, re.Pattern[str]], ...]]:
    """One pattern for any of the words right after a digit (None: no words), and one per
    word, in order."""
    each = tuple((w, re.compile(r"\d" + re.escape(w))) for _, w in words.compacted)
    either = re.compile(r"\d(?:" + "|".join(re.escape(w) for w, _ in each) + ")") if each else None
    return either, each


def _some_row_has(ctx: CaseContext, either: re.Pattern[str]) -> bool:
    """Whether some row's target or actual has one of the words right after a digit: one
    search of the case's rows joined by line breaks (no word holds one, nor is it a digit),
    found once a case."""
    return _per_case(ctx, f"I303 words {either.pattern}", lambda ctx: bool(
        either.search(_joined(ctx, "target_words")) or either.search(_joined(ctx, "actual_words"))))


def _unit_problems(ctx: CaseContext, r: ScoredRow) -> list[tuple[str, Phrase]]:
    """(field, why) for each unit or operator problem of one row."""
    facts, o = ctx.facts, ctx.options
    out: list[tuple[str, Phrase]] = []
    row, item, cells = r.row, r.item, r.cells
    either, each = o["bad_unit_words"].once("after a digit", _after_digit)
    if either is not None and _some_row_has(ctx, either):
        target, actual = r.target_words, r.actual_words
        if either.search(target) or either.search(actual):
            for w, bad in each:
                field = "target" if bad.search(target) else "actual" if bad.search(actual) else None
                if field is not None:
                    out.append((field, p("I303.not_a_unit", word=Quote(w))))
                    break
    target = item.target
    unit_q = _unit_dimension(cells) if o["check_unit_column"] else None
    if unit_q is not None:
        qualitative = "定性" in row.operator
        own = facts.target_cell(item.index)
        shown, unit = _show(row.target), row.unit.strip()
        if qualitative or isinstance(own, Claim) or (isinstance(own, Text) and not own.quantities):
            out.append(("unit", p("I303.qualitative_unit", target=Quote(shown), unit=Quote(unit))))
        elif isinstance(own, Quantity) and own.dimension is not Dimension.PLAIN and (
            own.dimension is not unit_q.dimension
            or (own.dimension is Dimension.COUNT and own.unit != unit_q.unit)
        ):
            out.append(("unit", p("I303.unit_contradicts", target=Quote(shown), unit=Quote(unit))))
    if isinstance(target, Quantity):
        limit = o["reverse_percent_limit"]
        written = cells.target  # as the form wrote it, not as scoring read the name
        if (target.operator.reverse and target.dimension is Dimension.PERCENT
                and target.amount >= limit
                and isinstance(written, Quantity) and written.operator.reverse):
            # a ceiling the form wrote; one read from the name (人员控制率 100%) is not the
            # department's doing, and a control rate can exceed 100%
            out.append(("target", p("I303.loose_ceiling", limit=Number(target.amount))))
        if (target.operator.positive and target.dimension is Dimension.MONEY
                and o["cost_level2"].first_in(r.level2)):
            out.append(("target", p("I303.cost_floor")))
    return out


def check_row(ctx: CaseContext, r: ScoredRow) -> Iterator[Hit] | None:
    problems = _unit_problems(ctx, r)
    return _hits(r, problems) if problems else None


def _hits(r: ScoredRow, problems: list[tuple[str, Phrase]]) -> Iterator[Hit]:
    row = r.row
    for field, why in problems:
        yield Hit(
            r.path(field),
            {"name": Quote(r.shown_name), "why": why},
            expected=p("I303.expected"),
            found=p("I303.found", operator=Quote(row.operator), target=Quote(row.target),
                    unit=Quote(row.unit), actual=Quote(row.actual)),
        )
