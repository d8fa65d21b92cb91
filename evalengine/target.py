"""Where a command may write: one check every writer goes through (``score -o``,
``export-form -o``, ``import --out``, and any writer added later).

:func:`resolve_target` decides, before any work is done, whether a name is a safe place to
write, and raises :class:`TargetError` (a slug and its Chinese/English words) if not:

* ``-`` is standard output;
* a folder is refused (name a file), as is a name whose folder is missing or not writable;
* a symbolic link is followed only if it belongs to the user running the command (or to
  root: ``/dev/stdout``); a link planted by someone else is refused, never written through;
* a character device or a FIFO (``/dev/null``, ``>(cmd)``) is written in place, never
  replaced by a regular file; a block device, a socket or anything else is refused;
* an existing file the user may not write (mode 0444, or another user's file in a sticky
  folder such as ``/tmp``) is refused, although renaming over it would succeed;
* a file the run reads (``score DIR -o DIR/01.toml``, or ``-o01.toml`` parsed from a glob) is
  refused, and so is a file inside a folder the run scans whose name discovery reads (a case,
  ``*.toml`` / ``*.jsonl``, or a form, ``*.xlsx`` / ``*.html`` …): the next run would read
  the report back as an input; so is a case-named file (``*.toml``, ``*.jsonl``) beside a
  case file the run reads (``score *.toml`` is a scan of the folder by the shell).

:func:`open_target` then writes a regular file atomically (a new temporary file in the same
folder, flushed, renamed into place; removed on any error or signal), so a reader sees the
old file or the new one, and nothing but the target name is ever touched.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .i18n import Lang, pick

__all__ = ["Target", "TargetError", "TargetExists", "check_folder", "open_target",
           "resolve_target", "write_bytes"]

WORDS: dict[str, tuple[str, str]] = {
    "folder": ("{given}：这是一个文件夹，请给出文件名", "{given}: is a folder; name a file"),
    "folder-missing": ("{given}：所在文件夹不存在", "{given}: its folder does not exist"),
    "folder-not-writable": ("{given}：没有在其所在文件夹中写入的权限",
                            "{given}: its folder is not writable"),
    "foreign-link": ("{given}：是其他用户（uid {detail}）的符号链接，不会跟随写入",
                     "{given}: is a symbolic link owned by another user (uid {detail}); "
                     "not written through"),
    "special-file": ("{given}：是{detail}，不会写入或替换", "{given}: is a {detail}; not written"),
    "read-only": ("{given}：文件不可写（只读），未替换", "{given}: the file is read-only; not replaced"),
    "not-yours": ("{given}：是其他用户的文件，所在文件夹不允许替换",
                  "{given}: another user's file in a sticky folder; it cannot be replaced"),
    "save-in-scanned-folder": (
        "{given}：位于要读取的文件夹 {detail} 中，保存的案例下次会与原表一起被读取；请换一个文件夹",
        "{given}: inside the scanned folder {detail}, the saved cases would be read next time "
        "beside their forms; choose another folder",
    ),
    "exists": ("{given} 已存在，未覆盖（加 --force 可覆盖）",
               "{given} exists, not overwritten (use --force)"),
    "is-input": ("{given}：是本次要读取的输入文件，不能作为输出（会覆盖它）",
                 "{given}: is an input of this run; writing there would replace it"),
    "in-scanned-folder": (
        "{given}：位于要读取的文件夹 {detail} 中，且扩展名是案例或自评表文件的，"
        "下次运行会被当作输入读回；请换一个文件夹或扩展名",
        "{given}: inside the scanned folder {detail}, with the extension of a case or form file, "
        "it would be read back as an input; write it elsewhere or under another extension",
    ),
    "beside-input": (
        "{given}：与输入文件 {detail} 在同一文件夹中，且扩展名是案例文件的（*.toml、*.jsonl），"
        "下次读取该文件夹时会被当作案例读回；请换一个文件夹或扩展名",
        "{given}: beside the input {detail}, with a case file's extension (*.toml, *.jsonl), "
        "it would be read back as a case when that folder is scored; write it elsewhere or "
        "under another extension",
    ),
}

_SPECIAL = {"block": ("块设备", "block device"), "socket": ("套接字", "socket"),
            "other": ("特殊文件", "special file")}


class TargetError(ValueError):
    """A target refused before anything is written: ``kind`` is a key of :data:`WORDS`."""

    def __init__(self, kind: str, given: str | Path, detail: str = ""):
        self.kind, self.given, self.detail = kind, str(given), detail
        super().__init__(self.text("en"))

    def text(self, lang: Lang = "zh") -> str:
        detail = pick(_SPECIAL[self.detail], lang) if self.kind == "special-file" else self.detail
        return pick(WORDS[self.kind], lang).format(given=self.given, detail=detail)


class TargetExists(TargetError, FileExistsError):
    """The name exists and replacing it was not asked for (``--force``)."""


@attrs.frozen
class Target:
    """A checked place to write.  ``path`` None is standard output; ``in_place`` a device or
    FIFO written as it is (never replaced)."""

    given: str
    path: Path | None
    in_place: bool = False
    force: bool = True


def _real(path: str | Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path != folder and folder in path.parents


def resolve_target(given: str | Path, *, reads: Iterable[str | Path] = (), force: bool = True,
                   ) -> Target:
    """Check ``given`` as a place to write (see the module text) and return it as a Target.

    ``reads`` are the paths the run reads (files and folders as the user named them); ``force``
    False refuses an existing file (:class:`TargetExists`).
    """
    shown = str(given)
    if shown == "-":
        return Target(shown, None)
    path = Path(given)
    try:
        link = path.lstat()
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise TargetError("folder-missing", shown) from exc
    if link is not None and stat.S_ISLNK(link.st_mode):
        _check_link_owners(path, shown)
    if link is not None and not force and not stat.S_ISCHR(link.st_mode) \
            and not stat.S_ISFIFO(link.st_mode):
        raise TargetExists("exists", shown)  # a name that is taken, even by a dangling link
    real = _real(path)
    try:
        # the name as the kernel resolves it: /dev/stdout → a pipe is a FIFO, even though
        # its "real path" (/proc/self/fd/pipe:[…]) is no file at all
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a link loop, a folder on the way we may not search
        raise TargetError("folder-missing", shown) from exc
    _check_reads(shown, real, reads)
    in_place = False
    if info is not None:
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise TargetError("folder", shown)
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            in_place = True
        elif stat.S_ISBLK(mode):
            raise TargetError("special-file", shown, "block")
        elif stat.S_ISSOCK(mode):
            raise TargetError("special-file", shown, "socket")
        elif not stat.S_ISREG(mode):
            raise TargetError("special-file", shown, "other")
        if not in_place and not force:
            raise TargetExists("exists", shown)
        if not os.access(path, os.W_OK) or (not in_place and not mode & 0o222):
            # 0444 says "do not change" even to root (who may write anything)
            raise TargetError("read-only", shown)
    if in_place:
        return Target(shown, path, in_place=True, force=force)
    folder = real.parent
    if not folder.is_dir():
        raise TargetError("folder-missing", shown)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise TargetError("folder-not-writable", shown)
    if info is not None and os.geteuid() != 0:
        parent = folder.stat()
        if parent.st_mode & stat.S_ISVTX and os.geteuid() not in (info.st_uid, parent.st_uid):
            raise TargetError("not-yours", shown)
    return Target(shown, real, force=force)


def _check_link_owners(path: Path, shown: str) -> None:
    """Refuse a name whose chain of links has one owned by another user anywhere along it
    (your own ``~/report.json`` → a shared folder's name, replaced by a planted link)."""
    for _hop in range(40):  # the kernel's own limit; a loop is refused later by os.stat
        try:
            info = os.lstat(path)
        except OSError:
            return
        if not stat.S_ISLNK(info.st_mode):
            return
        if info.st_uid not in (os.geteuid(), 0):
            raise TargetError("foreign-link", shown, str(info.st_uid))
        path = Path(os.path.realpath(path.parent)) / os.readlink(path)


def check_folder(given: str | Path, *, reads: Iterable[str | Path] = ()) -> None:
    """Refuse a folder to write case files into that is, or is inside, a folder the run
    scans (``--save-cases``): the next run would read the saved cases beside their forms."""
    real = _real(given)
    for read in reads:
        source = _real(read)
        if source == real or _inside(real, source):
            raise TargetError("save-in-scanned-folder", str(given), str(read))


def _check_reads(shown: str, real: Path, reads: Iterable[str | Path]) -> None:
    from .loader import is_case_file, would_read  # what discovery reads: cases and forms

    case_named = would_read(real.name)
    for read in reads:
        source = _real(read)
        if source == real:
            raise TargetError("is-input", shown)
        if case_named and _inside(real, source):
            raise TargetError("in-scanned-folder", shown, str(read))
        # `score *.toml` is a scan of the folder by the shell: a report named like a case
        # beside the cases read (a glob's "-o01.toml" writes 01.toml) is read back next run
        if is_case_file(real.name) and is_case_file(source) and real.parent == source.parent \
                and not source.is_dir():
            raise TargetError("beside-input", shown, str(read))


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _text(stream: IO[bytes], binary: bool) -> IO[Any]:
    if binary:
        return stream
    import io

    return io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=False)


