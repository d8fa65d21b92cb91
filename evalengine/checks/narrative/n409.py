"""N409: the check (its prose, settings and cases: rules/checks/narrative/N409.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ...provenance import is_unread
from ..base import HERE, CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    project = ctx.case.project
    if project.department == project.implementer:
        return  # the same unit (most forms): nothing to compare
    department = ctx.facts.normalised("$.project.department")
    implementer = ctx.facts.normalised("$.project.implementer")
    if not department or not implementer or department == implementer:
        return
    if is_unread(project, "implementer"):
        return  # the 实施单位 was not read: nothing to compare it with
    if not department.startswith(implementer):
        return
    rest = department[len(implementer):]
    if not any(rest.endswith(word) for word in ctx.options["unit_words"]):
        return
    yield Hit(
        "$.project.department",
        {"department": Quote(project.department.strip()), "implementer": Quote(project.implementer.strip())},
        expected=p("N409.expected"),
        found=p("N409.found", department=Quote(project.department.strip()),
                implementer=Quote(project.implementer.strip())),
    )


RESTS_ON = (HERE,)
