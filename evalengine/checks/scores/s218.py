"""S218: the check (its prose, settings and cases: rules/checks/scores/S218.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...numbers import agrees
from ..base import RECORD, CaseContext, Hit, money
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
            {"name": name, "score": money(row.score), "expected": money(expected),
             "item": money(row.item_score), "share": f"{money(row.weight_share)}%"},
            expected=f"折算得分 = 单项得分 {money(row.item_score)} × 权重占比 {money(row.weight_share)}% = {money(expected)}",
            found=f"折算得分 {money(row.score)}",
            expected_en=f"converted score = item score {money(row.item_score)} × weight share "
                        f"{money(row.weight_share)}% = {money(expected)}",
            found_en=f"converted score {money(row.score)}",
        )


RESTS_ON = (RECORD,)
