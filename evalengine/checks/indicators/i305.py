"""I305: the check (its prose, settings and cases: rules/checks/indicators/I305.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Indicator
from ..base import RECORD, CaseContext, Hit
from ..kit import _category, _label_key, _level2_in, _live_rows, _path


def _row_key(ctx: CaseContext, index: int, row: Indicator) -> tuple[str, str]:
    category = _category(ctx, index)
    return (category.name if category else _label_key(row.level1), _label_key(row.level2))


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    filled = {_row_key(ctx, i, r) for i, r in _live_rows(ctx)}
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(case.indicators):
        if row.not_applicable or not ctx.facts.rows[index].blank or not row.level2.strip():
            continue
        if _level2_in(row, ctx.options["ignore_level2"]):
            continue
        key = _row_key(ctx, index, row)
        if key in filled or key in seen:
            continue
        seen.add(key)
        yield Hit(
            _path(index, "name"),
            {"level2": row.level2.strip(), "level1": row.level1.strip() or key[0]},
            expected="每个二级指标下至少一个三级指标，或注明不适用",
            found=f"{row.level1.strip() or '（一级空白）'} / {row.level2.strip()}：三级指标、指标值、完成值均为空",
            expected_en="at least one level-3 indicator under each level-2 line, or a note that it does not apply",
            found_en=(f"{row.level1.strip() or '(level-1 blank)'} / {row.level2.strip()}: "
                      "no level-3 indicator, target or actual"),
        )


RESTS_ON = (RECORD,)
