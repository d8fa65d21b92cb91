"""N404: the check (its prose, settings and cases: rules/checks/narrative/N404.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if case.project.has_form:
        return
    budget = case.funds.budget
    if budget is not None and budget < ctx.options["min_budget"]:
        return
    yield Hit(
        "$.project.has_form",
        {"name": case.project.name or "（未命名）"},
        expected="项目支出绩效自评表（绩效指标、指标值、完成值、分值、得分）",
        found=f"只有文字叙述：{case.project.source.strip() or '（未注明出处）'}",
        expected_en="a self-assessment form (项目支出绩效自评表: indicators, targets, actuals, weights, scores)",
        found_en=f"prose only: {case.project.source.strip() or '(no source given)'}",
    )
