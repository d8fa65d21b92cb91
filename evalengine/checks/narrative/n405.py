"""N405: the check (its prose, settings and cases: rules/checks/narrative/N405.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ...evidence import Amount, Label, Quote, p
from ...numbers import read_number
from ..base import HERE, MONEY, ROWS, CaseContext, Hit
from ..kit import _contains_any, _norm, _quoted


@functools.lru_cache(maxsize=256)  # a setting's words: the same for every case
def _score_pattern(w: str) -> re.Pattern[str]:
    return re.compile(re.escape(w) + r"(?:为|是|:|达到|达|共|计)?(\d+(?:\.\d+)?)(分?)")


def _stated_score(conclusion: str, words: Iterable[str]) -> tuple[Decimal, str, str] | None:
    """(score, number as written, matched text) of the first score word (in settings order)."""
    for word in words:
        w = _norm(word)
        if not w:
            continue
        m = _score_pattern(w).search(conclusion)
        score = read_number(m.group(1)) if m else None
        if score is not None:
            return score, m.group(1), m.group()
    return None


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, score, o = ctx.case, ctx.score, ctx.options
    raw = case.narrative.conclusion
    if not raw.strip():
        return
    conclusion = ctx.facts.normalised("$.narrative.conclusion")
    stated = _stated_score(conclusion, o["score_words"])
    if stated is None:
        if ctx.profile.id in o["profiles_requiring_total"] and not _contains_any(
            conclusion, o["template_markers"]
        ):
            yield Hit(
                "$.narrative.conclusion",
                {"problem": p("N405.no_total")},
                expected=p("N405.expected"),
                found=p("common.labelled_quote", label=Label("field.conclusion"), text=_quoted(raw)),
            )
        return
    value, written, matched = stated
    if case.narrative.claimed_total is not None:
        claimed, where = case.narrative.claimed_total, Label("total.stated")
    elif score.claimed_total is not None and (score.claimed_total_from_form or o["use_implied_total"]):
        claimed = score.claimed_total
        where = Label("total.summed" if score.claimed_total_from_form else "total.implied")
    else:
        return
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    slack = Decimal(1).scaleb(-decimals) / 2 + o["tolerance"]
    if abs(value - claimed) <= slack:
        return
    yield Hit(
        "$.narrative.conclusion",
        {"problem": p("N405.mismatch", written=Quote(written), where=where, claimed=Amount(claimed))},
        expected=p("N405.total", where=where, claimed=Amount(claimed)),
        found=p("common.labelled_quote", label=Label("field.conclusion"), text=Quote(matched)),
    )


RESTS_ON = (HERE, "$.narrative.claimed_total", *ROWS, *MONEY, "$.funds.claimed_score", "$.funds.claimed_rate")
