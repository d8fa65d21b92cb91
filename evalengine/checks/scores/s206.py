"""S206: the check (its prose, settings and cases: rules/checks/scores/S206.toml)."""

from __future__ import annotations

from ...evidence import Amount, Points, Quote, p
from ...numbers import agrees
from ...scoring import Evidence
from ..base import HERE, RECORD, CaseContext, Hit, ScoredRow
from ..kit import _MET, _form_explains_nothing, _name, _reason, _says_nothing


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    ind, row = r.item, r.row
    if not (ind.evidence is Evidence.MEASURED and ind.reason in _MET
            and row.weight is not None and row.score is not None):
        return None
    rounding = ctx.profile.rounding
    # a met target earns exactly its weight: only the form's rounding of that weight, or
    # the setting's tolerance, may make the printed score differ from it
    if row.score < 0 or row.score >= row.weight or agrees(
            row.score, row.weight, rounding.places, rounding.mode, ctx.options["tolerance"]):
        return None
    if not (_says_nothing(row.deviation) and _form_explains_nothing(ctx)):
        return None
    name = _name(ctx.case, ind.index)
    return Hit(
        r.path("deviation"),
        {"name": name, "score": Amount(row.score), "weight": Amount(row.weight)},
        expected=p("S206.expected", target=Quote(row.target.strip()), actual=Quote(row.actual.strip()),
                   reason=_reason(ind.reason)),
        found=p("S206.found", points=Points(row.score, row.weight), reason=Quote(row.deviation.strip())),
    )


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")

# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "own points"
