"""I: rules about the indicator table itself (绩效指标): how targets and actuals are written,
whether the categories are complete and fit, and whether deviations are explained.

These rules read each row as :mod:`evalengine.scoring` parsed it (``IndicatorScore.target`` /
``.actual`` / ``.reason``); they never re-score.  Rows that scoring drops (blank 二级 lines,
不适用 rows) are only looked at by the rules about blank rows and missing categories.

Every keyword list and threshold is a setting in ``rules/checks/indicators.toml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from ..findings import Severity
from ..model import Case, Indicator
from ..money import figures
from ..scoring import Evidence, IndicatorScore, is_blank_row, is_money_spent_short, row_roles
from ..taxonomy import Category, Taxonomy, load_taxonomy
from ..values import (
    Claim, ClaimLevel, Dimension, Empty, Operator, Quantity, Text, Value, When, parse_value,
)
from .base import (
    CATEGORIES, HERE, MONEY, RECORD, TEXTS, CaseContext, Hit, Rule, Setting, figure, is_truncated, pct,
)

__all__ = ["RULES"]


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------

_SHOW = 40  # characters of a cell quoted inside a message (the evidence carries it whole)
_PUNCT = " \t\r\n\u3000。.，,；;：:、!！?？"
_PAREN_RE = re.compile(r"[(（].*$")


def _path(index: int, field: str) -> str:
    return f"$.indicators[{index}].{field}"


def _show(text: str) -> str:
    """A cell for a message: whitespace collapsed, long text clipped."""
    text = " ".join(str(text).split())
    return text if len(text) <= _SHOW else text[: _SHOW - 1] + "…"


def _compact(text: str) -> str:
    if type(text) is str and len(text) <= 256:  # a cell or an option word: seen again and again
        return _compact_short(text)
    return "".join(str(text).split())


@functools.lru_cache(maxsize=16384)
def _compact_short(text: str) -> str:
    return "".join(text.split())


def _has(text: str, words: Iterable[str]) -> str:
    """The first of ``words`` found in ``text`` (whitespace ignored), or ""."""
    s = _compact(text)
    for word, w in _compacted(tuple(words)):
        if w in s:
            return word
    return ""


@functools.lru_cache(maxsize=256)  # a rule's word list, the same for every row and case
def _compacted(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, word without whitespace) for the words that are not blank."""
    return tuple((word, w) for word in words if (w := _compact(word)))


def _label_key(label: str) -> str:
    """A category label without spaces, a trailing "(50分)" or the suffix 指标."""
    s = _PAREN_RE.sub("", _compact(label)).strip(_PUNCT)
    return s.removesuffix("指标")


def _is_placeholder(text: str, placeholders: Sequence[str]) -> bool:
    """Nothing written, or only a placeholder such as 无 / 0 / "/"."""
    s = _compact(text).strip(_PUNCT)
    return not s or s in _placeholder_set(tuple(placeholders))


@functools.lru_cache(maxsize=64)  # a rule's setting, the same for every row
def _placeholder_set(placeholders: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_compact(p).strip(_PUNCT) for p in placeholders)


def _target_text(row: Indicator) -> str:
    """The target as the form shows it, with the Sichuan 指标性质 and 度量单位 columns."""
    op = row.operator.strip()
    if load_taxonomy().names_kind_only(op):
        op = ""  # 定量指标 / 定性指标 name the kind, not a direction
    target = row.target.strip()
    if op and target.startswith(op):
        op = ""
    unit = row.unit.strip()
    if unit and target.endswith(unit):
        unit = ""  # "100%" with the unit column "%": not "100%%"
    return f"{op}{target}{unit}"


def _pairs(ctx: CaseContext) -> Iterator[tuple[IndicatorScore, Indicator]]:
    rows = ctx.case.indicators
    for item in ctx.score.indicators:
        if 0 <= item.index < len(rows):
            yield item, rows[item.index]


def _live_rows(case: Case) -> list[tuple[int, Indicator]]:
    roles = row_roles(case)
    return [(i, r) for i, r in enumerate(case.indicators)
            if not r.not_applicable and not is_blank_row(r) and i not in roles]


def _category(taxonomy: Taxonomy, row: Indicator) -> Category | None:
    return taxonomy.resolve(row.level1, row.level2)


def _level2_in(row: Indicator, words: Sequence[str]) -> bool:
    return bool(_has(row.level2, words))


def _claims_done(value: Value) -> bool:
    return isinstance(value, Claim) and value.level in (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


# ---------------------------------------------------------------------------------------
# I301 word-for-number
# ---------------------------------------------------------------------------------------


def _numeric_target(target: Value) -> bool:
    return isinstance(target, Quantity) or (isinstance(target, Text) and bool(target.quantities))


def _word_for_number(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        target, actual = item.target, item.actual
        if not _numeric_target(target):
            continue
        why = why_en = ""
        if isinstance(actual, Claim):
            why, why_en = "只写了完成情况的文字", "only a word claiming completion"
        elif isinstance(actual, Text) and not actual.quantities:
            why, why_en = "只有文字描述，没有数值", "a description with no figure"
        elif (ctx.options["flag_range_actuals"] and isinstance(actual, Quantity)
              and actual.operator is not Operator.EQ):
            why, why_en = "照抄了指标值的区间写法，不是实际数值", "a range copied from the target, not a value"
        if not why:
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "why": why, "why_en": why_en},
            expected=f"指标值“{_target_text(row)}”对应的实际数值（含计量单位）",
            found=f"完成值“{row.actual}”",
            expected_en=f"a measured figure (with its unit) for the target '{_target_text(row)}'",
            found_en=f"actual '{row.actual}'",
        )


