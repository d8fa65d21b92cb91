"""Cell text and the vocabulary of the forms: column labels, row labels, 一级/二级 categories.

Two kinds of normalisation:

* :func:`clean` is what a case keeps: HTML tags dropped, whitespace runs removed (PDF and web
  flattening puts spaces inside Chinese words: ``"完成 2021 年全区重 点招商引"``), except that
  one space stays between two ASCII letters or digits (``"Windows 10"``).  Fullwidth
  punctuation is kept as printed.
* :func:`key` is what labels are compared by: NFKC (fullwidth ``（）：`` → ASCII), no
  whitespace, no trailing colon, no ``(A)``/``(B)`` column tags.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache

from ..numbers import read_number
from ..vocabulary import load_vocabulary
from .settings import import_settings

__all__ = [
    "FUND_COLUMNS",
    "INDICATOR_COLUMNS",
    "clean",
    "fund_row_label",
    "indicator_column",
    "is_blank",
    "is_l1",
    "is_l2",
    "is_operator",
    "is_placeholder_name",
    "key",
    "number",
    "percent",
]

_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_WS_RE = re.compile(r"\s+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: object) -> str:
    """The cell as a case keeps it (see the module docstring)."""
    if text is None:
        return ""
    s = _TAG_RE.sub("", str(text))
    s = _CONTROL_RE.sub(" ", s).replace("\u3000", " ").replace("\xa0", " ")
    parts = _WS_RE.split(s.strip())
    out = parts[0]
    for part in parts[1:]:
        if not part:
            continue
        if out and _ascii_alnum(out[-1]) and _ascii_alnum(part[0]):
            out += " " + part
        else:
            out += part
    return out


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


_COLUMN_TAG_RE = re.compile(r"\((?:[A-Z]|B/A1?|A/B)\)$")
# a points tag ending a label, "(50分)" or "50分", written backwards ("分)05(")
_SCORE_TAG_REVERSED = re.compile(r"\)分\d+(?:\.\d+)?\(|分\d+(?:\.\d+)?")


def key(text: str) -> str:
    """The comparison form of a label."""
    s = unicodedata.normalize("NFKC", text)
    s = "".join(s.split())
    s = s.rstrip(":").replace("：", ":")
    return _COLUMN_TAG_RE.sub("", s)


def strip_points(text: str) -> str:
    """``"产出指标(50分)"`` → ``"产出指标"``.  The tag ends the label, so it is matched on the
    reversed text from its start: linear, where a search for ``…分$`` tries every start
    inside a run of digits (a cell of 20,000 digits took minutes)."""
    if not text:
        return ""
    s = key(text)
    tag = _SCORE_TAG_REVERSED.match(s[::-1])
    return s[:len(s) - tag.end()] if tag else s


_BLANKS = {"", "/", "-", "—", "--", "——", "－", "／", "\\", "…", "……", "...", "无"}


def is_blank(text: str) -> bool:
    """An empty cell or a placeholder for one ("/", "-", "—")."""
    return key(text) in _BLANKS - {"无"}


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------

def number(text: str) -> Decimal | None:
    """A plain number (``"49.78"``, ``"1,000"``, ``"8分"``), keeping its digits; else None."""
    return read_number(key(text).removesuffix("分").removesuffix("万元"))


@cache
def _amount_affixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, int], ...]]:
    units = load_vocabulary().units  # rules/vocabulary.toml
    scales = tuple(sorted(units.amount_scales.items(), key=lambda t: len(t[0]), reverse=True))
    return tuple(units.currency_signs), tuple(sorted(units.amount_units, key=len, reverse=True)), \
        scales


def amount_units() -> tuple[str, ...]:
    """The units a funds amount may carry in its cell that leave it as printed (万元, 万),
    longest first (rules/vocabulary.toml ``amount_units``)."""
    return _amount_affixes()[1]


def money(text: str) -> Decimal | None:
    """A funds table's amount, in 万元: a plain number, or one with a currency sign before it
    or the table's unit after it (``￥1,268.72``, ``49.78 万元``, ``5.0万``), or a larger unit
    (``1.2亿元`` is 12000); else None."""
    s = key(text)
    signs, units, scales = _amount_affixes()
    for sign in signs:
        if s.startswith(sign):
            s = s[len(sign):]
            break
    for unit, power in scales:  # 1.2亿元: in 万元, 12000
        if s.endswith(unit) and len(s) > len(unit):
            n = read_number(s[:-len(unit)])
            return n * Decimal(10) ** power if n is not None else None
    for unit in units:
        if s.endswith(unit) and len(s) > len(unit):
            s = s[:-len(unit)]
            break
    return read_number(s)


def percent(text: str) -> Decimal | None:
    """``"100.00%"`` → 100.00, ``"86%"`` → 86, ``"0"`` → 0 (a rate as printed)."""
    s = key(text)
    s = s.removesuffix("%")
    return number(s)


def points(text: str) -> Decimal | None:
    """A 分值/得分 cell: a plain number, or ``8分``; never an amount (``50万元``)."""
    s = key(text)
    return number(s) if not s.endswith("万元") else None


_FIGURE_RE = re.compile(r"^[≥≤><=]*[+-]?\d+(?:\.\d+)?[%‰]?[\u4e00-\u9fff/A-Za-z²]{0,4}$")


def is_figure(text: str) -> bool:
    """A figure with at most a short unit (``157.62亿元``, ``2021年``, ``≥95%``): a value,
    never a sentence of reasons."""
    return bool(_FIGURE_RE.match(key(text)))


# ---------------------------------------------------------------------------------------
# 指标性质 and 度量单位
# ---------------------------------------------------------------------------------------

_OPERATORS = {"=", "≥", "≤", ">", "<", ">=", "<=", "≧", "≦", "⩾", "⩽", "定性", "定量", "≠"}


def is_operator(text: str) -> bool:
    return key(text) in _OPERATORS


_KNOWN_UNITS = frozenset(load_vocabulary().units.importer)  # rules/vocabulary.toml


def is_known_unit(text: str) -> bool:
    """A measure word that is only ever a 度量单位, never a 完成值 (``元``, ``%``, ``元/人``)."""
    return key(text) in _KNOWN_UNITS


def is_unit(text: str) -> bool:
    """Could be a 度量单位 cell: short, no digits, not an operator."""
    s = key(text)
    return 0 < len(s) <= 4 and not any(c.isdigit() for c in s) and not is_operator(s)


# ---------------------------------------------------------------------------------------
# 一级 / 二级 categories
# ---------------------------------------------------------------------------------------

_L2_KEYS = {
    "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
    "满意度", "服务对象满意度", "经济成本", "社会成本", "生态环境成本", "生态成本",
    "可持续发展", "可持续性", "环境效益", "进度", "效率",
}
_L1_KEYS = {
    "产出", "完成", "效益", "效果", "满意度", "成本", "项目完成", "项目产出", "项目效益",
    "项目决策", "项目管理", "项目绩效", "产出目标", "效益目标", "满意度目标",
}
_L1_ONLY = {"产出", "完成", "项目完成", "项目产出", "项目效益", "项目决策", "项目管理",
            "项目绩效", "产出目标", "效益目标", "满意度目标", "效果"}


@cache
def _taxonomy_keys() -> tuple[frozenset[str], frozenset[str]]:
    try:
        from ..taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    except (OSError, ValueError):  # pragma: no cover - the shipped rules are always there
        return frozenset(), frozenset()
    l1 = {_category_key(a) for c in taxonomy.level1 for a in c.aliases}
    l2 = {_category_key(x) for c in taxonomy.level1 for x in c.level2}
    return frozenset(l1), frozenset(l2)


def _category_key(label: str) -> str:
    s = strip_points(label).removesuffix("等")  # 服务对象满意度指标等: the template's "… etc."
    return s.removesuffix("指标") if s != "指标" else s


def is_l2(text: str) -> bool:
    """A 二级指标 label (数量指标, 经济效益, 服务对象满意度指标 …)."""
    k = _category_key(text)
    return bool(k) and (k in _L2_KEYS or k in _taxonomy_keys()[1]) and k not in _L1_ONLY


def is_l1(text: str) -> bool:
    """A 一级指标 label (产出指标, 效益指标(30分), 项目决策 …)."""
    k = _category_key(text)
    return bool(k) and (k in _L1_KEYS or k in _taxonomy_keys()[0])


def l1_words() -> frozenset[str]:
    """Every 一级 label the vocabulary knows (keys), for matching a label OCR garbled."""
    return frozenset(_L1_KEYS) | frozenset(_taxonomy_keys()[0])


def opens_level2(text: str, following: str | None) -> bool:
    """Is ``text`` a 一级 label, given the cell after it?  ``满意度指标 满意度指标``: yes;
    ``成本指标 成本``: no (成本指标 is the 二级 and 成本 its 三级 name)."""
    if not is_l1(text):
        return False
    if not is_l2(text):
        return True
    return following is not None and is_l2(following) \
        and key(following).removesuffix("等").endswith("指标")


def belongs_to(level2: str, level1: str) -> bool | None:
    """Does rules/taxonomy.toml list the 二级 ``level2`` under the 一级 ``level1``?  None when
    ``level1`` is no 一级 the taxonomy names (a form's own categories)."""
    try:
        from ..taxonomy import load_taxonomy

        taxonomy = load_taxonomy()
    except (OSError, ValueError):  # pragma: no cover - the shipped rules are always there
        return None
    k1, k2 = _category_key(level1), _category_key(level2)
    for category in taxonomy.level1:
        if k1 in {_category_key(a) for a in category.aliases}:
            return k2 in {_category_key(x) for x in category.level2}
    return None


def is_l1_only(text: str) -> bool:
    return is_l1(text) and not is_l2(text)


_POINTS_ONLY_RE = re.compile(r"^\(\d+(?:\.\d+)?分\)$")


def is_points_only(text: str) -> bool:
    """``"(50分)"``: a 一级 cell whose label was lost in the flattening."""
    return bool(_POINTS_ONLY_RE.match(key(text)))


_PLACEHOLDER_RE = re.compile(r"^(?:指标\d*(?::[/／\-—]+)?|…+|\.{2,}|-+)$")


def is_placeholder_name(text: str) -> bool:
    """The template's filler 三级 cells: ``指标2``, ``……``, ``指标1:/`` (its text marked not
    applicable)."""
    return bool(_PLACEHOLDER_RE.match(key(text)))


# ---------------------------------------------------------------------------------------
# Column labels
# ---------------------------------------------------------------------------------------

INDICATOR_COLUMNS: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "指标名称": "name",
    "指标名称(三级指标)": "name",
    "指标性质": "operator",
    "年度指标值": "target",
    "预期指标值": "target",
    "指标值": "target",
    "年初目标值": "target",
    "年初指标值": "target",
    "目标值": "target",
    "年度目标值": "target",
    "计划指标值": "target",
    "度量单位": "unit",
    "计量单位": "unit",
    "实际完成值": "actual",
    "实际完成指标值": "actual",
    "完成值": "actual",
    "实施进度": "actual",
    "年终完成值": "actual",
    "实际值": "actual",
    "分值": "weight",
    "权重": "weight",
    "指标分值": "weight",
    "得分": "score",
    "自评得分": "score",
    "自评分": "score",
    "偏差原因分析及改进措施": "deviation",
    "未完成原因分析": "deviation",
    "未完成原因": "deviation",
    "偏差原因分析": "deviation",
    "偏差原因": "deviation",
    "原因分析": "deviation",
    "不适用": "not_applicable",
    "得分计算方法": "-",
    "复核分": "-",
    "评价标准": "-",
    "评价标准及依据": "-",
    "备注": "-",
}


