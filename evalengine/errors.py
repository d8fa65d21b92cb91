"""What can go wrong, as values: a document's problems, a document not loaded, a bad rules
or settings file.

Bad input never raises out of a run: a document that cannot be loaded (or that the engine
itself failed on) is a :class:`LoadFailure` listing each :class:`Problem` with its key path,
and the run goes on.  A rules, profile or settings file that is not what the engine expects
raises :class:`ConfigError` naming the file and key: it is never silently ignored.
"""

from __future__ import annotations

import attrs

__all__ = ["ConfigError", "LoadError", "LoadFailure", "Problem", "internal_failure"]


@attrs.frozen
class Problem:
    """One thing wrong with an input document, at a key path such as ``$.funds.budget``.

    ``kind`` is a stable slug (see :data:`evalengine.i18n.PROBLEMS`) that renderers turn
    into Chinese or English; ``detail`` is the offending value or the parser's own words.
    """

    path: str
    kind: str
    detail: str = ""


@attrs.frozen
class LoadFailure:
    """A document that could not be loaded; ``location`` is the file, with ``:line`` for JSONL."""

    location: str
    problems: tuple[Problem, ...]


def internal_failure(location: str, exc: BaseException) -> LoadFailure:
    """A document the engine itself failed on (a bug, not the document's fault): reported
    as that document's failure so the run goes on and the exit code says so."""
    return LoadFailure(location, (Problem("$", "internal-error", f"{type(exc).__name__}: {exc}"),))


class ConfigError(Exception):
    """A rules or settings file that is not what the engine expects: never silently ignored."""

    def __init__(self, location: str, problems: tuple[Problem, ...]):
        self.location = location
        self.problems = problems
        lines = "; ".join(f"{p.path}: {p.kind} {p.detail}".rstrip() for p in problems)
        super().__init__(f"{location}: {lines}")


class LoadError(ValueError):
    """A document that could not be loaded (:func:`evalengine.load_case`);
    ``failure.problems`` has each key path."""

    def __init__(self, failure: LoadFailure):
        self.failure = failure
        super().__init__("; ".join(f"{failure.location}: {p.path}: {p.kind} {p.detail}".rstrip()
                                   for p in failure.problems))
