"""F111: the check (its prose, settings and cases: rules/checks/funds/F111.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import CaseContext, Hit
from ..kit import _clause, _find, _texts


_MOVE_FIELDS = ("$.funds.note", "$.funds.reason", "$.funds.adjustment_reason", "$.goal.actual",
                "$.narrative.completion", "$.narrative.benefit", "$.narrative.conclusion",
                "$.narrative.problems", "$.narrative.measures")


def check(ctx: CaseContext) -> Iterator[Hit]:
    patterns = ctx.options["patterns"]
    for path, label, label_en, text in _texts(ctx.facts, _MOVE_FIELDS, deviations=True):
        m = _find(text, patterns)
        if m is None:
            continue
        clause = _clause(text, m.start(), m.end())
        yield Hit(
            path,
            {"field": label, "field_en": label_en, "clause": clause},
            expected="项目支出在本项目预算内列支；跨项目、跨单位使用资金须有调整批复，并在执行数中如实反映",
            found=f"{label}：{clause}",
            expected_en=("a project's spending is paid from its own budget; money used across projects or "
                         "units needs an approved adjustment and shows truly in the executed amount"),
            found_en=f"{label_en}: {clause}",
        )
