"""The facts of one case, found once and handed to scoring and to every rule.

Scoring and some seventy rules used to derive the same things from a case again and again:
its money figures, whether the form is cut off, the text of each field, each indicator
cell's parsed value, which rows are subtotals or 其中 repeats, what the importer did not
read.  :func:`case_facts` finds them in one walk of the case; :class:`CaseFacts` is frozen,
so the engine builds it once and passes the same record to :func:`~evalengine.scoring.score_case`
and to each rule (``ctx.facts``).

Texts are the ones the text rules search: each field cut to ``max_text_chars``
(docs/limits.md).  Parsed cells are the whole cells, as scoring reads them.  What only some
rules ask for (a text without whitespace or in NFKC, the clauses of a text with their
values, the profile fit) is found the first time it is asked for and kept.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from .limits import current
from .model import Case, Indicator
from .money import Figures, figures
from .numbers import ZERO
from .profile import Profile
from .provenance import is_unread, unread_paths, unverifiable
from .taxonomy import Category, Taxonomy, load_taxonomy
from .values import Dimension, Quantity, Text, Value, parse_value, repeats
from .vocabulary import load_vocabulary

__all__ = ["ROW_FIELDS", "CaseFacts", "Row", "case_facts", "compact", "is_blank_row",
           "is_scored_form", "is_truncated", "normalised", "row_roles", "text_fields"]


# --- the text of a case, by key path -----------------------------------------------------

# the free-text fields of a case outside its indicator rows, in form order
_FIELDS = (
    ("project", ("name", "source", "department", "implementer", "code", "profile", "layout",
                 "incomplete")),
    ("funds", ("reason", "adjustment_reason", "note", "source")),
    ("goal", ("expected", "actual")),
    ("narrative", ("completion", "benefit", "conclusion", "problems", "measures", "deviation",
                   "claimed_grade")),
)
# the text cells of an indicator row
ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "operator", "unit", "deviation")


_SECTION_PATHS = tuple((section, tuple((name, f"$.{section}.{name}") for name in names))
                       for section, names in _FIELDS)
_ROW_CELLS = operator.attrgetter(*ROW_FIELDS)
_DEVIATION = ROW_FIELDS.index("deviation")


@functools.lru_cache(maxsize=1024)
def _row_paths(index: int) -> tuple[str, ...]:
    return tuple(f"$.indicators[{index}].{name}" for name in ROW_FIELDS)


def text_fields(case: Case) -> dict[str, str]:
    """Key path → text of every text field of ``case``: the header, funds, goal and
    narrative fields, each 其中 row's label, each indicator row's cells, then the
    ``[[ignore]]`` entries."""
    out = {}
    for section, names in _SECTION_PATHS:
        record = getattr(case, section)
        for name, path in names:
            out[path] = getattr(record, name)
    out["$.project.review"] = case.project.review.text  # a person's reason; a code has no text
    for i, row in enumerate(case.funds.rows):
        out[f"$.funds.rows[{i}].source"] = row.source
    for i, ind in enumerate(case.indicators):
        out.update(zip(_row_paths(i), _ROW_CELLS(ind)))
    for i, entry in enumerate(case.ignore):
        out[f"$.ignore[{i}].rule"] = entry.rule
        out[f"$.ignore[{i}].reason"] = entry.reason
    return out


def compact(text: str) -> str:
    """``text`` without whitespace."""
    return "".join(text.split())


_WS_RE = re.compile(r"\s+")
_CLAUSE_RE = re.compile(r"[^。;,、!?\n]+")  # a clause of a normalised text


def normalised(text: str) -> str:
    """``text`` in NFKC (fullwidth → ASCII, 。 stays), without whitespace."""
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


# --- the structure of the indicator table ------------------------------------------------

def is_blank_row(indicator: Indicator) -> bool:
    """A row with no 三级 name, target or actual: an empty 二级 line, not an indicator (a
    row whose name, target or actual was not read is not known to be empty)."""
    return not (indicator.name.strip() or indicator.target.strip() or indicator.actual.strip()
                or bool(indicator.unread.items
                        and any(is_unread(indicator, f) for f in ("name", "target", "actual"))))


_REPEAT = ("其中", "含：", "含:")


def row_roles(case: Case) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Rows of the indicator table that are not indicators, by index: ``("parent", children)``
    for a row with a 分值 but no target or actual whose next rows' 分值 add up to it (a 一级 or
    二级 subtotal), ``("repeat", (parent,))`` for a 其中 sub-row that repeats the row above it.
    Neither is scored: counting them would count their points twice (framework.md §3.5)."""
    rows = case.indicators
    roles: dict[int, tuple[str, tuple[int, ...]]] = {}
    for i, row in enumerate(rows):
        if row.not_applicable or i in roles:
            continue
        if i > 0 and row.name.strip().startswith(_REPEAT):
            above = max(j for j in range(i) if j not in roles or roles[j][0] == "parent")
            roles[i] = ("repeat", (above,))
            continue
        if row.weight is None or row.weight <= 0 or row.target.strip() or row.actual.strip():
            continue
        total, children = ZERO, []
        for j in range(i + 1, len(rows)):
            child = rows[j]
            if (child.weight is None or not (child.target.strip() or child.actual.strip())
                    or (row.level1.strip() and child.level1.strip() and child.level1 != row.level1)):
                break
            total += child.weight
            children.append(j)
            if total >= row.weight:
                break
        if children and total == row.weight:
            roles[i] = ("parent", tuple(children))
    return roles


