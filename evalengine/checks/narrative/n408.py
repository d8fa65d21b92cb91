"""N408: the check (its prose, settings and cases: rules/checks/narrative/N408.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...evidence import Label, Quote, p
from ..base import CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    pattern = re.compile(ctx.options["words_pattern"])
    min_words = int(ctx.options["min_words"])
    for field in ("expected", "actual"):
        text = getattr(ctx.case.goal, field)
        label = Label(f"goal.{field}")
        if text.strip() and len(pattern.findall(text)) < min_words:
            yield Hit(f"$.goal.{field}", {"label": label, "text": Quote(text.strip())},
                      expected=p("N408.expected"),
                      found=p("common.labelled_quote", label=label, text=Quote(text.strip())))
