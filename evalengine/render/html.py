"""``--format html``: the review report as one self-contained page.

It opens in any browser with no network: the styles are inline, there is no script, no
font, image or link outside the page (the only links are anchors within it).  It reads on a
phone: one column; the projects table keeps 序号, the name, 核实分, 等级 and 问题数 on screen
(the other columns, also on each score card, are hidden below 700 px); the wide indicator
tables scroll sideways inside their box.  Indicator tables are open (``<details open>``, a
reader may fold them) and always printed.  Printing gives A4 pages with headings kept with the
table that follows them and table headers repeated.  Every piece of text from the cases is
escaped.

The content is that of the markdown report (:mod:`evalengine.render.view`): the summary with
grade and score-distribution charts drawn in CSS, a table of projects linking to one score
card per project, findings with their evidence, departments, files that could not be loaded.
"""

from __future__ import annotations

from html import escape as _escape
from typing import Any

from ..i18n import Lang, text
from ..report import Summary
from . import view
from .formats import Options, SpooledDocument
from .labels import grade_rank, label
from .records import FindingRecord, Record
from .terminal import clean

__all__ = ["Writer", "encode", "escape"]


def escape(value: Any) -> str:
    """HTML-escaped, control characters shown as escapes (the page may be printed to a
    terminal, and a browser would show them as nothing)."""
    return _escape(clean(str(value)), quote=True)


