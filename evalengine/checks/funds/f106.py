"""F106: the check (its prose, settings and cases: rules/checks/funds/F106.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, CaseContext, Hit, money, pct


def check(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    f = ctx.facts.total_row
    if f.budget is not None and f.executed is not None and f.executed - f.budget > tol:
        yield Hit("$.funds.executed",
                  {"row": "年度资金总额", "row_en": "the total row",
                   "executed": money(f.executed), "budget": money(f.budget)},
                  expected=f"执行数 ≤ {f.budget_label} {money(f.budget)} 万元",
                  found=f"执行数 {money(f.executed)} 万元（执行率 {pct(f.rate)}）")
    for index, row in enumerate(funds.rows):
        budget = row.budget if row.budget is not None else row.initial_budget
        if budget is None or row.executed is None or row.executed - budget <= tol:
            continue
        yield Hit(f"$.funds.rows[{index}].executed",
                  {"row": f"“{row.source}”行", "row_en": f"the “{row.source}” row",
                   "executed": money(row.executed), "budget": money(budget)},
                  expected=f"执行数 ≤ 预算数 {money(budget)} 万元",
                  found=f"执行数 {money(row.executed)} 万元")


RESTS_ON = (HERE, *MONEY)
