"""``--format docx -o FILE``: a Word 评价报告 an evaluator can sign (python-docx).

The report is written in report prose, not as a listing:

* a cover — title, 评价对象, 评价依据 (the scoring profile's 文号, from ``rules/review.toml``),
  评价机构 and date (``--org`` / ``--date`` or the configuration's ``[report]`` table);
* 一、基本情况 — scope, money, method; 二、评分结果 — the grade table, claimed against verified;
* 三、发现的主要问题 — grouped by kind of problem (the rule families, in the order and with
  the headings of ``rules/review.toml``), each problem in the rule's own sentence with the
  form's figures, under the project it concerns; no key paths and no rule codes;
* 四、意见和建议 — one recommendation per kind of problem found (``rules/review.toml``),
  naming the projects concerned;
* 附件1 a bordered 复核评分表 per project (on landscape pages), 附件2 the findings with their rule
  codes and key paths (for the department's staff), 附件3 files that could not be read.

Typesetting follows the habits of Chinese official documents: A4, title in 宋体, headings in
黑体, body in 仿宋 (set as the East Asian font, ``w:eastAsia``, so Word does not fall back
to a Latin font), tables in 宋体, page numbers in the footer (a PAGE field).  Every sentence
and label is data in ``rules/review.toml`` (``[text.zh]``; ``[text.en]`` with ``--lang en``).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections import Counter, defaultdict
from functools import cache
from typing import IO, Any

from ..report import Summary
from ..resources import rules_dir
from .data import num, percent
from .formats import Collecting, Options, RunInfo
from .labels import grade_label, label
from .records import FindingRecord, Record
from .view import deduction, not_verified_prose, status_text

__all__ = ["Writer", "encode", "review_wording"]

TITLE_FONT, HEADING_FONT, BODY_FONT, TABLE_FONT = "宋体", "黑体", "仿宋", "宋体"
LATIN_FONT = "Times New Roman"
TABLE_STYLE = "Table Text"  # the paragraph style of table cells
TITLE_SIZE, HEADING_SIZE, BODY_SIZE, TABLE_SIZE = 22, 16, 14, 9  # points (二号, 三号, 四号, 小五)
CHINESE_NUMBERS = "一二三四五六七八九十"
# what a Word document cannot hold (XML 1.0): shown as U+FFFD rather than failing the report
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@cache
def review_wording() -> dict[str, Any]:
    """``rules/review.toml``: 评价依据 per profile, family headings and advice per rule."""
    with (rules_dir() / "review.toml").open("rb") as handle:
        return tomllib.load(handle)


def encode(kind: str, record: Record, options: Options) -> Record:
    """The record, kept to the end: its findings' words formatted now, where it was made."""
    for finding in getattr(record, "findings", ()):
        finding.settled()
    return record


def _money(value: Any) -> str:
    return num(value) or "—"


def _v(value: Any, suffix: str = "") -> str:
    return "—" if value is None or value == "" else f"{value}{suffix}"


class Writer(Collecting):
    """Keeps the records; the document is built once the run is complete."""

    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        super().__init__()
        self.out = out
        self.options = options
        self.info = info

    def finish(self, summary: Summary) -> None:
        _Report(self, summary).build().save(self.out)


