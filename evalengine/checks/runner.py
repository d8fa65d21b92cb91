"""Running the selected rules on a document and turning their hits into findings."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from ..evidence import fields
from ..facts import CaseFacts, case_facts
from ..findings import Finding, Severity
from ..model import Case, Department, Suppression
from ..profile import Profile
from ..provenance import blocking
from ..resources import rules_dir
from ..scoring import CaseScore
from ..taxonomy import Taxonomy
from .base import (
    HERE, RECORD, ROW_KINDS, CaseContext, DepartmentContext, Hit, ProjectDigest, Rule, ScoredRow,
    SuppressionContext, Words, make_rows,
)
from .registry import BUILTIN_RULES, all_rules
from .settings import RuleConfig, UserConfig, load_custom_tables, load_rule_configs, matches, with_shared

__all__ = ["ActiveRule", "CaseChecks", "Checker"]

RULE_CRASHED = next(r for r in BUILTIN_RULES if r.code == "M003")
# the rules that judge a case's [[ignore]] entries, once the other rules have run
SUPPRESSION_RULES = tuple(r for r in BUILTIN_RULES if r.code in ("M001", "M002", "M004"))


@attrs.frozen
class ActiveRule:
    rule: Rule
    severity: Severity
    options: dict


@lru_cache(maxsize=1024)
def _templates(zh: str, en: str) -> tuple[str, str]:
    """One (zh, en) tuple per rule message, shared by its findings (not one each)."""
    return zh, en


@lru_cache(maxsize=1024)
def _needs(templates: tuple[str, str]) -> frozenset[str]:
    return fields(templates[0]) | fields(templates[1])


def _finding(rule: Rule, severity: Severity, location: str, hit: Hit,
             templates: tuple[str, str] | None = None, needs: frozenset[str] | None = None
             ) -> Finding:
    """The hit as a finding: its typed values are kept, not put into words (a renderer
    does that, in the language it prints).  A message whose template names a parameter the
    hit does not give raises here, so M003 reports it instead of a renderer crashing.
    ``templates`` and the parameters they ``need`` are the rule's (found here if not given)."""
    if templates is None or needs is None:
        templates = _templates(rule.message, rule.message_en)
        needs = _needs(templates)
    if not needs <= hit.params.keys():
        for template in templates:
            missing = fields(template) - hit.params.keys()
            if missing:
                raise KeyError(f"{rule.code} message needs {', '.join(sorted(missing))}")
    return Finding(
        code=rule.code,
        severity=severity,
        location=location,
        path=hit.path,
        templates=templates,
        params=tuple(hit.params.items()),
        evidence_values=(hit.expected, hit.found),
    )


