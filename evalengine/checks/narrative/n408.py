"""N408: the check (its prose, settings and cases: rules/checks/narrative/N408.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    pattern = re.compile(ctx.options["words_pattern"])
    min_words = int(ctx.options["min_words"])
    for field, label in (("expected", "预期目标"), ("actual", "实际完成情况")):
        text = getattr(ctx.case.goal, field)
        if text.strip() and len(pattern.findall(text)) < min_words:
            yield Hit(f"$.goal.{field}", {"label": label, "text": text.strip()},
                      expected="用文字写明年度总体目标及其完成情况（做什么、做到什么程度）",
                      found=f"{label}：“{text.strip()}”")