def indicator_column(text: str) -> str | None:
    return INDICATOR_COLUMNS.get(key(text))


def is_indicator_section(text: str) -> bool:
    """The merged label left of the 绩效指标 header: 绩效指标(90分), 年度绩效指标完成情况 …"""
    k = key(text)
    return k.startswith(("绩效指标", "年度绩效指标", "年度绩效目标")) and len(k) <= 16


FUND_COLUMNS: dict[str, str] = {
    "年初预算数": "initial_budget",
    "年初预算": "initial_budget",
    "全年预算数": "budget",
    "调整后预算数": "budget",
    "调整后预算": "budget",
    "预算数": "budget",
    "全年预算": "budget",
    "全年执行数": "executed",
    "预算执行数": "executed",
    "执行数": "executed",
    "全年执行": "executed",
    "执行率": "rate",
    "预算执行率": "rate",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
    "原因": "reason",
    "得分计算方法": "method",
    "年度预算数(万元)": "-",
    "年度预算数": "-",
}


def fund_column(text: str) -> str | None:
    k = key(text)
    if k in FUND_COLUMNS:
        return FUND_COLUMNS[k]
    if k.startswith("得分("):
        return "score"
    return None


_FUND_TOTALS = {"年度资金总额", "总额", "资金总额", "年度财政资金总额", "项目资金总额", "年度总额"}
_FUND_ROWS = {"财政拨款", "本年财政拨款", "当年财政拨款", "上年结转资金", "上年结转", "其他资金",
              "财政资金", "财政专户管理资金", "单位资金", "中央资金", "省级资金", "市级资金",
              "县级资金", "本级资金", "自筹资金", "上级资金", "本级财政资金"}


