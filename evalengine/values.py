"""Parse the free text of an indicator's target (年度指标值) and actual (实际完成值).

:func:`parse_value` turns one cell into a typed :data:`Value`:

* :class:`Quantity` -- a measurable number: ``"≥95%"``, ``"49.78万元"``, ``"完成共500册"``;
* :class:`When` -- a date, deadline or period: ``"2021年10月中旬"``, ``"10月31日前"``;
* :class:`Claim` -- a short answer claiming completion: ``"完成"``, ``"基本达到"``, ``"否"``;
* :class:`Text` -- anything that cannot be measured, with the quantities found inside it;
* :class:`Empty` -- a blank cell or a placeholder (``"/"``, ``"无"``, ``"不适用"``).

It never raises on a ``str`` and never uses binary floats: every amount is a
:class:`~decimal.Decimal`, scaled exactly (万元 → 元 shifts the decimal exponent, so no
context precision is involved).  Every word it knows (units, operators, claim words and
their levels, negation, placeholders, date words) is in ``rules/vocabulary.toml``
(:mod:`evalengine.vocabulary`); the patterns are compiled from those lists at import time,
and only grammar (the calendar, Chinese numerals, ordinals) is written here.  :func:`lex`
cuts a cell into typed tokens over the same vocabulary; a :class:`Quantity` or :class:`When`
keeps in ``unknown`` the words it was read past without knowing them (rule I320).

How a cell is read, in order (the first step that decides wins):

1. **Normalise**: NFKC (fullwidth ``９５％`` → ``95%``, ``＞`` → ``>``), a few look-alike
   signs (``≧`` ``⩾`` ``−``), and remove all whitespace (PDF flattening puts spaces inside
   ``"达到 95% 及以上"``).  Whitespace *between two digits* becomes ``;`` so that two numbers
   from neighbouring cells are not glued into one.
2. **Empty**: nothing left, only dashes/slashes/dots, or one of 无 暂无 空 不适用 ….
3. **Claim**: the whole cell (at most :data:`CLAIM_MAX_CHARS` characters after trailing
   punctuation is dropped) must be made *only* of claim vocabulary:
   ``[subject][adverbs][verb][objects][tail]``, e.g. ``已`` + ``全部`` + ``完成``,
   ``部分`` + ``达成`` + ``年度指标`` + ``并具有一定效果``.  An optional subject of at most
   :data:`CLAIM_MAX_SUBJECT` characters is allowed before a two-character verb
   (``"质量达到要求"``, ``"按质按量完成"``).  This is the length/ratio heuristic: a sentence
   that merely *contains* 完成 among other words (``"完成2021年度电子政务外网…运维工作"``)
   never matches and stays :class:`Text`.  ``"已完成100%"`` / ``"100%完成"`` is a Claim
   carrying ``percent``.  按时 / 及时 alone are Claim ACHIEVED: as an *actual* that is what they
   mean; as a *target* they are really a qualitative Text, but one cell alone cannot tell
   which column it came from -- the caller can.
4. **Dates**: year-led dates (``2021年``, ``2021年度``, ``2021年10月底``, ``2021.10``,
   ``2021-10-31``, ``2021年第三季度``, ``2021年上半年``), month-led dates (``10月31日前``,
   ``1-12月``), quarters and halves are found and masked out.  If nothing but dates and a
   few filler words remain (at most :data:`DATE_MAX_RESIDUAL` other characters), or the cell
   is a schedule of two or more dates with no other numbers, it is a :class:`When` whose
   ``latest`` is the latest day any of the dates allows.  A 4-digit year must lie in
   1990–2100 to count as a year; ``"3年"`` is a duration (:class:`Quantity` in 年).
5. **One number**: if the (date-free) cell holds exactly one number, optionally with its
   unit, and little else, it is a :class:`Quantity`.  "Little else" means: after removing
   operators (≥, 不低于, 以上 …) and filler words (完成, 共, 各, 达到 …) at most
   :data:`QUANTITY_MAX_RESIDUAL` other characters remain, or -- when an operator or a
   linking word (达, 为, ``:``) joins a label to the number, as in ``"成本控制数≤30万元"``
   or ``"满意率达95%以上"`` -- the label has at most :data:`QUANTITY_MAX_LABEL` characters.
   A bare number takes its unit and operator from the ``unit`` / ``operator`` columns.
   Two numbers joined by ``-`` ``~`` ``至`` ``到`` (``"95%-100%"``, ``"3～5个"``) are a range:
   one :class:`Quantity` with operator ≥ and ``upper``.  ``"负5%"`` is -5; a decrease
   (``"下降5%"``, ``"同比降低3万元"``) is negative too, and an operator on it speaks of the
   size of the decrease (``"下降不低于5%"`` is ≤ -5%); ``"降至5%"`` is a ceiling of 5%.
6. Everything else is :class:`Text`, carrying the quantities (numbers *with* units) it
   contains, in order.

Normalised amounts: money in 元 (万元 ×10⁴, 亿元 ×10⁸, 千元 ×10³), percent as the percent
number (``"95%"`` → 95; ``‰`` is divided by 10), counts as written except that a 万/亿
multiplier is applied (``"1.2万人次"`` → 12000 人次).  A bare ``"45万"`` with no unit is a
PLAIN 450000: the parser does not guess that it means 万元.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

import attrs

from .numbers import read_number
from .vocabulary import load_vocabulary

__all__ = [
    "CLAIM_MAX_CHARS",
    "CLAIM_MAX_SUBJECT",
    "DATE_MAX_RESIDUAL",
    "QUANTITY_MAX_LABEL",
    "QUANTITY_MAX_RESIDUAL",
    "SCHEDULE_MAX_RESIDUAL",
    "Claim",
    "ClaimLevel",
    "Dimension",
    "Empty",
    "Operator",
    "Quantity",
    "Text",
    "Token",
    "TokenKind",
    "Value",
    "When",
    "lex",
    "parse_value",
    "repeats",
    "text_level",
]


# ---------------------------------------------------------------------------------------
# The value types
# ---------------------------------------------------------------------------------------


class Operator(enum.Enum):
    """How a target compares: 指标性质 (≥ > = ≤ <)."""

    GE = "≥"
    GT = ">"
    EQ = "="
    LE = "≤"
    LT = "<"

    @property
    def positive(self) -> bool:
        """More is better (≥, >)."""
        return self is Operator.GE or self is Operator.GT

    @property
    def reverse(self) -> bool:
        """Less is better (≤, <), e.g. a cost ceiling."""
        return self is Operator.LE or self is Operator.LT


class Dimension(enum.Enum):
    """What a :class:`Quantity` measures."""

    MONEY = "money"  # amount in 元
    PERCENT = "percent"  # amount is the percent number
    COUNT = "count"  # amount in the measure word ``unit``
    PLAIN = "plain"  # a bare number with no unit


class ClaimLevel(enum.Enum):
    """How much a :class:`Claim` says was done."""

    ACHIEVED = "achieved"
    MOSTLY = "mostly"
    PARTIAL = "partial"
    MISSED = "missed"


@attrs.frozen
class Quantity:
    """A measurable number.

    ``text`` is the original cell; for a quantity found inside a :class:`Text` it is the
    matched fragment of the normalised cell.
    """

    operator: Operator  # EQ when no operator is written
    amount: Decimal  # money in 元, percent as the percent number, counts as written
    unit: str  # "元", "%", a measure word (个 次 人 …), or "" for a bare number
    dimension: Dimension
    text: str
    upper: Decimal | None = None  # the top of a range ("95%-100%": amount 95, upper 100)
    each: bool = False  # "各印刷250册": the amount is per item of a list the row names
    unknown: tuple[str, ...] = ()  # words the vocabulary does not know, read past (see lex)


@attrs.frozen
class When:
    """A date, deadline or period; ``latest`` is the last day the text allows."""

    operator: Operator  # LE for 前/以前/之前/截止/底前, EQ otherwise
    latest: datetime.date | None  # None when no year is known
    text: str
    unknown: tuple[str, ...] = ()  # words the vocabulary does not know, read past (see lex)


@attrs.frozen
class Claim:
    """A short answer that claims (or denies) completion instead of giving a value."""

    level: ClaimLevel
    text: str
    percent: Decimal | None = None  # 100 for "已完成100%"


@attrs.frozen
class Text:
    """Text that cannot be measured, with the quantities (numbers with units) inside it."""

    text: str
    quantities: tuple[Quantity, ...] = ()


@attrs.frozen
class Empty:
    """A blank cell or a placeholder: "", "/", "-", "—", "无", "暂无", "空", "不适用"."""

    text: str = ""


Value = Quantity | When | Claim | Text | Empty

#: Longest cell (after dropping punctuation at its ends) that can still be a :class:`Claim`.
CLAIM_MAX_CHARS = 20
#: Longest free subject allowed before the claim verb ("质量" in "质量达到要求").
CLAIM_MAX_SUBJECT = 4
#: Other characters (besides operators and fillers) allowed around a single quantity.
QUANTITY_MAX_RESIDUAL = 4
#: Longest label allowed before an operator or linking word ("成本控制数≤30万元").
QUANTITY_MAX_LABEL = 10
#: Other characters allowed around the date(s) of a :class:`When`.
DATE_MAX_RESIDUAL = 6
#: Other characters allowed in a schedule of two or more dates.
SCHEDULE_MAX_RESIDUAL = 24

_GE, _GT, _EQ, _LE, _LT = Operator.GE, Operator.GT, Operator.EQ, Operator.LE, Operator.LT


# ---------------------------------------------------------------------------------------
# Vocabulary: every word is in rules/vocabulary.toml (evalengine.vocabulary)
# ---------------------------------------------------------------------------------------

_V = load_vocabulary()
_NEGATIONS = _V.negation.words

# Operators written before a number (and the 指标性质 column), and after it.
_PREFIX_OPS: dict[str, Operator] = {
    word: op
    for words, op in ((_V.operators.before_ge, _GE), (_V.operators.before_gt, _GT),
                      (_V.operators.before_le, _LE), (_V.operators.before_lt, _LT),
                      (_V.operators.before_eq, _EQ))
    for word in words
}  # fmt: skip
_SUFFIX_OPS: dict[str, Operator] = {
    word: op for words, op in ((_V.operators.after_ge, _GE), (_V.operators.after_le, _LE))
    for word in words
}  # fmt: skip

_LINKERS = _V.quantity.linkers
_PRE_FILLERS = _LINKERS + _V.quantity.before
_POST_FILLERS = _V.quantity.after

_PUNCT = _V.normalise.punctuation

# Measure words and units.  Value: (normalised unit, dimension, decimal shift).
_MONEY = Dimension.MONEY
_PCT = Dimension.PERCENT
_CNT = Dimension.COUNT
_UNITS: dict[str, tuple[str, Dimension, int]] = {
    **{w: ("元", _MONEY, 0) for w in _V.units.money},
    **{w: ("%", _PCT, 0) for w in _V.units.percent},
    **{w: ("%", _PCT, -1) for w in _V.units.permille},
    **{w: (w, _CNT, 0) for w in _V.units.count + _V.units.durations},
}
_UNITS.update({written: _UNITS[unit] for written, unit in _V.units.aliases.items()})


def _cjk(word: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" for c in word)


# Units that a Chinese numeral may carry ("三个", "两次"): not those written in Latin letters
# or signs, nor the ones that read too often as ordinary words (十分, 一度, 一月, 一起).
_CN_UNIT_EXCLUDE = {w for w in _UNITS if not _cjk(w)} | set(_V.units.not_after_chinese_numeral)
_PER_WORDS = _V.units.per
_MULTIPLIERS = _V.numbers.multipliers

_EMPTY_WORDS = set(_V.placeholder.words)

# Claim vocabulary: [subject][adverbs][verb][objects][tail]; a negation is an adverb too.
_CLAIM_ADVERBS = _V.claims.adverbs + _NEGATIONS
_CLAIM_VERBS_ACHIEVED = _V.claims.achieved
_CLAIM_VERBS_MOSTLY = _V.claims.mostly
_CLAIM_VERBS_PARTIAL = _V.claims.partial
_CLAIM_VERBS_MISSED = _V.claims.missed
_CLAIM_OBJECTS = _V.claims.objects
_CLAIM_TAILS = _V.claims.tails

# Filler words allowed around dates ("2021年10月底前完成", "2020年全年").
_DATE_FILLERS = _V.dates.fillers


# ---------------------------------------------------------------------------------------
# Compiled patterns
# ---------------------------------------------------------------------------------------


# Words that only count when nothing CJK follows them ("30万元内", not "500册内容").
_ALONE = {"内": "(?![\u3400-\u9fff])"}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so 人次 wins over 人)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    parts = []
    for w in items:
        part = re.escape(w) + _ALONE.get(w, "")
        if w[-1].isascii() and w[-1].isalpha():
            part += "(?![A-Za-z])"  # "20m" is metres, "20mb" is not
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


_NUM = r"(?<![\d.])(?:-(?=\d))?(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_UNIT_ALT = _alt(_UNITS)
_CN_UNIT_ALT = _alt(w for w in _UNITS if w not in _CN_UNIT_EXCLUDE)
_PER_ALT = _alt(_PER_WORDS)


def _multiplier_alt() -> str:
    """The multipliers; one that begins a unit is that unit (千米 is not 千 × 米)."""
    parts = []
    for m in sorted(_MULTIPLIERS, key=lambda w: (-len(w), w)):
        rests = [u[len(m):] for u in _UNITS if u.startswith(m) and len(u) > len(m)]
        parts.append(re.escape(m) + (f"(?!{_alt(rests)})" if rests else ""))
    return "(?:" + "|".join(parts) + ")"


_MULT_ALT = _multiplier_alt()

# One number token: 百分之N, an Arabic number with its multiplier and unit (either may be
# missing), or a Chinese numeral that carries a measure word ("三个"; not 第一, not 一次性).
_QTY_RE = re.compile(
    rf"(?P<pct>百分之(?P<pnum>\d+(?:\.\d+)?"
    rf"|[{_CN_CHARS}]{{1,8}}(?:点[零〇一二三四五六七八九]{{1,6}})?))"
    rf"|(?P<num>{_NUM})(?P<mult>{_MULT_ALT})?"
    rf"(?:(?P<unit>{_UNIT_ALT})(?P<per>(?:/{_PER_ALT})*))?"
    rf"|(?<![第{_CN_CHARS}\d])(?P<cn>[{_CN_CHARS}]{{1,12}})(?P<cunit>{_CN_UNIT_ALT})(?!性)",
    re.ASCII,  # \d is 0-9 only: other scripts' digits are not numbers here
)
_UNIT_FULL_RE = re.compile(
    rf"(?P<mult>{_MULT_ALT})?(?P<unit>{_UNIT_ALT})(?P<per>(?:/{_PER_ALT})*)"
)

_WS_BETWEEN_DIGITS_RE = re.compile(r"(?<=[0-9])\s+(?=[0-9])")
_WS_RE = re.compile(r"\s+")
_TRANSLATE = str.maketrans(_V.normalise.lookalikes)

_PUNCT_CLASS = "[" + re.escape(_PUNCT) + "]"

_PRE_OP_RE = re.compile(_alt(_PREFIX_OPS) + "$")
_SUF_OP_RE = re.compile(_alt(_SUFFIX_OPS))
_PRE_TOKEN_RE = re.compile(
    "(?:" + _alt(list(_PREFIX_OPS) + list(_PRE_FILLERS)) + f"|{_PUNCT_CLASS}+)$"
)
# _PRE_TOKEN_RE ends in $: searched over a whole text it is tried at every position of a run
# of punctuation (quadratic); the token is at most this long, so only the tail is searched.
_TOKEN_TAIL = 64
_PRE_START_RE = re.compile("(?:" + _alt(_PRE_FILLERS) + f"|{_PUNCT_CLASS}+)")
_POST_TOKEN_RE = re.compile(
    "(?:" + _alt(list(_SUFFIX_OPS) + list(_POST_FILLERS)) + f"|{_PUNCT_CLASS}+)"
)
# A change written as a decrease ("下降5%", "同比降低了3个百分点") is a negative number, and
# an operator on it speaks of the size of the decrease: "下降不低于5%" is ≤ -5%.  "负5%" is
# only a sign.  ("下降至5%" is a level: see the 降至 operators.)
_DECREASE_RE = re.compile(_alt(_V.numbers.decrease) + "了?$")
_MINUS_RE = re.compile(_alt(_V.numbers.minus) + "$")
_MIRROR: dict[Operator, Operator] = {_GE: _LE, _GT: _LT, _LE: _GE, _LT: _GT, _EQ: _EQ}
# Separators of a range "95%-100%", "3～5个", "90%至100%" (～ is normalised to ~).
_RANGE_SEPARATORS = _V.numbers.range_separators
_PER_ITEM_RE = re.compile(_alt(_V.numbers.per_item))
_NEGATED_RE = re.compile(_alt(_NEGATIONS) + _alt(_V.claims.negated_verbs))
_OP_COLUMN_RE = re.compile(_alt(_PREFIX_OPS))

_CLAIM_RE = re.compile(
    rf"(?P<subj>[\u3400-\u9fff]{{1,{CLAIM_MAX_SUBJECT}}}?)??"
    rf"(?P<adv>{_alt(_CLAIM_ADVERBS)}*)"
    rf"(?P<verb>{_alt(_CLAIM_VERBS_ACHIEVED + _CLAIM_VERBS_MOSTLY + _CLAIM_VERBS_PARTIAL)}"
    rf"|{_alt(_CLAIM_VERBS_MISSED)})"
    rf"(?P<obj>{_alt(_CLAIM_OBJECTS)}*)"
    rf"(?P<tail>{_alt(_CLAIM_TAILS)})?"
)
_ADVERB_RE = re.compile(_alt(_CLAIM_ADVERBS))
_NEGATION_SET = frozenset(_NEGATIONS)
# 大部分 is "mostly", although it holds the partial adverb 部分
_PARTIAL_ADVERB_RE = re.compile(_alt(_V.claims.partial_adverbs))
_PARTIAL_IN_MOSTLY_RE = re.compile(_alt(m for m in _V.claims.mostly_adverbs
                                        if any(p in m for p in _V.claims.partial_adverbs)))
_PERCENT_CLAIM_RE = re.compile(
    rf"(?:{_alt(_V.claims.percent_before)}?完成了?(?:进度)?(?P<a>\d+(?:\.\d+)?)%"
    rf"|(?P<b>\d+(?:\.\d+)?)%{_alt(_V.claims.percent_after)}?完成)",
    re.ASCII,
)

_YEAR = r"(?<!\d)(?P<y>\d{4})"
_PART = r"(?P<part>上旬|中旬|下旬|初|底|末|中|份)?"
# Year-led dates.  After 年/年度 (in order): a quarter, a half, a month (with a day or a
# 上中下旬/底 part), a month written without 月 ("2021年7资料…"), 年底/全年, or nothing.
_YEAR_DATE_RE = re.compile(
    _YEAR + r"年(?:度)?(?:"
    r"第?(?P<q>[1-4一二三四])季度(?:末|底)?"
    r"|(?P<h>上半年|下半年)"
    r"|(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})(?![\d.])(?:日|号)?)?" + _PART
    + rf"|(?P<mx>\d{{1,2}})(?![\d.月]|{_MULT_ALT}|{_UNIT_ALT})"
    r"|(?P<ypart>年底|年末|底|末|全年)"
    r")?",
    re.ASCII,
)
_DOTTED_DATE_RE = re.compile(
    _YEAR + r"(?P<sep>[.\-/])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?"
    rf"(?![\d.]|{_MULT_ALT}|{_UNIT_ALT})",
    re.ASCII,
)
_MONTH_DATE_RE = re.compile(
    r"(?<![\d.])(?:\d{1,2}月?[-~至到])?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})(?![\d.])(?:日|号)?)?"
    + _PART,
    re.ASCII,
)
_QUARTER_RE = re.compile(
    r"(?:第(?P<q>[1-4一二三四])|(?<![\d一二三四个])(?P<q2>[一二三四]))季度(?:末|底)?"
    r"|(?<![A-Za-z])Q(?P<q3>[1-4])(?![\d])",
    re.ASCII,
)
_HALF_RE = re.compile(r"(?P<h>上半年|下半年)")
_WEAK_DATE_RE = re.compile(_alt(_V.dates.weak))
_AFTER_LE_RE = re.compile(_alt(_V.dates.deadline_after))
_BEFORE_LE_RE = re.compile(_alt(_V.dates.deadline_before) + _alt(_V.dates.deadline_before_then) + "?$")
_DATE_FILLER_RE = re.compile(_alt(_DATE_FILLERS) + f"|{_PUNCT_CLASS}")

_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4}
_MASK = "\x00"


# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------


# "95%(含)以上", "不少于95%(含95%)", "3个(含本数)": a note that the bound is inclusive, which
# 以上 / 不少于 / ≥ already are; it is dropped so that it neither hides the operator after it
# nor adds a second number.
_INCLUSIVE_RE = re.compile(
    rf"\({_alt(_V.operators.inclusive)}(?:{_alt(_V.operators.inclusive_self)}|[0-9]+(?:\.[0-9]+)?%?)?\)"
)


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if _WS_RE.search(s) is not None:  # most cells hold no whitespace: skip both passes
        s = _WS_RE.sub("", _WS_BETWEEN_DIGITS_RE.sub(";", s))
    return _INCLUSIVE_RE.sub("", s) if "(" in s else s


def _shift(value: Decimal, places: int) -> Decimal:
    """``value × 10**places`` exactly (no context rounding), as a plain integer if whole."""
    if places == 0:
        return value
    sign, digits, exponent = value.as_tuple()
    exponent = int(exponent) + places
    if exponent > 0:
        digits = digits + (0,) * exponent
        exponent = 0
    return Decimal((sign, digits, exponent))


def _cn_int(chars: str) -> int | None:
    """Value of a Chinese numeral: 十二 → 12, 两万三千 → 23000, 二〇二一 → 2021."""
    if not any(c in _CN_DIGITS or c == "十" for c in chars):
        return None  # "万", "百万": a multiplier, not a number
    if all(c in _CN_DIGITS for c in chars):
        value = 0
        for c in chars:  # positional, as in 二〇二一
            value = value * 10 + _CN_DIGITS[c]
        return value
    total = section = number = 0
    for c in chars:
        if c in _CN_DIGITS:
            number = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[c]
            number = 0
        else:  # 万 or 亿
            total = (total + section + number) * _CN_BIG[c]
            section = number = 0
    return total + section + number


def _cn_decimal(chars: str) -> Decimal | None:
    """Chinese numeral with an optional 点 fraction: 九十五点五 → 95.5."""
    whole, _, fraction = chars.partition("点")
    value = _cn_int(whole)
    if value is None:
        return None
    if not fraction:
        return Decimal(value)
    digits = "".join(str(_CN_DIGITS[c]) for c in fraction if c in _CN_DIGITS)
    return Decimal(f"{value}.{digits}") if len(digits) == len(fraction) else None


def _alnum_count(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _valid_year(year: object) -> int | None:
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        return year
    return None


def _date(year: int | None, month: int, day: int | None) -> datetime.date | None:
    """The given day, or the month's last day when ``day`` is None; days past the end clamp."""
    if year is None or not 1 <= year <= 9999 or not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, last if day is None else min(day, last))


