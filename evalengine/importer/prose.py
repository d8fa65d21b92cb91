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

__all__ = ["prose_indicators"]


@attrs.frozen
class Pattern:
    regex: str


@attrs.frozen
class ProseRules:
    source: str
    patterns: tuple[Pattern, ...]


@cache
def _patterns(directory: Path | None = None) -> tuple[re.Pattern[str], ...]:
    rules = load_config((directory or rules_dir()) / "prose.toml", ProseRules)
    return tuple(re.compile(p.regex) for p in rules.patterns)


_SENTENCE_RE = re.compile(r"[。；;\n]")
MAX_SENTENCE = 200  # longer runs are not one sentence (bounded work per sentence)


def prose_indicators(text: str) -> list[dict[str, str]]:
    """Every indicator a sentence of ``text`` states: {name, target, actual[, weight, score]}."""
    found: list[dict[str, str]] = []
    for sentence in _SENTENCE_RE.split(text):
        s = sentence.strip()
        if not s or len(s) > MAX_SENTENCE:
            continue
        for pattern in _patterns():
            m = pattern.search(s)
            if m is not None:
                found.append({k: v.strip() for k, v in m.groupdict().items() if v})
                break
    return found
