"""D507: the check (its prose, settings and cases: rules/checks/department/D507.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import DepartmentContext, Hit


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    claimed = ctx.department.claims.projects_self_assessed
    if claimed is None or not ctx.projects:
        return
    with_form = [p for p in ctx.projects if p.has_form]
    if len(with_form) >= claimed:
        return
    without = [p for p in ctx.projects if not p.has_form]
    yield Hit(
        "$.claims.projects_self_assessed",
        {"claimed": claimed, "forms": len(with_form)},
        expected=f"{claimed} 张项目支出绩效自评表",
        found=f"有自评表 {len(with_form)} 个" + (
            "；无自评表：" + "、".join(p.name for p in without) if without else ""),
    )
