"""F: rules about the project's money (项目资金 / 预算执行情况, framework.md §3.1, §5 Q8–Q12, Q22).

The figures a rule reads come from :func:`evalengine.money.figures`, as scoring's do: the
年度资金总额 (total) row, or the sum of its 其中 rows when that row is empty or 0.  Rules that check the form's own arithmetic on the total row
(F109, F110) do not use the rows: F108 reports the empty total row itself.

Every threshold, tolerance and keyword list is a :class:`~.base.Setting` whose value lives in
``rules/checks/funds.toml``.  Keyword lists named ``*_patterns`` are regular expressions
(Python ``re``); one that does not compile is matched literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache


from ..findings import Severity
from ..fit import misfit
from ..model import Case, Funds
from ..money import Figures, figures, filled, row_sum, rows_instead
from ..numbers import HUNDRED, ZERO, agrees
from ..scoring import IndicatorScore, budget_formula
from ..values import Claim, ClaimLevel, Dimension, Quantity, Text, Value, parse_value
from .base import (
    CATEGORIES, HERE, MONEY, RECORD, ROWS, TEXTS, CaseContext, Hit, Rule, Setting, figure, money, pct,
)

__all__ = ["RULES"]

ONE = Decimal(1)
TEN_THOUSAND = Decimal(10000)  # 元 per 万元


def _rate_text(f: Figures) -> str:
    """'4.80/10.30 = 46.60%' (执行数/预算数 = 执行率)."""
    return f"{money(f.executed)}/{money(f.budget)} = {pct(f.rate)}"


# --- text helpers -----------------------------------------------------------------------

_FIELDS = {
    "$.funds.reason": ("原因栏", "the reason field (原因)"),
    "$.funds.adjustment_reason": ("预算调整说明", "the adjustment reason"),
    "$.funds.note": ("资金备注", "the funds note (备注)"),
    "$.goal.expected": ("年度目标", "the annual goal (预期目标)"),
    "$.goal.actual": ("年度目标完成情况", "the goal's outcome (实际完成情况)"),
    "$.narrative.completion": ("项目完成情况", "the completion statement (项目完成情况)"),
    "$.narrative.benefit": ("项目效益情况", "the benefit statement (项目效益情况)"),
    "$.narrative.conclusion": ("评价结论", "the conclusion (评价结论)"),
    "$.narrative.problems": ("存在问题", "the problems statement (存在问题)"),
    "$.narrative.measures": ("改进措施", "the measures statement (改进措施)"),
    "$.narrative.deviation": ("偏差原因分析", "the form's deviation analysis (偏差大或目标未完成原因分析)"),
}


def _field_text(case: Case, path: str) -> str:
    obj: object = case
    for part in path[2:].split("."):
        obj = getattr(obj, part, "")
    return obj if isinstance(obj, str) else ""


def _texts(case: Case, paths: Iterable[str], *, deviations: bool = False
           ) -> Iterator[tuple[str, str, str, str]]:
    """(path, label, label_en, text) of each non-empty text field named, then, if asked,
    each indicator's 偏差原因 cell."""
    for path in paths:
        text = _field_text(case, path)
        if text.strip():
            label, label_en = _FIELDS[path]
            yield path, label, label_en, text
    if deviations:
        for index, row in enumerate(case.indicators):
            if row.deviation.strip():
                name = row.name.strip() or f"第{index + 1}行"
                yield (f"$.indicators[{index}].deviation", f"指标“{name}”的偏差原因",
                       f"the deviation note of indicator “{name}”", row.deviation)


_EXPLAIN_FIELDS = ("$.funds.reason", "$.funds.note", "$.goal.actual", "$.narrative.completion",
                   "$.narrative.benefit", "$.narrative.conclusion", "$.narrative.problems",
                   "$.narrative.measures", "$.narrative.deviation")


def _placeholder(text: str, placeholders: Iterable[str]) -> bool:
    """The cell holds the template's printed guidance, not an answer."""
    return any(word and word in text for word in placeholders)


def _answered(text: str, placeholders: Iterable[str]) -> bool:
    return bool(text.strip()) and not _placeholder(text, placeholders)


def _explanation(case: Case, words: Iterable[str], placeholders: Iterable[str]
                 ) -> tuple[str, str] | None:
    """(label, clause) of the first text that explains the money, or None.

    A filled 原因 cell is a reason whatever it says; elsewhere a text counts when it holds one
    of ``words``.
    """
    if _answered(case.funds.reason, placeholders):
        return _FIELDS["$.funds.reason"][0], _short(case.funds.reason)
    for _path, label, _en, text in _texts(case, _EXPLAIN_FIELDS, deviations=True):
        if _placeholder(text, placeholders):
            continue
        for word in words:
            at = text.find(word) if word else -1
            if at >= 0:
                return label, _clause(text, at, at + len(word))
    return None


# A ``[备注]`` tag with the blanks around it.  Linear on any text: the blanks before it are
# tried only where a run of blanks begins (``(?<!\s)``), and the tag cannot hold a ``[`` (so
# "[[[[…" is not scanned to its end once per bracket); ``\s*\[[^\]]*\]`` was quadratic
# (80 000 spaces: 42 s).
_TAG = r"(?<!\s)\s*\[[^\[\]]*\]\s*"
_SENTENCE_BREAK = re.compile(r"[。；;！!？?\n]|" + _TAG)
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]|" + _TAG)


def _clause(text: str, start: int, end: int, *, commas: bool = False) -> str:
    """The sentence of ``text`` around [start, end) (the comma-delimited clause if
    ``commas``): delimiters and ``[备注]`` tags cut it."""
    left, right = 0, len(text)
    for m in (_CLAUSE_BREAK if commas else _SENTENCE_BREAK).finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return _short(text[left:right].strip(" ，,"))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        if not pattern:
            continue
        try:
            out.append(re.compile(pattern))
        except re.error:
            out.append(re.compile(re.escape(pattern)))
    return tuple(out)


@lru_cache(maxsize=16)
def _ending(words: tuple[str, ...], window: int) -> re.Pattern[str] | None:
    """Matches at the end of a text whose last clause has one of ``words`` at most ``window``
    characters from its end ("未能按时全部" + 完成, "计划2022年" + 完成)."""
    words = tuple(w for w in words if w)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alt})[^，,。；;！!？?、\\n]{{0,{max(window, 0)}}}$")


_NEGATION_REACH = 8  # characters before a match that may negate it


@lru_cache(maxsize=64)
def _negation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A negation word followed by at most a few characters of the same clause, at the end."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if w)
    return re.compile(f"(?:{alternatives})[^，。；,;！!？?]{{0,4}}$") if alternatives else None


def _find(text: str, patterns: tuple[str, ...], negation: re.Pattern[str] | None = None
          ) -> re.Match[str] | None:
    """The first match of any pattern that is not negated by what just precedes it in its
    clause ("没有100%执行完毕", "尚未全部支付")."""
    best = None
    for pattern in _compile(patterns):
        for m in pattern.finditer(text):
            if negation is not None and negation.search(text[max(0, m.start() - _NEGATION_REACH):m.start()]):
                continue
            if best is None or m.start() < best.start():
                best = m
            break
    return best


def _money_amounts(value: Value) -> list[Decimal]:
    """Money amounts (元) in a parsed cell."""
    if isinstance(value, Quantity):
        return [value.amount] if value.dimension is Dimension.MONEY else []
    if isinstance(value, Text):
        return [q.amount for q in value.quantities if q.dimension is Dimension.MONEY]
    return []


def _budget_weight(ctx: CaseContext) -> Decimal:
    weight = ctx.case.funds.claimed_weight
    return weight if weight is not None and weight > 0 else ctx.profile.budget.weight


# =========================================================================================
# F101 completed-without-payment
# =========================================================================================

# 评价结论 is N401's: a success conclusion over unfinished work is reported there, once.
_CLAIM_FIELDS = ("$.goal.actual", "$.narrative.completion", "$.narrative.benefit")


