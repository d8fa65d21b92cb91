"""F107: the check (its prose, settings and cases: rules/checks/funds/F107.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Label, Quote, Seq, p
from ...money import rows_instead
from ...numbers import ZERO
from ..base import HERE, MONEY, CaseContext, Hit


_COLUMNS = (("initial_budget", "money.initial_budget"), ("budget", "money.full_year_budget"),
            ("executed", "money.executed"))


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not funds.rows or rows_instead(funds):  # F108 reports an empty total row
        return
    per = ctx.options["per_figure"]
    for field, label in _COLUMNS:
        total = getattr(funds, field)
        values = [(row.source, getattr(row, field)) for row in funds.rows
                  if getattr(row, field) is not None]
        if total is None or not values:
            continue
        parts = sum((v for _, v in values), ZERO)
        if abs(total - parts) <= per * (len(values) + 1):
            continue
        yield Hit(
            f"$.funds.{field}",
            {"column": Label(label), "total": Amount(total), "parts": Amount(parts)},
            expected=p("F107.expected", column=Label(label), total=Amount(parts), parts=Seq(
                tuple(p("F107.part", amount=Amount(v), source=Quote(s)) for s, v in values), "plus")),
            found=p("F107.found", column=Label(label), total=Amount(total)),
        )


RESTS_ON = (HERE, *MONEY)
