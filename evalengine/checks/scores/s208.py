"""S208: the check (its prose, settings and cases: rules/checks/scores/S208.toml)."""

from __future__ import annotations

from ...evidence import Amount, Percent, Quote, p
from ...scoring import Evidence
from ...values import Claim
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _name


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    tol = ctx.options["tolerance"]
    tiers = ctx.profile.qualitative.tiers
    ind, row = r.item, r.row
    weight, claimed = row.weight, row.score
    if not (ind.evidence is Evidence.CLAIM and isinstance(ind.actual, Claim)
            and weight is not None and weight > 0 and claimed is not None
            and ind.tier in tiers):
        return None
    if claimed < 0 or claimed > weight:
        return None  # S201
    tier = tiers[ind.tier]  # type: ignore[index]
    low, high = tier.min * weight, tier.max * weight
    if low - tol <= claimed <= high + tol:
        return None
    name = _name(ctx.case, ind.index)
    return Hit(
        f"$.indicators[{ind.index}].score",
        {"name": name, "actual": Quote(row.actual.strip()), "tier": Quote(tier.label),
         "score": Amount(claimed), "low": Amount(low), "high": Amount(high)},
        expected=p("S208.expected", actual=Quote(row.actual.strip()), tier=Quote(tier.label),
                   weight=Amount(weight), min=Percent(tier.min), max=Percent(tier.max),
                   low=Amount(low), high=Amount(high)),
        found=p("common.claimed_score", score=Amount(claimed)),
    )


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "own points"
