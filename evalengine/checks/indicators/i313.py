"""I313: the check (its prose, settings and cases: rules/checks/indicators/I313.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...scoring import is_money_spent_short
from ..base import HERE, RECORD, CaseContext, Hit
from ..kit import _deviation_hit, _unexplained


def check(ctx: CaseContext) -> Iterator[Hit]:
    minor = ctx.options["minor_ratio"]
    for item, row, detail, ratio in _unexplained(ctx):
        if is_money_spent_short(item):
            continue  # a little money left under a money row is the budget's balance, not less output
        if ratio is not None and minor <= ratio < 1:
            yield _deviation_hit(item, row, detail)


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
