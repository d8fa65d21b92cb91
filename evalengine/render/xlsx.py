"""``--format xlsx -o FILE``: a workbook for evaluators, written directly as SpreadsheetML
(rows go to a spool as they come, so memory stays flat; ~1 µs a cell where openpyxl took
~20).

Sheets, in this order: 汇总 (the summary, first: it is what a reader opens the file for),
项目 (one row per project), 指标 (one row per scored 三级 indicator), 问题 (one row per
finding, projects' and departments', with the rule's title and the 主管部门, so an evaluator
filters by rule, severity and department).  Headers are in Chinese (English with ``--lang
en``); names come before file paths; figures are numbers with their format (money and
scores ``0.00``, rates ``0.00%``), so they sum; long text wraps in sized columns; every cell
has a thin border; headers are frozen and filtered; each sheet prints on A4 landscape, fit
to the page width, with its header row repeated on every page.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import IO, Any

import attrs

from ..numbers import HUNDRED
from ..report import NOT_DEMONSTRATED, Summary
from .data import finding_rows, indicator_rows, num, percent, project_row
from .formats import Options, RunInfo
from .labels import label
from .records import Record

__all__ = ["SHEETS", "Column", "Writer", "cell_text", "encode", "print_setup"]

SHEETS = ("summary", "projects", "indicators", "findings")  # in workbook order


@attrs.frozen
class Column:
    key: str  # in the flat row (render.data)
    label: str  # label key
    kind: str = "text"  # text | wrap | money | score | pct | int
    width: int = 12


PROJECT_SHEET = (
    Column("name", "name", "wrap", 30), Column("department", "department", "wrap", 20),
    Column("implementer", "implementer", "wrap", 20), Column("year", "year", "int", 7),
    Column("profile", "profile", "text", 13), Column("status", "status", "text", 11),
    Column("status_reason", "status_reason", "wrap", 18),
    Column("budget", "budget", "money", 12), Column("executed", "executed", "money", 12),
    Column("rate", "rate_pct", "pct", 10), Column("claimed_total", "claimed", "score", 9),
    Column("verified_total", "verified", "score", 9), Column("gap", "gap", "score", 9),
    Column("claimed_grade", "claimed_grade", "text", 9),
    Column("verified_grade", "verified_grade", "text", 11),
    Column("evidence_share", "evidence_share_pct", "pct", 11),
    Column("supported_points", "supported", "score", 10),
    Column("findings", "findings", "int", 8), Column("errors", "errors", "int", 7),
    Column("warnings", "warnings", "int", 7), Column("infos", "infos", "int", 7),
    Column("rules", "rules_fired", "wrap", 20), Column("file", "file", "wrap", 30),
)
INDICATOR_SHEET = (
    Column("project", "name", "wrap", 24), Column("level1", "level1", "text", 11),
    Column("level2", "level2", "text", 12), Column("name", "indicator", "wrap", 22),
    Column("category", "category", "text", 10), Column("target", "target", "wrap", 26),
    Column("actual", "actual", "wrap", 26), Column("weight", "weight", "score", 8),
    Column("claimed", "claimed", "score", 8), Column("verified", "verified", "score", 8),
    Column("achievement", "achievement_pct", "pct", 10), Column("evidence", "evidence", "text", 10),
    Column("reason", "reason", "wrap", 30), Column("path", "path", "text", 18),
    Column("file", "file", "wrap", 26),
)
FINDING_SHEET = (
    Column("name", "name", "wrap", 24), Column("department", "department", "wrap", 18),
    Column("kind", "kind", "text", 7), Column("code", "rule", "text", 7),
    Column("title", "rule_title", "wrap", 18), Column("severity", "severity", "text", 7),
    Column("message", "message", "wrap", 50), Column("expected", "expected", "wrap", 30),
    Column("found", "found", "wrap", 30), Column("path", "path", "text", 22),
    Column("file", "file", "wrap", 26),
)
COLUMNS = {"projects": PROJECT_SHEET, "indicators": INDICATOR_SHEET, "findings": FINDING_SHEET}


def _value(value: Any, kind: str) -> Any:
    if kind in ("money", "score", "pct"):
        if value is None or value == "":
            return None
        number = Decimal(value)
        return number / HUNDRED if kind == "pct" else number
    return value


def encode(kind: str, record: Record, options: Options) -> dict[str, list[Any]]:
    """The rows this record adds to each sheet as the XML of their cells (figures as
    numbers, rates as fractions): made where the record was, in a worker process under
    ``--jobs``; the writer adds the row numbers."""
    lang = options.lang
    if kind == "failure":
        return {}
    rows: dict[str, list[Any]] = {  # a finding's rule title is filled in by the Writer:
        # (the cells before it, the rule's code, the cells after it)
        "findings": [_split(_row(r, FINDING_SHEET)) for r in finding_rows(kind, record, lang)],
    }
    if kind == "project":
        rows["projects"] = ["".join(_row(project_row(record, lang), PROJECT_SHEET))]
        rows["indicators"] = ["".join(_row(r, INDICATOR_SHEET)) for r in indicator_rows(record, lang)]
    return rows


def _split(cells: list[str]) -> tuple[str, str, str]:
    return ("".join(cells[:_TITLE_COLUMN]), cells[_TITLE_COLUMN], "".join(cells[_TITLE_COLUMN + 1:]))


def _row(row: dict[str, Any], columns: tuple[Column, ...]) -> list[str]:
    """The cells of one row, as :func:`_cell` writes them with :func:`_style`: each column's
    kind and styles looked up once per sheet (:func:`_plan`), the commonest cells (text,
    None) pasted from pieces made once, the rest made by :func:`_cell`."""
    found = _PLANS.get(id(columns))
    plan = found[1] if found is not None and found[0] is columns else _plan(columns)
    out = []
    for key, kind, numeric, style, none, empty, text in plan:
        if text is None:  # the rule title's column: the Writer fills it in by the code
            out.append(row["code"])
            continue
        value = row[key]
        if value is None:
            out.append(none)
        elif value.__class__ is str and not numeric:
            if not value:
                out.append(empty)
            elif (value[0].isspace() or value[-1].isspace()) or _SPECIAL.search(value):
                out.append(_cell(value, style))
            else:
                out.append(f"{text}{value}</t></is></c>")
        else:
            if numeric:
                value = _value(value, kind)
            out.append(_cell(value, _style(kind, value)))
    return out


# id(columns) → (columns, their plan): the sheets' column tuples are constants, and hashing
# one (fifteen attrs records) cost more than the plan saves
_PLANS: dict[int, tuple[tuple[Column, ...], tuple[tuple[Any, ...], ...]]] = {}


def _plan(columns: tuple[Column, ...]) -> tuple[tuple[Any, ...], ...]:
    """Per column: (key, kind, a figure's kind, its style when it holds a value, its cell
    for None, for "", and the start of a plain text cell), or None in the last place for the
    rule title's column."""
    plan = []
    for column in columns:
        kind = column.kind
        style = _style(kind, "")  # the style of a cell that holds a value
        plan.append((column.key, kind, kind in _NUMBER_STYLE, style,
                     _cell(None, _style(kind, None)), _cell("", style),
                     None if column.key == "title" else f'<c s="{style}" t="inlineStr"><is><t>'))
    _PLANS[id(columns)] = (columns, tuple(plan))
    return _PLANS[id(columns)][1]