def _completed_without_payment(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = figures(ctx.case.funds)
    rate = f.rate
    if rate is not None:
        if rate > o["max_rate"]:
            return
        paid = f"执行率 = {_rate_text(f)}"
        paid_en = f"execution rate = {_rate_text(f)}"
    elif f.executed is not None and f.executed == 0:  # a negative 执行数 is F113's
        rate = ZERO
        paid = f"支付（执行）数 = {money(f.executed)} 万元，预算数未填"
        paid_en = f"paid (executed) = {money(f.executed)} 10k yuan, no budget given"
    else:
        return
    negation = _ending(o["negation_words"], int(o["negation_window"]))
    patterns = o["claim_patterns"]
    params = {"rate": pct(rate), "executed": money(f.executed), "budget": money(f.budget)}

    claims = []
    for s in ctx.score.indicators:
        actual = s.actual
        if not isinstance(actual, Claim) or actual.level is not ClaimLevel.ACHIEVED:
            continue
        if actual.percent is not None and actual.percent < 100:
            continue
        if actual.percent is not None or _find(actual.text, patterns, negation):
            claims.append(s)
    if claims:
        rows = ctx.case.indicators
        shown = "；".join(f"“{rows[s.index].name}”完成值“{rows[s.index].actual}”" for s in claims[:3])
        more = f" 等 {len(claims)} 项" if len(claims) > 3 else ""
        yield Hit(
            f"$.indicators[{claims[0].index}].actual",
            {**params, "field": f"{len(claims)} 项绩效指标的完成值",
             "field_en": f"the actual value of {len(claims)} indicator(s)",
             "claim": rows[claims[0].index].actual.strip()},
            expected=paid,
            found=f"绩效指标完成值：{shown}{more}",
            expected_en=paid_en,
        )
    for path, label, label_en, text in _texts(ctx.case, _CLAIM_FIELDS):
        m = _find(text, patterns, negation)
        if m is None:
            continue
        clause = _clause(text, m.start(), m.end(), commas=True)
        yield Hit(path, {**params, "field": label, "field_en": label_en, "claim": clause},
                  expected=paid, found=f"{label}：{_short(text)}", expected_en=paid_en,
                  found_en=f"{label_en}: {_short(text)}")


COMPLETED_WITHOUT_PAYMENT = Rule(
    code="F101",
    name="completed-without-payment",
    family="funds",
    severity=Severity.ERROR,
    title="资金基本未支付却称已完成",
    title_en="Completion claimed with little or nothing paid",
    message="预算执行率仅 {rate}（执行 {executed} / 预算 {budget} 万元），{field}却称“{claim}”：完成情况与资金支付不符",
    message_en="only {rate} of the budget was paid ({executed} of {budget} 10k yuan), yet {field_en} "
               "claims “{claim}”: the claimed completion does not match the money spent",
    summary="执行率不高于设定值（默认 50%）时，绩效指标完成值、年度目标完成情况、项目完成情况或效益情况仍称已完成、已达成、实现目标或达到预期"
            "（评价结论由 N401 检查）。"
            "“未完成”“尚未完成”等否定说法不算。",
    summary_en="With an execution rate at or below a setting (50% by default), an indicator's "
               "actual, the goal's outcome, or the completion or benefit statement (the "
               "conclusion is N401's) "
               "still claims the work was completed, achieved, or met its goal. Negated phrases "
               "(未完成, 尚未完成) do not count.",
    rationale="钱没有花出去（或大部分没花），项目却“已完成”“达到预期效益”，要么完成情况不实，要么资金由别处支付、"
              "预算与实际脱节；两种情况自评都不能按完成计分。",
    rationale_en="If the money was not spent, a claim that the work is done is either untrue or "
                 "the work was paid from elsewhere; either way the self-assessment cannot score "
                 "it as completed.",
    source="评审实践：完成情况须与资金执行相符（framework.md §3.1, §5 Q11、Q21；S9 不得虚高自评）；"
           "种子：移动云视讯 4.80/10.30、国产化 0/20.40",
    bad=(
        '[funds]\nexecuted = 0\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 0 }]\n\n'
        '[narrative]\ncompletion = "已全面完成年度培训任务。"'
    ),
    good=(
        '[funds]\nexecuted = 0\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 0 }]\n\n'
        '[goal]\nactual = "培训因场地改造推迟，尚未完成。"\n\n'
        '[narrative]\ncompletion = "项目未完成，资金结转下年使用。"'
    ),
    check=_completed_without_payment,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("max_rate", "number", "执行率不高于此值（小数，0.5 = 50%）视为资金基本未支付", Decimal(0), ONE,
                help_en="an execution rate at or below this (a fraction, 0.5 = 50%) counts as money essentially unspent"),
        Setting("claim_patterns", "regexes", "完成说法的正则表达式（完成、达成、达到预期、实现…目标 …）",
                help_en="regular expressions for a completion claim (完成, 达成, 达到预期, 实现…目标 …)"),
        Setting("negation_words", "texts", "出现在完成说法之前、使其不成立的词（未、尚未、计划、确保 …）",
                help_en="words before a completion claim that negate it (未, 尚未, 计划, 确保 …)"),
        Setting("negation_window", "integer", "否定词与完成说法之间（同一分句内）最多相隔的字数", Decimal(0), Decimal(30),
                help_en="at most this many characters (within one clause) between a negation and the claim"),
    ),
)


# =========================================================================================
# F102 low-execution-full-marks
# =========================================================================================


def _marks(ctx: CaseContext, s: IndicatorScore) -> tuple[Decimal, Decimal]:
    """(claimed score, weight) on the form's own scale: its 得分 and 分值 where it prints
    them (scoring rescales 分值 to the profile), else the face value on the scored weight."""
    row = ctx.case.indicators[s.index]
    if s.claimed_from_form and row.weight is not None:
        return s.claimed, row.weight
    return s.claimed, s.weight


def _full(ctx: CaseContext, s: IndicatorScore) -> bool:
    claimed, weight = _marks(ctx, s)
    return weight > 0 and claimed >= weight


def _marks_text(ctx: CaseContext, s: IndicatorScore) -> str:
    claimed, weight = _marks(ctx, s)
    return f"{money(claimed)}/{money(weight)}"


def _is_cost(ctx: CaseContext, s: IndicatorScore) -> bool:
    row = ctx.case.indicators[s.index]
    return any(w and (w in row.level2 or w in row.name) for w in ctx.options["cost_words"])


def _budget_cap(ctx: CaseContext, s: IndicatorScore, f: Figures) -> tuple[str, Decimal | None]:
    """What kind of "≤ budget" target a 成本 indicator has: ('money', cap in 万元) when the
    target is an amount equal to the budget (or 年初预算), ('rate', None) when it is a 100%
    control rate or says 预算, ('', None) otherwise."""
    target = s.target
    if isinstance(target, Quantity):
        if target.dimension is Dimension.MONEY:
            cap = target.amount / TEN_THOUSAND
            tol = ctx.options["budget_match"]
            for base in (f.adjusted, f.initial):
                if base is not None and base > 0 and abs(cap - base) <= tol * base:
                    return "money", cap
            return "", None
        if target.dimension in (Dimension.PERCENT, Dimension.PLAIN) and target.amount == 100:
            return "rate", None
        return "", None
    text = target.text if isinstance(target, Text) else ""
    if any(w and w in text for w in ctx.options["budget_words"]):
        return "rate", None
    return "", None