# ---------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------

_UnitInfo = tuple[str, Dimension, int]


def _column_operator(operator: str) -> tuple[Operator | None, bool]:
    """(operator, qualitative) from the 指标性质 column."""
    if not operator:  # most forms have no such column
        return None, False
    s = _normalise(operator)
    if not s:
        return None, False
    if any(word in s for word in _V.operators.qualitative):
        return None, True
    op = _PREFIX_OPS.get(s) or _SUFFIX_OPS.get(s)
    if op is None:
        m = _OP_COLUMN_RE.search(s)
        op = _PREFIX_OPS[m.group()] if m else None
    return op, False


def _unit_info(match: re.Match[str], unit_group: str, per_group: str) -> _UnitInfo:
    unit, dimension, shift = _UNITS[match.group(unit_group)]
    per = match.group(per_group)
    if per:
        unit += per
    return unit, dimension, shift


def _column_unit(unit: str) -> _UnitInfo | None:
    """(unit, dimension, shift) from the 度量单位 column; unknown units count as written."""
    if not unit:  # most forms have no such column
        return None
    s = _normalise(unit)
    if not s.strip(_V.placeholder.chars) or s in _EMPTY_WORDS:
        return None
    if s in _V.units.percent_columns:
        return "%", Dimension.PERCENT, 0
    m = _UNIT_FULL_RE.fullmatch(s)
    if m is None:
        return s, Dimension.COUNT, 0
    unit_name, dimension, shift = _unit_info(m, "unit", "per")
    if m.group("mult"):
        shift += _MULTIPLIERS[m.group("mult")]
    return unit_name, dimension, shift


