"""I314: the check (its prose, settings and cases: rules/checks/indicators/I314.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CATEGORIES, CaseContext, Hit
from ..kit import _missing_hits


def check(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.id not in ctx.options["info_profiles"]:
        return iter(())
    return _missing_hits(ctx)


RESTS_ON = CATEGORIES
