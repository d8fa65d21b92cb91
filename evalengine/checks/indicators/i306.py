"""I306: the check (its prose, settings and cases: rules/checks/indicators/I306.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, Seq, p
from ...model import Case
from ...values import Claim, ClaimLevel, Quantity, Value
from ...vocabulary import load_vocabulary
from ..base import HERE, TEXTS, CaseContext, Hit
from ..kit import _has, _pairs, _path, _show


def _claims_done(value: Value) -> bool:
    return isinstance(value, Claim) and value.level in (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


def _case_text(case: Case) -> str:
    n, f, g = case.narrative, case.funds, case.goal
    parts = [g.expected, g.actual, n.completion, n.benefit, n.conclusion, n.problems, n.measures,
             n.deviation, f.note, f.reason, *(r.deviation for r in case.indicators)]
    return "\n".join(p for p in parts if p)


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    words = load_vocabulary().names.satisfaction
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
            {"name": Quote(_show(row.name)), "actual": Quote(_show(row.actual))},
            expected=p("I306.expected"),
            found=p("I306.found", actual=Quote(row.actual),
                    words=Seq(tuple(Quote(w) for w in o["survey_words"][:4]), "slash_tight")),
        )


RESTS_ON = (HERE, *TEXTS)
