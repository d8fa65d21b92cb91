"""What a rule is: a frozen manifest (code, names, severity, messages, explanation, examples,
declared settings) and a check function that yields :class:`Hit` values.

Rules never print and never build findings themselves: the runner turns each hit into a
:class:`~evalengine.findings.Finding` with the rule's message in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..facts import CaseFacts, case_facts
from ..findings import Severity
from ..model import Case, Department, Suppression
from ..money import read
from ..profile import Profile
from ..provenance import load_provenance
from ..scoring import CaseScore
from ..taxonomy import Taxonomy

__all__ = [
    "CaseContext",
    "DepartmentContext",
    "Hit",
    "ProjectDigest",
    "Rule",
    "RuleCase",
    "Setting",
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


@attrs.frozen
class Hit:
    """One place a rule fires: key path, message parameters, and the evidence, as typed
    values of :mod:`evalengine.evidence` (an amount, a rate, a quote of the form …) that
    are put into words only when a renderer asks, in its language.  A plain ``str`` is a
    word that is the same in both languages (a rule code, a profile id, an error text)."""

    path: str
    params: Mapping[str, Any] = attrs.Factory(dict)
    expected: Any = ""
    found: Any = ""


@attrs.frozen
class CaseContext:
    location: str
    case: Case
    score: CaseScore
    profile: Profile
    taxonomy: Taxonomy
    options: Mapping[str, Any]
    facts: CaseFacts  # what the case says, found once for scoring and every rule


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
        if case.project.review.strip():  # read too poorly to score: its money is not known
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
    bad: str
    good: str
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


