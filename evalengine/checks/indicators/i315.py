"""I315: the check (its prose, settings and cases: rules/checks/indicators/I315.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ...values import Empty, Text
from ..base import CaseContext, Hit
from ..kit import _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        target = item.target
        if not isinstance(target, Text) or target.quantities or isinstance(item.actual, Empty):
            continue  # numbers and dates are I301's; a grade word (优, 良好, 合规) may recur
        if not ctx.facts.copies_target(item.index):
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": Quote(_show(row.name)), "actual": Quote(_show(row.actual))},
            expected=p("I315.expected"),
            found=p("common.target_actual", target=Quote(row.target), actual=Quote(row.actual)),
        )
