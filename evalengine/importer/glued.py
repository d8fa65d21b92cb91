"""Text with no cell boundaries at all: cut a glued run at the labels it contains.

A form flattened with every separator lost (``…项目名称东津院区建设补助主管部门襄阳市卫生健康委…``)
comes in as a few very long words.  Each is cut before and after every label of the
vocabulary (the labels of :mod:`.labels` and of every ``rules/layouts`` file) and after a
form title (``…自评表``), so the recogniser sees label and value cells again; the values
between two labels (``1484631.00%``) are left whole for :mod:`.decoder`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from . import labels as L
from .sheets import Sheet

__all__ = ["unglue"]

LONG = 40  # a word longer than this that holds two labels is a glued run
_TAG_RE = re.compile(r"\([A-Z/×*0-9%]{1,12}\)")
_TITLE_RE = re.compile(r"[^\s:：|]{0,40}?自评表(?:\(\d{4}年度?\))?")


@cache
def _label_re() -> re.Pattern[str]:
    words = {k for k in L.all_label_keys() if len(k) >= 2}
    words |= {"其中", "合计", "总分"}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternation})")


def _cut(word: str) -> list[str]:
    s = unicodedata.normalize("NFKC", word)
    pieces: list[str] = []
    pos = 0
    title = _TITLE_RE.search(s)
    if title is not None and title.start() < 80:
        if title.start():
            pieces.append(s[: title.start()])
        pieces.append(title.group())
        pos = title.end()
    for m in _label_re().finditer(s, pos):
        if m.start() > pos:
            pieces.append(s[pos:m.start()])
        pieces.append(m.group().rstrip(":"))
        pos = m.end()
    if pos < len(s):
        pieces.append(s[pos:])
    out: list[str] = []
    for piece in (p.strip(":") for p in pieces):
        if not piece:
            continue
        # "其中" + "中央财政资金", "全年预算数" + "(A)": one cell each
        if out and (out[-1] == "其中" or _TAG_RE.fullmatch(piece)):
            out[-1] = out[-1] + (":" if out[-1] == "其中" else "") + piece
            continue
        out.append(piece)
    return out


def unglue(sheet: Sheet) -> Sheet:
    """A words sheet whose long words are glued runs, as cells; any other sheet unchanged."""
    if sheet.mode != "words":
        return sheet
    rows = []
    changed = False
    for row in sheet.rows:
        cells: list[str] = []
        for word in row:
            if len(word) > LONG and len(_label_re().findall(word)) >= 2:
                cells.extend(_cut(word))
                changed = True
            else:
                cells.append(word)
        rows.append(tuple(cells))
    if not changed:
        return sheet
    return Sheet(sheet.name, "words", tuple(rows), sheet.breaks, sheet.origins, sheet.truncated)
