"""What a rule is: a frozen manifest (code, names, severity, messages, explanation, examples,
declared settings) and its check: a per-case part, ``check(ctx)``, and a per-row part,
``check_row(ctx, row)``, each yielding :class:`Hit` values (a rule has either or both).

The runner walks the scored indicator rows once per case and hands each :class:`ScoredRow`
to every rule's per-row part, so rules do not each walk the rows again; what a row's
checks share (its cells' compact texts, its target as the form shows it) is found once on
the :class:`ScoredRow`.  Rules never print and never build findings themselves: the runner
turns each hit into a :class:`~evalengine.findings.Finding` with the rule's message in both
languages.
"""

from __future__ import annotations

import functools
from types import MappingProxyType
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal, NamedTuple

import attrs

from ..facts import CaseFacts, Row, case_facts, compact, normalised
from ..findings import Severity
from ..model import Case, Department, Indicator, Suppression
from ..money import read
from ..profile import Profile
from ..provenance import load_provenance
from ..scoring import CaseScore, IndicatorScore
from ..taxonomy import Taxonomy, load_taxonomy
from ..values import Claim, ClaimLevel, Dimension, Empty, Quantity, Text, When

__all__ = [
    "CaseContext",
    "DepartmentContext",
    "Hit",
    "ProjectDigest",
    "ROW_KINDS",
    "Rule",
    "RuleCase",
    "ScoredRow",
    "Setting",
    "Words",
    "SuppressionContext",
    "CATEGORIES",
    "HERE",
    "MONEY",
    "RECORD",
    "ROWS",
    "TEXTS",
    "WEIGHTS",
]

SettingKind = Literal["number", "integer", "boolean", "text", "texts", "regex", "regexes"]


@attrs.frozen
class Setting:
    """A setting a rule declares (``[options.<name>]`` of ``rules/checks/<family>/<CODE>.toml``;
    its value is that file's ``[defaults]``).

    ``regex``/``regexes`` are a text/texts of regular expressions: compiled when the settings
    are loaded (a bad one is a config problem naming its key), and each must define the named
    ``groups``.  ``help`` is Chinese, ``help_en`` English (``--lang en``)."""

    name: str
    kind: SettingKind
    help: str
    min: Decimal | None = None
    max: Decimal | None = None
    help_en: str = ""
    groups: tuple[str, ...] = ()

    def help_in(self, lang: str) -> str:
        return (self.help_en or self.help) if lang == "en" else self.help


SEEN = 4096  # texts whose first_in answer a Words keeps (measured: docs/benchmarks.md)


class Words(tuple):
    """A ``texts`` setting's words (a tuple), each also without whitespace, found once when
    the settings are loaded rather than on every row a rule reads them against."""

    compacted: tuple[tuple[str, str], ...]  # (word, word without whitespace), blanks left out
    normalised: tuple[str, ...]  # each word in NFKC without whitespace, blanks left out
    _seen: dict[str, str]  # first_in's answers by text

    def __new__(cls, words: Iterable[str]) -> Words:
        self = super().__new__(cls, words)
        self.compacted = tuple((word, w) for word in self if (w := compact(word)))
        self.normalised = tuple(w for word in self if isinstance(word, str) and (w := normalised(word)))
        self._seen = {}  # text → the first word in it: first_in's answers, up to SEEN texts
        return self

    def __repr__(self) -> str:
        return tuple.__repr__(self)

    def once(self, key: str, find: Callable[[Words], Any]) -> Any:
        """What ``find(self)`` gives (a rule's table or pattern made of these words), found
        the first time ``key`` is asked for and kept with the words: once per run."""
        found = self.__dict__
        if key not in found:
            found[key] = find(self)
        return found[key]

    def any_in(self, text: str) -> bool:
        """Whether one of the words is in ``text`` (a text without whitespace, or such texts
        joined by line breaks: a word has no whitespace, so it is found in one of them).
        Nothing is kept: for a text asked once, such as all of a case's names."""
        return any(w in text for _, w in self.compacted)

    def first_in(self, text: str) -> str:
        """The first word found in ``text`` (a text without whitespace), or "".  Rules ask
        this of every row's 二级 label and name, which recur from row to row and form to
        form (a few dozen 二级 labels in all): the answers are kept, up to SEEN texts."""
        seen = self._seen
        found = seen.get(text)
        if found is None:
            found = ""
            for word, w in self.compacted:
                if w in text:
                    found = word
                    break
            if len(seen) < SEEN:
                seen[text] = found
        return found