def _low_execution_full_marks(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = figures(ctx.case.funds)
    rate = f.rate
    if rate is None:
        return
    rows = ctx.case.indicators
    outputs = [s for s in ctx.score.indicators if s.category == o["output_category"] and s.weight > 0]
    all_full = rate < o["threshold"] and bool(outputs) and all(_full(ctx, s) for s in outputs)
    if all_full:
        yield Hit(
            f"$.indicators[{outputs[0].index}].score",
            {"rate": pct(rate), "rate_en": pct(rate),
             "what": f"{o['output_category']}全部 {len(outputs)} 项均得满分",
             "what_en": f"all {len(outputs)} output indicators take full marks"},
            expected=f"执行率 = {_rate_text(f)}，产出指标得分应反映未支付部分",
            found="；".join(f"“{rows[s.index].name}” {_marks_text(ctx, s)}" for s in outputs),
        )
    for s in ctx.score.indicators:
        if not (_is_cost(ctx, s) and _full(ctx, s)) or (all_full and s in outputs):
            continue  # an output already listed in the hit above is not reported twice
        kind, cap = _budget_cap(ctx, s, f)
        row = rows[s.index]
        found = f"“{row.name}”：指标值“{row.target}”，完成值“{row.actual}”，得分 {_marks_text(ctx, s)}"
        if kind == "money" and cap is not None and f.executed is not None and cap > 0:
            spent = max(f.executed, ZERO) / cap
            if spent >= o["threshold"]:
                continue
            yield Hit(
                f"$.indicators[{s.index}].score",
                {"rate": f"{pct(spent)}（按该成本上限计）", "rate_en": f"{pct(spent)} (of that cost cap)",
                 "what": f"成本指标“{row.name}”以预算额 {money(cap)} 万元为上限仍得满分，未支付的 {money(cap - f.executed)} 万元被当作“节约”",
                 "what_en": f"the cost indicator “{row.name}”, capped at the budget ({money(cap)} 10k yuan), "
                            f"takes full marks: the {money(cap - f.executed)} 10k yuan not paid count as savings"},
                expected=f"执行 {money(f.executed)} / 成本上限 {money(cap)} = {pct(spent)}",
                found=found,
            )
        elif kind == "rate" and rate < o["threshold"]:
            yield Hit(
                f"$.indicators[{s.index}].score",
                {"rate": pct(rate), "rate_en": pct(rate),
                 "what": f"成本指标“{row.name}”（控制在预算内）仍得满分",
                 "what_en": f"the cost indicator “{row.name}” (kept within the budget) takes full marks"},
                expected=f"执行率 = {_rate_text(f)}：资金未用完，不能据此证明成本得到控制",
                found=found,
            )


LOW_EXECUTION_FULL_MARKS = Rule(
    code="F102",
    name="low-execution-full-marks",
    family="funds",
    severity=Severity.WARNING,
    title="执行率偏低而产出或成本指标得满分",
    title_en="Low execution but full marks",
    message="资金执行仅 {rate}，但{what}",
    message_en="only {rate_en} of the money was spent, yet {what_en}",
    summary="执行率低于设定值（默认 90%）时，全部产出指标仍得满分；或“成本控制在预算内”一类的成本指标（指标值为预算额、100% 控制率或“不超过预算”）"
            "在资金未用完的情况下得满分。",
    summary_en="With execution below a threshold (90% by default), every output indicator still "
               "takes full marks; or a cost indicator of the “within the budget” kind (target = "
               "the budget amount, a 100% control rate, or 不超过预算) takes full marks while "
               "money is left unspent.",
    rationale="没花完的钱意味着部分产出没有交付或预算编制不准；产出全满分、或把未支付当作“成本节约”记满分，会掩盖执行问题，抬高自评分。",
    rationale_en="Unspent money means some output was not delivered or the budget was wrong; full "
                 "marks everywhere, or counting unpaid money as cost savings, hides it and "
                 "inflates the score.",
    source="framework.md §5 Q11（I；C7 四川2025监控规则：目标完成度与执行率差距超过10%需关注）；real-forms 08、02",
    bad=(
        '[funds]\nexecuted = 70\nreason = "部分培训改为线上开展，场地费未支出。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 70 }]'
    ),
    good=(
        '[funds]\nexecuted = 95\nreason = "尾款 5 万元待验收后支付。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 95 }]'
    ),
    check=_low_execution_full_marks,
    rests_on=(HERE, *MONEY, *ROWS, *CATEGORIES),
    settings=(
        Setting("threshold", "number", "执行率低于此值（小数，0.9 = 90%）时检查满分", Decimal(0), ONE,
                help_en="below this execution rate (a fraction, 0.9 = 90%) full output marks are checked"),
        Setting("output_category", "text", "产出指标的一级类别名（rules/taxonomy.toml 中的 name）",
                help_en="the level-1 category name of outputs (a name in rules/taxonomy.toml)"),
        Setting("cost_words", "texts", "二级或三级指标名含这些词即视为成本指标",
                help_en="a level-2 or level-3 indicator name containing one of these words is a cost indicator"),
        Setting("budget_words", "texts", "文字指标值含这些词即视为“不超过预算”类成本目标",
                help_en="a text target containing one of these words is a \"within budget\" cost target"),
        Setting("budget_match", "number", "金额指标值与预算数（或年初预算数）相差不超过此比例即视为以预算为上限", Decimal(0), ONE,
                help_en="a money target within this fraction of the budget (or initial budget) counts as capped by the budget"),
    ),
)


# =========================================================================================
# F103 low-execution-no-reason, F104 unexplained-balance
# =========================================================================================


def _low_execution_no_reason(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = figures(ctx.case.funds)
    rate = f.rate
    if rate is None or rate >= o["threshold"]:
        return
    if _explanation(ctx.case, o["explanation_words"], o["placeholder_words"]) is not None:
        return
    reason = ctx.case.funds.reason.strip()
    found = "原因栏为模板说明文字" if reason else "原因栏空白"
    found_en = "the reason column holds template text" if reason else "the reason column is blank"
    yield Hit(
        "$.funds.reason",
        {"rate": pct(rate), "threshold": pct(o["threshold"]), "balance": money(f.balance)},
        expected=f"执行率 = {_rate_text(f)} < {pct(o['threshold'])}，应说明原因",
        found=f"{found}；资金备注、偏差原因和自评报告也未说明",
        expected_en=f"execution rate = {_rate_text(f)} < {pct(o['threshold'])}: the reason should be given",
        found_en=f"{found_en}; neither do the funds note, the deviation reasons or the self-assessment report explain it",
    )


_EXPLANATION_SETTINGS = (
    Setting("explanation_words", "texts", "备注、偏差原因或自评报告含这些词即视为已说明资金情况",
            help_en="a remark, deviation reason or report containing one of these words counts as explaining the money"),
    Setting("placeholder_words", "texts", "含这些词的栏目是模板说明文字，视为未填写",
            help_en="a cell containing one of these words is template instruction text and counts as blank"),
)

LOW_EXECUTION_NO_REASON = Rule(
    code="F103",
    name="low-execution-no-reason",
    family="funds",
    severity=Severity.WARNING,
    title="执行率低于 90% 未说明原因",
    title_en="Execution below 90% without a reason",
    message="预算执行率 {rate} 低于 {threshold}（未执行 {balance} 万元），未说明原因",
    message_en="the execution rate {rate} is below {threshold} ({balance} 10k yuan unspent) and no reason is given",
    summary="执行率低于设定值（默认 90%），原因栏空白（或只有模板说明），资金备注、指标偏差原因和自评报告中也没有说明结余、结转、收回等原因。",
    summary_en="Execution is below a threshold (90% by default), the reason cell is empty (or "
               "holds the template's note), and no funds note, deviation note or report text "
               "explains it (结余, 结转, 收回 …).",
    rationale="四川自评表注明“预算执行率未达到90%的需说明原因”；没有原因，评审无法判断是进度滞后、预算编制偏大还是资金被挪作他用。",
    rationale_en="The Sichuan form requires a reason below 90%; without one a reviewer cannot tell "
                 "delay from an inflated budget or diverted money.",
    source="framework.md §5 Q8（C S3 四川 510000_0013zp 表注）",
    bad=(
        '[funds]\nexecuted = 80\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 80 }]'
    ),
    good=(
        '[funds]\nexecuted = 80\nreason = "部分培训改为线上开展，节约场地费 20 万元，已收回财政。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 80 }]'
    ),
    check=_low_execution_no_reason,
    rests_on=(HERE, *MONEY, *TEXTS),
    settings=(
        Setting("threshold", "number", "执行率低于此值（小数，0.9 = 90%）须说明原因", Decimal(0), ONE,
                help_en="below this execution rate (a fraction, 0.9 = 90%) a reason must be given"),
        *_EXPLANATION_SETTINGS,
    ),
)


def _unexplained_balance(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = figures(ctx.case.funds)
    balance, rate = f.balance, f.rate
    if balance is None or rate is None or balance <= o["tolerance"]:
        return
    if rate < o["defer_below"]:  # F103 reports a low rate without a reason
        return
    if balance < o["min_share"] * f.budget:  # type: ignore[operator]
        return
    if _explanation(ctx.case, o["explanation_words"], o["placeholder_words"]) is not None:
        return
    yield Hit(
        "$.funds.executed",
        {"balance": money(balance), "budget": money(f.budget), "executed": money(f.executed)},
        expected=f"结余 = {f.budget_label} − 执行数 = {money(f.budget)} − {money(f.executed)} = {money(balance)} 万元，应说明去向",
        found="原因栏、资金备注、偏差原因和自评报告均未说明结余",
        expected_en=(f"balance = budget − executed = {money(f.budget)} − {money(f.executed)} = "
                     f"{money(balance)} 10k yuan: where it went should be explained"),
        found_en=("the reason column, the funds note, the deviation reasons and the self-assessment "
                  "report do not explain the balance"),
    )


UNEXPLAINED_BALANCE = Rule(
    code="F104",
    name="unexplained-balance",
    family="funds",
    severity=Severity.WARNING,
    title="结余资金未说明",
    title_en="Unspent money not explained",
    message="预算 {budget} 万元执行 {executed} 万元，结余 {balance} 万元，未说明原因和去向",
    message_en="of a {budget} 10k yuan budget {executed} 10k yuan was spent; the {balance} 10k yuan left is not explained",
    summary="预算数减执行数大于容差，而原因栏、资金备注、指标偏差原因和自评报告都没有说明结余（结转、收回、节约 …）。"
            "执行率低于 defer_below 时由 F103 报告，本规则不重复。",
    summary_en="Budget minus executed exceeds a tolerance and nothing (reason, funds note, "
               "deviation notes, report) explains the balance. Below `defer_below` F103 reports "
               "it instead.",
    rationale="结余资金是收回财政、结转下年还是被其他项目使用，直接关系到资金安全和下年预算安排；自评应当说清。",
    rationale_en="Whether unspent money went back to the treasury, was carried over or was used "
                 "elsewhere matters for the next budget; the self-assessment should say.",
    source="framework.md §5 Q22（I）",
    bad=(
        '[funds]\nexecuted = 98\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 98 }]'
    ),
    good=(
        '[funds]\nexecuted = 98\nnote = "结余 2 万元为政府采购节约资金，已按规定收回财政。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 98 }]'
    ),
    check=_unexplained_balance,
    rests_on=(HERE, *MONEY, "$.funds.balance", *TEXTS),
    settings=(
        Setting("tolerance", "number", "结余不超过此数（万元）视为无结余（两个数各舍入到 0.01）", Decimal(0),
                help_en="an unspent balance up to this (10k yuan) counts as none (two figures each rounded to 0.01)"),
        Setting("min_share", "number", "结余低于预算的此比例时不报告（0 = 任何结余都须说明）", Decimal(0), ONE,
                help_en="a balance below this fraction of the budget is not reported (0 = every balance needs explaining)"),
        Setting("defer_below", "number", "执行率低于此值时交给 F103 报告（0 = 本规则也报告）", Decimal(0), ONE,
                help_en="below this execution rate F103 reports instead (0 = this rule reports too)"),
        *_EXPLANATION_SETTINGS,
    ),
)


# =========================================================================================
# F105 balance-mismatch, F106 executed-above-budget
# =========================================================================================


def _balance_mismatch(ctx: CaseContext) -> Iterator[Hit]:
    stated = ctx.case.funds.balance
    f = figures(ctx.case.funds)
    balance = f.balance
    if stated is None or balance is None:
        return
    if abs(stated - balance) <= ctx.options["tolerance"]:
        return
    yield Hit(
        "$.funds.balance",
        {"stated": money(stated), "computed": money(balance)},
        expected=f"结余 = {f.budget_label} − 执行数 = {money(f.budget)} − {money(f.executed)} = {money(balance)} 万元",
        found=f"结余 {money(stated)} 万元",
        expected_en=(f"balance = budget − executed = {money(f.budget)} − {money(f.executed)} = "
                     f"{money(balance)} 10k yuan"),
        found_en=f"balance {money(stated)} 10k yuan",
    )


BALANCE_MISMATCH = Rule(
    code="F105",
    name="balance-mismatch",
    family="funds",
    severity=Severity.ERROR,
    title="所列结余与预算减执行不符",
    title_en="Stated balance ≠ budget − executed",
    message="所列结余 {stated} 万元，而预算数减执行数为 {computed} 万元",
    message_en="the stated balance is {stated} 10k yuan, but budget minus executed is {computed} 10k yuan",
    summary="表中所列结余与（下达）预算数减支付（执行）数之差超过舍入容差。",
    summary_en="The stated 结余 differs from budget − executed by more than rounding allows.",
    rationale="结余是两个数之差，写错说明资金台账有误，或资金已被划走而表中未如实反映。",
    rationale_en="The balance is a plain difference; a wrong one means the ledger is wrong or money "
                 "moved without the table showing it.",
    source="评审实践（framework.md §3.1、§5 Q12、Q22）；种子：国产化 20.40 − 0 ≠ 0",
    bad=(
        '[funds]\nexecuted = 80\nbalance = 0\nreason = "部分培训推迟至下年。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 80 }]'
    ),
    good=(
        '[funds]\nexecuted = 80\nbalance = 20\nreason = "部分培训推迟至下年，结余 20 万元结转使用。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 80 }]'
    ),
    check=_balance_mismatch,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("tolerance", "number", "允许的差额（万元）：三个数各舍入到 0.01，最多差 0.015", Decimal(0),
                help_en="allowed difference (10k yuan): three figures each rounded to 0.01 differ by at most 0.015"),
    ),
)


def _executed_above_budget(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    f = figures(funds, rows=False)
    if f.budget is not None and f.executed is not None and f.executed - f.budget > tol:
        yield Hit("$.funds.executed",
                  {"row": "年度资金总额", "row_en": "the total row",
                   "executed": money(f.executed), "budget": money(f.budget)},
                  expected=f"执行数 ≤ {f.budget_label} {money(f.budget)} 万元",
                  found=f"执行数 {money(f.executed)} 万元（执行率 {pct(f.rate)}）")
    for index, row in enumerate(funds.rows):
        budget = row.budget if row.budget is not None else row.initial_budget
        if budget is None or row.executed is None or row.executed - budget <= tol:
            continue
        yield Hit(f"$.funds.rows[{index}].executed",
                  {"row": f"“{row.source}”行", "row_en": f"the “{row.source}” row",
                   "executed": money(row.executed), "budget": money(budget)},
                  expected=f"执行数 ≤ 预算数 {money(budget)} 万元",
                  found=f"执行数 {money(row.executed)} 万元")


EXECUTED_ABOVE_BUDGET = Rule(
    code="F106",
    name="executed-above-budget",
    family="funds",
    severity=Severity.ERROR,
    title="执行数超过预算数",
    title_en="Executed above budget",
    message="{row}执行数 {executed} 万元超过预算数 {budget} 万元",
    message_en="in {row_en} the executed amount {executed} 10k yuan exceeds the budget {budget} 10k yuan",
    summary="年度资金总额或某一资金来源行的执行数大于（全年/调整后）预算数。",
    summary_en="The executed amount of the total row or of a source row exceeds its budget.",
    rationale="无预算不得支出；执行数超过预算说明超预算支出，或预算调整未在表中反映。",
    rationale_en="Spending beyond the budget is not allowed; either it happened or the adjusted "
                 "budget is missing from the form.",
    source="framework.md §5 Q12（C S6）",
    bad=(
        '[funds]\nexecuted = 105\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 105 }]'
    ),
    good="",
    check=_executed_above_budget,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("tolerance", "number", "允许超出的舍入差（万元）：两个数各舍入到 0.01", Decimal(0),
                help_en="allowed rounding excess (10k yuan): two figures each rounded to 0.01"),
    ),
)


# =========================================================================================
# F107 rows-do-not-add-up, F108 total-row-zero
# =========================================================================================

_COLUMNS = (("initial_budget", "年初预算数", "initial budget"),
            ("budget", "全年（调整后）预算数", "full-year budget"),
            ("executed", "执行数", "executed amount"))


def _rows_do_not_add_up(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not funds.rows or rows_instead(funds):  # F108 reports an empty total row
        return
    per = ctx.options["per_figure"]
    for field, label, label_en in _COLUMNS:
        total = getattr(funds, field)
        values = [(row.source, getattr(row, field)) for row in funds.rows
                  if getattr(row, field) is not None]
        if total is None or not values:
            continue
        parts = sum((v for _, v in values), ZERO)
        if abs(total - parts) <= per * (len(values) + 1):
            continue
        yield Hit(
            f"$.funds.{field}",
            {"column": label, "column_en": label_en, "total": money(total), "parts": money(parts)},
            expected=f"年度资金总额{label} = 其中各行之和 = "
                     + " + ".join(f"{money(v)}（{s}）" for s, v in values) + f" = {money(parts)}",
            found=f"年度资金总额{label} {money(total)}",
        )


ROWS_DO_NOT_ADD_UP = Rule(
    code="F107",
    name="rows-do-not-add-up",
    family="funds",
    severity=Severity.ERROR,
    title="资金来源分项之和不等于总额",
    title_en="Source rows do not add up to the total",
    message="{column}：年度资金总额 {total} 万元，其中各行合计 {parts} 万元，两者不符",
    message_en="{column_en}: the total row says {total} 10k yuan but the source rows add up to {parts} 10k yuan",
    summary="年初预算数、全年预算数、执行数三列中，年度资金总额不等于其中各资金来源行（财政拨款、上年结转、其他资金 …）之和（容差按行数累计舍入差）。"
            "总额行为 0 或空白的情况由 F108 报告。",
    summary_en="For the initial budget, full-year budget and executed columns, the total row "
               "differs from the sum of its source rows by more than accumulated rounding. A "
               "total row of 0 or blank is F108's.",
    rationale="总额是计分依据；与分项不符时执行率和得分都失去依据，多半是填表错误或漏列了资金来源。",
    rationale_en="The total row drives the score; if it disagrees with its parts, rate and score "
                 "rest on nothing — usually a typing error or a missing source.",
    source="framework.md §5 Q12（C S6）",
    bad=(
        '[funds]\nrows = [\n'
        '  { source = "财政拨款", initial_budget = 80, budget = 80, executed = 80 },\n'
        '  { source = "其他资金", initial_budget = 10, budget = 10, executed = 10 },\n]'
    ),
    good=(
        '[funds]\nrows = [\n'
        '  { source = "财政拨款", initial_budget = 90, budget = 90, executed = 90 },\n'
        '  { source = "其他资金", initial_budget = 10, budget = 10, executed = 10 },\n]'
    ),
    check=_rows_do_not_add_up,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("per_figure", "number", "每个数的舍入差（万元）；容差 = 此值 ×（参与相加的行数 + 1）", Decimal(0),
                help_en="rounding per figure (10k yuan); tolerance = this × (rows added + 1)"),
    ),
)


def _total_row_zero(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    if not rows_instead(funds):
        return
    f = figures(funds)
    weight = _budget_weight(ctx)
    rate = f.rate
    score = min(rate, ONE) * weight if rate is not None else None
    printed = " / ".join(money(v) if v is not None else "空白"
                         for v in (funds.initial_budget, funds.budget, funds.executed))
    claimed = []
    if funds.claimed_rate is not None:
        claimed.append(f"执行率 {figure(funds.claimed_rate)}%")
    if funds.claimed_score is not None:
        claimed.append(f"得分 {figure(funds.claimed_score)}")
    yield Hit(
        "$.funds",
        {"budget": money(f.budget), "executed": money(f.executed), "rate": pct(rate),
         "weight": money(weight)},
        expected=(f"年度资金总额 = 其中各行合计：年初 {money(f.initial)} / 全年 {money(f.adjusted)} / "
                  f"执行 {money(f.executed)}，执行率 {pct(rate)}，得分 {money(score)}"),
        found=f"年度资金总额（年初/全年/执行）：{printed}" + (f"，{'，'.join(claimed)}" if claimed else ""),
    )


TOTAL_ROW_ZERO = Rule(
    code="F108",
    name="total-row-zero",
    family="funds",
    severity=Severity.ERROR,
    title="资金总额行为 0 而分项有数",
    title_en="Total row is zero while source rows are filled",
    message="年度资金总额行为 0 或空白，而其中各行合计预算 {budget}、执行 {executed} 万元（执行率 {rate}）：预算执行分（{weight} 分）因此丢失",
    message_en="the total row is 0 or blank while the source rows show a budget of {budget} 10k yuan "
               "with {executed} 10k yuan executed (rate {rate}): the {weight}-point budget score is lost",
    summary="年度资金总额行的预算数和执行数都为 0 或空白，而财政拨款等其中各行填有金额。",
    summary_en="The total row's budget and executed are both 0 or blank while the source rows "
               "below it carry amounts.",
    rationale="预算执行分按总额行计算；总额行为 0 时执行率无法计算、得分记为 0，自评结果与实际执行情况脱节。",
    rationale_en="The budget score is computed on the total row; left at 0 the rate cannot be "
                 "computed and the score is lost.",
    source="framework.md §5 Q12（C S6 池州贵池：年度资金总额 0/0/0 而本年财政拨款 90/89.974/89.974）",
    bad=(
        '[funds]\ninitial_budget = 0\nbudget = 0\nexecuted = 0\nclaimed_rate = 0\nclaimed_score = 0'
    ),
    good="",
    check=_total_row_zero,
    rests_on=(HERE, *MONEY),
)


# =========================================================================================
# F109 claimed-rate-mismatch, F110 claimed-budget-score-mismatch
# =========================================================================================


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed place: 86 → 0.5, 86.2 → 0.05, 86.20 → 0.005."""
    exponent = value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5).scaleb(places - 1)


def _claimed_rate_mismatch(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    funds = ctx.case.funds
    f = figures(funds, rows=False)
    rate = f.rate
    if rate is None:
        return
    computed = rate * HUNDRED
    slack = HUNDRED * o["money_rounding"] * (ONE + rate) / f.budget  # type: ignore[operator]
    claimed = funds.claimed_rate
    if claimed is not None and not (claimed == 100 and computed > 100):  # a capped 100% is F106's
        allowed = _half_unit(claimed) + slack + o["extra_tolerance"]
        if abs(claimed - computed) > allowed:
            yield Hit(
                "$.funds.claimed_rate",
                {"claimed": f"{figure(claimed)}%", "computed": pct(rate)},
                expected=f"执行率 = 执行数/{f.budget_label} = {_rate_text(f)}",
                found=f"所填执行率 {figure(claimed)}%",
            )
    if rate >= ONE - slack / HUNDRED:
        return
    for path, label, label_en, text in _texts(ctx.case, _EXPLAIN_FIELDS):
        m = _find(text, o["full_execution_patterns"], _negation(o["negations"]))
        if m is None:
            continue
        yield Hit(
            path,
            {"claimed": f"{label}“{_clause(text, m.start(), m.end())}”", "computed": pct(rate)},
            expected=f"执行率 = 执行数/{f.budget_label} = {_rate_text(f)}",
            found=f"{label}：{_short(text)}",
        )


CLAIMED_RATE_MISMATCH = Rule(
    code="F109",
    name="claimed-rate-mismatch",
    family="funds",
    severity=Severity.ERROR,
    title="所填执行率与执行数/预算数不符",
    title_en="Claimed execution rate ≠ executed / budget",
    message="所称执行率 {claimed} 与按执行数/预算数计算的 {computed} 不符",
    message_en="the claimed execution rate {claimed} does not match executed / budget = {computed}",
    summary="表中所填执行率与年度资金总额行的执行数/预算数之差超过舍入容差（按所填执行率的小数位和金额舍入计算）；"
            "或原因、备注、自评报告称资金已 100% 执行、全额支付，而数字显示并未执行完。",
    summary_en="The printed execution rate differs from executed/budget on the total row by more "
               "than rounding (of the printed rate and of the amounts) allows; or a text claims "
               "100% execution / full payment that the figures contradict.",
    rationale="执行率是预算执行分的依据；与金额不符时要么算错，要么金额填错。",
    rationale_en="The rate drives the budget score; if it disagrees with the amounts, one of them is wrong.",
    source="framework.md §5 Q10（I；C8）",
    bad=(
        '[funds]\nexecuted = 90\nclaimed_rate = 100\nreason = "尾款待验收后支付。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 90 }]'
    ),
    good=(
        '[funds]\nexecuted = 90\nclaimed_rate = 90\nreason = "尾款待验收后支付。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 90 }]'
    ),
    check=_claimed_rate_mismatch,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("money_rounding", "number", "金额的舍入半单位（万元，0.005 = 舍入到 0.01）", Decimal(0),
                help_en="half the rounding unit of money (10k yuan; 0.005 = rounded to 0.01)"),
        Setting("extra_tolerance", "number", "在舍入容差之外再放宽的百分点", Decimal(0),
                help_en="extra percentage points allowed beyond the rounding tolerance"),
        Setting("full_execution_patterns", "regexes", "称资金已全部执行或全额支付的正则表达式",
                help_en="regular expressions for a claim that the money was fully spent or paid"),
        Setting("negations", "texts", "紧接在前、否定“已全部执行”说法的词（如“没有100%执行完毕”）",
                help_en="words just before a full-execution phrase that deny it (没有100%执行完毕)"),
    ),
)


def _claimed_budget_score_mismatch(ctx: CaseContext) -> Iterator[Hit]:
    funds, profile = ctx.case.funds, ctx.profile
    claimed = funds.claimed_score
    f = figures(funds, rows=False)
    rate = f.rate
    if claimed is None or rate is None or misfit(ctx.case, profile):
        return  # a form written for another profile: S213
    weight = _budget_weight(ctx)
    expected = budget_formula(profile, rate, weight)
    assert expected is not None
    # a score rounded the way the profile's form rounds (half up / truncated, to 2, 1 or 0
    # places) is not an error; off by more is
    if agrees(claimed, expected, profile.rounding.places, profile.rounding.mode, ctx.options["tolerance"]):
        return
    yield Hit(
        "$.funds.claimed_score",
        {"claimed": money(claimed), "expected": money(expected), "rate": pct(rate),
         "weight": money(weight)},
        expected=f"得分 = min(执行率, 1) × 分值 = min({_rate_text(f)}, 1) × {money(weight)} = {money(expected)}",
        found=f"预算执行得分 {figure(claimed)}",
    )


CLAIMED_BUDGET_SCORE_MISMATCH = Rule(
    code="F110",
    name="claimed-budget-score-mismatch",
    family="funds",
    severity=Severity.ERROR,
    title="预算执行得分与执行率不符",
    title_en="Budget score ≠ min(rate, 1) × weight",
    message="预算执行得分 {claimed}，按执行率 {rate} × {weight} 分应为 {expected}",
    message_en="the budget score is {claimed}; at a rate of {rate} × {weight} points it should be {expected}",
    summary="预算执行行所填得分与 min(执行率, 1) × 分值相差超过容差（默认 0.1 分）。分值取表中所填分值，未填时取评分规则的预算权重。",
    summary_en="The budget row's score differs from min(rate, 1) × weight by more than a tolerance "
               "(0.1 by default). The weight is the form's own 分值, else the profile's.",
    rationale="预算执行分按比例计算，四舍五入进位到整数或按档次给分都会抬高自评分。",
    rationale_en="The budget score is proportional; rounding it up or scoring in bands inflates the total.",
    source="framework.md §3.1、§5 Q10（I；C8 容差 0.1）；real-forms 08：37.24/43.2 = 86.2% 记 9 分",
    bad=(
        '[funds]\nexecuted = 86.2\nclaimed_score = 9\nreason = "尾款待验收后支付。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 86.2 }]'
    ),
    good=(
        '[funds]\nexecuted = 86.2\nclaimed_score = 8.62\nreason = "尾款待验收后支付。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 86.2 }]'
    ),
    check=_claimed_budget_score_mismatch,
    rests_on=(HERE, *MONEY, "$.funds.claimed_rate", "$.funds.claimed_weight"),
    settings=(
        Setting("tolerance", "number", "允许的得分差（分）", Decimal(0),
                help_en="allowed score difference (points)"),
    ),
)


# =========================================================================================
# F111 paid-from-other-budget
# =========================================================================================

_MOVE_FIELDS = ("$.funds.note", "$.funds.reason", "$.funds.adjustment_reason", "$.goal.actual",
                "$.narrative.completion", "$.narrative.benefit", "$.narrative.conclusion",
                "$.narrative.problems", "$.narrative.measures")


def _paid_from_other_budget(ctx: CaseContext) -> Iterator[Hit]:
    patterns = ctx.options["patterns"]
    for path, label, label_en, text in _texts(ctx.case, _MOVE_FIELDS, deviations=True):
        m = _find(text, patterns)
        if m is None:
            continue
        clause = _clause(text, m.start(), m.end())
        yield Hit(
            path,
            {"field": label, "field_en": label_en, "clause": clause},
            expected="项目支出在本项目预算内列支；跨项目、跨单位使用资金须有调整批复，并在执行数中如实反映",
            found=f"{label}：{clause}",
            expected_en=("a project's spending is paid from its own budget; money used across projects or "
                         "units needs an approved adjustment and shows truly in the executed amount"),
            found_en=f"{label_en}: {clause}",
        )


PAID_FROM_OTHER_BUDGET = Rule(
    code="F111",
    name="paid-from-other-budget",
    family="funds",
    severity=Severity.WARNING,
    title="资金在项目或单位之间调用",
    title_en="Money moved between projects or units",
    message="{field}显示资金在项目或单位之间调用：“{clause}”",
    message_en="{field_en} says money moved between projects or units: “{clause}”",
    summary="资金备注、原因或自评报告称本项目支出占用其他项目经费支付、挤占挪用，或项目资金转到、划转给其他单位统一使用，"
            "或本项目为其他项目代付、垫付（关键词正则可配置）。",
    summary_en="The funds note, a reason or the report says this project's costs were paid from "
               "another budget, or its money was transferred to another unit, or it paid for "
               "another project (the keyword patterns are settings).",
    rationale="占用其他项目经费或资金划转他单位时，两边项目的执行数和执行率都失真，也可能违反专款专用；评审应核实是否有调整批复。",
    rationale_en="When money crosses projects or units, both projects' execution figures are "
                 "distorted and earmarking may be breached; the reviewer should check for an "
                 "approved adjustment.",
    source="评审实践：专款专用（framework.md §3.1 执行率应反映本项目真实支付）；种子：移动云视讯“占用电子政务外网光纤租用费支付”、国产化“全额款项转到区委办”",
    bad='[funds]\nnote = "项目合同 120 万元，其中 20 万元占用办公经费支付。"',
    good='[funds]\nnote = "全部支出在本项目预算内列支。"',
    check=_paid_from_other_budget,
    settings=(
        Setting("patterns", "regexes", "资金跨项目、跨单位调用说法的正则表达式",
                help_en="regular expressions for money moved between projects or units"),
    ),
)


# =========================================================================================
# F112 budget-adjusted-without-reason
# =========================================================================================


def _budget_adjusted_without_reason(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    funds = ctx.case.funds
    f = figures(funds)
    if f.initial is None or f.adjusted is None or abs(f.adjusted - f.initial) <= o["tolerance"]:
        return
    placeholders = o["placeholder_words"]
    if _answered(funds.adjustment_reason, placeholders):
        return
    for text in (funds.reason, funds.note):
        if _answered(text, placeholders) and any(w and w in text for w in o["reason_words"]):
            return
    change = f.adjusted - f.initial
    yield Hit(
        "$.funds.adjustment_reason",
        {"initial": money(f.initial), "adjusted": money(f.adjusted),
         "change": ("+" if change > 0 else "") + money(change)},
        expected="年初预算与调整后预算不一致时，应单独说明追加或调减的理由",
        found=f"{f.where}：年初预算 {money(f.initial)} → 调整后 {money(f.adjusted)} 万元，未说明调整理由",
    )


BUDGET_ADJUSTED_WITHOUT_REASON = Rule(
    code="F112",
    name="budget-adjusted-without-reason",
    family="funds",
    severity=Severity.WARNING,
    title="预算调整未说明理由",
    title_en="Budget adjusted without a reason",
    message="年初预算 {initial} 万元调整为 {adjusted} 万元（{change}），未说明调整理由",
    message_en="the initial budget of {initial} 10k yuan became {adjusted} 10k yuan ({change}) with no reason given",
    summary="年初预算数与全年（调整后）预算数不同，而没有填写调整理由（原因栏或备注中也没有追加、调减等说明）。",
    summary_en="The initial and the full-year (adjusted) budget differ and no reason is given for "
               "the change (nor does the reason cell or the note speak of 追加 / 调减).",
    rationale="四川自评表注明“年中发生预算调整的（追加或调减），应单独说明理由”；把预算调到与执行数相同可以人为抬高执行率。",
    rationale_en="The Sichuan form requires the reason for any mid-year change; adjusting the "
                 "budget down to the amount spent inflates the execution rate.",
    source="framework.md §5 Q9（C S3 四川 510000_0013zp 表注）；real-forms 03（238.93 → 251.89）、04（0 → 3.36）",
    bad=(
        '[funds]\ninitial_budget = 80\n'
        'rows = [{ source = "财政拨款", initial_budget = 80, budget = 100, executed = 100 }]'
    ),
    good=(
        '[funds]\ninitial_budget = 80\nadjustment_reason = "年中新增培训任务，追加预算 20 万元（某财〔2021〕5号）。"\n'
        'rows = [{ source = "财政拨款", initial_budget = 80, budget = 100, executed = 100 }]'
    ),
    check=_budget_adjusted_without_reason,
    rests_on=(HERE, *MONEY, *TEXTS),
    settings=(
        Setting("tolerance", "number", "年初与调整后预算相差不超过此数（万元）视为未调整", Decimal(0),
                help_en="initial and adjusted budgets differing by at most this (10k yuan) count as unadjusted"),
        Setting("reason_words", "texts", "原因栏或备注含这些词即视为说明了调整",
                help_en="a reason column or remark containing one of these words counts as explaining the adjustment"),
        Setting("placeholder_words", "texts", "含这些词的栏目是模板说明文字，视为未填写",
                help_en="a cell containing one of these words is template instruction text and counts as blank"),
    ),
)


# =========================================================================================
# F113 budget-missing
# =========================================================================================


def _budget_missing(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    f = figures(funds)
    if f.executed is not None and f.executed < 0:  # a negative numerator: no rate either
        yield Hit("$.funds.executed" if not f.from_rows else "$.funds.rows",
                  {"what": f"执行数为负数（{money(f.executed)} 万元）",
                   "what_en": f"the amount spent is negative ({money(f.executed)} 10k yuan)"},
                  expected="执行数 ≥ 0，执行率 = 执行数/预算数",
                  found=f"执行数 {money(f.executed)}")
    if f.budget is not None and f.budget > 0:
        return
    other = [(label, shown) for label, value, shown in (
        ("执行数", funds.executed, money(funds.executed)),
        ("年初预算数", funds.initial_budget, money(funds.initial_budget)),
        ("执行率", funds.claimed_rate, f"{figure(funds.claimed_rate)}%"),
        ("得分", funds.claimed_score, figure(funds.claimed_score)),
        ("结余", funds.balance, money(funds.balance)),
    ) if value is not None]
    filled_rows = any(v is not None for row in funds.rows
                      for v in (row.initial_budget, row.budget, row.executed))
    printed = "预算数 " + ("空白" if funds.budget is None else money(funds.budget))
    if f.budget is not None and f.budget < 0:  # not missing: a negative denominator
        where = "其中各行合计" if f.from_rows else f.budget_label
        yield Hit("$.funds.budget" if not f.from_rows else "$.funds.rows",
                  {"what": f"{where}为负数（{money(f.budget)} 万元），不能作为执行率的分母",
                   "what_en": f"the budget is negative ({money(f.budget)}), which cannot be the "
                              "rate's denominator"},
                  expected="全年（调整后）预算数 > 0，执行率 = 执行数/预算数",
                  found=f"{where} {money(f.budget)}")
        return
    if other or filled_rows:
        shown = "，".join(f"{label} {value}" for label, value in other)
        yield Hit("$.funds.budget",
                  {"what": "预算数为 0 或空白，而表中填有其他资金数",
                   "what_en": "the budget is 0 or blank while other money figures are given"},
                  expected="全年（调整后）预算数 > 0，执行率 = 执行数/预算数",
                  found=printed + (f"；{shown}" if shown else "；其中各行有数但预算数为 0 或空白"))
    elif (ctx.options["flag_empty_funds"] and ctx.case.project.has_form
          and not ctx.case.project.incomplete.strip()):
        # a form known to be incomplete may have lost its money, or its layout has none
        # (a 部门整体 rubric cut before its 预算执行率 row): not "left unfilled"
        yield Hit("$.funds",
                  {"what": "自评表未填写预算执行情况（预算数、执行数均无）",
                   "what_en": "the form gives no budget execution figures at all"},
                  expected="自评表应填写年度资金总额的预算数和执行数",
                  found="项目资金栏无任何金额")


BUDGET_MISSING = Rule(
    code="F113",
    name="budget-missing",
    family="funds",
    severity=Severity.ERROR,
    title="预算数缺失或执行数为负，无法计算执行率",
    title_en="Budget missing or spending negative: the rate cannot be computed",
    message="无法计算预算执行率：{what}",
    message_en="the execution rate cannot be computed: {what_en}",
    summary="执行数为负数；或预算数（执行率的分母）为负数；或为 0 或空白（含分项合计后仍为 0），而表中有执行数等其他资金数；或（可配置）有自评表的项目根本未填资金情况。"
            "总额行为 0 而分项有数由 F108 报告。",
    summary_en="The amount spent is negative; or the budget (the rate's denominator) is negative; or it is 0 or blank, even after summing the source "
               "rows, while other money figures are given; or (a setting) a project with a form "
               "gives no money figures at all. A zero total row over filled source rows is F108's.",
    rationale="没有预算数就没有执行率，预算执行分（10 分）无从核实。",
    rationale_en="Without a budget there is no execution rate and the 10-point budget score cannot be verified.",
    source="framework.md §3.1（C8：预算数为 0 时执行率无法计算，ERROR）",
    bad='[funds]\nbudget = 0\nrows = [{ source = "财政拨款", initial_budget = 100, budget = 0, executed = 100 }]',
    good="",
    check=_budget_missing,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("flag_empty_funds", "boolean", "有完整自评表而项目资金栏完全空白时也报告（不完整的表格不报告）",
                help_en="also report a complete form whose money section is entirely blank (an incomplete one is not reported)"),
    ),
)


# =========================================================================================
# F114 breakdown-does-not-add-up
# =========================================================================================

_BREAKDOWN_FIELDS = ("$.goal.expected", "$.goal.actual", "$.funds.note", "$.narrative.completion")


def _breakdown_does_not_add_up(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    per = o["per_item"] * TEN_THOUSAND  # 元
    for path, label, label_en, text in _texts(ctx.case, _BREAKDOWN_FIELDS):
        for sentence in _SENTENCE_BREAK.split(text):
            cut = min((i for i in (sentence.find(m) for m in o["part_markers"] if m) if i >= 0),
                      default=-1)
            if cut < 0:
                continue
            head = sentence[:cut]
            marker = next(m for m in o["part_markers"] if m and sentence.startswith(m, cut))
            tail = sentence[cut + len(marker):]
            if not any(w and w in head for w in o["total_words"]):
                continue
            totals = _money_amounts(parse_value(head))
            parts = _money_amounts(parse_value(tail))
            if not totals or len(parts) < 2:
                continue
            total, summed = totals[-1], sum(parts, ZERO)
            if abs(total - summed) <= per * (len(parts) + 1):
                continue
            total_w, summed_w = total / TEN_THOUSAND, summed / TEN_THOUSAND
            yield Hit(
                path,
                {"field": label, "field_en": label_en, "total": money(total_w),
                 "parts": money(summed_w), "diff": money(total_w - summed_w)},
                expected=f"总额 {money(total_w)} 万元 = 所列分项之和",
                found=f"{label}：分项 " + " + ".join(money(p / TEN_THOUSAND) for p in parts)
                      + f" = {money(summed_w)} 万元（“{_short(sentence.strip(), 60)}”）",
            )


BREAKDOWN_DOES_NOT_ADD_UP = Rule(
    code="F114",
    name="breakdown-does-not-add-up",
    family="funds",
    severity=Severity.WARNING,
    title="文字所列资金分项与总额不符",
    title_en="A stated money breakdown does not add up",
    message="{field}称总额 {total} 万元，其中所列分项合计 {parts} 万元（差 {diff} 万元）",
    message_en="{field_en} states a total of {total} 10k yuan, but the items listed after 其中 add up to {parts} 10k yuan (off by {diff})",
    summary="年度目标、完成情况或资金备注中“共/合计 X 元，其中 a 元、b 元 …”一句，所列分项（至少两项）之和与总额不符。",
    summary_en="In the goal, outcome, completion text or funds note, a sentence “共/合计 X, 其中 a, "
               "b …” lists at least two items whose sum differs from X.",
    rationale="资金计划的分项与总额对不上，说明预算编制或填报有误，或有分项漏列；分项常常也是产出、成本指标的依据。",
    rationale_en="A plan whose items do not add up to its total is wrong or incomplete; the items "
                 "often underlie the output and cost indicators.",
    source="评审实践（framework.md §5 Q12 分项与总额一致的延伸）；real-forms 02：申请 2026400 元，分项合计 1740000 元",
    bad='[goal]\nexpected = "项目共申请资金100万元，其中培训费60万元，场地费30万元。"',
    good='[goal]\nexpected = "项目共申请资金100万元，其中培训费70万元，场地费30万元。"',
    check=_breakdown_does_not_add_up,
    rests_on=(HERE, *MONEY),
    settings=(
        Setting("per_item", "number", "每个金额的舍入差（万元）；容差 = 此值 ×（分项数 + 1）", Decimal(0),
                help_en="rounding per amount (10k yuan); tolerance = this × (parts + 1)"),
        Setting("total_words", "texts", "“其中”之前须含这些词之一，才把其前的金额视为总额",
                help_en="the words before 其中 must include one of these for the amount before it to count as a total"),
        Setting("part_markers", "texts", "引出分项的词",
                help_en="words that introduce the parts"),
    ),
)


# =========================================================================================
# F115 source-row-scored
# =========================================================================================


def _source_row_scored(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    total_scored = funds.claimed_score is not None or funds.claimed_weight is not None
    for index, row in enumerate(funds.rows):
        if row.claimed_score is None and row.claimed_weight is None:
            continue
        printed = "，".join(f"{label} {figure(value)}" for label, value in
                           (("分值", row.claimed_weight), ("得分", row.claimed_score)) if value is not None)
        printed_en = ", ".join(f"{label} {figure(value)}" for label, value in
                              (("weight", row.claimed_weight), ("score", row.claimed_score)) if value is not None)
        where = "，总额行另有分值/得分" if total_scored else ""
        where_en = "; the total row is scored as well" if total_scored else ""
        cell = "claimed_score" if row.claimed_score is not None else "claimed_weight"
        yield Hit(
            f"$.funds.rows[{index}].{cell}",
            {"source": row.source, "printed": printed, "printed_en": printed_en},
            expected="预算执行只按年度资金总额行计分一次，其中各行不另计分",
            found=f"其中“{row.source}”行：{printed}{where}",
            expected_en="budget execution is scored once, on the total row; its 其中 rows are not scored",
            found_en=f"其中 row “{row.source}”: {printed_en}{where_en}",
        )


SOURCE_ROW_SCORED = Rule(
    code="F115",
    name="source-row-scored",
    family="funds",
    severity=Severity.WARNING,
    title="资金来源分项行另行计分",
    title_en="A funds 其中 row is scored on its own",
    message="资金其中项“{source}”另填了{printed}：预算执行只应按总额行计分一次",
    message_en="the funds 其中 row “{source}” carries {printed_en}: budget execution is scored once, on the total row",
    summary="年度资金总额下的其中行（基本支出、项目支出、财政拨款……）填了分值或得分。预算执行分只按总额行计一次；"
            "分项行的分值、得分不计入总分（评分引擎也不计），但表上这样填会让合计看起来超过 100 分。",
    summary_en="A 其中 row under the funds total (基本支出, 项目支出, 财政拨款 …) carries a weight or score. "
               "Budget execution is scored once, on the total row; the engine never adds the source rows, "
               "but a form that scores them looks as if it hands out more than 100 points.",
    rationale="分项行重复计分会使预算执行分被计两到三次。",
    rationale_en="Scoring the source rows counts the budget score two or three times.",
    source="财预〔2020〕10号 附件2（部门整体支出绩效自评表：资金总额行计分）；real-forms 36（基本支出、项目支出各 10/10）",
    bad=('[funds]\nclaimed_weight = 10\nclaimed_score = 10\n'
         'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 100, '
         'claimed_weight = 10, claimed_score = 10 }]'),
    good=('[funds]\nclaimed_weight = 10\nclaimed_score = 10\n'
          'rows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 100 }]'),
    check=_source_row_scored,
    rests_on=(RECORD,),
)


RULES = (
    COMPLETED_WITHOUT_PAYMENT,
    LOW_EXECUTION_FULL_MARKS,
    LOW_EXECUTION_NO_REASON,
    UNEXPLAINED_BALANCE,
    BALANCE_MISMATCH,
    EXECUTED_ABOVE_BUDGET,
    ROWS_DO_NOT_ADD_UP,
    TOTAL_ROW_ZERO,
    CLAIMED_RATE_MISMATCH,
    CLAIMED_BUDGET_SCORE_MISMATCH,
    PAID_FROM_OTHER_BUDGET,
    BUDGET_ADJUSTED_WITHOUT_REASON,
    BUDGET_MISSING,
    BREAKDOWN_DOES_NOT_ADD_UP,
    SOURCE_ROW_SCORED,
)