@contextlib.contextmanager
def open_target(target: Target, binary: bool = False) -> Iterator[IO[Any]]:
    """A stream writing to ``target``: stdout, the device or FIFO as it is, or a regular file
    replaced atomically when the block ends without an error (see the module text)."""
    if target.path is None:
        sys.stdout.flush()
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
            sys.stdout.flush()
        return
    if target.in_place:
        # no O_CREAT, no O_TRUNC, and checked once open: only a device or a FIFO is written
        fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY)
        if not (stat.S_ISCHR(os.fstat(fd).st_mode) or stat.S_ISFIFO(os.fstat(fd).st_mode)):
            os.close(fd)
            raise TargetError("special-file", target.given, "other")
        with _named(target), _text(os.fdopen(fd, "wb"), binary) as stream:
            yield stream
        return
    path = target.path
    try:
        mode = path.stat().st_mode & 0o7777 if target.force else _new_file_mode()
    except FileNotFoundError:
        mode = _new_file_mode()
    import tempfile  # a regular file only: standard output needs none

    held = _hold_stopping_signals()
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except BaseException:
        _release(held)
        raise
    try:
        _release(held)  # a signal that came meanwhile is raised here, where the file is removed
        with _named(target):
            os.fchmod(fd, mode)
            with _text(os.fdopen(fd, "wb"), binary) as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            if target.force:
                os.replace(temporary, path)  # replaces the name; never follows a link there
                return
            try:  # without --force: claim the name only if it is still free (another process…)
                os.link(temporary, path)
            except FileExistsError:
                raise TargetExists("exists", target.given) from None
            except OSError:  # no hard links on this file system: claim the name, then fill it
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
                os.replace(temporary, path)
                return
            os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


