"""N: rules about the prose around the form (项目完成情况, 评价结论, 存在问题, 改进措施, 年度总体目标).

The prose is where a department says what it did and how well; these rules compare it with
the form's own figures and with the template it was written on.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from ..findings import Severity
from ..model import Case
from ..money import figures
from ..numbers import ZERO
from ..provenance import is_unread
from ..scoring import Evidence, is_money_spent_short
from ..values import Claim, ClaimLevel, Dimension, Quantity, Text, parse_value
from .base import HERE, MONEY, ROWS, CaseContext, Hit, Rule, Setting, money, pct

__all__ = ["RULES"]


# --- text helpers ------------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")
_ENDS = " \t\r\n\u3000。.，,；;：:！!？?、…·\"'“”‘’()（）[]【】-—_/\\|"


def _norm(text: str) -> str:
    """NFKC (fullwidth → ASCII, 。 stays), no whitespace."""
    if not isinstance(text, str):
        return ""
    if len(text) <= 256:  # rows' cells and option words, normalised by many rules
        return _norm_short(text)
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=4096)
def _norm_short(text: str) -> str:
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


def _bare(text: str) -> str:
    """The text without whitespace and without punctuation at its ends: "无。" → "无"."""
    return _norm(text).strip(_ENDS)


def _is_none(text: str, words: Iterable[str]) -> bool:
    """Empty, only punctuation, or one of the "nothing to say" words (无, 暂无 …)."""
    bare = _bare(text)
    return bare == "" or bare in {_bare(w) for w in words}


def _shown(text: str) -> str:
    """A field as quoted in a message: verbatim but trimmed, "（空）" when blank."""
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        return "（空）"
    return text if len(text) <= 60 else text[:60] + "…"


def _has_narrative(case: Case) -> bool:
    """The document has the prose section at all (a form cut off before it has none)."""
    n = case.narrative
    return any(s.strip() for s in (n.completion, n.benefit, n.conclusion, n.problems, n.measures))


_CLAUSE_RE = re.compile(r"[^。;,、!?\n]+")


def _clause_around(text: str, start: int) -> str:
    """The clause (between punctuation) of the normalised ``text`` containing ``start``."""
    for m in _CLAUSE_RE.finditer(text):
        if m.start() <= start < m.end():
            return m.group()
    return text


def _find_unnegated(text: str, words: Iterable[str], negations: Iterable[str]) -> tuple[str, int] | None:
    """The first of ``words`` (in their order) found in ``text`` without a negation in the 3
    characters before it."""
    negs = tuple(n for n in negations if n)
    for word in words:
        if not _norm(word):
            continue
        for m in re.finditer(re.escape(_norm(word)), text):
            before = text[max(0, m.start() - 3) : m.start()]
            if not any(n in before for n in negs):
                return m.group(), m.start()
    return None


def _contains_any(text: str, words: Iterable[str]) -> str | None:
    for word in words:
        w = _norm(word)
        if w and w in text:
            return w
    return None


# --- N401 not-completed-but-success ------------------------------------------------------


def _not_completed(ctx: CaseContext) -> tuple[list[str], list[str], list[str]]:
    """Why the project was not completed: (reasons zh, reasons en, evidence lines)."""
    case, score, o = ctx.case, ctx.score, ctx.options
    zh: list[str] = []
    en: list[str] = []
    evidence: list[str] = []
    completion = _norm(case.narrative.completion)
    word = _contains_any(completion, o["incomplete_words"])
    if word:
        zh.append(f"项目完成情况写明“{word}”")
        en.append(f"the completion section says “{word}”")
        evidence.append(f"项目完成情况：“{_shown(case.narrative.completion)}”")
    rate = score.budget.rate
    if rate is not None and rate < o["min_execution_rate"]:
        zh.append(f"预算执行率仅 {pct(rate)}")
        en.append(f"only {pct(rate)} of the budget was spent")
        evidence.append(
            f"预算执行率 = {money(case.funds.executed)}/{money(case.funds.budget)} = {pct(rate)}"
            f"（低于 {pct(o['min_execution_rate'])}）"
        )
    for s in score.indicators:
        name = case.indicators[s.index].name.strip() or f"第{s.index + 1}行指标"
        short = (
            s.evidence is Evidence.MEASURED
            and s.weight > 0
            and s.verified < o["far_short_share"] * s.weight
        )
        missed = isinstance(s.actual, Claim) and s.actual.level is ClaimLevel.MISSED
        if short:
            zh.append(f"指标「{name}」核实得分仅 {money(s.verified)}/{money(s.weight)}")
            en.append(f"indicator “{name}” verifies only {money(s.verified)} of {money(s.weight)} points")
            evidence.append(
                f"指标「{name}」：指标值“{case.indicators[s.index].target}”，"
                f"完成值“{case.indicators[s.index].actual}”"
            )
        elif missed:
            zh.append(f"指标「{name}」完成值为“{case.indicators[s.index].actual}”")
            en.append(f"indicator “{name}” reports “{case.indicators[s.index].actual}”")
            evidence.append(f"指标「{name}」完成值：“{case.indicators[s.index].actual}”")
    return zh, en, evidence


def _check_not_completed(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    n = case.narrative
    if not n.conclusion.strip() or not _is_none(n.problems, o["none_words"]):
        return
    conclusion = _norm(n.conclusion)
    if _contains_any(conclusion, o["incomplete_words"]):
        return  # the conclusion itself admits what was not done
    success = _find_unnegated(conclusion, o["success_words"], o["negations"])
    if success is None:
        return
    zh, en, evidence = _not_completed(ctx)
    if not zh:
        return
    claim = _clause_around(conclusion, success[1])
    yield Hit(
        "$.narrative.conclusion",
        {"why": "；".join(zh), "why_en": "; ".join(en), "claim": claim, "problems": _shown(n.problems)},
        expected="；".join(evidence),
        found=f"评价结论：“{_shown(n.conclusion)}”；存在问题：“{_shown(n.problems)}”",
    )


NOT_COMPLETED_BUT_SUCCESS = Rule(
    code="N401",
    name="not-completed-but-success",
    family="narrative",
    severity=Severity.ERROR,
    title="项目未完成，结论却称达标",
    title_en="Project not completed, yet the conclusion reports success",
    message="项目未完成（{why}），评价结论却称“{claim}”，存在问题填“{problems}”",
    message_en=(
        "the project was not completed ({why_en}), yet the conclusion says “{claim}” and the "
        "problems field reads “{problems}”"
    ),
    summary=(
        "项目完成情况写明未完成、预算执行率过低或核实的指标远未达标，而评价结论仍称符合/达到/完成，"
        "存在问题填“无”或空白。"
    ),
    summary_en=(
        "The completion section says the project was not completed, or the execution rate or the "
        "verified indicators show it, while the conclusion reports success and the problems field "
        "says “none” or is blank."
    ),
    rationale=(
        "10号要求自评结果客观真实，未完成或明显偏离目标的须分析原因并提出改进措施；结论与事实相反"
        "属于自评失实，评审应退回重填。"
    ),
    rationale_en=(
        "10号 requires self-assessments to be accurate; a missed target needs its reasons and "
        "measures. A conclusion contradicting the facts is a misstatement the reviewer must send back."
    ),
    source="财预〔2020〕10号（自评结果真实准确；偏离目标须分析原因）；framework.md §5 Q6、Q20、Q21（S9）",
    bad='[funds]\nexecuted = 40\n\n[narrative]\ncompletion = "项目未完成"\n'
    'conclusion = "项目实施达到预期效益，符合绩效目标管理要求。"\nproblems = "无。"',
    good='[funds]\nexecuted = 40\n\n[narrative]\ncompletion = "设备采购未完成，已支付 40 万元"\n'
    'conclusion = "项目未完成年度目标。"\nproblems = "供应商延期交货，采购未完成，资金结余 60 万元。"',
    check=_check_not_completed,
    rests_on=(HERE, "$.narrative", *MONEY, *ROWS),
    settings=(
        Setting("incomplete_words", "texts", "项目完成情况中表示未完成的词语",
                help_en="words in the completion text that mean not completed"),
        Setting("success_words", "texts", "评价结论中表示达标/完成的词语",
                help_en="words in the conclusion that mean met or completed"),
        Setting("negations", "texts", "出现在达标词前 3 个字内即视为否定的字词（如“未”“不”）",
                help_en="characters within 3 before a success word that negate it (such as 未, 不)"),
        Setting("none_words", "texts", "存在问题视为“没有填写”的内容（空白亦同）",
                help_en="problems-section contents that count as not filled in (blank too)"),
        Setting("min_execution_rate", "number", "预算执行率低于此值（比例）即视为未完成", Decimal(0), Decimal(1),
                help_en="an execution rate below this (a fraction) counts as not completed"),
        Setting("far_short_share", "number",
                "有实测依据的指标核实得分低于分值的此比例即视为远未达标", Decimal(0), Decimal(1),
                help_en="a measured indicator verified below this share of its weight counts as far short"),
    ),
)


# --- N402 boilerplate-problems -------------------------------------------------------------


def _deviations(ctx: CaseContext) -> tuple[list[str], list[str]]:
    case, score, o = ctx.case, ctx.score, ctx.options
    zh: list[str] = []
    en: list[str] = []
    rate = score.budget.rate
    if rate is not None and rate < o["min_execution_rate"]:
        unspent = figures(case.funds).balance  # the 其中 rows when the total row is blank
        zh.append(f"预算执行率 {pct(rate)}（结余 {money(unspent)} 万元）")
        en.append(f"execution rate {pct(rate)} ({money(unspent)} 10k yuan unspent)")
    reasons = set(o["deviation_reasons"])
    short: list[str] = []
    for s in score.indicators:
        row_weight = case.indicators[s.index].weight
        own_short = s.claimed_from_form and s.claimed < (row_weight if row_weight is not None else s.weight)
        if is_money_spent_short(s) and not own_short:
            continue  # money spent under a money row: the execution rate above speaks to it
        if s.reason in reasons or own_short:
            short.append(case.indicators[s.index].name.strip() or f"第{s.index + 1}行指标")
    if short:
        names = "、".join(f"「{x}」" for x in short[:3]) + (f"等 {len(short)} 项" if len(short) > 3 else "")
        zh.append(f"指标{names}未达目标")
        en.append(f"{len(short)} indicator(s) short of target ({'、'.join(short[:3])})")
    total = score.claimed_total
    maximum = ctx.profile.total
    if total is not None and score.claimed_total_from_form and total < maximum:
        zh.append(f"自评总分 {money(total)} 分，未满 {money(maximum)} 分")
        en.append(f"self-assessed total {money(total)} of {money(maximum)}")
    return zh, en


def _check_boilerplate(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    if not _has_narrative(case):
        return
    fields = [
        (path, label, label_en, text)
        for path, label, label_en, text in (
            ("$.narrative.problems", "存在问题", "problems", case.narrative.problems),
            ("$.narrative.measures", "改进措施", "measures", case.narrative.measures),
        )
        if _is_none(text, o["none_words"])
    ]
    if not fields:
        return
    zh, en = _deviations(ctx)
    if not zh:
        return
    yield Hit(
        fields[0][0],
        {
            "deviations": "；".join(zh),
            "deviations_en": "; ".join(en),
            "fields": "、".join(f[1] for f in fields),
            "fields_en": " and ".join(f[2] for f in fields),
            "text": _shown(fields[0][3]),
        },
        expected=f"存在偏差，应说明问题及改进措施：{'；'.join(zh)}",
        found="；".join(f"{label}：“{_shown(text)}”" for _, label, _, text in fields),
        expected_en=f"deviations exist, so problems and remedies should be stated: {'; '.join(en)}",
        found_en="; ".join(f"{label_en} ({label}): '{_shown(text)}'" for _, label, label_en, text in fields),
    )


BOILERPLATE_PROBLEMS = Rule(
    code="N402",
    name="boilerplate-problems",
    family="narrative",
    severity=Severity.WARNING,
    title="有偏差却称没有问题",
    title_en="Deviations but “no problems”",
    message="存在偏差（{deviations}），{fields}却填“{text}”",
    message_en="there are deviations ({deviations_en}), yet the {fields_en} field(s) read “{text}”",
    summary="预算未全部执行、指标未达目标或自评总分未满分，存在问题/改进措施却填“无”“暂无”或空白。",
    summary_en=(
        "Budget not fully spent, an indicator short of its target, or a total below the maximum, "
        "while the problems or measures field says “none” or is blank."
    ),
    rationale=(
        "存在问题和改进措施是自评结果应用的依据；有偏差而填“无”说明自评流于形式（四川表要求这两栏"
        "必填，≤200字）。"
    ),
    rationale_en=(
        "The problems and measures fields are what the assessment is used for; “none” despite a "
        "deviation shows a box-ticking assessment (the Sichuan form makes both fields mandatory)."
    ),
    source="framework.md §5 Q20（S4“无”、S5“暂无”；S3 栏目必填）",
    bad='[funds]\nexecuted = 95\n\n[narrative]\nproblems = "无。"\nmeasures = "暂无"',
    good='[funds]\nexecuted = 95\n\n[narrative]\nproblems = "部分培训场地费用低于预算，结余 5 万元。"\n'
    'measures = "下一年度按实际需求编制预算。"',
    check=_check_boilerplate,
    rests_on=(HERE, "$.narrative", *ROWS, "$.indicators[*].deviation"),
    settings=(
        Setting("none_words", "texts", "视为“没有填写”的内容（空白亦同）",
                help_en="contents that count as not filled in (blank too)"),
        Setting("min_execution_rate", "number", "预算执行率低于此值（比例）即为偏差", Decimal(0), Decimal(1),
                help_en="an execution rate below this (a fraction) is a deviation"),
        Setting("deviation_reasons", "texts",
                "视为偏差的指标核实结论（scoring 的 reason 键，如 shortfall、late）",
                help_en="indicator verdicts that count as deviations (scoring reason keys, such as shortfall, late)"),
    ),
)


# --- N403 goal-figures-contradict --------------------------------------------------------

_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CJK_RUN_RE = re.compile(r"[\u3400-\u9fff]+")
_MULT = "(?:万亿|百万|千万|亿|万|千)?"
_MONEY_WORDS = ("万元", "亿元", "千元", "元")
_PCT_WORDS = ("%", "百分比", "百分率", "‰")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-—–~至到]\s*((?:19|20)\d\d))?\s*年")


@attrs.frozen
class _Figure:
    amount: Decimal
    unit: str
    dimension: Dimension
    half: Decimal  # half a unit of the last digit written, in the unit of ``amount``
    shown: str  # the number as written, e.g. "27条"
    context: frozenset[str]  # the clause's words (CJK bigrams), generic ones dropped


def _bigrams(text: str, generic: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for run in _CJK_RUN_RE.findall(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if not any(pair in g for g in generic):
                out.add(pair)
    return frozenset(out)


def _half_unit(q: Quantity, written: str | None) -> Decimal:
    """How far the number may be from the exact amount because of the way it was written:
    half a unit of its last digit when that digit is a rounded one (202.6万元 → 500 元,
    1.2万人次 → 500), none for a whole number of the base unit (27条, 95%, 2026400元)."""
    if not written:
        return ZERO
    number = Decimal(written.replace(",", ""))
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    step = Decimal(1).scaleb(-decimals)
    if number != 0:
        step = step * abs(q.amount / number)
    return ZERO if step == 1 else step / 2


def _figures(text: str, dims: set[str], generic: tuple[str, ...], *, operator: str = "",
             unit: str = "", year: int | None = None) -> list[_Figure]:
    """The quantities of ``text``, clause by clause, with their clause's words as context."""
    if type(text) is str and type(operator) is str and type(unit) is str and (
            year is None or type(year) is int):
        return list(_figures_of(text, frozenset(dims), generic, operator, unit, year))
    return _find_figures(text, dims, generic, operator=operator, unit=unit, year=year)


