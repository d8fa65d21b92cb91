"""Running the selected rules on a document and turning their hits into findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from ..findings import Finding, Severity
from ..model import Case, Department, Suppression
from ..profile import Profile
from ..resources import rules_dir
from ..scoring import CaseScore
from ..taxonomy import Taxonomy
from .base import CaseContext, DepartmentContext, Hit, ProjectDigest, Rule
from .meta import RULE_CRASHED, SuppressionContext, SUPPRESSION_RULES
from .registry import all_rules
from .settings import RuleConfig, UserConfig, load_custom_tables, load_rule_configs, matches

__all__ = ["ActiveRule", "Checker"]


@attrs.frozen
class ActiveRule:
    rule: Rule
    severity: Severity
    options: dict


def _finding(rule: Rule, severity: Severity, location: str, hit: Hit) -> Finding:
    params = dict(hit.params)
    return Finding(
        code=rule.code,
        severity=severity,
        location=location,
        path=hit.path,
        message=rule.message.format(**params),
        message_en=rule.message_en.format(**params),
        expected=hit.expected,
        found=hit.found,
    )


@attrs.frozen
class Checker:
    """The rules a run applies, each with its severity and settings resolved."""

    active: tuple[ActiveRule, ...]
    meta: dict[str, ActiveRule]
    catalogue: tuple[tuple[Rule, Severity, bool], ...]  # every rule: severity, and whether on
    fail_on: Severity = Severity.ERROR

    def find(self, selector: str) -> Rule | None:
        """A rule by code, name or alias, whether it is on or not."""
        selector = selector.strip()
        for rule, _, _ in self.catalogue:
            if selector.upper() == rule.code or selector in (rule.name, *rule.aliases):
                return rule
        return None

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
        chosen = []
        for rule in rules:
            config = configs[rule.code]
            explicitly = any(s == rule.code for s in user.select)
            selected = explicitly or (config.enabled and (
                not user.select or any(matches(rule, s) for s in user.select)))
            if not selected or any(matches(rule, s) for s in user.ignore):
                continue
            options = {**config.options, **user.options.get(rule.code, {})}
            severity = user.severity.get(rule.code, config.severity)
            chosen.append(ActiveRule(rule, severity, options))
            if rule.family == "custom":  # a shipped rule that is off is compiled only now
                rule.check.prepare()
        meta = {a.rule.code: a for a in chosen if a.rule.family == "meta"}
        on = {a.rule.code: a.severity for a in chosen}
        catalogue = tuple(
            (rule, on.get(rule.code, user.severity.get(rule.code, configs[rule.code].severity)),
             rule.code in on)
            for rule in rules
        )
        active = tuple(a for a in chosen if a.rule.family != "meta")
        return cls(active, meta, catalogue, user.fail_on)

    def _run(self, target: str, location: str, make_context) -> list[Finding]:
        findings = []
        for active in self.active:
            if active.rule.target != target:
                continue
            try:
                hits = list(active.rule.check(make_context(active.options)))
            except Exception as exc:  # a rule must never take the run down with it
                hits = []
                crash = self.meta.get(RULE_CRASHED.code)
                if crash is not None:
                    hit = Hit("$", {"rule": active.rule.code, "error": f"{type(exc).__name__}: {exc}"})
                    findings.append(_finding(crash.rule, crash.severity, location, hit))
            findings.extend(_finding(active.rule, active.severity, location, h) for h in hits)
        return findings

    def _suppress(self, location: str, findings: list[Finding],
                  suppressions: tuple[Suppression, ...]) -> tuple[Finding, ...]:
        """Drop what the case's [[ignore]] entries hide; report entries that hide nothing
        (only where the rules they name ran, so ignoring a rule never adds a finding)."""
        by_code = {a.rule.code: a.rule for a in self.active}
        hidden_counts: list[int | None] = []
        kept = findings
        for suppression in suppressions:
            ran = any(matches(rule, suppression.rule) for rule in by_code.values())
            if not suppression.reason.strip() or not ran:
                hidden_counts.append(None)
                continue
            hides = [f for f in kept
                     if f.code in by_code and matches(by_code[f.code], suppression.rule)]
            hidden_counts.append(len(hides))
            kept = [f for f in kept if f not in hides]
        context = SuppressionContext(suppressions, tuple(hidden_counts))
        for rule in SUPPRESSION_RULES:
            active = self.meta.get(rule.code)
            if active is not None:
                kept.extend(_finding(rule, active.severity, location, h) for h in rule.check(context))
        return tuple(kept)

    def check_case(self, location: str, case: Case, score: CaseScore, profile: Profile,
                   taxonomy: Taxonomy) -> tuple[Finding, ...]:
        findings = self._run(
            "case", location,
            lambda options: CaseContext(location, case, score, profile, taxonomy, options),
        )
        return self._suppress(location, findings, case.ignore)

    def check_department(self, location: str, department: Department,
                         projects: Iterable[ProjectDigest]) -> tuple[Finding, ...]:
        digests = tuple(projects)
        findings = self._run(
            "department", location,
            lambda options: DepartmentContext(location, department, digests, options),
        )
        return self._suppress(location, findings, department.ignore)
