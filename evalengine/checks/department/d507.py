"""D507: the check (its prose, settings and cases: rules/checks/department/D507.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Count, Quote, Seq, p
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
        {"claimed": Count(claimed), "forms": Count(len(with_form))},
        expected=p("D507.expected", count=Count(claimed)),
        found=p("D507.found", count=Count(len(with_form)), without=p(
            "D507.without", names=Seq(tuple(Quote(x.name) for x in without), "enum")) if without else ""),
    )
