"""The reviewers' checks of issue 11 (S217, I316, I317, I318, N409): where each starts and
stops firing, beyond the fixtures every rule carries."""

from __future__ import annotations

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from rulekit import run_rule

RULES = {rule.code: rule for rule in BUILTIN_RULES}


def _fire(code: str, snippet: str) -> list[str]:
    return [f.path for f in run_rule(RULES[code], snippet)]


def _row(name, target, actual, *, weight=None, score=None, level1="产出指标", level2="数量指标",
         deviation="") -> str:
    out = (f'[[indicators]]\nlevel1 = "{level1}"\nlevel2 = "{level2}"\nname = "{name}"\n'
           f'target = "{target}"\nactual = "{actual}"\n')
    if weight is not None:
        out += f"weight = {weight}\n"
    if score is not None:
        out += f"score = {score}\n"
    if deviation:
        out += f'deviation = "{deviation}"\n'
    return out


CUT = '[project]\nincomplete = "cut off"\n\n'


@pytest.mark.parametrize("total, fires", [("95", False), ("95.01", False), ("95.02", True), ("100", True)])
def test_s217_a_cut_off_total_above_the_visible_deductions(total, fires):
    snippet = (CUT + '[funds]\nclaimed_weight = 10\nclaimed_score = 8\n\n'
               + _row("a", "≥10个", "9个", weight=20, score=17) + f"\n[narrative]\nclaimed_total = {total}\n")
    # 100 − (10 − 8) − (20 − 17) = 95, with 0.01 for rounding
    assert bool(_fire("S217", snippet)) is fires


def test_s217_leaves_a_whole_form_to_s202():
    snippet = _row("a", "≥10个", "9个", weight=20, score=17) + "\n[narrative]\nclaimed_total = 100\n"
    assert _fire("S217", snippet) == []


@pytest.mark.parametrize("actual, i316, i308", [("290人次", 0, 1), ("300人次", 1, 0), ("1000人次", 1, 0)])
def test_i316_takes_over_from_i308_at_three_times(actual, i316, i308):
    snippet = _row("培训人次", "≥100人次", actual)
    assert len(_fire("I316", snippet)) == i316 and len(_fire("I308", snippet)) == i308


def test_i316_accepts_a_reason_in_the_row_or_on_the_form():
    assert _fire("I316", _row("培训人次", "≥100人次", "450人次", deviation="追加全员轮训")) == []
    form = _row("培训人次", "≥100人次", "450人次") + '\n[narrative]\ndeviation = "追加全员轮训，指标值明年调高。"\n'
    assert _fire("I316", form) == []
    assert _fire("I316", _row("成本", "≤100万元", "450万元")) == []  # a ceiling: I307's


def test_i317_only_where_the_budget_row_is_scored_apart():
    snippet = _row("资金支出进度", "≥90%", "100%", level2="时效指标")
    assert _fire("I317", snippet) == ["$.indicators[0].name"]
    rubric = '[project]\nprofile = "yinchuan"\n\n' + snippet.replace('"产出指标"', '"项目管理"')
    assert _fire("I317", rubric) == []


def test_i318_only_outputs_and_only_far_above_the_budget():
    # base case budget 100 万元: 1000 万元 is 10× (not above), 1000.01 is above
    assert _fire("I318", _row("补助", "1000万元", "1000万元")) == []
    assert _fire("I318", _row("补助", "1000.01万元", "1000万元")) == ["$.indicators[0].target"]
    outcome = _row("带动投资", "≥5亿元", "6亿元", level1="效益指标", level2="经济效益指标")
    assert _fire("I318", outcome) == []


@pytest.mark.parametrize("department, implementer, fires", [
    ("仁和区投资促进局招商服务中心", "仁和区投资促进局", True),
    ("仁和区投资促进局", "仁和区投资促进局招商服务中心", False),  # the usual way round
    ("仁和区投资促进局", "仁和区投资促进局", False),
    ("仁和区财政局", "仁和区投资促进局", False),
    ("仁和区投资促进局第二", "仁和区投资促进局", False),  # no unit title: not a subordinate unit
])
def test_n409_department_and_implementer_swapped(department, implementer, fires):
    snippet = f'[project]\ndepartment = "{department}"\nimplementer = "{implementer}"\n'
    assert bool(_fire("N409", snippet)) is fires


def test_n410_narrative_figures_against_the_actual():
    # the base case's indicator: 培训人次 ≥200人次 → 210人次
    assert _fire("N410", '[goal]\nactual = "完成培训 180 人次。"') == ["$.indicators[0].actual"]
    assert _fire("N410", '[goal]\nactual = "完成培训 210 人次。"') == []
    parts = '[narrative]\ncompletion = "春季培训 90 人次、秋季培训 120 人次。"'
    assert _fire("N410", parts) == []  # 90 + 120 = 210
    other = '[narrative]\ncompletion = "接待来访 35 人次。"'
    assert _fire("N410", other) == []  # another subject: not compared


@pytest.mark.parametrize("actual, missing", [
    ("攀西冷链智慧商贸城、华芝浅水湾等项目落地建设", "富邦破产重整、白云破产重整"),
    ("富邦破产重整完成，白云破产重整进入二期，攀西冷链智慧商贸城投用", ""),
])
def test_i319_named_items(actual, missing):
    snippet = _row("促成项目落地", "促进富邦破产重整、白云破产重整、攀西冷链智慧商贸城等项建设", actual,
                   level1="效益指标", level2="社会效益指标")
    found = run_rule(RULES["I319"], snippet)
    assert (found[0].message.endswith(missing) if missing else found == ())


def test_i319_a_list_of_verbs_is_not_a_list_of_names():
    snippet = _row("促进发展", "完成全区重点招商引资项目的考察、引进、洽谈等工作", "签约中通快递物流园项目",
                   level1="效益指标", level2="社会效益指标")
    assert _fire("I319", snippet) == []
