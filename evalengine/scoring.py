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
from typing import NamedTuple

import attrs

from .facts import CaseFacts, case_facts
from .model import Case, Indicator
from .numbers import ZERO, rounded
from .profile import GradeBand, Profile, Tier
from .provenance import funds_unread, is_unread
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
    "EvidenceClass",
    "IndicatorScore",
    "Status",
    "is_money_spent_short",
    "score_case",
    "score_quantity",
]


class Evidence(enum.Enum):
    """What an indicator's verified score rests on."""

    MEASURED = "measured"  # a number or date compared with its target
    QUALITATIVE = "qualitative"  # a qualitative target, scored within the tier the actual describes
    CLAIM = "claim"  # a bare claim (完成, 全面完成 …): the department's word, not evidence
    UNSUPPORTED = "unsupported"  # nothing the target can be checked against


class EvidenceClass(enum.Enum):
    """What an indicator row's actual is, as the report shows it (framework.md §3.6).

    Only measured, dated and described rows count toward the evidence share.
    """

    MEASURED = "measured"  # a number against a number
    DATED = "dated"  # a date against a date
    DESCRIBED = "described"  # a qualitative actual that says what was achieved
    BARE_CLAIM = "bare_claim"  # 完成, 已完成, 全面完成, 达到 … with nothing else (or the target copied)
    UNVERIFIABLE = "unverifiable"  # an actual that cannot be set against its target (unit, kind)
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"  # no actual (or no target to set it against)

    @property
    def counts(self) -> bool:
        return self in (EvidenceClass.MEASURED, EvidenceClass.DATED, EvidenceClass.DESCRIBED)


class Status(enum.Enum):
    RATED = "rated"  # 已评级
    NOT_DEMONSTRATED = "not_demonstrated"  # 结果未证实 (OMB PART: Results Not Demonstrated)
    NEEDS_REVIEW = "needs_review"  # 待复核: the importer read the form too poorly to score it


class IndicatorScore(NamedTuple):
    """One scored indicator row.  Immutable, and a tuple: one is made per row of every
    case, at a fraction of a frozen record's cost (15 fields)."""

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
    evidence_class: EvidenceClass = EvidenceClass.MISSING


@attrs.frozen
class BudgetScore:
    weight: Decimal
    rate: Decimal | None  # 全年执行数 / 全年预算数, a fraction; None when it cannot be computed
    verified: Decimal | None
    claimed: Decimal | None  # None: the form's 得分 cell is blank ("not given")
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
    # rows marked 不适用: shown with their evidence class, never scored (weight 0)
    not_applicable: tuple[IndicatorScore, ...] = ()
    # rows left out because a field scoring needs was not read (provenance.unverifiable):
    # not scored, not a miss, not in the evidence share
    unverifiable: tuple[int, ...] = ()

    @property
    def gap(self) -> Decimal | None:
        if self.claimed_total is None or self.verified_total is None:
            return None
        return self.claimed_total - self.verified_total


_TITLE_RE = re.compile(r"《[^》]+》")
_LIST_SEPARATORS_RE = re.compile(r"[、，,；;和及与]")


def enumerated_items(name: str) -> int:
    """How many items a 三级 name lists (《A》、《B》 → 2; 甲、乙、丙 → 3), or 0."""
    titles = _TITLE_RE.findall(name)
    if len(titles) >= 2:
        return len(titles)
    parts = [p for p in _LIST_SEPARATORS_RE.split(name) if p.strip()]
    return len(parts) if len(parts) >= 2 else 0


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


def _direction(target: Value, row: Indicator, taxonomy: Taxonomy) -> tuple[Value, bool]:
    """(target, direction unknown): a bare target ("3%": no ≥/≤ in the cell, none in the
    指标性质 column) on a row whose name says less is better (预算调整率) is a ceiling.
    Direction unknown: the 指标性质 column names only the kind (定量指标), so the form printed
    no direction and the name gives none either."""
    if not (isinstance(target, Quantity) and target.operator is Operator.EQ
            and target.upper is None and target.amount > 0):
        return target, False
    if taxonomy.lower_is_better_name(row.name):
        return attrs.evolve(target, operator=Operator.LE), False
    if target.dimension is Dimension.COUNT or taxonomy.higher_is_better_name(row.name):
        return target, False  # things done, or a rate whose name says more is better: at least
    return target, taxonomy.names_kind_only(row.operator)


