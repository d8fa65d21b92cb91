"""F104: the check (its prose, settings and cases: rules/checks/funds/F104.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ..base import HERE, MONEY, TEXTS, CaseContext, Hit
from ..kit import _balance, _explained


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
    if _explained(ctx.facts):
        return
    yield Hit(
        "$.funds.executed",
        {"balance": Amount(balance), "budget": Amount(f.budget), "executed": Amount(f.executed)},
        expected=p("F104.expected", balance=_balance(f)),
        found=p("F104.found"),
    )


RESTS_ON = (HERE, *MONEY, "$.funds.balance", *TEXTS)