# ---------------------------------------------------------------------------------------
# Claims
# ---------------------------------------------------------------------------------------


def _claim(s: str, raw: str) -> Claim | None:
    core = s.strip(_PUNCT)  # not ^P+|P+$: a regex that is quadratic on a run of punctuation
    if not core or len(core) > CLAIM_MAX_CHARS:
        return None
    m = _PERCENT_CLAIM_RE.fullmatch(core)
    if m is not None:
        percent = read_number(m.group("a") or m.group("b"))
        if percent is None:
            return None
        if percent >= 100:
            level = ClaimLevel.ACHIEVED
        elif percent == 0:
            level = ClaimLevel.MISSED
        else:
            level = ClaimLevel.PARTIAL
        return Claim(level, raw, percent)
    m = _CLAIM_RE.fullmatch(core)
    if m is None:
        return None
    verb, adv = m.group("verb"), m.group("adv")
    if m.group("subj") and len(verb) < 2:
        return None  # "优良中低差" is not the claim "差"
    if len(verb) == 1 and (m.group("obj") or m.group("tail")):
        return None
    negation = max((t.start() for t in _ADVERB_RE.finditer(adv) if t.group() in _NEGATION_SET),
                   default=None) if adv else None
    # "部分项目未完工" / "部分工作完成": a subject of part of the work is a partial claim
    words = (m.group("subj") or "") + adv
    part = bool(words) and _PARTIAL_ADVERB_RE.search(words) is not None and (
        _PARTIAL_IN_MOSTLY_RE.search(words) is None)
    if verb in _CLAIM_VERBS_MISSED:
        level = ClaimLevel.MISSED
    elif verb in _CLAIM_VERBS_PARTIAL:
        level = ClaimLevel.PARTIAL
    elif negation is not None:
        # 未全部完成 / 没有全面完成: part of it was done
        whole = any(w in adv[negation:] for w in _V.claims.whole)
        level = ClaimLevel.PARTIAL if whole or part else ClaimLevel.MISSED
    elif part:
        level = ClaimLevel.PARTIAL
    elif verb in _CLAIM_VERBS_MOSTLY or any(w in adv for w in _V.claims.mostly_adverbs):
        level = ClaimLevel.MOSTLY
    else:
        level = ClaimLevel.ACHIEVED
    return Claim(level, raw)


