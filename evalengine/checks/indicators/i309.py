"""I309: the check (its prose, settings and cases: rules/checks/indicators/I309.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ...evidence import Phrase, Quote, p
from ...taxonomy import Taxonomy
from ...values import Dimension, Quantity, Text, Value
from ...vocabulary import load_vocabulary
from ..base import CaseContext, Hit, ScoredRow, Words
from ..kit import _compact, _label_key, _show


def _misfit_table(entries: Sequence[str]) -> list[tuple[str, Words]]:
    """``"二级关键词: 词1, 词2"`` entries as (二级关键词, words); malformed ones are skipped."""
    return _misfit_table_of(tuple(entries))


@functools.lru_cache(maxsize=64)  # the rule's setting: the same list for every row
def _misfit_table_of(entries: tuple[str, ...]) -> list[tuple[str, Words]]:
    out = []
    for entry in entries:
        head, sep, tail = entry.replace("：", ":").partition(":")
        words = tuple(w.strip() for w in re.split(r"[,，、|]", tail) if w.strip())
        if sep and head.strip() and words:
            out.append((head.strip(), Words(words)))
    return out


def _category_keys(taxonomy: Taxonomy) -> set[str]:
    """The label keys of the taxonomy's categories (found once per taxonomy, which is
    looked up by identity: hashing it would cost more than the check)."""
    found = _KEYS.get(id(taxonomy))
    if found is None or found[0] is not taxonomy:
        found = _KEYS[id(taxonomy)] = (taxonomy, _keys(taxonomy))
    return found[1]


_KEYS: dict[int, tuple[Taxonomy, set[str]]] = {}


def _keys(taxonomy: Taxonomy) -> set[str]:
    keys = set()
    for category in taxonomy.level1:
        for label in (category.name, *category.aliases, *category.level2):
            key = _label_key(label)
            if key:
                keys.add(key)
    return keys


def _money_target(target: Value) -> bool:
    if isinstance(target, Quantity):
        return target.dimension is Dimension.MONEY
    if isinstance(target, Text) and target.quantities:
        return all(q.dimension is Dimension.MONEY for q in target.quantities)
    return False


@functools.cache
def _satisfaction() -> Words:
    return Words(load_vocabulary().names.satisfaction)


def _misfit(r: ScoredRow, o, keys: set[str]) -> Phrase | None:
    """Why row ``r``'s 三级 name does not belong under its 二级 (None: it does)."""
    row = r.row
    if _label_key(row.name) in keys:
        return p("I309.category_name", name=Quote(row.name.strip()))
    level2, name = r.level2, r.name
    if o["money_level2"].first_in(level2):
        word = o["cost_names"].first_in(name)
        if _money_target(r.target) or word:
            what = (p("I309.name_has", word=Quote(word)) if word
                    else p("I309.target_money", target=Quote(_show(row.target))))
            return p("I309.money", what=what, level2=Quote(row.level2.strip()))
    for head, words in o["misfits"].once("table", _misfit_table_of):
        if head in level2:
            word = words.first_in(name)
            if word:
                return p("I309.not_under", word=Quote(word), level2=Quote(row.level2.strip()))
    sat = _satisfaction()
    if sat.first_in(name) and not sat.first_in(_compact(r.item.category)):
        return p("I309.satisfaction", category=Quote(r.item.category))
    return None


def check_row(ctx: CaseContext, r: ScoredRow) -> Hit | None:
    why = _misfit(r, ctx.options, _category_keys(ctx.taxonomy))
    if why is None:
        return None
    row = r.row
    return Hit(
        r.path("level2"),
        {"name": Quote(r.shown_name), "level2": Quote(row.level2.strip() or "—"), "why": why},
        expected=p("I309.expected"),
        found=p("I309.found", level1=Quote(row.level1.strip() or "—"),
                level2=Quote(row.level2.strip() or "—"), name=Quote(row.name.strip()),
                target=Quote(r.target_text)),
    )
