"""Every rule's own cases (``[[cases]]`` of ``rules/checks/<family>/<CODE>.toml``; a custom
rule's ``bad``/``good``): each failing one must fire, each passing one must not."""

from __future__ import annotations

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker

from rulekit import build_case, rule_cases, run_rule

SHIPPED_CUSTOM = [rule for rule, _, _ in Checker.build().catalogue if rule.family == "custom"]
RULES = [*BUILTIN_RULES, *SHIPPED_CUSTOM]
CASES = [(rule, case) for rule in RULES for case in rule_cases(rule)]


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)


def test_every_rule_documents_itself():
    for rule in RULES:
        for field in ("title", "title_en", "message", "message_en", "summary", "summary_en",
                      "rationale", "rationale_en", "source"):
            assert getattr(rule, field).strip(), f"{rule.code} has no {field}"


def test_every_rule_but_the_crash_report_has_a_failing_and_a_passing_case():
    kinds = {r.code: {case.passes for case in rule_cases(r)} for r in RULES}
    assert [code for code, seen in kinds.items() if seen != {True, False} and code != "M003"] == []


@pytest.mark.parametrize(("rule", "case"), CASES, ids=lambda x: getattr(x, "code", getattr(x, "name", "")))
def test_each_case_fires_or_passes_as_it_says(rule, case):
    findings = run_rule(rule, case.toml)
    if case.passes:
        assert findings == (), f"{rule.code} fired on its passing case {case.name!r}"
    else:
        assert findings, f"{rule.code} did not fire on its failing case {case.name!r}"


def test_base_case_is_clean_under_every_rule():
    from evalengine.checks.settings import UserConfig
    from evalengine.engine import Engine

    codes = tuple(r.code for r in RULES if r.target == "case")
    result = Engine.build(Checker.build(UserConfig(select=codes))).score("base.toml", build_case())
    assert [(f.code, f.path, f.message) for f in result.findings] == []
