"""S203: the check (its prose, settings and cases: rules/checks/scores/S203.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, Label, Named, p
from ...numbers import ZERO
from ..base import CATEGORIES, WEIGHTS, CaseContext, Hit
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
        parts = p("S203.parts", budget=Amount(budget), indicators=Amount(indicators))
    else:
        total, expected = indicators, profile.indicators.total
        parts = p("S203.indicator_part", indicators=Amount(indicators))
    tol = _tolerance(options, len(weights) + (budget is not None))
    if (complete and abs(total - expected) > tol) or (not complete and total > expected + tol):
        what = Label("score.whole_form" if budget is not None else "score.indicators")
        note = "" if complete else p("S203.incomplete")
        yield Hit(
            "$.indicators",
            {"what": what, "total": Amount(total), "expected": Amount(expected)},
            expected=p("S203.expected", profile=Named(profile.name, profile.name_en), what=what,
                       expected=Amount(expected)),
            found=p("S203.found", parts=parts, total=Amount(total), note=note),
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
            origin = Label("score.printed" if printed is not None else "score.profile")
            what = Named(name, category.name_en if category else name)
            yield Hit(
                f"$.indicators[{first}].level1",
                {"what": what, "total": Amount(sum_), "expected": Amount(parent)},
                expected=p("S203.group_expected", what=what, origin=origin, expected=Amount(parent)),
                found=p("S203.group_found", what=what, count=Count(count), total=Amount(sum_)),
            )


RESTS_ON = (*WEIGHTS, *CATEGORIES)
