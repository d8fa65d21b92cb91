"""Decimal arithmetic for money and ratios, and the one rounding rule.

Every figure the engine reports passes through :func:`rounded`; nothing else in the
package calls ``quantize``.  Scores round to 2 places (framework.md §3, following the
``round(...,2)`` of the pmkpi implementation), half up as Chinese finance practice does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["ZERO", "HUNDRED", "rounded", "to_decimal", "ratio"]

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def rounded(value: Decimal, places: int = 2) -> Decimal:
    """Round half up to ``places`` decimals: the engine's single rounding rule."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_decimal(value: object) -> Decimal:
    """Turn an int, Decimal or numeric string into a Decimal; raise ValueError otherwise.

    Binary floats and booleans are refused: a float has already lost the cents.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(f"expected a decimal number, got {type(value).__name__} {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator, or None when the denominator is zero."""
    if denominator == 0:
        return None
    return numerator / denominator
