"""I318: the check (its prose, settings and cases: rules/checks/indicators/I318.toml)."""

from __future__ import annotations


from ...evidence import Number, Quote, p
from ...values import Dimension, Quantity
from ..base import MONEY, RECORD, CaseContext, Hit, ScoredRow
from ..kit import TEN_THOUSAND, _show


def wants_rows(ctx: CaseContext) -> bool:
    budget = ctx.facts.money.budget
    return budget is not None and budget > 0


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    item, row = r.item, r.row
    if item.category != "产出指标":
        return None  # an outcome (revenue, investment attracted …) may well exceed the money
    budget = ctx.facts.money.budget
    limit = budget * TEN_THOUSAND * ctx.options["ratio"]  # 元
    for side, value, text in (("target", item.target, row.target), ("actual", item.actual, row.actual)):
        if isinstance(value, Quantity) and value.dimension is Dimension.MONEY and value.amount > limit:
            amount = value.amount / TEN_THOUSAND
            return Hit(
                r.path(side),
                {"name": Quote(r.shown_name), "amount": Number(amount), "budget": Number(budget),
                 "ratio": Number(ctx.options["ratio"])},
                expected=p("I318.expected", budget=Number(budget)),
                found=p("I318.found", name=Quote(r.shown_name), text=Quote(_show(text)),
                        amount=Number(amount)),
            )
    return None


RESTS_ON = (RECORD, *MONEY)


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "money cell"
