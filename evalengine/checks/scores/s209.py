"""S209: the check (its prose, settings and cases: rules/checks/scores/S209.toml)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ...evidence import Amount, Count, Label, Percent, Phrase, Quote, Seq, p
from ...model import Case
from ...money import read, row_sum
from ...numbers import ZERO
from ...scoring import Evidence
from ...values import Claim
from ..base import ROWS, CaseContext, Hit
from ..kit import _MISSED, _achieved, _form_weight, _full, _name, _reason


def _execution_shortfall(case: Case, options: Mapping[str, Any]) -> Phrase | None:
    """The lowest execution rate below the threshold, as evidence text ("" when none).
    A figure not read is not a figure: no rate from it, and no sum over rows that lost one."""
    funds = case.funds
    base = [("money.adjusted_budget", read(funds, "budget"))]
    if options["compare_initial_budget"]:
        base.append(("money.initial_budget", read(funds, "initial_budget")))
    executed = read(funds, "executed")
    where = "money.total_row"
    total_unread = "budget" in funds.unread or "executed" in funds.unread
    if not any(b is not None and b > 0 for _, b in base) and funds.rows and not total_unread:
        # The total row is blank or zero (e.g. 0/0/0 over non-zero source rows): use the rows.
        base = [("money.adjusted_budget", row_sum(funds, "budget"))]
        if options["compare_initial_budget"]:
            base.append(("money.initial_budget", row_sum(funds, "initial_budget")))
        executed = row_sum(funds, "executed")
        where = "money.source_rows"
    if executed is None:
        return None
    worst: tuple[Decimal, str, Decimal] | None = None
    for label, amount in base:
        if amount is None or amount <= 0:
            continue
        rate = max(executed, ZERO) / amount
        if rate < options["min_execution_rate"] and (worst is None or rate < worst[0]):
            worst = (rate, label, amount)
    if worst is None:
        return None
    rate, label, amount = worst
    return p("S209.execution", executed=Amount(executed), label=Label(label), amount=Amount(amount),
             rate=Percent(rate), where=Label(where))


def _deviations(ctx: CaseContext) -> tuple[int, list[Phrase]]:
    """(how many deviations, their evidence): execution, measured misses, unsupported full marks."""
    case, options = ctx.case, ctx.options
    count, out = 0, []
    execution = _execution_shortfall(case, options)
    if execution is not None:
        count, out = 1, [execution]
    unsupported: dict[str, list[Quote | Phrase]] = {}
    bare: list[tuple[Quote | Phrase, str]] = []
    for ind in ctx.score.indicators:
        name = _name(case, ind.index)
        row = case.indicators[ind.index]
        if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
            count += 1
            out.append(p("S209.missed", name=name, target=Quote(row.target.strip()),
                         actual=Quote(row.actual.strip()), achieved=_achieved(ind)))
        elif ind.evidence is Evidence.UNSUPPORTED:
            actual = row.actual.strip()
            unsupported.setdefault(ind.reason, []).append(
                p("S209.name_actual", name=name, actual=Quote(actual)) if actual else name)
        elif (options["bare_claims"] and ind.evidence is Evidence.CLAIM
              and isinstance(ind.actual, Claim)):
            bare.append((name, row.actual.strip()))
    for reason, names in unsupported.items():
        count += len(names)
        out.append(p("S209.unsupported", reason=_reason(reason), names=Seq(tuple(names), "enum")))
    if bare:
        count += len(bare)
        words = {word for _, word in bare}
        if len(words) == 1:
            out.append(p("S209.bare_one", count=Count(len(bare)), word=Quote(words.pop()),
                         names=Seq(tuple(name for name, _ in bare), "enum")))
        else:
            out.append(p("S209.bare_many", count=Count(len(bare)), names=Seq(tuple(
                p("S209.name_actual", name=name, actual=Quote(word)) for name, word in bare), "enum")))
    return count, out


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, options = ctx.case, ctx.options
    indicators = ctx.score.indicators
    if len(indicators) < options["min_indicators"] or not all(_full(case, i) for i in indicators):
        return
    stated = case.narrative.claimed_total
    truncated = ctx.facts.truncated
    floor = options["min_total_share"] * ctx.profile.total
    if stated is not None:
        total = p("common.claimed_total", stated=Amount(stated))
        if stated < floor:
            return
    elif not truncated and case.funds.claimed_score is not None:
        computed = case.funds.claimed_score + sum((i.claimed for i in indicators), ZERO)
        floor = options["min_total_share"] * (
            (case.funds.claimed_weight or ctx.profile.budget.weight)
            + sum((_form_weight(case, i) or ZERO for i in indicators), ZERO))
        total = p("S209.sum", total=Amount(computed))
        if computed < floor:
            return
    else:
        total = p("S209.no_total")
    n, deviations = _deviations(ctx)
    if not n:
        return
    yield Hit(
        "$.indicators",
        {"count": Count(len(indicators)), "total": total, "n": Count(n)},
        expected=p("S209.expected"),
        found=Seq(tuple(deviations)),
    )


# every row's 三级 name too: a row whose name was not read is counted as an indicator (it is
# not known to be an empty 二级 line), so "full marks on every row" would count it on a guess
RESTS_ON = (*ROWS, "$.indicators[*].name", "$.indicators[*].deviation",
            "$.narrative.claimed_total")
