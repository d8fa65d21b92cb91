"""N401: the check (its prose, settings and cases: rules/checks/narrative/N401.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ...evidence import Amount, Percent, Phrase, Quote, Rate, Seq, p
from ...scoring import Evidence
from ...values import Claim, ClaimLevel
from ..base import HERE, MONEY, ROWS, CaseContext, Hit
from ..kit import _CLAUSE_RE, _contains_any, _indicator_named, _norm, _quoted, _says_nothing
from ...vocabulary import load_vocabulary


def _clause_around(text: str, start: int) -> str:
    """The clause (between punctuation) of the normalised ``text`` containing ``start``."""
    for m in _CLAUSE_RE.finditer(text):
        if m.start() <= start < m.end():
            return m.group()
    return text


@functools.lru_cache(maxsize=256)  # a setting's words: the same for every case
def _word_pattern(w: str) -> re.Pattern[str]:
    return re.compile(re.escape(w))


def _find_unnegated(text: str, words: Iterable[str], window: int) -> tuple[str, int] | None:
    """The first of ``words`` (in their order) found in ``text`` without a negation at most
    ``window`` characters before it (the words: rules/vocabulary.toml [negation])."""
    vocabulary = load_vocabulary()
    for word in words:
        w = _norm(word)
        if not w or w not in text:
            continue
        for m in _word_pattern(w).finditer(text):
            if not vocabulary.cancels(text, m.start(), window):
                return m.group(), m.start()
    return None


def _not_completed(ctx: CaseContext) -> tuple[list[Phrase], list[Phrase]]:
    """Why the project was not completed: (reasons, evidence lines)."""
    case, score, o = ctx.case, ctx.score, ctx.options
    reasons: list[Phrase] = []
    evidence: list[Phrase] = []
    completion = ctx.facts.normalised("$.narrative.completion")
    word = _contains_any(completion, o["incomplete_words"])
    if word:
        reasons.append(p("N401.completion_says", word=Quote(word)))
        evidence.append(p("N401.completion", text=_quoted(case.narrative.completion)))
    rate = score.budget.rate
    if rate is not None and rate < o["min_execution_rate"]:
        reasons.append(p("N401.low_rate", rate=Percent(rate)))
        evidence.append(p("N401.rate", rate=Rate(case.funds.executed, case.funds.budget, rate),
                          floor=Percent(o["min_execution_rate"])))
    for s in score.indicators:
        short = (
            s.evidence is Evidence.MEASURED
            and s.weight > 0
            and s.verified < o["far_short_share"] * s.weight
        )
        missed = isinstance(s.actual, Claim) and s.actual.level is ClaimLevel.MISSED
        if not (short or missed):
            continue
        name = _indicator_named(case.indicators[s.index].name.strip(), s.index)
        actual = Quote(case.indicators[s.index].actual)
        if short:
            reasons.append(p("N401.short", name=name, verified=Amount(s.verified), weight=Amount(s.weight)))
            evidence.append(p("N401.short_evidence", name=name,
                              target=Quote(case.indicators[s.index].target), actual=actual))
        elif missed:
            reasons.append(p("N401.missed", name=name, actual=actual))
            evidence.append(p("N401.missed_evidence", name=name, actual=actual))
    return reasons, evidence


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
    reasons, evidence = _not_completed(ctx)
    if not reasons:
        return
    claim = _clause_around(conclusion, success[1])
    yield Hit(
        "$.narrative.conclusion",
        {"why": Seq(tuple(reasons)), "claim": Quote(claim), "problems": _quoted(n.problems)},
        expected=Seq(tuple(evidence)),
        found=p("N401.found", conclusion=_quoted(n.conclusion), problems=_quoted(n.problems)),
    )


RESTS_ON = (HERE, "$.narrative", *MONEY, *ROWS)