def cell_text(value: str) -> Any:
    """Text from the cases as Excel will show it: characters a workbook cannot hold (control
    characters) become U+FFFD."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)


def print_setup(sheet: Any, header_rows: int = 1, columns: int = 0) -> None:
    """A4 landscape, fit to the page width, as many pages down as it takes; the first
    ``header_rows`` repeated on each page; with ``columns``, the print area ends there."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if header_rows:
        sheet.print_title_rows = f"1:{header_rows}"
    if columns:
        sheet.print_area = f"A1:{get_column_letter(columns)}{sheet.max_row}"
        sheet.print_options.horizontalCentered = True
    sheet.print_options.gridLines = False


# The workbook is written directly as SpreadsheetML (a zip of XML parts): openpyxl spends
# ~20 µs on each cell's styles, a direct row of text ~1 µs.  The parts are those openpyxl
# writes (its theme included), the styles a fixed table, so a reader sees the same workbook.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument"
# cellXfs: 0 plain, 1 header, 2 wrapped text, 3 text, 4 "0", 5 "0.00" (money, scores),
# 6 "0.00%" (rates), 7 title
_HEADER, _WRAP, _TOP, _TITLE = 1, 2, 3, 7
_NUMBER_STYLE = {"int": 4, "money": 5, "score": 5, "pct": 6}
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><numFmts count="0"/><fonts count="3"><font><name val="Calibri"/>'
    '<family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font><font><b val="1"/>'
    '</font><font><b val="1"/><sz val="14"/></font></fonts><fills count="3"><fill><patternFill/>'
    '</fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
    '<fgColor rgb="00DDEBF7"/></patternFill></fill></fills><borders count="2"><border><left/><right/>'
    '<top/><bottom/><diagonal/></border><border>'
    + "".join(f'<{side} style="thin"><color rgb="00808080"/></{side}>'
              for side in ("left", "right", "top", "bottom"))
    + '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0"/></cellStyleXfs><cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" applyAlignment="1" '
    'xfId="0"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" applyAlignment="1" xfId="0">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    + "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="1" applyAlignment="1" '
              f'xfId="0"><alignment vertical="top"/></xf>' for n in (0, 1, 2, 10))
    + '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