def _resolved(rules: Iterable[Rule], options: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each ``texts`` setting as :class:`~.base.Words` (its words also without whitespace),
    found once per run, whether it came from a data file or was handed in."""
    rules = tuple(rules)
    kinds = {(r.code, s.name): s.kind for r in rules for s in r.settings}
    for rule in rules:
        kinds.update({(rule.code, name): kinds.get((owner, name)) for name, owner in rule.shares})
    for code, values in options.items():
        for name, value in values.items():
            if kinds.get((code, name)) == "texts" and not isinstance(value, Words):
                values[name] = Words(value)
    return options


@attrs.frozen
class CaseChecks:
    """A case's findings, and the findings withheld because they rested on a field the
    importer did not read: (rule code, the unread key path), for the not-verified list."""

    findings: tuple[Finding, ...]
    withheld: tuple[tuple[str, str], ...] = ()


def rests_on(rule: Rule, hit: Hit) -> tuple[str, ...]:
    """The key paths a hit's finding rests on: the rule's declaration (``{path}`` in it is
    the hit's own path, ``{record}`` the record that path is in, ``{record}.deviation`` a
    field of that record), else the hit's own path."""
    record = hit.path.rsplit(".", 1)[0] if hit.path.count(".") > 1 else hit.path
    return tuple(p.replace(HERE, hit.path).replace(RECORD, record)
                 for p in rule.rests_on) or (hit.path,)


@attrs.frozen
class Checker:
    """The rules a run applies, each with its severity and settings resolved."""

    active: tuple[ActiveRule, ...]
    meta: dict[str, ActiveRule]
    catalogue: tuple[tuple[Rule, Severity, bool], ...]  # every rule: severity, and whether on
    fail_on: Severity = Severity.ERROR
    deselected: frozenset[str] = frozenset()  # on by default, turned off by the user's choices
    options: Mapping[str, Mapping[str, Any]] = attrs.Factory(dict)  # every rule's, effective
    shipped: Mapping[str, Mapping[str, Any]] = attrs.Factory(dict)  # rules/checks/*/*.toml's
    # the active rules a case is checked with, in order
    case_rules: tuple[ActiveRule, ...] = attrs.field(init=False, default=attrs.Factory(
        lambda self: tuple(a for a in self.active if a.rule.target == "case"), takes_self=True))

    def find(self, selector: str) -> Rule | None:
        """A rule by code, name or alias (any letter case), whether it is on or not."""
        wanted = selector.strip().casefold()
        for rule, _, _ in self.catalogue:
            if wanted in (n.casefold() for n in (rule.code, rule.name, *rule.aliases)):
                return rule
        return None

    def suggest(self, selector: str, limit: int = 5) -> list[str]:
        """Codes and names close to a selector that names no rule (for "did you mean")."""
        wanted = selector.strip().casefold()
        names: dict[str, str] = {}
        for rule, _, _ in self.catalogue:
            for name in (rule.code, rule.name, *rule.aliases):
                names.setdefault(name.casefold(), name)
        # letters typed for look-alike digits first: F1O1 → F101, Fl01 → F101
        lookalike = wanted.translate(str.maketrans("oil", "011"))
        exact = [names[lookalike]] if lookalike != wanted and lookalike in names else []
        close = difflib.get_close_matches(wanted, list(names), n=limit, cutoff=0.6)
        return list(dict.fromkeys([*exact, *(names[c] for c in close)]))[:limit]

    def state(self, code: str) -> tuple[Severity, bool]:
        """A rule's effective severity and whether it runs."""
        for rule, severity, on in self.catalogue:
            if rule.code == code:
                return severity, on
        raise KeyError(code)

    @classmethod
    def build(cls, user: UserConfig = UserConfig(), directory: Path | None = None) -> Checker:
        """Resolve the shipped settings, the shipped custom rules and the user's choices."""
        directory = directory or rules_dir()
        shipped = (str(directory / "custom.toml"), load_custom_tables(directory / "custom.toml"))
        rules, custom_enabled = all_rules((shipped, *user.custom), deferred=(shipped[0],))
        builtin = [r for r in rules if r.family != "custom"]
        configs = load_rule_configs(builtin, directory / "checks")
        for rule in rules:
            if rule.family == "custom":
                configs[rule.code] = RuleConfig(custom_enabled[rule.code], rule.severity, {})
        effective = _resolved(rules, with_shared(
            rules, {r.code: {**configs[r.code].options, **user.options.get(r.code, {})} for r in rules}))
        chosen = []
        for rule in rules:
            config = configs[rule.code]
            explicitly = any(s == rule.code for s in user.select)
            selected = explicitly or (config.enabled and (
                not user.select or any(matches(rule, s) for s in user.select)))
            if not selected or any(matches(rule, s) for s in user.ignore):
                continue
            options = effective[rule.code]
            severity = user.severity.get(rule.code, config.severity)
            chosen.append(ActiveRule(rule, severity, options))
            if rule.family == "custom":  # a shipped rule that is off is compiled only now
                rule.check.prepare()
        meta = {a.rule.code: a for a in chosen if a.rule.family == "meta"}
        if RULE_CRASHED.code not in meta:  # internal errors are always reported
            severity = user.severity.get(RULE_CRASHED.code, configs[RULE_CRASHED.code].severity)
            meta[RULE_CRASHED.code] = ActiveRule(RULE_CRASHED, severity, {})
        on = {a.rule.code: a.severity for a in chosen}
        on[RULE_CRASHED.code] = meta[RULE_CRASHED.code].severity
        catalogue = tuple(
            (rule, on.get(rule.code, user.severity.get(rule.code, configs[rule.code].severity)),
             rule.code in on)
            for rule in rules
        )
        active = tuple(a for a in chosen if a.rule.family != "meta")
        deselected = frozenset(r.code for r in rules if configs[r.code].enabled and r.code not in on)
        shipped = with_shared(rules, {r.code: configs[r.code].options for r in rules})
        return cls(active, meta, catalogue, user.fail_on, deselected, effective, shipped)

    def _crashed(self, location: str, rule: Rule, exc: Exception) -> Finding:
        """M003 for a rule that raised (or whose message could not be written): always
        reported, whatever the selection, so a crash never hides a verdict silently."""
        crash = self.meta.get(RULE_CRASHED.code)
        severity = crash.severity if crash is not None else RULE_CRASHED.severity
        hit = Hit("$", {"rule": rule.code, "error": f"{type(exc).__name__}: {exc}"})
        return _finding(RULE_CRASHED, severity, location, hit)

    def _findings(self, rule: Rule, severity: Severity, location: str, hits: Iterable[Hit],
                  unread: tuple[tuple[str, str], ...] = (),
                  withheld: list[tuple[str, str]] | None = None) -> list[Finding]:
        """The rule's hits as findings, or M003 if running it or formatting its message
        raised.  A hit resting on one of the ``unread`` paths is not a finding: (code, path)
        goes to ``withheld`` instead."""
        try:
            findings = []
            templates = needs = None
            code = rule.code
            for hit in hits:
                blocked = blocking(rests_on(rule, hit), unread) if unread else None
                if blocked is None:
                    if templates is None:  # the rule's, once for all its hits
                        templates = _templates(rule.message, rule.message_en)
                        needs = _needs(templates)
                    path, params, expected, found = hit
                    if not needs <= params.keys():  # raises the KeyError M003 reports
                        _finding(rule, severity, location, hit, templates, needs)
                    # the same Finding _finding makes, made positionally (a keyword call of
                    # the record's __init__ costs a third more; some 24 findings a case)
                    findings.append(Finding(code, severity, location, path, templates,
                                            tuple(params.items()), (expected, found)))
                elif withheld is not None:
                    withheld.append((rule.code, blocked))
            return findings
        except Exception as exc:  # a rule must never take the run down with it
            return [self._crashed(location, rule, exc)]

    def _guarded(self, rule: Rule, severity: Severity, location: str, context,
                 unread: tuple[tuple[str, str], ...] = (),
                 withheld: list[tuple[str, str]] | None = None) -> list[Finding]:
        try:
            hits = rule.check(context)
        except Exception as exc:  # a rule must never take the run down with it
            return [self._crashed(location, rule, exc)]
        return self._findings(rule, severity, location, hits, unread, withheld)

    def _run(self, target: str, location: str, make_context,
             unread: tuple[tuple[str, str], ...] = (),
             withheld: list[tuple[str, str]] | None = None) -> list[Finding]:
        findings = []
        for active in self.active:
            if active.rule.target != target:
                continue
            try:
                context = make_context(active.options)
            except Exception as exc:
                findings.append(self._crashed(location, active.rule, exc))
                continue
            findings.extend(self._guarded(active.rule, active.severity, location, context,
                                          unread, withheld))
        return findings

    def _run_case(self, location: str, case: Case, score: CaseScore, profile: Profile,
                  taxonomy: Taxonomy, facts: CaseFacts, withheld: list[tuple[str, str]]
                  ) -> list[Finding]:
        """Every case rule on one case, in rule order: its per-case part, then its per-row
        part over the scored rows of its kind (:data:`~.base.ROW_KINDS`, each found once
        for the case), the same :class:`ScoredRow` objects handed to every rule.  A rule
        that raises is its M003 finding; its pass over the rows is guarded as one, and a
        per-row part is not called again on the case once it raised."""
        rows = make_rows(case, score, facts) if score.indicators else ()
        kinds: dict[str, tuple[ScoredRow, ...]] = {"all": rows}
        unread = facts.unread
        findings: list[Finding] = []
        new = tuple.__new__  # a CaseContext per rule (some sixty a case), without the
        # NamedTuple's own __new__ frame: the same tuple, made at two thirds of the cost
        for active in self.case_rules:
            rule = active.rule
            try:
                context = new(CaseContext, (location, case, score, profile, taxonomy,
                                            active.options, facts, rows))
                if rule.row_part is None:
                    own = list(rule.check(context))
                else:
                    own = list(rule.case_part(context)) if rule.case_part is not None else []
                    if (rule.wants_rows is None or rule.wants_rows(context)) and rows:
                        part, kind = rule.row_part, rule.rows
                        subset = kinds.get(kind)
                        if subset is None:
                            keep = ROW_KINDS[kind]
                            subset = kinds[kind] = tuple(r for r in rows if keep(r))
                        for row in subset:
                            found = part(context, row)
                            if found is not None:
                                if type(found) is Hit:
                                    own.append(found)
                                else:
                                    own.extend(found)
            except Exception as exc:  # a rule must never take the run down with it
                findings.append(self._crashed(location, rule, exc))
                continue
            if own:
                findings.extend(self._findings(rule, active.severity, location, own,
                                               unread, withheld))
        return findings

    def _suppress(self, location: str, findings: list[Finding],
                  suppressions: tuple[Suppression, ...]) -> tuple[Finding, ...]:
        """Drop what the case's [[ignore]] entries hide; report entries that hide nothing
        (only where the rules they name ran, and none of them was deselected: so ignoring a
        rule never adds a finding)."""
        if not suppressions:  # most documents: nothing to hide, nothing for M001/M002/M004
            return tuple(findings)
        by_code = {a.rule.code: a.rule for a in self.active}
        deselected = [rule for rule, _, _ in self.catalogue if rule.code in self.deselected]
        hidden_counts: list[int | None] = []
        known = tuple(any(matches(rule, s.rule) for rule, _, _ in self.catalogue)
                      for s in suppressions)
        kept = findings
        for suppression, exists in zip(suppressions, known):
            if not suppression.reason.strip() or not exists:  # M002 / M004 say why instead
                hidden_counts.append(None)
                continue
            hides = [f for f in kept
                     if f.code in by_code and matches(by_code[f.code], suppression.rule)]
            kept = [f for f in kept if f not in hides]
            ran = (any(matches(rule, suppression.rule) for rule in by_code.values())
                   and not any(matches(rule, suppression.rule) for rule in deselected))
            hidden_counts.append(len(hides) if ran else None)
        context = SuppressionContext(suppressions, tuple(hidden_counts), known)
        for rule in SUPPRESSION_RULES:
            active = self.meta.get(rule.code)
            if active is not None:
                kept.extend(self._guarded(rule, active.severity, location, context))
        return tuple(kept)

    def check_case(self, location: str, case: Case, score: CaseScore, profile: Profile,
                   taxonomy: Taxonomy, facts: CaseFacts | None = None) -> CaseChecks:
        """The findings of every case rule on ``case`` (its text as the rules read it), from
        the ``facts`` scoring used (found here when not given)."""
        if case.project.review:
            # read too poorly to score (the importer says why): whatever the rules found
            # would be the import's losses, so nothing is checked until a person has looked
            return CaseChecks(())
        facts = facts if facts is not None else case_facts(case, taxonomy)
        withheld: list[tuple[str, str]] = []
        findings = self._run_case(location, case, score, profile, taxonomy, facts, withheld)
        return CaseChecks(self._suppress(location, findings, case.ignore), tuple(withheld))

    def check_department(self, location: str, department: Department,
                         projects: Iterable[ProjectDigest]) -> tuple[Finding, ...]:
        digests = tuple(projects)
        findings = self._run(
            "department", location,
            lambda options: DepartmentContext(location, department, digests, options),
        )
        return self._suppress(location, findings, department.ignore)
