"""Rules of the narrative family."""

from __future__ import annotations

__all__ = ["RULES"]

RULES = ()
