"""Reading saved web pages (.html/.htm, and .mhtml web archives) with lxml.

The page's declared encoding is honoured (a BOM, else ``<meta charset>`` / ``http-equiv``,
else UTF-8, else GB18030).  The page becomes one grid sheet in reading order: each table
that holds no other table gives its rows, ``rowspan``/``colspan`` laid out as merged cells;
text outside those tables (headings, paragraphs, the text around a layout table) gives
one-cell rows listed in ``prose``.  Scripts, styles and comments are skipped; nothing is
fetched.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from typing import Any

from .notes import Note
from .reader import Read, Unreadable
from .sheets import find_invalid, grid_sheet

__all__ = ["read_webpage"]

MAX_SPAN = 1000  # a rowspan/colspan larger than this is taken as this
_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "gb_2312-80": "gb18030"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "caption", "pre",
           "blockquote", "section", "article", "header", "footer", "td", "th", "tr", "center",
           "address", "figcaption", "title"}
_SKIP = {"script", "style", "noscript", "template", "head"}
_WS = re.compile(r"\s+")


def _codec(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, declared: str = "") -> tuple[str, str, list[Note]]:
    """(text, encoding, notes) of an HTML page's bytes."""
    notes: list[Note] = []
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec, notes
    match = _META_RE.search(data[:8192])
    candidates = [declared] if declared else []
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for name in candidates:
        codec = _codec(name)
        if codec is None:
            notes.append(Note("unknown-charset", name))
            continue
        try:
            return data.decode(codec), codec, notes
        except UnicodeDecodeError as exc:
            notes.append(Note("charset-mismatch", name, detail=str(exc.start + 1)))
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec, notes
        except UnicodeDecodeError:
            continue
    first, count = find_invalid(data, "utf-8")
    notes.append(Note("invalid-bytes", detail=f"{first + 1},{count},utf-8"))
    return data.decode("utf-8", errors="replace"), "utf-8", notes


def _mhtml_html(data: bytes) -> tuple[bytes, str]:
    """The first text/html part of a MIME web archive, and its declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset() or ""
    raise Unreadable("no-html-part")


def read_webpage(data: bytes, kind: str) -> Read:
    try:
        import lxml.html
    except ImportError:  # pragma: no cover - a dependency
        raise Unreadable("missing-library", detail="lxml") from None
    declared = ""
    if kind == "mhtml":
        data, declared = _mhtml_html(data)
    text, encoding, notes = decode_page(data, declared)
    if not text.strip():
        raise Unreadable("empty")
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml.etree.ParserError on an empty document …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    for elem in root.iter("br", "p", "div", "li", "tr"):  # a line break is a space, not nothing
        elem.tail = "\n" + (elem.tail or "")
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    prose: list[int] = []
    _walk(root, rows, merges, prose)
    return Read((grid_sheet("", rows, merges, prose=prose),), tuple(notes), encoding)


def _text(elem: Any) -> str:
    return _WS.sub(" ", elem.text_content()).strip()


def _add_prose(text: str | None, rows: list[list[str]], prose: list[int]) -> None:
    text = _WS.sub(" ", text or "").strip()
    if text:
        prose.append(len(rows))
        rows.append([text])


def _walk(elem: Any, rows: list[list[str]], merges: list, prose: list[int]) -> None:
    tag = elem.tag if isinstance(elem.tag, str) else ""
    if tag in _SKIP:
        return
    has_table = tag == "table" or next(elem.iterdescendants("table"), None) is not None
    if tag == "table" and next(elem.iterdescendants("table"), None) is None:
        for caption in elem.iterchildren("caption"):
            _add_prose(caption.text_content(), rows, prose)
        _table(elem, rows, merges)
        return
    if not has_table and (tag in _BLOCKS or tag in ("body", "html")):
        _add_prose(elem.text_content(), rows, prose)
        return
    _add_prose(elem.text, rows, prose)
    for child in elem:
        if not isinstance(child.tag, str):
            _add_prose(child.tail, rows, prose)
            continue
        if child.tag in _BLOCKS or child.tag == "table" or next(child.iterdescendants("table"), None) is not None:
            _walk(child, rows, merges, prose)
        else:
            _add_prose(child.text_content(), rows, prose)
        _add_prose(child.tail, rows, prose)


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _table(table: Any, rows: list[list[str]], merges: list) -> None:
    """The rows of one table with rowspan/colspan laid out on a grid."""
    top = len(rows)
    taken: dict[tuple[int, int], bool] = {}
    grid: list[dict[int, str]] = []
    trs = [tr for tr in table.iter("tr")]
    for r, tr in enumerate(trs):
        while len(grid) <= r:
            grid.append({})
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while taken.get((r, c)):
                c += 1
            rowspan = min(_span(cell, "rowspan"), len(trs) - r)
            colspan = _span(cell, "colspan")
            grid[r][c] = _text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = True
            if rowspan > 1 or colspan > 1:
                merges.append((top + r, c, top + r + rowspan - 1, c + colspan - 1))
            c += colspan
    width = max((c + 1 for (_, c) in taken), default=0)
    for r in range(len(trs)):
        rows.append([grid[r].get(c, "") for c in range(width)])
