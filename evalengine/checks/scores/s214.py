"""S214: the check (its prose, settings and cases: rules/checks/scores/S214.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CATEGORIES, HERE, ROWS, CaseContext, Hit, money
from ..kit import _name, _rows


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if not ctx.facts.scored_form or ctx.profile.kind == "unscored" or ctx.facts.misfit(ctx.profile):
        return
    rows = _rows(ctx)
    scored = [r for _, r in rows if r.score is not None]
    if not scored:
        return  # every 得分 blank: S212
    funds = case.funds
    if funds.claimed_score is None and ctx.profile.budget.weight > 0 and (
            funds.budget is not None or funds.executed is not None or funds.claimed_rate is not None):
        yield Hit("$.funds.claimed_score", {"what": "预算执行得分", "what_en": "the budget row's score"},
                  expected="预算执行行填写得分", found="预算执行得分栏空白，其余得分已填",
                  expected_en="a score on the budget row", found_en="the budget row's 得分 is blank")
    if (funds.claimed_rate is None and funds.claimed_score is not None
            and funds.budget is not None and funds.executed is not None):
        yield Hit("$.funds.claimed_rate", {"what": "预算执行率", "what_en": "the budget row's execution rate"},
                  expected="预算执行行填写执行率", found="执行率栏空白，得分已填",
                  expected_en="the execution rate on the budget row", found_en="the 执行率 cell is blank")
    for index, row in rows:
        if row.score is None and row.weight is not None and row.weight > 0:
            name = _name(case, index)
            yield Hit(f"$.indicators[{index}].score", {"what": f"「{name}」的得分", "what_en": f"the score of “{name}”"},
                      expected=f"「{name}」填写得分（分值 {money(row.weight)}）", found="得分栏空白",
                      expected_en=f"a score for “{name}” (weight {money(row.weight)})",
                      found_en="the 得分 cell is blank")


RESTS_ON = (HERE, *ROWS, *CATEGORIES, "$.funds.claimed_score", "$.funds.budget", "$.funds.executed")
