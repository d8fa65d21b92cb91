"""F105: the check (its prose, settings and cases: rules/checks/funds/F105.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, CaseContext, Hit, money


def check(ctx: CaseContext) -> Iterator[Hit]:
    stated = ctx.case.funds.balance
    f = ctx.facts.money
    balance = f.balance
    if stated is None or balance is None:
        return
    if abs(stated - balance) <= ctx.options["tolerance"]:
        return
    yield Hit(
        "$.funds.balance",
        {"stated": money(stated), "computed": money(balance)},
        expected=f"结余 = {f.budget_label} − 执行数 = {money(f.budget)} − {money(f.executed)} = {money(balance)} 万元",
        found=f"结余 {money(stated)} 万元",
        expected_en=(f"balance = budget − executed = {money(f.budget)} − {money(f.executed)} = "
                     f"{money(balance)} 10k yuan"),
        found_en=f"balance {money(stated)} 10k yuan",
    )


RESTS_ON = (HERE, *MONEY)
