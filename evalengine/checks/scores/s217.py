"""S217: the check (its prose, settings and cases: rules/checks/scores/S217.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Label, Phrase, Quote, Seq, p
from ...numbers import ZERO
from ..base import CATEGORIES, HERE, ROWS, CaseContext, Hit
from ..kit import _name, _rows


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, profile = ctx.case, ctx.profile
    total = case.narrative.claimed_total
    if total is None or not (case.project.incomplete.strip() or ctx.facts.truncated):
        return  # a whole form's total is S202's
    deductions: list[tuple[Label | Quote | Phrase, Decimal]] = []
    funds = case.funds
    budget_weight = funds.claimed_weight if funds.claimed_weight is not None else profile.budget.weight
    if funds.claimed_score is not None and funds.claimed_score < budget_weight:
        deductions.append((Label("score.budget_execution"), budget_weight - funds.claimed_score))
    for index, row in _rows(ctx):
        if row.weight is not None and row.score is not None and 0 <= row.score < row.weight:
            deductions.append((_name(case, index), row.weight - row.score))
    lost = sum((d for _, d in deductions), ZERO)
    ceiling = profile.total - lost
    if not deductions or total <= ceiling + ctx.options["tolerance"]:
        return
    listed = Seq(tuple(p("S217.deduction", name=name, points=Amount(d)) for name, d in deductions))
    yield Hit(
        "$.narrative.claimed_total",
        {"total": Amount(total), "ceiling": Amount(ceiling), "lost": Amount(lost)},
        expected=p("S217.expected", maximum=Amount(profile.total), lost=Amount(lost), ceiling=Amount(ceiling)),
        found=p("S217.found", total=Amount(total), listed=listed),
    )


RESTS_ON = (HERE, *ROWS, *CATEGORIES, "$.funds.claimed_score", "$.funds.claimed_weight")
