"""The default output: rich tables for a person at a terminal.

Works from the plain-data records (:mod:`evalengine.render.data`) like every other format;
a project's indicators are kept only with ``--detail``, so the records held until the
projects table can be drawn stay small.
"""

from __future__ import annotations

import functools
import os
import re
from typing import IO, Any

import attrs
from rich import box
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, Group
from rich.panel import Panel
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..findings import Severity
from ..i18n import Lang, problem_text, text
from ..loader import LoadFailure
from ..report import Report, Summary
from .data import not_verified_text, report_records
from .formats import Collecting, Options, RunInfo
from .labels import grade_label, label
from .records import CaseRecord, FindingRecord, Record
from .terminal import SafeConsole, clean, clean_data

__all__ = ["Writer", "counts_line", "encode", "failure_lines", "render_human", "render_statistics"]

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY = {s.label: s for s in Severity}
PIPE_WIDTH = 140  # columns when the output is not a terminal (a file or a pipe)
TOP = 5  # rules and departments listed in the summary
NARROW = 120  # below this many columns: tables without vertical rules, findings as a list
PANEL = 4  # columns a panel takes: its borders and padding


def _n(value: str | None) -> str:
    return "—" if value is None else value


def _pct(value: str | None) -> str:
    return "—" if value is None else f"{value}%"


def _grade(record: Record, lang: Lang) -> Text:
    if record.status in ("not_demonstrated", "needs_review"):
        return Text(text("status." + record.status, lang), style="magenta")
    return Text(grade_label(record.profile, record.verified_grade, lang), style="bold")


def _count(findings: tuple[FindingRecord, ...]) -> Text:
    if not findings:
        return Text("0", style="green")
    worst = max(SEVERITY[f.severity] for f in findings)
    return Text(str(len(findings)), style=STYLE[worst])


_PROJECT_COLUMNS = ("project", "budget", "executed", "rate", "claimed", "verified", "grade",
                    "findings")


def projects_table(records: list[CaseRecord], lang: Lang, width: int = PIPE_WIDTH) -> Table:
    """One row per project.  Figures never wrap nor shrink (each column is as wide as its
    widest figure); the project name takes the room left and wraps; at a narrow terminal the
    headers wrap at their unit and the table drops its vertical rules."""
    narrow = width < NARROW
    rows = []
    for record in records:
        funds = record.funds
        rows.append((record.name, _n(funds.budget), _n(funds.executed),
                     _pct(funds.rate), _n(record.claimed_total),
                     _n(record.verified_total), _grade(record, lang),
                     _count(record.findings)))
    t = Table(title=text("project", lang), show_lines=False, expand=False,
              box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD,
              **({"padding": (0, 1, 0, 0), "pad_edge": False, "show_edge": False} if narrow else {}))
    for index, key in enumerate(_PROJECT_COLUMNS):
        head = text(key, lang)
        if key == "project":
            t.add_column(head, justify="left", overflow="fold", min_width=8)
            continue
        if narrow:
            head = head.replace("(", "\n(")
        need = max([_cells(r[index]) if isinstance(r[index], str) else r[index].cell_len
                    for r in rows] + [max(_cells(h) for h in head.split("\n"))])
        t.add_column(head, justify="center" if key == "grade" else "right", no_wrap=True,
                     min_width=need)
    for row in rows:
        t.add_row(*row)
    return t


def _table(*columns: tuple[str, str]) -> Table:
    t = Table(show_header=True, box=None, pad_edge=False, show_edge=False)
    for title, justify in columns:
        t.add_column(title, justify=justify)  # type: ignore[arg-type]
    return t


