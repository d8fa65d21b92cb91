"""Scoring many documents: in order, in chunks, in this process or in several.

The input is cut into *units* — runs of consecutive case files, and byte ranges of large
JSONL files (cut at line ends, each knowing its first line number) — of about
:data:`UNIT_BYTES`.  A unit is run through the engine's pipeline (:meth:`Engine.step`), and
each result is turned into its output piece by the ``encode`` the command hands over
(:class:`evalengine.render.pieces.Pieces`), where it was made: in this process with
``jobs=1``, in a worker process otherwise.  A unit's :class:`Batch` carries the pieces, a
partial :class:`~evalengine.report.SummaryBuilder` and the unit's
:class:`~evalengine.engine.Folders`.  This module only schedules: it scores nothing itself
and imports no renderer.

Batches are consumed in unit order whatever the number of processes, so the output is the
same byte for byte with ``--jobs 1`` and ``--jobs N``; at most a few units per process are in
flight, so memory stays flat however many documents there are.  Department documents are
checked in this process by the engine's deferral (:meth:`Folders.release`) as soon as the
last unit with documents of their folder is in; their pieces are written after the projects.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .baseline import entries as baseline_entries
from .boundary import processing
from .engine import Engine, Folders, collect_less, folder_of
from .errors import LoadFailure, Problem
from .limits import CaseTimeout, InputRefused, case_budget, configure, current, open_stream
from .loader import STDIN, discover, load_bytes, load_file, load_jsonl_range, read_stdin
from .report import CaseResult, DepartmentResult, Summary, SummaryBuilder

if TYPE_CHECKING:  # worker processes are started only with --jobs N: their modules then
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["Batch", "Item", "Scoring", "Unit", "plan", "resolve_jobs"]

UNIT_BYTES = 256 * 1024  # input per unit: ~50–100 ms of work
UNIT_FILES = 64  # case files per unit at most
AHEAD = 3  # units in flight per worker process

Item = tuple[str, Any, "dict[str, Any] | None"]  # (kind, encoded piece, failure record)
# a result → (its Item, the result as counted: an internal failure if it could not be encoded)
Encode = Callable[[Any], "tuple[Item, Any]"]


@attrs.frozen
class Unit:
    """Consecutive whole files, or the lines in bytes [start, end) of one JSONL file."""

    files: tuple[str, ...] = ()
    jsonl: tuple[str, int, int, int] | None = None  # (path, start, end, first line number)
    failure: LoadFailure | None = None  # a given path that does not exist
    stdin: bytes | None = None  # ``-``: standard input, read once here (workers cannot)
    size: int = 0
    folders: tuple[str, ...] = ()  # the folders its documents are in (see Scoring.run)


@attrs.define
class Batch:
    items: list[Item]
    summary: SummaryBuilder
    folders: Folders
    size: int
    documents: int
    baseline: list[dict[str, str]] = attrs.Factory(list)  # --write-baseline entries


def _jsonl_ranges(path: Path, size: int) -> Iterator[Unit]:
    """A large JSONL file cut at line ends into ranges of about UNIT_BYTES (a very long line
    is skipped over in pieces, never held: the loader reports it)."""
    start, line = 0, 1
    try:
        handle = open_stream(path)
    except (OSError, InputRefused):
        yield Unit(files=(str(path),), folders=(folder_of(str(path)),))  # the loader says why
        return
    with handle:
        while start < size:
            handle.seek(start)
            chunk = handle.read(UNIT_BYTES)
            if not chunk:
                break
            length, lines = len(chunk), chunk.count(b"\n")
            if start + length < size and not chunk.endswith(b"\n"):
                while True:  # finish the line the chunk ends in
                    rest = handle.readline(UNIT_BYTES)
                    length += len(rest)
                    if not rest or rest.endswith(b"\n"):
                        lines += bool(rest)
                        break
            end = start + length
            yield Unit(jsonl=(str(path), start, end, line), size=length,
                       folders=(folder_of(str(path)),))
            line += lines
            start = end


def plan(paths: Iterable[str | Path]) -> list[Unit]:
    """The units for ``paths``, in the order :func:`~evalengine.loader.load_paths` reads."""
    units: list[Unit] = []
    group: list[str] = []
    group_size = 0

    def flush() -> None:
        nonlocal group, group_size
        if group:
            folders = tuple(dict.fromkeys(folder_of(name) for name in group))
            units.append(Unit(files=tuple(group), size=group_size, folders=folders))
        group, group_size = [], 0

    for found in discover(paths):
        if isinstance(found, LoadFailure):
            flush()
            units.append(Unit(failure=found))
            continue
        if str(found) == STDIN:
            flush()
            data = read_stdin(current().max_input_bytes)
            if data is None:  # over the limit: not read further
                units.append(Unit(failure=LoadFailure("<stdin>", (Problem(
                    "$", "too-large", f"> {current().max_input_bytes}"),))))
                continue
            units.append(Unit(stdin=data, size=len(data), folders=(".",)))
            continue
        try:
            size = found.stat().st_size
        except OSError:
            size = 0  # the loader reports it as unreadable
        if found.suffix.lower() == ".jsonl" and size > UNIT_BYTES:
            flush()
            units.extend(_jsonl_ranges(found, size))
            continue
        group.append(str(found))
        group_size += size
        if group_size >= UNIT_BYTES or len(group) >= UNIT_FILES:
            flush()
    flush()
    return units


def _refuse_reading(units: list[Unit], output: Path) -> None:
    """The report's file must not be one the run reads (reached through a linked folder,
    say): refused before anything is written (TargetError)."""
    from .target import TargetError

    real = os.path.realpath(output)
    for unit in units:
        for name in (*unit.files, *((unit.jsonl[0],) if unit.jsonl else ())):
            if os.path.realpath(name) == real:
                raise TargetError("is-input", name)


def _load(unit: Unit) -> Iterator[Any]:
    if unit.failure is not None:
        yield unit.failure
    elif unit.stdin is not None:
        yield from load_bytes(unit.stdin)
    elif unit.jsonl is not None:
        yield from load_jsonl_range(*unit.jsonl)
    else:
        for name in unit.files:
            yield from load_file(name)


def score_unit(engine: Engine, encode: Encode, unit: Unit) -> Batch:
    folders, summary, items, entries = Folders(), SummaryBuilder(), [], []
    documents = 0
    for loaded in _load(unit):
        documents += 1
        result = budgeted(loaded.location, engine.step, loaded, folders)
        if result is None:  # a department: checked once its folder is complete
            continue
        items.append(_encoded(result, summary, encode))
        if engine.record_baseline:
            entries.extend(_baseline_of(result))
    return Batch(items, summary, folders, unit.size, documents, entries)


def _baseline_of(result: Any) -> list[dict[str, str]]:
    if isinstance(result, CaseResult):
        return baseline_entries(result.case, result.findings)
    if isinstance(result, DepartmentResult):
        return baseline_entries(result.department, result.findings)
    return []


def budgeted(location: str, step: Any, *args: Any) -> Any:
    """``step(*args)`` for the document at ``location``, within the time budget: over it,
    the document's ``over-time-budget`` failure (the run goes on)."""
    processing(location)
    try:
        with case_budget():
            return step(*args)
    except CaseTimeout:
        return LoadFailure(location, (Problem("$", "over-time-budget",
                                              f"{current().case_seconds:g}"),))


