"""N407: the check (its prose, settings and cases: rules/checks/narrative/N407.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Count, Label, p
from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    if ctx.profile.id not in o["profiles"]:
        return
    limits = (
        ("$.goal.actual", "field.goal_actual", ctx.case.goal.actual, o["goal_actual_max"]),
        ("$.narrative.conclusion", "field.conclusion", ctx.case.narrative.conclusion, o["conclusion_max"]),
        ("$.narrative.problems", "field.problems", ctx.case.narrative.problems, o["problems_max"]),
        ("$.narrative.measures", "field.measures", ctx.case.narrative.measures, o["measures_max"]),
    )
    for path, key, text, limit in limits:
        length = len(ctx.facts.normalised(path))
        if length > limit:
            label = Label(key)
            yield Hit(
                path,
                {"field": label, "length": Count(length), "limit": limit},
                expected=p("N407.limit", label=label, limit=limit),
                found=p("N407.length", label=label, length=Count(length)),
            )