_UNIT_TAG_RE = re.compile(r"\(万元[^()]*\)")


def fund_row_label(text: str) -> tuple[str, str] | None:
    """("total" | "row", label as printed without 其中) for a row label of the funds table."""
    k = _UNIT_TAG_RE.sub("", key(text)).rstrip(":")  # 年度资金总额(万元):, 其他资金(万元,…)
    bare = k.removeprefix("其中").lstrip(":")
    if bare in _FUND_TOTALS:
        return "total", clean(text)
    if bare in _FUND_ROWS:
        label = _UNIT_TAG_RE.sub("", clean(text).replace("（", "(").replace("）", ")"))
        label = label.rstrip(":：").strip()
        for prefix in ("其中:", "其中：", "其中"):
            if label.startswith(prefix):
                label = label[len(prefix):]
                break
        return "row", label.strip()
    return None


_FUNDS_STARTS: set[str] = set()  # the funds blocks' opening labels of rules/layouts


def is_funds_section(text: str) -> bool:
    k = key(text)
    return (k.startswith("项目资金") or "预算执行情况" in k or k in _FUNDS_STARTS) \
        and len(k) <= 24


# ---------------------------------------------------------------------------------------
# Header, goal and narrative labels
# ---------------------------------------------------------------------------------------

HEADER_FIELDS: dict[str, str] = {
    "项目名称": "name",
    "主管部门": "department",
    "主管部门及代码": "department",
    "项目主管单位": "department",
    "主管单位": "department",
    "实施单位": "implementer",
    "实施单位(盖章)": "implementer",
    "项目实施单位": "implementer",
    "项目编码": "code",
    "项目代码": "code",
    "项目主管部门": "department",
    "项目主管部门(单位)": "department",
    "项目年份": "year",
}
# header labels the case has no field for (项目负责人, 联系人 …): known as labels, so their
# values are not taken for the next field's, and read as "other" (rules/import.toml
# ignored_header_labels)
HEADER_FIELDS.update((key(label), "-") for label in import_settings().ignored_header_labels
                     if key(label) not in HEADER_FIELDS)


