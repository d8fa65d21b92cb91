"""I317: the check (its prose, settings and cases: rules/checks/indicators/I317.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Number, Quote, p
from ..base import RECORD, CaseContext, Hit
from ..kit import _has, _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.budget.weight <= 0:
        return  # a rubric scores 预算执行率 as one of its items
    for item, row in _pairs(ctx):
        word = _has(row.name, ctx.options["words"]) or _has(row.target, ctx.options["words"])
        if not word:
            continue
        yield Hit(
            _path(item.index, "name"),
            {"name": Quote(_show(row.name or row.target)), "word": Quote(word),
             "weight": Number(ctx.profile.budget.weight)},
            expected=p("I317.expected", weight=Number(ctx.profile.budget.weight)),
            found=p("I317.found", name=Quote(_show(row.name)), target=Quote(_show(row.target))),
        )


RESTS_ON = (RECORD,)
