"""I312: the check (its prose, settings and cases: rules/checks/indicators/I312.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Indicator
from ...values import Dimension, Empty, Quantity, Value, When
from ...vocabulary import load_vocabulary
from ..base import CaseContext, Hit
from ..kit import _has, _level2_in, _pairs, _path, _show


def _timely_value(value: Value, row: Indicator, o) -> bool:
    """A date or period, a rate (及时率 100%) or a duration (15个工作日)."""
    if isinstance(value, When):
        return True
    if isinstance(value, Quantity):
        if value.dimension is Dimension.PERCENT:
            return True
        if value.dimension is Dimension.COUNT:
            units = load_vocabulary().units.durations
            return value.unit in units or value.unit.removeprefix("个") in units  # 个工作日
        if value.dimension is Dimension.PLAIN:
            return bool(_has(row.name, o["rate_words"]))
    return False


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    for item, row in _pairs(ctx):
        if not _level2_in(row, o["level2_words"]):
            continue
        target, actual = item.target, item.actual
        if isinstance(target, Empty):
            continue
        if not _timely_value(target, row, o):
            field, which, which_en, cell = "target", "指标值", "target", row.target
        elif isinstance(target, When) and not isinstance(actual, (When, Empty)):
            field, which, which_en, cell = "actual", "完成值", "actual", row.actual
        else:
            continue
        yield Hit(
            _path(item.index, field),
            {"name": _show(row.name), "which": which, "which_en": which_en, "value": _show(cell)},
            expected="时效指标值为日期或期限（如 2021年10月底前、15个工作日内、及时率 ≥95%），完成值为实际完成日期",
            found=f"指标值“{row.target}” 完成值“{row.actual}”",
            expected_en=("a timeliness target is a date or period (e.g. by the end of October 2021, within "
                         "15 working days, on-time rate ≥95%) and its actual the date it was done"),
            found_en=f"target '{row.target}' actual '{row.actual}'",
        )
