"""I309: the check (its prose, settings and cases: rules/checks/indicators/I309.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from ...evidence import Phrase, Quote, p
from ...model import Indicator
from ...scoring import IndicatorScore
from ...taxonomy import Taxonomy
from ...values import Dimension, Quantity, Text, Value
from ...vocabulary import load_vocabulary
from ..base import CaseContext, Hit
from ..kit import _compact, _has, _label_key, _level2_in, _pairs, _path, _show, _target_text


def _misfit_table(entries: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """``"二级关键词: 词1, 词2"`` entries as (二级关键词, words); malformed ones are skipped."""
    return _misfit_table_of(tuple(entries))


@functools.lru_cache(maxsize=64)  # the rule's setting: the same list for every row
def _misfit_table_of(entries: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for entry in entries:
        head, sep, tail = entry.replace("：", ":").partition(":")
        words = tuple(w.strip() for w in re.split(r"[,，、|]", tail) if w.strip())
        if sep and head.strip() and words:
            out.append((head.strip(), words))
    return out


@functools.lru_cache(maxsize=8)  # once per taxonomy, not per case
def _category_keys(taxonomy: Taxonomy) -> set[str]:
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


def _misfits(row: Indicator, item: IndicatorScore, o, keys: set[str]) -> Iterator[Phrase]:
    name = row.name
    level2 = row.level2.strip()
    if _label_key(name) in keys:
        yield p("I309.category_name", name=Quote(name.strip()))
        return
    if _level2_in(row, o["money_level2"]):
        word = _has(name, o["cost_names"])
        if _money_target(item.target) or word:
            what = (p("I309.name_has", word=Quote(word)) if word
                    else p("I309.target_money", target=Quote(_show(row.target))))
            yield p("I309.money", what=what, level2=Quote(level2))
            return
    for head, words in _misfit_table(o["misfits"]):
        if head in _compact(level2):
            word = _has(name, words)
            if word:
                yield p("I309.not_under", word=Quote(word), level2=Quote(level2))
                return
    sat = load_vocabulary().names.satisfaction
    if _has(name, sat) and not _has(item.category, sat):
        yield p("I309.satisfaction", category=Quote(item.category))


def check(ctx: CaseContext) -> Iterator[Hit]:
    keys = _category_keys(ctx.taxonomy)
    for item, row in _pairs(ctx):
        for why in _misfits(row, item, ctx.options, keys):
            yield Hit(
                _path(item.index, "level2"),
                {"name": Quote(_show(row.name)), "level2": Quote(row.level2.strip() or "—"), "why": why},
                expected=p("I309.expected"),
                found=p("I309.found", level1=Quote(row.level1.strip() or "—"),
                        level2=Quote(row.level2.strip() or "—"), name=Quote(row.name.strip()),
                        target=Quote(_target_text(row))),
            )
