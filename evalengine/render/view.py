"""The review report's content as tables of strings, shared by the markdown and html formats
(each only decides how a heading, a table or a list is written).

Every function takes plain data (records, or the Summary) and returns labelled rows in the
output language; nothing here escapes — the format does.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from ..i18n import Lang, text
from ..report import NOT_DEMONSTRATED, Summary
from ..resources import rules_dir
from .data import not_verified_text, num, percent
from .labels import grade_label, label
from .records import FindingRecord, IndicatorRecord, NotVerifiedRecord, Record

__all__ = [
    "Table",
    "bins_table",
    "card_facts",
    "card_figures",
    "deduction",
    "departments_table",
    "evidence_text",
    "grade_matrix",
    "grades_table",
    "INDICATOR_FIGURES",
    "indicator_table",
    "not_verified_lines",
    "not_verified_prose",
    "overview",
    "project_row",
    "projects_header",
    "rules_table",
]

Table = tuple[list[str], list[list[str]]]  # header, rows
TOP = 10  # rules and departments listed in a report's summary


def _v(value: Any, suffix: str = "") -> str:
    return "—" if value is None or value == "" else f"{value}{suffix}"


def overview(summary: Summary, lang: Lang) -> list[tuple[str, str]]:
    """(label, value) lines: counts, money, findings."""
    L = lambda key: label(key, lang)
    wan = L("unit.wan")
    sep = "，" if lang == "zh" else ", "
    findings = sep.join(f"{text('severity.' + k, lang)} {n}" for k, n in summary.findings)
    review = ""  # of the projects not rated, those marked for review
    if summary.needs_review:
        review = (f"，其中{text('status.needs_review', lang)} {summary.needs_review}" if lang == "zh"
                  else f", of which {text('status.needs_review', lang).lower()} {summary.needs_review}")
    lines = [
        (L("projects"), f"{summary.projects}（{L('projects_rated')} {summary.rated}{sep}"
                        f"{text('status.not_demonstrated', lang)} {summary.not_demonstrated}{review}）"
         if lang == "zh" else
         f"{summary.projects} ({L('projects_rated')} {summary.rated}{sep}"
         f"{text('status.not_demonstrated', lang)} {summary.not_demonstrated}{review})"),
        (L("money.budget"), f"{num(summary.budget)} {wan}"),
        (L("money.executed"), f"{num(summary.executed)} {wan}"),
        (L("money.rate"), _v(percent(summary.rate), "%")),
        (L("money.not_demonstrated"), f"{num(summary.budget_not_demonstrated)} {wan}"),
        (text("findings", lang), findings),
        (L("departments_count"), str(summary.departments)),
    ]
    if summary.failures:
        lines.append((text("failed", lang), str(summary.failures)))
    return lines


def grades_table(summary: Summary, lang: Lang) -> Table:
    claimed = dict(summary.claimed_by_grade)
    rows = [[grade_label(None, g, lang), str(claimed.get(g, 0)), str(n)] for g, n in summary.by_grade]
    rows.append([text("status.not_demonstrated", lang), "—", str(summary.not_demonstrated)])
    rows.append([label("no_claim", lang), str(summary.no_claim), "—"])
    return [text("grade", lang), label("claimed_col", lang), label("verified_col", lang)], rows


def grade_matrix(summary: Summary, lang: Lang) -> Table:
    """Rows: the claimed grade (or none); columns: the verified grade (or not demonstrated)."""
    grades = [g for g, _ in summary.by_grade]
    cells = {(c, v): n for c, v, n in summary.grade_changes}
    columns = [*grades, NOT_DEMONSTRATED]
    header = [label("grade_matrix_corner", lang), *(grade_label(None, g, lang) for g in grades),
              text("status.not_demonstrated", lang)]
    rows = []
    for claimed in [*grades, ""]:
        counts = [cells.get((claimed, v), 0) for v in columns]
        if claimed == "" and not any(counts):
            continue
        rows.append([grade_label(None, claimed, lang) or label("no_claim", lang), *(str(n) for n in counts)])
    return header, rows


def bins_table(summary: Summary, lang: Lang) -> Table:
    rows = [[f"{start}–{start + 10}", str(c), str(v)] for start, c, v in reversed(summary.score_bins)]
    return [label("bin", lang), label("claimed_col", lang), label("verified_col", lang)], rows


def rules_table(summary: Summary, lang: Lang, titles: dict[str, str]) -> Table:
    rows = [[code, titles.get(code, ""), str(count)] for code, count in summary.rules[:TOP]]
    return [text("rule", lang), label("rule_title", lang), label("count", lang)], rows


def departments_table(summary: Summary, lang: Lang) -> Table:
    rows = [[name or label("department_unnamed", lang), str(projects), str(findings)]
            for name, projects, findings in summary.by_department[:TOP] if findings]
    return [label("department", lang), text("projects", lang), text("findings", lang)], rows


def status_text(record: Record, lang: Lang) -> str:
    if record.status in ("not_demonstrated", "needs_review"):
        status = text("status." + record.status, lang)
        if record.status_reason:
            why = record.review or text("status_reason." + record.status_reason, lang)
            status += ("（" if lang == "zh" else " (") + why + ("）" if lang == "zh" else ")")
        return status
    return grade_label(record.profile, record.verified_grade, lang)


def projects_header(lang: Lang) -> list[str]:
    return [label("no", lang), text("project", lang), label("department", lang), text("budget", lang),
            text("executed", lang), text("rate", lang), text("claimed", lang), text("verified", lang),
            text("gap", lang), text("grade", lang), text("findings", lang)]


def project_row(number: int, record: Record, lang: Lang) -> list[str]:
    funds = record.funds
    return [str(number), record.name, _v(record.department), _v(funds.budget),
            _v(funds.executed), _v(funds.rate, "%"), _v(record.claimed_total),
            _v(record.verified_total), _v(record.gap), status_text(record, lang),
            str(len(record.findings))]


def card_figures(record: Record, lang: Lang) -> Table:
    """The score card's head: money, scores, grades, evidence."""
    funds = record.funds
    header = [text("budget", lang), text("executed", lang), text("rate", lang), text("claimed", lang),
              text("verified", lang), text("gap", lang), label("claimed_grade", lang),
              label("verified_grade", lang), text("evidence_share", lang)]
    row = [_v(funds.budget), _v(funds.executed), _v(funds.rate, "%"),
           _v(record.claimed_total), _v(record.verified_total), _v(record.gap),
           _v(grade_label(record.profile, record.claimed_grade, lang)),
           status_text(record, lang), _v(record.evidence_share, "%")]
    return header, [row]