# ---------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------

# A date mention: (start, end, explicit year or None, month, day or None for the last day).
_Mention = tuple[int, int, int | None, int, int | None]

_PART_DAY = {"上旬": 10, "初": 10, "中旬": 20, "中": 20}


def _year_ok(text: str) -> int | None:
    year = int(text)
    return year if 1990 <= year <= 2100 else None


def _find_dates(s: str) -> list[_Mention]:
    """Every date mention in ``s``, non-overlapping, in order of position.

    Pattern families run from the most to the least specific; each one sees the text with
    the earlier families' mentions masked out, so "2021年1月至10月31日" reads as two dates.
    """
    found: list[_Mention] = []
    work = s

    def add(start: int, end: int, year: int | None, month: int, day: int | None) -> None:
        if 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            found.append((start, end, year, month, day))

    for m in _YEAR_DATE_RE.finditer(work):
        year = _year_ok(m.group("y"))
        if year is None:
            continue
        if m.group("q"):
            q = m.group("q")
            add(m.start(), m.end(), year, 3 * (_CN_Q.get(q) or int(q)), None)
        elif m.group("h"):
            add(m.start(), m.end(), year, 6 if m.group("h") == "上半年" else 12, None)
        elif m.group("m"):
            day = int(m.group("d")) if m.group("d") else _PART_DAY.get(m.group("part") or "")
            add(m.start(), m.end(), year, int(m.group("m")), day)
        elif m.group("mx") and 1 <= int(m.group("mx")) <= 12:
            add(m.start(), m.end(), year, int(m.group("mx")), None)
        elif m.group("mx"):  # "2021年15…": the year alone
            add(m.start(), m.start("mx"), year, 12, None)
        else:
            add(m.start(), m.end(), year, 12, None)
    if "." in work or "-" in work or "/" in work:
        work = _mask(s, found)
        for m in _DOTTED_DATE_RE.finditer(work):
            year = _year_ok(m.group("y"))
            if year is not None:
                add(m.start(), m.end(), year, int(m.group("m")),
                    int(m.group("d")) if m.group("d") else None)  # fmt: skip
    if "月" in work:
        work = _mask(s, found)
        for m in _MONTH_DATE_RE.finditer(work):
            day = int(m.group("d")) if m.group("d") else _PART_DAY.get(m.group("part") or "")
            add(m.start(), m.end(), None, int(m.group("m")), day)
    if "季度" in work or "Q" in work:
        work = _mask(s, found)
        for m in _QUARTER_RE.finditer(work):
            q = m.group("q") or m.group("q2") or m.group("q3")
            add(m.start(), m.end(), None, 3 * (_CN_Q.get(q) or int(q)), None)
    if "半年" in work:
        work = _mask(s, found)
        for m in _HALF_RE.finditer(work):
            add(m.start(), m.end(), None, 6 if m.group("h") == "上半年" else 12, None)
    found.sort()
    return found


