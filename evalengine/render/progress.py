"""A progress bar on stderr for long runs, and nothing at all when stderr is not a terminal.

The bar measures input bytes (known before scoring starts, for TOML and JSONL alike) and
shows the documents scored so far.  It appears only once a run has taken more than
:data:`DELAY` seconds, and is cleared when the run ends.
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["DELAY", "Progress", "progress_for"]

DELAY = 0.5  # seconds before the bar appears


class Progress:
    """No-op progress: what a pipe, a file or ``--no-progress`` gets."""

    def start(self, total: int) -> None:
        pass

    def advance(self, size: int, documents: int) -> None:
        pass

    def close(self) -> None:
        pass


class _Bar(Progress):
    def __init__(self, console: Any, label: str):
        self.console = console
        self.label = label
        self.bar: Any = None
        self.task: Any = None
        self.started = 0.0
        self.total = 0
        self.done = 0
        self.documents = 0

    def start(self, total: int) -> None:
        self.started = time.monotonic()
        self.total = max(total, 1)

    def advance(self, size: int, documents: int) -> None:
        self.done += size
        self.documents += documents
        if self.bar is None:
            if time.monotonic() - self.started < DELAY:
                return
            from rich.progress import (
                BarColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[documents]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=self.console, transient=True,
            )
            self.task = self.bar.add_task(self.label, total=self.total, documents="")
            self._update()
            self.bar.start()
        else:
            self._update()

    def _update(self) -> None:
        rate = self.documents / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, completed=self.done,
                        documents=f"{self.documents} ({rate:,.0f}/s)")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def progress_for(enabled: bool = True, label: str = "评分 scoring") -> Progress:
    """A bar on stderr if ``enabled`` and stderr is a terminal; otherwise a no-op."""
    if not enabled:
        return Progress()
    import os
    import sys

    try:
        terminal = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:  # a pipe or a file: not even FORCE_COLOR brings the bar
        return Progress()
    from rich.console import Console

    return _Bar(Console(stderr=True), label)
