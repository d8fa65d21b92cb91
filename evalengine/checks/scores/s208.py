"""S208: the check (its prose, settings and cases: rules/checks/scores/S208.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...scoring import Evidence
from ...values import Claim
from ..base import CaseContext, Hit, money, pct
from ..kit import _name


def check(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    tiers = ctx.profile.qualitative.tiers
    for ind in ctx.score.indicators:
        row = ctx.case.indicators[ind.index]
        weight, claimed = row.weight, row.score
        if not (ind.evidence is Evidence.CLAIM and isinstance(ind.actual, Claim)
                and weight is not None and weight > 0 and claimed is not None
                and ind.tier in tiers):
            continue
        if claimed < 0 or claimed > weight:
            continue  # S201
        tier = tiers[ind.tier]  # type: ignore[index]
        low, high = tier.min * weight, tier.max * weight
        if low - tol <= claimed <= high + tol:
            continue
        name = _name(ctx.case, ind.index)
        yield Hit(
            f"$.indicators[{ind.index}].score",
            {"name": name, "actual": row.actual.strip(), "tier": tier.label,
             "score": money(claimed), "low": money(low), "high": money(high)},
            expected=f"完成值“{row.actual.strip()}”属“{tier.label}”档：分值 {money(weight)} 的 "
                     f"{pct(tier.min)}～{pct(tier.max)}，即 {money(low)}～{money(high)} 分",
            found=f"自评得分 {money(claimed)}",
        )
