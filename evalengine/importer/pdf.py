"""Reading PDFs with a text layer (pdfplumber): tables page by page, text between them kept.

- **Ruled tables** (cells drawn with lines): pdfplumber finds the cells; a cell that covers
  several rows or columns is one merged cell (``origins``).  A table continued on the next
  page is joined to the one before it: the header row the next page repeats is dropped, and
  a merged cell reaching the bottom of the page goes on down the blank cells below it.
- **Tables without lines**: the page's words are grouped into lines by their height and
  into cells by the gaps between them; the cells' left edges, clustered over the page, are
  the columns.
- Text outside tables becomes one-cell rows (``prose``), in reading order.
- Glyphs whose font has no ToUnicode map come out as ``(cid:123)``: they are dropped and
  the page is named as unreadable.  A page with images and no text at all is a scanned page:
  with the ``ocr`` extra installed (``pip install 'evalengine[ocr]'``) its text boxes are read
  by OCR and laid out as a table without lines, and the page is noted as read by OCR;
  without it the page is named with what to do.

Every row records its page (``Sheet.pages``).

Limits (``rules/limits.toml`` ``[import]``): the file is read in a child process with at most
``max_pdf_memory_mb`` of memory and ``max_pdf_seconds`` of CPU time (pdfminer inflates a
content stream whole and has no time limit: a 400 KB file can unpack to 400 MB), a page of
more than ``max_pdf_rules`` ruled line segments is refused before its tables are looked for,
and the tables' grids share one budget of ``max_cells`` cells, spent before a grid is built.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import attrs

from .limits import Limits
from .notes import Note
from .reader import Read, Unreadable
from .sandbox import run_limited
from .sheets import grid_sheet

__all__ = ["read_pdf"]

_CID = re.compile(r"\(cid:\d+\)")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
TOL = 2.0  # points: edges closer than this are the same line


def _join(lines: Sequence[str]) -> str:
    """A cell's lines as one text.  A line break is a space only between two Latin words
    (``Windows`` / ``10``): not beside CJK text or punctuation, nor inside a number that
    wrapped (``9`` / ``0%``)."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and _word_break(out[-1], line[0]):
            out += " "
        out += line
    return out


def _word_break(left: str, right: str) -> bool:
    if not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()):
        return False
    return not (left.isdigit() and right.isdigit())


class _Page:
    def __init__(self, number: int) -> None:
        self.number = number
        self.cids = 0

    def clean(self, text: str | None) -> str:
        if not text:
            return ""
        found = len(_CID.findall(text))
        if found:
            self.cids += found
            text = _CID.sub("", text)
        return _join(text.split("\n"))


def read_pdf(data: bytes, limits: Limits) -> Read:
    try:
        import pdfplumber  # noqa: F401 - imported here, before the fork, not in every child
    except ImportError:  # pragma: no cover - a dependency
        raise Unreadable("missing-library", detail="pdfplumber") from None
    read, cmaps = run_limited(_read_in_child, data, limits, memory_mb=limits.max_pdf_memory_mb,
                              cpu_seconds=limits.max_pdf_seconds)
    _load_cmaps(cmaps)
    return read


def _read_in_child(data: bytes, limits: Limits) -> tuple[Read, tuple[tuple[str, ...], ...]]:
    """The file read, and the character maps pdfminer loaded for it: the parent loads them
    too, so that the next child inherits them instead of parsing them again (~50 ms)."""
    from pdfminer.cmapdb import CMapDB

    read = _read_pdf(data, limits)
    return read, (tuple(CMapDB._cmap_cache), tuple(CMapDB._umap_cache))


def _load_cmaps(cmaps: tuple[tuple[str, ...], ...]) -> None:
    from pdfminer.cmapdb import CMapDB

    names, unicode_maps = cmaps
    for name in names:
        CMapDB.get_cmap(name)
    for name in unicode_maps:
        CMapDB.get_unicode_map(name)


