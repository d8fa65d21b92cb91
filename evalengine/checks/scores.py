"""Rules of the scores family."""

from __future__ import annotations

__all__ = ["RULES"]

RULES = ()