WORD_FOR_NUMBER = Rule(
    code="I301",
    name="word-for-number",
    family="indicators",
    severity=Severity.ERROR,
    title="数值指标以文字作答",
    title_en="Numeric target answered in words",
    message="“{name}”的指标值“{target}”含数值要求，完成值“{actual}”却{why}，无法核实是否达标",
    message_en="'{name}' has the numeric target '{target}' but its actual '{actual}' is {why_en}: "
               "whether it was met cannot be checked",
    summary="指标值是数值（如 ≥95%、50万元、44条）而完成值只写“完成”“已完成100%”“达成预期指标”、"
            "一段描述，或照抄指标值的区间（≥95%）。",
    summary_en="A numeric target (≥95%, 50万元, 44条) whose actual is a completion word "
               "(完成, 已完成100%, 达成预期指标), a description, or the target's range copied over.",
    rationale="定量指标的实际完成值必须是数值，否则得分无从计算；以文字代替数值会让未核实的满分混过评审。",
    rationale_en="A quantitative actual must be a number or its score cannot be computed; a word "
                 "in its place lets unverified full marks through.",
    source="framework.md §5 Q1 (C3 导入校验：定量实际完成值须为数值; S4 “≤30万元”完成值“完成”)",
    bad='''
[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "群众满意度"
target = "≥95%"
actual = "完成"
''',
    good='''
[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "群众满意度"
target = "≥95%"
actual = "96.2%"
''',
    check=_word_for_number,
    settings=(
        Setting("flag_range_actuals", "boolean",
                "也报告照抄区间的完成值（如完成值写“≥95%”或“95%以上”）",
                help_en="also report an actual that copies a range (such as ≥95% or 95%以上)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I302 unmeasurable-target
# ---------------------------------------------------------------------------------------


def _unmeasurable_target(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    for item, row in _pairs(ctx):
        target = item.target
        if isinstance(target, (Empty, Quantity, When)) or _level2_in(row, o["skip_level2"]):
            continue
        if isinstance(target, Text) and target.quantities:
            continue
        phrase = _has(row.target, o["vague_phrases"])
        if item.reason == "unmeasurable-target":
            why = f"完成值是数值（{_show(row.actual)}），指标值却没有写出数值"
            why_en = f"the actual is a figure ({_show(row.actual)}) but the target states none"
        elif phrase:
            why = f"“{phrase}”是笼统表述"
            why_en = f"'{phrase}' is a vague phrase"
        elif _level2_in(row, o["numeric_level2"]):
            why = f"{row.level2.strip()}应以数值设定"
            why_en = f"a {row.level2.strip()} target should be a number"
        elif isinstance(target, Claim) and o["flag_claim_targets"] and "定性" not in row.operator:
            why = "指标值只是“完成”“合规”一类的用语"
            why_en = "the target is only a word such as 完成 or 合规"
        else:
            continue
        yield Hit(
            _path(item.index, "target"),
            {"name": _show(row.name), "target": _show(row.target), "why": why, "why_en": why_en},
            expected="可衡量的指标值：指标性质 + 数值 + 计量单位（如 ≥95%、≤30万元、≥200人次）",
            found=f"{row.level2.strip() or '—'}“{row.name.strip()}”：指标值“{row.target}”",
            expected_en="a measurable target: operator + figure + unit (e.g. ≥95%, ≤30 10k yuan, ≥200 person-times)",
            found_en=f"{row.level2.strip() or '—'} '{row.name.strip()}': target '{row.target}'",
        )


UNMEASURABLE_TARGET = Rule(
    code="I302",
    name="unmeasurable-target",
    family="indicators",
    severity=Severity.WARNING,
    title="指标值无法衡量",
    title_en="Target cannot be measured",
    message="“{name}”的指标值“{target}”无法衡量：{why}；应尽量设为可量化的数值",
    message_en="the target '{target}' of '{name}' cannot be measured: {why_en}; set a "
               "quantified value wherever possible",
    summary="指标值是笼统表述（效果明显、严格执行相关制度、符合相关规定、市级下达任务数……），"
            "或数量/成本/满意度指标没有数值，或完成值是数字而指标值不是。时效指标由 I312 检查。",
    summary_en="A target that is a vague phrase (效果明显, 严格执行相关制度, 符合相关规定, 市级下达任务数 …), "
               "a 数量/成本/满意度 target with no number, or a non-numeric target whose actual is a "
               "number. 时效 rows are left to I312.",
    rationale="财预〔2021〕101号 要求指标“量化易评”，能量化的尽量量化；无法衡量的指标值使任何完成值都能"
              "自称达标，得分失去依据。",
    rationale_en="101号 asks for indicators that are quantified and easy to assess; an unmeasurable "
                 "target lets any actual claim success, so the score rests on nothing.",
    source="framework.md §5 Q18 (R 财预〔2021〕101号 量化易评; C S6 “效果明显”“严格执行相关制度”“符合相关规定”)",
    bad='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "对基建市场公平的影响程度"
target = "效果明显"
actual = "达成预期指标"
''',
    good='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "违规投诉办结率"
target = "≥95%"
actual = "97%"
''',
    check=_unmeasurable_target,
    settings=(
        Setting("vague_phrases", "texts", "指标值中出现即视为无法衡量的笼统表述",
                help_en="vague phrases that make a target unmeasurable"),
        Setting("numeric_level2", "texts",
                "二级指标名含这些词时，指标值没有数值即报告（数量、成本、满意度应以数值设定）",
                help_en="a level-2 name containing one of these words needs a numeric target (quantity, cost and satisfaction are set as numbers)"),
        Setting("flag_claim_targets", "boolean",
                "指标值本身只是完成用语（合规、及时、按质按量完成）时也报告",
                help_en="also report a target that is only a completion word (合规, 及时, 按质按量完成)"),
        Setting("skip_level2", "texts", "二级指标名含这些词的行不检查（时效指标由 I312 检查）",
                help_en="rows whose level-2 name contains one of these words are skipped (timeliness is I312's)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I303 unit-or-operator-nonsense
# ---------------------------------------------------------------------------------------


def _unit_dimension(unit: str) -> Quantity | None:
    """The 度量单位 column read as a quantity of 1 (its dimension and unit), or None."""
    unit = unit.strip()
    if not unit:
        return None
    value = parse_value("1" + unit)
    return value if isinstance(value, Quantity) and value.dimension is not Dimension.PLAIN else None


@functools.lru_cache(maxsize=256)
def _after_digit(word: str) -> re.Pattern[str]:
    return re.compile(r"\d" + re.escape(word))


def _unit_problems(row: Indicator, item: IndicatorScore, o) -> Iterator[tuple[str, str, str]]:
    """(field, why, why_en) for each unit or operator problem of one row."""
    for word in o["bad_unit_words"]:
        w = _compact(word)
        bad = _after_digit(w) if w else None
        field = next((f for f in ("target", "actual")
                      if bad is not None and bad.search(_compact(getattr(row, f)))), None)
        if field is not None:
            yield (field, f"“{w}”不是计量单位，应写作 %", f"'{w}' is not a unit; write %")
            break
    target = item.target
    unit_q = _unit_dimension(row.unit) if o["check_unit_column"] else None
    if unit_q is not None:
        qualitative = "定性" in row.operator
        own = parse_value(row.target, operator=row.operator)
        shown, unit = _show(row.target), row.unit.strip()
        if qualitative or isinstance(own, Claim) or (isinstance(own, Text) and not own.quantities):
            yield ("unit", f"定性指标值“{shown}”不应带计量单位“{unit}”",
                   f"a qualitative target '{shown}' carries the unit '{unit}'")
        elif isinstance(own, Quantity) and own.dimension is not Dimension.PLAIN and (
            own.dimension is not unit_q.dimension
            or (own.dimension is Dimension.COUNT and own.unit != unit_q.unit)
        ):
            yield ("unit", f"指标值“{shown}”与度量单位“{unit}”矛盾",
                   f"the target '{shown}' contradicts the unit column '{unit}'")
    if isinstance(target, Quantity):
        limit = o["reverse_percent_limit"]
        written = parse_value(row.target, operator=row.operator, unit=row.unit)
        if (target.operator.reverse and target.dimension is Dimension.PERCENT
                and target.amount >= limit
                and isinstance(written, Quantity) and written.operator.reverse):
            # a ceiling the form wrote; one read from the name (人员控制率 100%) is not the
            # department's doing, and a control rate can exceed 100%
            yield ("target", f"“≤{figure(target.amount)}%”的上限不构成约束，任何完成值都达标",
                   f"a ceiling of {figure(target.amount)}% constrains nothing: every actual meets it")
        if (target.operator.positive and target.dimension is Dimension.MONEY
                and _level2_in(row, o["cost_level2"])):
            yield ("target", "成本指标应设上限（≤），用“≥”表示花得越多越好",
                   "a cost target should be a ceiling (≤); '≥' rewards spending more")


def _unit_nonsense(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        for field, why, why_en in _unit_problems(row, item, ctx.options):
            yield Hit(
                _path(item.index, field),
                {"name": _show(row.name), "why": why, "why_en": why_en},
                expected="指标值 = 指标性质（≥ ≤ =）+ 数值 + 相符的计量单位",
                found=(f"指标性质“{row.operator}” 指标值“{row.target}” 度量单位“{row.unit}” "
                       f"完成值“{row.actual}”"),
            )


UNIT_NONSENSE = Rule(
    code="I303",
    name="unit-or-operator-nonsense",
    family="indicators",
    severity=Severity.WARNING,
    title="计量单位或指标性质不合理",
    title_en="Unit or operator makes no sense",
    message="“{name}”：{why}",
    message_en="'{name}': {why_en}",
    summary="“≥100百分比”之类把“百分比”当单位；≤ 指标设 100% 上限；成本指标用 ≥；"
            "度量单位列与指标值矛盾（28.8万元 配单位 %）；定性指标值带单位（应保尽保 配单位 %）。",
    summary_en="'百分比' used as a unit (≥100百分比); a ≤ target of 100%; ≥ on a cost target; a "
               "unit column that contradicts the value (28.8万元 with unit %); a unit on a "
               "qualitative value (应保尽保 with unit %).",
    rationale="指标值应由指标性质、数值和计量单位组成（财预〔2021〕101号）；单位或方向错误的指标值要么"
              "无法计分，要么永远达标。",
    rationale_en="A target is operator + number + unit (101号); a wrong unit or direction makes "
                 "it either unscorable or always met.",
    source="framework.md §5 Q15 (C S6 “≥100百分比”; S10 “28.8万元”配单位 %、"
           "“应保尽保”配单位 %); §4.2 (101号 成本 ≤ 金额)",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "委托业务报告合格率"
target = "≥100百分比"
actual = "100%"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "委托业务报告合格率"
target = "≥100%"
actual = "100%"
''',
    check=_unit_nonsense,
    settings=(
        Setting("bad_unit_words", "texts", "紧跟在数字后即报告的伪单位（如“百分比”）",
                help_en="pseudo-units reported right after a number (such as 百分比)"),
        Setting("reverse_percent_limit", "number",
                "≤/< 的百分比指标值达到此数即报告（上限 100% 不构成约束）", min=Decimal(0),
                help_en="a ≤/< percentage target at this value or above is reported (a 100% ceiling constrains nothing)"),
        Setting("cost_level2", "texts", "二级指标名含这些词时，金额指标值用 ≥/> 即报告",
                help_en="a level-2 name containing one of these words makes a ≥/> money target a finding"),
        Setting("check_unit_column", "boolean", "检查四川表的度量单位列是否与指标值相符",
                help_en="check that the Sichuan unit column agrees with the target"),
    ),
)


# ---------------------------------------------------------------------------------------
# I304 / I314 missing-category
# ---------------------------------------------------------------------------------------


def _missing_categories(ctx: CaseContext) -> list[str]:
    case = ctx.case
    if not case.project.has_form or is_truncated(case, ctx.options["truncation_words"]):
        return []
    present: set[str] = set()
    for _, row in _live_rows(case):
        category = _category(ctx.taxonomy, row)
        if category is not None:
            present.add(category.name)
    if not present:
        return []
    return [c.name for c in ctx.taxonomy.level1 if c.name not in present]


def _missing_hits(ctx: CaseContext) -> Iterator[Hit]:
    present = "、".join(sorted({c.name for _, r in _live_rows(ctx.case)
                                if (c := _category(ctx.taxonomy, r)) is not None}))
    for name in _missing_categories(ctx):
        yield Hit(
            "$.indicators",
            {"category": name, "profile": ctx.profile.id},
            expected="产出、效益、满意度三类一级指标齐全（" + "、".join(ctx.taxonomy.names()) + "）",
            found=f"表中有：{present or '—'}；没有“{name}”下的任何指标",
        )


def _missing_category(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.id in ctx.options["info_profiles"]:
        return iter(())
    return _missing_hits(ctx)


def _missing_category_optional(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.id not in ctx.options["info_profiles"]:
        return iter(())
    return _missing_hits(ctx)


_MISSING_BAD = '''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
'''

MISSING_CATEGORY = Rule(
    code="I304",
    name="missing-category",
    family="indicators",
    severity=Severity.WARNING,
    title="缺少一级指标类别",
    title_en="A level-1 category is missing",
    message="绩效指标中没有“{category}”类指标",
    message_en="the indicator table has no '{category}' indicators",
    summary="完整的自评表缺少产出、效益或满意度某一类一级指标（只有空行也算缺少）。"
            "表格被截断时不检查；info_profiles 所列评分规则（四川）改由 I314 以提示报告。",
    summary_en="A complete form lacks one of the 产出/效益/满意度 categories (blank rows only count "
               "as missing). Skipped when the case says the form is cut off; for the profiles in "
               "info_profiles (Sichuan) I314 reports it as info instead.",
    rationale="财预〔2020〕10号 的自评表由产出、效益、满意度三类指标构成；缺少一类，项目的结果就有一面没有评价。",
    rationale_en="The 10号 form is built from outputs, outcomes and satisfaction; without one of "
                 "them a side of the project's results goes unassessed.",
    source="framework.md §5 Q14 (I; 财预〔2020〕10号 附件1 一级指标; S3 四川表可无满意度)",
    bad=_MISSING_BAD,
    good="",
    check=_missing_category,
    rests_on=CATEGORIES,
    settings=(
        Setting("truncation_words", "texts",
                "project.source 含这些词即视为表格被截断，不检查（小写比较）",
                help_en="project.source containing one of these words means a truncated form: not checked (compared in lower case)"),
        Setting("info_profiles", "texts", "这些评分规则下不报告（由 I314 以提示报告）",
                help_en="not reported under these profiles (I314 reports them as info)"),
    ),
)

MISSING_CATEGORY_OPTIONAL = Rule(
    code="I314",
    name="missing-category-optional",
    family="indicators",
    severity=Severity.INFO,
    title="缺少一级指标类别（该模板允许）",
    title_en="A level-1 category is missing (the template allows it)",
    message="绩效指标中没有“{category}”类指标（{profile} 模板允许省略，请确认是有意省略）",
    message_en="the indicator table has no '{category}' indicators (the {profile} template "
               "allows this; confirm it is intended)",
    summary="与 I304 相同，但只对 info_profiles 所列评分规则（四川 510000_0013zp 不强制 50/30/10 结构，"
            "实际表格常无满意度指标）报告，级别为提示。",
    summary_en="As I304, but only for the profiles in info_profiles (the Sichuan 510000_0013zp "
               "form has no fixed 50/30/10 split and real forms often omit 满意度), as info.",
    rationale="四川模板下省略满意度并不违规，但评审仍应知道项目没有服务对象的评价。",
    rationale_en="Omitting 满意度 is allowed on the Sichuan form, but a reviewer should still "
                 "know that no beneficiary's view was assessed.",
    source="framework.md §5 Q14 (I 四川模式; S3 青神县表 60+30 无满意度)",
    bad='[project]\nprofile = "sichuan"\n' + _MISSING_BAD,
    good='[project]\nprofile = "sichuan"\n',
    check=_missing_category_optional,
    rests_on=CATEGORIES,
    settings=(
        Setting("truncation_words", "texts",
                "project.source 含这些词即视为表格被截断，不检查（与 I304 保持一致）",
                help_en="project.source containing one of these words means a truncated form: not checked (as I304)"),
        Setting("info_profiles", "texts", "只在这些评分规则下报告（与 I304 保持一致）",
                help_en="reported only under these profiles (as I304)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I305 empty-row
# ---------------------------------------------------------------------------------------


def _row_key(taxonomy: Taxonomy, row: Indicator) -> tuple[str, str]:
    category = _category(taxonomy, row)
    return (category.name if category else _label_key(row.level1), _label_key(row.level2))


def _empty_row(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    filled = {_row_key(ctx.taxonomy, r) for _, r in _live_rows(case)}
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(case.indicators):
        if row.not_applicable or not is_blank_row(row) or not row.level2.strip():
            continue
        if _level2_in(row, ctx.options["ignore_level2"]):
            continue
        key = _row_key(ctx.taxonomy, row)
        if key in filled or key in seen:
            continue
        seen.add(key)
        yield Hit(
            _path(index, "name"),
            {"level2": row.level2.strip(), "level1": row.level1.strip() or key[0]},
            expected="每个二级指标下至少一个三级指标，或注明不适用",
            found=f"{row.level1.strip() or '（一级空白）'} / {row.level2.strip()}：三级指标、指标值、完成值均为空",
            expected_en="at least one level-3 indicator under each level-2 line, or a note that it does not apply",
            found_en=(f"{row.level1.strip() or '(level-1 blank)'} / {row.level2.strip()}: "
                      "no level-3 indicator, target or actual"),
        )


EMPTY_ROW = Rule(
    code="I305",
    name="empty-row",
    family="indicators",
    severity=Severity.WARNING,
    title="二级指标下无三级指标",
    title_en="A level-2 line left empty",
    message="二级指标“{level2}”（{level1}）一行留空：没有三级指标、指标值和完成值；应设置指标或注明不适用",
    message_en="the level-2 line '{level2}' ({level1}) is empty: no indicator, target or actual; "
               "set an indicator or mark it not applicable",
    summary="二级指标行（如成本指标、生态效益指标）既无三级指标名也无指标值、完成值，"
            "且同一二级指标下没有其他已填写的行。",
    summary_en="A level-2 line (e.g. 成本指标, 生态效益指标) with no indicator name, target or "
               "actual, and no other filled row under the same level-2 label.",
    rationale="10号 要求一级、二级指标全覆盖自评；留空的二级指标既没有目标也没有说明，评审无从判断是遗漏还是不适用。",
    rationale_en="Every level-1 and level-2 item is to be self-assessed; an empty line is neither "
                 "a target nor an explanation, so a reviewer cannot tell omission from "
                 "non-applicability.",
    source="框架 §5 末段 (C S9: 一级、二级指标 100% 自评); 评审实践 (§4.1 二级指标体系; 种子 招商引资 成本指标、生态效益指标空行)",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = ""
target = ""
actual = ""
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = ""
target = ""
actual = ""
not_applicable = true
''',
    check=_empty_row,
    rests_on=(RECORD,),  # "the row is empty" is said of every cell of it
    settings=(
        Setting("ignore_level2", "texts", "二级指标名含这些词的空行不报告（如不要求设置生态效益指标时）",
                help_en="empty rows whose level-2 name contains one of these words are not reported (e.g. where no ecological indicator is required)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I306 satisfaction-without-survey
# ---------------------------------------------------------------------------------------


def _case_text(case: Case) -> str:
    n, f, g = case.narrative, case.funds, case.goal
    parts = [g.expected, g.actual, n.completion, n.benefit, n.conclusion, n.problems, n.measures,
             n.deviation, f.note, f.reason, *(r.deviation for r in case.indicators)]
    return "\n".join(p for p in parts if p)


def _satisfaction_without_survey(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    words = o["satisfaction_words"]
    if _has(_case_text(ctx.case), o["survey_words"]):
        return
    for item, row in _pairs(ctx):
        if not (_has(item.category, words) or _has(row.level2, words) or _has(row.name, words)):
            continue
        actual = item.actual
        if not (_claims_done(actual) or isinstance(actual, Quantity)):
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "actual": _show(row.actual)},
            expected="满意度 = 满意人数 / 有效调查人数：应说明调查方式、样本量或有效问卷数",
            found=(f"完成值“{row.actual}”；目标、完成情况、结论、偏差说明中均无"
                   f"{'/'.join(o['survey_words'][:4])}等字样"),
            expected_en=("satisfaction = satisfied respondents / valid responses: say how the survey was "
                         "done, its sample size or the number of valid questionnaires"),
            found_en=(f"actual '{row.actual}'; the goal, completion, conclusion and deviation texts "
                      f"mention none of {'/'.join(o['survey_words'][:4])}"),
        )


SATISFACTION_WITHOUT_SURVEY = Rule(
    code="I306",
    name="satisfaction-without-survey",
    family="indicators",
    severity=Severity.WARNING,
    title="满意度无调查依据",
    title_en="Satisfaction without a survey",
    message="满意度指标“{name}”的完成值为“{actual}”，但全文没有说明满意度调查的方式或样本",
    message_en="the satisfaction indicator '{name}' reports '{actual}' but nothing in the case "
               "describes a survey or its sample",
    summary="满意度指标的完成值为“完成”之类或一个数值，而年度目标、完成情况、评价结论、偏差说明和资金备注中"
            "都没有调查、问卷、样本、抽样、测评、访谈等字样。",
    summary_en="A satisfaction indicator answered with a completion word or a figure, while "
               "nothing in the goal, completion, conclusion, deviation or fund notes mentions a "
               "survey, questionnaire, sample, poll or interview.",
    rationale="满意度 = 满意人数 / 有效调查人数；没有调查就没有分母，所报满意度无从核实。",
    rationale_en="Satisfaction = satisfied respondents / valid respondents; without a survey "
                 "there is no denominator and the figure cannot be checked.",
    source="framework.md §5 Q19 (I; C S7 满意度 = 满意人数/有效调查人数); §3.4",
    bad='''
[goal]
actual = "完成培训 210 人次，参训人员普遍满意。"
''',
    good="",
    check=_satisfaction_without_survey,
    rests_on=(HERE, *TEXTS),
    settings=(
        Setting("satisfaction_words", "texts", "一级/二级/三级指标名含这些词即为满意度指标",
                help_en="a level-1/level-2/level-3 name containing one of these words is a satisfaction indicator"),
        Setting("survey_words", "texts", "案例文字含其中任一词即视为说明了调查依据",
                help_en="case text containing any of these words counts as stating the survey basis"),
    ),
)


# ---------------------------------------------------------------------------------------
# I307 / I313 deviation-without-reason
# ---------------------------------------------------------------------------------------

_SHORT_REASONS = ("shortfall", "cap-exceeded", "at-limit", "late")


def _deviation(item: IndicatorScore, row: Indicator) -> tuple[str, str, Decimal | None] | None:
    """(detail, detail_en, closeness ≤ 1 or None) when the row misses its target, else None."""
    if item.evidence is Evidence.MEASURED and item.reason in _SHORT_REASONS:
        if item.reason == "shortfall":
            ratio = item.achievement
            return (f"为指标值的 {pct(ratio)}", f"{pct(ratio)} of the target", ratio)
        if item.reason == "cap-exceeded":
            a = item.achievement
            ratio = (1 / a) if a is not None and a > 0 else None
            return (f"超出上限，达指标值的 {pct(a)}", f"over the ceiling, at {pct(a)} of it", ratio)
        if item.reason == "at-limit":
            return ("恰等于指标值，未满足严格的高于/低于要求", "equal to a strict (> or <) target",
                    None)
        return ("逾期完成", "finished late", None)
    actual = item.actual
    if isinstance(actual, Claim) and actual.level in (ClaimLevel.PARTIAL, ClaimLevel.MISSED):
        done = "未完成" if actual.level is ClaimLevel.MISSED else "部分完成"
        done_en = "not achieved" if actual.level is ClaimLevel.MISSED else "partly achieved"
        return (f"完成值自称{done}", f"the actual says {done_en}", None)
    if (item.evidence is not Evidence.MEASURED  # a met measured row deducted is S206's
            and row.score is not None and row.weight is not None and row.weight > 0
            and row.score < row.weight):
        ratio = row.score / row.weight
        form = f"{figure(row.score)}/{figure(row.weight)}"
        return (f"表内得分 {form}", f"scored {form} on the form", ratio)
    return None


_Deviation = tuple[IndicatorScore, Indicator, str, str, Decimal | None]


def _unexplained(ctx: CaseContext) -> Iterator[_Deviation]:
    form_level = ctx.case.narrative.deviation  # 偏差大或目标未完成原因分析, for the whole form
    if not _is_placeholder(form_level, ctx.options["placeholder_reasons"]):
        return
    for item, row in _pairs(ctx):
        if not _is_placeholder(row.deviation, ctx.options["placeholder_reasons"]):
            continue
        found = _deviation(item, row)
        if found is not None:
            yield item, row, *found


def _deviation_hit(item: IndicatorScore, row: Indicator, detail: str, detail_en: str) -> Hit:
    return Hit(
        _path(item.index, "deviation"),
        {"name": _show(row.name), "target": _show(_target_text(row)), "actual": _show(row.actual),
         "detail": detail, "detail_en": detail_en},
        expected="偏离指标值的，应在“偏差原因分析及改进措施/未完成原因分析”栏说明原因和改进措施",
        found=(f"指标值“{_target_text(row)}” 完成值“{row.actual}”（{detail}）；"
               f"偏差原因“{row.deviation.strip()}”"),
        expected_en=("where the actual departs from the target, the deviation column (偏差原因分析及改进措施) "
                     "gives the reason and the remedy"),
        found_en=(f"target '{_target_text(row)}' actual '{row.actual}' ({detail_en}); "
                  f"deviation reason '{row.deviation.strip()}'"),
    )


def _deviation_without_reason(ctx: CaseContext) -> Iterator[Hit]:
    minor = ctx.options["minor_ratio"]
    for item, row, detail, detail_en, ratio in _unexplained(ctx):
        if ratio is not None and ratio >= minor:
            continue  # a rounding-size miss: I313 reports it as info
        yield _deviation_hit(item, row, detail, detail_en)


def _minor_shortfall(ctx: CaseContext) -> Iterator[Hit]:
    minor = ctx.options["minor_ratio"]
    for item, row, detail, detail_en, ratio in _unexplained(ctx):
        if is_money_spent_short(item):
            continue  # a little money left under a money row is the budget's balance, not less output
        if ratio is not None and minor <= ratio < 1:
            yield _deviation_hit(item, row, detail, detail_en)


DEVIATION_WITHOUT_REASON = Rule(
    code="I307",
    name="deviation-without-reason",
    family="indicators",
    severity=Severity.ERROR,
    title="偏离指标值未说明原因",
    title_en="Target missed with no reason given",
    message="“{name}”的完成值偏离指标值（{target} → {actual}，{detail}），但未说明偏差原因",
    message_en="'{name}' deviates from its target ({target} → {actual}, {detail_en}) but no "
               "reason for the deviation is given",
    summary="完成值未达到指标值（数值不足、超出上限、逾期）、完成值自称部分完成或未完成、或无法核实的指标表内得分低于分值，"
            "而偏差原因栏为空或只写“无”“0”。完成程度不低于 minor_ratio 的微小差距改由 I313 以提示报告。",
    summary_en="The actual falls short (below target, over a ceiling, late), claims partial or "
               "no completion, or an unmeasured row scores below its weight, while the deviation "
               "column is empty or says 无/0. Misses within minor_ratio go to I313 as info.",
    rationale="10号 要求对未完成或偏差较大的指标分析原因并提出改进措施；没有原因的偏差无法复核，也无法改进。",
    rationale_en="10号 requires a reason and an improvement measure for every missed target; an "
                 "unexplained deviation can be neither reviewed nor corrected.",
    source="framework.md §5 Q6 (R 财预〔2020〕10号; C S3 “未完成原因分析”栏; C8)",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
deviation = "受疫情影响下半年两期培训取消，明年一季度补训。"
''',
    rests_on=(HERE, f"{RECORD}.deviation", "$.narrative.deviation"),  # a reason not read may explain it
    check=_deviation_without_reason,
    settings=(
        Setting("minor_ratio", "number",
                "完成程度（完成值/指标值；超上限时为指标值/完成值；或表内得分/分值）不低于此数的差距"
                "不在此报告（由 I313 提示）", min=Decimal(0), max=Decimal(1),
                help_en="a gap with completion (actual/target; target/actual over a ceiling; or form score/weight) at or above this is not reported here (I313 notes it)"),
        Setting("placeholder_reasons", "texts", "偏差原因栏只写这些内容时视为未说明",
                help_en="a deviation column saying only one of these counts as no reason"),
    ),
)

MINOR_SHORTFALL = Rule(
    code="I313",
    name="minor-shortfall-without-reason",
    family="indicators",
    severity=Severity.INFO,
    title="微小偏差未说明原因",
    title_en="Small shortfall with no reason given",
    message="“{name}”略低于指标值（{target} → {actual}，{detail}），未说明偏差原因",
    message_en="'{name}' is slightly short of its target ({target} → {actual}, {detail_en}) "
               "and no reason is given",
    summary="与 I307 相同的情形，但完成程度在 [minor_ratio, 1) 之间，如养护里程 50公里 → 49.78公里（99.56%）。"
            "金额指标少花的零星资金（工作经费 50万元 → 49.78万元）是预算结余，由预算执行规则报告，不在此列。",
    summary_en="The case of I307, but the closeness to target lies in [minor_ratio, 1), e.g. "
               "50 km → 49.78 km (99.56%). A little money left under a money row (50万元 → 49.78万元) "
               "is the budget's balance, reported by the execution rules, not here.",
    rationale="差距很小时通常是零星结余或尾数，不影响等级，但仍应一句话说明；作为提示而非错误，以免淹没真正的偏差。",
    rationale_en="A miss this small is usually a small balance or rounding and does not change "
                 "the grade, but deserves a line of explanation; info, so that it does not drown "
                 "real deviations.",
    source="framework.md §5 Q6 (R 财预〔2020〕10号); 种子 招商引资经费 工作经费 50万元 → 49.78万元",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "道路养护里程"
target = "≥50公里"
actual = "49.78公里"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "道路养护里程"
target = "≥50公里"
actual = "49.78公里"
deviation = "0.22公里路段因施工改道顺延至次年。"
''',
    rests_on=(HERE, f"{RECORD}.deviation", "$.narrative.deviation"),  # a reason not read may explain it
    check=_minor_shortfall,
    settings=(
        Setting("minor_ratio", "number",
                "完成程度不低于此数且小于 1 时在此提示（应与 I307.minor_ratio 相同）",
                min=Decimal(0), max=Decimal(1),
                help_en="completion at or above this and below 1 is noted here (keep equal to I307.minor_ratio)"),
        Setting("placeholder_reasons", "texts", "偏差原因栏只写这些内容时视为未说明",
                help_en="a deviation column saying only one of these counts as no reason"),
    ),
)


# ---------------------------------------------------------------------------------------
# I308 overachievement-unexplained
# ---------------------------------------------------------------------------------------


def _overachievement(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    flag = ctx.profile.quantitative.overachieve_flag_ratio
    for item, row in _pairs(ctx):
        target, actual, ratio = item.target, item.actual, item.achievement
        if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
            continue
        if target.operator.reverse or target.dimension is not actual.dimension:
            continue
        if ratio >= o["far_ratio"]:
            continue  # I316: a target set far below what was achieved
        if (ratio < flag or not _is_placeholder(row.deviation, o["placeholder_reasons"])
                or not _is_placeholder(ctx.case.narrative.deviation, o["placeholder_reasons"])):
            continue
        if _has(row.target, o["per_item_words"]):
            continue  # "各250册" against "共500册": a per-item target read against a total
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "ratio": pct(ratio)},
            expected=f"完成值/指标值 < {pct(flag)}，或在偏差原因栏说明超额原因",
            found=(f"{row.actual} / {_target_text(row)} = {pct(ratio)}；"
                   f"偏差原因“{row.deviation.strip()}”"),
        )


OVERACHIEVEMENT = Rule(
    code="I308",
    name="overachievement-unexplained",
    family="indicators",
    severity=Severity.WARNING,
    title="大幅超额完成未说明原因",
    title_en="Large overachievement not explained",
    message="“{name}”完成值为指标值的 {ratio}（{target} → {actual}），未说明原因：指标值设定可能偏低",
    message_en="'{name}' reached {ratio} of its target ({target} → {actual}) with no "
               "explanation: the target may have been set too low",
    summary="数值指标（≥、> 或 =）的完成值/指标值不低于评分规则的 overachieve_flag_ratio（默认 1.3），"
            "而偏差原因栏为空。指标值写“各……”（每项）时不比较合计。",
    summary_en="A numeric target (≥, > or =) whose actual/target is at least the profile's "
               "overachieve_flag_ratio (1.3 by default) with an empty deviation column. Targets "
               "written per item (各…) are not compared with a total.",
    rationale="10号 要求对大幅超额完成的指标分析原因；如系指标值明显偏低，应按偏差程度扣分。"
              "广西系统在完成值 ≥ 1.3 倍时强制填写偏差说明。",
    rationale_en="10号 asks why a target was far exceeded and, if it was set too low, to deduct "
                 "by the deviation; Guangxi's system makes the explanation mandatory at 1.3×.",
    source="framework.md §5 Q7 (C C2 广西 ≥130% 须说明; R 财预〔2020〕10号); §3.2 over-achievement",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "300人次"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "300人次"
deviation = "上级追加两期线上培训，参训人数增加；明年按实际需求调高指标值。"
''',
    check=_overachievement,
    rests_on=(HERE, f"{RECORD}.deviation", "$.narrative.deviation"),  # a reason not read may explain it
    settings=(
        Setting("placeholder_reasons", "texts", "偏差原因栏只写这些内容时视为未说明",
                help_en="a deviation column saying only one of these counts as no reason"),
        Setting("per_item_words", "texts", "指标值含这些词（每项的数量）时不与合计比较",
                help_en="a target containing one of these words (a per-item quantity) is not compared with the total"),
        Setting("far_ratio", "number", "完成值/指标值达到此倍数时改由 I316 报告（应与 I316.far_ratio 相同）",
                Decimal(1),
                help_en="at or above this actual/target ratio I316 reports the row instead (keep equal to I316.far_ratio)"),
    ),
)


TEN_THOUSAND = Decimal(10000)  # 元 per 万元


# ---------------------------------------------------------------------------------------
# I316 target-far-below-actual
# ---------------------------------------------------------------------------------------


def _target_far_below_actual(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    if not _is_placeholder(ctx.case.narrative.deviation, o["placeholder_reasons"]):
        return
    for item, row in _pairs(ctx):
        target, actual, ratio = item.target, item.actual, item.achievement
        if not (isinstance(target, Quantity) and isinstance(actual, Quantity)) or ratio is None:
            continue
        if target.operator.reverse or target.dimension is not actual.dimension or target.amount <= 0:
            continue
        if ratio < o["far_ratio"] or not _is_placeholder(row.deviation, o["placeholder_reasons"]):
            continue
        if _has(row.target, o["per_item_words"]):
            continue
        yield Hit(
            _path(item.index, "target"),
            {"name": _show(row.name), "target": _show(_target_text(row)),
             "actual": _show(row.actual), "ratio": pct(ratio)},
            expected=f"指标值应按可实现的水平设定；完成值达指标值 {figure(o['far_ratio'])} 倍以上须说明原因",
            found=f"{row.actual} / {_target_text(row)} = {pct(ratio)}；偏差原因“{row.deviation.strip()}”",
            expected_en=f"a target set at an attainable level; an actual {figure(o['far_ratio'])}× the target or more is explained",
            found_en=f"{row.actual} / {_target_text(row)} = {pct(ratio)}; no reason given",
        )


TARGET_FAR_BELOW_ACTUAL = Rule(
    code="I316",
    name="target-far-below-actual",
    family="indicators",
    severity=Severity.ERROR,
    title="指标值设定远低于实际",
    title_en="Target set far below what was achieved",
    message="“{name}”完成值为指标值的 {ratio}（{target} → {actual}），未说明原因：指标值设定过低",
    message_en="'{name}' reached {ratio} of its target ({target} → {actual}) with no reason: the "
               "target was set far too low",
    summary="数值指标（≥、> 或 =）完成值达到指标值的 far_ratio 倍（默认 3 倍）以上，偏差原因栏（含表尾的偏差原因分析）为空。"
            "1.3～3 倍由 I308 提示。指标值写“各……”“每……”时不比较合计。",
    summary_en="A numeric target (≥, > or =) whose actual is at least far_ratio (3) times the target, with "
               "no reason in the row's or the form's deviation cell. 1.3–3× is I308's.",
    rationale="完成值是指标值的数倍，说明指标值不是按可实现的水平设定的（绩效目标“保底”），满分因此失去意义；10号 要求按偏差程度扣分。",
    rationale_en="An actual several times the target shows a target set to be beaten, not to measure; "
                 "full marks then mean nothing (10号 deducts by the deviation).",
    source="framework.md §5 Q7（R 财预〔2020〕10号：指标值明显偏低的，按偏差程度扣分）；real-forms 48（26次 → 12次 之外的反例）",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥100人次"
actual = "450人次"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥100人次"
actual = "450人次"
deviation = "上级追加全员轮训任务，参训人数大幅增加；明年按实际需求调高指标值。"
''',
    check=_target_far_below_actual,
    rests_on=(RECORD, "$.narrative.deviation"),
    settings=(
        Setting("far_ratio", "number", "完成值/指标值达到此倍数即报告", Decimal(1),
                help_en="report at or above this actual/target ratio"),
        Setting("placeholder_reasons", "texts", "偏差原因栏只写这些内容时视为未说明",
                help_en="a deviation column saying only one of these counts as no reason"),
        Setting("per_item_words", "texts", "指标值含这些词（每项的数量）时不与合计比较",
                help_en="a target containing one of these words (a per-item quantity) is not compared with the total"),
    ),
)


# ---------------------------------------------------------------------------------------
# I317 budget-execution-as-indicator
# ---------------------------------------------------------------------------------------


def _budget_execution_as_indicator(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.budget.weight <= 0:
        return  # a rubric scores 预算执行率 as one of its items
    for item, row in _pairs(ctx):
        word = _has(row.name, ctx.options["words"]) or _has(row.target, ctx.options["words"])
        if not word:
            continue
        yield Hit(
            _path(item.index, "name"),
            {"name": _show(row.name or row.target), "word": word,
             "weight": figure(ctx.profile.budget.weight)},
            expected=f"预算执行率已单独计分（{figure(ctx.profile.budget.weight)} 分），绩效指标衡量产出和效益",
            found=f"指标“{_show(row.name)}”：指标值“{_show(row.target)}”",
            expected_en=f"budget execution is scored on its own row ({figure(ctx.profile.budget.weight)} points); "
                        "indicators measure outputs and outcomes",
            found_en=f"indicator '{_show(row.name)}': target '{_show(row.target)}'",
        )


BUDGET_EXECUTION_AS_INDICATOR = Rule(
    code="I317",
    name="budget-execution-as-indicator",
    family="indicators",
    severity=Severity.WARNING,
    title="绩效指标重复考核预算执行",
    title_en="An indicator repeats budget execution",
    message="指标“{name}”考核的是“{word}”，而预算执行已单独计 {weight} 分：同一件事计了两次分",
    message_en="indicator '{name}' measures {word}, which the budget row already scores ({weight} "
               "points): the same thing is scored twice",
    summary="三级指标的名称或指标值是预算执行率、资金支出进度等（可配置），而评分规则已有单独计分的预算执行行。"
            "按评分标准打分的表式（预算执行率本身就是一个评价项目）不在此列。",
    summary_en="A level-3 indicator whose name or target is budget execution, spending progress etc. "
               "(configurable), under a profile that scores budget execution on its own row. Rubric "
               "profiles, where 预算执行率 is an item, are not checked.",
    rationale="预算执行率作为产出指标再计一次分，等于把资金花完当成产出，并使预算执行的权重翻倍。",
    rationale_en="Scoring budget execution again as an output treats spending the money as an output "
                 "and doubles its weight.",
    source="财预〔2020〕10号 附件1（预算执行率单独 10 分）；framework.md §2、§9",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "预算执行率"
target = "≥90%"
actual = "100%"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "培训按期完成率"
target = "≥90%"
actual = "100%"
''',
    check=_budget_execution_as_indicator,
    rests_on=(RECORD,),
    settings=(
        Setting("words", "texts", "名称或指标值含这些词即视为考核预算执行",
                help_en="a name or target containing one of these words measures budget execution"),
    ),
)


# ---------------------------------------------------------------------------------------
# I318 indicator-larger-than-project
# ---------------------------------------------------------------------------------------


def _indicator_larger_than_project(ctx: CaseContext) -> Iterator[Hit]:
    budget = figures(ctx.case.funds).budget
    if budget is None or budget <= 0:
        return
    limit = budget * TEN_THOUSAND * ctx.options["ratio"]  # 元
    for item, row in _pairs(ctx):
        if item.category != "产出指标":
            continue  # an outcome (revenue, investment attracted …) may well exceed the money
        for side, value, text in (("target", item.target, row.target), ("actual", item.actual, row.actual)):
            if isinstance(value, Quantity) and value.dimension is Dimension.MONEY and value.amount > limit:
                amount = value.amount / TEN_THOUSAND
                yield Hit(
                    _path(item.index, side),
                    {"name": _show(row.name), "amount": figure(amount), "budget": figure(budget),
                     "ratio": figure(ctx.options["ratio"])},
                    expected=f"产出指标衡量本项目资金（预算 {figure(budget)} 万元）的产出",
                    found=f"“{_show(row.name)}”：{_show(text)}（{figure(amount)} 万元）",
                    expected_en=f"an output indicator measures what this project's money ({figure(budget)} 10k yuan) produced",
                    found_en=f"'{_show(row.name)}': {_show(text)} ({figure(amount)} 10k yuan)",
                )
                break


INDICATOR_LARGER_THAN_PROJECT = Rule(
    code="I318",
    name="indicator-larger-than-project",
    family="indicators",
    severity=Severity.WARNING,
    title="产出指标描述的是远大于本项目的整体工作",
    title_en="An output describes a programme far larger than the project",
    message="产出指标“{name}”的金额 {amount} 万元超过本项目预算 {budget} 万元的 {ratio} 倍：考核的是整体工作而非本项目产出",
    message_en="output '{name}' names {amount} (10k yuan), more than {ratio}× the project's budget of "
               "{budget}: it measures a whole programme, not this project's output",
    summary="产出指标的指标值或完成值是金额，且超过项目预算数的 ratio 倍（默认 10 倍）。效益指标（如招商引资额、收入）不在此列。",
    summary_en="An output indicator's target or actual is an amount of money more than ratio (10) times "
               "the project's budget. Outcome indicators (investment attracted, revenue) are not checked.",
    rationale="把部门全年任务或上级下达的总盘子当作本项目产出，项目资金的绩效就无从衡量。",
    rationale_en="Taking the department's whole task as the project's output leaves the project's own "
                 "money unmeasured.",
    source="framework.md §4.2（产出指标对应项目资金）；§5 Q16",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "完成全年招商任务"
target = "≥100亿元"
actual = "157.62亿元"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "举办招商推介会"
target = "≥3场"
actual = "4场"
''',
    check=_indicator_larger_than_project,
    rests_on=(RECORD, *MONEY),
    settings=(
        Setting("ratio", "number", "金额超过项目预算的此倍数即报告", Decimal(1),
                help_en="report an amount above this multiple of the project budget"),
    ),
)


# ---------------------------------------------------------------------------------------
# I319 named-items-missing-from-actual
# ---------------------------------------------------------------------------------------

_ITEM_SEPARATORS_RE = re.compile(r"、")  # a list of names; commas separate clauses
_ITEM_MIN_CHARS = 3  # 考察、引进、洽谈: two-character verbs are not named items
_ITEM_TAIL_RE = re.compile(r"等.*$")


def _named_items(text: str, lead_words: Sequence[str]) -> list[str]:
    """The items a cell lists (甲、乙、丙等项建设 → 甲, 乙, 丙), leading verbs and the 等… tail cut."""
    parts = [p.strip() for p in _ITEM_SEPARATORS_RE.split(_compact(text)) if p.strip()]
    if len(parts) < 2:
        return []
    parts[-1] = _ITEM_TAIL_RE.sub("", parts[-1])
    for word in sorted(lead_words, key=len, reverse=True):
        if word and parts[0].startswith(word):
            parts[0] = parts[0][len(word):]
            break
    return [p.strip(_PUNCT) for p in parts if len(p.strip(_PUNCT)) >= _ITEM_MIN_CHARS]


def _mentioned(item: str, text: str, window: int) -> bool:
    if len(item) <= window:
        return item in text
    return any(item[i:i + window] in text for i in range(len(item) - window + 1))


def _named_items_missing(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    window = int(o["window"])
    for item, row in _pairs(ctx):
        if not isinstance(item.target, Text) or not isinstance(item.actual, Text):
            continue
        named = _named_items(row.target, o["lead_words"])
        if len(named) < 2:
            continue
        actual = _compact(row.actual)
        missing = [name for name in named if not _mentioned(name, actual, window)]
        if not missing or len(missing) == len(named) and not _named_items(row.actual, o["lead_words"]):
            continue  # an actual that names nothing at all is I315's or I302's, not a list to compare
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "missing": "、".join(missing), "count": len(missing), "of": len(named)},
            expected=f"完成值逐项说明指标值所列 {len(named)} 项：{'、'.join(named)}",
            found=f"完成值“{_show(row.actual)}”未提到：{'、'.join(missing)}",
            expected_en=f"the actual accounts for each of the {len(named)} items the target names",
            found_en=f"the actual does not mention: {'、'.join(missing)}",
        )


NAMED_ITEMS_MISSING = Rule(
    code="I319",
    name="named-items-missing-from-actual",
    family="indicators",
    severity=Severity.WARNING,
    title="指标值列明的事项在完成值中未出现",
    title_en="Items named in the target are missing from the actual",
    message="“{name}”的指标值列了 {of} 项，完成值未提到其中 {count} 项：{missing}",
    message_en="'{name}': the target names {of} items; the actual does not mention {count} of them: {missing}",
    summary="指标值以顿号等列出若干具体事项（项目、地点、单位），完成值也是文字，却有事项没有再出现"
            "（按连续 window 个字比对）。完成值一项都未提到时由 I302/I315 处理。",
    summary_en="A target listing named items (projects, places, units) whose textual actual leaves some of "
               "them out (compared on runs of `window` characters). An actual naming none of them is left "
               "to I302/I315.",
    rationale="指标值点名的事项没有下文，要么未完成，要么被别的事项替换，都应在偏差原因中说明。",
    rationale_en="A named item with no follow-up was either not done or swapped for another; either needs a reason.",
    source="财预〔2020〕10号 附件1（完成值对应指标值填写）；framework.md §5 Q21；种子 招商引资（富邦、白云破产重整未见下文）",
    bad='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "促成项目落地"
target = "促进甲园区、乙基地、丙中心等项建设"
actual = "丙中心、丁广场等项目落地建设"
''',
    good='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "促成项目落地"
target = "促进甲园区、乙基地、丙中心等项建设"
actual = "甲园区一期投产，乙基地完成主体工程，丙中心落地建设"
''',
    check=_named_items_missing,
    rests_on=(RECORD,),
    settings=(
        Setting("window", "integer", "判断事项是否再次出现时比对的连续字数", Decimal(2), Decimal(10),
                help_en="run of characters compared to tell whether an item reappears"),
        Setting("lead_words", "texts", "第一项前面可去掉的动词",
                help_en="verbs cut from the front of the first item"),
    ),
)


# ---------------------------------------------------------------------------------------
# I309 category-misfit
# ---------------------------------------------------------------------------------------


def _misfit_table(entries: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """``"二级关键词: 词1, 词2"`` entries as (二级关键词, words); malformed ones are skipped."""
    return _misfit_table_of(tuple(entries))


@functools.lru_cache(maxsize=64)  # the rule's setting: the same list for every row
def _misfit_table_of(entries: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for entry in entries:
        head, sep, tail = entry.replace("：", ":").partition(":")
        words = tuple(w.strip() for w in re.split(r"[,，、|]", tail) if w.strip())
        if sep and head.strip() and words:
            out.append((head.strip(), words))
    return out


@functools.lru_cache(maxsize=8)  # once per taxonomy, not per case
def _category_keys(taxonomy: Taxonomy) -> set[str]:
    keys = set()
    for category in taxonomy.level1:
        for label in (category.name, *category.aliases, *category.level2):
            key = _label_key(label)
            if key:
                keys.add(key)
    return keys


def _money_target(target: Value) -> bool:
    if isinstance(target, Quantity):
        return target.dimension is Dimension.MONEY
    if isinstance(target, Text) and target.quantities:
        return all(q.dimension is Dimension.MONEY for q in target.quantities)
    return False


def _misfits(row: Indicator, item: IndicatorScore, o, keys: set[str]) -> Iterator[tuple[str, str]]:
    name = row.name
    level2 = row.level2.strip()
    if _label_key(name) in keys:
        yield (f"三级指标名“{name.strip()}”只是类别名，没有说明衡量什么",
               f"the indicator name '{name.strip()}' is only a category name")
        return
    if _level2_in(row, o["money_level2"]):
        word = _has(name, o["cost_names"])
        if _money_target(item.target) or word:
            what = f"名称含“{word}”" if word else f"指标值“{_show(row.target)}”是金额"
            what_en = (f"its name has '{word}'" if word
                       else f"its target '{_show(row.target)}' is money")
            yield (f"{what}，金额和成本应作为成本指标，而不是{level2}",
                   f"{what_en}: money and costs belong under 成本指标, not {level2}")
            return
    for head, words in _misfit_table(o["misfits"]):
        if head in _compact(level2):
            word = _has(name, words)
            if word:
                yield (f"“{word}”不属于{level2}", f"'{word}' does not belong under {level2}")
                return
    sat = o["satisfaction_words"]
    if _has(name, sat) and not _has(item.category, sat):
        yield (f"满意度类指标放在了“{item.category}”下", f"a satisfaction item filed under {item.category}")


def _category_misfit(ctx: CaseContext) -> Iterator[Hit]:
    keys = _category_keys(ctx.taxonomy)
    for item, row in _pairs(ctx):
        for why, why_en in _misfits(row, item, ctx.options, keys):
            yield Hit(
                _path(item.index, "level2"),
                {"name": _show(row.name), "level2": row.level2.strip() or "—",
                 "why": why, "why_en": why_en},
                expected="三级指标与所属二级指标相符（金额归成本指标，预算执行类不作效益指标……）",
                found=(f"{row.level1.strip() or '—'} / {row.level2.strip() or '—'} / "
                       f"{row.name.strip()}：指标值“{_target_text(row)}”"),
                expected_en=("the level-3 indicator fits its level-2 line (money under 成本指标; budget "
                             "execution is not a benefit …)"),
                found_en=(f"{row.level1.strip() or '—'} / {row.level2.strip() or '—'} / "
                          f"{row.name.strip()}: target '{_target_text(row)}'"),
            )


CATEGORY_MISFIT = Rule(
    code="I309",
    name="category-misfit",
    family="indicators",
    severity=Severity.WARNING,
    title="指标归类不当",
    title_en="Indicator filed under the wrong category",
    message="“{name}”归在“{level2}”下不合适：{why}",
    message_en="'{name}' does not fit under '{level2}': {why_en}",
    summary="关键词判断：数量/质量指标下是金额或成本（工作经费 50万元、成本控制）；经济效益下是结余率；"
            "数量指标下是科目调整次数；生态效益下是控制成本；三级指标名只是类别名；满意度指标放在其他类别下。",
    summary_en="Keyword heuristics: money or cost under 数量/质量 (工作经费 50万元, 成本控制); 结余率 "
               "under 经济效益; 科目调整次数 under 数量; cost control under 生态效益; an indicator "
               "named after a category; a satisfaction item under another category.",
    rationale="归类错误使成本、效益、满意度各类的得分失真，也掩盖了真正缺少的指标（如把经费当数量指标而成本指标空缺）。",
    rationale_en="Misfiled indicators distort each category's score and hide what is really "
                 "missing (money filed as a quantity while the cost line is empty).",
    source="framework.md §5 Q16、Q17 (C S5 结余率/科目调整次数; C S6 控制成本影响程度归生态效益; C S10 三级名为类别名)",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "工作经费"
target = "50万元"
actual = "50万元"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "工作经费"
target = "≤50万元"
actual = "50万元"
''',
    check=_category_misfit,
    settings=(
        Setting("money_level2", "texts", "二级指标名含这些词时，金额指标值或成本类名称即报告",
                help_en="a level-2 name containing one of these words makes a money target or a cost-like name a finding"),
        Setting("cost_names", "texts", "三级指标名含这些词即视为成本类指标",
                help_en="a level-3 name containing one of these words is a cost-like indicator"),
        Setting("misfits", "texts",
                "“二级关键词: 词1, 词2”：二级指标名含关键词、三级指标名含其中任一词即报告",
                help_en="\"level-2 keyword: word1, word2\": reported when the level-2 name has the keyword and the level-3 name any of the words"),
        Setting("satisfaction_words", "texts", "三级指标名含这些词却不在满意度类别下即报告",
                help_en="a level-3 name containing one of these words outside the satisfaction category is reported"),
    ),
)


# ---------------------------------------------------------------------------------------
# I310 missing-target-or-actual
# ---------------------------------------------------------------------------------------


def _missing_value(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    rows = [(item, row) for item, row in _pairs(ctx) if _category(ctx.taxonomy, row) is not None]
    if not rows:
        return
    some_actual = any(not isinstance(item.actual, Empty) for item, _ in rows)
    last = rows[-1][0].index if is_truncated(case, ctx.options["truncation_words"]) else None
    for item, row in rows:
        target, actual = item.target, item.actual
        missing = []
        if isinstance(target, Empty):
            missing.append(("target", "指标值", "target"))
        if isinstance(actual, Empty) and some_actual:
            missing.append(("actual", "完成值", "actual"))
        if missing and item.index == last:
            continue  # the last row of a cut-off form: its cells may simply be cut off
        if missing:
            field = missing[0][0]
            yield Hit(
                _path(item.index, field),
                {"name": _show(row.name), "what": "和".join(m[1] for m in missing),
                 "what_en": " and ".join(m[2] for m in missing)},
                expected="指标值和完成值均已填写",
                found=f"指标值“{row.target}” 完成值“{row.actual}”",
            )
        elif (isinstance(target, Quantity) and target.operator.positive and target.amount == 0):
            yield Hit(
                _path(item.index, "target"),
                {"name": _show(row.name), "what": "有效指标值（正向指标的指标值为 0）",
                 "what_en": "a usable target (a ≥ target of 0)"},
                expected="正向（≥、>）指标的指标值大于 0",
                found=f"指标值“{_target_text(row)}”",
            )


MISSING_VALUE = Rule(
    code="I310",
    name="missing-target-or-actual",
    family="indicators",
    severity=Severity.ERROR,
    title="缺少指标值或完成值",
    title_en="Target or actual missing",
    message="“{name}”缺少{what}",
    message_en="'{name}' has no {what_en}",
    summary="已设三级指标却没有指标值；或在已填写完成值的表中个别指标没有完成值（完成值全部空白的表由 S212 报告）；"
            "或正向指标的指标值为 0。截断表格的最后一行不检查。",
    summary_en="An indicator with no target; an indicator with no actual on a form where other "
               "actuals are filled (a form with every actual blank is S212's); or a ≥ target of "
               "0. The last row of a cut-off form is not checked.",
    rationale="没有指标值就没有评分标准，没有完成值就无从核实；正向指标值为 0 时完成值/指标值无法计算。",
    rationale_en="Without a target there is no standard to score against and without an actual "
                 "nothing to verify; a ≥ target of 0 makes actual/target undefined.",
    source="framework.md §5 Q23 (C C8, C4)",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "培训合格率"
target = "≥95%"
actual = ""
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "培训合格率"
target = "≥95%"
actual = "98%"
''',
    check=_missing_value,
    settings=(
        Setting("truncation_words", "texts",
                "project.source 含这些词即视为表格被截断，最后一行不检查（小写比较）",
                help_en="project.source containing one of these words means a truncated form: its last row is not checked (compared in lower case)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I311 nonstandard-level1
# ---------------------------------------------------------------------------------------


def _nonstandard_level1(ctx: CaseContext) -> Iterator[Hit]:
    standard = {_label_key(s) for s in ctx.options["standard_labels"]}
    groups: dict[tuple[str, str], list[int]] = {}
    for index, row in _live_rows(ctx.case):
        if _label_key(row.level1) in standard:
            continue
        category = ctx.taxonomy.by_level1(row.level1) or ctx.taxonomy.by_level2(row.level2)
        if category is None:
            continue  # not an indicator of the taxonomy (e.g. a 项目管理 rubric row)
        groups.setdefault((row.level1.strip(), category.name), []).append(index)
    for (label, category), indexes in groups.items():
        yield Hit(
            _path(indexes[0], "level1"),
            {"label": f"写作“{label}”" if label else "为空白",
             "label_en": f"reads '{label}'" if label else "is blank",
             "category": category, "count": len(indexes)},
            expected=f"一级指标“{category}”（标准名称：{'、'.join(ctx.options['standard_labels'])}）",
            found=f"一级指标“{label or '（空白）'}”，其下 {len(indexes)} 个三级指标"
                  f"（第 {', '.join(str(i + 1) for i in indexes)} 行）",
            expected_en=(f"level-1 indicator '{category}' (standard names: "
                         f"{', '.join(ctx.options['standard_labels'])})"),
            found_en=(f"level-1 indicator '{label or '(blank)'}' over {len(indexes)} level-3 indicator(s) "
                      f"(rows {', '.join(str(i + 1) for i in indexes)})"),
        )


NONSTANDARD_LEVEL1 = Rule(
    code="I311",
    name="nonstandard-level1",
    family="indicators",
    severity=Severity.WARNING,
    title="一级指标名称不规范",
    title_en="Non-standard level-1 label",
    message="一级指标{label}，其下 {count} 个指标按二级指标应属“{category}”",
    message_en="the level-1 label {label_en}; by their level-2 labels its indicators "
               "({count}) belong under '{category}'",
    summary="三级指标所在的一级指标不是标准名称（产出指标、效益指标、满意度指标）：如“完成指标”、"
            "空白、或把产出类指标放在“项目决策”下。每个名称报告一次。",
    summary_en="Indicators whose level-1 label is not a standard one (产出指标, 效益指标, "
               "满意度指标): 完成指标, a blank cell, or output rows under 项目决策. Reported "
               "once per label.",
    rationale="一级指标决定权重分配（50/30/10）和类别完整性判断；“项目决策”在 10号 附件2 中是另一个评价维度，"
              "用错名称会让读者误解指标的性质。",
    rationale_en="The level-1 label decides the weight split (50/30/10) and the completeness "
                 "check; 项目决策 is a different dimension in 10号 annex 2, so a wrong label "
                 "misleads the reader.",
    source="财预〔2020〕10号 附件1 (一级指标：产出、效益、满意度); framework.md §1.1, §4.1, §6",
    bad='''
[[indicators]]
level1 = "完成指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
''',
    check=_nonstandard_level1,
    rests_on=(HERE, *CATEGORIES),
    settings=(
        Setting("standard_labels", "texts",
                "一级指标的标准名称（比较时忽略空格、“(50分)”之类括注）",
                help_en="the standard level-1 names (compared ignoring spaces and notes such as (50分))"),
    ),
)


# ---------------------------------------------------------------------------------------
# I312 date-target-not-a-date
# ---------------------------------------------------------------------------------------


def _timely_value(value: Value, row: Indicator, o) -> bool:
    """A date or period, a rate (及时率 100%) or a duration (15个工作日)."""
    if isinstance(value, When):
        return True
    if isinstance(value, Quantity):
        if value.dimension is Dimension.PERCENT:
            return True
        if value.dimension is Dimension.COUNT:
            units = o["period_units"]
            return value.unit in units or value.unit.removeprefix("个") in units  # 个工作日
        if value.dimension is Dimension.PLAIN:
            return bool(_has(row.name, o["rate_words"]))
    return False


def _date_target(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    for item, row in _pairs(ctx):
        if not _level2_in(row, o["level2_words"]):
            continue
        target, actual = item.target, item.actual
        if isinstance(target, Empty):
            continue
        if not _timely_value(target, row, o):
            field, which, which_en, cell = "target", "指标值", "target", row.target
        elif isinstance(target, When) and not isinstance(actual, (When, Empty)):
            field, which, which_en, cell = "actual", "完成值", "actual", row.actual
        else:
            continue
        yield Hit(
            _path(item.index, field),
            {"name": _show(row.name), "which": which, "which_en": which_en, "value": _show(cell)},
            expected="时效指标值为日期或期限（如 2021年10月底前、15个工作日内、及时率 ≥95%），完成值为实际完成日期",
            found=f"指标值“{row.target}” 完成值“{row.actual}”",
            expected_en=("a timeliness target is a date or period (e.g. by the end of October 2021, within "
                         "15 working days, on-time rate ≥95%) and its actual the date it was done"),
            found_en=f"target '{row.target}' actual '{row.actual}'",
        )


DATE_TARGET = Rule(
    code="I312",
    name="date-target-not-a-date",
    family="indicators",
    severity=Severity.WARNING,
    title="时效指标没有日期",
    title_en="Timeliness indicator without a date",
    message="时效指标“{name}”的{which}“{value}”不是日期或期限，无法判断是否按时",
    message_en="the {which_en} '{value}' of the timeliness indicator '{name}' is not a date or "
               "period, so timeliness cannot be judged",
    summary="二级为时效指标的行，指标值不是日期、期限、及时率或时长（如“在项目计划完成时间内完成”“及时”），"
            "或指标值是日期而完成值只写“完成”“达成预期指标”。",
    summary_en="A 时效 row whose target is not a date, period, on-time rate or duration "
               "(在项目计划完成时间内完成, 及时), or whose target is a date but the actual only "
               "says 完成 / 达成预期指标.",
    rationale="财预〔2021〕101号：时效指标值为日期或期限；只有日期对日期才能判断是否逾期。",
    rationale_en="101号: timeliness values are dates or periods; only a date against a date "
                 "shows whether the work was late.",
    source="framework.md §4.2 (R 财预〔2021〕101号 时效指标值为日期或期限); §5 Q1",
    bad='''
[[indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "提交报告及时性"
target = "在项目计划完成时间内完成"
actual = "达成预期指标"
''',
    good='''
[[indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "提交报告时间"
target = "2021年11月底前"
actual = "2021年11月20日"
''',
    check=_date_target,
    settings=(
        Setting("level2_words", "texts", "二级指标名含这些词即为时效指标",
                help_en="a level-2 name containing one of these words is a timeliness indicator"),
        Setting("period_units", "texts", "视为期限/时长的计量单位（如 15个工作日、1年）",
                help_en="units that count as a period or duration (such as 15个工作日, 1年)"),
        Setting("rate_words", "texts", "三级指标名含这些词时，不带单位的数值视为比率（及时率 100）",
                help_en="a level-3 name containing one of these words makes a bare number a rate (及时率 100)"),
    ),
)


# ---------------------------------------------------------------------------------------
# I315 actual-repeats-target
# ---------------------------------------------------------------------------------------


def _bare(text: str) -> str:
    return "".join(c for c in _compact(text) if c not in _PUNCT)


def _actual_repeats_target(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        target = item.target
        if not isinstance(target, Text) or target.quantities or isinstance(item.actual, Empty):
            continue  # numbers and dates are I301's; a grade word (优, 良好, 合规) may recur
        if _bare(row.actual) != _bare(row.target):
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "actual": _show(row.actual)},
            expected="完成值写明实际做了什么、达到什么程度（定性指标另注明达成档次）",
            found=f"指标值“{row.target}” 完成值“{row.actual}”",
        )


ACTUAL_REPEATS_TARGET = Rule(
    code="I315",
    name="actual-repeats-target",
    family="indicators",
    severity=Severity.WARNING,
    title="完成值照抄指标值",
    title_en="Actual repeats the target",
    message="“{name}”的完成值“{actual}”与指标值一字不差，没有说明实际完成情况",
    message_en="the actual of '{name}' repeats its target word for word ('{actual}') and says "
               "nothing of what was done",
    summary="描述性的指标值（专款专用、美化环境、不超过预算）被原样抄作完成值。"
            "数值指标的同类问题由 I301 检查；“优”“良好”“合规”这类等级用语相同不报告。",
    summary_en="A descriptive target (专款专用, 美化环境, 不超过预算) copied as the actual. The "
               "numeric case is I301's; a grade word (优, 良好, 合规) recurring is not reported.",
    rationale="定性指标的完成值须有完成情况的简要描述（C3）；照抄指标值等于只声称达标，评审无从判断达成档次。",
    rationale_en="A qualitative actual needs a short description of what was achieved (C3); "
                 "copying the target only claims success and gives the reviewer nothing to "
                 "place it in a tier.",
    source="framework.md §5 Q2 (C3 定性完成情况简要描述必填; C1 三档); 评审实践 (real-forms 34、19 完成值照抄指标值)",
    bad='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "河道环境"
target = "美化环境"
actual = "美化环境。"
''',
    good='''
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "河道环境"
target = "美化环境"
actual = "全年清理河道垃圾 120 吨，沿岸无明显漂浮物，达成年度指标。"
''',
    check=_actual_repeats_target,
)


RULES = (
    WORD_FOR_NUMBER,
    UNMEASURABLE_TARGET,
    UNIT_NONSENSE,
    MISSING_CATEGORY,
    EMPTY_ROW,
    SATISFACTION_WITHOUT_SURVEY,
    DEVIATION_WITHOUT_REASON,
    OVERACHIEVEMENT,
    CATEGORY_MISFIT,
    MISSING_VALUE,
    NONSTANDARD_LEVEL1,
    DATE_TARGET,
    MINOR_SHORTFALL,
    MISSING_CATEGORY_OPTIONAL,
    ACTUAL_REPEATS_TARGET,
    TARGET_FAR_BELOW_ACTUAL,
    BUDGET_EXECUTION_AS_INDICATOR,
    INDICATOR_LARGER_THAN_PROJECT,
    NAMED_ITEMS_MISSING,
)
