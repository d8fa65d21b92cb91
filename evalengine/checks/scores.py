"""S: rules about the points a form hands out: its 分值/权重, its 得分 and its 总分.

These rules compare what the department wrote in the scoring columns with the weights of the
profile (``ctx.profile``) and with the verified scores of :mod:`evalengine.scoring`
(``ctx.score``); they never re-derive a formula themselves.

Which rule owns which row, so that one wrong cell gives one finding:

* a score above its 分值 or below 0 is S201 only (S207/S208 skip it);
* full marks on a measured miss, or on a numeric target answered "部分完成", is S205;
  S207 skips those rows;
* a met measured target scored below its 分值 is S206 (when no reason is given); S207 skips
  those rows, because 10号 allows a reasoned deduction (e.g. a target set too low);
* every qualitative (定性) score outside the tier its actual claims is S208.

Truncated forms: many published forms are cut off before their last rows (the case's
``project.source`` says so).  A sum over the visible rows can then only prove a total wrong
when it already *exceeds* it (scores and weights are never negative), so S202 and S203 check
nothing else on such forms; S210 skips them, S209 does not require a visible total, and S211
compares only the visible items.  The words that mark a source as truncated are a setting of
each rule that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..findings import Severity
from ..fit import fitting_profiles, misfit
from ..i18n import REASONS
from ..model import Case, Indicator
from ..money import read, row_sum
from ..numbers import ZERO, agrees, rounded
from ..scoring import Evidence, IndicatorScore, Status, is_blank_row, is_scored_form, row_roles
from ..values import Claim, ClaimLevel, Empty
from .base import (
    CATEGORIES, HERE, MONEY, RECORD, ROWS, WEIGHTS, CaseContext, Hit, Rule, Setting, is_truncated, money, pct,
)

__all__ = ["RULES"]

_MISSED = ("shortfall", "cap-exceeded", "at-limit", "late")  # measured, target not met
_MET = ("met", "on-time")  # measured, target met

# A 一级 label that carries its printed weight, e.g. "产出指标(50分)".
_PRINTED_WEIGHT_RE = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


# --- shared helpers ----------------------------------------------------------------------


def _name(case: Case, index: int) -> str:
    """The 三级 name of row ``index`` as printed; else its target, else its position."""
    row = case.indicators[index]
    return row.name.strip() or row.target.strip()[:20] or f"第{index + 1}行指标"


def _rows(case: Case) -> list[tuple[int, Indicator]]:
    """The indicator rows that are not empty 二级 lines, subtotals or 其中 repeats."""
    roles = row_roles(case)
    return [(i, row) for i, row in enumerate(case.indicators) if not is_blank_row(row) and i not in roles]


def _tolerance(options: Mapping[str, Any], items: int) -> Decimal:
    """Base tolerance plus the rounding each summed item may carry."""
    return options["tolerance"] + items * options["per_item_tolerance"]


def _form_weight(case: Case, ind: IndicatorScore) -> Decimal | None:
    """The 分值 the form prints for this row (None when it prints none)."""
    return case.indicators[ind.index].weight


def _on_form_scale(case: Case, ind: IndicatorScore) -> Decimal | None:
    """The verified score on the form's own 分值 (scoring scales weights to the profile).

    None when the form prints no 分值 for the row: a form score then has no known scale.
    """
    weight = _form_weight(case, ind)
    if weight is None:
        return None
    if ind.weight <= 0:
        return ZERO if weight == 0 else None
    return ind.verified * weight / ind.weight


def _full(case: Case, ind: IndicatorScore) -> bool:
    """The department gave this row full marks, on a 分值 the form itself prints."""
    row = case.indicators[ind.index]
    return row.weight is not None and row.score is not None and row.score >= row.weight


def _missed_full_marks(case: Case, ind: IndicatorScore, tolerance: Decimal) -> str:
    """Why full marks are wrong on this row ("" when they are not): S205's condition."""
    if not _full(case, ind):
        return ""
    if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
        weight, verified = _form_weight(case, ind), _on_form_scale(case, ind)
        if weight is None or verified is None:
            return ""
        return ind.reason if weight - verified > tolerance else ""
    if (ind.evidence is Evidence.UNSUPPORTED and isinstance(ind.actual, Claim)
            and ind.actual.level in (ClaimLevel.PARTIAL, ClaimLevel.MISSED)):
        return "claim"
    return ""


def _reason(key: str) -> tuple[str, str]:
    return REASONS.get(key, (key, key))


def _placeholder(text: str, placeholders: Sequence[str]) -> bool:
    """A 偏差/原因 cell that says nothing: blank, punctuation, or a placeholder such as "0"."""
    core = "".join(text.split()).strip("。.;；,，:：")
    return not core or core in {p.strip() for p in placeholders}


# --- S201 score-out-of-range -------------------------------------------------------------


def _out_of_range(score: Decimal | None, weight: Decimal | None, tol: Decimal) -> bool:
    return score is not None and (score < 0 or (weight is not None and score > weight + tol))


def _range_params(item: str, item_en: str, score: Decimal, weight: Decimal | None) -> dict:
    """The message parameters; a row that prints no 分值 can only be out of range by being
    negative, so the message says that rather than "0～—"."""
    if weight is None:
        return {"item": item, "item_en": item_en, "score": money(score),
                "problem": "为负数：得分不得为负（该行未填分值）",
                "problem_en": "a negative score (the row gives no weight)"}
    return {"item": item, "item_en": item_en, "score": money(score),
            "problem": f"不在 0～{money(weight)} 分之间：得分不得高于分值，也不得为负",
            "problem_en": f"outside 0 to its weight of {money(weight)}"}


def _range_expected(weight: Decimal | None) -> str:
    return "得分 ≥ 0" if weight is None else f"0 ≤ 得分 ≤ 分值 {money(weight)}"


