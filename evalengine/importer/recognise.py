"""The form recogniser: one :class:`~.sheets.Sheet` in, the self-assessment forms in it out.

It works on the sheet's cells as a token stream (every cell in reading order, with its row
and column where the sheet knows them), in three steps:

1. **Forms.**  A form starts at its title (``…绩效自评表``, ``…绩效目标自评``) or at a
   ``项目名称`` label; a title right after a title, or a 项目名称 right after a title, belongs
   to the same form.  Cells before the first start make a form only if they hold an indicator
   table (the tail of a form whose beginning is cut off).
2. **Sections.**  Inside a form, labels dispatch to small readers: the header fields
   (项目名称, 主管部门, 实施单位), the funds table (项目资金 / 预算执行情况: its column labels, then
   rows labelled 年度资金总额 / 总额 / 其中:财政拨款 …), the goal (预期目标 / 实际完成情况), the
   indicator table (a header row of column labels, then rows), the closing text (评价结论 …)
   and the total (合计 / 总分).
3. **Indicator rows.**  The header says the columns (三级指标, 年度指标值 / 指标值, 实际完成值 /
   完成值, 分值 / 权重, 得分, 指标性质, 度量单位 …).  一级/二级 labels are recognised by their
   words (产出指标, 数量指标, 经济效益指标 …), so a parent row ``产出指标(50分)`` only sets the
   一级 of the rows under it and is never an indicator itself.  How a row's cells are matched to
   the columns depends on what the sheet can be trusted for (see :mod:`.sheets`): by column
   index (xlsx), by position allowing for a lost leading column (tab text), by the only
   type-consistent alignment (pipe rows that drop blank cells), by counting (one cell per line),
   or by the two trailing numbers 分值 得分 (words).  A cell that fits more than one column is
   never guessed: it is reported.

Everything the recogniser could not place is returned as a :class:`~.notes.Note`.
"""

from __future__ import annotations

import bisect
import copy
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from . import labels as L
from .labels import clean, key
from .cellrows import joins_three, reading_fit, read_scrambled_header, \
    read_stream_rows, read_typed_table
from .decoder import LINE_END, TABLE_EVIDENCE, decode_cells, decode_lost_head, decode_rows, \
    decode_run, \
    is_glued_run, is_value_cell, junk_cell, labels_at_line_start, ocr_operator_doubt, \
    operator_cell, settle_table, split_total, unreadable_operator
from .glued import chars_in_order
from .layouts import Block, Column, Layout, Relation, load_layouts, profile_exists, \
    recognise_layout, relations
from .notes import Note
from .prose import _is_unit as is_unit
from .pointsheet import read_points_sheet, read_rubric_run
from .prose import fill_draft, summary_score
from .sheets import Sheet
from .wordrows import MAX_JOININGS, joining_count, joinings

__all__ = ["Draft", "Recognised", "recognise"]

_TITLE_RE = re.compile(
    r"^(?P<prefix>.*?)(?:(?:项目)?(?:支出)?绩效(?:目标|评价)?自评(?:表)?|项目自评表|(?<=资金)绩效评价表)"
    r"(?:[(（](?:修改|\s*\d{4}\s*年度?)[)）]|\d{4}(?:年度?)?)?$"
)
_GENERIC_PREFIX_RE = re.compile(
    r"(?:^|部门预算|部门整体|财政|预算支出|部门|支出|附件\d*|\d{4}年度?|区级|县级|市级|省级|本级"
    r"|转移支付区域(?:[(（]项目[)）])?)$"
)
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_DEGREE_RE = re.compile(r"((?:19|20)\d{2})\s*年度")
_FILE_NAME_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|ods|odt)$", re.IGNORECASE)
_YEAR_ONLY_RE = re.compile(r"(?:19|20)\d{2}")
_YEAR_FIRST_RE = re.compile(r"^((?:19|20)\d{2})年")  # a title that opens with its year
_CODE_NAME_RE = re.compile(r"^([0-9A-Za-z]{12,})\s*[-—－]\s*(.+)$")
# a unit's code before its name: 219-某局, 314002-某局机关, [155]某局, 【155】某局
_UNIT_CODE_RE = re.compile(r"^(?:\d{2,}\s*[-—－]|[\[【(（]\s*\d{2,}\s*[\]】)）])\s*(.+)$")

# 其他需要说明事项: the row many provincial templates print between the table and 总分
_TERMINATORS = L.TOTAL_ROWS | set(L.NARRATIVE_FIELDS) | {"说明", "填表说明", "备注说明",
                                                          "其他需要说明事项"}

FIELD_LABELS = {
    "name": ("三级指标", "indicator name"),
    "operator": ("指标性质", "operator"),
    "target": ("指标值", "target"),
    "unit": ("度量单位", "unit"),
    "actual": ("完成值", "actual"),
    "weight": ("分值/权重", "weight"),
    "score": ("得分", "score"),
    "deviation": ("偏差原因", "deviation"),
    "initial_budget": ("年初预算数", "initial budget"),
    "budget": ("全年预算数", "budget"),
    "executed": ("全年执行数", "executed"),
    "rate": ("执行率", "execution rate"),
    "-": ("其他列", "other column"),
}

_FUND_TYPES = {"initial_budget": "money", "budget": "money", "executed": "money",
               "rate": "percent", "weight": "points", "score": "points"}
_ROW_FIELDS = ("initial_budget", "budget", "executed")  # what a 其中 row carries
_CASE_FUND_FIELDS = frozenset((*_FUND_TYPES, "balance"))  # the funds fields of a case
_FUND_TARGET = {"rate": "claimed_rate", "weight": "claimed_weight", "score": "claimed_score"}
_DEFAULT_FUND_RELATIONS = tuple(Relation.parse(t) for t in (
    "rate = executed / budget", "score = weight * rate", "score <= weight"))

_POINTS_RE = re.compile(r"\(\d+(?:\.\d+)?分\)$")
_CLOSING = {"conclusion", "problems", "measures"}
_FIGURES_RE = re.compile(r"[0-9.%]+")


def _strip_filler(text: str) -> str:
    """A glued row piece without the template's filler (``……``, ``......``) at either end
    (linear: no regex backtracks over a long run of dots)."""
    for strip in (str.rstrip, str.lstrip):
        rest = strip(text, ".…")
        edge = len(text) - len(rest)
        cut = text[len(rest):] if strip is str.rstrip else text[:edge]
        if edge and ("…" in cut or edge >= 3):
            text = rest
    return text


_NOTES_RE = re.compile(r"说明.{0,6}?注:|(?<!情况)说明:|注:\s*\d[、.]|填表说明|备注:")
_INDICATOR_FIELDS = {"target", "actual", "operator", "unit", "weight", "score", "deviation"}
_FIGURE_FIELDS = ("target", "actual", "weight", "score")  # columns a figure may fill
_DIGIT_RE = re.compile(r"\d")
_DEFAULT_KINDS = {"target": "text", "actual": "text", "weight": "points", "score": "points",
                  "operator": "operator", "unit": "unit", "deviation": "free"}
_DECODER_KINDS = {"money": "number", "indicator": "free"}

DEFAULT_SCHEMA = ("name", "target", "actual")
SICHUAN_SCHEMA = ("name", "operator", "target", "unit", "actual", "weight", "score", "deviation")


@attrs.define
class Draft:
    """What was read from one form, as plain data for :func:`.build.build_case`."""

    index: int  # 1-based, within the sheet
    project: dict[str, Any] = attrs.Factory(dict)
    funds: dict[str, Any] = attrs.Factory(dict)
    fund_rows: list[dict[str, Any]] = attrs.Factory(list)
    goal: dict[str, str] = attrs.Factory(dict)
    indicators: list[dict[str, Any]] = attrs.Factory(list)
    narrative: dict[str, Any] = attrs.Factory(dict)
    notes: list[Note] = attrs.Factory(list)
    # (section, row index) → {field: reason}: cells seen but not read (provenance)
    unread: dict[tuple[str, int], dict[str, str]] = attrs.Factory(dict)
    incomplete: list[str] = attrs.Factory(list)
    profile: str = ""  # recognised template: "sichuan" or "central-2020"
    layout: str = ""  # id of the rules/layouts file the form's words match best
    layout_ties: tuple[str, ...] = ()  # layouts that match as well
    hinted: bool = False  # the form itself named its template (报表编号, 指标性质 columns)
    span: tuple[int, int] = (0, 0)  # its tokens
    schema: tuple[str, ...] = ()  # the indicator table's columns (after 一级/二级)
    funds_seen: bool = False  # a funds table was there
    funds_lost: bool = False  # a funds table held cells that were not placed
    fund_rows_seen: bool = False  # a row of the funds table (年度资金总额 …) was read
    title_name: str = ""
    headless: bool = False
    has_table: bool = False
    ended: bool = False  # a 合计/总分/评价结论 row closed the table
    gap: bool = False  # the text skips: a row label broken off mid-word runs into a later cell
    titled: bool = False
    from_prose: bool = False  # a report in prose: its indicators (and money) read from sentences
    outside: int = 0  # cells after the form's end that belong to no form

    seen: int = 0  # non-empty cells inside the form
    placed: int = 0  # of which read into a field or known as a label

    def is_form(self) -> bool:
        # (a report's summary that names the project and states its self-assessed score is
        # a case too: the claim to check)
        return self.titled or self.has_table or bool(self.funds or self.fund_rows or self.goal) \
            or bool(self.project.get("name") and "claimed_total" in self.narrative)


@attrs.frozen
class Recognised:
    forms: tuple[Draft, ...]
    outside: int  # non-empty cells outside any form


@attrs.frozen
class Tok:
    text: str
    key: str
    row: int  # row of the sheet (rows modes), run index (stream modes)
    col: int
    dup: bool = False  # a merged cell seen again below its first row (xlsx)
    brk: bool = False  # a stretch of prose between two runs of cells (stream modes)


# ---------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------


def _tokens(sheet: Sheet) -> list[Tok]:
    toks: list[Tok] = []
    if sheet.mode in ("grid", "tab", "compact"):
        for r, row in enumerate(sheet.rows):
            for c, text in enumerate(row):
                dup = False
                if sheet.origins is not None:
                    origin = sheet.origins[r][c]
                    if origin != (r, c):
                        if origin[0] == r:
                            continue  # the same merged cell, further right
                        dup = True
                toks.append(Tok(text, key(text), r, c, dup))
        return toks
    for r, run in enumerate(sheet.rows):
        if r and sheet.mode != "glued":  # a glued sheet's rows are its lines, not prose runs
            toks.append(Tok("", "", r, -1, brk=True))
        cells = list(run)
        i = 0
        while i < len(cells):
            text = cells[i]
            three = joins_three(cells[i:i + 3])
            if three is not None:
                cells[i + 2] = three
                i += 2
                continue
            if i + 1 < len(cells) and sheet.mode == "words" and _YEAR_ONLY_RE.fullmatch(text) \
                    and cells[i + 1].startswith("年") and len(cells[i + 1]) > 1:
                cells[i + 1] = text + cells[i + 1]  # "2020 年市级…": a year broken off its 年
                i += 1
                continue
            if i + 1 < len(cells) and sheet.mode == "words" and not L.is_label(text) \
                    and not L.is_label(cells[i + 1]) and _opens_section(text + cells[i + 1]):
                cells[i + 1] = text + cells[i + 1]  # a block's label broken by a space
                i += 1
                continue
            if i + 1 < len(cells):
                joined = L.joins(text, cells[i + 1])
                if joined is not None:
                    cells[i + 1] = joined
                    i += 1
                    continue
            pairs = L.split_label_pairs(text) if sheet.mode != "glued" else None
            if pairs is not None:  # label:value pairs run into one cell (a cover's lines)
                cells[i:i + 1] = pairs
                continue
            if len(key(text)) > 4 and key(text).endswith("项目名称") \
                    and _TITLE_RE.match(key(text)[:-4]):  # a title run into the first label
                cells[i:i + 1] = [key(text)[:-4], "项目名称"]
            at_label = L.split_at_header_label(text) if toks and (
                _is_name_label(toks[-1]) or toks[-1].key in L.HEADER_FIELDS) else None
            if at_label is not None:  # a header value run into the next label
                cells[i:i + 1] = list(at_label)
                text = cells[i]
            glued = L.split_glued_column(text) if toks and L.indicator_column(toks[-1].text) \
                and not L.indicator_column(text) else None
            if glued is not None:  # the header's last label run into the first cell
                cells[i:i + 1] = list(glued)
                continue
            toks.append(Tok(text, key(text), r, i))
            i += 1
    return toks


def _slash_part(label: str, value: str, field: str) -> str:
    """The part of a value that the label's part naming ``field`` stands over, when a header
    cell names two fields joined by a slash (项目实施单位/项目负责人 | 某中心/张三): the unit,
    not the person.  Any other value is kept whole."""
    names = label.split("/")
    parts = value.split("/")
    if len(names) < 2 or len(parts) != len(names):
        return value
    at = [n for n, w in enumerate(names) if L.HEADER_FIELDS.get(w) == field]
    return parts[at[0]].strip() if len(at) == 1 and parts[at[0]].strip() else value


def _label_level(label: str) -> int:
    """The government level a header label names before its field (自治区主管部门: 1,
    市县主管部门: 2, 主管部门: 0): the words before a header label of the vocabulary, an
    upper level's (rules/import.toml ``upper_levels``) or places (rules/prose.toml)."""
    from .prose import load_prose_rules
    from .settings import import_settings

    places = load_prose_rules().title.places
    base = next((h for h in sorted(L.HEADER_FIELDS, key=len, reverse=True)
                 if len(h) >= 2 and label.endswith(h) and label != h), None)
    if base is None:
        return 0
    prefix = label[: len(label) - len(base)]
    if prefix in import_settings().upper_levels:
        return 1
    return 2 if prefix and all(c in places for c in prefix) else 0


def _tok_row(tok: Tok) -> int:
    return tok.row


