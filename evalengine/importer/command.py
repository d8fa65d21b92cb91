"""``evalengine import`` and ``evalengine export-form``: parse → build cases → write files.

The work is done by :func:`import_files` (data in, :class:`ImportRun` out); the command
functions only write the files and hand the run to :func:`render_import`, which prints it
with rich, in Chinese by default or in English.

Exit codes: 0 every form imported with nothing to report; 1 imported, with notes or
incomplete forms; 2 a usage or I/O error (a missing file, an unwritable folder, a file that
exists and ``--force`` was not given), a file that could not be read (the others are still
imported), or nothing importable at all.  ``--out`` is created only when there is a case
to write.  Without ``--out`` the cases are printed to standard output (one TOML document
each, separated by :data:`~evalengine.importer.tomlout.CASE_SEPARATOR`, which ``score -``
reads back) and the import report goes to standard error.  ``-`` reads one form file from
standard input (``pdftotext x.pdf - | evalengine import - --out cases``); its cases are named
``--name`` (``NAME.toml``, ``NAME-2.toml``), or from their project names as any file's are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

import attrs
from rich.console import Console
from rich.text import Text

from ..i18n import Lang, pick
from ..render.progress import Progress
from ..standin import shown_name
from ..target import TargetError, check_folder
from . import ImportedFile, ImportedForm, import_data, import_file
from .inputs import STDIN, STDIN_STEM, Input, form_inputs
from .limits import Limits, default_limits
from .names import Namer, safe_stem, write_atomic
from .readreport import report_lines
from .notes import Note, note_text
from .tomlout import CASE_SEPARATOR, dumps

__all__ = ["ImportRun", "WrittenForm", "import_files", "render_import", "run_export_form",
           "run_import"]

EXIT_OK, EXIT_NOTES, EXIT_ERROR = 0, 1, 2

WORDS: dict[str, tuple[str, str]] = {
    "file": ("文件", "file"),
    "forms": ("找到 {n} 张自评表", "{n} form(s) found"),
    "written": ("已写入", "written"),
    "exists": ("文件已存在，未覆盖（加 --force 可覆盖）", "exists, not overwritten (use --force)"),
    "write-error": ("写入失败：{detail}", "cannot write: {detail}"),
    "incomplete": ("不完整", "incomplete"),
    "indicators": ("指标 {n} 项", "{n} indicator(s)"),
    "summary": (
        "共写入 {written} 个案例文件（读了 {files} 个文件）；{incomplete} 张表不完整；{notes} 条说明；{failed} 个错误",
        "{written} case file(s) written (from {files} file(s)); {incomplete} incomplete; {notes} note(s); "
        "{failed} error(s)",
    ),
    "skipped": ("{path}：{n} 个文件不是自评表格式（.pdf .docx .xlsx .xls .ods .html .txt …），未读取",
                "{path}: {n} file(s) not in a form format (.pdf .docx .xlsx .xls .ods .html .txt …) "
                "were not read"),
    "unreadable-folder": ("{path}：无法读取文件夹：{detail}", "{path}: cannot read the folder: {detail}"),
    "out-in-scanned": ("案例写在了读取的文件夹 {folder} 之中：evalengine score {folder} 会把原表和这些案例各评一遍，"
                       "请对 {out} 单独评分",
                       "the cases were written inside the scanned folder {folder}: evalengine score "
                       "{folder} would score each form twice (the form and its case); score {out} alone"),
    "nothing-read": ("没有读到任何自评表，未创建 {out}", "no form was read; {out} was not created"),
    "nothing-printed": ("没有读到任何自评表", "no form was read"),
    "summary-printed": (
        "共输出 {written} 个案例（读了 {files} 个文件）；{incomplete} 张表不完整；{notes} 条说明；{failed} 个错误",
        "{written} case(s) printed (from {files} file(s)); {incomplete} incomplete; {notes} note(s); "
        "{failed} error(s)",
    ),
    "printed": ("（已输出到标准输出）", "(printed to standard output)"),
    "bad-profile": ("未知的评分规则 {profile}（可用：{available}）",
                    "unknown profile {profile} (available: {available})"),
    "bad-out": ("无法创建输出文件夹 {out}：{detail}", "cannot create the output folder {out}: {detail}"),
    "header": ("由 evalengine import 自 {file} 生成", "written by evalengine import from {file}"),
    "exported": ("已写出 {path}（{template} 表式，{n} 项指标）",
                 "wrote {path} ({template} template, {n} indicators)"),
    "not-a-case": ("{path} 不是项目案例文件", "{path} is not a project case file"),
    "name-without-stdin": ("--name 只用于从标准输入（-）读取的自评表", "--name names a form read from "
                           "standard input (-) only"),
}


def _w(key: str, lang: Lang, **kwargs: object) -> str:
    return pick(WORDS[key], lang).format(**kwargs)


@attrs.frozen
class WrittenForm:
    form: ImportedForm
    path: Path | None  # None: not written (or printed)
    status: str  # "written" | "printed" | "exists" | "write-error"
    detail: str = ""
    text: bytes = b""  # the case's TOML, when printed rather than written


@attrs.frozen
class ImportRun:
    files: tuple[tuple[ImportedFile, tuple[WrittenForm, ...]], ...]
    errors: tuple[str, ...] = ()  # usage errors, before any file was read
    remarks: tuple[tuple[str, bool], ...] = ()  # (text, is an error): files a folder walk skipped

    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        results = [w for _, ws in self.files for w in ws]
        if any(f.error for f, _ in self.files) or any(w.status not in ("written", "printed") for w in results):
            return EXIT_ERROR
        if any(error for _, error in self.remarks):
            return EXIT_ERROR
        if not results:
            return EXIT_ERROR
        if any(w.form.notes or w.form.incomplete for w in results) or any(
            n.kind not in ("encoding", "outside") for f, _ in self.files for n in f.notes
        ):
            return EXIT_NOTES
        return EXIT_OK


def _comments(form: ImportedForm, file: ImportedFile, lang: Lang) -> list[str]:
    lines = [_w("header", lang, file=file.path)]
    if file.encoding:
        lines.append(note_text(Note("encoding", detail=file.encoding), lang))
    if form.report is not None:
        lines.extend(report_lines(form.report, lang))
    lines.extend(note_text(n, lang) for n in form.notes)
    return lines


def import_files(files: Sequence[str], out: Path | None, *, force: bool, profile: str | None,
                 lang: Lang = "zh", limits: Limits | None = None,
                 progress: Progress | None = None, name: str | None = None,
                 stdin: BinaryIO | None = None) -> ImportRun:
    """Import every file (folders recursively; ``-``: ``stdin``, default standard input) and
    write one TOML case per form into ``out``, which is created when the first case is
    written; with ``out`` None, each case's TOML is kept in its :class:`WrittenForm`
    (``printed``) for the caller to print.  ``name``: the stem of the cases read from
    standard input."""
    if name is not None and STDIN not in files:
        return ImportRun((), (_w("name-without-stdin", lang),))
    if profile is not None:
        from ..profile import available_profiles

        available = available_profiles()
        if profile not in available:
            return ImportRun((), (_w("bad-profile", lang, profile=profile,
                                     available=", ".join(available)),))
    if out is not None and os.path.lexists(out) and not out.is_dir():
        return ImportRun((), (_w("bad-out", lang, out=out, detail="not a folder"),))
    scanned = [f for f in files if os.path.isdir(f)]
    inside = ""
    try:  # the cases are not forms, so import never reads them back; `score FOLDER` would
        if out is not None:
            check_folder(out, reads=scanned)
    except TargetError as exc:
        inside = exc.detail  # the scanned folder the cases go into
    limits = limits or default_limits()
    namer = Namer()
    results = []
    remarks: list[tuple[str, bool]] = []
    inputs = list(form_inputs(files))
    bar = progress or Progress()
    bar.start(sum(_size(i.path) for i in inputs))
    made = False
    for given in inputs:
        if given.path is None:
            if given.problem == "skipped":
                remarks.append((_w("skipped", lang, path=given.shown, n=given.skipped), False))
            elif given.problem.startswith("unreadable-folder:"):
                remarks.append((_w("unreadable-folder", lang, path=given.shown,
                                   detail=given.problem.partition(":")[2]), True))
            else:
                results.append((ImportedFile.failed(given.shown, "", Note(given.problem)), ()))
            continue
        if given.stdin:
            imported = _import_stdin(given, stdin, name, profile, limits)
        else:
            imported = import_file(given.path, shown=given.shown, profile=profile, limits=limits)
        bar.advance(_size(given.path), len(imported.forms))
        if out is None:
            results.append((imported, tuple(_printed(form, imported, lang)
                                            for form in imported.forms)))
            made = made or bool(imported.forms)
            continue
        if imported.forms and not made:
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                bar.close()
                return ImportRun(tuple(results), (_w("bad-out", lang, out=out, detail=exc),))
            made = True
        root = out.resolve()
        written = []
        for form in imported.forms:
            # a stand-in name gives the file name it has in Chinese (项目名称未见-x-第1张表)
            stem = name if given.stdin and name else shown_name(form.case.name)
            filename = namer.name(safe_stem(stem))
            path = out / filename
            if path.resolve().parent != root:  # pragma: no cover - safe_stem forbids it
                written.append(WrittenForm(form, None, "write-error", "unsafe name"))
                continue
            try:
                data = dumps(form.case, _comments(form, imported, lang)).encode("utf-8")
                write_atomic(path, data, force=force,
                             reads=[f for f in files if f not in scanned and f != STDIN])
            except FileExistsError:
                written.append(WrittenForm(form, path, "exists"))
            except TargetError as exc:
                written.append(WrittenForm(form, path, "write-error", exc.text(lang)))
            except (OSError, ValueError) as exc:
                written.append(WrittenForm(form, path, "write-error", str(exc)))
            else:
                written.append(WrittenForm(form, path, "written"))
        results.append((imported, tuple(written)))
    bar.close()
    if not made:
        remarks.append((_w("nothing-read", lang, out=out) if out is not None
                        else _w("nothing-printed", lang), False))
    elif inside:
        remarks.append((_w("out-in-scanned", lang, out=out, folder=inside), False))
    return ImportRun(tuple(results), remarks=tuple(remarks))


def _import_stdin(given: Input, stream: BinaryIO | None, name: str | None,
                  profile: str | None, limits: Limits) -> ImportedFile:
    """The form file piped in, read whole (at most the file size limit), imported as a file
    of that content is; its stem (in a placeholder project name) is ``name`` or "stdin"."""
    from .notes import Note

    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = stream.read(limits.max_file_bytes + 1)
    except OSError as exc:
        return ImportedFile.failed(given.shown, "", Note("os-error", detail=exc.strerror or str(exc)))
    if len(data) > limits.max_file_bytes:
        return ImportedFile.failed(given.shown, "", Note(
            "too-large", detail=f">{limits.max_file_mb}/{limits.max_file_mb}"))
    return import_data(data, shown=given.shown, stem=name or STDIN_STEM, profile=profile,
                       limits=limits)


def _printed(form: ImportedForm, imported: ImportedFile, lang: Lang) -> WrittenForm:
    try:
        return WrittenForm(form, None, "printed",
                           text=dumps(form.case, _comments(form, imported, lang)).encode("utf-8"))
    except ValueError as exc:
        return WrittenForm(form, None, "write-error", str(exc))


def write_printed(run: ImportRun, stream: object) -> None:
    """The printed cases of ``run`` to the binary ``stream``, separated so ``score -`` can
    read them back as separate cases."""
    texts = [w.text for _, ws in run.files for w in ws if w.status == "printed"]
    for index, text in enumerate(texts):
        if index:
            stream.write(b"\n" + CASE_SEPARATOR.encode("ascii") + b"\n")
        stream.write(text)
    stream.flush()


def _size(path: Path | None) -> int:
    if path is not None and str(path) == STDIN:
        return 0  # a pipe has no size to show progress against
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def render_import(run: ImportRun, console: Console, lang: Lang = "zh") -> None:
    for error in run.errors:
        console.print(Text(error, style="bold red"))
    n_written = n_incomplete = n_notes = n_failed = 0
    for imported, written in run.files:
        head = Text()
        head.append(imported.path, style="bold")
        if imported.kind:
            head.append(f" ({imported.kind}{', ' + imported.encoding if imported.encoding else ''})")
        if imported.problem is not None:
            head.append("  " + note_text(imported.problem, lang), style="red")
            n_failed += 1
        else:
            head.append("  " + _w("forms", lang, n=len(imported.forms)))
        console.print(head)
        for note in imported.notes:
            console.print(Text("  · " + note_text(note, lang), style="yellow"))
            n_notes += 1
        for result in written:
            case = result.form.case
            line = Text("  → ")
            if result.status == "written":
                n_written += 1
                line.append(str(result.path), style="green")
            elif result.status == "printed":
                n_written += 1
                line.append(_w("printed", lang), style="green")
            elif result.status == "exists":
                n_failed += 1
                line.append(f"{result.path}  {_w('exists', lang)}", style="red")
            else:
                n_failed += 1
                line.append(f"{result.path}  {_w('write-error', lang, detail=result.detail)}",
                            style="red")
            line.append(f"  {shown_name(case.name, lang)}  "
                        f"{_w('indicators', lang, n=len(case.indicators))}")
            if result.form.incomplete:
                n_incomplete += 1
                line.append(f"  [{_w('incomplete', lang)}]", style="yellow")
            console.print(line)
            for text in report_lines(result.form.report, lang) if result.form.report else ():
                console.print(Text("      " + text))
            for note in result.form.notes:
                n_notes += 1
                console.print(Text("      · " + note_text(note, lang)))
    for remark, error in run.remarks:
        console.print(Text(remark, style="red" if error else "yellow"))
    printed = any(w.status == "printed" for _, ws in run.files for w in ws)
    console.print(Text(_w("summary-printed" if printed else "summary", lang,
                          files=len(run.files), written=n_written,
                          incomplete=n_incomplete, notes=n_notes,
                          failed=n_failed + len(run.errors)), style="bold"))


def _console(stream: object = None) -> Console:
    from ..render.terminal import SafeConsole  # file names and form text are untrusted

    return SafeConsole(file=stream or sys.stdout, soft_wrap=True, highlight=False)


def run_import(files: list[str], out: Path | None, *, force: bool, profile: str | None,
               lang: Lang = "zh", max_file_mb: int | None = None, progress: bool = True,
               name: str | None = None) -> int:
    from ..render.progress import progress_for

    limits = default_limits()
    if max_file_mb is not None:
        limits = attrs.evolve(limits, max_file_mb=max_file_mb)
    run = import_files(files, out, force=force, profile=profile, lang=lang, limits=limits,
                       progress=progress_for(progress, "导入 importing"), name=name)
    if out is None:  # the cases are the output; the report goes beside it, to standard error
        write_printed(run, sys.stdout.buffer)
        render_import(run, _console(sys.stderr), lang)
    else:
        render_import(run, _console(), lang)
    return run.exit_code()


def run_export_form(case: Path, output: Path, *, template: str | None, force: bool,
                    lang: Lang = "zh") -> int:
    from ..i18n import problem_text
    from ..loader import LoadFailure, load_paths
    from ..model import Case
    from .export import form_workbook, template_for, workbook_bytes

    err = _console(sys.stderr)
    results = list(load_paths([case]))
    if not results:
        err.print(Text(_w("not-a-case", lang, path=case), style="red"))
        return EXIT_ERROR
    for result in results:
        if isinstance(result, LoadFailure):
            for problem in result.problems:
                err.print(Text(f"{result.location}: {problem.path}: "
                               f"{problem_text(problem.kind, problem.detail, lang)}",
                               style="red"))
            return EXIT_ERROR
    documents = [r.document for r in results]
    if not all(isinstance(d, Case) for d in documents):
        err.print(Text(_w("not-a-case", lang, path=case), style="red"))
        return EXIT_ERROR
    forms = [(d, template or template_for(d)) for d in documents]
    data = workbook_bytes(form_workbook([("自评表", forms)]))
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, data, force=force, reads=[case])
    except TargetError as exc:  # a folder, a device, the case itself, a name taken …
        err.print(Text(exc.text(lang), style="red"))
        return EXIT_ERROR
    except OSError as exc:
        err.print(Text(_w("write-error", lang, detail=exc), style="red"))
        return EXIT_ERROR
    n = sum(len(d.indicators) for d in documents)
    _console().print(Text(_w("exported", lang, path=output, template=forms[0][1], n=n)))
    return EXIT_OK
