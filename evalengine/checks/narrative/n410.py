"""N410: the check (its prose, settings and cases: rules/checks/narrative/N410.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...vocabulary import load_vocabulary
from ..base import HERE, CaseContext, Hit
from ..kit import _bigrams, _figures, _matches, _norm, _shown


_REPORTED = (("$.goal.actual", "年度总体目标实际完成情况", "the goal's actual"),
             ("$.narrative.completion", "项目完成情况", "the completion statement"))


def check(ctx: CaseContext) -> Iterator[Hit]:
    """The figures the narrative reports as done, against each indicator's 完成值."""
    case, facts, o = ctx.case, ctx.facts, ctx.options
    dims = set(o["dimensions"])
    generic = tuple(_norm(g) for g in load_vocabulary().context.generic)
    for path, label, label_en in _REPORTED:
        text = facts.text(path)
        if not text.strip():
            continue
        told = _figures(facts.clauses(path), dims, generic)
        if not told:
            continue
        for s in ctx.score.indicators:
            row = case.indicators[s.index]
            name_context = _bigrams(facts.normalised(f"$.indicators[{s.index}].name"), generic)
            for t in _figures(facts.clauses(f"$.indicators[{s.index}].actual"), dims, generic):
                context = t.context or name_context
                same = [g for g in told if g.dimension is t.dimension and g.unit == t.unit
                        and g.context & context]
                if not same or _matches(t, same, int(o["max_goal_figures"])):
                    continue
                figures = "、".join(g.shown for g in same)
                name = row.name.strip() or f"第{s.index + 1}行指标"
                yield Hit(
                    f"$.indicators[{s.index}].actual",
                    {"field": label, "field_en": label_en, "told": figures, "name": name, "actual": t.shown},
                    expected=f"{label}：{figures}（“{_shown(text)}”）",
                    found=f"指标「{name}」完成值：“{row.actual}”",
                    expected_en=f"{label_en}: {figures}",
                    found_en=f"indicator “{name}” actual: “{row.actual}”",
                )


RESTS_ON = (HERE, "$.goal.actual", "$.narrative.completion")
