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
to a Latin font), tables in 宋体, page numbers in the footer (a PAGE field).  The report is
written in Chinese whatever ``--lang`` says: it is a Chinese official document.
"""

from __future__ import annotations

import datetime
import tomllib
from collections import Counter, defaultdict
from functools import cache
from typing import IO, Any

from ..report import Summary
from ..resources import rules_dir
from .data import num, percent
from .formats import Options, RunInfo
from .labels import grade_label, label
from .view import status_text

__all__ = ["Writer", "encode", "review_wording"]

TITLE_FONT, HEADING_FONT, BODY_FONT, TABLE_FONT = "宋体", "黑体", "仿宋", "宋体"
LATIN_FONT = "Times New Roman"
TITLE_SIZE, HEADING_SIZE, BODY_SIZE, TABLE_SIZE = 22, 16, 14, 9  # points (二号, 三号, 四号, 小五)
CHINESE_NUMBERS = "一二三四五六七八九十"


@cache
def review_wording() -> dict[str, Any]:
    """``rules/review.toml``: 评价依据 per profile, family headings and advice per rule."""
    with (rules_dir() / "review.toml").open("rb") as handle:
        return tomllib.load(handle)


def encode(kind: str, record: dict[str, Any], options: Options) -> dict[str, Any]:
    return record


def _money(value: Any) -> str:
    return num(value) or "—"


def _v(value: Any, suffix: str = "") -> str:
    return "—" if value is None or value == "" else f"{value}{suffix}"


class Writer:
    """Keeps the records; the document is built once the run is complete."""

    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        self.out = out
        self.options = options
        self.info = info
        self.projects: list[dict[str, Any]] = []
        self.departments: list[dict[str, Any]] = []
        self.failures: list[dict[str, Any]] = []

    def add(self, kind: str, payload: dict[str, Any]) -> None:
        {"project": self.projects, "department": self.departments,
         "failure": self.failures}[kind].append(payload)

    def finish(self, summary: Summary) -> None:
        _Report(self, summary).build().save(self.out)


class _Report:
    def __init__(self, writer: Writer, summary: Summary):
        from docx import Document

        self.w = writer
        self.summary = summary
        self.wording = review_wording()
        self.doc = Document()
        self._styles()

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
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)  # GB/T 9704
        section.left_margin, section.right_margin = Mm(28), Mm(26)
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
            paragraph.add_run(bold_lead).bold = True
        paragraph.add_run(text)
        return paragraph

    def _table(self, header: list[str], rows: list[list[str]], widths: list[float],
               numeric: set[int] = frozenset()) -> Any:
        """A bordered table (the "Table Grid" style, borders set on the table itself as well,
        so they survive a template without that style), header repeated on each page."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

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

        def fill(row: Any, values: list[str], bold: bool = False) -> None:
            for index, (cell, value) in enumerate(zip(row.cells, values)):
                cell.width = Mm(widths[index])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.first_line_indent = Pt(0)
                paragraph.paragraph_format.line_spacing = 1.0
                if index in numeric and not bold:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif bold:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(value)
                self._fonts(run, TABLE_FONT, TABLE_SIZE, bold or None)

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
        profiles = list(dict.fromkeys(p["profile"] for p in self.w.projects)) or ["central-2020"]
        cited = self.wording.get("basis", {})
        parts = [cited.get(p) or p for p in profiles]
        if self.w.options.basis:
            parts.append(self.w.options.basis)
        return "；".join(parts)

    def _departments(self) -> list[str]:
        names = [p["department"] for p in self.w.projects if p["department"]]
        names += [d["name"] for d in self.w.departments]
        return list(dict.fromkeys(names))

    def _cover(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Pt

        options = self.w.options
        years = sorted({p["year"] for p in self.w.projects if p["year"] is not None})
        year = f"{years[0]}年度" if len(years) == 1 else ""
        title = options.title or f"{year}项目支出绩效自评复核报告"
        for _ in range(4):
            self.doc.add_paragraph()
        heading = self.doc.add_paragraph(title, style="Title")
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for _ in range(4):
            self.doc.add_paragraph()
        departments = self._departments()
        target = "、".join(departments) or "（未写明主管部门）"
        date = options.date or _today()
        for lead, value in (("评价对象：", f"{target}报送的 {self.summary.projects} 个项目支出绩效自评"),
                            ("评价依据：", self._basis()),
                            ("评价机构：", options.org or "（未填写，可用 --org 或配置 [report] org 指定）"),
                            ("报告日期：", date)):
            paragraph = self._para(value, indent=False, bold_lead=lead)
            paragraph.paragraph_format.left_indent = Pt(BODY_SIZE * 2)
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _basic(self) -> None:
        s = self.summary
        self.doc.add_heading("一、基本情况", level=1)
        departments = self._departments()
        scope = (f"本次复核的对象为{'、'.join(departments) or '各单位'}报送的 {s.projects} 个项目支出"
                 f"绩效自评表及自评报告")
        if s.departments:
            scope += f"，以及 {s.departments} 份部门整体支出数据"
        rate = percent(s.rate)
        money = (f"。纳入复核的项目预算合计 {_money(s.budget)} 万元，执行 {_money(s.executed)} 万元"
                 + (f"，总体预算执行率 {rate}%" if rate is not None else "") + "。")
        self._para(scope + money)
        self._para(f"复核依据{self._basis()}，对每个项目重新计算预算执行得分和各项绩效指标得分，将核实"
                   "得分与单位自评分对照；同时检查自评表数据之间、自评表与自评报告文字之间、项目与部门"
                   "整体数据之间是否一致。指标完成值只写“完成”等文字、无法与指标值比较的，不予计分。")
        if s.failures:
            self._para(f"另有 {s.failures} 个文件无法读取，未纳入复核（见附件3）。")

    def _scores(self) -> None:
        s = self.summary
        self.doc.add_heading("二、评分结果", level=1)
        verified = "，".join(f"{grade_label(None, g)} {n} 个" for g, n in s.by_grade if n)
        claimed = "，".join(f"{grade_label(None, g)} {n} 个" for g, n in s.claimed_by_grade if n)
        text = f"{s.projects} 个项目中，经核实可以评级的 {s.rated} 个"
        text += f"（{verified}）" if verified else ""
        if s.not_demonstrated:
            text += (f"；{s.not_demonstrated} 个项目因缺少自评表或完成值无法核实，绩效结果未能证实，"
                     f"涉及预算 {_money(s.budget_not_demonstrated)} 万元")
        text += "。单位自评"
        text += f"为{claimed}" if claimed else "均未给出自评分"
        text += f"，{s.no_claim} 个项目未给出自评分。" if s.no_claim and claimed else "。"
        higher = sum(1 for p in self.w.projects if p["gap"] and not p["gap"].startswith("-")
                     and p["gap"] != "0.00")
        if higher:
            text += f"核实得分低于自评分的项目 {higher} 个，详见下表。"
        self._para(text)
        rows = []
        for number, p in enumerate(self.w.projects, start=1):
            rows.append([str(number), p["name"], _v(p["claimed_total"]),
                         _v(grade_label(p["profile"], p["claimed_grade"])),
                         _v(p["verified_total"]), status_text(p, "zh"), _v(p["gap"])])
        self._table(["序号", "项目名称", "自评分", "自评等级", "核实分", "核实等级", "差额"], rows,
                    [12, 60, 16, 16, 16, 22, 14], numeric={2, 4, 6})

    def _family(self, code: str) -> str:
        return self.w.info.rule_families.get(code, "custom")

    def _findings(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(document record, finding) for every finding, projects first, departments after."""
        return [(r, f) for r in (*self.w.projects, *self.w.departments) for f in r["findings"]]

    def _problems(self) -> None:
        self.doc.add_heading("三、发现的主要问题", level=1)
        findings = self._findings()
        if not findings:
            self._para("复核未发现自评表与自评报告之间的不一致或计分问题。")
            return
        families = self.wording["families"]
        by_family: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for record, finding in findings:
            by_family[self._family(finding["code"])][finding["code"]].append((record, finding))
        ordered = sorted(by_family, key=lambda f: families.get(f, {}).get("order", 99))
        for number, family in enumerate(ordered):
            heading = families.get(family, {}).get("heading", "其他方面")
            self.doc.add_heading(f"（{CHINESE_NUMBERS[number % 10]}）{heading}", level=2)
            rules = sorted(by_family[family].items(), key=lambda item: -len(item[1]))
            for index, (code, items) in enumerate(rules, start=1):
                title = self.w.info.rule_titles.get(code, "")
                projects = list(dict.fromkeys(r["name"] for r, _ in items))
                self._para(f"涉及 {len(projects)} 个{'项目' if items[0][0] in self.w.projects else '文件'}。",
                           bold_lead=f"{index}. {title}。")
                for record, finding in items:
                    self._para(_sentence(finding["message"]), bold_lead=f"“{record['name']}”：")

    def _advice(self) -> None:
        self.doc.add_heading("四、意见和建议", level=1)
        findings = self._findings()
        if not findings:
            self._para("建议继续按现行办法做好绩效自评工作。")
            return
        families = self.wording["families"]
        advice = self.wording.get("advice", {})
        by_code: dict[str, list[str]] = defaultdict(list)
        for record, finding in findings:
            if record["name"] not in by_code[finding["code"]]:
                by_code[finding["code"]].append(record["name"])
        counts = Counter(f["code"] for _, f in findings)
        codes = sorted(by_code, key=lambda c: (families.get(self._family(c), {}).get("order", 99),
                                               -counts[c], c))
        seen: set[str] = set()
        number = 0
        for code in codes:
            projects = by_code[code]
            template = advice.get(code) or families.get(self._family(code), {}).get("advice", "")
            sentence = template.format(projects="、".join(projects), count=len(projects))
            if sentence in seen:  # one family sentence once, however many of its rules fired
                continue
            seen.add(sentence)
            number += 1
            self._para(sentence, bold_lead=f"（{number}）")
        self._para("请被评价单位对上述问题逐项整改，并在下一年度绩效自评中如实填报。")

    def _score_sheets(self) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.shared import Mm

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
        self.doc.add_heading("附件1：项目复核评分表", level=1)
        for number, p in enumerate(self.w.projects, start=1):
            self.doc.add_heading(f"{number}. {p['name']}", level=3)
            facts = [f"主管部门：{p['department'] or '—'}", f"实施单位：{p['implementer'] or '—'}",
                     f"预算数 {_v(p['funds']['budget'])} 万元，执行数 {_v(p['funds']['executed'])} 万元，"
                     f"执行率 {_v(p['funds']['rate'], '%')}"]
            self._para("；".join(facts) + "。", indent=False)
            rows = [["预算执行率", "", "", "", _v(p["funds"]["rate"], "%"), _v(p["funds"]["weight"]),
                     _v(p["funds"]["claimed"]), _v(p["funds"]["verified"]), ""]]
            for item in p.get("indicators", []):
                rows.append([item["level1"] or item["category"], item["level2"], item["name"],
                             item["target"], item["actual"], _v(item["weight"]), _v(item["claimed"]),
                             _v(item["verified"]), _deduction(item)])
            rows.append(["合计", "", "", "", "", "", _v(p["claimed_total"]), _v(p["verified_total"]),
                         f"核实等级：{status_text(p, 'zh')}"])
            self._table(["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "自评分", "核实分",
                         "扣分原因"], rows, [22, 24, 36, 40, 40, 13, 15, 15, 52], numeric={5, 6, 7})

    def _appendix(self) -> None:
        self.doc.add_heading("附件2：问题清单（含规则代码）", level=1)
        rows = []
        for number, (record, f) in enumerate(self._findings(), start=1):
            rows.append([str(number), record["name"], f["code"], label("severity." + f["severity"]),
                         f["path"], f["message"]])
        self._table(["序号", "项目", "规则", "级别", "位置", "说明"], rows or [["", "无", "", "", "", ""]],
                    [12, 50, 14, 12, 50, 119])
        if self.w.failures:
            self.doc.add_heading("附件3：无法读取的文件", level=1)
            rows = [[f["file"], p["path"], p["message"]] for f in self.w.failures for p in f["problems"]]
            self._table(["文件", "位置", "说明"], rows, [90, 50, 117])

    def build(self) -> Any:
        self._cover()
        self._basic()
        self._scores()
        self._problems()
        self._advice()
        self._score_sheets()
        self._appendix()
        return self.doc


def _deduction(item: dict[str, Any]) -> str:
    """扣分原因: the scoring reason where points were lost, empty where none were."""
    weight, verified = item["weight"], item["verified"]
    if weight is not None and verified is not None and verified == weight:
        return ""
    return item["reason_text"]


def _sentence(message: str) -> str:
    message = message.strip()
    return message if message.endswith(("。", "！", "？")) else message + "。"


def _today() -> str:
    today = datetime.date.today()
    return f"{today.year}年{today.month}月{today.day}日"
