"""The default output: rich tables for a person at a terminal."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..findings import Finding, Severity
from ..i18n import Lang, problem_text, text
from ..loader import LoadFailure
from ..numbers import HUNDRED, rounded
from ..report import CaseResult, DepartmentResult, Report
from ..scoring import Status

__all__ = ["failure_lines", "render_human", "render_statistics"]

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _n(value: Decimal | None) -> str:
    return "—" if value is None else str(rounded(value))


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{rounded(value * HUNDRED)}%"


def _grade(result: CaseResult, lang: Lang) -> Text:
    score = result.score
    if score.status is Status.NOT_DEMONSTRATED:
        return Text(text("status.not_demonstrated", lang), style="magenta")
    band = score.verified_grade
    assert band is not None
    return Text(band.grade_en if lang == "en" else band.grade, style="bold")


def _count(findings: tuple[Finding, ...]) -> Text:
    if not findings:
        return Text("0", style="green")
    worst = max(f.severity for f in findings)
    return Text(str(len(findings)), style=STYLE[worst])


def projects_table(report: Report, lang: Lang) -> Table:
    t = Table(title=text("project", lang), show_lines=False, expand=False)
    for key, justify in (("project", "left"), ("budget", "right"), ("executed", "right"),
                         ("rate", "right"), ("claimed", "right"), ("verified", "right"),
                         ("grade", "center"), ("findings", "right")):
        t.add_column(text(key, lang), justify=justify, no_wrap=key != "project")
    for result in report.cases:
        score, funds = result.score, result.case.funds
        t.add_row(
            result.case.project.name,
            _n(funds.budget),
            _n(funds.executed),
            _pct(score.budget.rate),
            _n(score.claimed_total),
            _n(score.verified_total),
            _grade(result, lang),
            _count(result.findings),
        )
    return t


def summary_panel(report: Report, lang: Lang) -> Panel:
    s = report.summary
    grades = "  ".join(f"{g} {n}" for g, n in s.by_grade)
    lines = [
        f"{text('projects', lang)}: {s.projects}",
        f"{text('by_grade', lang)}: {grades}",
        f"{text('not_rated', lang)}: {s.not_demonstrated}",
        f"{text('money', lang)}: {text('budget', lang).split('(')[0]} {_n(s.budget)} / "
        f"{text('executed', lang).split('(')[0]} {_n(s.executed)}",
        f"{text('findings', lang)}: "
        + "  ".join(f"{text('severity.' + k, lang)} {n}" for k, n in s.findings),
    ]
    if s.failures:
        lines.append(f"{text('failed', lang)}: {s.failures}")
    return Panel("\n".join(lines), title=text("summary", lang), expand=False)


def _findings_table(findings: tuple[Finding, ...], lang: Lang) -> Table:
    t = Table(show_header=True, box=None, pad_edge=False)
    for key in ("severity", "rule", "path", "message"):
        t.add_column(text(key, lang), overflow="fold")
    for f in findings:
        message = f.message_en if lang == "en" else f.message
        evidence = []
        if f.expected:
            evidence.append(f"{text('expected', lang)}: {f.expected}")
        if f.found:
            evidence.append(f"{text('found', lang)}: {f.found}")
        body = Text(message)
        if evidence:
            body.append("\n" + "；".join(evidence) if lang == "zh" else "\n" + "; ".join(evidence),
                        style="dim")
        t.add_row(Text(text("severity." + f.severity.label, lang), style=STYLE[f.severity]),
                  f.code, f.path, body)
    return t


CLIP = 28  # characters of a target or actual shown in the detail table (JSON has them whole)


def _clip(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= CLIP else value[: CLIP - 1] + "…"


def _indicator_table(result: CaseResult, lang: Lang) -> Table:
    t = Table(show_lines=False, expand=False)
    for key, justify in (("level1", "left"), ("indicator", "left"), ("target", "left"),
                         ("actual", "left"), ("weight", "right"), ("claimed", "right"),
                         ("verified", "right"), ("reason", "left")):
        t.add_column(text(key, lang), justify=justify, overflow="fold",
                     no_wrap=justify == "right")
    score = result.score
    t.add_row(text("budget_row", lang), "", "", _pct(score.budget.rate), _n(score.budget.weight),
              _n(score.budget.claimed), _n(score.budget.verified), "")
    for item in score.indicators:
        row = result.case.indicators[item.index]
        t.add_row(item.category, _clip(row.name), _clip(row.target), _clip(row.actual), _n(item.weight),
                  _n(item.claimed), _n(item.verified), text(item.reason, lang))
    t.add_row(text("total", lang), "", "", "", "", _n(score.claimed_total),
              _n(score.supported), "", style="bold")
    return t


def _case_detail(result: CaseResult, lang: Lang) -> Panel:
    score = result.score
    status = text(f"status.{score.status.value}", lang)
    if score.status_reason:
        status += f"（{text('status_reason.' + score.status_reason, lang)}）"
    head = Text(
        f"{result.location}  {text('profile', lang)}: {score.profile}  {text('status', lang)}: "
        f"{status}  {text('evidence_share', lang)}: {_pct(score.evidence_share)}  "
        f"{text('gap', lang)}: {_n(score.gap)}"
    )
    parts = [head, _indicator_table(result, lang)]
    if result.findings:
        parts.append(_findings_table(result.findings, lang))
    return Panel(Group(*parts), title=result.case.project.name, expand=True)


def _department_block(result: DepartmentResult, lang: Lang) -> Panel:
    body = _findings_table(result.findings, lang) if result.findings else Text("0")
    return Panel(body, title=f"{result.department.name}  ({result.location})", expand=True)


def failure_lines(failure: LoadFailure, lang: Lang) -> list[str]:
    return [f"{failure.location}: {p.path}: {problem_text(p.kind, p.detail, lang)}"
            for p in failure.problems]


def render_statistics(report: Report, console: Console, lang: Lang) -> None:
    t = Table(title=text("findings", lang))
    t.add_column(text("rule", lang))
    t.add_column(text("findings", lang), justify="right")
    for code, count in report.summary.rules:
        t.add_row(code, str(count))
    console.print(t)


def render_human(report: Report, console: Console, lang: Lang = "zh", detail: bool = False) -> None:
    if report.cases:
        console.print(projects_table(report, lang))
    for failure in report.failures:
        for line in failure_lines(failure, lang):
            console.print(Text(line, style="bold red"))
    for result in report.cases:
        if detail:
            console.print(_case_detail(result, lang))
        elif result.findings:
            console.print(Text(f"{result.location}  {result.case.project.name}", style="bold"))
            console.print(_findings_table(result.findings, lang))
    for department in report.departments:
        console.print(_department_block(department, lang))
    console.print(summary_panel(report, lang))