def _mask(s: str, spans: list[_Mention]) -> str:
    """``s`` with every mention replaced by mask characters of the same length."""
    if not spans:
        return s
    parts = []
    last = 0
    for start, end, *_ in sorted(spans):
        parts.append(s[last:start])
        parts.append(_MASK * (end - start))
        last = end
    parts.append(s[last:])
    return "".join(parts)


def _when(
    s: str,
    mentions: list[_Mention],
    masked: str,
    raw: str,
    column_op: Operator | None,
    default_year: int | None,
) -> When | None:
    """A :class:`When` if the dates are the point of the cell, else None."""
    before = False
    for start, end, *_ in mentions:
        if _AFTER_LE_RE.match(s, end) or _BEFORE_LE_RE.search(s[max(0, start - 5) : start]):
            before = True
            break
    residual = _alnum_count(_DATE_FILLER_RE.sub("", masked.replace(_MASK, "")))
    limit = SCHEDULE_MAX_RESIDUAL if len(mentions) >= 2 else DATE_MAX_RESIDUAL
    if residual > limit:
        return None
    latest: datetime.date | None = None
    context = default_year
    for _start, _end, year, month, day in mentions:
        if year is not None:
            context = year
        found = _date(context, month, day)
        if found is not None and (latest is None or found > latest):
            latest = found
    return When(_when_operator(before, column_op), latest, raw)


def _when_operator(before: bool, column_op: Operator | None) -> Operator:
    if before or column_op is Operator.LE or column_op is Operator.LT:
        return Operator.LE
    return Operator.EQ


def _weak_when(
    s: str, raw: str, column_op: Operator | None, default_year: int | None
) -> When | None:
    """年底, 全年, 年内 …: a period of the current year, when that is all the cell says."""
    m = _WEAK_DATE_RE.search(s)
    if m is None:
        return None
    rest = s[: m.start()] + s[m.end() :]
    if _alnum_count(_DATE_FILLER_RE.sub("", rest)) > DATE_MAX_RESIDUAL:
        return None
    before = m.group() in _V.dates.weak_deadlines or bool(_AFTER_LE_RE.match(s, m.end()))
    return When(_when_operator(before, column_op), _date(default_year, 12, None), raw)


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------


def _token_value(m: re.Match[str]) -> tuple[Decimal, _UnitInfo | None] | None:
    """(amount before unit scaling, unit info or None for a bare number) of a number token."""
    if m.group("pct"):
        number = m.group("pnum")
        amount = read_number(number) if number[0].isdigit() else _cn_decimal(number)
        return (amount, ("%", Dimension.PERCENT, 0)) if amount is not None else None
    if m.group("num"):
        amount = read_number(m.group("num"))
        if amount is None:
            return None
        if m.group("mult"):
            amount = _shift(amount, _MULTIPLIERS[m.group("mult")])
        info = _unit_info(m, "unit", "per") if m.group("unit") else None
        return amount, info
    value = _cn_int(m.group("cn"))
    if value is None:
        return None
    return Decimal(value), _UNITS[m.group("cunit")]


def _quantity(
    op: Operator, amount: Decimal, info: _UnitInfo | None, text: str
) -> Quantity:
    if info is None:
        return Quantity(op, amount, "", Dimension.PLAIN, text)
    unit, dimension, shift = info
    return Quantity(op, _shift(amount, shift), unit, dimension, text)


def _near_operator(s: str, start: int, end: int) -> Operator | None:
    m = _PRE_OP_RE.search(s[max(0, start - 6) : start])
    if m is not None:
        return _PREFIX_OPS[m.group()]
    m = _SUF_OP_RE.match(s, end)
    return _SUFFIX_OPS[m.group()] if m is not None else None


