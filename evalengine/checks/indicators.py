"""Rules of the indicators family."""

from __future__ import annotations

__all__ = ["RULES"]

RULES = ()
