"""D506: the check (its prose, settings and cases: rules/checks/department/D506.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ..base import DepartmentContext, Hit, money


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    claims, tolerance = ctx.department.claims, ctx.options["tolerance"]
    said = []
    if claims.funds_fully_spent:
        said.append(("$.claims.funds_fully_spent", "预算资金 100% 使用完成", "all funds spent"))
    if claims.balance_rate is not None and claims.balance_rate == 0:
        said.append(("$.claims.balance_rate", "资金结余率 0%", "a 0% balance rate"))
    if not said:
        return
    unspent = []
    for p in ctx.projects:
        if p.budget is not None and p.executed is not None and p.budget - p.executed > tolerance:
            unspent.append((p, p.budget - p.executed,
                            f"{p.name}：预算 {money(p.budget)}，执行 {money(p.executed)}，"
                            f"未支出 {money(p.budget - p.executed)} 万元"))
        elif p.balance is not None and p.balance > tolerance:
            unspent.append((p, p.balance, f"{p.name}：结余 {money(p.balance)} 万元"))
    if not unspent:
        return
    unspent.sort(key=lambda item: -item[1])
    total = sum((amount for _, amount, _ in unspent), ZERO)
    yield Hit(
        said[0][0],
        {"claim": "、".join(f"“{s[1]}”" for s in said), "claim_en": " and ".join(s[2] for s in said),
         "count": len(unspent), "total": money(total),
         "names": "、".join(f"{p.name} {money(a)} 万元" for p, a, _ in unspent),
         "names_en": ", ".join(f"{p.name} {money(a)}" for p, a, _ in unspent)},
        expected="；".join(line for _, _, line in unspent),
        found="部门称" + "、".join(s[1] for s in said) + (f"（{claims.source}）" if claims.source else ""),
    )
