"""N402: the check (its prose, settings and cases: rules/checks/narrative/N402.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, Label, Percent, Phrase, Quote, Seq, p
from ...model import Case
from ...scoring import is_money_spent_short
from ..base import HERE, ROWS, CaseContext, Hit
from ..kit import _indicator_named, _quoted, _says_nothing


def _has_narrative(case: Case) -> bool:
    """The document has the prose section at all (a form cut off before it has none)."""
    n = case.narrative
    return any(s.strip() for s in (n.completion, n.benefit, n.conclusion, n.problems, n.measures))


def _deviations(ctx: CaseContext) -> list[Phrase]:
    case, score, o = ctx.case, ctx.score, ctx.options
    found: list[Phrase] = []
    rate = score.budget.rate
    if rate is not None and rate < o["min_execution_rate"]:
        unspent = ctx.facts.money.balance  # the 其中 rows when the total row is blank
        found.append(p("N402.rate", rate=Percent(rate), unspent=Amount(unspent)))
    reasons = set(o["deviation_reasons"])
    short: list[Quote | Phrase] = []
    for s in score.indicators:
        row_weight = case.indicators[s.index].weight
        own_short = s.claimed_from_form and s.claimed < (row_weight if row_weight is not None else s.weight)
        # money spent under a money row is not short: the execution rate above speaks to it
        if own_short or (s.reason in reasons and not is_money_spent_short(s)):
            short.append(_indicator_named(case.indicators[s.index].name.strip(), s.index))
    if short:
        found.append(p("N402.short", names=Seq(tuple(p("N402.name", name=x) for x in short[:3]), "enum"),
                       more=p("N402.more", count=Count(len(short))) if len(short) > 3 else ""))
    total = score.claimed_total
    maximum = ctx.profile.total
    if total is not None and score.claimed_total_from_form and total < maximum:
        found.append(p("N402.total", total=Amount(total), maximum=Amount(maximum)))
    return found


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    if not _has_narrative(case):
        return
    fields = [
        (path, Label(label), text)
        for path, label, text in (
            ("$.narrative.problems", "field.problems", case.narrative.problems),
            ("$.narrative.measures", "field.measures", case.narrative.measures),
        )
        if _says_nothing(text)
    ]
    if not fields:
        return
    deviations = _deviations(ctx)
    if not deviations:
        return
    yield Hit(
        fields[0][0],
        {
            "deviations": Seq(tuple(deviations)),
            "fields": Seq(tuple(f[1] for f in fields), "enum_and"),
            "text": _quoted(fields[0][2]),
        },
        expected=p("N402.expected", deviations=Seq(tuple(deviations))),
        found=Seq(tuple(p("N402.field", label=label, text=_quoted(text)) for _, label, text in fields)),
    )


RESTS_ON = (HERE, "$.narrative", *ROWS, "$.indicators[*].deviation")
