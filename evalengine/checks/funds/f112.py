"""F112: the check (its prose, settings and cases: rules/checks/funds/F112.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ..base import HERE, MONEY, TEXTS, CaseContext, Hit
from ..kit import _answered, _whose


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    funds = ctx.case.funds
    f = ctx.facts.money
    if f.initial is None or f.adjusted is None or abs(f.adjusted - f.initial) <= o["tolerance"]:
        return
    if _answered(funds.adjustment_reason):
        return
    for text in (funds.reason, funds.note):
        if _answered(text) and any(w and w in text for w in o["reason_words"]):
            return
    change = f.adjusted - f.initial
    yield Hit(
        "$.funds.adjustment_reason",
        {"initial": Amount(f.initial), "adjusted": Amount(f.adjusted), "change": Amount(change)},
        expected=p("F112.expected"),
        found=p("F112.found", where=_whose(f), initial=Amount(f.initial), adjusted=Amount(f.adjusted)),
    )


RESTS_ON = (HERE, *MONEY, *TEXTS)