def _inner_quantities(s: str, tokens: list[re.Match[str]]) -> tuple[Quantity, ...]:
    """The numbers with units among ``tokens``, as quantities with their nearby operator."""
    out = []
    end = -1
    for m in tokens:
        value = _token_value(m)
        glued = m.start() == end and m.group().startswith("-")  # "95%-100%": a dash, no sign
        end = m.end()
        if value is None or value[1] is None:
            continue
        amount = -value[0] if glued else value[0]
        op = _near_operator(s, m.start(), m.end()) or Operator.EQ
        out.append(_quantity(op, amount, value[1], m.group()[1:] if glued else m.group()))
    return tuple(out)


def _single(
    s: str,
    m: re.Match[str],
    raw: str,
    column_op: Operator | None,
    column_unit: _UnitInfo | None,
) -> Quantity | When | None:
    """The cell as one quantity with a few filler words around it, or None."""
    pre, post = s[: m.start()], s[m.end() :]
    if len(pre) > 3 * QUANTITY_MAX_LABEL or len(post) > 5 * QUANTITY_MAX_RESIDUAL:
        return None
    if _MASK in pre or _MASK in post or _NEGATED_RE.search(pre):
        return None
    value = _token_value(m)
    if value is None:
        return None
    amount, info = value

    each = _PER_ITEM_RE.search(pre) is not None
    minus = _MINUS_RE.search(pre)
    if minus is not None:  # "负5%", "≥负5%": a sign, before any operator
        pre = pre[: minus.start()]
        amount = -amount
    op: Operator | None = None
    linked = False
    while pre:
        t = _PRE_TOKEN_RE.search(pre, max(0, len(pre) - _TOKEN_TAIL))
        if t is None:
            break
        word = t.group()
        if word in _PREFIX_OPS:
            op = op or _PREFIX_OPS[word]
            linked = True
        elif word in _LINKERS:
            linked = True
        pre = pre[: t.start()]
    decrease = _DECREASE_RE.search(pre)
    if decrease is not None:
        pre = pre[: decrease.start()]
        amount = -amount
    while pre:
        t = _PRE_START_RE.match(pre)
        if t is None:
            break
        pre = pre[t.end() :]
    while post:
        t = _POST_TOKEN_RE.match(post)
        if t is None:
            break
        word = t.group()
        if word in _SUFFIX_OPS and op is None:
            op = _SUFFIX_OPS[word]
        post = post[t.end() :]
    label, rest = _alnum_count(pre), _alnum_count(post)
    if rest > QUANTITY_MAX_RESIDUAL:
        return None
    if _SUF_OP_RE.search(post):
        # an operator behind a word the parser does not know ("95%(另)以上"): the cell is not
        # read as "= 95%" with the operator absorbed, it stays text for a reader to see
        return None
    if label + rest > QUANTITY_MAX_RESIDUAL and not (linked and label <= QUANTITY_MAX_LABEL):
        return None

    op = op or column_op or Operator.EQ
    if decrease is not None:
        op = _MIRROR[op]  # "下降不低于5%": the decrease is at least 5, the change at most -5
    if info is None and column_unit is not None:
        info = column_unit
    if info is not None and info[0] == "年" and 1990 <= amount <= 2100 and amount % 1 == 0:
        # a year ("2021" + unit column 年, "二〇二一年"), not a duration
        return When(_when_operator(False, op), _date(int(amount), 12, None), raw)
    quantity = _quantity(op, amount, info, raw)
    # a word the vocabulary does not know where the unit belongs is kept, not absorbed
    bare = m.end() < len(s) and m.group("num") and not m.group("unit")
    unknown = _unit_slot_word(s[m.end():]) if bare else ()
    return attrs.evolve(quantity, each=each, unknown=unknown) if each or unknown else quantity


def _range(
    s: str,
    low: re.Match[str],
    high: re.Match[str],
    raw: str,
    column_unit: _UnitInfo | None,
) -> Quantity | None:
    """The cell as a range "95%-100%" / "3～5个" / "90%至100%", or None.

    Either end may carry the unit (it must be the same unit if both do).  The result is a
    :class:`Quantity` with operator ≥ on the lower end and ``upper`` the higher end.
    """
    between = s[low.end() : high.start()]
    high_text = high.group()
    if not between and high_text.startswith("-"):  # "95%-100%": the dash went to the number
        between, high_text = "-", high_text[1:]
    if between not in _RANGE_SEPARATORS:
        return None
    pre, post = s[: low.start()], s[high.end() :]
    if _MASK in pre or _MASK in post or _NEGATED_RE.search(pre):
        return None
    while pre:
        t = _PRE_TOKEN_RE.search(pre, max(0, len(pre) - _TOKEN_TAIL))
        if t is None or t.group() in _PREFIX_OPS:
            break
        pre = pre[: t.start()]
    while post:
        t = _POST_TOKEN_RE.match(post)
        if t is None or t.group() in _SUFFIX_OPS:
            break
        post = post[t.end() :]
    label, rest = _alnum_count(pre), _alnum_count(post)
    if rest or label > QUANTITY_MAX_LABEL or pre.endswith("第"):  # 第1-3季度: ordinals
        return None
    a, b = _token_value(low), _token_value(high)
    if a is None or b is None:
        return None
    if high_text != high.group():
        b = (-b[0], b[1])  # undo the dash the number took
    if low.group("num") and not low.group("mult") and not low.group("unit") and high.group("mult"):
        a = (_shift(a[0], _MULTIPLIERS[high.group("mult")]), a[1])  # "10-20万元": 10万
    if high.group("num") and not high.group("mult") and not high.group("unit") and low.group("mult"):
        b = (_shift(b[0], _MULTIPLIERS[low.group("mult")]), b[1])  # "10万-20": 20万
    info = b[1] or a[1] or column_unit
    if a[1] is not None and b[1] is not None and a[1] != b[1]:
        return None
    first = _quantity(Operator.GE, a[0], a[1] or info, raw)
    second = _quantity(Operator.GE, b[0], info, raw)
    lower, upper = sorted((first.amount, second.amount))
    return attrs.evolve(first, amount=lower, upper=upper)


# ---------------------------------------------------------------------------------------
# The lexer: a cell as typed tokens over the vocabulary
# ---------------------------------------------------------------------------------------


class TokenKind(enum.Enum):
    """What a piece of a cell is, by the vocabulary table that knows it."""

    NUMBER = "number"  # 95, 1.2万, 百分之九十五, 三 (a Chinese numeral with a measure word)
    UNIT = "unit"  # [units]: 万元 (with its multiplier), %, 人次, 元/人
    OPERATOR = "operator"  # [operators], and the signs of [numbers] (负, 下降, range separators)
    NEGATION = "negation"  # [negation].words
    CLAIM = "claim"  # [claims]: adverbs, verbs, objects, tails and the text-tier words
    FILLER = "filler"  # [quantity] linkers and fillers, [dates] words, placeholders, benign words
    DATE = "date"  # a date mention (2021年10月底, 第三季度)
    PUNCT = "punct"  # [normalise].punctuation
    WORD = "word"  # letters or digits the vocabulary does not know
    SYMBOL = "symbol"  # any other character (≈, ※): not a letter, not known punctuation


