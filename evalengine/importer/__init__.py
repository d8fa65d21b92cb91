"""Importing published self-assessment forms (项目支出绩效自评表) into cases.

``import_file`` reads an .xlsx workbook or a text file (UTF-8 with or without BOM, else
GB18030/GBK), turns it into sheets of cells (:mod:`.sheets`, :mod:`.xlsx`), finds the forms
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
from .normalise import normalise_sheet, normalise_text
from .notes import Note
from .readreport import ReadReport, read_report
from .recognise import recognise
from .sheets import Sheet, read_text, text_sheet

__all__ = ["ImportedFile", "ImportedForm", "import_file", "import_sheets", "import_text"]

XLSX_SUFFIXES = (".xlsx", ".xlsm")


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
    kind: str  # "xlsx" | "text"
    encoding: str = ""
    forms: tuple[ImportedForm, ...] = ()
    notes: tuple[Note, ...] = ()
    error: str = ""


def import_sheets(
    sheets: list[Sheet], *, shown: str, stem: str, url: str = "", profile: str | None = None
) -> tuple[list[ImportedForm], list[Note]]:
    forms: list[ImportedForm] = []
    notes: list[Note] = []
    outside = 0
    for sheet in sheets:
        if sheet.mode == "grid":  # a workbook typed in Traditional characters, HTML entities
            sheet, changes = normalise_sheet(sheet)
            if changes:
                notes.append(Note("normalised", detail=",".join(changes)))
        found = recognise(sheet)
        outside += found.outside
        for draft in found.forms:
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


def import_text(data: bytes, *, shown: str = "<text>", stem: str = "text",
                profile: str | None = None) -> ImportedFile:
    source = read_text(data)
    normalised = normalise_text(source.text)
    # the annotation lines of a collection (TRUNCATED, LAYOUT) say nothing the form must not
    # say itself: whether it is cut off is read from its content
    if is_glued(normalised.text):  # no cell boundaries at all: cut at the labels
        sheets = [glued_sheet(normalised.text)]
    else:
        sheets = [text_sheet(attrs.evolve(source, text=normalised.text, truncated="", layout=""))]
        quoted = glued_cells(sheets[0])  # a cell holding a whole form glued (a page summary)
        if quoted is not None:
            sheets.insert(0, quoted)
    forms, notes = import_sheets(sheets, shown=shown, stem=stem, url=source.url,
                                 profile=profile)
    if normalised.changes:
        notes.insert(0, Note("normalised", detail=",".join(normalised.changes)))
    return ImportedFile(shown, "text", source.encoding, tuple(forms), tuple(notes))


def import_file(path: str | Path, *, shown: str | None = None,
                profile: str | None = None) -> ImportedFile:
    """Read one input file; never raises on bad content (``error`` says what went wrong)."""
    path = Path(path)
    # A name that is not UTF-8 is shown with \xff escapes (in messages, `source`, and the
    # names of cases it yields), never with lone surrogates, which TOML cannot hold.
    shown = display_path(shown if shown is not None else str(path))
    stem = display_path(path.stem)
    if path.suffix.lower() in XLSX_SUFFIXES:
        from .xlsx import XlsxError, read_workbook

        try:
            sheets = read_workbook(path)
        except XlsxError as exc:
            return ImportedFile(shown, "xlsx", error=str(exc))
        except OSError as exc:
            return ImportedFile(shown, "xlsx", error=str(exc))
        forms, notes = import_sheets(sheets, shown=shown, stem=stem, profile=profile)
        return ImportedFile(shown, "xlsx", "", tuple(forms), tuple(notes))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ImportedFile(shown, "text", error=str(exc))
    result = import_text(data, shown=shown, stem=stem, profile=profile)
    return result
