"""F101: the check (its prose, settings and cases: rules/checks/funds/F101.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...evidence import Amount, Count, Percent, Quote, Seq, p
from ...money import figures
from ...numbers import ZERO
from ...values import Claim, ClaimLevel
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _clause, _find, _rate, _short, _texts


@lru_cache(maxsize=16)
def _ending(words: tuple[str, ...], window: int) -> re.Pattern[str] | None:
    """Matches at the end of a text whose last clause has one of ``words`` at most ``window``
    characters from its end ("未能按时全部" + 完成, "计划2022年" + 完成)."""
    words = tuple(w for w in words if w)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alt})[^，,。；;！!？?、\\n]{{0,{max(window, 0)}}}$")


# 评价结论 is N401's: a success conclusion over unfinished work is reported there, once.
_CLAIM_FIELDS = ("$.goal.actual", "$.narrative.completion", "$.narrative.benefit")


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = figures(ctx.case.funds)
    rate = f.rate
    if rate is not None:
        if rate > o["max_rate"]:
            return
        paid = p("common.rate_is", rate=_rate(f))
    elif f.executed is not None and f.executed == 0:  # a negative 执行数 is F113's
        rate = ZERO
        paid = p("F101.paid_no_budget", executed=Amount(f.executed))
    else:
        return
    negation = _ending(o["negation_words"], int(o["negation_window"]))
    patterns = o["claim_patterns"]
    params = {"rate": Percent(rate), "executed": Amount(f.executed), "budget": Amount(f.budget)}

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
        shown = Seq(tuple(p("F101.claim", name=Quote(rows[s.index].name), actual=Quote(rows[s.index].actual))
                          for s in claims[:3]))
        more = p("common.and_more", count=Count(len(claims))) if len(claims) > 3 else ""
        path = f"$.indicators[{claims[0].index}].actual"
        yield Hit(
            path,
            {**params, "field": p("F101.indicator_actuals", count=Count(len(claims))),
             "claim": Quote(rows[claims[0].index].actual.strip(), path)},
            expected=paid,
            found=p("F101.claims_found", shown=shown, more=more),
        )
    for path, label, text in _texts(ctx.case, _CLAIM_FIELDS):
        m = _find(text, patterns, negation)
        if m is None:
            continue
        clause = _clause(text, m.start(), m.end(), commas=True)
        yield Hit(path, {**params, "field": label, "claim": Quote(clause, path)},
                  expected=paid, found=p("common.labelled", label=label, text=Quote(_short(text), path)))


RESTS_ON = (HERE, *MONEY)
