"""I316: the check (its prose, settings and cases: rules/checks/indicators/I316.toml)."""

from __future__ import annotations


from ...evidence import Number, Percent, Quote, p
from ...values import Quantity
from ..base import RECORD, CaseContext, Hit, ScoredRow
from ..kit import _form_explains_nothing, _has, _show, _says_nothing
from ...vocabulary import load_vocabulary


wants_rows = _form_explains_nothing


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    o = ctx.options
    item, row = r.item, r.row
    target, actual, ratio = item.target, item.actual, item.achievement
    if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
        return None
    if target.operator.reverse or target.dimension is not actual.dimension or target.amount <= 0:
        return None
    if ratio < o["far_ratio"] or not _says_nothing(row.deviation):
        return None
    if _has(row.target, load_vocabulary().numbers.per_item):
        return None
    return Hit(
        r.path("target"),
        {"name": Quote(r.shown_name), "target": Quote(_show(r.target_text)),
         "actual": Quote(_show(row.actual)), "ratio": Percent(ratio)},
        expected=p("I316.expected", far=Number(o["far_ratio"])),
        found=p("I316.found", actual=Quote(row.actual), target=Quote(r.target_text),
                ratio=Percent(ratio), reason=Quote(row.deviation.strip())),
    )


RESTS_ON = (RECORD, "$.narrative.deviation")

# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "measured"
