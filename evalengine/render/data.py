"""Results as the typed records every format is handed (:mod:`evalengine.render.records`),
each built once per result, and as flat rows (csv, the xlsx sheets).  Decimals become
strings rounded by the engine's one rule, so JSON readers never see binary floats.  The
JSON shape is documented in docs/report-format.md.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..findings import Finding, Severity
from ..i18n import Lang, problem_text, text
from ..loader import LoadFailure
from ..model import Indicator
from ..numbers import HUNDRED, rounded
from ..provenance import NotVerified, load_provenance
from ..report import BIN_WIDTH, CaseResult, DepartmentResult, Report, Summary
from ..review import review_words
from ..scoring import IndicatorScore
from ..standin import shown_name
from ..values import Claim, Empty, Quantity, Text, Value, When
from .records import (
    CaseRecord,
    ClaimValue,
    DateValue,
    DepartmentRecord,
    EmptyValue,
    FailureRecord,
    FindingRecord,
    FundsRecord,
    IndicatorRecord,
    NotVerifiedRecord,
    ProblemRecord,
    QuantityValue,
    Record,
    TextValue,
    ValueRecord,
)

__all__ = [
    "FINDING_COLUMNS",
    "INDICATOR_COLUMNS",
    "PROJECT_COLUMNS",
    "SCHEMA",
    "case_record",
    "department_record",
    "failure_record",
    "finding_record",
    "finding_rows",
    "indicator_rows",
    "not_verified_text",
    "num",
    "project_row",
    "record_of",
    "report_records",
    "summary_record",
]

SCHEMA = "evalengine.report/1"


def num(value: Decimal | None) -> str | None:
    """A Decimal as a string with two places (the engine's rounding rule), or None."""
    return None if value is None else str(rounded(value))


def percent(value: Decimal | None) -> str | None:
    return None if value is None else str(rounded(value * HUNDRED))


def value_record(value: Value) -> ValueRecord:
    # an enum member's ``_value_`` (the attribute ``.value`` reads through a descriptor, a
    # Python call: three a row); the kind found by the value's class (each a final attrs
    # class), a subclass by isinstance as before
    make = _VALUE_RECORDS.get(value.__class__)
    if make is not None:
        return make(value)
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, When):
        return _date(value)
    if isinstance(value, Claim):
        return _claim(value)
    if isinstance(value, Text):
        return _TEXT
    assert isinstance(value, Empty)
    return _EMPTY


def _quantity(value: Quantity) -> ValueRecord:
    return QuantityValue(value.operator._value_, str(value.amount), value.unit)


def _date(value: When) -> ValueRecord:
    return DateValue(value.operator._value_, value.latest.isoformat() if value.latest else None)


def _claim(value: Claim) -> ValueRecord:
    return ClaimValue(value.level._value_)


_TEXT, _EMPTY = TextValue(), EmptyValue()
_VALUE_RECORDS = {Quantity: _quantity, When: _date, Claim: _claim,
                  Text: lambda _: _TEXT, Empty: lambda _: _EMPTY}


def finding_record(finding: Finding, lang: Lang = "zh") -> FindingRecord:
    """The finding as printed: its words are formatted when a renderer first reads them."""
    return FindingRecord(finding.code, _SEVERITY[finding.severity], finding.location,
                         finding.path, finding, lang)


_SEVERITY = {severity: severity.label for severity in Severity}


def _indicator_record(item: IndicatorScore, row: Indicator, lang: Lang,
                      words: tuple[dict[str, str], dict[str, str]] | None = None) -> IndicatorRecord:
    evidence_class = item.evidence_class._value_
    classes, reasons = words if words is not None else _words_of(lang)
    index = item.index
    return IndicatorRecord(  # positional, in the fields' order (a call with keywords costs more)
        _PATHS[index] if index < len(_PATHS) else f"$.indicators[{index}]",
        row.level1, row.level2, row.name, item.category,
        row.target, row.actual, value_record(item.target), value_record(item.actual),
        num(item.weight), item.weight_from_form, item.method, item.evidence._value_,
        evidence_class, classes.get(evidence_class) or _word(
            classes, evidence_class, "evidence_class." + evidence_class, lang), item.reason,
        reasons.get(item.reason) or _word(reasons, item.reason, item.reason, lang),
        percent(item.achievement), num(item.claimed), item.claimed_from_form, num(item.verified))


_PATHS = [f"$.indicators[{i}]" for i in range(256)]  # a row's key path, made once
# lang → ({evidence class: its text}, {reason: its text}), filled as met
_WORDS: dict[str, tuple[dict[str, str], dict[str, str]]] = {}


