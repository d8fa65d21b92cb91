"""D508: the check (its prose, settings and cases: rules/checks/department/D508.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Percent, Quote, p
from ..base import DepartmentContext, Hit


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
                {"host": Quote(host.name), "payer": Quote(payer.name), "amount": Amount(spent_for_payer),
                 "executed": Amount(host.executed), "own": Amount(own),
                 "rate": Percent(own / host.budget)},
                expected=p("D508.expected", host=Quote(host.name), executed=Amount(host.executed),
                           paid=Amount(spent_for_payer), own=Amount(own), location=host.location),
                found=p("D508.found", location=payer.location, note=Quote(match.group(0))),
            )
