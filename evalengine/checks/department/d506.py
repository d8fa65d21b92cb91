"""D506: the check (its prose, settings and cases: rules/checks/department/D506.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, Quote, Seq, p
from ...numbers import ZERO
from ..base import DepartmentContext, Hit


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    claims, tolerance = ctx.department.claims, ctx.options["tolerance"]
    said = []
    if claims.funds_fully_spent:
        said.append(("$.claims.funds_fully_spent", p("D506.all_spent")))
    if claims.balance_rate is not None and claims.balance_rate == 0:
        said.append(("$.claims.balance_rate", p("D506.zero_balance")))
    if not said:
        return
    unspent = []
    for x in ctx.projects:
        if x.budget is not None and x.executed is not None and x.budget - x.executed > tolerance:
            unspent.append((x, x.budget - x.executed,
                            p("D506.unspent", name=Quote(x.name), budget=Amount(x.budget),
                              executed=Amount(x.executed), unspent=Amount(x.budget - x.executed))))
        elif x.balance is not None and x.balance > tolerance:
            unspent.append((x, x.balance, p("D506.balance", name=Quote(x.name), balance=Amount(x.balance))))
    if not unspent:
        return
    unspent.sort(key=lambda item: -item[1])
    total = sum((amount for _, amount, _ in unspent), ZERO)
    yield Hit(
        said[0][0],
        {"claim": Seq(tuple(p("D506.claim", claim=s[1]) for s in said), "enum_and"),
         "count": Count(len(unspent)), "total": Amount(total),
         "names": Seq(tuple(p("D506.name", name=Quote(x.name), amount=Amount(a)) for x, a, _ in unspent), "enum")},
        expected=Seq(tuple(line for _, _, line in unspent)),
        found=p("D506.found", claims=Seq(tuple(s[1] for s in said), "enum"),
                source=p("D506.source", source=Quote(claims.source)) if claims.source else ""),
    )
