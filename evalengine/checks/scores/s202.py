"""S202: the check (its prose, settings and cases: rules/checks/scores/S202.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ..base import HERE, ROWS, CaseContext, Hit, money
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
        expected = f"自评总分 = 预算执行率 {money(budget)} + 指标得分 {money(indicators)} = {money(total)}"
    else:
        if total <= stated + tol:
            return
        shown = f"预算执行率 {money(budget)} + " if budget is not None else ""
        expected = (f"可见的 {items} 项得分已合计 {shown}指标得分 {money(indicators)} = {money(total)}，"
                    f"总分不应低于此数")
    yield Hit(
        "$.narrative.claimed_total",
        {"stated": money(stated), "total": money(total), "diff": money(stated - total)},
        expected=expected,
        found=f"自评总分 {money(stated)}",
    )


RESTS_ON = (HERE, *ROWS, "$.funds.claimed_score")
