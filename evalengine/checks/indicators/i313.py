"""I313: the check (its prose, settings and cases: rules/checks/indicators/I313.toml)."""

from __future__ import annotations

from ...scoring import is_money_spent_short
from ..base import HERE, RECORD, CaseContext, Hit, ScoredRow
from ..kit import _deviation_hit, _form_explains_nothing, _unexplained


wants_rows = _form_explains_nothing


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    found = _unexplained(r)
    if found is None or is_money_spent_short(r.item):
        return None  # a little money left under a money row is the budget's balance, not less output
    detail, ratio = found
    if ratio is not None and ctx.options["minor_ratio"] <= ratio < 1:
        return _deviation_hit(r, detail)
    return None


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
