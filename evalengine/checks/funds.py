"""Rules of the funds family."""

from __future__ import annotations

__all__ = ["RULES"]

RULES = ()