def card_facts(record: Record, lang: Lang) -> list[tuple[str, str]]:
    facts = [(text("file", lang), record.file)]
    if record.department:
        facts.append((label("department", lang), record.department))
    if record.implementer and record.implementer != record.department:
        facts.append((label("implementer", lang), record.implementer))
    if record.year is not None:
        facts.append((label("year", lang), str(record.year)))
    facts.append((text("profile", lang), record.profile))
    return facts


def indicator_table(record: Record, lang: Lang) -> Table:
    """一级 (or the scoring category), 二级, 三级 indicator, target, actual, weight, claimed,
    verified, evidence class, reason; the budget row first and the total last.  Figures are
    columns 5–7."""
    header = [text("level1", lang), text("level2", lang), text("indicator", lang), text("target", lang),
              text("actual", lang), text("weight", lang), text("claimed", lang), text("verified", lang),
              text("evidence_class", lang), text("reason", lang)]
    funds = record.funds
    rows = [[text("budget_row", lang), "", "", "", _v(funds.rate, "%"), _v(funds.weight),
             _v(funds.claimed), _v(funds.verified), "", ""]]
    for item in record.indicators:
        rows.append([item.category, item.level2, item.name, item.target, item.actual,
                     _v(item.weight), _v(item.claimed), _v(item.verified),
                     item.evidence_class_text, item.reason_text])
    rows.append([text("total", lang), "", "", "", "", "", _v(record.claimed_total),
                 _v(record.supported_points), "", ""])
    return header, rows


