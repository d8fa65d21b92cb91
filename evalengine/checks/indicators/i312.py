"""I312: the check (its prose, settings and cases: rules/checks/indicators/I312.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, p
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
            field, cell = "target", row.target
        elif isinstance(target, When) and not isinstance(actual, (When, Empty)):
            field, cell = "actual", row.actual
        else:
            continue
        yield Hit(
            _path(item.index, field),
            {"name": Quote(_show(row.name)), "which": Label(f"indicator.{field}"), "value": Quote(_show(cell))},
            expected=p("I312.expected"),
            found=p("common.target_actual", target=Quote(row.target), actual=Quote(row.actual)),
        )