def _score_indicator(
    facts: CaseFacts, index: int, row: Indicator, category: str, weight: Decimal,
    from_form: bool, profile: Profile, year: int | None, taxonomy: Taxonomy,
) -> IndicatorScore:
    target, actual = facts.rows[index].target, facts.rows[index].actual
    target, no_direction = _direction(target, row, taxonomy)
    each_unknown = False
    if isinstance(target, Quantity) and target.each and target.dimension in (Dimension.COUNT, Dimension.MONEY):
        # "各印刷250册" under a row naming 《A》、《B》: 250 each, 500 in all
        items = enumerated_items(row.name)
        if items >= 2:
            target = attrs.evolve(target, amount=target.amount * items,
                                  upper=target.upper * items if target.upper is not None else None)
        else:
            each_unknown = True
    if (isinstance(target, Quantity) and target.dimension is Dimension.MONEY
            and isinstance(actual, Quantity) and actual.dimension is Dimension.PLAIN):
        # "≤90万元" answered "90": the bare number is in the unit the target was written in
        written = _MONEY_UNIT.findall(target.text)
        if written:
            actual = parse_value(row.actual, unit=written[-1], default_year=year)
    method, evidence, reason, verified = "none", Evidence.UNSUPPORTED, "", ZERO
    kind = EvidenceClass.UNVERIFIABLE
    achievement: Decimal | None = None
    tier = ""
    face: Decimal  # what the department's claim implies, taken at face value
    bare = profile.evidence.bare_claim_fraction  # what a bare claim earns of its tier
    section = profile.section(row.level1) if profile.kind == "rubric" else None

    if each_unknown:
        reason, face = "each-unknown-count", weight  # per item, but of how many items?
    elif section is not None and section.rubric:
        # an item scored against a 评分标准: the form shows what was found, or nothing
        method = "rubric"
        if isinstance(actual, Empty):
            kind, reason, face = EvidenceClass.MISSING, "rubric-no-evidence", weight
        elif isinstance(actual, Claim) or facts.copies_target(index):
            kind, evidence, reason, face = EvidenceClass.BARE_CLAIM, Evidence.CLAIM, "rubric-bare", weight
        else:
            kind, evidence, reason = EvidenceClass.DESCRIBED, Evidence.QUALITATIVE, "rubric-described"
            verified = face = weight
    elif isinstance(actual, Empty):
        kind, reason, face = EvidenceClass.MISSING, "missing-actual", ZERO
    elif isinstance(target, Empty):
        kind, reason, face = EvidenceClass.MISSING, "missing-target", weight
    elif isinstance(target, Quantity):
        if isinstance(actual, Quantity) and _ambiguous_fraction(target, actual, row.actual):
            reason = "ambiguous-fraction"  # at face value the fraction is a percentage
            face = score_quantity(target.operator, target.amount, actual.amount * 100, weight,
                                  profile, target.upper)[0]
        elif isinstance(actual, Quantity) and _compatible(target, actual):
            tiered = next((t for t in profile.quantitative.tiered if t.applies(row.name)), None)
            if tiered is not None:
                verified, method = tiered.fraction(actual.amount) * weight, "tiered"
                reason = "met" if verified >= weight else "shortfall"
            elif no_direction and actual.amount != target.amount:
                # "定量指标 100% → 92%": met if more is better, missed if less is; the form does
                # not say which, so the row is not verified rather than reported as a miss
                verified, method, reason = ZERO, "none", "no-direction"
            else:
                verified, method, reason = score_quantity(
                    target.operator, target.amount, actual.amount, weight, profile, target.upper
                )
            kind, evidence, face = EvidenceClass.MEASURED, Evidence.MEASURED, verified
            if reason == "no-direction":
                kind, evidence, face = EvidenceClass.UNVERIFIABLE, Evidence.UNSUPPORTED, weight
            elif target.amount > 0:
                achievement = max(actual.amount, ZERO) / target.amount
            elif target.amount < 0:  # a decrease: how much of the decrease was made
                achievement = max(-actual.amount, ZERO) / -target.amount
        elif isinstance(actual, Quantity):
            reason, face = "unit-mismatch", weight
        elif isinstance(actual, Claim):
            tier = _claim_tier(profile, actual)
            kind, reason, face = EvidenceClass.BARE_CLAIM, "word-for-number", _tier(profile, tier).default * weight
        else:
            reason, face = "text-for-number", weight
    elif isinstance(target, When):
        if isinstance(actual, When) and target.latest and actual.latest:
            kind, evidence, method = EvidenceClass.DATED, Evidence.MEASURED, "timeliness"
            if actual.latest <= target.latest:
                verified, reason = weight, "on-time"
            else:
                verified, reason = profile.timeliness.late_fraction * weight, "late"
            face = verified
        elif isinstance(actual, Claim):
            tier = _claim_tier(profile, actual)
            kind, evidence, method, reason = EvidenceClass.BARE_CLAIM, Evidence.CLAIM, "qualitative", "claimed-on-time"
            face = _tier(profile, tier).default * weight
            verified = bare * face
        else:
            reason, face = "no-date", weight
    elif isinstance(target, Text) and target.quantities and isinstance(actual, Claim):
        tier = _claim_tier(profile, actual)
        kind, reason, face = EvidenceClass.BARE_CLAIM, "word-for-number", _tier(profile, tier).default * weight
    elif isinstance(actual, Claim):
        tier = _claim_tier(profile, actual)
        kind, evidence, method, reason = EvidenceClass.BARE_CLAIM, Evidence.CLAIM, "qualitative", f"bare-{tier}"
        face = _tier(profile, tier).default * weight
        verified = bare * face
    elif isinstance(actual, Text):
        # a description is placed in a tier by what it says (framework.md §3.3); one that
        # neither affirms nor denies, or copies the target (I315), cannot be placed
        level = text_level(actual.text)
        if facts.copies_target(index):
            kind, reason, face = EvidenceClass.BARE_CLAIM, "text-repeats-target", weight
        elif level is None:
            reason, face = "text-unrated", weight
        else:
            tier = profile.qualitative.claims[level.value]  # type: ignore[index]
            kind, evidence, method, reason = EvidenceClass.DESCRIBED, Evidence.QUALITATIVE, "qualitative", f"tier-{tier}"
            verified = face = _tier(profile, tier).default * weight
    else:
        reason, face = "unmeasurable-target", weight

    claimed, claimed_from_form = face, False
    if row.score is not None and not (row.unread.items and is_unread(row, "score")):
        claimed, claimed_from_form = row.score, True
        scale = row.weight if row.weight else weight
        if evidence in (Evidence.QUALITATIVE, Evidence.CLAIM) and scale > 0:
            # the department's own score, capped at the top of the tier its actual claims
            # (a bare claim: at what the profile lets a bare claim earn); never raised to the
            # tier's floor: verified never exceeds what was claimed
            own = row.score if weight == scale else row.score * weight / scale  # exact when unscaled
            cap = _tier(profile, tier).max * weight if tier else weight
            if evidence is Evidence.CLAIM:
                cap *= bare
            verified = min(own, cap)
    # the fields in IndicatorScore's order, made without the NamedTuple's keyword __new__
    # (a third of the cost: one per row of every case)
    return _new(IndicatorScore, (
        index, category, weight, from_form, target, actual, method, evidence, reason,
        min(max(verified, ZERO), weight), claimed, claimed_from_form, achievement, tier, kind,
    ))


