"""A self-assessment report in prose (绩效自评报告, 自评结果; issue 10 §3).

Many published self-assessments are reports, not tables: the title gives the year and the
project, sentences give the money (``全年预算数100万元，实际执行33.78万元，预算执行率33.78%``)
and the self-score (``自评得分99.8分``), and the indicators come as sentences
(``满意度指标绩效目标值为≥95%，实际完成值为98%``), as numbered items
(``1.数量指标：资助精神病患者服药230人，实际完成230人``), or as a list of targets and a later
list of actuals, paired here by name.  :func:`read_report` reads all of it into a
:class:`Report`; the words and sentence shapes are data (``rules/prose.toml``, with the
operators and units of ``rules/vocabulary.toml``).

What the text does not state is not invented: a value cut off by the end of the text, two
different figures for one field, a target whose actual is nowhere said are left unread, with
why (the reasons of ``rules/provenance.toml``).  A rate that contradicts the figures is read
as printed: checking it is the rules' job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from ..loader import ConfigError, Problem, load_config
from ..numbers import WRITTEN_NUMBER, agrees, ratio, read_number
from ..resources import rules_dir
from ..vocabulary import Words, load_vocabulary

__all__ = ["ProseIndicator", "Report", "fill_draft", "read_report", "report_title"]


# --- rules/prose.toml -------------------------------------------------------------------


@attrs.frozen
class SentenceWords:
    target: Words
    actual: Words
    connectors: Words
    name_tail: Words
    weight: Words
    score: Words
    plan: Words
    name_label: Words
    compared: Words
    result: Words
    figure_connectors: Words = ()
    direct: Words = ()
    shared: Words = ()
    shared_joins: Words = ()
    control: Words = ()
    control_below: Words = ()
    control_above: Words = ()
    control_within: Words = ()
    control_ends: Words = ()


@attrs.frozen
class Shape:
    shape: str
    after_heading: bool = False  # tried only on the text right after a category heading


@attrs.frozen
class Markers:
    items: Words
    sections: Words


@attrs.frozen
class ListWords:
    target: Words
    actual: Words
    separators: Words
    lead: Words


@attrs.frozen
class FundWords:
    within: int
    initial_budget: Words
    budget: Words
    executed: Words
    balance: Words
    rate: Words
    sub: Words
    revenue: Words
    allocated: Words
    total: Words
    kinds: Words
    counts: Words
    fund_ends: Words = ()
    spent_whole: Words = ()
    invested: Words = ()
    bare_rates: Words = ()
    rate_leads: Words = ()
    paid: Words = ()
    paid_objects: Words = ()


@attrs.frozen
class TotalWords:
    labels: Words
    self_words: Words
    not_total: Words
    grade_labels: Words
    grades: Words


@attrs.frozen
class TitleWords:
    naming: str
    opening: int
    lead: Words
    tail: Words
    generic: Words
    whole: Words
    unit_suffixes: Words
    places: Words
    unit_labels: Words
    kinds: Words
    project_labels: Words
    year_labels: Words
    department_labels: Words
    subtitle: Words = ()
    implementer_labels: Words = ()
    not_names: Words = ()
    payment: Words = ()
    collection: Words = ()
    spending: Words = ()
    spending_after: Words = ()
    site: Words = ()


@attrs.frozen
class HeadWords:
    """rules/prose.toml [head]."""

    opening: int  # characters of the text's opening part searched
    headings: Words  # words of a heading only a self-assessment report has
    verbs: Words  # 进行了绩效自评, 开展自评 …
    scopes: Words  # between the project and the verb: 绩效目标实施情况 …
    name_ends: Words  # a fund's name ends with one of these (项目, 资金, 经费)
    name_tail: Words  # words at the end of a name that are not part of it (的, 绩效)


@attrs.frozen
class PageWords:
    chrome: Words


@attrs.frozen
class Evidence:
    outline: Words
    heading_ends: Words
    results: Words


@attrs.frozen
class Limits:
    """Lengths the reader works within (rules/prose.toml [limits])."""

    max_text: int
    strong_label: int
    max_clause: int
    wrapped: int
    max_heading: int
    label_reach: int
    max_title: int
    max_title_part: int
    title_cells: int
    result_words: int
    word_value: int = 30


@attrs.frozen
class ProseRules:
    source: str
    terminal: Words
    limits: Limits
    words: SentenceWords
    sentences: tuple[Shape, ...]
    markers: Markers
    lists: ListWords
    funds: FundWords
    totals: TotalWords
    title: TitleWords
    page: PageWords
    evidence: Evidence
    head: HeadWords


_PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)(?::([a-z]+))?(\?)?\}")
_PLACEHOLDERS = {"name", "target", "actual", "weight", "score", "quantity", "points", "filler",
                 "compared",
                 "target_word", "actual_word", "weight_word", "score_word", "plan_word",
                 "name_word", "connector"}


@cache
def load_prose_rules(directory: Path | None = None) -> ProseRules:
    """``rules/prose.toml``; ConfigError naming the key path of a shape's unknown placeholder
    or a pattern that is no regular expression."""
    path = (directory or rules_dir()) / "prose.toml"
    rules = load_config(path, ProseRules)
    problems = [Problem(f"$.sentences[{n}].shape", "invalid", f"{{{m.group(1)}}}")
                for n, s in enumerate(rules.sentences) for m in _PLACEHOLDER_RE.finditer(s.shape)
                if m.group(1) not in _PLACEHOLDERS
                or (m.group(1) == "quantity") != (m.group(2) in ("target", "actual"))]
    patterns = [(f"$.markers.items[{n}]", p) for n, p in enumerate(rules.markers.items)]
    patterns += [(f"$.markers.sections[{n}]", p) for n, p in enumerate(rules.markers.sections)]
    patterns.append(("$.title.naming", rules.title.naming))
    patterns += [(f"$.title.lead[{n}]", p) for n, p in enumerate(rules.title.lead)]
    patterns += [(f"$.title.site[{n}]", p) for n, p in enumerate(rules.title.site)]
    patterns += [(f"$.title.collection[{n}]", p) for n, p in enumerate(rules.title.collection)]
    for where, pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(Problem(where, "invalid", str(exc)))
    if problems:
        raise ConfigError(str(path), tuple(problems))
    return rules


# --- what a report gives ----------------------------------------------------------------


@attrs.frozen
class ProseIndicator:
    """One indicator as the report states it; a field it does not state is "" (and listed in
    ``unread`` with why, when the text says there is one: cut off, or not paired)."""

    name: str
    target: str = ""
    actual: str = ""
    weight: str = ""
    score: str = ""
    level1: str = ""
    level2: str = ""
    unread: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Report:
    year: int | None = None
    name: str = ""  # the project, from the title
    department: str = ""  # from a cover's label (预算部门: …), never from an unlabelled unit
    implementer: str = ""  # from a label (实施单位: …, 实施单位为…)
    titled: bool = False  # the text opens with a report's title
    outlined: bool = False  # it has headings of a report's outline (一、基本情况)
    resulted: bool = False  # ... and one of its results (二、绩效目标完成情况, 三、自评结论)
    funds: tuple[tuple[str, Decimal], ...] = ()  # initial_budget, budget, executed, balance, claimed_rate
    funds_unread: tuple[tuple[str, str], ...] = ()  # fields two figures were given for
    fund_rows: tuple[tuple[str, str, Decimal], ...] = ()  # (label, field, amount) of 其中 parts
    indicators: tuple[ProseIndicator, ...] = ()
    claimed_total: Decimal | None = None
    total_unread: str = ""  # "ambiguous" when two different scores are stated
    grade: str = ""
    cut: bool = False  # the text stops mid-sentence or at a heading
    open_at_cut: bool = False  # ... inside its indicators (a list or an indicator section)
    notes: tuple[tuple[str, str], ...] = ()  # (kind, text): "unplaced" / "ambiguous"
    used: tuple[int, ...] = ()  # the text's lines (0-based) that gave a field

    @property
    def read_anything(self) -> bool:
        return bool(self.indicators or self.funds or self.claimed_total is not None
                    or self.total_unread)


# --- text ------------------------------------------------------------------------------

# full-width ASCII (！ to ～) as half-width, the ideographic space as a space
_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _limits() -> Limits:
    return load_prose_rules().limits


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# A thousands separator (1,234.5) is not a clause break: kept as GROUP while the text is read
GROUP = "\ue000"
_NUM = WRITTEN_NUMBER.replace("(?:,", f"(?:{GROUP}")  # the number grammar, with GROUP for ,
assert _NUM != WRITTEN_NUMBER
_GROUP_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


# a run of digits longer than any figure a report states: masked (same length, so positions
# hold), as every number pattern would otherwise try each start inside it (quadratic)
_DIGIT_RUN_RE = re.compile(r"\d{25,}")


def _half(text: str) -> str:
    text = _DIGIT_RUN_RE.sub(lambda m: "#" * len(m.group()), text[:_limits().max_text].translate(_HALF))
    return _GROUP_RE.sub(GROUP, text)


def _restore(text: str) -> str:
    return text.replace(GROUP, ",")


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _lines(text: str) -> tuple[list[str], list[list[int]]]:
    """The text's lines, with a line broken inside a sentence joined back (a word-wrapped PDF,
    a flattener that cut at spaces: ``综合评价得分为`` / ``99.8分。``); and for each, the
    numbers of the text's lines it is made of."""
    rules = load_prose_rules()
    lines = [(n, piece) for n, line in enumerate(_half(text).split("\n"))
             for piece in _split_sections(re.sub(r"\s+", " ", line).strip())]
    out: list[str] = []
    origin: list[list[int]] = []
    starts = _starts_re()
    for n, line in lines:
        if not line:
            continue
        if out and not out[-1].endswith((*rules.terminal, ":", ";", "。")) \
                and not starts.match(line) and _without_chrome(out[-1]) == out[-1] \
                and not _title_line(line) and (_open_start().match(line) or (
                    not _is_heading(out[-1])
                    and (_NUMBER_START.match(line) or _open_end().search(out[-1])
                         or len(out[-1]) > _limits().wrapped))):
            glue = "" if _CJK.match(line[:1]) or _CJK.search(out[-1][-1:]) else " "
            out[-1] = out[-1] + glue + line
            origin[-1].append(n)
        else:
            out.append(line)
            origin.append([n])
    return out, origin


def _title_line(line: str) -> bool:
    """A line that opens with a report's title (关于某某项目绩效自评情况报告): never the end of
    the line before it."""
    m = _naming_re().search(line[:_limits().max_title])
    return m is not None and len(line[:m.start()]) <= _limits().max_title_part \
        and not _BOUNDARY_RE.search(line[:m.start()])


@cache
def _section_split_re() -> re.Pattern[str]:
    """Where a run of text (a report glued into one line) opens a section: a marker (一、
    (二)) after a clause break, a space or a figure, (二) after words, 一、 after a title's
    报告/结果 — not inside a word (统一、规范) nor after 第."""
    sections = "|".join(load_prose_rules().markers.sections)
    return re.compile(rf"(?:(?<=[,.:;。!?%)”\s\d])|(?<=[^\s\d,.:;。!?%)”第]{{2}})(?=\())"
                      rf"(?=(?:{sections}))|(?<=报告|结果)(?=一、)")


def _split_sections(line: str) -> list[str]:
    if len(line) <= _limits().max_heading:
        return [line] if line else []
    pieces = [p.strip() for p in _section_split_re().split(line)]
    return [p for p in pieces if p]


_NUMBER_START = re.compile(r"[≥≤><=]?\s*\d")


def _is_heading(line: str) -> bool:
    """A numbered line with no figure after its marker (``1、绩效目标完成情况``)."""
    m = _starts_re().match(line)
    return m is not None and not _has_figure(line[m.end():])


