"""F108: the check (its prose, settings and cases: rules/checks/funds/F108.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Number, Percent, Seq, p
from ...money import rows_instead
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import ONE, _budget_weight


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not rows_instead(funds):
        return
    f = ctx.facts.money
    weight = _budget_weight(ctx)
    rate = f.rate
    score = min(rate, ONE) * weight if rate is not None else None
    printed = Seq(tuple(Amount(v) if v is not None else p("common.blank")
                        for v in (funds.initial_budget, funds.budget, funds.executed)), "slash")
    claimed = []
    if funds.claimed_rate is not None:
        claimed.append(p("F108.claimed_rate", rate=Number(funds.claimed_rate)))
    if funds.claimed_score is not None:
        claimed.append(p("F108.claimed_score", score=Number(funds.claimed_score)))
    yield Hit(
        "$.funds",
        {"budget": Amount(f.budget), "executed": Amount(f.executed), "rate": Percent(rate),
         "weight": Amount(weight)},
        expected=p("F108.expected", initial=Amount(f.initial), adjusted=Amount(f.adjusted),
                   executed=Amount(f.executed), rate=Percent(rate), score=Amount(score)),
        found=p("F108.found", printed=printed,
                claimed=p("common.comma_then", items=Seq(tuple(claimed), "comma")) if claimed else ""),
    )


RESTS_ON = (HERE, *MONEY)