def _score_out_of_range(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    score, weight = funds.claimed_score, funds.claimed_weight
    if _out_of_range(score, weight, tol):
        assert score is not None
        yield Hit(
            "$.funds.claimed_score",
            _range_params("预算执行率", "budget execution", score, weight),
            expected=_range_expected(weight),
            found=f"预算执行率得分 {money(score)}"
                  + ("（未填分值）" if weight is None else f"，分值 {money(weight)}"),
        )
    for index, row in _rows(ctx.case):
        score, weight = row.score, row.weight
        if not _out_of_range(score, weight, tol):
            continue
        assert score is not None
        name = _name(ctx.case, index)
        yield Hit(
            f"$.indicators[{index}].score",
            _range_params(f"「{name}」", f"“{name}”", score, weight),
            expected=_range_expected(weight),
            found=f"{name}：分值 {'未填' if weight is None else money(weight)}，得分 {money(score)}",
        )


SCORE_OUT_OF_RANGE = Rule(
    code="S201",
    name="score-out-of-range",
    family="scores",
    severity=Severity.ERROR,
    title="得分超出分值范围",
    title_en="Score outside 0 to its weight",
    message="{item}的自评得分 {score} 分{problem}",
    message_en="{item_en} claims {score} points, {problem_en}",
    summary="指标行或预算执行率行的“得分”高于该行“分值/权重”，或为负数。",
    summary_en="An indicator's or the budget row's score is above its weight, or negative.",
    rationale="每一行的得分都以其分值为上限、以 0 为下限；超出范围的得分会直接抬高总分，"
              "通常是填错列或按超额完成加分。",
    rationale_en="Each row's score is capped by its weight and floored at 0; a score out of "
                 "range inflates the total, usually a misplaced column or a bonus for "
                 "over-achievement.",
    source="framework.md §5 Q3；§2（C3：得分 ≤ 分值）",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "260人次"
weight = 20
score = 26
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "260人次"
weight = 20
score = 20
""",
    check=_score_out_of_range,
    rests_on=(RECORD,),  # the message says whether the row prints a 分值
    settings=(
        Setting("tolerance", "number", "得分可高出分值的容差（分）；默认 0：C3 要求得分 ≤ 分值",
                min=Decimal(0), max=Decimal(1),
                help_en="how far a score may exceed its weight (points); default 0: C3 requires score ≤ weight"),
    ),
)


# --- S202 claimed-total-mismatch ---------------------------------------------------------


def _claimed_total_mismatch(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    stated = case.narrative.claimed_total
    if stated is None:
        return
    budget = case.funds.claimed_score
    rows = [(i, r) for i, r in _rows(case) if not r.not_applicable]
    scores = [r.score for _, r in rows if r.score is not None]
    if not scores:
        return
    indicators = sum(scores, ZERO)
    total = indicators + (budget if budget is not None else ZERO)
    items = len(scores) + (budget is not None)
    tol = _tolerance(ctx.options, items)
    complete = (budget is not None and len(scores) == len(rows)
                and not is_truncated(case, ctx.options["truncated_words"]))
    if complete:
        if abs(stated - total) <= tol:
            return
        expected = f"自评总分 = 预算执行率 {money(budget)} + 指标得分 {money(indicators)} = {money(total)}"
    else:
        if total <= stated + tol:
            return
        shown = f"预算执行率 {money(budget)} + " if budget is not None else ""
        expected = (f"可见的 {items} 项得分已合计 {shown}指标得分 {money(indicators)} = {money(total)}，"
                    f"总分不应低于此数")
    yield Hit(
        "$.narrative.claimed_total",
        {"stated": money(stated), "total": money(total), "diff": money(stated - total)},
        expected=expected,
        found=f"自评总分 {money(stated)}",
    )


CLAIMED_TOTAL_MISMATCH = Rule(
    code="S202",
    name="claimed-total-mismatch",
    family="scores",
    severity=Severity.ERROR,
    title="自评总分与各项得分之和不符",
    title_en="Claimed total differs from the sum of the item scores",
    message="自评总分 {stated} 分与各项得分之和 {total} 分不符（相差 {diff} 分）",
    message_en="the claimed total of {stated} differs from the sum of the item scores, {total} "
               "(a difference of {diff})",
    summary="所述自评总分（总分/合计）与预算执行率得分加各三级指标得分之和不一致，超出舍入容差；"
            "只在表内给出各项得分时检查。表格不完整时，只在可见得分之和已超过总分时报告。",
    summary_en="The stated total differs from the budget score plus the indicator scores beyond "
               "rounding; checked only when the form gives item scores. On a truncated form it "
               "fires only when the visible scores already exceed the total.",
    rationale="总分 = 预算执行率得分 + Σ 三级指标得分；两者不符说明总分是另行填写的，"
              "或某项得分被改动而总分未随之更新，评价等级可能因此失真。",
    rationale_en="The total is the budget score plus the indicator scores; a mismatch means the "
                 "total was typed separately or a score changed without it, and the grade may be "
                 "wrong.",
    source="framework.md §3.5（总分 = s_budget + Σ s(三级)；C2、C8）；§5 Q26",
    bad="""
[funds]
claimed_weight = 10
claimed_score = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
score = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "70%"
weight = 40
score = 35
deviation = "部分学员未参加结业考核。"

[narrative]
claimed_total = 100
""",
    good="""
[funds]
claimed_weight = 10
claimed_score = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
score = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "70%"
weight = 40
score = 35
deviation = "部分学员未参加结业考核。"

[narrative]
claimed_total = 95
""",
    check=_claimed_total_mismatch,
    rests_on=(HERE, *ROWS, "$.funds.claimed_score"),
    settings=(
        Setting("tolerance", "number", "总分与得分之和允许的基本差额（分），容纳总分保留一位小数的舍入",
                min=Decimal(0), max=Decimal(5),
                help_en="base allowed difference between the total and the sum of scores (points), for a total rounded to one decimal"),
        Setting("per_item_tolerance", "number", "每加总一项得分另加的舍入容差（分）：每项保留两位小数，最多差 0.005",
                min=Decimal(0), max=Decimal(1),
                help_en="rounding tolerance added per summed score (points): each to two decimals, off by at most 0.005"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语",
                help_en="words in project.source that say the form is truncated or incomplete"),
    ),
)


# --- S203 weights-do-not-sum -------------------------------------------------------------


def _group_weights(
    ctx: CaseContext, rows: list[tuple[int, Indicator]]
) -> dict[str, tuple[Decimal, int, int, Decimal | None]] | None:
    """Per resolved 一级: (Σ form weights, rows, first index, printed 一级 weight or None).

    None when a weighted row's 一级 cannot be resolved (the sums would be guesses).
    """
    groups: dict[str, tuple[Decimal, int, int, Decimal | None]] = {}
    for index, row in rows:
        if row.weight is None:
            continue
        category = ctx.taxonomy.resolve(row.level1, row.level2)
        if category is None:
            return None
        m = _PRINTED_WEIGHT_RE.search(row.level1)
        printed = Decimal(m.group(1)) if m else None
        total, count, first, known = groups.get(category.name, (ZERO, 0, index, None))
        groups[category.name] = (total + row.weight, count + 1, first, known or printed)
    return groups


def _weights_do_not_sum(ctx: CaseContext) -> Iterator[Hit]:
    case, profile, options = ctx.case, ctx.profile, ctx.options
    if misfit(case, profile):
        return  # S213: the form was written for another profile
    rows = _rows(case)
    weights = [r.weight for _, r in rows if r.weight is not None]
    if not weights:
        return
    truncated = is_truncated(case, options["truncated_words"])
    complete = len(weights) == len(rows) and not truncated
    budget = case.funds.claimed_weight
    indicators = sum(weights, ZERO)
    if budget is not None:
        total, expected = budget + indicators, profile.total
        parts = f"预算执行率 {money(budget)} + 指标分值 {money(indicators)}"
    else:
        total, expected = indicators, profile.indicators.total
        parts = f"指标分值 {money(indicators)}"
    tol = _tolerance(options, len(weights) + (budget is not None))
    if (complete and abs(total - expected) > tol) or (not complete and total > expected + tol):
        what = "全表" if budget is not None else "绩效指标"
        what_en = "the form" if budget is not None else "the indicators"
        note = "" if complete else "（表格不完整，可见部分已超出）"
        yield Hit(
            "$.indicators",
            {"what": what, "what_en": what_en, "total": money(total), "expected": money(expected)},
            expected=f"{profile.name}：{what}分值合计 {money(expected)}",
            found=f"{parts} = {money(total)}{note}",
        )

    groups = _group_weights(ctx, rows)
    if not groups:
        return
    fixed = profile.indicators.level1
    for name, (sum_, count, first, printed) in groups.items():
        parent = printed
        if parent is None and options["check_level1_groups"] and fixed:
            parent = fixed.get(name)
        if parent is None:
            continue
        tol = _tolerance(options, count)
        if (complete and abs(sum_ - parent) > tol) or (not complete and sum_ > parent + tol):
            category = next((c for c in ctx.taxonomy.level1 if c.name == name), None)
            origin = "表内所列" if printed is not None else "评分规则规定"
            yield Hit(
                f"$.indicators[{first}].level1",
                {"what": name, "what_en": category.name_en if category else name,
                 "total": money(sum_), "expected": money(parent)},
                expected=f"{name}：{origin}一级分值 {money(parent)}",
                found=f"{name}下 {count} 项三级指标分值合计 {money(sum_)}",
            )


WEIGHTS_DO_NOT_SUM = Rule(
    code="S203",
    name="weights-do-not-sum",
    family="scores",
    severity=Severity.ERROR,
    title="分值合计不等于总分",
    title_en="Weights do not add up",
    message="{what}分值合计 {total} 分，应为 {expected} 分",
    message_en="the weights of {what_en} add up to {total}, not {expected}",
    summary="表内分值（预算执行率分值 + 各三级指标分值）之和不等于评分规则的总分（100，"
            "无预算行分值时为指标部分 90）；或三级指标分值之和不等于其一级指标的分值"
            "（表内一级标签写明分值，如“产出指标(50分)”，或开启 check_level1_groups 时按评分规则）。"
            "只在表内给出分值时检查；表格被截断时只报告可见分值已超出的情况。",
    summary_en="The form's weights (budget weight + indicator weights) do not sum to the profile "
               "total, or the level-3 weights under a level-1 do not sum to its weight (printed in the "
               "label, e.g. 产出指标(50分), or the profile's when check_level1_groups is on). On a "
               "truncated form only a visible sum that already exceeds is reported.",
    rationale="C2 在保存时即校验两条：三级分值之和等于上级分值，总分等于配置总分。分值不闭合时，"
              "满分不是 100，得分和等级都失去可比性。",
    rationale_en="C2 enforces both at save time: children sum to their parent and the grand total "
                 "equals the configured total. Otherwise full marks are not 100 and grades are not "
                 "comparable.",
    source="framework.md §2（C2 权重校验）；§5 Q13",
    bad="""
[funds]
claimed_weight = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
weight = 30

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 20
""",
    good="""
[funds]
claimed_weight = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
weight = 30

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 10
""",
    check=_weights_do_not_sum,
    rests_on=(*WEIGHTS, *CATEGORIES),
    settings=(
        Setting("tolerance", "number", "分值合计允许的基本差额（分）", min=Decimal(0), max=Decimal(5),
                help_en="base allowed difference of the weights' sum (points)"),
        Setting("per_item_tolerance", "number", "每加总一项分值另加的舍入容差（分），如 3×33.33 = 99.99",
                min=Decimal(0), max=Decimal(1),
                help_en="rounding tolerance added per summed weight (points), e.g. 3×33.33 = 99.99"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语",
                help_en="words in project.source that say the form is truncated or incomplete"),
        Setting("check_level1_groups", "boolean",
                "表内未写明一级分值时，是否按评分规则的一级分值（10号 10/50/30/10）检查各一级之和；"
                "默认关闭：10号 称“原则上”，偏离由 S210 提示",
                help_en="when the form prints no level-1 weights, check each level-1 sum against the profile's (10号 10/50/30/10); off by default: 10号 says \"in principle\" and S210 notes departures"),
    ),
)


# --- S204 dominant-indicator -------------------------------------------------------------


def _dominant_indicator(ctx: CaseContext) -> Iterator[Hit]:
    weighted = [(ind.index, w) for ind in ctx.score.indicators
                if (w := _form_weight(ctx.case, ind)) is not None and w > 0]
    if not weighted:
        return
    points = max(sum((w for _, w in weighted), ZERO), ctx.profile.indicators.total)
    if points <= 0:
        return
    for index, weight in weighted:
        share = weight / points
        if share >= ctx.options["max_share"]:
            name = _name(ctx.case, index)
            yield Hit(
                f"$.indicators[{index}].weight",
                {"name": name, "weight": money(weight), "points": money(points),
                 "share": pct(share)},
                expected=f"单项分值低于指标总分 {money(points)} 的 {pct(ctx.options['max_share'])}",
                found=f"{name}：分值 {money(weight)}，占 {pct(share)}",
            )


DOMINANT_INDICATOR = Rule(
    code="S204",
    name="dominant-indicator",
    family="scores",
    severity=Severity.WARNING,
    title="单项指标分值过重",
    title_en="One indicator carries most of the points",
    message="三级指标「{name}」分值 {weight} 分，占指标总分 {points} 分的 {share}，评价结果几乎由这一项决定",
    message_en="indicator “{name}” weighs {weight} of the {points} indicator points ({share}): "
               "this one row decides the result",
    summary="某一个三级指标的分值占绩效指标总分（90 分，或表内分值之和中较大者）的比例达到阈值（默认 50%）。",
    summary_en="A single level-3 indicator holds at least a share (default 50%) of the indicator points "
               "(90, or the form's own sum if larger).",
    rationale="10号 要求二、三级指标按重要程度设置分值；一项指标占一半以上分值时，其余指标形同虚设，"
              "自评无法全面反映产出和效益（如大英县一张表只有一项成本指标，权重 90）。",
    rationale_en="Weights should follow importance; when one row holds half the points or more, "
                 "the others barely count (a real Sichuan form put all 90 points on one cost "
                 "indicator).",
    source="framework.md §2（[I] 单项 ≥ 50% 警告）；§5 Q13；实例 S4",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "经济成本指标"
name = "成本控制数"
operator = "≤"
target = "100"
unit = "万元"
actual = "100"
weight = 90
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 40

[[indicators]]
level1 = "产出指标"
level2 = "经济成本指标"
name = "培训成本"
target = "≤100万元"
actual = "100万元"
weight = 20

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
weight = 30
""",
    check=_dominant_indicator,
    rests_on=(HERE, *WEIGHTS, *ROWS),
    settings=(
        Setting("max_share", "number", "单项分值占指标总分的比例达到此值即提示（framework.md §2：50%）",
                min=Decimal(0), max=Decimal(1),
                help_en="a single weight at this share of the indicator total or more is noted (framework.md §2: 50%)"),
    ),
)


# --- S205 missed-target-full-marks -------------------------------------------------------


def _missed_target_full_marks(ctx: CaseContext) -> Iterator[Hit]:
    for ind in ctx.score.indicators:
        why = _missed_full_marks(ctx.case, ind, ctx.options["tolerance"])
        if not why:
            continue
        row = ctx.case.indicators[ind.index]
        verified = _on_form_scale(ctx.case, ind)
        name = _name(ctx.case, ind.index)
        if why == "claim":
            why_zh = f"完成值为“{row.actual.strip()}”"
            why_en = f"the actual reads “{row.actual.strip()}”"
            expected = f"完成值“{row.actual.strip()}”表明目标未全部完成，不应得满分"
        else:
            zh = _reason(why)[0]
            achieved = f"，完成率 {pct(ind.achievement)}" if ind.achievement is not None else ""
            why_zh = f"指标值 {row.target.strip()}，完成值 {row.actual.strip()}"
            why_en = f"target {row.target.strip()}, actual {row.actual.strip()}"
            expected = f"{why_zh}{achieved}：{zh}，应得 {money(verified)}"
        yield Hit(
            f"$.indicators[{ind.index}].score",
            {"name": name, "why": why_zh, "why_en": why_en, "score": money(row.score)},
            expected=expected,
            found=f"自评得分 {money(row.score)}（分值 {money(row.weight)}，满分）",
        )


MISSED_TARGET_FULL_MARKS = Rule(
    code="S205",
    name="missed-target-full-marks",
    family="scores",
    severity=Severity.ERROR,
    title="未达目标却得满分",
    title_en="Missed target given full marks",
    message="「{name}」未达到目标（{why}），自评却给满分 {score} 分",
    message_en="“{name}” missed its target ({why_en}) yet claims full marks ({score})",
    summary="定量指标经核实未达目标（完成值低于指标值、超出成本上限或逾期），或数值指标以“部分完成”“未完成”作答，"
            "而部门自评得分等于分值。定性指标的档位问题由 S208 报告。",
    summary_en="A measured indicator missed its target (shortfall, cap exceeded or late), or a "
               "numeric target is answered “partly done”/“not done”, while the department's score "
               "equals the weight. Qualitative tiers are S208's.",
    rationale="10号：完成指标值的得满分，未完成的按完成比例计分。未达目标仍给满分，是自评虚高最直接的形式。",
    rationale_en="Under 10号 a met target gets full marks and a missed one scores in proportion; "
                 "full marks on a miss is the plainest form of inflation.",
    source="财预〔2020〕10号（未完成按比例计分）；framework.md §3.2（C1）；§5 Q4、Q21",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
weight = 50
score = 50
deviation = "部分培训因疫情取消。"
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
weight = 50
score = 37.5
deviation = "部分培训因疫情取消。"
""",
    check=_missed_target_full_marks,
    settings=(
        Setting("tolerance", "number", "应得分低于满分超过此值才报告（分）；默认 0.1，同 C8 的得分容差",
                min=Decimal(0), max=Decimal(5),
                help_en="report only when the due score is below full marks by more than this (points); default 0.1, as C8"),
    ),
)


# --- S206 met-target-deducted-without-reason ---------------------------------------------


def _met_target_deducted(ctx: CaseContext) -> Iterator[Hit]:
    for ind in ctx.score.indicators:
        row = ctx.case.indicators[ind.index]
        if not (ind.evidence is Evidence.MEASURED and ind.reason in _MET
                and row.weight is not None and row.score is not None):
            continue
        rounding = ctx.profile.rounding
        # a met target earns exactly its weight: only the form's rounding of that weight, or
        # the setting's tolerance, may make the printed score differ from it
        if row.score < 0 or row.score >= row.weight or agrees(
                row.score, row.weight, rounding.places, rounding.mode, ctx.options["tolerance"]):
            continue
        if not (_placeholder(row.deviation, ctx.options["placeholders"])
                and _placeholder(ctx.case.narrative.deviation, ctx.options["placeholders"])):
            continue
        name = _name(ctx.case, ind.index)
        yield Hit(
            f"$.indicators[{ind.index}].deviation",
            {"name": name, "score": money(row.score), "weight": money(row.weight)},
            expected=f"指标值 {row.target.strip()}，完成值 {row.actual.strip()}：{_reason(ind.reason)[0]}"
                     f"；如扣分，应在偏差原因栏说明理由",
            found=f"自评得分 {money(row.score)}/{money(row.weight)}，偏差原因“{row.deviation.strip()}”",
        )


MET_TARGET_DEDUCTED = Rule(
    code="S206",
    name="met-target-deducted-without-reason",
    family="scores",
    severity=Severity.WARNING,
    title="已达目标却扣分且未说明",
    title_en="Met target deducted without a reason",
    message="「{name}」已达到目标，自评却只给 {score} 分（分值 {weight}），且未说明扣分理由",
    message_en="“{name}” met its target but claims only {score} of {weight}, with no reason given",
    summary="定量指标经核实已达目标，表内得分却低于分值，偏差原因栏为空或只有“0”“无”等占位内容。"
            "达到目标应得的正是分值本身，任何舍入方式都不会让它变少：低于分值即为扣分（tolerance 可另行放宽）。",
    summary_en="A measured indicator met its target, yet the form scores it below its weight and "
               "the deviation column is blank or a placeholder. A met target earns exactly its weight, "
               "which no rounding lowers: any score below it is a deduction (tolerance may relax this).",
    rationale="达到指标值应得满分；10号 允许因目标设定过低（超额完成）酌情扣分，但须说明理由。"
              "没有理由的扣分要么是填错，要么掩盖了表中未写明的问题。",
    rationale_en="A met target earns full marks; 10号 allows a deduction (e.g. a target set too "
                 "low) but it must be explained. An unexplained deduction is a slip or hides "
                 "something.",
    source="财预〔2020〕10号（超额完成须分析原因、酌情扣分）；framework.md §3.2；§5 Q6",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
score = 45
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "310人次"
weight = 50
score = 45
deviation = "实际完成远超指标值，年初指标设定偏低，酌情扣5分；下年按历史均值设定指标。"
""",
    rests_on=(HERE, f"{RECORD}.deviation", "$.narrative.deviation"),  # a reason not read may explain it
    check=_met_target_deducted,
    settings=(
        Setting("tolerance", "number", "得分低于分值超过此值才算扣分（分）；默认 0.1，同 C8",
                min=Decimal(0), max=Decimal(5),
                help_en="a score below its weight by more than this counts as a deduction (points); default 0.1, as C8"),
        Setting("placeholders", "texts", "偏差原因栏中不算理由的占位内容（去除空白和句末标点后整格等于其一）",
                help_en="deviation-column contents that are no reason (compared after removing blanks and final punctuation)"),
    ),
)


# --- S207 score-differs-from-recomputed --------------------------------------------------


def _score_differs(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    for ind in ctx.score.indicators:
        row = ctx.case.indicators[ind.index]
        verified = _on_form_scale(ctx.case, ind)
        if ind.evidence is not Evidence.MEASURED or row.score is None or verified is None:
            continue
        claimed, weight = row.score, row.weight
        assert weight is not None  # _on_form_scale is None without a printed 分值
        rounding = ctx.profile.rounding  # a score rounded the form's way is not an error
        if agrees(claimed, verified, rounding.places, rounding.mode, tol):
            continue
        if claimed < 0 or claimed > weight:
            continue  # S201
        if claimed >= weight and ind.reason in _MISSED:
            continue  # S205
        if ind.reason in _MET and claimed < verified:
            continue  # S206: a met target deducted, which 10号 allows with a reason
        name = _name(ctx.case, ind.index)
        achieved = f"，完成率 {pct(ind.achievement)}" if ind.achievement is not None else ""
        yield Hit(
            f"$.indicators[{ind.index}].score",
            {"name": name, "score": money(claimed), "verified": money(verified),
             "diff": money(claimed - verified)},
            expected=f"指标值 {row.target.strip()}，完成值 {row.actual.strip()}{achieved}："
                     f"{_reason(ind.reason)[0]}，分值 {money(weight)} → 应得 {money(verified)}",
            found=f"自评得分 {money(claimed)}",
        )


SCORE_DIFFERS = Rule(
    code="S207",
    name="score-differs-from-recomputed",
    family="scores",
    severity=Severity.ERROR,
    title="得分与按公式核算的得分不符",
    title_en="Score differs from the recomputed score",
    message="「{name}」自评得分 {score} 分，按完成值核算应得 {verified} 分（相差 {diff} 分）",
    message_en="“{name}” claims {score}; its actual value earns {verified} "
               "(a difference of {diff})",
    summary="可核实的定量指标（数值或日期已与指标值比较），表内得分与按评分规则公式核算的得分相差超过容差（默认 0.1 分）。"
            "满分给了未达目标的指标由 S205 报告；已达目标而扣分由 S206 报告。",
    summary_en="For a measured indicator, the form's score differs from the profile formula's "
               "score "
               "by more than a tolerance (0.1). Full marks on a miss is S205; a met target scored "
               "lower is S206.",
    rationale="正向指标未达标按 完成值/指标值 × 分值 计分，反向指标按超出程度扣分（C1）；"
              "得分与公式不符说明计算有误或随意取整（如 8.62 分记作 9 分）。",
    rationale_en="Positive indicators score actual/target × weight and reverse ones lose points by "
                 "the excess (C1); a different score is a slip or a generous rounding (8.62 → 9).",
    source="framework.md §3.2（C1 公式）；§5 Q4（C8：容差 0.1）",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "工程资金金额"
target = "≥43.2万元"
actual = "37.24万元"
weight = 10
score = 9
deviation = "剩余尾款未付。"
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "工程资金金额"
target = "≥43.2万元"
actual = "37.24万元"
weight = 10
score = 8.62
deviation = "剩余尾款未付。"
""",
    check=_score_differs,
    settings=(
        Setting("tolerance", "number", "得分与核算得分允许的差额（分）；C8 取 0.1", min=Decimal(0), max=Decimal(5),
                help_en="allowed difference between the claimed and recomputed score (points); C8 uses 0.1"),
    ),
)


# --- S208 qualitative-score-outside-tier -------------------------------------------------


def _qualitative_outside_tier(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    tiers = ctx.profile.qualitative.tiers
    for ind in ctx.score.indicators:
        row = ctx.case.indicators[ind.index]
        weight, claimed = row.weight, row.score
        if not (ind.evidence is Evidence.CLAIM and isinstance(ind.actual, Claim)
                and weight is not None and weight > 0 and claimed is not None
                and ind.tier in tiers):
            continue
        if claimed < 0 or claimed > weight:
            continue  # S201
        tier = tiers[ind.tier]  # type: ignore[index]
        low, high = tier.min * weight, tier.max * weight
        if low - tol <= claimed <= high + tol:
            continue
        name = _name(ctx.case, ind.index)
        yield Hit(
            f"$.indicators[{ind.index}].score",
            {"name": name, "actual": row.actual.strip(), "tier": tier.label,
             "score": money(claimed), "low": money(low), "high": money(high)},
            expected=f"完成值“{row.actual.strip()}”属“{tier.label}”档：分值 {money(weight)} 的 "
                     f"{pct(tier.min)}～{pct(tier.max)}，即 {money(low)}～{money(high)} 分",
            found=f"自评得分 {money(claimed)}",
        )


QUALITATIVE_OUTSIDE_TIER = Rule(
    code="S208",
    name="qualitative-score-outside-tier",
    family="scores",
    severity=Severity.ERROR,
    title="定性指标得分不在所属档位",
    title_en="Qualitative score outside its tier",
    message="定性指标「{name}」完成情况为“{actual}”（{tier}），得分应在 {low}～{high} 分之间，自评却为 {score} 分",
    message_en="qualitative indicator “{name}” reports “{actual}” ({tier}), which allows {low} to "
               "{high} points, yet claims {score}",
    summary="定性指标的完成值以档位用语作答（达成/部分达成/未达成），表内得分却落在该档分值区间之外"
            "（达成 80%～100%，部分达成 60%～80%，未达成 0～60%，按评分规则）。",
    summary_en="A qualitative indicator answered with a tier word (achieved / partly / not "
               "achieved) has a score outside that tier's range (80–100%, 60–80%, 0–60% of the "
               "weight, per profile).",
    rationale="10号 对定性指标规定三档计分区间；C1 按档位校验得分。档位与得分矛盾（如“部分达成”得满分）"
              "说明得分没有依据完成情况。区间端点两侧均予接受（10号“含”的归属不明）。",
    rationale_en="10号 sets three score ranges for qualitative indicators and C1 checks them; a "
                 "score outside the claimed tier (full marks for “partly achieved”) is not based "
                 "on the result. "
                 "Scores on a boundary are accepted (10号's “含” is ambiguous).",
    source="财预〔2020〕10号（定性三档 100–80%、80–60%、60–0%）；framework.md §3.3（C1 selfqualscorecheck）；§5 Q5",
    bad="""
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "基层培训体系健全程度"
target = "逐步健全"
actual = "部分达成年度指标并具有一定效果"
weight = 30
score = 30
""",
    good="""
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "基层培训体系健全程度"
target = "逐步健全"
actual = "部分达成年度指标并具有一定效果"
weight = 30
score = 21
deviation = "两个乡镇培训点尚未建成，明年续建。"
""",
    check=_qualitative_outside_tier,
    settings=(
        Setting("tolerance", "number", "档位区间两端允许的舍入差（分）", min=Decimal(0), max=Decimal(1),
                help_en="rounding allowed at either end of a tier's range (points)"),
    ),
)


# --- S209 score-inflation ----------------------------------------------------------------


def _execution_shortfall(case: Case, options: Mapping[str, Any]) -> str:
    """The lowest execution rate below the threshold, as evidence text ("" when none).
    A figure not read is not a figure: no rate from it, and no sum over rows that lost one."""
    funds = case.funds
    base = [("全年预算数", read(funds, "budget"))]
    if options["compare_initial_budget"]:
        base.append(("年初预算数", read(funds, "initial_budget")))
    executed = read(funds, "executed")
    where = "年度资金总额"
    total_unread = "budget" in funds.unread or "executed" in funds.unread
    if not any(b is not None and b > 0 for _, b in base) and funds.rows and not total_unread:
        # The total row is blank or zero (e.g. 0/0/0 over non-zero source rows): use the rows.
        base = [("全年预算数", row_sum(funds, "budget"))]
        if options["compare_initial_budget"]:
            base.append(("年初预算数", row_sum(funds, "initial_budget")))
        executed = row_sum(funds, "executed")
        where = "各资金来源行合计"
    if executed is None:
        return ""
    worst: tuple[Decimal, str, Decimal] | None = None
    for label, amount in base:
        if amount is None or amount <= 0:
            continue
        rate = max(executed, ZERO) / amount
        if rate < options["min_execution_rate"] and (worst is None or rate < worst[0]):
            worst = (rate, label, amount)
    if worst is None:
        return ""
    rate, label, amount = worst
    return f"执行率 = 执行数 {money(executed)} / {label} {money(amount)} = {pct(rate)}（{where}）"


def _deviations(ctx: CaseContext) -> tuple[int, list[str]]:
    """(how many deviations, their evidence): execution, measured misses, unsupported full marks."""
    case, options = ctx.case, ctx.options
    count, out = 0, []
    execution = _execution_shortfall(case, options)
    if execution:
        count, out = 1, [execution]
    unsupported: dict[str, list[str]] = {}
    bare: list[tuple[str, str]] = []
    for ind in ctx.score.indicators:
        name = _name(case, ind.index)
        row = case.indicators[ind.index]
        if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
            achieved = f"，完成率 {pct(ind.achievement)}" if ind.achievement is not None else ""
            count += 1
            out.append(f"{name}：指标值 {row.target.strip()}，完成值 {row.actual.strip()}{achieved}")
        elif ind.evidence is Evidence.UNSUPPORTED:
            actual = row.actual.strip()
            unsupported.setdefault(ind.reason, []).append(f"{name}（“{actual}”）" if actual else name)
        elif (options["bare_claims"] and ind.evidence is Evidence.CLAIM
              and isinstance(ind.actual, Claim)):
            bare.append((name, row.actual.strip()))
    for reason, names in unsupported.items():
        count += len(names)
        out.append(f"{_reason(reason)[0]}：{'、'.join(names)}")
    if bare:
        count += len(bare)
        words = {word for _, word in bare}
        if len(words) == 1:
            out.append(f"{len(bare)} 项定性指标完成值只写“{words.pop()}”，无完成情况描述："
                       + "、".join(name for name, _ in bare))
        else:
            out.append(f"{len(bare)} 项定性指标完成值只有完成用语，无完成情况描述："
                       + "、".join(f"{name}（“{word}”）" for name, word in bare))
    return count, out


def _score_inflation(ctx: CaseContext) -> Iterator[Hit]:
    case, options = ctx.case, ctx.options
    indicators = ctx.score.indicators
    if len(indicators) < options["min_indicators"] or not all(_full(case, i) for i in indicators):
        return
    stated = case.narrative.claimed_total
    truncated = is_truncated(case, options["truncated_words"])
    floor = options["min_total_share"] * ctx.profile.total
    if stated is not None:
        total, total_en = f"自评总分 {money(stated)}", f"claimed total {money(stated)}"
        if stated < floor:
            return
    elif not truncated and case.funds.claimed_score is not None:
        computed = case.funds.claimed_score + sum((i.claimed for i in indicators), ZERO)
        floor = options["min_total_share"] * (
            (case.funds.claimed_weight or ctx.profile.budget.weight)
            + sum((_form_weight(case, i) or ZERO for i in indicators), ZERO))
        total, total_en = f"合计 {money(computed)}", f"total {money(computed)}"
        if computed < floor:
            return
    else:
        total, total_en = "未见总分", "no total visible"
    n, deviations = _deviations(ctx)
    if not n:
        return
    yield Hit(
        "$.indicators",
        {"count": len(indicators), "total": total, "total_en": total_en, "n": n},
        expected="存在偏差或无据可查时，不应全部给满分（自评结果应客观准确，不得虚高）",
        found="；".join(deviations),
    )


SCORE_INFLATION = Rule(
    code="S209",
    name="score-inflation",
    family="scores",
    severity=Severity.WARNING,
    title="全部满分但存在偏差（自评虚高）",
    title_en="Full marks everywhere despite deviations",
    message="全部 {count} 项指标均自评满分（{total}），但表中有 {n} 处偏差或无据可查的满分，自评分可能虚高",
    message_en="all {count} indicator(s) claim full marks ({total_en}) although the form shows {n} "
               "deviation(s) or unsupported full marks: the score may be inflated",
    summary="表内每个三级指标都给满分、总分为满分或接近满分（未见总分时亦然），而表中存在偏差："
            "预算执行率低于 100%、定量指标未达目标、数值指标以文字作答或无完成值、"
            "定性指标只写“达成预期指标”而无完成情况描述。",
    summary_en="Every indicator claims full marks and the total is (near) the maximum, or not "
               "visible, while the form shows a deviation: execution below 100%, a measured miss, "
               "a word or nothing answering a numeric target, or a bare “achieved” with no "
               "description.",
    rationale="财政部要求自评结果客观准确、不得虚高。逐项满分只有在每项都有据可查且确实达标时才成立；"
              "执行不足或完成值无从核实时仍全部满分，是典型的“一刀切”自评。",
    rationale_en="MOF requires accurate, non-inflated self-assessments. Full marks on every row "
                 "hold "
                 "only if each is evidenced and met; full marks regardless of under-spending or "
                 "unverifiable actuals is a rubber-stamp assessment.",
    source="framework.md §5 Q21（S9：财政部关于中央部门项目支出绩效自评的通知，不得虚高）；实例 real 01、21",
    bad="""
[funds]
executed = 86
claimed_weight = 10
claimed_score = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "完成"
weight = 50
score = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "对提升基层服务能力的影响"
target = "效果明显"
actual = "达成预期指标"
weight = 30
score = 30

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 10
score = 10

[narrative]
claimed_total = 100
""",
    good="""
[funds]
executed = 86
claimed_weight = 10
claimed_score = 8.6
reason = "部分培训改为线上，节约场地费。"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
score = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "对提升基层服务能力的影响"
target = "效果明显"
actual = "达成预期指标"
weight = 30
score = 27
deviation = "个别乡镇服务流程仍未统一。"

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 10
score = 10

[narrative]
claimed_total = 95.6
""",
    check=_score_inflation,
    rests_on=(*ROWS, "$.indicators[*].deviation", "$.narrative.claimed_total"),
    settings=(
        Setting("min_indicators", "integer", "至少有几项打分的指标才检查", min=Decimal(1),
                help_en="check only with at least this many scored indicators"),
        Setting("min_total_share", "number",
                "自评总分达到满分的此比例才算“满分或接近满分”（默认 0.95：广水表自评 95 分而可见项目全为满分）",
                min=Decimal(0), max=Decimal(1),
                help_en="a claimed total at this share of full marks or more counts as \"full or nearly full\" (default 0.95: Guangshui claims 95 with every visible row at full marks)"),
        Setting("min_execution_rate", "number", "执行率低于此值即算偏差（默认 1，即 100%）",
                min=Decimal(0), max=Decimal(1),
                help_en="an execution rate below this counts as a deviation (default 1, i.e. 100%)"),
        Setting("compare_initial_budget", "boolean",
                "执行数也与年初预算数比较（预算调减后执行完毕仍算偏差，如 real 01 的 89.974/90）",
                help_en="also compare executed with the initial budget (fully spending a cut budget still deviates, as real 01's 89.974/90)"),
        Setting("bare_claims", "boolean", "定性指标完成值只有“达成预期指标”“完成”等用语、无描述时，算作无据可查的满分（C3 要求完成情况描述）",
                help_en="a qualitative actual that only says 达成预期指标, 完成 etc. with no description counts as full marks without evidence (C3 requires a description)"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语（此时不要求见到总分）",
                help_en="words in project.source that say the form is truncated or incomplete (then no total is required)"),
    ),
)


# --- S210 level1-weights-differ-from-profile ---------------------------------------------


def _level1_split(ctx: CaseContext) -> Iterator[Hit]:
    case, profile, options = ctx.case, ctx.profile, ctx.options
    fixed = profile.indicators.level1
    if not fixed or is_truncated(case, options["truncated_words"]) or misfit(case, profile):
        return
    rows = _rows(case)
    if not rows or any(r.weight is None for _, r in rows):
        return
    groups = _group_weights(ctx, rows)
    if groups is None:
        return
    budget = case.funds.claimed_weight
    total = sum((g[0] for g in groups.values()), ZERO) + (budget or ZERO)
    expected_total = profile.total if budget is not None else profile.indicators.total
    tol = options["tolerance"]
    if abs(total - expected_total) > tol:
        return  # S203: the total itself is wrong
    names = {c.name: c.name_en for c in ctx.taxonomy.level1}
    found, found_en, want, want_en = [], [], [], []
    differs = False
    if budget is not None:
        differs |= abs(budget - profile.budget.weight) > tol
        found.append(f"预算执行率 {money(budget)}")
        found_en.append(f"budget execution {money(budget)}")
        want.append(f"预算执行率 {money(profile.budget.weight)}")
        want_en.append(f"budget execution {money(profile.budget.weight)}")
    for name, weight in fixed.items():
        actual = groups.get(name, (ZERO,))[0]
        differs |= abs(actual - weight) > tol
        found.append(f"{name} {money(actual)}")
        found_en.append(f"{names.get(name, name)} {money(actual)}")
        want.append(f"{name} {money(weight)}")
        want_en.append(f"{names.get(name, name)} {money(weight)}")
    for name, (actual, *_rest) in groups.items():
        if name not in fixed:
            differs = True
            found.append(f"{name} {money(actual)}")
            found_en.append(f"{names.get(name, name)} {money(actual)}")
    if not differs:
        return
    yield Hit(
        "$.indicators",
        {"found": " / ".join(found), "found_en": " / ".join(found_en),
         "expected": " / ".join(want), "expected_en": " / ".join(want_en)},
        expected=f"{profile.name}（原则上）：{' / '.join(want)}",
        found=" / ".join(found),
    )


LEVEL1_SPLIT = Rule(
    code="S210",
    name="level1-weights-differ-from-profile",
    family="scores",
    severity=Severity.INFO,
    title="一级指标分值与 10号 默认分配不同",
    title_en="Level-1 weights differ from the default split",
    message="一级指标分值为 {found}，与 10号 原则上的 {expected} 不同（总分仍为满分，仅作提示）",
    message_en="the level-1 weights are {found_en}, not the default {expected_en} (the total is "
               "still right; for information)",
    summary="采用固定一级分值的评分规则（中央 10号：预算执行率 10、产出 50、效益 30、满意度 10）时，"
            "表内各一级下三级指标分值之和与默认分配不同，而总分正确。四川等不固定一级分值的评分规则不检查；"
            "表格不完整时不检查。",
    summary_en="Under a profile with fixed level-1 weights (central 10号: 10/50/30/10), the form's "
               "level-1 sums differ from that split while the total is right. Not checked under "
               "profiles without a fixed split (Sichuan) or on truncated forms.",
    rationale="10号 规定一级指标“原则上”按 10/50/30/10 设置，特殊情况可调整但总分仍为 100%。"
              "调整本身不是错误，但评审时应知道、并核对调整是否有说明。",
    rationale_en="10号 sets 10/50/30/10 “in principle”; adjusting is allowed if the total stays "
                 "100, so it is not an error, but a reviewer should know and look for the reason.",
    source="财预〔2020〕10号（原则上 10/50/30/10）；framework.md §2（S1、S6、S11；[I] 中央模式提示）",
    bad="""
[funds]
claimed_weight = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 60

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
weight = 20

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 10
""",
    good="""
[funds]
claimed_weight = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"
weight = 30

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
weight = 10
""",
    check=_level1_split,
    rests_on=(*WEIGHTS, *CATEGORIES),
    settings=(
        Setting("tolerance", "number", "一级分值之和允许的舍入差（分）", min=Decimal(0), max=Decimal(5),
                help_en="rounding allowed on a level-1 weight sum (points)"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语（此时不检查）",
                help_en="words in project.source that say the form is truncated or incomplete (then nothing is checked)"),
    ),
)


# --- S211 claimed-rating-differs ---------------------------------------------------------


def _same_grade(stated: str, grade: str) -> bool:
    stated = stated.strip()
    return stated == grade or stated.startswith(grade) or grade.startswith(stated)


def _budget_on_form_scale(ctx: CaseContext) -> Decimal | None:
    """The verified budget score on the form's own 分值 for that row."""
    budget = ctx.score.budget
    if budget.verified is None:
        return None
    weight = ctx.case.funds.claimed_weight
    if weight is None or budget.weight <= 0:
        return budget.verified
    return budget.verified * weight / budget.weight


def _claimed_rating_differs(ctx: CaseContext) -> Iterator[Hit]:
    case, score, options = ctx.case, ctx.score, ctx.options
    # a cut-off form is not graded, but its visible items are still compared (below), unless
    # they rest on too little evidence to be compared (what would otherwise be "thin-evidence")
    if score.status is not Status.RATED and (
            score.status_reason != "incomplete" or not score.indicators
            or rounded(score.evidence_share, 6) < ctx.profile.evidence.min_share):
        return
    truncated = is_truncated(case, options["truncated_words"])
    from_form = all(i.claimed_from_form for i in score.indicators)
    if case.narrative.claimed_total is not None and not truncated:
        kind, kind_en = "自评总分", "stated total"
    elif from_form:
        kind, kind_en = "表内自评得分", "form's own scores"
    elif options["include_implied"]:
        kind, kind_en = "按所填完成情况推算的自评分", "score implied by the reported results"
    else:
        return

    # Each item's claimed and verified score, both on the form's own scale.
    items: list[tuple[str, Decimal, Decimal, str]] = []  # (name, claimed, verified, reason)
    budget = score.budget
    if budget.claimed is not None:
        items.append(("预算执行率", budget.claimed, _budget_on_form_scale(ctx) or ZERO, ""))
    for ind in score.indicators:
        verified_item = _on_form_scale(case, ind)
        if verified_item is None:
            verified_item = ind.verified
        items.append((_name(case, ind.index), ind.claimed, verified_item, ind.reason))

    claimed_grade = verified_grade = ""
    if truncated:
        # Only the visible items can be compared: a stated total covers rows we cannot see.
        claimed = sum((c for _, c, _, _ in items), ZERO)
        verified = sum((v for _, _, v, _ in items), ZERO)
        kind, kind_en = f"{kind}（表格不完整，仅比较可见项目）", f"{kind_en} (truncated form: visible items only)"
    else:
        if score.claimed_total is None or score.verified_total is None:
            return
        claimed, verified = score.claimed_total, score.verified_total
        stated_grade = case.narrative.claimed_grade.strip()
        claimed_grade = stated_grade or (score.claimed_grade.grade if score.claimed_grade else "")
        verified_grade = score.verified_grade.grade if score.verified_grade else ""
    gap = claimed - verified
    grade_differs = bool(claimed_grade and verified_grade
                         and not _same_grade(claimed_grade, verified_grade))
    by_points = abs(gap) > options["max_gap"]
    by_grade = (options["flag_grade_change"] and grade_differs
                and abs(gap) >= options["grade_min_gap"])
    if not (by_points or by_grade):
        return

    sign = 1 if gap > 0 else -1
    contributors = sorted(
        ((sign * (c - v), name, c, v, reason)
         for name, c, v, reason in items if sign * (c - v) > 0),
        key=lambda item: item[0], reverse=True,
    )
    top = [
        f"{name} 自评 {money(c)}，核实 {money(v)}" + (f"（{_reason(reason)[0]}）" if reason else "")
        for _, name, c, v, reason in contributors[: int(options["max_contributors"])]
    ]
    top_en = [
        f"{name} claimed {money(c)}, verified {money(v)}" + (f" ({_reason(reason)[1]})" if reason else "")
        for _, name, c, v, reason in contributors[: int(options["max_contributors"])]
    ]
    grades = ("", "")
    if claimed_grade and verified_grade:
        grades = (f"（{claimed_grade}）", f"（{verified_grade}）")
    grades_en = ""
    if claimed_grade and verified_grade:
        bands = {b.grade: b.grade_en for b in ctx.profile.grades.bands}
        grades_en = (f"; grade {bands.get(claimed_grade, claimed_grade)} vs "
                     f"{bands.get(verified_grade, verified_grade)}")
    found = f"{kind} {money(claimed)}{grades[0]}"
    if top:
        found += "；差额主要来自：" + "；".join(top)
    bands_en = {b.grade: b.grade_en for b in ctx.profile.grades.bands}
    claimed_en = f" ({bands_en.get(claimed_grade, claimed_grade)})" if grades[0] else ""
    verified_en = f" ({bands_en.get(verified_grade, verified_grade)})" if grades[1] else ""
    found_en = f"{kind_en} {money(claimed)}{claimed_en}"
    if top_en:
        found_en += "; the gap comes mostly from: " + "; ".join(top_en)
    yield Hit(
        "$.narrative.claimed_total",
        {"kind": kind, "kind_en": kind_en, "claimed": money(claimed), "verified": money(verified),
         "gap": money(abs(gap)), "direction": "偏高" if gap > 0 else "偏低",
         "direction_en": "above" if gap > 0 else "below", "claimed_grade": grades[0],
         "verified_grade": grades[1], "grades_en": grades_en},
        expected=f"核实得分 {money(verified)}{grades[1]}",
        found=found,
        expected_en=f"verified score {money(verified)}{verified_en}",
        found_en=found_en,
    )


CLAIMED_RATING_DIFFERS = Rule(
    code="S211",
    name="claimed-rating-differs",
    family="scores",
    severity=Severity.WARNING,
    title="自评得分与核实得分差距过大",
    title_en="Claimed rating differs from the verified one",
    message="{kind} {claimed} 分{claimed_grade}，核实得分 {verified} 分{verified_grade}，"
            "相差 {gap} 分（自评{direction}）",
    message_en="the {kind_en} of {claimed} is {gap} points {direction_en} the verified "
               "{verified}{grades_en}",
    summary="部门自评的总分或等级（所述总分/等级；无总分时为表内得分之和；表内无得分时按其所填完成情况推算）"
            "与按证据核实的得分相差超过阈值（默认 10 分），或两者落在不同等级。证据中列出差额最大的几项。"
            "表格不完整时只比较可见项目。",
    summary_en="The department's claimed total or grade (stated; else the sum of its scores; else "
               "implied by what it reports) differs from the verified score by more than a "
               "threshold (10 points), or falls in another grade. The evidence lists the largest "
               "contributors. On a truncated form only visible items are compared.",
    rationale="自评分与核实分之差是评审最关心的结论：差距大说明自评缺乏依据或计分有误，"
              "需要逐项复核差额最大的指标。",
    rationale_en="The claimed-versus-verified gap is the reviewer's headline: a large gap means "
                 "the self-assessment is not evidenced or mis-scored, and the largest contributors "
                 "need review.",
    source="framework.md §3.5（等级：优 ≥ 90，良 ≥ 80，中 ≥ 60）；§5 Q21、Q26；评审实践（anchors.md：OMB PART / IEG）",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "培训成本"
target = "≤100万元"
actual = "完成"

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "满意"
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"

[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "培训成本"
target = "≤100万元"
actual = "98.6万元"

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "参训人员技能提升率"
target = "≥80%"
actual = "85%"

[[indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "参训人员满意度"
target = "≥90%"
actual = "96%"
""",
    check=_claimed_rating_differs,
    rests_on=(HERE, "$.narrative.claimed_grade", *MONEY, "$.funds.claimed_score",
              "$.funds.claimed_rate", "$.funds.claimed_weight"),
    settings=(
        Setting("max_gap", "number", "自评分与核实分之差超过此值即提示（分）", min=Decimal(0), max=Decimal(100),
                help_en="note a claimed score above the verified one by more than this (points)"),
        Setting("flag_grade_change", "boolean", "自评等级与核实等级不同时也提示",
                help_en="also note a claimed grade that differs from the verified grade"),
        Setting("grade_min_gap", "number", "等级不同且差额至少为此值才提示（分），避免 90.0 对 89.9 一类的边界抖动",
                min=Decimal(0), max=Decimal(100),
                help_en="note a grade change only with at least this gap (points), to avoid noise such as 90.0 against 89.9"),
        Setting("include_implied", "boolean", "表内无得分时，按所填完成情况推算的自评分也参与比较",
                help_en="without scores on the form, also compare the score implied by the stated completion"),
        Setting("max_contributors", "integer", "证据中列出差额最大的指标个数", min=Decimal(1), max=Decimal(20),
                help_en="how many indicators with the largest gaps the evidence lists"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语（此时只比较可见项目）",
                help_en="words in project.source that say the form is truncated or incomplete (then only visible rows are compared)"),
    ),
)


# --- S212 empty-scores -------------------------------------------------------------------


def _empty_scores(ctx: CaseContext) -> Iterator[Hit]:
    indicators = ctx.score.indicators
    printed = [w for i in indicators if (w := _form_weight(ctx.case, i)) is not None]
    if not printed:
        return
    if any(not isinstance(i.actual, Empty) or i.claimed_from_form for i in indicators):
        return
    weights = sum(printed, ZERO)
    yield Hit(
        "$.indicators",
        {"count": len(indicators), "weights": money(weights)},
        expected="每个指标填写完成值和得分",
        found=f"{len(indicators)} 项指标已列分值（合计 {money(weights)}），完成值和得分均为空",
    )


EMPTY_SCORES = Rule(
    code="S212",
    name="empty-scores",
    family="scores",
    severity=Severity.ERROR,
    title="自评表未填完成值和得分",
    title_en="Form has weights but no actuals or scores",
    message="{count} 项指标都列了分值（合计 {weights} 分），但完成值和得分全部空白：自评表实际未填写",
    message_en="all {count} indicator(s) have weights (totalling {weights}) but every actual and "
               "score is blank: the form was never filled in",
    summary="表内列出了指标分值/权重，但每个三级指标的完成值和得分都是空白。",
    summary_en="The form lists indicator weights, but every 完成值 and 得分 is blank.",
    rationale="只有分值没有完成值和得分的自评表等于没有自评：无法核实任何结果，常见于直接公开空白模板。",
    rationale_en="Weights without actuals or scores are no self-assessment at all: nothing can be "
                 "verified; typically a blank template was published.",
    source="framework.md §1.2（四川 510000_0013zp 完成值、得分栏）；§5 Q23；实例 real 03、20",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "发放(缴纳)覆盖率"
operator = "="
target = "100"
unit = "%"
actual = ""
weight = 60

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "足额保障率(参保率)"
operator = "="
target = "100"
unit = "%"
actual = ""
weight = 30
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "发放(缴纳)覆盖率"
operator = "="
target = "100"
unit = "%"
actual = "100"
weight = 60
score = 60

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "足额保障率(参保率)"
operator = "="
target = "100"
unit = "%"
actual = ""
weight = 30
""",
    check=_empty_scores,
    rests_on=(*ROWS,),
)


# --- S213 profile-does-not-fit -------------------------------------------------------------


def _profile_does_not_fit(ctx: CaseContext) -> Iterator[Hit]:
    why = misfit(ctx.case, ctx.profile)
    if why is None:
        return
    fits = fitting_profiles(ctx.case)
    listed = "、".join(fits) if fits else "无"
    listed_en = ", ".join(fits) if fits else "none"
    yield Hit(
        "$.project.profile",
        {"profile": ctx.profile.id, "why": why[0], "why_en": why[1], "fits": listed, "fits_en": listed_en},
        expected=f"评分规则与表式一致（分值符合的评分规则：{listed}）",
        found=f"[project] profile = \"{ctx.profile.id}\"：{why[0]}",
        expected_en=f"the profile the form was written for (profiles its weights fit: {listed_en})",
        found_en=f"[project] profile = \"{ctx.profile.id}\": {why[1]}",
    )


PROFILE_DOES_NOT_FIT = Rule(
    code="S213",
    name="profile-does-not-fit",
    family="scores",
    severity=Severity.ERROR,
    title="表式与评分规则不符",
    title_en="The form does not fit its profile",
    message="本表的分值不符合评分规则“{profile}”：{why}（分值符合的评分规则：{fits}）",
    message_en="the form's weights do not fit profile “{profile}”: {why_en} (profiles they fit: {fits_en})",
    summary="表内所填分值（预算执行分值、指标分值合计、各部分分值）不可能属于案例所选的评分规则。只报告一次；"
            "分值合计（S203）、一级分配（S210）、预算得分（F110）不再按错误的规则逐项报错。",
    summary_en="The weights the form prints (budget row, indicator total, section points) cannot belong "
               "to the case's profile. Reported once; S203, S210 and F110 then stay silent instead of "
               "reporting a cascade of errors under the wrong profile.",
    rationale="各地表式分值不同（10/90、20/80、决策/管理/绩效……）；按错误的规则复核，正确的表也会报错，真正的问题反被淹没。",
    rationale_en="Schemes differ by place (10/90, 20/80, rubric sections…); under the wrong profile an honest "
                 "form gets false errors and real defects drown.",
    source="framework.md §9（各地表式）；real-forms 19、39、40、46（预算执行 20 分）",
    bad="""
[funds]
claimed_weight = 20
claimed_rate = 100
claimed_score = 20
""",
    good="""
[funds]
claimed_weight = 10
claimed_rate = 100
claimed_score = 10
""",
    check=_profile_does_not_fit,
    rests_on=(*WEIGHTS, *ROWS, *CATEGORIES, "$.funds.claimed_score"),
)


# --- S214 score-not-given ------------------------------------------------------------------


def _score_not_given(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if not is_scored_form(case) or ctx.profile.kind == "unscored" or misfit(case, ctx.profile):
        return
    rows = _rows(case)
    scored = [r for _, r in rows if r.score is not None]
    if not scored:
        return  # every 得分 blank: S212
    funds = case.funds
    if funds.claimed_score is None and ctx.profile.budget.weight > 0 and (
            funds.budget is not None or funds.executed is not None or funds.claimed_rate is not None):
        yield Hit("$.funds.claimed_score", {"what": "预算执行得分", "what_en": "the budget row's score"},
                  expected="预算执行行填写得分", found="预算执行得分栏空白，其余得分已填",
                  expected_en="a score on the budget row", found_en="the budget row's 得分 is blank")
    if (funds.claimed_rate is None and funds.claimed_score is not None
            and funds.budget is not None and funds.executed is not None):
        yield Hit("$.funds.claimed_rate", {"what": "预算执行率", "what_en": "the budget row's execution rate"},
                  expected="预算执行行填写执行率", found="执行率栏空白，得分已填",
                  expected_en="the execution rate on the budget row", found_en="the 执行率 cell is blank")
    for index, row in rows:
        if row.score is None and row.weight is not None and row.weight > 0:
            name = _name(case, index)
            yield Hit(f"$.indicators[{index}].score", {"what": f"「{name}」的得分", "what_en": f"the score of “{name}”"},
                      expected=f"「{name}」填写得分（分值 {money(row.weight)}）", found="得分栏空白",
                      expected_en=f"a score for “{name}” (weight {money(row.weight)})",
                      found_en="the 得分 cell is blank")


SCORE_NOT_GIVEN = Rule(
    code="S214",
    name="score-not-given",
    family="scores",
    severity=Severity.WARNING,
    title="得分或执行率栏空白",
    title_en="A score or rate cell is blank",
    message="{what}栏空白（表中其他得分已填）：视为未给出，不按满分或零分推算",
    message_en="{what_en} is blank while the form's other scores are filled: not given, "
               "neither full marks nor zero",
    summary="有得分栏的自评表中，预算执行行或某个有分值的指标行得分空白，或预算执行行已填得分却未填执行率。"
            "空白既不是 0 也不是满分：不据此推算自评分，自评总分也不由它凑出。",
    summary_en="On a form with score cells, the budget row or a weighted indicator row has a blank "
               "score, or the budget row is scored with a blank 执行率. Blank is neither zero nor full "
               "marks: nothing is derived into it.",
    rationale="空白的得分格无法说明部门给了几分；若按满分补齐，自评分就被凭空抬高。",
    rationale_en="A blank score says nothing about the points claimed; filling it with full marks "
                 "would inflate the claimed score.",
    source="framework.md §3.6；§5 Q23（得分栏完整性）",
    bad="""
[funds]
claimed_weight = 10
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 90
score = 90
""",
    good="""
[funds]
claimed_weight = 10
claimed_rate = 100
claimed_score = 10
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 90
score = 90
""",
    check=_score_not_given,
    rests_on=(HERE, *ROWS, *CATEGORIES, "$.funds.claimed_score", "$.funds.budget", "$.funds.executed"),
)


# --- S215 full-marks-on-an-empty-row ---------------------------------------------------------


def _full_marks_on_empty_row(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if misfit(case, ctx.profile):
        return  # S213: a rubric form judged as a target/actual form
    for index, row in _rows(case):
        section = ctx.profile.section(row.level1) if ctx.profile.kind == "rubric" else None
        if section is not None and section.rubric:
            continue  # a rubric item is scored against its 评分标准, not a target
        if (row.target.strip() or row.actual.strip() or row.weight is None or row.weight <= 0
                or row.score is None or row.score < row.weight):
            continue
        name = _name(case, index)
        yield Hit(f"$.indicators[{index}].score", {"name": name, "score": money(row.score)},
                  expected="满分须有指标值和完成值为据", found=f"「{name}」指标值、完成值均空白，得分 {money(row.score)}",
                  expected_en="full marks rest on a target and an actual",
                  found_en=f"“{name}”: target and actual blank, score {money(row.score)}")


FULL_MARKS_ON_EMPTY_ROW = Rule(
    code="S215",
    name="full-marks-without-target-or-actual",
    family="scores",
    severity=Severity.ERROR,
    title="无指标值和完成值却得满分",
    title_en="Full marks with neither target nor actual",
    message="「{name}」既无指标值也无完成值，却自评满分 {score} 分",
    message_en="“{name}” has neither a target nor an actual, yet claims full marks ({score})",
    summary="指标行的指标值和完成值都空白，得分却等于分值。合计行（其下各行分值之和）不算指标，不在此列；按评分标准打分的评价项目也不在此列。",
    summary_en="An indicator row with a blank target and a blank actual scores its full weight. "
               "Subtotal rows and rubric items are not indicators and are not reported.",
    rationale="没有目标和结果，满分无从谈起（10号：得分依据完成值与指标值比较）。",
    rationale_en="With no target and no result there is nothing to earn full marks against.",
    source="财预〔2020〕10号 附件1 填报说明；framework.md §3.6",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
weight = 50
score = 50
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
score = 50
""",
    check=_full_marks_on_empty_row,
    rests_on=(RECORD,),
)


# --- S216 not-an-indicator ---------------------------------------------------------------


def _not_an_indicator(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    for index, (role, others) in sorted(row_roles(case).items()):
        name = _name(case, index)
        if role == "parent":
            listed = "、".join(str(j + 1) for j in others)
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": f"其下第 {listed} 行的合计", "kind_en": f"the subtotal of rows {listed}"},
                      expected="合计行不重复计分", found=f"「{name}」分值 {money(case.indicators[index].weight)} = 其下各行分值之和",
                      expected_en="a subtotal is not scored again",
                      found_en=f"“{name}” weight {money(case.indicators[index].weight)} = the sum of the rows below")
        else:
            above = _name(case, others[0])
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": f"「{above}」的其中项", "kind_en": f"a 其中 part of “{above}”"},
                      expected="其中项不单独计分", found=f"「{name}」重复上一行「{above}」",
                      expected_en="a 其中 row is not scored on its own",
                      found_en=f"“{name}” repeats the row above, “{above}”")


NOT_AN_INDICATOR = Rule(
    code="S216",
    name="not-an-indicator",
    family="scores",
    severity=Severity.INFO,
    title="合计行或其中项，不单独计分",
    title_en="A subtotal or 其中 row, not scored on its own",
    message="「{name}」是{kind}，不作为指标计分（避免重复计分）",
    message_en="“{name}” is {kind_en}; it is not scored as an indicator (no double counting)",
    summary="分值等于其下各行分值之和、且无指标值和完成值的行是合计行；以“其中”开头的行是上一行的分项。二者都不单独计分，自评分和核实分都只算一次。",
    summary_en="A row whose weight is the sum of the rows below it and which has no target or actual "
               "is a subtotal; a row starting 其中 is a part of the row above. Neither is scored on "
               "its own: claimed and verified scores count the points once.",
    rationale="把合计行和明细行都加进总分，自评总分就会超过一级指标的分值。",
    rationale_en="Adding both a subtotal and its rows makes the claimed total overshoot the level-1 weight.",
    source="framework.md §3.5（parent rows are sums of their children, C2、C8）；§9（Anhui: 其中 sub-rows）",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "数量指标"
weight = 50
score = 50

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 25
score = 25

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "培训合格率"
target = "≥95%"
actual = "98%"
weight = 25
score = 25
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 25
score = 25

[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "培训合格率"
target = "≥95%"
actual = "98%"
weight = 25
score = 25
""",
    check=_not_an_indicator,
    rests_on=(RECORD, *ROWS, *CATEGORIES),
)


# --- S217 total-above-visible-maximum -----------------------------------------------------


def _total_above_visible_maximum(ctx: CaseContext) -> Iterator[Hit]:
    case, profile = ctx.case, ctx.profile
    total = case.narrative.claimed_total
    if total is None or not (case.project.incomplete.strip() or is_truncated(case, ctx.options["truncated_words"])):
        return  # a whole form's total is S202's
    deductions: list[tuple[str, Decimal]] = []
    funds = case.funds
    budget_weight = funds.claimed_weight if funds.claimed_weight is not None else profile.budget.weight
    if funds.claimed_score is not None and funds.claimed_score < budget_weight:
        deductions.append(("预算执行", budget_weight - funds.claimed_score))
    for index, row in _rows(case):
        if row.weight is not None and row.score is not None and 0 <= row.score < row.weight:
            deductions.append((_name(case, index), row.weight - row.score))
    lost = sum((d for _, d in deductions), ZERO)
    ceiling = profile.total - lost
    if not deductions or total <= ceiling + ctx.options["tolerance"]:
        return
    listed = "；".join(f"{name} 扣 {money(d)}" for name, d in deductions)
    yield Hit(
        "$.narrative.claimed_total",
        {"total": money(total), "ceiling": money(ceiling), "lost": money(lost)},
        expected=f"自评总分 ≤ {money(profile.total)} − 可见扣分 {money(lost)} = {money(ceiling)}",
        found=f"自评总分 {money(total)}；可见扣分：{listed}",
        expected_en=f"a total of at most {money(profile.total)} − the visible deductions {money(lost)} = {money(ceiling)}",
        found_en=f"stated total {money(total)}",
    )


TOTAL_ABOVE_VISIBLE_MAXIMUM = Rule(
    code="S217",
    name="total-above-visible-maximum",
    family="scores",
    severity=Severity.ERROR,
    title="自评总分高于可见扣分允许的最高分",
    title_en="Stated total above what the visible deductions allow",
    message="自评总分 {total} 分，但表中可见部分已扣 {lost} 分，总分最多 {ceiling} 分",
    message_en="the stated total is {total}, but the visible rows already lose {lost} points: at most {ceiling}",
    summary="表格不完整（被截断）时无法逐项核对总分，但可见各行（含预算执行行）已扣的分是确定的："
            "自评总分不能高于 总分 − 可见扣分。完整表格的总分与得分之和由 S202 核对。",
    summary_en="On a cut-off form the total cannot be summed, but the points the visible rows (budget "
               "row included) already lose are certain: the stated total cannot exceed the maximum "
               "minus them. A whole form's total is S202's.",
    rationale="看不到的行最多得满分；可见行已扣的分不会因此回来。",
    rationale_en="Rows not shown can at most score full marks; what the visible rows lost does not come back.",
    source="framework.md §3.5（总分 = 各项得分之和）；real-forms 21、47（截断表格的自评总分）",
    bad="""
[project]
incomplete = "cut off after the first rows"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
weight = 20
score = 15

[narrative]
claimed_total = 98
""",
    good="""
[project]
incomplete = "cut off after the first rows"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
weight = 20
score = 15

[narrative]
claimed_total = 95
""",
    check=_total_above_visible_maximum,
    rests_on=(HERE, *ROWS, *CATEGORIES, "$.funds.claimed_score", "$.funds.claimed_weight"),
    settings=(
        Setting("tolerance", "number", "允许的舍入差（分）", Decimal(0), Decimal(5),
                help_en="allowed rounding difference (points)"),
        Setting("truncated_words", "texts", "project.source 中表明表格被截断、不完整的词语",
                help_en="words in project.source that say the form is truncated or incomplete"),
    ),
)


# --- S218 converted-score-mismatch ---------------------------------------------------------


def _converted_score_mismatch(ctx: CaseContext) -> Iterator[Hit]:
    rounding = ctx.profile.rounding
    for index, row in _rows(ctx.case):
        if row.item_score is None or row.weight_share is None or row.score is None:
            continue
        expected = row.item_score * row.weight_share / 100
        if agrees(row.score, expected, rounding.places, rounding.mode, ctx.options["tolerance"]):
            continue
        name = _name(ctx.case, index)
        yield Hit(
            f"$.indicators[{index}].score",
            {"name": name, "score": money(row.score), "expected": money(expected),
             "item": money(row.item_score), "share": f"{money(row.weight_share)}%"},
            expected=f"折算得分 = 单项得分 {money(row.item_score)} × 权重占比 {money(row.weight_share)}% = {money(expected)}",
            found=f"折算得分 {money(row.score)}",
            expected_en=f"converted score = item score {money(row.item_score)} × weight share "
                        f"{money(row.weight_share)}% = {money(expected)}",
            found_en=f"converted score {money(row.score)}",
        )


CONVERTED_SCORE_MISMATCH = Rule(
    code="S218",
    name="converted-score-mismatch",
    family="scores",
    severity=Severity.ERROR,
    title="折算得分与单项得分×权重占比不符",
    title_en="Converted score ≠ item score × weight share",
    message="「{name}」折算得分 {score}，按单项得分 {item} × 权重占比 {share} 应为 {expected}",
    message_en="“{name}”: converted score {score}, but item score {item} × weight share {share} is {expected}",
    summary="表内印有单项得分、权重占比和折算得分三栏（部分河北表式）时，折算得分应等于单项得分 × 权重占比，"
            "按评分规则的舍入方式取位。",
    summary_en="Where a form prints an item score, a weight share and a converted score (some Hebei forms), "
               "the converted score is item score × weight share, rounded the profile's way.",
    rationale="折算得分计入总分；算错或随手填写的折算得分会直接改变总分和等级。",
    rationale_en="The converted score enters the total; a wrong one changes the total and the grade.",
    source="framework.md §9（Hebei：折算得分 = 单项得分 × 权重占比 [I]）",
    bad="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
item_score = 90
weight_share = 50
score = 50
""",
    good="""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "210人次"
weight = 50
item_score = 100
weight_share = 50
score = 50
""",
    check=_converted_score_mismatch,
    rests_on=(RECORD,),
    settings=(
        Setting("tolerance", "number", "除评分规则的舍入外再允许的差额（分）", Decimal(0), Decimal(5),
                help_en="difference allowed beyond the profile's rounding (points)"),
    ),
)


RULES = (
    SCORE_OUT_OF_RANGE,
    CLAIMED_TOTAL_MISMATCH,
    WEIGHTS_DO_NOT_SUM,
    DOMINANT_INDICATOR,
    MISSED_TARGET_FULL_MARKS,
    MET_TARGET_DEDUCTED,
    SCORE_DIFFERS,
    QUALITATIVE_OUTSIDE_TIER,
    SCORE_INFLATION,
    LEVEL1_SPLIT,
    CLAIMED_RATING_DIFFERS,
    EMPTY_SCORES,
    PROFILE_DOES_NOT_FIT,
    SCORE_NOT_GIVEN,
    FULL_MARKS_ON_EMPTY_ROW,
    NOT_AN_INDICATOR,
    TOTAL_ABOVE_VISIBLE_MAXIMUM,
    CONVERTED_SCORE_MISMATCH,
)