@cache
def _starts_re() -> re.Pattern[str]:
    """A numbered item's or a section heading's marker."""
    m = load_prose_rules().markers
    return re.compile(rf"(?:{'|'.join(m.items + m.sections)})")


@cache
def _section_re() -> re.Pattern[str]:
    """A section heading's marker (一、 (一)) at the start, with the spaces after it."""
    return re.compile(rf"^(?:{'|'.join(load_prose_rules().markers.sections)})\s*")


@cache
def _item_marker_re() -> re.Pattern[str]:
    """A numbered item's marker, at the start or after a clause break."""
    items = "|".join(load_prose_rules().markers.items)
    return re.compile(rf"(?:^|(?<=[,:;。\s]))\s*(?:{items})\s*")


@cache
def _open_end() -> re.Pattern[str]:
    """A line ending in a label or connector: its value is on the next line."""
    w = load_prose_rules().words
    return re.compile(rf"(?:{_alt(w.connectors + w.target + w.actual)})$")


@cache
def _open_start() -> re.Pattern[str]:
    """A line opening with a label or connector (``满意度`` / ``目标值为≥95%``): it goes on
    the line before (a flattener that cut a sentence at its spaces)."""
    w = load_prose_rules().words
    return re.compile(rf"^(?:{_alt(w.connectors + w.target + w.actual + w.score)})")


# --- values ----------------------------------------------------------------------------


@cache
def _quantity() -> str:
    """A number with its operator and unit, as a regex (no groups)."""
    v = load_vocabulary()
    ops = v.operators
    before = _alt(ops.before_ge + ops.before_gt + ops.before_le + ops.before_lt + ops.before_eq)
    after = _alt(ops.after_ge + ops.after_le)
    units = v.units
    unit = _alt(units.money + units.percent + units.permille + units.count + units.durations
                + tuple(units.aliases))
    mult = _alt(tuple(v.numbers.multipliers))
    per = _alt(units.per)
    return (rf"(?:(?:{before})\s*)?{_NUM}\s*(?:{mult})?(?:{unit})?(?:/(?:{per}))?"
            rf"(?:{after})?")


@cache
def _money_re() -> re.Pattern[str]:
    """A sum of money: the number, and the power of ten its unit stands for."""
    v = load_vocabulary()
    money = _alt(v.units.money)
    mult = _alt(tuple(v.numbers.multipliers))
    return re.compile(rf"(?P<n>{_NUM})\s*(?:(?P<m>{mult})(?:{money})|(?P<u>{money})"
                      rf"|(?P<m2>{mult})(?![\u4e00-\u9fff]))")


def _power(m: re.Match[str]) -> int | None:
    """The power of ten of a money match (万元 4, 元 0; 万 alone, not before a word: 万元)."""
    if m.group("u"):
        return 0
    return load_vocabulary().numbers.multipliers.get(m.group("m") or m.group("m2"))


# a date or a year (2020年6月20日, 2021年): a figure no indicator states
_DATE_RE = re.compile(r"\d\s*(?:年|月|日)(?!\s*(?:以上|以内))|\d{1,2}:\d{2}")
_PERCENT_RE = re.compile(rf"(?P<n>{_NUM})\s*%")
# a clause citing a document (《关于下达…的通知》, 川财行〔2021〕94号): its figure is one allocation
_CITATION_RE = re.compile(r"《|[〔\[]\s*(?:19|20)\d{2}\s*[〕\]]|(?:19|20)\d{2}\s*[〕\]]\s*\d+\s*号")


# --- sentence shapes -------------------------------------------------------------------


@cache
def _shapes() -> tuple[tuple[re.Pattern[str], bool], ...]:
    return tuple((re.compile(_compile_shape(s.shape)), s.after_heading)
                 for s in load_prose_rules().sentences)


def _compile_shape(shape: str) -> str:
    w = load_prose_rules().words
    value = r"[^,;]{1,30}?"
    num = _NUM
    words = {"target_word": w.target, "actual_word": w.actual, "weight_word": w.weight,
             "score_word": w.score, "plan_word": w.plan, "name_word": w.name_label,
             "connector": w.connectors}
    named = set(re.findall(r"\{(weight|score)\}", shape))
    points = "".join(
        rf"(?:\s*,\s*(?:{_alt(words)})(?:{_alt(w.connectors)})?\s*(?P<{field}>{num})\s*分)?"
        for field, words in (("weight", w.weight), ("score", w.score)) if field not in named)
    out = [r"(?:^|(?<=[,:;]))\s*"]
    at = 0
    holes = list(_PLACEHOLDER_RE.finditer(shape))
    for n, m in enumerate(holes):
        out.append(_literal(shape[at:m.start()]))
        at = m.end()
        what, group, optional = m.group(1), m.group(2), m.group(3)
        if what == "name":
            # the longest name before a label (its last label is the value's), the shortest
            # before a bare quantity (230人 is not 服药23 | 0人)
            lazy = "?" if n + 1 < len(holes) and holes[n + 1].group(1) == "quantity" else ""
            piece = rf"(?P<name>[^,;:]{{2,40}}{lazy})"
        elif what in ("target", "actual"):
            piece = rf"(?P<{what}>{value})"
        elif what in ("weight", "score"):
            piece = rf"(?P<{what}>{num})"
        elif what == "quantity":  # (a whole number: not the 0公里 of 20公里)
            piece = rf"(?<![\d.{GROUP}])(?P<{group}>{_quantity()})"
        elif what == "points":
            piece = points
        elif what == "compared":  # 大于年度指标值: an actual stated against its target
            piece = rf"(?P<actual>(?:{_alt(w.compared)})(?:{_alt(w.target)}))"
        elif what == "filler":
            piece = r"(?P<filler>[^,;\d]{0,8}?)"
        elif what in ("target_word", "actual_word"):
            piece = rf"(?P<{what}>{_alt(words[what])})"
        elif what == "connector" and w.figure_connectors:
            # 达成预期指标 is a value in words: 达 joins a label to a figure only
            plain = [c for c in w.connectors if c not in w.figure_connectors]
            piece = rf"(?:{_alt(plain)}|(?:{_alt(w.figure_connectors)})(?=\s*[\d≥≤<>=]))"
        else:
            piece = rf"(?:{_alt(words[what])})"
        out.append(f"(?:{piece})?" if optional else piece)
    out.append(_literal(shape[at:]))
    out.append(r"\s*(?=[,;]|$)")
    return "".join(out)


def _literal(text: str) -> str:
    return "".join(r"\s*,\s*" if c == "," else r"\s*:\s*" if c == ":" else re.escape(c)
                   for c in text)


# --- headings ---------------------------------------------------------------------------


@cache
def _category() -> tuple[re.Pattern[str], dict[str, str]]:
    """A heading's category (``产出数量指标:``, ``满意度指标:``): a 一级 stem of the taxonomy,
    optionally, before one of its 二级 labels; and each stem's 一级 name."""
    from ..taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    l1 = {a.removesuffix("指标"): c.name for c in taxonomy.level1 for a in c.aliases
          if a.removesuffix("指标")}
    l2 = {x.removesuffix("指标") for c in taxonomy.level1 for x in c.level2 if x.endswith("指标")}
    ends = _alt(load_prose_rules().evidence.heading_ends)
    # (…指标完成情况分析: a heading's ending after it; 社会效益目标: 目标 for 指标, as printed)
    return re.compile(rf"^(?P<l1>{_alt(tuple(l1))})?(?P<l2>{_alt(tuple(l2))})?(?P<end>指标|目标)"
                      rf"(?:\((?P<l2b>(?:{_alt(tuple(l2))})指标)\))?"  # 满意度指标(服务对象满意度指标)
                      rf"(?:\(\d+(?:\.\d+)?分\))?(?:完成)?(?:{ends})?(?:\s*[:,]\s*|$)"), l1


def _heading(text: str) -> tuple[dict[str, str] | None, str]:
    """(the levels a leading category heading names, the rest of the text)."""
    pattern, stems = _category()
    m = pattern.match(text)
    if m is None or not (m.group("l1") or m.group("l2")):
        return None, text
    l1 = stems[m.group("l1")] if m.group("l1") else ""
    if not m.group("l2") and m.group("l1") and m.group("l1") + "指标" != l1:
        # (a 二级 such as 社会效益 read as a 一级 stem: a 二级 heading, or none)
        m = re.compile(pattern.pattern.replace("(?P<l1>", "(?P<l1>(?!)", 1)).match(text)
        if m is None or not m.group("l2"):
            return None, text
        l1 = ""
    l2 = m.group("l2") + m.group("end") if m.group("l2") else m.group("l2b") or ""
    return {"level1": l1, "level2": l2}, text[m.end():]


# --- the reader -----------------------------------------------------------------------


@attrs.define
class _Item:
    """A name with a value from a list (``辅具适配200人``), or a value alone."""

    name: str
    value: str
    levels: dict[str, str]
    cut: bool  # its value runs to the end of a text that is cut off
    listed: bool = False  # under a category heading that lists indicators (1.数量指标。)
    at: int = attrs.Factory(lambda: next(_ORDER))  # the order it was read in
    pos: int = -1  # where its sentence starts in the text (the lines joined by newlines)


@attrs.frozen
class _Money:
    """A sum the text states for a field of the funds."""

    field: str  # initial_budget, budget, executed, balance; "allocated" (下达, 到位 …)
    number: Decimal
    power: int  # of ten: 万元 4, 元 0
    cited: bool  # its clause cites a document (《…》〔2023〕12号): one allocation
    named: bool  # the text before it names the project (下达…中央水利发展资金2263万元)
    totalled: bool  # a total's word (合计, 共计) stands before it in its clause


@attrs.define
class _Found:
    name: str
    values: dict[str, str]
    levels: dict[str, str]
    unread: dict[str, str] = attrs.Factory(dict)
    at: int = attrs.Factory(lambda: next(_ORDER))  # the order it was read in: the text's
    pos: int = -1  # where its sentence starts in the text (the lines joined by newlines)


_ORDER = itertools.count()
# a date at the end of a line (2020年7月16日): a report's signature line, which ends it
_SIGNED_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