# XML's three, a carriage return kept (as lxml does), and what cell_text replaces
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;",
                         **{chr(c): "\ufffd" for c in (*range(0, 9), 11, 12, *range(14, 32))}})
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f]")


def _letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, count + 1)]


_LETTERS = _letters(32)


def _style(kind: str, value: Any) -> int:
    if kind == "wrap":
        return _WRAP
    return _NUMBER_STYLE.get(kind, _TOP) if value is not None else _TOP


def _cell(value: Any, style: int) -> str:
    """One ``<c>`` as openpyxl writes it (text inline, numbers as ``%.16g``, None empty),
    without its ``r``: a cell with none is the one after the cell before it."""
    if value is None:
        return f'<c s="{style}" t="n"></c>'
    if isinstance(value, str):
        if not value:
            return f'<c s="{style}" t="inlineStr"></c>'
        space = ""
        if (value[0].isspace() or value[-1].isspace()) and not value.isspace():
            space = ' xml:space="preserve"'  # leading or trailing spaces are kept
        if _SPECIAL.search(value):
            value = value.translate(_ESCAPE)
        return f'<c s="{style}" t="inlineStr"><is><t{space}>{value}</t></is></c>'
    return f'<c s="{style}" t="n"><v>{"%.16g" % value}</v></c>'


_TITLE_COLUMN = [c.key for c in FINDING_SHEET].index("title")
_NO_TITLE = _cell("", _WRAP)


class _Sheet:
    """One worksheet: its rows go to a spool as UTF-8 XML as they come (encoded once, copied
    into the workbook as bytes); the rest at the end."""

    def __init__(self, title: str, widths: tuple[int, ...], frozen: bool, titles: bool):
        import tempfile

        self.title, self.widths, self.frozen, self.titles = title, widths, frozen, titles
        self.rows = 0
        # in memory up to 1 MB, then a temporary file: memory stays flat
        self.data = tempfile.SpooledTemporaryFile(max_size=1 << 20)  # noqa: SIM115 - closed in xml()

    def append(self, *rows: str) -> None:
        """Rows, each the XML of its cells (:func:`_cell`)."""
        start = self.rows + 1
        self.rows += len(rows)
        self.data.write("".join([f'<row r="{n}">{cells}</row>' for n, cells in
                                 enumerate(rows, start)]).encode("utf-8"))

    def xml(self, out: IO[bytes], filtered: str | None) -> None:
        import shutil

        head = [f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" '
                'summaryRight="1"/><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews>'
                '<sheetView workbookViewId="0">']
        if self.frozen:  # the header row and the name column stay in view
            head.append('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" '
                        'state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/>'
                        '<selection pane="bottomRight" activeCell="A1" sqref="A1"/>')
        else:
            head.append('<selection activeCell="A1" sqref="A1"/>')
        head.append('</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
                    '<cols>' + "".join(f'<col width="{w}" customWidth="1" min="{i}" max="{i}"/>'
                                       for i, w in enumerate(self.widths, 1)) + '</cols><sheetData>')
        out.write("".join(head).encode("utf-8"))
        self.data.seek(0)
        shutil.copyfileobj(self.data, out, 1 << 20)
        self.data.close()
        tail = ["</sheetData>"]
        if filtered:
            tail.append(f'<autoFilter ref="{filtered}"/>')
        # A4 landscape, fit to the page width, as many pages down as it takes (print_setup)
        tail.append('<printOptions gridLines="0"/><pageMargins left="0.4" right="0.4" top="0.6" '
                    'bottom="0.6" header="0.5" footer="0.5"/><pageSetup orientation="landscape" '
                    'paperSize="9" fitToHeight="0" fitToWidth="1"/></worksheet>')
        out.write("".join(tail).encode("utf-8"))


