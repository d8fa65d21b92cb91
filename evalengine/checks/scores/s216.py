"""S216: the check (its prose, settings and cases: rules/checks/scores/S216.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Count, Seq, p
from ..base import CATEGORIES, RECORD, ROWS, CaseContext, Hit
from ..kit import _name


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    for index, (role, others) in sorted(ctx.facts.roles().items()):
        name = _name(case, index)
        if role == "parent":
            listed = Seq(tuple(Count(j + 1) for j in others), "enum")
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": p("S216.subtotal", rows=listed)},
                      expected=p("S216.subtotal_expected"),
                      found=p("S216.subtotal_found", name=name, weight=Amount(case.indicators[index].weight)))
        else:
            above = _name(case, others[0])
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": p("S216.part", above=above)},
                      expected=p("S216.part_expected"), found=p("S216.part_found", name=name, above=above))


RESTS_ON = (RECORD, *ROWS, *CATEGORIES)
