"""F109: the check (its prose, settings and cases: rules/checks/funds/F109.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Number, Percent, Quote, p
from ...numbers import HUNDRED
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import ONE, _EXPLAIN_FIELDS, _budget_word, _clause, _find, _rate, _short, _label, _texts


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
                {"claimed": p("common.percent", value=Number(claimed)), "computed": Percent(rate)},
                expected=p("F109.expected", word=_budget_word(f), rate=_rate(f)),
                found=p("F109.found", claimed=Number(claimed)),
            )
    if rate >= ONE - slack / HUNDRED:
        return
    for path, text in _texts(ctx.facts, _EXPLAIN_FIELDS):
        m = _find(text, o["full_execution_patterns"], int(o["negation_window"]))
        if m is None:
            continue
        label = _label(ctx.facts, path)
        yield Hit(
            path,
            {"claimed": p("F109.claimed_in", label=label, clause=Quote.at(_clause(text, m.start(), m.end()), path)),
             "computed": Percent(rate)},
            expected=p("F109.expected", word=_budget_word(f), rate=_rate(f)),
            found=p("common.labelled", label=label, text=Quote.at(_short(text), path)),
        )


RESTS_ON = (HERE, *MONEY)
