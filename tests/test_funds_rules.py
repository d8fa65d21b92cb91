"""Edge cases of the funds rules (F1xx): rounding boundaries, negations, settings, real data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.model import FundRow, Funds
from evalengine.money import figures
from evalengine.report import CaseResult

from rulekit import BASE_CASE, build_case, run_rule

BY_CODE = {rule.code: rule for rule in BUILTIN_RULES if rule.family == "funds"}
ROOT = Path(__file__).resolve().parent.parent
D = Decimal


# The base case without its [funds] table, for figures a snippet cannot blank by merging.
BARE = {key: value for key, value in BASE_CASE.items() if key != "funds"}


def fire(code: str, snippet: str, *, base: dict | None = None, **options) -> tuple:
    """Findings of one rule on ``snippet`` merged onto the base case (or ``base``)."""
    config = UserConfig(select=(code,), options={code: options} if options else {})
    if base is None:
        return run_rule(BY_CODE[code], snippet, config=config)
    result = Engine.build(Checker.build(config)).score("fixture.toml", build_case(snippet, base))
    return tuple(f for f in result.findings if f.code == code)


def funds(executed, budget=100, **extra) -> str:
    """A [funds] table whose total row and single 财政拨款 row agree."""
    lines = [f"budget = {budget}", f"executed = {executed}"]
    lines += [f"{key} = {value}" for key, value in extra.items()]
    row = f'{{ source = "财政拨款", initial_budget = {budget}, budget = {budget}, executed = {executed} }}'
    return "[funds]\n" + "\n".join(lines) + f"\nrows = [{row}]\n"


# --- figures -----------------------------------------------------------------------------


def test_figures_use_the_rows_when_the_total_row_is_zero():
    f = figures(Funds(budget=D(0), executed=D(0), initial_budget=D(0), rows=(
        FundRow("本年财政拨款", D(90), D("89.974"), D("89.974")), FundRow("上年结转资金"))))
    assert (f.budget, f.executed, f.initial, f.from_rows) == (D("89.974"), D("89.974"), D(90), True)
    assert f.rate == 1
    assert figures(Funds(budget=D(0), executed=D(0), rows=(FundRow("x", budget=D(5)),)),
                   rows=False).rate is None


def test_figures_fall_back_to_the_initial_budget_when_the_layout_has_no_adjusted_one():
    f = figures(Funds(initial_budget=D(45), executed=D(45)))
    assert (f.budget, f.adjusted, f.rate) == (D(45), None, 1)


# --- F101 completed-without-payment --------------------------------------------------------

ZERO_PAID = funds(0) + 'reason = "资金结转下年。"\n'


def test_f101_negated_claims_do_not_count():
    text = ZERO_PAID + ('[goal]\nactual = "培训尚未全面完成。"\n'
                        '[narrative]\ncompletion = "未能按时完成，计划2022年完成。"\n'
                        'conclusion = "符合绩效目标管理要求。"\nbenefit = "实现上下级沟通高效便捷。"')
    assert fire("F101", text) == ()


def test_f101_a_later_unnegated_claim_still_counts():
    text = ZERO_PAID + '[goal]\nactual = ""\n[narrative]\ncompletion = "采购未完成，但已实现年度保密目标。"'
    (hit,) = fire("F101", text)
    assert hit.path == "$.narrative.completion" and "实现年度保密目标" in hit.message


def test_f101_labels_and_spending_statements_are_not_claims():
    text = ZERO_PAID + ('[goal]\nactual = "对照年度目标,说明相关任务目标的完成情况(100字以内)"\n'
                        '[narrative]\ncompletion = "完成时间待定，任务完成率45%。"\n'
                        'benefit = "本项目共完成预算资金0元。"')
    assert fire("F101", text) == ()


def test_f101_indicator_claims_are_reported_once_and_satisfaction_words_are_not_claims():
    text = ZERO_PAID + '''[goal]
actual = ""
[narrative]
completion = ""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "已完成100%"
[[indicators]]
level1 = "产出指标"
level2 = "质量指标"
name = "合格率"
target = "≥95%"
actual = "全面完成"
[[indicators]]
level1 = "满意度指标"
level2 = "满意度指标"
name = "满意度"
target = "≥90%"
actual = "满意"
'''
    (hit,) = fire("F101", text)
    assert hit.path == "$.indicators[0].actual"
    assert "2 项绩效指标" in hit.message and "合格率" in hit.found and "满意度" not in hit.found


def test_f101_max_rate_setting():
    text = funds(60) + 'reason = "尾款待付。"'
    assert fire("F101", text) == ()
    assert len(fire("F101", text, max_rate=D("0.6"))) == 2  # goal.actual and completion


def test_f101_nothing_paid_with_no_budget_still_counts():
    assert fire("F101", "[funds]\nbudget = 0\nexecuted = 0\nrows = []")


# --- F102 low-execution-full-marks -----------------------------------------------------------


def test_f102_all_outputs_full_is_one_hit_that_covers_the_cost_row():
    hits = fire("F102", funds(70))
    assert len(hits) == 1 and "全部 4 项" in hits[0].message


def test_f102_threshold_boundary():
    assert fire("F102", funds(90)) == ()
    assert fire("F102", funds(89.99))
    assert fire("F102", funds(89.99), threshold=D("0.8")) == ()


def test_f102_cost_capped_at_the_initial_budget_counts_unspent_money():
    text = '''[funds]
budget = 132.91
executed = 132.91
initial_budget = 202.64
adjustment_reason = "年中调减。"
rows = [{ source = "财政拨款", initial_budget = 202.64, budget = 132.91, executed = 132.91 }]
[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "项目总成本"
target = "≤202.6万元"
actual = "132.9"
weight = 10
score = 10
'''
    (hit,) = fire("F102", text)
    assert hit.path == "$.indicators[0].score" and "65.6" in hit.message
    assert fire("F102", text, budget_match=D("0.0001")) == ()


def test_f102_a_cost_ceiling_that_is_not_the_budget_is_left_alone():
    text = funds(70) + '''[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥200人次"
actual = "150人次"
[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "人均培训成本"
target = "≤500元/人"
actual = "450元/人"
'''
    assert fire("F102", text) == ()


def test_f102_a_control_rate_cost_indicator_at_low_execution():
    text = funds(37.24, 43.2) + '''[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "工程资金金额"
target = "43.2"
actual = "37.24"
weight = 10
score = 9
[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "成本控制率"
target = "100"
actual = "100"
weight = 10
score = 10
'''
    (hit,) = fire("F102", text)
    assert hit.path == "$.indicators[1].score" and "86.20%" in hit.message


# --- F103 / F104 ---------------------------------------------------------------------------


def test_f103_template_text_in_the_reason_cell_is_no_reason():
    template = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)"
    assert fire("F103", funds(80, reason=f'"{template}"'))
    assert fire("F103", funds(80, reason='"部分活动取消"')) == ()


def test_f103_a_reason_elsewhere_counts():
    deviation = funds(80) + '''[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "工程资金金额"
target = "100万元"
actual = "80万元"
deviation = "已完工，剩余尾款未付。"
'''
    assert fire("F103", deviation) == ()
    assert fire("F103", funds(80, note='"结余资金已收回财政。"')) == ()
    assert fire("F103", funds(80, note='"资金全额由区财政负担。"'))


def test_f103_threshold_boundary():
    assert fire("F103", funds(90)) == ()
    assert fire("F103", funds(89.99))


def test_f104_tolerance_and_share():
    assert fire("F104", funds(99.99)) == ()  # 0.01 万元 is rounding
    assert fire("F104", funds(99.98))
    assert fire("F104", funds(99.5), min_share=D("0.01")) == ()
    assert fire("F104", funds(99), min_share=D("0.01"))


def test_f104_defers_to_f103_below_its_threshold():
    assert fire("F104", funds(80)) == ()
    # F103's threshold, declared once (F104's [shares]): setting it moves both rules
    config = UserConfig(select=("F104",), options={"F103": {"threshold": D(0)}})
    assert run_rule(BY_CODE["F104"], funds(80), config=config)


# --- F105 / F106 ---------------------------------------------------------------------------


def test_f105_tolerance_boundary():
    assert fire("F105", funds(80, balance="20.015", reason='"结转"')) == ()
    assert fire("F105", funds(80, balance="20.02", reason='"结转"'))
    (hit,) = fire("F105", "[funds]\nbudget = 20.40\nexecuted = 0\nbalance = 0\nrows = []")
    assert "20.40" in hit.message


def test_f106_checks_each_row_with_rounding():
    assert fire("F106", funds("100.01")) == ()
    text = '''[funds]
rows = [
  { source = "财政拨款", initial_budget = 90, budget = 90, executed = 95 },
  { source = "其他资金", initial_budget = 10, budget = 10, executed = 5 },
]'''
    (hit,) = fire("F106", text)
    assert hit.path == "$.funds.rows[0].executed"


# --- F107 / F108 ---------------------------------------------------------------------------


def test_f107_accepts_accumulated_rounding():
    ok = '''[funds]
rows = [
  { source = "财政拨款", initial_budget = 33.33, budget = 33.33, executed = 33.33 },
  { source = "上年结转", initial_budget = 33.33, budget = 33.33, executed = 33.33 },
  { source = "其他资金", initial_budget = 33.33, budget = 33.33, executed = 33.33 },
]'''
    assert fire("F107", ok) == ()  # 0.01 off, tolerance 4 × 0.005
    bad = '''[funds]
rows = [
  { source = "财政拨款", budget = 60, executed = 60 },
  { source = "其他资金", budget = 39.98, executed = 40 },
]'''
    (hit,) = fire("F107", bad)  # initial blank on the rows: not compared
    assert hit.path == "$.funds.budget"


def test_f107_leaves_an_empty_total_row_to_f108():
    text = "[funds]\ninitial_budget = 0\nbudget = 0\nexecuted = 0"
    assert fire("F107", text) == ()
    (hit,) = fire("F108", text)
    assert "100.00%" in hit.message and "得分 10.00" in hit.expected


def test_f108_absent_total_row():
    text = '[funds]\nrows = [{ source = "本年财政拨款", budget = 90, executed = 89.974 }]'
    (hit,) = fire("F108", text, base=BARE)
    assert "空白 / 空白 / 空白" in hit.found
    assert fire("F108", "") == ()


# --- F109 / F110 ---------------------------------------------------------------------------


def test_f109_uses_the_printed_precision():
    base = funds(37.24, 43.2, reason='"尾款"')
    assert fire("F109", base + "claimed_rate = 86") == ()  # 86.20% printed as 86%
    assert fire("F109", base + "claimed_rate = 86.2") == ()
    assert fire("F109", base + "claimed_rate = 86.3")
    assert fire("F109", base + "claimed_rate = 87")


def test_f109_full_execution_text_contradicted_by_the_figures():
    (hit,) = fire("F109", funds(90, note='"资金已全额支付。"'))
    assert hit.path == "$.funds.note" and "90.00%" in hit.message
    assert fire("F109", funds(100, note='"资金已全额支付。"')) == ()
    assert fire("F109", funds(90, note='"资金全额拨付到位。"')) == ()


def test_f109_a_capped_100_percent_is_left_to_f106():
    assert fire("F109", funds(105, claimed_rate=100)) == ()


def test_f110_tolerance_and_form_weight():
    base = funds(86.2, reason='"尾款"')
    assert fire("F110", base + "claimed_score = 8.72") == ()
    assert fire("F110", base + "claimed_score = 8.73")
    assert fire("F110", funds(100, claimed_weight=20, claimed_score=20)) == ()
    # a 20-point budget score under a 10-point profile: the form was written for another
    # profile (20-80), reported once by S213, not as a wrong budget score
    assert fire("F110", funds(100, claimed_score=20)) == ()
    from rulekit import run_rule as _run

    [s213] = _run(next(r for r in BUILTIN_RULES if r.code == "S213"), funds(100, claimed_score=20))
    assert "20-80" in s213.message


def test_f110_skips_an_empty_total_row():
    assert fire("F110", "[funds]\ninitial_budget = 0\nbudget = 0\nexecuted = 0\nclaimed_score = 0") == ()


# --- F111 / F112 ---------------------------------------------------------------------------


@pytest.mark.parametrize("note, fires", [
    ("项目合同资金89820元，其中41790元占用电子政务外网光纤租用费支付。", True),
    ("2021年7月，项目全额款项转到区委办，由区委办统一购置分配。", True),
    ("本项目为云视讯项目代付服务费4.18万元。", True),
    ("从单位公用经费中列支0.5万元。", True),
    ("结余资金结转到下年继续使用。", False),
    ("在本项目预算内列支。", False),
    ("区财政年初审核后全额下达。", False),
])
def test_f111_patterns(note, fires):
    assert bool(fire("F111", f'[funds]\nnote = "{note}"')) is fires


def test_f111_reads_deviation_notes():
    text = '''[[indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "成本"
target = "≤100万元"
actual = "100万元"
deviation = "差额部分挤占办公经费。"
'''
    (hit,) = fire("F111", text)
    assert hit.path == "$.indicators[0].deviation"


def test_f112_reasons_and_placeholders():
    adjusted = '''[funds]
initial_budget = 238.93
budget = 251.89
executed = 251.89
rows = []
'''
    assert fire("F112", adjusted)
    template = "2.年中发生预算调整的(追加或调减),应单独说明理由"
    assert fire("F112", adjusted + f'reason = "{template}"')
    assert fire("F112", adjusted + 'note = "年中追加人员经费12.96万元。"') == ()
    assert fire("F112", adjusted.replace("238.93", "251.88")) == ()  # 0.01 is rounding


def test_f112_reads_the_rows_under_an_empty_total_row():
    text = '''[funds]
initial_budget = 0
budget = 0
executed = 0
rows = [{ source = "本年财政拨款", initial_budget = 202.64, budget = 132.912, executed = 132.912 }]
'''
    (hit,) = fire("F112", text)
    assert "202.64" in hit.message and "132.91" in hit.message


# --- F113 / F114 ---------------------------------------------------------------------------


def test_f113_empty_funds_section_is_a_setting():
    zeros = "[funds]\ninitial_budget = 0\nbudget = 0\nexecuted = 0"
    assert fire("F113", zeros, base=BARE)  # 0/0/0 printed: figures, but no budget
    assert fire("F113", "", base=BARE)
    assert fire("F113", "", base=BARE, flag_empty_funds=False) == ()
    assert fire("F113", "[project]\nhas_form = false", base=BARE) == ()
    assert fire("F113", "[funds]\ninitial_budget = 45\nexecuted = 45", base=BARE) == ()


def test_f113_leaves_an_empty_total_row_over_filled_rows_to_f108():
    assert fire("F113", "[funds]\ninitial_budget = 0\nbudget = 0\nexecuted = 0") == ()


def test_f114_breakdowns():
    real02 = ("本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,"
              "村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。")
    (hit,) = fire("F114", f'[goal]\nexpected = "{real02}"')
    assert "202.64" in hit.message and "174.00" in hit.message and "28.64" in hit.message
    done = ("本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,"
            "村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。")
    assert fire("F114", f'[goal]\nactual = "{done}"') == ()
    one_part = "项目合同资金89820元，其中41790元占用电子政务外网光纤租用费支付。"
    assert fire("F114", f'[funds]\nnote = "{one_part}"') == ()
    no_total = "其中:智慧屏购置费6.8万元,安装费0.5万元。"
    assert fire("F114", f'[funds]\nnote = "{no_total}"') == ()
    rounded = "共计10.01万元，其中甲3.34万元，乙3.33万元，丙3.33万元。"
    assert fire("F114", f'[funds]\nnote = "{rounded}"') == ()


# --- the seed and the real forms ---------------------------------------------------------


def _funds_findings(folder: str) -> dict[str, list[tuple[str, str]]]:
    engine = Engine.build(Checker.build(UserConfig(select=("F",))))
    out: dict[str, list[tuple[str, str]]] = {}
    for result in engine.evaluate([ROOT / "cases" / folder]):
        if isinstance(result, CaseResult):
            name = Path(result.location).name
            out[name] = sorted((f.code, f.path) for f in result.findings)
    return out


def test_seed_findings():
    found = {k: v for k, v in _funds_findings("2021").items() if v}
    assert found == {
        "01-zhaoshang-yinzi.toml": [("F104", "$.funds.executed")],
        "02-anquan-weiwen.toml": [("F104", "$.funds.executed")],
        "04-guochanhua-shebei.toml": [
            ("F101", "$.narrative.benefit"), ("F105", "$.funds.balance"), ("F111", "$.funds.note")],
        "06-yidong-yunshixun.toml": [
            ("F101", "$.narrative.completion"), ("F103", "$.funds.reason"),
            ("F111", "$.funds.note")],
    }


def test_real_form_findings():
    # the excerpts cut off before the 预算执行 table (04a, 05, 20a, 20b, 34) are incomplete:
    # their blank money section is not reported as unfilled (F113 flag_empty_funds)
    found = {k: v for k, v in _funds_findings("real").items() if v}
    assert found == {
        "01-weituo-yewu-xiangmu.toml": [("F108", "$.funds"), ("F112", "$.funds.adjustment_reason")],
        "02-cunji-buzhu-ji-yunzhuan-jingfei.toml": [
            ("F102", "$.indicators[5].score"), ("F108", "$.funds"),
            ("F112", "$.funds.adjustment_reason"), ("F114", "$.goal.expected")],
        "03-gongzixing-zhichu-qingshen-fagaiju.toml": [("F112", "$.funds.adjustment_reason")],
        "04b-anke-tidai-buzhu-zijin-dayingxian-sifaju.toml": [("F112", "$.funds.adjustment_reason")],
        "08-bangong-sushelou-shitang-nuantong-gaizao-jingfei.toml": [
            ("F102", "$.indicators[4].score"), ("F110", "$.funds.claimed_score")],
    }


# --- robustness --------------------------------------------------------------------------

_amount = st.one_of(st.none(), st.decimals(min_value=-10, max_value=1000, places=3,
                                           allow_nan=False, allow_infinity=False))
_text = st.sampled_from(["", "完成", "未完成", "结余结转", "占用经费支付", "共100元，其中30元、20元",
                         "已全额支付", "需说明原因(100字以内)", "/"])


def _toml_amount(name: str, value) -> str:
    return "" if value is None else f"{name} = {value}\n"


@given(budget=_amount, executed=_amount, initial=_amount, balance=_amount, rate=_amount,
       score=_amount, weight=_amount, row_budget=_amount, row_executed=_amount,
       note=_text, reason=_text, completion=_text)
def test_no_rule_crashes_on_odd_money(budget, executed, initial, balance, rate, score, weight,
                                      row_budget, row_executed, note, reason, completion):
    snippet = ("[funds]\n" + _toml_amount("budget", budget) + _toml_amount("executed", executed)
               + _toml_amount("initial_budget", initial) + _toml_amount("balance", balance)
               + _toml_amount("claimed_rate", rate) + _toml_amount("claimed_score", score)
               + _toml_amount("claimed_weight", weight)
               + f'note = "{note}"\nreason = "{reason}"\n'
               + "rows = [{ source = \"财政拨款\" "
               + (f", budget = {row_budget}" if row_budget is not None else "")
               + (f", executed = {row_executed}" if row_executed is not None else "")
               + " }]\n" + f'[narrative]\ncompletion = "{completion}"\n')
    engine = Engine.build(Checker.build(UserConfig(select=("F", "M003"))))
    result = engine.score("odd.toml", build_case(snippet, BARE))
    assert not [f for f in result.findings if f.code == "M003"]


# --- figures in messages are formatted, never raw Decimals ---------------------------------


def test_f109_shows_a_stated_rate_without_its_padding():
    (hit,) = fire("F109", funds(50, claimed_rate="12.3400000"))
    assert "12.34%" in hit.message and "12.3400000" not in hit.message + hit.found


def test_f113_shows_other_figures_formatted():
    (hit,) = fire("F113", "[funds]\nbudget = 0\nexecuted = 1e2\nclaimed_rate = 1.000E+2\n"
                          "claimed_score = 8.50\nrows = []", base=BARE)
    assert "执行数 100.00" in hit.found and "执行率 100%" in hit.found and "得分 8.5" in hit.found
    assert "E+" not in hit.found


def test_f113_a_negative_budget_is_called_negative_not_blank():
    (hit,) = fire("F113", "[funds]\nbudget = -5\nexecuted = 3\nrows = []", base=BARE)
    assert hit.message == "无法计算预算执行率：预算数为负数（-5.00 万元），不能作为执行率的分母"
    assert "0 或空白" not in hit.message and "negative" in hit.message_en
    # A negative budget alone (nothing else filled) is still that, not "no figures at all".
    (hit,) = fire("F113", "[funds]\nbudget = -5\nrows = []", base=BARE)
    assert "负数" in hit.message and "均无" not in hit.message


def test_a_negative_amount_spent_has_no_rate_and_is_f113s():
    """执行数 -5 of 40: no 执行率 is computed from it (not "0.00%"), F113 reports the figure,
    and F101 does not judge completion against a spend that cannot be right."""
    negative = "[funds]\nbudget = 40\nexecuted = -5"
    (hit,) = fire("F113", negative)
    assert hit.path == "$.funds.executed" and "-5.00" in hit.message
    assert fire("F101", negative) == ()
    assert figures(Funds(budget=Decimal(40), executed=Decimal(-5))).rate is None
