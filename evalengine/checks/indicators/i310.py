"""I310: the check (its prose, settings and cases: rules/checks/indicators/I310.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, Seq, p
from ...values import Empty, Quantity
from ..base import CaseContext, Hit, scored_rows, target_text
from ..kit import _path, _show


def check(ctx: CaseContext) -> Iterator[Hit]:
    rows = [(r.item, r.row) for r in scored_rows(ctx) if r.cells.category is not None]
    if not rows:
        return
    # rows left out of scoring (a field not read) are still on the form: their read actuals
    # count, and the form's last row may be one of them
    left = [ctx.facts.rows[i] for i in ctx.score.unverifiable
            if ctx.facts.rows[i].category is not None]
    some_actual = (any(not isinstance(item.actual, Empty) for item, _ in rows)
                   or any(not isinstance(r.actual, Empty) for r in left))
    last = (max([rows[-1][0].index, *(r.index for r in left)])
            if ctx.facts.truncated else None)
    for item, row in rows:
        target, actual = item.target, item.actual
        missing = []
        if isinstance(target, Empty):
            missing.append(("target", Label("indicator.target")))
        if isinstance(actual, Empty) and some_actual:
            missing.append(("actual", Label("indicator.actual")))
        if missing and item.index == last:
            continue  # the last row of a cut-off form: its cells may simply be cut off
        if missing:
            field = missing[0][0]
            yield Hit(
                _path(item.index, field),
                {"name": Quote(_show(row.name)), "what": Seq(tuple(m[1] for m in missing), "and")},
                expected=p("I310.expected"),
                found=p("common.target_actual", target=Quote(row.target), actual=Quote(row.actual)),
            )
        elif (isinstance(target, Quantity) and target.operator.positive and target.amount == 0):
            yield Hit(
                _path(item.index, "target"),
                {"name": Quote(_show(row.name)), "what": p("I310.zero_target")},
                expected=p("I310.expected_positive"),
                found=p("common.target_is", target=Quote(target_text(row))),
            )
