"""D501: the check (its prose, settings and cases: rules/checks/department/D501.toml)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from ...evidence import Amount, Quote, Seq, p
from ...numbers import ZERO
from ..base import DepartmentContext, Hit
from ..kit import _n, _nearest, _statements, _where


_MAX_COMBINATIONS = 256  # statements tried per check before taking the nearest ones only


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    half = ctx.options["half_unit"]
    by_id = _statements(ctx.department)
    for t_index, total in enumerate(ctx.department.totals):
        parts = [by_id.get(p, []) for p in total.parts]
        if not total.parts or any(not p for p in parts):
            continue  # a part never stated: nothing to add up
        slack = half * (len(total.parts) + 1)
        reported: set[tuple[Decimal, tuple[Decimal, ...]]] = set()
        for index, figure in by_id.get(total.total, []):
            options = [_nearest(p, figure.source) for p in parts]
            combos = itertools.islice(itertools.product(*options), _MAX_COMBINATIONS)
            if any(abs(sum((f.value for _, f in c), ZERO) - figure.value) <= slack for c in combos):
                continue
            chosen = tuple(o[0][1] for o in options)
            key = (figure.value, tuple(f.value for f in chosen))
            if key in reported:
                continue
            reported.add(key)
            parts_sum = sum((f.value for f in chosen), ZERO)
            yield Hit(
                f"$.figures[{index}].value",
                {"label": Quote(figure.label), "source": Quote(figure.source), "total": _n(figure.value),
                 "sum": Amount(parts_sum), "diff": Amount(abs(figure.value - parts_sum)),
                 "totals": t_index},
                expected=p("D501.expected", parts=Seq(tuple(_where(f) for f in chosen), "plus"),
                           sum=Amount(parts_sum)),
                found=_where(figure),
            )
