"""F111: the check (its prose, settings and cases: rules/checks/funds/F111.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Quote, p
from ..base import CaseContext, Hit
from ..kit import _clause, _find, _label, _texts


_MOVE_FIELDS = ("$.funds.note", "$.funds.reason", "$.funds.adjustment_reason", "$.goal.actual",
                "$.narrative.completion", "$.narrative.benefit", "$.narrative.conclusion",
                "$.narrative.problems", "$.narrative.measures")


def check(ctx: CaseContext) -> Iterator[Hit]:
    patterns = ctx.options["patterns"]
    for path, text in _texts(ctx.facts, _MOVE_FIELDS, deviations=True):
        m = _find(text, patterns)
        if m is None:
            continue
        label = _label(ctx.facts, path)
        clause = Quote.at(_clause(text, m.start(), m.end()), path)
        yield Hit(
            path,
            {"field": label, "clause": clause},
            expected=p("F111.expected"),
            found=p("common.labelled", label=label, text=clause),
        )
