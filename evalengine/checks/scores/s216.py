"""S216: the check (its prose, settings and cases: rules/checks/scores/S216.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CATEGORIES, RECORD, ROWS, CaseContext, Hit, money
from ..kit import _name


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    for index, (role, others) in sorted(ctx.facts.roles().items()):
        name = _name(case, index)
        if role == "parent":
            listed = "、".join(str(j + 1) for j in others)
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": f"其下第 {listed} 行的合计", "kind_en": f"the subtotal of rows {listed}"},
                      expected="合计行不重复计分", found=f"「{name}」分值 {money(case.indicators[index].weight)} = 其下各行分值之和",
                      expected_en="a subtotal is not scored again",
                      found_en=f"“{name}” weight {money(case.indicators[index].weight)} = the sum of the rows below")
        else:
            above = _name(case, others[0])
            yield Hit(f"$.indicators[{index}]",
                      {"name": name, "kind": f"「{above}」的其中项", "kind_en": f"a 其中 part of “{above}”"},
                      expected="其中项不单独计分", found=f"「{name}」重复上一行「{above}」",
                      expected_en="a 其中 row is not scored on its own",
                      found_en=f"“{name}” repeats the row above, “{above}”")


RESTS_ON = (RECORD, *ROWS, *CATEGORIES)
