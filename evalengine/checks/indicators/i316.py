"""I316: the check (its prose, settings and cases: rules/checks/indicators/I316.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Quantity
from ...vocabulary import load_vocabulary
from ..base import RECORD, CaseContext, Hit, figure, pct
from ..kit import _has, _pairs, _says_nothing, _path, _show, _target_text


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
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "ratio": pct(ratio)},
            expected=f"指标值应按可实现的水平设定；完成值达指标值 {figure(o['far_ratio'])} 倍以上须说明原因",
            found=f"{row.actual} / {_target_text(row)} = {pct(ratio)}；偏差原因“{row.deviation.strip()}”",
            expected_en=f"a target set at an attainable level; an actual {figure(o['far_ratio'])}× the target or more is explained",
            found_en=f"{row.actual} / {_target_text(row)} = {pct(ratio)}; no reason given",
        )


RESTS_ON = (RECORD, "$.narrative.deviation")
