"""I301: the check (its prose, settings and cases: rules/checks/indicators/I301.toml)."""

from __future__ import annotations

from collections.abc import Iterator

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
        why = why_en = ""
        if isinstance(actual, Claim):
            why, why_en = "只写了完成情况的文字", "only a word claiming completion"
        elif isinstance(actual, Text) and not actual.quantities:
            why, why_en = "只有文字描述，没有数值", "a description with no figure"
        elif (ctx.options["flag_range_actuals"] and isinstance(actual, Quantity)
              and actual.operator is not Operator.EQ):
            why, why_en = "照抄了指标值的区间写法，不是实际数值", "a range copied from the target, not a value"
        if not why:
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "why": why, "why_en": why_en},
            expected=f"指标值“{_target_text(row)}”对应的实际数值（含计量单位）",
            found=f"完成值“{row.actual}”",
            expected_en=f"a measured figure (with its unit) for the target '{_target_text(row)}'",
            found_en=f"actual '{row.actual}'",
        )
