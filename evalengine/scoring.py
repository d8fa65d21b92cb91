"""Scoring one case under a profile: the formulas of framework.md §3.

:func:`score_case` returns a :class:`CaseScore` holding, side by side, the score the
department *claimed* (its own 得分, or what its claims imply taken at face value) and the
score the evidence *verifies*.  Values are exact Decimals; they are rounded only where a
total is graded and where a renderer prints them (:func:`evalengine.numbers.rounded`).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal

import attrs

from .model import Case, Indicator
from .money import figures
from .numbers import ZERO, rounded
from .profile import GradeBand, Profile, Tier
from .provenance import funds_unread, is_unread, unverifiable
from .taxonomy import Taxonomy
from .values import (
    Claim,
    Dimension,
    Empty,
    Operator,
    Quantity,
    Text,
    Value,
    When,
    parse_value,
    text_level,
)

__all__ = [
    "BudgetScore",
    "CaseScore",
    "Evidence",
    "IndicatorScore",
    "Status",
    "is_blank_row",
    "score_case",
    "score_quantity",
]


class Evidence(enum.Enum):
    """What an indicator's verified score rests on."""

    MEASURED = "measured"  # a number or date compared with its target
    QUALITATIVE = "qualitative"  # a qualitative target, scored within the tier the actual claims
    UNSUPPORTED = "unsupported"  # nothing the target can be checked against


class Status(enum.Enum):
    RATED = "rated"  # 已评级
    NOT_DEMONSTRATED = "not_demonstrated"  # 结果未证实 (OMB PART: Results Not Demonstrated)
    NEEDS_REVIEW = "needs_review"  # 待复核: the importer read the form too poorly to score it


@attrs.frozen
class IndicatorScore:
    index: int  # position in case.indicators, for $.indicators[index]
    category: str  # canonical 一级 category
    weight: Decimal  # the weight scored against (see _weights)
    weight_from_form: bool  # the form's own 分值, unchanged
    target: Value
    actual: Value
    method: str  # positive | equal_zero | reverse | timeliness | qualitative | none
    evidence: Evidence
    reason: str  # why the verified score is what it is: a key of i18n.REASONS
    verified: Decimal
    claimed: Decimal
    claimed_from_form: bool
    achievement: Decimal | None = None  # actual / target, where both are numbers
    tier: str = ""  # qualitative tier used


@attrs.frozen
class BudgetScore:
    weight: Decimal
    rate: Decimal | None  # 全年执行数 / 全年预算数, a fraction; None when it cannot be computed
    verified: Decimal | None
    claimed: Decimal | None
    claimed_from_form: bool


@attrs.frozen
class CaseScore:
    profile: str
    budget: BudgetScore
    indicators: tuple[IndicatorScore, ...]
    evidence_share: Decimal  # share of indicator weight (+ an unverifiable budget row's) on evidence
    status: Status
    status_reason: str  # key of i18n.STATUS_REASONS; "" when rated
    supported: Decimal  # points the evidence supports (budget + indicators)
    claimed_total: Decimal | None
    claimed_total_from_form: bool
    verified_total: Decimal | None  # None unless rated
    claimed_grade: GradeBand | None
    verified_grade: GradeBand | None
    # rows left out because a field scoring needs was not read (provenance.unverifiable):
    # not scored, not a miss, not in the evidence share
    unverifiable: tuple[int, ...] = ()

    @property
    def gap(self) -> Decimal | None:
        if self.claimed_total is None or self.verified_total is None:
            return None
        return self.claimed_total - self.verified_total


def is_blank_row(indicator: Indicator) -> bool:
    """A row with no 三级 name, target or actual: an empty 二级 line, not an indicator (a
    row whose name, target or actual was not read is not known to be empty)."""
    return not (indicator.name.strip() or indicator.target.strip() or indicator.actual.strip()
                or bool(indicator.unread.items
                        and any(is_unread(indicator, f) for f in ("name", "target", "actual"))))


# --- quantitative formulas (framework.md §3.2) ---------------------------------------


