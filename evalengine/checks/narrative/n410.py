"""N410: the check (its prose, settings and cases: rules/checks/narrative/N410.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, Seq, p
from ..base import HERE, CaseContext, Hit
from ..kit import _figures, _generic, _indicator_named, _quoted, _unmatched


_REPORTED = (("$.goal.actual", "report.goal_actual"), ("$.narrative.completion", "report.completion"))


def check(ctx: CaseContext) -> Iterator[Hit]:
    """The figures the narrative reports as done, against each indicator's 完成值."""
    facts, o = ctx.facts, ctx.options
    dims = set(o["dimensions"])
    generic = _generic()
    for path, label_key in _REPORTED:
        label = Label(label_key)
        text = facts.text(path)
        if not text.strip():
            continue
        told = _figures(facts.clauses(path), dims, generic)
        if not told:
            continue
        for s, row, t, same in _unmatched(ctx, told, "actual", dims, generic):
            figures = Seq(tuple(g.shown for g in same), "enum")
            name = _indicator_named(row.name.strip(), s.index)
            yield Hit(
                f"$.indicators[{s.index}].actual",
                {"field": label, "told": figures, "name": name, "actual": t.shown},
                expected=p("N410.expected", label=label, told=figures, text=_quoted(text)),
                found=p("N410.found", name=name, actual=Quote(row.actual)),
            )


RESTS_ON = (HERE, "$.goal.actual", "$.narrative.completion")
