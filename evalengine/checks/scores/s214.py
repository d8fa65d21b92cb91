"""S214: the check (its prose, settings and cases: rules/checks/scores/S214.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ..base import CATEGORIES, HERE, ROWS, CaseContext, Hit
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
        yield Hit("$.funds.claimed_score", {"what": p("S214.budget_score")},
                  expected=p("S214.budget_score_expected"), found=p("S214.budget_score_found"))
    if (funds.claimed_rate is None and funds.claimed_score is not None
            and funds.budget is not None and funds.executed is not None):
        yield Hit("$.funds.claimed_rate", {"what": p("S214.budget_rate")},
                  expected=p("S214.budget_rate_expected"), found=p("S214.budget_rate_found"))
    for index, row in rows:
        if row.score is None and row.weight is not None and row.weight > 0:
            name = _name(case, index)
            yield Hit(f"$.indicators[{index}].score", {"what": p("S214.row_score", name=name)},
                      expected=p("S214.row_expected", name=name, weight=Amount(row.weight)),
                      found=p("S214.row_found"))


RESTS_ON = (HERE, *ROWS, *CATEGORIES, "$.funds.claimed_score", "$.funds.budget", "$.funds.executed")
