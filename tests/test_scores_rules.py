"""Edge cases of the scores family (S rules): rounding boundaries, truncated forms, the
partition between overlapping rules, settings, and what the family finds in the real forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.loader import load_paths
from evalengine.model import Case

from rulekit import run_rule

RULES = {r.code: r for r in BUILTIN_RULES if r.family == "scores"}
REPO = Path(__file__).resolve().parent.parent
D = Decimal

_SICHUAN = 'profile = "sichuan"\n'
_TRUNCATED = 'source = "real form (as published; truncated inside the 效益指标 rows)"\n'
SICHUAN = "[project]\n" + _SICHUAN
TRUNCATED = "[project]\n" + _TRUNCATED


def rows(*items: dict) -> str:
    """[[indicators]] tables for a snippet (they replace the base case's rows)."""
    out = []
    for item in items:
        out.append("[[indicators]]")
        for key, value in item.items():
            if isinstance(value, bool):
                out.append(f"{key} = {'true' if value else 'false'}")
            elif isinstance(value, (int, Decimal)):
                out.append(f"{key} = {value}")
            else:
                out.append(f'{key} = "{value}"')
        out.append("")
    return "\n".join(out)


def row(name: str, target: str, actual: str, weight=None, score=None, level1: str = "产出指标",
        level2: str = "数量指标", **extra) -> dict:
    item = {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual}
    if weight is not None:
        item["weight"] = D(str(weight))
    if score is not None:
        item["score"] = D(str(score))
    return {**item, **extra}


def funds(**values) -> str:
    return "[funds]\n" + "".join(f"{k} = {v}\n" for k, v in values.items())


def fire(code: str, snippet: str, **options) -> tuple:
    config = UserConfig(select=(code,), options={code: options}) if options else None
    return run_rule(RULES[code], snippet, config=config)


def paths(code: str, snippet: str, **options) -> list[str]:
    return [f.path for f in fire(code, snippet, **options)]


# A complete central form: 10 + 50 + 30 + 10, every row scored.
def central(out_score=50, effect_score=30, sat_score=10, budget_score=10, total=None,
            effect_actual="85%") -> str:
    snippet = funds(claimed_weight=10, claimed_score=budget_score) + rows(
        row("培训人次", "≥200人次", "210人次", 50, out_score),
        row("参训人员技能提升率", "≥80%", effect_actual, 30, effect_score, "效益指标", "社会效益指标"),
        row("参训人员满意度", "≥90%", "96%", 10, sat_score, "满意度指标", "服务对象满意度指标"),
    )
    if total is not None:
        snippet += f"\n[narrative]\nclaimed_total = {total}\n"
    return snippet


# --- S201 score-out-of-range -------------------------------------------------------------


def test_s201_full_marks_and_zero_are_in_range():
    assert paths("S201", central()) == []
    assert paths("S201", central(out_score=0)) == []


def test_s201_a_cent_above_the_weight_and_a_negative_score():
    assert paths("S201", central(out_score="50.01")) == ["$.indicators[0].score"]
    assert paths("S201", central(effect_score=-1)) == ["$.indicators[1].score"]
    assert paths("S201", central(out_score="50.01"), tolerance=D("0.05")) == []


def test_s201_budget_row():
    assert paths("S201", funds(claimed_weight=10, claimed_score=12)) == ["$.funds.claimed_score"]
    # No 分值 printed for the budget row: only a negative score can be judged.
    assert paths("S201", funds(claimed_score=20)) == []
    assert paths("S201", funds(claimed_score=-1)) == ["$.funds.claimed_score"]


def test_s201_a_negative_score_without_a_weight_says_so():
    (hit,) = fire("S201", funds(claimed_score=-1))
    assert hit.message == "预算执行率的自评得分 -1.00 分为负数：得分不得为负（该行未填分值）"
    assert hit.message_en == "budget execution claims -1.00 points, a negative score (the row gives no weight)"
    assert "—" not in hit.message + hit.expected + hit.found
    (hit,) = fire("S201", rows(row("成本控制", "不超过预算", "不超过预算", score=-2)))
    assert "为负数" in hit.message and "—" not in hit.message + hit.expected + hit.found


def test_s201_with_a_weight_names_the_range():
    (hit,) = fire("S201", funds(claimed_weight=10, claimed_score=12))
    assert hit.message == "预算执行率的自评得分 12.00 分不在 0～10.00 分之间：得分不得高于分值，也不得为负"
    assert hit.message_en == "budget execution claims 12.00 points, outside 0 to its weight of 10.00"


def test_s201_score_without_a_weight_is_not_compared_with_an_invented_one():
    snippet = rows(row("成本控制", "不超过预算", "不超过预算", score=10))
    assert paths("S201", snippet) == []


# --- S202 claimed-total-mismatch ---------------------------------------------------------


def test_s202_rounding_of_the_total_is_accepted():
    snippet = funds(claimed_weight=10, claimed_score="8.62") + rows(
        row("培训人次", "≥200人次", "210人次", 50, 50),
        row("技能提升率", "≥80%", "70%", 30, "26.25", "效益指标", "社会效益指标"),
        row("满意度", "≥90%", "96%", 10, 10, "满意度指标", "满意度指标"),
    )
    # items sum to 94.87; a total printed to one decimal (94.9) is honest rounding.
    assert paths("S202", snippet + "[narrative]\nclaimed_total = 94.9\n") == []
    assert paths("S202", snippet + "[narrative]\nclaimed_total = 95\n") == [
        "$.narrative.claimed_total"]


def test_s202_needs_item_scores_and_a_stated_total():
    assert paths("S202", central()) == []  # no stated total
    unscored = "[narrative]\nclaimed_total = 100\n"
    assert paths("S202", unscored) == []  # the base case has no 得分


def test_s202_truncated_form_only_fails_when_visible_scores_exceed_the_total():
    visible = TRUNCATED + funds(claimed_weight=10, claimed_score=10) + rows(
        row("培训人次", "≥200人次", "210人次", 50, 50))
    assert paths("S202", visible + "[narrative]\nclaimed_total = 95\n") == []
    assert paths("S202", visible + "[narrative]\nclaimed_total = 55\n") == [
        "$.narrative.claimed_total"]


def test_s202_missing_budget_score_makes_the_form_incomplete():
    snippet = rows(row("培训人次", "≥200人次", "210人次", 90, 90)) + "[narrative]\nclaimed_total = 100\n"
    assert paths("S202", snippet) == []


# --- S203 weights-do-not-sum -------------------------------------------------------------


def _sichuan_weights(*weights, budget=10, truncated=False) -> str:
    items = [row(f"指标{i}", "≥100%", "100%", w) for i, w in enumerate(weights)]
    head = "[project]\n" + _SICHUAN + (_TRUNCATED if truncated else "")
    head += funds(claimed_weight=budget) if budget is not None else ""
    return head + rows(*items)


def test_s203_rounded_thirds_pass_and_real_gaps_fail():
    assert paths("S203", _sichuan_weights("33.33", "33.33", "23.33")) == []  # 99.99
    assert paths("S203", _sichuan_weights("33.3", "33.3", "23.3")) == ["$.indicators"]  # 99.9


def test_s203_without_a_budget_weight_the_indicators_must_make_90():
    assert paths("S203", _sichuan_weights(60, 30, budget=None)) == []
    assert paths("S203", _sichuan_weights(60, 40, budget=None)) == ["$.indicators"]


def test_s203_truncated_form_only_reports_an_excess():
    assert paths("S203", _sichuan_weights(8, 8, 10, truncated=True)) == []
    assert paths("S203", _sichuan_weights(60, 50, truncated=True)) == ["$.indicators"]


def test_s203_partly_weighted_form_only_reports_an_excess():
    snippet = SICHUAN + funds(claimed_weight=10) + rows(
        row("a", "≥100%", "100%", 40), row("b", "≥100%", "100%"))
    assert paths("S203", snippet) == []


def test_s203_printed_level1_weight_is_the_parent():
    snippet = funds(claimed_weight=10) + rows(
        row("a", "≥1个", "1个", 30, level1="产出指标(50分)"),
        row("b", "≥1个", "1个", 28, level1="产出指标(50分)"),
        row("c", "≥80%", "85%", 22, None, "效益指标(30分)", "社会效益指标"),
        row("d", "≥90%", "96%", 10, None, "满意度指标(10分)", "满意度指标"),
    )
    found = fire("S203", snippet)
    assert [f.path for f in found] == ["$.indicators[0].level1", "$.indicators[2].level1"]
    assert "58.00" in found[0].message and "50.00" in found[0].message


def test_s203_profile_level1_groups_only_when_asked():
    snippet = funds(claimed_weight=10) + rows(
        row("a", "≥1个", "1个", 60), row("c", "≥80%", "85%", 20, None, "效益指标", "社会效益指标"),
        row("d", "≥90%", "96%", 10, None, "满意度指标", "满意度指标"))
    assert paths("S203", snippet) == []
    assert paths("S203", snippet, check_level1_groups=True) == [
        "$.indicators[0].level1", "$.indicators[1].level1"]


# --- S204 dominant-indicator -------------------------------------------------------------


def test_s204_half_of_the_points_is_dominant():
    assert paths("S204", SICHUAN + rows(row("a", "≥1个", "1个", 45), row("b", "≥1个", "1个", 45))) == [
        "$.indicators[0].weight", "$.indicators[1].weight"]
    uneven = rows(row("a", "≥1个", "1个", "44.9"), row("b", "≥1个", "1个", "45.1"))
    assert paths("S204", SICHUAN + uneven) == ["$.indicators[1].weight"]


def test_s204_share_of_the_indicator_total_not_of_a_truncated_sum():
    # Only two 8-point rows visible: 8/90, not 8/16.
    assert paths("S204", TRUNCATED + rows(row("a", "≥1个", "1个", 8), row("b", "≥1个", "1个", 8))) == []


def test_s204_setting_and_derived_weights():
    assert paths("S204", SICHUAN + rows(row("a", "≥1个", "1个", 60), row("b", "≥1个", "1个", 30)),
                 max_share=D("0.7")) == []
    # Weights the engine derived (none printed) are not the department's choice.
    assert paths("S204", SICHUAN + rows(row("a", "≥1个", "1个"))) == []


# --- S205 / S207 / S206: one finding per row ---------------------------------------------


def _one(actual: str, score, deviation: str = "", target: str = "≥50万元", weight=10) -> str:
    extra = {"deviation": deviation} if deviation else {}
    return rows(row("工作经费", target, actual, weight, score, **extra))


@pytest.mark.parametrize("code", ["S205", "S207"])
def test_rounding_level_shortfall_with_full_marks_is_accepted(code):
    # 49.98/50 → 9.996 of 10: within C8's 0.1.
    assert paths(code, _one("49.98万元", 10)) == []


def test_full_marks_on_a_real_shortfall_is_s205_not_s207():
    snippet = _one("40万元", 10, "部分活动取消")
    assert paths("S205", snippet) == ["$.indicators[0].score"]
    assert paths("S207", snippet) == []


def test_wrong_partial_score_is_s207_not_s205():
    snippet = _one("40万元", 9, "部分活动取消")
    assert paths("S207", snippet) == ["$.indicators[0].score"]
    assert paths("S205", snippet) == []
    assert paths("S207", _one("40万元", 8, "部分活动取消")) == []


def test_s205_reverse_cap_exceeded_and_late():
    assert paths("S205", _one("60万元", 10, target="≤50万元")) == ["$.indicators[0].score"]
    assert paths("S205", _one("2021年12月20日", 10, target="2021年10月底前")) == ["$.indicators[0].score"]


@pytest.mark.parametrize("actual", ["部分完成", "未完成", "已完成80%"])
def test_s205_numeric_target_answered_not_done(actual):
    assert paths("S205", _one(actual, 10)) == ["$.indicators[0].score"]


def test_s205_word_answering_a_number_with_full_marks_is_not_s205():
    assert paths("S205", _one("完成", 10)) == []  # that is S209's and the I rules' business


def test_met_target_deducted_is_s206_not_s207():
    snippet = _one("55万元", 8, "0")
    assert paths("S206", snippet) == ["$.indicators[0].deviation"]
    assert paths("S207", snippet) == []


def test_s206_a_reason_is_fine_and_no_rounding_explains_a_deduction():
    assert paths("S206", _one("55万元", 8, "目标设定偏低，酌情扣2分")) == []
    assert paths("S206", _one("55万元", 8, "无。")) == ["$.indicators[0].deviation"]
    # a met target earns exactly its 10: 9.95 or 9.9 is a deduction whatever the rounding
    assert paths("S206", _one("55万元", "9.95")) == ["$.indicators[0].deviation"]
    assert paths("S206", _one("55万元", "9.9")) == ["$.indicators[0].deviation"]
    assert paths("S206", _one("55万元", "10")) == []


def test_s207_uses_the_forms_own_scale_when_scoring_rescales_weights():
    # Truncated central form: one 10-point 效益 row; scoring scales it to the 一级 30,
    # but the form's 10/10 for a met target is right on the form's scale.
    snippet = TRUNCATED + rows(
        row("免费开放率", "100%", "100%", "12.5", "12.5"),
        row("公益服务", "100%", "100%", 10, 10, "效益指标", "经济效益指标"))
    assert paths("S207", snippet) == []
    snippet = TRUNCATED + rows(row("公益服务", "≥100%", "80%", 10, 10, "效益指标", "经济效益指标"))
    assert paths("S205", snippet) == ["$.indicators[0].score"]


def test_s207_score_without_printed_weight_is_not_compared():
    assert paths("S207", rows(row("补助", "1000万元", "500万元", score=10))) == []


# --- S208 qualitative-score-outside-tier -------------------------------------------------


def _qual(actual: str, score, weight=10) -> str:
    return rows(row("制度健全性", "逐步健全", actual, weight, score, "效益指标", "社会效益指标"))


@pytest.mark.parametrize("actual,score", [
    ("达成年度指标", 8), ("达成年度指标", 10), ("部分达成年度指标并具有一定效果", 6),
    ("部分达成年度指标并具有一定效果", 8), ("未达成年度指标且效果较差", 0), ("未达成年度指标且效果较差", 6),
])
def test_s208_tier_boundaries_are_accepted(actual, score):
    assert paths("S208", _qual(actual, score)) == []


@pytest.mark.parametrize("actual,score", [
    ("达成年度指标", "7.98"), ("部分达成年度指标并具有一定效果", 10), ("部分达成年度指标并具有一定效果", "5.9"),
    ("未达成年度指标且效果较差", 7),
])
def test_s208_outside_the_tier(actual, score):
    assert paths("S208", _qual(actual, score)) == ["$.indicators[0].score"]


def test_s208_rounding_and_descriptions():
    # 0.8 × 16.67 = 13.336; 13.33 is the department rounding down.
    assert paths("S208", _qual("达成年度指标", "13.33", "16.67")) == []
    # A description claims no tier: nothing to check against.
    assert paths("S208", _qual("建立了三项制度，运行良好", 5)) == []
    # Above the weight is S201's.
    assert paths("S208", _qual("部分达成年度指标并具有一定效果", 12)) == []


# --- S209 score-inflation ----------------------------------------------------------------


def _all_full(fund_lines: str, *extra_rows: dict, total=None) -> str:
    items = [row("委托业务项目数量", "≥50个", "50个", 40, 40),
             row("项目总成本", "≤90万元", "89.97万元", 10, 10, "产出指标", "成本指标"),
             *extra_rows,
             row("社会效益", "效果明显", "在三个乡镇建立了委托业务台账", 30, 30, "效益指标", "社会效益指标"),
             row("满意度", "≥90%", "95%", 10, 10, "满意度指标", "满意度指标")]
    snippet = fund_lines + rows(*items)
    if total is not None:
        snippet += f"[narrative]\nclaimed_total = {total}\n"
    return snippet


ROWS_0_0_0 = """[project]
source = "real form 01 (as published; truncated inside the 满意度 rows)"

[funds]
initial_budget = 0
budget = 0
executed = 0
claimed_weight = 10
claimed_score = 0

[[funds.rows]]
source = "本年财政拨款"
initial_budget = 90
budget = 89.974
executed = 89.974
"""


def test_s209_quiet_when_everything_is_evidenced_and_spent():
    assert paths("S209", _all_full(funds(claimed_weight=10, claimed_score=10), total=100)) == []


def test_s209_execution_against_the_initial_budget_through_the_source_rows():
    found = fire("S209", _all_full(ROWS_0_0_0))
    assert [f.path for f in found] == ["$.indicators"]
    assert "89.97 / 年初预算数 90.00 = 99.97%" in found[0].found
    assert paths("S209", _all_full(ROWS_0_0_0), compare_initial_budget=False) == []


def test_s209_bare_tier_words_count_as_unsupported():
    bare = row("合规性", "严格执行相关制度规定", "达成预期指标", 10, 10, "产出指标", "质量指标")
    snippet = _all_full(funds(claimed_weight=10, claimed_score=10), bare)
    # 40 + 10 + 10 + 30 + 10 = 100 of indicator weight: still "full marks everywhere".
    found = fire("S209", snippet)
    assert len(found) == 1 and "达成预期指标" in found[0].found
    assert paths("S209", snippet, bare_claims=False) == []


def test_s209_a_deducted_item_or_a_low_total_is_not_inflation():
    gap = _all_full(funds(executed=86, claimed_weight=10, claimed_score=10))
    assert paths("S209", gap) == ["$.indicators"]
    low_total = _all_full(funds(executed=86, claimed_weight=10, claimed_score=10), total=90)
    assert paths("S209", low_total) == []
    one_deducted = gap.replace("score = 30", "score = 27")
    assert paths("S209", one_deducted) == []


def test_s209_unscored_forms_are_left_to_s211():
    assert paths("S209", rows(row("培训人次", "≥200人次", "完成"))) == []


# --- S210 level1-weights-differ-from-profile ---------------------------------------------


def _split(out, effect, sat) -> str:
    return funds(claimed_weight=10) + rows(
        row("a", "≥1个", "1个", out), row("b", "≥80%", "85%", effect, None, "效益指标", "社会效益指标"),
        row("c", "≥90%", "96%", sat, None, "满意度指标", "满意度指标"))


def test_s210_only_a_right_total_with_another_split():
    found = fire("S210", _split(60, 20, 10))
    assert len(found) == 1 and "产出指标 60.00" in found[0].found
    assert paths("S210", _split(50, 30, 10)) == []
    assert paths("S210", _split(60, 30, 10)) == []  # total 110 is S203's error


def test_s210_not_under_sichuan_nor_on_truncated_forms():
    assert paths("S210", SICHUAN + _split(60, 20, 10)) == []
    assert paths("S210", TRUNCATED + _split(60, 20, 10)) == []


# --- S211 claimed-rating-differs ---------------------------------------------------------


def test_s211_gap_of_exactly_the_threshold_in_the_same_grade_is_quiet():
    # claimed 100, verified 90 (satisfaction answered "满意"): gap 10, both 优.
    snippet = rows(row("培训人次", "≥200人次", "210人次"),
                   row("技能提升率", "≥80%", "85%", level1="效益指标", level2="社会效益指标"),
                   row("满意度", "≥90%", "满意", level1="满意度指标", level2="满意度指标"))
    assert paths("S211", snippet) == []
    assert paths("S211", snippet, max_gap=D(9)) == ["$.narrative.claimed_total"]


def test_s211_grade_change_needs_a_minimum_gap():
    # Claimed 95 (优); verified 89.5 (良): 技能提升率 52/80 → 19.5 of 30.  A gap of 5.5.
    snippet = central(effect_actual="52%", effect_score=25, total=95)
    found = fire("S211", snippet)
    assert len(found) == 1 and "（优）" in found[0].message and "（良）" in found[0].message
    assert paths("S211", snippet, flag_grade_change=False) == []
    assert paths("S211", snippet, grade_min_gap=D(6)) == []


def test_s211_implied_claims_can_be_left_out():
    snippet = rows(row("培训人次", "≥200人次", "210人次"),
                   row("培训成本", "≤100万元", "完成", level2="成本指标"),
                   row("技能提升率", "≥80%", "85%", level1="效益指标", level2="社会效益指标"),
                   row("满意度", "≥90%", "满意", level1="满意度指标", level2="满意度指标"))
    found = fire("S211", snippet)
    assert len(found) == 1 and "推算" in found[0].message and "培训成本" in found[0].found
    assert paths("S211", snippet, include_implied=False) == []


def test_s211_truncated_form_compares_visible_items_on_the_forms_scale():
    # A stated 95 over a form cut off after its output rows: no finding for the unseen rows.
    snippet = TRUNCATED + funds(claimed_weight=10, claimed_score=10) + rows(
        row("培训人次", "≥200人次", "210人次", 50, 50)) + "[narrative]\nclaimed_total = 95\n"
    assert paths("S211", snippet) == []


# --- S212 empty-scores -------------------------------------------------------------------


def test_s212_one_filled_row_or_no_weights_is_not_an_empty_form():
    blank = rows(row("a", "=100%", "", 60), row("b", "=100%", "", 30))
    assert paths("S212", blank) == ["$.indicators"]
    assert paths("S212", blank.replace('actual = ""', 'actual = "100%"', 1)) == []
    assert paths("S212", rows(row("a", "=100%", ""), row("b", "=100%", ""))) == []


# --- the family on the transcribed forms -------------------------------------------------


def _family_findings(folder: str) -> dict[str, list[str]]:
    checker = Checker.build(UserConfig(select=tuple(RULES)))
    engine = Engine.build(checker)
    out: dict[str, list[str]] = {}
    for item in load_paths([REPO / folder]):
        document = getattr(item, "document", None)
        if isinstance(document, Case):
            result = engine.score(item.location, document)
            out[Path(item.location).name[:3].rstrip("-")] = sorted(
                f.code for f in result.findings if f.code in RULES)
    return out


def test_real_forms_index_problems_are_found_and_clean_forms_stay_clean():
    found = _family_findings("cases/real")
    assert "S209" in found["01"]  # every item 达成预期指标 at full marks, 89.974 of 90 spent
    assert "S209" in found["02"]  # full marks at 65.6% of the 年初 budget
    assert "S212" in found["03"]  # every 完成值 and 得分 blank
    assert "S204" in found["04a"]  # one 成本 indicator weighted 90
    assert "S209" in found["04a"]  # … at full marks on the word "完成"
    # 06 is an unscored form: no claimed score to compare (its rows are bare claims)
    assert "S211" not in found["06"]
    assert "S207" in found["08"]  # 37.24/43.2 scored 9 instead of 8.62
    assert "S212" in found["20a"]  # weights but blank 完成值 and 得分
    assert "S209" in found["21"]  # all visible items full, five with no actual at all
    # 19: two rows answer by copying the target (不超过预算, 专款专用) at full marks
    assert "S211" in found["19"]
    for clean in ("30", "34", "20b", "04b"):
        assert found[clean] == [], clean


def test_seed_gaps_between_claimed_and_verified():
    found = _family_findings("cases/2021")
    # 03 and 07 rest on bare claims (完成, 全面完成): thin evidence, not rated, no gap to compare
    assert {name for name, codes in found.items() if codes} == {"01", "02"}
    assert all(codes == ["S211"] for codes in found.values() if codes)
