"""Reading saved web pages (.html/.htm, and .mhtml web archives) with lxml.

The page's declared encoding is honoured (a BOM, else ``<meta charset>`` / ``http-equiv``,
else UTF-8, else GB18030).  The page becomes one grid sheet in reading order: each table
that holds no other table gives its rows, ``rowspan``/``colspan`` laid out as merged cells;
text outside those tables (headings, paragraphs, the text around a layout table) gives
one-cell rows listed in ``prose``.  Scripts, styles and comments are skipped; nothing is
fetched.  A table's grid is measured before it is built: one past the cell, row or merge
limits (a few ``colspan="1000"`` cells over many rows) refuses the file.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import io
import re
from typing import Any

from .limits import Limits, check_elements, default_limits
from .notes import Note
from .reader import Read, Unreadable
from .sheets import decode, grid_sheet

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
    """(text, encoding, notes) of an HTML page's bytes: a BOM, else the declared encoding,
    else as a text file is read (:func:`.sheets.decode`: UTF-8, GB18030 …, bytes no encoding
    reads replaced and reported).  A declared encoding that does not fit is noted once, and
    only when another was used."""
    notes: list[Note] = []
    mismatched: list[tuple[str, str, int]] = []  # (declared name, codec, first bad byte)
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        match = _META_RE.search(data[:8192])
        candidates = [declared] if declared else []
        if match:
            candidates.append(match.group(1).decode("ascii", "replace"))
        tried: set[str] = set()
        for name in candidates:
            codec = _codec(name)
            if codec is None:
                notes.append(Note("unknown-charset", name))
                continue
            if codec in tried:
                continue
            tried.add(codec)
            try:
                return data.decode(codec), codec, notes
            except UnicodeDecodeError as exc:
                mismatched.append((name, codec, exc.start + 1))
    text, encoding, invalid = decode(data)
    used = codecs.lookup(encoding).name
    notes += [Note("charset-mismatch", name, detail=str(at))
              for name, codec, at in mismatched if codec != used]
    if invalid is not None:
        first, count = invalid
        notes.append(Note("invalid-bytes", detail=f"{first + 1},{count},{encoding}"))
    return text, encoding, notes


def _mhtml_html(data: bytes) -> tuple[bytes, str]:
    """The first text/html part of a MIME web archive, and its declared charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset() or ""
    raise Unreadable("no-html-part")


def read_webpage(data: bytes, kind: str, limits: Limits | None = None) -> Read:
    limits = limits or default_limits()
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
    page = text.encode("utf-8")
    check_elements([io.BytesIO(page)], limits, html=True)
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
        root = lxml.html.document_fromstring(page, parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml.etree.ParserError on an empty document …
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    for elem in root.iter("br", "p", "div", "li", "tr"):  # a line break is a space, not nothing
        elem.tail = "\n" + (elem.tail or "")
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    prose: list[int] = []
    _walk(root, rows, merges, prose, _Budget(limits))
    if len(rows) > limits.max_rows:
        raise Unreadable("sheet-too-large", detail=f"{len(rows)}/{limits.max_rows}")
    return Read((grid_sheet("", rows, merges, prose=prose),), tuple(notes), encoding)


def _text(elem: Any) -> str:
    return _WS.sub(" ", elem.text_content()).strip()


def _add_prose(text: str | None, rows: list[list[str]], prose: list[int]) -> None:
    text = _WS.sub(" ", text or "").strip()
    if text:
        prose.append(len(rows))
        rows.append([text])


class _Budget:
    """The cells one page may still lay out (all its tables together)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cells = limits.max_cells

    def spend(self, rows: int, width: int) -> None:
        self.cells -= rows * width
        if self.cells < 0:
            raise Unreadable("sheet-too-large", detail=f"{rows}×{width}/{self.limits.max_cells}")


def _walk(elem: Any, rows: list[list[str]], merges: list, prose: list[int], budget: _Budget) -> None:
    tag = elem.tag if isinstance(elem.tag, str) else ""
    if tag in _SKIP:
        return
    has_table = tag == "table" or next(elem.iterdescendants("table"), None) is not None
    if tag == "table" and next(elem.iterdescendants("table"), None) is None:
        for caption in elem.iterchildren("caption"):
            _add_prose(caption.text_content(), rows, prose)
        _table(elem, rows, merges, budget)
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
            _walk(child, rows, merges, prose, budget)
        else:
            _add_prose(child.text_content(), rows, prose)
        _add_prose(child.tail, rows, prose)


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), MAX_SPAN))
    except ValueError:
        return 1


def _table(table: Any, rows: list[list[str]], merges: list, budget: _Budget) -> None:
    """The rows of one table with rowspan/colspan laid out on a grid, measured first."""
    top = len(rows)
    taken: dict[tuple[int, int], bool] = {}
    grid: list[dict[int, str]] = []
    trs = [tr for tr in table.iter("tr")]
    width = _measure(trs, budget.limits)
    budget.spend(len(trs), width)
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
    laid_out = max((c + 1 for (_, c) in taken), default=0)
    budget.spend(len(trs), laid_out - width)  # rowspans can push cells past the measure
    width = laid_out
    for r in range(len(trs)):
        rows.append([grid[r].get(c, "") for c in range(width)])


def _measure(trs: list[Any], limits: Limits) -> int:
    """A table's width (its widest row, colspans added up), before any cell of it is laid
    out; refused when its grid, or the area its merged cells cover (the work of laying them
    out, overlaps included), is past the limits."""
    width = area = 0
    for r, tr in enumerate(trs):
        row_width = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            colspan = _span(cell, "colspan")
            rowspan = min(_span(cell, "rowspan"), len(trs) - r)
            row_width += colspan
            if colspan > 1 or rowspan > 1:
                area += colspan * rowspan
        width = max(width, row_width)
        if width * len(trs) > limits.max_cells:
            raise Unreadable("sheet-too-large", detail=f"{len(trs)}×{width}/{limits.max_cells}")
        if area > limits.max_merged_cells:
            raise Unreadable("sheet-too-large", detail=f"{area}/{limits.max_merged_cells}")
    return width
