"""I301: the check (its prose, settings and cases: rules/checks/indicators/I301.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ...values import Claim, Operator, Quantity, Text, Value
from ..base import CaseContext, Hit
from ..kit import _pairs, _path, _show, _target_text


def _numeric_target(target: Value) -> bool:
    return isinstance(target, Quantity) or (isinstance(target, Text) and bool(target.quantities))


def check(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        target, actual = item.target, item.actual
        if not _numeric_target(target):
            continue
        why = ""
        if isinstance(actual, Claim):
            why = "I301.claim"
        elif isinstance(actual, Text) and not actual.quantities:
            why = "I301.text"
        elif (ctx.options["flag_range_actuals"] and isinstance(actual, Quantity)
              and actual.operator is not Operator.EQ):
            why = "I301.range"
        if not why:
            continue
        path = _path(item.index, "actual")
        yield Hit(
            path,
            {"name": Quote(_show(row.name)), "target": Quote(_show(_target_text(row))),
             "actual": Quote(_show(row.actual), path), "why": p(why)},
            expected=p("I301.expected", target=Quote(_target_text(row))),
            found=p("common.actual_is", actual=Quote(row.actual, path)),
        )