def score_quantity(
    operator: Operator, target: Decimal, actual: Decimal, weight: Decimal, profile: Profile,
    upper: Decimal | None = None,
) -> tuple[Decimal, str, str]:
    """(score, method, reason) for a numeric target and actual.  Never above ``weight``.

    ``upper`` is the top of a range target ("95%-100%", with ``target`` its bottom): inside
    the range is met, below it is scored as a ≥ target, above it as a ≤ target.  A negative
    target is a decrease ("下降5%" = -5%): the formulas apply to the size of the decrease, so
    ``=``/``≤`` -5% asks for a decrease of at least 5 and ``≥`` -5% for at most 5.

    A strict target (> or <) is not met by an actual equal to it ("高于95%" answered 95%),
    and a strict target not met scores at most ``profile.quantitative.strict_limit_fraction``
    of ``weight``: the formula of its ≥/≤ twin, capped.  Capping every miss, not only the
    equal one, keeps the score monotonic in the actual (a worse actual never scores more).
    """
    if upper is not None:
        if actual > upper:
            return score_quantity(Operator.LE, upper, actual, weight, profile)
        if actual >= target:
            return weight, "positive", "met"
        return score_quantity(Operator.GE, target, actual, weight, profile)
    if target < 0:
        return score_quantity(_MIRROR[operator], -target, -actual, weight, profile)
    actual = max(actual, ZERO)  # A < 0 is treated as 0 (C2)
    if operator is Operator.GT or operator is Operator.LT:
        cap = profile.quantitative.strict_limit_fraction * weight
        if actual == target:
            return cap, "reverse" if operator.reverse else "positive", "at-limit"
        twin = Operator.LE if operator.reverse else Operator.GE
        score, method, reason = score_quantity(twin, target, actual, weight, profile)
        return (score, method, reason) if reason == "met" else (min(score, cap), method, reason)
    if operator.reverse:
        if actual <= target:
            return weight, "reverse", "met"
        if target <= 0:
            return ZERO, "reverse", "cap-exceeded"
        if profile.quantitative.reverse == "target_over_actual":
            return target / actual * weight, "reverse", "cap-exceeded"
        if actual >= 2 * target:
            return ZERO, "reverse", "cap-exceeded"
        return (1 - (actual - target) / target) * weight, "reverse", "cap-exceeded"
    if operator is Operator.EQ and target == 0:
        return (weight, "equal_zero", "met") if actual <= 0 else (ZERO, "equal_zero", "shortfall")
    if actual >= target:
        return weight, "positive", "met"
    if target <= 0:
        return weight, "positive", "met"
    return actual / target * weight, "positive", "shortfall"


# A decrease target mirrored onto the size of the decrease.  "= -5%" ("下降5%") asks for a
# decrease of at least 5, as "= 5" asks for at least 5 (C1 selfequalindex).
_MIRROR = {Operator.GE: Operator.LE, Operator.GT: Operator.LT, Operator.LE: Operator.GE,
           Operator.LT: Operator.GT, Operator.EQ: Operator.GE}


_MONEY_UNIT = re.compile(r"亿元|万元|千元|元")


def _compatible(target: Quantity, actual: Quantity) -> bool:
    """Same dimension and unit (元 vs 元/人 differ), or one side a bare number."""
    if Dimension.PLAIN in (target.dimension, actual.dimension):
        return True
    return target.dimension is actual.dimension and target.unit == actual.unit


def _tier(profile: Profile, name: str) -> Tier:
    return profile.qualitative.tiers[name]  # type: ignore[index]


def _claim_tier(profile: Profile, actual: Claim) -> str:
    return profile.qualitative.claims[actual.level.value]  # type: ignore[index]


