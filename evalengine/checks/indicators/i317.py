"""I317: the check (its prose, settings and cases: rules/checks/indicators/I317.toml)."""

from __future__ import annotations


from ...evidence import Number, Quote, p
from ..base import RECORD, CaseContext, Hit, ScoredRow
from ..kit import _joined, _show


def wants_rows(ctx: CaseContext) -> bool:
    if not ctx.profile.budget.weight > 0:
        return False  # a rubric scores 预算执行率 as one of its items
    words = ctx.options["words"]  # and some row's name or target holds one of the words
    return words.any_in(_joined(ctx, "name")) or words.any_in(_joined(ctx, "target_words"))


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    words = ctx.options["words"]
    word = words.first_in(r.name) or words.first_in(r.target_words)
    if not word:
        return None
    row = r.row
    return Hit(
        r.path("name"),
        {"name": Quote(_show(row.name or row.target)), "word": Quote(word),
         "weight": Number(ctx.profile.budget.weight)},
        expected=p("I317.expected", weight=Number(ctx.profile.budget.weight)),
        found=p("I317.found", name=Quote(r.shown_name), target=Quote(_show(row.target))),
    )


RESTS_ON = (RECORD,)