@attrs.frozen
class Token:
    kind: TokenKind
    text: str
    start: int  # offset in the normalised cell


def _word_kinds() -> dict[str, TokenKind]:
    """Every vocabulary word with its kind; a word in several tables takes the first kind of
    OPERATOR, NEGATION, UNIT, CLAIM, FILLER (不低于 is an operator, 未 a negation)."""
    c, t, d = _V.claims, _V.claims.text, _V.dates
    tables = (
        (TokenKind.OPERATOR, (*_PREFIX_OPS, *_SUFFIX_OPS, *_V.numbers.minus, *_V.numbers.decrease,
                              *_V.numbers.range_separators)),
        (TokenKind.NEGATION, _NEGATIONS),
        (TokenKind.UNIT, (*_UNITS, *_MULTIPLIERS)),
        (TokenKind.CLAIM, (*c.adverbs, *c.achieved, *c.mostly, *c.partial, *c.missed, *c.objects,
                           *c.tails, *t.shortfall, *t.partial, *t.mostly, *t.achieved)),
        (TokenKind.FILLER, (*_PRE_FILLERS, *_POST_FILLERS, *_V.numbers.per_item, *d.fillers,
                            *d.weak, *d.deadline_after, *d.deadline_before, *_V.placeholder.words,
                            *_V.negation.benign, *_V.negation.prospective, *t.not_achieved)),
    )
    kinds: dict[str, TokenKind] = {}
    for kind, words in tables:
        for word in words:
            kinds.setdefault(word, kind)
    return kinds


_WORD_KINDS = _word_kinds()
_WORD_LENGTHS = sorted({len(w) for w in _WORD_KINDS}, reverse=True)
_NUMBER_STARTS = frozenset("0123456789-" + _CN_CHARS)


def _known_word(s: str, i: int) -> str | None:
    """The longest vocabulary word at ``s[i]`` (a word ending in a Latin letter only when no
    letter follows: "20m" is metres, "20mb" is not)."""
    n = len(s)
    for length in _WORD_LENGTHS:
        end = i + length
        if end > n:
            continue
        word = s[i:end]
        if word in _WORD_KINDS and not (word[-1].isascii() and word[-1].isalpha() and end < n
                                        and s[end].isascii() and s[end].isalpha()):
            return word
    return None


def _lex(s: str, dates: bool = True) -> list[Token]:
    """The tokens of a normalised cell ``s``: at each place a date, a number, the longest
    vocabulary word, punctuation, or else one character of an unknown word or a symbol; runs
    of unknown characters are one WORD.  A one-character word that is also punctuation
    (- ~ : =) is read as punctuation.  ``dates=False`` when the cell is known to hold none."""
    spans = {start: end for start, end, *_ in _find_dates(s)} if dates else {}
    out: list[Token] = []
    i, n, word = 0, len(s), -1
    while i < n:
        end, kind = spans.get(i), TokenKind.DATE
        number = _QTY_RE.match(s, i) if end is None and s[i] in _NUMBER_STARTS else None
        if number is not None and _token_value(number) is not None:
            unit = number.start("unit") if number.group("unit") else (
                number.start("cunit") if number.group("cn") else -1)
            if word >= 0:
                out.append(Token(TokenKind.WORD, s[word:i], word))
                word = -1
            if unit > i:
                out.append(Token(TokenKind.NUMBER, s[i:unit], i))
                out.append(Token(TokenKind.UNIT, s[unit:number.end()], unit))
            else:
                out.append(Token(TokenKind.NUMBER, number.group(), i))
            i = number.end()
            continue
        if end is None:
            known = _known_word(s, i)
            if known is not None and not (len(known) == 1 and known in _PUNCT):
                end, kind = i + len(known), _WORD_KINDS[known]
            elif s[i] in _PUNCT:
                end, kind = i + 1, TokenKind.PUNCT
            elif s[i].isalnum():
                word = i if word < 0 else word
                i += 1
                continue
            else:
                end, kind = i + 1, TokenKind.SYMBOL
        if word >= 0:
            out.append(Token(TokenKind.WORD, s[word:i], word))
            word = -1
        out.append(Token(kind, s[i:end], i))
        i = end
    if word >= 0:
        out.append(Token(TokenKind.WORD, s[word:], word))
    return out


def lex(text: str) -> tuple[Token, ...]:
    """A cell (normalised as :func:`parse_value` does) as typed tokens over the vocabulary."""
    return tuple(_lex(_normalise(text if isinstance(text, str) else "")))


# Characters that are neither letters, digits nor punctuation, and in no vocabulary word
_SYMBOL_RE = re.compile(
    "[^\\w\\x00" + re.escape("".join(sorted({c for w in (*_WORD_KINDS, _PUNCT) for c in w
                                                 if not c.isalnum()})))
    + "]"
)


def _symbols(s: str) -> tuple[str, ...]:
    """The symbols of a normalised cell (≈, ※): characters no vocabulary table knows."""
    if _SYMBOL_RE.search(s) is None:
        return ()
    return tuple(dict.fromkeys(t.text for t in _lex(s) if t.kind is TokenKind.SYMBOL))


def _unit_slot_word(post: str) -> tuple[str, ...]:
    """The unknown word standing where the unit of a bare number belongs: the first token
    after it that is not punctuation or a filler ("15金币", "1.资金到位")."""
    for token in _lex(post, dates=False):
        if token.kind is TokenKind.WORD:
            return (token.text,)
        if token.kind is not TokenKind.PUNCT and token.kind is not TokenKind.FILLER:
            break
    return ()


# ---------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------


def parse_value(
    text: str, *, operator: str = "", unit: str = "", default_year: int | None = None
) -> Value:
    """Parse an indicator's target or actual cell into a typed :data:`Value`.

    ``operator`` and ``unit`` are the separate 指标性质 and 度量单位 columns of the Sichuan
    form; they apply when the cell itself does not say (a bare ``"95"``).  ``"定性"`` in
    ``operator`` marks a qualitative indicator: the result is then never a
    :class:`Quantity` or :class:`When` (only :class:`Claim`, :class:`Text` or
    :class:`Empty`).  Pass ``operator`` with the *target* only: an actual is a plain value.
    ``default_year`` is the year of the form, used by dates written without one
    (``"10月31日前"``).

    Never raises on ``str`` input.
    """
    raw = text if isinstance(text, str) else ("" if text is None else str(text))
    s = _normalise(raw)
    value = _parse(raw, s, operator, unit, default_year)
    if isinstance(value, (Quantity, When)):
        symbols = _symbols(s)
        if symbols:
            return attrs.evolve(value, unknown=tuple(dict.fromkeys(value.unknown + symbols)))
    return value


