"""F103: the check (its prose, settings and cases: rules/checks/funds/F103.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import HERE, MONEY, TEXTS, CaseContext, Hit, money, pct
from ..kit import _explanation, _rate_text


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
    rate = f.rate
    if rate is None or rate >= o["threshold"]:
        return
    if _explanation(ctx.facts) is not None:
        return
    reason = ctx.case.funds.reason.strip()
    found = "原因栏为模板说明文字" if reason else "原因栏空白"
    found_en = "the reason column holds template text" if reason else "the reason column is blank"
    yield Hit(
        "$.funds.reason",
        {"rate": pct(rate), "threshold": pct(o["threshold"]), "balance": money(f.balance)},
        expected=f"执行率 = {_rate_text(f)} < {pct(o['threshold'])}，应说明原因",
        found=f"{found}；资金备注、偏差原因和自评报告也未说明",
        expected_en=f"execution rate = {_rate_text(f)} < {pct(o['threshold'])}: the reason should be given",
        found_en=f"{found_en}; neither do the funds note, the deviation reasons or the self-assessment report explain it",
    )


RESTS_ON = (HERE, *MONEY, *TEXTS)
