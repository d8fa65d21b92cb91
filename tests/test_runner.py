"""The runner: a rule that crashes, or whose message cannot be written, is always reported."""

from __future__ import annotations

import attrs
import pytest

from evalengine.checks.base import Hit
from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import ActiveRule, Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.findings import Severity

from rulekit import build_case

F101 = next(r for r in BUILTIN_RULES if r.code == "F101")


def _boom(_ctx):
    raise ZeroDivisionError("division by zero")
    yield  # pragma: no cover


def _bad_params(_ctx):
    yield Hit("$.funds", {"unexpected": 1})  # F101's message needs other parameters


def _score_with(check, user: UserConfig):
    checker = Checker.build(user)
    broken = attrs.evolve(F101, check=check)
    checker = attrs.evolve(checker, active=(ActiveRule(broken, Severity.ERROR, {}),))
    return Engine.build(checker).score("x.toml", build_case()).findings


@pytest.mark.parametrize("check", [_boom, _bad_params])
@pytest.mark.parametrize(
    "user",
    [UserConfig(), UserConfig(select=("F101",)), UserConfig(ignore=("M",)),
     UserConfig(ignore=("M003",))],
)
def test_a_crash_is_reported_whatever_is_selected(check, user):
    (finding,) = _score_with(check, user)
    assert finding.code == "M003" and "F101" in finding.message
    assert finding.severity is Severity.ERROR


def test_the_crash_report_keeps_a_chosen_severity():
    (finding,) = _score_with(_boom, UserConfig(select=("F101",), severity={"M003": Severity.WARNING}))
    assert finding.severity is Severity.WARNING


def test_the_catalogue_shows_the_crash_report_always_on():
    catalogue = {rule.code: on for rule, _, on in Checker.build(UserConfig(ignore=("M",))).catalogue}
    assert catalogue["M003"] is True and catalogue["M001"] is False


def test_ignoring_a_rule_a_suppression_covers_adds_no_unused_suppression():
    # "N" hides what N408 finds here; with N408 ignored the suppression cannot be judged,
    # so M001 must not appear (ignoring rules never adds findings).
    from evalengine.loader import parse_document

    case = parse_document({
        "project": {"name": "0", "source": "generated", "profile": "central-2020"},
        "goal": {"expected": "0"}, "narrative": {"problems": "无"},
        "ignore": [{"rule": "N", "reason": "已另行说明"}]})
    every = Engine.build(Checker.build(UserConfig())).score("c.toml", case).findings
    fewer = Engine.build(Checker.build(UserConfig(ignore=("N408",)))).score("c.toml", case).findings
    assert "M001" not in {f.code for f in every}
    assert {f.code for f in fewer} <= {f.code for f in every}
