"""F115: the check (its prose, settings and cases: rules/checks/funds/F115.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import RECORD, CaseContext, Hit, figure


def check(ctx: CaseContext) -> Iterator[Hit]:
    funds = ctx.case.funds
    total_scored = funds.claimed_score is not None or funds.claimed_weight is not None
    for index, row in enumerate(funds.rows):
        if row.claimed_score is None and row.claimed_weight is None:
            continue
        printed = "，".join(f"{label} {figure(value)}" for label, value in
                           (("分值", row.claimed_weight), ("得分", row.claimed_score)) if value is not None)
        printed_en = ", ".join(f"{label} {figure(value)}" for label, value in
                              (("weight", row.claimed_weight), ("score", row.claimed_score)) if value is not None)
        where = "，总额行另有分值/得分" if total_scored else ""
        where_en = "; the total row is scored as well" if total_scored else ""
        cell = "claimed_score" if row.claimed_score is not None else "claimed_weight"
        yield Hit(
            f"$.funds.rows[{index}].{cell}",
            {"source": row.source, "printed": printed, "printed_en": printed_en},
            expected="预算执行只按年度资金总额行计分一次，其中各行不另计分",
            found=f"其中“{row.source}”行：{printed}{where}",
            expected_en="budget execution is scored once, on the total row; its 其中 rows are not scored",
            found_en=f"其中 row “{row.source}”: {printed_en}{where_en}",
        )


RESTS_ON = (RECORD,)