# the signals that stop a run: they raise where the program is (evalengine.boundary)
_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
                  if hasattr(signal, name))


def _hold_stopping_signals() -> tuple[dict[int, Any], list[int]] | None:
    """Hold back the signals that stop a run while a temporary file is made and handed to the
    block that removes it: one raised in between would leave the file behind.  Their handlers
    are swapped for one that only notes the signal (a mask would not do: the signal may come
    through another thread, and Python runs every handler in the main one)."""
    if threading.current_thread() is not threading.main_thread():
        return None  # no handler runs here; signal.signal is the main thread's only
    caught: list[int] = []
    previous: dict[int, Any] = {}
    for signum in _STOPPING:
        if signal.getsignal(signum) is not None:  # None: set outside Python, not ours to swap
            previous[signum] = signal.signal(signum, lambda n, _frame: caught.append(n))
    return previous, caught


def _release(held: tuple[dict[int, Any], list[int]] | None) -> None:
    """Put the handlers back, then act on a signal that came meanwhile as they would have."""
    if held is None:
        return
    previous, caught = held
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    if caught:
        handler = previous[caught[0]]
        if callable(handler):
            handler(caught[0], None)
        elif handler == signal.SIG_DFL:
            os.kill(os.getpid(), caught[0])


@contextlib.contextmanager
def _named(target: Target) -> Iterator[None]:
    """An OSError while writing (disk full, /dev/full, quota) names the target."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None and not isinstance(exc, TargetError):
            exc.filename = target.given
        raise


def write_bytes(target: Target, data: bytes) -> None:
    """Write ``data`` to ``target`` as :func:`open_target` does."""
    with open_target(target, binary=True) as stream:
        stream.write(data)
