"""The Python API (docs/api.md): what ``evalengine score`` and ``evalengine import`` do, as
functions returning typed, frozen records instead of printing.

* :func:`score` — every case under some paths, scored and checked: a
  :class:`~evalengine.report.Report` (``results`` of :class:`CaseResult` /
  :class:`DepartmentResult`, ``failures`` of :class:`LoadFailure`, ``summary``);
* :func:`load_case` — one case file as a :class:`~evalengine.model.Case` (or
  :class:`~evalengine.model.Department`), :class:`LoadError` listing every problem if not;
* :func:`import_forms` — published forms (xlsx, docx, pdf, text …) read into cases, nothing
  written: one :class:`~evalengine.importer.ImportedFile` per file.

Bad input never raises from :func:`score` (a document that cannot be loaded is in
``report.failures``); a bad configuration or profile raises
:class:`~evalengine.errors.ConfigError` naming the file and key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import LoadError, LoadFailure, Problem
from .loader import load_file
from .model import Case, Department
from .report import Report

__all__ = ["LoadError", "import_forms", "load_case", "score"]


def score(paths: str | Path | Iterable[str | Path], *, profile: str | None = None,
          config: str | Path | None = None, select: Sequence[str] = (),
          ignore: Sequence[str] = ()) -> Report:
    """Score and check every case under ``paths`` (files, or folders searched recursively).

    ``profile`` forces a scoring profile (``rules/profiles/<id>.toml``) on every case;
    ``config`` is a configuration file as ``--config`` takes (none is searched for: the API
    does only what it is told); ``select``/``ignore`` choose rules as on the command line.
    """
    import attrs

    from .checks.registry import BUILTIN_RULES
    from .checks.runner import Checker
    from .checks.settings import UserConfig, load_user_config
    from .engine import Engine, run

    if isinstance(paths, (str, Path)):
        paths = [paths]
    user = load_user_config(Path(config), BUILTIN_RULES) if config is not None else UserConfig()
    user = attrs.evolve(user, select=user.select + tuple(select), ignore=user.ignore + tuple(ignore))
    return run(list(paths), Engine.build(Checker.build(user), profile=profile))


def load_case(path: str | Path) -> Case | Department:
    """The one document in a case file (TOML, or a JSONL file of one line)."""
    documents = list(load_file(path))
    for item in documents:
        if isinstance(item, LoadFailure):
            raise LoadError(item)
    if len(documents) != 1:
        detail = f"{len(documents)} documents in the file: load_case reads one"
        raise LoadError(LoadFailure(str(path), (Problem("$", "invalid", detail),)))
    return documents[0].document


def import_forms(files: str | Path | Iterable[str | Path], *, profile: str | None = None) -> tuple:
    """Read published forms into cases without writing anything: one ImportedFile per file,
    with its ``forms`` (each an ImportedForm: ``case``, ``notes``) and ``error``."""
    from .importer import import_file

    if isinstance(files, (str, Path)):
        files = [files]
    return tuple(import_file(f, shown=str(f), profile=profile) for f in files)