def summary_panel(summary: Summary, lang: Lang, rule_titles: dict[str, str] | None = None) -> Panel:
    s = summary
    grades = "  ".join(f"{grade_label(None, g, lang)} {n}" for g, n in s.by_grade)
    claimed = "  ".join(f"{grade_label(None, g, lang)} {n}" for g, n in s.claimed_by_grade)
    rate = "—" if s.rate is None else f"{_pct_of(s.rate)}%"
    lines = [
        f"{text('projects', lang)}: {s.projects}",
        f"{text('by_grade', lang)}: {grades}",
        f"{label('claimed_grade', lang)}: {claimed}  {label('no_claim', lang)} {s.no_claim}",
        f"{text('not_rated', lang)}: {s.not_demonstrated}" + (
            (f"（{text('status.needs_review', lang)} {s.needs_review}）" if lang == "zh"
             else f" ({text('status.needs_review', lang).lower()}: {s.needs_review})")
            if s.needs_review else ""),
        (f"{text('money', lang)}: {text('budget', lang).split('(')[0]} {_money(s.budget)} / "
         f"{text('executed', lang).split('(')[0]} {_money(s.executed)}  "
         f"{label('money.rate', lang)} {rate}"),
        f"{label('money.not_demonstrated', lang)}: {_money(s.budget_not_demonstrated)}",
        f"{text('findings', lang)}: "
        + "  ".join(f"{text('severity.' + k, lang)} {n}" for k, n in s.findings),
    ]
    if s.failures:
        lines.append(f"{text('failed', lang)}: {s.failures}")
    parts: list[Any] = [Text("\n".join(lines))]
    if s.projects:
        bins = _table((label("bin", lang), "right"), (label("claimed_col", lang), "right"),
                      (label("verified_col", lang), "right"))
        for start, c, v in reversed(s.score_bins):
            if c or v:
                bins.add_row(f"{start}–{start + 10}", str(c), str(v))
        parts += [Text(""), Text(label("summary.bins", lang), style="bold"), bins]
    if s.rules:
        rules = _table((text("rule", lang), "left"), (label("count", lang), "right"),
                       (label("rule_title", lang), "left"))
        for code, count in s.rules[:TOP]:
            rules.add_row(code, str(count), clean((rule_titles or {}).get(code, "")))
        parts += [Text(""), Text(label("summary.rules", lang), style="bold"), rules]
    if any(f for _, _, f in s.by_department):
        departments = _table((label("department", lang), "left"), (text("projects", lang), "right"),
                             (text("findings", lang), "right"))
        for name, projects, findings in s.by_department[:TOP]:
            if findings:
                departments.add_row(clean(name) if name else label("department_unnamed", lang),
                                    str(projects), str(findings))
        parts += [Text(""), Text(label("summary.departments", lang), style="bold"), departments]
    return Panel(Group(*parts), title=text("summary", lang), expand=False)


def _money(value: Any) -> str:
    from .data import num

    return num(value) or "—"


def _pct_of(value: Any) -> str:
    from .data import percent

    return percent(value) or "—"


def _evidence(f: FindingRecord, lang: Lang) -> str:
    evidence = []
    if f.expected:
        evidence.append(f"{text('expected', lang)}: {f.expected}")
    if f.found:
        evidence.append(f"{text('found', lang)}: {f.found}")
    return ("；" if lang == "zh" else "; ").join(evidence)


# Findings are laid out here, not by rich's Table: a table per project cost ~0.7 ms per
# finding (rich measures and wraps every cell twice); these lines, handed to rich as
# segments it need not wrap again, cost a few µs.
_GAP = "  "
# spaces; a run of printable ASCII (a word); a run of anything else (CJK: breakable anywhere)
_TOKEN = re.compile(r"\s+|[\x21-\x7e]+|[^\s\x21-\x7e]+")


# Characters whose width rich gives as 1 (_NARROW) or 2 (_WIDE), checked code point by
# code point against rich.cells: a string of only these is measured by two regex calls
# instead of rich's loop over its characters (its cache misses long, unique strings).
_NARROW = "\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e"
_WIDE = ("\u1100-\u115f\u3000-\u3029\u3030-\u303e\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf"
         "\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6")
_SIMPLE = re.compile(f"[{_NARROW}{_WIDE}]*")
_WIDE_CHAR = re.compile(f"[{_WIDE}]")


@functools.lru_cache(maxsize=1 << 16)
def _cells(token: str) -> int:
    """Terminal cells of ``token``, as rich counts them (kept: the words of the messages
    come back finding after finding)."""
    if token.isascii() and token.isprintable():
        return len(token)
    if _SIMPLE.fullmatch(token):
        return len(token) + len(_WIDE_CHAR.findall(token))
    return cell_len(token)


