"""N409: the check (its prose, settings and cases: rules/checks/narrative/N409.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...provenance import is_unread
from ..base import HERE, CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    project = ctx.case.project
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
        {"department": project.department.strip(), "implementer": project.implementer.strip()},
        expected="主管部门是实施单位的上级（实施单位可为主管部门本级或其下属单位）",
        found=f"主管部门“{project.department.strip()}”，实施单位“{project.implementer.strip()}”",
        expected_en="the 主管部门 is the 实施单位's superior (the implementer is the department itself or a unit under it)",
        found_en=f"主管部门 '{project.department.strip()}', 实施单位 '{project.implementer.strip()}'",
    )


RESTS_ON = (HERE,)
