"""Where a report goes: standard output, or ``-o FILE`` written atomically.

A named regular file (or a new one) is written as a temporary file in the same folder (a new name, created
exclusively, so no other file is ever touched), flushed to disk, then moved over the name
with :func:`os.replace`: a reader sees the old file or the new one, never half of one.  On
any error the temporary file is removed and the named file is left as it was.  The new file
gets the mode the named file had (or what the umask allows a new file).  A name that is not
a regular file — ``/dev/null``, a FIFO — is simply opened and written.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["open_output"]


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def open_output(target: str | Path | None, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream for the report: stdout when ``target`` is None, else an atomic file.

    Text streams are UTF-8 with no newline translation (formats write their own line ends).
    Raises IsADirectoryError / FileNotFoundError before anything is written when the target
    is a folder or its folder does not exist.
    """
    if target is None:
        if binary:
            sys.stdout.flush()
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
            sys.stdout.flush()
        return
    # A symbolic link is followed: the file it points to is the one replaced, the link stays.
    path = Path(os.path.realpath(target))
    if path.is_dir():
        raise IsADirectoryError(str(target))
    if path.exists() and not path.is_file():
        # /dev/null, a FIFO, a terminal: not a file to replace, so write to it as it is.
        with open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        return
    if not path.parent.is_dir():
        raise FileNotFoundError(str(path.parent))
    mode = _mode_for(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        if binary:
            stream: IO[Any] = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