def is_scored_form(case: Case) -> bool:
    """Does the form carry 分值/得分 cells (so a blank one is a blank, not a missing column)?"""
    funds = case.funds
    return (funds.claimed_weight is not None or funds.claimed_score is not None
            or is_unread(funds, "claimed_weight") or is_unread(funds, "claimed_score")
            or any(r.weight is not None or r.score is not None
                   or (bool(r.unread.items) and (is_unread(r, "weight") or is_unread(r, "score")))
                   for r in case.indicators))


class Row(NamedTuple):
    """One indicator row's facts: its cells parsed, and its place in the table.
    Immutable, and a tuple: one is made per row of every case."""

    index: int  # position in case.indicators: $.indicators[index]
    target: Value  # the 指标值 with the 指标性质/度量单位 columns and the form's year
    actual: Value  # the 完成值 with the 度量单位 column and the form's year
    # the 度量单位 column read as a quantity of 1 ("1" + the unit), None when it is blank
    unit_quantity: Value | None
    blank: bool  # no name, target or actual (is_blank_row)
    role: str = ""  # "parent" (a subtotal), "repeat" (a 其中 sub-row), "" (neither)
    related: tuple[int, ...] = ()  # a parent's children; a repeat's parent
    unverifiable: str | None = None  # why a field scoring needs was not read (provenance)
    category: Category | None = None  # the 一级 it belongs to, by its 一级 label else its 二级

    @property
    def counted(self) -> bool:
        """A row of the table that is an indicator: not an empty 二级 line, a subtotal or a
        其中 repeat (不适用 rows are counted: they are indicators, not scored)."""
        return not self.blank and not self.role


# --- the facts ---------------------------------------------------------------------------

