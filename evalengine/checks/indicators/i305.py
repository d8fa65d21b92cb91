"""I305: the check (its prose, settings and cases: rules/checks/indicators/I305.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ...model import Indicator
from ..base import RECORD, CaseContext, Hit
from ..kit import _category, _label_key, _level2_in, _live_rows, _path


def _row_key(ctx: CaseContext, index: int, row: Indicator) -> tuple[str, str]:
    category = _category(ctx, index)
    return (category.name if category else _label_key(row.level1), _label_key(row.level2))


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    filled: set[tuple[str, str]] | None = None  # found at the first blank row, if any
    seen: set[tuple[str, str]] = set()
    for index, row in enumerate(case.indicators):
        if row.not_applicable or not ctx.facts.rows[index].blank or not row.level2.strip():
            continue
        if _level2_in(row, ctx.options["ignore_level2"]):
            continue
        key = _row_key(ctx, index, row)
        if filled is None:
            filled = {_row_key(ctx, i, r) for i, r in _live_rows(ctx)}
        if key in filled or key in seen:
            continue
        seen.add(key)
        yield Hit(
            _path(index, "name"),
            {"level2": Quote(row.level2.strip()), "level1": Quote(row.level1.strip() or key[0])},
            expected=p("I305.expected"),
            found=p("I305.found", level1=Quote(row.level1.strip()) if row.level1.strip() else p("I305.level1_blank"),
                    level2=Quote(row.level2.strip())),
        )


RESTS_ON = (RECORD,)
