"""F102: the check (its prose, settings and cases: rules/checks/funds/F102.toml)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from ...evidence import Amount, Count, Percent, Points, Quote, Seq, p
from ...model import Indicator
from ...money import Figures
from ...numbers import ZERO
from ...scoring import IndicatorScore
from ...values import Dimension, Quantity, Text
from ..base import CATEGORIES, HERE, MONEY, ROWS, CaseContext, Hit
from ..kit import TEN_THOUSAND, _rate


def _marks(ctx: CaseContext, s: IndicatorScore) -> tuple[Decimal, Decimal]:
    """(claimed score, weight) on the form's own scale: its 得分 and 分值 where it prints
    them (scoring rescales 分值 to the profile), else the face value on the scored weight."""
    row = ctx.case.indicators[s.index]
    if s.claimed_from_form and row.weight is not None:
        return s.claimed, row.weight
    return s.claimed, s.weight


def _full(ctx: CaseContext, s: IndicatorScore) -> bool:
    claimed, weight = _marks(ctx, s)
    return weight > 0 and claimed >= weight


def _points(ctx: CaseContext, s: IndicatorScore) -> Points:
    return Points(*_marks(ctx, s))


def _is_cost(row: Indicator, words: Sequence[str]) -> bool:
    """The row's 二级 or name holds one of the cost words."""
    return any(w and (w in row.level2 or w in row.name) for w in words)


def _budget_cap(ctx: CaseContext, s: IndicatorScore, f: Figures) -> tuple[str, Decimal | None]:
    """What kind of "≤ budget" target a 成本 indicator has: ('money', cap in 万元) when the
    target is an amount equal to the budget (or 年初预算), ('rate', None) when it is a 100%
    control rate or says 预算, ('', None) otherwise."""
    target = s.target
    if isinstance(target, Quantity):
        if target.dimension is Dimension.MONEY:
            cap = target.amount / TEN_THOUSAND
            tol = ctx.options["budget_match"]
            for base in (f.adjusted, f.initial):
                if base is not None and base > 0 and abs(cap - base) <= tol * base:
                    return "money", cap
            return "", None
        if target.dimension in (Dimension.PERCENT, Dimension.PLAIN) and target.amount == 100:
            return "rate", None
        return "", None
    text = target.text if isinstance(target, Text) else ""
    if any(w and w in text for w in ctx.options["budget_words"]):
        return "rate", None
    return "", None


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
    rate = f.rate
    if rate is None:
        return
    rows = ctx.case.indicators
    category, threshold, words = o["output_category"], o["threshold"], o["cost_words"]
    outputs = [s for s in ctx.score.indicators if s.category == category and s.weight > 0]
    all_full = rate < threshold and bool(outputs) and all(_full(ctx, s) for s in outputs)
    listed = {s.index for s in outputs} if all_full else ()  # one IndicatorScore a row
    if all_full:
        yield Hit(
            f"$.indicators[{outputs[0].index}].score",
            {"rate": Percent(rate),
             "what": p("F102.all_outputs_full", category=Quote(o["output_category"]), count=Count(len(outputs)))},
            expected=p("F102.expected_outputs", rate=_rate(f)),
            found=Seq(tuple(p("F102.marks", name=Quote(rows[s.index].name), points=_points(ctx, s))
                            for s in outputs)),
        )
    for s in ctx.score.indicators:
        if s.index in listed:
            continue  # an output already listed in the hit above is not reported twice
        row = rows[s.index]
        if not _is_cost(row, words) or not _full(ctx, s):
            continue  # not a cost indicator, or not given full marks
        kind, cap = _budget_cap(ctx, s, f)
        found = p("F102.cost_found", name=Quote(row.name), target=Quote(row.target), actual=Quote(row.actual),
                  points=_points(ctx, s))
        if kind == "money" and cap is not None and f.executed is not None and cap > 0:
            spent = max(f.executed, ZERO) / cap
            if spent >= threshold:
                continue
            yield Hit(
                f"$.indicators[{s.index}].score",
                {"rate": p("F102.of_cap", rate=Percent(spent)),
                 "what": p("F102.cost_cap", name=Quote(row.name), cap=Amount(cap), unpaid=Amount(cap - f.executed))},
                expected=p("F102.spent_of_cap", executed=Amount(f.executed), cap=Amount(cap), rate=Percent(spent)),
                found=found,
            )
        elif kind == "rate" and rate < threshold:
            yield Hit(
                f"$.indicators[{s.index}].score",
                {"rate": Percent(rate), "what": p("F102.within_budget", name=Quote(row.name))},
                expected=p("F102.expected_cost", rate=_rate(f)),
                found=found,
            )


RESTS_ON = (HERE, *MONEY, *ROWS, *CATEGORIES)
