"""N401: the check (its prose, settings and cases: rules/checks/narrative/N401.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...scoring import Evidence
from ...values import Claim, ClaimLevel
from ...vocabulary import load_vocabulary
from ..base import HERE, MONEY, ROWS, CaseContext, Hit, money, pct
from ..kit import _CLAUSE_RE, _contains_any, _norm, _says_nothing, _shown


def _clause_around(text: str, start: int) -> str:
    """The clause (between punctuation) of the normalised ``text`` containing ``start``."""
    for m in _CLAUSE_RE.finditer(text):
        if m.start() <= start < m.end():
            return m.group()
    return text


def _find_unnegated(text: str, words: Iterable[str], window: int) -> tuple[str, int] | None:
    """The first of ``words`` (in their order) found in ``text`` without a negation at most
    ``window`` characters before it (the words: rules/vocabulary.toml [negation])."""
    vocabulary = load_vocabulary()
    for word in words:
        if not _norm(word):
            continue
        for m in re.finditer(re.escape(_norm(word)), text):
            if not vocabulary.cancels(text, m.start(), window):
                return m.group(), m.start()
    return None


def _not_completed(ctx: CaseContext) -> tuple[list[str], list[str], list[str]]:
    """Why the project was not completed: (reasons zh, reasons en, evidence lines)."""
    case, score, o = ctx.case, ctx.score, ctx.options
    zh: list[str] = []
    en: list[str] = []
    evidence: list[str] = []
    completion = ctx.facts.normalised("$.narrative.completion")
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


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    n = case.narrative
    if not n.conclusion.strip() or not _says_nothing(n.problems):
        return
    conclusion = ctx.facts.normalised("$.narrative.conclusion")
    if _contains_any(conclusion, o["incomplete_words"]):
        return  # the conclusion itself admits what was not done
    success = _find_unnegated(conclusion, o["success_words"], int(o["negation_window"]))
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


RESTS_ON = (HERE, "$.narrative", *MONEY, *ROWS)
