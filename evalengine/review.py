"""Why a case needs review (``[project] review``): the reasons as data, worded per language.

The importer stores its reason as a code with its values (:class:`~evalengine.model.Review`),
never as words: each language's words are made here, from the templates of
:data:`~evalengine.i18n.LABELS` (``review.<code>``), when a report is written.  A reason a
person wrote in the case (``review = "…"``) is shown as written, in every language.
"""

from __future__ import annotations

from decimal import Decimal

from .i18n import Lang, text
from .model import Review

__all__ = ["CODES", "few_cells", "review_problem", "review_words"]

# Each reason the importer writes, with the values it carries (all of them required).
CODES: dict[str, tuple[str, ...]] = {
    # placed of the seen cells were placed into fields, below the share `below` (percent)
    # that rules/import.toml's review_below sets
    "few-cells": ("placed", "seen", "below"),
}
_WHOLE = ("placed", "seen")  # values that are counts


def few_cells(placed: int, seen: int, below: Decimal) -> Review:
    """The importer's reason for a form of which only ``placed`` of ``seen`` cells were
    placed, below the share ``below`` (a fraction: 0.5 is 50 %)."""
    percent = below * 100
    percent = percent.quantize(Decimal(1)) if percent == percent.to_integral_value() \
        else percent.normalize()
    return Review("few-cells", (("placed", Decimal(placed)), ("seen", Decimal(seen)),
                                ("below", percent)))


def review_problem(code: object, values: dict[str, object]) -> str | None:
    """What is wrong with a coded reason read from a case, or None when it can be worded."""
    if code not in CODES:
        return f"code: one of {', '.join(CODES)}"
    expected = CODES[str(code)]
    if sorted(values) != sorted(expected):
        return f"{code}: the values {', '.join(expected)}"
    for name, value in values.items():
        if not isinstance(value, Decimal) or not value.is_finite() or value < 0 or (
                name in _WHOLE and value != value.to_integral_value()):
            return f"{code}: {name} is a {'whole ' if name in _WHOLE else ''}number ≥ 0"
    return None


def review_words(review: Review, lang: Lang = "zh") -> str:
    """The reason in ``lang``: a code worded from its template, a person's text as written;
    "" when there is none."""
    if not review.code:
        return review.text.strip()
    values = {name: _shown(value) for name, value in review.values}
    return text(f"review.{review.code}", lang).format(**values)


def _shown(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