CSS = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#d1d9e0;--accent:#0969da;
--error:#cf222e;--warning:#9a6700;--info:#0969da;--g0:#1a7f37;--g1:#0969da;--g2:#9a6700;--g3:#cf222e;--nd:#8250df}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;
--line:#3d444d;--accent:#4493f8;--error:#f85149;--warning:#d29922;--info:#4493f8;--g0:#3fb950;--g1:#4493f8;
--g2:#d29922;--g3:#f85149;--nd:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB",
"Microsoft YaHei","Noto Sans CJK SC",sans-serif;-webkit-text-size-adjust:100%}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}
h3{font-size:1.05em;margin:1.2em 0 .4em}h4{font-size:.95em;margin:.8em 0 .3em}
.muted,.scope,footer{color:var(--muted);font-size:.9em}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--card);padding:.1em .3em;
border-radius:4px;word-break:break-all}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;margin:8px 0}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.kpi b{display:block;font-size:1.3em}.kpi span{color:var(--muted);font-size:.85em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:6px 0}
table{border-collapse:collapse;font-size:.88em}table.wide{min-width:100%}td.name{min-width:9em}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--card);white-space:nowrap}td.n,th.n{text-align:right;white-space:nowrap}
tr.total td{font-weight:600}
p.note{font-size:.85em;color:#555}
.badge{display:inline-block;border-radius:10px;padding:0 .6em;font-size:.8em;color:#fff;vertical-align:middle;
background:var(--muted);white-space:nowrap}
.g0{background:var(--g0)}.g1{background:var(--g1)}.g2{background:var(--g2)}.g3{background:var(--g3)}.nd{background:var(--nd)}
.card{border:1px solid var(--line);border-radius:10px;padding:4px 14px 10px;margin:14px 0;background:var(--bg)}
.facts{margin:.2em 0;color:var(--muted);font-size:.88em}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(110px,1fr));gap:6px;margin:8px 0}
.figures div{background:var(--card);border-radius:6px;padding:4px 8px}
.figures dt{color:var(--muted);font-size:.78em}.figures dd{margin:0;font-weight:600}
details{margin:6px 0}summary{cursor:pointer;color:var(--accent)}
ol.findings{padding-left:1.4em;margin:.3em 0}ol.findings li{margin:.4em 0}
.sev{font-weight:600}.sev-error{color:var(--error)}.sev-warning{color:var(--warning)}.sev-info{color:var(--info)}
.evidence{color:var(--muted);font-size:.88em;margin:.1em 0 0}
.bars td.bar{width:12em;min-width:5em}.bar i{display:block;height:.8em;border-radius:3px;background:var(--accent)}
.bar i.v{background:var(--g0)}
@media (max-width:700px){main{padding:8px}table{font-size:.82em}th,td{padding:3px 4px}
#projects .o{display:none}td.name{min-width:0;word-break:break-all}th{white-space:normal}}
@page{size:A4;margin:14mm 12mm}
@media print{body{font-size:10.5pt;background:#fff;color:#000}main{max-width:none;padding:0}
.scroll{overflow:visible}table{width:100%}thead{display:table-header-group}tr{break-inside:avoid}
h1,h2,h3,h4,summary,.facts,.figures{break-after:avoid;page-break-after:avoid}
details>summary{list-style:none}details>summary::-webkit-details-marker{display:none}
.card{break-inside:auto;border:none;padding:0}.badge{color:#000;border:1px solid #000;background:none}}
"""


def _table(header: list[str], rows: list[list[str]], numeric: range | tuple[int, ...] = (),
           rows_class: list[str] | None = None, wide: bool = False) -> str:
    head = "".join(f'<th{" class=n" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(header))
    body = []
    for r, row in enumerate(rows):
        cls = f' class="{rows_class[r]}"' if rows_class and rows_class[r] else ""
        cells = "".join(f'<td{" class=n" if i in numeric else ""}>{escape(c)}</td>' for i, c in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    table = '<table class="wide">' if wide else "<table>"
    return f'<div class="scroll">{table}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>\n'


def _badge(record: Record, lang: Lang) -> str:
    if record.status in ("not_demonstrated", "needs_review"):
        cls = "nd"
    else:
        rank = grade_rank(record.profile, record.verified_grade)
        cls = f"g{min(rank, 3)}" if rank is not None else ""
    return f'<span class="badge {cls}">{escape(view.status_text(record, lang))}</span>'


def _findings(findings: tuple[FindingRecord, ...], lang: Lang) -> str:
    items = []
    for f in findings:
        severity = f.severity
        evidence = view.evidence_text(f, lang)
        items.append(
            f'<li><span class="sev sev-{escape(severity)}">{escape(text("severity." + severity, lang))}</span> '
            f'<code>{escape(f.code)}</code> <code>{escape(f.path)}</code><br>{escape(f.message)}'
            + (f'<p class="evidence">{escape(evidence)}</p>' if evidence else "") + "</li>")
    return '<ol class="findings">' + "".join(items) + "</ol>\n"


def _card(record: Record, lang: Lang) -> str:
    colon = "：" if lang == "zh" else ": "
    facts = " · ".join(
        f"{escape(k)}{colon}" + (f"<code>{escape(v)}</code>" if k == text("file", lang) else escape(v))
        for k, v in view.card_facts(record, lang))
    header, [values] = view.card_figures(record, lang)
    figures = "".join(f"<div><dt>{escape(h)}</dt><dd>{escape(v)}</dd></div>" for h, v in zip(header, values))
    parts = [f'<p class="facts">{facts}</p>', f'<dl class="figures">{figures}</dl>']
    if record.indicators:
        header, rows = view.indicator_table(record, lang)
        classes = [""] * (len(rows) - 1) + ["total"]
        parts.append(f"<details open><summary>{escape(label('card.indicators', lang))}"
                     f"（{len(record.indicators)}）</summary>"
                     + _table(header, rows, view.INDICATOR_FIGURES, classes, wide=True)
                     + f'<p class="note">{escape(text("rounding_note", lang))}</p></details>')
    unread = view.not_verified_lines(record, lang)
    if unread:
        parts.append(f"<h4>{escape(text('not_verified', lang))}</h4><ul class=\"not-verified\">"
                     + "".join(f"<li>{escape(line)}</li>" for line in unread) + "</ul>")
    parts.append(f"<h4>{escape(label('card.findings', lang))}（{len(record.findings)}）</h4>"
                 if lang == "zh" else
                 f"<h4>{escape(label('card.findings', lang))} ({len(record.findings)})</h4>")
    parts.append(_findings(record.findings, lang) if record.findings
                 else f'<p class="muted">{escape(label("card.no_findings", lang))}</p>')
    return "\n".join(parts)


# columns of view.projects_header a phone does without (they are on each score card):
# 主管部门, 预算数, 执行数, 执行率, 自评分, 差额
PHONE_HIDDEN = frozenset({2, 3, 4, 5, 6, 8})


def _classes(column: int, numeric: bool) -> str:
    classes = " ".join(c for c in ("n" if numeric else "", "o" if column in PHONE_HIDDEN else "") if c)
    return f' class="{classes}"' if classes else ""


def _cell(value: str, column: int, numeric: bool) -> str:
    return f"<td{_classes(column, numeric)}>{escape(value)}</td>"


def encode(kind: str, record: Record, options: Options) -> dict[str, str]:
    lang = options.lang
    if kind == "project":
        cells = view.project_row(0, record, lang)[1:]
        numeric = {2, 3, 4, 5, 6, 7, 9}  # indexes in ``cells`` (no number column)
        row = "".join(_cell(c, i + 1, i in numeric) for i, c in enumerate(cells[1:], start=1))
        return {"name": escape(record.name), "cells": row, "badge": _badge(record, lang),
                "card": _card(record, lang)}
    if kind == "department":
        body = (_findings(record.findings, lang) if record.findings
                else f'<p class="muted">{escape(label("card.no_findings", lang))}</p>')
        return {"html": f'<article class="card"><h3>{escape(record.name)}</h3>'
                        f'<p class="facts"><code>{escape(record.file)}</code></p>{body}</article>\n'}
    items = "".join(f"<li><code>{escape(record.file)}</code> <code>{escape(p.path)}</code> "
                    f"{escape(p.message)}</li>" for p in record.problems)
    return {"html": items}


class Writer(SpooledDocument):
    piece = "html"

    def project_row(self, n: int, payload: dict[str, str]) -> str:
        return (f'<tr><td class=n>{n}</td><td class=name><a href="#p-{n}">{payload["name"]}</a></td>'
                f'{payload["cells"]}</tr>')

    def project_card(self, n: int, payload: dict[str, str]) -> str:
        return (f'<article class="card" id="p-{n}"><h3>{n}. {payload["name"]} '
                f'{payload["badge"]}</h3>\n{payload["card"]}</article>\n')

    def _bars(self, summary: Summary, lang: Lang) -> str:
        peak = max([1, *(max(c, v) for _, c, v in summary.score_bins)])
        rows = []
        for start, c, v in reversed(summary.score_bins):
            rows.append(
                f"<tr><td class=n>{start}–{start + 10}</td>"
                f'<td class=n>{c}</td><td class="bar"><i style="width:{100 * c / peak:.1f}%"></i></td>'
                f'<td class=n>{v}</td><td class="bar"><i class="v" style="width:{100 * v / peak:.1f}%"></i></td></tr>')
        header = "".join(f"<th{' class=n' if i != 2 and i != 4 else ''}>{escape(h)}</th>" for i, h in enumerate(
            [label("bin", lang), label("claimed_col", lang), "", label("verified_col", lang), ""]))
        return (f'<div class="scroll"><table class="bars"><thead><tr>{header}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>\n')

    def _summary(self, summary: Summary) -> str:
        lang = self.options.lang
        L = lambda key: escape(label(key, lang))
        tiles = [
            (str(summary.projects), text("projects", lang)),
            (str(summary.rated), label("projects_rated", lang)),
            (str(summary.not_demonstrated), text("status.not_demonstrated", lang)),
            (view._v(view.num(summary.budget)), f"{label('money.budget', lang)}（{label('unit.wan', lang)}）"),
            (view._v(view.num(summary.executed)), f"{label('money.executed', lang)}（{label('unit.wan', lang)}）"),
            (view._v(view.percent(summary.rate), "%"), label("money.rate", lang)),
        ]
        if summary.needs_review:  # a tile only when some form was marked for review
            tiles.insert(3, (str(summary.needs_review), text("status.needs_review", lang)))
        tiles += [(str(n), text("severity." + k, lang)) for k, n in summary.findings]
        if summary.failures:
            tiles.append((str(summary.failures), text("failed", lang)))
        parts = [f'<section id="summary"><h2>{L("section.summary")}</h2><div class="kpis">'
                 + "".join(f"<div class=kpi><b>{escape(v)}</b><span>{escape(k)}</span></div>" for v, k in tiles)
                 + "</div>"]
        overview = view.overview(summary, lang)
        parts.append('<p class="muted">' + " · ".join(f"{escape(k)}：{escape(v)}" if lang == "zh"
                                                     else f"{escape(k)}: {escape(v)}"
                                                     for k, v in overview[4:5]) + "</p>")
        if summary.projects:
            parts += [f"<h3>{L('summary.grades')}</h3>", _table(*view.grades_table(summary, lang), range(1, 3)),
                      f"<h3>{L('summary.changes')}</h3>", _table(*view.grade_matrix(summary, lang), range(1, 99)),
                      f"<h3>{L('summary.bins')}</h3>", self._bars(summary, lang)]
        header, rows = view.rules_table(summary, lang, dict(self.info.rule_titles))
        parts.append(f"<h3>{L('summary.rules')}</h3>")
        parts.append(_table(header, rows, (2,)) if rows else f'<p class="muted">{L("summary.none")}</p>')
        header, rows = view.departments_table(summary, lang)
        parts.append(f"<h3>{L('summary.departments')}</h3>")
        parts.append(_table(header, rows, (1, 2)) if rows else f'<p class="muted">{L("summary.none")}</p>')
        parts.append("</section>")
        return "\n".join(parts) + "\n"

    def finish(self, summary: Summary) -> None:
        out, lang = self.out, self.options.lang
        L = lambda key: escape(label(key, lang))
        out.write(f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}">\n<head>\n'
                  '<meta charset="utf-8">\n'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  f"<title>{L('report.title')}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
                  f"<header><h1>{L('report.title')}</h1>")
        if self.info.paths:
            colon = "：" if lang == "zh" else ": "
            out.write(f'<p class="scope">{L("report.scope")}{colon}'
                      + " ".join(f"<code>{escape(p)}</code>" for p in self.info.paths) + "</p>")
        out.write("</header>\n")
        out.write(self._summary(summary))
        if self.rows.count:
            header = view.projects_header(lang)
            numeric = {0, 3, 4, 5, 6, 7, 8, 10}
            head = "".join(f"<th{_classes(i, i in numeric)}>{escape(h)}</th>"
                           for i, h in enumerate(header))
            out.write(f'<section id="projects"><h2>{L("section.projects")}</h2>'
                      f'<div class="scroll"><table class="wide"><thead><tr>{head}</tr></thead><tbody>\n')
            self.rows.copy_to(out)
            out.write("</tbody></table></div></section>\n")
            out.write(f'<section id="cards"><h2>{L("section.cards")}</h2>\n')
            self.cards.copy_to(out)
            out.write("</section>\n")
        if self.departments.count:
            out.write(f'<section id="departments"><h2>{L("section.departments")}</h2>\n')
            self.departments.copy_to(out)
            out.write("</section>\n")
        if self.failures.count:
            out.write(f'<section id="failures"><h2>{L("section.failures")}</h2><ul>\n')
            self.failures.copy_to(out)
            out.write("</ul></section>\n")
        if self.info.version:
            out.write(f"<footer>{escape(label('report.generated', lang).format(version=self.info.version))}"
                      "</footer>\n")
        out.write("</main>\n</body>\n</html>\n")
        for spool in (self.rows, self.cards, self.departments, self.failures):
            spool.close()
