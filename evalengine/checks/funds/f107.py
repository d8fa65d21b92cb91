"""F107: the check (its prose, settings and cases: rules/checks/funds/F107.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...money import rows_instead
from ...numbers import ZERO
from ..base import HERE, MONEY, CaseContext, Hit, money


_COLUMNS = (("initial_budget", "年初预算数", "initial budget"),
            ("budget", "全年（调整后）预算数", "full-year budget"),
            ("executed", "执行数", "executed amount"))


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not funds.rows or rows_instead(funds):  # F108 reports an empty total row
        return
    per = ctx.options["per_figure"]
    for field, label, label_en in _COLUMNS:
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
            {"column": label, "column_en": label_en, "total": money(total), "parts": money(parts)},
            expected=f"年度资金总额{label} = 其中各行之和 = "
                     + " + ".join(f"{money(v)}（{s}）" for s, v in values) + f" = {money(parts)}",
            found=f"年度资金总额{label} {money(total)}",
        )


RESTS_ON = (HERE, *MONEY)
