"""I302: the check (its prose, settings and cases: rules/checks/indicators/I302.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Claim, Empty, Quantity, Text, When
from ..base import CaseContext, Hit
from ..kit import _has, _level2_in, _pairs, _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    for item, row in _pairs(ctx):
        target = item.target
        if isinstance(target, (Empty, Quantity, When)) or _level2_in(row, o["skip_level2"]):
            continue
        if isinstance(target, Text) and target.quantities:
            continue
        phrase = _has(row.target, o["vague_phrases"])
        if item.reason == "unmeasurable-target":
            why = f"完成值是数值（{_show(row.actual)}），指标值却没有写出数值"
            why_en = f"the actual is a figure ({_show(row.actual)}) but the target states none"
        elif phrase:
            why = f"“{phrase}”是笼统表述"
            why_en = f"'{phrase}' is a vague phrase"
        elif _level2_in(row, o["numeric_level2"]):
            why = f"{row.level2.strip()}应以数值设定"
            why_en = f"a {row.level2.strip()} target should be a number"
        elif isinstance(target, Claim) and o["flag_claim_targets"] and "定性" not in row.operator:
            why = "指标值只是“完成”“合规”一类的用语"
            why_en = "the target is only a word such as 完成 or 合规"
        else:
            continue
        yield Hit(
            _path(item.index, "target"),
            {"name": _show(row.name), "target": _show(row.target), "why": why, "why_en": why_en},
            expected="可衡量的指标值：指标性质 + 数值 + 计量单位（如 ≥95%、≤30万元、≥200人次）",
            found=f"{row.level2.strip() or '—'}“{row.name.strip()}”：指标值“{row.target}”",
            expected_en="a measurable target: operator + figure + unit (e.g. ≥95%, ≤30 10k yuan, ≥200 person-times)",
            found_en=f"{row.level2.strip() or '—'} '{row.name.strip()}': target '{row.target}'",
        )
