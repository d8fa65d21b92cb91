"""I320: the check (its prose, settings and cases: rules/checks/indicators/I320.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...values import Quantity, When
from ..base import RECORD, CaseContext, Hit
from ..kit import _pairs, _path, _show

_FIELDS = (("target", "指标值", "target"), ("actual", "完成值", "actual"))


def check(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        for field, zh, en in _FIELDS:
            value = getattr(item, field)
            if not isinstance(value, (Quantity, When)) or not value.unknown:
                continue
            words = "”“".join(value.unknown)
            yield Hit(
                _path(item.index, field),
                {"name": _show(row.name), "field": zh, "field_en": en, "cell": _show(getattr(row, field)),
                 "words": words},
                expected=f"{zh}只由数值、单位和符号（≥、≤、以上、以内 …）组成，或写明是哪一项",
                found=f"{zh}“{_show(getattr(row, field))}”中的“{words}”不是单位、符号或已知词语，读取时被略过",
                expected_en=f"the {en} is made of a number, its unit and an operator (≥, ≤, 以上, 以内 …)",
                found_en=f"'{words}' in the {en} '{_show(getattr(row, field))}' is no unit, operator or known word: it was read past",
            )


RESTS_ON = (RECORD,)