class _Reader:
    def __init__(self, text: str, evident: bool = False) -> None:
        self.evident = evident  # the text after it shows the report is a self-assessment
        self.rules = load_prose_rules()
        self.lines, self.origin = _lines(text)
        self.used: set[int] = set()  # lines that gave a field
        # the last line of the report's own text (a page's source line after it is chrome)
        last = next((line for line in reversed(self.lines) if _without_chrome(line)), "")
        # (…项目单位(盖章) 2020年7月16日: a report ends with its signature and date)
        self.cut = bool(last) and not last.endswith(tuple(self.rules.terminal)) \
            and not _SIGNED_RE.search(last)
        self.found: list[_Found] = []
        self.targets: list[_Item] = []
        self.actuals: list[_Item] = []
        self.notes: list[tuple[str, str]] = []
        self.totals: list[tuple[Decimal, bool]] = []  # (score, its sentence says 自评)
        self.grade = ""
        self.money: list[_Money] = []
        title = find_title(self.lines)
        self.title_name = title.name if title is not None and len(title.name) >= 4 else ""
        self.parts: list[tuple[str, str, Decimal, int]] = []  # (label, field, number, power)
        self.rows: list[tuple[str, str, Decimal]] = []  # (label, field, amount): parts that sum
        self.fund_clauses: set[str] = set()  # clauses that gave a money figure or a rate
        self.rates: list[Decimal] = []
        self.open_at_cut = False
        self.item_name = ""  # the last numbered item that was a name alone
        self.under_self = False  # under a heading that says 自评 (一、自评得分情况)
        self.headed = False  # the last clause was a category heading standing alone
        self.outline = False  # a heading of the report outline (基本情况, 绩效目标 …) was seen
        self.item_body = False  # in the text of a numbered item named under a category
        self.listing = False  # the last category heading lists indicators (no 完成情况分析)
        self.resulted = False  # a heading of the report's results (完成情况, 结论 …) was seen
        self.continued = False  # the sentence goes on with the list of the one before (;)
        self.last_of_list = False  # ... and ends it

    # -- structure: lines → sentences → clauses ----------------------------------------

    def read(self) -> None:
        levels: dict[str, str] = {}
        mode = ""  # "target" / "actual": a heading opened a list ("+": a label's list, going on)
        section_has_indicators = False
        sections = _section_re()
        line_at = 0  # where the line starts in the text
        for n, line in enumerate(self.lines):
            last_line = n == len(self.lines) - 1
            sentences = [s for s in re.split(r"(?<=[。;!?])|(?<=\.)(?=\s)", line) if s.strip()]
            read_before = self._read_count()
            sentence_at = line_at
            for k, sentence in enumerate(sentences):
                sentence_at = line_at + line.find(sentence, sentence_at - line_at)
                at_end = self.cut and last_line and k == len(sentences) - 1
                if sections.match(sentence.strip()):
                    heading_mode = self._list_kind(sentence)
                    if heading_mode or not _has_figure(sentence):
                        mode = heading_mode
                        levels = {}
                        section_has_indicators = False
                        self.item_name, self.item_body = "", False
                    if not _has_figure(sentence):  # 一、自评得分情况: its score is the claim
                        self.under_self = any(w in sentence for w in self.rules.totals.self_words)
                        self.resulted = self.resulted or any(
                            w in sentence for w in self.rules.evidence.results)
                        self.outline = self.outline or any(
                            w in sentence for w in self.rules.evidence.outline)
                before = len(self.found) + len(self.targets) + len(self.actuals)
                # a label's list goes on past a ";" (绩效目标:A≥1km;B≥95%;…) to the sentence's end
                self.continued = mode.endswith("+") and k > 0 \
                    and sentences[k - 1].rstrip().endswith(";")
                self.last_of_list = self.continued and not sentence.rstrip().endswith(";")
                mode, levels = self._sentence(sentence.strip(), mode, levels, at_end)
                if len(self.found) + len(self.targets) + len(self.actuals) > before:
                    section_has_indicators = True
                for read in (self.found, self.targets, self.actuals):
                    for thing in read:
                        if thing.pos < 0:
                            thing.pos = sentence_at
            if self._read_count() > read_before:
                self.used.update(self.origin[n])
            line_at += len(line) + 1
        self.open_at_cut = self.cut and (section_has_indicators or bool(self.targets)
                                         and not self.actuals)

    def _read_count(self) -> int:
        return (len(self.found) + len(self.targets) + len(self.actuals)
                + sum(m.field != "paid" for m in self.money)
                + len(self.rates) + len(self.totals) + bool(self.grade))

    def _list_kind(self, text: str) -> str:
        lists = self.rules.lists
        bare = text.strip()
        marker = _starts_re().match(bare)
        bare = bare[marker.end():].strip(" 。:") if marker else bare.strip(" 。:")
        if len(bare) > _limits().max_heading or _has_figure(bare):
            return ""
        if re.search(_alt(lists.actual), bare):
            return "actual"
        if re.search(_alt(lists.target), bare):
            return "target"
        return ""

    def _sentence(self, sentence: str, mode: str, levels: dict[str, str],
                  at_end: bool) -> tuple[str, dict[str, str]]:
        body = sentence.rstrip("。;!?. ")
        if not body:
            return mode, levels
        self._money(body)
        label = _list_label_re()
        if label.search(body):
            return self._lists(body, levels, at_end), levels
        ends = tuple(self.rules.evidence.heading_ends)
        for clause, marked, end in self._clauses(body, at_end):
            bare = _section_re().sub("", clause, count=1)
            heading, rest = _heading(bare)
            if heading is not None:
                # 1.数量指标。… lists its indicators; 1.产出指标完成情况分析 heads a narrative
                self.listing = not bare[:len(bare) - len(rest)].rstrip(" :,").endswith(ends)
            # the text right after a category heading (on its line, or the clause after a
            # heading standing alone) may state an indicator by its actual alone
            headed, self.headed = heading is not None or self.headed, False
            if heading is not None:  # a 二级 heading stays under the 一级 one above it
                levels = {"level1": heading["level1"] or levels.get("level1", ""),
                          "level2": heading["level2"]}
                clause = rest
                self.item_name, self.item_body = "", False
                if not clause:
                    self.headed = True
                    continue
            kind = self._list_kind(clause) if not marked else ""
            if kind and (clause.rstrip().endswith(":") or not _has_figure(clause)):
                mode = kind
                continue
            if marked:  # "(1)培训人数。目标:200人次;完成情况:235人次": the item's name alone
                self.item_name = clause if not _has_figure(clause) and _name_ok(clause) else ""
                # under a category heading, the text after it states its value (below)
                self.item_body = bool(self.item_name and levels)
                if self.item_body:
                    continue
            if self._shapes(clause, levels, end, headed):
                continue
            self._total(clause)
            if self.item_body and not marked:
                # "(1)项目完成数量。完成年度建设项目1个,…": the item's value is the first figure
                # its text states; the rest of its text describes it
                if self.item_name:
                    value = self._first_value(clause) or self._result_words(clause)
                    if value:
                        self.found.append(_Found(self.item_name, {"actual": value}, dict(levels)))
                    self.item_name = ""  # (its first sentence gave it, or nothing does)
                continue
            # under a heading naming actuals, any clause may hold them (they count only when
            # paired); after a label's list ("+"), the numbered items that go on with it
            # under a category heading (1.数量指标。…), a clause naming a figure states an
            # indicator by its value: kept as an actual, an indicator when never paired
            if (mode and (marked or mode == "actual" or self.continued)) or (
                    levels and not mode and not marked):
                pieces = [p for p in _split_items(clause, self.rules)
                          if p and not any(p in c for c in self.fund_clauses)]
                for i, piece in enumerate(pieces):
                    item = self._item(piece, levels, end and i == len(pieces) - 1,
                                      glued=self.last_of_list)
                    if item is not None:
                        (self.targets if mode.startswith("target") else self.actuals).append(item)
        return mode, levels

    def _result_words(self, clause: str) -> str:
        """An item's result stated in a few words, one clause with no figure (已通过竣工验收)."""
        text = clause.strip()
        if re.search(r"[,;:]", text) or _has_figure(text) or len(text) > self.rules.limits.result_words:
            return ""
        return text if any(w in text for w in self.rules.words.result) else ""

    def _first_value(self, clause: str) -> str:
        """The value of the first piece of ``clause`` that ends in a figure (完成年度建设项目1个),
        not a date's; "" when none does."""
        for piece in _split_items(clause, self.rules):
            if not piece or _DATE_RE.search(piece) or any(piece in c for c in self.fund_clauses):
                continue
            m = _item_re().match(piece.strip())
            if m is not None and not _DATE_RE.search(m.group("name")):
                return m.group("value").strip()
        return ""

    def _clauses(self, body: str, at_end: bool) -> Iterator[tuple[str, bool, bool]]:
        """The sentence split at its numbered items: (text, opens with a marker, runs to the
        end of a cut-off text)."""
        items = _item_marker_re()
        pieces: list[tuple[str, bool]] = []
        at, marked = 0, False
        for m in items.finditer(body):
            pieces.append((body[at:m.start()], marked))
            at, marked = m.end(), True
        pieces.append((body[at:], marked))
        kept = [(p.strip(" ,:;"), mk) for p, mk in pieces if p.strip(" ,:;")]
        for i, (piece, mk) in enumerate(kept):
            if len(piece) <= _limits().max_clause:
                yield piece, mk, at_end and i == len(kept) - 1

    # -- indicators ---------------------------------------------------------------------

    def _shapes(self, clause: str, levels: dict[str, str], end: bool,
                headed: bool = False) -> bool:
        for pattern, after_heading in _shapes():
            if after_heading and not headed:
                continue
            before = len(self.found)
            for m in pattern.finditer(clause):
                values = {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}
                raw = values.pop("name", "")
                name = _without_heading(_strip_tail(raw))
                if "actual" in values and not {"target", "actual_word"} & set(values) \
                        and _target_tail(raw):
                    # 覆盖率目标值为100%: a value after a target's label is the target
                    values["target"] = values.pop("actual")
                labels = [values.pop(k) for k in ("target_word", "actual_word") if k in values]
                target, actual = values.get("target", ""), values.get("actual", "")
                strong = [len(label) >= _limits().strong_label for label in labels]
                figures = _is_quantity(target) and _is_quantity(actual)
                if not _name_ok(name) or strong and not (any(strong) or figures) or not (
                        _has_figure(target + actual) or all(strong)):
                    continue  # 已按照计划完成目标,完成质量较好: words, not an indicator
                if after_heading and _money_or_points(actual):
                    continue  # 自评得分为94.5分: the score, not an indicator's actual
                if not _same_kind(values.get("target", ""), values.get("actual", "")):
                    continue  # 540.11万元 … 100%: not a target and its actual
                if "filler" in values and values["filler"] not in name and not (
                        levels and _unit(target) and _unit(target) == _unit(actual)):
                    # 支出决算为540.11万元,完成调整预算100%: not the name's verb; under a
                    # category heading, a planned and an actual figure in one unit are one
                    # indicator's (成本指标:项目投资56万元,实际决算金额54.6万元)
                    continue
                values.pop("filler", None)
                found = _Found(name, values, dict(levels))
                if end and m.end() >= len(clause.rstrip()):
                    last = max((f for f in values if f in ("target", "actual", "weight", "score")),
                               key=lambda f: m.end(f))
                    values.pop(last)
                    found.unread[last] = "cut"  # the value may go on past the end
                self.found.append(found)
            if len(self.found) > before:
                return True
        return False

    def _item(self, text: str, levels: dict[str, str], end: bool,
              glued: bool = False) -> _Item | None:
        """``glued``: the last item of a list, which the next words may run on from (…≥23人改善
        村基础设施): a figure with its operator, then words with no figure, is its value."""
        m = _item_re().match(text.strip())
        if m is None and glued:
            m = _glued_item_re().match(text.strip())
        if m is None:
            return None
        name = _without_linker((m.group("name") or "").strip(" :,"))
        if name and not _name_ok(name):
            return None
        return _Item(name, m.group("value").strip(), dict(levels), end, listed=self.listing)

    def _lists(self, body: str, levels: dict[str, str], at_end: bool) -> str:
        """A sentence holding ``目标:…`` and/or ``实际完成:…``: each label's items; the list
        the last label opens goes on in the numbered items after it."""
        label = _list_label_re()
        marks = list(label.finditer(body))
        mode = ""
        for n, m in enumerate(marks):
            kind = "actual" if re.fullmatch(_alt(self.rules.lists.actual), m.group("label")) \
                else "target"
            stop = marks[n + 1].start() if n + 1 < len(marks) else len(body)
            segment = body[m.end():stop]
            last_segment = at_end and stop == len(body)
            pieces = [p for p in _split_items(segment, self.rules) if p.strip()]
            if not pieces:
                mode = kind + "+"  # the items follow (numbered, on the next lines)
                continue
            for i, piece in enumerate(pieces):
                heading, rest = _heading(piece.strip())
                if heading is not None:
                    levels, piece = heading, rest
                item = self._item(piece, levels, last_segment and i == len(pieces) - 1)
                if item is not None and not item.name and len(pieces) == 1:
                    item.name = self.item_name  # a lone value under a numbered item's name
                words = piece.strip(" ,:;")
                if item is None and len(pieces) == 1 and self.item_name \
                        and any(levels.values()) \
                        and len(m.group("label")) >= _limits().strong_label \
                        and 0 < len(words) <= _limits().word_value \
                        and not re.search(r"[,;:]", words):
                    # 1.质量指标 (1)补助资格合规性。预期目标:合规;完成情况:达成预期指标 —
                    # under a category heading, the item's values in words after long labels
                    item = _Item(self.item_name, words, dict(levels), last_segment,
                                 listed=self.listing)
                if item is not None:
                    (self.targets if kind == "target" else self.actuals).append(item)
            mode = kind + "+"  # numbered items after the sentence go on with the list
        return mode

    # -- money, score -------------------------------------------------------------------

    def _money(self, body: str) -> None:
        f = self.rules.funds
        fields = {"initial_budget": f.initial_budget, "budget": f.budget,
                  "allocated": f.allocated, "invested": f.invested, "executed": f.executed,
                  "balance": f.balance, "paid": f.paid}
        labels = [(w, field) for field, words in fields.items() for w in words]
        barrier = _barrier_re()
        part = False  # after 其中 / 包括 in the sentence: its figures are parts of the whole
        last_field = ""  # the field of the sentence's last figure read
        for clause in re.split(r"[,;]", body):
            previous_end = 0
            cited = _CITATION_RE.search(clause) is not None
            for m in _money_re().finditer(clause):
                before = clause[previous_end:m.start()]
                previous_end = m.end()
                sub = next((w for w in f.sub if w in before), None)
                # (其中建筑工程3292万元): a part inside its bracket only
                bracketed = _in_sub_bracket(clause, m.start(), f.sub)
                is_part = part or sub is not None or bracketed
                # a kind of spending (项目支出87.5万元) names no field, outside a list of parts
                gap = _mask_payment(before if is_part else _mask_kinds(before))
                gap, named = self._mask_name(gap)
                field = _nearest_label(gap, labels, f.within, barrier)
                if field == "paid" and not _paid_object(gap, f):
                    field = None  # (发放成本目标值为1元/人: no sum paid out)
                if field is None and sub is not None:  # 其中:人员经费支出434.89万元
                    field = _nearest_label(gap.split(sub)[-1], labels, f.within, barrier)
                if field is None and is_part and named and last_field and not bracketed:
                    # 项目总投资1807万元,其中<the project's fund>850万元: the part the report is
                    # on is its figure of the whole's field
                    field, is_part = last_field, False
                if field is None and not is_part and last_field and _total_word_re().match(
                        before.strip()):
                    field = last_field  # 第一批150万元,第二批50万元,共计200万元: their total
                if not bracketed:
                    part = part or sub is not None
                power = _power(m)
                number = read_number(_restore(m.group("n")))
                whole = not is_part and power is not None and number is not None \
                    and _spent_whole_re().match(clause[m.end():]) is not None
                if whole and field in (None, "budget", "allocated"):
                    # 资金3728万元全部执行到位: the sum allotted is the sum spent
                    self.fund_clauses.add(clause.strip())
                    self.money.append(_Money(field or "allocated", number, power, cited, named,
                                             any(w in before for w in f.total)))
                    field = "executed"
                if field is None or power is None or number is None:
                    continue
                if field != "paid":  # (a sum paid may yet be no fund's: its clause stays read)
                    self.fund_clauses.add(clause.strip())
                if is_part:
                    label = re.sub(r"^[\s:(]+", "", before.split(sub)[-1] if sub else before)
                    self.parts.append((_restore(label.strip()), "budget"
                                       if field in ("allocated", "invested") else field,
                                       number, power))
                else:
                    totalled = any(w in before for w in f.total)
                    self.money.append(_Money(field, number, power, cited, named, totalled))
                    last_field = field
            previous_end = 0
            for m in _PERCENT_RE.finditer(clause):
                before = clause[previous_end:m.start()]
                previous_end = m.end()
                if _nearest_label(before, [(w, "rate") for w in f.rate], f.within, barrier) \
                        and not _named_rate(before):
                    number = read_number(_restore(m.group("n")))
                    if number is not None:
                        self.rates.append(number)
                        self.fund_clauses.add(clause.strip())

    def _mask_name(self, gap: str) -> tuple[str, bool]:
        """The text before a figure with the project's name (the title's) as one character,
        and whether it names the project."""
        if self.title_name and self.title_name in gap:
            return gap.replace(self.title_name, "名"), True
        return gap, False

    def _total(self, body: str) -> None:
        t = self.rules.totals
        for clause in re.split(r"[,;]", body):
            for m in _total_re().finditer(clause):
                if any(w in m.group("filler") for w in t.not_total):
                    continue
                number = read_number(_restore(m.group("n")))
                if number is not None:
                    own = self.under_self or any(w in body for w in t.self_words)  # 经自评,…
                    self.totals.append((number, own))
            g = _grade_re().search(clause)
            if g is not None and not self.grade:
                self.grade = g.group("grade")

    # -- the result ---------------------------------------------------------------------

    def report(self) -> Report:
        indicators = self._indicators()
        funds, funds_unread = self._funds()
        title = find_title(self.lines)
        head, name, year, department, implementer = "", "", None, "", ""
        if title is not None:
            self.used.update(self.origin[title.line])
            head = self.lines[title.line][:_limits().max_title]
            name, year = title.name, title.year
            cover = cover_labels(self.lines)
            if title.whole or not name:  # a department's whole spending: its unit
                name = _unit_label(self.lines) or name
            if title.whole and not name:  # the site the report is on (欢迎来到南县政协网站)
                name = _site_unit(self.lines[:title.line + 1])
            if title.whole and not name:  # the unit on a line of its own beside the title
                name = next((line for line in self.lines[max(0, title.line - 2):title.line + 3]
                             if _is_placed_unit(line) and not _site_unit([line], any_name=True)),
                            "")
            if name in self.rules.title.kinds:  # 建设项目: a kind, the text names the project
                name = _named_kind(self.lines[title.line + 1:], name)
            if cover.get("name") and not title.whole and not title.inner:
                # 项目名称: on the cover names the project; the title's words before its naming
                # words may be a kind of spending (关于省级财政项目支出绩效自评情况报告)
                name = cover["name"]
            if year is None:
                year = cover.get("year")
            department = cover.get("department", "")
            if department == name:  # 部门(单位)名称 of a unit's own report: the unit is the case
                department = ""
            implementer = cover.get("implementer", "")
            if year is None:  # the year the report speaks of (2021年部门决算收支)
                year = next((y for line in self.lines[title.line:] if (y := _body_year(line))),
                            None)
        untitled = None
        if title is None:  # a report that prints no title: what it says it assessed
            from .reporthead import untitled_head

            untitled = untitled_head(self.lines)
            if untitled is not None:
                head = self.lines[0][:_limits().max_title] if untitled.assessed else ""
                name, year = untitled.name, untitled.year
                if year is None and not untitled.name:
                    year = next((y for line in self.lines if (y := _body_year(line))), None)
        # a report: its naming words, and evidence it is a self-assessment
        titled = untitled is not None or title is not None and (
            self.evident or self._read_count() > 0 or self.outline
            or bool(cover_labels(self.lines).get("name")))  # (a cover: 项目名称:…)
        # the department's own score: in a sentence saying 自评, or any score of a
        # self-assessment report (评价得分 in a 绩效评价报告 may be the evaluators')
        own = any(w in head for w in self.rules.totals.self_words)
        scores = list(dict.fromkeys(v for v, labelled in self.totals if labelled or own))
        total, total_unread = None, ""
        if len(scores) == 1:
            total = scores[0]
        elif scores:
            total_unread = "ambiguous"
            self.notes.append(("ambiguous", "、".join(f"{t}分" for t in scores)))
        return Report(
            year=year if titled else None, name=_restore(name) if titled else "",
            department=_restore(department) if titled else "",
            implementer=_restore(implementer) if titled else "",
            titled=titled, outlined=titled and self.outline, resulted=self.resulted, funds=tuple(funds.items()),
            fund_rows=tuple(self.rows),
            funds_unread=tuple(funds_unread.items()), indicators=tuple(indicators),
            claimed_total=total, total_unread=total_unread, grade=self.grade, cut=self.cut,
            open_at_cut=self.open_at_cut, notes=tuple((k, _restore(t)) for k, t in self.notes),
            used=tuple(sorted(self.used)))

    def _funds(self) -> tuple[dict[str, Decimal], dict[str, str]]:
        # a sum paid out (发放补助资金, 拨付专项资金) is the executed amount when the report states
        # a budget (or what was allocated) and no executed amount by its words; no sum otherwise
        paid = not any(m.field == "executed" for m in self.money) and any(
            m.field in ("budget", "allocated", "invested") for m in self.money)
        money = [attrs.evolve(m, field="executed") if m.field == "paid" else m
                 for m in self.money if m.field != "paid" or paid]
        powers = {m.power for m in money}
        # one unit throughout: as printed (like a form's 元 column); mixed: all in 万元
        def amount(number: Decimal, power: int) -> Decimal:
            if len(powers) == 1:
                return number
            value = number.scaleb(power - 4).normalize()  # 1200 元 → 0.12 万元, no E notation
            return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value

        seen: dict[str, list[Decimal]] = {}
        plain: dict[str, list[Decimal]] = {}  # figures stated without a document's citation
        named: dict[str, list[Decimal]] = {}  # figures the text names the project for
        totalled: dict[str, list[Decimal]] = {}  # figures after 合计, 共计 …
        # a sum allocated (下达, 批复, 到位) is the budget when no budget is stated
        as_budget = "budget" if not any(m.field == "budget" for m in money) else ""
        # a project's investment (总投资) is, before what was allocated (批复, 下达)
        invested = as_budget if any(m.field == "invested" for m in money) else ""
        for m in money:
            field = invested or m.field if m.field == "invested" \
                else (as_budget and not invested and "budget") or m.field \
                if m.field == "allocated" else m.field
            if field in ("allocated", "invested"):
                continue
            value = amount(m.number, m.power)
            for kept, holds in ((seen, True), (plain, not m.cited), (named, m.named),
                                (totalled, m.totalled)):
                if holds and value not in kept.setdefault(field, []):
                    kept[field].append(value)
        if len(set(self.rates)) == 1:
            seen["claimed_rate"] = [self.rates[0]]
        elif self.rates:
            seen["claimed_rate"] = list(dict.fromkeys(self.rates))
        funds: dict[str, Decimal] = {k: v[0] for k, v in seen.items() if len(v) == 1}
        unread: dict[str, str] = {}
        for field, values in seen.items():
            if len(values) > 1:
                chosen = _by_arithmetic(field, values, funds)
                for kept in (named, totalled, plain):
                    if chosen is None and len(kept.get(field, ())) == 1:
                        # the project's own, the total stated as one, or the total beside
                        # the allocations by document
                        chosen = kept[field][0]
                if chosen is None:
                    chosen = _sum_of_others(values)  # 3374.3 + 2069.51 + 778.59 = 6222.4
                if chosen is not None:
                    funds[field] = chosen
                else:
                    unread[field] = "ambiguous"
                    self.notes.append(("ambiguous", "、".join(str(v) for v in values)))
        self.rows = []
        for field, whole in funds.items():
            parts = [(label, amount(n, p)) for label, f, n, p in self.parts if f == field]
            # the parts a sentence lists after 其中 are rows of the funds table when they
            # add up to the whole (the form's arithmetic: children sum to their parent)
            if len(parts) >= 2 and all(label for label, _ in parts) \
                    and sum(v for _, v in parts) == whole:
                self.rows.extend((label, field, v) for label, v in parts)
        return funds, unread

    def _indicators(self) -> list[ProseIndicator]:
        found = list(self.found)
        by_name = {_key(f.name): f for f in found}

        def merge(name: str, field: str, value: str, levels: dict[str, str], cut: bool,
                  at: int, pos: int) -> None:
            f = by_name.get(_key(name))
            if f is None:
                f = _Found(name, {}, levels, at=at, pos=pos)
                found.append(f)
                by_name[_key(name)] = f
            if cut:
                if field not in f.values:
                    f.unread[field] = "cut"
            elif field in f.values and f.values[field] != value:
                f.values.pop(field)
                f.unread[field] = "ambiguous"
                self.notes.append(("ambiguous", f"{name}: {value}"))
            elif f.unread.get(field) != "ambiguous":
                f.values[field] = value
                f.unread.pop(field, None)
            if not f.levels and levels:
                f.levels = levels

        targets = [t for t in self.targets if t.name]
        for t in self.targets:
            if not t.name:  # a figure in a list of targets, with nothing to say what it is
                self.notes.append(("unplaced", t.value))
        for t in targets:
            merge(t.name, "target", t.value, t.levels, t.cut, t.at, t.pos)
        pairs = self._pairs(targets)
        for t, a in pairs:
            merge(t.name, "actual", a.value, t.levels or a.levels, a.cut, t.at, t.pos)
        paired = {id(a) for _, a in pairs}
        for a in self.actuals:
            if id(a) in paired:
                continue
            name = _bare_name(a.name)
            if not self.targets and a.levels and a.listed and _name_ok(name) \
                    and not _has_figure(name) \
                    and _key(name) not in by_name and not _money_or_points(a.value):
                # stated by its value alone under a category heading (处治里程8公里): the
                # actual; with an operator (满意度≥95%) a target or an actual, which is unsaid
                ambiguous = _has_operator(a.value)
                f = _Found(name, {} if ambiguous or a.cut else {"actual": a.value}, a.levels,
                           at=a.at, pos=a.pos)
                if ambiguous:
                    f.unread.update(target="ambiguous", actual="ambiguous")
                elif a.cut:
                    f.unread["actual"] = "cut"
                found.append(f)
                by_name[_key(name)] = f
            else:
                self.notes.append(("unplaced", f"{a.name}{a.value}"))
        with_actual = {id(t) for t, _ in pairs}
        for t in targets:
            f = by_name[_key(t.name)]
            if id(t) not in with_actual and "actual" not in f.values:
                f.unread.setdefault("actual", "cut" if self.cut else "unplaced")
        self._statements(found, by_name)
        own = {_key(f.name) for f in found if not _shared_names(f.name)}
        found = [g for f in found for g in _shared(f)
                 if g.name == f.name or _key(g.name) not in own]  # (one stated on its own)
        found.sort(key=lambda f: (f.pos, f.at))
        return [ProseIndicator(name=_restore(f.name), target=_restore(f.values.get("target", "")),
                               actual=_restore(f.values.get("actual", "")),
                               weight=_restore(f.values.get("weight", "")),
                               score=_restore(f.values.get("score", "")),
                               level1=f.levels.get("level1", ""), level2=f.levels.get("level2", ""),
                               unread=tuple(sorted(f.unread.items())))
                for f in found]

    def _statements(self, found: list[_Found], by_name: dict[str, _Found]) -> None:
        """The indicators the token reader (importer/statements.py) reads by their cue words,
        into ``found``: a field the sentences above did not give is filled (never one they
        gave, nor one they left unread as ambiguous or cut); an indicator they did not read
        at all is added; one they read from a piece of a value the token reader reads whole
        (各印刷 | 250册 of 预期目标:各印刷250册) is dropped."""
        from .statements import read_statements  # (it builds on this module)

        statements = read_statements(self.lines, self.fund_clauses)
        titled = find_title(self.lines) is not None
        touched: set[int] = set()
        for s in statements:
            f = by_name.get(_key(s.name)) or _same_indicator(found, s)
            if f is None and not titled and not (s.level1 or s.level2) \
                    and not (s.target and s.actual):
                continue  # (a text that is no report, stating one figure of something)
            if f is None:
                f = _Found(s.name, {}, {k: v for k, v in (("level1", s.level1),
                                                          ("level2", s.level2)) if v},
                           pos=s.at)
                f.unread.update(dict(s.unread))
                found.append(f)
                by_name[_key(s.name)] = f
            extra = f.name.replace(s.name, "", 1) if s.name in f.name else f.name
            if extra and (_heading(extra.strip(" :,"))[0] is not None
                          or _heading(extra.strip(" :,") + "指标")[0] is not None
                          or re.search(_alt(_label_words()), extra)):
                f.name = s.name  # (经济效益指标结余率, 目标值辖区企业满意率: a heading's or a label's words)
            for field, value in s.values().items():
                if field not in f.values and f.unread.get(field, "unplaced") == "unplaced":
                    f.values[field] = value  # (a target whose actual the lists did not pair)
                    f.unread.pop(field, None)
            if s.level1 or s.level2:  # (a level the sentences above did not give)
                f.levels = {"level1": f.levels.get("level1") or s.level1,
                            "level2": f.levels.get("level2") or s.level2}
            touched.add(id(f))
        values = [v for s in statements for v in s.values().values()]
        for f in list(found):
            if id(f) in touched or not f.values:
                continue
            name = _key(f.name)
            if any(len(name) >= 2 and name in _key(v) and all(x in v for x in f.values.values())
                   and len(v) > len(name) for v in values):
                found.remove(f)

    def _pairs(self, targets: list[_Item]) -> list[tuple[_Item, _Item]]:
        """Targets and actuals of two lists, paired by name; by position only when no actual
        carries a name and the lists are equally long."""
        actuals = self.actuals
        if not targets or not actuals:
            return []
        if not any(a.name for a in actuals):
            if len(actuals) == len(targets):
                return list(zip(targets, actuals))
            self.notes.append(("ambiguous", "、".join(a.value for a in actuals)))
            return []
        pairs, used = [], set()
        for a in actuals:
            if not a.name:
                continue
            k = _key(a.name)
            same = [t for t in targets if _key(t.name) == k and id(t) not in used]
            if not same:
                same = [t for t in targets if id(t) not in used
                        and (k in _key(t.name) or _key(t.name) in k)]
            if len(same) == 1 and _same_kind(same[0].value, a.value):
                pairs.append((same[0], a))
                used.add(id(same[0]))
        return pairs