@attrs.frozen
class CaseFacts:
    """What scoring and the rules know of one case before judging it."""

    money: Figures  # the total row, or the 其中 rows when it is empty (money.figures)
    total_row: Figures  # the total row as printed, never the 其中 rows
    truncated: bool  # the form is cut off (project.incomplete, or its source says so)
    texts: Mapping[str, str]  # key path → text, every text field (cut to max_text_chars)
    rows: tuple[Row, ...]  # one per indicator row, in order
    unread: tuple[tuple[str, str], ...]  # (key path, reason) of each field not read
    scored_form: bool  # the form has 分值/得分 cells (is_scored_form)
    year: int | None  # the form's 年度: dates written without a year are in it
    # the case as scored, for the facts found on demand (compact and normalised texts, a
    # row's own target cell, whether its actual copies it, misfit, clauses): each found
    # once, the first time it is asked for, and kept in _found
    _case: Case = attrs.field(eq=False, repr=False, alias="case")
    clipped: bool = False  # some text was longer than max_text_chars
    _found: dict = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def text(self, path: str) -> str:
        """The text at ``path`` ("" for a path that holds none)."""
        return self.texts.get(path, "")

    @property
    def deviation_paths(self) -> tuple[str, ...]:
        """``$.indicators[i].deviation`` of each row, in order (found once: the text rules
        ask it of every case)."""
        found = self._found.get(("deviation paths",))
        if found is None:
            found = self._found[("deviation paths",)] = tuple(
                _row_paths(row.index)[_DEVIATION] for row in self.rows)
        return found

    def once(self, key: tuple[Any, ...], find: Callable[[], Any]) -> Any:
        """What ``find()`` gives, found the first time ``key`` is asked for: a fact that
        only some rules need (the key names it, e.g. ``("explained",)``), found once a case."""
        if key not in self._found:
            self._found[key] = find()
        return self._found[key]

    def compact(self, path: str) -> str:
        """The text at ``path`` without whitespace."""
        return self.once(("compact", path), lambda: compact(self.text(path)))

    def normalised(self, path: str) -> str:
        """The text at ``path`` in NFKC, without whitespace."""
        return self.once(("normalised", path), lambda: normalised(self.text(path)))

    def target_cell(self, index: int) -> Value:
        """Row ``index``'s 指标值 as its own cell writes it: with the 指标性质 column, without
        the 度量单位 one (or the year)."""
        row = self._case.indicators[index]
        return self.once(("cell", index), lambda: parse_value(row.target, operator=row.operator))

    def copies_target(self, index: int) -> bool:
        """Whether row ``index``'s 完成值 only copies its 指标值 (:func:`values.repeats`:
        美化环境（河道） / 美化环境(河道)).  Scoring (text-repeats-target) and I315 both ask
        this."""
        row = self._case.indicators[index]
        return self.once(("copies", index), lambda: repeats(row.actual, row.target))

    def misfit(self, profile: Profile) -> tuple[str, str] | None:
        """Why the form's printed weights cannot be ``profile``'s (:func:`evalengine.fit.misfit`)."""
        key = ("misfit", profile.id)
        found = self._found
        if key not in found:  # asked by several rules: imported and found once a case
            from .fit import misfit  # fit reads scoring, which reads these facts

            found[key] = misfit(self._case, profile, facts=self)
        return found[key]

    def clauses(self, path: str) -> tuple[tuple[str, Value], ...]:
        """Each clause of the text at ``path`` (NFKC, no whitespace, cut at 。;,、!? and line
        ends) with its value: parsed with the row's 指标性质 and 度量单位 for a target cell,
        its 度量单位 for an actual cell, and the form's year."""
        return self.once(("clauses", path), lambda: self._clauses(path))

    def _clauses(self, path: str) -> tuple[tuple[str, Value], ...]:
        sign = unit = ""
        if path.startswith("$.indicators["):
            index, field = path.removeprefix("$.indicators[").split("].")
            unit = self.text(f"$.indicators[{index}].unit")
            if field == "target":
                sign = self.text(f"$.indicators[{index}].operator")
        return tuple((clause, parse_value(clause, operator=sign, unit=unit, default_year=self.year))
                     for clause in _CLAUSE_RE.findall(self.normalised(path)))

    def money_in(self, piece: str) -> tuple[Decimal, ...]:
        """The money amounts (元) a piece of a text field names (a sentence's part before
        or after 其中), as the value parser reads them: each piece read once."""
        return self.once(("money in", piece), lambda: _money_amounts(parse_value(piece)))

    def roles(self) -> dict[int, tuple[str, tuple[int, ...]]]:
        """The rows that are not indicators, as :func:`row_roles` gives them."""
        return {r.index: (r.role, r.related) for r in self.rows if r.role}


def _money_amounts(value: Value) -> tuple[Decimal, ...]:
    """Money amounts (元) in a parsed text."""
    if isinstance(value, Quantity):
        return (value.amount,) if value.dimension is Dimension.MONEY else ()
    if isinstance(value, Text):
        return tuple(q.amount for q in value.quantities if q.dimension is Dimension.MONEY)
    return ()


def is_truncated(case: Case) -> bool:
    """Whether the form is cut off: ``project.incomplete`` says why, or ``project.source``
    names one of the cut-off words (``rules/vocabulary.toml`` ``[truncation]``)."""
    project = case.project
    return bool(project.incomplete.strip()) or load_vocabulary().truncation.says_cut_off(project.source)


_NO_ROLE = ("", ())  # (role, related) of a row that is an indicator


def case_facts(case: Case, taxonomy: Taxonomy | None = None) -> CaseFacts:
    """The facts of ``case`` (scored as given; its texts as the text rules read them), its
    rows placed in ``taxonomy`` (the shipped one when not given)."""
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    texts = text_fields(case)
    limit = current().max_text_chars
    clipped = max(map(len, texts.values())) > limit
    if clipped:
        texts = {path: text[:limit] for path, text in texts.items()}
    roles = row_roles(case)
    year = case.project.year
    # the rows of a case read throughout (all but imported ones) are all scorable
    some_unread = bool(case.project.unread.items)
    new = tuple.__new__  # a Row per indicator row, without the NamedTuple's __new__ frame
    rows = tuple(
        new(Row, (i,
                  parse_value(ind.target, operator=ind.operator, unit=ind.unit, default_year=year),
                  parse_value(ind.actual, unit=ind.unit, default_year=year),
                  parse_value("1" + unit) if (unit := ind.unit.strip()) else None,
                  is_blank_row(ind),
                  *(roles[i] if i in roles else _NO_ROLE),
                  unverifiable(case, ind) if some_unread or ind.unread.items else None,
                  taxonomy.resolve(ind.level1, ind.level2)))
        for i, ind in enumerate(case.indicators)
    )
    return CaseFacts(money=figures(case.funds), total_row=figures(case.funds, rows=False),
                     truncated=is_truncated(case), texts=texts, rows=rows,
                     unread=unread_paths(case), scored_form=is_scored_form(case), year=year,
                     clipped=clipped, case=case)


