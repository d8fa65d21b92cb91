"""I307: the check (its prose, settings and cases: rules/checks/indicators/I307.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, RECORD, CaseContext, Hit
from ..kit import _deviation_hit, _unexplained


def check(ctx: CaseContext) -> Iterator[Hit]:
    minor = ctx.options["minor_ratio"]
    for item, row, detail, ratio in _unexplained(ctx):
        if ratio is not None and ratio >= minor:
            continue  # a rounding-size miss: I313 reports it as info
        yield _deviation_hit(item, row, detail)


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
