"""F112: the check (its prose, settings and cases: rules/checks/funds/F112.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, TEXTS, CaseContext, Hit, money
from ..kit import _answered


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
        {"initial": money(f.initial), "adjusted": money(f.adjusted),
         "change": ("+" if change > 0 else "") + money(change)},
        expected="年初预算与调整后预算不一致时，应单独说明追加或调减的理由",
        found=f"{f.where}：年初预算 {money(f.initial)} → 调整后 {money(f.adjusted)} 万元，未说明调整理由",
    )


RESTS_ON = (HERE, *MONEY, *TEXTS)
