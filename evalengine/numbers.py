"""Decimal arithmetic for money and ratios, and the one rounding rule.

Every figure the engine reports passes through :func:`rounded`; nothing else in the
package calls ``quantize``.  Scores round to 2 places (framework.md §3, following the
``round(...,2)`` of the pmkpi implementation), half up as Chinese finance practice does.
A form's own rounding (a profile's ``[rounding]``: half up or truncated, to 2, 1 or 0
places, framework.md §9) goes through the same function with ``mode="truncate"`` or other
``places``; :func:`agrees` says whether a printed figure is an exact one rounded that way.

Numbers enter through :func:`to_decimal`, which is strict: a number written as text uses
ASCII or full-width digits (``１２．５`` is read as ``12.5``, common on Chinese forms), with
thousands separators only in well-formed groups of three (``1,234`` or ``1，234``); anything
else (``1,0,0``, ``1__0``, Arabic-Indic digits, ``NaN``) is refused, as is a magnitude no
form could hold (:data:`MAX_MAGNITUDE`), so that no later arithmetic can overflow the
decimal context.
"""

from __future__ import annotations

import re
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Literal

__all__ = [
    "HUNDRED", "MAX_MAGNITUDE", "MIN_MAGNITUDE", "WRITTEN_NUMBER", "ZERO", "NumberError", "RoundingMode",
    "agrees", "ratio", "read_number", "rounded", "to_decimal",
]

RoundingMode = Literal["half_up", "truncate"]
_MODES = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)

# Refused at the door: |x| ≥ 10^15, and non-zero |x| < 10^-15 (万元, percent or points alike:
# no form holds such a figure, and a ratio of two of them could overflow the context).
MAX_MAGNITUDE = Decimal(10) ** 15
MIN_MAGNITUDE = Decimal(10) ** -15


class NumberError(ValueError):
    """A value that is not an acceptable number; ``kind`` is a problem slug (see
    :data:`evalengine.i18n.PROBLEMS`): ``expected-number``, ``malformed-number``,
    ``not-finite`` or ``number-out-of-range``."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


_QUANTA: dict[int, Decimal] = {places: Decimal((0, (1,), -places)) for places in range(-2, 11)}


_CENTS = _QUANTA[2]


def _quantum(places: int) -> Decimal:
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = _QUANTA[places] = Decimal((0, (1,), -places))
    return quantum


def rounded(value: Decimal, places: int = 2, mode: RoundingMode = "half_up") -> Decimal:
    """Round half up (or, ``mode="truncate"``, toward zero) to ``places`` decimals: the
    engine's single rounding rule.

    Raises ValueError (never decimal.InvalidOperation) for NaN or an infinity.  A value too
    wide for the current context's precision is rounded exactly in a wider context.
    """
    if not value.is_finite():
        raise ValueError(f"cannot round a non-finite number: {value}")
    try:
        if places == 2 and mode == "half_up":  # every figure reported: the quantum at hand
            return value.quantize(_CENTS, ROUND_HALF_UP)  # (rounding positional: cheaper)
        return value.quantize(_quantum(places), _MODES[mode])
    except InvalidOperation:
        return _rounded_wide(value, _quantum(places), places, _MODES[mode])


def agrees(printed: Decimal, exact: Decimal, places: int, mode: RoundingMode, slack: Decimal = ZERO) -> bool:
    """Is ``printed`` the ``exact`` figure as a form rounding ``mode`` to ``places`` shows it?

    Also true when ``printed`` is within ``slack`` of ``exact`` (a rule's own tolerance), and
    when the form printed the exact figure to the engine's 2 places.  Off by more is not.
    """
    if abs(printed - exact) <= slack:
        return True
    return printed in (rounded(exact, places, mode), rounded(exact))


def _rounded_wide(value: Decimal, quantum: Decimal, places: int, how: str = ROUND_HALF_UP) -> Decimal:
    digits = max(value.adjusted(), 0) + places + 2
    if digits > MAX_PREC:
        raise ValueError(f"number too large to round to {places} places: {value}")
    context = Context(prec=max(digits, 28), rounding=how, Emax=MAX_EMAX, Emin=MIN_EMIN)
    try:
        return value.quantize(quantum, context=context)
    except InvalidOperation:  # pragma: no cover - exponents beyond any context
        raise ValueError(f"number too large to round to {places} places: {value}") from None


# Full-width digits, point, comma and signs, as Chinese forms print them.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")
_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"  # 1,234 or 1,234.5: groups of three
    r"|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?"  # 1234.5, 5., 1E+5 (as str(Decimal) writes)
    r"|\.[0-9]+(?:[eE][+-]?[0-9]+)?)"  # .5
)


#: A number as a form writes it: an optional sign, ASCII digits (in groups of three with
#: commas, or not) and an optional decimal fraction.  The one grammar of a written number:
#: :func:`read_number` reads it, and the readers of longer text (the value parser, the
#: importer's labels, the rules reading prose) embed it.
WRITTEN_NUMBER = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_WRITTEN_RE = re.compile(WRITTEN_NUMBER)


def read_number(text: str) -> Decimal | None:
    """``text``, a written number (full-width digits, point and comma read as ASCII), as an
    exact Decimal keeping its digits (``"49.780"`` → 49.780, ``"1,000"`` → 1000), or None for
    anything else (``"1,00"``, ``"5."``, ``"1E5"``, Arabic-Indic digits, words)."""
    cleaned = text if text.isascii() else text.translate(_FULL_WIDTH)
    if _WRITTEN_RE.fullmatch(cleaned) is None:
        return None
    return Decimal(cleaned.replace(",", ""))


def _parse(text: str) -> Decimal:
    cleaned = text.strip().translate(_FULL_WIDTH)
    written = read_number(cleaned)
    if written is not None:
        return written
    # what a program writes besides: 5., .5, 1E+5 (as str(Decimal) does)
    if not _NUMBER.fullmatch(cleaned):
        if cleaned.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
            raise NumberError("not-finite", f"not a finite number: {text!r}")
        kind = "malformed-number" if any(c.isdigit() for c in cleaned) else "expected-number"
        raise NumberError(kind, f"not a number: {text!r}")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # an exponent beyond what Decimal can hold
        raise NumberError("number-out-of-range", f"number out of range: {text!r}") from None


def to_decimal(value: object) -> Decimal:
    """Turn an int, Decimal or numeric string into a Decimal; raise :class:`NumberError`
    (a ValueError) otherwise.

    Binary floats and booleans are refused: a float has already lost the cents.  NaN, the
    infinities, magnitudes of :data:`MAX_MAGNITUDE` or more and non-zero magnitudes below
    :data:`MIN_MAGNITUDE` are refused.
    """
    if isinstance(value, (bool, float)):
        raise NumberError("expected-number",
                          f"expected a decimal number, got {type(value).__name__} {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) >= MAX_MAGNITUDE:  # before Decimal(): a huge int is slow to convert
            raise NumberError("number-out-of-range", f"number too large: {value}")
        result = Decimal(value)
    elif isinstance(value, str):
        result = _parse(value)
    else:
        raise NumberError("expected-number", f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise NumberError("not-finite", f"not a finite number: {value!r}")
    size = result.copy_abs()
    if size >= MAX_MAGNITUDE or (size and size < MIN_MAGNITUDE):
        raise NumberError("number-out-of-range", f"number out of range: {value!r}")
    return result


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator, or None when the denominator is zero."""
    if denominator == 0:
        return None
    return numerator / denominator
