"""Reading one file in a child process under resource limits (``RLIMIT_AS``, ``RLIMIT_CPU``).

For a reader whose library cannot be bounded from outside (pdfminer inflates a content
stream whole, with no cap, and has no time limit): the child runs the reader and sends back
its result; a child that runs out of its memory or CPU time is killed, and the file is
refused by name (:class:`~.reader.Unreadable`) while the run goes on.  The child is forked,
so the libraries already imported cost nothing to start.  Where there is no ``fork``
(Windows) the reader runs in this process, its ``MemoryError`` still refused.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
from collections.abc import Callable
from typing import Any

__all__ = ["run_limited"]

MB = 1024 * 1024
_OUT_OF_MEMORY = 71  # the child's exit code when even reporting ran out of memory


def run_limited(fn: Callable[..., Any], *args: Any, memory_mb: int, cpu_seconds: int) -> Any:
    """``fn(*args)`` with at most ``memory_mb`` more address space than this process has
    now and ``cpu_seconds`` of CPU time; its :class:`~.reader.Unreadable` is raised here."""
    from .reader import Unreadable

    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        try:
            return fn(*args)
        except MemoryError:
            raise Unreadable("too-much-memory", detail=str(memory_mb)) from None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow os._exit)
        os.close(read_end)
        code = 0
        try:
            _limit(memory_mb, cpu_seconds)
            try:
                result: tuple[str, Any] = ("ok", fn(*args))
            except Unreadable as exc:
                result = ("unreadable", exc.note)
            except MemoryError:
                result = ("memory", None)
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            code = _OUT_OF_MEMORY
        except BaseException:  # noqa: BLE001 - anything else: the parent says the child failed
            code = 70
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(data) if data else ("", None)  # noqa: S301 - our own child's
    except Exception:  # noqa: BLE001 - cut off: the child was killed while writing it
        kind, value = "", None
    if kind:
        if kind == "ok":
            return value
        if kind == "unreadable":
            raise Unreadable(value.kind, value.text, detail=value.detail)
        raise Unreadable("too-much-memory", detail=str(memory_mb))
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        raise Unreadable("too-slow", detail=str(cpu_seconds))
    if (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL) or (
            os.WIFEXITED(status) and os.WEXITSTATUS(status) == _OUT_OF_MEMORY):
        # killed: the kernel's out-of-memory killer (SIGXCPU comes before the CPU hard limit)
        raise Unreadable("too-much-memory", detail=str(memory_mb))
    raise Unreadable("damaged", detail=f"reader exited with status {status}")


def _limit(memory_mb: int, cpu_seconds: int) -> None:  # pragma: no cover - in the child
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + memory_mb * MB
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY:
        wanted = min(wanted, soft)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    cpu_hard = cpu_seconds + 2 if hard == resource.RLIM_INFINITY else min(cpu_seconds + 2, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (min(cpu_seconds, cpu_hard), cpu_hard))


def _address_space() -> int:  # pragma: no cover - in the child
    """This process's virtual size (``VmSize``), 0 where ``/proc`` does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
