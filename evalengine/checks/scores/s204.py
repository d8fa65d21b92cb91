"""S204: the check (its prose, settings and cases: rules/checks/scores/S204.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Percent, p
from ...numbers import ZERO
from ..base import HERE, ROWS, WEIGHTS, CaseContext, Hit
from ..kit import _form_weight, _name


def check(ctx: CaseContext) -> Iterator[Hit]:
    weighted = [(ind.index, w) for ind in ctx.score.indicators
                if (w := _form_weight(ctx.case, ind)) is not None and w > 0]
    if not weighted:
        return
    points = max(sum((w for _, w in weighted), ZERO), ctx.profile.indicators.total)
    if points <= 0:
        return
    for index, weight in weighted:
        share = weight / points
        if share >= ctx.options["max_share"]:
            name = _name(ctx.case, index)
            yield Hit(
                f"$.indicators[{index}].weight",
                {"name": name, "weight": Amount(weight), "points": Amount(points), "share": Percent(share)},
                expected=p("S204.expected", points=Amount(points), max=Percent(ctx.options["max_share"])),
                found=p("S204.found", name=name, weight=Amount(weight), share=Percent(share)),
            )


RESTS_ON = (HERE, *WEIGHTS, *ROWS)
