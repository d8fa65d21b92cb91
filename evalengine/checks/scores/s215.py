"""S215: the check (its prose, settings and cases: rules/checks/scores/S215.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, p
from ..base import RECORD, CaseContext, Hit
from ..kit import _name, _rows


def check(ctx: CaseContext) -> Iterator[Hit]:
    case = ctx.case
    if ctx.facts.misfit(ctx.profile):
        return  # S213: a rubric form judged as a target/actual form
    for index, row in _rows(ctx):
        section = ctx.profile.section(row.level1) if ctx.profile.kind == "rubric" else None
        if section is not None and section.rubric:
            continue  # a rubric item is scored against its 评分标准, not a target
        if (row.target.strip() or row.actual.strip() or row.weight is None or row.weight <= 0
                or row.score is None or row.score < row.weight):
            continue
        name = _name(case, index)
        yield Hit(f"$.indicators[{index}].score", {"name": name, "score": Amount(row.score)},
                  expected=p("S215.expected"), found=p("S215.found", name=name, score=Amount(row.score)))


RESTS_ON = (RECORD,)