@functools.lru_cache(maxsize=4096)  # targets repeat across forms; the result is frozen records
def _figures_of(text: str, dims: frozenset[str], generic: tuple[str, ...], operator: str,
                unit: str, year: int | None) -> tuple[_Figure, ...]:
    return tuple(_find_figures(text, dims, generic, operator=operator, unit=unit, year=year))


def _find_figures(text: str, dims: set[str], generic: tuple[str, ...], *, operator: str = "",
                  unit: str = "", year: int | None = None) -> list[_Figure]:
    out: list[_Figure] = []
    for clause in _CLAUSE_RE.findall(_norm(text)):
        value = parse_value(clause, operator=operator, unit=unit, default_year=year)
        if isinstance(value, Quantity):
            quantities: tuple[Quantity, ...] = (value,)
        elif isinstance(value, Text):
            quantities = value.quantities
        else:
            continue
        quantities = tuple(q for q in quantities if q.dimension.value in dims)
        if not quantities:
            continue
        units = {q.unit for q in quantities} | set(_MONEY_WORDS) | set(_PCT_WORDS)
        unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True) if u)
        stripped = re.sub(rf"\d[\d,]*(?:\.\d+)?{_MULT}(?:{unit_alt})?", " ", clause)
        context = _bigrams(stripped, generic)
        cursor = 0
        for q in quantities:
            single = q is value
            where = 0 if single else clause.find(_norm(q.text), cursor)
            if where < 0:
                where = 0
            m = _NUMBER_RE.search(clause, where)
            written = m.group() if m else None
            start = m.start() if m else where
            if not single:
                cursor = where + len(_norm(q.text))
            if any(w in clause[max(0, start - 3) : start] for w in ("各", "每", "均")):
                continue  # a per-item figure ("各250册") is not a total
            if q.dimension is Dimension.MONEY:
                shown = f"{money(q.amount / 10000)}万元"
            else:
                shown = f"{written}{q.unit}" if written else q.text
            out.append(_Figure(q.amount, q.unit, q.dimension, _half_unit(q, written), shown, context))
    return out


