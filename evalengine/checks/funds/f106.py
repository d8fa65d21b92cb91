"""F106: the check (its prose, settings and cases: rules/checks/funds/F106.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Label, Percent, Quote, p
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _budget_word


def check(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    f = ctx.facts.total_row
    if f.budget is not None and f.executed is not None and f.executed - f.budget > tol:
        yield Hit("$.funds.executed",
                  {"row": Label("money.total_row"), "executed": Amount(f.executed), "budget": Amount(f.budget)},
                  expected=p("F106.expected", word=_budget_word(f), budget=Amount(f.budget)),
                  found=p("F106.found_total", executed=Amount(f.executed), rate=Percent(f.rate)))
    for index, row in enumerate(funds.rows):
        budget = row.budget if row.budget is not None else row.initial_budget
        if budget is None or row.executed is None or row.executed - budget <= tol:
            continue
        yield Hit(f"$.funds.rows[{index}].executed",
                  {"row": p("F106.source_row", source=Quote(row.source)),
                   "executed": Amount(row.executed), "budget": Amount(budget)},
                  expected=p("F106.expected", word=Label("money.budget"), budget=Amount(budget)),
                  found=p("F106.found_row", executed=Amount(row.executed)))


RESTS_ON = (HERE, *MONEY)
