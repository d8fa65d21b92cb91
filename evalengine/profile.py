"""Scoring profiles: the framework's numbers (weights, formulas, tiers, grade bands) as data.

A profile is one TOML file in ``rules/profiles/``; a new province is a new file, not new
code.  Loading checks every key and value, so a typo in a profile is an error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

import attrs

from .loader import ConfigError, Problem, load_config
from .numbers import RoundingMode, rounded
from .resources import rules_dir
from .taxonomy import load_taxonomy

__all__ = ["GradeBand", "Profile", "Tier", "TieredRule", "available_profiles", "load_profile"]


@attrs.frozen
class BudgetRule:
    weight: Decimal
    # linear_capped: min(rate, 1) × weight (10号); linear: rate × weight as printed ("20分×执行率",
    # pmkpi's Σ执行/Σ预算 × 10).  The verified score never exceeds the weight either way; the
    # formula says what a form's own 得分 is checked against.
    formula: Literal["linear_capped", "linear"] = "linear_capped"


@attrs.frozen
class RoundingRule:
    """How the form itself rounds a computed score (framework.md §9): half up or truncated,
    to ``places`` decimals (2, 1 or 0).  A score printed that way is not an error."""

    places: int = 2
    mode: RoundingMode = "half_up"


@attrs.frozen
class Band:
    """One tier of a tiered quantitative rule: a value within [min, max] earns ``fraction``."""

    fraction: Decimal
    min: Decimal | None = None
    max: Decimal | None = None

    def holds(self, value: Decimal) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@attrs.frozen
class TieredRule:
    """Tiered quantitative scoring (成本控制率 ±10% → 5, ±15% → 3 …; framework.md §9).

    Applies to a 三级 row whose name contains one of ``names`` and whose actual is a number;
    ``value`` says what the bands read: the actual, or its size (a ± deviation).  The first
    band holding the value gives the fraction of the weight; none holding gives 0.
    """

    label: str
    names: tuple[str, ...]
    bands: tuple[Band, ...]
    value: Literal["actual", "abs_actual"] = "actual"

    def applies(self, name: str) -> bool:
        return any(word in name for word in self.names)

    def fraction(self, value: Decimal) -> Decimal:
        measured = abs(value) if self.value == "abs_actual" else value
        return next((band.fraction for band in self.bands if band.holds(measured)), Decimal(0))


@attrs.frozen
class IndicatorRule:
    total: Decimal
    level1: dict[str, Decimal] = attrs.Factory(dict)


@attrs.frozen
class QuantitativeRule:
    reverse: Literal["linear_to_zero_at_2x", "target_over_actual"] = "linear_to_zero_at_2x"
    overachieve_flag_ratio: Decimal = Decimal("1.3")
    strict_limit_fraction: Decimal = Decimal("0.8")  # actual = target of a strict > or <
    tiered: tuple[TieredRule, ...] = ()


@attrs.frozen
class TimelinessRule:
    late_fraction: Decimal = Decimal("0.6")


@attrs.frozen
class Tier:
    label: str
    min: Decimal
    max: Decimal
    default: Decimal


TierName = Literal["achieved", "partial", "missed"]


@attrs.frozen
class QualitativeRule:
    tiers: dict[TierName, Tier]
    claims: dict[Literal["achieved", "mostly", "partial", "missed"], TierName]


@attrs.frozen
class EvidenceRule:
    min_share: Decimal = Decimal("0.5")
    # what a bare claim (完成, 全面完成 … and nothing else) earns in the verified score, as a
    # fraction of what its tier would give; 0: a word the form cannot support earns nothing
    bare_claim_fraction: Decimal = Decimal(0)


@attrs.frozen
class GradeBand:
    grade: str
    grade_en: str
    min: Decimal


@attrs.frozen
class GradeRule:
    bands: tuple[GradeBand, ...]


@attrs.frozen
class Section:
    """A section of a rubric profile (决策, 管理 …): the words of a printed 一级 label that
    place a row in it, its points (None: as the form prints them), and whether its items are
    scored against a 评分标准 (rubric) rather than as a target against an actual."""

    name: str
    words: tuple[str, ...]
    points: Decimal | None = None
    rubric: bool = True


@attrs.frozen
class Profile:
    id: str
    name: str
    name_en: str
    source: str
    total: Decimal
    budget: BudgetRule
    indicators: IndicatorRule
    quantitative: QuantitativeRule
    timeliness: TimelinessRule
    qualitative: QualitativeRule
    evidence: EvidenceRule
    grades: GradeRule
    # scored: target vs actual rows with 分值/得分; rubric: items scored against a 评分标准
    # in ``sections`` (决策/管理/…); unscored: no 分值/得分, rates and consistency only
    kind: Literal["scored", "rubric", "unscored"] = "scored"
    rounding: RoundingRule = RoundingRule()
    sections: tuple[Section, ...] = ()  # a rubric's sections
    layout: str = ""  # what the form looks like, for `evalengine profiles`
    layout_en: str = ""

    def round(self, value: Decimal) -> Decimal:
        """``value`` as this profile's form prints a computed score."""
        return rounded(value, self.rounding.places, self.rounding.mode)

    def section(self, level1: str) -> Section | None:
        """The section a printed 一级 label belongs to (the first whose word it contains)."""
        return next((s for s in self.sections if any(w in level1 for w in s.words)), None)

    def grade(self, total: Decimal) -> GradeBand:
        """The band a total falls in (bands are checked from the highest minimum down)."""
        for band in sorted(self.grades.bands, key=lambda b: b.min, reverse=True):
            if total >= band.min:
                return band
        return min(self.grades.bands, key=lambda b: b.min)


