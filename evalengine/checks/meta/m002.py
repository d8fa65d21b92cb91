"""M002: the check (its prose, settings and cases: rules/checks/meta/M002.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Hit, SuppressionContext


def check(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, item in enumerate(ctx.suppressions):
        if not item.reason.strip():
            yield Hit(f"$.ignore[{index}].reason", {"rule": item.rule})