def _bare(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _ambiguous_fraction(target: Quantity, actual: Quantity, actual_text: str) -> bool:
    """A percent target answered by a bare number ≤ 1 ("≥95%" answered "0.98").

    The form may have written the ratio as a fraction (98%) or meant 0.98%; the cell cannot
    tell, so the row is flagged instead of being scored either way.  A target of 1% or less
    is not ambiguous (0.5 against "≤1%" is 0.5%), nor is 0.
    """
    return (target.dimension is Dimension.PERCENT and target.amount > 1
            and actual.dimension in (Dimension.PLAIN, Dimension.PERCENT)
            and 0 < actual.amount <= 1
            and not any(sign in unicodedata.normalize("NFKC", actual_text)
                        for sign in ("%", "‰", "百分")))


def _score_indicator(
    index: int, row: Indicator, category: str, weight: Decimal, from_form: bool,
    profile: Profile, year: int | None,
) -> IndicatorScore:
    target = parse_value(row.target, operator=row.operator, unit=row.unit, default_year=year)
    actual = parse_value(row.actual, unit=row.unit, default_year=year)
    if (isinstance(target, Quantity) and target.dimension is Dimension.MONEY
            and isinstance(actual, Quantity) and actual.dimension is Dimension.PLAIN):
        # "≤90万元" answered "90": the bare number is in the unit the target was written in
        written = _MONEY_UNIT.findall(target.text)
        if written:
            actual = parse_value(row.actual, unit=written[-1], default_year=year)
    method, evidence, reason, verified = "none", Evidence.UNSUPPORTED, "", ZERO
    achievement: Decimal | None = None
    tier = ""
    face: Decimal  # what the department's claim implies, taken at face value

    if isinstance(actual, Empty):
        reason, face = "missing-actual", ZERO
    elif isinstance(target, Empty):
        reason, face = "missing-target", weight
    elif isinstance(target, Quantity):
        if isinstance(actual, Quantity) and _ambiguous_fraction(target, actual, row.actual):
            reason = "ambiguous-fraction"  # at face value the fraction is a percentage
            face = score_quantity(target.operator, target.amount, actual.amount * 100, weight,
                                  profile, target.upper)[0]
        elif isinstance(actual, Quantity) and _compatible(target, actual):
            verified, method, reason = score_quantity(
                target.operator, target.amount, actual.amount, weight, profile, target.upper
            )
            evidence, face = Evidence.MEASURED, verified
            if target.amount > 0:
                achievement = max(actual.amount, ZERO) / target.amount
            elif target.amount < 0:  # a decrease: how much of the decrease was made
                achievement = max(-actual.amount, ZERO) / -target.amount
        elif isinstance(actual, Quantity):
            reason, face = "unit-mismatch", weight
        elif isinstance(actual, Claim):
            tier = _claim_tier(profile, actual)
            reason, face = "word-for-number", _tier(profile, tier).default * weight
        else:
            reason, face = "text-for-number", weight
    elif isinstance(target, When):
        if isinstance(actual, When) and target.latest and actual.latest:
            evidence, method = Evidence.MEASURED, "timeliness"
            if actual.latest <= target.latest:
                verified, reason = weight, "on-time"
            else:
                verified, reason = profile.timeliness.late_fraction * weight, "late"
            face = verified
        elif isinstance(actual, Claim):
            tier = _claim_tier(profile, actual)
            evidence, method, reason = Evidence.QUALITATIVE, "qualitative", "claimed-on-time"
            verified = face = _tier(profile, tier).default * weight
        else:
            reason, face = "no-date", weight
    elif isinstance(target, Text) and target.quantities and isinstance(actual, Claim):
        tier = _claim_tier(profile, actual)
        reason, face = "word-for-number", _tier(profile, tier).default * weight
    elif isinstance(actual, Claim):
        tier = _claim_tier(profile, actual)
        evidence, method, reason = Evidence.QUALITATIVE, "qualitative", f"tier-{tier}"
        verified = face = _tier(profile, tier).default * weight
    elif isinstance(actual, Text):
        # a description is placed in a tier by what it says (framework.md §3.3); one that
        # neither affirms nor denies, or copies the target (I315), cannot be placed
        level = text_level(actual.text)
        if _bare(actual.text) == _bare(row.target):
            reason, face = "text-repeats-target", weight
        elif level is None:
            reason, face = "text-unrated", weight
        else:
            tier = profile.qualitative.claims[level.value]  # type: ignore[index]
            evidence, method, reason = Evidence.QUALITATIVE, "qualitative", f"tier-{tier}"
            verified = face = _tier(profile, tier).default * weight
    else:
        reason, face = "unmeasurable-target", weight

    claimed, claimed_from_form = face, False
    if row.score is not None and not is_unread(row, "score"):
        claimed, claimed_from_form = row.score, True
        scale = row.weight if row.weight else weight
        if evidence is Evidence.QUALITATIVE and scale > 0:
            # the department's own score, capped at the top of the tier its actual claims;
            # never raised to the tier's floor: verified never exceeds what was claimed
            own = row.score if weight == scale else row.score * weight / scale  # exact when unscaled
            verified = min(own, _tier(profile, tier).max * weight)
    return IndicatorScore(
        index=index, category=category, weight=weight, weight_from_form=from_form,
        target=target, actual=actual, method=method, evidence=evidence, reason=reason,
        verified=min(max(verified, ZERO), weight), claimed=claimed,
        claimed_from_form=claimed_from_form, achievement=achievement, tier=tier,
    )


# --- weights (framework.md §2) ---------------------------------------------------------


def _weights(
    rows: list[tuple[int, Indicator, str]], profile: Profile
) -> dict[int, tuple[Decimal, bool]]:
    """Each row's weight, and whether it is the form's own 分值 unchanged.

    A form whose rows all carry 分值 adding up to the profile's indicator total keeps its own
    split (10号 lets a department adjust the 一级 weights if the total stays 100).  Otherwise
    rows keep the form's 分值 where they have one, rows without share equally what is left
    of their group (the 一级 weight under a profile that fixes them, else the whole indicator
    total), and 分值 that overflow their group are scaled down to it, so the verified total
    never leaves the profile's scale.  Points a form leaves unallocated are not earned; the
    form's own sums are a finding (S203), not a score.
    """
    total = profile.indicators.total
    if rows and all(r.weight is not None and r.weight >= 0 for _, r, _ in rows) and sum(
        (r.weight for _, r, _ in rows), ZERO
    ) == total:
        return {index: (row.weight, True) for index, row, _ in rows}
    fixed = profile.indicators.level1
    groups: dict[str, list[tuple[int, Indicator]]] = {}
    for index, row, category in rows:
        groups.setdefault(category if fixed else "", []).append((index, row))
    out: dict[int, tuple[Decimal, bool]] = {}
    for group, members in groups.items():
        points = fixed.get(group, ZERO) if fixed else total
        given = sum((max(r.weight, ZERO) for _, r in members if r.weight is not None), ZERO)
        missing = [i for i, r in members if r.weight is None]
        scale = points / given if given > points else Decimal(1)
        share = max(points - given * scale, ZERO) / len(missing) if missing else ZERO
        for index, row in members:
            if row.weight is None:
                out[index] = (share, False)
            else:
                out[index] = (max(row.weight, ZERO) * scale, scale == 1 and row.weight >= 0)
    return out


# --- budget execution (framework.md §3.1) ----------------------------------------------


def _score_budget(case: Case, profile: Profile) -> BudgetScore:
    """min(rate, 1) × weight over the figures the form supports (:func:`money.figures`)."""
    funds, weight = case.funds, profile.budget.weight
    rate = figures(funds).rate
    verified = min(rate, Decimal(1)) * weight if rate is not None else None
    if funds.claimed_score is not None and not is_unread(funds, "claimed_score"):
        claimed, from_form = funds.claimed_score, True
    elif funds.claimed_rate is not None and not is_unread(funds, "claimed_rate"):
        claimed, from_form = min(funds.claimed_rate / 100, Decimal(1)) * weight, True
    else:
        claimed, from_form = verified, False
    return BudgetScore(weight, rate, verified, claimed, from_form)


# --- the case --------------------------------------------------------------------------


def score_case(case: Case, profile: Profile, taxonomy: Taxonomy) -> CaseScore:
    fallback = taxonomy.level1[0].name
    rows, unread_rows = [], []
    for index, row in enumerate(case.indicators):
        if row.not_applicable or is_blank_row(row):
            continue
        if unverifiable(case, row) is not None:
            unread_rows.append((index, row))
            continue
        category = taxonomy.resolve(row.level1, row.level2)
        rows.append((index, row, category.name if category else fallback))
    weights = _weights(rows, profile)
    year = case.project.year
    scores = tuple(
        _score_indicator(index, row, category, *weights[index], profile, year)
        for index, row, category in rows
    )
    budget = _score_budget(case, profile)

    # A budget row with no 执行数 (or no budget) is not a 0% rate: its weight is points the
    # evidence cannot speak to, so it joins the unsupported weight of the share and the case
    # is not graded on a total that would count it as 0.  A verified budget row is left out
    # of the share, which measures the indicators (framework.md §3.1, §3.5).
    budget_unsupported = budget.verified is None and budget.weight > 0
    total_weight = sum((s.weight for s in scores), ZERO)
    if budget_unsupported:
        total_weight += budget.weight
    evidenced = sum((s.weight for s in scores if s.evidence is not Evidence.UNSUPPORTED), ZERO)
    share = evidenced / total_weight if total_weight > 0 else ZERO
    supported = (budget.verified or ZERO) + sum((s.verified for s in scores), ZERO)

    if case.project.review.strip():
        status, why = Status.NEEDS_REVIEW, "review"
    elif not case.project.has_form:
        status, why = Status.NOT_DEMONSTRATED, "no-form"
    elif is_unread(case.project, "indicators"):
        status, why = Status.NOT_DEMONSTRATED, "unread-indicators"  # never "no indicators"
    elif case.project.incomplete.strip():
        # rows cut off are not rows scored 0: the visible part is scored, not graded
        status, why = Status.NOT_DEMONSTRATED, "incomplete"
    elif unread_rows or (budget_unsupported and funds_unread(case)):
        status, why = Status.NOT_DEMONSTRATED, "unread"  # what was read is scored, not graded
    elif not scores:
        status, why = Status.NOT_DEMONSTRATED, "no-indicators"
    elif rounded(share, 6) < profile.evidence.min_share:  # 1/3 + 1/3 … must not fall short
        status, why = Status.NOT_DEMONSTRATED, "thin-evidence"
    elif budget_unsupported:
        status, why = Status.NOT_DEMONSTRATED, "no-execution"
    else:
        status, why = Status.RATED, ""

    claimed_total: Decimal | None
    # a row that could not be scored claims the 得分 read on it; without one (not read, or
    # blank beside a cell not read) its claim is unknown, and so is their sum
    unread_claims = [None if is_unread(r, "score") else r.score for _, r in unread_rows]
    if case.narrative.claimed_total is not None and not is_unread(case.narrative, "claimed_total"):
        claimed_total, total_from_form = case.narrative.claimed_total, True
    elif case.project.has_form and (scores or unread_rows) and None not in unread_claims:
        claimed_total = rounded((budget.claimed or ZERO) + sum((s.claimed for s in scores), ZERO)
                                + sum(unread_claims, ZERO))  # type: ignore[arg-type]
        total_from_form = budget.claimed_from_form and all(s.claimed_from_form for s in scores)
    else:
        claimed_total, total_from_form = None, False

    # the totals are reported, graded and compared as rounded (2 places): the gap shown is
    # the difference of the totals shown, and 89.996 is graded as the 90.00 it is shown as
    verified_total = rounded(supported) if status is Status.RATED else None
    return CaseScore(
        profile=profile.id,
        budget=budget,
        indicators=scores,
        evidence_share=share,
        status=status,
        status_reason=why,
        supported=supported,
        claimed_total=claimed_total,
        claimed_total_from_form=total_from_form,
        verified_total=verified_total,
        claimed_grade=_grade(profile, claimed_total),
        verified_grade=_grade(profile, verified_total),
        unverifiable=tuple(index for index, _ in unread_rows),
    )


def _grade(profile: Profile, total: Decimal | None) -> GradeBand | None:
    return None if total is None else profile.grade(rounded(total))
