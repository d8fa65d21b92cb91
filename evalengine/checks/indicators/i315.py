"""I315: the check (its prose, settings and cases: rules/checks/indicators/I315.toml)."""

from __future__ import annotations

from ...evidence import Quote, p
from ...values import Empty, Text
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _show


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    item, row = r.item, r.row
    target = item.target
    if not isinstance(target, Text) or target.quantities or isinstance(item.actual, Empty):
        return None  # numbers and dates are I301's; a grade word (优, 良好, 合规) may recur
    if not ctx.facts.copies_target(item.index):
        return None
    return Hit(
        r.path("actual"),
        {"name": Quote(r.shown_name), "actual": Quote(_show(row.actual))},
        expected=p("I315.expected"),
        found=p("common.target_actual", target=Quote(row.target), actual=Quote(row.actual)),
    )


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "text target"