def _parse(raw: str, s: str, operator: str, unit: str, default_year: int | None) -> Value:
    if not s.strip(_V.placeholder.chars) or s.lower() in _EMPTY_WORDS:
        return Empty(raw)
    column_op, qualitative = _column_operator(operator if isinstance(operator, str) else "")
    claim = _claim(s, raw)
    if claim is not None:
        return claim

    mentions = _find_dates(s)
    masked = _mask(s, mentions)
    tokens = list(_QTY_RE.finditer(masked))
    if qualitative:
        return Text(raw, _inner_quantities(masked, tokens))

    year = _valid_year(default_year)
    if mentions and not tokens:
        when = _when(s, mentions, masked, raw, column_op, year)
        if when is not None:
            return when
    elif len(tokens) == 1 and not mentions:
        column_unit = _column_unit(unit if isinstance(unit, str) else "")
        single = _single(masked, tokens[0], raw, column_op, column_unit)
        if single is not None:
            return single
    elif len(tokens) == 2 and not mentions:
        column_unit = _column_unit(unit if isinstance(unit, str) else "")
        found = _range(masked, tokens[0], tokens[1], raw, column_unit)
        if found is not None:
            return found
    elif not tokens:
        when = _weak_when(s, raw, column_op, year)
        if when is not None:
            return when
    return Text(raw, _inner_quantities(masked, tokens))


# ---------------------------------------------------------------------------------------
# Free-text actuals of qualitative indicators
# ---------------------------------------------------------------------------------------

# framework.md §3.3: 10号 places a qualitative actual in one of three tiers (达成年度指标 /
# 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差), and C3 accepts only those words.
# A longer description is placed by the words it uses, read in this order: a denial or
# shortfall (missed; partial when only part is denied), a partial word, a "mostly" word,
# a word affirming completion.  Words that cannot be read either way give None.  The words
# extend the claim vocabulary above (_CLAIM_VERBS_*, _CLAIM_ADVERBS) to sentences.

# Negations that affirm ("未发生安全事故", "无投诉", "不断提升") and comparatives that are
# operators, not denials ("不超过预算"): removed before the negations are looked for.
_T = _V.claims.text
_TEXT_NO_MISHAP_RE = re.compile(
    _alt(_NEGATIONS + _T.mishap_negators) + _alt(_T.mishap_verbs) + "?" + _alt(_T.mishap_degrees) + "*"
    + _alt(_T.mishap_domains) + "*" + _alt(_T.mishaps)
)
_AFFIRMED = "\x01"  # stands for a negated mishap once it is removed
_TEXT_BENIGN_RE = re.compile(_alt(_V.benign))
_TEXT_NEGATION_RE = re.compile(_alt(_NEGATIONS + _T.shortfall))


def _not_inside(words: Iterable[str], longer: Iterable[str]) -> str:
    """An alternation of ``words`` that does not match one at the end of a ``longer`` word
    (部分 is not read inside 大部分)."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        heads = sorted({m[: -len(w)] for m in longer if m.endswith(w) and m != w}, key=len)
        parts.append("".join(f"(?<!{re.escape(h)})" for h in heads) + re.escape(w))
    return "(?:" + "|".join(parts) + ")"


_TEXT_PARTIAL_RE = re.compile(_not_inside(_T.partial, _T.mostly))
_TEXT_MOSTLY_RE = re.compile(_alt(_T.mostly))
_TEXT_NOT_ACHIEVED_RE = re.compile(_alt(_T.not_achieved))
_TEXT_ACHIEVED_RE = re.compile(
    _alt(tuple(w for w in _CLAIM_VERBS_ACHIEVED if len(w) > 1) + _T.achieved + (_AFFIRMED,))
)


def text_level(text: str) -> ClaimLevel | None:
    """The tier a free-text actual claims, or None when it neither affirms nor denies.

    ``"尚未开展"`` → MISSED, ``"部分项目未完工"`` → PARTIAL, ``"有所提升"`` → PARTIAL,
    ``"基本达到预期"`` → MOSTLY, ``"群众满意度明显提升"`` → ACHIEVED, ``"未发生安全事故"``
    → ACHIEVED (a negated mishap affirms), ``"攀西冷链智慧商贸城等项目"`` → None.  A short
    answer that :func:`parse_value` reads as a :class:`Claim` keeps the Claim's level.
    Never raises.
    """
    s = _normalise(text if isinstance(text, str) else "")
    claim = _claim(s, s)
    if claim is not None:
        return claim.level
    s = _TEXT_BENIGN_RE.sub("。", _TEXT_NO_MISHAP_RE.sub(_AFFIRMED, s))
    negation = _TEXT_NEGATION_RE.search(s)
    if negation is not None:
        after = s[negation.end() : negation.end() + 3]
        partly = any(w in after for w in _V.claims.whole) or _TEXT_PARTIAL_RE.search(s) is not None
        return ClaimLevel.PARTIAL if partly or _TEXT_MOSTLY_RE.search(s) else ClaimLevel.MISSED
    if _TEXT_PARTIAL_RE.search(s):
        return ClaimLevel.PARTIAL
    if _TEXT_MOSTLY_RE.search(s):
        return ClaimLevel.MOSTLY
    if _TEXT_ACHIEVED_RE.search(_TEXT_NOT_ACHIEVED_RE.sub("。", s)):
        return ClaimLevel.ACHIEVED
    return None


def repeats(actual: str, target: str) -> bool:
    """Whether an actual only copies its target: the same letters and digits, whatever the
    punctuation, spacing or character width (``美化环境（河道）`` copies ``美化环境(河道)``).
    The one definition the scoring (a copied target earns no points) and I315 share."""
    copied = _letters(actual)
    return bool(copied) and copied == _letters(target)


def _letters(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


# Forms repeat cells ("完成", "100%", "≥95%", "2021年12月底前"), and a case's cells are parsed
# by the scoring and again by several checks: remember recent answers.  Values are frozen,
# so sharing one is safe; arguments that are not plain str/int are parsed afresh.
_parse_value_uncached = parse_value


@functools.lru_cache(maxsize=16384)
def _parse_value_cached(text: str, operator: str, unit: str, default_year: int | None) -> Value:
    return _parse_value_uncached(text, operator=operator, unit=unit, default_year=default_year)


@functools.wraps(_parse_value_uncached)
def parse_value(
    text: str, *, operator: str = "", unit: str = "", default_year: int | None = None
) -> Value:
    if (type(text) is str and type(operator) is str and type(unit) is str
            and (default_year is None or type(default_year) is int)):
        return _parse_value_cached(text, operator, unit, default_year)
    return _parse_value_uncached(text, operator=operator, unit=unit, default_year=default_year)
