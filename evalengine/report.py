"""The report: every result of a run, and the summary built as results stream past."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs

from .findings import Finding, Severity
from .loader import LoadFailure
from .model import Case, Department
from .money import Figures, figures
from .numbers import ZERO, rounded
from .provenance import NotVerified
from .scoring import CaseScore, Status

__all__ = [
    "NOT_DEMONSTRATED",
    "CaseResult",
    "DepartmentResult",
    "Report",
    "Result",
    "Summary",
    "SummaryBuilder",
]


@attrs.frozen
class CaseResult:
    location: str
    case: Case
    score: CaseScore
    findings: tuple[Finding, ...] = ()
    not_verified: tuple[NotVerified, ...] = ()  # what was not read, and the findings withheld
    # the money figures the engine found for the case (CaseFacts.money), so that the summary
    # and the records do not find them again; None: found on demand (see figures)
    money: Figures | None = None

    @property
    def figures(self) -> Figures:
        """The case's money figures: the engine's, or (a result made without them) found now."""
        return self.money if self.money is not None else figures(self.case.funds)


@attrs.frozen
class DepartmentResult:
    location: str
    department: Department
    findings: tuple[Finding, ...] = ()


Result = CaseResult | DepartmentResult


NOT_DEMONSTRATED = "not_demonstrated"  # the verified "grade" of a project that could not be rated
BIN_WIDTH = 10  # score distribution: 0–10, 10–20, …, 90–100 (the last bin includes 100)
BINS = tuple(range(0, 100, BIN_WIDTH))


@attrs.frozen
class Summary:
    """The year at a glance: what every renderer prints under 汇总 / Summary.

    Built by :class:`SummaryBuilder` one result at a time.  Money is exact (rounded only when
    printed); score bins use totals rounded by the one rule, as grades do.
    """

    projects: int
    rated: int
    not_demonstrated: int
    by_grade: tuple[tuple[str, int], ...]  # verified grade → count, in band order
    budget: Decimal  # Σ 全年预算数 over projects, 万元
    executed: Decimal  # Σ 全年执行数
    departments: int
    failures: int
    findings: tuple[tuple[str, int], ...]  # severity label → count
    rules: tuple[tuple[str, int], ...]  # rule code → count, most frequent first
    claimed_by_grade: tuple[tuple[str, int], ...] = ()  # claimed grade → count, in band order
    no_claim: int = 0  # projects with no claimed total (no form, or nothing to add up)
    # (claimed grade or "", verified grade or NOT_DEMONSTRATED, count), in band order
    grade_changes: tuple[tuple[str, str, int], ...] = ()
    # (bin start, projects whose claimed total falls in it, whose verified total does)
    score_bins: tuple[tuple[int, int, int], ...] = ()
    budget_not_demonstrated: Decimal = ZERO  # Σ 全年预算数 of projects whose results are not demonstrated
    # (project.department, projects, findings on them), most findings first
    by_department: tuple[tuple[str, int, int], ...] = ()
    needs_review: int = 0  # of the projects not rated, those marked for review (待复核)

    @property
    def rate(self) -> Decimal | None:
        """Σ executed / Σ budget, a fraction; None with no budget."""
        return self.executed / self.budget if self.budget > 0 else None

    def count(self, severity: Severity) -> int:
        return dict(self.findings).get(severity.label, 0)


@attrs.frozen
class Report:
    results: tuple[Result, ...]
    failures: tuple[LoadFailure, ...]
    summary: Summary

    @property
    def cases(self) -> tuple[CaseResult, ...]:
        return tuple(r for r in self.results if isinstance(r, CaseResult))

    @property
    def departments(self) -> tuple[DepartmentResult, ...]:
        return tuple(r for r in self.results if isinstance(r, DepartmentResult))

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for r in self.results for f in r.findings)


def _bin(total: Decimal) -> int:
    """The 10-point bin a total (rounded to 2 places) falls in; out-of-scale totals go to the ends."""
    start = int(rounded(total) // BIN_WIDTH) * BIN_WIDTH
    return min(max(start, BINS[0]), BINS[-1])


@attrs.define
class SummaryBuilder:
    """Accumulates the summary one result at a time, so results need not be kept.

    Every field is a count or a sum, so builders filled in parallel (one per chunk of files)
    :meth:`merge` into the same summary as one builder fed the same results in order.
    """

    grade_order: list[str] = attrs.Factory(list)
    projects: int = 0
    rated: int = 0
    budget: Decimal = ZERO
    executed: Decimal = ZERO
    budget_not_demonstrated: Decimal = ZERO
    departments: int = 0
    failures: int = 0
    grades: Counter[str] = attrs.Factory(Counter)
    claimed_grades: Counter[str] = attrs.Factory(Counter)
    changes: Counter[tuple[str, str]] = attrs.Factory(Counter)
    claimed_bins: Counter[int] = attrs.Factory(Counter)
    verified_bins: Counter[int] = attrs.Factory(Counter)
    severities: Counter[str] = attrs.Factory(Counter)
    rules: Counter[str] = attrs.Factory(Counter)
    department_projects: Counter[str] = attrs.Factory(Counter)
    department_findings: Counter[str] = attrs.Factory(Counter)
    needs_review: int = 0

    def _grade_seen(self, grade: str) -> None:
        if grade not in self.grade_order:
            self.grade_order.append(grade)

    def add(self, item: Result | LoadFailure) -> None:
        if isinstance(item, LoadFailure):
            self.failures += 1
            return
        findings = item.findings
        if findings:  # counted in C (Counter.update of a list), not a finding at a time
            self.rules.update([finding.code for finding in findings])
            for severity, count in Counter([finding.severity for finding in findings]).items():
                self.severities[severity.label] += count
        if isinstance(item, DepartmentResult):
            self.departments += 1
            return
        self.projects += 1
        score, case = item.score, item.case
        department = case.project.department.strip()
        self.department_projects[department] += 1
        self.department_findings[department] += len(item.findings)
        claimed = score.claimed_grade.grade if score.claimed_grade is not None else ""
        if claimed:
            self.claimed_grades[claimed] += 1
            self._grade_seen(claimed)
        if score.claimed_total is not None:
            self.claimed_bins[_bin(score.claimed_total)] += 1
        money = item.figures
        budget = money.budget or ZERO
        if score.status is Status.RATED and score.verified_grade is not None:
            self.rated += 1
            verified = score.verified_grade.grade
            self.grades[verified] += 1
            self._grade_seen(verified)
        else:
            verified = NOT_DEMONSTRATED
            self.budget_not_demonstrated += budget
            self.needs_review += score.status is Status.NEEDS_REVIEW
        if score.verified_total is not None:
            self.verified_bins[_bin(score.verified_total)] += 1
        self.changes[(claimed, verified)] += 1
        self.budget += budget
        self.executed += money.executed or ZERO

    def merge(self, other: SummaryBuilder) -> None:
        """Add what ``other`` accumulated (the results it saw come after this one's)."""
        for grade in other.grade_order:
            self._grade_seen(grade)
        self.projects += other.projects
        self.rated += other.rated
        self.budget += other.budget
        self.executed += other.executed
        self.budget_not_demonstrated += other.budget_not_demonstrated
        self.departments += other.departments
        self.failures += other.failures
        self.needs_review += other.needs_review
        for name in ("grades", "claimed_grades", "changes", "claimed_bins", "verified_bins",
                     "severities", "rules", "department_projects", "department_findings"):
            getattr(self, name).update(getattr(other, name))

    def build(self, grade_order: tuple[str, ...]) -> Summary:
        """The summary; ``grade_order`` is the profile's bands, best first."""
        order = list(grade_order) + [g for g in self.grade_order if g not in grade_order]
        claimed_rows = [*order, ""]
        verified_cols = [*order, NOT_DEMONSTRATED]
        departments = sorted(self.department_projects,
                             key=lambda d: (-self.department_findings[d], -self.department_projects[d], d))
        return Summary(
            projects=self.projects,
            rated=self.rated,
            not_demonstrated=self.projects - self.rated,
            by_grade=tuple((g, self.grades[g]) for g in order),
            budget=self.budget,
            executed=self.executed,
            departments=self.departments,
            failures=self.failures,
            findings=tuple((s.label, self.severities[s.label]) for s in reversed(Severity)),
            rules=tuple(sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))),
            claimed_by_grade=tuple((g, self.claimed_grades[g]) for g in order),
            no_claim=self.changes_total(""),
            grade_changes=tuple((c, v, self.changes[(c, v)]) for c in claimed_rows
                                for v in verified_cols if self.changes[(c, v)]),
            score_bins=tuple((b, self.claimed_bins[b], self.verified_bins[b]) for b in BINS),
            budget_not_demonstrated=self.budget_not_demonstrated,
            by_department=tuple((d, self.department_projects[d], self.department_findings[d])
                                for d in departments),
            needs_review=self.needs_review,
        )

    def changes_total(self, claimed: str) -> int:
        return sum(n for (c, _), n in self.changes.items() if c == claimed)
