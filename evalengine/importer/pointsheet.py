"""A score sheet whose labels carry their points (一级指标 | 二级指标 | 三级指标 | 得分, each
label printed with its points: ``部门决策(25分) 目标任务(15分) 相关性(5分) 5``), read from a
run of words.

There is no 分值 column: a label followed by a number no greater than its points is a 三级
row (分值 its points, 得分 the number); a label with no number after it is a level above.
Which level is told by the form's arithmetic: a level's points are the sum of the levels or
rows under it, so a label that fits in what is left of the open 一级 is its 二级, and one
that does not (or comes when the 一级 is used up) opens a new 一级.  A label broken by a
space before its points (``部门决 策(25分)``) is joined back.  Where the run breaks off the
last label is a row whose figures were not seen.  Pure: words in, rows out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from . import labels as L

__all__ = ["PointsRow", "points_tag", "read_points_sheet"]

_TAG_RE = re.compile(r"^(?P<label>.*?)[(（]\s*(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]$")
_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_CUT_RE = re.compile(r"(?:\.{3,}|…+)$")  # the excerpt's own mark that the text goes on


@attrs.frozen
class PointsRow:
    """A 三级 row: its levels (without their points), name, 分值 (its points) and 得分
    (None: not seen -- ``cut`` when the text breaks off in it -- or a number above the
    points, which is no 得分 of it)."""

    level1: str
    level2: str
    name: str
    weight: Decimal | None
    score: Decimal | None
    cut: bool = False
    words: tuple[int, ...] = ()  # the positions in the run it took


def points_tag(word: str) -> tuple[str, Decimal] | None:
    """(label, points) of a word ending in its points, ``相关性(5分)``; None otherwise."""
    m = _TAG_RE.match(L.key(word))
    if m is None:
        return None
    return m.group("label"), Decimal(m.group("points"))


def _score(word: str) -> Decimal | None:
    k = L.key(word)
    return Decimal(k) if _NUMBER_RE.match(k) else None


def read_points_sheet(words: Sequence[str], levels: int = 2, *,
                      cut: bool = False) -> tuple[list[PointsRow], list[int]] | None:
    """The rows of ``words`` (a run after the header), ``levels`` the levels above 三级 the
    header has (0-2); with the positions of the words no row took.  None unless at least two
    rows read (a label with its points, a number after it)."""
    items: list[tuple[str, Decimal | None, Decimal | None, tuple[int, ...]]] = []
    loose: list[int] = []
    pending: list[int] = []  # untagged words before a tagged one: the label's first part
    n = 0
    while n < len(words):
        w = words[n]
        tag = points_tag(w)
        if tag is None:
            if _score(w) is not None or L.is_blank(w):
                loose.extend(pending)
                loose.append(n)
                pending = []
            else:
                pending.append(n)
            n += 1
            continue
        label = "".join(L.key(words[p]) for p in pending) + tag[0]
        at = (*pending, n)
        pending = []
        score = _score(words[n + 1]) if n + 1 < len(words) else None
        if score is not None and score <= tag[1]:
            items.append((label, tag[1], score, (*at, n + 1)))
            n += 2
        elif score is not None:  # a row whose 得分 exceeds its points: not read
            items.append((label, tag[1], Decimal(-1), at))
            loose.append(n + 1)
            n += 2
        else:
            items.append((label, tag[1], None, at))
            n += 1
    if sum(1 for _, _, s, _ in items if s is not None) < 2:
        return None
    rows: list[PointsRow] = []
    l1 = l2 = ""
    left1: Decimal | None = None  # what of the open 一级's points is not yet under it
    for label, points, score, at in items:
        if score is not None:
            rows.append(PointsRow(l1, l2, label, points, score if score >= 0 else None,
                                  words=at))
            if levels == 1 and left1 is not None and points is not None:
                left1 -= points
            continue
        if levels >= 2 and left1 is not None and points is not None and 0 < points <= left1:
            l2 = label
            left1 -= points
        elif levels >= 1:
            l1, l2, left1 = label, "", points
        else:
            loose.extend(at)
    if pending and cut:
        name = _CUT_RE.sub("", "".join(L.key(words[p]) for p in pending))
        if name:
            rows.append(PointsRow(l1, l2, name, None, None, cut=True, words=tuple(pending)))
            pending = []
    loose.extend(pending)
    return rows, sorted(loose)


# ---------------------------------------------------------------------------------------
# A rubric's rows in a run of words, no header: name | 分值 | 得分, levels with their points
# ---------------------------------------------------------------------------------------

_SEP = "\x00"  # where one word ended and the next began
# a level's points, its parts perhaps split over words: (10 分), ( 10 ), (特性指标70 分); its
# opening parenthesis may be cut off with the line before (20 分)
_RUN_TAG_RE = re.compile(
    r"\(\x00?(?:[\u4e00-\u9fff]{1,6}\x00?)?(\d{1,3}(?:\.\d{1,2})?)\x00?(?:分\x00?)?\)"
    r"|(?:^|(?<=\x00))(\d{1,3}(?:\.\d{1,2})?)\x00?分\)")


@attrs.frozen
class RubricRow:
    """A row of a rubric run: its levels and name ("" with the field in ``unread`` when they
    could not be told), 分值 and 得分 (None: not printed, or in ``unread``)."""

    level1: str
    level2: str
    name: str
    weight: Decimal | None
    score: Decimal | None
    unread: tuple[tuple[str, str], ...] = ()
    words: tuple[int, ...] = ()


def _run_items(words: Sequence[str]) -> list[tuple[str, object, tuple[int, ...]]]:
    """The run as ("tag", points), ("num", value) and ("text", text) items, each with the
    words it came from; a parenthesised note broken off by a space joins its text."""
    keys = [L.key(w) for w in words]
    s = _SEP.join(keys)
    owner: list[int] = []
    for n, k in enumerate(keys):
        owner.extend([n] * len(k))
        owner.append(n)  # the separator after it
    items: list[tuple[str, object, tuple[int, ...]]] = []

    def text_items(a: int, b: int) -> None:
        pos = a
        for part in s[a:b].split(_SEP):
            at = tuple(sorted({owner[x] for x in range(pos, pos + len(part))}))
            pos += len(part) + 1
            if not part:
                continue
            value = _score(part)
            if value is not None:
                items.append(("num", value, at))
            elif part.startswith("(") and items and items[-1][0] == "text" \
                    and at and items[-1][2] and items[-1][2][-1] == at[0] - 1:
                kind, text, was = items.pop()
                items.append(("text", str(text) + part, (*was, *at)))
            else:
                items.append(("text", part, at))

    pos = 0
    for m in _RUN_TAG_RE.finditer(s):
        text_items(pos, m.start())
        points = Decimal(m.group(1) or m.group(2))
        items.append(("tag", points, tuple(sorted({owner[x] for x in range(m.start(), m.end())}))))
        pos = m.end()
    text_items(pos, len(s))
    return items


def _cut_level(text: str, levels: frozenset[str]) -> tuple[str, str] | None:
    """(level, name) of a level label run into its first row's name: after the longest known
    level word it starts with; None when no such word starts it."""
    best = ""
    for n in range(min(len(text) - 1, 8), 1, -1):
        head = text[:n]
        if head in levels or L.is_l1(head) or L.is_l2(head):
            best = head
            break
    return (best, text[len(best):]) if best else None


def _read_run(items: list[tuple[str, object, tuple[int, ...]]], precede: bool,
              levels: frozenset[str]) -> tuple[list[RubricRow], int, list[int]]:
    """The rows with the tags read as the points of the text after them (``precede``) or
    before them; with how many levels' points are the sum of what is under them."""
    tag_of: dict[int, Decimal] = {}
    for n, (kind, value, _) in enumerate(items):
        if kind != "tag":
            continue
        step = 1 if precede else -1
        k = n + step
        if 0 <= k < len(items) and items[k][0] == "text":
            tag_of[k] = value  # type: ignore[assignment]
    rows: list[RubricRow] = []
    loose: list[int] = []
    # open levels: [label, points, sum of what is under it, all known]
    l1: list = ["", None, Decimal(0), True]
    l2: list = ["", None, Decimal(0), True]
    fits = 0

    def close(level: list) -> None:
        nonlocal fits
        if level[1] is not None and level[3] and level[2] == level[1]:
            fits += 1

    def open_level(label: str, points: Decimal) -> list:
        nonlocal l1, l2
        left = (l1[1] - l1[2]) if l1[1] is not None else None
        if l1[1] is not None and left is not None and 0 < points <= left:
            close(l2)
            l1[2] += points
            l2 = [label, points, Decimal(0), True]
            return l2
        close(l2)
        close(l1)
        l1 = [label, points, Decimal(0), True]
        l2 = ["", None, Decimal(0), True]
        return l1

    n = 0
    while n < len(items):
        kind, value, at = items[n]
        if kind == "tag":
            n += 1
            continue
        if kind == "num":
            loose.extend(at)
            n += 1
            continue
        text = str(value)
        if L.key(text) in L.TOTAL_ROWS:
            break
        nums = []
        k = n + 1
        while k < len(items) and items[k][0] == "num" and len(nums) < 2:
            nums.append(items[k])
            k += 1
        words_at = tuple(x for item in (items[n], *nums) for x in item[2])
        unread: dict[str, str] = {}
        name = text
        if n in tag_of and not nums:
            open_level(text, tag_of[n])
            n += 1
            continue
        if n in tag_of:  # a level label run into its first row's name
            cut = _cut_level(text, levels)
            level = open_level(cut[0] if cut else "", tag_of[n])
            if cut is None:
                unread.update(name="ambiguous")
                unread["level2" if level is l2 else "level1"] = "ambiguous"
                level[0] = None  # its rows' level is not known either
                name = ""
            else:
                name = cut[1]
        weight = score = None
        if len(nums) == 2 and nums[0][1] >= nums[1][1]:  # type: ignore[operator]
            weight, score = nums[0][1], nums[1][1]
        elif nums:
            unread.update(weight="ambiguous", score="ambiguous")
        if l1[1] is None and not l1[0] and weight is None:
            loose.extend(words_at)  # words before the rubric's first level (a page's head)
            n = k
            continue
        owner = l2 if l2[1] is not None else l1
        if weight is not None:
            owner[2] += weight
        elif nums:
            owner[3] = False  # a figure of its own lost: the level's sum is not known
        for lv, field in ((l1, "level1"), (l2, "level2")):
            if lv[0] is None:
                unread.setdefault(field, "ambiguous")
        rows.append(RubricRow(l1[0] or "", l2[0] or "", name, weight, score,  # type: ignore[arg-type]
                              tuple(sorted(unread.items())), words_at))
        n = k
    close(l2)
    close(l1)
    return rows, fits, loose


def read_rubric_run(words: Sequence[str], levels: Sequence[str],
                    ) -> tuple[list[RubricRow], list[int]] | None:
    """A rubric's rows in a run of words with no header (a page starting inside the table):
    a name, then its 分值 and 得分 (得分 ≤ 分值); the 一级/二级 labels carry their points, which a
    flattening may print before the label or after it -- the side that makes more levels'
    points the sum of what is under them is taken (a tie: None).  None too unless three rows
    or more read with both figures and at least two levels add up."""
    items = _run_items(words)
    known = frozenset(L.key(w) for w in levels)
    readings = [_read_run(items, precede, known) for precede in (True, False)]
    (rows_a, fit_a, loose_a), (rows_b, fit_b, loose_b) = readings
    if fit_a == fit_b:
        return None
    rows, fit, loose = (rows_a, fit_a, loose_a) if fit_a > fit_b else (rows_b, fit_b, loose_b)
    if fit < 2 or sum(1 for r in rows if r.weight is not None) < 3:
        return None
    return rows, loose
