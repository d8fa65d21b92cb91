"""N406: the check (its prose, settings and cases: rules/checks/narrative/N406.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, p
from ..base import CaseContext, Hit
from ..kit import _contains_any, _quoted


_TEXT_FIELDS = (
    ("$.narrative.conclusion", "field.conclusion"),
    ("$.narrative.problems", "field.problems"),
    ("$.narrative.measures", "field.measures"),
    ("$.goal.expected", "field.goal_expected"),
    ("$.goal.actual", "field.goal_actual"),
)


def check(ctx: CaseContext) -> Iterator[Hit]:
    for path, key in _TEXT_FIELDS:
        text = ctx.facts.text(path)
        phrase = _contains_any(ctx.facts.normalised(path), ctx.options["phrases"])
        if phrase:
            label = Label(key)
            yield Hit(
                path,
                {"field": label, "phrase": Quote(phrase)},
                expected=p("N406.expected", label=label),
                found=p("common.labelled_quote", label=label, text=_quoted(text)),
            )
