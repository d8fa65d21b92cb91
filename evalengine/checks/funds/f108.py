"""F108: the check (its prose, settings and cases: rules/checks/funds/F108.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...money import rows_instead
from ..base import HERE, MONEY, CaseContext, Hit, figure, money, pct
from ..kit import ONE, _budget_weight


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not rows_instead(funds):
        return
    f = ctx.facts.money
    weight = _budget_weight(ctx)
    rate = f.rate
    score = min(rate, ONE) * weight if rate is not None else None
    printed = " / ".join(money(v) if v is not None else "空白"
                         for v in (funds.initial_budget, funds.budget, funds.executed))
    claimed = []
    if funds.claimed_rate is not None:
        claimed.append(f"执行率 {figure(funds.claimed_rate)}%")
    if funds.claimed_score is not None:
        claimed.append(f"得分 {figure(funds.claimed_score)}")
    yield Hit(
        "$.funds",
        {"budget": money(f.budget), "executed": money(f.executed), "rate": pct(rate),
         "weight": money(weight)},
        expected=(f"年度资金总额 = 其中各行合计：年初 {money(f.initial)} / 全年 {money(f.adjusted)} / "
                  f"执行 {money(f.executed)}，执行率 {pct(rate)}，得分 {money(score)}"),
        found=f"年度资金总额（年初/全年/执行）：{printed}" + (f"，{'，'.join(claimed)}" if claimed else ""),
    )


RESTS_ON = (HERE, *MONEY)