def split_at_header_label(text: str) -> tuple[str, str] | None:
    """A header value run into the next label (``2017项目主管部门(单位)``,
    ``县级储备粮负责人及电话…``, ``…管理局年初预算数``): (value, label and what follows), at
    the first header or funds label of four
    characters or more that starts after the value's second character (the longest there)."""
    k = key(text)
    best: tuple[int, int] | None = None
    for label in (*HEADER_FIELDS, *FUND_COLUMNS):
        if len(label) < 4:
            continue
        at = k.find(label, 2)
        if at > 0 and (best is None or at < best[0] or at == best[0] and len(label) > best[1]):
            best = (at, len(label))
    if best is None:
        return None
    return k[: best[0]], k[best[0]:]

GOAL_SECTIONS = {"年度总体目标", "年度总体目标完成情况", "项目年度目标完成情况", "1.项目年度目标完成情况",
                 "项目基本情况", "年度目标"}
GOAL_FIELDS = {
    "预期目标": "expected",
    "年初设定目标": "expected",
    "项目年度目标": "expected",
    "总体目标": "expected",
    "实际完成情况": "actual",
    "目标实际完成情况": "actual",
    "年度目标完成情况": "actual",
    "年度总体目标完成情况综述": "actual",
    "实际完成": "actual",
}

