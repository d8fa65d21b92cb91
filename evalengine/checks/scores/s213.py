"""S213: the check (its prose, settings and cases: rules/checks/scores/S213.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...fit import fitting_profiles
from ..base import CATEGORIES, ROWS, WEIGHTS, CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    why = ctx.facts.misfit(ctx.profile)
    if why is None:
        return
    fits = fitting_profiles(ctx.case)
    listed = "、".join(fits) if fits else "无"
    listed_en = ", ".join(fits) if fits else "none"
    yield Hit(
        "$.project.profile",
        {"profile": ctx.profile.id, "why": why[0], "why_en": why[1], "fits": listed, "fits_en": listed_en},
        expected=f"评分规则与表式一致（分值符合的评分规则：{listed}）",
        found=f"[project] profile = \"{ctx.profile.id}\"：{why[0]}",
        expected_en=f"the profile the form was written for (profiles its weights fit: {listed_en})",
        found_en=f"[project] profile = \"{ctx.profile.id}\": {why[1]}",
    )


RESTS_ON = (*WEIGHTS, *ROWS, *CATEGORIES, "$.funds.claimed_score")
