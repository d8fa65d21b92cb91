"""``--format json``: the whole report as one JSON document (schema in docs/report-format.md)."""

from __future__ import annotations

import json

from ..i18n import Lang
from ..report import Report
from .data import SCHEMA, case_record, department_record, failure_record, summary_record

__all__ = ["render_json"]


def render_json(report: Report, lang: Lang = "zh") -> str:
    document = {
        "schema": SCHEMA,
        "projects": [case_record(r, lang) for r in report.cases],
        "departments": [department_record(r, lang) for r in report.departments],
        "failures": [failure_record(f, lang) for f in report.failures],
        "summary": summary_record(report.summary),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
