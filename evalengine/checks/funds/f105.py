"""F105: the check (its prose, settings and cases: rules/checks/funds/F105.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _balance


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
        {"stated": Amount(stated), "computed": Amount(balance)},
        expected=_balance(f),
        found=p("F105.found", stated=Amount(stated)),
    )


RESTS_ON = (HERE, *MONEY)
