"""The shared intermediate: every input becomes one or more :class:`Sheet` of cell text.

A sheet is rows of cells (strings, already :func:`~.labels.clean`-ed).  How far its rows and
columns can be trusted depends on where it came from, recorded as ``mode``:

``grid``
    an xlsx worksheet: rows and columns are exact; a merged range's value is in every cell it
    covers, and ``origins`` tells which cells belong to one range.
``tab``
    tab-separated text flattened from a PDF (the seed): rows are rows, but a row may lack the
    leading merged column, and a row may be split over a page break (``breaks``).
``compact``
    pipe-separated rows from a web page (``a | b | | c |||``): rows are rows, but blank cells
    are dropped and the row is padded at its end, so a cell's position does not say its column.
``stream``
    one cell per line (``cell |`` or blank-line separated paragraphs): the cell order is right
    and blank cells are present, but row boundaries are lost.  Each row of the sheet is a run
    of cells between two stretches of prose.
``words``
    one long run of text: cells are whitespace-separated words, blank cells are invisible.

Structured files (xlsx/xls/ods workbooks, docx, html, pdf) give ``grid`` sheets.  A sheet from
a document keeps the text outside its tables as one-cell rows in reading order (``prose``
says which rows those are), and ``pages`` gives each row's page (PDF).  ``notes`` are what
the reader must tell (a hidden sheet, a formula without a value, an unreadable page).

The recogniser (:mod:`.recognise`) reads all of them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

import attrs

from .labels import clean
from .notes import Note

__all__ = ["Sheet", "TextInput", "decode", "read_text", "text_sheet", "words_sheet"]

Mode = str  # "grid" | "tab" | "compact" | "stream" | "words"


@attrs.frozen
class Sheet:
    name: str
    mode: Mode
    rows: tuple[tuple[str, ...], ...]
    breaks: frozenset[int] = frozenset()  # tab: rows that follow a blank line (a page break)
    origins: tuple[tuple[tuple[int, int], ...], ...] | None = None  # grid: merged origins
    truncated: bool = False  # the input says it is cut off (real-forms ``TRUNCATED``)
    notes: tuple[Note, ...] = ()  # what the reader found (hidden, formula, unreadable …)
    prose: frozenset[int] = frozenset()  # grid: rows that are text outside any table
    pages: tuple[int, ...] = ()  # grid from a PDF: the page (1-based) of each row
    ocr: bool = False  # text whose OCR confusions were fixed: a 2 before a target may be ≥
    # compact rows cut at every single space (:mod:`.wordrows`): two cells may be one
    split_words: bool = False


@attrs.frozen
class TextInput:
    """A decoded text file and what its first lines say about it."""

    text: str
    encoding: str
    url: str = ""  # ``SOURCE:`` line
    layout: str = ""  # ``LAYOUT:`` line
    truncated: str = ""  # ``TRUNCATED …`` line
    invalid: tuple[int, int] | None = None  # (offset of the first invalid byte, how many)


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", "utf-8"), (b"\xff\xfe", "utf-16", "utf-16-le"),
         (b"\xfe\xff", "utf-16", "utf-16-be"))


_FOUND: list[int] = []  # start offsets seen by the "evalengine-count" error handler


def _count(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _FOUND.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("evalengine-count", _count)


def find_invalid(data: bytes, codec: str) -> tuple[int, int]:
    """Where the first byte ``codec`` cannot decode is, and how many such places there are."""
    _FOUND.clear()
    data.decode(codec, errors="evalengine-count")
    found = (_FOUND[0], len(_FOUND)) if _FOUND else (-1, 0)
    _FOUND.clear()
    return found


def decode(data: bytes) -> tuple[str, str, tuple[int, int] | None]:
    """(text, encoding, invalid): UTF-8 or UTF-16 with a BOM, UTF-8, UTF-16 without a BOM,
    else GB18030 (a superset of GBK).  Bytes no encoding reads are replaced by U+FFFD and
    reported: ``invalid`` is (offset of the first one, how many places), else None."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec), name, None
            except UnicodeDecodeError:  # a BOM rules out GB18030: keep the text, say so
                first, count = find_invalid(body, codec)
                return body.decode(codec, errors="replace"), name, (first + len(bom), count)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    from .filetype import _utf16_without_bom

    if _utf16_without_bom(data[:8192]):
        codec = "utf-16-le" if data[1::2][:4096].count(0) > data[0::2][:4096].count(0) else "utf-16-be"
        try:
            return data.decode(codec), codec, None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("gb18030"), "gb18030", None
    except UnicodeDecodeError:
        pass
    # neither reads it whole: the one that fails later is the file's encoding
    utf8, gb = find_invalid(data, "utf-8"), find_invalid(data, "gb18030")
    codec = "utf-8" if (utf8[1], -utf8[0]) <= (gb[1], -gb[0]) else "gb18030"
    return data.decode(codec, errors="replace"), codec, utf8 if codec == "utf-8" else gb


