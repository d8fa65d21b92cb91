"""Provenance: which fields of a case were not read from the form, and what rests on them.

An imported case marks what the importer could not read (``unread = { score = "cut" }`` on a
record, ``[project] unread = { indicators = "cut" }`` for a whole section); a field that is
absent and not marked was printed blank.  Scoring and the rules ask here, so that a cell the
importer lost is never taken for a cell the department left blank (docs/case-format.md,
"Provenance").  The reason words and their labels live in ``rules/provenance.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import attrs

from .i18n import pick
from .model import Case, FundRow, Funds, Goal, Indicator, Narrative, Project
from .resources import rules_dir

__all__ = [
    "NotVerified",
    "ProvenanceRules",
    "blocking",
    "funds_unread",
    "is_unread",
    "load_provenance",
    "not_verified",
    "unread_paths",
    "unread_problems",
    "unverifiable",
]

SECTIONS = ("funds", "indicators", "goal", "narrative")
HEADER = ("name", "department", "implementer", "year", "code")  # [project] fields read from the form


@attrs.frozen
class ProvenanceRules:
    """``rules/provenance.toml``: reason words and section names (each (Chinese, English)),
    and the indicator fields without which a row cannot be scored."""

    reasons: Mapping[str, tuple[str, str]]
    sections: Mapping[str, tuple[str, str]]
    indicator_fields: tuple[str, ...]

    def reason_text(self, reason: str, lang: str = "zh") -> str:
        return pick(self.reasons.get(reason, (reason, reason)), lang)


@cache
def load_provenance() -> ProvenanceRules:
    with (rules_dir() / "provenance.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return ProvenanceRules(_pairs(data["reasons"]), _pairs(data["sections"]),
                           tuple(data["scoring"]["indicator_fields"]))


def _pairs(table: Mapping[str, Mapping[str, str]]) -> dict[str, tuple[str, str]]:
    return {key: (value["zh"], value["en"]) for key, value in table.items()}


# --- validation of the raw document (the loader reports these with its own problems) -----

@cache  # asked for each indicator row of every document loaded
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.name != "unread")


def _check_table(table: Any, where: str, allowed: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    if not isinstance(table, dict) or not isinstance(table.get("unread"), dict):
        return  # absent, or the wrong type: the converter reports that
    reasons = load_provenance().reasons
    for key, reason in table["unread"].items():
        path = f"{where}.unread.{key}"
        if key not in allowed:
            yield path, "unread-unknown-field", ", ".join(allowed)
        if not isinstance(reason, str) or reason not in reasons:
            shown = f'"{reason}"' if isinstance(reason, str) else repr(reason)
            yield path, "unread-unknown-reason", f"{shown} ({', '.join(reasons)})"


def _each(items: Any) -> Iterable[tuple[int, Any]]:
    return enumerate(items) if isinstance(items, list) else ()


def unread_problems(data: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(key path, problem kind, detail) for every ``unread`` key that names no field of its
    record (on ``[project]``: no section or header field) and every reason that is not a
    known word."""
    out = list(_check_table(data.get("project"), "$.project", SECTIONS + HEADER))
    funds = data.get("funds")
    out += _check_table(funds, "$.funds", _fields(Funds))
    # a row without an ``unread`` key has nothing to check (most rows: no key path made)
    if isinstance(funds, dict):
        for i, row in _each(funds.get("rows")):
            if isinstance(row, dict) and "unread" in row:
                out += _check_table(row, f"$.funds.rows[{i}]", _fields(FundRow))
    for i, row in _each(data.get("indicators")):
        if isinstance(row, dict) and "unread" in row:
            out += _check_table(row, f"$.indicators[{i}]", _fields(Indicator))
    out += _check_table(data.get("goal"), "$.goal", _fields(Goal))
    out += _check_table(data.get("narrative"), "$.narrative", _fields(Narrative))
    return out


# --- queries ----------------------------------------------------------------------------

def is_unread(record: Project | Funds | FundRow | Indicator | Goal | Narrative, field: str) -> bool:
    """Whether ``field`` of ``record`` was not read (as opposed to read, or printed blank)."""
    return field in record.unread