_new = tuple.__new__  # tests/test_scoring.py checks the field order it relies on


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


def _score_budget(case: Case, profile: Profile, facts: CaseFacts) -> BudgetScore:
    """The profile's budget formula over the figures the form supports (``facts.money``),
    never above the weight."""
    funds, weight = case.funds, profile.budget.weight
    rate = facts.money.rate
    formula = budget_formula(profile, rate, weight)
    verified = min(formula, weight) if formula is not None else None
    if funds.claimed_score is not None and not is_unread(funds, "claimed_score"):
        claimed, from_form = funds.claimed_score, True
    elif facts.scored_form:
        # a blank (or unread) 得分 on a form with 得分 cells is not given: nothing is derived into it
        claimed, from_form = None, False
    else:
        # a form without 分值/得分 columns: its claims taken at face value (its own rate)
        printed = funds.claimed_rate is not None and not is_unread(funds, "claimed_rate")
        rate_claimed = funds.claimed_rate / 100 if printed else rate  # type: ignore[operator]
        claimed, from_form = budget_formula(profile, rate_claimed, weight), False
        claimed = min(claimed, weight) if claimed is not None else None
    return BudgetScore(weight, rate, verified, claimed, from_form)


def budget_formula(profile: Profile, rate: Decimal | None, weight: Decimal) -> Decimal | None:
    """The profile's budget formula on ``rate`` (a fraction): min(rate, 1) × weight, or
    rate × weight where the profile prints it uncapped."""
    if rate is None:
        return None
    if profile.budget.formula == "linear_capped":
        rate = min(rate, Decimal(1))
    return max(rate, ZERO) * weight