def _row_index(toks: Sequence[Tok]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for i, tok in enumerate(toks):
        index.setdefault(tok.row, []).append(i)
    return index


def _is_title(tok: Tok) -> bool:
    k = _FILE_NAME_RE.sub("", tok.key)
    return 0 < len(k) <= 60 and (bool(_TITLE_RE.match(k)) or k.endswith(_sheet_titles())) \
        and "报告" not in k


@functools.cache
def _sheet_titles() -> tuple[str, ...]:
    """The titles of the rubric layouts' score sheets (…绩效评价得分表): a form's title too,
    which a page may print after another form (rules/layouts ``title``)."""
    return tuple(sorted({key(t) for layout in load_layouts() if layout.kind == "rubric"
                         for t in layout.title if len(key(t)) >= 6 and key(t).endswith("表")
                         and not _TITLE_RE.match(key(t))}))


def _is_file_name(tok: Tok) -> bool:
    """The document's file name printed above its text (``…项目绩效自评表.pdf``): a title for
    the year it states, not for the project's name."""
    return bool(_FILE_NAME_RE.search(tok.key))


def _title_name(text: str) -> str:
    m = _TITLE_RE.match(clean(text))
    if m is None:
        return ""
    prefix = re.sub(r"[(（]\s*\d{4}\s*年度?[)）]", "", m.group("prefix")).strip()
    # <unit><year>年度部门整体: a department's form is named after the department
    dept = re.fullmatch(r"(?P<unit>\S{4,40}?)\d{4}\s*年度?部门整体(?:支出)?", prefix)
    if dept is not None and not _GENERIC_PREFIX_RE.search(dept.group("unit")) \
            and not re.search(r"\d", dept.group("unit")):
        return dept.group("unit")
    if not prefix or _GENERIC_PREFIX_RE.search(prefix):
        return ""
    # <unit><year>年度<fund>: the fund's name, not the unit (…林业局2024年度林业草原改革发展资金)
    unit = re.fullmatch(r".*?\d{4}\s*年度(?P<name>.*资金)", prefix)
    if unit is not None and not _GENERIC_PREFIX_RE.search(unit.group("name")):
        return unit.group("name").strip("*").strip()
    return prefix


def _is_name_label(tok: Tok) -> bool:
    if tok.key == "项目名称":
        return True
    split = L.split_label(tok.text)
    return split is not None and split[0] == "项目名称"


# ---------------------------------------------------------------------------------------
# Step 1: where the forms are
# ---------------------------------------------------------------------------------------


def _join_broken_rows(sheet: Sheet) -> Sheet:
    """Pipe rows broken over lines (a cell per line, or a row's cells over several lines):
    consecutive lines holding only column labels are one header row; under a header whose
    first column is 序号, a row runs until the line that starts with the next number."""
    rows = list(sheet.rows)
    out: list[tuple[str, ...]] = []
    r = 0
    while r < len(rows):
        row = rows[r]
        if _labels_only(row):
            while r + 1 < len(rows) and _labels_only(rows[r + 1]):
                r += 1
                row = _header_in_table_order(row + rows[r])  # a two-row header, line by line
            out.append(row)
            r += 1
            if row[0] == "序号" and sum(1 for c in row if L.indicator_column(c)) >= 2:
                r = _join_numbered(rows, r, out, len(row))
            continue
        out.append(row)
        r += 1
    if len(out) == len(rows):
        return sheet
    return attrs.evolve(sheet, rows=tuple(out))


def _split_run_rows(sheet: Sheet) -> Sheet:
    """Pipe rows a web flattener ran together: a row is cut before a section label inside
    it (绩效指标, 项目资金, 年度总体目标, 总分 …) and, after the indicator header's labels,
    before the first 一级 label (the table's first row run into its header).  A two-row
    header flattened into one (绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | … | 一级指标 |
    二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位) is put in table order: the lower row's
    labels (which begin with 一级指标) first, then the upper row's labels that stand over no
    lower-row label (年度指标值 stands over 指标性质 | 指标值 | 度量单位)."""
    out: list[tuple[str, ...]] = []
    for row in sheet.rows:
        start = 0
        labels = 0
        for c, cell in enumerate(row):
            if not cell:
                continue
            if c > start and _opens_section(cell):
                out.append(row[start:c])
                start, labels = c, 0
            elif L.indicator_column(cell):
                labels += 1
            elif labels >= 2 and L.is_l1(cell) and c > start:
                out.append(row[start:c])
                start, labels = c, 0
        out.append(row[start:])
    out = [_header_in_table_order(r) for r in out]
    for r in range(len(out) - 1):
        # a funds row label that ends a line whose next line starts with figures: the line
        # was broken one cell late, the label opens the next row (年度资金总额 | ↵ 50 | 49.78 …)
        cells = [c for c in out[r] if c]
        nxt = [c for c in out[r + 1] if c]
        if len(cells) >= 2 and L.fund_row_label(cells[-1]) is not None and nxt \
                and L.number(nxt[0]) is not None:
            out[r + 1] = (cells[-1],) + out[r + 1]
            out[r] = tuple(cells[:-1])
    out = _join_wrapped_rows(out)
    if out == list(sheet.rows):
        return sheet
    return attrs.evolve(sheet, rows=tuple(out))


def _join_wrapped_rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Under a scored indicator header, a row with no figure at all, then lines of one or
    two text cells, then a line with its figures, is one row whose cells the flattener put
    on lines of their own (减轻…负担 | ↵ 有效 | ↵ 有效 | 10 | 10): joined, while no wider
    than the header and while no line opens a 一级/二级 or holds column labels."""
    out: list[tuple[str, ...]] = []
    width = 0
    r = 0
    while r < len(rows):
        row = rows[r]
        cells = [c for c in row if c]
        fields = [L.indicator_column(c) for c in cells]
        if len([f for f in fields if f]) >= 3:
            width = len(cells) if {"weight", "score"} & set(fields) else 0
        elif width and cells and not _has_figure(cells):
            joined, k, wrapped = list(cells), r + 1, 0
            while k < len(rows):
                more = [c for c in rows[k] if c]
                if not more or L.is_l1(more[0]) or L.is_l2(more[0]) or _labels_only(rows[k]) \
                        or any(L.key(c) in _TERMINATORS or _opens_section(c) for c in more) \
                        or len(joined) + len(more) > width:
                    break
                if not _has_figure(more):
                    if len(more) > 2:
                        break
                    joined, k, wrapped = joined + more, k + 1, wrapped + 1
                    continue
                if wrapped:
                    out.append(tuple(joined + more))
                    r = k + 1
                    row = None
                break
            if row is None:
                continue
        out.append(row)
        r += 1
    return out


def _has_figure(cells: list[str]) -> bool:
    return any(L.number(c) is not None for c in cells)


def _opens_section(cell: str) -> bool:
    """A label that opens a block of the form (not a name that mentions one: 预算执行情况良好)."""
    k = L.key(cell)
    return (L.is_indicator_section(cell) and k.startswith("绩效指标")) \
        or (L.is_funds_section(cell) and k.startswith(("项目资金", "资金情况", "预算执行情况"))) \
        or k in L.GOAL_SECTIONS or k in L.TOTAL_ROWS


def _header_in_table_order(row: tuple[str, ...]) -> tuple[str, ...]:
    fields = [L.indicator_column(c) if c else None for c in row]
    if "level1" not in fields:
        return row
    cut = fields.index("level1")
    lower = row[cut:]
    # the upper row holds value columns (年度指标值, 分值 …); the lower one the 三级 and more
    if not {"target", "actual", "weight", "score"} & set(fields[:cut]) \
            or "name" not in fields[cut:] or not all(f for f, c in zip(fields[cut:], lower) if c):
        return row
    lower_fields = {f for f in fields[cut:] if f}
    upper = [c for c, f in zip(row[:cut], fields[:cut]) if not f or f not in lower_fields]
    lead = [c for c in upper if c and L.is_indicator_section(c)]
    return tuple(lead) + lower + tuple(c for c in upper if c not in lead)


def _labels_only(row: tuple[str, ...]) -> bool:
    """A line of column labels (the first may be the block's own label: 绩效指标 | 年度指标值 …)."""
    cells = [c for c in row if c]
    if len(cells) > 2 and _opens_section(cells[0]) and L.is_indicator_section(cells[0]):
        cells = cells[1:]
    return bool(cells) and all(c == "序号" or L.indicator_column(c) for c in cells)


def _join_numbered(rows: list[tuple[str, ...]], r: int, out: list[tuple[str, ...]],
                   width: int) -> int:
    """Rows numbered 1, 2, 3 … each joined with the lines after it up to the next number;
    stops at a line that neither continues a row nor starts the next one."""
    n = 1
    while r < len(rows) and rows[r] and rows[r][0] == str(n):
        row = rows[r]
        r += 1
        while r < len(rows) and rows[r] and rows[r][0] != str(n + 1) \
                and len(row) + len(rows[r]) <= width and not _labels_only(rows[r]) \
                and not L.split_label(rows[r][0]) and L.key(rows[r][0]) not in L.TOTAL_ROWS:
            row = row + rows[r]
            r += 1
        out.append(row)
        n += 1
    return r


def recognise(sheet: Sheet) -> Recognised:
    L.extend_from_layouts()
    if sheet.mode == "compact":
        sheet = _join_broken_rows(_split_run_rows(sheet))
    toks = _tokens(sheet)
    starts: list[int] = []
    have_name = have_content = False
    header: set[str] = set()  # the header fields the current form has labelled so far
    for i, tok in enumerate(toks):
        if tok.dup or tok.brk:
            continue
        if _is_title(tok) and _after_bare_label(toks, i) is not None \
                and not _TABLE_TITLE_RE.search(tok.key):
            # a title-worded value of the label before it (评价方式 | 部门(单位)绩效自评), no
            # table's title (…自评表(2023年度) after a form's last 填报日期 starts the next)
            continue
        if _is_title(tok):
            if not starts or (have_name and not have_content
                              and not _inside_header(toks, i, header)) \
                    or (have_content and _opens_header(toks, i)):
                starts.append(_walk_back(sheet, toks, i))
                have_name = have_content = False
                header = set()
            continue
        if _is_name_label(tok):
            if not starts or have_name:
                starts.append(_walk_back(sheet, toks, i) if not starts or have_name else i)
                have_content = False
                header = set()
            have_name = True
            header.add("name")
            continue
        if (field := _header_field(tok)) is not None:
            header.add(field)
        if starts and (L.is_funds_section(tok.text) or L.indicator_column(tok.text) == "name"):
            have_content = True
    forms: list[Draft] = []
    outside = 0
    index = _row_index(toks)
    bounds = list(zip(starts, starts[1:] + [len(toks)]))
    first = starts[0] if starts else len(toks)
    if first:
        draft = _Parser(sheet, toks, 0, first, index=1, headless=True, rows_index=index,
                        layout=_layout_of(toks, 0, first)).run()
        outside += draft.outside
        if draft.has_table or draft.from_prose:
            forms.append(draft)
        else:
            outside += sum(1 for t in toks[:first] if t.key and not t.dup)
    for a, b in bounds:
        draft = _Parser(sheet, toks, a, b, index=len(forms) + 1, headless=False,
                        rows_index=index, layout=_layout_of(toks, a, b)).run()
        if forms and forms[-1].from_prose and not forms[-1].has_table and \
                forms[-1].span[1] == a and (draft.from_prose or not (
                    draft.has_table or draft.funds or draft.fund_rows)):
            # a report's text goes on past a line taken for a form's start: one report (.prose)
            whole = _Parser(sheet, toks, forms[-1].span[0], b, index=forms[-1].index,
                            headless=forms[-1].headless, rows_index=index,
                            layout=_layout_of(toks, forms[-1].span[0], b)).run()
            if whole.from_prose:
                forms[-1] = whole
                continue
        outside += draft.outside
        if draft.is_form():
            forms.append(draft)
        else:
            outside += sum(1 for t in toks[a:b] if t.key and not t.dup and not t.brk)
    if first and len(forms) > 1 and forms[0].headless and forms[0].from_prose \
            and not forms[0].titled and not forms[0].project.get("name") \
            and forms[1].span[0] == first and not forms[1].from_prose:
        # a paragraph naming no project before a form (绩效自评综述: …得分为95分，一是产出指标
        # 方面…): the form's summary, not a report of its own
        summary = forms.pop(0)
        outside += sum(1 for t in toks[:first] if t.key and not t.dup) - summary.outside
    if first and forms and forms[0].span[0] == first and not forms[0].from_prose \
            and "claimed_total" not in forms[0].narrative:
        # a summary paragraph before the form (绩效自评综述: …自评得分为95分): the score it
        # states as the department's own is the form's, when the form states none
        score = summary_score([t.text for t in toks[:first] if t.key and not t.dup])
        if score is not None:
            forms[0].narrative["claimed_total"] = score
    for draft in forms:
        _assign_profile(draft)
    # Cut off is read from the content, never from an annotation: the input ends inside its
    # last form, which no closing row (合计/总分, 评价结论, a signature line) ended.
    if forms and not forms[-1].ended:
        last = forms[-1]
        if "truncated" not in last.incomplete:
            last.incomplete.append("truncated")
        _mark_cut(last)
    return Recognised(tuple(forms), outside)


_FORM_HEADER = ("name", "department", "implementer")  # the header fields a form's block labels


def _header_field(tok: Tok) -> str | None:
    """The header field a label cell names (项目名称, 主管部门 …, or ``主管部门:X``)."""
    field = L.HEADER_FIELDS.get(tok.key)
    if field is None and (split := L.split_label(tok.text)) is not None:
        field = L.HEADER_FIELDS.get(split[0])
    return field if field in _FORM_HEADER else None


def _after_bare_label(toks: Sequence[Tok], i: int) -> str | None:
    """The header field of the bare label (项目名称, no value of its own) right before ``i``
    (``-`` for a header label of no case field: 评价方式 | 部门(单位)绩效自评)."""
    j = i - 1
    while j >= 0 and (not toks[j].key or toks[j].dup or toks[j].brk):
        j -= 1
    if j < 0 or toks[j].key not in L.HEADER_FIELDS:
        return None
    return _header_field(toks[j]) or "-"


def _inside_header(toks: Sequence[Tok], i: int, header: set[str]) -> bool:
    """A title-like phrase (``…支出绩效自评表``) inside the current form's header block, not
    the title of a new form: it stands where a header label's value goes (right after a bare
    项目名称), or the next header label after it continues the block the current form began
    (主管部门 after this form's 项目名称) instead of starting it again.  A new form's header
    block repeats a label the current one already has."""
    if _after_bare_label(toks, i) is not None:
        return True  # the value of the label before it
    if not header:
        return False
    for tok in toks[i + 1:]:
        if tok.dup or tok.brk or not tok.key:
            continue
        if _is_title(tok) or L.is_funds_section(tok.text) or L.indicator_column(tok.text):
            return False
        field = _header_field(tok)
        if field is not None:
            return field not in header
    return False


def _opens_header(toks: Sequence[Tok], i: int) -> bool:
    """A title after a form's funds or table starts a new form only with its header block:
    a header label (项目名称, 主管部门 …) within ``title_header_within`` cells of
    rules/import.toml.  A title-worded cell inside a table (an indicator named
    ``按时报送绩效自评表``) is followed by more of the table instead."""
    from .settings import import_settings

    within = import_settings().title_header_within
    n = 0
    for tok in toks[i + 1:]:
        if tok.dup or tok.brk or not tok.key or _is_title(tok):
            continue
        if _is_name_label(tok) or _header_field(tok) is not None:
            return True
        n += 1
        if n >= within or tok.key in L.TOTAL_ROWS:
            return False
    return False


def _mark_cut(draft: Draft) -> None:
    """The text breaks off inside the form's last indicator row: its cells not seen are
    unread = "cut" (never taken for cells the department left blank)."""
    if not draft.indicators:
        return
    n = len(draft.indicators) - 1
    row = draft.indicators[n]
    missing = {f: "cut" for f in draft.schema if f in _INDICATOR_FIELDS
               and row.get(f) in (None, "")}
    already = draft.unread.get(("indicators", n), {})
    missing = {f: r for f, r in missing.items() if f not in already}
    if missing:
        draft.unread.setdefault(("indicators", n), {}).update(missing)


def _layout_of(toks: Sequence[Tok], a: int, b: int) -> tuple[Layout | None, tuple[str, ...]]:
    """The layout file the form's own words match best (and those that match as well)."""
    cells = [t.key for t in toks[a:b] if t.key and not t.dup]
    title = next((t.key for t in toks[a:b] if t.key and not t.dup and _is_title(t)), "")
    layout, _, ties = recognise_layout(cells, title=title)
    return layout, ties


def _assign_profile(draft: Draft) -> None:
    """The recognised layout, and the profile it names, on the draft; a form whose indicator
    table prints neither 分值 nor 得分 is scored as unscored, whatever layout its words named
    -- unless its funds row states a 分值 or 得分, or a row's 分值/得分 may lie in cells not
    read: a table read without those columns is not a table printed without them."""
    points = {"weight", "score", "claimed_weight", "claimed_score"}
    scored = bool(points & set(draft.funds)) or any(points & set(fields)
                                                    for fields in draft.unread.values())
    unscored = bool(draft.schema) and not {"weight", "score"} & set(draft.schema) \
        and not scored and not draft.hinted and profile_exists("unscored")
    if not draft.layout:
        if unscored:
            draft.profile = "unscored"
        return
    layout = next(lay for lay in load_layouts() if lay.id == draft.layout)
    if draft.layout_ties:
        draft.notes.append(Note("layout-tie", detail="/".join((layout.id, *draft.layout_ties))))
    if draft.hinted:
        return  # the form names its template (报表编号, 指标性质 columns)
    if unscored:
        draft.profile = "unscored"
    elif profile_exists(layout.profile):
        draft.profile = layout.profile
    else:
        draft.profile = "central-2020"
        draft.notes.append(Note("profile-fallback", text=layout.profile, detail=layout.id))


def _walk_back(sheet: Sheet, toks: Sequence[Tok], i: int) -> int:
    """Include the heading lines just above a title (``2021 年部门预算项目自评``, a name line,
    ``报表编号:510000_0013zp``)."""
    j = i - 1
    while j >= 0 and not toks[j].key and not toks[j].brk:
        j -= 1
    if j >= 0 and toks[j].key.startswith("报表编号"):
        return j
    if sheet.mode not in ("tab", "compact"):
        return i
    row = toks[i].row
    start = i
    j = i - 1
    taken = 0
    while j >= 0 and taken < 2:
        tok = toks[j]
        if tok.row >= row:
            j -= 1
            continue
        if len(sheet.rows[tok.row]) != 1 or not tok.key or len(tok.key) > 40:
            break
        if L.is_label(tok.text) or _is_title(tok) or tok.key.endswith(("。", ".")):
            break
        start = bisect.bisect_left(toks, tok.row, hi=j + 1, key=_tok_row)
        row = tok.row
        taken += 1
        j -= 1
    return start


# ---------------------------------------------------------------------------------------
# Step 2 and 3: one form
# ---------------------------------------------------------------------------------------


class _Parser:
    def __init__(
        self, sheet: Sheet, toks: list[Tok], start: int, end: int, *, index: int, headless: bool,
        rows_index: dict[int, list[int]] | None = None,
        layout: tuple[Layout | None, tuple[str, ...]] = (None, ()),
    ) -> None:
        self.sheet = sheet
        # a glued sheet (cells cut at labels, rows glued to their figures) reads like words
        self.glued = sheet.mode == "glued"
        self.mode = "words" if self.glued else sheet.mode
        self.rows_mode = sheet.mode in ("grid", "tab", "compact")
        self.toks = toks
        self.start, self.end = start, end
        self.used: set[int] = set()
        self.draft = Draft(index=index, headless=headless)
        self.schema: tuple[str, ...] = ()
        self.header_cols: list[tuple[int, str]] = []
        self.header_texts: list[str] = []
        self.unknown_columns: list[str] = []  # header labels of no known column
        self.header_row = 0
        self.profile_hint = ""
        self.after_table: int | None = None  # the table ended at prose: what follows is not the form's
        self.outside = 0
        self.rows_index = rows_index if rows_index is not None else _row_index(toks)
        self.layout, self.layout_ties = layout
        # rows whose one figure is the 完成值 or the 分值 (blank cells dropped): (indicator
        # index, the figure, the notes that said so), decided by the 合计 row if it can
        self.lone_figures: list[tuple[int, str, list[Note]]] = []
        # rows whose cells fit several order-keeping assignments (blank cells dropped):
        # (indicator index, cells, schema, assignments, the notes that said so), settled by
        # the table's sure rows when the table ends (settle_disputed)
        self.disputed_rows: list[tuple[int, list[str], list[str], list[tuple[int, ...]],
                                       list[Note]]] = []
        self.gap_at: int | None = None  # the cell after a gap in the text (see funds_stream)
        self.fund_fields: set[str] = set()  # the columns the funds header printed
        self.table_first = 0  # the first indicator row of the table being read
        self.fund_points: str | None = None  # 预算执行情况(万元)(20分): the funds block's points
        self.l1_lost = False  # the current 一级 printed as its points only (lost_l1)
        self.header_levels: dict[str, int] = {}  # field → level of the label read (_label_level)
        # (一级, 二级) of the first rows of a table in words, printed among its header's
        # labels (levels_before)
        self.seed_levels: tuple[str, str] = ("", "")
        # header field → the precedence of the label its value was read under (header_rank)
        self.header_ranks: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------

    def note(self, kind: str, text: str = "", row: int | None = None, detail: str = "") -> None:
        """Record a note; rows are given only for xlsx, where they are the sheet's own rows."""
        self.draft.notes.append(Note(kind, text, row if self.mode == "grid" else None, detail))

    def where(self, i: int) -> int | None:
        return self.toks[i].row + 1 if self.rows_mode else None

    def row_range(self, row: int) -> list[int]:
        """The token indices of sheet row ``row`` inside this form (an index built once, so
        that a table of many rows is read in linear time)."""
        return [i for i in self.rows_index.get(row, ()) if self.start <= i < self.end]

    def value_after(self, i: int) -> tuple[str, list[int]]:
        """The value cell of the label at ``i`` and the token indices it used."""
        toks = self.toks
        if self.rows_mode:
            row = toks[i].row
            j = i + 1
            while j < self.end and toks[j].row == row:
                t = toks[j]
                if t.key and not t.dup and t.key != toks[i].key:
                    if L.is_label(t.text) and t.key in L.HEADER_FIELDS:
                        return "", []
                    return t.text, [j]
                j += 1
            return self.value_below(i)
        j = i + 1
        if j >= self.end or toks[j].brk:
            return "", []
        t = toks[j]
        if self.mode == "words":
            if L.is_label(t.text) or _is_title(t) or L.is_funds_section(t.text) \
                    or _narrative_key(t.key) in L.NARRATIVE_FIELDS:
                return "", []  # (自评总分(分) is the next label, its unit tag on; 资金使用单位 |
                # 资金情况(万元): printed blank)
            if j + 1 < self.end and L.key(t.text + toks[j + 1].text) in L.HEADER_FIELDS:
                return "", []  # the next label, broken in two (项目 主管单位): no value
            if self.layout is not None and t.key in {L.key(w) for w in self.layout.signs}:
                return "", []  # the layout's next label (主管部门 | 财政处室 | …): no value
            return t.text, [j]
        if L.is_label(t.text) and (t.key in L.HEADER_FIELDS or t.key in L.NARRATIVE_FIELDS):
            return "", []
        return t.text, [j]

    def value_below(self, i: int) -> tuple[str, list[int]]:
        """Pipe rows broken at a cell (``| 项目名称 |`` ↵ ``某某经费 |``): a header label that
        ends its line takes the next line's only cell, when that cell is no label itself."""
        if self.sheet.mode != "compact":
            return "", []
        below = [j for j in self.row_range(self.toks[i].row + 1)
                 if self.toks[j].key and not self.toks[j].dup]
        if len(below) != 1:
            return "", []
        t = self.toks[below[0]]
        if L.is_label(t.text) or L.split_label(t.text) or _opens_section(t.text) \
                or L.fund_row_label(t.text) is not None:
            return "", []
        return t.text, below

    # -- the loop ----------------------------------------------------------------------

    def run(self) -> Draft:
        i = self.start
        toks = self.toks
        while i < self.end:
            tok = toks[i]
            if not tok.key or tok.dup or tok.brk or i in self.used:
                i += 1
                continue
            nxt = self.dispatch(i)
            if nxt is None:
                i += 1
            else:
                i = max(nxt, i + 1)
        if self.draft.headless and self.mode == "words" and not self.glued \
                and not self.draft.has_table:
            self.rubric_run()
        self.finish()
        return self.draft

    def rubric_run(self) -> None:
        """The text before a page's first form, read as a rubric's rows with no header (a
        page that starts inside one, :func:`.pointsheet.read_rubric_run`): name | 分值 |
        得分, the levels by their points' sums.  Nothing is read unless they add up."""
        toks = self.toks
        free = []
        for i in range(self.start, self.end):
            if toks[i].key in L.TOTAL_ROWS or self.is_terminator(toks[i]) \
                    or self.ends_draft(toks[i]):
                break  # the rubric's 总分 row, or what ends a form
            if toks[i].key and not toks[i].dup and not toks[i].brk and i not in self.used:
                free.append(i)
        from ..vocabulary import load_vocabulary

        read = read_rubric_run([toks[i].text for i in free], load_vocabulary().rubric.levels)
        if read is None:
            return
        rows, _ = read
        if self.layout is not None and profile_exists(self.layout.profile):
            from ..profile import load_profile

            profile = load_profile(self.layout.profile)
            if not all((section := profile.section(row.level1)) is not None and section.rubric
                       for row in rows if row.level1):
                # the layout a word of the text named scores other levels, or scores them by
                # targets these rows do not print: not this rubric's
                self.layout, self.layout_ties = None, ()
        self.draft.has_table = True
        self.schema = ("name", "weight", "score")
        self.note("no-header", detail=" | ".join(FIELD_LABELS[f][0] for f in self.schema))
        for row in rows:
            self.used.update(free[p] for p in row.words)
            values = {"level1": self.l1_text(row.level1) if row.level1 else "",
                      "level2": row.level2, "name": row.name}
            if row.weight is not None:
                values.update(weight=str(row.weight), score=str(row.score))
            if row.unread:
                self.draft.unread.setdefault(("indicators", len(self.draft.indicators)),
                                             {}).update(dict(row.unread))
            self.add_indicator(values, None)
        self.finish_table()

    def dispatch(self, i: int) -> int | None:
        tok = self.toks[i]
        k = tok.key
        if "510000_0013zp" in k:
            self.profile_hint = "sichuan"
            self.used.add(i)
            return None
        if _is_title(tok):
            return self.title(i)
        if k in L.HEADER_FIELDS:
            return self.header_field(i, L.HEADER_FIELDS[k])
        own = self.layout.own_labels("header") if self.layout is not None else {}
        if k in own and "name" not in self.draft.project:
            return self.header_field(i, own[k])  # a label only this layout's forms print
        split = L.split_label(tok.text)
        if split is not None:
            field_key, value = split
            self.used.add(i)
            if field_key in L.HEADER_FIELDS:
                self.set_header(L.HEADER_FIELDS[field_key], value)
            elif field_key in L.NARRATIVE_FIELDS:
                if value:
                    self.set_narrative(L.NARRATIVE_FIELDS[field_key], value, i)
                else:
                    return self.narrative(i)
            return None
        if self.is_indicator_header(i):
            return self.indicators(i)
        if L.indicator_column(tok.text) in ("level1", "level2", "name") \
                and not self.draft.has_table \
                and (columns := self.column_major(i)) is not None:
            return self.table_columns(*columns)
        if not self.rows_mode and self.local_funds_labels(i) >= _LOCAL_RUN:
            return self.scattered_funds(i)
        if self.pairs_block() is not None and not self.draft.funds \
                and k in self.pair_columns():
            return self.paired_funds(i)
        if L.is_funds_section(tok.text) or L.fund_column(tok.text) in ("initial_budget", "budget"):
            return self.funds(i)
        if L.fund_row_label(tok.text) is not None and not self.draft.funds:
            return self.funds(i)
        if k in L.GOAL_SECTIONS or k in L.GOAL_FIELDS:
            return self.goal(i)
        if k in L.TOTAL_ROWS:
            return self.total(i)
        if k in L.FUNDS_EXTRA and k != "原因" or (k == "原因" and self.rows_mode):
            return self.funds_extra(i, L.FUNDS_EXTRA[k])
        if _narrative_key(k) in L.NARRATIVE_FIELDS:
            return self.narrative(i)
        if (L.is_l1(tok.text) or L.is_l2(tok.text) or i == self.gap_at) \
                and not self.draft.has_table:
            return self.headless_table(i)
        if self.glued and not self.draft.has_table and L.split_categories(k)[0][0] == "l1":
            return self.headless_glued(i)
        m = _YEAR_DEGREE_RE.search(k)
        if m and "year" not in self.draft.project and len(k) <= 60 and self.layout is not None \
                and any(L.key(w) in k for w in self.layout.title):
            # the form's title in its layout's words, though no 自评表 title (…2022年度部门
            # (单位)整体支出绩效评价自评报告): its year
            self.draft.project["year"] = int(m.group(1))
            self.used.add(i)
            return None
        if m and len(k) <= 12 and "year" not in self.draft.project:
            self.draft.project["year"] = int(m.group(1))
            self.used.add(i)
        return None

    # -- header ------------------------------------------------------------------------

    def title(self, i: int) -> int:
        toks = self.toks
        self.used.add(i)
        self.draft.titled = True
        name = "" if _is_file_name(toks[i]) else _title_name(_FILE_NAME_RE.sub("", toks[i].text))
        heading = [j for j in range(self.start, i) if toks[j].key and j not in self.used]
        if self.rows_mode:
            for j in heading:
                self.used.add(j)
                if not name and not _YEAR_RE.search(toks[j].key) and "自评" not in toks[j].key:
                    name = toks[j].text
                m = _YEAR_RE.search(toks[j].key)
                if m and "year" not in self.draft.project:
                    self.draft.project["year"] = int(m.group(1))
        if name and not self.draft.title_name:
            self.draft.title_name = name
        # the title's year: 2021年度, a year it opens with, or a closing (2021年)
        m = _YEAR_DEGREE_RE.search(toks[i].key) or _YEAR_FIRST_RE.match(
            _FILE_NAME_RE.sub("", toks[i].key)) \
            or re.search(r"[(（]((?:19|20)\d{2})年[)）]$", toks[i].key)
        if m and "year" not in self.draft.project:
            self.draft.project["year"] = int(m.group(1))
        # "(2022年度)", "2019年度)", "( 2019 年度)" just after the title
        window: list[int] = []
        j = i + 1
        while j < self.end and len(window) < 6:
            if toks[j].key and not toks[j].dup:
                window.append(j)
            j += 1
        found = False
        for a in range(len(window)):
            for b in range(a + 1, min(len(window), a + 3) + 1):
                joined = "".join(toks[w].key for w in window[a:b])
                m = re.match(r"^\(?((?:19|20)\d{2})年度?\)?$", joined)
                if m:
                    if "year" not in self.draft.project:
                        self.draft.project["year"] = int(m.group(1))
                    self.used.update(window[a:b])
                    found = True
                    break
            if found:
                break
        return i + 1

    def header_field(self, i: int, field: str) -> int:
        self.used.add(i)
        value, used = self.value_after(i)
        self.used.update(used)
        if field != "-" and value and used and used[-1] == len(self.toks) - 1:
            # the input ends in this value (资金使用单位 | 市农): the text breaks off inside it
            self.note("cut", value)
            self.draft.unread.setdefault(("project", 0), {})[field] = "cut"
        elif field != "-" and value:
            k = self.toks[i].key
            rank = self.header_rank(field, k)
            if rank is not None:
                if rank < self.header_ranks.get(field, rank) and field in self.draft.project:
                    # a label the layout lists before the one read (县级主管部门 after
                    # 市级主管部门): its value is the field's
                    del self.draft.project[field]
                self.header_ranks[field] = min(rank, self.header_ranks.get(field, rank))
            else:
                level = _label_level(k)
                if level > self.header_levels.get(field, level):
                    # the field printed again at a lower level (市县主管部门 after
                    # 自治区主管部门): the project is run there, so that unit is the case's
                    self.draft.project.pop(field, None)
                if level:
                    self.header_levels[field] = max(level, self.header_levels.get(field, 0))
            self.set_header(field, _slash_part(k, value, field))
            if field in ("department", "implementer") and "主管" in k and "实施" in k:
                # 实施(主管)单位, 主管(实施)单位: one unit, both the department and the implementer
                self.set_header("implementer" if field == "department" else "department", value)
        return (used[-1] + 1) if used else i + 1

    def header_rank(self, field: str, k: str) -> int | None:
        """Where the recognised layout lists the label ``k`` among its labels of the header
        column ``field`` (its labels are in order of precedence), or None."""
        if self.layout is None:
            return None
        for column in self.layout.columns("header"):
            if column.field == field:
                keys = [L.key(x) for x in column.labels]
                return keys.index(k) if k in keys else None
        return None

    def set_header(self, field: str, value: str) -> None:
        if field == "-" or not value:
            return
        project = self.draft.project
        if field == "year":
            m = re.fullmatch(r"((?:19|20)\d{2})(?:年度?)?", L.key(value))
            # a period (项目起止时间 2021年1月起至2021年12月止): its year when it starts and
            # ends in one
            years = set(_YEAR_RE.findall(value)) if m is None else {m.group(1)}
            if len(years) == 1:
                project.setdefault("year", int(years.pop()))
            return
        if field == "name":
            m = _CODE_NAME_RE.match(value)
            if m:
                project.setdefault("code", m.group(1))
                value = m.group(2).strip()
            if self.sheet.mode != "grid" and value.rstrip("。;；").strip():
                value = value.rstrip("。;；").strip()  # (项目名称:某某项目。 in a report's text)
        elif field in ("department", "implementer"):
            m = _UNIT_CODE_RE.match(value)
            if m:
                value = m.group(1).strip()
            # a report's sentence (主管部门为某某局。二、…): its connector and the text after
            # the unit's name are no part of it — when what is left is a unit's name
            unit = _SENTENCE_END_RE.sub("", _CONNECTOR_RE.sub("", value))
            if unit != value and is_unit(unit):
                value = unit
            elif unit != value and re.search(r"[。;；]", value) and self.sheet.mode != "grid":
                return  # (按照上级主管部门意见进行拨付使用。 in a text: a sentence naming no unit)
            if L.is_funds_section(value) and self.sheet.mode != "grid":
                return  # (资金使用单位 | 资金情况(万元) in a text: the next label, the unit unprinted)
        project.setdefault(field, value)

    def set_narrative(self, field: str, value: str, i: int) -> None:
        if field == "claimed_total":
            lead = _LEAD_NUMBER_RE.match(L.key(value))
            # a total run into the next label (97.6部门联系人…): the number it starts with
            n = L.number(value) if lead is None or not lead.group(2) else Decimal(lead.group(1))
            if n is None:
                self.note("not-number", value, self.where(i))
                return
            self.draft.narrative.setdefault(field, n)
            return
        if value:
            self.draft.narrative.setdefault(field, value)

    def funds_extra(self, i: int, field: str) -> int:
        self.used.add(i)
        value, used = self.value_after(i)
        self.used.update(used)
        if value:
            if field == "balance":
                number = L.number(value)
                if number is None:
                    self.note("not-number", value, self.where(i))
                else:
                    self.draft.funds.setdefault("balance", number)
            else:
                self.draft.funds.setdefault(field, value)
        return (used[-1] + 1) if used else i + 1

    def narrative(self, i: int) -> int:
        self.used.add(i)
        field = L.NARRATIVE_FIELDS[_narrative_key(self.toks[i].key)]
        value, used = self.value_after(i)
        before = self.toks[i - 1] if i > self.start else None
        if value and not self.rows_mode and before is not None and not before.brk \
                and _narrative_key(before.key) in L.NARRATIVE_FIELDS:
            # labels side by side (存在问题 | 改进措施): a table's header row, whose values
            # are in the rows below it, not the cell after the last label
            self.note("unplaced", value)
            value, used = "", []
        self.used.update(used)
        self.set_narrative(field, value, i)
        # 评价结论 / 存在问题 / 改进措施 close a form; 项目实施内容 and 自评总分 stand at its top
        if field in _CLOSING:
            self.draft.ended = True
        return (used[-1] + 1) if used else i + 1

    # -- funds -------------------------------------------------------------------------

    def funds(self, i: int) -> int:
        self.draft.funds_seen = True
        before = len(self.draft.notes)
        pair = self.toks[i:min(i + 2, self.end)]
        texts = [t.text for t in pair] + ["".join(t.text for t in pair)]
        points = next((m.group(1) for t in texts for m in [_SECTION_POINTS_RE.search(L.key(t))]
                       if m), None) or self.fund_points
        self.fund_points = points  # the block's label may come before its rows are read
        nxt = self.funds_rows(i) if self.rows_mode else self.funds_stream(i)
        block = self.layout.block("funds") if self.layout is not None else None
        if block is None or "weight" in self.fund_fields \
                or any(c.field == "weight" for c in block.columns):
            # the weight has a column of its own (blank there means blank)
            points = None
        read = any(f in self.draft.funds for f in ("budget", "executed", "claimed_rate",
                                                  "claimed_score"))
        if points is not None and read and "claimed_weight" not in self.draft.funds \
                and not any(("funds", 0) == k and "claimed_weight" in v
                            for k, v in self.draft.unread.items()):
            # a funds block with no 分值 column: its points are printed in its label only,
            # 预算执行情况(万元)(20分)
            self.draft.funds["claimed_weight"] = Decimal(points)
        # the funds table held cells that could not be placed (not merely blank cells)
        if any(n.kind in ("unplaced", "ambiguous", "not-number")
               for n in self.draft.notes[before:]):
            self.draft.funds_lost = True
        return nxt

    def _fund_value_ok(self, field: str, text: str) -> bool:
        if not text or L.is_blank(text):
            return True
        if field in ("reason", "method", "-"):
            return True
        if field == "rate":
            return L.percent(text) is not None
        if field in _MONEY_FIELDS:
            return L.money(text) is not None
        return L.number(text) is not None

    def funds_stream(self, i: int) -> int:
        toks = self.toks
        columns: list[str] = []
        explicit = self.mode == "stream"  # one cell per line: every cell, blanks too
        j = i
        pending: tuple[str, str] | None = None  # a row label printed before the header
        under: list[tuple[str, str, Any]] = []  # its figures printed under their labels
        # header: section labels, then column labels, until the first row label
        while j < self.end and not toks[j].brk:
            t = toks[j]
            if L.fund_row_label(t.text) is not None and not columns and pending is None \
                    and not explicit and j + 1 < self.end \
                    and L.fund_column(toks[j + 1].text) not in (None, "-"):
                # the total's label, then the column labels (年度资金总额 | 年初预算数 | …):
                # an OCR or a preview read the label cell of the figures' row first
                pending = L.fund_row_label(t.text)
                self.used.add(j)
                j += 1
                continue
            if L.fund_row_label(t.text) is not None:
                break
            col = L.fund_column(t.text)
            if col is not None and columns and not explicit and j + 3 < self.end \
                    and _PLAIN_NUMBER_RE.fullmatch(toks[j + 1].key) \
                    and L.number(toks[j + 2].text) is None \
                    and _PLAIN_NUMBER_RE.fullmatch(toks[j + 3].key):
                break  # label | figure pairs (预算数 6.84 到位数 6.84): a row, not the header
            if col is not None:
                columns.append(col)
                self.fund_fields.add(col)
                if t.key in ("调整后预算数", "预算执行数"):
                    self.profile_hint = self.profile_hint or "sichuan"
            elif pending is not None and columns and L.money(t.text) is not None \
                    and self.fund_type(columns[-1]) == "money":
                # a figure between two column labels: the pending row's, in the column
                # just read (the reading went down that column: 全年预算数(A) | 300)
                under.append((columns[-1], t.text, j))
            elif self.glued and 0 < len(t.key) <= 8 and j + 1 < self.end \
                    and L.fund_column(toks[j + 1].text) not in (None, "-") \
                    and not L.is_funds_section(t.text):
                garbled = self.fuzzy_fund_column(t.key, columns)
                if garbled is not None:  # 调整预算将,A、: the layout's 调整预算数(A)
                    columns.append(garbled)
                    self.fund_fields.add(garbled)
                    self.note("fuzzy-label", t.text, detail=garbled)
                else:
                    self.note("unplaced", t.text)  # a garbled header cell between two labels
            elif columns and (tail := _label_tail(toks, j, self.end)):
                # a label's parenthesis broken off by a space (得分 | (20 | 分*执行率))
                self.used.update(range(j, tail))
                j = tail
                continue
            elif not (L.is_funds_section(t.text) or t.key in ("(万元)", "万元", "单位:万元")
                      or L.is_points_only(t.text) or not t.key):
                break
            self.used.add(j)
            j += 1
        spans = columns  # as printed, columns of no case field (资金到位情况) included
        if pending is not None and under:
            self.fund_row(pending, under)
            pending = None
        columns = [c for c in columns if c != "-"]
        own = self.own_fund_columns() if not explicit and not columns and j < len(toks) \
            and L.fund_row_label(toks[j].text) is not None else []
        if own:
            # rows with no header read before them (a numbering line 列次 0 1 2 … between):
            # the layout's columns, in its order, each with its own field and type
            columns = own
        elif not columns:
            columns = ["budget", "executed"]
        if not explicit:
            j = self.paired_fund_rows(j, spans)
        broken = _broken_row_label(toks[j].text) if j < self.end and not toks[j].brk else None
        if broken is not None:
            # a row label broken off mid-word and run into a figure (年度资金总≥90%): the text
            # skips here (a preview's gap), and what follows is a later part of the form
            self.draft.gap = True
            self.note("cut", broken[0])
            toks[j] = attrs.evolve(toks[j], text=broken[1], key=key(broken[1]))
            self.gap_at = j
            return j
        garbled = _LABELLESS_RUN_RE.fullmatch(toks[j].key) \
            if self.glued and j < self.end and not toks[j].brk else None
        if garbled is not None and is_glued_run(garbled.group(2)):
            # figures straight after the header, with no row label (a 部门整体 form's one
            # row): the total row; letters before them are OCR garbage where its first cells
            # were, which are unreadable, not blank
            self.used.add(j)
            self.glued_fund_row(("total", ""), garbled.group(2), columns)
            if garbled.group(1):
                lost = [f for f in columns if _FUND_TYPES.get(f) == "money"
                        and f not in self.draft.funds]
                where = self.draft.unread.setdefault(("funds", 0), {})
                where.update({f: "unreadable" for f in lost if f not in where})
            return j + 1
        first = True
        while j < self.end and not toks[j].brk:
            if explicit and not toks[j].key:
                # one cell per line: the blank cells that end a row, then the next row
                k = j
                while k < self.end and not toks[k].brk and not toks[k].key and k < j + 12:
                    k += 1
                if k < self.end and not toks[k].brk and L.fund_row_label(toks[k].text):
                    self.used.update(range(j, k))
                    j = k
            label = L.fund_row_label(toks[j].text)
            if label is None and first and pending is not None:
                label = pending  # the figures after the header are the row labelled before it
            elif label is None and not first and not explicit:
                # a row whose label no vocabulary lists (自治区财政资金 570.17 570.17)
                after = [toks[x].text for x in range(j + 1, min(j + 1 + len(columns), self.end))]
                n_fig = next((n for n, x in enumerate(after) if L.money(x) is None
                              and L.percent(x) is None), len(after))
                found = _unlisted_fund_row([toks[j].text, *after[:n_fig]], columns)
                label = found[1] if found is not None else None
            if label is None and first and not explicit and self.unlabelled_total(j, columns):
                # figures right after the column labels, no row label before them (the
                # flattener printed it elsewhere): the table's total row
                label = ("total", "")
            elif label is None:
                break
            else:
                self.used.add(j)
                j += 1
                if not explicit and (tail := _bracket_tail(toks, j, self.end)):
                    # the label's note in brackets, broken over words (其他资金 | (包括以前年度
                    # 结转资 | 金)): part of the label
                    label = (label[0], label[1] + "".join(toks[x].text for x in range(j, tail)))
                    self.used.update(range(j, tail))
                    j = tail
            first = False
            figures = _FIGURES_RE.match(toks[j].key) if j < self.end and not toks[j].brk else None
            # an amount's unit between glued figures ends that amount (50万元47.6895.00%)
            united = _unit_run(toks[j].key) if figures is not None else None
            # figures glued together (or, in a glued sheet, any figures: 5049.78 may be
            # 50 | 49.78) are decoded by type and arithmetic
            whole = figures is not None and L.money(toks[j].text) is not None \
                and toks[j].key[figures.end():] != ""  # 300万元: its unit ends the cell
            if figures is not None and is_glued_run(figures.group()) and not whole and (
                    self.glued or not self._fund_value_ok(columns[0], toks[j].text)):
                self.used.add(j)
                run, rest = figures.group(), toks[j].key[figures.end():]
                cuts: frozenset[int] = frozenset()
                if united is not None:
                    run, cuts, rest = united
                j += 1
                words = self.fund_row_words(j, columns) if not rest else []
                self.used.update(words)
                text = "".join(toks[w].text for w in words)
                texts = [f for f in columns if _FUND_TYPES.get(f, "text") == "text" and f != "-"]
                self.glued_fund_row(label, run, columns,
                                    [(texts[0], text, None)] if text and texts else (), cuts)
                if rest:  # what follows the figures, glued on
                    self.note("unplaced", rest)
                j = words[-1] + 1 if words else j
                continue
            if not explicit:
                # words: blank cells are invisible, so the figures after the label are
                # assigned by type and the row's arithmetic, not by counting -- unless
                # every cell is there (blank ones printed as "-")
                run: list[int] = []
                while j < self.end and not toks[j].brk and len(run) < len(columns) and (
                        L.number(toks[j].text) is not None or L.percent(toks[j].text) is not None
                        or L.is_blank(toks[j].text) and toks[j].key):
                    run.append(j)
                    j += 1
                if run:
                    self.used.update(run)
                    cells = [toks[x].text for x in run]
                    figures_at = [f for f in columns if self.fund_type(f) != "text"]
                    if len(cells) == len(figures_at):
                        placed = list(zip(figures_at, cells))
                    else:
                        # a 其中 row: its money, a rate it prints, the layout's own columns
                        fields = [f for f in figures_at
                                  if label[0] == "total" or f in _ROW_FIELDS
                                  or own and (f not in _FUND_TYPES
                                              or f == "rate" and any("%" in c for c in cells))]
                        placed = self.align_funds([c for c in cells if not L.is_blank(c)],
                                                  fields, None, label)
                    texts = [f for f in columns if self.fund_type(f) == "text"
                             and f != "-"]
                    while texts and j < self.end and not toks[j].brk and toks[j].key \
                            and not L.is_label(toks[j].text) and L.number(toks[j].text) is None \
                            and L.fund_row_label(toks[j].text) is None \
                            and not self.is_terminator(toks[j]):
                        placed.append((texts.pop(0), toks[j].text))  # 原因, 得分计算方法
                        self.used.add(j)
                        j += 1
                    self.fund_row(label, [(f, v, None) for f, v in placed])
                    continue
            values: list[tuple[int, str]] = []
            while j < self.end and not toks[j].brk and len(values) < len(columns):
                t = toks[j]
                if L.fund_row_label(t.text) is not None:
                    break
                field = columns[len(values)]
                if not self._fund_value_ok(field, t.text):
                    if field in ("weight", "score", "rate") and not explicit:
                        break
                    if not explicit or L.is_label(t.text):
                        break
                if not t.key and not explicit:
                    break
                values.append((j, t.text))
                self.used.add(j)
                j += 1
            self.fund_row(label, [(columns[n], text, idx) for n, (idx, text) in enumerate(values)])
        return j

    def fuzzy_fund_column(self, text: str, columns: list[str]) -> str | None:
        """The recognised layout's funds column whose label a garbled header cell holds
        most of, in order (``调整预算将,A、`` for 调整预算数(A): all but one character), when
        exactly one column not read yet fits; else None."""
        block = self.layout.block("funds") if self.layout is not None else None
        fits = {c.field for c in (block.columns if block is not None else ())
                if c.field not in columns for lab in c.labels
                if len(L.key(lab)) >= 4 and chars_in_order(L.key(lab), text) >= len(L.key(lab)) - 1}
        return fits.pop() if len(fits) == 1 else None

    def paired_fund_rows(self, j: int, spans: list[str]) -> int:
        """Rows whose every money cell repeats a label before its figure (预算数 6.84 到位数
        6.84 执行数 6.84 100.00; 其中:财政资金 6.84 ×3): one label | figure pair per money
        column, then the row's other figures. The first row, its labels the columns' own
        (预算数 …), is the total; a row is named by its repeated row label."""
        toks = self.toks
        money = [f for f in spans if f in ("initial_budget", "budget", "executed", "-")]
        others = [f for f in spans[len(money):] if f != "-"] \
            if spans[:len(money)] == money else []
        if len(money) < 2 or len(money) != len(spans) - len(others):
            return j
        while j + 2 * len(money) <= self.end:
            pairs = [(toks[j + 2 * n], toks[j + 2 * n + 1]) for n in range(len(money))]
            if any(a.brk or b.brk or not a.key or L.number(a.text) is not None
                   or L.number(b.text) is None for a, b in pairs):
                break
            labels = {p[0].key for p in pairs}
            named = L.fund_row_label(pairs[0][0].text)
            if len(labels) == 1 and named is not None:
                label = named
            elif all(L.fund_column(a.text) not in (None, "-") or L.fund_row_label(a.text)
                     is None for a, _ in pairs) and not self.draft.funds and len(labels) > 1:
                label = ("total", "")
            else:
                break
            values = [(f, b.text, None) for f, (_, b) in zip(money, pairs)]
            used = list(range(j, j + 2 * len(money)))
            k = j + 2 * len(money)
            for field in others:  # the row's own figures after the pairs (执行进度 100.00)
                if k < self.end and not toks[k].brk and L.number(toks[k].text) is not None:
                    values.append((field, toks[k].text, None))
                    used.append(k)
                    k += 1
            self.used.update(used)
            self.fund_row(label, values)
            j = k
        return j

    def fund_row_words(self, j: int, columns: Sequence[str]) -> list[int]:
        """The words after a row's glued figures, when the table has a text column after its
        figures (得分计算方法, 原因): that cell, cut at the label words it quotes (执行率 *该
        指标分值 …), up to the next row label or block -- within ``fund_text_words`` words of
        rules/import.toml, else nothing is taken."""
        from .settings import import_settings

        fields = [f for f in columns if f != "-"]
        if not fields or _FUND_TYPES.get(fields[-1], "text") != "text":
            return []
        limit = import_settings().fund_text_words
        out: list[int] = []
        while j < self.end and not self.toks[j].brk and len(out) <= limit:
            t = self.toks[j]
            if L.fund_row_label(t.text) is not None or L.is_funds_section(t.text) \
                    or t.key in L.GOAL_SECTIONS or t.key in L.GOAL_FIELDS \
                    or self.is_indicator_header(j) or self.is_terminator(t):
                return out
            if t.key:
                out.append(j)
            j += 1
        return out if j >= self.end else []

    def own_fund_columns(self) -> list[str]:
        """The fields of the layout's funds block, in order, when it has columns the case
        format has no field for (统筹整合资金数, 全年到位资金): its rows are read by them."""
        block = self.layout.block("funds") if self.layout is not None else None
        if block is None or block.local or block.pairs \
                or all(c.field in _FUND_TYPES for c in block.columns):
            return []
        return [c.field for c in block.columns]

    def fund_type(self, field: str) -> str:
        """A funds column's type: the layout's, else the case field's."""
        block = self.layout.block("funds") if self.layout is not None else None
        for c in block.columns if block is not None else ():
            if c.field == field:
                return "text" if c.type == "text" else c.type
        return _FUND_TYPES.get(field, "text")

    def pairs_block(self) -> Block | None:
        block = self.layout.block("funds") if self.layout is not None else None
        return block if block is not None and block.pairs else None

    def pair_columns(self) -> dict[str, int]:
        """key of a column label of the layout's ``pairs`` funds block → its column."""
        block = self.pairs_block()
        return {L.key(w): n for n, c in enumerate(block.columns) for w in c.labels} \
            if block is not None else {}

    def paired_funds(self, i: int) -> int:
        """A funds block whose every cell is a label | figure pair (the layout says
        ``pairs``): the column labels each before the total row's figure (计划安排资金 | 700
        | 实际到位资金 | 690 …), then per row its label again before each column's figure
        (其中:中央财政 | 300 | 其中:中央财政 | 290 …).  A label with no figure after it is a
        blank cell; a figure that does not read as one is unread (never blank)."""
        block = self.pairs_block()
        assert block is not None
        self.draft.funds_seen = True
        toks, columns = self.toks, self.pair_columns()
        fields = [c.field for c in block.columns]
        keep = {"initial_budget", "budget", "executed", "rate", "balance"}
        rows = {L.key(r) for r in block.rows}

        def nxt(j: int) -> int:  # the next cell with text (blank cells are blank values)
            while j < self.end and not toks[j].brk and not toks[j].key:
                j += 1
            return j

        def value(j: int) -> tuple[str, int]:
            """The figure of the pair whose label is at ``j`` (or "") and where it ends."""
            k = nxt(j + 1)
            if k < self.end and not toks[k].brk and _PAIR_FIGURE_RE.fullmatch(toks[k].key):
                self.used.add(k)
                return toks[k].text, k + 1
            return "", j + 1

        def read(label: tuple[str, str], cells: list[tuple[int, str]]) -> None:
            where = ("funds", 0) if label[0] == "total" else ("funds.rows", len(self.draft.fund_rows))
            values = []
            for n, text in cells:
                field = fields[n] if n < len(fields) else "-"
                if field not in keep or not text:
                    continue
                if (L.percent(text) if field == "rate" else L.number(text)) is None:
                    self.note("not-number", text)
                    self.draft.unread.setdefault(where, {})[_FUND_TARGET.get(field, field)
                                                           if label[0] == "total" else field] \
                        = "unreadable"
                    continue
                values.append((field, text, None))
            self.fund_row(label, values)

        j, seen, total = nxt(i), set(), []
        while j < self.end and not toks[j].brk and toks[j].key in columns \
                and columns[toks[j].key] not in seen:
            n = columns[toks[j].key]
            seen.add(n)
            self.used.add(j)
            text, j = value(j)
            total.append((n, text))
            j = nxt(j)
        read(("total", ""), total)
        while j < self.end and not toks[j].brk:
            label = L.fund_row_label(toks[j].text)
            if label is None or label[0] == "total" or L.key(label[1]) not in rows:
                break
            cells: list[tuple[int, str]] = []
            while j < self.end and not toks[j].brk and len(cells) < len(fields):
                again = L.fund_row_label(toks[j].text)
                if cells and (again is None or again[1] != label[1]):
                    # the row's label garbled by OCR (其中:中央财): its cell, figure unknown
                    if again is not None or not toks[j].key.startswith("其中"):
                        break
                self.used.add(j)
                text, j = value(j)
                cells.append((len(cells), text))
                j = nxt(j)
            read(label, cells)
        return j

    def local_block(self) -> Block | None:
        block = self.layout.block("funds") if self.layout is not None else None
        return block if block is not None and block.local else None

    def local_funds_labels(self, i: int) -> int:
        """How many of the layout's local funds labels (中央 省、地 本级 其他 合计 …) stand in
        a run from ``i`` (unit cells between them do not break it); 0 when the funds are
        read already or ``i`` is none of them."""
        block = self.local_block()
        if block is None or self.draft.funds:
            return 0
        words = {L.key(w) for c in block.columns for w in c.labels}
        n, j = 0, i
        while j < self.end and not self.toks[j].brk:
            k = self.toks[j].key
            if k in words:
                n += 1
            elif k and k not in _UNIT_CELLS:
                break
            j += 1
        return n

    def scattered_funds(self, i: int) -> int:
        """The funds of a layout whose funds labels are local (a run of 中央 省、地 本级 其他
        合计 执行数 …): the text printed the figures wherever its flattener put them, among
        check boxes and the goal, so every money and rate figure up to the indicator table
        (or a numbered goal item) is taken and assigned to the layout's columns by type and
        the row's arithmetic (:func:`.decoder.decode_cells`).  What two readings dispute
        (which source column holds the money) is left unread; the words among the figures
        are left to the other readers."""
        from .settings import import_settings

        block = self.local_block()
        assert block is not None
        self.draft.funds_seen = True
        toks = self.toks
        words = {L.key(w) for c in block.columns for w in c.labels}
        figures: list[str] = []
        j = i
        limit = import_settings().funds_scatter_words
        while j < self.end and not toks[j].brk and j - i <= limit:
            t = toks[j]
            if _is_title(t) or self.is_indicator_header(j) \
                    or _NUMBERED_RE.match(t.key) and not _CHECK_BOX_RE.search(t.key):
                break  # (a numbered check box, 3、一次性□, is no goal item)
            if t.key in words or t.key in _UNIT_CELLS:
                self.used.add(j)
            elif _PLAIN_NUMBER_RE.fullmatch(t.key) and j + 1 < self.end \
                    and toks[j + 1].key == "%":
                figures.append(t.key + "%")  # 100 | %: a rate broken off its sign
                self.used.update((j, j + 1))
                j += 1
            elif _PLAIN_NUMBER_RE.fullmatch(t.key) or re.fullmatch(r"\d+(?:\.\d+)?%", t.key):
                figures.append(t.key)
                self.used.add(j)
            j += 1
        if not figures:
            return i + 1
        fields = {"budget", "executed", "rate"}
        decoded = decode_cells(figures, block.columns, relations(block))
        if decoded.unplaced:
            for v in figures:
                self.note("unplaced", v)
            self.draft.funds_lost = True
            return i + 1
        if decoded.ambiguous:
            printed = {c.field: c.labels[0] for c in block.columns if c.labels}
            names = "/".join(printed.get(f) or FIELD_LABELS.get(f, (f,))[0]
                             for f in decoded.ambiguous)
            self.note("ambiguous", " | ".join(figures), detail=names)
            self.mark_unread_funds(("total", ""), [f for f in decoded.ambiguous if f in fields])
        self.fund_row(("total", ""), [(f, v, None) for f, v in decoded.values.items()
                                      if f in fields])
        return i + 1

    def unlabelled_total(self, j: int, columns: list[str]) -> bool:
        """At ``j`` a run of figures, as many as the header's figure columns, and no total
        row read yet."""
        if any(f in self.draft.funds for f in ("budget", "executed", "claimed_rate")):
            return False
        width = len([f for f in columns if _FUND_TYPES.get(f, "text") != "text"])
        run = 0
        while j + run < self.end and not self.toks[j + run].brk and (
                L.number(self.toks[j + run].text) is not None
                or L.percent(self.toks[j + run].text) is not None):
            run += 1
        return width >= 2 and run == width

    def glued_fund_row(self, label: tuple[str, str], run: str, columns: list[str],
                       extra: Sequence[tuple[str, str, Any]] = (),
                       cuts: frozenset[int] = frozenset()) -> None:
        """A funds row whose figures are glued (``1484631.00%``): decoded by type and by the
        layout's arithmetic; a column two readings dispute is left unread.  A 其中 row is
        read against its money and 执行率 columns, each no more than the total row's."""
        block = self.layout.block("funds") if self.layout is not None else None
        known = {c.field: c for c in block.columns} if block is not None else {}
        if run.startswith(".") and len(run) > 1:
            self.lost_head_fund_row(label, run, columns, known, block)
            return
        if label[0] != "total":  # (a run with no % holds no 执行率 that could be written)
            columns = [f for f in columns if f in _ROW_FIELDS or f == "rate" and "%" in run]
        cols = tuple(known.get(f) or Column(f, _FUND_TYPES.get(f, "text")) for f in columns)
        rels = relations(block) if block is not None else _DEFAULT_FUND_RELATIONS
        rels = tuple(r for r in rels if {r.result, r.left, r.right} - {""} <= set(columns)
                     | {x for x in (r.left,) if x.replace(".", "").isdigit()})
        decoded = decode_run(run, cols, rels + self.row_bounds(label, columns),
                             self.parent_figures(label), cuts)
        if decoded.unplaced:
            self.note("unplaced", run)
            return
        if decoded.ambiguous:
            names = "/".join(FIELD_LABELS.get(f, (f,))[0] for f in decoded.ambiguous)
            self.note("ambiguous", run, detail=names)
            self.mark_unread_funds(label, decoded.ambiguous)
        self.fund_row(label, [*((f, v, None) for f, v in decoded.values.items()), *extra])

    def lost_head_fund_row(self, label: tuple[str, str], run: str, columns: list[str],
                           known: dict[str, Column], block: Block | None) -> None:
        """A funds row whose glued figures lost their first digits (``.32.06.579.27107.93``):
        its money is unreadable; the 执行率 | 分值 | 得分 at its end are read when the row's
        arithmetic alone picks them out (:func:`.decoder.decode_lost_head`).  Printed after
        a 其中 row, they are the total's: those cells span the table's rows (merged)."""
        self.note("unplaced", run)
        cols = tuple(known.get(f) or Column(f, _FUND_TYPES.get(f, "text")) for f in columns)
        rels = relations(block) if block is not None else _DEFAULT_FUND_RELATIONS
        tail = decode_lost_head(run, cols, rels) or {}
        money = [f for f in columns if _FUND_TYPES.get(f) == "money"]
        self.mark_unread_funds(label, money, "unreadable")
        own = {f: v for f, v in tail.items() if label[0] == "total" or f in _ROW_FIELDS}
        spanned = {f: v for f, v in tail.items() if f not in own}
        self.fund_row(label, [(f, v, None) for f, v in own.items()])
        if spanned:
            self.fund_row(("total", ""), [(f, v, None) for f, v in spanned.items()])

    def row_bounds(self, label: tuple[str, str], columns: Sequence[str]) -> tuple[Relation, ...]:
        """A 其中 row is a part of the total row: none of its amounts exceeds the total's
        (``initial_budget <= 310.2``), which rules out splits of a glued run such as
        310.21 | 54.74 of 310.2154.74."""
        if label[0] == "total":
            return ()
        funds = self.draft.funds
        return tuple(Relation(f, "<=", str(funds[f])) for f in _ROW_FIELDS
                     if f in columns and isinstance(funds.get(f), Decimal))

    def funds_rows(self, i: int) -> int:
        toks, sheet = self.toks, self.sheet
        row = toks[i].row
        header_row = None
        for r in range(row, min(row + 3, len(sheet.rows))):
            labels = [c for c in sheet.rows[r] if L.fund_column(c) not in (None, "-")]
            if len(labels) >= 2:
                header_row = r
                break
            if r > row and any(L.fund_row_label(c) for c in sheet.rows[r]):
                break
        columns: list[tuple[int, str]] = []  # (col index, field)
        pairs = False
        first_data = row
        if header_row is not None:
            cells = sheet.rows[header_row]
            seen: set[tuple[int, int]] = set()
            for c, text in enumerate(cells):
                origin = sheet.origins[header_row][c] if sheet.origins is not None else (header_row, c)
                if origin in seen:
                    continue
                seen.add(origin)
                col = L.fund_column(text)
                if col is not None and col != "-":
                    columns.append((c, col))
                    self.fund_fields.add(col)
                if L.key(text) in ("调整后预算数", "预算执行数"):
                    self.profile_hint = self.profile_hint or "sichuan"
            # "预算数: 50 执行数: 49.78": the header row is the total row
            values = []
            for c, field in columns:
                nxt = next((x for x in cells[c + 1:] if x.strip()), "")
                if L.number(nxt) is not None:
                    values.append((field, nxt, c))
            if values and len(values) == len(columns):
                pairs = True
                self.fund_row(("total", ""), [(f, v, None) for f, v, _ in values])
            self.mark_row(header_row)
            first_data = header_row + 1
        else:
            first_data = row
        for r in range(row, first_data):
            self.mark_row(r)
        if not columns:
            columns = [(-1, "budget"), (-1, "executed")]
        r = first_data
        label_col: int | None = None
        while r < len(sheet.rows) and self.row_in_form(r):
            cells = sheet.rows[r]
            found = next(
                ((c, L.fund_row_label(x)) for c, x in enumerate(cells) if L.fund_row_label(x)),
                None,
            )
            if found is None and self.mode == "grid" and label_col is not None:
                found = self.grid_fund_label(r, label_col, columns)
            if found is None and (header_row is not None or r > first_data):
                found = _unlisted_fund_row(cells, [f for _, f in columns])
            if found is not None:
                label_col = found[0]
            if found is None:
                if not any(x.strip() for x in cells):
                    r += 1
                    continue
                break
            c0, label = found
            if self.mode != "grid":
                # cells before the row's label belong to no column of it: never lost silently
                for x in cells[:c0]:
                    if x.strip() and not L.is_blank(x):
                        self.note("unplaced", x, r + 1)
            if self.mode == "grid" and not pairs:
                values = []
                for c, field in columns:
                    if c > c0 and c < len(cells):
                        origin = sheet.origins[r][c] if sheet.origins is not None else (r, c)
                        if origin[1] != c and origin[0] == r:
                            continue
                        values.append((field, cells[c], None))
            elif self.mode == "tab" and header_row is not None and (shift := self._right_shift(
                    cells, c0, len(sheet.rows[header_row]), columns)):
                # a copied web table: the merged 项目资金 cell only in its first row, the
                # row's blank cells kept, so it ends where the header ends
                values = [(field, cells[c + shift], None) for c, field in columns
                          if c0 < c + shift < len(cells)]
            elif self.mode == "tab" and self._aligned(cells, c0, columns):
                # tab text keeps blank cells: a row whose every figure stands under a
                # header column is read by those columns
                values = [(field, cells[c], None) for c, field in columns if c0 < c < len(cells)]
            else:
                raw = [x for x in cells[c0 + 1:] if x.strip() and L.key(x) != L.key(cells[c0])]
                fields = [f for _, f in columns]
                # a row broken over two lines: the next line holds only figures (no label)
                nxt = sheet.rows[r + 1] if r + 1 < len(sheet.rows) and self.row_range(r + 1) \
                    else ()
                more = [x for x in nxt if x.strip()]
                if more and self.mode != "grid" and len(raw) + len(more) <= len(fields) \
                        and all(L.number(x) is not None or L.percent(x) is not None
                                for x in more):
                    raw += more
                    self.mark_row(r)
                    self.note("continued", " | ".join(more), r + 2)
                    r += 1
                if self.mode == "compact" and len(raw) < len(fields):
                    if label[0] != "total":
                        # a 其中 row prints its money and 执行率, its 分值 / 得分 cells are
                        # blank or "—": its figures are read against those columns only
                        sub = [f for f in fields if f in _ROW_FIELDS or f == "rate"]
                        figures = [x for x in raw if not L.is_blank(x)]
                        fields = sub if len(figures) <= len(sub) else fields
                    placed = self.align_funds(raw, fields, r, label)
                    values = [(f, v, None) for f, v in placed]
                else:
                    values = [(fields[n], v, None) for n, v in enumerate(raw[: len(fields)])]
                    for extra in raw[len(fields):]:
                        self.note("unplaced", extra, r + 1)
            self.fund_row(label, values)
            self.mark_row(r)
            r += 1
        return self.first_token_of_row(r)

    @staticmethod
    def _right_shift(cells: Sequence[str], c0: int, width: int,
                     columns: list[tuple[int, str]]) -> int:
        """How far left a tab row that lacks its leading merged cells stands (0 if it does
        not): shorter than the header, its blank cells kept to the end, its label left of
        every figure column and every figure under one when it is the header's last cells."""
        shift = len(cells) - width
        if shift >= 0 or not cells or not columns:
            return 0
        at = {c + shift for c, _ in columns}
        filled = [c for c in range(c0 + 1, len(cells)) if cells[c].strip()]
        if c0 >= min(at) or not filled or not all(c in at for c in filled):
            return 0
        if not cells[-1].strip():
            return shift
        # its last cell filled (a tab row's trailing blanks may be cut): the header's last
        # columns only when its figures fit there -- each under a column, of its kind, the
        # row's arithmetic holding -- and not where they stand
        def fits(by: int) -> bool:
            placed = {c + by for c, _ in columns}
            if not all(c in placed for c in filled):
                return False
            values = {f: cells[c + by] for c, f in columns if c0 < c + by < len(cells)}
            return all(_fund_kind_fits(f, v) for f, v in values.items()) \
                and _fund_arithmetic_fits(values)
        return shift if fits(shift) and not fits(0) else 0

    @staticmethod
    def _aligned(cells: Sequence[str], c0: int, columns: list[tuple[int, str]]) -> bool:
        at = {c for c, _ in columns}
        filled = [c for c in range(c0 + 1, len(cells)) if cells[c].strip()]
        return bool(filled) and min(at, default=0) > c0 and all(c in at for c in filled)

    def grid_fund_label(self, r: int, c: int, columns: list[tuple[int, str]]
                        ) -> tuple[int, tuple[str, str]] | None:
        """A row of an xlsx funds table whose label is not one the importer knows."""
        cells = self.sheet.rows[r]
        if c >= len(cells) or not cells[c].strip():
            return None
        text = cells[c]
        if L.is_label(text) or self.is_indicator_header(self.row_range(r)[0]):
            return None
        origin = self.sheet.origins[r][c] if self.sheet.origins is not None else (r, c)
        if origin != (r, c):
            return None
        for col, field in columns:
            if c < col < len(cells) and cells[col].strip() \
                    and not self._fund_value_ok(field, cells[col]):
                return None
        label = text
        for prefix in ("其中:", "其中："):
            if label.startswith(prefix):
                label = label[len(prefix):]
                break
        return c, ("row", label)

    def align_funds(self, raw: list[str], fields: list[str], r: int | None,
                    label: tuple[str, str] = ("row", "")) -> list[tuple[str, str]]:
        """A funds row whose blank cells were dropped: figures assigned to the columns by
        type and the row's arithmetic (:func:`.decoder.decode_cells`); words (原因, 得分计算
        方法) to the text columns after them; what two readings dispute is left unread."""
        informative = [v for v in raw if not L.is_blank(v)]
        if not informative:
            return []
        # an amount with its unit or a currency sign (829.3万, ￥1,268.72) is its figure
        raw = [_plain_amount(v) for v in raw]
        figures = [v for v in raw if L.number(v) is not None or L.percent(v) is not None]
        words = [v for v in raw if v not in figures and not L.is_blank(v)]
        # a system's export printing six decimals (52.800000): the same figure, as written
        figures = [v.rstrip("0").rstrip(".") if _LONG_DECIMALS_RE.fullmatch(v) else v
                   for v in figures]
        block = self.layout.block("funds") if self.layout is not None else None
        known = {c.field: c for c in block.columns} if block is not None else {}
        cols = tuple(known.get(f) or Column(f, _FUND_TYPES.get(f, "text")) for f in fields)
        rels = relations(block) if block is not None else _DEFAULT_FUND_RELATIONS
        decoded = decode_cells(figures, cols, rels, self.parent_figures(label)) if figures \
            else None
        placed: list[tuple[str, str]] = []
        if decoded is not None:
            if decoded.unplaced:
                for v in figures:
                    self.note("unplaced", v, r + 1 if r is not None else None)
            placed.extend(decoded.values.items())
            if decoded.ambiguous:
                names = "/".join(FIELD_LABELS.get(f, (f,))[0] for f in decoded.ambiguous)
                self.note("ambiguous", " | ".join(figures), r + 1 if r is not None else None,
                          names)
                self.mark_unread_funds(label, decoded.ambiguous)
        texts = [f for f in fields if _FUND_TYPES.get(f, "text") == "text" and f != "-"]
        for n, w in enumerate(words):
            if n < len(texts):
                placed.append((texts[n], w))
            else:
                self.note("unplaced", w, r + 1 if r is not None else None)
        return placed

    def parent_figures(self, label: tuple[str, str]) -> dict[str, str] | None:
        """For a sub-row of the funds table, the total row's money figures read so far (the
        decoder fits a sub-row to them: children sum to their parent)."""
        if label[0] == "total":
            return None
        return {f: str(self.draft.funds[f]) for f in ("initial_budget", "budget", "executed")
                if f in self.draft.funds} or None

    def mark_unread_funds(self, label: tuple[str, str], fields: Iterable[str],
                          why: str = "ambiguous") -> None:
        total = label[0] == "total"
        where = ("funds", 0) if total else ("funds.rows", len(self.draft.fund_rows))
        unread = {_FUND_TARGET.get(f, f) if total else f: why for f in fields
                  if total or f in ("initial_budget", "budget", "executed")}
        if unread:
            self.draft.unread.setdefault(where, {}).update(unread)

    def _resolve(self, raw, fields, options, r):  # type: ignore[no-untyped-def]
        placed = []
        for n, v in enumerate(raw):
            cols = {combo[n] for combo in options}
            if len(cols) == 1:
                placed.append((fields[cols.pop()], v))
            elif not L.is_blank(v):
                if cols:
                    names = "/".join(sorted({FIELD_LABELS.get(fields[c], (fields[c],))[0]
                                             for c in cols}))
                    self.note("ambiguous", v, r + 1 if r is not None else None, names)
                else:
                    self.note("unplaced", v, r + 1 if r is not None else None)
        return placed

    def fund_row(self, label: tuple[str, str], values: Iterable[tuple[str, str, Any]]) -> None:
        self.draft.fund_rows_seen = True
        kind, printed = label
        data: dict[str, Any] = {}
        rate_text = ""
        for field, text, idx in values:
            if not text.strip() or L.is_blank(text):
                continue
            if field in ("reason",):
                data.setdefault(field, text)
                continue
            if field == "method":
                data.setdefault("note", f"得分计算方法: {text}")
                continue
            if field == "-" or field not in _CASE_FUND_FIELDS:
                continue  # a column of the layout's the case format has no field for
            value = L.percent(text) if field == "rate" else L.money(text) \
                if field in _MONEY_FIELDS else L.number(text)
            if value is None:
                self.note("not-number", text)
                continue
            data.setdefault(field, value)
            if field == "rate":
                rate_text = text
        if "rate" in data and not re.search(r"[%％]", rate_text) and 0 < data["rate"] <= 1:
            # 0.9956: a rate written as a fraction (a spreadsheet's percent cell exported
            # without its format), or 1 meaning 1 %: the row's arithmetic tells; unread if not
            rate = _rate_as_printed(data, L.key(rate_text))
            if rate is None:
                del data["rate"]
                self.mark_unread_funds(label, ["rate"])
            else:
                data["rate"] = rate
        if kind == "total":
            funds = self.draft.funds
            for field, value in data.items():
                target = {
                    "rate": "claimed_rate",
                    "weight": "claimed_weight",
                    "score": "claimed_score",
                }.get(field, field)
                funds.setdefault(target, value)
            if printed:
                funds.setdefault("source", printed.rstrip(":：").strip())
            funds.setdefault("source", "")
        else:
            row = {"source": printed}
            for field in ("initial_budget", "budget", "executed"):
                if field in data:
                    row[field] = data[field]
            self.draft.fund_rows.append(row)

    # -- rows helpers --------------------------------------------------------------------

    def mark_row(self, r: int) -> None:
        for i in self.row_range(r):
            self.used.add(i)

    def row_in_form(self, r: int) -> bool:
        idx = self.row_range(r)
        return bool(idx) or (r < len(self.sheet.rows) and not self.sheet.rows[r])

    def first_token_of_row(self, r: int) -> int:
        # token rows never decrease, so the first token at or after row r is a bisection
        lo = bisect.bisect_left(self.toks, r, lo=self.start, hi=self.end, key=_tok_row)
        return lo

    # -- goal ----------------------------------------------------------------------------

    def goal(self, i: int) -> int:
        toks = self.toks
        labels: list[tuple[int, str]] = []  # (col or token index, field)
        j = i
        if self.rows_mode:
            row = toks[i].row
            for t_i in self.row_range(row):
                t = toks[t_i]
                self.used.add(t_i)
                if t.key in L.GOAL_FIELDS:
                    labels.append((t.col, L.GOAL_FIELDS[t.key]))
            if not labels:
                return self.first_token_of_row(row + 1)
            r = row + 1
            while r < len(self.sheet.rows) and not any(x.strip() for x in self.sheet.rows[r]):
                r += 1
            if r >= len(self.sheet.rows) or not self.row_range(r):
                return self.first_token_of_row(r)
            cells = self.sheet.rows[r]
            if any(L.fund_row_label(c) or L.key(c) in L.INDICATOR_COLUMNS for c in cells if c):
                return self.first_token_of_row(r)
            values = []
            for t_i in self.row_range(r):
                t = toks[t_i]
                if t.key and not t.dup and not (L.key(t.text) in L.GOAL_SECTIONS):
                    values.append((t.col, t.text))
            if len(values) == len(labels):
                for (_, field), (_, text) in zip(labels, values):
                    self.draft.goal.setdefault(field, text)
            elif self.mode == "grid" or self.mode == "tab" and all(
                    c in {lc for lc, _ in labels} for c, _ in values):
                # the cells stand under their labels (tab text keeps blank cells)
                by_col = dict(values)
                for c, field in labels:
                    if c in by_col:
                        self.draft.goal.setdefault(field, by_col[c])
            else:
                for _, text in values:
                    self.note("goal-unplaced", text, r + 1)
                self.draft.unread.setdefault(("goal", 0), {}).update(
                    {field: "unplaced" for _, field in labels})
            self.mark_row(r)
            return self.first_token_of_row(r + 1)
        while j < self.end and not toks[j].brk:
            t = toks[j]
            if t.key in L.GOAL_FIELDS:
                labels.append((j, L.GOAL_FIELDS[t.key]))
            elif not (t.key in L.GOAL_SECTIONS or not t.key):
                break
            self.used.add(j)
            j += 1
        if not labels:
            return j
        if self.mode == "stream":
            values_i = list(range(j, min(j + len(labels), self.end)))
            if any(toks[v].brk or L.is_label(toks[v].text) for v in values_i):
                return j
        else:
            values_i = []
            while j < self.end and not toks[j].brk and not L.is_label(toks[j].text) \
                    and not self.is_indicator_header(j):
                values_i.append(j)
                j += 1
        self.used.update(values_i)
        texts = [toks[v].text for v in values_i]
        if len(texts) == len(labels):
            for (_, field), text in zip(labels, texts):
                if text:
                    self.draft.goal.setdefault(field, text)
        else:
            for text in texts:
                if text:
                    self.note("goal-unplaced", text)
            if any(texts):
                self.draft.unread.setdefault(("goal", 0), {}).update(
                    {field: "unplaced" for _, field in labels})
        return max(values_i, default=j - 1) + 1

    # -- the total row ---------------------------------------------------------------------

    def total(self, i: int) -> int:
        toks = self.toks
        self.used.add(i)
        # a 合计 before the indicator table is the funds table's (a column or a row), not
        # the row that closes the form
        self.draft.ended = self.draft.ended or self.draft.has_table
        fields = [f for f in self.schema if f in ("weight", "score")]
        if self.rows_mode:
            row = toks[i].row
            idx = [j for j in self.row_range(row) if j > i and toks[j].key and not toks[j].dup]
            self.used.update(self.row_range(row))
            if self.mode == "grid" and self.header_cols:
                cols = {f: c for c, f in self.header_cols}
                if "score" in cols:
                    cells = self.sheet.rows[row]
                    c = cols["score"]
                    if c < len(cells) and cells[c].strip():
                        self.set_total(cells[c], i)
                return self.first_token_of_row(row + 1)
            texts = [toks[j].text for j in idx]
            explicit = self.mode == "tab"
            next_i = self.first_token_of_row(row + 1)
        else:
            texts = []
            j = i + 1
            explicit = self.mode == "stream"
            while j < self.end and not toks[j].brk and len(texts) < 2:
                t = toks[j]
                if not texts and L.number(t.text) is None and fields == ["weight", "score"]:
                    # 总分100100注:… glued: split by the rows' sums (decoder.split_total)
                    split = split_total(t.text, self.row_sums())
                    if split is not None:
                        self.used.add(j)
                        self.set_total(split[1], i)
                        return j + 1
                if t.key and L.number(t.text) is None:
                    break
                if not t.key and not explicit:
                    break
                texts.append(t.text)
                self.used.add(j)
                j += 1
            next_i = j
        numbers = [t for t in texts if L.number(t) is not None or not t.strip()]
        if fields == ["weight", "score"]:
            if explicit or len([t for t in numbers if t.strip()]) == 2:
                if len(numbers) >= 2 and numbers[1].strip():
                    self.set_total(numbers[1], i)
            elif len([t for t in numbers if t.strip()]) == 1:
                if not self.weights_from_total():
                    self.note("total-ambiguous", next(t for t in numbers if t.strip()),
                              self.where(i))
        elif fields == ["score"] and numbers and numbers[0].strip():
            self.set_total(numbers[0], i)
        return next_i

    def row_sums(self) -> tuple[Decimal | None, Decimal | None]:
        """The sums of the indicator rows' 分值 and 得分 (None where a row lacks one)."""
        rows = self.draft.indicators

        def total(field: str) -> Decimal | None:
            got = [r.get(field) for r in rows if r.get("name") or r.get(field) is not None]
            if not got or any(v is None for v in got):
                return None
            try:
                return sum((Decimal(str(v)) for v in got), Decimal(0))
            except InvalidOperation:
                return None

        return total("weight"), total("score")

    def weights_from_total(self) -> bool:
        """Rows that show one figure where their 完成值, 分值 or 得分 could be, closed by a 合计
        row of one figure, in a table where no row shows a score: the 合计 sums the 分值
        (a 得分 total needs the 分值 it is scored against; a 完成值 is never summed), so the
        分值 column is filled, and each such row's figure is its 分值 (完成值, 得分 blank)."""
        if not self.lone_figures or any(ind.get("score") is not None
                                        for ind in self.draft.indicators):
            return False
        for n, text, notes in self.lone_figures:
            number = L.number(text)
            if number is None or n >= len(self.draft.indicators):
                continue
            self.draft.indicators[n]["weight"] = number
            unread = self.draft.unread.get(("indicators", n), {})
            for field in ("actual", "weight", "score"):
                unread.pop(field, None)
            if not unread:
                self.draft.unread.pop(("indicators", n), None)
            for note in notes:
                if note in self.draft.notes:
                    self.draft.notes.remove(note)
        self.lone_figures = []
        return True

    def set_total(self, text: str, i: int) -> None:
        value = L.number(text)
        if value is None:
            self.note("not-number", text, self.where(i))
        else:
            self.draft.narrative.setdefault("claimed_total", value)

    # -- the indicator table ---------------------------------------------------------------

    def is_indicator_header(self, i: int) -> bool:
        toks = self.toks
        tok = toks[i]
        if not (L.indicator_column(tok.text) or L.is_indicator_section(tok.text)):
            return False
        if self.rows_mode:
            found = {L.indicator_column(toks[j].text) for j in self.row_range(tok.row)}
        else:
            found = set()
            j = i
            while j < self.end and not toks[j].brk and j < i + 16:
                t = toks[j]
                col, _, last = self.column_at(j, bool(found))
                if col == "-" and not L.indicator_column(t.text):
                    col = None  # a word of unknown meaning does not make a header
                if found and _TAG_RE.fullmatch(t.key):
                    j += 1  # a label's column tag cut off it: 指标值 | (A)
                    continue
                if col:
                    found.add(col)
                elif t.key and not L.is_indicator_section(t.text) \
                        and not (found and self.unknown_label(j)):
                    break  # (a label of unknown meaning between known ones: a column)
                j = last + 1
        # a target/actual table, or a rubric (分值 and 得分, no target), or a score sheet
        # (一级 | 二级 | 三级 | 得分, each level's points printed in its label)
        return "name" in found and (bool({"target", "actual"} & found)
                                    or {"weight", "score"} <= found
                                    or {"level1", "level2", "score"} <= found)

    def header(self, i: int) -> tuple[list[tuple[int, str]], int]:
        """(columns as (col index or position, field), index of the first token after it)."""
        toks = self.toks
        cols: list[tuple[int, str]] = []
        if self.rows_mode:
            row = toks[i].row
            seen: set[tuple[int, int]] = set()
            for c, text in enumerate(self.sheet.rows[row]):
                origin = self.sheet.origins[row][c] if self.sheet.origins is not None else (row, c)
                if origin in seen:
                    continue
                seen.add(origin)
                field = L.indicator_column(text)
                if field:
                    cols.append((c, field))
                elif cols and L.key(text) and not L.is_indicator_section(text) \
                        and not re.search(r"\d", L.key(text)) and len(L.key(text)) <= 12:
                    self.unknown_columns.append(text)  # a header cell of no known column
                    # a column of unknown meaning: its cells are no other column's
                    self.note("unplaced", text, row + 1)
                    cols.append((c, "-"))
            self.mark_row(row)
            self.header_row = row
            parts = self.part_labels()
            below = [L.key(x) for x in self.sheet.rows[row + 1]] \
                if row + 1 < len(self.sheet.rows) else []
            if parts and any(below) and all(k in parts or not k for k in below):
                # the header's second line: the sub-columns of its spanning cells
                seen = {f for _, f in cols}
                sub = {parts[k] for k in below if k and parts[k] in seen}
                if sub:
                    self.mark_row(row + 1)
                    self.header_row = row + 1
                    return self.expand_columns(cols, sub, below, parts), \
                        self.first_token_of_row(row + 2)
            return _level_points(cols), self.first_token_of_row(row + 1)
        j = i
        pos = 0
        self.header_texts = []
        parts = self.part_labels()
        sub: set[str] = set()  # spanning columns whose sub-column labels the form prints
        while j < self.end and not toks[j].brk:
            t = toks[j]
            field, text, last = self.column_at(j, bool(cols))
            if cols and _TAG_RE.fullmatch(t.key):
                self.used.add(j)  # a label's column tag cut off it: 指标值 | (A)
                j += 1
                continue
            if t.key in parts and parts[t.key] in {f for _, f in cols} and (
                    not field or parts[t.key] in sub or field in {f for _, f in cols}):
                # a sub-column label on the header's second line (符号 under 预期指标值)
                sub.add(parts[t.key])
                self.used.add(j)
                j += 1
                continue
            if field:
                cols.append((pos, field))
                self.header_texts.append(text)
                pos += 1
                if text != t.text and L.key(text) != t.key and last == j:
                    self.note("fuzzy-label", t.text, detail=text)
            elif t.key and not L.is_indicator_section(t.text):
                if not (cols and self.unknown_label(j)):
                    break
                # a label the vocabulary does not know, with known ones after it: a column
                # of unknown meaning, its cells reported, not taken for another column's
                self.note("unplaced", t.text)
                self.unknown_columns.append(t.text)
                cols.append((pos, "-"))
                self.header_texts.append(t.text)
                pos += 1
            self.used.update(range(j, last + 1))
            j = last + 1
        return self.expand_parts(_levels_first(_level_points(cols)), sub), j

    def column_at(self, j: int, inside: bool) -> tuple[str | None, str, int]:
        """The indicator column a header token names: (field, label, last token used).
        Inside a header (``inside``, a label read before it), also a cell broken over two or
        three tokens, a label whose column tag OCR misread (指标值(八) for 指标值(A)), and in
        glued text a garbled label before a known one: the label whose characters it holds
        (年成值全完值 → 全年完成值), else a column of unknown meaning (``-``)."""
        toks = self.toks
        t = toks[j]
        field = L.indicator_column(t.text)
        if not inside or not t.key:
            return field, t.text, j
        joined = self.broken_label(j)
        if joined is not None and (not field or len(joined[1]) > len(t.text)):
            return joined
        if field:
            return field, t.text, j
        if _TAG_RE.search(t.key) and (tagged := L.indicator_column(_TAG_RE.sub("", t.key))):
            return tagged, t.text, j
        if self.glued and len(t.key) <= 8 and j + 1 < self.end and not toks[j + 1].brk:
            nxt = toks[j + 1]
            if L.indicator_column(nxt.text) or (_TAG_RE.search(nxt.key)
                                                and L.indicator_column(_TAG_RE.sub("", nxt.key))):
                fuzzy = L.fuzzy_indicator_column(t.text)
                return (fuzzy[1], fuzzy[0], j) if fuzzy else ("-", t.text, j)
        return None, t.text, j

    def unknown_label(self, j: int) -> bool:
        """Is the token at ``j`` a header label the vocabulary does not know: a short word
        (no figure, no category) with a known column label within the next three tokens?"""
        toks = self.toks
        t = toks[j]
        if len(t.key) > 12 or re.search(r"\d", t.key) or L.is_l1(t.text) or L.is_l2(t.text) \
                or L.is_label(t.text):
            return False
        for x in range(j + 1, min(j + 4, self.end)):
            if toks[x].brk:
                return False
            if L.indicator_column(toks[x].text) not in (None, "-"):
                return True
        return False

    def broken_label(self, j: int) -> tuple[str, str, int] | None:
        """(field, label, last token) when the tokens from ``j`` on, two or three of them
        joined, are one column label of the vocabulary and the first alone is not a label
        of its own, or is a shorter one (未完成原因分析 | 及 | 改进措施)."""
        toks = self.toks
        for n in (3, 2):
            if j + n > self.end or any(toks[x].brk for x in range(j + 1, j + n)):
                continue
            span = range(j, j + n)
            if all(L.indicator_column(toks[x].text) for x in span):
                continue  # labels side by side (执行率 | 得分), not one broken cell
            text = "".join(toks[x].text for x in span)
            field = L.indicator_column(text)
            if field and field != "-" and len(L.key(text)) >= 4:
                return field, text, j + n - 1
        return None

    def part_labels(self) -> dict[str, str]:
        """key of a sub-column label → the field of the recognised layout's indicator column
        that spans it."""
        if self.layout is None:
            return {}
        return {L.key(lab): field for field, parts in self.layout.parts("indicators").items()
                for p in parts for lab in p.labels}

    def expand_columns(self, cols: list[tuple[int, str]], sub: set[str], below: list[str],
                       parts: dict[str, str]) -> list[tuple[int, str]]:
        """A grid's header with a second line of sub-column labels: each sub-label's cell is
        the column of its part (by the part's label), the spanning cell's own column its
        first part."""
        spans = self.layout.parts("indicators") if self.layout is not None else {}
        out = [(c, f) for c, f in cols if f not in sub]
        for c, k in enumerate(below):
            if k and parts.get(k) in sub:
                part = next(p.field for p in spans[parts[k]] for lab in p.labels
                            if L.key(lab) == k)
                out.append((c, part))
        for c, f in cols:  # a spanning cell none of whose sub-cells is labelled: its first part
            if f in sub and not any(oc == c for oc, _ in out):
                out.append((c, spans[f][0].field))
        return sorted(out)

    def expand_parts(self, cols: list[tuple[int, str]], sub: set[str]) -> list[tuple[int, str]]:
        """Each column whose sub-column labels the form printed read as its parts, in the
        layout's order (a part whose label the form leaves blank, 值 between 符号 and 单位,
        is still there)."""
        if not sub or self.layout is None:
            return cols
        spans = self.layout.parts("indicators")
        out: list[tuple[int, str]] = []
        texts: list[str] = []
        for n, (_, field) in enumerate(cols):
            names = [p.field for p in spans[field]] if field in sub else [field]
            for name in names:
                out.append((len(out), name))
                texts.append(self.header_texts[n] if n < len(self.header_texts) else "")
        self.header_texts = texts
        return out

    def indicators(self, i: int) -> int:
        first = len(self.draft.indicators)
        self.unknown_columns = []
        j = self.read_table(i)
        if self.unknown_columns:
            # a header with columns of unknown meaning: a value column it lacks may be one
            # of them, so its cells are not read, never blank (完成值, 得分)
            values = set(self.schema)
            lacking = [f for f in ("target", "actual") if f not in values
                       and {"target", "actual"} & values]  # (a rubric prints neither)
            lacking += ["score"] if "weight" in values and "score" not in values else []
            for n in range(first, len(self.draft.indicators)):
                unread = self.draft.unread.setdefault(("indicators", n), {})
                for f in lacking:
                    unread.setdefault(f, "unplaced")
        return j

    def read_table(self, i: int) -> int:
        cols, j = self.header(i)
        self.header_cols = cols
        fields = [f for _, f in cols]
        self.schema = tuple(f for f in fields if f not in _LEVEL_FIELDS)
        self.draft.has_table = True
        self.table_first = len(self.draft.indicators)
        self.l1_lost = False
        if ("operator" in fields or "unit" in fields) and self.layout is None:
            self.profile_hint = self.profile_hint or "sichuan"
        if self.glued:
            return self.table_glued(j, cols)
        if self.rows_mode:
            return self.table_rows(j, cols)
        if self.mode == "words":
            self.seed_levels = self.levels_before(i)
        if self.mode == "stream":
            return self.table_stream(j, self.schema)
        if self.layout is not None and self.layout.kind == "rubric" \
                and {"name", "weight", "score"} <= set(self.schema) \
                and not {"target", "actual"} & set(self.schema):
            return self.table_rubric_words(j)
        if self.schema == ("name", "score"):  # 三级 | 得分: the points in the labels
            k = self.table_points_words(j, fields)
            if k is not None:
                return k
        if not {"weight", "score"} & set(self.schema) and {"target", "actual"} & set(self.schema):
            # an unscored table in words: no 分值 | 得分 ends a row, so rows between two
            # labels are told apart by what their cells are
            return self.better_reading(j, self.schema, self.table_words)
        return self.table_words(j, self.schema)

    def table_points_words(self, j: int, fields: Sequence[str]) -> int | None:
        """Words under a header of the levels, 三级指标 and 得分 only, whose labels carry
        their points (:mod:`.pointsheet`): the levels told by the points' arithmetic, each
        row's 分值 its points.  None: the words are no such sheet."""
        toks = self.toks
        k = j
        while k < self.end and not toks[k].brk and not self.ends_draft(toks[k]) \
                and not self.is_terminator(toks[k]):
            k += 1
        at = [x for x in range(j, k) if toks[x].key and not toks[x].dup]
        cut = k >= self.end >= len(toks)
        levels = sum(1 for f in ("level1", "level2") if f in fields)
        read = read_points_sheet([toks[x].text for x in at], levels, cut=cut)
        if read is None:
            return None
        rows, loose = read
        if k < self.end and self.is_terminator(toks[k]):
            self.draft.ended = True
        for row in rows:
            self.used.update(at[p] for p in row.words)
            values = {"level1": self.l1_text(row.level1) if row.level1 else "",
                      "level2": row.level2, "name": row.name}
            if row.cut:
                self.note("cut", row.name)
                self.draft.unread[("indicators", len(self.draft.indicators))] = {
                    "weight": "cut", "score": "cut"}
            elif row.score is None:  # the number after it exceeds its points
                values.update(weight=str(row.weight))
                self.draft.unread[("indicators", len(self.draft.indicators))] = {
                    "score": "unplaced"}
            else:
                values.update(weight=str(row.weight), score=str(row.score))
            self.add_indicator(values, None)
        for p in loose:
            self.used.add(at[p])
            self.note("unplaced", toks[at[p]].text)
        self.schema = ("name", "weight", "score")
        self.finish_table()
        return k

    def levels_before(self, i: int) -> tuple[str, str]:
        """The first rows' merged 一级/二级 cells a flattened workbook printed among the
        header's own level labels, before the header read from ``i`` (``一级指标 二级指标
        数量指标 三级指标 …``): (一级, 二级) for the rows until the next label, marked read."""
        toks = self.toks
        l1 = l2 = ""
        found: list[int] = []
        labels = 0
        j = i - 1
        while j >= self.start and i - j <= 4 and not toks[j].brk:
            t = toks[j]
            if L.indicator_column(t.text) in ("level1", "level2"):
                labels += 1
            elif L.is_l1_only(t.text) and not l1:
                l1 = self.l1_text(t.text)
                found.append(j)
            elif L.is_l2(t.text) and not l2 and not l1:
                l2 = t.text
                found.append(j)
            else:
                break
            j -= 1
        if not labels or not found:
            return "", ""
        self.used.update(found)
        return l1, l2

    def column_major(self, i: int) -> tuple[int, list[tuple[str, list[int]]], int] | None:
        """A table the flattener gave column by column (``三级指标 甲 乙 丙 指标值 … 得分 10 9
        8``): each column label followed by its column's cells.  It is one when the 三级指标
        column and at least two value columns hold the same number of cells (two or more),
        and every 分值/得分 cell is a points figure.  Returns the columns (field, token
        indices) between the table's first index and the index after it, else None."""
        toks = self.toks
        groups: list[tuple[str, list[int]]] = []
        j = i
        while j < self.end and not toks[j].brk:
            t = toks[j]
            if self.is_terminator(t) or _is_title(t) or L.is_funds_section(t.text) \
                    or t.key in L.GOAL_SECTIONS:
                break
            field = L.indicator_column(t.text)
            if field:
                if any(f == field for f, _ in groups):
                    break  # a column label again: the next table, or row-major text
                groups.append((field, []))
            elif t.key:
                groups[-1][1].append(j)
            j += 1
        sizes = {f: len(cells) for f, cells in groups}
        n = sizes.get("name", 0)
        values = [f for f, _ in groups if f in _INDICATOR_FIELDS and sizes[f] == n]
        if n < 2 or len(values) < 2 or any(
                L.points(toks[c].text) is None for f, cells in groups
                if f in ("weight", "score") and sizes[f] == n for c in cells):
            return None
        return i, groups, j

    def table_columns(self, start: int, groups: list[tuple[str, list[int]]], end: int) -> int:
        """Read a table given column by column (:meth:`column_major`): row ``k`` takes the
        ``k``-th cell of every column holding as many cells as the 三级指标 column.  A column
        with more or fewer (a merged 一级 cell printed once, a blank cell dropped) cannot be
        lined up with the rows: its cells are reported and its field left unread."""
        toks = self.toks
        self.draft.has_table = True
        self.table_first = len(self.draft.indicators)
        self.l1_lost = False
        self.schema = tuple(f for f, _ in groups if f not in ("level1", "level2"))
        n = len(next(cells for f, cells in groups if f == "name"))
        lost = [f for f, cells in groups if len(cells) != n and f != "-"]
        for f, cells in groups:
            if len(cells) != n:
                for c in cells:
                    self.note("unplaced", toks[c].text)
        self.note("column-major", detail=str(n))
        for k in range(n):
            values = {f: toks[cells[k]].text for f, cells in groups
                      if len(cells) == n and f != "-"}
            if lost:
                self.draft.unread[("indicators", len(self.draft.indicators))] = dict.fromkeys(
                    (f for f in lost if f in _INDICATOR_FIELDS or f in ("level1", "level2")),
                    "unplaced")
            self.add_indicator(values, None)
        self.used.update(range(start, end))
        self.finish_table()
        return end

    def table_rubric_words(self, j: int) -> int:
        """A rubric (评价内容 | 分值 | 自评分 | 评价标准 …) in whitespace words, its criteria
        sentences interleaved with its rows: a row is a short name, its 分值 (a plain number
        right after the name, or after a 一级 label printed between them) and its 自评分 (the
        next plain number, no more than the 分值, within ``rubric_score_within`` words of
        rules/import.toml: the criteria's own words may come between).  A number followed by
        分 is the criteria's (``扣 0.5 分``), never a cell.  A 一级 label with its points
        (项目管理 13 分), wherever its merged cell printed it, covers the rows whose weights
        total them; every other word (criteria text) is left unplaced."""
        from .settings import import_settings

        within = import_settings().rubric_score_within
        toks = self.toks
        first_row = len(self.draft.indicators)
        labels: list[tuple[int, str, Decimal | None]] = []
        words: list[int] = []  # indices of the words since the last row
        pending: tuple[int, int, int] | None = None  # (name, 分值, words seen at the 分值)
        seen = 0  # words read so far
        level_points = any(f.endswith("_points") for _, f in self.header_cols)
        chain: list[int] = []  # level labels of the row being read (points columns)
        levels = ["", ""]  # the 一级 and 二级 the rows are under
        ended = False

        def cell_number(k: int) -> bool:  # a plain number that is a cell, not criteria text
            if not _PLAIN_NUMBER_RE.fullmatch(toks[k].text):
                return False
            n = k + 1
            while n < self.end and not toks[n].key and not toks[n].brk:
                n += 1
            return n >= self.end or not toks[n].key.startswith("分")

        while j < self.end:
            t = toks[j]
            if t.brk:
                break
            if self.is_terminator(t) or (self.is_indicator_header(j) and words) \
                    or t.key in L.GOAL_SECTIONS or t.key in L.GOAL_FIELDS:
                ended = self.is_terminator(t)
                self.draft.ended = self.draft.ended or ended
                break
            if not t.key or L.indicator_column(t.text):
                self.used.add(j)
                j += 1
                continue
            words.append(j)
            seen += 1
            texts = [toks[w].text for w in words]
            # a category label with its points: 项目管理 13 分, 项目管理(13分)
            if len(texts) >= 3 and texts[-1] == "分" and _PLAIN_NUMBER_RE.fullmatch(texts[-2]) \
                    and L.is_l1(texts[-3]):
                labels.append((len(self.draft.indicators) - first_row, self.l1_text(texts[-3]),
                               Decimal(texts[-2])))
                self.used.update(words[-3:])
                del words[-3:]
            elif cell_number(j) and level_points and len(words) >= 2 \
                    and L.is_l1(toks[words[-2]].text) and pending is None:
                levels[0], levels[1] = self.l1_text(toks[words[-2]].text), ""  # 项目决策 20
                self.used.update((words[-2], j))
                chain = []
            elif cell_number(j):
                if pending is not None and level_points and seen - pending[2] == 2 \
                        and _RUBRIC_NAME_RE.fullmatch(toks[words[-2]].key):
                    # a label | points pair right after another (项目决策 20 | 项目目标 6 |
                    # 目标内容 6): the one before was a level's, in a header that prints
                    # each level's points (一级指标 | 分值 | 二级指标 | 分值 | …)
                    chain.append(pending[0])
                    self.used.update(pending[:2])
                    pending = (words[-2], j, seen)
                elif pending is not None and seen - pending[2] <= within \
                        and Decimal(t.text) <= Decimal(toks[pending[1]].text):
                    name, weight, _ = pending
                    if chain:  # the levels this row opens: the 一级 first, then the 二级
                        names = [toks[c].text for c in chain[-2:]]
                        if len(names) == 2 or L.is_l1(names[0]):
                            levels[0], levels[1] = names[0], names[1] if len(names) == 2 else ""
                        else:
                            levels[1] = names[0]
                    chain = []
                    self.add_indicator({"level1": levels[0], "level2": levels[1],
                                        "name": toks[name].text,
                                        "weight": toks[weight].text, "score": t.text}, None)
                    self.used.update((name, weight, j))
                    words = []
                    pending = None
                elif len(words) >= 2 and _RUBRIC_NAME_RE.fullmatch(toks[words[-2]].key) \
                        and not L.is_l1(toks[words[-2]].text):
                    pending = (words[-2], j, seen)  # a name and its 分值
            elif pending is not None and seen - pending[2] > within:
                pending = None  # no 自评分 near its 分值: not a row
            j += 1
        self._place_categories(first_row, labels, cut=not ended)
        self.finish_table()
        return j

    def column_kinds(self, cols: list[tuple[int, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Decoder field names and cell kinds of the header's value columns, from the
        recognised layout's typed columns (else from any layout's, else by field)."""
        layouts = ([self.layout] if self.layout is not None else []) + list(load_layouts())
        fields: list[str] = []
        kinds: list[str] = []
        texts = self.header_texts or [""] * len(cols)
        for n, ((_, field), text) in enumerate(zip(cols, texts)):
            if field in ("level1", "level2", "name"):
                continue
            column = next((c for lay in layouts for c in lay.columns("indicators")
                           if any(L.key(lab) == L.key(text) for lab in c.labels)), None)
            name = column.field if column is not None and field == "-" else field
            if name == "-" or name in fields:
                name = f"-{n}"
            kind = column.type if column is not None else _DEFAULT_KINDS.get(field, "text")
            if kind == "text" and name not in ("target", "actual", "adjusted_target"):
                kind = "free"
            fields.append(name)
            kind = _DECODER_KINDS.get(kind, kind)
            kinds.append(kind + "?" if column is not None and column.optional else kind)
        return tuple(fields), tuple(kinds)

    def table_glued(self, j: int, cols: list[tuple[int, str]]) -> int:
        """Indicator rows glued to their figures (no cell boundaries): the run up to the
        table's end is cut at its 一级/二级 labels, and each piece decoded into rows by the
        columns' types and the layout's arithmetic."""
        toks = self.toks
        parts: list[str] = []
        while j < self.end and not toks[j].brk:
            t = toks[j]
            if self.is_terminator(t) or self.is_indicator_header(j):
                self.draft.ended = self.draft.ended or self.is_terminator(t)
                break
            if parts and t.row != toks[j - 1].row:
                parts.append(LINE_END)  # a line end: a row boundary the flattening kept
            if not L.is_indicator_section(t.text):
                parts.append(t.key)
            self.used.add(j)
            j += 1
        fields, kinds = self.column_kinds(cols)
        block = self.layout.block("indicators") if self.layout is not None else None
        rels = tuple(r for r in (relations(block) if block is not None else ())
                     if {r.result, r.left, r.right} - {""} <= set(fields))
        cur_l1 = cur_l2 = cur_op = ""
        run = "".join(parts)
        m = _NOTES_RE.search(run)
        if m is not None:  # the form's footnotes (说明 / 注:1、…) glued to the last row
            self.outside += 1
            self.draft.ended = True
            run = run[: m.start()]
        pieces = _l1_with_points(labels_at_line_start(L.split_categories(run)))
        # 二级 labels this table prints whole (质量指标): their short form (质量) is then a
        # word of a name, not a label run into one
        whole = {L.key(t).removesuffix("指标") for k, t in pieces
                 if k == "l2" and L.key(t).endswith("指标")}
        under_l2 = 0  # rows read under the current 二级 label
        bare = False  # a 二级 label with nothing after it yet

        def empty_line() -> None:  # a 二级 label with no row under it: an empty 二级 line
            if bare:
                self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": ""}, None)

        def cleaned(text: str) -> str:
            if "operator" in fields:
                text = _unscramble(text, _OPERATOR_WORDS)
            # the template's filler row (……, ......) at either end of a piece: no cell
            return _strip_filler(text)

        # every piece decoded first, then its rows read the way the whole table is
        decoded = {n: decode_rows(cleaned(text), fields, kinds, rels)
                   for n, (kind, text) in enumerate(pieces)
                   if kind == "text" and cleaned(text).strip()}
        settled = settle_table([rows for rows, _ in decoded.values()], fields, kinds, rels)
        decoded = {n: (rows, rest) for (n, (_, rest)), rows in zip(decoded.items(), settled)}
        for n, (kind, text) in enumerate(pieces):
            if kind == "l1":
                empty_line()
                rows = self.draft.indicators[self.table_first:]
                if not cur_l1 and not self.l1_lost and rows and all(
                        not ind.get("level1") and ind.get("level2")
                        and L.belongs_to(ind["level2"], self.l1_text(text)) for ind in rows):
                    # the table's first 一级 printed after rows that have none, their 二级
                    # its own (数量指标 under 产出指标): a merged cell's text, printed inside the
                    # rows it spans (a document preview)
                    for ind in rows:
                        ind["level1"] = self.l1_text(text)
                cur_l1, cur_l2 = self.l1_text(text), ""
                under_l2, bare = 0, False
                continue
            if kind == "l2":
                empty_line()
                cur_l2 = self.l1_text(text)  # 数量指标(10分): its points are not its name
                under_l2, bare = 0, True
                continue
            bare = False
            if kind == "points":
                cur_l1, cur_l2 = "", ""
                self.lost_l1(text)
                continue
            if n not in decoded:
                continue
            rows, rest = decoded[n]
            if rest:
                self.note("unplaced", rest)
            for row in rows:
                short = _short_level2(row.name, cur_l2, whole) if cur_l1 and (
                    under_l2 or not cur_l2) else None
                if short is not None:  # 成本每年财政补助…: a short 二级 label run into the name
                    cur_l2, name = short
                    row = attrs.evolve(row, name=name)
                if not under_l2 and cur_l2 and _numbered_after_label(cur_l2, row.name):
                    row = attrs.evolve(row, ambiguous=(*row.ambiguous, "name"))
                under_l2 += 1
                values = {"level1": cur_l1, "level2": cur_l2, "name": row.name}
                values.update({f: v for f, v in row.values.items() if not f.startswith("-")
                               and f in _INDICATOR_FIELDS})
                filler = values.get("deviation", "")
                if filler and L.is_placeholder_name(filler.rstrip(":：")):
                    # the template's next filler row (指标2:) run on after the row's cells:
                    # no 偏差原因
                    del values["deviation"]
                    self._placeholders += 1
                lost = _unit_in_name(values) if "unit" in fields else None
                if lost is not None:
                    # the row's 计量单位 and a stray glyph ran into its name: where the name
                    # ends and the target begins was lost, so the target is not trusted
                    values["name"], values["unit"] = lost
                    self.note("ambiguous", row.name, detail=FIELD_LABELS["target"][0])
                    self.draft.unread.setdefault(
                        ("indicators", len(self.draft.indicators)), {})["target"] = "ambiguous"
                    values.pop("target", None)
                if "operator" in fields:  # 指标性质 is a merged cell: blank is "as above"
                    cur_op = values.get("operator") or cur_op
                    if cur_op and not values.get("operator"):
                        values["operator"] = cur_op
                if row.ambiguous:
                    names = "/".join(FIELD_LABELS.get(f, (f,))[0] for f in row.ambiguous
                                     if not f.startswith("-"))
                    self.note("ambiguous", row.name, detail=names)
                    unread = {f: "ambiguous" for f in row.ambiguous
                              if f in _INDICATOR_FIELDS or f == "name"}
                    if unread:
                        self.draft.unread[("indicators", len(self.draft.indicators))] = unread
                    if row.disputed_cell and {"actual", "weight"} <= set(unread) \
                            <= {"actual", "weight", "score"}:
                        self.lone_figures.append((len(self.draft.indicators), row.disputed_cell,
                                                  self.draft.notes[-1:]))
                if _DIGIT_RE.search(values["name"]):
                    # figures inside the name of a row with no cell boundaries: where the
                    # name ends was lost, and its empty figure columns may be those figures
                    lost = {f: "unplaced" for f in fields if f in _FIGURE_FIELDS
                            and not values.get(f)}
                    if lost:
                        where = self.draft.unread.setdefault(
                            ("indicators", len(self.draft.indicators)), {})
                        where.update({f: why for f, why in lost.items() if f not in where})
                self.add_indicator(values, None)
        if self.draft.ended:  # the table closed after a bare 二级 label (else it was cut)
            empty_line()
        self.finish_table()
        return j

    def layout_schema(self) -> tuple[str, ...]:
        """The indicator columns (after 一级/二级) of the recognised layout, else the central
        form's."""
        layout = self.layout or next((lay for lay in load_layouts() if lay.fallback), None)
        return tuple(L.indicator_column(c.labels[0]) or "-"
                     for c in (layout.columns("indicators") if layout else ())
                     if c.field not in ("level1", "level2"))

    def headless_glued(self, i: int) -> int:
        """Glued indicator rows with no header above them (a form's tail): read with the
        columns of the recognised layout (else the central form's), and said so."""
        layout = self.layout or next((lay for lay in load_layouts() if lay.fallback), None)
        columns = [c for c in (layout.columns("indicators") if layout else ())
                   if c.field not in ("level1", "level2")]
        if not columns:
            return i + 1
        cols = [(n, L.indicator_column(c.labels[0]) or "-") for n, c in enumerate(columns)]
        self.header_texts = [c.labels[0] for c in columns]
        self.header_cols = cols
        self.schema = tuple(f for _, f in cols)
        self.draft.has_table = True
        self.note("no-header", detail=" | ".join(self.header_texts))
        return self.table_glued(i, cols)

    def headless_table(self, i: int) -> int:
        """Rows of 一级/二级 labels with no header above them (a form's tail)."""
        toks = self.toks
        anchors = [j for j in range(i, min(self.end, i + 60))
                   if toks[j].key and (L.is_l1(toks[j].text) or L.is_l2(toks[j].text))]
        if len(anchors) < 3:
            return i + 1
        sichuan = any(L.is_operator(toks[j].text) for j in range(i, min(self.end, i + 60)))
        schema = SICHUAN_SCHEMA if sichuan else DEFAULT_SCHEMA
        columns = self.layout.columns("indicators") if self.layout is not None else ()
        from_layout = tuple(f for c in columns if c.field not in ("level1", "level2")
                            for f in [L.indicator_column(c.labels[0]) or "-"])
        if not sichuan and "name" in from_layout and self.mode == "words":
            # the form's own words named its layout: its columns, not a guess
            schema = from_layout
        self.schema = schema
        self.draft.has_table = True
        if sichuan:
            self.profile_hint = self.profile_hint or "sichuan"
        detail = " | ".join(FIELD_LABELS[f][0] for f in schema if f != "-")
        self.note("no-header", detail=detail)
        if self.mode == "compact":
            cols = [(-1, "level1"), (-1, "level2")] + [(-1, f) for f in schema]
            first_row = toks[i].row
            while first_row - 1 >= toks[self.start].row:
                above = [x for x in self.sheet.rows[first_row - 1] if x.strip()]
                if len(above) < 3 or any(self.is_terminator(toks[j]) for j in
                                         self.row_range(first_row - 1)):
                    break
                first_row -= 1
            return self.table_rows(i, cols, first_row=first_row)
        if self.mode == "tab":
            return i + 1
        if self.mode == "stream":
            return self.table_stream(i, schema)
        return self.table_words(i, schema)

    # indicator rows --------------------------------------------------------------------

    def lost_l1(self, text: str) -> None:
        """A 一级 cell printed as its points only (``(50分)``): its label was lost in the
        flattening, so the rows under it until the next 一级 have their 一级 unread, never
        blank."""
        self.note("points-only", text)
        self.l1_lost = True

    def add_indicator(self, values: dict[str, str], row: int | None) -> None:
        name = values.get("name", "")
        if values.get("level1"):
            self.l1_lost = False
        others = [v for f, v in values.items() if f not in ("name", "level1", "level2", "-") and v]
        if name and L.is_placeholder_name(name) and not any(o.strip() for o in others):
            self._placeholders += 1
            last = self.draft.indicators[-1] if self.draft.indicators else None
            level = (values.get("level1", ""), values.get("level2", ""))
            lost = any(n.kind in ("unplaced", "ambiguous", "cut", "short-row")
                       for n in self.draft.notes[self._notes_at:])
            if level[1] and not lost and (last is None
                                          or (last["level1"], last["level2"]) != level):
                # a 二级 whose rows are all the template's filler: an empty 二级 line
                self.mark_lost_l1(level[0])
                self.draft.indicators.append({"level1": level[0], "level2": level[1],
                                              "name": ""})
                self._filler_line = len(self.draft.indicators) - 1
            return
        if self._filler_line == len(self.draft.indicators) - 1 >= 0 and (
                self.draft.indicators[-1]["level1"], self.draft.indicators[-1]["level2"]) == (
                values.get("level1", ""), values.get("level2", "")):
            self.draft.indicators.pop()  # a real row under it after all
        self._filler_line = -1
        self._notes_at = len(self.draft.notes)
        ind: dict[str, Any] = {
            "level1": values.get("level1", ""),
            "level2": values.get("level2", ""),
            "name": name,
        }
        for field in ("target", "actual", "operator", "unit", "deviation"):
            if values.get(field):
                ind[field] = values[field]
        self.operator_position(ind)
        if "target" in values or "target" in self.schema:
            ind.setdefault("target", "")
        if "actual" in values or "actual" in self.schema:
            ind.setdefault("actual", "")
        for field in _FIGURES:
            text = values.get(field, "")
            if text and not L.is_blank(text):
                number = L.number(text)
                if number is None:
                    # a cell printed, but no figure (an explanation under 指标分值): not read,
                    # never blank
                    self.note("not-number", text, row)
                    self.draft.unread.setdefault(
                        ("indicators", len(self.draft.indicators)), {})[field] = "unreadable"
                else:
                    ind[field] = number
        self.mark_lost_l1(ind["level1"])
        self.draft.indicators.append(ind)

    def mark_lost_l1(self, level1: str) -> None:
        """The row about to be added has its 一级 unread when it lies under one lost_l1 saw."""
        if self.l1_lost and not level1:
            self.draft.unread.setdefault(("indicators", len(self.draft.indicators)), {}) \
                .setdefault("level1", "unreadable")

    def operator_position(self, ind: dict[str, Any]) -> None:
        """An operator that cannot be read (a 指标性质 cell, or in text a target's start,
        holding no operator: :func:`.decoder.operator_cell`) leaves the target unread, never
        0; so does a 2 starting a target in OCR'd text with no 指标性质 column (≥100人, or
        2100人?), and an actual printed the same."""
        lost: dict[str, str] = {}
        if ind.get("operator"):
            op = operator_cell(ind["operator"], ocr=self.mode != "grid" or self.sheet.ocr)
            if op is None:
                lost = {"operator": "unreadable", "target": "unreadable"}
            else:
                ind["operator"] = op
        target = ind.get("target", "")
        # a workbook's cell holds what was typed, not misread (unless OCR read the page)
        typed = self.mode == "grid" and not self.sheet.ocr
        if target and not typed and unreadable_operator(target):
            lost["target"] = "unreadable"
            if ind.get("actual") == target:  # printed alike (工5% | 工5%): as unreadable
                lost["actual"] = "unreadable"
        elif target and self.sheet.ocr and "operator" not in self.schema \
                and ocr_operator_doubt(target):
            lost["target"] = "ambiguous"
            if ind.get("actual") == target:  # printed alike, the actual shares the doubt
                lost["actual"] = "ambiguous"
        for field in ("target", "actual"):  # junk OCR left in a figure (^80%, 5=50%)
            if not typed and ind.get(field) and junk_cell(ind[field]):
                lost[field] = "unreadable"
        if lost:
            self.note("operator-unread", f"{ind.get('operator', '')} {target}".strip(),
                      detail=FIELD_LABELS["target"][0])
            unread = self.draft.unread.setdefault(("indicators", len(self.draft.indicators)), {})
            for field, reason in lost.items():
                ind.pop(field, None)
                unread.setdefault(field, reason)

    _placeholders = 0
    _filler_line = -1  # the empty 二级 line a filler row left, while no real row replaced it
    _notes_at = 0  # notes before the last row read (cells lost since then: rows not read)

    def finish_table(self) -> None:
        self.settle_disputed()
        if self._placeholders:
            self.note("placeholder", detail=str(self._placeholders))
            self._placeholders = 0

    def unnamed_categories(self, rows: list[tuple[int, list[str]]], schema: list[str]) -> None:
        """Pipe rows whose merged 一级/二级 cells hold words no vocabulary names (``规划 |
        基础信息 | 基础信息完整性 | 3 | 3``, then ``年度工作计划明确性 | 3 | 3``): a merged cell
        prints its text on its first row only, so a table whose rows print one to three words
        before their 分值/得分 -- the most on its first row, fewer on some later ones -- and
        no value among those words (no figure, no claim, no word printed twice, as a target
        and its actual are) holds its 一级, 二级 and 三级 there, read from the right: the
        last word is the name, the one before it the 二级, the one before that the 一级.
        Any row that does not fit leaves the table as it was read."""
        if len(rows) < 2 or any(n < 0 for n, _ in rows) or "name" not in schema:
            return
        counts = []
        for _, cells in rows:
            words = list(itertools.takewhile(lambda x: L.points(x) is None, cells))
            figures = cells[len(words):]
            if not 1 <= len(words) <= 3 or not figures or len(figures) > 2 \
                    or any(L.points(x) is None for x in figures) \
                    or any(L.is_figure(w) or is_value_cell(w) or L.is_operator(w)
                           or L.is_blank(w) for w in words) \
                    or any(a == b for a, b in zip(words, words[1:])):
                return
            counts.append(len(words))
        if counts[0] != max(counts) or counts[0] < 2 or min(counts) == max(counts):
            return
        l1 = l2 = ""
        for (n, cells), k in zip(rows, counts):
            words = cells[:k]
            if k == 3:
                l1, l2 = words[0], words[1]
            elif k == 2:
                l2 = words[0]
            ind = self.draft.indicators[n]
            ind.update(level1=l1, level2=l2, name=words[-1])
            for f in ("target", "actual", "deviation"):
                if f in ind:
                    ind[f] = ""
            unread = self.draft.unread.get(("indicators", n), {})
            for f in ("name", "target", "actual", "deviation"):
                if unread.get(f) == "ambiguous":
                    del unread[f]
            if not unread:
                self.draft.unread.pop(("indicators", n), None)
        # the rows whose words were taken for values: their figures alone are disputed now
        redone = {n for (n, _), k in zip(rows, counts) if k > 1}
        self.disputed_rows = [d for d in self.disputed_rows if d[0] not in redone]
        for (n, cells), k in zip(rows, counts):
            if k > 1:
                kept = [cells[k - 1], *cells[k:]]
                options = _printed_twice(kept, schema, [
                    combo for combo in itertools.combinations(range(len(schema)), len(kept))
                    if self._fits(kept, [schema[c] for c in combo], schema)])
                if len(options) > 1:
                    # what the words no longer hold the figures may be: unread, as align_row
                    # leaves them (never the columns the words' reading left them)
                    self.disputed_rows.append((n, kept, schema, options, []))
                    ind = self.draft.indicators[n]
                    unread = self.draft.unread.setdefault(("indicators", n), {})
                    for j in range(1, len(kept)):
                        fields = {schema[combo[j]] for combo in options}
                        if len(fields) > 1:
                            for f in fields:
                                if f in _FIGURES:
                                    ind.pop(f, None)
                                unread[f] = "ambiguous"

    def settle_disputed(self) -> None:
        """Rows whose cells fit several assignments (``指标 | 10 | 10``: 目标 | 完成, or 分值 |
        得分?) read the way the table's sure rows are: when at least ``TABLE_EVIDENCE`` rows
        of the table were read without doubt and every one of them fills the 分值/得分
        columns, only the assignments that fill them too are kept -- as
        :func:`.decoder.decode_rows` does for glued rows; and a column none of them fills
        (偏差原因 in a table whose rows all met their targets) takes no cell of a disputed
        row.  What still differs between the assignments kept stays unread."""
        rows, self.disputed_rows = self.disputed_rows, []
        figures = [f for f in ("weight", "score") if f in self.schema]
        if not rows:  # (an unscored table too: a column none of its sure rows fills)
            return
        doubtful = {n for n, *_ in rows}
        sure = [ind for k, ind in enumerate(self.draft.indicators[self.table_first:],
                                            self.table_first)
                if k not in doubtful and not set(self.draft.unread.get(("indicators", k), ()))
                & (set(self.schema) - {"name"})
                and ind.get("name") and any(ind.get(f) not in (None, "")
                                            for f in (*figures, "target", "actual"))]
        if len(sure) < TABLE_EVIDENCE:
            return
        always = {f for f in figures if all(ind.get(f) is not None for ind in sure)}
        # a column no sure row fills (偏差原因 where every row met its target) is left blank
        never = {f for f in self.schema if f != "name" and f not in ("level1", "level2")
                 and all(ind.get(f) in (None, "") for ind in sure)}
        if not always | never:
            return
        for n, values, schema, options, notes in rows:
            if n >= len(self.draft.indicators):
                continue
            kept = options
            for cols, filled in ((never, False), (always, True)):
                # each of what the table shows, where some assignment of the row can follow it
                narrowed = [c for c in kept if all((schema.index(f) in c) == filled
                                                   for f in cols if f in schema)]
                kept = narrowed or kept
            if len(kept) == len(options):
                continue
            self.redo_row(n, values, schema, options, kept, notes)

    def redo_row(self, n: int, values: list[str], schema: list[str],
                 options: list[tuple[int, ...]], kept: list[tuple[int, ...]],
                 notes: list[Note]) -> None:
        """Row ``n`` read again with only the assignments ``kept`` of its ``options``: the
        cells they agree on are placed, the fields they still dispute stay unread."""
        ind = self.draft.indicators[n]
        unread = self.draft.unread.get(("indicators", n), {})
        before = {schema[c] for combo in options for c in combo}
        still = set()
        for k, v in enumerate(values):
            cols = {combo[k] for combo in kept}
            if len(cols) == 1:
                field = schema[cols.pop()]
                if field in _FIGURES:
                    number = L.number(v)
                    if number is not None:
                        ind[field] = number
                elif field in ("target", "actual", "operator", "unit", "deviation"):
                    ind[field] = v
            elif not L.is_blank(v):
                still |= {schema[c] for c in cols}
        for field in before - still:
            if unread.get(field) == "ambiguous":
                del unread[field]
        if not unread:
            self.draft.unread.pop(("indicators", n), None)
        if not still:
            for note in notes:
                if note in self.draft.notes:
                    self.draft.notes.remove(note)

    def ends_draft(self, tok: Tok) -> bool:
        """Whether the table's rows end at ``tok`` (a terminator): the draft is marked ended."""
        if self.is_terminator(tok):
            self.draft.ended = True
            return True
        return False

    def is_terminator(self, tok: Tok) -> bool:
        if not tok.key:
            return False
        split = L.split_label(tok.text)
        return (
            tok.key in _TERMINATORS
            or tok.key in L.HEADER_FIELDS
            or (split is not None and split[0] in L.HEADER_FIELDS)
            # (a title-worded cell: where a new form starts, the form ends; one inside it
            # is text of its own -- an indicator 按时报送绩效自评表, a page's running title)
            or _is_title(tok) and not self.draft.has_table
            or L.is_funds_section(tok.text)
            or tok.key in L.GOAL_SECTIONS
            or bool(re.match(r"^(?:项目负责人|财务负责人|填表人|单位负责人)", tok.key))
        )

    def level_labels(self, texts: Sequence[str], current: str = "") -> tuple[list[str], int]:
        """Split leading 一级/二级 labels off a row's cells: ([l1 or None, l2 or None], n used).
        ``current``: the 一级 the rows above are under; a label both 一级 and 二级 (满意度指标)
        that the taxonomy does not list under it opens a 一级."""
        l1: str | None = None
        l2: str | None = None
        n = 0
        if texts and L.is_points_only(texts[0]):
            l1 = ""
            self.lost_l1(texts[0])
            n = 1
        elif len(texts) >= 2 and L.opens_level2(texts[0], texts[1]) and L.is_l2(texts[1]):
            l1, l2, n = self.l1_text(texts[0]), texts[1], 2
            return [l1, l2], n
        elif texts and L.is_l1(texts[0]) and (not L.is_l2(texts[0]) or _POINTS_RE.search(
                L.key(texts[0])) and len(texts) >= 2 and not L.is_l2(texts[1])
                or current and L.belongs_to(texts[0], current) is False):
            # 满意度指标(10分) before a cell that is no 二级 label: the 一级, with its points
            l1, n = self.l1_text(texts[0]), 1
        if n < len(texts) and L.is_l2(texts[n]):
            l2 = texts[n]
            n += 1
        return [l1, l2], n  # type: ignore[list-item]

    def l1_text(self, text: str) -> str:
        if self.mode == "grid":
            return text
        stripped = re.sub(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$", "", text)
        return stripped

    def table_rows(self, j: int, cols: list[tuple[int, str]], first_row: int | None = None) -> int:
        toks, sheet = self.toks, self.sheet
        r = toks[j].row if j < self.end else len(sheet.rows)
        if first_row is not None:
            r = first_row
        col_of = {f: c for c, f in cols}
        schema = [f for _, f in cols if f not in _LEVEL_FIELDS]
        cur_l1 = cur_l2 = ""
        after_break = False
        # compact rows whose leading cells no vocabulary names: (indicator index or -1, cells)
        unlabelled: list[tuple[int, list[str]]] = []
        last_row_index = -1
        l1_row = -1  # the last row that held a 一级 label alone
        while r < len(sheet.rows):
            if not self.row_range(r):
                break
            cells = list(sheet.rows[r])
            nonempty = [(c, x) for c, x in enumerate(cells) if x.strip()]
            if r in sheet.breaks:
                after_break = True
            if not nonempty:
                self.mark_row(r)
                r += 1
                continue
            first_tok = next((t for t in (toks[x] for x in self.row_range(r)) if t.key), None)
            if first_tok is None:  # a row of punctuation only (a lone ":"): nothing to read
                self.mark_row(r)
                r += 1
                continue
            if self.is_terminator(first_tok):
                break
            if self.mode == "compact" and len(cells) == 1 and L.is_points_only(cells[0]):
                if r - 1 != l1_row:  # a 一级 printed as its points only: its label lost
                    self.lost_l1(cells[0])
                    cur_l1 = cur_l2 = ""
                # (else the 一级's points, printed under its label: 满意度指标 | (10分))
                self.mark_row(r)
                r += 1
                continue
            if self.mode != "grid" and len(cells) == 1 and L.is_figure(cells[0]) \
                    and self._table_goes_on(r + 1):
                # a figure alone on its line (a page number, a cell broken off its row): no
                # row's name
                self.note("unplaced", cells[0], r + 1)
                self.mark_row(r)
                r += 1
                continue
            if self.mode != "grid" and len(cells) == 1 and not (
                    L.is_l1(cells[0]) or L.is_l2(cells[0])):
                if not (len(L.key(cells[0])) <= 60 and self._table_goes_on(r + 1)):
                    self.after_table = self.first_token_of_row(r)
                    break  # a line of prose or a heading: the table is over
                # a name alone on its line, table rows after it: a row whose other cells
                # were merged with the row above, or printed blank -- which, cannot be told
                unread = {f: "ambiguous" for f in schema if f in _INDICATOR_FIELDS}
                if unread:
                    self.draft.unread[("indicators", len(self.draft.indicators))] = unread
                self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": cells[0]},
                                   r + 1)
                last_row_index = r
                self.mark_row(r)
                r += 1
                continue
            if self.mode == "grid":
                values = {f: cells[c] if c < len(cells) else "" for c, f in cols}
                if self.sheet.origins is not None:
                    for c, f in cols:
                        if c < len(cells):
                            origin = self.sheet.origins[r][c]
                            if origin[0] == r and origin[1] != c:
                                values[f] = ""
                if not values.get("name", "").strip() and not any(
                    values.get(f, "").strip() for f in schema
                ):
                    if values.get("level2", "").strip() and values.get("level2") != cur_l2:
                        pass  # an empty 二级 line: kept below
                    elif values.get("level1", "").strip() and not values.get("level2", "").strip():
                        cur_l1 = values["level1"]
                        self.mark_row(r)
                        r += 1
                        continue
                cur_l1 = values.get("level1", "")
                cur_l2 = values.get("level2", "")
                self.add_indicator(values, r + 1)
            elif self.mode == "tab":
                result = self.tab_row(cells, cols, after_break, r)
                if result is None:
                    pass
                elif result[0] == "continue":
                    prev = self.draft.indicators[-1] if self.draft.indicators else None
                    if prev is None or r - 1 != last_row_index:
                        for _, x in nonempty:
                            self.note("unplaced", x, r + 1)
                    else:
                        for f, v in result[1].items():
                            if v and f in ("target", "actual", "deviation", "name"):
                                prev[f] = prev.get(f, "") + v
                        self.note("continued", " | ".join(v for v in result[1].values() if v),
                                  r + 1)
                else:
                    values = result[1]
                    l1, l2 = values.get("level1", ""), values.get("level2", "")
                    if l1:
                        cur_l1 = self.l1_text(l1)
                        if not l2:
                            cur_l2 = ""
                    if l2:
                        cur_l2 = l2
                    values["level1"], values["level2"] = cur_l1, cur_l2
                    if any(values.get(f, "") for f in schema) or values.get("level2") and l2:
                        self.add_indicator(values, r + 1)
                after_break = False
            else:  # compact: blank cells dropped, position says nothing
                texts = [x for _, x in nonempty]
                numbered = self._numbered_row(texts, cols)
                if numbered is not None:
                    l1, l2 = numbered.get("level1", ""), numbered.get("level2", "")
                    if l1:
                        cur_l1, cur_l2 = self.l1_text(l1), ""
                    if l2:
                        cur_l2 = self.l1_text(l2)
                    numbered["level1"], numbered["level2"] = cur_l1, cur_l2
                    self.add_indicator(numbered, r + 1)
                    last_row_index = r
                    self.mark_row(r)
                    r += 1
                    continue
                levels = _level_cells(texts, col_of, len(schema))
                if levels is None:
                    levels = _tagged_level_cells(texts, col_of, len(schema))
                if levels is not None:
                    l1, l2, texts = levels
                    n = 0
                else:
                    (l1, l2), n = self.level_labels(texts, cur_l1)
                above = self.draft.indicators[self.table_first:]
                if levels is not None:
                    pass
                elif l1 is None and l2 is not None and texts[n - 1] == l2 and len(texts) > n \
                        and len(above) >= TABLE_EVIDENCE \
                        and not any(ind.get("level2") for ind in above):
                    # a table none of whose rows printed a 二级 (its 二级 column blank): a 二级
                    # word there, in a row that opens no 一级, is the row's name (社会效益 |
                    # 提升 | 提升 | 2 | 2)
                    l2, n = None, n - 1
                elif n == 0 and len(texts) >= 2 and L.is_l2(texts[1]) and "level1" in col_of:
                    l1, l2, n = texts[0], texts[1], 2
                elif l1 is not None and l2 is None and n == 1 and "level2" in col_of \
                        and len(texts) >= 3 and L.number(texts[1]) is None \
                        and not L.is_operator(texts[1]) \
                        and any(ind.get("level2") for ind in self.draft.indicators):
                    # in a table whose rows print their 二级, a row that opens a 一级 opens its
                    # 二级 too (a merged cell prints its text on its first row): the cell after
                    # the 一级 is the 二级, whatever its words (读者)
                    l2, n = texts[1], 2
                if l1 is not None:
                    cur_l1 = self.l1_text(l1)
                    cur_l2 = ""
                if l2 is not None:
                    cur_l2 = l2
                rest = texts[n:]
                if l1 is not None and l2 is None and not rest:
                    l1_row = r
                if rest or l2 is not None:
                    at = len(self.draft.indicators)
                    values = self.align_row(rest, schema, r, cut=self.text_ends_at(r))
                    values["level1"], values["level2"] = cur_l1, cur_l2
                    points = _POINTS_TAG_RE.search(values.get("name", "")) \
                        if "weight" not in col_of else None
                    if points is not None:
                        # a score sheet prints each row's points in its name (相关性(5分))
                        values["name"] = values["name"][:points.start()].strip()
                        values["weight"] = points.group(1)
                    self.add_indicator(values, r + 1)
                    if n == 0 and len(self.draft.indicators) == at + 1:
                        unlabelled.append((at, rest))
                    else:
                        unlabelled.append((-1, rest))
            last_row_index = r
            self.mark_row(r)
            r += 1
        if self.mode == "compact" and {"level1", "level2"} <= set(col_of):
            self.unnamed_categories(unlabelled, schema)
        self.finish_table()
        self.draft.ended = self.draft.ended or r < len(sheet.rows)
        return self.first_token_of_row(r)

    def _numbered_row(self, texts: list[str], cols: list[tuple[int, str]]) -> dict[str, str] | None:
        """A row under a 序号 header whose merged 一级/二级 cells were dropped: its cells
        after the number are the header's last columns (the leading merged ones are lost),
        else its first ones (a row cut off at its end) -- whichever puts numbers in the
        分值/得分 columns. None when neither does, or the header has no 序号."""
        if not cols or cols[0] != (0, "-") or len(texts) < 3 or L.number(texts[0]) is None:
            return None
        if L.key(self.sheet.rows[self.header_row][0]) != "序号":
            return None
        fields = [f for _, f in cols[1:]]
        cells = texts[1:]
        if len(cells) > len(fields):
            return None
        for placed in (fields[len(fields) - len(cells):], fields[: len(cells)]):
            values = dict(zip(placed, cells))
            if all(L.number(values[f]) is not None for f in ("weight", "score") if f in values) \
                    and any(f in values for f in ("weight", "score")):
                return {f: v for f, v in values.items() if f != "-"}
        return None

    def _table_goes_on(self, r: int) -> bool:
        """Is row ``r`` (the next non-empty one) a row of the indicator table?"""
        rows = self.sheet.rows
        while r < len(rows) and not any(x.strip() for x in rows[r]):
            r += 1
        if r >= len(rows) or not self.row_range(r):
            return False
        cells = [x for x in rows[r] if x.strip()]
        first = next((self.toks[i] for i in self.row_range(r) if self.toks[i].key), None)
        if first is None or self.is_terminator(first):
            return False
        return len(cells) >= 3 or bool(cells) and (L.is_l1(cells[0]) or L.is_l2(cells[0]))

    def tab_row(
        self, cells: list[str], cols: list[tuple[int, str]], after_break: bool, r: int
    ) -> tuple[str, dict[str, str]] | None:
        """Match one tab-text row to the header: by position (allowing for the lost leading
        column after a page break), else by its 一级/二级 labels and the remaining cells."""
        shifts: tuple[int, ...] = (-1, 0) if after_break else (0, -1)
        # a row whose leading merged cells a copied web table left out (each merged cell
        # appears once, in its first row) but whose blank cells it kept: it ends where the
        # header ends, so it is the header's last columns (before a shift of one, which
        # would read its 二级 cell as the 一级 and its name as an unknown 二级 word)
        right = len(cells) - (max(c for c, _ in cols) + 1) if cols else 0
        if right < 0 and cells and not cells[-1].strip() and self._right_aligned(cells, cols,
                                                                                  right):
            shifts = (right, *shifts)
        for shift in shifts:
            values = self._positional(cells, cols, shift)
            if values is None:
                continue
            if not values.get("level1") and not values.get("level2") and not values.get("name"):
                if after_break and any(values.get(f) for f in ("target", "actual")):
                    return "continue", values
                if not any(values.values()):
                    return None
            return "row", values
        nonempty = [x for x in cells if x.strip()]
        (l1, l2), n = self.level_labels(nonempty)
        if n == 0:
            for x in nonempty:
                self.note("unplaced", x, r + 1)
            return None
        schema = [f for _, f in cols if f not in ("level1", "level2")]
        values = self.align_row(nonempty[n:], schema, r)
        values["level1"] = l1 or ""
        values["level2"] = l2 or ""
        return "row", values

    def _right_aligned(self, cells: list[str], cols: list[tuple[int, str]], shift: int) -> bool:
        """Do ``cells``, as the header's last columns, put figures in 分值/得分 and a label
        or a name first (no 二级 word where a 三级 name belongs)?"""
        values = {f: cells[c + shift] for c, f in cols if 0 <= c + shift < len(cells)}
        figures = [values.get(f, "") for f in ("weight", "score")]
        if not any(x.strip() for x in figures) or any(
                x.strip() and L.number(x) is None for x in figures):
            return False
        l1, l2, name = (values.get(f, "").strip() for f in ("level1", "level2", "name"))
        return (not l1 or L.is_l1(l1)) and (not l2 or L.is_l2(l2)) \
            and bool(name) and not (L.is_l1(name) or L.is_l2(name)) \
            and all(c + shift >= 0 or f in ("level1", "level2", "-") for c, f in cols)

    def _positional(
        self, cells: list[str], cols: list[tuple[int, str]], shift: int
    ) -> dict[str, str] | None:
        values: dict[str, str] = {}
        mapped = set()
        for c, f in cols:
            k = c + shift
            mapped.add(k)
            values[f] = cells[k] if 0 <= k < len(cells) else ""
        for k, x in enumerate(cells):
            if x.strip() and k not in mapped:
                if L.is_indicator_section(x) and k < min(mapped):
                    continue
                return None
        l1, l2, name = values.get("level1", ""), values.get("level2", ""), values.get("name", "")
        if l1 and (L.is_l2(l1) and not L.is_l1(l1)):
            return None
        # a 二级 word no vocabulary names stands in its column when the row's figures stand in
        # theirs (规划 | 基础信息 | 基础信息完整性 | | | 3 | 3)
        figures = [values[f] for f in ("weight", "score") if values.get(f, "").strip()]
        placed = bool(figures) and all(L.number(x) is not None for x in figures)
        if l2 and not L.is_l2(l2) and not (placed and not re.search(r"\d", l2)):
            return None
        if name and (L.is_l1(name) or L.is_l2(name)) and not l2:
            return None
        return values

    def text_ends_at(self, r: int) -> bool:
        """Sheet row ``r`` is where the whole text breaks off (the last form's last row)."""
        return self.end >= len(self.toks) and not any(
            self.row_range(k) for k in range(r + 1, len(self.sheet.rows)))

    def align_row(self, values: list[str], schema: list[str] | tuple[str, ...], r: int | None,
                  *, cut: bool = False) -> dict[str, str]:
        """Place cells whose blanks were dropped: every order-keeping assignment to the columns
        that fits each column's kind; a cell placed differently by two assignments is reported.
        ``cut``: the text breaks off in this row; when every row above it (at least
        ``TABLE_EVIDENCE``) fills the columns after the cells this one shows, its cells are
        its leading columns and the rest is cut, not blank."""
        schema = list(schema)
        values = [v for v in values if v.strip()]
        if not values:
            return {}
        if self.sheet.split_words and len(values) > 1:
            joined = self.rejoin_words(values, schema, r)
            if isinstance(joined, dict):
                return joined
            values = joined
        lost: list[str] = []
        if len(values) > len(schema):
            for extra in values[len(schema):]:
                self.note("unplaced", extra, r + 1 if r is not None else None)
            lost, values = values[len(schema):], values[: len(schema)]
        options = self._options(values, schema)
        prefix = tuple(range(len(values)))
        if cut and len(options) > 1 and prefix in options:
            above = self.draft.indicators[self.table_first:]
            later = [f for f in schema[len(values):] if f in _INDICATOR_FIELDS
                     and any(ind.get(f) for ind in above)]  # columns the table fills
            if later and len(above) >= TABLE_EVIDENCE \
                    and all(ind.get(f) for ind in above for f in later):
                options = [prefix]
        if not options:
            # no order-keeping reading fits the cells' kinds (a row printed out of order):
            # every cell is reported and every field of the row is unread, never blank
            lost_fields = [f for f in schema if f in _INDICATOR_FIELDS or f == "name"]
            self.draft.unread[("indicators", len(self.draft.indicators))] = dict.fromkeys(
                lost_fields, "unplaced")
        before = len(self.draft.notes)
        placed = self._resolve(values, schema, options, r)
        disputed = {schema[c] for n, v in enumerate(values) if not L.is_blank(v)
                    for c in {combo[n] for combo in options}
                    if len({combo[n] for combo in options}) > 1}
        unread = {f: "ambiguous" for f in disputed if f in _INDICATOR_FIELDS}
        if "name" in schema and options and all(schema.index("name") not in c for c in options):
            unread["name"] = "unplaced"  # ≥90% | 95% | …: the row's name was not printed
        # cells the header has no column for: the row's fields they may be were not read
        unread.update({f: "unplaced" for f in _could_be(lost)
                       if f not in {field for field, _ in placed} and f not in unread})
        if unread:
            self.draft.unread[("indicators", len(self.draft.indicators))] = unread
        if len(options) > 1 and disputed:
            self.disputed_rows.append((len(self.draft.indicators), values, schema, options,
                                       self.draft.notes[before:]))
        lone = [v for n, v in enumerate(values)
                if len({combo[n] for combo in options}) > 1 and not L.is_blank(v)]
        if len(lone) == 1 and {"actual", "weight"} <= disputed <= {"actual", "weight", "score"}:
            self.lone_figures.append((len(self.draft.indicators), lone[0],
                                      self.draft.notes[before:]))
        out: dict[str, str] = {}
        for field, text in placed:
            out.setdefault(field, text)
        return out

    def _options(self, values: Sequence[str], schema: list[str]) -> list[tuple[int, ...]]:
        values = list(values)
        if len(values) > len(schema):
            return []
        # rows cut at every space: a bare number is a cell of the row before, no row's name
        bare = self.sheet.split_words and "name" in schema and bool(values) \
            and re.fullmatch(r"[\d.]+", L.key(values[0])) is not None
        return _printed_twice(values, schema, [
            combo for combo in itertools.combinations(range(len(schema)), len(values))
            if self._fits(values, [schema[c] for c in combo], schema)
            and not (bare and schema[combo[0]] == "name")])

    def column_kinds_above(self, schema: Sequence[str]) -> dict[str, str]:
        """What the table's rows read so far (at least ``TABLE_EVIDENCE``) hold in each
        figure column: "blank" (none fills it), "figure" (every one that fills it with a
        figure), else nothing known."""
        above = self.draft.indicators[self.table_first:]
        if len(above) < TABLE_EVIDENCE:
            return {}
        unread = [self.draft.unread.get(("indicators", n), {})
                  for n in range(self.table_first, len(self.draft.indicators))]
        out: dict[str, str] = {}
        for f in ("target", "actual", "weight", "score"):
            if f not in schema:
                continue
            filled = [ind[f] for ind in above if ind.get(f) not in (None, "")]
            if not filled and not any(f in lost for lost in unread):  # (unread is not blank)
                out[f] = "blank"
            elif all(re.search(r"\d", str(v)) for v in filled):
                out[f] = "figure"
        return out

    def rejoin_words(self, words: list[str], schema: list[str],
                     r: int | None) -> list[str] | dict[str, str]:
        """A row whose cells were cut at every space (``split_words``): its words put back
        into cells the fewest joins that fit the columns' kinds (a space is a boundary
        unless the row cannot be read so) -- first of all, that put a value printed twice
        side by side on two columns often alike (目标 | 完成, 分值 | 得分), then that put in
        each figure column what the table's rows above put there (a figure, or nothing).
        One such joining: its cells.  Several (four words of text for three text columns):
        the fields they place alike are read, the rest left unread (ambiguous) -- the row
        as a dict.  None fits: the words."""
        found: list[tuple[tuple[str, ...], list[tuple[int, ...]]]] = []
        best = (-1, 0, 0, 0)  # (values twice on a pair, -misfits, cells, -misfits)
        kinds = self.column_kinds_above(schema)
        tried = 0
        for k in range(min(len(words), len(schema)), 0, -1):
            tried += joining_count(len(words), k)
            if tried > MAX_JOININGS:
                break  # joined into fewer cells the words are a line of prose: not tried
            for cells in joinings(words, k):
                opts = self._options(cells, schema)
                if not opts:
                    continue
                # a value printed twice side by side on 目标 | 完成 (分值 | 得分) fits better
                # than a joining that cuts one of the two
                # a cell in a column no row above fills weighs more than a join; a text where
                # the rows above hold figures, less (a tie of as many cells)
                blank, figure = (min(sum(1 for n, c in enumerate(combo)
                                         if not _kind_as_above(cells[n], kinds.get(schema[c]),
                                                               kind))
                                     for combo in opts) for kind in ("blank", "figure"))
                score = (_twice_on_pair(cells, schema, opts), -blank, k, -figure)
                if score > best:
                    best, found = score, [(cells, opts)]
                elif score == best:
                    found.append((cells, opts))
        if found:
            if len(found) == 1:
                return list(found[0][0])
            readings = [{schema[c]: cells[n] for n, c in enumerate(combo)}
                        for cells, opts in found for combo in opts]
            fields = {f for reading in readings for f in reading}
            out = {f: readings[0][f] for f in fields
                   if all(reading.get(f) == readings[0].get(f) for reading in readings)}
            disputed = fields - set(out)
            self.note("ambiguous", " ".join(words), r + 1 if r is not None else None,
                      "/".join(FIELD_LABELS.get(f, (f,))[0] for f in schema if f in disputed))
            unread = {f: "ambiguous" for f in disputed if f in _INDICATOR_FIELDS or f == "name"}
            if unread:
                self.draft.unread.setdefault(("indicators", len(self.draft.indicators)),
                                             {}).update(unread)
            if "name" in schema:
                out.setdefault("name", "")
            return {f: v for f, v in out.items() if f != "-"}
        return words

    @staticmethod
    def _fits(values: list[str], fields: list[str], schema: list[str]) -> bool:
        compared = bool(values) and _compared_figure(values[0])
        if "name" in schema and fields and fields[0] != "name" and not compared:
            return False  # (a row may start with a value no name is, ≥90%: its name dropped)
        if fields and fields[0] == "name" and compared:
            return False
        for field, text in zip(fields, values):
            if field == "operator" and not L.is_operator(text):
                return False
            if field in ("target", "actual", "name") and L.is_operator(text):
                return False
            if field == "unit" and not L.is_unit(text):
                return False
            if field in ("actual", "target") and "unit" in schema and L.is_known_unit(text):
                return False
            if field in ("weight", "score") and L.points(text) is None and not L.is_blank(text):
                return False
            if field == "deviation" and (L.is_figure(text) or is_value_cell(text)):
                return False
        return not ("operator" in fields and "target" not in fields)

    def table_stream(self, j: int, schema: Sequence[str]) -> int:
        """One cell per line: rows counted off the header's columns; when some counted row
        does not fit its columns (a row lost cells: a dropped blank, a short filler row),
        the cells are segmented by type too (.cellrows) and the reading that fits better
        kept."""
        return self.better_reading(j, schema, self.table_stream_counted)

    def better_reading(self, j: int, schema: Sequence[str],
                       counted: Callable[[int, Sequence[str]], int]) -> int:
        """The table read by ``counted``; when some row it read does not fit its columns,
        the cells segmented by type (.cellrows) instead, if that reading fits better."""
        def snapshot() -> dict[str, Any]:
            return {**self.__dict__, "draft": copy.deepcopy(self.draft), "used": set(self.used)}

        def restore(state: dict[str, Any]) -> None:
            self.__dict__.clear()
            self.__dict__.update(state)

        start, notes = snapshot(), len(self.draft.notes)
        end = counted(j, schema)
        first, first_fit = snapshot(), reading_fit(self, notes, schema)
        if first_fit[1] == 0:
            return end  # every row read fits its columns
        restore(start)
        end_typed = read_stream_rows(self, j, schema)
        if reading_fit(self, notes, schema) > first_fit:
            return end_typed
        restore(first)
        return end

    def table_stream_counted(self, j: int, schema: Sequence[str]) -> int:
        """One cell per line, blanks present: rows are counted off the header's columns."""
        toks = self.toks
        n = len(schema)
        cur_l1 = cur_l2 = ""
        l1_points: Decimal | None = None  # the points the current 一级 label printed
        l2_points = Decimal(0)  # … and those of its 二级 labels so far
        rubric = not {"target", "actual"} & set(schema)
        row: dict[str, str] | None = None
        filled = 0
        cut = False

        def emit() -> None:
            nonlocal row
            if row is not None:
                self.add_indicator(row, None)
            row = None

        if schema and schema[0] == "name" and 0 < j < self.end and not toks[j - 1].key \
                and _nameless_row(toks, j - 1, self.end, schema):
            row, filled = {"level1": "", "level2": "", "name": ""}, 1  # (see the blank below)
        while j < self.end:
            t = toks[j]
            if t.brk:
                self.after_table = j
                break
            if self.is_terminator(t):
                self.draft.ended = True
                break
            if row is None or filled >= n:
                if row is not None:
                    emit()
                nxt = next((toks[x] for x in range(j + 1, min(j + 3, self.end))
                            if toks[x].key), None)
                # (in a rubric: a target/actual table's names may carry points, 培训人数(10分))
                label = _points_label(toks, j, self.end) if rubric else None
                if label is not None:
                    # a category printed with its points, maybe broken over lines
                    # (部门预 | 算管理 | 80分)): the first of two in a row is the 一级
                    text, points, last = label
                    # the 二级 when the 一级's points still hold it (80 = 30 + 50), else a 一级
                    if cur_l1 and l1_points is not None and l2_points + points <= l1_points:
                        cur_l2, l2_points = text, l2_points + points
                    else:
                        cur_l1, cur_l2, l1_points, l2_points = text, "", points, Decimal(0)
                    self.used.update(range(j, last + 1))
                    j = last + 1
                    continue
                if L.is_points_only(t.text):
                    self.lost_l1(t.text)
                    cur_l1, cur_l2 = "", ""
                elif L.opens_level2(t.text, nxt.text if nxt is not None else None):
                    cur_l1, cur_l2 = self.l1_text(t.text), ""
                elif L.is_l2(t.text) and (k := _stream_categories(
                        toks, j, self.end, schema, 1)) in (0, 2) and schema[0] == "name":
                    # a 二级 word the cells' types say is the row's name (社会效益 | 提升 | …
                    # | 2 | 2), or the 一级 before a 二级 (满意度指标 | 服务对象满意度 | name)
                    if k == 2:
                        cur_l1, cur_l2 = t.text, toks[j + 1].text
                        self.used.update((j, j + 1))
                        j += 2
                    row, filled = {"level1": cur_l1, "level2": cur_l2, "name": toks[j].text}, 1
                elif L.is_l2(t.text):
                    cur_l2 = t.text
                    row, filled = {"level1": cur_l1, "level2": cur_l2}, 0
                elif not t.key:
                    if schema[0] == "name" and _nameless_row(toks, j, self.end, schema):
                        # a blank name cell before a target and figures (a row whose name
                        # was not printed): the row starts here, not at its target
                        row, filled = {"level1": cur_l1, "level2": cur_l2, "name": ""}, 1
                elif nxt is not None and L.is_l2(nxt.text) and L.number(t.text) is None:
                    cur_l1, cur_l2 = t.text, ""
                elif (k := _stream_categories(toks, j, self.end, schema)) and schema[0] == "name":
                    # category cells no vocabulary names (规划 | 基础信息 | …): the row's
                    # figure cells fall in its figure columns only after them
                    if k == 2:
                        cur_l1, cur_l2 = t.text, toks[j + 1].text
                    elif cur_l1:
                        cur_l2 = t.text
                    else:
                        cur_l1, cur_l2 = t.text, ""
                    self.used.update(range(j, j + k))
                    j += k
                    row, filled = {"level1": cur_l1, "level2": cur_l2, "name": toks[j].text}, 1
                else:
                    row = {"level1": cur_l1, "level2": cur_l2, schema[0]: t.text}
                    filled = 1
            else:
                nxt = next((toks[x] for x in range(j + 1, min(j + 3, self.end)) if toks[x].key),
                           None)
                # a 一级 word inside a row starts a new one only when it reads as a label
                # (产出指标, 效益(30分), or a 二级 label after it), not as a value (完成)
                opens = L.is_l1_only(t.text) and (
                    L.key(t.text).endswith(("指标", "分)")) or nxt is not None and L.is_l2(nxt.text))
                if filled >= 1 and (opens or L.is_points_only(t.text)):
                    self.note("short-row", " | ".join(v for v in row.values() if v))
                    emit()
                    continue
                row[schema[filled]] = t.text
                filled += 1
            self.used.add(j)
            j += 1
        else:
            cut = self.end >= len(toks)  # the input ends inside this table
        if row is not None:
            if cut and filled < n:
                field = schema[filled - 1]
                text = row.pop(field, "")
                if field == "name":
                    if text:
                        self.note("cut", text)
                    row = None
                else:
                    if text:
                        self.note("cut", text)
                    self.note("cut-row", row.get("name", ""))
            emit()
        self.finish_table()
        return j

    def table_words(self, j: int, schema: Sequence[str]) -> int:
        """Whitespace-separated words: a scored row ends with two numbers (分值 得分)."""
        if not self.glued:
            scrambled = read_scrambled_header(self, j, schema)
            if scrambled is not None:
                return scrambled
        toks = self.toks
        schema = list(schema)
        if _interleaved(schema) and _figure_tail(schema) < 3:
            return self.table_anchored(j, schema)
        scored = "weight" in schema and "score" in schema
        texts_before = schema.index("weight") if scored else len(schema)
        figures = 2  # a scored row ends with its 分值 得分 …
        if _figure_tail(schema) >= 3:  # … or with the parts of a sub-columned 得分
            figures = _figure_tail(schema)
            texts_before = len(schema) - figures
        # a table whose only figure column is the last, 得分 (the 20/80 form: no 分值)
        closing = not scored and len(schema) >= 3 and schema[0] == "name" \
            and schema[-1] == "score"
        (cur_l1, cur_l2), self.seed_levels = self.seed_levels, ("", "")
        pending: list[int] = []
        open_l2, rows_at = False, 0  # a 二级 label read, and the rows before it
        since_l2 = 0  # words read since that label

        def flush() -> None:
            if not pending:
                return
            words = [toks[p].text for p in pending]
            if not scored and not closing and len(words) == len(schema):
                values = dict(zip(schema, words))
                values.update(level1=cur_l1, level2=cur_l2)
                self.add_indicator(values, None)
            elif scored and pending[0] == self.gap_at and len(words) == texts_before + 1 \
                    and schema[0] == "name" and all(L.number(w) is not None for w in words[-2:]):
                # the row the text skipped into: its name (and 一级/二级) lie in the gap
                values = dict(zip(schema[1:], words))
                self.draft.unread[("indicators", len(self.draft.indicators))] = {
                    "level1": "cut", "level2": "cut", "name": "cut"}
                self.add_indicator(values, None)
            else:
                shown = [w for w in words if not (L.is_blank(w) or L.is_placeholder_name(w))]
                for w in shown:
                    self.note("unplaced", w)
                if closing and shown and open_l2 and not stray \
                        and rows_at == len(self.draft.indicators):
                    # words under a 二级 label and no 得分 after them: a row is there, its
                    # cells could not be placed (never taken for cells left blank)
                    self.draft.unread[("indicators", rows_at)] = {
                        f: "unplaced" for f in ("name", *schema) if f in _INDICATOR_FIELDS
                        or f == "name"}
                    self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": ""}, None)
            pending.clear()

        ended = False
        stray = False  # the 一级/二级 column label again after rows: the merged cells follow
        l1_at = -1  # the token of the last 一级 label read
        while j < self.end and not toks[j].brk:
            t = toks[j]
            if self.ends_draft(t):
                ended = True
                break
            if closing and L.indicator_column(t.text) in ("level1", "level2") \
                    and len(self.draft.indicators) > self.table_first:
                flush()
                stray = True
                for n in range(self.table_first, len(self.draft.indicators)):
                    lost = {f: "unplaced" for f in ("level1", "level2")
                            if not self.draft.indicators[n].get(f)}
                    if lost:  # its 一级/二级 cells are among those printed after the rows
                        self.draft.unread.setdefault(("indicators", n), {}).update(lost)
                self.used.add(j)
                j += 1
                continue
            if stray and (L.is_l1(t.text) or L.is_l2(t.text) or L.is_points_only(t.text)):
                # a merged 一级/二级 cell printed after the rows it spans: which rows it
                # spans is not in the text
                self.note("unplaced", t.text)
                self.used.add(j)
                j += 1
                continue
            nxt = toks[j + 1] if j + 1 < self.end else None
            following = nxt.text if nxt is not None else None
            opens = L.opens_level2(t.text, following)
            if not opens and following is not None and L.is_l1(t.text) \
                    and L.is_points_only(following) \
                    and all(L.is_placeholder_name(toks[p].text) for p in pending):
                opens = True  # 满意度指标 | (10分): a 一级 cell, its points on the next line
            if opens and pending and following is not None and L.number(following) is not None \
                    and len(pending) < texts_before:
                opens = False  # a word inside a row before its figures (完成 | 25.00), no 一级
            # a 二级 label is followed by its row's name, even one that reads as a label
            # (服务对象满意度指标 | 服务对象满意度)
            named = not pending and j - 1 in self.used and j > 0 and L.is_l2(toks[j - 1].text) \
                and not L.is_l1_only(toks[j - 1].text) and not opens \
                and not L.key(t.text).endswith("指标")
            if not named and (L.is_points_only(t.text) or L.is_l2(t.text) or opens):
                flush()
                if open_l2 and not since_l2 and rows_at == len(self.draft.indicators):
                    # a 二级 label with nothing under it: an empty 二级 line
                    self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": ""}, None)
                open_l2 = False
                if L.is_points_only(t.text) and l1_at == j - 1:
                    pass  # the points of the 一级 label just read (满意度指标 | (10分))
                elif L.is_points_only(t.text):
                    self.lost_l1(t.text)
                    cur_l1, cur_l2 = "", ""
                elif opens:
                    cur_l1, cur_l2 = self.l1_text(t.text), ""
                    l1_at = j
                else:
                    cur_l2 = t.text
                    open_l2, rows_at = True, len(self.draft.indicators)
                since_l2 = 0
                self.used.add(j)
                j += 1
                continue
            pending.append(j)
            # the template's filler (指标2: ……, 指标1:/ / /) is no row under a 二级 label
            since_l2 += not (L.is_placeholder_name(t.text) or L.is_blank(t.text))
            self.used.add(j)
            if closing and len(pending) >= len(schema) and L.points(t.text) is not None \
                    and (nxt is None or nxt.brk or not _is_figure(nxt.text)):
                # name | target | actual | 得分: the row ends at its 得分, the last figure
                # before words again
                self.score_last_row([toks[p].text for p in pending], schema, cur_l1, cur_l2)
                pending.clear()
            if scored and len(pending) >= texts_before + figures:
                if all(L.number(toks[p].text) is not None for p in pending[-figures:]) \
                        and len(pending) - figures == texts_before:
                    values = dict(zip(schema, [toks[p].text for p in pending]))
                    values.update(level1=cur_l1, level2=cur_l2)
                    self.add_indicator(values, None)
                    pending.clear()
            elif scored and figures == 2 and schema.index("score") == texts_before + 1 \
                    and pending[0] != self.gap_at and self.short_row([toks[p].text for p in pending],
                                                            texts_before, nxt):
                # a row whose blank cells were dropped (指标 | 10 | 10: 目标值 and 完成值
                # blank): its cells placed by type, what two assignments dispute left unread
                # for the table's sure rows to settle (settle_disputed)
                while pending and L.is_placeholder_name(toks[pending[0]].text):
                    self.note("unplaced", toks[pending.pop(0)].text)
                values = self.align_row([toks[p].text for p in pending], schema, None)
                values.update(level1=cur_l1, level2=cur_l2)
                self.add_indicator(values, None)
                pending.clear()
            j += 1
        if pending and not ended and j >= self.end >= len(toks):
            last = toks[pending.pop()].text
            self.note("cut", last)
            if not pending and not open_l2 and L.is_l2(last + "指标") \
                    and not L.is_l2(last):
                # the text breaks off inside a 二级 label (可持续影响…): a row is there
                rows_at = len(self.draft.indicators)
                self.draft.unread[("indicators", rows_at)] = {
                    f: "cut" for f in ("level2", "name", *schema)
                    if f in _INDICATOR_FIELDS or f in ("level2", "name")}
                self.add_indicator({"level1": cur_l1, "level2": "", "name": ""}, None)
            elif not pending and open_l2 and since_l2 == 1 \
                    and rows_at == len(self.draft.indicators):
                # the text breaks off in the name of the 二级's first row: the row is there,
                # its cells are not
                self.draft.unread[("indicators", rows_at)] = {
                    f: "cut" for f in ("name", *schema) if f in _INDICATOR_FIELDS or f == "name"}
                self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": ""}, None)
            elif not scored and not closing and len(pending) == len(schema) \
                    and L.number(last) is None and not L.is_figure(last) \
                    and not _SENTENCE_MARK_RE.search(last):
                # an unscored row whole before it: the text breaks off in the next row's name
                flush()
                self.draft.unread[("indicators", len(self.draft.indicators))] = {
                    f: "cut" for f in ("name", *schema) if f in _INDICATOR_FIELDS or f == "name"}
                self.add_indicator({"level1": cur_l1, "level2": cur_l2, "name": ""}, None)
        elif not pending and not ended and j >= self.end >= len(toks) and open_l2 \
                and not since_l2 and rows_at == len(self.draft.indicators):
            # the text ends right after a 二级 label: its first row is cut, and so may the
            # label be, unless it is whole (…指标)
            whole = L.key(cur_l2).endswith("指标")
            self.draft.unread[("indicators", rows_at)] = {
                f: "cut" for f in (*(() if whole else ("level2",)), "name", *schema)
                if f in _INDICATOR_FIELDS or f in ("level2", "name")}
            self.add_indicator({"level1": cur_l1, "level2": cur_l2 if whole else "",
                                "name": ""}, None)
        flush()
        self.finish_table()
        return j

    @staticmethod
    def short_row(words: list[str], texts_before: int, nxt: Tok | None) -> bool:
        """Words that end a scored row with fewer text cells than the header has (blank
        cells dropped): a name (no figure), at most the text cells before 分值, then two
        points figures, and no figure after them (the next row's name, a label, the end)."""
        real = [w for w in words if not L.is_placeholder_name(w)]
        if not 3 <= len(real) < texts_before + 2 or words[-3:] != real[-3:]:
            return False
        if nxt is not None and not nxt.brk and _is_figure(nxt.text):
            return False
        return all(L.points(w) is not None for w in real[-2:]) and not L.is_figure(real[0]) \
            and not L.is_blank(real[0])

    def score_last_row(self, words: list[str], schema: Sequence[str], level1: str,
                       level2: str) -> None:
        """One row of a table that ends with its 得分: as many words as columns are read in
        order; more words are read only when the values before the 得分 are plain values
        (figures, rates) and every word before them is text -- the name, wrapped over
        words.  Otherwise which word is whose cannot be told: the 得分 is read and the text
        cells are left unread (ambiguous), never guessed."""
        values = {"level1": level1, "level2": level2}
        fields = list(schema[:-1])
        text, score = words[:-1], words[-1]
        if len(text) == len(fields):
            values.update(zip(fields, text))
        else:
            tail = len(fields) - 1  # the value columns after the name
            head = text[:-tail] if tail else text
            if tail and all(is_value_cell(w) for w in text[-tail:]) \
                    and not any(is_value_cell(w) for w in head):
                values.update(zip(fields, ["".join(head), *text[-tail:]]))
            else:
                self.note("ambiguous", " ".join(text),
                          detail="/".join(FIELD_LABELS.get(f, (f,))[0] for f in fields))
                self.draft.unread[("indicators", len(self.draft.indicators))] = {
                    f: "ambiguous" for f in fields}
                values["name"] = ""
        values[schema[-1]] = score
        self.add_indicator(values, None)

    def table_anchored(self, j: int, schema: list[str]) -> int:
        """Words whose scored columns are not the last two (目标值 | 权重 | 实际完成值 | 自评分):
        the plain numbers of 权重 and 得分 anchor each row, the words between two anchors are
        the text columns between them (a cell broken by a space is joined), and a 得分 glued
        to the next row's name (``2.8财务制度健全性``) is cut off it. Category labels with
        points (``投入目标(28分)``) are placed by the weights they total (see _place_categories)."""
        toks = self.toks
        anchors = [n for n, f in enumerate(schema) if f in ("weight", "score")]
        cells: list[str] = []
        labels: list[tuple[int, str, Decimal | None]] = []  # (rows before it, text, points)
        first_row = len(self.draft.indicators)
        ended = False

        def numbers() -> int:
            return sum(1 for c in cells if _PLAIN_NUMBER_RE.fullmatch(c))

        def emit() -> None:
            values = _anchored_values(cells, schema, anchors)
            if values is None:
                for c in cells:
                    self.note("unplaced", c)
            else:
                values.update(level1="", level2="")
                ambiguous = values.pop("-ambiguous", "")
                if ambiguous:
                    self.note("ambiguous", " ".join(cells), detail=ambiguous)
                    self.draft.unread[("indicators", len(self.draft.indicators))] = {
                        f: "ambiguous" for f in ambiguous.split("/")}
                self.add_indicator(values, None)
            cells.clear()

        def take(text: str) -> None:
            glued = _PERCENT_THEN_NUMBER_RE.match(text)
            if glued:  # a percent is never one cell with the number after it (95%4…)
                take(glued.group(1))
                text = glued.group(2)
            m = _LEAD_NUMBER_RE.match(text)
            if m and m.group(2) and numbers() == len(anchors) - 1 and cells:
                cells.append(m.group(1))  # the last anchor, glued to what follows it
                emit()
                text = m.group(2)
            pieces = L.split_categories(text) if not cells else [("text", text)]
            for n, (kind, piece) in enumerate(pieces):
                nxt = pieces[n + 1] if n + 1 < len(pieces) else None
                if kind == "points":
                    continue
                if nxt is not None and nxt[0] == "points":  # a category label with its points
                    labels.append((len(self.draft.indicators) - first_row, self.l1_text(piece),
                                   L.number(nxt[1].strip("()（）"))))
                    continue
                if kind in ("l1", "l2") and not cells:
                    at = len(self.draft.indicators) - first_row
                    labels.append((at, self.l1_text(piece), None))
                    continue
                cells.append(piece)
            if cells and numbers() == len(anchors) and _PLAIN_NUMBER_RE.fullmatch(cells[-1]) \
                    and anchors[-1] == len(schema) - 1:
                emit()

        while j < self.end and not toks[j].brk:
            t = toks[j]
            if self.ends_draft(t):
                ended = True
                break
            self.used.add(j)
            if t.key:
                take(t.text)
            j += 1
        if cells and not ended and j >= self.end >= len(toks):
            # the text breaks off inside this row: its name is kept, the rest is cut
            self.note("cut", cells[-1])
            self.draft.unread[("indicators", len(self.draft.indicators))] = {
                f: "cut" for f in schema if f in _INDICATOR_FIELDS}
            self.add_indicator({"name": cells[0], "level1": "", "level2": ""}, None)
            cells.clear()
        elif cells:
            emit()
        self._place_categories(first_row, labels, cut=not ended)
        self.finish_table()
        return j

    def _place_categories(self, first: int, labels: list[tuple[int, str, Decimal | None]],
                          cut: bool) -> None:
        """A merged category cell is printed in the middle of its rows, not above them: a
        label with points covers the run of rows, from where the last one ended, whose
        weights total its points and which holds the place it was printed at. A label
        printed right before another is their parent (项目绩效实现情况(80分)投入目标(28分)) and
        covers none. Rows no label covers keep their 一级 unread."""
        rows = self.draft.indicators[first:]
        if not labels or not rows:
            return
        placed = [False] * len(rows)
        start = 0
        for n, (at, text, pts) in enumerate(labels):
            if n + 1 < len(labels) and labels[n + 1][0] == at:
                continue  # a parent of the next label
            end = len(rows)
            if pts is not None:
                total, end = Decimal(0), start
                while end < len(rows) and total < pts:
                    total += rows[end].get("weight") or Decimal(0)
                    end += 1
                if total != pts or not start <= at <= end:
                    end = -1
            else:
                start = at
                end = next((lab[0] for lab in labels[n + 1:] if lab[0] > at), len(rows))
            if end < 0:
                self.note("unplaced", text)
                continue
            for r in range(start, end):
                rows[r]["level1"] = text
                placed[r] = True
            start = end
        for r, ok in enumerate(placed):
            if not ok and any(lab[2] is not None for lab in labels):
                self.draft.unread.setdefault(("indicators", first + r), {})["level1"] = (
                    "cut" if cut else "unplaced")

    # -- finishing -------------------------------------------------------------------------

    def prose_table(self) -> None:
        """A report in prose: what its sentences state, for what no table gave (.prose)."""
        fill_draft(self, [i for i in range(self.start, self.end)
                          if self.toks[i].key and not self.toks[i].dup])

    def drop_merged_labels(self) -> None:
        """A 二级 label on a line of its own right above the rows its merged cell spans (the
        flattener gave the cell a line) is not an empty 二级 line: dropped when the next row
        carries the same 一级/二级 and a name of its own."""
        inds = self.draft.indicators
        values = ("name", "target", "actual", "operator", "unit", "deviation", "weight", "score")
        keep = []
        for n, ind in enumerate(inds):
            nxt = inds[n + 1] if n + 1 < len(inds) else None
            if (all(ind.get(f) in (None, "") for f in values)
                    and ("indicators", n) not in self.draft.unread and nxt is not None
                    and nxt.get("name") and nxt.get("level1") == ind.get("level1")
                    and nxt.get("level2") == ind.get("level2")):
                continue
            keep.append(n)
        if len(keep) == len(inds):
            return
        new = {old: n for n, old in enumerate(keep)}
        self.draft.indicators = [inds[old] for old in keep]
        self.draft.unread = {(sec, new[r] if sec == "indicators" else r): v
                             for (sec, r), v in self.draft.unread.items()
                             if sec != "indicators" or r in new}

    def lost_fund_rows(self) -> None:
        """The funds' source rows read do not add up to the total, and a row of the table
        lies among the cells not placed (a label with amounts after it): the rows are unread
        (``funds.unread.rows``), so no rule blames the form for the row the import lost."""
        draft = self.draft
        rows = draft.fund_rows
        if not rows or "rows" in draft.unread.get(("funds", 0), {}):
            return
        short = False
        for field in ("initial_budget", "budget", "executed"):
            total = draft.funds.get(field)
            parts = [r[field] for r in rows if r.get(field) is not None]
            if total is not None and parts and sum(parts, Decimal(0)) != total:
                short = True
        if not short:
            return
        texts = [n.text for n in draft.notes if n.kind == "unplaced"]
        for n, text in enumerate(texts):
            after = texts[n + 1:n + 3]
            if L.fund_row_label(text) is not None or (
                    _unlisted_fund_row([text, *after], ["budget", "executed"]) is not None):
                draft.unread.setdefault(("funds", 0), {})["rows"] = "unplaced"
                return

    def finish(self) -> None:
        draft = self.draft
        self.drop_merged_labels()
        if not draft.has_table and self.mode == "words" and not self.glued:
            read_typed_table(self, self.layout_schema())
        self.prose_table()
        for where, fields in draft.unread.items():  # a column of unknown meaning has no field
            if where[0] == "indicators":
                for f in [f for f in fields if f.startswith("-")]:
                    del fields[f]
        for i in range(self.start, self.end):
            t = self.toks[i]
            if i in self.used or not t.key or t.dup or t.brk:
                continue
            if L.is_blank(t.text) or t.key in ("(万元)", "单位:万元", "万元"):
                continue
            if self.after_table is not None and i >= self.after_table:
                self.outside += 1
                continue
            self.note("unplaced", t.text, self.where(i))
        self.lost_fund_rows()
        draft.outside = self.outside
        cells = [i for i in range(self.start, self.end)
                 if self.toks[i].key and not self.toks[i].dup and not self.toks[i].brk
                 and (self.after_table is None or i < self.after_table)]
        draft.seen = len(cells)
        draft.placed = sum(1 for i in cells if i in self.used)
        draft.profile = self.profile_hint or "central-2020"
        draft.hinted = bool(self.profile_hint)
        draft.schema = self.schema
        if self.layout is not None:
            draft.layout, draft.layout_ties = self.layout.id, self.layout_ties
        draft.span = (self.start, self.end)
        if draft.gap:
            draft.incomplete.append("gap")
        if draft.headless and not draft.from_prose:  # a report in prose is not a form's tail
            draft.incomplete.append("headless")
        if not draft.has_table and not (draft.from_prose and draft.ended):
            draft.incomplete.append("no-table")  # (a whole report stating none: indicators unread)
        elif not draft.ended and not any(
            "满意" in (ind.get("level1", "") + ind.get("level2", "")) for ind in draft.indicators
        ):
            draft.incomplete.append("no-satisfaction")


_MONEY_FIELDS = frozenset({"initial_budget", "budget", "executed", "balance"})


_SENTENCE_MARK_RE = re.compile(r"[。，,；;：:]")  # a sentence's marks: no cell of a word table
_FUND_ROW_LABEL_MAX = 24  # the longest unlisted label a funds row is taken to have
_BRACKET_WORDS = 4  # the most words a row label's bracketed note is broken over


def _unit_run(k: str) -> tuple[str, frozenset[int], str] | None:
    """Glued figures with an amount's unit after some of them (``50万元47.6895.00%``): (the
    figures without the units, where each unit stood, what follows the run), when a unit
    follows a figure; else None."""
    units = L.amount_units()
    run, cuts, pos = "", set(), 0
    while pos < len(k):
        m = _FIGURES_RE.match(k, pos)
        if m is None:
            break
        run += m.group()
        pos = m.end()
        unit = next((u for u in units if k.startswith(u, pos)), None)
        if unit is None:
            break
        cuts.add(len(run))
        pos += len(unit)
    return (run, frozenset(cuts), k[pos:]) if cuts else None


def _bracket_tail(toks: Sequence[Tok], j: int, end: int) -> int:
    """Where a bracketed note that opens at word ``j`` and closes within a few words, with
    a figure after it, ends (0: none): ``(包括以前年度结转资 | 金) | 1591.22``."""
    if j >= end or toks[j].brk or not toks[j].text.startswith(("(", "（")):
        return 0
    for k in range(j, min(j + _BRACKET_WORDS, end)):
        if toks[k].brk or L.number(toks[k].text) is not None:
            return 0
        if toks[k].text.endswith((")", "）")):
            nxt = k + 1
            return nxt if nxt < end and (L.money(toks[nxt].text) is not None) else 0
    return 0


def _unlisted_fund_row(cells: Sequence[str], fields: Sequence[str]) -> tuple[int, tuple[str, str]] | None:
    """A row of the funds table whose label no vocabulary lists (彩票公益金用于医疗救助,
    自治区财政资金): (its column, ("row", label)) when its first cell is a short text that is
    no label of the form's and every other cell it prints is a figure of the table's columns
    (an amount or a rate), at least one an amount, and no more than the columns."""
    filled = [(c, x) for c, x in enumerate(cells) if x.strip()]
    if len(filled) < 2:
        return None
    c0, label = filled[0]
    k = L.key(label)
    if not k or len(k) > _FUND_ROW_LABEL_MAX or L.is_label(label) or L.is_figure(label) \
            or L.number(label) is not None or L.is_blank(label) or re.search(r"\d", k) \
            or L.is_funds_section(label) or L.is_indicator_section(label):
        return None
    figures = [x for _, x in filled[1:] if not L.is_blank(x)]
    if len(figures) >= 2 and all(x.isdigit() for x in figures) \
            and [int(x) for x in figures] == list(range(int(figures[0]), int(figures[0]) + len(figures))):
        return None  # a numbering line (列次 1 2 3), no amounts
    if not figures or len(figures) > len(fields) \
            or not all(L.money(x) is not None or L.percent(x) is not None for x in figures) \
            or not any(L.money(x) is not None for x in figures):
        return None
    return c0, ("row", L.clean(label).rstrip(":：").strip())


def _rate_as_printed(data: dict[str, Any], text: str) -> Decimal | None:
    """A funds row's rate printed without a percent sign and at most 1 (``0.9956``, ``1``):
    the percent it is as a fraction, or as the percent number itself, whichever of the two
    the row's figures confirm (执行数 / 预算数, else 得分 / 分值 when the score is the rate of
    the points); None when neither or both do."""
    value = data["rate"]
    digits = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    fraction, plain = value * 100, value
    # half a unit of the last printed digit, in percent
    tol_fraction = Decimal(5) * Decimal(10) ** (1 - max(digits - 2, 0)) / 100
    tol_plain = Decimal(5) * Decimal(10) ** (-digits - 1)
    checks = []
    budget, executed = data.get("budget"), data.get("executed")
    if budget and executed is not None:
        checks.append(executed / budget * 100)
    weight, score = data.get("weight"), data.get("score")
    if not checks and weight and score is not None:
        checks.append(score / weight * 100)
    if not checks:
        return None
    actual = checks[0]
    as_fraction = abs(actual - fraction) <= tol_fraction
    as_plain = abs(actual - plain) <= tol_plain
    if as_fraction == as_plain:
        return None
    return fraction.normalize() if as_fraction and "." in text else \
        (fraction.quantize(Decimal(1)) if as_fraction else plain)


def _plain_amount(text: str) -> str:
    """``text`` without the currency sign or unit a funds amount may carry (its digits as
    printed), or as it is when it is no such amount."""
    if L.number(text) is not None:
        return text
    value = L.money(text)
    return text if value is None else str(value)


def _fund_arithmetic_fits(values: dict[str, str]) -> bool:
    """Do a funds row's figures, so placed, agree: its 执行率 is 执行数 / 预算数 (to a point),
    its 得分 at most its 分值."""
    budget, executed = L.money(values.get("budget", "")), L.money(values.get("executed", ""))
    rate = L.percent(values.get("rate", ""))
    if budget and executed is not None and rate is not None \
            and abs(executed / budget * 100 - rate) > 1:
        return False
    weight, score = L.number(values.get("weight", "")), L.number(values.get("score", ""))
    return weight is None or score is None or score <= weight


def _fund_kind_fits(field: str, text: str) -> bool:
    """Can a funds table's ``field`` column hold ``text``: a percent only under 执行率."""
    text = text.strip()
    if not text or L.is_blank(text):
        return True
    if "%" in text or "％" in text:
        return field == "rate"
    return True


_SECTION_POINTS_RE = re.compile(r"^(?:项目)?(?:预算执行情况|资金)(?:[(（]万元[)）])?[(（](\d+(?:\.\d+)?)分[)）]")
_PLAIN_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_TABLE_TITLE_RE = re.compile(r"表(?:\(\d{4}年度?\))?$")
_LONG_DECIMALS_RE = re.compile(r"\d+\.(?=\d{5})\d{0,4}0+")  # 52.800000: zeros past four decimals
# the figure of a label | figure pair, as printed (7,00.0,77 and 89+82 too: unreadable, not
# blank)
_PAIR_FIGURE_RE = re.compile(r"[-—]?\d[\d.,，+]*%?|[-—]")
_NUMBERED_RE = re.compile(r"^\d+[.、](?!\d)")  # a numbered item (1.完成…): the goal's text begins
_CHECK_BOX_RE = re.compile(r"[□☑■√✓]")
_UNIT_CELLS = {"(万元)", "万元", "(元)", "元"}
_CONNECTOR_RE = re.compile(r"^\s*为(?=\S{3})")
# a unit's name holds no sentence end: the text from one on is the report's next sentence
_SENTENCE_END_RE = re.compile(r"[。;；].*$|[,，、]+\s*$", re.S)
_LOCAL_RUN = 3  # local funds labels in a run that open the funds block
_PERCENT_THEN_NUMBER_RE = re.compile(r"(.*?\d%)(\d.*)$")
_LEAD_NUMBER_RE = re.compile(r"(\d+(?:\.\d+)?)([\u4e00-\u9fff].*)?$")


_STREAM_FIGURES = ("weight", "score")
_PAIRS = (("target", "actual"), ("weight", "score"))  # two columns often printed alike
# a figure after a comparison (≥90%, ＞95%): a target or an actual, never an indicator's name
_COMPARED_FIGURE = re.compile(r"[≥≤><=]{1,2}\d")


def _compared_figure(text: str) -> bool:
    """A cell that is a figure after a comparison (``≥90%``, ``≤10万元``; not ``≥360天服务读者``,
    a name)."""
    return bool(_COMPARED_FIGURE.match(L.key(text))) and L.is_figure(text)


def _kind_as_above(cell: str, kind: str | None, judged: str) -> bool:
    """Does ``cell`` hold what the rows above hold in its column (:meth:`column_kinds_above`),
    as far as ``judged`` ("blank" or "figure") goes?"""
    if kind != judged:
        return True
    if kind == "blank":
        return L.is_blank(cell)
    return bool(re.search(r"\d", cell)) or L.is_blank(cell)


def _twice_on_pair(values: Sequence[str], schema: Sequence[str],
                   options: list[tuple[int, ...]]) -> int:
    """How many values printed twice side by side some assignment puts on two columns often
    printed alike (目标 | 完成, 分值 | 得分)."""
    pairs = {(schema.index(a), schema.index(b)) for a, b in _PAIRS if a in schema and b in schema}
    twice = [n for n in range(len(values) - 1) if values[n].strip() and values[n] == values[n + 1]]
    return max((sum(1 for n in twice if (c[n], c[n + 1]) in pairs) for c in options), default=0)


def _printed_twice(values: Sequence[str], schema: Sequence[str],
                   options: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Cells with blanks dropped: a value printed twice side by side (``美化环境。 |
    美化环境。``) is two columns often alike -- the target and the actual, or 分值 and 得分 --
    so the assignments that put it there are kept when there are any (a bare ``2 | 2`` fits
    both pairs: still disputed).  A name printed again as the value (``美化环境。 | 美化环境。
    | 美化环境。``: 三级 | 目标 | 完成) is no such pair: the two after it are."""
    twice = [n for n in range(len(values) - 1) if values[n].strip() and values[n] == values[n + 1]]
    pairs = {(schema.index(a), schema.index(b)) for a, b in _PAIRS if a in schema and b in schema}
    named = {schema.index("name")} if "name" in schema else set()
    kept = [c for c in options if twice
            and all((c[n], c[n + 1]) in pairs for n in twice if c[n] not in named)
            and any(c[n] not in named for n in twice)]
    return kept or options


def _nameless_row(toks: Sequence[Tok], j: int, end: int, schema: Sequence[str]) -> bool:
    """One cell per line: is the blank cell at ``j`` the name of a row whose next cell is a
    value no name is (``≥90%``, a figure) and whose 分值/得分 columns hold figures?"""
    def text(x: int) -> str:
        return toks[x].text if x < end else ""

    first = text(j + 1)
    if not L.key(first) or not (re.match(r"[≥≤><=]", first) or L.number(first) is not None
                                or L.percent(first) is not None):
        return False
    figures = [text(j + schema.index(f)) for f in _STREAM_FIGURES if f in schema]
    return any(L.key(c) for c in figures) and all(
        not L.key(c) or L.number(c) is not None for c in figures)


def _stream_categories(toks: Sequence[Tok], j: int, end: int, schema: Sequence[str],
                       usual: int = 0) -> int:
    """One cell per line, blanks kept: how many category cells (一级, 二级; 0 to 2) start the
    row at ``j``, chosen by the cells' types -- the row that follows them puts figures (or
    blanks) in its 分值/得分 columns, a name that is no figure in its name column, and the
    next row starts with no figure.  ``usual`` (what the cell's words say: 0, or 1 for a
    二级 label) unless another count fits strictly better."""
    def text(x: int) -> str:
        return toks[x].text if x < end else ""

    def fit(k: int) -> tuple[int, int]:
        """(how well the row fits, figures in its figure columns)"""
        cats = [text(j + c) for c in range(k)]
        if cats and not L.key(cats[0]) or any(re.search(r"[\d≥≤><=%]", c) for c in cats) \
                or j + k + len(schema) > end:
            return -99, 0  # a category is a word (the 二级 after a 一级 may be blank)
        score = figures = 0
        for n, field in enumerate(schema):
            cell = text(j + k + n)
            blank = not L.key(cell)
            if field == "name":
                score += -2 if blank else -3 if L.number(cell) is not None else 1
            elif field in _STREAM_FIGURES and not blank:
                figures += L.number(cell) is not None
                score += 1 if L.number(cell) is not None else -3
        after = text(j + k + len(schema))
        if L.key(after):
            score += -2 if L.number(after) is not None else 1
        return score, figures

    # only figures in the figure columns are evidence enough to read against the words
    best = max((k for k in (0, 1, 2) if k != usual), key=fit)
    return best if fit(best)[1] and fit(best)[0] > fit(usual)[0] else usual


def _numbered_after_label(label: str, name: str) -> bool:
    """Does a glued row's name start with a digit right after a 二级 label ending in 指标,
    the label being one without it too (生态效益指标 | 1病害…)?  Then the 指标 may be the
    name's, the template's numbering (指标1病害…): where the name starts is not known."""
    k = L.key(label)
    m = re.match(r"\d{1,2}(?![\d.%,，、年月日号])", name)
    # (a figure with its unit or date starts a name as itself: 12月底之前完成, 5000吨稻谷)
    return m is not None and not _unit_start(name[m.end():]) and k.endswith("指标") \
        and L.is_l2(k[:-2])


def _unit_start(text: str) -> bool:
    """Does ``text`` start with a unit of rules/vocabulary.toml (吨, 万亩, 人次)?"""
    from ..vocabulary import load_vocabulary

    return text.startswith(tuple(load_vocabulary().units.importer))


def _short_level2(name: str, current: str, whole: set[str]) -> tuple[str, str] | None:
    """(label, rest) when a glued row's name starts with a 二级 label printed short (成本,
    时效, 经济效益, 服务对象满意度) that is not the current 二级, nor part of it, nor printed whole (…指标)
    elsewhere in the table; the rest must still be a name."""
    k = L.key(name)
    here = L.key(current).removesuffix("指标")
    for n in range(min(8, len(k) - 2), 1, -1):
        head, rest = k[:n], k[n:]
        if L.is_l2(head) and not head.endswith("指标") and head not in whole \
                and not (here and (head in here or here in head)) \
                and not rest.startswith(("指标", "性", "率", "度")) and re.match(r"[\u4e00-\u9fff\d]", rest):
            return head, rest
    return None


def _is_figure(text: str) -> bool:
    return L.number(text) is not None or L.percent(text) is not None


def _label_tail(toks: Sequence[Tok], j: int, end: int) -> int:
    """A column label's parenthesis broken off by spaces (``(20`` ``分*执行率)``): the index
    after its closing word, or 0 when ``toks[j]`` opens no such parenthesis."""
    text = toks[j].key
    if not text.startswith("(") or ")" in text:
        return 0
    for k in range(j + 1, min(j + 3, end)):
        if toks[k].brk or not toks[k].key:
            return 0
        if toks[k].key.endswith(")") and "(" not in toks[k].key:
            return k + 1
    return 0


def _narrative_key(k: str) -> str:
    """A closing or total label with its unit tag dropped: 自评总分(分) → 自评总分."""
    return k.removesuffix("(分)") if k.endswith("(分)") and len(k) > 3 else k


_LABELLESS_RUN_RE = re.compile(r"([A-Za-z]{0,2})([0-9.%]{2,})")  # O76%107.6: garbage, figures
_RUBRIC_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,10}")  # a rubric item's name: words only
_VALUE_START_RE = re.compile(r"[≥≤><=＝]?\d")


def _broken_row_label(text: str) -> tuple[str, str] | None:
    """(label fragment, what follows) for a cell that starts with a funds row label broken
    off mid-word (at least three of its characters, not all) and runs straight into a
    figure or a target (``年度资金总≥90%``), else None."""
    k = key(text)
    labels = {key(r) for lay in load_layouts() for b in lay.blocks if b.kind == "funds"
              for r in b.rows}
    for cut in range(3, len(k)):
        head, rest = k[:cut], k[cut:]
        if _VALUE_START_RE.match(rest):
            if any(lab.startswith(head) and lab != head for lab in labels):
                return head, rest
            return None
    return None


_POINTS_TAIL_RE = re.compile(r"^(?P<label>[^\d()（）]{0,12})[(（]?(?P<points>\d+(?:\.\d+)?)分[)）]$")


def _points_label(toks: Sequence[Tok], j: int, end: int) -> tuple[str, Decimal, int] | None:
    """A category label with its points starting at token ``j``, whole (预算编制(30分)) or
    broken over up to three short lines (部门预 | 算管理 | 80分)), followed by a row's
    name: (label, points, last token)."""
    words = ""
    for last in range(j, min(j + 3, end)):
        t = toks[last]
        if not t.key or L.number(t.text) is not None or len(t.key) > 12:
            return None
        words += t.key
        m = _POINTS_TAIL_RE.match(words)
        if m is not None and m.group("label"):
            label = m.group("label")
            if L.is_label(label) or L.indicator_column(label) or L.is_l1(label) \
                    or L.is_l2(label):
                return None  # a known label (产出指标(50分)): read as the taxonomy says
            nxt = next((toks[x] for x in range(last + 1, min(last + 3, end)) if toks[x].key), None)
            if nxt is None or L.number(nxt.text) is not None:
                return None
            return label, Decimal(m.group("points")), last
    return None


def _level_points(cols: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A 分值 / 权重 column printed right after the 一级 or 二级 column, with another 分值
    column after it (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 …), holds that level's
    points, not the row's weight: read as part of the level (no case field)."""
    out = list(cols)
    for n in range(1, len(out)):
        if out[n][1] == "weight" and out[n - 1][1] in ("level1", "level2") \
                and any(f == "weight" for _, f in out[n + 1:]):
            out[n] = (out[n][0], out[n - 1][1] + "_points")
    return out


_LEVEL_FIELDS = ("level1", "level2", "level1_points", "level2_points")


_POINTS_TAG_RE = re.compile(r"[(（]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]$")


def _tagged_level_cells(texts: list[str], col_of: dict[str, int], width: int
                        ) -> tuple[str | None, str | None, list[str]] | None:
    """A row of a score sheet (一级 | 二级 | 三级 | 得分, no 分值 column: every label carries its
    points, 部门决策(25分) | 目标任务(15分) | 相关性(5分) | 5), blank cells of merged levels
    dropped: the cells beyond the row's own ``width`` that carry a points tag are its levels,
    the 一级 first.  None for other headers, or a row with no cells beyond its own."""
    if "weight" in col_of or not {"level1", "level2"} <= set(col_of):
        return None
    extra = len(texts) - width
    lead = texts[:max(extra, 0)]
    if extra <= 0 or extra > 2 or not all(_POINTS_TAG_RE.search(L.clean(t)) for t in lead):
        return None
    strip = [_POINTS_TAG_RE.sub("", L.clean(t)).strip() for t in lead]
    l1, l2 = (strip[0], strip[1]) if extra == 2 else (None, strip[0])
    return l1, l2, texts[extra:]


def _level_cells(texts: list[str], col_of: dict[str, int], width: int
                 ) -> tuple[str | None, str | None, list[str]] | None:
    """A row of a header with level points columns (一级指标 | 分值 | 二级指标 | 分值 | …), blank
    cells dropped: (一级, 二级, the row's other cells).  A label | points pair opens the row's
    一级 when it is a 一级 word or when the row has cells for both levels beyond its own
    ``width`` columns, its 二级 likewise (a merged level prints its text on its first row
    only).  None when the header has no such columns."""
    if "level1_points" not in col_of and "level2_points" not in col_of:
        return None
    out = list(texts)
    extra = len(out) - width

    def pair() -> bool:
        return len(out) > 2 and L.number(out[0]) is None and L.number(out[1]) is not None \
            and L.number(out[2]) is None

    l1 = l2 = None
    if "level1_points" in col_of and pair() and (L.is_l1(out[0]) or extra >= 4):
        l1 = out.pop(0)
        out.pop(0)
        extra -= 2
    if "level2_points" in col_of and pair() and (L.is_l2(out[0]) or extra >= 2):
        l2 = out.pop(0)
        out.pop(0)
    return l1, l2, out


def _levels_first(cols: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A two-line header flattened: 绩效指标 spans 一级 | 二级 | 三级 on the second line, the
    value columns (指标分值 … 自评得分) stand on the first, so the labels come as values then
    levels. The rows print the levels first: put them first (positions renumbered)."""
    fields = [f for _, f in cols]
    if "level1" not in fields or "name" not in fields:
        return cols
    cut = fields.index("level1")
    lower = fields[cut:]
    if not cut or not set(lower) <= {"level1", "level2", "name"} \
            or not {"weight", "score", "target", "actual"} & set(fields[:cut]):
        return cols
    return list(enumerate(lower + fields[:cut]))


def _ocr_l1(run: str, found: str) -> str:
    """The 一级 label a run ends with: ``found`` (an exact one, or ""), or a longer one of
    four characters or more whose last two the run ends with and whose start it misses by
    one character (OCR's 顼目产出, 顼目管理 for 项目产出, 项目管理)."""
    longer = [w for w in L.l1_words() if len(w) > len(found) and len(w) >= 4
              and len(run) >= len(w) and run.endswith(w[-2:])
              and sum(a != b for a, b in zip(run[-len(w):], w)) == 1]
    return longer[0] if len(longer) == 1 else found


def _l1_with_points(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A 一级 label that is not a …指标 word, printed with its points (项目决策(10分),
    ``…标准2项目管理(25分)``), is a 一级 label, not the end of a row's text."""
    out: list[tuple[str, str]] = []
    for kind, text in pieces:
        prev = out[-1] if out else None
        if kind == "points" and prev is not None and prev[0] == "text":
            k = prev[1]
            cut = next((n for n in range(max(0, len(k) - 8), len(k) - 1)
                        if L.is_l1_only(k[n:])), None)
            label = _ocr_l1(k, k[cut:] if cut is not None else "")
            if label:
                cut = len(k) - len(label)
                out.pop()
                if k[:cut].strip():
                    out.append(("text", k[:cut]))
                out.append(("l1", label + text))
                continue
        out.append((kind, text))
    return out


_FIGURES = ("weight", "score", "item_score", "weight_share")
_TAG_RE = re.compile(r"\([^()\d]{1,2}\)$")  # a column tag after a label: (A), (B), OCR's (八)


def _figure_tail(schema: Sequence[str]) -> int:
    """How many of the schema's last columns are figures (分值, 得分, 单项得分, 权重占比)."""
    n = 0
    while n < len(schema) and schema[len(schema) - 1 - n] in _FIGURES:
        n += 1
    return n


def _interleaved(schema: Sequence[str]) -> bool:
    """A text column between 权重 and 得分 (目标值 | 权重 | 实际完成值 | 自评分)."""
    if "weight" not in schema or "score" not in schema:
        return False
    w, s = schema.index("weight"), schema.index("score")
    return s - w > 1 and s == len(schema) - 1


def _anchored_values(cells: Sequence[str], schema: Sequence[str],
                     anchors: Sequence[int]) -> dict[str, str] | None:
    """The cells of one row, split at its plain numbers into the schema's segments. A
    segment with more words than columns joins them into its last text column, unless that
    is its only choice among several (the name and the target both take words): then the
    reading where the target repeats the actual (printed twice) wins, else both are marked
    ambiguous. None when the numbers do not fall where the anchors are."""
    where = [n for n, c in enumerate(cells) if _PLAIN_NUMBER_RE.fullmatch(c)]
    if len(where) != len(anchors):
        return None
    values: dict[str, str] = {}
    lo_cell = lo_field = 0
    segments: list[tuple[list[str], list[str]]] = []
    for cell_at, field_at in zip([*where, len(cells)], [*anchors, len(schema)]):
        segments.append((list(cells[lo_cell:cell_at]), list(schema[lo_field:field_at])))
        if field_at < len(schema):
            values[schema[field_at]] = cells[cell_at]
        lo_cell, lo_field = cell_at + 1, field_at + 1
    later = {f: "".join(c) for c, fs in segments for f in fs if len(fs) == 1}
    for words, fields in segments:
        if not fields:
            if words:
                return None
            continue
        if len(words) <= len(fields):
            values.update(zip(fields, words))
            continue
        if len(fields) == 1:
            values[fields[0]] = "".join(words)
            continue
        head = fields[:-1]
        readings = [words[:k] + ["".join(words[k:])] for k in range(len(head), len(words))]
        twice = [r for r in readings if later.get("actual") and r[-1] == later["actual"]]
        if len(twice) == 1 or len(readings) == 1:
            values.update(zip(fields, (twice or readings)[0]))
        else:
            values.update(zip(fields, readings[-1]))
            values["-ambiguous"] = "/".join(fields)
    return values


_OPERATOR_WORDS = ("定量指标", "定性指标")


def _unscramble(text: str, words: Sequence[str]) -> str:
    """A cell whose characters a flattener scrambled (``性标定指`` for 定性指标): a window of
    exactly one word's characters, in another order, is put back as that word."""
    for word in words:
        size, target = len(word), sorted(word)
        k = 0
        while k + size <= len(text):
            window = text[k:k + size]
            if window != word and sorted(window) == target:
                text = text[:k] + word + text[k + size:]
                k += size
            else:
                k += 1
    return text


def _could_be(cells: Sequence[str]) -> set[str]:
    """The indicator fields cells no column took may be, by what they are: a figure a
    target, an actual, a 分值 or a 得分; words a target, an actual or a reason."""
    out: set[str] = set()
    for cell in cells:
        if L.points(cell) is not None:
            out |= {"target", "actual", "weight", "score"}
        elif L.is_figure(cell):
            out |= {"target", "actual"}
        elif not L.is_blank(cell):
            out |= {"target", "actual", "deviation"}
    return out


def _unit_in_name(values: dict[str, str]) -> tuple[str, str] | None:
    """(name, unit) when a row decoded with no 计量单位 has a unit word, then one or two
    stray characters, at the end of its name (``组织宣传活动次数次到``: 次, then 到) -- the
    glyphs between the name and the figures were garbled. None when the name simply ends
    in a unit (``培训人次``) or nothing fits."""
    name = values.get("name", "")
    if values.get("unit") or not name:
        return None
    for stray in (1, 2):
        tail = name[-stray:]
        if L.is_known_unit(name[-2:]) or L.is_known_unit(name[-1:]) or any(
                c.isdigit() or c in "%‰" for c in tail):
            return None
        head = name[:-stray]
        for size in (2, 1):
            unit = head[-size:]
            if len(head) - size >= 4 and L.is_known_unit(unit):
                return head[:-size], unit
    return None
