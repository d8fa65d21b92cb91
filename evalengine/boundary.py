"""The command line's one error boundary: every way a run can end becomes a message and an
exit code, never a traceback.

Exit codes (also in docs/limits.md):

* 0 — every input read and scored, nothing at or above the failing severity;
* 1 — findings at or above the failing severity (``--fail-on``);
* 2 — the user's or the system's problem: a usage error, an input that could not be read,
  an output that cannot be written (disk full, permission, a refused ``-o``), a signal
  (SIGINT, SIGTERM, SIGHUP), a closed standard output or one whose reader went away
  (``| head``, quietly);
* 3 — an internal error (a bug in evalengine): the message names the file being processed.
  A document the engine failed on is reported by name and the run goes on, then ends with 3.

A signal ends the run by raising :class:`Interrupted` where the program is, so every
``finally`` and ``except BaseException`` runs: temporary output files are removed.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import traceback
from collections.abc import Callable

from .i18n import Lang, pick

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "Interrupted", "guarded",
           "processing"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3

_current: list[str] = [""]  # the input being read or scored (for an internal error's message)


def processing(location: str) -> None:
    """Note the input now being processed (cheap: called once per file or document)."""
    _current[0] = location


class Interrupted(BaseException):
    """A signal asked the run to stop (a BaseException: ``except Exception`` lets it pass)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


class _Closed:
    """Standard output when the process was started with it closed (``>&-``)."""

    encoding = "utf-8"

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed", "<stdout>")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed", "<stdout>")

    @property
    def buffer(self) -> _Closed:
        return self


_WORDS: dict[str, tuple[str, str]] = {
    # (said for every command: a score run to standard output has no -o, and an import's
    # --out keeps the case files written before the signal, each whole)
    "signal": ("已中断（{name}）：没有留下写了一半的文件（正在写入的文件未改动），临时文件已删除",
               "interrupted ({name}): no file was left half-written (the one being written is "
               "as it was); temporary files removed"),
    "os-error": ("{file}：{what}", "{file}: {what}"),
    "internal": ("内部错误（请报告此问题，附上此信息）：处理 {file} 时 {error}",
                 "internal error (please report it with this message) while processing {file}: {error}"),
}
_ERRNO_ZH = {errno.ENOSPC: "磁盘已满", errno.EACCES: "没有权限", errno.EPERM: "没有权限",
             errno.EROFS: "只读文件系统", errno.EBADF: "标准输出已关闭", errno.EIO: "读写错误",
             errno.ENOENT: "文件或文件夹不存在", errno.EISDIR: "这是一个文件夹",
             errno.EDQUOT: "超出磁盘配额", errno.EFBIG: "文件过大"}


def _say(key: str, lang: Lang, **params: object) -> None:
    try:
        print(f"evalengine: {pick(_WORDS[key], lang).format(**params)}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # stderr closed too: the exit code says it
        pass


def os_error_text(exc: OSError, lang: Lang) -> tuple[str, str]:
    """(file, what went wrong) for an OSError, the reason in the run's language."""
    name = exc.filename if exc.filename is not None else "<output>"
    what = exc.strerror or str(exc)
    if lang != "en" and exc.errno in _ERRNO_ZH:
        what = f"{_ERRNO_ZH[exc.errno]}（{what}）"
    return str(name), what


def guarded(run: Callable[[], int], lang: Lang) -> int:
    """Run ``run`` (a command) inside the boundary; return the exit code (see the module)."""
    if sys.stdout is None:
        sys.stdout = _Closed()  # type: ignore[assignment]
    previous = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            previous[signum] = signal.signal(signum, _raise)
        except (ValueError, OSError):  # not the main thread (a library caller)
            pass
    try:
        return run()
    except (KeyboardInterrupt, Interrupted) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        _say("signal", lang, name=signal.Signals(signum).name)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep the interpreter's final
        # flush of stdout from failing again.  Not 0: the report was not all written, and
        # under `set -o pipefail` a 0 would hide the findings.
        _silence_stdout()
        return EXIT_ERROR
    except OSError as exc:  # disk full, /dev/full, permission, closed stdout …
        _silence_stdout()
        file, what = os_error_text(exc, lang)
        _say("os-error", lang, file=file, what=what)
        return EXIT_ERROR
    except MemoryError:
        _say("internal", lang, file=_current[0] or "-", error="MemoryError")
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the boundary: a bug becomes exit 3, not a traceback
        _say("internal", lang, file=_current[0] or "-", error=f"{type(exc).__name__}: {exc}")
        if os.environ.get("EVALENGINE_DEBUG"):
            traceback.print_exc()
        return EXIT_INTERNAL
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _silence_stdout() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = _Closed()  # type: ignore[assignment]