def _shared_names(name: str) -> tuple[str, ...]:
    """The names of several indicators a sentence lists before one value they share
    (资金到位率、支付率均达100%: the name read is 资金到位率、支付率均): each name, when the list
    ends with a word that says the value is each one's (均, 都, 全部: rules/prose.toml
    words.shared) and every part is a name; () otherwise — without that word, or with a part
    that is no name, which indicator the value is stays unsaid."""
    w = load_prose_rules().words
    word = next((x for x in sorted(w.shared, key=len, reverse=True) if name.endswith(x)), "")
    if not word or not w.shared_joins:
        return ()
    parts = [p.strip(" :,") for p in re.split(_alt(w.shared_joins), name[:-len(word)])]
    if len(parts) < 2 or not all(_name_ok(p) and not _has_figure(p) for p in parts) \
            or len({_key(p) for p in parts}) < len(parts):
        return ()
    return tuple(parts)


def _shared_value(value: str) -> str:
    """A value without the word that says it is each indicator's (均不低于95% → 不低于95%)."""
    for x in sorted(load_prose_rules().words.shared, key=len, reverse=True):
        if value.startswith(x) and _is_quantity(value[len(x):]):
            return value[len(x):]
    return value


def _shared(f: _Found) -> list[_Found]:
    """``f`` as the indicators its name lists before a value they share, each with that value
    (see _shared_names); ``f`` itself, its values without the sharing word, otherwise."""
    values = {k: _shared_value(v) for k, v in f.values.items()}
    names = _shared_names(f.name)
    if not names:
        return [attrs.evolve(f, values=values) if values != f.values else f]
    return [attrs.evolve(f, name=n, values=dict(values), levels=dict(f.levels),
                         unread=dict(f.unread)) for n in names]


