"""I317: the check (its prose, settings and cases: rules/checks/indicators/I317.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import RECORD, CaseContext, Hit, figure
from ..kit import _has, _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    if ctx.profile.budget.weight <= 0:
        return  # a rubric scores 预算执行率 as one of its items
    for item, row in _pairs(ctx):
        word = _has(row.name, ctx.options["words"]) or _has(row.target, ctx.options["words"])
        if not word:
            continue
        yield Hit(
            _path(item.index, "name"),
            {"name": _show(row.name or row.target), "word": word,
             "weight": figure(ctx.profile.budget.weight)},
            expected=f"预算执行率已单独计分（{figure(ctx.profile.budget.weight)} 分），绩效指标衡量产出和效益",
            found=f"指标“{_show(row.name)}”：指标值“{_show(row.target)}”",
            expected_en=f"budget execution is scored on its own row ({figure(ctx.profile.budget.weight)} points); "
                        "indicators measure outputs and outcomes",
            found_en=f"indicator '{_show(row.name)}': target '{_show(row.target)}'",
        )


RESTS_ON = (RECORD,)
