"""I320: the check (its prose, settings and cases: rules/checks/indicators/I320.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, p
from ...values import Quantity, When
from ..base import RECORD, CaseContext, Hit, ScoredRow
from ..kit import _show

_FIELDS = ("target", "actual")


def check_row(ctx: CaseContext, r: ScoredRow) -> Iterator[Hit] | None:
    if not ((isinstance(r.target, (Quantity, When)) and r.target.unknown)
            or (isinstance(r.actual, (Quantity, When)) and r.actual.unknown)):
        return None
    return _hits(r)


def _hits(r: ScoredRow) -> Iterator[Hit]:
    for field in _FIELDS:
        value = getattr(r.item, field)
        if not isinstance(value, (Quantity, When)) or not value.unknown:
            continue
        words = Quote("”“".join(value.unknown))
        label, cell = Label(f"indicator.{field}"), Quote(_show(getattr(r.row, field)))
        yield Hit(
            r.path(field),
            {"name": Quote(r.shown_name), "field": label, "cell": cell, "words": words},
            expected=p("I320.expected", field=label),
            found=p("I320.found", field=label, cell=cell, words=words),
        )


RESTS_ON = (RECORD,)