def _read_pdf(data: bytes, limits: Limits) -> Read:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise Unreadable("encrypted") from None
    except Exception as exc:  # noqa: BLE001 - PDFSyntaxError, PSEOF, ValueError …
        _out_of_memory(exc)
        causes = [exc, exc.__cause__, exc.__context__, *exc.args]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise Unreadable("encrypted") from None
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    out = _Out(limits.max_cells)
    notes: list[Note] = []
    scanned: list[int] = []
    unreadable: list[tuple[int, int]] = []
    ocr_empty: list[int] = []
    try:
        for number, page in enumerate(pages, start=1):
            if number > limits.max_pages:
                notes.append(Note("pages-not-read", detail=f"{number}/{len(pages)}"))
                break
            state = _Page(number)
            if not page.chars and not page.images:
                continue  # a blank page
            if _scanned(page):
                words = _ocr_words(page)
                if words is None:
                    scanned.append(number)
                    continue
                out.flush()
                _unruled_words(words, state, out, page.height, tolerance=None)
                notes.append(Note("ocr-page" if words else "ocr-nothing", detail=str(number)))
                if not words:
                    ocr_empty.append(number)
                continue
            if len(page.edges) > limits.max_pdf_rules:
                raise Unreadable("too-many-rules", str(number), detail=str(limits.max_pdf_rules))
            _read_page(page, state, out)
            page.close()  # drop the page's parsed objects: memory stays flat over many pages
            if state.cids:
                unreadable.append((number, state.cids))
            if len(out.rows) > limits.max_rows:
                raise Unreadable("sheet-too-large", detail=f"{len(out.rows)}/{limits.max_rows}")
    except Unreadable:
        raise
    except Exception as exc:  # noqa: BLE001 - a page pdfminer cannot decode
        _out_of_memory(exc)
        raise Unreadable("damaged", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        pdf.close()
    out.flush()
    for number, count in unreadable:
        notes.append(Note("unreadable-glyphs", detail=f"{number},{count}"))
    for number in scanned:
        notes.append(Note("scanned-page", detail=str(number)))
    if not out.rows:
        if ocr_empty:
            raise Unreadable("ocr-nothing", detail=",".join(map(str, ocr_empty)))
        raise Unreadable("no-text-layer" if scanned else "empty",
                         detail=",".join(map(str, scanned)))
    sheet = grid_sheet("", out.rows, out.merges, prose=out.prose, pages=out.pages)
    if any(n.kind == "ocr-page" for n in notes):  # its text was read by OCR: misread, not typed
        sheet = attrs.evolve(sheet, ocr=True)
    return Read((sheet,), tuple(notes + out.notes))


def _out_of_memory(exc: BaseException) -> None:
    """Raise the ``MemoryError`` that ``exc`` is (pdfplumber wraps pdfminer's errors in its
    own), for :func:`.sandbox.run_limited` to report: not a damaged file."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError):
            raise MemoryError from exc
        seen = seen.__cause__ or seen.__context__


Cell = tuple[float, float, float, float, str]  # x0, top, x1, bottom, text


class _Out:
    """The document's rows so far, and the ruled table being read: the pieces of it on
    consecutive pages (kept until the table ends, so that its columns are the same on
    every page: the edges of all its pieces together)."""

    def __init__(self, cells: int) -> None:
        self.limit = self.cells = cells  # the cells the document's tables may still lay out
        self.rows: list[list[str]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.prose: list[int] = []
        self.pages: list[int] = []
        self.notes: list[Note] = []
        self.pieces: list[tuple[int, tuple[float, float], list[Cell]]] = []  # page, (x0, x1), cells

    def line(self, text: str, page: int) -> None:
        if text:
            self.flush()
            self.prose.append(len(self.rows))
            self.rows.append([text])
            self.pages.append(page)

    def continues(self, page: int, bbox: Sequence[float]) -> bool:
        """A table at the top of ``page`` goes on from the one the previous page ended with
        when their left and right borders are the same."""
        if not self.pieces:
            return False
        last_page, (x0, x1), _cells = self.pieces[-1]
        return last_page == page - 1 and abs(x0 - bbox[0]) <= 2 * TOL and abs(x1 - bbox[2]) <= 2 * TOL

    def table(self, page: int, bbox: Sequence[float], cells: list[Cell], continued: bool) -> None:
        if not continued:
            self.flush()
        self.pieces.append((page, (bbox[0], bbox[2]), cells))

    def flush(self) -> None:
        """Lay the pending table out on one set of column edges and emit its rows."""
        pieces, self.pieces = self.pieces, []
        if not pieces:
            return
        xs = _cluster([x for _p, _b, cells in pieces for c in cells for x in (c[0], c[2])])
        header: tuple[str, ...] = ()
        for k, (page, _bbox, cells) in enumerate(pieces):
            ys = _cluster([y for c in cells for y in (c[1], c[3])])
            n_rows, n_cols = len(ys) - 1, len(xs) - 1
            self.cells -= n_rows * n_cols
            if self.cells < 0:
                raise Unreadable("sheet-too-large", detail=f"{n_rows}×{n_cols}/{self.limit}")
            grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
            spans = []
            for x0, top, x1, bottom, text in cells:
                r0, c0 = _index(ys, top), _index(xs, x0)
                r1, c1 = _index(ys, bottom) - 1, _index(xs, x1) - 1
                if r0 >= n_rows or c0 >= n_cols:
                    continue
                grid[r0][c0] = text
                if r1 > r0 or c1 > c0:
                    spans.append((r0, c0, max(r0, r1), max(c0, c1)))
            if k == 0:
                header = tuple(grid[0]) if grid else ()
            else:
                if grid and tuple(grid[0]) == header:  # the header row repeated on the page
                    grid = grid[1:]
                    spans = [(a - 1, b, c - 1, d) for a, b, c, d in spans if a >= 1]
                    self.notes.append(Note("header-repeated", detail=str(page)))
                _continue_merges(self, len(self.rows), grid)
            top_row = len(self.rows)
            for row in grid:
                self.rows.append(row)
                self.pages.append(page)
            self.merges.extend((top_row + a, b, top_row + c, d) for a, b, c, d in spans)


def _read_page(page: Any, state: _Page, out: _Out) -> None:
    tables = [t for t in page.find_tables() if t.rows]
    if not tables:
        out.flush()
        _unruled(page, state, out)
        return
    inside = [t.bbox for t in tables]
    lines = _lines([w for w in page.extract_words(x_tolerance=1.5, keep_blank_chars=False)
                    if not any(_within(w, b) for b in inside)])
    items: list[tuple[float, int, Any]] = [(t.bbox[1], 1, t) for t in tables]
    items += [(ln[0]["top"], 0, ln) for ln in lines]
    first = True  # nothing but page numbers above: a table here may go on from the last page
    for _top, is_table, item in sorted(items, key=lambda x: (x[0], x[1])):
        if is_table:
            continued = first and out.continues(state.number, item.bbox)
            out.table(state.number, item.bbox, _table_cells(item, state), continued)
            first = False
            continue
        text = state.clean(" ".join(w["text"] for w in item))
        if text and not (_page_number(text) and _in_margin(item, page.height)):
            out.line(text, state.number)
            first = False


def _table_cells(table: Any, state: _Page) -> list[Cell]:
    texts = table.extract(x_tolerance=1.5)
    cells = []
    for r, row in enumerate(table.rows):
        for j, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            text = texts[r][j] if r < len(texts) and j < len(texts[r]) else ""
            cells.append((bbox[0], bbox[1], bbox[2], bbox[3], state.clean(text)))
    return cells


def _in_margin(words: list[dict], height: float) -> bool:
    """The line is in the top or bottom tenth of the page, where page numbers are printed."""
    return words[0]["top"] < height * 0.1 or words[0]["bottom"] > height * 0.9


def _page_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-—\s]*(第\s*)?\d+\s*(页)?(\s*/\s*(共\s*)?\d+\s*页?)?[-—\s]*", text))


def _within(word: dict, bbox: Sequence[float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _index(edges: Sequence[float], value: float) -> int:
    """The index of the edge nearest ``value``."""
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _cluster(values: Sequence[float], spread: float = TOL) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > spread:
            out.append(v)
    return out


def _continue_merges(out: _Out, top: int, grid: list[list[str]]) -> None:
    """A vertical merge that reaches the last row before the page break goes on down the
    blank cells at the top of the continued table."""
    if not grid:
        return
    for i, (r0, c0, r1, c1) in enumerate(out.merges):
        if r1 != top - 1 or r0 == r1:
            continue
        extra = 0
        while extra < len(grid) and all(not grid[extra][c] for c in range(c0, min(c1 + 1, len(grid[extra])))):
            extra += 1
        if extra:
            out.merges[i] = (r0, c0, r1 + extra, c1)


def _lines(words: list[dict], tolerance: float | None = TOL) -> list[list[dict]]:
    """Words grouped into lines by their vertical position, each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        tol = tolerance if tolerance is not None else (word["bottom"] - word["top"]) / 2
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tol:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _cells(line: list[dict]) -> list[tuple[float, float, str]]:
    """A line's words joined into cells where the gap between them is under a character."""
    cells: list[list[Any]] = []
    for word in line:
        size = word["bottom"] - word["top"]
        gap = word["x0"] - cells[-1][1] if cells else 0.0
        if cells and gap < max(size, 3.0):
            gap_text = " " if gap > 0.2 * size else ""  # a space was printed there
            cells[-1][1] = word["x1"]
            cells[-1][2] += gap_text + word["text"]
        else:
            cells.append([word["x0"], word["x1"], word["text"]])
    return [(a, b, t) for a, b, t in cells]


SCAN_CHARS = 40  # a page with fewer characters than this …
SCAN_COVER = 0.5  # … and images over this share of it is a scan (with a stamped page number)


def _scanned(page: Any) -> bool:
    if not page.images:
        return False
    if not page.chars:
        return True
    area = sum(max(0.0, (i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    return len(page.chars) < SCAN_CHARS and area >= SCAN_COVER * page.width * page.height


def _ocr_words(page: Any) -> list[dict] | None:
    """The words OCR reads on a scanned page, or None when OCR is not installed."""
    from . import ocr

    if not ocr.available():
        return None
    return ocr.page_words(page)


def _unruled(page: Any, state: _Page, out: _Out) -> None:
    _unruled_words(page.extract_words(x_tolerance=1.5), state, out, page.height)


def _unruled_words(words: list[dict], state: _Page, out: _Out, page_height: float,
                   tolerance: float | None = TOL) -> None:
    """A page without ruled tables: lines of cells, columns from the cells' left edges.  A
    line closer to the one above than a fraction of its height continues that row (a cell
    wrapped onto several lines).  ``tolerance`` None: lines and columns within half a line's
    height (OCR boxes, whose edges wander)."""
    lines = _lines(words, tolerance)
    cells = [_cells(line) for line in lines]
    heights = sorted(w["bottom"] - w["top"] for w in words) or [0.0]
    spread = TOL if tolerance is not None else max(TOL, heights[len(heights) // 2] / 2)
    # OCR boxes are padded: the gap between two rows' boxes is as small as between two lines
    # of one cell, so a wrapped cell is not joined
    joins = 0.5 if tolerance is not None else float("-inf")
    starts = _cluster([c[0] for line in cells if len(line) >= 2 for c in line], spread)
    previous: dict | None = None  # the last row: its cells' list, its bottom, whether prose
    for line_words, line in zip(lines, cells):
        top = min(w["top"] for w in line_words)
        bottom = max(w["bottom"] for w in line_words)
        height = max(w["bottom"] - w["top"] for w in line_words)
        columns = [_column(starts, x0, spread) for x0, _x1, _t in line]
        texts = [state.clean(t) for _x0, _x1, t in line]
        if previous is not None and top - previous["bottom"] < joins * height and (
                previous["prose"] == (None in columns)):
            row = previous["row"]
            for c, text in zip(columns, texts):
                c = 0 if c is None else c
                row[c] = _join([row[c], text]) if row[c] else text
            previous["bottom"] = bottom
            continue
        if None in columns or not starts:  # prose: not on the table's columns
            text = _join(texts)
            if not text or (_page_number(text) and _in_margin(line_words, page_height)):
                previous = None
                continue
            out.line(text, state.number)
            previous = {"row": out.rows[-1], "bottom": bottom, "prose": True}
            continue
        row = [""] * len(starts)
        for c, text in zip(columns, texts):
            row[c] = _join([row[c], text]) if row[c] else text
        out.rows.append(row)
        out.pages.append(state.number)
        previous = {"row": row, "bottom": bottom, "prose": False}


def _column(starts: Sequence[float], x0: float, spread: float = TOL) -> int | None:
    """The column whose left edge ``x0`` is at, None when it is at none (prose)."""
    for i, start in enumerate(starts):
        if abs(start - x0) <= 2 * spread:
            return i
    below = [i for i, s in enumerate(starts) if s <= x0]
    if below and len(starts) > 1:
        return below[-1]
    return None
