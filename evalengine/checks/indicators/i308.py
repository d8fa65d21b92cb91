"""I308: the check (its prose, settings and cases: rules/checks/indicators/I308.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Quantity
from ...vocabulary import load_vocabulary
from ..base import HERE, RECORD, CaseContext, Hit, pct
from ..kit import _has, _pairs, _says_nothing, _path, _show, _target_text


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    flag = ctx.profile.quantitative.overachieve_flag_ratio
    for item, row in _pairs(ctx):
        target, actual, ratio = item.target, item.actual, item.achievement
        if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
            continue
        if target.operator.reverse or target.dimension is not actual.dimension:
            continue
        if ratio >= o["far_ratio"]:
            continue  # I316: a target set far below what was achieved
        if (ratio < flag or not _says_nothing(row.deviation)
                or not _says_nothing(ctx.case.narrative.deviation)):
            continue
        if _has(row.target, load_vocabulary().numbers.per_item):
            continue  # "各250册" against "共500册": a per-item target read against a total
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "ratio": pct(ratio)},
            expected=f"完成值/指标值 < {pct(flag)}，或在偏差原因栏说明超额原因",
            found=(f"{row.actual} / {_target_text(row)} = {pct(ratio)}；"
                   f"偏差原因“{row.deviation.strip()}”"),
        )


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
