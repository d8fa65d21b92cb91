"""N402: the check (its prose, settings and cases: rules/checks/narrative/N402.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Case
from ...scoring import is_money_spent_short
from ..base import HERE, ROWS, CaseContext, Hit, money, pct
from ..kit import _says_nothing, _shown


def _has_narrative(case: Case) -> bool:
    """The document has the prose section at all (a form cut off before it has none)."""
    n = case.narrative
    return any(s.strip() for s in (n.completion, n.benefit, n.conclusion, n.problems, n.measures))


def _deviations(ctx: CaseContext) -> tuple[list[str], list[str]]:
    case, score, o = ctx.case, ctx.score, ctx.options
    zh: list[str] = []
    en: list[str] = []
    rate = score.budget.rate
    if rate is not None and rate < o["min_execution_rate"]:
        unspent = ctx.facts.money.balance  # the 其中 rows when the total row is blank
        zh.append(f"预算执行率 {pct(rate)}（结余 {money(unspent)} 万元）")
        en.append(f"execution rate {pct(rate)} ({money(unspent)} 10k yuan unspent)")
    reasons = set(o["deviation_reasons"])
    short: list[str] = []
    for s in score.indicators:
        row_weight = case.indicators[s.index].weight
        own_short = s.claimed_from_form and s.claimed < (row_weight if row_weight is not None else s.weight)
        if is_money_spent_short(s) and not own_short:
            continue  # money spent under a money row: the execution rate above speaks to it
        if s.reason in reasons or own_short:
            short.append(case.indicators[s.index].name.strip() or f"第{s.index + 1}行指标")
    if short:
        names = "、".join(f"「{x}」" for x in short[:3]) + (f"等 {len(short)} 项" if len(short) > 3 else "")
        zh.append(f"指标{names}未达目标")
        en.append(f"{len(short)} indicator(s) short of target ({'、'.join(short[:3])})")
    total = score.claimed_total
    maximum = ctx.profile.total
    if total is not None and score.claimed_total_from_form and total < maximum:
        zh.append(f"自评总分 {money(total)} 分，未满 {money(maximum)} 分")
        en.append(f"self-assessed total {money(total)} of {money(maximum)}")
    return zh, en


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, o = ctx.case, ctx.options
    if not _has_narrative(case):
        return
    fields = [
        (path, label, label_en, text)
        for path, label, label_en, text in (
            ("$.narrative.problems", "存在问题", "problems", case.narrative.problems),
            ("$.narrative.measures", "改进措施", "measures", case.narrative.measures),
        )
        if _says_nothing(text)
    ]
    if not fields:
        return
    zh, en = _deviations(ctx)
    if not zh:
        return
    yield Hit(
        fields[0][0],
        {
            "deviations": "；".join(zh),
            "deviations_en": "; ".join(en),
            "fields": "、".join(f[1] for f in fields),
            "fields_en": " and ".join(f[2] for f in fields),
            "text": _shown(fields[0][3]),
        },
        expected=f"存在偏差，应说明问题及改进措施：{'；'.join(zh)}",
        found="；".join(f"{label}：“{_shown(text)}”" for _, label, _, text in fields),
        expected_en=f"deviations exist, so problems and remedies should be stated: {'; '.join(en)}",
        found_en="; ".join(f"{label_en} ({label}): '{_shown(text)}'" for _, label, label_en, text in fields),
    )


RESTS_ON = (HERE, "$.narrative", *ROWS, "$.indicators[*].deviation")