def read_text(data: bytes) -> TextInput:
    text, encoding, invalid = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    url = layout = truncated = ""
    drop = 0
    for line in lines[:4]:
        s = line.strip()
        if s.startswith("SOURCE:") and not url:
            url = s.removeprefix("SOURCE:").strip()
        elif s.startswith("LAYOUT:") and not layout:
            layout = s.removeprefix("LAYOUT:").strip()
        elif s.startswith("TRUNCATED") and not truncated:
            truncated = s
        else:
            break
        drop += 1
    return TextInput("\n".join(lines[drop:]), encoding, url, layout, truncated, invalid)


# ---------------------------------------------------------------------------------------
# Layout detection
# ---------------------------------------------------------------------------------------


def text_sheet(source: TextInput, name: str = "") -> Sheet:
    text = source.text
    lines = text.split("\n")
    truncated = bool(source.truncated)
    tab_lines = sum(1 for line in lines if "\t" in line.strip("\n") and line.count("\t") >= 1)
    if tab_lines >= 3:
        return _tab_sheet(lines, name, truncated)
    if text.count("|") >= 6:
        wide = sum(1 for line in lines if sum(1 for c in line.split("|") if c.strip()) >= 3)
        if wide >= 2:
            return _compact_sheet(lines, name, truncated)
        return _pipe_stream_sheet(text, name, truncated)
    if _spaced(lines):
        return _spaced_sheet(lines, name, truncated)
    blank_cells = sum(1 for line in lines if line and not line.strip())
    separators = len(re.findall(r"\n\n", text))
    if blank_cells >= 3 and separators >= 10:
        return _paragraph_sheet(text, name, truncated)
    from .wordrows import is_word_rows

    if is_word_rows(lines):
        return _word_rows_sheet(lines, name, truncated)
    return _words_sheet(lines, name, truncated)


_CELL_GAP_RE = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")  # two spaces, a wide space


def _spaced(lines: Sequence[str]) -> bool:
    """Rows whose cells are separated by runs of spaces (``pdftotext -layout``, a web page
    copied as text, a fixed-width export): most lines of three words or more (a label line
    may hold one cell) have a gap of two spaces or a wide space in them."""
    rows = [line for line in lines if line.strip()]
    gapped = sum(1 for line in rows if _CELL_GAP_RE.search(line.strip()))
    return len(rows) >= 5 and gapped >= 5 and gapped * 2 >= len(rows)


def _spaced_sheet(lines: Sequence[str], name: str, truncated: bool) -> Sheet:
    """A row a line, cells where two spaces or more stand (a single space is a cell's own,
    as in a name typed with one): blank cells are not seen, so the rows are ``compact``."""
    rows = [tuple(clean(c) for c in _CELL_GAP_RE.split(line.strip()))
            for line in lines if line.strip()]
    return Sheet(name, "compact", tuple(rows), truncated=truncated)


def _tab_sheet(lines: Sequence[str], name: str, truncated: bool) -> Sheet:
    rows: list[tuple[str, ...]] = []
    breaks: set[int] = set()
    pending_break = False
    for line in lines:
        if not line.strip():
            pending_break = True
            continue
        if pending_break:
            breaks.add(len(rows))
            pending_break = False
        if "\t" in line:
            rows.append(tuple(clean(c) for c in line.split("\t")))
        else:
            rows.append((clean(line),))
    if any(len(c) == 1 and "\u4e00" <= c <= "\u9fff" for r in rows for c in r):
        # a label printed down its rows, a character a row
        from .vertical import join_vertical

        joined, n, dropped = join_vertical(rows)
        if n:
            breaks = {b - sum(1 for d in dropped if d < b) for b in breaks}
            rows = joined
    return Sheet(name, "tab", tuple(rows), frozenset(breaks), truncated=truncated)


