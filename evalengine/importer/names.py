"""Safe case file names from project names, and writing files atomically."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..target import resolve_target, write_bytes

__all__ = ["Namer", "safe_stem", "write_atomic"]

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}
_BAD = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\u2028\u2029\u200b-\u200f\u202a-\u202e\ufeff]')
MAX_BYTES = 120  # leaves room for "-NN.toml" inside the 255-byte limit of most file systems


def safe_stem(name: str, fallback: str = "form") -> str:
    """A file name stem: no separators, no ``..``, no control or reserved characters, no
    leading dot, not a reserved device name, at most :data:`MAX_BYTES` bytes of UTF-8."""
    s = unicodedata.normalize("NFC", name)
    s = _BAD.sub("-", s)
    s = re.sub(r"\s+", "-", s)
    s = re.sub(r"\.{2,}", "-", s)
    s = re.sub(r"-{2,}", "-", s)
    s = s.strip(" .-_[]")
    s = s.replace("[", "").replace("]", "")
    if len(s.encode("utf-8")) > MAX_BYTES:  # cut once, at a character boundary
        s = s.encode("utf-8")[:MAX_BYTES].decode("utf-8", errors="ignore")
    s = s.rstrip(" .-")
    if not s:
        s = fallback
    if s.split(".")[0].upper() in _RESERVED:
        s = "_" + s
    return s


class Namer:
    """Hands out distinct file names within one run: ``x.toml``, ``x-2.toml``, ``x-3.toml``."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def name(self, stem: str, suffix: str = ".toml") -> str:
        candidate = f"{stem}{suffix}"
        n = 2
        while candidate.casefold() in self.taken:
            candidate = f"{stem}-{n}{suffix}"
            n += 1
        self.taken.add(candidate.casefold())
        return candidate


def write_atomic(path: Path, data: bytes, *, force: bool,
                 reads: Iterable[str | Path] = ()) -> None:
    """Write ``data`` to ``path`` through :mod:`evalengine.target` (checked, then atomic).

    Without ``force`` an existing name is never replaced (``FileExistsError``, also when
    another process takes the name meanwhile); a refused target raises
    :class:`~evalengine.target.TargetError` (a ``ValueError``); ``reads`` are the run's inputs,
    never written over.
    """
    write_bytes(resolve_target(path, reads=reads, force=force), data)