def lost_unit(unit: Unit, encode: Encode, why: str) -> Batch:
    """The batch of a unit whose worker process died twice: each of its files (or its
    JSONL lines) reported by name as ``worker-died``, so nothing disappears."""
    if unit.jsonl is not None:
        path, start, end, first = unit.jsonl
        names = [f"{path}:{first}"]  # the lines from here to the next unit's first line
    elif unit.failure is not None:
        names = [unit.failure.location]
    elif unit.stdin is not None:
        names = ["<stdin>"]
    else:
        names = list(unit.files)
    summary, items = SummaryBuilder(), []
    for name in names:
        failure = LoadFailure(name, (Problem("$", "worker-died", why),))
        items.append(_encoded(failure, summary, encode))
    return Batch(items, summary, Folders(), unit.size, len(names))


def _encoded(result: Any, summary: SummaryBuilder, encode: Encode) -> Item:
    """The output piece of one result, counted in ``summary`` (as the failure it became,
    if it could not be encoded)."""
    item, counted = encode(result)
    summary.add(counted)
    return item


# --- worker processes ------------------------------------------------------------------

_WORKER: tuple[Engine, Encode] | None = None


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to end this worker when the parent process dies (Linux), and check
    the parent did not die before the request was made."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(engine: Engine | None, factory: Any, encode: Encode,
                 parent: int | None = None, limits: Any = None) -> None:
    global _WORKER
    import signal

    for signum in (signal.SIGTERM, signal.SIGHUP):  # the parent's handlers are not ours
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the run
    if parent is not None:
        _die_with_parent(parent)
    if limits is not None:
        configure(limits)
    collect_less()  # as in Scoring.run: the worker does nothing else
    if engine is None:
        engine = factory()
    _WORKER = (engine, encode)


def _work(unit: Unit) -> Batch:
    assert _WORKER is not None
    engine, encode = _WORKER
    return score_unit(engine, encode, unit)


def resolve_jobs(jobs: int | None) -> int:
    """``--jobs``: 0 (or None) means one process per CPU."""
    if not jobs:
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else
                   os.cpu_count() or 1)
    return max(1, jobs)


