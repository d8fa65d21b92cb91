"""``--format markdown``: a review report an evaluator can paste into a 评价报告.

Sections: the summary (counts, money, grades claimed against verified, the score
distribution, the rules that fire most, the departments with most findings), a table of all
projects, one score card per project (figures, the indicator table, findings with their
evidence), the department files and the files that could not be loaded.

Text from the cases is escaped, so a ``|`` or ``*`` in a form cannot break a table or start
emphasis.  Pieces are spooled as they stream, so the summary can come first.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import Lang, text
from ..report import Summary
from . import view
from .formats import Options, SpooledDocument
from .labels import label
from .records import FindingRecord, Record
from .terminal import clean

__all__ = ["Writer", "encode", "escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")
_SPACE = re.compile(r"\s+")


def escape(value: Any) -> str:
    """Inline text: whitespace (newlines too) collapsed, Markdown punctuation backslashed,
    control characters shown as escapes (the report is often printed to a terminal)."""
    return _SPECIAL.sub(r"\\\1", clean(_SPACE.sub(" ", str(value)).strip()))


def code(value: str) -> str:
    """An inline code span (paths, file names); escaped text if it holds a backtick."""
    value = clean(_SPACE.sub(" ", value).strip())
    return f"`{value}`" if value and "`" not in value else escape(value)


def table(header: list[str], rows: list[list[str]], numeric: range | tuple[int, ...] = ()) -> str:
    """A pipe table; the ``numeric`` columns (indexes) are right-aligned."""
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(escape(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _findings(findings: tuple[FindingRecord, ...], lang: Lang) -> str:
    lines = []
    for number, f in enumerate(findings, start=1):
        severity = text("severity." + f.severity, lang)
        line = f"{number}. **{escape(f.code)} {escape(severity)}** {code(f.path)} {escape(f.message)}"
        evidence = view.evidence_text(f, lang)
        if evidence:
            line += f"  \n   {escape(evidence)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _card(record: Record, lang: Lang) -> str:
    colon = "：" if lang == "zh" else ": "
    facts = (" · ").join(f"{escape(k)}{colon}{code(v) if k == text('file', lang) else escape(v)}"
                         for k, v in view.card_facts(record, lang))
    parts = [facts + "\n", table(*view.card_figures(record, lang), range(6))]
    if record.indicators:
        parts.append(f"**{escape(label('card.indicators', lang))}**\n")
        parts.append(table(*view.indicator_table(record, lang), view.INDICATOR_FIGURES))
        parts.append(f"*{escape(text('rounding_note', lang))}*\n")
    unread = view.not_verified_lines(record, lang)
    if unread:
        parts.append(f"**{escape(text('not_verified', lang))}**\n")
        parts.append("".join(f"- {escape(line)}\n" for line in unread))
    parts.append(f"**{escape(label('card.findings', lang))}**\n")
    parts.append(_findings(record.findings, lang) if record.findings
                 else escape(label("card.no_findings", lang)) + "\n")
    return "\n".join(parts) + "\n"


def encode(kind: str, record: Record, options: Options) -> dict[str, str]:
    lang = options.lang
    if kind == "project":
        row = view.project_row(0, record, lang)[1:]
        return {"name": escape(record.name),
                "row": " | ".join(escape(c) for c in row) + " |\n",
                "card": _card(record, lang)}
    if kind == "department":
        body = (_findings(record.findings, lang) if record.findings
                else escape(label("card.no_findings", lang)) + "\n")
        colon = "：" if lang == "zh" else ": "
        return {"text": f"### {escape(record.name)}\n\n{escape(text('file', lang))}{colon}"
                        f"{code(record.file)}\n\n{body}\n"}
    lines = [f"- {code(record.file)} {code(p.path)} {escape(p.message)}\n"
             for p in record.problems]
    return {"text": "".join(lines)}


class Writer(SpooledDocument):
    piece = "text"

    def project_row(self, number: int, payload: dict[str, str]) -> str:
        return f"| {number} | {payload['row']}"

    def project_card(self, number: int, payload: dict[str, str]) -> str:
        return f"### {number}. {payload['name']}\n\n{payload['card']}"

    def _summary(self, summary: Summary) -> str:
        lang, titles = self.options.lang, dict(self.info.rule_titles)
        L = lambda key: escape(label(key, lang))
        colon = "：" if lang == "zh" else ": "
        parts = [f"## {L('section.summary')}\n",
                 "".join(f"- {escape(k)}{colon}{escape(v)}\n" for k, v in view.overview(summary, lang))]
        if summary.projects:
            parts += [f"### {L('summary.grades')}\n", table(*view.grades_table(summary, lang), range(1, 3)),
                      f"### {L('summary.changes')}\n", table(*view.grade_matrix(summary, lang), range(1, 99)),
                      f"### {L('summary.bins')}\n", table(*view.bins_table(summary, lang), range(1, 3))]
        header, rows = view.rules_table(summary, lang, titles)
        parts.append(f"### {L('summary.rules')}\n")
        parts.append(table(header, rows, (2,)) if rows else L("summary.none") + "\n")
        header, rows = view.departments_table(summary, lang)
        parts.append(f"### {L('summary.departments')}\n")
        parts.append(table(header, rows, (1, 2)) if rows else L("summary.none") + "\n")
        return "\n".join(parts)

    def finish(self, summary: Summary) -> None:
        out, lang = self.out, self.options.lang
        L = lambda key: escape(label(key, lang))
        out.write(f"# {L('report.title')}\n\n")
        if self.info.paths:
            colon = "：" if lang == "zh" else ": "
            scope = "、".join(code(p) for p in self.info.paths) if lang == "zh" else ", ".join(
                code(p) for p in self.info.paths)
            out.write(f"{L('report.scope')}{colon}{scope}\n\n")
        out.write(self._summary(summary) + "\n")
        if self.rows.count:
            out.write(f"## {L('section.projects')}\n\n")
            header = view.projects_header(lang)
            out.write(table(header, [], (0, *range(3, 9), 10)))
            self.rows.copy_to(out)
            out.write(f"\n## {L('section.cards')}\n\n")
            self.cards.copy_to(out)
        if self.departments.count:
            out.write(f"## {L('section.departments')}\n\n")
            self.departments.copy_to(out)
        if self.failures.count:
            out.write(f"## {L('section.failures')}\n\n")
            self.failures.copy_to(out)
            out.write("\n")
        if self.info.version:
            out.write(f"---\n\n*{escape(label('report.generated', lang).format(version=self.info.version))}*\n")
        for spool in (self.rows, self.cards, self.departments, self.failures):
            spool.close()
