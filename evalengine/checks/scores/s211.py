"""S211: the check (its prose, settings and cases: rules/checks/scores/S211.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...numbers import ZERO, rounded
from ...scoring import Status
from ..base import HERE, MONEY, CaseContext, Hit, money
from ..kit import _name, _on_form_scale, _reason


def _same_grade(stated: str, grade: str) -> bool:
    stated = stated.strip()
    return stated == grade or stated.startswith(grade) or grade.startswith(stated)


def _budget_on_form_scale(ctx: CaseContext) -> Decimal | None:
    """The verified budget score on the form's own 分值 for that row."""
    budget = ctx.score.budget
    if budget.verified is None:
        return None
    weight = ctx.case.funds.claimed_weight
    if weight is None or budget.weight <= 0:
        return budget.verified
    return budget.verified * weight / budget.weight


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, score, options = ctx.case, ctx.score, ctx.options
    # a cut-off form is not graded, but its visible items are still compared (below), unless
    # they rest on too little evidence to be compared (what would otherwise be "thin-evidence")
    if score.status is not Status.RATED and (
            score.status_reason != "incomplete" or not score.indicators
            or rounded(score.evidence_share, 6) < ctx.profile.evidence.min_share):
        return
    truncated = ctx.facts.truncated
    from_form = all(i.claimed_from_form for i in score.indicators)
    if case.narrative.claimed_total is not None and not truncated:
        kind, kind_en = "自评总分", "stated total"
    elif from_form:
        kind, kind_en = "表内自评得分", "form's own scores"
    elif options["include_implied"]:
        kind, kind_en = "按所填完成情况推算的自评分", "score implied by the reported results"
    else:
        return

    # Each item's claimed and verified score, both on the form's own scale.
    items: list[tuple[str, Decimal, Decimal, str]] = []  # (name, claimed, verified, reason)
    budget = score.budget
    if budget.claimed is not None:
        items.append(("预算执行率", budget.claimed, _budget_on_form_scale(ctx) or ZERO, ""))
    for ind in score.indicators:
        verified_item = _on_form_scale(case, ind)
        if verified_item is None:
            verified_item = ind.verified
        items.append((_name(case, ind.index), ind.claimed, verified_item, ind.reason))

    claimed_grade = verified_grade = ""
    if truncated:
        # Only the visible items can be compared: a stated total covers rows we cannot see.
        claimed = sum((c for _, c, _, _ in items), ZERO)
        verified = sum((v for _, _, v, _ in items), ZERO)
        kind, kind_en = f"{kind}（表格不完整，仅比较可见项目）", f"{kind_en} (truncated form: visible items only)"
    else:
        if score.claimed_total is None or score.verified_total is None:
            return
        claimed, verified = score.claimed_total, score.verified_total
        stated_grade = case.narrative.claimed_grade.strip()
        claimed_grade = stated_grade or (score.claimed_grade.grade if score.claimed_grade else "")
        verified_grade = score.verified_grade.grade if score.verified_grade else ""
    gap = claimed - verified
    grade_differs = bool(claimed_grade and verified_grade
                         and not _same_grade(claimed_grade, verified_grade))
    by_points = abs(gap) > options["max_gap"]
    by_grade = (options["flag_grade_change"] and grade_differs
                and abs(gap) >= options["grade_min_gap"])
    if not (by_points or by_grade):
        return

    sign = 1 if gap > 0 else -1
    contributors = sorted(
        ((sign * (c - v), name, c, v, reason)
         for name, c, v, reason in items if sign * (c - v) > 0),
        key=lambda item: item[0], reverse=True,
    )
    top = [
        f"{name} 自评 {money(c)}，核实 {money(v)}" + (f"（{_reason(reason)[0]}）" if reason else "")
        for _, name, c, v, reason in contributors[: int(options["max_contributors"])]
    ]
    top_en = [
        f"{name} claimed {money(c)}, verified {money(v)}" + (f" ({_reason(reason)[1]})" if reason else "")
        for _, name, c, v, reason in contributors[: int(options["max_contributors"])]
    ]
    grades = ("", "")
    if claimed_grade and verified_grade:
        grades = (f"（{claimed_grade}）", f"（{verified_grade}）")
    grades_en = ""
    if claimed_grade and verified_grade:
        bands = {b.grade: b.grade_en for b in ctx.profile.grades.bands}
        grades_en = (f"; grade {bands.get(claimed_grade, claimed_grade)} vs "
                     f"{bands.get(verified_grade, verified_grade)}")
    found = f"{kind} {money(claimed)}{grades[0]}"
    if top:
        found += "；差额主要来自：" + "；".join(top)
    bands_en = {b.grade: b.grade_en for b in ctx.profile.grades.bands}
    claimed_en = f" ({bands_en.get(claimed_grade, claimed_grade)})" if grades[0] else ""
    verified_en = f" ({bands_en.get(verified_grade, verified_grade)})" if grades[1] else ""
    found_en = f"{kind_en} {money(claimed)}{claimed_en}"
    if top_en:
        found_en += "; the gap comes mostly from: " + "; ".join(top_en)
    yield Hit(
        "$.narrative.claimed_total",
        {"kind": kind, "kind_en": kind_en, "claimed": money(claimed), "verified": money(verified),
         "gap": money(abs(gap)), "direction": "偏高" if gap > 0 else "偏低",
         "direction_en": "above" if gap > 0 else "below", "claimed_grade": grades[0],
         "verified_grade": grades[1], "grades_en": grades_en},
        expected=f"核实得分 {money(verified)}{grades[1]}",
        found=found,
        expected_en=f"verified score {money(verified)}{verified_en}",
        found_en=found_en,
    )


RESTS_ON = (HERE, "$.narrative.claimed_grade", *MONEY, "$.funds.claimed_score",
              "$.funds.claimed_rate", "$.funds.claimed_weight")
