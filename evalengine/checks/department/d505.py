"""D505: the check (its prose, settings and cases: rules/checks/department/D505.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...numbers import ZERO
from ..base import DepartmentContext, Hit, money
from ..kit import _num, _statements, _where


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    projects, claims = ctx.projects, ctx.department.claims
    if not projects:
        return  # no project cases beside the department file: nothing to compare
    half = ctx.options["half_unit"]
    executed = [p.executed for p in projects]
    statements = _statements(ctx.department).get(claims.project_expenditure, [])
    if claims.project_expenditure and statements and all(e is not None for e in executed):
        total = sum((e for e in executed if e is not None), ZERO)
        slack = half * (len(projects) + 1)
        seen: set[Decimal] = set()
        for index, figure in statements:
            if figure.value in seen or abs(figure.value - total) <= slack:
                continue
            seen.add(figure.value)
            yield Hit(
                f"$.figures[{index}].value",
                {"subject": f"{figure.label}（{figure.source}）", "subject_en": f"{figure.label} ({figure.source})",
                 "stated": f"{_num(figure.value)} 万元", "cases": f"{money(total)} 万元"},
                expected=" + ".join(f"{p.name} {money(p.executed)}" for p in projects) + f" = {money(total)}",
                found=_where(figure),
            )
    stated = claims.projects_self_assessed
    if stated is not None and stated != len(projects):
        yield Hit(
            "$.claims.projects_self_assessed",
            {"subject": "开展绩效自评的项目个数", "subject_en": "the number of projects self-assessed",
             "stated": f"{stated} 个", "cases": f"{len(projects)} 个"},
            expected=f"本目录项目案例 {len(projects)} 个：" + "、".join(p.name for p in projects),
            found=f"报告称对 {stated} 个项目开展了绩效自评（{claims.source}）",
        )
