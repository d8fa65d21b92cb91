"""The report: every result of a run, and the summary built as results stream past."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs

from .findings import Finding, Severity
from .loader import LoadFailure
from .model import Case, Department
from .numbers import ZERO
from .scoring import CaseScore, Status

__all__ = ["CaseResult", "DepartmentResult", "Report", "Result", "Summary", "SummaryBuilder"]


@attrs.frozen
class CaseResult:
    location: str
    case: Case
    score: CaseScore
    findings: tuple[Finding, ...] = ()


@attrs.frozen
class DepartmentResult:
    location: str
    department: Department
    findings: tuple[Finding, ...] = ()


Result = CaseResult | DepartmentResult


@attrs.frozen
class Summary:
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


@attrs.define
class SummaryBuilder:
    """Accumulates the summary one result at a time, so results need not be kept."""

    grade_order: list[str] = attrs.Factory(list)
    projects: int = 0
    rated: int = 0
    budget: Decimal = ZERO
    executed: Decimal = ZERO
    departments: int = 0
    failures: int = 0
    grades: Counter[str] = attrs.Factory(Counter)
    severities: Counter[str] = attrs.Factory(Counter)
    rules: Counter[str] = attrs.Factory(Counter)

    def add(self, item: Result | LoadFailure) -> None:
        if isinstance(item, LoadFailure):
            self.failures += 1
            return
        for finding in item.findings:
            self.severities[finding.severity.label] += 1
            self.rules[finding.code] += 1
        if isinstance(item, DepartmentResult):
            self.departments += 1
            return
        self.projects += 1
        score = item.score
        if score.status is Status.RATED and score.verified_grade is not None:
            self.rated += 1
            self.grades[score.verified_grade.grade] += 1
            if score.verified_grade.grade not in self.grade_order:
                self.grade_order.append(score.verified_grade.grade)
        self.budget += item.case.funds.budget or ZERO
        self.executed += item.case.funds.executed or ZERO

    def build(self, grade_order: tuple[str, ...]) -> Summary:
        """The summary; ``grade_order`` is the profile's bands, best first."""
        order = list(grade_order) + [g for g in self.grade_order if g not in grade_order]
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
        )
