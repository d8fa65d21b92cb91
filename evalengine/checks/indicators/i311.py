"""I311: the check (its prose, settings and cases: rules/checks/indicators/I311.toml)."""

from __future__ import annotations

from collections.abc import Iterator

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
    for (label, category), indexes in groups.items():
        yield Hit(
            _path(indexes[0], "level1"),
            {"label": f"写作“{label}”" if label else "为空白",
             "label_en": f"reads '{label}'" if label else "is blank",
             "category": category, "count": len(indexes)},
            expected=f"一级指标“{category}”（标准名称：{'、'.join(ctx.options['standard_labels'])}）",
            found=f"一级指标“{label or '（空白）'}”，其下 {len(indexes)} 个三级指标"
                  f"（第 {', '.join(str(i + 1) for i in indexes)} 行）",
            expected_en=(f"level-1 indicator '{category}' (standard names: "
                         f"{', '.join(ctx.options['standard_labels'])})"),
            found_en=(f"level-1 indicator '{label or '(blank)'}' over {len(indexes)} level-3 indicator(s) "
                      f"(rows {', '.join(str(i + 1) for i in indexes)})"),
        )


RESTS_ON = (HERE, *CATEGORIES)
