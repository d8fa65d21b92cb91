"""D502: the check (its prose, settings and cases: rules/checks/department/D502.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Quote, p
from ...numbers import HUNDRED, ZERO
from ..base import DepartmentContext, Hit
from ..kit import _n, _nearest, _places, _statements


def _share_range(value: Decimal, base: Decimal, half: Decimal) -> tuple[Decimal, Decimal] | None:
    """The share (percent) ``value``/``base`` can have when both were rounded by ``half``."""
    if base - half <= 0:
        return None
    low = max(value - half, ZERO) / (base + half) * HUNDRED
    high = (value + half) / (base - half) * HUNDRED
    return low, high


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    o = ctx.options
    half = o["half_unit"]
    by_id = _statements(ctx.department)
    for index, figure in enumerate(ctx.department.figures):
        if figure.share is None or not figure.share_of:
            continue
        bases = _nearest(by_id.get(figure.share_of, []), figure.source)
        if not bases:
            continue
        slack = max(o["share_half_unit"], Decimal(1).scaleb(-_places(figure.share)) / 2)
        ranges = [(b, _share_range(figure.value, b.value, half)) for _, b in bases]
        ranges = [(b, r) for b, r in ranges if r is not None]
        if not ranges:
            continue
        if any(r[0] - slack <= figure.share <= r[1] + slack for _, r in ranges):
            continue
        base = ranges[0][0]
        computed = figure.value / base.value * HUNDRED
        yield Hit(
            f"$.figures[{index}].share",
            {"label": Quote(figure.label), "source": Quote(figure.source), "share": _n(figure.share),
             "base": Quote(base.label), "computed": Amount(computed)},
            expected=p("D502.expected", value=_n(figure.value), base=_n(base.value), label=Quote(base.label),
                       source=Quote(base.source), computed=Amount(computed)),
            found=p("D502.found", label=Quote(figure.label), share=_n(figure.share), source=Quote(figure.source)),
        )