def _same_indicator(found: Sequence[_Found], s: Any) -> _Found | None:
    """The indicator of ``found`` a statement read by its cue words is (its name within the
    other's, or the other's within its), when one is."""
    k = _key(s.name)
    same = [f for f in found if k and _key(f.name) and (k in _key(f.name) or _key(f.name) in k)]
    if len(same) == 1:
        return same[0]
    # the same values under a name that is a label's words (初目标值: 年初目标值 misprinted)
    strong = _limits().strong_label
    values = s.values()
    same = [f for f in found if values and all(f.values.get(k) == v for k, v in values.items())
            and (any(len(w) >= strong and w in f.name for w in _label_words())
                 or _heading(f.name + "指标")[0] is not None)]  # (经济效益: a heading's stem)
    return same[0] if len(same) == 1 else None


@cache
def _spent_whole_re() -> re.Pattern[str]:
    """The words after a sum saying all of it was spent (3728万元全部执行到位)."""
    words = load_prose_rules().funds.spent_whole
    return re.compile(rf"^\s*(?:{_alt(words)})" if words else r"(?!)")


@cache
def _fund_name_re() -> re.Pattern[str]:
    """The words between a money label and its figure that are a fund's name (下达我市中央补助
    地方公共文化服务体系建设专项资金1883万元): no distance, as the project's name is none."""
    ends = load_prose_rules().funds.fund_ends
    reach = _limits().label_reach
    words = load_prose_rules().words.connectors + load_prose_rules().funds.total
    return re.compile(rf"[\u4e00-\u9fff()]{{0,{reach}}}(?:{_alt(ends)})(?:{_alt(words)})?"
                      if ends else r"(?!)")


@cache
def _total_word_re() -> re.Pattern[str]:
    """A clause that opens with a total's word and states nothing else (共计200万元)."""
    connectors = load_prose_rules().words.connectors
    return re.compile(rf"^(?:{_alt(load_prose_rules().funds.total + ('共',))})"
                      rf"(?:{_alt(connectors)})?\s*$")


def _sum_of_others(values: list[Decimal]) -> Decimal | None:
    """Of three or more figures stated for a field (in the order stated), the last when it is
    the sum of all the others: a total after its batches."""
    if len(values) < 3 or values[-1] * 2 != sum(values):
        return None
    return values[-1]


def _in_sub_bracket(clause: str, at: int, subs: Sequence[str]) -> bool:
    """``at`` stands inside a bracket that opens with a part's word (…(其中建筑工程3292万元)."""
    reach = _limits().label_reach  # (bounded work on a long run of figures)
    opened = clause.rfind("(", max(0, at - reach), at)
    if opened < 0 or ")" in clause[opened:at]:
        return False
    return any(w in clause[opened:at] for w in subs)


@cache
def _kinds_re() -> re.Pattern[str]:
    return re.compile(_alt(load_prose_rules().funds.kinds))


def _mask_payment(text: str) -> str:
    """The ways a fund is paid (转移支付, [title] payment) masked as name characters: the 支付
    in 转移支付资金 is no label of the sum spent."""
    for word in load_prose_rules().title.payment:
        text = text.replace(word, "某" * len(word))
    return text


def _named_rate(before: str) -> bool:
    """The rate word nearest before a percent ends an indicator's name (收购价格执行率, 管理制度
    严格执行率): a bare rate word (执行率) after words that are none of the funds' ([funds]
    rate_leads: 预算, 资金 …). The funds' own rate opens its clause or follows such a word."""
    f = load_prose_rules().funds
    bare = [(before.rfind(w), w) for w in f.rate if w in before]
    if not bare or not f.rate_leads:
        return False
    at, word = max(bare, key=lambda p: (p[0] + len(p[1]), len(p[1])))
    if word not in f.bare_rates:
        return False
    lead = before[:at].rstrip()
    return bool(lead) and _CJK.search(lead[-1:]) is not None and not lead.endswith(f.rate_leads)


