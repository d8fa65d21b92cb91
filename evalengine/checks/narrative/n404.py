"""N404: the check (its prose, settings and cases: rules/checks/narrative/N404.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if case.project.has_form:
        return
    budget = case.funds.budget
    if budget is not None and budget < ctx.options["min_budget"]:
        return
    yield Hit(
        "$.project.has_form",
        {"name": Quote(case.project.name) if case.project.name else p("N404.unnamed")},
        expected=p("N404.expected"),
        found=p("N404.found", source=Quote(case.project.source.strip()) if case.project.source.strip()
                else p("N404.no_source")),
    )
