"""D504: the check (its prose, settings and cases: rules/checks/department/D504.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Phrase, Quote, Seq, p
from ...model import Figure
from ..base import DepartmentContext, Hit
from ..kit import _n, _statements


def check(ctx: DepartmentContext) -> Iterator[Hit]:
    tolerance = ctx.options["tolerance"]
    for statements in _statements(ctx.department).values():
        if len(statements) < 2:
            continue
        groups: list[list[tuple[int, Figure]]] = []
        for item in statements:
            for group in groups:
                if abs(group[0][1].value - item[1].value) <= tolerance:
                    group.append(item)
                    break
            else:
                groups.append([item])
        if len(groups) < 2:
            continue
        main = max(groups, key=len)  # the value most places give (the first on a tie)
        others = [g for g in groups if g is not main]
        index, odd = others[0][0]
        first = main[0][1]

        def listed(group: list[tuple[int, Figure]]) -> Phrase:
            return p("D504.listed", value=_n(group[0][1].value),
                     sources=Seq(tuple(Quote(f.source) for _, f in group)))

        yield Hit(
            f"$.figures[{index}].value",
            {"label": Quote(odd.label), "value": _n(odd.value), "source": Quote(odd.source),
             "other": _n(first.value), "other_source": Quote(first.source)},
            expected=listed(main),
            found=Seq(tuple(listed(g) for g in others)),
        )
