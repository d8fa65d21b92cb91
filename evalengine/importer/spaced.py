"""Labels printed with spaces between their characters, in text read word by word.

A web table's merged 一级 cell often prints its label spaced out to fill the cell (``产 出 指
标``, ``绩 效 指 标``), and a header cell broken over two lines comes out as two words (``一级
指标``).  Text with no cell boundaries is read a word at a time (whitespace words), so such a
label becomes several words, each a spurious cell.  :func:`join_spaced_labels` puts them back:
a run of one-character words whose characters together are a label the vocabulary knows (a
column, section or category label) is one word, the longest such run winning; so are two
words of one or two characters that are no label alone and one together.  A run that spells
no label is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import labels as L

__all__ = ["join_spaced_labels"]

_SHORT_RE = re.compile(r"[\u4e00-\u9fff]{1,2}")
# the most words one label is spelt in (绩 效 指 标 目 标 …)
MAX_WORDS = 8


def _short(word: str) -> bool:
    return bool(_SHORT_RE.fullmatch(word))


def _label(text: str) -> bool:
    return L.is_l1(text) or L.is_l2(text) or L.is_indicator_section(text) \
        or L.key(text) in L.all_label_keys()


def join_spaced_labels(words: Sequence[str]) -> list[str]:
    """``words`` with each run of short words that spells a known label joined into it."""
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        if not _short(words[i]):
            out.append(words[i])
            i += 1
            continue
        # a run of single characters (产 出 指 标), else a label broken in two (一级 指标)
        end = i
        while end < n and end - i < MAX_WORDS and len(words[end]) == 1 and _short(words[end]):
            end += 1
        joined = None
        for j in range(end, i + 1, -1):  # the longest run first, two characters at least
            if _label(text := "".join(words[i:j])):
                joined = (text, j)
                break
        if joined is None and i + 1 < n and _short(words[i + 1]) \
                and _label(text := words[i] + words[i + 1]) \
                and not _label(words[i]) and not _label(words[i + 1]):
            joined = (text, i + 2)
        if joined is None:
            out.append(words[i])
            i += 1
        else:
            out.append(joined[0])
            i = joined[1]
    return out
