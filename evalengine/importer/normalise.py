"""Text as it really comes: normalisation before a form is recognised (issue 10 §3).

The vocabulary is data, ``rules/normalise.toml``: Traditional → Simplified (OpenCC), inline
pinyin glosses (``項(xiàng)目``), HTML entities, the web page around a form (document-sharing
sites' boilerplate lines and numbered page chunks), and OCR confusions in the number or
operator context where they happen (``W5%`` → ``≤5%``, ``1O0`` → ``100``).

:func:`normalise_text` works on a whole text file before it is cut into cells (page chunks
and boilerplate are lines); :func:`normalise_cell` on one cell (workbooks, documents).  Both
return what they changed, so the import report can say so and keep the original wording.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import attrs

from ..loader import load_config
from ..resources import rules_dir

__all__ = ["Normalised", "load_normalisation", "normalise_cell", "normalise_sheet",
           "normalise_text"]


@attrs.frozen
class OcrFix:
    pattern: str
    replace: str
    context: tuple[str, ...] = ()  # words one of which must stand shortly before the match
    window: int = 16
    # the fix shows the text was read by OCR (W for ≤, O for 0), not a glyph variant (≧)
    evidence: bool = True


@attrs.frozen
class OperatorPosition:
    """``[operator]``: OCR confusions read as an operator in the 指标性质 cell, and the words
    that may stand before a target's number (besides the value parser's)."""

    confusions: dict[str, str] = attrs.field(factory=dict)
    words: tuple[str, ...] = ()


@attrs.frozen
class GluedCut:
    """``[glued]``: label → words its value may end in that a following label begins with."""

    value_tails: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    # a text with this many label cells and figure cells on lines of their own holds a table
    # one cell per line: its long lines are paragraphs around it, not a glued form
    cell_lines: int = 10
    cell_length: int = 12


@attrs.frozen
class Normalisation:
    source: str
    opencc: str
    pinyin_gloss: str
    boilerplate: tuple[str, ...]
    form_words: tuple[str, ...]
    page_marker: str
    page_min_chars: int
    ocr: tuple[OcrFix, ...] = ()
    page_footer: str = r"(?!)"  # a line that is only a page number / footer
    operator: OperatorPosition = OperatorPosition()
    glued: GluedCut = GluedCut()


@attrs.frozen
class Normalised:
    text: str
    changes: tuple[str, ...] = ()  # slugs: "traditional", "pinyin", "html", "boilerplate", "pages", "page-footers", "wrapped-cells", "ocr"
    original: str = ""  # the text before conversion, when Traditional characters were converted


@cache
def load_normalisation(directory: Path | None = None) -> Normalisation:
    """``rules/normalise.toml``, validated (a wrong key is a ConfigError with its key path)."""
    data = load_config((directory or rules_dir()) / "normalise.toml", Normalisation)
    for fix in data.ocr:
        re.compile(fix.pattern)
    re.compile(data.pinyin_gloss)
    re.compile(data.page_marker)
    re.compile(data.page_footer)
    return data


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    try:
        import opencc
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return opencc.OpenCC(config)


@cache
def _compiled(directory: Path | None = None):  # type: ignore[no-untyped-def]
    n = load_normalisation(directory)
    return (
        n,
        re.compile(n.pinyin_gloss),
        re.compile(n.page_marker),
        tuple((re.compile(f.pattern), f) for f in n.ocr),
    )


_ENTITY_RE = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5});")


def _ocr(text: str, fixes) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """The text with the OCR fixes applied, and whether one that shows OCR (``evidence``)
    changed it."""
    evidence = False
    for pattern, fix in fixes:
        before_fix = text
        if not fix.context:
            text = pattern.sub(fix.replace, text)
            evidence = evidence or fix.evidence and text != before_fix
            continue

        def repl(m: re.Match[str], fix: OcrFix = fix) -> str:
            before = m.string[max(0, m.start() - fix.window): m.start()]
            return fix.replace if any(w in before for w in fix.context) else m.group()

        text = pattern.sub(repl, text)
        evidence = evidence or fix.evidence and text != before_fix
    return text, evidence


def normalise_cell(text: str, *, ocr: bool = True) -> Normalised:
    """One cell: Traditional → Simplified, glosses, entities and (unless ``ocr=False``, for
    cells typed into a workbook) OCR confusions."""
    n, gloss, _, fixes = _compiled()
    changes: list[str] = []
    out = text
    if _ENTITY_RE.search(out):
        out = html.unescape(out)
        changes.append("html")
    converter = _converter(n.opencc)
    if converter is not None and out and not out.isascii():
        converted = converter.convert(out)
        if converted != out:
            changes.append("traditional")
            out = converted
    stripped = gloss.sub("", out)
    if stripped != out:
        changes.append("pinyin")
        out = stripped
    fixed, evidence = _ocr(out, fixes) if ocr else (out, False)
    if fixed != out:
        changes.append("ocr")
        out = fixed
    if evidence:  # a 2 starting a target may be a ≥ (decoder.ocr_operator_doubt)
        changes.append("ocr-confusions")
    return Normalised(out, tuple(changes), text if "traditional" in changes else "")


def normalise_sheet(sheet):  # type: ignore[no-untyped-def]
    """A workbook's sheet, every cell normalised as typed text is (no OCR fixes, unless the
    sheet was read by OCR: a scanned PDF page): (sheet, changes)."""
    import attrs as _attrs

    changes: list[str] = []
    rows = []
    for row in sheet.rows:
        cells = []
        for cell in row:
            out = normalise_cell(cell, ocr=sheet.ocr) if cell and (
                sheet.ocr or not cell.isascii()) else None
            if out is not None and out.changes:
                changes.extend(c for c in out.changes if c not in changes)
                cells.append(out.text)
            else:
                cells.append(cell)
        rows.append(tuple(cells))
    if not changes:
        return sheet, ()
    return _attrs.evolve(sheet, rows=tuple(rows)), tuple(changes)


def _join_pages(lines: list[str], marker: re.Pattern[str], min_chars: int) -> tuple[list[str], bool]:
    """Numbered page chunks ``1、…`` ``2、…`` (each long) are one text: drop the markers, join."""
    out: list[str] = []
    expect = 1
    joined = False
    for line in lines:
        m = marker.match(line)
        if m and int(m.group(1)) == expect and (len(line) >= min_chars or expect > 1):
            body = line[m.end():]
            if expect > 1 and out:
                out[-1] = out[-1].rstrip("\n") + body
                joined = True
            else:
                out.append(body)
            expect += 1
            continue
        out.append(line)
    return out, joined


def _cells(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else []


def _drop_footers(lines: list[str], footer: re.Pattern[str]) -> tuple[list[str], bool]:
    """Page footers (``第 1 页，共 2 页``, ``- 3 -``) and form feeds are not form text.  When a
    page ends inside a table row, the row's two halves (tab cells before and after the footer)
    are one row: they are joined when together they are no wider than the table's widest
    row, so that two whole rows are never run into one."""
    width = max((len(_cells(line)) for line in lines), default=0)
    out: list[str] = []
    dropped = False
    broken = False
    for raw in lines:
        line = raw.replace("\f", "")
        if line != raw:
            dropped = True
        if footer.fullmatch(line.strip()):
            dropped = True
            broken = bool(out and 1 < len(_cells(out[-1])) < width)
            continue
        if broken and line.strip():
            head, tail = _cells(out[-1]), _cells(line) or [line]
            if len(head) + len(tail) <= width:
                out[-1] = "\t".join(head + tail)
                broken = False
                continue
        broken = False
        out.append(line)
    return out, dropped


MAX_WRAPS = 4  # lines one pipe row may wrap over (a cell each, at most)


def _join_wrapped_cells(lines: list[str]) -> tuple[list[str], bool]:
    """Pipe rows whose cells wrap: where the text ends its rows with ``|`` (most of its pipe
    lines do), a line without the terminator followed by a terminated one (or by up to
    :data:`MAX_WRAPS` open lines and then a terminated one) is one row whose cells run on:
    the lines are joined (no separator: the cell's text continues).
    A short line with no ``|`` joins only when the line before it closed a row, so a title or
    a 填报日期 line above the table is left alone."""
    piped = [line.rstrip() for line in lines if "|" in line]
    if len(piped) < 5 or sum(p.endswith("|") for p in piped) < 0.6 * len(piped):
        return lines, False
    out: list[str] = []
    joined = False
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        before = out[-1].rstrip() if out else ""
        # the row's last line: the first terminated one after a few open ones (a row with
        # several long cells wraps more than once)
        end = i + 1
        while end < len(lines) and end - i <= MAX_WRAPS and lines[end].strip() \
                and not lines[end].rstrip().endswith("|"):
            end += 1
        open_row = line.strip() and not line.endswith("|") and end < len(lines) \
            and lines[end].rstrip().endswith("|") and (
                "|" in line or (before.endswith("|") and len(line.strip()) <= 20))
        if open_row:
            out.append(line + "".join(x.strip() for x in lines[i + 1:end + 1]))
            joined = True
            i = end + 1
            continue
        out.append(lines[i])
        i += 1
    return out, joined


def _is_boilerplate(line: str, n: Normalisation) -> bool:
    """A line of the page around the form: it holds a boilerplate phrase and is short, or
    holds no form word at all (a long line of form text that quotes one is kept)."""
    if not any(b in line for b in n.boilerplate):
        return False
    return len(line) <= 200 or not any(w in line for w in n.form_words)


def normalise_text(text: str) -> Normalised:
    """A whole text file: converted as a cell, then boilerplate lines dropped, page chunks joined."""
    n, _, marker, _ = _compiled()
    footer = re.compile(n.page_footer)
    changes: list[str] = []
    kept: list[str] = []
    first = normalise_cell(text)
    for line in first.text.split("\n"):
        if _is_boilerplate(line, n):
            changes.append("boilerplate")
            continue
        kept.append(line)
    lines = kept
    lines, joined = _join_pages(lines, marker, n.page_min_chars)
    if joined:
        changes.append("pages")
    lines, footers = _drop_footers(lines, footer)
    if footers:
        changes.append("page-footers")
    lines, wrapped = _join_wrapped_cells(lines)
    if wrapped:
        changes.append("wrapped-cells")
    changes.extend(first.changes)
    seen: list[str] = []
    for c in changes:
        if c not in seen:
            seen.append(c)
    return Normalised("\n".join(lines), tuple(seen), text if "traditional" in seen else "")
