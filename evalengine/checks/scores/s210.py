"""S210: the check (its prose, settings and cases: rules/checks/scores/S210.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ..base import CATEGORIES, WEIGHTS, CaseContext, Hit, money
from ..kit import _group_weights, _rows


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, profile, options = ctx.case, ctx.profile, ctx.options
    fixed = profile.indicators.level1
    if not fixed or ctx.facts.truncated or ctx.facts.misfit(profile):
        return
    rows = _rows(ctx)
    if not rows or any(r.weight is None for _, r in rows):
        return
    groups = _group_weights(ctx, rows)
    if groups is None:
        return
    budget = case.funds.claimed_weight
    total = sum((g[0] for g in groups.values()), ZERO) + (budget or ZERO)
    expected_total = profile.total if budget is not None else profile.indicators.total
    tol = options["tolerance"]
    if abs(total - expected_total) > tol:
        return  # S203: the total itself is wrong
    names = {c.name: c.name_en for c in ctx.taxonomy.level1}
    found, found_en, want, want_en = [], [], [], []
    differs = False
    if budget is not None:
        differs |= abs(budget - profile.budget.weight) > tol
        found.append(f"预算执行率 {money(budget)}")
        found_en.append(f"budget execution {money(budget)}")
        want.append(f"预算执行率 {money(profile.budget.weight)}")
        want_en.append(f"budget execution {money(profile.budget.weight)}")
    for name, weight in fixed.items():
        actual = groups.get(name, (ZERO,))[0]
        differs |= abs(actual - weight) > tol
        found.append(f"{name} {money(actual)}")
        found_en.append(f"{names.get(name, name)} {money(actual)}")
        want.append(f"{name} {money(weight)}")
        want_en.append(f"{names.get(name, name)} {money(weight)}")
    for name, (actual, *_rest) in groups.items():
        if name not in fixed:
            differs = True
            found.append(f"{name} {money(actual)}")
            found_en.append(f"{names.get(name, name)} {money(actual)}")
    if not differs:
        return
    yield Hit(
        "$.indicators",
        {"found": " / ".join(found), "found_en": " / ".join(found_en),
         "expected": " / ".join(want), "expected_en": " / ".join(want_en)},
        expected=f"{profile.name}（原则上）：{' / '.join(want)}",
        found=" / ".join(found),
    )


RESTS_ON = (*WEIGHTS, *CATEGORIES)
