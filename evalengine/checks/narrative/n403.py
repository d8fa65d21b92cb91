"""N403: the check (its prose, settings and cases: rules/checks/narrative/N403.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...evidence import Count, Label, Quote, Seq, p
from ...values import Dimension
from ..base import HERE, CaseContext, Hit
from ..kit import _figures, _generic, _indicator_named, _quoted, _unmatched


_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[-—–~至到]\s*((?:19|20)\d\d))?\s*年")


def _years(text: str) -> list[tuple[int, int, str]]:
    """(first, last, as written) of each year or span of years in a normalised text."""
    out = []
    for m in _YEAR_RE.finditer(text):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        out.append((min(first, last), max(first, last), m.group()))
    return out


def check(ctx: CaseContext) -> Iterator[Hit]:
    facts, o = ctx.facts, ctx.options
    goal_text = facts.text("$.goal.expected")
    year = facts.year
    if o["check_year"] and isinstance(year, int) and not isinstance(year, bool):
        for path, label in (("$.goal.expected", Label("goal.expected")),
                            ("$.goal.actual", Label("goal.actual"))):
            text = facts.text(path)
            years = _years(facts.normalised(path))
            if not years or any(a <= year <= b for a, b, _ in years):
                continue
            if o["allow_later_years"] and all(a > year for a, _, _ in years):
                continue
            written = "、".join(dict.fromkeys(w for _, _, w in years))
            yield Hit(
                path,
                {"goal": Quote(written), "other": p("N403.form_year", year=Count(year))},
                expected=p("N403.year_expected", label=label, year=Count(year)),
                found=p("common.labelled_quote", label=label, text=_quoted(text)),
            )
    if not goal_text.strip():
        return
    dims = set(o["dimensions"])
    generic = _generic()
    goal = _figures(facts.clauses("$.goal.expected"), dims, generic)
    if not goal:
        return
    for s, row, t, same in _unmatched(ctx, goal, "target", dims, generic):
        figures = Seq(tuple(g.shown for g in same), "enum")
        sums = "" if t.dimension is Dimension.PERCENT or len(same) < 2 else p("N403.no_sum")
        name = _indicator_named(row.name.strip(), s.index)
        yield Hit(
            f"$.indicators[{s.index}].target",
            {"goal": figures, "other": p("N403.target", name=name, shown=t.shown, sums=sums)},
            expected=p("N403.expected", figures=figures, goal=_quoted(goal_text)),
            found=p("N403.found", name=name, target=Quote(row.target)),
        )


RESTS_ON = (HERE, "$.indicators[*].target", "$.indicators[*].name")
