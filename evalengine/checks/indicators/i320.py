"""I320: the check (its prose, settings and cases: rules/checks/indicators/I320.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Quote, p
from ...values import Quantity, When
from ..base import RECORD, CaseContext, Hit
from ..kit import _pairs, _path, _show

_FIELDS = ("target", "actual")


def check(ctx: CaseContext) -> Iterator[Hit]:
    for item, row in _pairs(ctx):
        for field in _FIELDS:
            value = getattr(item, field)
            if not isinstance(value, (Quantity, When)) or not value.unknown:
                continue
            words = Quote("”“".join(value.unknown))
            label, cell = Label(f"indicator.{field}"), Quote(_show(getattr(row, field)))
            yield Hit(
                _path(item.index, field),
                {"name": Quote(_show(row.name)), "field": label, "cell": cell, "words": words},
                expected=p("I320.expected", field=label),
                found=p("I320.found", field=label, cell=cell, words=words),
            )


RESTS_ON = (RECORD,)
