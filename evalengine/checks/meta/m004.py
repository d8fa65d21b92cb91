"""M004: the check (its prose, settings and cases: rules/checks/meta/M004.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Hit, SuppressionContext


def check(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, (item, known) in enumerate(zip(ctx.suppressions, ctx.known)):
        if not known:
            yield Hit(f"$.ignore[{index}].rule", {"rule": item.rule})
