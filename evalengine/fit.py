"""Does a case's own 分值 fit its profile?  A form judged under the wrong profile would
otherwise get a cascade of weight errors (a 20-point budget row "twice what 10 allow").

:func:`misfit` gives the first reason a form's printed weights cannot belong to a profile;
:func:`fitting_profiles` names the shipped profiles they do fit.  Rule S213 reports a
misfit once; the weight rules (S203, S210, F110) say nothing about such a form.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from .model import Case
from .numbers import ZERO
from .profile import Profile, available_profiles, load_profile
from .facts import CaseFacts, is_blank_row, is_scored_form, row_roles

__all__ = ["fitting_profiles", "misfit"]

_SLACK = Decimal("0.01")  # per summed weight: each printed to 2 places


def _money(value: Decimal) -> str:
    return format(value.normalize(), "f")


def misfit(case: Case, profile: Profile, _others: bool = True, facts: CaseFacts | None = None
           ) -> tuple[str, str] | None:
    """(Chinese, English) reason the form's weights cannot be this profile's; None if they can.

    Only what the form prints is judged: a form without 分值/得分 fits every profile but
    ``unscored`` is the one written for it; a cut-off form only fails when what is visible
    already exceeds the profile's points.  Indicator weights that add up to no shipped
    profile's total are the form's own error (S203), not a misfit; they are a misfit when
    another profile's total fits them.  ``facts``, the case's (when given), spare finding its
    rows' roles and whether it is a scored form again.
    """
    scored = facts.scored_form if facts is not None else is_scored_form(case)
    if profile.kind == "unscored":
        if scored:
            return ("表中填有分值或得分，而该规则用于无分值的表", "the form prints weights or scores; this profile "
                    "is for forms without them")
        return None
    if not scored:
        return None
    funds, budget = case.funds, profile.budget.weight
    if funds.claimed_weight is not None and abs(funds.claimed_weight - budget) > _SLACK:
        return (f"预算执行分值 {_money(funds.claimed_weight)}，该规则为 {_money(budget)}",
                f"the budget row is worth {_money(funds.claimed_weight)}; this profile gives it {_money(budget)}")
    if funds.claimed_weight is None and funds.claimed_score is not None and funds.claimed_score > budget + _SLACK:
        return (f"预算执行得分 {_money(funds.claimed_score)}，超出该规则的预算分值 {_money(budget)}",
                f"the budget row scores {_money(funds.claimed_score)}, above this profile's {_money(budget)}")
    if facts is not None:  # the same for every profile tried: found once a case
        rows, weighted = facts.once(("fit rows",), lambda: _weighted(
            [r for r, f in zip(case.indicators, facts.rows)
             if not r.not_applicable and not f.blank and not f.role]))
    else:
        roles = row_roles(case)
        rows, weighted = _weighted([r for i, r in enumerate(case.indicators)
                                    if not r.not_applicable and not is_blank_row(r) and i not in roles])
    if not weighted:
        return None
    if profile.kind == "scored":
        bare = [r for r in weighted if not (r.target.strip() or r.actual.strip())]
        if len(weighted) >= 2 and len(bare) == len(weighted) and any(r.score is not None for r in bare):
            return ("各行只有分值和得分、没有指标值和完成值：是按评分标准打分的表式（决策、管理……）",
                    "the rows carry points and scores but no targets or actuals: a rubric layout")
        sections = sorted({r.level1.strip() for r in bare if _rubric_section(r.level1)})
        if sections:
            return (f"表中有按评分标准打分的部分（{'、'.join(sections)}），没有指标值和完成值",
                    f"the form has sections scored against a standard ({', '.join(sections)}) with no targets or actuals")
    total = sum((r.weight for r in weighted), ZERO)  # type: ignore[misc]
    limit, slack = profile.indicators.total, _SLACK * (len(weighted) + 1)
    complete = len(weighted) == len(rows) and not case.project.incomplete.strip()
    if (total > limit + slack or (complete and abs(total - limit) > slack)) and (
            not _others or any(misfit(case, load_profile(name), False, facts) is None
                               for name in _shipped() if name != profile.id)):
        return (f"指标分值合计 {_money(total)}，该规则为 {_money(limit)}",
                f"the indicator weights add up to {_money(total)}; this profile gives {_money(limit)}")
    for section in profile.sections:
        if section.points is None:
            continue
        inside = sum((r.weight for r in weighted if profile.section(r.level1) is section), ZERO)  # type: ignore[misc]
        if inside > section.points + slack:
            return (f"“{section.name}”部分分值合计 {_money(inside)}，该规则为 {_money(section.points)}",
                    f"the “{section.name}” section adds up to {_money(inside)}; this profile gives "
                    f"{_money(section.points)}")
    if profile.sections and not any((s := profile.section(r.level1)) is not None and s.rubric for r in weighted):
        return ("表中没有该规则按评分标准打分的部分（如决策、管理）",
                "no row belongs to a rubric section of this profile (决策, 管理 …)")
    return None


def _weighted(rows: list) -> tuple[tuple, tuple]:
    """The rows whose weights are judged, and those of them that print a 分值."""
    return tuple(rows), tuple(r for r in rows if r.weight is not None)


@cache
def _shipped() -> tuple[str, ...]:
    """The shipped profiles' ids, listed once (each is loaded once too, load_profile):
    the folder was globbed for every row of a form whose weights are off."""
    return tuple(available_profiles())


def _rubric_section(level1: str) -> bool:
    """Is ``level1`` a rubric section (决策, 管理 …) of some shipped rubric profile?"""
    for name in _shipped():
        profile = load_profile(name)
        if profile.kind == "rubric" and (s := profile.section(level1)) is not None and s.rubric:
            return True
    return False


def fitting_profiles(case: Case) -> tuple[str, ...]:
    """The shipped profiles the form's printed weights fit (``unscored`` only for a form
    without scores)."""
    return tuple(name for name in available_profiles() if misfit(case, load_profile(name)) is None)
