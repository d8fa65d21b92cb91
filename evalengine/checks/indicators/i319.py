"""I319: the check (its prose, settings and cases: rules/checks/indicators/I319.toml)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...evidence import Count, Quote, p
from ...values import Text
from ..base import RECORD, CaseContext, Hit, ScoredRow
from ..kit import _PUNCT, _compact, _show


_ITEM_SEPARATORS_RE = re.compile(r"、")  # a list of names; commas separate clauses


_ITEM_MIN_CHARS = 3  # 考察、引进、洽谈: two-character verbs are not named items


_ITEM_TAIL_RE = re.compile(r"等.*$")


def _named_items(text: str, lead_words: Sequence[str]) -> list[str]:
    """The items a cell lists (甲、乙、丙等项建设 → 甲, 乙, 丙), leading verbs and the 等… tail cut."""
    parts = [p.strip() for p in _ITEM_SEPARATORS_RE.split(_compact(text)) if p.strip()]
    if len(parts) < 2:
        return []
    parts[-1] = _ITEM_TAIL_RE.sub("", parts[-1])
    for word in sorted(lead_words, key=len, reverse=True):
        if word and parts[0].startswith(word):
            parts[0] = parts[0][len(word):]
            break
    return [p.strip(_PUNCT) for p in parts if len(p.strip(_PUNCT)) >= _ITEM_MIN_CHARS]


def _mentioned(item: str, text: str, window: int) -> bool:
    if len(item) <= window:
        return item in text
    return any(item[i:i + window] in text for i in range(len(item) - window + 1))


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    o = ctx.options
    window = int(o["window"])
    item, row = r.item, r.row
    if not isinstance(item.target, Text) or not isinstance(item.actual, Text):
        return None
    named = _named_items(row.target, o["lead_words"])
    if len(named) < 2:
        return None
    actual = ctx.facts.compact(r.path("actual"))
    missing = [name for name in named if not _mentioned(name, actual, window)]
    if not missing or len(missing) == len(named) and not _named_items(row.actual, o["lead_words"]):
        return None  # an actual that names nothing at all is I315's or I302's, not a list to compare
    return Hit(
        r.path("actual"),
        {"name": Quote(r.shown_name), "missing": Quote("、".join(missing)), "count": Count(len(missing)),
         "of": Count(len(named))},
        expected=p("I319.expected", count=Count(len(named)), named=Quote("、".join(named))),
        found=p("I319.found", actual=Quote(_show(row.actual)), missing=Quote("、".join(missing))),
    )


RESTS_ON = (RECORD,)

# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "text target"