def wrap(value: str, width: int) -> list[str]:
    """``value`` in lines of at most ``width`` terminal cells: broken at spaces and between
    wide (CJK) characters, a word longer than a line folded; its own newlines kept."""
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in value.split("\n"):
        if _cells(paragraph) <= width:
            lines.append(paragraph.rstrip())
            continue
        line, used = "", 0
        for token in _TOKEN.findall(paragraph):
            size = _cells(token)
            if used + size <= width:
                if line or not token.isspace():
                    line, used = line + token, used + size
                continue
            if token.isspace():  # a break: the spaces go
                lines.append(line.rstrip())
                line, used = "", 0
                continue
            if token.isascii() and size <= width:  # a word: to the next line
                lines.append(line.rstrip())
                line, used = token, size
                continue
            if size == 2 * len(token):  # wide characters only (CJK): cut by arithmetic
                while token:
                    fit = (width - used) // 2
                    if fit <= 0 and line:
                        lines.append(line.rstrip())
                        line, used = "", 0
                        continue
                    fit = max(fit, 1)
                    line, used, token = line + token[:fit], used + 2 * len(token[:fit]), token[fit:]
                    if token:
                        lines.append(line.rstrip())
                        line, used = "", 0
                continue
            for char in token:  # mixed, or a word longer than a line: folded where it fills
                size = 1 if char.isascii() else get_character_cell_size(char)
                if used + size > width and line:
                    lines.append(line.rstrip())
                    line, used = "", 0
                line, used = line + char, used + size
        lines.append(line.rstrip())
    return lines


def _pad(value: str, width: int) -> str:
    return value + " " * (width - _cells(value))


_STYLES: dict[str, Style] = {}


def _style(name: str) -> Style:
    style = _STYLES.get(name)
    if style is None:
        style = _STYLES[name] = Style.parse(name)
    return style


