"""Rule settings: the shipped ``rules/checks/<family>/<CODE>.toml`` and a user's ``--config`` file.

Every rule must have a data file with ``enabled``, ``severity`` and, in ``[defaults]``, each
setting it declares; a key no rule declares, a code no rule has, or a value of the wrong type
is a :class:`~evalengine.loader.ConfigError`, so a typo never passes silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ..findings import Severity
from ..limits import Limits, shipped
from ..loader import ConfigError, Problem, read_toml, shown_value
from ..resources import rules_dir
from .base import Rule, Setting, Words

__all__ = [
    "RuleConfig",
    "UserConfig",
    "find_config",
    "load_custom_tables",
    "load_rule_configs",
    "load_user_config",
    "matches",
    "with_shared",
]

SEVERITIES = {s.label: s for s in Severity}
MAX_SETTING = Decimal(10) ** 15  # as for the numbers of a case (evalengine.numbers)


@attrs.frozen
class RuleConfig:
    enabled: bool
    severity: Severity
    options: Mapping[str, Any]


@attrs.frozen
class UserConfig:
    """What a user chose: ``--select/--ignore/--severity`` and ``--config FILE`` merged."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.Factory(dict)
    options: Mapping[str, Mapping[str, Any]] = attrs.Factory(dict)
    fail_on: Severity = Severity.ERROR
    custom: tuple[tuple[str, tuple[Mapping[str, Any], ...]], ...] = ()  # (file, [[custom]] tables)
    report: Mapping[str, str] = attrs.Factory(dict)  # [report] org, date, title, basis
    source: str = ""  # the configuration file these came from ("" = none)
    limits: Limits | None = None  # [limits] (None: the shipped rules/limits.toml)


def matches(rule: Rule, selector: str) -> bool:
    """A selector names a rule by code, name or alias, a family by name, or a code prefix."""
    selector = selector.strip()
    if selector in (rule.code, rule.name, rule.family, *rule.aliases):
        return True
    return bool(selector) and selector[0].isalpha() and rule.code.startswith(selector.upper())


_KIND_PROBLEM = {"number": "expected-number", "integer": "expected-integer",
                 "boolean": "expected-boolean", "text": "expected-text", "regex": "expected-text",
                 "texts": "expected-texts", "regexes": "expected-texts"}


def _regex_problem(pattern: str, groups: tuple[str, ...]) -> str:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"{shown_value(pattern)} is not a valid regular expression: {exc}"
    missing = [g for g in groups if g not in compiled.groupindex]
    if missing:
        return (f"{shown_value(pattern)} lacks the named group(s) "
                + ", ".join(f"(?P<{g}>…)" for g in missing))
    return ""


def _value(setting: Setting, value: Any, path: str, problems: list[Problem]) -> Any:
    kind = setting.kind
    ok = {
        "number": isinstance(value, (int, Decimal)) and not isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "text": isinstance(value, str),
        "regex": isinstance(value, str),
        "texts": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "regexes": isinstance(value, list) and all(isinstance(v, str) for v in value),
    }[kind]
    if not ok:
        problems.append(Problem(path, _KIND_PROBLEM[kind], shown_value(value)))
        return None
    if kind in ("number", "integer"):
        value = Decimal(value)
        if not value.is_finite():  # nan, inf: every comparison with it would fail or raise
            problems.append(Problem(path, "not-finite", shown_value(value)))
            return None
        if abs(value) >= MAX_SETTING:
            problems.append(Problem(path, "number-out-of-range", shown_value(value)))
            return None
        if (setting.min is not None and value < setting.min) or (
            setting.max is not None and value > setting.max
        ):
            low = "−∞" if setting.min is None else shown_value(setting.min)
            high = "∞" if setting.max is None else shown_value(setting.max)
            problems.append(Problem(path, "invalid", f"{shown_value(value)} outside [{low}, {high}]"))
    if kind == "regex":
        detail = _regex_problem(value, setting.groups)
        if detail:
            problems.append(Problem(path, "invalid", detail))
    if kind == "regexes":
        for index, pattern in enumerate(value):
            detail = _regex_problem(pattern, setting.groups)
            if detail:
                problems.append(Problem(f"{path}[{index}]", "invalid", detail))
    if kind == "texts":
        value = Words(value)  # each word also without whitespace, found here once
    elif kind == "regexes":
        value = tuple(value)
    return value


def _severity(value: Any, path: str, problems: list[Problem]) -> Severity:
    if isinstance(value, str) and value in SEVERITIES:
        return SEVERITIES[value]
    problems.append(Problem(path, "invalid", f"{shown_value(value)}: one of {', '.join(SEVERITIES)}"))
    return Severity.ERROR