def _compact_sheet(lines: Sequence[str], name: str, truncated: bool) -> Sheet:
    rows: list[tuple[str, ...]] = []
    for line in lines:
        if not line.strip():
            continue
        if "|" in line:
            cells = [clean(c) for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(tuple(cells))
        else:
            rows.append((clean(line),))
    return Sheet(name, "compact", tuple(rows), truncated=truncated)


def _paragraphs(segment: str) -> list[list[str]]:
    """Groups of non-blank lines, split where a blank line stands between two of them."""
    groups: list[list[str]] = [[]]
    for line in segment.split("\n"):
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _pipe_stream_sheet(text: str, name: str, truncated: bool) -> Sheet:
    segments = text.split("|")
    runs: list[list[str]] = [[]]

    def prose() -> None:
        if runs[-1]:
            runs.append([])

    last = len(segments) - 1
    for i, segment in enumerate(segments):
        groups = _paragraphs(segment)
        if i == last:
            # after the last separator: a short cut-off cell, or the prose after the table
            if len(groups) == 1 and len(groups[0]) == 1 and len(groups[0][0].strip()) <= 40:
                runs[-1].append(clean(groups[0][0]))
            elif groups:
                # the text after the table goes on to the reader, a line a cell in a run of
                # its own (the narrative, a section after the form: 存在问题, 评价结论 …)
                prose()
                runs[-1].extend(clean(line) for group in groups for line in group)
            continue
        if len(groups) > 1:
            # paragraphs between two tables' cells: the text between goes on to the reader
            # as a run of its own, a line a cell; the last paragraph is the next cell
            prose()
            runs[-1].extend(clean(line) for group in groups[:-1] for line in group)
            prose()
            runs[-1].append(clean(" ".join(groups[-1])))
            continue
        if groups and sum(len(line) for line in groups[0]) > 400:
            # a long text without blank lines: text between tables, which goes on to the
            # reader as a run of its own; where in it the next cell begins is not known
            prose()
            runs[-1].extend(clean(line) for line in groups[0])
            prose()
            runs[-1].append("")
            continue
        runs[-1].append(clean(" ".join(groups[0])) if groups else "")
    return Sheet(name, "stream", tuple(tuple(r) for r in runs if r), truncated=truncated)


def _paragraph_sheet(text: str, name: str, truncated: bool) -> Sheet:
    chunks = re.split(r"\n\n+", text)
    cells = [clean(" ".join(chunk.split("\n"))) if chunk.strip() else "" for chunk in chunks]
    if cells and not chunks[-1]:
        cells.pop()  # the text's final line break
    return Sheet(name, "stream", (tuple(cells),), truncated=truncated)


def _word_rows_sheet(lines: Sequence[str], name: str, truncated: bool) -> Sheet:
    """A row a line, one space between cells (:mod:`.wordrows`): blank cells are not seen and
    a cell may be cut at its own space, so the rows are ``compact`` and ``split_words``."""
    from .wordrows import row_cells

    rows = [row_cells(line) for line in lines if line.strip()]
    return Sheet(name, "compact", tuple(r for r in rows if r), truncated=truncated,
                 split_words=True)


def words_sheet(lines: Sequence[str], name: str = "", truncated: bool = False) -> Sheet:
    """The text as one run of whitespace words (mode ``words``)."""
    return _words_sheet(lines, name, truncated)


def _words_sheet(lines: Sequence[str], name: str, truncated: bool) -> Sheet:
    from .spaced import join_spaced_labels  # labels need the vocabulary: loaded on use

    words = [clean(w) for line in lines for w in line.split()]
    words = join_spaced_labels([w for w in words if w])  # 产 出 指 标, 一级 指标: one label
    return Sheet(name, "words", tuple([tuple(words)]), truncated=truncated)


# ---------------------------------------------------------------------------------------
# Grids (structured files)
# ---------------------------------------------------------------------------------------

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)


def grid_sheet(name: str, rows: Sequence[Sequence[str]], merges: Sequence[Merge] = (), *,
               notes: Sequence[Note] = (), prose: Sequence[int] = (),
               pages: Sequence[int] = ()) -> Sheet:
    """A ``grid`` sheet: rows of cell text (rows may differ in length) and merged ranges,
    whose top-left value is copied into every cell they cover, each cell recording that
    origin.  Ranges reaching past the rows are cut to them."""
    texts = [list(row) for row in rows]
    origins = [[(r, c) for c in range(len(row))] for r, row in enumerate(texts)]
    for r0, c0, r1, c1 in merges:
        if r0 >= len(texts) or c0 >= len(texts[r0]):
            continue
        value = texts[r0][c0]
        for r in range(r0, min(r1 + 1, len(texts))):
            for c in range(c0, min(c1 + 1, len(texts[r]))):
                texts[r][c] = value
                origins[r][c] = (r0, c0)
    return Sheet(name, "grid", tuple(tuple(row) for row in texts),
                 origins=tuple(tuple(row) for row in origins), notes=tuple(notes),
                 prose=frozenset(prose), pages=tuple(pages))
