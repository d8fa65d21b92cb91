"""I311: the check (its prose, settings and cases: rules/checks/indicators/I311.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Count, Named, Quote, Seq, p
from ..base import CATEGORIES, HERE, CaseContext, Hit
from ..kit import _label_key, _live_rows, _path


def check(ctx: CaseContext) -> Iterator[Hit]:
    standard = {_label_key(s) for s in ctx.options["standard_labels"]}
    groups: dict[tuple[str, str], list[int]] = {}
    for index, row in _live_rows(ctx):
        if _label_key(row.level1) in standard:
            continue
        category = ctx.taxonomy.by_level1(row.level1) or ctx.taxonomy.by_level2(row.level2)
        if category is None:
            continue  # not an indicator of the taxonomy (e.g. a 项目管理 rubric row)
        groups.setdefault((row.level1.strip(), category.name), []).append(index)
    english = {c.name: Named(c.name, c.name_en) for c in ctx.taxonomy.level1}
    for (label, category), indexes in groups.items():
        yield Hit(
            _path(indexes[0], "level1"),
            {"label": p("I311.reads", label=Quote(label)) if label else p("I311.blank"),
             "category": english[category], "count": Count(len(indexes))},
            expected=p("I311.expected", category=english[category],
                       standard=Seq(tuple(Quote(w) for w in ctx.options["standard_labels"]), "enum")),
            found=p("I311.found", label=Quote(label) if label else p("I311.blank_label"),
                    count=Count(len(indexes)), rows=Seq(tuple(Count(i + 1) for i in indexes), "comma_ascii")),
        )


RESTS_ON = (HERE, *CATEGORIES)
