"""The import report of one form (issue 10 §5): what was read, and what was not.

For each form: the layout recognised, how much of it was read (cells placed / cells seen),
and every field left unread with why (the case's ``unread`` tables).  The cells not placed
are the form's ``unplaced`` / ``ambiguous`` notes, each with its text and where it was.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..i18n import pick
from ..model import Case, Review, Unread
from ..review import review_words

__all__ = ["ReadReport", "read_report", "report_lines", "unread_fields"]

REASONS = {
    "cut": ("原文截断", "cut off"),
    "unplaced": ("无法归位", "not placed"),
    "ambiguous": ("有多种读法", "ambiguous"),
    "unreadable": ("无法识别", "unreadable"),
}


@attrs.frozen
class ReadReport:
    layout: str
    placed: int
    seen: int
    unread: tuple[tuple[str, str], ...]  # (key path, reason)
    review: Review = Review()


def unread_fields(case: Case) -> Iterator[tuple[str, str]]:
    """(key path, reason) of every field and section the case declares unread."""
    def fields(path: str, unread: Unread) -> Iterator[tuple[str, str]]:
        for field, reason in unread:
            yield f"{path}.{field}", reason

    yield from fields("project.unread", case.project.unread)
    yield from fields("funds", case.funds.unread)
    for n, row in enumerate(case.funds.rows):
        yield from fields(f"funds.rows[{n}]", row.unread)
    yield from fields("goal", case.goal.unread)
    for n, ind in enumerate(case.indicators):
        yield from fields(f"indicators[{n}]", ind.unread)
    yield from fields("narrative", case.narrative.unread)


def read_report(case: Case, placed: int, seen: int) -> ReadReport:
    return ReadReport(case.project.layout, placed, seen, tuple(unread_fields(case)),
                      case.project.review)


def report_lines(report: ReadReport, lang: str = "zh") -> list[str]:
    layout = report.layout or pick(("未识别", "none recognised"), lang)
    share = f"{report.placed}/{report.seen}"
    if lang == "en":
        head = f"read: layout {layout}; cells placed {share}; fields not read {len(report.unread)}"
    else:
        head = f"读取情况：版式 {layout}；已归位单元格 {share}；未读字段 {len(report.unread)} 个"
    lines = [head]
    if report.unread:
        sep = pick(("，", ", "), lang)
        lines.append(pick(("  未读：", "  not read: "), lang) + sep.join(
            f"{path} ({pick(REASONS.get(reason, (reason, reason)), lang)})"
            for path, reason in report.unread))
    if report.review:
        # the case keeps the reason as data; the report words it in the user's language
        lines.append(pick(("  需复核：", "  needs review: "), lang)
                     + review_words(report.review, lang))
    return lines
