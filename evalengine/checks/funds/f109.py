"""F109: the check (its prose, settings and cases: rules/checks/funds/F109.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...numbers import HUNDRED
from ..base import HERE, MONEY, CaseContext, Hit, figure, pct
from ..kit import ONE, _EXPLAIN_FIELDS, _clause, _find, _rate_text, _short, _texts


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed place: 86 → 0.5, 86.2 → 0.05, 86.20 → 0.005."""
    exponent = value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5).scaleb(places - 1)


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    funds = ctx.case.funds
    f = ctx.facts.total_row
    rate = f.rate
    if rate is None:
        return
    computed = rate * HUNDRED
    slack = HUNDRED * o["money_rounding"] * (ONE + rate) / f.budget  # type: ignore[operator]
    claimed = funds.claimed_rate
    if claimed is not None and not (claimed == 100 and computed > 100):  # a capped 100% is F106's
        allowed = _half_unit(claimed) + slack + o["extra_tolerance"]
        if abs(claimed - computed) > allowed:
            yield Hit(
                "$.funds.claimed_rate",
                {"claimed": f"{figure(claimed)}%", "computed": pct(rate)},
                expected=f"执行率 = 执行数/{f.budget_label} = {_rate_text(f)}",
                found=f"所填执行率 {figure(claimed)}%",
            )
    if rate >= ONE - slack / HUNDRED:
        return
    for path, label, label_en, text in _texts(ctx.facts, _EXPLAIN_FIELDS):
        m = _find(text, o["full_execution_patterns"], int(o["negation_window"]))
        if m is None:
            continue
        yield Hit(
            path,
            {"claimed": f"{label}“{_clause(text, m.start(), m.end())}”", "computed": pct(rate)},
            expected=f"执行率 = 执行数/{f.budget_label} = {_rate_text(f)}",
            found=f"{label}：{_short(text)}",
        )


RESTS_ON = (HERE, *MONEY)