def unread_paths(case: Case) -> tuple[tuple[str, str], ...]:
    """Every (key path, reason) the case marks as not read, in form order: the header, the
    sections not read, then each record's fields."""
    if not (case.project.unread.items or case.funds.unread.items or case.goal.unread.items
            or case.narrative.unread.items or any(r.unread.items for r in case.indicators)
            or any(r.unread.items for r in case.funds.rows)):
        return ()  # read throughout: every hand-written case
    header = [(f, r) for f, r in case.project.unread if f not in SECTIONS]
    out = [(f"$.project.{field}", reason) for field, reason in header]
    out += [(f"$.{section}", reason) for section, reason in case.project.unread
            if section in SECTIONS]
    out += [(f"$.funds.{field}", reason) for field, reason in case.funds.unread]
    for i, row in enumerate(case.funds.rows):
        out += [(f"$.funds.rows[{i}].{field}", reason) for field, reason in row.unread]
    out += [(f"$.goal.{field}", reason) for field, reason in case.goal.unread]
    for i, ind in enumerate(case.indicators):
        out += [(f"$.indicators[{i}].{field}", reason) for field, reason in ind.unread]
    out += [(f"$.narrative.{field}", reason) for field, reason in case.narrative.unread]
    return tuple(out)


_MONEY = ("budget", "executed", "initial_budget")


def funds_unread(case: Case) -> bool:
    """Whether a figure the execution rate is computed from was not read: the funds
    section, a total, the source rows, or one row's money."""
    funds = case.funds
    return ("funds" in case.project.unread or "rows" in funds.unread
            or any(f in funds.unread for f in _MONEY)
            or any(f in row.unread for row in funds.rows for f in _MONEY))


def unverifiable(case: Case, row: Indicator) -> str | None:
    """Why an indicator row cannot be scored (its table, or a field scoring needs, was not
    read): a reason word, or None when the row can be scored."""
    section = case.project.unread.reason("indicators")
    if section is not None:
        return section
    if not row.unread.items:
        return None
    for field in load_provenance().indicator_fields:
        reason = row.unread.reason(field)
        if reason is not None:
            return reason
    return None


# --- what a finding rests on -------------------------------------------------------------

_STEP = re.compile(r"\.[^.\[]+|\[[^\]]*\]")


def _ancestors(path: str) -> list[str]:
    """``$.indicators[3].score`` → ``$``, ``$.indicators``, ``$.indicators[3]``, itself."""
    out, here = ["$"], "$"
    for step in _STEP.findall(path.removeprefix("$")):
        here += step
        out.append(here)
    return out


@cache
def _pattern(path: str) -> re.Pattern[str]:
    """A key path where ``[*]`` stands for any index."""
    return re.compile(re.escape(path).replace(r"\[\*\]", r"\[\d+\]"))


def _related(pattern: str, unread: str) -> bool:
    """Whether a finding about ``pattern`` rests on the unread path: one is the other or
    lies inside it (a finding about a record rests on each of its fields; a section not
    read takes every field in it)."""
    if any(_pattern(pattern).fullmatch(a) for a in _ancestors(unread)):
        return True
    return any(_pattern(a).fullmatch(unread) for a in _ancestors(pattern) if a != "$")


def blocking(rests_on: Iterable[str], unread: Iterable[tuple[str, str]]) -> str | None:
    """The first unread key path one of ``rests_on`` (key paths, ``[*]`` for any index)
    rests on, or None when the finding rests only on what was read."""
    patterns = tuple(rests_on)
    for path, _ in unread:
        if any(_related(p, path) for p in patterns):
            return path
    return None


@attrs.frozen
class NotVerified:
    """One field the report could not verify: its key path, why it was not read, and the
    rules whose findings were withheld because they rested on it."""

    path: str
    reason: str
    rules: tuple[str, ...] = ()


def not_verified(case: Case, withheld: Iterable[tuple[str, str]] = ()) -> tuple[NotVerified, ...]:
    """Every unread field of ``case``, each with the codes of the withheld findings
    (``(rule code, unread path)`` pairs) that rested on it."""
    codes: dict[str, list[str]] = {}
    for code, path in withheld:
        listed = codes.setdefault(path, [])
        if code not in listed:
            listed.append(code)
    return tuple(NotVerified(path, reason, tuple(codes.get(path, ())))
                 for path, reason in unread_paths(case))
