"""Form layouts as data: ``rules/layouts/<id>.toml`` (issue 10 §1).

A layout says how one kind of published form looks: the words of its title, the labels
that identify it, its blocks (header fields, funds, goal, indicators, narrative, total) and
for each block its columns — each with a **type** (money, percent, points, number, text,
indicator, operator, unit) and the label words that name it — and the **arithmetic** that
ties a row together (``rate = executed / budget``, ``score = weight * rate``,
``score <= weight``, ``score = 20 * rate``).  The scoring profile a form of this layout is
scored under is named by ``profile``.

Loading is typed and validated (:func:`evalengine.loader.load_config`): an unknown key, a
wrong type, an unknown column type or a relation that does not parse is a
:class:`~evalengine.loader.ConfigError` naming the file and the key path.  A new layout is
a new data file; nothing here names a layout.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

import attrs

from ..loader import ConfigError, Problem, load_config
from ..resources import rules_dir

__all__ = ["Column", "Layout", "Relation", "load_layouts", "recognise_layout"]

TYPES = ("money", "percent", "points", "number", "text", "indicator", "operator", "unit", "flag")
BLOCKS = ("header", "funds", "goal", "indicators", "narrative", "total", "revenue",
          "expenditure", "management")
KINDS = ("project", "department", "transfer", "rubric", "report")


@attrs.frozen
class Column:
    field: str  # a key of the case record the block fills (budget, executed, target, score …)
    type: str
    labels: tuple[str, ...] = ()  # header words that name the column, synonyms included
    optional: bool = False  # mostly printed blank (调整指标值): a blank cell costs nothing
    # sub-columns one header cell spans, printed under it on a second header line
    # (预期指标值 over 符号 | 值 | 单位): where the form prints any of their labels, the
    # column is read as these, in this order
    parts: tuple[Column, ...] = ()
    # labels too common to mean this column on any form (部门): read only on forms of this
    # layout, never added to the recogniser's vocabulary nor cut out of glued text
    own_labels: tuple[str, ...] = ()


@attrs.frozen
class Block:
    kind: str
    starts: tuple[str, ...] = ()  # labels that open the block (项目资金, 预算执行情况 …)
    columns: tuple[Column, ...] = ()  # in the order the form prints them
    rows: tuple[str, ...] = ()  # row labels of the block (年度资金总额, 其中:财政拨款 …)
    arithmetic: tuple[str, ...] = ()  # relations between the columns of one row
    points: Decimal | None = None  # the block's share of the total (20 in a 20/80 form)
    # its labels are words too common to be vocabulary (合计, 其他, 中央): read only inside a
    # form of this layout, as a run of them, and its figures wherever the text scattered them
    local: bool = False
    # every cell printed as label | figure: the column's label before the total row's figure,
    # the row's label again before each column's figure (计划安排资金 | 700 | 实际到位资金 |
    # 690 …, 其中:中央财政 | 300 | 其中:中央财政 | 290 …)
    pairs: bool = False


@attrs.frozen(cache_hash=True)  # a key of the layouts' word counts (_vocabulary)
class Layout:
    id: str
    name: str
    source: str  # the regulation or document this layout is taken from
    profile: str  # scoring profile id in rules/profiles/
    kind: str = "project"
    scored: bool = True  # the form carries its own 分值/得分
    title: tuple[str, ...] = ()  # words of the title (any one)
    signs: tuple[str, ...] = ()  # labels that tell this layout from the others
    blocks: tuple[Block, ...] = ()
    notes: str = ""
    fallback: bool = False  # read when it ties with others (the national template)

    def block(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    def columns(self, kind: str) -> tuple[Column, ...]:
        block = self.block(kind)
        return block.columns if block is not None else ()

    def own_labels(self, kind: str) -> dict[str, str]:
        """key of an ``own_labels`` label of the block ``kind`` → its field."""
        return {_squash(lab): c.field for c in self.columns(kind) for lab in c.own_labels}

    def parts(self, kind: str) -> dict[str, tuple[Column, ...]]:
        """field of a column that spans sub-columns → its parts, in the block ``kind``."""
        return {c.field: c.parts for c in self.columns(kind) if c.parts}


@attrs.frozen
class Relation:
    """One relation of a row's arithmetic, parsed from ``"rate = executed / budget"``."""

    result: str
    op: str  # "/" "*" "-" "<=" "sum" ("a = b - c": a blank c deducts nothing)
    left: str  # a field, or a constant for "20 * rate"
    right: str = ""

    @classmethod
    def parse(cls, text: str) -> Relation | None:
        s = "".join(text.split())
        if m := re.fullmatch(r"(\w+)<=(\w+)", s):
            return cls(m.group(1), "<=", m.group(2))
        if m := re.fullmatch(r"(\w+)=(\w+|\d+(?:\.\d+)?)([/*-])(\w+)", s):
            return cls(m.group(1), m.group(3), m.group(2), m.group(4))
        if m := re.fullmatch(r"(\w+)=sum\((\w+)\)", s):
            return cls(m.group(1), "sum", m.group(2))
        return None