NARRATIVE_FIELDS = {
    "评价结论": "conclusion",
    "存在问题": "problems",
    "改进措施": "measures",
    "相关建议": "measures",
    "改进措施及建议": "measures",
    "项目实施内容及过程概述": "completion",
    "2.项目实施内容及过程概述": "completion",
    "项目完成情况": "completion",
    "项目效益情况": "benefit",
    "自评等级": "claimed_grade",
    "自评总分": "claimed_total",
}

FUNDS_EXTRA = {"原因": "reason", "预算调整说明": "adjustment_reason", "资金备注": "note",
               "结余": "balance", "结余资金": "balance"}

TOTAL_ROWS = {"合计", "总分", "总计", "综合得分", "自评总分合计"}


def split_label(text: str) -> tuple[str, str] | None:
    """``"项目负责人:查小兵"`` → ("项目负责人", "查小兵") when the part before ':' is a label."""
    s = clean(text)
    for sep in (":", "："):
        if sep in s:
            head, _, tail = s.partition(sep)
            k = key(head)
            if k in HEADER_FIELDS or k in NARRATIVE_FIELDS or k in GOAL_FIELDS:
                return k, tail.strip()
    return None


def split_label_pairs(text: str) -> list[str] | None:
    """A cell that runs several ``label:value`` pairs together, the lines of a form's cover
    joined (``评价类型:…项目名称:岳阳县…项目单位:…中心主管部门:…``): label and value cells
    again, cut before each header label followed by a colon.  None unless two such labels are
    there and the first stands at the start (a sentence that mentions one label is no run)."""
    s = clean(text).replace("：", ":")
    if s.count(":") < 2:
        return None
    labels = sorted((k for k in HEADER_FIELDS if len(k) >= 2), key=len, reverse=True)
    found = [(m.start(), m.end() - 1) for m in re.finditer(
        "(?:" + "|".join(re.escape(k) for k in labels) + "):", s)]
    if len(found) < 2 or found[0][0] != 0:
        return None
    out: list[str] = []
    for n, (a, b) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(s)
        out.append(s[a:b])
        value = s[b + 1:end].strip()
        if value:
            out.append(value)
    return out


def all_label_keys() -> frozenset[str]:
    return _all_labels()


@cache
def _all_labels() -> frozenset[str]:
    labels = set(INDICATOR_COLUMNS) | set(FUND_COLUMNS) | set(HEADER_FIELDS) | GOAL_SECTIONS
    labels |= set(GOAL_FIELDS) | set(NARRATIVE_FIELDS) | TOTAL_ROWS | _FUND_TOTALS | _FUND_ROWS
    labels |= {"项目资金", "项目资金(万元)", "项目预算执行情况", "绩效指标"} | set(FUNDS_EXTRA)
    return frozenset(labels)


def is_label(text: str) -> bool:
    k = key(text)
    return k in _all_labels() or is_l1(text) or is_l2(text)


def joins(first: str, second: str) -> str | None:
    """Two fragments of one label split over lines (``"经济效益" "指标"``, ``"年度" "指标值"``)."""
    a, b = key(first), key(second)
    if not a or not b or len(a) + len(b) > 16:
        return None
    both = a + b
    known = both in _all_labels() or ((is_l1(both) or is_l2(both)) and both.endswith("指标"))
    if not known:
        return None
    if b == "指标" or not (a in _all_labels() or is_l1(a) or is_l2(a)):
        return clean(first) + clean(second)
    if len(b) == 1 and b not in _all_labels():  # a label's last character on its own (实际完成 值)
        return clean(first) + clean(second)
    return None


