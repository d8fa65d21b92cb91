"""D503: the check (its prose, settings and cases: rules/checks/department/D503.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...numbers import HUNDRED
from ..base import DepartmentContext, Hit, money
from ..kit import _num, _places


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
            {"label": figure.label, "source": figure.source, "stated": _num(figure.change_pct),
             "computed": money(computed), "change": _num(change), "previous": money(previous)},
            expected=(
                f"变动率 = {_num(change)} / ({_num(value)} − {_num(change)}) × 100% = "
                f"{_num(change)} / {money(previous)} × 100% = {money(computed)}%"
            ),
            found=f"{figure.label}：增减 {_num(change)}，变动 {_num(figure.change_pct)}%（{figure.source}）",
        )
