"""Indicators stated in sentences, not in a table (issue 10 §3).

A self-assessment report in prose says ``满意度指标绩效目标值为≥95%，实际完成值为98%``; the
patterns of ``rules/prose.toml`` read the indicator's name, target, actual and, when given,
weight and score from each sentence.  Used for a form whose indicator table was not found;
every indicator so read is reported (a note), never mixed with a table's rows.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import attrs

from ..loader import load_config
from ..resources import rules_dir

__all__ = ["prose_funds", "prose_indicators", "report_title"]


@attrs.frozen
class Pattern:
    regex: str


@attrs.frozen
class ProseRules:
    source: str
    patterns: tuple[Pattern, ...]
    funds: tuple[Pattern, ...] = ()
    title: Pattern | None = None


@cache
def _rules(directory: Path | None = None) -> ProseRules:
    return load_config((directory or rules_dir()) / "prose.toml", ProseRules)


@cache
def _patterns(directory: Path | None = None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.regex) for p in _rules(directory).patterns)


@cache
def _fund_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.regex) for p in _rules().funds)


def prose_funds(text: str) -> dict[str, str]:
    """The money a report's sentences state: {initial_budget, budget, executed, rate}, each
    from the first sentence that gives it (the numbers as printed)."""
    found: dict[str, str] = {}
    for sentence in _SENTENCE_RE.split(text):
        s = sentence.strip()
        if not s or len(s) > MAX_SENTENCE:
            continue
        for pattern in _fund_patterns():
            for m in pattern.finditer(s):
                for field, value in m.groupdict().items():
                    if value and field not in found:
                        found[field] = value
    return found


def report_title(text: str) -> tuple[int, str] | None:
    """(year, project name) from a report's title line (``2022年度残疾人康复项目支出绩效自评报告``)."""
    rule = _rules().title
    m = re.match(rule.regex, text.strip()) if rule is not None and len(text) <= 80 else None
    if m is None:
        return None
    name = (m.group("name") or "").strip() or (m.group("inner") or "").strip()
    return int(m.group("year")), name


_SENTENCE_RE = re.compile(r"[。；;\n]")
MAX_SENTENCE = 200  # longer runs are not one sentence (bounded work per sentence)


@cache
def _category_re() -> tuple[re.Pattern[str], dict[str, str]]:
    """A paragraph's heading category (``产出数量指标``, ``满意度指标``): the taxonomy's 一级
    stems, optionally, before one of its 二级 labels; and each stem's 一级 name."""
    from ..taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    l1 = {a.removesuffix("指标"): c.name for c in taxonomy.level1 for a in c.aliases
          if a.removesuffix("指标")}
    l2 = {x.removesuffix("指标") for c in taxonomy.level1 for x in c.level2 if x.endswith("指标")}

    def alt(words: set[str] | dict[str, str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(rf"(?P<l1>{alt(l1)})?(?P<l2>{alt(l2)})指标(?:[:：]|$)"), l1


def prose_indicators(text: str) -> list[dict[str, str]]:
    """Every indicator a sentence of ``text`` states: {name, target, actual[, weight, score]},
    with the 一级/二级 of the paragraph's heading (``1、产出数量指标:第一，…``) when it has one."""
    found: list[dict[str, str]] = []
    heading, stems = _category_re()
    for paragraph in text.split("\n"):
        level: dict[str, str] = {}
        for sentence in _SENTENCE_RE.split(paragraph):
            s = sentence.strip()
            if not s or len(s) > MAX_SENTENCE:
                continue
            for pattern in _patterns():
                m = pattern.search(s)
                if m is not None:
                    for h in heading.finditer(s[:m.start("name")]):
                        level = {"level1": stems[h.group("l1")] if h.group("l1") else "",
                                 "level2": h.group("l2") + "指标"}
                    found.append({**level, **{k: v.strip() for k, v in m.groupdict().items()
                                              if v}})
                    break
    return found