def _words_of(lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    return _WORDS.get(lang) or _WORDS.setdefault(lang, ({}, {}))


def _word(words: dict[str, str], name: str, key: str, lang: Lang) -> str:
    """``text(key, lang)``, kept by ``name`` (the few reasons and evidence classes)."""
    found = words[name] = text(key, lang)
    return found


def _not_verified_record(item: NotVerified, result: CaseResult, lang: Lang) -> NotVerifiedRecord:
    name, sections = "", load_provenance().sections
    if item.path.startswith("$.indicators["):
        index = int(item.path[len("$.indicators["):].split("]")[0])
        name = result.case.indicators[index].name
    elif item.path.removeprefix("$.") in sections:  # a whole section
        zh, en = sections[item.path.removeprefix("$.")]
        name = en if lang == "en" else zh
    return NotVerifiedRecord(item.path, name, item.reason,
                             load_provenance().reason_text(item.reason, lang), tuple(item.rules))


def not_verified_text(item: NotVerifiedRecord, lang: Lang = "zh") -> str:
    """One entry of the not-verified list as a line: ``$.indicators[3].score（群众满意度）
    未能读取（表格截断）；未检查：S207``."""
    zh = lang != "en"
    name = (f"（{item.name}）" if zh else f" ({item.name})") if item.name else ""
    line = (f"{item.path}{name} {text('not_read', lang)}（{item.reason_text}）" if zh
            else f"{item.path}{name} {text('not_read', lang)} ({item.reason_text})")
    if item.rules:
        codes = ("、" if zh else ", ").join(item.rules)
        line += f"；{text('not_checked', lang)}：{codes}" if zh else f"; {text('not_checked', lang)}: {codes}"
    return line


_INDEX = operator.attrgetter("index")


def case_record(result: CaseResult, lang: Lang = "zh") -> CaseRecord:
    case, score = result.case, result.score
    budget, money = score.budget, result.figures
    project = case.project
    rows, words = case.indicators, _words_of(lang)
    return CaseRecord(
        file=result.location,
        name=shown_name(project.name, lang),  # a stand-in worded in the run's language
        department=project.department,
        implementer=project.implementer,
        year=project.year,
        profile=score.profile,
        has_form=project.has_form,
        status=score.status.value,
        status_reason=score.status_reason or None,
        funds=FundsRecord(num(money.budget), num(money.executed), percent(budget.rate),
                          num(budget.weight), num(budget.claimed), num(budget.verified)),
        claimed_total=num(score.claimed_total),
        claimed_from_form=score.claimed_total_from_form,
        verified_total=num(score.verified_total),
        supported_points=num(score.supported),
        gap=num(score.gap),
        claimed_grade=score.claimed_grade.grade if score.claimed_grade else None,
        verified_grade=score.verified_grade.grade if score.verified_grade else None,
        evidence_share=percent(score.evidence_share),
        indicators=tuple(_indicator_record(item, rows[item.index], lang, words)
                         for item in sorted(score.indicators + score.not_applicable,
                                            key=_INDEX)),
        findings=tuple(finding_record(f, lang) for f in result.findings),
        # present in the JSON only when there is something to say, so a case read
        # throughout (every hand-written one) prints exactly as before
        review=review_words(project.review, lang),  # the reason in the run's language
        not_verified=tuple(_not_verified_record(item, result, lang)
                           for item in result.not_verified),
    )


def department_record(result: DepartmentResult, lang: Lang = "zh") -> DepartmentRecord:
    return DepartmentRecord(result.location, result.department.name,
                            result.department.department.year, len(result.department.figures),
                            tuple(finding_record(f, lang) for f in result.findings))


def failure_record(failure: LoadFailure, lang: Lang = "zh") -> FailureRecord:
    return FailureRecord(failure.location, tuple(
        ProblemRecord(p.path, p.kind, problem_text(p.kind, p.detail, lang))
        for p in failure.problems))


def summary_record(summary: Summary) -> dict[str, Any]:
    """The summary's JSON form."""
    record = {
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
        "rate": percent(summary.rate),
        "budget_not_demonstrated": num(summary.budget_not_demonstrated),
        "claimed_by_grade": dict(summary.claimed_by_grade),
        "no_claim": summary.no_claim,
        "grade_changes": [
            {"claimed": claimed or None, "verified": verified, "count": count}
            for claimed, verified, count in summary.grade_changes
        ],
        "score_bins": [
            {"from": start, "to": start + BIN_WIDTH, "claimed": claimed, "verified": verified}
            for start, claimed, verified in summary.score_bins
        ],
        "by_department": [
            {"department": name, "projects": projects, "findings": findings}
            for name, projects, findings in summary.by_department
        ],
    }
    if summary.needs_review:  # only when some form was marked for review
        record["needs_review"] = summary.needs_review
    return record


def report_records(report: Report, lang: Lang = "zh") -> Iterator[tuple[str, Record]]:
    """A Report as the records a format writer takes, in the order a run streams them:
    projects and load failures as they were met, then departments."""
    for item in report.results:
        if isinstance(item, CaseResult):
            yield "project", case_record(item, lang)
    for failure in report.failures:
        yield "failure", failure_record(failure, lang)
    for item in report.results:
        if isinstance(item, DepartmentResult):
            yield "department", department_record(item, lang)


def record_of(item: CaseResult | DepartmentResult | LoadFailure, lang: Lang = "zh") -> tuple[str, Record]:
    """(kind, record) of one streamed result."""
    if isinstance(item, CaseResult):
        return "project", case_record(item, lang)
    if isinstance(item, DepartmentResult):
        return "department", department_record(item, lang)
    return "failure", failure_record(item, lang)


# --- flat rows: one project per row (csv, the xlsx 项目 sheet), one indicator, one finding ---

PROJECT_COLUMNS: tuple[tuple[str, str], ...] = (
    # (key in project_row, label key in render.labels / i18n)
    ("file", "file"),
    ("name", "name"),
    ("department", "department"),
    ("implementer", "implementer"),
    ("year", "year"),
    ("profile", "profile"),
    ("status", "status"),
    ("status_reason", "status_reason"),
    ("budget", "budget"),
    ("executed", "executed"),
    ("rate", "rate_pct"),
    ("claimed_total", "claimed"),
    ("verified_total", "verified"),
    ("gap", "gap"),
    ("claimed_grade", "claimed_grade"),
    ("verified_grade", "verified_grade"),
    ("evidence_share", "evidence_share_pct"),
    ("supported_points", "supported"),
    ("findings", "findings"),
    ("errors", "errors"),
    ("warnings", "warnings"),
    ("infos", "infos"),
    ("rules", "rules_fired"),
)
NUMERIC_PROJECT_COLUMNS = frozenset(
    ("budget", "executed", "rate", "claimed_total", "verified_total", "gap", "evidence_share",
     "supported_points"))

INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "file"),
    ("project", "name"),
    ("path", "path"),
    ("level1", "level1"),
    ("level2", "level2"),
    ("name", "indicator"),
    ("category", "category"),
    ("target", "target"),
    ("actual", "actual"),
    ("weight", "weight"),
    ("claimed", "claimed"),
    ("verified", "verified"),
    ("achievement", "achievement_pct"),
    ("evidence", "evidence"),
    ("reason", "reason"),
)
NUMERIC_INDICATOR_COLUMNS = frozenset(("weight", "claimed", "verified", "achievement"))

FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("file", "file"),
    ("kind", "kind"),
    ("name", "name"),
    ("department", "department"),
    ("code", "rule"),
    ("severity", "severity"),
    ("path", "path"),
    ("message", "message"),
    ("expected", "expected"),
    ("found", "found"),
)


def _status_text(record: Record, lang: Lang) -> tuple[str, str]:
    from .labels import label

    status = label("status." + record.status, lang)
    reason = record.status_reason
    if reason == "review" and record.review:
        return status, record.review  # the importer's (or a person's) reason, worded
    return status, label("status_reason." + reason, lang) if reason else ""


def project_row(record: Record, lang: Lang = "zh") -> dict[str, Any]:
    """A case record flattened to one row: figures as the record's strings (None when absent),
    status and grades in the output language."""
    from .labels import grade_label

    status, reason = _status_text(record, lang)
    severities = Counter(f.severity for f in record.findings)
    rules = list(dict.fromkeys(f.code for f in record.findings))
    funds = record.funds
    return {
        "file": record.file,
        "name": record.name,
        "department": record.department,
        "implementer": record.implementer,
        "year": record.year,
        "profile": record.profile,
        "status": status,
        "status_reason": reason,
        "budget": funds.budget,
        "executed": funds.executed,
        "rate": funds.rate,
        "claimed_total": record.claimed_total,
        "verified_total": record.verified_total,
        "gap": record.gap,
        "claimed_grade": grade_label(record.profile, record.claimed_grade, lang),
        "verified_grade": grade_label(record.profile, record.verified_grade, lang),
        "evidence_share": record.evidence_share,
        "supported_points": record.supported_points,
        "findings": len(record.findings),
        "errors": severities["error"],
        "warnings": severities["warning"],
        "infos": severities["info"],
        "rules": " ".join(rules),
    }


def indicator_rows(record: Record, lang: Lang = "zh") -> Iterator[dict[str, Any]]:
    from .labels import label

    for item in record.indicators:
        yield {
            "file": record.file,
            "project": record.name,
            "path": item.path,
            "level1": item.level1,
            "level2": item.level2,
            "name": item.name,
            "category": item.category,
            "target": item.target,
            "actual": item.actual,
            "weight": item.weight,
            "claimed": item.claimed,
            "verified": item.verified,
            "achievement": item.achievement,
            "evidence": label("evidence." + item.evidence, lang),
            "reason": item.reason_text,
        }


def finding_rows(kind: str, record: Record, lang: Lang = "zh") -> Iterator[dict[str, Any]]:
    from .labels import label

    for finding in record.findings:
        yield {
            "file": finding.file,
            "kind": label("kind." + kind, lang),
            "name": record.name,
            "department": record.department if kind == "project" else record.name,
            "code": finding.code,
            "severity": label("severity." + finding.severity, lang),
            "path": finding.path,
            "message": finding.message,
            "expected": finding.expected,
            "found": finding.found,
        }