class Hit(NamedTuple):
    """One place a rule fires: key path, message parameters, and the evidence, as typed
    values of :mod:`evalengine.evidence` (an amount, a rate, a quote of the form …) that
    are put into words only when a renderer asks, in its language.  A plain ``str`` is a
    word that is the same in both languages (a rule code, a profile id, an error text).
    Immutable, and a tuple: made for every finding, at a third of a frozen record's cost."""

    path: str
    params: Mapping[str, Any] = MappingProxyType({})
    expected: Any = ""
    found: Any = ""


class CaseContext(NamedTuple):
    """What a case rule is handed: the case, its scores and facts, and the rule's settings.
    Immutable like a frozen record, and made per rule per case, so a tuple: a third of the
    cost of a frozen attrs record (some sixty a case)."""

    location: str
    case: Case
    score: CaseScore
    profile: Profile
    taxonomy: Taxonomy
    options: Mapping[str, Any]
    facts: CaseFacts  # what the case says, found once for scoring and every rule
    # the scored rows as ScoredRow, made once per case by the runner (None: made when asked)
    rows: tuple[ScoredRow, ...] | None = None


@functools.lru_cache(maxsize=1024)
def _row_path(index: int, field: str) -> str:
    return f"$.indicators[{index}].{field}"


class _found_once:
    """A fact of a row found the first time it is read, then kept on the row: the row's
    own attribute from then on, so later reads cost a plain attribute lookup (a property
    would be called on every read; functools.cached_property takes a lock in 3.11)."""

    def __init__(self, find: Callable[[Any], Any]) -> None:
        self.find = find
        self.name = find.__name__
        self.__doc__ = find.__doc__

    def __get__(self, row: Any, owner: type | None = None) -> Any:
        if row is None:
            return self
        value = row.__dict__[self.name] = self.find(row)
        return value


_compact_short = functools.lru_cache(maxsize=16384)(compact)


def _compact_cell(text: str) -> str:
    """A cell without whitespace (compact), kept per text for the short ones: 二级 labels,
    names and targets recur from row to row and form to form."""
    return _compact_short(text) if len(text) <= 256 else compact(text)


class ScoredRow:
    """One scored indicator row, as every rule's per-row part sees it: its score (``item``),
    its cells as printed (``row``), its facts (``cells``), and what several rules read of it,
    found once: at once what most rules read on every row, the rest when first asked."""

    def __init__(self, item: IndicatorScore, row: Indicator, cells: Row) -> None:
        self.index = item.index
        self.item = item
        self.row = row
        self.cells = cells
        self.target = item.target  # as scored (a direction read from the name, "各" counted)
        self.actual = item.actual
        self.name = _compact_cell(row.name)  # the 三级 name without whitespace
        self.level2 = _compact_cell(row.level2)  # the 二级 label without whitespace
        self.target_words = _compact_cell(row.target)  # the 指标值 cell without whitespace

    def path(self, field: str) -> str:
        """``$.indicators[index].field``."""
        return _row_path(self.index, field)

    def once(self, key: str, find: Callable[[ScoredRow], Any]) -> Any:
        """What ``find(self)`` gives, found the first time ``key`` is asked for (a fact of
        the row that more than one rule reads, such as kit._unexplained)."""
        found = self.__dict__
        if key not in found:
            found[key] = find(self)
        return found[key]

    @_found_once
    def shown_name(self) -> str:
        """The 三级 name for a message: whitespace collapsed, long text clipped."""
        return _show(self.row.name)

    @_found_once
    def actual_words(self) -> str:
        """The 完成值 cell without whitespace."""
        return _compact_cell(self.row.actual)

    @_found_once
    def target_text(self) -> str:
        """The target as the form shows it (:func:`target_text`)."""
        return target_text(self.row)


def target_text(row: Indicator) -> str:
    """The target as the form shows it, with the Sichuan 指标性质 and 度量单位 columns."""
    op = row.operator.strip()
    if op and _names_kind_only(op):
        op = ""  # 定量指标 / 定性指标 name the kind, not a direction
    target = row.target.strip()
    if op and target.startswith(op):
        op = ""
    unit = row.unit.strip()
    if unit and target.endswith(unit):
        unit = ""  # "100%" with the unit column "%": not "100%%"
    return f"{op}{target}{unit}"


@functools.lru_cache(maxsize=1024)  # 指标性质 cells: a handful of words (≥, 定量指标 …)
def _names_kind_only(operator: str) -> bool:
    return load_taxonomy().names_kind_only(operator)


SHOW = 40  # characters of a cell quoted inside a message (the evidence carries it whole)


def _show(text: str) -> str:
    """A cell for a message: whitespace collapsed, long text clipped."""
    if type(text) is str and len(text) <= 256:  # a cell quoted by several rules' hits
        return _show_short(text)
    return _find_show(text)


