"""S207: the check (its prose, settings and cases: rules/checks/scores/S207.toml)."""

from __future__ import annotations

from ...evidence import Amount, Quote, p
from ...numbers import agrees
from ...scoring import Evidence
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _MET, _MISSED, _achieved, _name, _on_form_scale, _reason


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    tol = ctx.options["tolerance"]
    ind, row = r.item, r.row
    verified = _on_form_scale(ctx.case, ind)
    if ind.evidence is not Evidence.MEASURED or row.score is None or verified is None:
        return None
    claimed, weight = row.score, row.weight
    assert weight is not None  # _on_form_scale is None without a printed 分值
    rounding = ctx.profile.rounding  # a score rounded the form's way is not an error
    if agrees(claimed, verified, rounding.places, rounding.mode, tol):
        return None
    if claimed < 0 or claimed > weight:
        return None  # S201
    if claimed >= weight and ind.reason in _MISSED:
        return None  # S205
    if ind.reason in _MET and claimed < verified:
        return None  # S206: a met target deducted, which 10号 allows with a reason
    name = _name(ctx.case, ind.index)
    return Hit(
        f"$.indicators[{ind.index}].score",
        {"name": name, "score": Amount(claimed), "verified": Amount(verified),
         "diff": Amount(claimed - verified)},
        expected=p("S207.expected", target=Quote(row.target.strip()), actual=Quote(row.actual.strip()),
                   achieved=_achieved(ind), reason=_reason(ind.reason), weight=Amount(weight),
                   verified=Amount(verified)),
        found=p("common.claimed_score", score=Amount(claimed)),
    )


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "own points"