class Writer:
    def __init__(self, out: IO[bytes], options: Options, info: RunInfo):
        self.out = out
        self.options = options
        self.info = info
        lang = options.lang
        self.sheets = {"summary": _Sheet(label("sheet.summary", lang), (40, 16, 36), False, False)}
        for name, columns in COLUMNS.items():
            sheet = _Sheet(label("sheet." + name, lang), tuple(c.width for c in columns), True, True)
            sheet.append(self._header([label(c.label, lang) for c in columns]))
            self.sheets[name] = sheet
        # a finding's rule title, by its code (the 4th column), as a cell
        self.titles = {code: _cell(title, _WRAP) for code, title in info.rule_titles.items()}

    @staticmethod
    def _header(values: list[Any]) -> str:
        return "".join(_cell(value, _HEADER) for value in values)

    def add(self, kind: str, payload: dict[str, list[list[str]]]) -> None:
        for name, rows in payload.items():
            if name == "findings":
                rows = [before + self.titles.get(code, _NO_TITLE) + after
                        for before, code, after in rows]
            self.sheets[name].append(*rows)

    def _line(self, values: list[Any], kinds: tuple[str, ...] = ("text", "int", "text")) -> None:
        self.sheets["summary"].append("".join(_cell(v, _style(k, v)) for v, k in zip(values, kinds)))

    def _summary(self, summary: Summary) -> None:
        lang = self.options.lang
        sheet = self.sheets["summary"]
        L = lambda key: label(key, lang)  # noqa: E731
        wan = L("unit.wan")
        sheet.append(_cell(L("report.title"), _TITLE))
        if self.info.paths:
            self._line([L("report.scope"), "  ".join(self.info.paths)], ("text", "text"))
        sheet.append("")
        sheet.append(self._header([L("summary.overview"), "", ""]))
        for key, value in (
            ("projects", summary.projects),
            ("projects_rated", summary.rated),
            ("status.not_demonstrated", summary.not_demonstrated),
            ("departments_count", summary.departments),
            ("failed", summary.failures),
        ):
            self._line([L(key), value])
        for key, value, kind in (
            ("money.budget", num(summary.budget), "money"),
            ("money.executed", num(summary.executed), "money"),
            ("money.rate", percent(summary.rate), "pct"),
            ("money.not_demonstrated", num(summary.budget_not_demonstrated), "money"),
        ):
            unit = f"({wan})" if kind == "money" else ""
            self._line([L(key) + unit, _value(value, kind)], ("text", kind))
        for label_key, count in summary.findings:
            self._line([L("severity." + label_key), count])
        sheet.append("")
        sheet.append(self._header([L("grade"), L("claimed_col"), L("verified_col")]))
        claimed = dict(summary.claimed_by_grade)
        for grade, count in summary.by_grade:
            self._line([grade, claimed.get(grade, 0), count], ("text", "int", "int"))
        self._line([L("status.not_demonstrated"), None, summary.not_demonstrated], ("text", "int", "int"))
        self._line([L("no_claim"), summary.no_claim, None], ("text", "int", "int"))
        sheet.append("")
        sheet.append(self._header([L("summary.changes"), L("verified_col"), L("count")]))
        for c, v, n in summary.grade_changes:
            shown = L("status.not_demonstrated") if v == NOT_DEMONSTRATED else v
            self._line([c or L("no_claim"), shown, n], ("text", "text", "int"))
        sheet.append("")
        sheet.append(self._header([L("bin"), L("claimed_col"), L("verified_col")]))
        for start, c, v in summary.score_bins:
            self._line([f"{start}–{start + 10}", c, v], ("text", "int", "int"))
        sheet.append("")
        sheet.append(self._header([L("rule"), L("count"), L("rule_title")]))
        for code, count in summary.rules:
            self._line([code, count, self.info.rule_titles.get(code, "")], ("text", "int", "wrap"))
        sheet.append("")
        sheet.append(self._header([L("department"), L("projects"), L("findings")]))
        for name, projects, findings in summary.by_department:
            self._line([name or L("department_unnamed"), projects, findings], ("wrap", "int", "int"))

    def finish(self, summary: Summary) -> None:
        import shutil
        import tempfile

        self._summary(summary)
        sheets = [self.sheets[name] for name in SHEETS]
        names, titles = [], []
        for index, (name, sheet) in enumerate(zip(SHEETS, sheets)):
            if name == "summary":
                continue
            area = f"$A$1:${_LETTERS[len(COLUMNS[name]) - 1]}${sheet.rows}"
            quoted = "'" + sheet.title.replace("'", "''") + "'"
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" '
                         f'hidden="1">{quoted}!{area}</definedName>')
            titles.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                          f'{quoted}!$1:$1</definedName>')
        defined = "".join(n + t for n, t in zip(names, titles))
        workbook = (
            f'<workbook xmlns="{_MAIN}"><workbookPr/><bookViews><workbookView activeTab="0"/>'
            '</bookViews><sheets>'
            + "".join(f'<sheet xmlns:r="{_REL}" name="{s.title.translate(_ESCAPE)}" sheetId="{i}" '
                      f'state="visible" r:id="rId{i}"/>' for i, s in enumerate(sheets, 1))
            + f'</sheets><definedNames>{defined}</definedNames><calcPr calcId="124519" '
            'fullCalcOnLoad="1"/></workbook>')
        rels = (f'<Relationships xmlns="{_PKG}">'
                + "".join(f'<Relationship Type="{_REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml" '
                          f'Id="rId{i}"/>' for i in range(1, len(sheets) + 1))
                + f'<Relationship Type="{_REL}/styles" Target="styles.xml" Id="rId{len(sheets) + 1}"/>'
                f'<Relationship Type="{_REL}/theme" Target="theme/theme1.xml" '
                f'Id="rId{len(sheets) + 2}"/></Relationships>')
        types = (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.spreadsheetml.styles+xml"/>'
            f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_TYPE}.theme+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      f'ContentType="{_TYPE}.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, len(sheets) + 1))
            + f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.spreadsheetml.sheet.'
            'main+xml"/></Types>')
        root = (f'<Relationships xmlns="{_PKG}"><Relationship Type="{_REL}/officeDocument" '
                'Target="xl/workbook.xml" Id="rId1"/></Relationships>')
        # zipped in a temporary file, then copied: the target may be a stream that cannot
        # seek back to finish an entry's header (a pipe, a device)
        with tempfile.TemporaryFile() as spool:
            self._zip(spool, types, root, workbook, rels, sheets)
            spool.seek(0)
            shutil.copyfileobj(spool, self.out, 1 << 20)

    @staticmethod
    def _zip(spool: IO[bytes], types: str, root: str, workbook: str, rels: str,
             sheets: list[_Sheet]) -> None:
        import zipfile

        from openpyxl.writer.theme import theme_xml

        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as archive:
            for part, text in (("[Content_Types].xml", types), ("_rels/.rels", root),
                               ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                               ("xl/styles.xml", _STYLES), ("xl/theme/theme1.xml", theme_xml)):
                archive.writestr(part, text)
            for index, (name, sheet) in enumerate(zip(SHEETS, sheets), 1):
                filtered = None if name == "summary" else f"A1:{_LETTERS[len(COLUMNS[name]) - 1]}{sheet.rows}"
                with archive.open(f"xl/worksheets/sheet{index}.xml", "w", force_zip64=True) as raw:
                    sheet.xml(raw, filtered)
