"""I307: the check (its prose, settings and cases: rules/checks/indicators/I307.toml)."""

from __future__ import annotations

from ..base import HERE, RECORD, CaseContext, Hit, ScoredRow
from ..kit import _deviation_hit, _form_explains_nothing, _unexplained


wants_rows = _form_explains_nothing


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    found = _unexplained(r)
    if found is None:
        return None
    detail, ratio = found
    if ratio is not None and ratio >= ctx.options["minor_ratio"]:
        return None  # a rounding-size miss: I313 reports it as info
    return _deviation_hit(r, detail)


RESTS_ON = (HERE, f"{RECORD}.deviation", "$.narrative.deviation")