def _matches(target: _Figure, goal: list[_Figure], limit: int) -> bool:
    """Whether the target equals one goal figure or (money, counts) a sum of several."""
    if target.dimension is Dimension.PERCENT:
        return any(abs(g.amount - target.amount) <= g.half + target.half for g in goal)
    if len(goal) > limit:
        subsets: Iterable[tuple[_Figure, ...]] = [(g,) for g in goal] + [tuple(goal)]
    else:
        subsets = (c for r in range(1, len(goal) + 1) for c in itertools.combinations(goal, r))
    for subset in subsets:
        total = sum((g.amount for g in subset), ZERO)
        slack = sum((g.half for g in subset), target.half)
        if abs(total - target.amount) <= slack:
            return True
    return False


def _years(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _YEAR_RE.finditer(_norm(text)):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        out.append((min(first, last), max(first, last), m.group()))
    return out


def _check_goal_figures(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    goal_text = case.goal.expected
    year = case.project.year
    if o["check_year"] and isinstance(year, int) and not isinstance(year, bool):
        for path, label, text in (("$.goal.expected", "预期目标", case.goal.expected),
                                  ("$.goal.actual", "实际完成情况", case.goal.actual)):
            years = _years(text)
            if not years or any(a <= year <= b for a, b, _ in years):
                continue
            if o["allow_later_years"] and all(a > year for a, _, _ in years):
                continue
            written = "、".join(dict.fromkeys(w for _, _, w in years))
            yield Hit(
                path,
                {"goal": written, "other": f"本表年度（{year}年）",
                 "other_en": f"the form's year ({year})"},
                expected=f"{label}应为 {year} 年度的内容",
                found=f"{label}：“{_shown(text)}”",
            )
    if not goal_text.strip():
        return
    dims = set(o["dimensions"])
    generic = tuple(_norm(g) for g in o["generic_words"] if g)
    goal = _figures(goal_text, dims, generic, year=year)
    if not goal:
        return
    for s in ctx.score.indicators:
        row = case.indicators[s.index]
        name_context = _bigrams(_norm(row.name), generic)
        for t in _figures(row.target, dims, generic, operator=row.operator, unit=row.unit, year=year):
            context = t.context or name_context
            same = [g for g in goal if g.dimension is t.dimension and g.unit == t.unit
                    and g.context & context]
            if not same or _matches(t, same, int(o["max_goal_figures"])):
                continue
            figures = "、".join(g.shown for g in same)
            sums = "" if t.dimension is Dimension.PERCENT or len(same) < 2 else "（任意组合之和均不等）"
            name = row.name.strip() or f"第{s.index + 1}行指标"
            yield Hit(
                f"$.indicators[{s.index}].target",
                {"goal": figures, "other": f"指标「{name}」的目标值 {t.shown}{sums}",
                 "other_en": f"the target {t.shown} of indicator “{name}”"},
                expected=f"年度总体目标：{figures}（“{_shown(goal_text)}”）",
                found=f"指标「{name}」指标值：“{row.target}”",
            )


# the settings N403 and N410 share: both compare figures the same way (each rule has its own values)
_FIGURE_SETTINGS = (
    Setting("dimensions", "texts", "比较哪些量纲：money（金额）、count（计数量词）、percent（百分比）",
            help_en="which dimensions to compare: money, count (measure words), percent"),
    Setting("generic_words", "texts", "不足以说明“是同一事物”的常见词（不参与上下文匹配）",
            help_en="common words that do not show \"the same thing\" (left out of context matching)"),
)


GOAL_FIGURES_CONTRADICT = Rule(
    code="N403",
    name="goal-figures-contradict",
    family="narrative",
    severity=Severity.WARNING,
    title="年度总体目标与指标值矛盾",
    title_en="Annual goal contradicts the indicator targets",
    message="年度总体目标中的“{goal}”与{other}对不上",
    message_en="the annual goal's “{goal}” does not match {other_en}",
    summary=(
        "年度总体目标里的数字（同一计量单位、说的是同一事物）与指标值不一致，且任何组合之和都对不上；"
        "或目标文字写的是别的年度。"
    ),
    summary_en=(
        "A figure in the annual goal (same unit, same subject) differs from an indicator target and "
        "no combination of the goal's figures adds up to it; or the goal text names another year."
    ),
    rationale=(
        "绩效指标应由年度目标细化而来（101号：指标与目标高度关联）；两处数字不一致或年份写错，"
        "多为照抄往年或上下文不一致，评审无法判断以哪个为准。"
    ),
    rationale_en=(
        "Indicators are meant to break the annual goal down (101号); two different numbers, or "
        "another year's goal copied over, leave the reviewer unable to tell which one holds."
    ),
    source="财预〔2021〕101号（指标与目标高度关联）；framework.md §4.2；real form 20（2023年表写“2022年”）",
    bad='[goal]\nexpected = "完成培训 300 人次，群众满意度达到 90% 以上。"',
    good='[goal]\nexpected = "完成培训 200 人次（春季 80 人次、秋季 120 人次），群众满意度达到 90% 以上。"',
    check=_check_goal_figures,
    rests_on=(HERE, "$.indicators[*].target", "$.indicators[*].name"),
    settings=(
        *_FIGURE_SETTINGS,
        Setting("max_goal_figures", "integer",
                "同一单位的目标数字超过此数时只比较单个数字与总和（控制组合数）", Decimal(1), Decimal(20),
                help_en="with more goal figures than this in one unit, compare single figures and the sum only (limits combinations)"),
        Setting("check_year", "boolean", "是否检查目标文字中的年份与本表年度是否一致",
                help_en="check that years in the goal text agree with the form's year"),
        Setting("allow_later_years", "boolean", "目标只提到以后年份（跨年项目的完成期限）时不报告",
                help_en="do not report goals that mention only later years (deadlines of multi-year projects)"),
    ),
)


# --- N410 narrative-figures-contradict-actual ------------------------------------------------

_REPORTED = (("$.goal.actual", "年度总体目标实际完成情况", "the goal's actual"),
             ("$.narrative.completion", "项目完成情况", "the completion statement"))


def _check_reported_figures(ctx: CaseContext) -> Iterator[Hit]:
    """The figures the narrative reports as done, against each indicator's 完成值."""
    case, o = ctx.case, ctx.options
    year = case.project.year
    dims = set(o["dimensions"])
    generic = tuple(_norm(g) for g in o["generic_words"] if g)
    for path, label, label_en in _REPORTED:
        text = case.goal.actual if path == "$.goal.actual" else case.narrative.completion
        if not text.strip():
            continue
        told = _figures(text, dims, generic, year=year)
        if not told:
            continue
        for s in ctx.score.indicators:
            row = case.indicators[s.index]
            name_context = _bigrams(_norm(row.name), generic)
            for t in _figures(row.actual, dims, generic, unit=row.unit, year=year):
                context = t.context or name_context
                same = [g for g in told if g.dimension is t.dimension and g.unit == t.unit
                        and g.context & context]
                if not same or _matches(t, same, int(o["max_goal_figures"])):
                    continue
                figures = "、".join(g.shown for g in same)
                name = row.name.strip() or f"第{s.index + 1}行指标"
                yield Hit(
                    f"$.indicators[{s.index}].actual",
                    {"field": label, "field_en": label_en, "told": figures, "name": name, "actual": t.shown},
                    expected=f"{label}：{figures}（“{_shown(text)}”）",
                    found=f"指标「{name}」完成值：“{row.actual}”",
                    expected_en=f"{label_en}: {figures}",
                    found_en=f"indicator “{name}” actual: “{row.actual}”",
                )


NARRATIVE_FIGURES_CONTRADICT = Rule(
    code="N410",
    name="narrative-figures-contradict-actual",
    family="narrative",
    severity=Severity.WARNING,
    title="完成情况叙述与完成值矛盾",
    title_en="The narrative's figures contradict an actual",
    message="{field}中的“{told}”与指标「{name}」的完成值 {actual} 对不上",
    message_en="{field_en} reports “{told}”, which does not match the actual {actual} of indicator “{name}”",
    summary="年度总体目标实际完成情况或项目完成情况里的数字（同一计量单位、说的是同一事物）与指标完成值不一致，且任何组合之和都对不上。"
            "比较方法与 N403（目标与指标值）相同。",
    summary_en="A figure in the goal's actual or the completion statement (same unit, same subject) differs "
               "from an indicator's actual and no combination of the narrative's figures adds up to it. "
               "Compared the way N403 compares the goal with the targets.",
    rationale="同一件事在表内和叙述中报了两个数，至少有一处不实，评审无法判断以哪个为准。",
    rationale_en="One thing reported with two numbers: at least one is wrong, and the reviewer cannot tell which.",
    source="财预〔2020〕10号 附件1（年度总体目标完成情况与指标完成值）；framework.md §5 Q19",
    bad='[goal]\nactual = "完成培训 180 人次，满意度调查（有效问卷 320 份）满意度 96%。"',
    good='[goal]\nactual = "完成培训 210 人次（春季 90 人次、秋季 120 人次），满意度调查（有效问卷 320 份）满意度 96%。"',
    check=_check_reported_figures,
    rests_on=(HERE, "$.goal.actual", "$.narrative.completion"),
    settings=(
        *_FIGURE_SETTINGS,
        Setting("max_goal_figures", "integer",
                "同一单位的数字超过此数时只比较单个数字与总和（控制组合数）", Decimal(1), Decimal(20),
                help_en="with more figures than this in one unit, compare single figures and the sum only"),
    ),
)


# --- N404 narrative-without-form ---------------------------------------------------------


def _check_without_form(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if case.project.has_form:
        return
    budget = case.funds.budget
    if budget is not None and budget < ctx.options["min_budget"]:
        return
    yield Hit(
        "$.project.has_form",
        {"name": case.project.name or "（未命名）"},
        expected="项目支出绩效自评表（绩效指标、指标值、完成值、分值、得分）",
        found=f"只有文字叙述：{case.project.source.strip() or '（未注明出处）'}",
        expected_en="a self-assessment form (项目支出绩效自评表: indicators, targets, actuals, weights, scores)",
        found_en=f"prose only: {case.project.source.strip() or '(no source given)'}",
    )


NARRATIVE_WITHOUT_FORM = Rule(
    code="N404",
    name="narrative-without-form",
    family="narrative",
    severity=Severity.WARNING,
    title="只有叙述，没有自评表",
    title_en="Narrative without a self-assessment form",
    message="项目“{name}”只有文字叙述，未附绩效自评表，指标完成情况和得分无从核实",
    message_en="project “{name}” is only described in prose: no self-assessment form, so its indicators and score cannot be checked",
    summary="报告叙述了某个项目的自评，却没有附该项目的绩效自评表。",
    summary_en="The report describes a project's self-assessment but gives no self-assessment form for it.",
    rationale=(
        "10号要求对项目开展自评并填报自评表；只有叙述时没有指标值、完成值和得分，评审无法复核，"
        "该项目只能判为“结果未证实”。"
    ),
    rationale_en=(
        "10号 requires a self-assessment form per project; prose alone gives no targets, actuals "
        "or scores to check, so the project's result is not demonstrated."
    ),
    source="财预〔2020〕10号 附件1（项目支出绩效自评表）；framework.md §5（MOF 100% 自评覆盖，S9）",
    bad="[project]\nhas_form = false",
    good="",
    check=_check_without_form,
    settings=(
        Setting("min_budget", "number", "预算低于此金额（万元）的项目不要求自评表；0 表示都要求", Decimal(0),
                help_en="projects with a budget below this (10k yuan) need no form; 0 means all do"),
    ),
)


# --- N405 conclusion-score-mismatch ------------------------------------------------------


def _stated_score(conclusion: str, words: Iterable[str]) -> tuple[Decimal, str, str] | None:
    """(score, number as written, matched text) of the first score word (in settings order)."""
    for word in words:
        w = _norm(word)
        if not w:
            continue
        m = re.search(re.escape(w) + r"(?:为|是|:|达到|达|共|计)?(\d+(?:\.\d+)?)(分?)", conclusion)
        if m:
            return Decimal(m.group(1)), m.group(1), m.group()
    return None


def _check_conclusion_score(ctx: CaseContext) -> Iterator[Hit]:
    case, score, o = ctx.case, ctx.score, ctx.options
    raw = case.narrative.conclusion
    if not raw.strip():
        return
    conclusion = _norm(raw)
    stated = _stated_score(conclusion, o["score_words"])
    if stated is None:
        if ctx.profile.id in o["profiles_requiring_total"] and not _contains_any(
            conclusion, o["template_markers"]
        ):
            yield Hit(
                "$.narrative.conclusion",
                {"problem": "未写明自评总分", "problem_en": "does not state the total score"},
                expected="评价结论须写明项目自评总分（如“自评得分95分”）",
                found=f"评价结论：“{_shown(raw)}”",
            )
        return
    value, written, matched = stated
    if case.narrative.claimed_total is not None:
        claimed, where = case.narrative.claimed_total, "表中自评总分/合计"
    elif score.claimed_total is not None and (score.claimed_total_from_form or o["use_implied_total"]):
        claimed = score.claimed_total
        where = "表中各项得分之和" if score.claimed_total_from_form else "表中自评结果折算的总分"
    else:
        return
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    slack = Decimal(1).scaleb(-decimals) / 2 + o["tolerance"]
    if abs(value - claimed) <= slack:
        return
    yield Hit(
        "$.narrative.conclusion",
        {"problem": f"写的总分 {written} 分与{where} {money(claimed)} 分不一致",
         "problem_en": f"states {written} points, but the form's total is {money(claimed)}"},
        expected=f"{where}：{money(claimed)} 分",
        found=f"评价结论：“{matched}”",
    )


CONCLUSION_SCORE_MISMATCH = Rule(
    code="N405",
    name="conclusion-score-mismatch",
    family="narrative",
    severity=Severity.WARNING,
    title="评价结论中的总分与表不符",
    title_en="Conclusion's total score does not match the form",
    message="评价结论{problem}",
    message_en="the conclusion {problem_en}",
    summary="评价结论写的自评总分与表中总分（或各项得分之和）不同；四川表的评价结论未写明总分。",
    summary_en=(
        "The conclusion states a total score other than the form's total (or the sum of its item "
        "scores); under the Sichuan form, a conclusion that states no total at all."
    ),
    rationale=(
        "四川 510000_0013zp 表要求评价结论写明自评总分；结论与表内得分不一致时，无法确定哪一个是"
        "单位认定的结果。"
    ),
    rationale_en=(
        "The Sichuan form requires the conclusion to state the total; when the two differ, nobody "
        "can tell which score the department stands by."
    ),
    source="framework.md §5 Q26（S3：评价结论须说明自评总分）",
    bad='[narrative]\nconclusion = "项目自评得分 95 分，等级为优。"',
    good='[narrative]\nconclusion = "项目自评得分 100 分，等级为优。"',
    check=_check_conclusion_score,
    rests_on=(HERE, "$.narrative.claimed_total", *ROWS, *MONEY, "$.funds.claimed_score", "$.funds.claimed_rate"),
    settings=(
        Setting("score_words", "texts", "引出总分的词语，按优先顺序（如“自评得分”先于“总分”）",
                help_en="words that introduce the total score, in priority order (自评得分 before 总分)"),
        Setting("profiles_requiring_total", "texts", "在这些评分规则下评价结论必须写明总分",
                help_en="under these profiles the conclusion must state the total score"),
        Setting("template_markers", "texts", "结论仍是模板说明文字时不报“未写总分”（交由 N406）",
                help_en="a conclusion that is still template text is not reported as lacking the total (N406 reports it)"),
        Setting("use_implied_total", "boolean", "表内没有得分栏时，是否与按自评结果折算的总分比较",
                help_en="without score columns, compare with the total implied by the self-assessed results"),
        Setting("tolerance", "number", "除结论数字本身的舍入外再允许的差额（分）", Decimal(0),
                help_en="difference allowed beyond the rounding of the conclusion's own figure (points)"),
    ),
)


# --- N406 template-placeholder -----------------------------------------------------------

_TEXT_FIELDS = (
    ("$.narrative.conclusion", "评价结论", "conclusion"),
    ("$.narrative.problems", "存在问题", "problems"),
    ("$.narrative.measures", "改进措施", "measures"),
    ("$.goal.expected", "年度总体目标（预期目标）", "annual goal"),
    ("$.goal.actual", "年度目标完成情况", "goal achieved"),
)


def _field_text(case: Case, path: str) -> str:
    n, g = case.narrative, case.goal
    return {
        "$.narrative.conclusion": n.conclusion,
        "$.narrative.problems": n.problems,
        "$.narrative.measures": n.measures,
        "$.goal.expected": g.expected,
        "$.goal.actual": g.actual,
    }[path]


def _check_placeholder(ctx: CaseContext) -> Iterator[Hit]:
    for path, label, label_en in _TEXT_FIELDS:
        text = _field_text(ctx.case, path)
        phrase = _contains_any(_norm(text), ctx.options["phrases"])
        if phrase:
            yield Hit(
                path,
                {"field": label, "field_en": label_en, "phrase": phrase},
                expected=f"{label}：填写本项目的实际情况",
                found=f"{label}：“{_shown(text)}”",
            )


TEMPLATE_PLACEHOLDER = Rule(
    code="N406",
    name="template-placeholder",
    family="narrative",
    severity=Severity.ERROR,
    title="仍是模板说明文字",
    title_en="Template instructions left in place",
    message="{field}仍是表格模板的填写说明（“{phrase}”），没有填写实际内容",
    message_en="the {field_en} field still holds the template's instructions (“{phrase}”), not the department's text",
    summary="评价结论、存在问题、改进措施或年度目标栏里留着模板的填写说明，如“结合自评情况，说明…”“(200字以内)”。",
    summary_en=(
        "The conclusion, problems, measures or goal fields still hold the template's instructions "
        "such as “结合自评情况，说明…” or “(200字以内)”."
    ),
    rationale="说明文字未替换说明该栏实际没有填写，表格是空表照发。",
    rationale_en="Instructions left in place mean the field was never filled in: an empty form was published.",
    source="framework.md §1.2（四川 510000_0013zp 表栏目说明）；real forms 03、20（INDEX.md）",
    bad='[narrative]\nconclusion = "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)"',
    good="",
    check=_check_placeholder,
    settings=(
        Setting("phrases", "texts", "模板说明文字的特征片段（按 NFKC 规范化后比较，全角标点视同半角）",
                help_en="fragments that mark template instruction text (compared after NFKC, full-width punctuation as half-width)"),
    ),
)


# --- N407 text-too-long -------------------------------------------------------------------


def _check_length(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    if ctx.profile.id not in o["profiles"]:
        return
    limits = (
        ("$.goal.actual", "年度目标完成情况", "goal achieved", ctx.case.goal.actual, o["goal_actual_max"]),
        ("$.narrative.conclusion", "评价结论", "conclusion", ctx.case.narrative.conclusion, o["conclusion_max"]),
        ("$.narrative.problems", "存在问题", "problems", ctx.case.narrative.problems, o["problems_max"]),
        ("$.narrative.measures", "改进措施", "measures", ctx.case.narrative.measures, o["measures_max"]),
    )
    for path, label, label_en, text, limit in limits:
        length = len(_norm(text))
        if length > limit:
            yield Hit(
                path,
                {"field": label, "field_en": label_en, "length": length, "limit": limit},
                expected=f"{label} ≤ {limit} 字",
                found=f"{label} {length} 字",
            )


TEXT_TOO_LONG = Rule(
    code="N407",
    name="text-too-long",
    family="narrative",
    severity=Severity.INFO,
    title="文字超过表格字数限制",
    title_en="Text longer than the form allows",
    message="{field}共 {length} 字，超过表格规定的 {limit} 字",
    message_en="the {field_en} field has {length} characters, more than the form's limit of {limit}",
    summary="四川表：年度目标完成情况 ≤100 字，评价结论、存在问题、改进措施各 ≤200 字。",
    summary_en="Sichuan form: goal achieved ≤100 characters; conclusion, problems and measures ≤200 each.",
    rationale="四川 510000_0013zp 表在栏目中印明字数上限；超长文字在系统中无法录入或被截断。",
    rationale_en="The Sichuan form prints these limits; longer text cannot be entered or is cut off.",
    source="framework.md §5 Q25（S3）",
    bad='[project]\nprofile = "sichuan"\n\n[narrative]\nproblems = "' + "培训场地分散，组织成本偏高。" * 16 + '"',
    good='[project]\nprofile = "sichuan"',
    check=_check_length,
    settings=(
        Setting("profiles", "texts", "在这些评分规则下检查字数",
                help_en="check lengths under these profiles"),
        Setting("goal_actual_max", "integer", "年度目标完成情况的字数上限", Decimal(1),
                help_en="character limit of the goal completion text"),
        Setting("conclusion_max", "integer", "评价结论的字数上限", Decimal(1),
                help_en="character limit of the conclusion"),
        Setting("problems_max", "integer", "存在问题的字数上限", Decimal(1),
                help_en="character limit of the problems section"),
        Setting("measures_max", "integer", "改进措施的字数上限", Decimal(1),
                help_en="character limit of the measures section"),
    ),
)


# =========================================================================================
# N408 goal-without-words
# =========================================================================================


def _goal_without_words(ctx: CaseContext) -> Iterator[Hit]:
    pattern = re.compile(ctx.options["words_pattern"])
    min_words = int(ctx.options["min_words"])
    for field, label in (("expected", "预期目标"), ("actual", "实际完成情况")):
        text = getattr(ctx.case.goal, field)
        if text.strip() and len(pattern.findall(text)) < min_words:
            yield Hit(f"$.goal.{field}", {"label": label, "text": text.strip()},
                      expected="用文字写明年度总体目标及其完成情况（做什么、做到什么程度）",
                      found=f"{label}：“{text.strip()}”")


GOAL_WITHOUT_WORDS = Rule(
    code="N408",
    name="goal-without-words",
    family="narrative",
    severity=Severity.WARNING,
    title="年度总体目标只有数字没有文字",
    title_en="Annual goal given as bare numbers",
    message="年度总体目标的{label}只填了“{text}”，没有用文字说明目标或完成情况",
    message_en="the annual goal's {label} holds only “{text}”: no words state the goal or what "
               "was achieved",
    summary="年度总体目标的预期目标或实际完成情况只有数字、金额或符号，几乎没有文字说明。",
    summary_en="The annual goal's expected or actual cell holds numbers or amounts with hardly "
               "any words.",
    rationale="年度总体目标是评价的起点：只填一个金额（如预算数）等于没有目标，"
              "指标与目标是否相符也就无从判断。",
    rationale_en="The annual goal is where an assessment starts: a bare amount (often the "
                 "budget) is no goal, so nothing can be checked against it.",
    source="财预〔2020〕10号 附件1（年度总体目标：预期目标 / 实际完成情况）；real-forms INDEX 08",
    bad='[goal]\nexpected = "43.2"\nactual = "37.24"',
    good='[goal]\nexpected = "完成暖通改造，保障师生冬季供暖"\nactual = "改造完成并通过验收"',
    check=_goal_without_words,
    settings=(
        Setting("words_pattern", "regex", "算作“文字”的字符（正则）：汉字，计量单位除外",
                help_en="the characters that count as words (a regex): Chinese characters, measure units excepted"),
        Setting("min_words", "integer", "少于这么多个文字字符即视为只有数字", Decimal(1), Decimal(50),
                help_en="fewer word characters than this counts as figures only"),
    ),
)


# --- N409 department-implementer-swapped ---------------------------------------------------


def _department_swapped(ctx: CaseContext) -> Iterator[Hit]:
    project = ctx.case.project
    department, implementer = _norm(project.department), _norm(project.implementer)
    if not department or not implementer or department == implementer:
        return
    if is_unread(project, "implementer"):
        return  # the 实施单位 was not read: nothing to compare it with
    if not department.startswith(implementer):
        return
    rest = department[len(implementer):]
    if not any(rest.endswith(word) for word in ctx.options["unit_words"]):
        return
    yield Hit(
        "$.project.department",
        {"department": project.department.strip(), "implementer": project.implementer.strip()},
        expected="主管部门是实施单位的上级（实施单位可为主管部门本级或其下属单位）",
        found=f"主管部门“{project.department.strip()}”，实施单位“{project.implementer.strip()}”",
        expected_en="the 主管部门 is the 实施单位's superior (the implementer is the department itself or a unit under it)",
        found_en=f"主管部门 '{project.department.strip()}', 实施单位 '{project.implementer.strip()}'",
    )


DEPARTMENT_SWAPPED = Rule(
    code="N409",
    name="department-implementer-swapped",
    family="narrative",
    severity=Severity.WARNING,
    title="主管部门与实施单位疑似填反",
    title_en="主管部门 and 实施单位 apparently swapped",
    message="主管部门“{department}”是实施单位“{implementer}”的下属单位：两栏疑似填反",
    message_en="the 主管部门 '{department}' is a unit under the 实施单位 '{implementer}': the two "
               "cells look swapped",
    summary="主管部门名称以实施单位全称开头、再接下属机构的称谓（中心、站、所、队、办公室……，可配置），"
            "即主管部门是实施单位的下属单位。",
    summary_en="The 主管部门 name is the 实施单位's full name followed by a subordinate unit's title "
               "(中心, 站, 所, 队, 办公室 …, configurable): the department is a unit under the implementer.",
    rationale="主管部门对项目绩效负主管责任；填反后部门整体评价和问题追责都会落到下属单位。",
    rationale_en="The 主管部门 answers for the project; swapped, the department-level review and "
                 "accountability land on a subordinate unit.",
    source="财预〔2020〕10号 附件1（主管部门、实施单位栏）；framework.md §1.1",
    bad='[project]\ndepartment = "示例部门信息中心"\nimplementer = "示例部门"',
    good='[project]\ndepartment = "示例部门"\nimplementer = "示例部门信息中心"',
    check=_department_swapped,
    rests_on=(HERE,),
    settings=(
        Setting("unit_words", "texts", "下属单位名称的结尾称谓",
                help_en="titles a subordinate unit's name ends with"),
    ),
)


RULES = (
    NOT_COMPLETED_BUT_SUCCESS,
    BOILERPLATE_PROBLEMS,
    GOAL_FIGURES_CONTRADICT,
    NARRATIVE_WITHOUT_FORM,
    CONCLUSION_SCORE_MISMATCH,
    TEMPLATE_PLACEHOLDER,
    TEXT_TOO_LONG,
    GOAL_WITHOUT_WORDS,
    DEPARTMENT_SWAPPED,
    NARRATIVE_FIGURES_CONTRADICT,
)