def _options(rule: Rule, table: Mapping[str, Any], base: str, problems: list[Problem],
             *, complete: bool) -> dict[str, Any]:
    declared = {s.name: s for s in rule.settings}
    out: dict[str, Any] = {}
    for key, value in table.items():
        if not complete and key in ("enabled", "severity"):
            continue  # a user's [rules.<CODE>]: reported below, with where they belong
        if key not in declared:
            keys = list(declared)
            allowed = ", ".join(keys) or "—"
            problems.append(Problem(f"{base}.{key}", "unknown-key", allowed))
            continue
        out[key] = _value(declared[key], value, f"{base}.{key}", problems)
    if complete:
        for name in declared:
            if name not in table:
                problems.append(Problem(f"{base}.{name}", "missing-key"))
    return out


def with_shared(rules: Iterable[Rule], options: Mapping[str, Mapping[str, Any]]
                ) -> dict[str, dict[str, Any]]:
    """Every rule's settings with the shared ones filled in from the rule declaring them
    (``[shares]`` of a rule's data file): one value, whoever reads it."""
    out = {code: dict(values) for code, values in options.items()}
    for rule in rules:
        for name, owner in rule.shares:
            if rule.code in out and owner in out:
                out[rule.code][name] = out[owner][name]
    return out


def load_rule_configs(rules: Iterable[Rule], folder: Path) -> dict[str, RuleConfig]:
    """Read every ``<family>/<CODE>.toml`` in ``folder`` into one RuleConfig per registered rule."""
    from .registry import load_rule_file, rule_files

    by_code = {r.code: r for r in rules}
    tables: dict[str, tuple[str, Mapping[str, Any]]] = {}
    errors: list[tuple[str, Problem]] = []
    for path in rule_files(folder):
        try:
            data = load_rule_file(path)
        except ConfigError as exc:
            errors.extend((exc.location, p) for p in exc.problems)
            continue
        if path.stem not in by_code:
            errors.append((str(path), Problem("$.code", "invalid", "no rule has this code")))
        else:
            tables[path.stem] = (str(path), data)
    configs: dict[str, RuleConfig] = {}
    for code, rule in by_code.items():
        if code not in tables:
            errors.append((str(folder / rule.family / f"{code}.toml"), Problem("$", "missing-key")))
            continue
        where, data = tables[code]
        problems: list[Problem] = []
        enabled = data.get("enabled", True)
        severity = _severity(data.get("severity", rule.severity.label), "$.severity", problems)
        defaults = data.get("defaults", {})
        if not isinstance(defaults, dict):
            problems.append(Problem("$.defaults", "expected-table", shown_value(defaults)))
            defaults = {}
        options = _options(rule, defaults, "$.defaults", problems, complete=True)
        errors.extend((where, p) for p in problems)
        configs[code] = RuleConfig(bool(enabled), severity, options)
    for code, rule in by_code.items():
        for name, owner in rule.shares:
            declared = by_code.get(owner)
            if declared is None or name not in {s.name for s in declared.settings} or owner == code:
                where = tables[code][0] if code in tables else str(folder)
                errors.append((where, Problem(f"$.shares.{name}", "invalid",
                                              f"{owner} declares no setting {name}")))
            elif any(s.name == name for s in rule.settings):
                errors.append((tables[code][0], Problem(f"$.options.{name}", "invalid",
                                                        f"shared from {owner}: declared there only")))
    if errors:
        raise ConfigError(errors[0][0], tuple(p for _, p in errors))
    return configs


_USER_KEYS = ("select", "ignore", "severity", "rules", "fail_on", "custom", "report", "limits")
REPORT_KEYS = ("org", "date", "title", "basis")  # [report]: what the Word report's cover says


def _limits(table: Mapping[str, Any], problems: list[Problem]) -> Limits | None:
    """A ``[limits]`` table over the shipped limits (rules/limits.toml), or None if absent."""
    if not table:
        return None
    base = shipped()
    values = attrs.asdict(base)
    for key, value in table.items():
        path = f"$.limits.{key}"
        if key not in Limits.BOUNDS:
            problems.append(Problem(path, "unknown-key", ", ".join(Limits.BOUNDS)))
            continue
        number = key == "case_seconds"
        if isinstance(value, bool) or not isinstance(value, (int, Decimal) if number else int):
            problems.append(Problem(path, "expected-number" if number else "expected-integer",
                                    shown_value(value)))
            continue
        low, high = Limits.BOUNDS[key]
        if not (isinstance(value, int) or value.is_finite()) or not low <= value <= high:
            problems.append(Problem(path, "invalid", f"{shown_value(value)} outside [{low}, {high}]"))
            continue
        values[key] = float(value) if number else value
    return Limits(**values)


def _table(data: Mapping[str, Any], key: str, problems: list[Problem]) -> Mapping[str, Any]:
    """``data[key]`` if it is a table (or absent); otherwise a problem and nothing."""
    value = data.get(key, {})
    if isinstance(value, dict):
        return value
    problems.append(Problem(f"$.{key}", "expected-table", shown_value(value)))
    return {}


