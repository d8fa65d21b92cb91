"""One report, many formats.

A run streams three kinds of plain-data record (:mod:`evalengine.render.data`): ``project``
(one case), ``failure`` (a document that could not be loaded) and ``department``, then a
:class:`~evalengine.report.Summary`.  Every format is a module with two parts:

* ``encode(kind, record, options)`` turns one record into what the format writes for it (a
  line of JSONL, a CSV row, an HTML card …).  It is a pure function of plain data, so it runs
  wherever the record was made — in a worker process under ``--jobs``;
* ``Writer(out, options, info)`` receives the encoded pieces in order with ``add(kind,
  payload)`` and writes them; ``finish(summary)`` completes the output.  Writers of the
  streaming formats (jsonl, csv, json) write each piece as it comes; the others keep pieces
  in a :class:`Spool` (memory, then a temporary file) so that the summary can come first.

:func:`render_report` puts a whole :class:`~evalengine.report.Report` through a format.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import IO, Any, Protocol

import attrs

from ..i18n import Lang

__all__ = ["FORMATS", "Collecting", "Format", "Options", "RunInfo", "Spool", "Writer", "get_format", "render_report",
           "run_info"]

FORMATS: dict[str, str] = {
    "human": "human",
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "markdown": "markdown",
    "xlsx": "xlsx",
    "html": "html",
    "docx": "word",
    "scoresheet": "scoresheet",
}
BINARY = frozenset({"xlsx", "docx", "scoresheet"})


@attrs.frozen
class Options:
    """What shapes the records and their encoding; travels to worker processes."""

    lang: Lang = "zh"
    detail: bool = False  # human: each project's indicator table
    statistics: bool = False  # human: findings per rule, in place of the listing
    summary_only: bool = False  # human: the tables and counts, no findings listing
    quiet: bool = False  # human: one line of counts
    csv_table: str = "projects"  # csv: "projects" (a row per project) or "findings"
    org: str = ""  # docx: 评价机构 on the cover
    date: str = ""  # docx: the report's date ("" = today)
    title: str = ""  # docx: the report's title ("" = the default)
    basis: str = ""  # docx: 评价依据 added to the profile's 文号


@attrs.frozen
class RunInfo:
    """What a writer may print about the run itself (headers of markdown, html, xlsx)."""

    paths: Sequence[str] = ()
    rule_titles: Mapping[str, str] = attrs.Factory(dict)  # code → title, in the output language
    rule_families: Mapping[str, str] = attrs.Factory(dict)  # code → family (funds, scores …)
    version: str = ""


class Writer(Protocol):
    def add(self, kind: str, payload: Any) -> None: ...

    def finish(self, summary: Any) -> None: ...


@attrs.frozen
class Format:
    name: str
    binary: bool
    module: Any

    def encode(self, kind: str, record: Any, options: Options, result: Any = None) -> Any:
        """The piece for one record; a format that needs more than plain data (the
        scoresheet lays out the case itself) declares ``WANTS_RESULT`` and gets the result."""
        if getattr(self.module, "WANTS_RESULT", False):
            return self.module.encode(kind, record, options, result)
        return self.module.encode(kind, record, options)

    def writer(self, out: IO[Any], options: Options, info: RunInfo | None = None) -> Writer:
        return self.module.Writer(out, options, info or RunInfo())


def get_format(name: str) -> Format:
    """The format called ``name`` (its module is imported only now)."""
    module = importlib.import_module(f"{__package__}.{FORMATS[name]}")
    return Format(name, name in BINARY, module)


def run_info(catalogue: Any, lang: str, paths: Sequence[str] = (), version: str = "") -> RunInfo:
    """A run's RunInfo: the rules' titles (in ``lang``) and families from a checker's
    ``catalogue``, which the Word report needs to group and name the findings."""
    titles = {rule.code: (rule.title_en if lang == "en" else rule.title) or rule.title
              for rule, _, _ in catalogue}
    families = {rule.code: rule.family for rule, _, _ in catalogue}
    return RunInfo(paths=tuple(paths), rule_titles=titles, rule_families=families, version=version)


def render_report(report: Any, name: str, out: IO[Any], options: Options | None = None,
                  info: RunInfo | None = None) -> None:
    """Write a whole Report in format ``name`` to ``out`` (text, or binary for xlsx, docx and
    scoresheet).  Without ``info`` the built-in rules name and group the findings."""
    from .. import __version__
    from ..checks.runner import Checker
    from ..checks.settings import UserConfig
    from ..report import CaseResult, DepartmentResult
    from .data import record_of

    options = options or Options()
    if info is None:
        info = run_info(Checker.build(UserConfig()).catalogue, options.lang, version=__version__)
    fmt = get_format(name)
    writer = fmt.writer(out, options, info)
    # the order a run streams them: projects, load failures, then departments
    items = [*(r for r in report.results if isinstance(r, CaseResult)), *report.failures,
             *(r for r in report.results if isinstance(r, DepartmentResult))]
    for item in items:
        kind, record = record_of(item, options.lang)
        writer.add(kind, fmt.encode(kind, record, options, item))
    writer.finish(report.summary)


class Collecting:
    """The records of a run kept by kind, for writers that lay out the whole run at once."""

    def __init__(self) -> None:
        self.projects: list[Any] = []  # the records (or what the format keeps of them)
        self.departments: list[Any] = []
        self.failures: list[Any] = []

    def add(self, kind: str, payload: Any) -> None:
        {"project": self.projects, "department": self.departments,
         "failure": self.failures}[kind].append(payload)


class Spool:
    """Text kept in memory up to ``limit`` characters, then in an anonymous temporary file.
    The file is made at the first write: most spools of a run (the json format's departments
    and failures) are never written, and a signal that stops the run while one was being
    made left a half-made temporary file object complaining on stderr."""

    def __init__(self, limit: int = 4 << 20):
        self._limit = limit
        self._file: Any = None
        self.count = 0

    def write(self, text: str) -> None:
        if self._file is None:
            import tempfile  # here: the streaming formats need no spool (tempfile imports ~15 ms)

            self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by close()
                max_size=self._limit, mode="w+", encoding="utf-8", newline="")
        self._file.write(text)
        self.count += 1

    def copy_to(self, out: IO[str]) -> None:
        if self._file is None:
            return
        self._file.flush()
        self._file.seek(0)
        import shutil

        shutil.copyfileobj(self._file, out, 1 << 20)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


class SpooledDocument:
    """A document laid out once the run is over (html, markdown): each project gives a row of
    the projects table and a card, spooled until ``finish``; departments and failures give a
    piece each (``payload[piece]``)."""

    piece = ""  # the payload key of a department's or failure's text

    def __init__(self, out: IO[str], options: Options, info: RunInfo):
        self.out = out
        self.options = options
        self.info = info
        self.rows, self.cards = Spool(), Spool()
        self.departments, self.failures = Spool(), Spool()

    def add(self, kind: str, payload: dict[str, str]) -> None:
        if kind == "project":
            number = self.rows.count + 1
            self.rows.write(self.project_row(number, payload))
            self.cards.write(self.project_card(number, payload))
        elif kind == "department":
            self.departments.write(payload[self.piece])
        else:
            self.failures.write(payload[self.piece])

    def project_row(self, number: int, payload: dict[str, str]) -> str:
        raise NotImplementedError

    def project_card(self, number: int, payload: dict[str, str]) -> str:
        raise NotImplementedError

