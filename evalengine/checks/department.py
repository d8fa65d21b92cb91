"""Rules of the department family."""

from __future__ import annotations

__all__ = ["RULES"]

RULES = ()
