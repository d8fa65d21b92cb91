"""Which way a bare target points (review of issue 11): a 指标性质 cell that names the kind
(定量指标 / 定性指标) is not a direction; the name of the rate gives it (预算调整率 is a
ceiling, 执行率 a floor, a count of things done a floor), else an off-target row is not
verified rather than reported as missed.  Found on the Chongqing 部门整体 form (real-forms 48)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.engine import Engine, run
from evalengine.findings import Severity
from evalengine.model import Case, Funds, Indicator, Project
from evalengine.profile import load_profile
from evalengine.scoring import EvidenceClass, score_case
from evalengine.taxonomy import load_taxonomy
from rulekit import run_rule

RULES = {rule.code: rule for rule in BUILTIN_RULES}
PROFILE, TAXONOMY = load_profile("chongqing-dept"), load_taxonomy()


def _row(name: str, target: str, actual: str, operator: str = "定量指标", unit: str = "%") -> str:
    return (f'[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "{name}"\n'
            f'operator = "{operator}"\ntarget = "{target}"\nactual = "{actual}"\nunit = "{unit}"\n'
            'weight = 2\nscore = 2\n')


def _score(name: str, target: str, actual: str, operator: str = "定量指标", unit: str = "%"):
    row = Indicator(level1="产出指标", level2="数量指标", name=name, target=target, actual=actual,
                    operator=operator, unit=unit, weight=D(2), score=D(2))
    case = Case(project=Project(name="p", source="s"),
                funds=Funds(budget=D(100), executed=D(100)), indicators=(row,))
    [item] = score_case(case, PROFILE, TAXONOMY).indicators
    return item


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("预算调整率", "3%", "0"), ("结转结余率", "2%", "0"), ("财政供养人员控制率", "100%", "92%"),
    ("公用经费控制率", "100%", "97%"),
])
def test_a_rate_whose_name_says_less_is_better_is_a_ceiling(name, target, actual):
    item = _score(name, target, actual)
    assert (item.reason, item.verified, item.evidence_class) == ("met", D(2), EvidenceClass.MEASURED)
    for code in ("S205", "I307"):
        assert run_rule(RULES[code], _row(name, target, actual)) == ()
    # the ceiling was read from the name, not written: I303 (a ceiling of 100% binds nothing)
    # is about what the department wrote
    assert run_rule(RULES["I303"], _row(name, target, actual)) == ()


def test_an_exceeded_ceiling_read_from_the_name_is_still_a_miss():
    item = _score("预算调整率", "3%", "5%")
    assert item.reason == "cap-exceeded" and item.verified < D(2)


@pytest.mark.parametrize(("name", "target", "actual", "unit"), [
    ("政府采购执行率", "100%", "72.74%", "%"), ("党性教育培训次数", "26次", "12次", "次"),
])
def test_a_floor_from_the_name_or_a_count_keeps_real_misses(name, target, actual, unit):
    # real-forms 48's own defects: they must stay reported
    item = _score(name, target, actual, unit=unit)
    assert item.reason == "shortfall" and item.verified < D(2)
    assert [f.path for f in run_rule(RULES["S205"], _row(name, target, actual, unit=unit))] == [
        "$.indicators[0].score"]


def test_a_kind_column_with_no_direction_anywhere_is_not_verified_rather_than_missed():
    item = _score("资金占比", "50%", "40%")
    assert item.reason == "no-direction"
    assert item.evidence_class is EvidenceClass.UNVERIFIABLE and item.verified == D(0)
    assert run_rule(RULES["S205"], _row("资金占比", "50%", "40%")) == ()
    # on target, both readings agree: measured and met
    assert _score("资金占比", "50%", "50%").reason == "met"
    # a direction written on the form wins
    assert _score("资金占比", "≥50%", "40%").reason == "shortfall"
    assert _score("资金占比", "50%", "40%", operator="≥").reason == "shortfall"


def test_a_kind_word_and_the_unit_column_are_not_glued_to_the_target_in_messages():
    [finding] = run_rule(RULES["I307"], _row("政府采购执行率", "100%", "72.74%"))
    assert "100% → 72.74%" in finding.message
    assert "定量" not in finding.message and "%%" not in finding.message



CORPUS = Path(__file__).parent / "corpus" / "expected"


def _errors(name: str, profile: str) -> set[tuple[str, str]]:
    report = run([CORPUS / name], Engine.build(Checker.build(), profile=profile))
    return {(f.code, f.path) for r in report.results for f in r.findings
            if f.severity is Severity.ERROR}


def test_the_chongqing_department_form_reports_its_own_defects_only():
    # real-forms 48 (INDEX: 政府采购执行率 72.74% and 党性教育培训次数 12 of 26 at full marks;
    # 三公经费变动率 printed with no target and no actual at full marks), not its ceilings
    assert _errors("48.toml", "chongqing-dept") == {
        ("S205", "$.indicators[8].score"), ("I307", "$.indicators[8].deviation"),
        ("S205", "$.indicators[14].score"), ("I307", "$.indicators[14].deviation"),
        ("S215", "$.indicators[1].score"),
    }


def test_the_langfang_row_keeps_its_printed_deviation_reason():
    # real-forms 08 prints "已完工,剩余3%尾款未付…" beside 43.2 → 37.24: not a reason left out
    assert not {e for e in _errors("08.toml", "hebei") if e[0] == "I307"}
