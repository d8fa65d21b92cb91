"""I316: the check (its prose, settings and cases: rules/checks/indicators/I316.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Number, Percent, Quote, p
from ...values import Quantity
from ..base import RECORD, CaseContext, Hit
from ..kit import _has, _pairs, _path, _show, _target_text, _says_nothing
from ...vocabulary import load_vocabulary


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    if not _says_nothing(ctx.case.narrative.deviation):
        return
    for item, row in _pairs(ctx):
        target, actual, ratio = item.target, item.actual, item.achievement
        if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
            continue
        if target.operator.reverse or target.dimension is not actual.dimension or target.amount <= 0:
            continue
        if ratio < o["far_ratio"] or not _says_nothing(row.deviation):
            continue
        if _has(row.target, load_vocabulary().numbers.per_item):
            continue
        yield Hit(
            _path(item.index, "target"),
            {"name": Quote(_show(row.name)), "target": Quote(_show(_target_text(row))),
             "actual": Quote(_show(row.actual)), "ratio": Percent(ratio)},
            expected=p("I316.expected", far=Number(o["far_ratio"])),
            found=p("I316.found", actual=Quote(row.actual), target=Quote(_target_text(row)),
                    ratio=Percent(ratio), reason=Quote(row.deviation.strip())),
        )


RESTS_ON = (RECORD, "$.narrative.deviation")