CONFIG_NAME = "evalengine.toml"
PYPROJECT_TABLE = ("tool", "evalengine")


def _pyproject_table(path: Path) -> Mapping[str, Any] | None:
    data: Any = read_toml(path)
    for key in PYPROJECT_TABLE:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else None


def find_config(start: Path) -> Path | None:
    """The configuration that applies under ``start`` (a folder or file): the nearest
    ``evalengine.toml``, or ``pyproject.toml`` with a ``[tool.evalengine]`` table, in
    ``start``'s folder or one of its parents (the nearer folder wins; in one folder
    ``evalengine.toml`` wins)."""
    folder = start.absolute()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                if _pyproject_table(pyproject) is not None:
                    return pyproject
            except ConfigError:
                continue  # a broken pyproject.toml is not ours to report
    return None


def load_user_config(path: Path, rules: Iterable[Rule]) -> UserConfig:
    """Read a user's configuration (see docs/configuration.md): an ``evalengine.toml``-style
    file, or the ``[tool.evalengine]`` table of a ``pyproject.toml``."""
    if path.name == "pyproject.toml":
        table = _pyproject_table(path)
        try:
            return _user_config(dict(table or {}), path, rules)
        except ConfigError as exc:
            prefix = "$." + ".".join(PYPROJECT_TABLE)
            raise ConfigError(exc.location, tuple(
                attrs.evolve(p, path=prefix + p.path[1:]) for p in exc.problems)) from None
    return _user_config(read_toml(path), path, rules)


def _user_config(data: dict[str, Any], path: Path, rules: Iterable[Rule]) -> UserConfig:
    problems: list[Problem] = []
    by_code = {r.code: r for r in rules}
    for key in data:
        if key not in _USER_KEYS:
            problems.append(Problem(f"$.{key}", "unknown-key", ", ".join(_USER_KEYS)))
    texts = {}
    for key in ("select", "ignore"):
        value = data.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            problems.append(Problem(f"$.{key}", "expected-texts", shown_value(value)))
            value = []
        texts[key] = tuple(value)
    custom = data.get("custom", [])
    if not (isinstance(custom, list) and all(isinstance(c, dict) for c in custom)):
        problems.append(Problem("$.custom", "expected-tables", shown_value(custom)))
        custom = []
    # custom rules, this file's and the shipped ones, may have their severity set here too
    shipped = load_custom_tables(rules_dir() / "custom.toml")
    custom_codes = {c.get("code") for c in (*custom, *shipped)}
    severity = {}
    for code, value in _table(data, "severity", problems).items():
        if code not in by_code and code not in custom_codes:
            problems.append(Problem(f"$.severity.{code}", "invalid", "no rule has this code"))
            continue
        severity[code] = _severity(value, f"$.severity.{code}", problems)
    options = {}
    for code, table in _table(data, "rules", problems).items():
        if code not in by_code:
            problems.append(Problem(f"$.rules.{code}", "invalid", "no rule has this code"))
            continue
        if not isinstance(table, dict):
            problems.append(Problem(f"$.rules.{code}", "expected-table", shown_value(table)))
            continue
        options[code] = _options(by_code[code], table, f"$.rules.{code}", problems, complete=False)
        for key in ("enabled", "severity"):
            if key in table:  # these belong in select/ignore and [severity]
                where = "select / ignore" if key == "enabled" else f"[severity] {code} = …"
                problems.append(Problem(f"$.rules.{code}.{key}", "invalid", f"set it with {where}"))
    fail_on = _severity(data.get("fail_on", "error"), "$.fail_on", problems)
    report = {}
    for key, value in _table(data, "report", problems).items():
        if key not in REPORT_KEYS:
            problems.append(Problem(f"$.report.{key}", "unknown-key", ", ".join(REPORT_KEYS)))
        elif not isinstance(value, str):
            problems.append(Problem(f"$.report.{key}", "expected-text", shown_value(value)))
        else:
            report[key] = value
    limits = _limits(_table(data, "limits", problems), problems)
    if problems:
        raise ConfigError(str(path), tuple(problems))
    custom_sources = ((str(path), tuple(custom)),) if custom else ()
    return UserConfig(texts["select"], texts["ignore"], severity, options, fail_on, custom_sources,
                      report, str(path), limits)


def load_custom_tables(path: Path) -> tuple[Mapping[str, Any], ...]:
    """The ``[[custom]]`` tables of a shipped rules file (none if the file is absent)."""
    if not path.is_file():
        return ()
    data = read_toml(path)
    extra = [k for k in data if k != "custom"]
    custom = data.get("custom", [])
    if extra or not (isinstance(custom, list) and all(isinstance(c, dict) for c in custom)):
        raise ConfigError(str(path), (Problem("$", "invalid", "only [[custom]] tables belong here"),))
    return tuple(custom)