def is_money_spent_short(item: IndicatorScore) -> bool:
    """A money amount as a floor (工作经费 = 50万元 answered 49.78万元; 15万元 → 按合同10.5万元):
    less money spent is not less output; budget execution (the F rules) speaks to it."""
    target, actual = item.target, item.actual
    return (item.reason == "shortfall" and isinstance(target, Quantity) and isinstance(actual, Quantity)
            and target.dimension is Dimension.MONEY and actual.dimension is Dimension.MONEY
            and not target.operator.reverse)


# --- the case --------------------------------------------------------------------------


def score_case(case: Case, profile: Profile, taxonomy: Taxonomy,
               facts: CaseFacts | None = None) -> CaseScore:
    """The claimed and verified scores of ``case`` under ``profile``, from its ``facts``
    (found here when not given: the engine finds them once for scoring and the rules)."""
    facts = facts if facts is not None else case_facts(case, taxonomy)
    fallback = taxonomy.level1[0].name
    rows, unread_rows = [], []
    for cells, row in zip(facts.rows, case.indicators):
        if row.not_applicable or not cells.counted:
            continue
        if cells.unverifiable is not None:
            unread_rows.append((cells.index, row))
            continue
        category = cells.category
        rows.append((cells.index, row, category.name if category else fallback))
    weights = _weights(rows, profile)
    year = case.project.year
    skipped = tuple(
        IndicatorScore(
            index=cells.index,
            category=cells.category.name if cells.category else fallback,
            weight=ZERO, weight_from_form=False, target=cells.target, actual=cells.actual,
            method="none", evidence=Evidence.UNSUPPORTED, reason="not-applicable", verified=ZERO,
            claimed=ZERO, claimed_from_form=False, evidence_class=EvidenceClass.NOT_APPLICABLE,
        )
        for cells, row in zip(facts.rows, case.indicators) if row.not_applicable
    )
    scores = tuple(
        _score_indicator(facts, index, row, category, *weights[index], profile, year, taxonomy)
        for index, row, category in rows
    )
    budget = _score_budget(case, profile, facts)

    # A budget row with no 执行数 (or no budget) is not a 0% rate: its weight is points the
    # evidence cannot speak to, so it joins the unsupported weight of the share and the case
    # is not graded on a total that would count it as 0.  A verified budget row is left out
    # of the share, which measures the indicators (framework.md §3.1, §3.5).
    budget_unsupported = budget.verified is None and budget.weight > 0
    total_weight = sum((s.weight for s in scores), ZERO)
    if budget_unsupported:
        total_weight += budget.weight
    evidenced = sum((s.weight for s in scores if s.evidence_class.counts), ZERO)
    share = evidenced / total_weight if total_weight > 0 else ZERO
    supported = (budget.verified or ZERO) + sum((s.verified for s in scores), ZERO)

    if case.project.review:
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
    elif profile.kind == "unscored":
        status, why = Status.NOT_DEMONSTRATED, "unscored"
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
    elif budget.claimed is None and budget.weight > 0 and facts.scored_form:
        claimed_total, total_from_form = None, False  # the budget 得分 is blank or unread: not given
    elif (case.project.has_form and (scores or unread_rows) and None not in unread_claims
          and profile.kind != "unscored"):
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
        not_applicable=skipped,
        unverifiable=tuple(index for index, _ in unread_rows),
    )


def _grade(profile: Profile, total: Decimal | None) -> GradeBand | None:
    return None if total is None else profile.grade(rounded(total))