TIER_NAMES: tuple[str, ...] = TierName.__args__  # type: ignore[attr-defined]
CLAIM_LEVELS = ("achieved", "mostly", "partial", "missed")


def _check(profile: Profile, location: str, categories: tuple[str, ...] = ()) -> None:
    """What the structure alone cannot say: sums, ranges, and names that must refer to
    something (a tier, a taxonomy category).  ``categories``: the 一级 names of
    rules/taxonomy.toml."""
    problems = []
    if profile.budget.weight + profile.indicators.total != profile.total:
        problems.append(Problem("$.total", "invalid", "budget.weight + indicators.total must equal total"))
    if profile.indicators.level1 and sum(profile.indicators.level1.values()) != profile.indicators.total:
        problems.append(Problem("$.indicators.level1", "invalid", "一级 weights must sum to indicators.total"))
    for name in categories and profile.indicators.level1:
        if name not in categories:
            problems.append(Problem(f"$.indicators.level1.{name}", "invalid",
                                    f"not a 一级 category of rules/taxonomy.toml ({', '.join(categories)})"))
    tiers = profile.qualitative.tiers
    for name in TIER_NAMES:
        if name not in tiers:
            problems.append(Problem(f"$.qualitative.tiers.{name}", "missing-key"))
    for name, tier in tiers.items():
        if name not in TIER_NAMES:
            problems.append(Problem(f"$.qualitative.tiers.{name}", "unknown-key", ", ".join(TIER_NAMES)))
        elif not (0 <= tier.min <= tier.default <= tier.max <= 1):
            problems.append(Problem(f"$.qualitative.tiers.{name}", "invalid", "need 0 ≤ min ≤ default ≤ max ≤ 1"))
    for level in CLAIM_LEVELS:
        if level not in profile.qualitative.claims:
            problems.append(Problem(f"$.qualitative.claims.{level}", "missing-key"))
    for level, tier_name in profile.qualitative.claims.items():
        if level not in CLAIM_LEVELS:
            problems.append(Problem(f"$.qualitative.claims.{level}", "unknown-key", ", ".join(CLAIM_LEVELS)))
        elif tier_name not in tiers:
            problems.append(Problem(f"$.qualitative.claims.{level}", "invalid",
                                    f"{tier_name!s}: not a tier of this profile ({', '.join(tiers)})"))
    if not 0 <= profile.quantitative.strict_limit_fraction <= 1:
        problems.append(Problem("$.quantitative.strict_limit_fraction", "invalid", "need 0 ≤ fraction ≤ 1"))
    if not profile.grades.bands:
        problems.append(Problem("$.grades.bands", "invalid", "at least one band"))
    if not 0 <= profile.rounding.places <= 4:
        problems.append(Problem("$.rounding.places", "invalid", "need 0 ≤ places ≤ 4"))
    if not 0 <= profile.evidence.bare_claim_fraction <= 1:
        problems.append(Problem("$.evidence.bare_claim_fraction", "invalid", "need 0 ≤ fraction ≤ 1"))
    for i, tiered in enumerate(profile.quantitative.tiered):
        if not tiered.names:
            problems.append(Problem(f"$.quantitative.tiered[{i}].names", "invalid", "at least one word"))
        for j, band in enumerate(tiered.bands):
            if not 0 <= band.fraction <= 1:
                problems.append(Problem(f"$.quantitative.tiered[{i}].bands[{j}].fraction", "invalid",
                                        "need 0 ≤ fraction ≤ 1"))
    if profile.kind == "rubric" and not profile.sections:
        problems.append(Problem("$.sections", "missing-key", "a rubric profile names its sections"))
    points = [s.points for s in profile.sections]
    if points and None not in points and sum(points) != profile.total:  # type: ignore[arg-type]
        problems.append(Problem("$.sections", "invalid", "section points must sum to total"))
    if problems:
        raise ConfigError(location, tuple(problems))


def available_profiles(directory: Path | None = None) -> list[str]:
    folder = (directory or rules_dir()) / "profiles"
    return sorted(p.stem for p in folder.glob("*.toml"))


# a profile id is a file name in rules/profiles/: anything else (a separator, a name too
# long for the file system, a control character) is an unknown profile, never an OSError
_PROFILE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


@cache
def load_profile(profile_id: str, directory: Path | None = None) -> Profile:
    """Load ``rules/profiles/<profile_id>.toml``; raise ConfigError naming what is wrong."""
    folder = (directory or rules_dir()) / "profiles"
    path = folder / f"{profile_id}.toml"
    if not _PROFILE_ID.fullmatch(profile_id) or not path.is_file():
        known = ", ".join(available_profiles(directory))
        raise ConfigError(str(path), (Problem("$.project.profile", "unknown-profile", known),))
    profile = load_config(path, Profile)
    if profile.id != profile_id:
        raise ConfigError(str(path), (Problem("$.id", "invalid", f"id must be the file name \"{profile_id}\""),))
    _check(profile, str(path), load_taxonomy(directory).names())
    return profile
