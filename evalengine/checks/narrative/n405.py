"""N405: the check (its prose, settings and cases: rules/checks/narrative/N405.toml)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from ...numbers import read_number
from ..base import HERE, MONEY, ROWS, CaseContext, Hit, money
from ..kit import _contains_any, _norm, _shown


def _stated_score(conclusion: str, words: Iterable[str]) -> tuple[Decimal, str, str] | None:
    """(score, number as written, matched text) of the first score word (in settings order)."""
    for word in words:
        w = _norm(word)
        if not w:
            continue
        m = re.search(re.escape(w) + r"(?:为|是|:|达到|达|共|计)?(\d+(?:\.\d+)?)(分?)", conclusion)
        score = read_number(m.group(1)) if m else None
        if score is not None:
            return score, m.group(1), m.group()
    return None


def check(ctx: CaseContext) -> Iterator[Hit]:
    case, score, o = ctx.case, ctx.score, ctx.options
    raw = case.narrative.conclusion
    if not raw.strip():
        return
    conclusion = ctx.facts.normalised("$.narrative.conclusion")
    stated = _stated_score(conclusion, o["score_words"])
    if stated is None:
        if ctx.profile.id in o["profiles_requiring_total"] and not _contains_any(
            conclusion, o["template_markers"]
        ):
            yield Hit(
                "$.narrative.conclusion",
                {"problem": "未写明自评总分", "problem_en": "does not state the total score"},
                expected="评价结论须写明项目自评总分（如“自评得分95分”）",
                found=f"评价结论：“{_shown(raw)}”",
            )
        return
    value, written, matched = stated
    if case.narrative.claimed_total is not None:
        claimed, where = case.narrative.claimed_total, "表中自评总分/合计"
    elif score.claimed_total is not None and (score.claimed_total_from_form or o["use_implied_total"]):
        claimed = score.claimed_total
        where = "表中各项得分之和" if score.claimed_total_from_form else "表中自评结果折算的总分"
    else:
        return
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    slack = Decimal(1).scaleb(-decimals) / 2 + o["tolerance"]
    if abs(value - claimed) <= slack:
        return
    yield Hit(
        "$.narrative.conclusion",
        {"problem": f"写的总分 {written} 分与{where} {money(claimed)} 分不一致",
         "problem_en": f"states {written} points, but the form's total is {money(claimed)}"},
        expected=f"{where}：{money(claimed)} 分",
        found=f"评价结论：“{matched}”",
    )


RESTS_ON = (HERE, "$.narrative.claimed_total", *ROWS, *MONEY, "$.funds.claimed_score", "$.funds.claimed_rate")
