"""I312: the check (its prose, settings and cases: rules/checks/indicators/I312.toml)."""

from __future__ import annotations

from ...evidence import Label, Quote, p
from ...values import Dimension, Empty, Quantity, Value, When
from ...vocabulary import load_vocabulary
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _joined, _show


def _timely_value(value: Value, r: ScoredRow, o) -> bool:
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
            return bool(o["rate_words"].first_in(r.name))
    return False


def wants_rows(ctx: CaseContext) -> bool:
    """Some row's 二级 label holds one of the level-2 words (the rows check_row reads)."""
    return ctx.options["level2_words"].any_in(_joined(ctx, "level2"))


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    o = ctx.options
    item, row = r.item, r.row
    if not o["level2_words"].first_in(r.level2):
        return None
    target, actual = item.target, item.actual
    if isinstance(target, Empty):
        return None
    if not _timely_value(target, r, o):
        field, cell = "target", row.target
    elif isinstance(target, When) and not isinstance(actual, (When, Empty)):
        field, cell = "actual", row.actual
    else:
        return None
    return Hit(
        r.path(field),
        {"name": Quote(r.shown_name), "which": Label(f"indicator.{field}"), "value": Quote(_show(cell))},
        expected=p("I312.expected"),
        found=p("common.target_actual", target=Quote(row.target), actual=Quote(row.actual)),
    )