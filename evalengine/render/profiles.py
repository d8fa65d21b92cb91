"""`evalengine profiles`: the scoring profiles shipped in rules/profiles/, as a table or JSON."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from ..i18n import Lang, text
from ..profile import Profile, available_profiles, load_profile
from ..taxonomy import load_taxonomy

__all__ = ["profiles_record", "render_profiles", "weights_text"]


def _n(value) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def weights_text(profile: Profile, lang: Lang) -> str:
    """The profile's split of its total, e.g. "预算执行 20 + 指标 80（按表内分配）"."""
    if profile.sections:
        as_printed = "按表" if lang == "zh" else "as printed"
        return " / ".join(f"{s.name} {_n(s.points) if s.points is not None else as_printed}"
                          for s in profile.sections)
    budget = "预算执行" if lang == "zh" else "budget"
    parts = [f"{budget} {_n(profile.budget.weight)}"]
    fixed = profile.indicators.level1
    if fixed:
        english = {c.name: c.name_en for c in load_taxonomy().level1} if lang == "en" else {}
        parts += [f"{english.get(name, name)} {_n(points)}" for name, points in fixed.items()]
    else:
        split = "指标 {}（按表内分配）" if lang == "zh" else "indicators {} (split as printed)"
        parts.append(split.format(_n(profile.indicators.total)))
    return " + ".join(parts)


def _record(profile: Profile, lang: Lang) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": profile.name if lang == "zh" else profile.name_en,
        "kind": profile.kind,
        "source": profile.source,
        "weights": weights_text(profile, lang),
        "budget_formula": profile.budget.formula,
        "rounding": {"places": profile.rounding.places, "mode": profile.rounding.mode},
        "grades": [{"grade": b.grade if lang == "zh" else b.grade_en, "min": _n(b.min)}
                   for b in profile.grades.bands],
        "layout": profile.layout if lang == "zh" else profile.layout_en,
    }


def profiles_record(lang: Lang) -> list[dict[str, Any]]:
    return [_record(load_profile(name), lang) for name in available_profiles()]


def render_profiles(console: Console, lang: Lang) -> None:
    table = Table(show_lines=True)
    for key in ("profile_id", "profile_name", "profile_weights", "profile_source"):
        table.add_column(text(key, lang), overflow="fold")
    for record in profiles_record(lang):
        table.add_row(record["id"], record["name"], record["weights"], record["source"])
    console.print(table)
