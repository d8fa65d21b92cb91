"""I306: the check (its prose, settings and cases: rules/checks/indicators/I306.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Case
from ...values import Claim, ClaimLevel, Quantity, Value
from ...vocabulary import load_vocabulary
from ..base import HERE, TEXTS, CaseContext, Hit
from ..kit import _has, _pairs, _path, _show


def _claims_done(value: Value) -> bool:
    return isinstance(value, Claim) and value.level in (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


def _case_text(case: Case) -> str:
    n, f, g = case.narrative, case.funds, case.goal
    parts = [g.expected, g.actual, n.completion, n.benefit, n.conclusion, n.problems, n.measures,
             n.deviation, f.note, f.reason, *(r.deviation for r in case.indicators)]
    return "\n".join(p for p in parts if p)


def check(ctx: CaseContext) -> Iterator[Hit]:
    o = ctx.options
    words = load_vocabulary().names.satisfaction
    if _has(_case_text(ctx.case), o["survey_words"]):
        return
    for item, row in _pairs(ctx):
        if not (_has(item.category, words) or _has(row.level2, words) or _has(row.name, words)):
            continue
        actual = item.actual
        if not (_claims_done(actual) or isinstance(actual, Quantity)):
            continue
        yield Hit(
            _path(item.index, "actual"),
            {"name": _show(row.name), "actual": _show(row.actual)},
            expected="满意度 = 满意人数 / 有效调查人数：应说明调查方式、样本量或有效问卷数",
            found=(f"完成值“{row.actual}”；目标、完成情况、结论、偏差说明中均无"
                   f"{'/'.join(o['survey_words'][:4])}等字样"),
            expected_en=("satisfaction = satisfied respondents / valid responses: say how the survey was "
                         "done, its sample size or the number of valid questionnaires"),
            found_en=(f"actual '{row.actual}'; the goal, completion, conclusion and deviation texts "
                      f"mention none of {'/'.join(o['survey_words'][:4])}"),
        )


RESTS_ON = (HERE, *TEXTS)
