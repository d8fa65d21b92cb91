"""F103: the check (its prose, settings and cases: rules/checks/funds/F103.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Amount, Percent, p
from ..base import HERE, MONEY, TEXTS, CaseContext, Hit
from ..kit import _explained, _rate


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    f = ctx.facts.money
    rate = f.rate
    if rate is None or rate >= o["threshold"]:
        return
    if _explained(ctx.facts):
        return
    reason = ctx.case.funds.reason.strip()
    threshold = Percent(o["threshold"])
    yield Hit(
        "$.funds.reason",
        {"rate": Percent(rate), "threshold": threshold, "balance": Amount(f.balance)},
        expected=p("F103.expected", rate=_rate(f), threshold=threshold),
        found=p("F103.found", reason=p("F103.template" if reason else "F103.blank")),
    )


RESTS_ON = (HERE, *MONEY, *TEXTS)
