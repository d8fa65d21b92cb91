"""S212: the check (its prose, settings and cases: rules/checks/scores/S212.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, p
from ...numbers import ZERO
from ...values import Empty
from ..base import ROWS, CaseContext, Hit
from ..kit import _form_weight


def check(ctx: CaseContext) -> Iterator[Hit]:
    indicators = ctx.score.indicators
    printed = [w for i in indicators if (w := _form_weight(ctx.case, i)) is not None]
    if not printed:
        return
    if any(not isinstance(i.actual, Empty) or i.claimed_from_form for i in indicators):
        return
    weights = sum(printed, ZERO)
    yield Hit(
        "$.indicators",
        {"count": Count(len(indicators)), "weights": Amount(weights)},
        expected=p("S212.expected"),
        found=p("S212.found", count=Count(len(indicators)), weights=Amount(weights)),
    )


RESTS_ON = (*ROWS,)
