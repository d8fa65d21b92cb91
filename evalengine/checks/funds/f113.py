"""F113: the check (its prose, settings and cases: rules/checks/funds/F113.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Label, Number, Seq, p
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _budget_word


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    f = ctx.facts.money
    if f.executed is not None and f.executed < 0:  # a negative numerator: no rate either
        yield Hit("$.funds.executed" if not f.from_rows else "$.funds.rows",
                  {"what": p("F113.negative_executed", executed=Amount(f.executed))},
                  expected=p("F113.expected_executed"),
                  found=p("F113.found_executed", executed=Amount(f.executed)))
    if f.budget is not None and f.budget > 0:
        return
    other = [p("common.label_value", label=Label(label), value=shown) for label, value, shown in (
        ("money.executed_short", funds.executed, Amount(funds.executed)),
        ("money.initial_budget", funds.initial_budget, Amount(funds.initial_budget)),
        ("money.rate", funds.claimed_rate, p("common.percent", value=Number(funds.claimed_rate))),
        ("money.score", funds.claimed_score, Number(funds.claimed_score)),
        ("money.balance", funds.balance, Amount(funds.balance)),
    ) if value is not None]
    filled_rows = any(v is not None for row in funds.rows
                      for v in (row.initial_budget, row.budget, row.executed))
    printed = p("F113.printed", budget=p("common.blank") if funds.budget is None else Amount(funds.budget))
    if f.budget is not None and f.budget < 0:  # not missing: a negative denominator
        where = Label("money.from_rows") if f.from_rows else _budget_word(f)
        yield Hit("$.funds.budget" if not f.from_rows else "$.funds.rows",
                  {"what": p("F113.negative_budget", where=where, budget=Amount(f.budget))},
                  expected=p("F113.expected_budget"),
                  found=p("F113.found_budget", where=where, budget=Amount(f.budget)))
        return
    if other or filled_rows:
        yield Hit("$.funds.budget",
                  {"what": p("F113.zero_budget")},
                  expected=p("F113.expected_budget"),
                  found=p("F113.found_other", printed=printed,
                          other=Seq(tuple(other), "comma") if other else p("F113.rows_only")))
    elif (ctx.options["flag_empty_funds"] and ctx.case.project.has_form
          and not ctx.case.project.incomplete.strip()):
        # a form known to be incomplete may have lost its money, or its layout has none
        # (a 部门整体 rubric cut before its 预算执行率 row): not "left unfilled"
        yield Hit("$.funds",
                  {"what": p("F113.no_money")},
                  expected=p("F113.expected_money"),
                  found=p("F113.found_no_money"))


RESTS_ON = (HERE, *MONEY)
