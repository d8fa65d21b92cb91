"""evalengine: scores and lints project performance self-assessments (项目支出绩效自评).

The Python API (docs/api.md)::

    import evalengine
    report = evalengine.score("cases/2021")
    for result in report.cases: print(result.case.project.name, result.score.verified_total)

Names are imported on first use, so ``evalengine --help`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "CaseResult",
    "Case",
    "ConfigError",
    "Department",
    "DepartmentResult",
    "Finding",
    "LoadError",
    "LoadFailure",
    "Report",
    "Severity",
    "Summary",
    "__version__",
    "import_forms",
    "load_case",
    "render_report",
    "score",
]

_WHERE = {
    "CaseResult": "report", "DepartmentResult": "report", "Report": "report", "Summary": "report",
    "Case": "model", "Department": "model", "Finding": "findings", "Severity": "findings",
    "ConfigError": "errors", "LoadFailure": "errors", "LoadError": "errors", "import_forms": "api",
    "load_case": "api", "score": "api", "render_report": "render.formats",
}

if TYPE_CHECKING:
    from .api import import_forms, load_case, score
    from .errors import ConfigError, LoadError, LoadFailure
    from .findings import Finding, Severity
    from .model import Case, Department
    from .render.formats import render_report
    from .report import CaseResult, DepartmentResult, Report, Summary


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'evalengine' has no attribute {name!r}")
