"""S212: the check (its prose, settings and cases: rules/checks/scores/S212.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ...values import Empty
from ..base import ROWS, CaseContext, Hit, money
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
        {"count": len(indicators), "weights": money(weights)},
        expected="每个指标填写完成值和得分",
        found=f"{len(indicators)} 项指标已列分值（合计 {money(weights)}），完成值和得分均为空",
    )


RESTS_ON = (*ROWS,)
