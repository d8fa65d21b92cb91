"""S204: the check (its prose, settings and cases: rules/checks/scores/S204.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ..base import HERE, ROWS, WEIGHTS, CaseContext, Hit, money, pct
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
                {"name": name, "weight": money(weight), "points": money(points),
                 "share": pct(share)},
                expected=f"单项分值低于指标总分 {money(points)} 的 {pct(ctx.options['max_share'])}",
                found=f"{name}：分值 {money(weight)}，占 {pct(share)}",
            )


RESTS_ON = (HERE, *WEIGHTS, *ROWS)
