"""The rule registry: every built-in rule, read from its data file, in code order.

A rule is two files:

- ``rules/checks/<family>/<CODE>.toml``, its data: ``code``, ``name``, ``severity``,
  ``enabled``, ``check`` (the function, ``"evalengine.checks.<family>.<code>:check"``),
  ``source`` (in Chinese), optional ``target`` and ``aliases``; ``[zh]`` and ``[en]`` with
  ``title``, ``message``, ``summary`` and ``rationale``, and ``[en]`` its ``source`` in English; ``[defaults]``, the values of its settings (a
  user's ``--config`` overrides them as ``[rules.<CODE>]``); one ``[options.<name>]`` per
  setting declaring its ``kind`` (number, integer, boolean, text, texts, regex, regexes),
  ``min``/``max``, ``groups`` (regexes) and its help in ``zh``/``en``; and ``[[cases]]``
  (``name``, ``pass = true/false``, ``toml``: a snippet merged onto
  ``tests/fixtures/rules/base-*.toml``; every rule with cases has a failing one and a passing
  one, the rule tests run them all and ``explain`` prints the first of each).
- ``evalengine/checks/<family>/<code>.py``, its ``check`` (the per-case part) and/or
  ``check_row`` (the per-row part, with an optional ``wants_rows``, and ``ROW_KIND``, the kind
  of rows it can fire on: see :mod:`evalengine.checks.base`), and ``RESTS_ON`` (below).  Helpers that more than one rule
  uses live in ``evalengine/checks/kit.py``, once.

Registration is explicit: the registry lists ``rules/checks/*/*.toml`` (families in
:data:`FAMILIES` order, codes in order within a family; the runner's own M003 last) and
imports the function each file names.  Adding a rule touches those two files and nothing
else.  A misspelt key in a data file is a :class:`~evalengine.loader.ConfigError` naming the
file and the key path.  A rule whose findings rest on more than the cell they point at
(other rows, the money, the texts that could explain something) says so in its module's
``RESTS_ON``, so that a finding resting on a cell the importer did not read is withheld
(docs/case-format.md, "Provenance").
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..evidence import phrase_problem
from ..findings import Severity
from ..loader import ConfigError, Problem, read_toml, shown_value
from ..resources import rules_dir
from .base import ROW_KINDS, Rule, RuleCase, Setting, whole_check
from .custom import build_custom_rule
from .settings import matches

__all__ = ["BUILTIN_RULES", "FAMILIES", "all_rules", "load_rule_file", "rule_files",
           "unknown_selectors"]

FAMILIES = ("funds", "scores", "indicators", "narrative", "department", "meta")
LAST = ("M003",)  # rule-crashed: the runner's own, listed after the rules it reports on

_KEYS = ("code", "name", "severity", "enabled", "check", "target", "aliases", "source",
         "zh", "en", "defaults", "options", "shares", "cases", "evidence")
_PROSE = ("title", "message", "summary", "rationale")
_PROSE_EN = (*_PROSE, "source")  # the source in English; the Chinese one is the top-level key
_OPTION_KEYS = ("kind", "min", "max", "groups", "zh", "en")
_CASE_KEYS = ("name", "pass", "toml")
_KINDS = ("number", "integer", "boolean", "text", "texts", "regex", "regexes")
_TARGETS = ("case", "department")  # what the check is handed: a CaseContext or a DepartmentContext


def rule_files(folder: Path) -> list[Path]:
    """``<folder>/<family>/<CODE>.toml``, in registry order.  A data file anywhere else in
    ``folder`` (a misspelt family folder) is a ConfigError, not a rule silently left out."""
    stray = [p for p in folder.rglob("*.toml")
             if p.parent.parent != folder or p.parent.name not in FAMILIES]
    if stray:
        raise ConfigError(str(stray[0]), (Problem("$", "invalid", "a rule's data file belongs in "
                                                  + ", ".join(f"{f}/" for f in FAMILIES)),))

    def order(path: Path) -> tuple[int, bool, str]:
        return (FAMILIES.index(path.parent.name), path.stem in LAST, path.stem)
    return sorted(folder.glob("*/*.toml"), key=order)


@lru_cache(maxsize=None)
def load_rule_file(path: Path) -> Mapping[str, Any]:
    """A rule's data file, checked key by key (ConfigError naming the file and key path)."""
    data = read_toml(path)
    problems: list[Problem] = []

    def unknown(table: Mapping[str, Any], base: str, allowed: Sequence[str]) -> None:
        for key in table:
            if key not in allowed:
                problems.append(Problem(f"{base}.{key}", "unknown-key", ", ".join(allowed)))

    def text(table: Mapping[str, Any], key: str, base: str, required: bool = True) -> None:
        if key not in table:
            if required:
                problems.append(Problem(f"{base}.{key}", "missing-key"))
        elif not isinstance(table[key], str):
            problems.append(Problem(f"{base}.{key}", "expected-text", shown_value(table[key])))

    def texts(table: Mapping[str, Any], key: str, base: str) -> None:
        value = table.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            problems.append(Problem(f"{base}.{key}", "expected-texts", shown_value(value)))

    def number(table: Mapping[str, Any], key: str, base: str) -> None:
        value = table.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
            problems.append(Problem(f"{base}.{key}", "expected-number", shown_value(value)))

    def table_of(key: str, default: Any) -> Any:
        value = data.get(key, default)
        if not isinstance(value, type(default)):
            kind = "expected-table" if isinstance(default, dict) else "expected-tables"
            problems.append(Problem(f"$.{key}", kind, shown_value(value)))
            return default
        return value

    unknown(data, "$", _KEYS)
    for key in ("code", "name", "severity", "check", "source"):
        text(data, key, "$")
    texts(data, "aliases", "$")
    if data.get("target", "case") not in _TARGETS:
        problems.append(Problem("$.target", "invalid",
                                f"{shown_value(data['target'])}: one of {', '.join(_TARGETS)}"))
    if data.get("code") != path.stem:
        problems.append(Problem("$.code", "invalid", f"the file is named {path.name}"))
    if not isinstance(data.get("enabled", True), bool):
        problems.append(Problem("$.enabled", "expected-boolean", shown_value(data["enabled"])))
    if data.get("severity") not in {s.label for s in Severity}:
        problems.append(Problem("$.severity", "invalid", shown_value(data.get("severity"))))
    for lang in ("zh", "en"):
        table = data.get(lang)
        if not isinstance(table, dict):
            problems.append(Problem(f"$.{lang}", "expected-table", shown_value(table)))
            continue
        prose = _PROSE_EN if lang == "en" else _PROSE
        unknown(table, f"$.{lang}", prose)
        for key in prose:
            text(table, key, f"$.{lang}")
    for name, option in table_of("options", {}).items():
        base = f"$.options.{name}"
        if not isinstance(option, dict):
            problems.append(Problem(base, "expected-table", shown_value(option)))
            continue
        unknown(option, base, _OPTION_KEYS)
        if option.get("kind") not in _KINDS:
            problems.append(Problem(f"{base}.kind", "invalid", ", ".join(_KINDS)))
        number(option, "min", base)
        number(option, "max", base)
        texts(option, "groups", base)
        text(option, "zh", base)
        text(option, "en", base, required=False)
    evidence = table_of("evidence", {})
    for key, phrase in evidence.items():
        problems.extend(Problem(where, kind, detail)
                        for where, kind, detail in phrase_problem(f"$.evidence.{key}", phrase))
    shares = table_of("shares", {})
    for name in shares:
        text(shares, name, "$.shares")
    for index, case in enumerate(table_of("cases", [])):
        base = f"$.cases[{index}]"
        if not isinstance(case, dict):
            problems.append(Problem(base, "expected-table", shown_value(case)))
            continue
        unknown(case, base, _CASE_KEYS)
        text(case, "name", base)
        text(case, "toml", base)
        if not isinstance(case.get("pass"), bool):
            problems.append(Problem(f"{base}.pass", "expected-boolean", shown_value(case.get("pass"))))
    if problems:
        raise ConfigError(str(path), tuple(problems))
    return data


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _rule(path: Path) -> Rule:
    data = load_rule_file(path)
    module_name, _, function = data["check"].partition(":")
    try:
        module = importlib.import_module(module_name)
        row_part = getattr(module, "check_row", None)
        case_part = getattr(module, function) if row_part is None else getattr(module, function, None)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(str(path), (Problem("$.check", "invalid", str(exc)),)) from None
    wants_rows = getattr(module, "wants_rows", None)
    rows = getattr(module, "ROW_KIND", "all")
    if rows not in ROW_KINDS or (rows != "all" and row_part is None):
        raise ConfigError(str(path), (Problem("$.check", "invalid", (
            f"{module_name}.ROW_KIND = {rows!r}: one of {', '.join(ROW_KINDS)}, for a check_row"
            if row_part is not None else f"{module_name}.ROW_KIND without a check_row")),))
    check = case_part
    if row_part is not None:
        check = whole_check(case_part, row_part, wants_rows, rows)
        check.__module__ = module.__name__
    settings = tuple(
        Setting(name, o["kind"], o["zh"], _number(o.get("min")), _number(o.get("max")),
                o.get("en", ""), tuple(o.get("groups", ())))
        for name, o in data.get("options", {}).items())
    cases = tuple(RuleCase(c["name"], c["pass"], c["toml"]) for c in data.get("cases", ()))
    zh, en = data["zh"], data["en"]
    return Rule(
        code=data["code"], name=data["name"], family=path.parent.name,  # type: ignore[arg-type]
        severity={s.label: s for s in Severity}[data["severity"]],
        title=zh["title"], title_en=en["title"], message=zh["message"], message_en=en["message"],
        summary=zh["summary"], summary_en=en["summary"],
        rationale=zh["rationale"], rationale_en=en["rationale"], source=data["source"],
        source_en=en["source"],
        bad=next((c.toml for c in cases if not c.passes), ""),
        good=next((c.toml for c in cases if c.passes), ""),
        check=check, settings=settings, target=data.get("target", "case"),
        aliases=tuple(data.get("aliases", ())), rests_on=tuple(getattr(module, "RESTS_ON", ())),
        cases=cases, shares=tuple(data.get("shares", {}).items()),
        case_part=case_part, row_part=row_part, wants_rows=wants_rows, rows=rows,
    )


