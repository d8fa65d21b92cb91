"""The indicator taxonomy (一级/二级 categories), read from ``rules/taxonomy.toml``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import attrs

from .loader import load_config
from .resources import rules_dir
from .vocabulary import load_vocabulary

__all__ = ["Category", "Taxonomy", "load_taxonomy"]


@attrs.frozen
class Category:
    name: str
    name_en: str
    aliases: tuple[str, ...]
    level2: tuple[str, ...]


def _key(label: str) -> str:
    return "".join(label.split()).split("(")[0].split("（")[0].removesuffix("指标")


def _aliases(category: Category) -> tuple[str, ...]:
    return category.aliases


def _level2(category: Category) -> tuple[str, ...]:
    return category.level2


@attrs.frozen
class Taxonomy:
    source: str
    level1: tuple[Category, ...]
    lower_is_better: tuple[str, ...] = ()
    higher_is_better: tuple[str, ...] = ()
    # (list, label) -> category, filled as rows are read: forms repeat a few labels, and the
    # scoring and several checks ask for every row (91,580 look-ups for 1,000 cases); also
    # ("lower" or "higher", name) -> whether a row's name says that is better
    _found: dict = attrs.field(init=False, factory=dict, eq=False, hash=False, repr=False)

    def by_level1(self, label: str) -> Category | None:
        """The category whose 一级 aliases include ``label``."""
        return self._find(label, _aliases)

    def by_level2(self, label: str) -> Category | None:
        """The category whose 二级 list includes ``label``."""
        return self._find(label, _level2)

    def _find(self, label: str, labels) -> Category | None:
        try:
            return self._found[labels, label]
        except KeyError:
            if len(self._found) > 4096:  # free-text labels: keep the cache small
                self._found.clear()
            found = self._found[labels, label] = self._search(label, labels)
            return found

    def _search(self, label: str, labels) -> Category | None:
        key = _key(label)
        for category in self.level1 if key else ():
            if any(_key(item) == key for item in labels(category)):
                return category
        return None

    def resolve(self, level1: str, level2: str) -> Category | None:
        """The 一级 category a row belongs to: by its 一级 label, else by its 二级 label."""
        return self.by_level1(level1) or self.by_level2(level2)

    def lower_is_better_name(self, name: str) -> bool:
        """True when the indicator's name says less is better (预算调整率, 结转结余率 …)."""
        return self._names("lower", name, self.lower_is_better)

    def higher_is_better_name(self, name: str) -> bool:
        """True when the indicator's name says more is better (政府采购执行率 …)."""
        return self._names("higher", name, self.higher_is_better)

    def _names(self, which: str, name: str, words: tuple[str, ...]) -> bool:
        """Whether ``name`` (without whitespace) holds one of ``words``; kept by name, as the
        categories are: scoring asks it of every row, and a form set repeats its names."""
        found = self._found.get((which, name))
        if found is None:
            if len(self._found) > 4096:
                self._found.clear()
            key = "".join(name.split())
            found = self._found[which, name] = any(word in key for word in words)
        return found

    def names_kind_only(self, operator: str) -> bool:
        """True when a 指标性质 cell names the indicator's kind (定量指标), not a direction."""
        key = "".join(operator.split())
        return any(word in key for word in load_vocabulary().operators.kinds)

    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.level1)


@cache
def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    return load_config((directory or rules_dir()) / "taxonomy.toml", Taxonomy)
