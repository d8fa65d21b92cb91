"""S211: the check (its prose, settings and cases: rules/checks/scores/S211.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Label, Named, Phrase, Seq, p
from ...numbers import ZERO, rounded
from ...scoring import Status
from ..base import HERE, MONEY, CaseContext, Hit
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
        kind: Label | Phrase = Label("claimed.stated")
    elif from_form:
        kind = Label("claimed.form")
    elif options["include_implied"]:
        kind = Label("claimed.implied")
    else:
        return

    # Each item's claimed and verified score, both on the form's own scale; a row is named
    # (by its index) only if it is shown
    items: list[tuple[Label | int, Decimal, Decimal, str]] = []  # (name, claimed, verified, reason)
    budget = score.budget
    if budget.claimed is not None:
        items.append((Label("score.budget_row"), budget.claimed, _budget_on_form_scale(ctx) or ZERO, ""))
    for ind in score.indicators:
        verified_item = _on_form_scale(case, ind)
        if verified_item is None:
            verified_item = ind.verified
        items.append((ind.index, ind.claimed, verified_item, ind.reason))

    claimed_grade = verified_grade = ""
    if truncated:
        # Only the visible items can be compared: a stated total covers rows we cannot see.
        claimed = sum((c for _, c, _, _ in items), ZERO)
        verified = sum((v for _, _, v, _ in items), ZERO)
        kind = p("S211.truncated", kind=kind)
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
        p("S211.item", name=_name(case, name) if isinstance(name, int) else name,
          claimed=Amount(c), verified=Amount(v),
          reason=p("S211.reason", reason=_reason(reason)) if reason else "")
        for _, name, c, v, reason in contributors[: int(options["max_contributors"])]
    ]
    bands = {b.grade: b.grade_en for b in ctx.profile.grades.bands}
    graded = bool(claimed_grade and verified_grade)
    claimed_named = Named(claimed_grade, bands.get(claimed_grade, claimed_grade))
    verified_named = Named(verified_grade, bands.get(verified_grade, verified_grade))
    claimed_shown = p("S211.grade", grade=claimed_named) if graded else ""
    verified_shown = p("S211.grade", grade=verified_named) if graded else ""
    yield Hit(
        "$.narrative.claimed_total",
        {"kind": kind, "claimed": Amount(claimed), "verified": Amount(verified),
         "gap": Amount(abs(gap)), "direction": p("S211.above" if gap > 0 else "S211.below"),
         "claimed_grade": claimed_shown, "verified_grade": verified_shown,
         "grades": p("S211.grades", claimed=claimed_named, verified=verified_named) if graded else ""},
        expected=p("S211.expected", verified=Amount(verified), grade=verified_shown),
        found=p("S211.found", kind=kind, claimed=Amount(claimed), grade=claimed_shown,
                top=p("S211.top", items=Seq(tuple(top))) if top else ""),
    )


RESTS_ON = (HERE, "$.narrative.claimed_grade", *MONEY, "$.funds.claimed_score",
              "$.funds.claimed_rate", "$.funds.claimed_weight")
