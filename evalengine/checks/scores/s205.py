"""S205: the check (its prose, settings and cases: rules/checks/scores/S205.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...model import Case
from ...scoring import Evidence, IndicatorScore
from ...values import Claim, ClaimLevel
from ..base import CaseContext, Hit, money, pct
from ..kit import _MISSED, _form_weight, _full, _name, _on_form_scale, _reason


def _missed_full_marks(case: Case, ind: IndicatorScore, tolerance: Decimal) -> str:
    """Why full marks are wrong on this row ("" when they are not): S205's condition."""
    if not _full(case, ind):
        return ""
    if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
        weight, verified = _form_weight(case, ind), _on_form_scale(case, ind)
        if weight is None or verified is None:
            return ""
        return ind.reason if weight - verified > tolerance else ""
    if (ind.evidence is Evidence.UNSUPPORTED and isinstance(ind.actual, Claim)
            and ind.actual.level in (ClaimLevel.PARTIAL, ClaimLevel.MISSED)):
        return "claim"
    return ""


def check(ctx: CaseContext) -> Iterator[Hit]:
    for ind in ctx.score.indicators:
        why = _missed_full_marks(ctx.case, ind, ctx.options["tolerance"])
        if not why:
            continue
        row = ctx.case.indicators[ind.index]
        verified = _on_form_scale(ctx.case, ind)
        name = _name(ctx.case, ind.index)
        if why == "claim":
            why_zh = f"完成值为“{row.actual.strip()}”"
            why_en = f"the actual reads “{row.actual.strip()}”"
            expected = f"完成值“{row.actual.strip()}”表明目标未全部完成，不应得满分"
        else:
            zh = _reason(why)[0]
            achieved = f"，完成率 {pct(ind.achievement)}" if ind.achievement is not None else ""
            why_zh = f"指标值 {row.target.strip()}，完成值 {row.actual.strip()}"
            why_en = f"target {row.target.strip()}, actual {row.actual.strip()}"
            expected = f"{why_zh}{achieved}：{zh}，应得 {money(verified)}"
        yield Hit(
            f"$.indicators[{ind.index}].score",
            {"name": name, "why": why_zh, "why_en": why_en, "score": money(row.score)},
            expected=expected,
            found=f"自评得分 {money(row.score)}（分值 {money(row.weight)}，满分）",
        )
