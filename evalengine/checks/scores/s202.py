"""S202: the check (its prose, settings and cases: rules/checks/scores/S202.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, p
from ...numbers import ZERO
from ..base import HERE, ROWS, CaseContext, Hit
from ..kit import _rows, _tolerance


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    stated = case.narrative.claimed_total
    if stated is None:
        return
    budget = case.funds.claimed_score
    rows = [(i, r) for i, r in _rows(ctx) if not r.not_applicable]
    scores = [r.score for _, r in rows if r.score is not None]
    if not scores:
        return
    indicators = sum(scores, ZERO)
    total = indicators + (budget if budget is not None else ZERO)
    items = len(scores) + (budget is not None)
    tol = _tolerance(ctx.options, items)
    complete = (budget is not None and len(scores) == len(rows)
                and not ctx.facts.truncated)
    if complete:
        if abs(stated - total) <= tol:
            return
        expected = p("S202.expected", budget=Amount(budget), indicators=Amount(indicators), total=Amount(total))
    else:
        if total <= stated + tol:
            return
        shown = p("S202.budget_part", budget=Amount(budget)) if budget is not None else ""
        expected = p("S202.expected_visible", items=Count(items), budget=shown, indicators=Amount(indicators),
                     total=Amount(total))
    yield Hit(
        "$.narrative.claimed_total",
        {"stated": Amount(stated), "total": Amount(total), "diff": Amount(stated - total)},
        expected=expected,
        found=p("common.claimed_total", stated=Amount(stated)),
    )


RESTS_ON = (HERE, *ROWS, "$.funds.claimed_score")
