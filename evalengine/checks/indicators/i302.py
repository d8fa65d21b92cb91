"""I302: the check (its prose, settings and cases: rules/checks/indicators/I302.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ...values import Claim, Empty, Quantity, Text, When
from ..base import CaseContext, Hit
from ..kit import _has, _level2_in, _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    for item, row in _pairs(ctx):
        target = item.target
        if isinstance(target, (Empty, Quantity, When)) or _level2_in(row, o["skip_level2"]):
            continue
        if isinstance(target, Text) and target.quantities:
            continue
        phrase = _has(row.target, o["vague_phrases"])
        if item.reason == "unmeasurable-target":
            why = p("I302.figure_actual", actual=Quote(_show(row.actual)))
        elif phrase:
            why = p("I302.vague", phrase=Quote(phrase))
        elif _level2_in(row, o["numeric_level2"]):
            why = p("I302.numeric_level2", level2=Quote(row.level2.strip()))
        elif isinstance(target, Claim) and o["flag_claim_targets"] and "定性" not in row.operator:
            why = p("I302.claim")
        else:
            continue
        path = _path(item.index, "target")
        yield Hit(
            path,
            {"name": Quote(_show(row.name)), "target": Quote(_show(row.target), path), "why": why},
            expected=p("I302.expected"),
            found=p("I302.found", level2=Quote(row.level2.strip() or "—"), name=Quote(row.name.strip()),
                    target=Quote(row.target, path)),
        )
