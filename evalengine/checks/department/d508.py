"""D508: the check (its prose, settings and cases: rules/checks/department/D508.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..base import DepartmentContext, Hit, money, pct


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元)")


def _to_wan(number: str, unit: str) -> Decimal:
    value = Decimal(number)
    return value if unit == "万元" else value / 10000


def _named(fragment: str, projects, exclude: str):
    """The project whose name the fragment names (one containing the other, ≥ 4 chars)."""
    fragment = fragment.strip("“”\"'《》 ")
    for project in projects:
        name = project.name
        if project.name == exclude or len(fragment) < 4:
            continue
        if fragment in name or name in fragment or name.startswith(fragment[:6]):
            return project
    return None


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    pattern = re.compile(ctx.options["pattern"])
    for payer_index, payer in enumerate(ctx.projects):
        for match in pattern.finditer(payer.note):
            amount = _AMOUNT.search(match.group("amount"))
            host = _named(match.group("project"), ctx.projects, payer.name)
            if amount is None or host is None or not host.executed or not host.budget:
                continue
            spent_for_payer = _to_wan(*amount.groups())
            own = host.executed - spent_for_payer
            yield Hit(
                "$.claims",
                {"host": host.name, "payer": payer.name, "amount": money(spent_for_payer),
                 "executed": money(host.executed), "own": money(own),
                 "rate": pct(own / host.budget)},
                expected=f"{host.name} 自身执行数 = {money(host.executed)} − {money(spent_for_payer)}"
                         f" = {money(own)} 万元（{host.location}）",
                found=f"{payer.location} 资金备注：{match.group(0)}",
            )
