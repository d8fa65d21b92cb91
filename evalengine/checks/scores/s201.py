"""S201: the check (its prose, settings and cases: rules/checks/scores/S201.toml)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..base import RECORD, CaseContext, Hit, money
from ..kit import _name, _rows


def _out_of_range(score: Decimal | None, weight: Decimal | None, tol: Decimal) -> bool:
    return score is not None and (score < 0 or (weight is not None and score > weight + tol))


def _range_params(item: str, item_en: str, score: Decimal, weight: Decimal | None) -> dict:
    """The message parameters; a row that prints no 分值 can only be out of range by being
    negative, so the message says that rather than "0～—"."""
    if weight is None:
        return {"item": item, "item_en": item_en, "score": money(score),
                "problem": "为负数：得分不得为负（该行未填分值）",
                "problem_en": "a negative score (the row gives no weight)"}
    return {"item": item, "item_en": item_en, "score": money(score),
            "problem": f"不在 0～{money(weight)} 分之间：得分不得高于分值，也不得为负",
            "problem_en": f"outside 0 to its weight of {money(weight)}"}


def _range_expected(weight: Decimal | None) -> str:
    return "得分 ≥ 0" if weight is None else f"0 ≤ 得分 ≤ 分值 {money(weight)}"


def check(ctx: CaseContext) -> Iterator[Hit]:
    tol = ctx.options["tolerance"]
    funds = ctx.case.funds
    score, weight = funds.claimed_score, funds.claimed_weight
    if _out_of_range(score, weight, tol):
        assert score is not None
        yield Hit(
            "$.funds.claimed_score",
            _range_params("预算执行率", "budget execution", score, weight),
            expected=_range_expected(weight),
            found=f"预算执行率得分 {money(score)}"
                  + ("（未填分值）" if weight is None else f"，分值 {money(weight)}"),
        )
    for index, row in _rows(ctx):
        score, weight = row.score, row.weight
        if not _out_of_range(score, weight, tol):
            continue
        assert score is not None
        name = _name(ctx.case, index)
        yield Hit(
            f"$.indicators[{index}].score",
            _range_params(f"「{name}」", f"“{name}”", score, weight),
            expected=_range_expected(weight),
            found=f"{name}：分值 {'未填' if weight is None else money(weight)}，得分 {money(score)}",
        )


RESTS_ON = (RECORD,)
