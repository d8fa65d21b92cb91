"""I303: the check (its prose, settings and cases: rules/checks/indicators/I303.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ...evidence import Number, Phrase, Quote, p
from ...model import Indicator
from ...scoring import IndicatorScore
from ...values import Claim, Dimension, Quantity, Text
from ..base import CaseContext, Hit
from ...facts import CaseFacts, Row
from ..kit import _compact, _level2_in, _pairs, _path, _show


def _unit_dimension(cells: Row) -> Quantity | None:
    """The 度量单位 column read as a quantity of 1 (its dimension and unit), or None."""
    value = cells.unit_quantity
    return value if isinstance(value, Quantity) and value.dimension is not Dimension.PLAIN else None


@functools.lru_cache(maxsize=256)
def _after_digit(word: str) -> re.Pattern[str]:
    return re.compile(r"\d" + re.escape(word))


def _unit_problems(row: Indicator, item: IndicatorScore, facts: CaseFacts, o
                   ) -> Iterator[tuple[str, Phrase]]:
    """(field, why) for each unit or operator problem of one row."""
    cells = facts.rows[item.index]
    for word in o["bad_unit_words"]:
        w = _compact(word)
        bad = _after_digit(w) if w else None
        field = next((f for f in ("target", "actual")
                      if bad is not None and bad.search(facts.compact(_path(item.index, f)))), None)
        if field is not None:
            yield field, p("I303.not_a_unit", word=Quote(w))
            break
    target = item.target
    unit_q = _unit_dimension(cells) if o["check_unit_column"] else None
    if unit_q is not None:
        qualitative = "定性" in row.operator
        own = facts.target_cell(item.index)
        shown, unit = _show(row.target), row.unit.strip()
        if qualitative or isinstance(own, Claim) or (isinstance(own, Text) and not own.quantities):
            yield "unit", p("I303.qualitative_unit", target=Quote(shown), unit=Quote(unit))
        elif isinstance(own, Quantity) and own.dimension is not Dimension.PLAIN and (
            own.dimension is not unit_q.dimension
            or (own.dimension is Dimension.COUNT and own.unit != unit_q.unit)
        ):
            yield "unit", p("I303.unit_contradicts", target=Quote(shown), unit=Quote(unit))
    if isinstance(target, Quantity):
        limit = o["reverse_percent_limit"]
        written = cells.target  # as the form wrote it, not as scoring read the name
        if (target.operator.reverse and target.dimension is Dimension.PERCENT
                and target.amount >= limit
                and isinstance(written, Quantity) and written.operator.reverse):
            # a ceiling the form wrote; one read from the name (人员控制率 100%) is not the
            # department's doing, and a control rate can exceed 100%
            yield "target", p("I303.loose_ceiling", limit=Number(target.amount))
        if (target.operator.positive and target.dimension is Dimension.MONEY
                and _level2_in(row, o["cost_level2"])):
            yield "target", p("I303.cost_floor")


def check(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        for field, why in _unit_problems(row, item, ctx.facts, ctx.options):
            yield Hit(
                _path(item.index, field),
                {"name": Quote(_show(row.name)), "why": why},
                expected=p("I303.expected"),
                found=p("I303.found", operator=Quote(row.operator), target=Quote(row.target),
                        unit=Quote(row.unit), actual=Quote(row.actual)),
            )
