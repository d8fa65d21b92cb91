"""F104: the check (its prose, settings and cases: rules/checks/funds/F104.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, TEXTS, CaseContext, Hit, money
from ..kit import _explanation


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
    balance, rate = f.balance, f.rate
    if balance is None or rate is None or balance <= o["tolerance"]:
        return
    if rate < o["threshold"]:  # F103 reports a low rate without a reason (its threshold, shared)
        return
    if balance < o["min_share"] * f.budget:  # type: ignore[operator]
        return
    if _explanation(ctx.facts) is not None:
        return
    yield Hit(
        "$.funds.executed",
        {"balance": money(balance), "budget": money(f.budget), "executed": money(f.executed)},
        expected=f"结余 = {f.budget_label} − 执行数 = {money(f.budget)} − {money(f.executed)} = {money(balance)} 万元，应说明去向",
        found="原因栏、资金备注、偏差原因和自评报告均未说明结余",
        expected_en=(f"balance = budget − executed = {money(f.budget)} − {money(f.executed)} = "
                     f"{money(balance)} 10k yuan: where it went should be explained"),
        found_en=("the reason column, the funds note, the deviation reasons and the self-assessment "
                  "report do not explain the balance"),
    )


RESTS_ON = (HERE, *MONEY, "$.funds.balance", *TEXTS)