def split_glued_column(text: str) -> tuple[str, str] | None:
    """An indicator column label glued to the text after it (``自评分资金使用合规性``, the
    header's last cell run into the table's first cell): (label, rest), the longest label."""
    k = key(text)
    for n in range(min(len(k) - 1, 12), 1, -1):
        if indicator_column(k[:n]):
            rest = k[n:]
            return (k[:n], rest) if rest and not indicator_column(rest[:2]) else None
    return None


_INDICATOR_FIELDS = {"level1", "level2", "name", "target", "actual", "operator", "unit",
                     "weight", "score", "deviation"}
_FUND_FIELDS = {"initial_budget", "budget", "executed", "rate", "weight", "score", "reason",
                "method"}
_HEADER_FIELDS = {"name", "department", "implementer", "code", "year"}


@cache
def extend_from_layouts() -> int:
    """Add the column labels of every ``rules/layouts/*.toml`` to the vocabulary (once).

    A label already known keeps its meaning; a layout column the case format has no field
    for (权重占比, 评分标准 …) is known as a column and read as "other" (``-``).  Returns how
    many labels were added.
    """
    from .layouts import all_labels

    added = 0
    tables = (("indicators", INDICATOR_COLUMNS, _INDICATOR_FIELDS),
              ("funds", FUND_COLUMNS, _FUND_FIELDS),
              ("header", HEADER_FIELDS, _HEADER_FIELDS))
    labels = all_labels()
    for kind, table, fields in tables:
        for label, field in labels.get(kind, {}).items():
            k = key(label)
            if k and k not in table:
                table[k] = field if field in fields else "-"
                added += 1
    from .layouts import load_layouts

    for label, field in labels.get("narrative", {}).items():
        k = key(label)
        if k and k not in NARRATIVE_FIELDS and field in ("problems", "measures", "conclusion",
                                                          "completion", "benefit",
                                                          "claimed_total", "claimed_grade"):
            NARRATIVE_FIELDS[k] = field
            added += 1
    for label, field in labels.get("goal", {}).items():
        k = key(label)
        if k and k not in GOAL_FIELDS and field in ("expected", "actual"):
            GOAL_FIELDS[k] = field
            added += 1
    for layout in load_layouts():
        for row in layout.block("indicators").rows if layout.block("indicators") else ():
            if key(row) not in _L1_KEYS:  # a layout's 一级 labels (投入目标 / 结果目标)
                _L1_KEYS.add(key(row))
                _L1_ONLY.add(key(row))
                added += 1
        block = layout.block("funds")
        for start in block.starts if block is not None else ():
            if key(start) not in _FUNDS_STARTS:
                _FUNDS_STARTS.add(key(start))
                added += 1
        for row in block.rows if block is not None else ():
            bare = key(row).removeprefix("其中").lstrip(":")
            if bare and bare not in _FUND_TOTALS and bare not in _FUND_ROWS:
                # a row naming a sum (年度总金额, 资金总计) is the table's total row
                (_FUND_TOTALS if "总" in bare and not key(row).startswith("其中")
                 else _FUND_ROWS).add(bare)
                added += 1
    if added:
        _all_labels.cache_clear()
    return added


@cache
def _category_re() -> re.Pattern[str]:
    l1, l2 = _taxonomy_keys()
    stems = (_L1_KEYS | _L2_KEYS | set(l1) | set(l2) | {"进度", "效果", "产出"}) - {"指标", ""}
    words = {s + "指标" for s in stems}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?:\(\d+(?:\.\d+)?分\))?|\(\d+(?:\.\d+)?分\)")


class _Found:
    """A category label found by its characters in scrambled order (OCR, a shuffling
    flattener: 出标产指 for 产出指标), standing in for a regex match."""

    def __init__(self, start: int, word: str) -> None:
        self._start, self._word = start, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._word)

    def group(self) -> str:
        return self._word


