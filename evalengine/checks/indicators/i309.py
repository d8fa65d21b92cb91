"""I309: the check (its prose, settings and cases: rules/checks/indicators/I309.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

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


def _misfits(row: Indicator, item: IndicatorScore, o, keys: set[str]) -> Iterator[tuple[str, str]]:
    name = row.name
    level2 = row.level2.strip()
    if _label_key(name) in keys:
        yield (f"三级指标名“{name.strip()}”只是类别名，没有说明衡量什么",
               f"the indicator name '{name.strip()}' is only a category name")
        return
    if _level2_in(row, o["money_level2"]):
        word = _has(name, o["cost_names"])
        if _money_target(item.target) or word:
            what = f"名称含“{word}”" if word else f"指标值“{_show(row.target)}”是金额"
            what_en = (f"its name has '{word}'" if word
                       else f"its target '{_show(row.target)}' is money")
            yield (f"{what}，金额和成本应作为成本指标，而不是{level2}",
                   f"{what_en}: money and costs belong under 成本指标, not {level2}")
            return
    for head, words in _misfit_table(o["misfits"]):
        if head in _compact(level2):
            word = _has(name, words)
            if word:
                yield (f"“{word}”不属于{level2}", f"'{word}' does not belong under {level2}")
                return
    sat = load_vocabulary().names.satisfaction
    if _has(name, sat) and not _has(item.category, sat):
        yield (f"满意度类指标放在了“{item.category}”下", f"a satisfaction item filed under {item.category}")


def check(ctx: CaseContext) -> Iterator[Hit]:
    keys = _category_keys(ctx.taxonomy)
    for item, row in _pairs(ctx):
        for why, why_en in _misfits(row, item, ctx.options, keys):
            yield Hit(
                _path(item.index, "level2"),
                {"name": _show(row.name), "level2": row.level2.strip() or "—",
                 "why": why, "why_en": why_en},
                expected="三级指标与所属二级指标相符（金额归成本指标，预算执行类不作效益指标……）",
                found=(f"{row.level1.strip() or '—'} / {row.level2.strip() or '—'} / "
                       f"{row.name.strip()}：指标值“{_target_text(row)}”"),
                expected_en=("the level-3 indicator fits its level-2 line (money under 成本指标; budget "
                             "execution is not a benefit …)"),
                found_en=(f"{row.level1.strip() or '—'} / {row.level2.strip() or '—'} / "
                          f"{row.name.strip()}: target '{_target_text(row)}'"),
            )
