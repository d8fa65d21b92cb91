"""N406: the check (its prose, settings and cases: rules/checks/narrative/N406.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CaseContext, Hit
from ..kit import _contains_any, _shown


_TEXT_FIELDS = (
    ("$.narrative.conclusion", "评价结论", "conclusion"),
    ("$.narrative.problems", "存在问题", "problems"),
    ("$.narrative.measures", "改进措施", "measures"),
    ("$.goal.expected", "年度总体目标（预期目标）", "annual goal"),
    ("$.goal.actual", "年度目标完成情况", "goal achieved"),
)


def check(ctx: CaseContext) -> Iterator[Hit]:
    for path, label, label_en in _TEXT_FIELDS:
        text = ctx.facts.text(path)
        phrase = _contains_any(ctx.facts.normalised(path), ctx.options["phrases"])
        if phrase:
            yield Hit(
                path,
                {"field": label, "field_en": label_en, "phrase": phrase},
                expected=f"{label}：填写本项目的实际情况",
                found=f"{label}：“{_shown(text)}”",
            )
