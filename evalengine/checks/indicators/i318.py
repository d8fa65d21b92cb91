"""I318: the check (its prose, settings and cases: rules/checks/indicators/I318.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Dimension, Quantity
from ..base import MONEY, RECORD, CaseContext, Hit, figure
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
                    {"name": _show(row.name), "amount": figure(amount), "budget": figure(budget),
                     "ratio": figure(ctx.options["ratio"])},
                    expected=f"产出指标衡量本项目资金（预算 {figure(budget)} 万元）的产出",
                    found=f"“{_show(row.name)}”：{_show(text)}（{figure(amount)} 万元）",
                    expected_en=f"an output indicator measures what this project's money ({figure(budget)} 10k yuan) produced",
                    found_en=f"'{_show(row.name)}': {_show(text)} ({figure(amount)} 10k yuan)",
                )
                break


RESTS_ON = (RECORD, *MONEY)
