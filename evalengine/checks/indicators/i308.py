"""I308: the check (its prose, settings and cases: rules/checks/indicators/I308.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Percent, Quote, p
from ...values import Quantity
from ..base import HERE, RECORD, CaseContext, Hit
from ..kit import _has, _pairs, _path, _show, _target_text, _says_nothing
from ...vocabulary import load_vocabulary


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
            {"name": Quote(_show(row.name)), "target": Quote(_show(_target_text(row))),
             "actual": Quote(_show(row.actual)), "ratio": Percent(ratio)},
            expected=p("I308.expected", flag=Percent(flag)),
            found=p("I308.found", actual=Quote(row.actual), target=Quote(_target_text(row)),
                    ratio=Percent(ratio), reason=Quote(row.deviation.strip())),
        )


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
