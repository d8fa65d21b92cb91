"""Where the default ``rules/`` folder is: inside the wheel, or beside the source tree."""

from __future__ import annotations

from pathlib import Path

__all__ = ["rules_dir"]

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The shipped rules: ``evalengine/rules`` in a wheel, ``<repo>/rules`` in a source checkout."""
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent / "rules"):
        if (candidate / "profiles").is_dir():
            return candidate
    raise FileNotFoundError(f"evalengine's rules folder is missing (looked beside {_PACKAGE})")
