"""S205: the check (its prose, settings and cases: rules/checks/scores/S205.toml)."""

from __future__ import annotations

from decimal import Decimal

from ...evidence import Amount, Quote, p
from ...model import Case
from ...scoring import Evidence, IndicatorScore
from ...values import Claim, ClaimLevel
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _MISSED, _achieved, _form_weight, _full, _name, _on_form_scale, _reason


def _missed_full_marks(case: Case, ind: IndicatorScore, tolerance: Decimal) -> str:
    """Why full marks are wrong on this row ("" when they are not): S205's condition."""
    if not _full(case, ind):
        return ""
    if ind.evidence is Evidence.MEASURED and ind.reason in _MISSED:
        weight, verified = _form_weight(case, ind), _on_form_scale(case, ind)
        if weight is None or verified is None:
            return ""
        return ind.reason if weight - verified > tolerance else ""
    if (ind.evidence is Evidence.UNSUPPORTED and isinstance(ind.actual, Claim)
            and ind.actual.level in (ClaimLevel.PARTIAL, ClaimLevel.MISSED)):
        return "claim"
    return ""


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    ind = r.item
    why = _missed_full_marks(ctx.case, ind, ctx.options["tolerance"])
    if not why:
        return None
    row = r.row
    verified = _on_form_scale(ctx.case, ind)
    name = _name(ctx.case, ind.index)
    if why == "claim":
        reason = p("S205.claim", actual=Quote(row.actual.strip()))
        expected = p("S205.claim_expected", actual=Quote(row.actual.strip()))
    else:
        reason = p("S205.measured", target=Quote(row.target.strip()), actual=Quote(row.actual.strip()))
        expected = p("S205.expected", why=reason, achieved=_achieved(ind), reason=_reason(why),
                     verified=Amount(verified))
    return Hit(
        r.path("score"),
        {"name": name, "why": reason, "score": Amount(row.score)},
        expected=expected,
        found=p("S205.found", score=Amount(row.score), weight=Amount(row.weight)),
    )

# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "own points"