def _validate(path: Path, layout: Layout) -> None:
    problems: list[Problem] = []
    if layout.id != path.stem:
        problems.append(Problem("$.id", "id-not-file-name", f"{layout.id!r} ≠ {path.stem!r}"))
    if layout.kind not in KINDS:
        problems.append(Problem("$.kind", "unknown-kind", "/".join(KINDS)))
    for b, block in enumerate(layout.blocks):
        if block.kind not in BLOCKS:
            problems.append(Problem(f"$.blocks[{b}].kind", "unknown-block", "/".join(BLOCKS)))
        fields = {c.field for c in block.columns} | {
            p.field for c in block.columns for p in c.parts}
        for c, column in enumerate(block.columns):
            if column.type not in TYPES:
                problems.append(Problem(f"$.blocks[{b}].columns[{c}].type", "unknown-type",
                                        "/".join(TYPES)))
            for n, part in enumerate(column.parts):
                if part.type not in TYPES:
                    problems.append(Problem(f"$.blocks[{b}].columns[{c}].parts[{n}].type",
                                            "unknown-type", "/".join(TYPES)))
                if part.parts:
                    problems.append(Problem(f"$.blocks[{b}].columns[{c}].parts[{n}].parts",
                                            "nested-parts", "a part has no parts of its own"))
        for a, text in enumerate(block.arithmetic):
            rel = Relation.parse(text)
            if rel is None:
                problems.append(Problem(f"$.blocks[{b}].arithmetic[{a}]", "bad-relation", text))
                continue
            names = [rel.result, rel.left] + ([rel.right] if rel.right else [])
            for name in names:
                if not re.fullmatch(r"\d+(?:\.\d+)?", name) and name not in fields:
                    problems.append(Problem(f"$.blocks[{b}].arithmetic[{a}]", "unknown-column",
                                            name))
    if problems:
        raise ConfigError(str(path), tuple(problems))


def load_layout(path: Path) -> Layout:
    layout = load_config(path, Layout)
    _validate(path, layout)
    return layout


@cache
def load_layouts(directory: Path | None = None) -> tuple[Layout, ...]:
    """Every ``rules/layouts/*.toml``, in file-name order."""
    folder = (directory or rules_dir()) / "layouts"
    return tuple(load_layout(p) for p in sorted(folder.glob("*.toml")))


def profile_exists(profile_id: str, directory: Path | None = None) -> bool:
    """Is there a ``rules/profiles/<id>.toml`` to score this layout's forms under?"""
    return ((directory or rules_dir()) / "profiles" / f"{profile_id}.toml").is_file()


def relations(block: Block) -> tuple[Relation, ...]:
    return tuple(r for r in (Relation.parse(t) for t in block.arithmetic) if r is not None)


def _squash(text: str) -> str:
    """A word as cells are compared (NFKC, no spaces, no (A)/(B) column tags)."""
    from .labels import key

    return key(text)


