"""I301: the check (its prose, settings and cases: rules/checks/indicators/I301.toml)."""

from __future__ import annotations

from ...evidence import Quote, p
from ...values import Claim, Operator, Quantity, Text, Value
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _show


def _numeric_target(target: Value) -> bool:
    return isinstance(target, Quantity) or (isinstance(target, Text) and bool(target.quantities))


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    item, row = r.item, r.row
    target, actual = item.target, item.actual
    if not _numeric_target(target):
        return None
    why = ""
    if isinstance(actual, Claim):
        why = "I301.claim"
    elif isinstance(actual, Text) and not actual.quantities:
        why = "I301.text"
    elif (ctx.options["flag_range_actuals"] and isinstance(actual, Quantity)
          and actual.operator is not Operator.EQ):
        why = "I301.range"
    if not why:
        return None
    path = r.path("actual")
    return Hit(
        path,
        {"name": Quote(r.shown_name), "target": Quote(_show(r.target_text)),
         "actual": Quote.at(_show(row.actual), path), "why": p(why)},
        expected=p("I301.expected", target=Quote(r.target_text)),
        found=p("common.actual_is", actual=Quote.at(row.actual, path)),
    )


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "numeric target"
