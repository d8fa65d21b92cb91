"""Importing published self-assessment forms (项目支出绩效自评表) into cases.

``import_file`` reads one file of any supported type — PDF, Word (.docx, .doc through
LibreOffice), Excel (.xlsx, .xls), OpenDocument (.ods), web pages (.html, .mhtml) or text —
decided by its content (:mod:`.reader`, :mod:`.filetype`), turns it into sheets of cells
(:mod:`.sheets`), finds the forms
in them (:mod:`.recognise`) and builds one :class:`~evalengine.model.Case` per form
(:mod:`.build`).  Nothing is written here: :mod:`.command` writes the TOML files
(:mod:`.tomlout`), and :mod:`.export` writes a case back as an xlsx form.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from ..loader import display_path
from ..model import Case
from .build import build_case, placeholder_name, source_text
from .glued import glued_cells, glued_sheet, is_glued
from .limits import Limits
from .normalise import normalise_sheet, normalise_text
from .notes import Note, note_text
from .reader import Read, Unreadable, read_bytes, read_path
from .readreport import ReadReport, read_report
from .recognise import Draft, recognise
from .sheets import Sheet, read_text, text_sheet, words_sheet

__all__ = ["ImportedFile", "ImportedForm", "import_file", "import_sheets", "import_text"]


@attrs.frozen
class ImportedForm:
    case: Case
    notes: tuple[Note, ...]
    incomplete: tuple[str, ...]
    sheet: str
    index: int
    layout: str = ""  # the rules/layouts file recognised ("" = none matched)
    report: ReadReport | None = None  # what was read and what was not (issue 10 §5)


@attrs.frozen
class ImportedFile:
    path: str
    kind: str  # the file type's id (:mod:`.filetype`): "xlsx", "pdf", "text" …; "" if not read
    encoding: str = ""
    forms: tuple[ImportedForm, ...] = ()
    notes: tuple[Note, ...] = ()
    error: str = ""  # why nothing was read, in Chinese (``problem`` in any language)
    problem: Note | None = None

    @classmethod
    def failed(cls, shown: str, kind: str, problem: Note) -> ImportedFile:
        return cls(shown, kind, error=note_text(problem), problem=problem)


def import_sheets(
    sheets: list[Sheet], *, shown: str, stem: str, url: str = "", profile: str | None = None
) -> tuple[list[ImportedForm], list[Note]]:
    forms: list[ImportedForm] = []
    notes: list[Note] = []
    outside = 0
    found_forms: list[tuple[Sheet, tuple[Draft, ...]]] = []
    for sheet in sheets:
        notes.extend(sheet.notes)
        if sheet.mode == "grid":  # a workbook typed in Traditional characters, HTML entities
            sheet, changes = normalise_sheet(sheet)
            if changes:
                notes.append(Note("normalised", detail=",".join(changes)))
        found = recognise(sheet)
        outside += found.outside
        found_forms.append((sheet, _one_report(found.forms)))
    # a report read twice, from a run quoting it (glued) and from the text around its table:
    # one case, the one with the table
    tabled = {(d.project.get("name"), d.project.get("year")) for _, fs in found_forms for d in fs
              if d.has_table}
    for sheet, drafts in found_forms:
        for draft in drafts:
            if draft.from_prose and not draft.has_table and tabled and (
                    sheet.mode == "glued" or (draft.project.get("name"),
                                              draft.project.get("year")) in tabled):
                continue
            source = source_text(shown, sheet.name, draft.index, url, draft.incomplete)
            name = placeholder_name(stem, sheet.name, draft.index)
            case = build_case(draft, name=name, source=source, profile=profile)
            notes_here = list(draft.notes)
            if draft.incomplete:
                notes_here.insert(0, Note("incomplete", detail=",".join(draft.incomplete)))
            forms.append(ImportedForm(case, tuple(notes_here), tuple(draft.incomplete),
                                      sheet.name, draft.index, draft.layout,
                                      read_report(case, draft.placed, draft.seen)))
    if outside:
        notes.append(Note("outside", detail=str(outside)))
    if not forms:
        notes.append(Note("no-form"))
    return forms, notes


def _one_report(drafts: tuple[Draft, ...]) -> tuple[Draft, ...]:
    """A report read as two forms one after the other (its 项目名称 / 主管部门 labels, after the
    conclusion it opens with, taken for a new form's header): one case, the first, with the
    project's fields the second's labels give.  Two reports of one sheet differ in name or
    year; a form with a table of its own (not from prose) is never folded."""
    out: list[Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        name, year = draft.project.get("name"), draft.project.get("year")
        if last is not None and name and last.from_prose and draft.from_prose \
                and (last.project.get("name"), last.project.get("year")) == (name, year):
            for field, value in draft.project.items():
                last.project.setdefault(field, value)
            continue
        out.append(draft)
    return tuple(out)


def _imported(read: Read, kind: str, *, shown: str, stem: str,
              profile: str | None) -> ImportedFile:
    forms, notes = import_sheets(list(read.sheets), shown=shown, stem=stem, url=read.url,
                                 profile=profile)
    return ImportedFile(shown, kind, read.encoding, tuple(forms), (*read.notes, *notes))


def import_text(data: bytes, *, shown: str = "<text>", stem: str = "text",
                profile: str | None = None) -> ImportedFile:
    """Import bytes of any supported type (the name says text: it once was only that)."""
    return import_data(data, shown=shown, stem=stem, profile=profile)


def _text_sheets(data: bytes) -> tuple[tuple[Sheet, ...], tuple[Note, ...]]:
    """A text file's sheets, from its text normalised first (rules/normalise.toml): cut at
    its labels when it has no cell boundaries at all, and with any cell that quotes a whole
    form glued read as a sheet of its own.  The collection's annotation lines (TRUNCATED,
    LAYOUT) say nothing the form must not say itself: whether it is cut off is read from its
    content."""
    source = read_text(data)
    normalised = normalise_text(source.text)
    notes = (Note("normalised", detail=",".join(normalised.changes)),) if normalised.changes \
        else ()
    ocr = "ocr-confusions" in normalised.changes
    if is_glued(normalised.text):
        return (attrs.evolve(glued_sheet(normalised.text, ocr=ocr), ocr=ocr),), notes
    sheet = text_sheet(attrs.evolve(source, text=normalised.text, truncated="", layout=""))
    if sheet.split_words:
        sheet = _rows_or_words(sheet, words_sheet(normalised.text.split("\n"), sheet.name))
    sheet = attrs.evolve(sheet, ocr=ocr)
    quoted = glued_cells(sheet)
    if quoted is not None:
        quoted = attrs.evolve(quoted, ocr=ocr)
    return ((quoted, sheet) if quoted is not None else (sheet,)), notes


def _rows_or_words(rows: Sheet, words: Sheet) -> Sheet:
    """A text whose lines may be rows with one space between cells (:mod:`.wordrows`) is
    read both ways -- its lines as rows, and as one run of words -- and the reading that
    reads more of the form is kept (the rows when they read as much: a line keeps a cell's
    words together, 实施单位 某县公路 养护中心)."""
    from .wordrows import reading_size

    by_rows = reading_size(recognise(rows).forms)
    return rows if by_rows >= reading_size(recognise(words).forms) else words


def import_data(data: bytes, *, shown: str, stem: str, profile: str | None = None,
                limits: Limits | None = None) -> ImportedFile:
    try:
        ftype, read = read_bytes(data, name=shown, limits=limits)
    except Unreadable as exc:
        return ImportedFile.failed(shown, "", exc.note)
    if ftype.id == "text":
        sheets, notes = _text_sheets(data)
        read = attrs.evolve(read, sheets=sheets, notes=(*notes, *read.notes))
    return _imported(read, ftype.id, shown=shown, stem=stem, profile=profile)


def import_file(path: str | Path, *, shown: str | None = None,
                profile: str | None = None, limits: Limits | None = None) -> ImportedFile:
    """Read one input file; never raises on bad content (``error`` says what went wrong)."""
    path = Path(path)
    # A name that is not UTF-8 is shown with \xff escapes (in messages, `source`, and the
    # names of cases it yields), never with lone surrogates, which TOML cannot hold.
    shown = display_path(shown if shown is not None else str(path))
    stem = display_path(path.stem)
    try:
        data = read_path(path, limits)
    except Unreadable as exc:
        return ImportedFile.failed(shown, "", exc.note)
    return import_data(data, shown=shown, stem=stem, profile=profile, limits=limits)
