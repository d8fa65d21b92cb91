"""F101: the check (its prose, settings and cases: rules/checks/funds/F101.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import ZERO
from ...values import Claim, ClaimLevel
from ..base import HERE, MONEY, CaseContext, Hit, money, pct
from ..kit import _clause, _find, _rate_text, _short, _texts


# 评价结论 is N401's: a success conclusion over unfinished work is reported there, once.
_CLAIM_FIELDS = ("$.goal.actual", "$.narrative.completion", "$.narrative.benefit")


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
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
    negation = int(o["negation_window"])  # the words: rules/vocabulary.toml [negation]
    patterns = o["claim_patterns"]
    params = {"rate": pct(rate), "executed": money(f.executed), "budget": money(f.budget)}

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
        shown = "；".join(f"“{rows[i].name}”完成值“{rows[i].actual}”" for i in claims[:3])
        more = f" 等 {len(claims)} 项" if len(claims) > 3 else ""
        yield Hit(
            f"$.indicators[{claims[0]}].actual",
            {**params, "field": f"{len(claims)} 项绩效指标的完成值",
             "field_en": f"the actual value of {len(claims)} indicator(s)",
             "claim": rows[claims[0]].actual.strip()},
            expected=paid,
            found=f"绩效指标完成值：{shown}{more}",
            expected_en=paid_en,
        )
    for path, label, label_en, text in _texts(ctx.facts, _CLAIM_FIELDS):
        m = _find(text, patterns, negation)
        if m is None:
            continue
        clause = _clause(text, m.start(), m.end(), commas=True)
        yield Hit(path, {**params, "field": label, "field_en": label_en, "claim": clause},
                  expected=paid, found=f"{label}：{_short(text)}", expected_en=paid_en,
                  found_en=f"{label_en}: {_short(text)}")


RESTS_ON = (HERE, *MONEY)