INDICATOR_FIGURES = range(5, 8)  # the figure columns of indicator_table


def deduction(item: IndicatorRecord) -> str:
    """扣分原因 of an indicator record: the scoring reason where the verified score is below
    the weight, empty where no point was lost."""
    if item.weight is not None and item.verified is not None and item.verified == item.weight:
        return ""
    return item.reason_text


def not_verified_lines(record: Record, lang: Lang) -> list[str]:
    """The card's 未能核实 list: one line per field not read (empty for a case read throughout)."""
    return [not_verified_text(item, lang) for item in record.not_verified]


@cache
def _provenance_words() -> dict[str, Any]:
    """rules/provenance.toml's [fields] (each field's name on the form) and [wording]."""
    with (rules_dir() / "provenance.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {"fields": data["fields"], "wording": data["wording"]}


_PATH = re.compile(r"\$\.(?:(indicators|funds\.rows)\[(\d+)\]|(\w+))(?:\.(\w+))?$")


def _row_and_cell(item: NotVerifiedRecord, lang: Lang) -> tuple[str, str]:
    """What an unread key path is on the form, in words: (the row it is in, the cell)."""
    data = _provenance_words()
    words = data["wording"]["en" if lang == "en" else "zh"]

    def field(group: str, key: str) -> str:
        entry = data["fields"].get(group, {}).get(key)
        return entry["en" if lang == "en" else "zh"] if entry else key

    match = _PATH.match(item.path)
    if not match:
        return "", item.path
    table, index, record, key = match.groups()
    if table:
        name = words["name"].format(name=item.name) if item.name else ""
        if table == "indicators":
            return words["indicator"].format(n=int(index) + 1, name=name), field("indicators", key or "")
        return words["funds_row"].format(n=int(index) + 1), field("rows", key or "")
    if key is None:  # a whole section, or a header field of [project]
        return "", item.name or field("project", record)
    return "", field(record, key)


def not_verified_prose(record: Record, lang: Lang, titles: dict[str, str]) -> list[str]:
    """The 未能核实 list in an evaluator's words, for the Word report and the score sheets:
    the cells by their names on the form (第9项指标“群众满意度”的实际完成值), one line per row
    and reason, and the checks not made by their titles — no key paths, no rule codes.  The
    words are rules/provenance.toml's."""
    words = _provenance_words()["wording"]["en" if lang == "en" else "zh"]
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for item in record.not_verified:
        row, cell = _row_and_cell(item, lang)
        cells, rules = groups.setdefault((row, item.reason_text), ([], []))
        if cell not in cells:
            cells.append(cell)
        rules += [code for code in item.rules if code not in rules]
    lines = []
    for (row, reason), (cells, rules) in groups.items():
        listed = words["list"].join(cells)
        line = words["not_read"].format(cells=words["in_row"].format(row=row, cells=listed) if row
                                        else listed, reason=reason)
        if rules:
            line += words["checks"].format(checks=words["list"].join(titles.get(c) or c for c in rules))
        lines.append(line)
    return lines


def evidence_text(finding: FindingRecord, lang: Lang) -> str:
    parts = []
    if finding.expected:
        parts.append(f"{text('expected', lang)}：{finding.expected}" if lang == "zh"
                     else f"{text('expected', lang)}: {finding.expected}")
    if finding.found:
        parts.append(f"{text('found', lang)}：{finding.found}" if lang == "zh"
                     else f"{text('found', lang)}: {finding.found}")
    return ("；" if lang == "zh" else "; ").join(parts)
