"""Safe case file names from project names, and writing files atomically."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

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


def _new_file_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Without ``force`` an existing file is never replaced: the finished temporary file is
    hard-linked into place, which fails if the name exists (``FileExistsError``), even if
    another process created it meanwhile; where hard links are not supported the name is
    first claimed with an exclusive create.  With ``force`` it is renamed over it.  The file
    gets the mode a new file would (the umask respected, not mkstemp's 0600), or with
    ``force`` the mode of the file it replaces.
    """
    folder = path.parent
    mode = _new_file_mode()
    if force:
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            pass
    fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system: claim the name, then fill it
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.replace(tmp, path)
            return
        os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
