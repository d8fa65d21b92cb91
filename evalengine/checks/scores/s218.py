"""S218: the check (its prose, settings and cases: rules/checks/scores/S218.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ...numbers import agrees
from ..base import RECORD, CaseContext, Hit
from ..kit import _name, _rows


def check(ctx: CaseContext) -> Iterator[Hit]:
    rounding = ctx.profile.rounding
    for index, row in _rows(ctx):
        if row.item_score is None or row.weight_share is None or row.score is None:
            continue
        expected = row.item_score * row.weight_share / 100
        if agrees(row.score, expected, rounding.places, rounding.mode, ctx.options["tolerance"]):
            continue
        name = _name(ctx.case, index)
        yield Hit(
            f"$.indicators[{index}].score",
            {"name": name, "score": Amount(row.score), "expected": Amount(expected),
             "item": Amount(row.item_score), "share": p("common.percent", value=Amount(row.weight_share))},
            expected=p("S218.expected", item=Amount(row.item_score), share=Amount(row.weight_share),
                       expected=Amount(expected)),
            found=p("S218.found", score=Amount(row.score)),
        )


RESTS_ON = (RECORD,)
