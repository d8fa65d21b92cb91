"""The pipeline: load each document, score it, check it, and stream the results.

:func:`evaluate` yields one item per document, in a stable order: case results as they
are scored, then department results (which compare a department's claims with the
project cases in its folder).  :func:`run` gathers them into a :class:`Report`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .baseline import Baseline
from .checks.base import ProjectDigest
from .checks.runner import Checker
from .limits import clip_document
from .loader import ConfigError, Loaded, LoadFailure, Problem, load_paths
from .model import Case, Department
from .profile import Profile, load_profile
from .provenance import not_verified
from .report import CaseResult, DepartmentResult, Report, Result, SummaryBuilder
from .scoring import score_case
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["Engine", "Folders", "folder_of", "internal_failure", "run"]


def internal_failure(location: str, exc: BaseException) -> LoadFailure:
    """A document the engine itself failed on (a bug, not the document's fault): reported
    as that document's failure so the run goes on and the exit code says so."""
    return LoadFailure(location, (Problem("$", "internal-error", f"{type(exc).__name__}: {exc}"),))


_LINE = re.compile(r":\d+$")


def folder_of(location: str) -> str:
    """The folder a document is in (a JSONL location is ``file:line``): department checks
    compare a department file with the project cases of its folder."""
    return os.path.dirname(_LINE.sub("", location)) or "."


_folder = folder_of


@attrs.define
class Folders:
    """What department checks need from the rest of the run: each folder's project digests,
    and the department documents waiting for them (checked once every case is scored).

    Filled document by document; folders filled apart (a chunk of files each, in parallel)
    :meth:`merge` into the same content as one filled in order.
    """

    digests: dict[str, list[ProjectDigest]] = attrs.Factory(dict)
    departments: list[tuple[str, Department]] = attrs.Factory(list)

    def add_case(self, location: str, case: Case) -> None:
        self.digests.setdefault(_folder(location), []).append(ProjectDigest.of(location, case))

    def merge(self, other: Folders) -> None:
        for folder, digests in other.digests.items():
            self.digests.setdefault(folder, []).extend(digests)
        self.departments.extend(other.departments)


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

    def score(self, location: str, case: Case) -> CaseResult | LoadFailure:
        """Score and check one case; an unexpected exception becomes this case's failure
        (``internal-error``) rather than the end of the run."""
        profile_id = self.profile or case.project.profile
        try:
            profile = load_profile(profile_id)
        except ConfigError as exc:
            path = "$.project.profile" if self.profile is None else "$"
            return LoadFailure(location, tuple(attrs.evolve(p, path=path) for p in exc.problems))
        try:
            score = score_case(case, profile, self.taxonomy)
            # the text rules read at most max_text_chars of each field (docs/limits.md)
            checks = self.checker.check_case(location, clip_document(case), score, profile,
                                             self.taxonomy)
            unverified = not_verified(case, checks.withheld)
            findings = checks.findings
            if self.baseline is not None:
                findings = self.baseline.new(case, findings)
        except Exception as exc:  # noqa: BLE001 - a bug must cost one case, not the run
            return internal_failure(location, exc)
        return CaseResult(location, case, score, findings, unverified)

    def evaluate(self, paths: Iterable[str | Path]) -> Iterator[Result | LoadFailure]:
        folders = Folders()
        for item in load_paths(paths):
            result = self.step(item, folders)
            if result is not None:
                yield result
        yield from self.finish(folders)

    def step(self, item: Loaded | LoadFailure, folders: Folders) -> CaseResult | LoadFailure | None:
        """Score one loaded document; a department waits in ``folders`` (None is returned)."""
        if isinstance(item, LoadFailure):
            return item
        document = item.document
        if isinstance(document, Department):
            folders.departments.append((item.location, document))
            return None
        try:
            folders.add_case(item.location, document)
        except Exception as exc:  # noqa: BLE001 - as in score(): one case's failure, not the run's
            return internal_failure(item.location, exc)
        return self.score(item.location, document)

    def finish(self, folders: Folders) -> Iterator[DepartmentResult | LoadFailure]:
        """The department results, in load order, each against the cases of its folder."""
        for location, department in folders.departments:
            yield self.check_department(location, department, folders)

    def check_department(self, location: str, department: Department,
                         folders: Folders) -> DepartmentResult | LoadFailure:
        """One department file against the project cases of its folder (all of them must
        be in ``folders`` by now)."""
        projects = folders.digests.get(_folder(location), [])
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
    for item in engine.evaluate(paths):
        builder.add(item)
        (failures if isinstance(item, LoadFailure) else results).append(item)
    return Report(tuple(results), tuple(failures), builder.build(engine.grade_order()))