def _find_show(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= SHOW else text[: SHOW - 1] + "…"


_show_short = functools.lru_cache(maxsize=4096)(_find_show)


def scored_rows(ctx: CaseContext) -> Iterator[ScoredRow] | tuple[ScoredRow, ...]:
    """The scored rows of ``ctx``, in order, as the runner hands them to per-row parts
    (the runner's own, when it made them for the case)."""
    if ctx.rows is not None:
        return ctx.rows
    return _scored_rows(ctx.case, ctx.score, ctx.facts)


def _scored_rows(case: Case, score: CaseScore, facts: CaseFacts) -> Iterator[ScoredRow]:
    rows, cells = case.indicators, facts.rows
    for item in score.indicators:
        if 0 <= item.index < len(rows):
            yield ScoredRow(item, rows[item.index], cells[item.index])


def make_rows(case: Case, score: CaseScore, facts: CaseFacts) -> tuple[ScoredRow, ...]:
    """The scored rows of a case as the runner hands them to every per-row part."""
    return tuple(_scored_rows(case, score, facts))


# --- the rows a per-row part can fire on ------------------------------------------------------
# A rule's module may declare ``ROW_KIND = "<kind>"``: its per-row part is then handed only the
# rows of that kind (the runner finds each kind once per case, for all the rules that ask).
# A kind is a condition the part itself tests first and returns nothing without, so the
# findings are the same; tests/test_row_kinds.py checks every declaration on the corpus.

def _own_points(r: ScoredRow) -> bool:
    """The row prints its own 分值 and 得分 (the score rules compare them)."""
    row = r.row
    return row.weight is not None and row.score is not None


def _measured(r: ScoredRow) -> bool:
    """Target and actual both scored as quantities, with a completion rate."""
    item = r.item
    return (type(item.target) is Quantity and type(item.actual) is Quantity
            and item.achievement is not None)


def _numeric_target(r: ScoredRow) -> bool:
    """The target, as scored, is a figure: a quantity, or a text with quantities in it."""
    target = r.item.target
    return type(target) is Quantity or (type(target) is Text and bool(target.quantities))


def _wordy_target(r: ScoredRow) -> bool:
    """The target, as scored, is no figure, date or blank: a claim, or a text without
    quantities."""
    target = r.item.target
    kind = type(target)
    return not (kind is Empty or kind is Quantity or kind is When
                or (kind is Text and target.quantities))


def _text_target(r: ScoredRow) -> bool:
    """The target, as scored, is a text (with or without quantities in it)."""
    return type(r.item.target) is Text


def _money_cell(r: ScoredRow) -> bool:
    """The target or the actual, as scored, is an amount of money."""
    item = r.item
    target, actual = item.target, item.actual
    return ((type(target) is Quantity and target.dimension is Dimension.MONEY)
            or (type(actual) is Quantity and actual.dimension is Dimension.MONEY))


def _done_or_figure(r: ScoredRow) -> bool:
    """The actual, as scored, is a figure or says the target was (mostly) reached."""
    actual = r.item.actual
    kind = type(actual)
    return kind is Quantity or (kind is Claim and actual.level in _DONE)


_DONE = (ClaimLevel.ACHIEVED, ClaimLevel.MOSTLY)


ROW_KINDS: Mapping[str, Callable[[ScoredRow], bool] | None] = MappingProxyType({
    "all": None,
    "own points": _own_points,
    "measured": _measured,
    "numeric target": _numeric_target,
    "wordy target": _wordy_target,
    "text target": _text_target,
    "money cell": _money_cell,
    "done or figure": _done_or_figure,
})


@attrs.frozen
class ProjectDigest:
    """What a department rule needs to know of each project case beside it."""

    location: str
    name: str
    has_form: bool
    budget: Decimal | None
    executed: Decimal | None
    balance: Decimal | None
    note: str = ""  # funds.note: what the case says about where its money went

    @classmethod
    def of(cls, location: str, case: Case, facts: CaseFacts | None = None) -> ProjectDigest:
        if case.project.review:  # read too poorly to score: its money is not known
            return cls(location, case.project.name, case.project.has_form, None, None, None)
        money = (facts if facts is not None else case_facts(case)).money
        return cls(location, case.project.name, case.project.has_form, money.budget,
                   money.executed, read(case.funds, "balance"), case.funds.note)


@attrs.frozen
class DepartmentContext:
    location: str
    department: Department
    projects: tuple[ProjectDigest, ...]
    options: Mapping[str, Any]


@attrs.frozen
class RuleCase:
    """One of a rule's ``[[cases]]``: a TOML snippet merged onto the base fixture, and whether
    the rule passes it (``passes``) or fires on it."""

    name: str
    passes: bool
    toml: str


@attrs.frozen
class SuppressionContext:
    suppressions: tuple[Suppression, ...]
    hidden: tuple[int | None, ...]  # findings each suppression hid; None: not judged
    known: tuple[bool, ...] = ()  # whether each suppression names some rule of this run


Family = Literal["funds", "scores", "indicators", "narrative", "department", "meta", "custom"]


@attrs.frozen
class Rule:
    """A registered rule (read from ``rules/checks/<family>/<CODE>.toml``, see registry).
    ``cases`` are TOML snippets merged onto the base fixture (``tests/fixtures/rules/base-*.toml``):
    the rule tests check that each failing one fires and each passing one does not; ``bad`` and
    ``good`` are the first of each, which ``explain`` prints."""

    code: str
    name: str
    family: Family
    severity: Severity
    title: str
    title_en: str
    message: str
    message_en: str
    summary: str
    summary_en: str
    rationale: str
    rationale_en: str
    source: str
    source_en: str
    bad: str
    good: str
    # the whole rule on one context (its per-case part, then its per-row part over every
    # scored row): what a rule run alone, or a test, calls
    check: Callable[[Any], Iterable[Hit]] = attrs.field(eq=False, repr=False)
    settings: tuple[Setting, ...] = ()
    target: Literal["case", "department"] = "case"
    aliases: tuple[str, ...] = ()
    # the key paths (``[*]``: any index) every finding of the rule rests on, instead of the
    # hit's own path; empty: the hit's path (a record's path covers all its fields).  The
    # runner withholds a finding that rests on an unread field and lists it as not verified.
    rests_on: tuple[str, ...] = ()
    cases: tuple[RuleCase, ...] = ()
    # settings declared once by another rule and read here as that rule's (setting, owner code):
    # ``[shares] minor_ratio = "I307"`` in I313's data file; a user sets them on the owner
    shares: tuple[tuple[str, str], ...] = ()
    # the parts the runner calls apart: ``check(ctx)`` once per case (None: the rule has
    # only a per-row part), ``check_row(ctx, row)`` per scored row in the runner's one walk
    # of the rows, and ``wants_rows(ctx)``, whether the rows need walking for this case
    case_part: Callable[[Any], Iterable[Hit]] | None = attrs.field(default=None, eq=False, repr=False)
    row_part: Callable[[Any, ScoredRow], Hit | Iterable[Hit] | None] | None = attrs.field(
        default=None, eq=False, repr=False)
    wants_rows: Callable[[Any], bool] | None = attrs.field(default=None, eq=False, repr=False)
    # the rows the per-row part can fire on: a name of ROW_KINDS (``ROW_KIND`` in its module)
    rows: str = "all"


def row_hits(found: Hit | Iterable[Hit] | None) -> Iterable[Hit]:
    """What a per-row part returned, as hits: nothing, one hit, or several."""
    if found is None:
        return ()
    return (found,) if isinstance(found, Hit) else found


def whole_check(case_part: Callable[[Any], Iterable[Hit]] | None,
                row_part: Callable[[Any, ScoredRow], Hit | Iterable[Hit] | None],
                wants_rows: Callable[[Any], bool] | None,
                rows: str = "all") -> Callable[[Any], Iterator[Hit]]:
    """A rule's parts as one check: its per-case hits, then its per-row ones (on the rows
    of its kind), as the runner orders them."""
    kind = ROW_KINDS[rows]

    def check(ctx: CaseContext) -> Iterator[Hit]:
        if case_part is not None:
            yield from case_part(ctx)
        if wants_rows is None or wants_rows(ctx):
            for row in scored_rows(ctx):
                if kind is None or kind(row):
                    yield from row_hits(row_part(ctx, row))
    return check


# --- what findings rest on (Rule.rests_on): a finding resting on an unread field is withheld ---

HERE = "{path}"  # the hit's own key path
RECORD = "{record}"  # the record the hit's path is in: the row of $.indicators[3].score
# (f"{RECORD}.deviation": that row's deviation cell)
MONEY = ("$.funds.budget", "$.funds.executed", "$.funds.initial_budget", "$.funds.rows")
TEXTS = ("$.funds.reason", "$.funds.note", "$.funds.adjustment_reason", "$.goal", "$.narrative",
         "$.indicators[*].deviation")  # where a form explains itself
WEIGHTS = ("$.indicators[*].weight", "$.indicators[*].not_applicable", "$.funds.claimed_weight")
CATEGORIES = ("$.indicators[*].level1", "$.indicators[*].level2", "$.indicators[*].name")
# a rule about all the rows (or all of a kind): rows that could not be scored are not in
# CaseScore.indicators, so "all of them" would be said of the rows that were read
# (the fields without which a row is not scored: rules/provenance.toml)
ROWS = tuple(f"$.indicators[*].{field}"
             for field in (*load_provenance().indicator_fields, "not_applicable"))


