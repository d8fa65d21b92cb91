"""I318: the check (its prose, settings and cases: rules/checks/indicators/I318.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Number, Quote, p
from ...values import Dimension, Quantity
from ..base import MONEY, RECORD, CaseContext, Hit
from ..kit import TEN_THOUSAND, _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    budget = ctx.facts.money.budget
    if budget is None or budget <= 0:
        return
    limit = budget * TEN_THOUSAND * ctx.options["ratio"]  # 元
    for item, row in _pairs(ctx):
        if item.category != "产出指标":
            continue  # an outcome (revenue, investment attracted …) may well exceed the money
        for side, value, text in (("target", item.target, row.target), ("actual", item.actual, row.actual)):
            if isinstance(value, Quantity) and value.dimension is Dimension.MONEY and value.amount > limit:
                amount = value.amount / TEN_THOUSAND
                yield Hit(
                    _path(item.index, side),
                    {"name": Quote(_show(row.name)), "amount": Number(amount), "budget": Number(budget),
                     "ratio": Number(ctx.options["ratio"])},
                    expected=p("I318.expected", budget=Number(budget)),
                    found=p("I318.found", name=Quote(_show(row.name)), text=Quote(_show(text)),
                            amount=Number(amount)),
                )
                break


RESTS_ON = (RECORD, *MONEY)
