"""Every rule's own examples: ``bad`` must fire, ``good`` (or the base case) must not."""

from __future__ import annotations

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker

from rulekit import build_case, run_rule

SHIPPED_CUSTOM = [rule for rule, _, _ in Checker.build().catalogue if rule.family == "custom"]
RULES = [*BUILTIN_RULES, *SHIPPED_CUSTOM]
WITH_EXAMPLES = [r for r in RULES if r.bad.strip()]


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


def test_every_rule_but_the_crash_report_has_a_failing_example():
    missing = [r.code for r in RULES if not r.bad.strip() and r.code != "M003"]
    assert missing == []


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda r: r.code)
def test_bad_example_fires(rule):
    assert run_rule(rule, rule.bad), f"{rule.code} did not fire on its bad example"


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda r: r.code)
def test_good_example_passes(rule):
    assert run_rule(rule, rule.good) == ()


def test_base_case_is_clean_under_every_rule():
    from evalengine.checks.settings import UserConfig
    from evalengine.engine import Engine

    codes = tuple(r.code for r in RULES if r.target == "case")
    result = Engine.build(Checker.build(UserConfig(select=codes))).score("base.toml", build_case())
    assert [(f.code, f.path, f.message) for f in result.findings] == []
