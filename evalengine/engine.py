"""The pipeline: load each document, score it, check it, and stream the results.

:func:`evaluate` yields one item per document, in a stable order: case results as they
are scored, then department results (which compare a department's claims with the
project cases in its folder).  :func:`run` gathers them into a :class:`Report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from .checks.base import ProjectDigest
from .checks.runner import Checker
from .loader import ConfigError, LoadFailure, Loaded, load_paths
from .model import Case, Department
from .profile import Profile, load_profile
from .report import CaseResult, DepartmentResult, Report, Result, SummaryBuilder
from .scoring import score_case
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["Engine", "run"]


def _folder(location: str) -> str:
    """The folder a document is in (a JSONL location is ``file:line``)."""
    return str(Path(re.sub(r":\d+$", "", location)).parent)


@attrs.frozen
class Engine:
    checker: Checker
    taxonomy: Taxonomy
    profile: str | None = None  # force this profile for every case

    @classmethod
    def build(cls, checker: Checker | None = None, profile: str | None = None) -> Engine:
        if profile is not None:
            load_profile(profile)  # fail early on a bad --profile
        return cls(checker or Checker.build(), load_taxonomy(), profile)

    def default_profile(self) -> Profile:
        return load_profile(self.profile or "central-2020")

    def score(self, location: str, case: Case) -> CaseResult | LoadFailure:
        profile_id = self.profile or case.project.profile
        try:
            profile = load_profile(profile_id)
        except ConfigError as exc:
            path = "$.project.profile" if self.profile is None else "$"
            return LoadFailure(location, tuple(attrs.evolve(p, path=path) for p in exc.problems))
        score = score_case(case, profile, self.taxonomy)
        findings = self.checker.check_case(location, case, score, profile, self.taxonomy)
        return CaseResult(location, case, score, findings)

    def evaluate(self, paths: Iterable[str | Path]) -> Iterator[Result | LoadFailure]:
        departments: list[tuple[str, Department]] = []
        digests: dict[str, list[ProjectDigest]] = {}
        for item in load_paths(paths):
            if isinstance(item, LoadFailure):
                yield item
            elif isinstance(item.document, Department):
                departments.append((item.location, item.document))
            else:
                yield from self._case(item, digests)
        for location, department in departments:
            projects = digests.get(_folder(location), [])
            findings = self.checker.check_department(location, department, projects)
            yield DepartmentResult(location, department, findings)

    def _case(self, item: Loaded, digests: dict[str, list[ProjectDigest]]) -> Iterator[Result | LoadFailure]:
        case = item.document
        assert isinstance(case, Case)
        funds = case.funds
        digests.setdefault(_folder(item.location), []).append(
            ProjectDigest(item.location, case.project.name, case.project.has_form,
                          funds.budget, funds.executed, funds.balance)
        )
        yield self.score(item.location, case)


def run(paths: Iterable[str | Path], engine: Engine | None = None) -> Report:
    """Evaluate everything under ``paths`` and keep it all in one Report."""
    engine = engine or Engine.build()
    builder = SummaryBuilder()
    results: list[Result] = []
    failures: list[LoadFailure] = []
    for item in engine.evaluate(paths):
        builder.add(item)
        (failures if isinstance(item, LoadFailure) else results).append(item)
    bands = tuple(b.grade for b in engine.default_profile().grades.bands)
    return Report(tuple(results), tuple(failures), builder.build(bands))

