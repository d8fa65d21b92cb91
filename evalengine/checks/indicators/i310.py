"""I310: the check (its prose, settings and cases: rules/checks/indicators/I310.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Empty, Quantity
from ..base import CaseContext, Hit
from ..kit import _category, _pairs, _path, _show, _target_text


def check(ctx: CaseContext) -> Iterator[Hit]:
    rows = [(item, row) for item, row in _pairs(ctx) if _category(ctx, item.index) is not None]
    if not rows:
        return
    # rows left out of scoring (a field not read) are still on the form: their read actuals
    # count, and the form's last row may be one of them
    left = [ctx.facts.rows[i] for i in ctx.score.unverifiable
            if ctx.facts.rows[i].category is not None]
    some_actual = (any(not isinstance(item.actual, Empty) for item, _ in rows)
                   or any(not isinstance(r.actual, Empty) for r in left))
    last = (max([rows[-1][0].index, *(r.index for r in left)])
            if ctx.facts.truncated else None)
    for item, row in rows:
        target, actual = item.target, item.actual
        missing = []
        if isinstance(target, Empty):
            missing.append(("target", "指标值", "target"))
        if isinstance(actual, Empty) and some_actual:
            missing.append(("actual", "完成值", "actual"))
        if missing and item.index == last:
            continue  # the last row of a cut-off form: its cells may simply be cut off
        if missing:
            field = missing[0][0]
            yield Hit(
                _path(item.index, field),
                {"name": _show(row.name), "what": "和".join(m[1] for m in missing),
                 "what_en": " and ".join(m[2] for m in missing)},
                expected="指标值和完成值均已填写",
                found=f"指标值“{row.target}” 完成值“{row.actual}”",
            )
        elif (isinstance(target, Quantity) and target.operator.positive and target.amount == 0):
            yield Hit(
                _path(item.index, "target"),
                {"name": _show(row.name), "what": "有效指标值（正向指标的指标值为 0）",
                 "what_en": "a usable target (a ≥ target of 0)"},
                expected="正向（≥、>）指标的指标值大于 0",
                found=f"指标值“{_target_text(row)}”",
            )
