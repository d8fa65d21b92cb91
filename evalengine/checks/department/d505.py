"""D505: the check (its prose, settings and cases: rules/checks/department/D505.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Count, Quote, Seq, p
from ...numbers import ZERO
from ..base import DepartmentContext, Hit
from ..kit import _n, _statements, _where


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
                {"subject": p("D505.subject", label=Quote(figure.label), source=Quote(figure.source)),
                 "stated": p("D505.wan", amount=_n(figure.value)), "cases": p("D505.wan", amount=Amount(total))},
                expected=p("D505.expected", parts=Seq(tuple(
                    p("D505.part", name=Quote(x.name), executed=Amount(x.executed)) for x in projects), "plus"),
                    total=Amount(total)),
                found=_where(figure),
            )
    stated = claims.projects_self_assessed
    if stated is not None and stated != len(projects):
        yield Hit(
            "$.claims.projects_self_assessed",
            {"subject": p("D505.count_subject"), "stated": p("D505.count", count=Count(stated)),
             "cases": p("D505.count", count=Count(len(projects)))},
            expected=p("D505.count_expected", count=Count(len(projects)),
                       names=Seq(tuple(Quote(x.name) for x in projects), "enum")),
            found=p("D505.count_found", count=Count(stated), source=Quote(claims.source)),
        )