def _mask_kinds(text: str) -> str:
    """Kinds of spending (项目支出, 基本支出) as barriers: a figure after one is not the sum
    spent or budgeted (its field is not stated)."""
    return _kinds_re().sub(lambda m: KIND * len(m.group()), text)


KIND = "\ue001"


def _by_arithmetic(field: str, values: list[Decimal], funds: dict[str, Decimal]) -> Decimal | None:
    """Of two figures stated for the budget (or the spending), the one that 执行率 = 执行数 /
    预算数 confirms, when exactly one does."""
    rate = funds.get("claimed_rate")
    other = funds.get("executed" if field == "budget" else "budget")
    if field not in ("budget", "executed") or rate is None or other is None:
        return None
    fits = []
    for v in values:
        r = ratio(other, v) if field == "budget" else ratio(v, other)
        if r is None:
            continue
        exponent = rate.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if agrees(rate, r * 100, places, "half_up") or agrees(rate, r * 100, places, "truncate"):
            fits.append(v)
    return fits[0] if len(fits) == 1 else None


@cache
def _list_label_re() -> re.Pattern[str]:
    lists = load_prose_rules().lists
    return re.compile(rf"(?P<label>{_alt(lists.target + lists.actual)})(?:为|是)?\s*:")


@cache
def _item_re() -> re.Pattern[str]:
    return re.compile(rf"^(?P<name>.{{0,40}}?)\s*(?P<value>{_quantity()})$")


@cache
def _glued_item_re() -> re.Pattern[str]:
    ops = load_vocabulary().operators
    before = _alt(ops.before_ge + ops.before_gt + ops.before_le + ops.before_lt)
    return re.compile(rf"^(?P<name>[^\d]{{2,40}}?)\s*(?P<value>(?=(?:{before}))"
                      rf"{_quantity()})(?=[\u4e00-\u9fff]{{4,}}$)")


@cache
def _barrier_re() -> re.Pattern[str]:
    f = load_prose_rules().funds
    v = load_vocabulary()
    return re.compile(rf"\d|{KIND}|{_alt(f.sub + f.revenue + v.explanation.reasons + v.negation.words)}")


@cache
def _total_re() -> re.Pattern[str]:
    t = load_prose_rules().totals
    connectors = load_prose_rules().words.connectors
    return re.compile(rf"(?P<label>{_alt(t.labels)})(?P<filler>[^\d,;]{{0,8}}?)(?:{_alt(connectors)})?"
                      rf"\s*(?P<n>{_NUM})\s*分")


@cache
def _grade_re() -> re.Pattern[str]:
    t = load_prose_rules().totals
    connectors = load_prose_rules().words.connectors
    return re.compile(rf"(?:{_alt(t.grade_labels)})(?:{_alt(connectors)})?\s*[“\"]?"
                      rf"(?P<grade>{_alt(t.grades)})(?![\u4e00-\u9fff])")


def _paid_object(gap: str, f: FundWords) -> bool:
    """Whether the text between a verb of paying out (发放) and a sum names what was paid: nothing
    or a connector (向A县发放60万元, 发放共98万元), or words ending in a fund's word (发放补助资金:
    rules/prose.toml funds.paid_objects)."""
    at = max((gap.rfind(w) + len(w) for w in f.paid if w in gap), default=-1)
    if at < 0:
        return False
    rest = gap[at:].strip(" :")
    rest = re.sub(rf"(?:{_alt(load_prose_rules().words.connectors)})$", "", rest).strip(" :")
    return not rest or rest.endswith(tuple(f.paid_objects))


def _nearest_label(before: str, labels: list[tuple[str, str]], within: int,
                   barrier: re.Pattern[str]) -> str | None:
    """The field of the label nearest before a figure: it ends at most ``within`` characters
    (bracketed text not counted) before it, with no figure and no barrier word between."""
    best: tuple[int, int, str] | None = None
    before = before[-(within + _limits().label_reach):]  # bounded work on a long run of figures
    for word, field in labels:
        at = before.rfind(word)
        if at < 0:
            continue
        gap = _plain_gap(before[at + len(word):])
        if len(re.sub(r"\([^)]*\)", "", gap)) > within \
                and not _fund_name_re().fullmatch(gap.strip()) or barrier.search(gap):
            continue
        rank = (at + len(word), len(word))
        if best is None or rank > best[:2]:
            best = (*rank, field)
    return best[2] if best else None


_GAP_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年度?")


@cache
def _gap_count_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.])\d{{1,3}}\s*(?:{_alt(load_prose_rules().funds.counts)})")


def _plain_gap(gap: str) -> str:
    """The text between a money label and its figure, a year (2023年) as one character and a
    count of items (8个项目) as none: neither is a figure that stands between them."""
    return _gap_count_re().sub("", _GAP_YEAR_RE.sub("年", gap))


def _split_items(segment: str, rules: ProseRules) -> list[str]:
    items = rf"(?:{'|'.join(rules.markers.items)})"
    seps = "|".join(re.escape(s) for s in rules.lists.separators)
    return [re.sub(rf"^\s*{items}\s*", "", p).strip() for p in re.split(seps, segment)]


_UNIT_RE = re.compile(rf"{_NUM}\s*(?P<unit>[^\d]*)$")


def _unit(value: str) -> str | None:
    """The unit after a value's number (``≥95%`` → %, ``230人`` → 人, ``21`` → ""), without
    an operator after it (以上, 以内); None for a value with no number."""
    m = _UNIT_RE.search(value.strip())
    if m is None:
        return None
    unit = m.group("unit").strip()
    ops = load_vocabulary().operators
    for word in sorted(ops.after_ge + ops.after_le, key=len, reverse=True):
        unit = unit.removesuffix(word)
    return unit


def _same_kind(target: str, actual: str) -> bool:
    """A target and its actual measure the same thing: when both are figures with a unit,
    the same unit (a figure without one may be either)."""
    a, b = _unit(target), _unit(actual)
    return not (a in _known_units() and b in _known_units()) or a == b


@cache
def _known_units() -> frozenset[str]:
    """Units a figure is measured in (rules/vocabulary.toml [units]), 万元 and the like too."""
    v = load_vocabulary()
    u = v.units
    plain = u.money + u.percent + u.permille + u.count + u.durations + tuple(u.aliases)
    return frozenset(plain) | {m + w for m in v.numbers.multipliers for w in plain}


def _without_heading(name: str) -> str:
    """A name without the section heading a run glued to it (二、绩效目标完成情况养护里程 →
    养护里程: the heading's marker, then words up to a heading's ending)."""
    marker = _section_re().match(name)
    if marker is None:
        return name
    ends = _alt(load_prose_rules().evidence.heading_ends)
    m = re.match(rf"[^,;:]{{0,{_limits().max_heading}}}?(?:{ends})", name[marker.end():])
    rest = name[marker.end() + (m.end() if m else 0):]
    return rest if len(rest) >= 2 else name


def _target_tail(name: str) -> bool:
    """``name`` ends with the label of a target (…覆盖率目标值, …人数的年度目标)."""
    w = load_prose_rules().words
    tails = sorted(w.name_tail + w.connectors, key=len, reverse=True)
    while True:
        if any(name.endswith(t) and len(name) > len(t) for t in w.target):
            return True
        tail = next((t for t in tails if name.endswith(t) and len(name) > len(t)), None)
        if tail is None:
            return False
        name = name[:-len(tail)]


def _strip_tail(name: str) -> str:
    """A name without the words between it and its label (满意度指标绩效 → 满意度), nor the
    first part of a longer label (道路养护里程实际 | 完成 → 道路养护里程)."""
    w = load_prose_rules().words
    tails = sorted(w.name_tail + w.target + w.actual, key=len, reverse=True)
    while True:
        tail = next((t for t in tails if name.endswith(t) and len(name) - len(t) >= 2), None)
        if tail is None:
            return name
        name = name[:-len(tail)]


def _is_quantity(text: str) -> bool:
    return _quantity_re().fullmatch(text.strip()) is not None


@cache
def _quantity_re() -> re.Pattern[str]:
    return re.compile(_quantity())


def _has_figure(text: str) -> bool:
    return re.search(r"\d", text) is not None


def _name_ok(name: str) -> bool:
    """A name: 2 to 40 characters with some Chinese, not a label's word (年初, 指标)."""
    return 2 <= len(name) <= 40 and _CJK.search(name) is not None \
        and name not in _label_words()


@cache
def _label_words() -> frozenset[str]:
    w, lists = load_prose_rules().words, load_prose_rules().lists
    return frozenset(w.target + w.actual + w.name_tail + w.plan + lists.target + lists.actual)


def _key(name: str) -> str:
    """A name as two lists are paired by: no quotes, brackets or spaces, nor the words that
    may stand before a figure (共完成老旧小区改造 / 完成老旧小区改造 → 老旧小区改造)."""
    return _drop_leads(re.sub(r"[\s“”\"'‘’()（）《》]", "", name),
                       load_vocabulary().quantity.before)


def _bare_name(name: str) -> str:
    """An item's name without the words that open a statement of what was done (该项目, 完成,
    工程量: 完成工程量波型护栏 → 波型护栏)."""
    return _drop_leads(name.strip(" :,"),
                       load_vocabulary().quantity.before + load_prose_rules().lists.lead)


@cache
def _longest_first(words: Words) -> Words:
    return tuple(sorted(words, key=len, reverse=True))


def _drop_leads(text: str, words: Words) -> str:
    """``text`` without the words of ``words`` it opens with, one after another, longest
    first, as long as two characters are left."""
    lead = _longest_first(words)
    while True:
        word = next((w for w in lead if text.startswith(w) and len(text) - len(w) >= 2), None)
        if word is None:
            return text
        text = text[len(word):]


def _money_or_points(value: str) -> bool:
    """A sum of money or a number of points (收到专项资金16万元, 自评得分94.5分): the funds' or
    the score's, not an indicator stated by its value alone."""
    unit = _unit(value) or ""
    money = load_vocabulary().units.money
    return unit == "分" or unit.endswith(tuple(money))


def _has_operator(value: str) -> bool:
    """A value with a comparison (≥95%, 不低于90%, 95%以上): a target's way of stating it."""
    ops = load_vocabulary().operators
    before = ops.before_ge + ops.before_gt + ops.before_le + ops.before_lt
    v = value.strip()
    return v.startswith(tuple(before)) or v.endswith(tuple(ops.after_ge + ops.after_le))


def _without_linker(name: str) -> str:
    """An item's name without the word linking it to its figure (居民满意度达到 → 居民满意度)."""
    for word in sorted(load_vocabulary().quantity.linkers, key=len, reverse=True):
        if name.endswith(word) and len(name) - len(word) >= 2:
            return name[:-len(word)]
    return name


@attrs.frozen
class Title:
    """What a report's title says: its year (None when it names none), its project ("" when
    it names none), whether it reports a department's whole spending, and its line."""

    year: int | None
    name: str
    whole: bool
    line: int
    stem: str = ""  # the words before the naming words, as printed (year and unit included)
    inner: str = ""  # the project a bracket (or a subtitle) after the title names


# a year, or one a copying site masked (20xx年度: printed, not readable)
_YEAR_RE = re.compile(r"(?<!\d)(?:((?:19|20)\d{2})(?!\d)\s*(?:年度|年)?"
                      r"|(?<![A-Za-z])(?:20)?[xX×]{2}\s*年度?)")
# a year the report's text speaks of (2021年部门决算): not a date (2022年4月), nor in a citation
_BODY_YEAR_RE = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s*年(?:度)?(?!\s*\d{1,2}\s*月)")
_BOUNDARY_RE = re.compile(r"[,。;:!?>›]")  # (a breadcrumb's steps too: 首页 > … > 正文)


