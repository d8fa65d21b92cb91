"""N408: the check (its prose, settings and cases: rules/checks/narrative/N408.toml)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from ...evidence import Label, Quote, p
from ..base import CaseContext, Hit


@functools.lru_cache(maxsize=16)  # the setting: one pattern a run
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check(ctx: CaseContext) -> Iterator[Hit]:
    pattern = _compiled(ctx.options["words_pattern"])
    min_words = int(ctx.options["min_words"])
    for field in ("expected", "actual"):
        text = getattr(ctx.case.goal, field)
        label = Label(f"goal.{field}")
        if text.strip() and sum(1 for _ in itertools.islice(pattern.finditer(text), min_words)) < min_words:
            yield Hit(f"$.goal.{field}", {"label": label, "text": Quote(text.strip())},
                      expected=p("N408.expected"),
                      found=p("common.labelled_quote", label=label, text=Quote(text.strip())))
