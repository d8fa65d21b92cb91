"""The fixes found in review of issue 11, each with the case that failed before it."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.engine import run
from evalengine.values import Operator, Quantity, Text, parse_value
from rulekit import run_rule

RULES = {rule.code: rule for rule in BUILTIN_RULES}
LOW = '[funds]\nbudget = 100\nexecuted = 90\nrows = [{ source = "财政拨款", initial_budget = 100, budget = 100, executed = 90 }]\n'


def _fire(code: str, snippet: str) -> list[str]:
    return [f.path for f in run_rule(RULES[code], snippet)]


def test_f109_reads_a_denied_full_execution_as_a_denial():
    denied = LOW + 'reason = "因项目尾款未结算，资金没有100%执行完毕。"'
    assert _fire("F109", denied) == []
    claimed = LOW + 'reason = "资金已100%执行完毕。"'
    assert _fire("F109", claimed) == ["$.funds.reason"]


MISSED = ('[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "培训人次"\n'
          'target = "≥200人次"\nactual = "150人次"\n')


def test_i307_accepts_the_form_level_deviation_cell():
    assert _fire("I307", MISSED) == ["$.indicators[0].deviation"]
    explained = MISSED + '\n[narrative]\ndeviation = "受疫情影响，两期培训改至次年。"\n'
    assert _fire("I307", explained) == []
    placeholder = MISSED + '\n[narrative]\ndeviation = "无"\n'
    assert _fire("I307", placeholder) == ["$.indicators[0].deviation"]


def test_n402_does_not_count_money_left_under_a_money_row_as_an_output_shortfall():
    snippet = (LOW.replace("90", "99.56") +
               '\n[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "工作经费"\n'
               'target = "50万元"\nactual = "49.78万元"\n\n[narrative]\nproblems = "无"\nmeasures = "无"\n')
    [finding] = run_rule(RULES["N402"], snippet)
    assert "工作经费" not in finding.message and "99.56%" in finding.message


@pytest.mark.parametrize("text", ["95%（含）以上", "95%(含)以上", "不少于95%（含95%）", "≥95%（含95%）"])
def test_an_inclusive_note_keeps_the_operator(text):
    value = parse_value(text)
    assert isinstance(value, Quantity)
    assert (value.operator, value.amount, value.unit) == (Operator.GE, D(95), "%")


def test_an_operator_behind_an_unknown_word_is_not_absorbed():
    # "以上" after a word the parser does not know: not "= 95%" (a met ≥ target scored 0)
    value = parse_value("95%（另计）以上")
    assert isinstance(value, Text) and value.quantities[0].amount == D(95)


def test_a_met_inclusive_target_scores_full_marks():
    from evalengine.model import Case, Indicator, Project
    from evalengine.profile import load_profile
    from evalengine.scoring import score_case
    from evalengine.taxonomy import load_taxonomy

    row = Indicator(level1="满意度指标", level2="满意度指标", name="满意度", target="不少于95%（含95%）",
                    actual="96%")
    item = score_case(Case(project=Project(name="p", source="s"), indicators=(row,)),
                      load_profile("central-2020"), load_taxonomy()).indicators[0]
    assert item.reason == "met" and item.verified == item.weight


def test_the_seeds_each_250_copies_of_two_titles_is_a_target_of_500():
    report = run(["cases/2021/07-shizhi-bianji.toml"])
    [result] = report.cases
    [printing] = [s for s in result.score.indicators if result.case.indicators[s.index].target == "各印刷250册"]
    assert printing.target.amount == D(500) and printing.achievement == 1