@cache
def _anagram_index() -> dict[tuple[int, str], str]:
    l1, l2 = _taxonomy_keys()
    stems = (_L1_KEYS | _L2_KEYS | set(l1) | set(l2)) - {"指标", ""}
    index: dict[tuple[int, str], str] = {}
    for stem in stems:
        word = stem + "指标"
        if len(word) >= 4:
            index.setdefault((len(word), "".join(sorted(word))), word)
    return index


def _with_anagrams(s: str, matches: list) -> list:  # type: ignore[type-arg]
    """Add the category labels whose characters appear scrambled, outside the exact matches
    and not inside a longer run of them (a 4- to 8-character window of exactly its characters)."""
    index = _anagram_index()
    taken = [False] * len(s)
    for m in matches:
        for k in range(m.start(), m.end()):
            taken[k] = True
    found = []
    k = 0
    while k < len(s):
        head = s[k:k + 8]
        if "指" not in head or "标" not in head:  # every word of the index ends in 指标
            k += 1
            continue
        hit = None
        for size in (8, 7, 6, 5, 4):
            window = s[k:k + size]
            if len(window) == size and not any(taken[k:k + size]):
                word = index.get((size, "".join(sorted(window))))
                if word is not None and window != word:
                    hit = _Found(k, word)
                    break
        if hit is not None:
            found.append(hit)
            k = hit.end()
        else:
            k += 1
    return sorted(matches + found, key=lambda m: m.start())


def split_categories(text: str) -> list[tuple[str, str]]:
    """A run of indicator rows with no boundaries, cut at its 一级/二级 labels (words ending
    in 指标, as the taxonomy and the forms print them): ("l1" | "l2" | "points" | "text",
    piece).  ``满意度指标`` followed at once by another label is the 一级 of that 二级."""
    s = unicodedata.normalize("NFKC", text)
    pieces: list[tuple[str, str]] = []
    pos = 0
    matches = _with_anagrams(s, list(_category_re().finditer(s)))
    for n, m in enumerate(matches):
        if m.start() > pos:
            pieces.append(("text", s[pos:m.start()]))
        word = m.group()
        adjacent = n + 1 < len(matches) and matches[n + 1].start() == m.end()
        if is_points_only(word):
            kind = "points"
        elif is_l1(word) and (not is_l2(word) or adjacent and is_l2(matches[n + 1].group())):
            kind = "l1"
        else:
            kind = "l2"
        pieces.append((kind, word))
        pos = m.end()
    if pos < len(s):
        pieces.append(("text", s[pos:]))
    return _tagged_l1(pieces)


_POINTS_TAG_RE = re.compile(r"[(（]\d+(?:\.\d+)?分[)）]$")


def _tagged_l1(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Where a run's 一级 labels carry their points (产出指标(40分)) and its 二级 labels none,
    a label that may be either printed with points (满意度指标(20分), then 服务对象满意度…) is
    a 一级."""
    tagged = [bool(_POINTS_TAG_RE.search(w)) for k, w in pieces if k == "l1"]
    if not tagged or not all(tagged) or any(
            _POINTS_TAG_RE.search(w) for k, w in pieces if k == "l2" and not is_l1(w)):
        return pieces
    return [("l1", w) if k == "l2" and _POINTS_TAG_RE.search(w) and is_l1(w) else (k, w)
            for k, w in pieces]


def fuzzy_indicator_column(text: str) -> tuple[str, str] | None:
    """A column label whose characters a scrambled or OCR-garbled header cell holds
    (``年成值全完值`` for 全年完成值): (label, field), when exactly one label of length ≥ 4
    has all its characters in the cell and the cell has at most two more."""
    k = key(text)
    if not 4 <= len(k) <= 10:
        return None
    found = {(label, field) for label, field in INDICATOR_COLUMNS.items()
             if len(label) >= 4 and len(k) - 2 <= len(label) <= len(k)
             and _multiset_le(label, k)}
    fields = {f for _, f in found}
    if len(fields) != 1:
        return None
    return max(found, key=lambda t: len(t[0]))


def _multiset_le(small: str, big: str) -> bool:
    rest = list(big)
    for c in small:
        if c not in rest:
            return False
        rest.remove(c)
    return True
