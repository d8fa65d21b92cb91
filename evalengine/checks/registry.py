"""The rule registry: every rule, listed explicitly, in code order.

Adding a rule means writing it in its family module, listing it in that module's ``RULES``,
giving it a table in ``rules/checks/<family>.toml``, and nothing else.  A rule whose findings
rest on more than the cell they point at (other rows, the money, the texts that could explain
something) says so in ``rests_on``, so that a finding resting on a cell the importer did not
read is withheld (docs/case-format.md, "Provenance").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from ..loader import ConfigError, Problem
from . import department, funds, indicators, meta, narrative, scores
from .base import Rule
from .custom import build_custom_rule
from .settings import matches

__all__ = ["BUILTIN_RULES", "all_rules", "unknown_selectors"]

BUILTIN_RULES: tuple[Rule, ...] = (
    *funds.RULES,
    *scores.RULES,
    *indicators.RULES,
    *narrative.RULES,
    *department.RULES,
    *meta.RULES,
)


def all_rules(
    custom: Iterable[tuple[str, Sequence[Mapping[str, Any]]]] = (),
    deferred: Collection[str] = (),
) -> tuple[tuple[Rule, ...], dict[str, bool]]:
    """The built-in rules followed by custom ones (given as (file, [[custom]] tables) pairs);
    and, for each custom rule, whether it is on.  The conditions of rules that files in
    ``deferred`` turn off are compiled only if they are turned on (see build_custom_rule)."""
    rules = list(BUILTIN_RULES)
    enabled: dict[str, bool] = {}
    for location, tables in custom:
        for index, table in enumerate(tables):
            rule, on = build_custom_rule(table, f"$.custom[{index}]", location,
                                         defer=location in deferred)
            if any(r.code == rule.code for r in rules):
                raise ConfigError(location, (Problem(f"$.custom[{index}].code", "invalid",
                                                     f"{rule.code} is already a rule's code"),))
            rules.append(rule)
            enabled[rule.code] = on
    return tuple(rules), enabled


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> tuple[str, ...]:
    """The selectors (``--select``/``--ignore`` values) that match no rule at all: a typo
    such as ``F1O1`` would otherwise select nothing, silently.  A code, name, alias, family
    or code prefix (``F1``, ``F``) that matches some rule, on or off, is known."""
    rules = tuple(rules)
    return tuple(s for s in selectors if not any(matches(rule, s) for rule in rules))
