"""I306: the check (its prose, settings and cases: rules/checks/indicators/I306.toml)."""

from __future__ import annotations

import functools

from ...evidence import Quote, Seq, p
from ...model import Case
from ...values import Claim, ClaimLevel, Quantity, Value
from ...facts import compact
from ...vocabulary import load_vocabulary
from ..base import HERE, TEXTS, CaseContext, Hit, ScoredRow, Words
from ..kit import _compact, _show


def _claims_done(value: Value) -> bool:
    return isinstance(value, Claim) and value.level in (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


def _case_text(case: Case) -> str:
    n, f, g = case.narrative, case.funds, case.goal
    parts = [g.expected, g.actual, n.completion, n.benefit, n.conclusion, n.problems, n.measures,
             n.deviation, f.note, f.reason, *(r.deviation for r in case.indicators)]
    return "\n".join(p for p in parts if p)


@functools.cache
def _satisfaction() -> Words:
    return Words(load_vocabulary().names.satisfaction)


def _shown_words(words: Words) -> Seq:
    """The first survey words, as the evidence lists them (the same for every hit)."""
    return Seq(tuple(Quote(w) for w in words[:4]), "slash_tight")


def wants_rows(ctx: CaseContext) -> bool:
    """No text of the form speaks of a survey."""
    return not ctx.options["survey_words"].first_in(compact(_case_text(ctx.case)))


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    actual = r.actual
    if not (_claims_done(actual) or isinstance(actual, Quantity)):
        return None
    words = _satisfaction()
    if not (words.first_in(_compact(r.item.category)) or words.first_in(r.level2)
            or words.first_in(r.name)):
        return None
    row = r.row
    return Hit(
        r.path("actual"),
        {"name": Quote(r.shown_name), "actual": Quote(_show(row.actual))},
        expected=p("I306.expected"),
        found=p("I306.found", actual=Quote(row.actual),
                words=ctx.options["survey_words"].once("I306 shown", _shown_words)),
    )


RESTS_ON = (HERE, *TEXTS)


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "done or figure"