class _Report:
    def __init__(self, writer: Writer, summary: Summary):
        from docx import Document

        self.w = writer
        self.summary = summary
        self.lang = writer.options.lang
        self.en = self.lang == "en"
        self.wording = review_wording()
        self.words = self.wording["text"]["en" if self.en else "zh"]
        self.doc = Document()
        self._styles()

    def t(self, key: str, **params: Any) -> Any:
        """A sentence or label of rules/review.toml [text.<lang>], filled in."""
        value = self.words[key]
        return value.format(**params) if isinstance(value, str) and params else value

    def _family_word(self, family: str, key: str) -> str:
        table = self.wording["families"].get(family, {})
        return (table.get(key + "_en") if self.en else None) or table.get(key, "")

    # --- typesetting ---------------------------------------------------------------------

    @staticmethod
    def _fonts(element: Any, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
        """Set a style's or run's fonts: the East Asian one by name (w:eastAsia), the Latin
        one for digits and letters; theme fonts removed so they cannot override."""
        from docx.oxml.ns import qn
        from docx.shared import Pt

        font = element.font
        font.name = LATIN_FONT
        if size is not None:
            font.size = Pt(size)
        if bold is not None:
            font.bold = bold
        rpr = element.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), east_asia)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts.get(qn(theme)) is not None:
                del fonts.attrib[qn(theme)]

    def _styles(self) -> None:
        from docx.shared import Mm, Pt, RGBColor

        styles = self.doc.styles
        normal = styles["Normal"]
        self._fonts(normal, BODY_FONT, BODY_SIZE)
        normal.paragraph_format.line_spacing = Pt(26)
        normal.paragraph_format.space_after = Pt(0)
        for name, size in (("Title", TITLE_SIZE), ("Heading 1", HEADING_SIZE),
                           ("Heading 2", BODY_SIZE + 1), ("Heading 3", BODY_SIZE)):
            style = styles[name]
            self._fonts(style, TITLE_FONT if name == "Title" else HEADING_FONT, size, True)
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.italic = False
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
        for name in ("Heading 2", "Heading 3"):
            self._fonts(styles[name], BODY_FONT if name == "Heading 3" else HEADING_FONT)
        from docx.enum.style import WD_STYLE_TYPE

        cell = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # the text of every table
        cell.base_style = normal
        self._fonts(cell, TABLE_FONT, TABLE_SIZE)
        cell.paragraph_format.first_line_indent = Pt(0)
        cell.paragraph_format.line_spacing = 1.0
        from docx.oxml.ns import qn

        title_ppr = styles["Title"].element.pPr
        if title_ppr is not None:  # the template's title has a coloured rule under it
            for border in title_ppr.findall(qn("w:pBdr")):
                title_ppr.remove(border)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)  # GB/T 9704
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.different_first_page_header_footer = True  # no page number on the cover
        self._page_numbers(section)

    @staticmethod
    def _page_numbers(section: Any) -> None:
        """"— N —" centred in the footer, N a PAGE field Word fills in."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("— ")
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                           ("end", None)):
            run = paragraph.add_run()
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            elif text == "PAGE":
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = " PAGE "
                run._r.append(instruction)
            else:
                run.text = text
        paragraph.add_run(" —")

    def _para(self, text: str = "", indent: bool = True, bold_lead: str = "") -> Any:
        from docx.shared import Pt

        paragraph = self.doc.add_paragraph()
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(BODY_SIZE * 2)  # 首行缩进 2 字
        if bold_lead:
            paragraph.add_run(_xml(bold_lead)).bold = True
        paragraph.add_run(_xml(text))
        return paragraph

    def _heading(self, text: str, level: int) -> None:
        self.doc.add_heading(_xml(text), level=level)

    def _table(self, header: list[str], rows: list[list[str]], widths: list[float],
               numeric: set[int] = frozenset()) -> Any:
        """A bordered table (the "Table Grid" style, borders set on the table itself as well,
        so they survive a template without that style), header repeated on each page, and no
        row split across a page break (w:cantSplit)."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm

        style = self.doc.styles[TABLE_STYLE].style_id
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # the widths below, not the content, size the columns
        for column, width in zip(table.columns, widths):
            column.width = Mm(width)  # w:gridCol, which LibreOffice reads
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
                element.set(qn(f"w:{key}"), value)
            borders.append(element)
        table._tbl.tblPr.append(borders)

        cell_widths = [Mm(w) for w in widths]

        def fill(row: Any, values: list[str], bold: bool = False) -> None:
            keep = OxmlElement("w:cantSplit")
            keep.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(keep)
            for index, (cell, value) in enumerate(zip(row.cells, values)):
                cell.width = cell_widths[index]
                paragraph = cell.paragraphs[0]
                paragraph._p.style = style  # fonts, size, spacing: the style's (set by id:
                # python-docx's setter looks the style up among all of them, for each cell)
                if index in numeric and not bold:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif bold:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(_xml(value))
                if bold:
                    run.bold = True

        head = table.rows[0]
        fill(head, header, bold=True)
        header_mark = OxmlElement("w:tblHeader")
        header_mark.set(qn("w:val"), "true")
        head._tr.get_or_add_trPr().append(header_mark)
        for values in rows:
            fill(table.add_row(), values)
        return table

    # --- content ---------------------------------------------------------------------------

    def _basis(self) -> str:
        profiles = list(dict.fromkeys(p.profile for p in self.w.projects)) or ["central-2020"]
        cited = self.wording.get("basis", {})
        parts = [cited.get(p) or self._profile_name(p) for p in profiles]
        if self.w.options.basis:
            parts.append(self.w.options.basis)
        return ("；" if not self.en else "; ").join(parts)

    def _profile_name(self, profile_id: str) -> str:
        """A scoring profile without a [basis] entry is cited by its own name (河北省 项目支出绩效
        自评表（调整预算数）), not by its file's id."""
        from ..loader import ConfigError
        from ..profile import load_profile

        try:
            profile = load_profile(profile_id)
        except ConfigError:
            return profile_id
        return (profile.name_en if self.en else None) or profile.name or profile_id

    def _departments(self) -> list[str]:
        names = [p.department for p in self.w.projects if p.department]
        names += [d.name for d in self.w.departments]
        return list(dict.fromkeys(names))

    def _cover(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Pt

        options = self.w.options
        years = sorted({p.year for p in self.w.projects if p.year is not None})
        year = self.t("year", year=years[0]) if len(years) == 1 else ""
        title = options.title or self.t("title", year=year)
        for _ in range(4):
            self.doc.add_paragraph()
        heading = self.doc.add_paragraph(_xml(title), style="Title")
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for _ in range(4):
            self.doc.add_paragraph()
        target = self.t("list").join(self._departments()) or self.t("no_department")
        today = datetime.date.today()
        date = options.date or self.t("date_format", y=today.year, m=today.month, d=today.day)
        for lead, value in ((self.t("object"), self.t("object_text", departments=target,
                                                      n=self.summary.projects)),
                            (self.t("basis"), self._basis()),
                            (self.t("org"), options.org or self.t("org_missing")),
                            (self.t("date"), date)):
            paragraph = self._para(value, indent=False, bold_lead=lead)
            paragraph.paragraph_format.left_indent = Pt(BODY_SIZE * 2)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _basic(self) -> None:
        s = self.summary
        self._heading(self.t("h_basic"), level=1)
        departments = self.t("list").join(self._departments()) or self.t("scope_all")
        text = self.t("scope", departments=departments, n=s.projects)
        if s.departments:
            text += self.t("scope_departments", n=s.departments)
        text += self.t("money", budget=_money(s.budget), executed=_money(s.executed))
        rate = percent(s.rate)
        if rate is not None:
            text += self.t("money_rate", rate=rate)
        self._para(text + self.t("stop"))
        self._para(self.t("method", basis=self._basis()))
        if s.failures:
            self._para(self.t("failures", n=s.failures))

    def _grades(self, pairs: Any) -> str:
        return self.t("grade_join").join(self.t("grade_count", grade=grade_label(None, g, self.lang), n=n)
                                         for g, n in pairs if n)

    def _scores(self) -> None:
        s = self.summary
        self._heading(self.t("h_scores"), level=1)
        verified, claimed = self._grades(s.by_grade), self._grades(s.claimed_by_grade)
        text = self.t("rated", n=s.projects, rated=s.rated)
        text += self.t("rated_grades", grades=verified) if verified else ""
        if s.not_demonstrated:
            text += self.t("not_demonstrated", n=s.not_demonstrated,
                           budget=_money(s.budget_not_demonstrated))
        if getattr(s, "needs_review", 0):
            text += self.t("needs_review", n=s.needs_review)
        text += self.t("claimed", grades=claimed) if claimed else self.t("claimed_none")
        if s.no_claim and claimed:
            text += self.t("no_claim", n=s.no_claim)
        text += self.t("stop")
        higher = sum(1 for p in self.w.projects if p.gap and not p.gap.startswith("-")
                     and p.gap != "0.00")
        if higher:
            text += self.t("higher", n=higher)
        self._para(text)
        rows = []
        for number, p in enumerate(self.w.projects, start=1):
            rows.append([str(number), p.name, _v(p.claimed_total),
                         _v(grade_label(p.profile, p.claimed_grade, self.lang)),
                         _v(p.verified_total), status_text(p, self.lang), _v(p.gap)])
        self._table(self.t("grade_table"), rows, [11, 52, 15, 15, 15, 34, 14], numeric={2, 4, 6})

    def _family(self, code: str) -> str:
        return self.w.info.rule_families.get(code, "custom")

    def _findings(self) -> list[tuple[Record, FindingRecord]]:
        """(document record, finding) for every finding, projects first, departments after."""
        return [(r, f) for r in (*self.w.projects, *self.w.departments) for f in r.findings]

    def _message(self, finding: FindingRecord) -> str:
        message = finding.message.strip()  # already in the output language
        end = self.t("sentence_end")
        return message if message.endswith(("。", "！", "？", ".", "!", "?")) else message + end

    def _problems(self) -> None:
        self._heading(self.t("h_problems"), level=1)
        findings = self._findings()
        if not findings:
            self._para(self.t("no_findings"))
            return
        families = self.wording["families"]
        by_family: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for record, finding in findings:
            by_family[self._family(finding.code)][finding.code].append((record, finding))
        ordered = sorted(by_family, key=lambda f: families.get(f, {}).get("order", 99))
        for number, family in enumerate(ordered):
            heading = self._family_word(family, "heading") or self.t("other")
            prefix = f"（{CHINESE_NUMBERS[number % 10]}）" if not self.en else f"3.{number + 1} "
            self._heading(prefix + heading, level=2)
            rules = sorted(by_family[family].items(), key=lambda item: -len(item[1]))
            for index, (code, items) in enumerate(rules, start=1):
                title = self.w.info.rule_titles.get(code, "")
                names = list(dict.fromkeys(r.name for r, _ in items))
                count = self.t("rule_projects" if items[0][0] in self.w.projects else "rule_files",
                               n=len(names))
                self._para(count, bold_lead=self.t("rule_lead", index=index, title=title))
                shown = items[:self.wording.get("examples_per_rule", len(items))]
                for record, finding in shown:
                    self._para(self._message(finding),
                               bold_lead=self.t("finding_lead", name=record.name))
                if len(items) > len(shown):
                    self._para(self.t("more", n=len(items) - len(shown)))

    def _advice(self) -> None:
        self._heading(self.t("h_advice"), level=1)
        findings = self._findings()
        if not findings:
            self._para(self.t("no_advice"))
            return
        families = self.wording["families"]
        advice = self.wording.get("advice_en" if self.en else "advice", {})
        by_code: dict[str, list[str]] = defaultdict(list)
        for record, finding in findings:
            if record.name not in by_code[finding.code]:
                by_code[finding.code].append(record.name)
        counts = Counter(f.code for _, f in findings)
        codes = sorted(by_code, key=lambda c: (families.get(self._family(c), {}).get("order", 99),
                                               -counts[c], c))
        seen: set[str] = set()
        number = 0
        for code in codes:
            projects = by_code[code]
            template = advice.get(code) or self._family_word(self._family(code), "advice")
            limit = self.wording.get("examples_per_rule", len(projects))
            names = self.t("list").join(projects[:limit])
            if len(projects) > limit:
                names = self.t("projects_more", names=names, n=len(projects), more=len(projects) - limit)
            sentence = template.format(projects=names, count=len(projects))
            if sentence in seen:  # one family sentence once, however many of its rules fired
                continue
            seen.add(sentence)
            number += 1
            self._para(sentence, bold_lead=self.t("advice_lead", n=number))
        self._para(self.t("closing"))

    def _score_sheets(self) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.shared import Mm

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
        self._heading(self.t("h_sheets"), level=1)
        for number, p in enumerate(self.w.projects, start=1):
            self._heading(f"{number}. {p.name}", level=3)
            funds = p.funds
            self._para(self.t("sheet_facts", department=p.department or "—",
                              implementer=p.implementer or "—", budget=_v(funds.budget),
                              executed=_v(funds.executed), rate=_v(funds.rate, "%")),
                       indent=False)
            rows = [[self.t("budget_row"), "", "", "", _v(funds.rate, "%"), _v(funds.weight),
                     _v(funds.claimed), _v(funds.verified), ""]]
            for item in p.indicators:
                rows.append([item.level1 or item.category, item.level2, item.name,
                             item.target, item.actual, _v(item.weight), _v(item.claimed),
                             _v(item.verified), deduction(item)])
            rows.append([self.t("total_row"), "", "", "", "", "", _v(p.claimed_total),
                         _v(p.verified_total),
                         self.t("verified_grade", grade=status_text(p, self.lang))])
            self._table(self.t("sheet_table"), rows, [22, 24, 36, 40, 40, 13, 15, 15, 52],
                        numeric={5, 6, 7})
            lines = not_verified_prose(p, self.lang, self.w.info.rule_titles)  # cells not read
            if lines:
                self._para("；".join(lines) if not self.en else "; ".join(lines), indent=False,
                           bold_lead=self.t("not_verified"))

    def _appendix(self) -> None:
        self._heading(self.t("h_codes"), level=1)
        rows = []
        for number, (record, f) in enumerate(self._findings(), start=1):
            rows.append([str(number), record.name, f.code, label("severity." + f.severity, self.lang),
                         f.path, f.message])
        self._table(self.t("codes_table"), rows or [["", self.t("none"), "", "", "", ""]],
                    [12, 50, 14, 12, 50, 119])
        if self.w.failures:
            self._heading(self.t("h_failures"), level=1)
            rows = [[f.file, p.path, p.message] for f in self.w.failures for p in f.problems]
            self._table(self.t("failures_table"), rows, [90, 50, 117])

    def build(self) -> Any:
        self._cover()
        self._basic()
        self._scores()
        self._problems()
        self._advice()
        self._score_sheets()
        self._appendix()
        return self.doc
