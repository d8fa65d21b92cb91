"""S201: the check (its prose, settings and cases: rules/checks/scores/S201.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Label, Phrase, p
from ..base import RECORD, CaseContext, Hit
from ..kit import _name, _rows


def _out_of_range(score: Decimal | None, weight: Decimal | None, tol: Decimal) -> bool:
    return score is not None and (score < 0 or (weight is not None and score > weight + tol))


def _range_params(item: Label | Phrase, score: Decimal, weight: Decimal | None) -> dict:
    """The message parameters; a row that prints no 分值 can only be out of range by being
    negative, so the message says that rather than "0～—"."""
    if weight is None:
        return {"item": item, "score": Amount(score), "problem": p("S201.negative")}
    return {"item": item, "score": Amount(score), "problem": p("S201.outside", weight=Amount(weight))}


def _range_expected(weight: Decimal | None) -> Phrase:
    return p("S201.expected_positive") if weight is None else p("S201.expected", weight=Amount(weight))


def check(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    score, weight = funds.claimed_score, funds.claimed_weight
    if _out_of_range(score, weight, tol):
        assert score is not None
        yield Hit(
            "$.funds.claimed_score",
            _range_params(Label("score.budget_row"), score, weight),
            expected=_range_expected(weight),
            found=p("S201.budget_found", score=Amount(score),
                    weight=p("S201.no_weight") if weight is None else p("S201.weight", weight=Amount(weight))),
        )
    for index, row in _rows(ctx):
        score, weight = row.score, row.weight
        if not _out_of_range(score, weight, tol):
            continue
        assert score is not None
        name = _name(ctx.case, index)
        yield Hit(
            f"$.indicators[{index}].score",
            _range_params(p("S201.item", name=name), score, weight),
            expected=_range_expected(weight),
            found=p("S201.found", name=name, weight=p("S201.blank") if weight is None else Amount(weight),
                    score=Amount(score)),
        )


RESTS_ON = (RECORD,)
