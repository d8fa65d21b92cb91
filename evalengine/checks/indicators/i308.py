"""I308: the check (its prose, settings and cases: rules/checks/indicators/I308.toml)."""

from __future__ import annotations

from ...evidence import Percent, Quote, p
from ...values import Quantity
from ..base import HERE, RECORD, CaseContext, Hit, ScoredRow
from ..kit import _form_explains_nothing, _has, _show, _says_nothing
from ...vocabulary import load_vocabulary


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    o = ctx.options
    flag = ctx.profile.quantitative.overachieve_flag_ratio
    item, row = r.item, r.row
    target, actual, ratio = item.target, item.actual, item.achievement
    if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
        return None
    if target.operator.reverse or target.dimension is not actual.dimension:
        return None
    if ratio >= o["far_ratio"]:
        return None  # I316: a target set far below what was achieved
    if (ratio < flag or not _says_nothing(row.deviation)
            or not _form_explains_nothing(ctx)):
        return None
    if _has(row.target, load_vocabulary().numbers.per_item):
        return None  # "各250册" against "共500册": a per-item target read against a total
    return Hit(
        r.path("actual"),
        {"name": Quote(r.shown_name), "target": Quote(_show(r.target_text)),
         "actual": Quote(_show(row.actual)), "ratio": Percent(ratio)},
        expected=p("I308.expected", flag=Percent(flag)),
        found=p("I308.found", actual=Quote(row.actual), target=Quote(r.target_text),
                ratio=Percent(ratio), reason=Quote(row.deviation.strip())),
    )


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")

# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "measured"