class Scoring:
    """One run: iterate it for the encoded pieces in order; then ``summary`` is complete.

    ``encode`` turns a result into its output piece (picklable where worker processes are
    spawned); ``progress`` is told how far the run is (``start``/``advance``/``close``).
    ``factory`` (a picklable callable returning an Engine) is needed only where worker
    processes cannot be forked (they then build their own engine); with fork they inherit
    ``engine`` as it is.
    """

    def __init__(self, engine: Engine, encode: Encode, jobs: int = 1, progress: Any = None,
                 factory: Any = None, output: Path | None = None):
        self.engine = engine
        self.encode = encode
        self.jobs = max(1, jobs)
        self.progress = progress
        self.factory = factory
        self.output = output  # the report's file: never read back as an input
        self.summary: Summary | None = None
        self.baseline: list[dict[str, str]] = []  # every finding's entry, with record_baseline

    def run(self, paths: Iterable[str | Path]) -> Iterator[Item]:
        units = plan(paths)
        if self.output is not None:
            _refuse_reading(units, self.output)
        builder, folders = SummaryBuilder(), Folders()
        # A folder is complete once the last unit with documents of it is in (units come in
        # order); its departments are then checked, their pieces wait, small, to be written
        # after the projects.
        last_unit = {folder: index for index, unit in enumerate(units) for folder in unit.folders}
        done: list[tuple[int, Item]] = []  # (load order, piece) of each department

        def check(location: str, department: Any, projects: Any) -> Any:
            return budgeted(location, self.engine.check_department, location, department,
                            projects)

        if self.progress is not None:
            self.progress.start(sum(u.size for u in units))
        before = collect_less()
        try:
            for index, batch in enumerate(self._batches(units)):
                builder.merge(batch.summary)
                self.baseline.extend(batch.baseline)
                folders.merge(batch.folders)
                yield from batch.items
                complete = [f for f in units[index].folders if last_unit[f] == index]
                if complete:
                    done += [(order, self._item(result, builder))
                             for order, result in folders.release(check, complete)]
                if self.progress is not None:
                    self.progress.advance(batch.size, batch.documents)
        finally:
            gc.set_threshold(*before)
            if self.progress is not None:
                self.progress.close()
        # not expected: every folder completes
        done += [(order, self._item(result, builder)) for order, result in folders.release(check)]
        done.sort(key=lambda pair: pair[0])
        for _, item in done:
            yield item
        self.summary = builder.build(self.engine.grade_order())

    def _item(self, result: Any, builder: SummaryBuilder) -> Item:
        if self.engine.record_baseline:
            self.baseline.extend(_baseline_of(result))
        return _encoded(result, builder, self.encode)

    def _batches(self, units: list[Unit]) -> Iterator[Batch]:
        if self.jobs == 1 or len(units) < 2:
            for unit in units:
                yield score_unit(self.engine, self.encode, unit)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods:
            context = multiprocessing.get_context("fork")
            initargs = (self.engine, None, self.encode, os.getpid(), current())
        else:  # pragma: no cover - platforms without fork
            if self.factory is None:
                raise ValueError("worker processes need an engine factory on this platform")
            context = multiprocessing.get_context("spawn")
            initargs = (None, self.factory, self.encode, os.getpid(), current())
        workers = min(self.jobs, len(units))

        def new_pool() -> ProcessPoolExecutor:
            return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                       initargs=initargs)

        pool = new_pool()
        pending: deque[tuple[Unit, Future[Batch]]] = deque()
        queue = iter(units)
        finished = False
        try:
            for unit in queue:
                pending.append((unit, pool.submit(_work, unit)))
                if len(pending) >= workers * AHEAD:
                    break
            while pending:
                unit, future = pending[0]
                try:
                    batch = future.result()
                except BrokenProcessPool as exc:
                    # A worker died (killed, out of memory).  Which unit killed it cannot be
                    # told, so each unit in flight is scored again alone, in order: one that
                    # kills its worker again is reported by name, the others are scored.
                    why = str(exc) or type(exc).__name__
                    lost = [u for u, _ in pending]
                    pending.clear()
                    for unit in lost:
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = new_pool()
                        try:
                            yield pool.submit(_work, unit).result()
                        except BrokenProcessPool:
                            yield lost_unit(unit, self.encode, why)
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()
                    for unit in queue:
                        pending.append((unit, pool.submit(_work, unit)))
                        if len(pending) >= workers * AHEAD:
                            break
                    continue
                pending.popleft()
                unit = next(queue, None)
                if unit is not None:
                    pending.append((unit, pool.submit(_work, unit)))
                yield batch
            finished = True
        finally:
            for _, future in pending:
                future.cancel()
            if not finished:  # an error or a signal: do not wait for the work in flight
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.kill()
            pool.shutdown(wait=True, cancel_futures=True)