def _without_chrome(line: str) -> str:
    """A line without a web page's metadata or breadcrumb (索引号 | … | 发布机构, 当前位置:
    首页>…, 来源:… 浏览量): the text before the first of its words."""
    at = min((line.find(w) for w in load_prose_rules().page.chrome if w in line), default=-1)
    return line if at < 0 else line[:at].strip()


@cache
def _naming_re() -> re.Pattern[str]:
    return re.compile(load_prose_rules().title.naming)


@cache
def _lead_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(load_prose_rules().title.lead)})+")


@cache
def _unit_re() -> re.Pattern[str]:
    """A unit's name at the start of a text: a place (2 to 8 characters and 县/市/区 …), then
    up to 12 characters and an organisation's ending (局, 中心, 学校 …)."""
    t = load_prose_rules().title
    return re.compile(rf"^[\u4e00-\u9fff]{{2,8}}?(?:{_alt(t.places)})[\u4e00-\u9fff]{{0,12}}?"
                      rf"(?:{_alt(t.unit_suffixes)})")


def _is_placed_unit(text: str) -> bool:
    """The whole text is a unit's name with its place (益阳市赫山区城市管理和综合执法局)."""
    return re.fullmatch(_unit_re().pattern.removeprefix("^"), text) is not None


def _is_unit(text: str) -> bool:
    t = load_prose_rules().title
    return 3 <= len(text) <= 30 and _CJK.match(text) is not None \
        and text.endswith(tuple(t.unit_suffixes))


def _trim(part: str) -> str:
    t = load_prose_rules().title
    part = re.sub(r"\s+", "", part)
    ends = tuple(load_prose_rules().funds.fund_ends)
    for word in sorted(t.payment, key=len, reverse=True):
        # …专项资金转移支付: the fund, paid as a transfer (中央食品监管专项转移支付 is one)
        if part.endswith(word) and part[:-len(word)].endswith(ends):
            part = part[:-len(word)]
            break
    kinds = tuple(t.spending_after)
    while True:
        tail = next((w for w in sorted(t.tail, key=len, reverse=True)
                     if part.endswith(w) and len(part) > len(w)), None)
        if tail is None:
            return part
        if tail in t.spending and kinds and not part[:-len(tail)].endswith(kinds):
            return part  # 工资性支出, 商品和服务支出: a kind of spending is the name
        part = part[:-len(tail)]


def _title_of(before: str, after: str, next_line: str, n: int) -> Title | None:
    """The title whose naming words stand between ``before`` and ``after`` (the rest of the
    line; ``next_line`` may hold the bracketed project name)."""
    t = load_prose_rules().title
    clauses = _BOUNDARY_RE.split(before)
    segment = clauses[-1].strip()
    if "《" in segment:  # a title quoted (…整理的《某某项目绩效自评报告》): the quoted words
        segment = segment.rsplit("《", 1)[1]
    if len(segment) > _limits().max_title_part or _naming_re().search(segment):
        return None  # a sentence that speaks of a report, not a title
    segment = _lead_re().sub("", _section_re().sub("", segment)).strip()  # (四、自评结果: a heading)
    year_m = _YEAR_RE.search(segment)
    pre, body = (segment[:year_m.start()].strip(), segment[year_m.end():]) if year_m \
        else ("", segment)
    pre = pre.split()[-1] if pre.split() else ""  # (a unit's name has no space: 有效 | 某某中心)
    body = re.sub(r"\s+", "", body)
    inner = ""
    m = re.match(r"\s*[(（]([^()（）]{2,40})[)）]", after) or (
        re.fullmatch(r"\s*[(（]([^()（）]{2,40})[)）]\s*", next_line) if not after.strip() else None)
    if m:
        inner = re.sub(r"\s+", "", m.group(1))
        if any(w in inner for w in t.not_names) or _has_figure(_YEAR_RE.sub("", inner, count=1)):
            inner = ""  # (通用5篇), (征求意见稿): words about the text, not a project
    elif not after.strip() and t.subtitle:
        # a subtitle line under the title (——2022年度残疾人康复项目): its name, as a bracket's
        sub = re.fullmatch(rf"\s*(?:{_alt(t.subtitle)})\s*(?:(?:19|20)\d{{2}}\s*年度?)?"
                           r"((?:[^,;:。()（）]|[(（][^,;:。()（）]{1,20}[)）]){2,60})\s*", next_line)
        if sub:
            inner = re.sub(r"\s+", "", sub.group(1))
    whole_word = next((w for w in sorted(t.whole, key=len, reverse=True)
                       if w in body or w in inner), None)
    generic = set(t.generic)
    if whole_word is not None:
        rest = body.split(whole_word)[0] if whole_word in body else ""
        name = rest if _is_unit(rest) else pre if _is_unit(pre) else ""
    else:
        body = _trim(body)
        name = body if len(body) >= 2 and body not in generic else ""
        if inner and inner not in generic:
            # 某某镇2021年度部门预算项目支出绩效自评报告(2021年城乡临时救助备用金): the bracket
            # names the project the report is on, the words before it the kind of spending
            name = inner
        unit = _unit_re().match(name)
        if unit and len(name) - unit.end() >= 4:
            name = name[unit.end():]  # 西平县交通运输局 | 财政衔接推进乡村振兴资金项目
        if not name and _is_unit(pre):
            name = pre  # a report naming a unit and no project: the unit's spending
        elif not name and not body and pre and not inner:
            # 某某自治区文物局中央转移支付2020年度绩效自评报告: the name before the year, after
            # the unit
            unit = _unit_re().match(pre)
            rest = pre[unit.end():] if unit else ""
            name = rest if len(rest) >= 2 and _CJK.match(rest) else ""
    year = int(year_m.group(1)) if year_m and year_m.group(1) else None
    alone = len(clauses) == 1 and not after.strip(" .")  # the line is the title, and only it
    if year_m is None and (len(clauses) > 1 or not name and whole_word is None and not alone):
        return None  # (…填写自评表格,形成本评价报告: a sentence, not a title)
    return Title(year, name, whole_word is not None, n, stem=segment, inner=inner)


def _body_year(line: str) -> int | None:
    """The first year a line of the report's text speaks of, outside any citation."""
    line = re.sub(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]", "", line)
    m = _BODY_YEAR_RE.search(line)
    return int(m.group(1)) if m else None


def find_title(lines: Sequence[str]) -> Title | None:
    """A report's title, by its naming words (rules/prose.toml [title]) anywhere in the
    opening part of the text, page chrome skipped: a title line, a heading after a page's
    metadata, or the sentence "现将…绩效自评报告如下"."""
    rules = load_prose_rules()
    budget = rules.title.opening
    bare: Title | None = None
    for n, line in enumerate(lines):
        if budget <= 0:
            break
        line = _without_chrome(line)
        if not line:
            continue
        head = line[:budget]
        budget -= len(line)
        for m in _naming_re().finditer(head):
            before = head[:m.start()]
            rest = _trim(_lead_re().sub("", before.strip()).strip())
            if n > 0 and (not rest or rest in rules.title.generic):
                # a title broken over two lines (…2023年度中央水利发展资金 | 绩效自评报告): the
                # line before it, when it is no sentence and no page chrome
                above = _without_chrome(lines[n - 1])
                if above == lines[n - 1] and _YEAR_RE.search(above) \
                        and not above.endswith(tuple(rules.terminal)) \
                        and not _BOUNDARY_RE.search(above) \
                        and len(above) <= rules.limits.max_title_part:
                    before = above + before
            title = _title_of(before, line[m.end():], lines[n + 1] if n + 1 < len(lines)
                              else "", n)
            if title is not None and (title.year is not None or title.name or title.whole):
                first = _first_of_collection(lines, n, line[:m.end()])
                if first is not None:
                    return first
                return _repeated(title, lines, n + 1, budget)
            if m.group().endswith("报告"):  # (a lone 评价结果 is a heading or a cell)
                bare = bare or title  # a title naming nothing (项目绩效自评报告): if none better
    return bare


def _first_of_collection(lines: Sequence[str], n: int, title: str) -> Title | None:
    """An essay site's collection (某某绩效自评报告(通用5篇), then 某某绩效自评报告1 over each
    report): the title the first report's own words give after its heading line (现将我镇…
    衔接资金项目绩效自评报告公布如下), when they give one; None when the text is no collection."""
    key = re.sub(r"\s+", "", _without_chrome(title))
    marks = load_prose_rules().title.collection
    if not key or not marks:
        return None
    mark = re.compile(rf"{re.escape(key)}\s*(?:{'|'.join(marks)})(?!\d)")
    budget = load_prose_rules().title.opening
    for k in range(n + 1, len(lines)):
        heading = mark.match(lines[k])
        if heading is not None:  # (the first report's text may run on on its heading's line)
            run_on = lines[k][heading.end():].strip()
            start = k if run_on else k + 1  # the line rest[0] is (or is the end of)
            rest = [run_on, *lines[k + 1:]] if run_on else list(lines[k + 1:])
            own = find_title(rest) if rest else None
            if own is not None and own.name and not _first_of_collection(rest, own.line, key):
                return attrs.evolve(own, line=start + own.line)
            return None
        budget -= len(lines[k])
        if budget <= 0:
            return None
    return None


def _repeated(title: Title, lines: Sequence[str], start: int, budget: int) -> Title:
    """The title as the document itself prints it, when a page repeats it (its summary, its
    heading, then the document's own title with the project in brackets on the next line):
    the last repetition that names the project in brackets, else ``title``."""
    found = title
    for n in range(start, len(lines)):
        if budget <= 0:
            break
        line = _without_chrome(lines[n])
        budget -= len(line)
        m = _naming_re().search(line[:budget + len(line)]) if line else None
        if m is None:
            continue
        again = _title_of(line[:m.start()], line[m.end():],
                          lines[n + 1] if n + 1 < len(lines) else "", n)
        if again is not None and again.inner and again.stem == title.stem \
                and again.year == title.year:
            found = again
    return found


def _site_unit(lines: Sequence[str], any_name: bool = False) -> str:
    """The unit whose site a page greets its reader on ([title] site: 欢迎来到某某县政协网站),
    when it is a unit's name (``any_name``: whatever it names)."""
    for pattern in load_prose_rules().title.site:
        for line in lines:
            m = re.search(pattern, line)
            if m is not None and (any_name or _is_unit(m.group("unit"))):
                return m.group("unit")
    return ""


def _unit_label(lines: Sequence[str]) -> str:
    """The unit a cover's label names (部门(单位)名称: X), in the opening part."""
    labels = _alt(load_prose_rules().title.unit_labels)
    for line in lines[:40]:
        m = re.search(rf"(?:{labels})\s*:?\s*(?P<v>[\u4e00-\u9fff()]{{3,30}})", line)
        if m and _is_unit(m.group("v")):
            return m.group("v")
    return ""


def _named_kind(lines: Sequence[str], kind: str) -> str:
    """The project a title naming only its kind (建设项目) stands for: the first name the text
    gives after a year that ends with the kind (2021年度…道路建设项目); "" when it gives none."""
    pattern = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}\s*年度?([\u4e00-\u9fff]{{2,40}}?{re.escape(kind)})")
    for line in lines:
        m = pattern.search(line)
        if m:
            return m.group(1)
    return ""


