"""F115: the check (its prose, settings and cases: rules/checks/funds/F115.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Label, Number, Quote, Seq, p
from ..base import RECORD, CaseContext, Hit


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    total_scored = funds.claimed_score is not None or funds.claimed_weight is not None
    for index, row in enumerate(funds.rows):
        if row.claimed_score is None and row.claimed_weight is None:
            continue
        printed = Seq(tuple(p("common.label_value", label=Label(label), value=Number(value)) for label, value in
                            (("money.weight", row.claimed_weight), ("money.score", row.claimed_score))
                            if value is not None), "comma")
        cell = "claimed_score" if row.claimed_score is not None else "claimed_weight"
        yield Hit(
            f"$.funds.rows[{index}].{cell}",
            {"source": Quote(row.source), "printed": printed},
            expected=p("F115.expected"),
            found=p("F115.found", source=Quote(row.source), printed=printed,
                    where=p("F115.total_scored") if total_scored else ""),
        )


RESTS_ON = (RECORD,)
