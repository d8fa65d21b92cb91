"""D503: the check (its prose, settings and cases: rules/checks/department/D503.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Quote, p
from ...numbers import HUNDRED
from ..base import DepartmentContext, Hit
from ..kit import _n, _places


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    o = ctx.options
    half = o["half_unit"]
    for index, figure in enumerate(ctx.department.figures):
        if figure.change is None or figure.change_pct is None:
            continue
        value, change = figure.value, figure.change
        previous = value - change
        if previous - 2 * half <= 0:
            continue  # no previous-year base to compute a rate from
        corners = [
            (c / (v - c)) * HUNDRED
            for v in (value - half, value + half)
            for c in (change - half, change + half)
            if v - c > 0
        ]
        if not corners:
            continue
        slack = max(o["pct_half_unit"], Decimal(1).scaleb(-_places(figure.change_pct)) / 2)
        if min(corners) - slack <= figure.change_pct <= max(corners) + slack:
            continue
        computed = change / previous * HUNDRED
        yield Hit(
            f"$.figures[{index}].change_pct",
            {"label": Quote(figure.label), "source": Quote(figure.source), "stated": _n(figure.change_pct),
             "computed": Amount(computed), "change": _n(change), "previous": Amount(previous)},
            expected=p("D503.expected", change=_n(change), value=_n(value), previous=Amount(previous),
                       computed=Amount(computed)),
            found=p("D503.found", label=Quote(figure.label), change=_n(change), rate=_n(figure.change_pct),
                    source=Quote(figure.source)),
        )
