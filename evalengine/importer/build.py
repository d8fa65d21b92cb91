"""From what the recogniser read (:class:`~.recognise.Draft`) to a :class:`~evalengine.model.Case`."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..model import Case, FundRow, Funds, Goal, Indicator, Narrative, Project
from .notes import INCOMPLETE_REASONS
from .recognise import Draft

__all__ = ["build_case", "incomplete_text", "placeholder_name", "source_text"]


def placeholder_name(stem: str, sheet: str, index: int) -> str:
    where = f"{stem} {sheet}" if sheet else stem
    return f"[项目名称未见] {where} 第{index}张表"


def source_text(shown: str, sheet: str, index: int, url: str, incomplete: list[str]) -> str:
    parts = [f"导入自 {shown}" + (f" 工作表“{sheet}”" if sheet else "") + f" 第{index}张表"]
    if url:
        parts.append(f"SOURCE: {url}")
    if incomplete:
        parts.append(f"不完整 (truncated/incomplete): {incomplete_text(incomplete)}")
    return "; ".join(parts)


def incomplete_text(incomplete: Sequence[str]) -> str:
    """``project.incomplete`` for a form the recogniser found cut off; "" when whole.

    A reason key it has no text for is kept as the key, so the form is never taken as whole.
    """
    return "；".join(INCOMPLETE_REASONS[r][0] if r in INCOMPLETE_REASONS else r
                    for r in incomplete)


def _dec(value: Any) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def build_case(draft: Draft, *, name: str, source: str, profile: str | None) -> Case:
    p = draft.project
    project = Project(
        name=p.get("name") or draft.title_name or name,
        source=source,
        department=p.get("department", ""),
        implementer=p.get("implementer", ""),
        year=p.get("year"),
        profile=profile or draft.profile or "central-2020",
        code=p.get("code", ""),
        incomplete=incomplete_text(draft.incomplete),
    )
    f = draft.funds
    funds = Funds(
        budget=_dec(f.get("budget")),
        executed=_dec(f.get("executed")),
        initial_budget=_dec(f.get("initial_budget")),
        balance=_dec(f.get("balance")),
        claimed_rate=_dec(f.get("claimed_rate")),
        claimed_weight=_dec(f.get("claimed_weight")),
        claimed_score=_dec(f.get("claimed_score")),
        reason=f.get("reason", ""),
        adjustment_reason=f.get("adjustment_reason", ""),
        note=f.get("note", ""),
        rows=tuple(
            FundRow(
                source=r["source"],
                initial_budget=_dec(r.get("initial_budget")),
                budget=_dec(r.get("budget")),
                executed=_dec(r.get("executed")),
            )
            for r in draft.fund_rows
        ),
        source=f.get("source", ""),
    )
    goal = Goal(expected=draft.goal.get("expected", ""), actual=draft.goal.get("actual", ""))
    indicators = tuple(
        Indicator(
            level1=i.get("level1", ""),
            level2=i.get("level2", ""),
            name=i.get("name", ""),
            target=i.get("target", ""),
            actual=i.get("actual", ""),
            operator=i.get("operator", ""),
            unit=i.get("unit", ""),
            weight=_dec(i.get("weight")),
            score=_dec(i.get("score")),
            deviation=i.get("deviation", ""),
        )
        for i in draft.indicators
    )
    n = draft.narrative
    narrative = Narrative(
        completion=n.get("completion", ""),
        benefit=n.get("benefit", ""),
        conclusion=n.get("conclusion", ""),
        problems=n.get("problems", ""),
        measures=n.get("measures", ""),
        claimed_total=_dec(n.get("claimed_total")),
        claimed_grade=n.get("claimed_grade", ""),
    )
    return Case(project=project, funds=funds, goal=goal, indicators=indicators,
                narrative=narrative)
