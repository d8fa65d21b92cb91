"""F114: the check (its prose, settings and cases: rules/checks/funds/F114.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Quote, Sum, p
from ...numbers import ZERO
from ..base import HERE, MONEY, CaseContext, Hit
from ..kit import TEN_THOUSAND, _SENTENCE_BREAK, _short, _label, _texts


_BREAKDOWN_FIELDS = ("$.goal.expected", "$.goal.actual", "$.funds.note", "$.narrative.completion")


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    per = o["per_item"] * TEN_THOUSAND  # 元
    markers = [m for m in o["part_markers"] if m]
    for path, text in _texts(ctx.facts, _BREAKDOWN_FIELDS):
        if not any(m in text for m in markers):
            continue  # no sentence of it names parts
        for sentence in _SENTENCE_BREAK.split(text):
            cut = min((i for i in (sentence.find(m) for m in o["part_markers"] if m) if i >= 0),
                      default=-1)
            if cut < 0:
                continue
            head = sentence[:cut]
            marker = next(m for m in o["part_markers"] if m and sentence.startswith(m, cut))
            tail = sentence[cut + len(marker):]
            if not any(w and w in head for w in o["total_words"]):
                continue
            totals = ctx.facts.money_in(head)
            parts = ctx.facts.money_in(tail)
            if not totals or len(parts) < 2:
                continue
            total, summed = totals[-1], sum(parts, ZERO)
            if abs(total - summed) <= per * (len(parts) + 1):
                continue
            total_w, summed_w = total / TEN_THOUSAND, summed / TEN_THOUSAND
            label = _label(ctx.facts, path)
            yield Hit(
                path,
                {"field": label, "total": Amount(total_w), "parts": Amount(summed_w),
                 "diff": Amount(total_w - summed_w)},
                expected=p("F114.expected", total=Amount(total_w)),
                found=p("F114.found", label=label, parts=Sum(tuple(x / TEN_THOUSAND for x in parts)),
                        sentence=Quote.at(_short(sentence.strip(), 60), path)),
            )


RESTS_ON = (HERE, *MONEY)