def recognise_layout(text: str | list[str], layouts: tuple[Layout, ...] | None = None,
                     title: str = "") -> tuple[Layout | None, int, tuple[str, ...]]:
    """The layout whose words the form shows most: (layout, score, tied layouts).

    ``text`` is the form's cells (a string is split at whitespace).  A sign or label counts
    when it is a cell, or most of one (``年初预算数(A)``): a word inside a sentence says
    nothing about the layout.  ``title`` is the form's title cell, when known.  A word counts
    by how much it tells the layouts apart: the title (its best word) and each sign 3 when
    only one layout has the word, 2 when two do, 1 otherwise; a column label 1 when at most
    two layouts have it, else nothing (分值, 得分 are in every scored form); the layouts
    whose title word the form's title holds (the longest such word, held by at most two
    layouts) get :data:`TITLE_POINTS` more.  A tie is returned so the caller can say the
    layout is uncertain, except that the fallback layout wins a tie.
    """
    layouts = load_layouts() if layouts is None else layouts
    cells = [_squash(c) for c in (text.split() if isinstance(text, str) else text)]
    cells = [c for c in cells if c]
    joined = "\n".join(cells)
    words, count = _vocabulary(layouts)
    seen: dict[str, bool] = {}

    def shown(word: str) -> bool:
        if word not in seen:
            seen[word] = word in joined and any(
                word in c and len(c) <= len(word) + CELL_SLACK for c in cells)
        return seen[word]

    head = _squash(title)
    longest = max((len(w) for t, _, _ in words for w in t if head and w in head), default=0)
    scored: list[tuple[int, int, Layout]] = []
    for n, layout in enumerate(layouts):
        titles, signs, labels = words[n]
        # the title counts once (its best word); each sign and rare label on its own
        points = max((max(1, 4 - count[w]) for w in titles if w in joined), default=0)
        if head:
            points += TITLE_POINTS if any(w in head and len(w) == longest and count[w] <= 2
                                          for w in titles) else 0
        points += sum(max(1, 4 - count[w]) for w in signs - titles if shown(w))
        points += sum(1 for w in labels - titles - signs if count[w] <= 2 and shown(w))
        scored.append((points, -n, layout))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    if not scored or scored[0][0] == 0:
        return None, 0, ()
    tied = [t[2] for t in scored if t[0] == scored[0][0]]
    fallback = next((lay for lay in tied if lay.fallback), None)
    if fallback is not None:
        return fallback, scored[0][0], ()
    return tied[0], scored[0][0], tuple(lay.id for lay in tied[1:])


CELL_SLACK = 8  # a sign may carry this many more characters in its cell: 年初预算数(A)
TITLE_POINTS = 2  # the layouts whose title word the form's title holds (the longest one)


@lru_cache(maxsize=8)
def _vocabulary(layouts: tuple[Layout, ...]) -> tuple[
        tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...], Mapping[str, int]]:
    """Each layout's words (:func:`_words`) and in how many layouts each word stands: the
    same for every table of a run, so worked out once per set of layouts, not per table."""
    words = tuple(_words(layout) for layout in layouts)
    count: dict[str, int] = {}
    for titles, signs, labels in words:
        for w in titles | signs | labels:
            count[w] = count.get(w, 0) + 1
    return words, MappingProxyType(count)


def _words(layout: Layout) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    labels = frozenset(_squash(lab) for b in layout.blocks if not b.local for c in b.columns
                       for lab in (*c.labels, *(x for p in c.parts for x in p.labels)))
    return (frozenset(_squash(w) for w in layout.title), frozenset(_squash(w) for w in layout.signs),
            labels)


def all_labels(layouts: tuple[Layout, ...] | None = None) -> dict[str, dict[str, str]]:
    """block kind → {label → field}: the column words of every layout, for the recogniser's
    vocabulary (a label two layouts read as different fields is left out)."""
    layouts = load_layouts() if layouts is None else layouts
    out: dict[str, dict[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    for layout in layouts:
        for block in layout.blocks:
            if block.local:
                continue
            table = out.setdefault(block.kind, {})
            for column in block.columns:
                for label in column.labels:
                    k = _squash(label)
                    if table.get(k, column.field) != column.field:
                        clash.add((block.kind, k))
                    table[k] = column.field
    for kind, k in clash:
        out[kind].pop(k, None)
    return out
