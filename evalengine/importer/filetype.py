"""What a file is, decided by its content (magic bytes), not by its name.

The signatures and the names users see are data (``rules/import/filetypes.toml``).  Zip
packages are told apart by their members (xlsx, docx, ods …), OLE2 compound files by their
stream names (xls, doc …); what matches nothing is HTML, MHTML or text when it reads as
such, else a binary file named by :mod:`puremagic` where it knows it.  A refused type is
named ("这是一个 ZIP 压缩包，不是自评表"), never read as text.
"""

from __future__ import annotations

import functools
import io
import re
import tomllib
import zipfile
from typing import Any

import attrs

from ..i18n import pick
from ..resources import rules_dir

__all__ = ["FileType", "detect"]

@attrs.frozen
class FileType:
    id: str  # "pdf", "xlsx", "zip", "png", "binary" …
    kind: str  # a reader (pdf, xlsx, xls, ods, docx, doc, html, mhtml, text), or "refuse"
    zh: str
    en: str
    advice: tuple[str, str] = ("", "")

    def name(self, lang: str) -> str:
        return pick((self.zh, self.en), lang)


@functools.cache
def _table() -> dict[str, Any]:
    with open(rules_dir() / "import" / "filetypes.toml", "rb") as handle:
        return tomllib.load(handle)


def _make(entry: dict[str, Any], kind: str | None = None) -> FileType:
    advice = _table()["advice"].get(entry.get("advice", "default"), ["", ""])
    return FileType(entry["id"], kind or entry["kind"], entry["zh"], entry["en"],
                    (advice[0], advice[1]))


TEXT = FileType("text", "text", "文本文件", "text file")
HTML = FileType("html", "html", "网页（HTML）", "web page (HTML)")
MHTML = FileType("mhtml", "mhtml", "网页存档（MHTML）", "web archive (MHTML)")

_HTML_RE = re.compile(rb"<\s*(!doctype\s+html|html[\s>]|table[\s>]|body[\s>]|head[\s>]|meta\s)",
                      re.IGNORECASE)
_MHTML_RE = re.compile(rb"^(mime-version:|content-type:\s*multipart/related|from:)",
                       re.IGNORECASE | re.MULTILINE)
_SPREADSHEET_ML = b"urn:schemas-microsoft-com:office:spreadsheet"


def detect(data: bytes) -> FileType:
    """The type of a file from its content; zip and OLE2 files are looked into."""
    table = _table()
    head = data[:8192]
    for entry in table["type"]:
        offset = entry.get("offset", 0)
        for magic in entry["magic"]:
            sig = bytes.fromhex(magic)
            if head[offset:offset + len(sig)] == sig:
                if entry["kind"] == "zip":
                    return _zip_type(data, entry)
                if entry["kind"] == "ole2":
                    return _ole2_type(data, entry)
                return _make(entry)
    if b"%PDF-" in head[:1024]:  # junk before the header is allowed (ISO 32000 §7.5.2 note)
        return _make(table["type"][0])
    return _textual(head)


def _zip_type(data: bytes, entry: dict[str, Any]) -> FileType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = ""
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return FileType("broken-zip", "refuse", "损坏的 ZIP 文件（或损坏的 .xlsx/.docx）",
                        "damaged ZIP file (or a damaged .xlsx/.docx)")
    for member in _table()["member"]:
        if member["name"] in names and member.get("mimetype", mimetype) == mimetype:
            return _make(member)
    return _make(entry, "refuse")


def _ole2_type(data: bytes, entry: dict[str, Any]) -> FileType:
    """The streams at the root of the compound file's directory (olefile) decide: a Word
    file holding an embedded workbook has a ``Workbook`` stream too, inside its
    ``ObjectPool``.  A directory olefile cannot read (a cut-off file) gives no type."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            names = {path[0] for path in ole.listdir(streams=True, storages=False)
                     if len(path) == 1}
    except Exception:  # noqa: BLE001 - OSError, struct.error … on a damaged directory
        names = set()
    for stream in _table()["stream"]:
        if stream["name"] in names:
            return _make(stream)
    return _make(entry, "refuse")


def _textual(head: bytes) -> FileType:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return TEXT  # UTF-16: decoded by the text reader
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _MHTML_RE.match(body) and b"multipart/related" in head.lower():
        return MHTML
    if body.startswith(b"<?xml") and _SPREADSHEET_ML in head:
        return FileType("spreadsheetml", "refuse", "Excel 2003 XML 表格", "Excel 2003 XML spreadsheet",
                        tuple(_table()["advice"]["save-xlsx"]))
    if _HTML_RE.search(body[:4096]):
        return HTML
    if _binary(head):
        return _named_binary(head)
    return TEXT


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16LE/BE without a BOM: NULs in one byte lane and hardly any in the other."""
    if len(head) < 16:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    return (odd > half // 8 and even <= half // 50) or (even > half // 8 and odd <= half // 50)


def _binary(head: bytes) -> bool:
    """Bytes no text encoding we read would give: NULs (outside UTF-16) or many controls."""
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(2, len(head) // 100)


def _named_binary(head: bytes) -> FileType:
    name = ""
    try:
        import puremagic

        matches = puremagic.magic_string(head)
        if matches:
            name = (matches[0].name or matches[0].extension or "").strip()
    except Exception:  # noqa: BLE001 - naming is a courtesy; the file is refused either way
        name = ""
    if name:
        return FileType("binary", "refuse", f"{name} 文件", f"{name} file")
    return FileType("binary", "refuse", "二进制文件（类型未知）", "binary file of unknown type")
