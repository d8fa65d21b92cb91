"""F101: the check (its prose, settings and cases: rules/checks/funds/F101.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, Percent, Quote, Seq, p
from ...numbers import ZERO
from ...values import Claim, ClaimLevel
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import _clause, _find, _rate, _short, _label, _texts


# 评价结论 is N401's: a success conclusion over unfinished work is reported there, once.
_CLAIM_FIELDS = ("$.goal.actual", "$.narrative.completion", "$.narrative.benefit")


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
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
    negation = int(o["negation_window"])  # the words: rules/vocabulary.toml [negation]
    patterns = o["claim_patterns"]
    params = {"rate": Percent(rate), "executed": Amount(f.executed), "budget": Amount(f.budget)}

    rows = ctx.case.indicators
    # a row left out of scoring (a field not read) still shows its actual, when that was read
    cells = sorted([(s.index, s.actual) for s in ctx.score.indicators]
                   + [(i, ctx.facts.rows[i].actual) for i in ctx.score.unverifiable])
    claims = []
    for index, actual in cells:
        if not isinstance(actual, Claim) or actual.level is not ClaimLevel.ACHIEVED:
            continue
        if actual.percent is not None and actual.percent < 100:
            continue
        if actual.percent is not None or _find(actual.text, patterns, negation):
            claims.append(index)
    if claims:
        shown = Seq(tuple(p("F101.claim", name=Quote(rows[i].name), actual=Quote(rows[i].actual))
                          for i in claims[:3]))
        more = p("common.and_more", count=Count(len(claims))) if len(claims) > 3 else ""
        path = f"$.indicators[{claims[0]}].actual"
        yield Hit(
            path,
            {**params, "field": p("F101.indicator_actuals", count=Count(len(claims))),
             "claim": Quote.at(rows[claims[0]].actual.strip(), path)},
            expected=paid,
            found=p("F101.claims_found", shown=shown, more=more),
        )
    for path, text in _texts(ctx.facts, _CLAIM_FIELDS):
        m = _find(text, patterns, negation)
        if m is None:
            continue
        label = _label(ctx.facts, path)
        clause = _clause(text, m.start(), m.end(), commas=True)
        yield Hit(path, {**params, "field": label, "claim": Quote.at(clause, path)},
                  expected=paid, found=p("common.labelled", label=label, text=Quote.at(_short(text), path)))


RESTS_ON = (HERE, *MONEY)
