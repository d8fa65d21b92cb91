"""F110: the check (its prose, settings and cases: rules/checks/funds/F110.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Number, Percent, p
from ...numbers import agrees
from ...scoring import budget_formula
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _budget_weight, _rate


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds, profile = ctx.case.funds, ctx.profile
    claimed = funds.claimed_score
    f = ctx.facts.total_row
    rate = f.rate
    if claimed is None or rate is None or ctx.facts.misfit(profile):
        return  # a form written for another profile: S213
    weight = _budget_weight(ctx)
    expected = budget_formula(profile, rate, weight)
    assert expected is not None
    # a score rounded the way the profile's form rounds (half up / truncated, to 2, 1 or 0
    # places) is not an error; off by more is
    if agrees(claimed, expected, profile.rounding.places, profile.rounding.mode, ctx.options["tolerance"]):
        return
    yield Hit(
        "$.funds.claimed_score",
        {"claimed": Amount(claimed), "expected": Amount(expected), "rate": Percent(rate),
         "weight": Amount(weight)},
        expected=p("F110.expected", rate=_rate(f), weight=Amount(weight), score=Amount(expected)),
        found=p("F110.found", claimed=Number(claimed)),
    )


RESTS_ON = (HERE, *MONEY, "$.funds.claimed_rate", "$.funds.claimed_weight")
