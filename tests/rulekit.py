"""Helpers for rule tests: build documents from a rule's TOML cases and run one rule."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from evalengine.checks.base import ProjectDigest, Rule, RuleCase
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.findings import Finding
from evalengine.loader import parse_document
from evalengine.model import Case, Department

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _toml(text: str) -> dict[str, Any]:
    return tomllib.loads(text, parse_float=Decimal)


BASE_CASE = _toml((FIXTURES / "base-case.toml").read_text(encoding="utf-8"))
BASE_DEPARTMENT = _toml((FIXTURES / "base-department.toml").read_text(encoding="utf-8"))


def merge(base: Any, patch: Any) -> Any:
    """Tables merge key by key; anything else (arrays included) is replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return patch


def build_case(snippet: str = "", base: dict[str, Any] | None = None) -> Case:
    document = parse_document(merge(base or BASE_CASE, _toml(snippet)))
    assert isinstance(document, Case), document
    return document


def build_department(snippet: str = "") -> tuple[Department, tuple[ProjectDigest, ...]]:
    data = merge(BASE_DEPARTMENT, _toml(snippet))
    projects = []
    for index, partial in enumerate(data.pop("_projects", [])):
        case = parse_document(merge(BASE_CASE, partial))
        assert isinstance(case, Case), case
        projects.append(ProjectDigest.of(f"p{index}.toml", case))
    document = parse_document(data)
    assert isinstance(document, Department), document
    return document, tuple(projects)


def rule_cases(rule: Rule) -> tuple[RuleCase, ...]:
    """A rule's cases: a built-in rule's ``[[cases]]`` from its data file; a custom rule's
    ``bad`` (fails) and ``good`` (passes; the base document when empty)."""
    if rule.cases or rule.family != "custom":
        return rule.cases
    return (RuleCase("bad", False, rule.bad), RuleCase("good", True, rule.good)) if rule.bad.strip() else ()


def run_rule(rule: Rule, snippet: str, *, config: UserConfig | None = None) -> tuple[Finding, ...]:
    """Findings of ``rule`` on its example merged onto the base document.  The rule runs
    alone, except a meta rule, which judges the other rules' findings and so runs with all."""
    user = config or UserConfig(select=() if rule.family == "meta" else (rule.code,))
    checker = Checker.build(user)
    if rule.target == "department":
        department, projects = build_department(snippet)
        findings = checker.check_department("fixture.toml", department, projects)
    else:
        result = Engine.build(checker).score("fixture.toml", build_case(snippet))
        findings = result.findings
    return tuple(f for f in findings if f.code == rule.code)