class _Lines:
    """Segments for rich, plain text run together (rich's cost is per segment)."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.plain: list[str] = []

    def add(self, value: str, style: str | None = None) -> None:
        if style is None:
            self.plain.append(value)
            return
        self._flush()
        self.segments.append(Segment(value, _style(style)))

    def _flush(self) -> None:
        if self.plain:
            self.segments.append(Segment("".join(self.plain)))
            self.plain = []

    def done(self) -> Segments:
        self._flush()
        return Segments(self.segments)


def findings_block(findings: tuple[FindingRecord, ...], lang: Lang, width: int) -> Segments:
    """The findings of one document as lines.  At a wide terminal, a table without rules:
    severity, rule, key path, and the message with its evidence (dim) under it, wrapped in
    the room left; at a narrow one, a head line (severity, rule, key path) per finding and
    the message indented under it."""
    out = _Lines()
    # the records are cleaned at the source (Writer.add), the segments again by SafeConsole
    severities = [text("severity." + f.severity, lang) for f in findings]
    if width < NARROW:
        for f, severity in zip(findings, severities):
            out.add("  ")
            out.add(severity, STYLE[SEVERITY[f.severity]])
            out.add(f"  {f.code}  {f.path}\n")
            out.add("".join(f"    {line}\n" for line in wrap(f.message, width - 4)))
            evidence = _evidence(f, lang)
            if evidence:
                out.add("".join(f"    {line}\n" for line in wrap(evidence, width - 4)), "dim")
        return out.done()
    heads = [text(key, lang) for key in ("severity", "rule", "path", "message")]
    codes = [f.code for f in findings]
    paths = [f.path for f in findings]
    widths = [max(_cells(v) for v in column)
              for column in (heads[:1] + severities, heads[1:2] + codes, heads[2:3] + paths)]
    widths[2] = min(widths[2], max(12, (width - widths[0] - widths[1]) // 3))
    room = max(20, width - sum(widths) - 3 * len(_GAP))
    indent = " " * (widths[0] + widths[1] + 2 * len(_GAP))  # under severity and rule
    out.add(_GAP.join(_pad(h, w) for h, w in zip(heads, widths)) + _GAP + heads[3], "bold")
    for f, severity, code, path in zip(findings, severities, codes, paths):
        out.add("\n")
        folded = wrap(path, widths[2])
        evidence = _evidence(f, lang)
        lines = [(line, None) for line in wrap(f.message, room)]
        lines += [(line, "dim") for line in wrap(evidence, room)] if evidence else []
        out.add(_pad(severity, widths[0]), STYLE[SEVERITY[f.severity]])
        out.add(_GAP + _pad(code, widths[1]) + _GAP)
        for index in range(max(len(folded), len(lines))):
            if index:
                out.add("\n" + indent)
            line, style = lines[index] if index < len(lines) else ("", None)
            shown = folded[index] if index < len(folded) else ""
            if line:
                out.add(_pad(shown, widths[2]) + _GAP)
                out.add(line, style)
            else:
                out.add(shown)
    out.add("\n")
    return out.done()


CLIP = 28  # characters of a target or actual shown in the detail table (JSON has them whole)


def _clip(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= CLIP else value[: CLIP - 1] + "…"


def _indicator_table(record: Record, lang: Lang) -> Table:
    t = Table(show_lines=False, expand=False)
    for key, justify in (("level1", "left"), ("indicator", "left"), ("target", "left"),
                         ("actual", "left"), ("weight", "right"), ("claimed", "right"),
                         ("verified", "right"), ("evidence_class", "left"), ("reason", "left")):
        t.add_column(text(key, lang), justify=justify, overflow="fold",
                     no_wrap=justify == "right")
    funds = record.funds
    t.add_row(text("budget_row", lang), "", "", _pct(funds.rate), _n(funds.weight),
              _n(funds.claimed), _n(funds.verified), "", "")
    for item in record.indicators:
        t.add_row(item.category, _clip(item.name), _clip(item.target), _clip(item.actual),
                  _n(item.weight), _n(item.claimed), _n(item.verified),
                  item.evidence_class_text, item.reason_text)
    t.add_row(text("total", lang), "", "", "", "", _n(record.claimed_total),
              _n(record.supported_points), "", "", style="bold")
    t.caption = text("rounding_note", lang)
    return t


def _not_verified(record: Record, lang: Lang) -> Text:
    """未能核实: each field the importer did not read, and the rules not checked for it."""
    lines = [f"{text('not_verified', lang)}{'：' if lang == 'zh' else ':'}"]
    lines += [f"  {not_verified_text(item, lang)}" for item in record.not_verified]
    return Text("\n".join(lines), style="yellow")


def _case_detail(record: Record, lang: Lang, width: int = PIPE_WIDTH) -> Panel:
    status = text(f"status.{record.status}", lang)
    if record.status_reason:
        why = record.review or text('status_reason.' + record.status_reason, lang)
        status += f"（{why}）" if lang == "zh" else f" ({why})"
    head = Text(
        f"{record.file}  {text('profile', lang)}: {record.profile}  {text('status', lang)}: "
        f"{status}  {text('evidence_share', lang)}: {_pct(record.evidence_share)}  "
        f"{text('gap', lang)}: {_n(record.gap)}"
    )
    parts: list[Any] = [head, _indicator_table(record, lang)]
    if record.not_verified:
        parts.append(_not_verified(record, lang))
    if record.findings:
        parts.append(findings_block(record.findings, lang, width - PANEL))
    return Panel(Group(*parts), title=record.name, expand=True)


def _department_block(record: Record, lang: Lang, width: int = PIPE_WIDTH) -> Panel:
    body = findings_block(record.findings, lang, width - PANEL) if record.findings else Text("0")
    return Panel(body, title=f"{record.name}  ({record.file})", expand=True)


def failure_lines(failure: LoadFailure, lang: Lang) -> list[str]:
    return [clean(f"{failure.location}: {p.path}: {problem_text(p.kind, p.detail, lang)}")
            for p in failure.problems]


def failure_record_lines(record: Record) -> list[str]:
    """The same lines from a failure record (its messages are already in one language), with
    control characters escaped: they go to a terminal."""
    return [clean(f"{record.file}: {p.path}: {p.message}") for p in record.problems]


def _statistics(summary: Summary, console: Console, lang: Lang,
                rule_titles: dict[str, str] | None = None) -> None:
    """Findings per rule, most frequent first, with what each rule checks."""
    t = Table(title=text("findings", lang))
    t.add_column(text("rule", lang), no_wrap=True)
    t.add_column(text("findings", lang), justify="right", no_wrap=True)
    t.add_column(label("rule_title", lang), overflow="fold")
    for code, count in summary.rules:
        t.add_row(code, str(count), clean((rule_titles or {}).get(code, "")))
    console.print(t)


def counts_line(summary: Summary, lang: Lang) -> str:
    """``-q``: the run in one line of counts."""
    severities = "、".join(f"{text('severity.' + k, lang)} {n}" for k, n in summary.findings)
    total = sum(n for _, n in summary.findings)
    if lang == "en":
        line = (f"{summary.projects} projects, {summary.departments} department files: "
                f"{total} findings ({severities.replace('、', ', ') or 'none'})")
        return line + (f"; {summary.failures} files could not be loaded" if summary.failures else "")
    line = f"{summary.projects} 个项目，{summary.departments} 个部门整体数据文件：{total} 个问题"
    line += f"（{severities}）" if severities else ""
    return line + (f"；{summary.failures} 个文件无法读取" if summary.failures else "")


def render_statistics(report: Report, console: Console, lang: Lang) -> None:
    _statistics(report.summary, console, lang)


def encode(kind: str, record: Record, options: Options) -> Record:
    """The record, without the indicators unless ``--detail`` shows them."""
    if kind == "project" and not options.detail:
        return attrs.evolve(record, indicators=())
    return record


def console_for(out: IO[str]) -> Console:
    console = SafeConsole(file=out, soft_wrap=False, highlight=False, markup=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


class Writer(Collecting):
    """Keeps the (lean) records: the projects table is drawn once all are in."""

    def __init__(self, out: IO[str] | Console, options: Options, info: RunInfo):
        super().__init__()
        self.console = out if isinstance(out, Console) else console_for(out)
        self.options = options
        self.info = info

    def add(self, kind: str, payload: dict[str, Any]) -> None:
        # case text, key names and file names are untrusted: no control character reaches
        # the terminal (render.terminal)
        super().add(kind, clean_data(payload))

    def finish(self, summary: Summary) -> None:
        console, lang, options = self.console, self.options.lang, self.options
        width = console.width
        if options.quiet:
            console.print(counts_line(summary, lang))
            return
        if self.projects:
            console.print(projects_table(self.projects, lang, width))
        listing = not (options.summary_only or options.statistics)
        if listing:
            for failure in self.failures:
                for line in failure_record_lines(failure):
                    console.print(Text(line, style="bold red"))
        for record in self.projects:
            if options.detail and not options.summary_only:
                console.print(_case_detail(record, lang, width))
            elif listing and (record.findings or record.not_verified or record.review):
                console.print(Text(f"{record.file}  {record.name}", style="bold"))
                if record.review:
                    colon = "：" if lang == "zh" else ": "
                    console.print(Text(f"{text('status.needs_review', lang)}{colon}"
                                       f"{record.review}",
                                       style="magenta"))
                if record.not_verified:
                    console.print(_not_verified(record, lang))
                if record.findings:
                    console.print(findings_block(record.findings, lang, width), crop=False)
        if listing:
            for department in self.departments:
                console.print(_department_block(department, lang, width))
        console.print(summary_panel(summary, lang, dict(self.info.rule_titles)))
        if options.statistics:
            _statistics(summary, console, lang, dict(self.info.rule_titles))


def render_human(report: Report, console: Console, lang: Lang = "zh", detail: bool = False) -> None:
    options = Options(lang=lang, detail=detail)
    writer = Writer(console, options, RunInfo())
    for kind, record in report_records(report, lang):
        writer.add(kind, encode(kind, record, options))
    writer.finish(report.summary)