BUILTIN_RULES: tuple[Rule, ...] = tuple(_rule(p) for p in rule_files(rules_dir() / "checks"))


def all_rules(
    custom: Iterable[tuple[str, Sequence[Mapping[str, Any]]]] = (),
    deferred: Collection[str] = (),
) -> tuple[tuple[Rule, ...], dict[str, bool]]:
    """The built-in rules followed by custom ones (given as (file, [[custom]] tables) pairs);
    and, for each custom rule, whether it is on.  The conditions of rules that files in
    ``deferred`` turn off are compiled only if they are turned on (see build_custom_rule)."""
    rules = list(BUILTIN_RULES)
    enabled: dict[str, bool] = {}
    for location, tables in custom:
        for index, table in enumerate(tables):
            rule, on = build_custom_rule(table, f"$.custom[{index}]", location,
                                         defer=location in deferred)
            if any(r.code == rule.code for r in rules):
                raise ConfigError(location, (Problem(f"$.custom[{index}].code", "invalid",
                                                     f"{rule.code} is already a rule's code"),))
            rules.append(rule)
            enabled[rule.code] = on
    return tuple(rules), enabled


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> tuple[str, ...]:
    """The selectors (``--select``/``--ignore`` values) that match no rule at all: a typo
    such as ``F1O1`` would otherwise select nothing, silently.  A code, name, alias, family
    or code prefix (``F1``, ``F``) that matches some rule, on or off, is known."""
    rules = tuple(rules)
    return tuple(s for s in selectors if not any(matches(rule, s) for rule in rules))
