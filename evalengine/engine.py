"""The pipeline, one for the library and the command: load → facts → score → checks →
department checks.

:meth:`Engine.step` takes one loaded document: a case is scored and checked from its
:class:`~evalengine.facts.CaseFacts` (found once, handed to scoring and to every rule); a
department waits in :class:`Folders` for the cases of its folder, and :meth:`Folders.release`
checks it once they are all in.  :meth:`Engine.evaluate` yields one item per document in a
stable order: case results as they are scored, then department results in load order.
:mod:`evalengine.parallel` runs the same steps, unit by unit, in several processes; the
pipeline imports no renderer.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from .baseline import Baseline
from .checks.base import ProjectDigest
from .checks.runner import Checker
from .errors import ConfigError, LoadFailure, internal_failure
from .facts import CaseFacts, case_facts
from .limits import clip_document
from .loader import Loaded, load_paths
from .model import Case, Department
from .profile import Profile, load_profile
from .provenance import not_verified
from .report import CaseResult, DepartmentResult, Report, Result, SummaryBuilder
from .scoring import score_case
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["Engine", "Folders", "folder_of", "run"]

_LINE = re.compile(r":\d+$")

# A case leaves ~500 GC-tracked objects behind (its findings' typed evidence: quotes,
# phrases, their parameter tuples) and allocates thousands more that reference counting
# frees.  At CPython's default young-generation threshold of 700 the collector ran about once
# per case and re-scanned what was just made: a fifth of api.score's CPU on 600 generated
# cases when every result is kept (run(), api.score), ~0.06 ms a case in the command's
# streaming loop.  At 10,000 it runs a fourteenth as often.  run() and the command's loop
# (parallel) raise it while they run; a worker process for good.
GC_YOUNG = 10_000


def collect_less() -> tuple[int, ...]:
    """Raise the young-generation threshold to :data:`GC_YOUNG` (not if the caller turned
    the collector's thresholds off with 0); the thresholds before, to restore."""
    before = gc.get_threshold()
    if 0 < before[0] < GC_YOUNG:
        gc.set_threshold(GC_YOUNG, *before[1:])
    return before


def folder_of(location: str) -> str:
    """The folder a document is in (a JSONL location is ``file:line``): department checks
    compare a department file with the project cases of its folder."""
    return os.path.dirname(_LINE.sub("", location)) or "."


Check = Callable[[str, Department, list[ProjectDigest]], "DepartmentResult | LoadFailure"]


@attrs.define
class Folders:
    """The department deferral, the one place it is done: each folder's project digests,
    and the department documents waiting for them, each with its load order.

    Filled document by document (:meth:`Engine.step`); folders filled apart (a unit of files
    each, in worker processes) :meth:`merge` into the same content as one filled in order.
    :meth:`release` checks the departments of the folders whose cases are all in.
    """

    digests: dict[str, list[ProjectDigest]] = attrs.Factory(dict)
    waiting: list[tuple[int, str, Department]] = attrs.Factory(list)
    arrived: int = 0  # departments met so far: the next one's load order

    def add_case(self, location: str, case: Case, facts: CaseFacts) -> None:
        digest = ProjectDigest.of(location, case, facts)
        self.digests.setdefault(folder_of(location), []).append(digest)

    def add_department(self, location: str, department: Department) -> None:
        self.waiting.append((self.arrived, location, department))
        self.arrived += 1

    def merge(self, other: Folders) -> None:
        """Take in ``other``'s digests and departments, as if filled after this one's."""
        for folder, digests in other.digests.items():
            self.digests.setdefault(folder, []).extend(digests)
        for _, location, department in other.waiting:
            self.add_department(location, department)

    def release(self, check: Check, complete: Iterable[str] | None = None
                ) -> list[tuple[int, DepartmentResult | LoadFailure]]:
        """(load order, result) of each waiting department whose folder is ``complete``
        (every folder when None), ``check(location, department, projects)`` against the
        cases of its folder; the digests of those folders are dropped (memory holds the
        folders in progress, not every case)."""
        done = set(self.digests) if complete is None else set(complete)
        ready, still = [], []
        for order, location, department in self.waiting:
            folder = folder_of(location)
            if complete is None or folder in done:
                ready.append((order, check(location, department, self.digests.get(folder, []))))
            else:
                still.append((order, location, department))
        self.waiting = still
        for folder in done:
            self.digests.pop(folder, None)
        return ready


@attrs.frozen
class Engine:
    checker: Checker
    taxonomy: Taxonomy
    profile: str | None = None  # force this profile for every case
    baseline: Baseline | None = None  # report only findings not in it (--baseline)
    record_baseline: bool = False  # keep every finding's fingerprint (--write-baseline)

    @classmethod
    def build(cls, checker: Checker | None = None, profile: str | None = None,
              baseline: Baseline | None = None, record_baseline: bool = False) -> Engine:
        if profile is not None:
            load_profile(profile)  # fail early on a bad --profile
        return cls(checker or Checker.build(), load_taxonomy(), profile, baseline, record_baseline)

    def default_profile(self) -> Profile:
        return load_profile(self.profile or "central-2020")

    def score(self, location: str, case: Case, facts: CaseFacts | None = None
              ) -> CaseResult | LoadFailure:
        """Score and check one case from its facts (found here when not given); an
        unexpected exception becomes this case's failure (``internal-error``) rather than
        the end of the run."""
        profile_id = self.profile or case.project.profile
        try:
            profile = load_profile(profile_id)
        except ConfigError as exc:
            path = "$.project.profile" if self.profile is None else "$"
            return LoadFailure(location, tuple(attrs.evolve(p, path=path) for p in exc.problems))
        try:
            facts = facts if facts is not None else case_facts(case, self.taxonomy)
            score = score_case(case, profile, self.taxonomy, facts)
            # the text rules read at most max_text_chars of each field (docs/limits.md)
            shown = clip_document(case) if facts.clipped else case
            checks = self.checker.check_case(location, shown, score, profile, self.taxonomy,
                                             facts)
            unverified = not_verified(case, checks.withheld)
            findings = checks.findings
            if self.baseline is not None:
                findings = self.baseline.new(case, findings)
        except Exception as exc:  # noqa: BLE001 - a bug must cost one case, not the run
            return internal_failure(location, exc)
        return CaseResult(location, case, score, findings, unverified, facts.money)

    def evaluate(self, paths: Iterable[str | Path]) -> Iterator[Result | LoadFailure]:
        folders = Folders()
        for item in load_paths(paths):
            result = self.step(item, folders)
            if result is not None:
                yield result
        for _, result in folders.release(self.check_department):
            yield result

    def step(self, item: Loaded | LoadFailure, folders: Folders) -> CaseResult | LoadFailure | None:
        """Score one loaded document; a department waits in ``folders`` (None is returned)."""
        if isinstance(item, LoadFailure):
            return item
        document = item.document
        if isinstance(document, Department):
            folders.add_department(item.location, document)
            return None
        try:
            facts = case_facts(document, self.taxonomy)
            folders.add_case(item.location, document, facts)
        except Exception as exc:  # noqa: BLE001 - as in score(): one case's failure, not the run's
            return internal_failure(item.location, exc)
        return self.score(item.location, document, facts)

    def check_department(self, location: str, department: Department,
                         projects: Iterable[ProjectDigest]) -> DepartmentResult | LoadFailure:
        """One department file against the project cases of its folder."""
        try:
            findings = self.checker.check_department(location, clip_document(department),
                                                     projects)
            if self.baseline is not None:
                findings = self.baseline.new(department, findings)
        except Exception as exc:  # noqa: BLE001 - as in score()
            return internal_failure(location, exc)
        return DepartmentResult(location, department, findings)

    def grade_order(self) -> tuple[str, ...]:
        return tuple(b.grade for b in self.default_profile().grades.bands)


def run(paths: Iterable[str | Path], engine: Engine | None = None) -> Report:
    """Evaluate everything under ``paths`` and keep it all in one Report."""
    engine = engine or Engine.build()
    builder = SummaryBuilder()
    results: list[Result] = []
    failures: list[LoadFailure] = []
    before = collect_less()  # every result is kept: see GC_YOUNG
    try:
        for item in engine.evaluate(paths):
            builder.add(item)
            (failures if isinstance(item, LoadFailure) else results).append(item)
    finally:
        gc.set_threshold(*before)
    return Report(tuple(results), tuple(failures), builder.build(engine.grade_order()))
