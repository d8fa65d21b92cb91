"""F113: the check (its prose, settings and cases: rules/checks/funds/F113.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, CaseContext, Hit, figure, money


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    f = ctx.facts.money
    if f.executed is not None and f.executed < 0:  # a negative numerator: no rate either
        yield Hit("$.funds.executed" if not f.from_rows else "$.funds.rows",
                  {"what": f"执行数为负数（{money(f.executed)} 万元）",
                   "what_en": f"the amount spent is negative ({money(f.executed)} 10k yuan)"},
                  expected="执行数 ≥ 0，执行率 = 执行数/预算数",
                  found=f"执行数 {money(f.executed)}")
    if f.budget is not None and f.budget > 0:
        return
    other = [(label, shown) for label, value, shown in (
        ("执行数", funds.executed, money(funds.executed)),
        ("年初预算数", funds.initial_budget, money(funds.initial_budget)),
        ("执行率", funds.claimed_rate, f"{figure(funds.claimed_rate)}%"),
        ("得分", funds.claimed_score, figure(funds.claimed_score)),
        ("结余", funds.balance, money(funds.balance)),
    ) if value is not None]
    filled_rows = any(v is not None for row in funds.rows
                      for v in (row.initial_budget, row.budget, row.executed))
    printed = "预算数 " + ("空白" if funds.budget is None else money(funds.budget))
    if f.budget is not None and f.budget < 0:  # not missing: a negative denominator
        where = "其中各行合计" if f.from_rows else f.budget_label
        yield Hit("$.funds.budget" if not f.from_rows else "$.funds.rows",
                  {"what": f"{where}为负数（{money(f.budget)} 万元），不能作为执行率的分母",
                   "what_en": f"the budget is negative ({money(f.budget)}), which cannot be the "
                              "rate's denominator"},
                  expected="全年（调整后）预算数 > 0，执行率 = 执行数/预算数",
                  found=f"{where} {money(f.budget)}")
        return
    if other or filled_rows:
        shown = "，".join(f"{label} {value}" for label, value in other)
        yield Hit("$.funds.budget",
                  {"what": "预算数为 0 或空白，而表中填有其他资金数",
                   "what_en": "the budget is 0 or blank while other money figures are given"},
                  expected="全年（调整后）预算数 > 0，执行率 = 执行数/预算数",
                  found=printed + (f"；{shown}" if shown else "；其中各行有数但预算数为 0 或空白"))
    elif (ctx.options["flag_empty_funds"] and ctx.case.project.has_form
          and not ctx.case.project.incomplete.strip()):
        # a form known to be incomplete may have lost its money, or its layout has none
        # (a 部门整体 rubric cut before its 预算执行率 row): not "left unfilled"
        yield Hit("$.funds",
                  {"what": "自评表未填写预算执行情况（预算数、执行数均无）",
                   "what_en": "the form gives no budget execution figures at all"},
                  expected="自评表应填写年度资金总额的预算数和执行数",
                  found="项目资金栏无任何金额")


RESTS_ON = (HERE, *MONEY)
