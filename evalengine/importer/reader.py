"""One input file → sheets of cells: open it safely, tell its type by content, hand it to
the reader for that type.

Only a regular file is opened (a FIFO, a device, a socket or a link to one is refused before
it is opened, so nothing blocks), and at most ``max_file_mb`` of it is read.  The type comes
from the bytes (:mod:`.filetype`), never from the name alone; a type no reader takes is
refused by name.  Every reader returns a :class:`Read` or raises :class:`Unreadable` with a
note saying why, so a bad file costs that file only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import attrs

from .filetype import FileType, detect
from .limits import Limits, default_limits
from .notes import Note
from .sheets import Sheet, read_text, text_sheet

__all__ = ["Read", "Unreadable", "read_bytes", "read_path"]

# names of formats that are never plain text: such a file that reads as text is damaged
BINARY_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".doc", ".pdf", ".et", ".wps")
# a container whose parts say it is no form format, under a name that says it is one, is a
# damaged or cut-off form (a truncated .xls has lost its directory), not "a ZIP/OLE2 file"
CONTAINER_SUFFIXES = {"zip": (".xlsx", ".xlsm", ".docx", ".ods"),
                      "broken-zip": (".xlsx", ".xlsm", ".docx", ".ods"),
                      "ole2": (".xls", ".doc", ".et", ".wps")}


@attrs.frozen
class Read:
    sheets: tuple[Sheet, ...]
    notes: tuple[Note, ...] = ()
    encoding: str = ""  # text inputs: the encoding used
    url: str = ""  # text inputs: the ``SOURCE:`` line


class Unreadable(Exception):
    """The file cannot be read; :attr:`note` says why (a kind of :data:`.notes.MESSAGES`)."""

    def __init__(self, kind: str, text: str = "", *, detail: str = ""):
        super().__init__(kind, text, detail)
        self.note = Note(kind, text, None, detail)


def _special(mode: int) -> str:
    for test, word in ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"),
                       (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return word
    return "special"


def read_path(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, at most ``limits.max_file_bytes`` of them."""
    limits = limits or default_limits()
    try:
        info = os.stat(path)  # follows a link: a link to /dev/zero is a device
    except FileNotFoundError:
        if os.path.lexists(path):
            raise Unreadable("broken-link", detail=os.readlink(path)) from None
        raise Unreadable("no-such-file") from None
    except OSError as exc:
        raise Unreadable("os-error", detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("not-regular", detail=_special(info.st_mode))
    if info.st_size > limits.max_file_bytes:
        raise Unreadable("too-large", detail=f"{info.st_size / 1024 / 1024:.0f}/{limits.max_file_mb}")
    from ..limits import InputRefused, read_input  # the one bounded, non-blocking reader

    try:
        return read_input(path, limits.max_file_bytes)
    except InputRefused as exc:  # replaced meanwhile (a FIFO now), or grown past the limit
        if exc.kind == "too-large":
            raise Unreadable("too-large",
                             detail=f">{limits.max_file_mb}/{limits.max_file_mb}") from None
        raise Unreadable("not-regular", detail="special") from None
    except OSError as exc:
        raise Unreadable("os-error", detail=exc.strerror or str(exc)) from None


def read_bytes(data: bytes, *, name: str = "",
               limits: Limits | None = None) -> tuple[FileType, Read]:
    """The file's type and what its reader made of it; :class:`Unreadable` if nothing."""
    limits = limits or default_limits()
    ftype = detect(data)
    kind = ftype.kind
    suffix = os.path.splitext(name)[1].lower()
    if kind == "refuse":
        if suffix in CONTAINER_SUFFIXES.get(ftype.id, ()):
            raise Unreadable("wrong-content", suffix)
        raise Unreadable("refused", ftype.zh, detail="\x1f".join((ftype.en, *ftype.advice)))
    if kind == "text":
        if suffix in BINARY_SUFFIXES:  # a damaged or truncated file: never read it as text
            raise Unreadable("wrong-content", suffix)
        return ftype, _text(data)
    if kind == "xlsx":
        from .xlsx import read_workbook

        return ftype, read_workbook(data, limits)
    if kind in ("xls", "ods"):
        from .spreadsheet import read_spreadsheet

        return ftype, read_spreadsheet(data, kind, limits)
    if kind == "docx":
        from .word import read_docx

        return ftype, read_docx(data, limits)
    if kind == "doc":
        from .word import read_doc

        return ftype, read_doc(data, name, limits)
    if kind in ("html", "mhtml"):
        from .webpage import read_webpage

        return ftype, read_webpage(data, kind, limits)
    if kind == "pdf":
        from .pdf import read_pdf

        return ftype, read_pdf(data, limits)
    raise Unreadable("refused", ftype.zh, detail=ftype.en)  # pragma: no cover - every kind is handled above


def _text(data: bytes) -> Read:
    source = read_text(data)
    notes = []
    if source.invalid is not None:
        first, count = source.invalid
        notes.append(Note("invalid-bytes", detail=f"{first + 1},{count},{source.encoding}"))
    return Read((text_sheet(source),), tuple(notes), source.encoding, source.url)
