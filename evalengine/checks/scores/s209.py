"""S209: the check (its prose, settings and cases: rules/checks/scores/S209.toml)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ...model import Case
from ...money import read, row_sum
from ...numbers import ZERO
from ...scoring import Evidence
from ...values import Claim
from ..base import ROWS, CaseContext, Hit, money, pct
from ..kit import _MISSED, _form_weight, _full, _name, _reason


def _execution_shortfall(case: Case, options: Mapping[str, Any]) -> str:
    """The lowest execution rate below the threshold, as evidence text ("" when none).
    A figure not read is not a figure: no rate from it, and no sum over rows that lost one."""
    funds = case.funds
    base = [("全年预算数", read(funds, "budget"))]
    if options["compare_initial_budget"]:
        base.append(("年初预算数", read(funds, "initial_budget")))
    executed = read(funds, "executed")
    where = "年度资金总额"
    total_unread = "budget" in funds.unread or "executed" in funds.unread
    if not any(b is not None and b > 0 for _, b in base) and funds.rows and not total_unread:
        # The total row is blank or zero (e.g. 0/0/0 over non-zero source rows): use the rows.
        base = [("全年预算数", row_sum(funds, "budget"))]
        if options["compare_initial_budget"]:
            base.append(("年初预算数", row_sum(funds, "initial_budget")))
        executed = row_sum(funds, "executed")
        where = "各资金来源行合计"
    if executed is None:
        return ""
    worst: tuple[Decimal, str, Decimal] | None = None
    for label, amount in base:
        if amount is None or amount <= 0:
            continue
        rate = max(executed, ZERO) / amount
        if rate < options["min_execution_rate"] and (worst is None or rate < worst[0]):
            worst = (rate, label, amount)
    if worst is None:
        return ""
    rate, label, amount = worst
    return f"执行率 = 执行数 {money(executed)} / {label} {money(amount)} = {pct(rate)}（{where}）"


def _deviations(ctx: CaseContext) -> tuple[int, list[str]]:
    """(how many deviations, their evidence): execution, measured misses, unsupported full marks."""
    case, options = ctx.case, ctx.options
    count, out = 0, []
    execution = _execution_shortfall(case, options)
    if execution:
        count, out = 1, [execution]
    unsupported: dict[str, list[str]] = {}
    bare: list[tuple[str, str]] = []
    for ind in ctx.score.indicators:
        name = _name(case, ind.index)
        row = case.indicators[ind.index]
        if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
            achieved = f"，完成率 {pct(ind.achievement)}" if ind.achievement is not None else ""
            count += 1
            out.append(f"{name}：指标值 {row.target.strip()}，完成值 {row.actual.strip()}{achieved}")
        elif ind.evidence is Evidence.UNSUPPORTED:
            actual = row.actual.strip()
            unsupported.setdefault(ind.reason, []).append(f"{name}（“{actual}”）" if actual else name)
        elif (options["bare_claims"] and ind.evidence is Evidence.CLAIM
              and isinstance(ind.actual, Claim)):
            bare.append((name, row.actual.strip()))
    for reason, names in unsupported.items():
        count += len(names)
        out.append(f"{_reason(reason)[0]}：{'、'.join(names)}")
    if bare:
        count += len(bare)
        words = {word for _, word in bare}
        if len(words) == 1:
            out.append(f"{len(bare)} 项定性指标完成值只写“{words.pop()}”，无完成情况描述："
                       + "、".join(name for name, _ in bare))
        else:
            out.append(f"{len(bare)} 项定性指标完成值只有完成用语，无完成情况描述："
                       + "、".join(f"{name}（“{word}”）" for name, word in bare))
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
        total, total_en = f"自评总分 {money(stated)}", f"claimed total {money(stated)}"
        if stated < floor:
            return
    elif not truncated and case.funds.claimed_score is not None:
        computed = case.funds.claimed_score + sum((i.claimed for i in indicators), ZERO)
        floor = options["min_total_share"] * (
            (case.funds.claimed_weight or ctx.profile.budget.weight)
            + sum((_form_weight(case, i) or ZERO for i in indicators), ZERO))
        total, total_en = f"合计 {money(computed)}", f"total {money(computed)}"
        if computed < floor:
            return
    else:
        total, total_en = "未见总分", "no total visible"
    n, deviations = _deviations(ctx)
    if not n:
        return
    yield Hit(
        "$.indicators",
        {"count": len(indicators), "total": total, "total_en": total_en, "n": n},
        expected="存在偏差或无据可查时，不应全部给满分（自评结果应客观准确，不得虚高）",
        found="；".join(deviations),
    )


# every row's 三级 name too: a row whose name was not read is counted as an indicator (it is
# not known to be an empty 二级 line), so "full marks on every row" would count it on a guess
RESTS_ON = (*ROWS, "$.indicators[*].name", "$.indicators[*].deviation",
            "$.narrative.claimed_total")
