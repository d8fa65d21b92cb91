"""I302: the check (its prose, settings and cases: rules/checks/indicators/I302.toml)."""

from __future__ import annotations

from ...evidence import Quote, p
from ...values import Claim, Empty, Quantity, Text, When
from ..base import CaseContext, Hit, ScoredRow
from ..kit import _show


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    o = ctx.options
    item, row = r.item, r.row
    target = item.target
    if isinstance(target, (Empty, Quantity, When)) or o["skip_level2"].first_in(r.level2):
        return None
    if isinstance(target, Text) and target.quantities:
        return None
    phrase = o["vague_phrases"].first_in(r.target_words)
    if item.reason == "unmeasurable-target":
        why = p("I302.figure_actual", actual=Quote(_show(row.actual)))
    elif phrase:
        why = p("I302.vague", phrase=Quote(phrase))
    elif o["numeric_level2"].first_in(r.level2):
        why = p("I302.numeric_level2", level2=Quote(row.level2.strip()))
    elif isinstance(target, Claim) and o["flag_claim_targets"] and "定性" not in row.operator:
        why = p("I302.claim")
    else:
        return None
    path = r.path("target")
    return Hit(
        path,
        {"name": Quote(r.shown_name), "target": Quote.at(_show(row.target), path), "why": why},
        expected=p("I302.expected"),
        found=p("I302.found", level2=Quote(row.level2.strip() or "—"), name=Quote(row.name.strip()),
                target=Quote.at(row.target, path)),
    )


# the rows check_row can fire on (base.ROW_KINDS): it returns nothing on any other
ROW_KIND = "wordy target"