def cover_labels(lines: Sequence[str]) -> dict[str, Any]:
    """What a report's cover states by its labels (项目名称:…, 评价年度:2022, 预算部门(公章):…),
    in the opening part (a label's value may be on the next line): {"name", "year",
    "department"} as found."""
    t = load_prose_rules().title
    text = "\n".join(lines[:40])
    out: dict[str, Any] = {}
    seal = r"(?:\([^()]{1,6}\))?"  # (公章)
    labels = t.project_labels + t.year_labels + t.department_labels + t.implementer_labels
    said = r"\s*(?::|为)\s*"  # 主管部门: X / 主管部门为X
    end = rf"(?=\s|$|[,;。]|{_alt(labels)})"
    m = re.search(rf"(?:{_alt(t.project_labels)}){seal}\s*:\s*(?P<v>[^\s,;:。]{{2,60}}?){end}", text)
    if m and _CJK.search(m.group("v")):
        out["name"] = m.group("v")
    m = re.search(rf"(?:{_alt(t.year_labels)}){seal}\s*:\s*(?P<v>(?:19|20)\d{{2}})(?!\d)", text)
    if m:
        out["year"] = int(m.group("v"))
    for field, words in (("department", t.department_labels),
                         ("implementer", t.implementer_labels)):
        if not words:
            continue
        m = re.search(rf"(?:{_alt(words)}){seal}{said}(?P<v>[^\s,;:。]{{3,30}}?){end}", text)
        if m and _is_unit(m.group("v")):
            out[field] = m.group("v")
    return out


def report_title(text: str) -> tuple[int | None, str] | None:
    """(year, project name) of a report's title in ``text`` (``2022年度残疾人康复项目支出绩效
    自评报告``), wherever in its opening part it stands; None when it has none."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in _half(text).split("\n")]
    title = find_title([line for line in lines if line])
    return None if title is None else (title.year, _restore(title.name))


def summary_score(cells: Sequence[str]) -> Decimal | None:
    """The score a text before a form states as the department's own (绩效自评综述: …项目绩效自评
    得分为95分), when it is no report of its own (no report's title) and states one score."""
    report = read_report("\n".join(cells))
    if report.titled or find_title(_lines("\n".join(cells))[0]) is not None:
        return None
    return report.claimed_total


def read_report(text: str, *, evident: bool = False) -> Report:
    """Everything a report in prose states (see the module docstring); never raises on text.
    ``evident``: the text that follows is known to show it is a self-assessment."""
    reader = _Reader(text, evident)
    reader.read()
    return reader.report()


# --- into the recogniser's draft --------------------------------------------------------

_FUND_FIELDS = ("initial_budget", "budget", "executed", "claimed_rate")
# what a report states of its money when it states any: a missing one was not read. (年初预算
# is seldom in a report: not stated, it is left out, as a reader transcribing it would.)
_FUND_TRIO = ("budget", "executed", "claimed_rate")


def _closed(parser: Any) -> bool:
    """A section heading (三、 (三)) follows the last cell the tables read: the report is cut
    off after its tables, not inside them."""
    last = max(parser.used, default=None)
    if last is None:
        return False
    return any(_section_re().match(parser.toks[i].text.strip())
               for i in range(last + 1, parser.end) if parser.toks[i].key)


def _span_lines(parser: Any, tokens: Sequence[int]) -> tuple[list[str], list[list[int]]]:
    """The text of a form's cells as lines, and each line's tokens: a glued sheet's cells of
    one line (cut at its labels) joined back; a run of words (line ends lost) broken after
    a sentence's end and before a section's marker; any other cell a line."""
    lines: list[str] = []
    owners: list[list[int]] = []
    previous: Any = None
    words = parser.mode == "words" and not parser.glued
    for i in tokens:
        tok = parser.toks[i]
        text = tok.text.replace("\n", " ")
        if parser.glued and previous is not None and tok.row == previous.row:
            lines[-1] += text
            owners[-1].append(i)
        elif words and previous is not None and not previous.text.endswith(
                (*load_prose_rules().terminal, ":")) and not _starts_re().match(text) \
                and not _is_heading(lines[-1]) and not _title_word(text, previous.text) \
                and not (_title_word(text) and _without_chrome(lines[-1]) != lines[-1]
                         and not lines[-1].endswith(">")) \
                and _without_chrome(text) == text and _without_chrome(previous.text) == previous.text \
                and not (_title_word(previous.text) and not text.startswith(("(", "（"))):
            lines[-1] += " " + text
            owners[-1].append(i)
        else:
            lines.append(text)
            owners.append([i])
        previous = tok
    return lines, owners


def _title_word(text: str, before: str = "") -> bool:
    """A word (of a run of words) that is a report's whole title, or ends one: a line of its
    own after page chrome — not the last step of a breadcrumb (首页 > … > …自评报告)."""
    m = _naming_re().search(text)
    if m is None or before.endswith(">"):
        return False
    if before and _CJK.search(before) and _without_chrome(before) == before:
        return False  # (南县财政局2020年度 | 机关整体支出绩效评价报告: one title)
    return not before or len(text[:m.start()].strip()) >= 4


def _complete(ind: Mapping[str, Any], unread: Mapping[str, str]) -> bool:
    """An indicator row with its name, target and actual all read."""
    return all(ind.get(f) and f not in unread for f in ("name", "target", "actual"))


def _prose_over_table(draft: Any, lines: Sequence[str]) -> bool:
    """A titled report whose "table" is its own sentences cut at their labels (数量指标:,
    指标名称:, 一是…): no row of it holds a name, a target and an actual, while the report
    read as prose states at least one indicator whole. The sentences are then the report's
    indicators, not the rows."""
    if any(_complete(ind, draft.unread.get(("indicators", n), {}))
           for n, ind in enumerate(draft.indicators)):
        return False
    report = read_report("\n".join(lines))
    return report.titled and any(
        _complete(attrs.asdict(i), dict(i.unread or {})) for i in report.indicators)


def _drop_table(draft: Any) -> None:
    """Forget the rows a table reading gave (see :func:`_prose_over_table`)."""
    draft.indicators = []
    draft.unread = {k: v for k, v in draft.unread.items() if k[0] != "indicators"}
    for field in ("indicators", "funds", "narrative", "goal"):
        draft.unread.get(("project", 0), {}).pop(field, None)
    draft.has_table = False
    draft.ended = False


def fill_draft(parser: Any, tokens: Sequence[int]) -> None:
    """What a report in prose states, into the draft of :class:`.recognise._Parser` ``parser``
    for what its tables did not give: the indicators when no table was read, the money, the
    title's year and project, the self-score, and whether the report is cut off inside what
    it reports.  A form with a table that is not a report (no report title) is left alone."""
    draft = parser.draft
    lines, owners = _span_lines(parser, tokens)
    if draft.has_table and not report_title("\n".join(lines[:_limits().title_cells])):
        return
    if draft.has_table and _prose_over_table(draft, lines):
        _drop_table(draft)
    if draft.has_table and parser.used:  # a table's cells are its reader's: the report is
        first, last = min(parser.used), max(parser.used)  # the text around them
        tokens = [i for i in tokens if not first <= i <= last]
        lines, owners = _span_lines(parser, tokens)
    report = read_report("\n".join(lines))
    goes_on = False  # the report goes on after the span
    if not report.titled and draft.headless and parser.end < len(parser.toks) \
            and report_title("\n".join(lines)) is not None:
        # a report's cover (title, 部门(单位)名称) before a line the recogniser took for a
        # form's title: the text after it shows whether it is a self-assessment
        rest, _ = _span_lines(parser, [i for i in range(parser.end, len(parser.toks))
                                       if parser.toks[i].key and not parser.toks[i].dup])
        whole = read_report("\n".join(lines + rest))
        # (its headings, not a table's cells; or a cover naming the project: 项目名称:…)
        if whole.outlined or whole.titled and cover_labels(lines + rest).get("name"):
            report = read_report("\n".join(lines), evident=True)
            goes_on = True
            cover = cover_labels(lines + rest)  # (项目名称:… on the cover, after the title)
            title = find_title(lines)
            own = cover.get("name", "") if title is None or not (title.whole or title.inner) \
                else ""  # (项目名称: on the cover names the project, as in read_report)
            report = attrs.evolve(report, name=own or report.name,
                                  year=report.year if report.year is not None
                                  else cover.get("year"),
                                  department=report.department or cover.get("department", ""),
                                  implementer=report.implementer
                                  or cover.get("implementer", ""))
    if not draft.has_table and not (report.titled or report.indicators):
        return
    if parser.glued and not report.titled:
        return  # a run of text cut at its labels (quoting a cell another sheet reads whole)
    if draft.headless and parser.end < len(parser.toks) and not report.read_anything \
            and not goes_on:
        return  # only the title of the form that follows
    if not draft.has_table and report.indicators:
        for ind in report.indicators:
            values = {k: v for k, v in attrs.asdict(ind).items() if v and k != "unread"}
            at = len(draft.indicators)
            parser.add_indicator(values, None)
            if ind.unread and len(draft.indicators) > at:
                draft.unread.setdefault(("indicators", at), {}).update(dict(ind.unread))
        draft.has_table = True
        # the columns the sentences gave: a report stating no 分值/得分 is scored unscored
        points = tuple(f for f in ("weight", "score")
                       if any(getattr(i, f) for i in report.indicators))
        parser.schema = ("name", "target", "actual", *points)
        parser.note("prose", detail=str(len(report.indicators)))
        draft.ended = not (report.cut and (report.open_at_cut or report.claimed_total is None))
    elif not draft.has_table:  # a report with no indicator list: it says where they are;
        # one that states neither indicators nor a score stops before its results
        draft.ended = not report.cut and (report.claimed_total is not None
                                           or bool(report.total_unread) or report.resulted)
    else:  # a table inside a report, which goes on to a later section
        draft.ended = draft.ended or not report.cut or (
            report.claimed_total is not None and _closed(parser))
    draft.from_prose = True
    draft.titled = draft.titled or report.titled
    # placed: the lines that gave a field, and the report's own words (headings, narrative:
    # no figure in them); a line with a figure that gave nothing stays "unplaced"
    parser.used.update(i for i in tokens if not _has_figure(parser.toks[i].text))
    parser.used.update(i for n in report.used for i in owners[n])
    for kind, text in report.notes:
        parser.note(kind, text)
    if not any(k in draft.funds for k in _FUND_FIELDS):
        draft.funds.update(report.funds)
        if not draft.fund_rows:
            for label, field, value in report.fund_rows:
                draft.fund_rows.append({"source": label, field: value})
        unread = dict(report.funds_unread)
        if report.funds or unread:  # the figures a report gives, the others not stated
            unread.update({k: "unplaced" for k in _FUND_TRIO
                           if k not in draft.funds and k not in unread})
            draft.unread.setdefault(("funds", 0), {}).update(unread)
        else:
            draft.unread.setdefault(("project", 0), {})["funds"] = (
                "cut" if report.cut else "unplaced")
    title = find_title(lines) if report.titled else None
    printed = draft.project.get("year")
    if title is not None and title.year is not None and printed is not None \
            and printed != title.year and not draft.has_table:
        # 某局2023年…项目支出绩效自评报告 over a line (2024年度): the project's year and the
        # assessment's, two readings of one field
        draft.project.pop("year")
        draft.unread.setdefault(("project", 0), {})["year"] = "ambiguous"
        parser.note("ambiguous", f"{title.year}、{printed}")
    elif report.year is not None:
        draft.project.setdefault("year", report.year)
    if report.name and not draft.project.get("name"):
        draft.project["name"] = report.name
    for field in ("department", "implementer"):
        if getattr(report, field) and not draft.project.get(field):
            draft.project[field] = getattr(report, field)
    if "claimed_total" not in draft.narrative:
        if report.claimed_total is not None:
            draft.narrative["claimed_total"] = report.claimed_total
        elif report.total_unread:
            draft.unread.setdefault(("narrative", 0), {})["claimed_total"] = report.total_unread
    if report.grade and "claimed_grade" not in draft.narrative:
        draft.narrative["claimed_grade"] = report.grade
