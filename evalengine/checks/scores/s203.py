"""S203: the check (its prose, settings and cases: rules/checks/scores/S203.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ..base import CATEGORIES, WEIGHTS, CaseContext, Hit, money
from ..kit import _group_weights, _rows, _tolerance


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, profile, options = ctx.case, ctx.profile, ctx.options
    if ctx.facts.misfit(profile):
        return  # S213: the form was written for another profile
    rows = _rows(ctx)
    weights = [r.weight for _, r in rows if r.weight is not None]
    if not weights:
        return
    truncated = ctx.facts.truncated
    complete = len(weights) == len(rows) and not truncated
    budget = case.funds.claimed_weight
    indicators = sum(weights, ZERO)
    if budget is not None:
        total, expected = budget + indicators, profile.total
        parts = f"预算执行率 {money(budget)} + 指标分值 {money(indicators)}"
    else:
        total, expected = indicators, profile.indicators.total
        parts = f"指标分值 {money(indicators)}"
    tol = _tolerance(options, len(weights) + (budget is not None))
    if (complete and abs(total - expected) > tol) or (not complete and total > expected + tol):
        what = "全表" if budget is not None else "绩效指标"
        what_en = "the form" if budget is not None else "the indicators"
        note = "" if complete else "（表格不完整，可见部分已超出）"
        yield Hit(
            "$.indicators",
            {"what": what, "what_en": what_en, "total": money(total), "expected": money(expected)},
            expected=f"{profile.name}：{what}分值合计 {money(expected)}",
            found=f"{parts} = {money(total)}{note}",
        )

    groups = _group_weights(ctx, rows)
    if not groups:
        return
    fixed = profile.indicators.level1
    for name, (sum_, count, first, printed) in groups.items():
        parent = printed
        if parent is None and options["check_level1_groups"] and fixed:
            parent = fixed.get(name)
        if parent is None:
            continue
        tol = _tolerance(options, count)
        if (complete and abs(sum_ - parent) > tol) or (not complete and sum_ > parent + tol):
            category = next((c for c in ctx.taxonomy.level1 if c.name == name), None)
            origin = "表内所列" if printed is not None else "评分规则规定"
            yield Hit(
                f"$.indicators[{first}].level1",
                {"what": name, "what_en": category.name_en if category else name,
                 "total": money(sum_), "expected": money(parent)},
                expected=f"{name}：{origin}一级分值 {money(parent)}",
                found=f"{name}下 {count} 项三级指标分值合计 {money(sum_)}",
            )


RESTS_ON = (*WEIGHTS, *CATEGORIES)
