"""S210: the check (its prose, settings and cases: rules/checks/scores/S210.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Label, Named, Seq, p
from ...numbers import ZERO
from ..base import CATEGORIES, WEIGHTS, CaseContext, Hit
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
    found, want = [], []
    differs = False
    budget_word = Label("score.budget_row")
    if budget is not None:
        differs |= abs(budget - profile.budget.weight) > tol
        found.append(p("S210.weight", what=budget_word, weight=Amount(budget)))
        want.append(p("S210.weight", what=budget_word, weight=Amount(profile.budget.weight)))
    for name, weight in fixed.items():
        actual = groups.get(name, (ZERO,))[0]
        differs |= abs(actual - weight) > tol
        found.append(p("S210.weight", what=Named(name, names.get(name, name)), weight=Amount(actual)))
        want.append(p("S210.weight", what=Named(name, names.get(name, name)), weight=Amount(weight)))
    for name, (actual, *_rest) in groups.items():
        if name not in fixed:
            differs = True
            found.append(p("S210.weight", what=Named(name, names.get(name, name)), weight=Amount(actual)))
    if not differs:
        return
    yield Hit(
        "$.indicators",
        {"found": Seq(tuple(found), "slash"), "expected": Seq(tuple(want), "slash")},
        expected=p("S210.expected", profile=Named(profile.name, profile.name_en), want=Seq(tuple(want), "slash")),
        found=Seq(tuple(found), "slash"),
    )


RESTS_ON = (*WEIGHTS, *CATEGORIES)
