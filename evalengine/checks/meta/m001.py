"""M001: the check (its prose, settings and cases: rules/checks/meta/M001.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Hit, SuppressionContext


def check(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, (item, count) in enumerate(zip(ctx.suppressions, ctx.hidden)):
        if count == 0:
            yield Hit(f"$.ignore[{index}]", {"rule": item.rule})
