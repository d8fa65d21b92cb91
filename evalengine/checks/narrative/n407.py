"""N407: the check (its prose, settings and cases: rules/checks/narrative/N407.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    if ctx.profile.id not in o["profiles"]:
        return
    limits = (
        ("$.goal.actual", "年度目标完成情况", "goal achieved", ctx.case.goal.actual, o["goal_actual_max"]),
        ("$.narrative.conclusion", "评价结论", "conclusion", ctx.case.narrative.conclusion, o["conclusion_max"]),
        ("$.narrative.problems", "存在问题", "problems", ctx.case.narrative.problems, o["problems_max"]),
        ("$.narrative.measures", "改进措施", "measures", ctx.case.narrative.measures, o["measures_max"]),
    )
    for path, label, label_en, text, limit in limits:
        length = len(ctx.facts.normalised(path))
        if length > limit:
            yield Hit(
                path,
                {"field": label, "field_en": label_en, "length": length, "limit": limit},
                expected=f"{label} ≤ {limit} 字",
                found=f"{label} {length} 字",
            )
