"""S206: the check (its prose, settings and cases: rules/checks/scores/S206.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Points, Quote, p
from ...numbers import agrees
from ...scoring import Evidence
from ..base import HERE, RECORD, CaseContext, Hit
from ..kit import _MET, _name, _reason, _says_nothing


def check(ctx: CaseContext) -> Iterator[Hit]:
    for ind in ctx.score.indicators:
        row = ctx.case.indicators[ind.index]
        if not (ind.evidence is Evidence.MEASURED and ind.reason in _MET
                and row.weight is not None and row.score is not None):
            continue
        rounding = ctx.profile.rounding
        # a met target earns exactly its weight: only the form's rounding of that weight, or
        # the setting's tolerance, may make the printed score differ from it
        if row.score < 0 or row.score >= row.weight or agrees(
                row.score, row.weight, rounding.places, rounding.mode, ctx.options["tolerance"]):
            continue
        if not (_says_nothing(row.deviation) and _says_nothing(ctx.case.narrative.deviation)):
            continue
        name = _name(ctx.case, ind.index)
        yield Hit(
            f"$.indicators[{ind.index}].deviation",
            {"name": name, "score": Amount(row.score), "weight": Amount(row.weight)},
            expected=p("S206.expected", target=Quote(row.target.strip()), actual=Quote(row.actual.strip()),
                       reason=_reason(ind.reason)),
            found=p("S206.found", points=Points(row.score, row.weight), reason=Quote(row.deviation.strip())),
        )


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
