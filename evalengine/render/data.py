"""Results as plain data (str, int, bool, None, lists, dicts): the common ground of every
machine format.  Decimals become strings rounded by the engine's one rule, so JSON readers
never see binary floats.  The shape is documented in docs/report-format.md.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..findings import Finding
from ..i18n import Lang, problem_text, text
from ..loader import LoadFailure
from ..numbers import HUNDRED, rounded
from ..report import CaseResult, DepartmentResult, Summary
from ..values import Claim, Empty, Quantity, Text, Value, When

__all__ = [
    "SCHEMA",
    "case_record",
    "department_record",
    "failure_record",
    "finding_record",
    "num",
    "summary_record",
]

SCHEMA = "evalengine.report/1"


def num(value: Decimal | None) -> str | None:
    """A Decimal as a string with two places (the engine's rounding rule), or None."""
    return None if value is None else str(rounded(value))


def percent(value: Decimal | None) -> str | None:
    return None if value is None else str(rounded(value * HUNDRED))


def value_record(value: Value) -> dict[str, Any]:
    if isinstance(value, Quantity):
        return {"kind": "quantity", "operator": value.operator.value, "amount": str(value.amount),
                "unit": value.unit}
    if isinstance(value, When):
        return {"kind": "date", "operator": value.operator.value,
                "latest": value.latest.isoformat() if value.latest else None}
    if isinstance(value, Claim):
        return {"kind": "claim", "level": value.level.value}
    if isinstance(value, Text):
        return {"kind": "text"}
    assert isinstance(value, Empty)
    return {"kind": "empty"}


def finding_record(finding: Finding, lang: Lang = "zh") -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.label,
        "file": finding.location,
        "path": finding.path,
        "message": finding.message_en if lang == "en" else finding.message,
        "expected": finding.expected,
        "found": finding.found,
    }


def case_record(result: CaseResult, lang: Lang = "zh") -> dict[str, Any]:
    case, score = result.case, result.score
    budget = score.budget
    return {
        "file": result.location,
        "name": case.project.name,
        "department": case.project.department,
        "implementer": case.project.implementer,
        "year": case.project.year,
        "profile": score.profile,
        "has_form": case.project.has_form,
        "status": score.status.value,
        "status_reason": score.status_reason or None,
        "funds": {
            "budget": num(case.funds.budget),
            "executed": num(case.funds.executed),
            "rate": percent(budget.rate),
            "weight": num(budget.weight),
            "claimed": num(budget.claimed),
            "verified": num(budget.verified),
        },
        "claimed_total": num(score.claimed_total),
        "claimed_from_form": score.claimed_total_from_form,
        "verified_total": num(score.verified_total),
        "supported_points": num(score.supported),
        "gap": num(score.gap),
        "claimed_grade": score.claimed_grade.grade if score.claimed_grade else None,
        "verified_grade": score.verified_grade.grade if score.verified_grade else None,
        "evidence_share": percent(score.evidence_share),
        "indicators": [
            {
                "path": f"$.indicators[{item.index}]",
                "level1": case.indicators[item.index].level1,
                "level2": case.indicators[item.index].level2,
                "name": case.indicators[item.index].name,
                "category": item.category,
                "target": case.indicators[item.index].target,
                "actual": case.indicators[item.index].actual,
                "target_value": value_record(item.target),
                "actual_value": value_record(item.actual),
                "weight": num(item.weight),
                "weight_from_form": item.weight_from_form,
                "method": item.method,
                "evidence": item.evidence.value,
                "reason": item.reason,
                "reason_text": text(item.reason, lang),
                "achievement": percent(item.achievement),
                "claimed": num(item.claimed),
                "claimed_from_form": item.claimed_from_form,
                "verified": num(item.verified),
            }
            for item in score.indicators
        ],
        "findings": [finding_record(f, lang) for f in result.findings],
    }


def department_record(result: DepartmentResult, lang: Lang = "zh") -> dict[str, Any]:
    return {
        "file": result.location,
        "name": result.department.name,
        "year": result.department.department.year,
        "figures": len(result.department.figures),
        "findings": [finding_record(f, lang) for f in result.findings],
    }


def failure_record(failure: LoadFailure, lang: Lang = "zh") -> dict[str, Any]:
    return {
        "file": failure.location,
        "problems": [
            {"path": p.path, "kind": p.kind, "message": problem_text(p.kind, p.detail, lang)}
            for p in failure.problems
        ],
    }


def summary_record(summary: Summary) -> dict[str, Any]:
    return {
        "projects": summary.projects,
        "rated": summary.rated,
        "not_demonstrated": summary.not_demonstrated,
        "by_grade": dict(summary.by_grade),
        "budget": num(summary.budget),
        "executed": num(summary.executed),
        "departments": summary.departments,
        "failures": summary.failures,
        "findings": dict(summary.findings),
        "rules": dict(summary.rules),
    }
