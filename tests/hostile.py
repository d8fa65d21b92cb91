"""Running the command line the way a hostile or clumsy user would: in a child process,
under resource limits (address space and CPU seconds), so a hang or a memory blow-up fails
the test by the kernel's limit, never by a timing assertion."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
CLEAN = (ROOT / "tests" / "fixtures" / "rules" / "base-case.toml").read_text(encoding="utf-8")
MEMORY = 1 << 30  # bytes of address space a run may use
CPU_SECONDS = 30  # CPU seconds a run may use (a killed run: SIGXCPU / SIGKILL)


@attrs.frozen
class Ran:
    code: int
    out: str
    err: str


def _limits(memory: int, cpu: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))

    return apply


def run_cli(*args: str | Path, cwd: str | Path | None = None, memory: int = MEMORY,
            cpu: int = CPU_SECONDS, env: dict[str, str] | None = None,
            stdin: int | None = subprocess.DEVNULL, wall: float = 120) -> Ran:
    """``evalengine ARGS`` in a child process under RLIMIT_AS / RLIMIT_CPU; ``wall`` only
    guards against a child blocked without using CPU (a FIFO), it is not a measurement."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "evalengine", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, env=environment, stdin=stdin,
                          preexec_fn=_limits(memory, cpu), timeout=wall)
    return Ran(done.returncode, done.stdout, done.stderr)


def killed_by_limit(ran: Ran) -> bool:
    return ran.code in (-signal.SIGXCPU, -signal.SIGKILL, -signal.SIGSEGV)
