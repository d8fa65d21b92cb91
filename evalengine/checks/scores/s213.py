"""S213: the check (its prose, settings and cases: rules/checks/scores/S213.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Named, Seq, p
from ...fit import fitting_profiles
from ..base import CATEGORIES, ROWS, WEIGHTS, CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    why = ctx.facts.misfit(ctx.profile)
    if why is None:
        return
    fits = fitting_profiles(ctx.case)
    listed = Seq(tuple(fits), "enum") if fits else p("S213.none")
    reason = Named(*why)
    yield Hit(
        "$.project.profile",
        {"profile": ctx.profile.id, "why": reason, "fits": listed},
        expected=p("S213.expected", fits=listed),
        found=p("S213.found", profile=ctx.profile.id, why=reason),
    )


RESTS_ON = (*WEIGHTS, *ROWS, *CATEGORIES, "$.funds.claimed_score")
