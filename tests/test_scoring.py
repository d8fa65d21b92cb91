"""The formulas of framework.md §3, with the regulation's and the real forms' own examples."""

from __future__ import annotations

from decimal import Decimal as D

import attrs
import pytest

from evalengine.numbers import rounded
from evalengine.model import Case, Funds, Indicator, Narrative, Project
from evalengine.profile import load_profile
from evalengine.scoring import EvidenceClass, Evidence, Status, score_case, score_quantity
from evalengine.taxonomy import load_taxonomy
from evalengine.values import Operator

CENTRAL = load_profile("central-2020")
SICHUAN = load_profile("sichuan")
TAXONOMY = load_taxonomy()


def case(*indicators: Indicator, budget="100", executed="100", profile="central-2020", **kw) -> Case:
    return Case(
        project=Project(name="p", source="test", year=2021, profile=profile, **kw),
        funds=Funds(budget=D(budget), executed=D(executed)),
        indicators=indicators,
    )


def score(c: Case, profile=CENTRAL):
    return score_case(c, profile, TAXONOMY)


@pytest.mark.parametrize(
    ("operator", "target", "actual", "expected"),
    [
        # positive (≥): meet → full; miss → A/T·w  (10号; C1 selfpositiveindex)
        (Operator.GE, "100", "80", "8"),
        (Operator.GE, "100", "100", "10"),
        (Operator.GE, "100", "150", "10"),  # over-achievement never above w
        (Operator.GE, "95", "90", "9.473684210526315789473684211"),
        # strict (> <) are scored as their ≥/≤ twins (C1; strict_limit_fraction = 1 in
        # central-2020); an equal actual is reported as not met (see below)
        (Operator.GT, "95", "90", "9.473684210526315789473684211"),
        (Operator.GT, "100", "50", "5"),
        (Operator.LT, "100", "110", "9"),
        (Operator.LT, "100", "190", "1"),
        # equal with T > 0 is scored as positive (C1 selfequalindex)
        (Operator.EQ, "250", "200", "8"),
        # equal with T = 0: A ≤ 0 → w, else 0 (C4)
        (Operator.EQ, "0", "0", "10"),
        (Operator.EQ, "0", "1", "0"),
        # reverse (≤): A ≤ T → w; T < A < 2T → (1 − (A−T)/T)·w; A ≥ 2T → 0 (C1 selfreverseindex)
        (Operator.LE, "100", "90", "10"),
        (Operator.LE, "100", "150", "5"),
        (Operator.LE, "100", "200", "0"),
        (Operator.LE, "100", "250", "0"),
        # A < 0 is treated as 0 (C2)
        (Operator.GE, "100", "-5", "0"),
    ],
)
def test_quantitative_formulas(operator, target, actual, expected):
    got, _, _ = score_quantity(operator, D(target), D(actual), D(10), CENTRAL)
    assert got == D(expected)


def test_reverse_alternative_target_over_actual():
    profile = attrs.evolve(CENTRAL, quantitative=attrs.evolve(CENTRAL.quantitative,
                                                              reverse="target_over_actual"))
    got, _, _ = score_quantity(Operator.LE, D(100), D(125), D(10), profile)
    assert got == D(8)  # (T/A)·w, S7


def test_budget_execution_real_form_08():
    # 37.24 / 43.2 = 86.2%; the form scores it 9, the rule gives min(rate,1)×10 = 8.62
    result = score(case(budget="43.2", executed="37.24"))
    assert round(result.budget.verified, 2) == D("8.62")
    assert round(result.budget.rate * 100, 1) == D("86.2")


def test_budget_rate_is_capped_and_zero_budget_is_not_computed():
    assert score(case(budget="10", executed="12")).budget.verified == D(10)
    zero = score(case(budget="0", executed="5")).budget
    assert zero.rate is None and zero.verified is None


@pytest.mark.parametrize(("total", "grade"), [("100", "优"), ("90", "优"), ("89.99", "良"),
                                              ("80", "良"), ("79.995", "良"), ("60", "中"),
                                              ("59.99", "差"), ("0", "差")])
def test_grade_bands(total, grade):
    # 79.995 rounds half up to 80.00 before grading: the printed total decides the grade
    from evalengine.numbers import rounded

    assert CENTRAL.grade(rounded(D(total))).grade == grade


def test_missing_weights_are_distributed_from_the_profile():
    rows = [Indicator(level1="产出指标", level2="数量指标", name=f"n{i}", target="≥10个", actual="10个")
            for i in range(3)]
    rows.append(Indicator(level1="效益指标", level2="社会效益指标", name="e", target="≥1个", actual="1个"))
    rows.append(Indicator(level1="满意度指标", level2="满意度指标", name="s", target="≥90%", actual="95%"))
    result = score(case(*rows))
    weights = [s.weight for s in result.indicators]
    assert weights[:3] == [D(50) / 3] * 3 and weights[3:] == [D(30), D(10)]
    assert result.verified_total == D(100)
    assert result.status is Status.RATED and result.verified_grade.grade == "优"


def test_form_weights_are_kept_and_rescaled_only_when_they_overflow():
    kept = score(case(Indicator(level1="产出指标", level2="数量指标", name="a", target="10个",
                                actual="10个", weight=D(20)),
                      Indicator(level1="产出指标", level2="质量指标", name="b", target="≥90%",
                                actual="90%")))
    assert [s.weight for s in kept.indicators] == [D(20), D(30)]
    assert kept.indicators[0].weight_from_form
    over = score(case(Indicator(level1="产出指标", level2="数量指标", name="a", target="10个",
                                actual="10个", weight=D(60)),
                      Indicator(level1="产出指标", level2="数量指标", name="b", target="10个",
                                actual="10个", weight=D(40))))
    assert [s.weight for s in over.indicators] == [D(30), D(20)]
    assert not over.indicators[0].weight_from_form


def test_sichuan_takes_the_split_from_the_form():
    rows = [Indicator(level1="产出指标", level2="数量指标", name="a", target="100", operator="=",
                      unit="%", actual="100", weight=D(60), score=D(60)),
            Indicator(level1="效益指标", level2="社会效益指标", name="b", target="100", operator="=",
                      unit="%", actual="90", weight=D(30), score=D(30))]
    result = score(case(*rows, profile="sichuan"), SICHUAN)
    assert [s.weight for s in result.indicators] == [D(60), D(30)]
    assert result.indicators[1].verified == D(27)
    # the budget row's 得分 is blank on a form with 得分 cells: not given, no claimed total
    assert result.budget.claimed is None and result.claimed_total is None
    assert result.verified_total == D(97)


def test_a_word_answering_a_number_is_claimed_but_not_verified():
    row = Indicator(level1="满意度指标", level2="满意度指标", name="群众满意度",
                    target="达到95%及以上。", actual="完成")
    item = score(case(row)).indicators[0]
    assert item.evidence is Evidence.UNSUPPORTED and item.reason == "word-for-number"
    assert item.claimed == item.weight and item.verified == 0


def test_qualitative_tiers_bound_the_verified_score():
    # 10号: 部分达成 [0.6w, 0.8w]; a claimed score above the tier is capped at its top
    row = Indicator(level1="效益指标", level2="社会效益指标", name="q", target="效果明显",
                    actual="部分完成，已建成3个站点中的2个", weight=D(30), score=D(30))
    item = score(case(row)).indicators[0]
    assert item.evidence is Evidence.QUALITATIVE and item.tier == "partial"
    assert item.evidence_class is EvidenceClass.DESCRIBED
    assert item.verified == D(24)  # 0.8·w: the top of the partial tier
    default = score(case(attrs.evolve(row, score=None))).indicators[0]
    assert default.verified == D(21)  # the profile's default for the partial tier
    # the bare word 部分达成 is the department's word: claimed 30, verified nothing
    bare = score(case(attrs.evolve(row, actual="部分达成"))).indicators[0]
    assert bare.evidence_class is EvidenceClass.BARE_CLAIM and bare.verified == 0 and bare.claimed == D(30)


def test_timeliness():
    on_time = Indicator(level1="产出指标", level2="时效指标", name="t", target="2021年10月底前",
                        actual="2021年10月20日")
    late = attrs.evolve(on_time, actual="2021年12月5日")
    result = score(case(on_time, late))
    assert [s.reason for s in result.indicators] == ["on-time", "late"]
    assert result.indicators[1].verified == result.indicators[1].weight * D("0.6")


def test_projects_without_form_or_evidence_are_not_demonstrated():
    no_form = score(case(has_form=False))
    assert no_form.status is Status.NOT_DEMONSTRATED and no_form.status_reason == "no-form"
    assert no_form.verified_total is None and no_form.verified_grade is None
    assert no_form.claimed_total is None
    words = [Indicator(level1="产出指标", level2="数量指标", name=f"n{i}", target="≥10个",
                       actual="完成") for i in range(3)]
    thin = score(case(*words))
    assert thin.status is Status.NOT_DEMONSTRATED and thin.status_reason == "thin-evidence"
    assert thin.supported == D(10)  # only the budget row is supported


MEASURED = [Indicator(level1="产出指标", level2="数量指标", name=f"m{i}", target="≥10个",
                     actual="10个") for i in range(3)]


def test_an_incomplete_form_is_scored_but_not_graded():
    whole = score(case(*MEASURED))
    assert whole.status is Status.RATED and whole.verified_grade is not None
    cut = score(case(*MEASURED, incomplete="truncated inside 产出指标; 满意度 rows not visible"))
    assert cut.status is Status.NOT_DEMONSTRATED and cut.status_reason == "incomplete"
    assert cut.verified_total is None and cut.verified_grade is None
    # the visible part is still scored and shown: claimed and supported points are unchanged
    assert cut.supported == whole.supported and rounded(whole.supported) == whole.verified_total > 0
    assert cut.claimed_total == whole.claimed_total
    assert [s.verified for s in cut.indicators] == [s.verified for s in whole.indicators]
    assert score(case(*MEASURED, incomplete="  ")).status is Status.RATED  # blank = complete


@pytest.mark.parametrize(("budget", "executed"), [("10", None), (None, None), (None, "10")])
def test_a_missing_execution_figure_is_not_a_zero_rate(budget, executed):
    c = attrs.evolve(case(*MEASURED), funds=Funds(budget=None if budget is None else D(budget),
                                                  executed=None if executed is None
                                                  else D(executed)))
    result = score(c)
    assert result.budget.rate is None and result.budget.verified is None
    # the budget row's 10 points are unsupported, not 0 measured points toward a grade
    rows = sum((s.weight for s in result.indicators), D(0))  # every row is measured
    assert result.evidence_share == rows / (rows + D(10)) > CENTRAL.evidence.min_share
    assert result.status is Status.NOT_DEMONSTRATED and result.status_reason == "no-execution"
    assert result.verified_total is None and result.verified_grade is None
    assert result.supported == rows  # the rows' points are still computed and shown


def test_an_unverifiable_budget_row_counts_against_the_evidence_share():
    # 1 measured row of 3: a share of 1/3 of the rows' weight with the budget verified; with
    # no 执行数 the budget row's 10 points join the unsupported weight
    rows = [MEASURED[0]] + [Indicator(level1="产出指标", level2="数量指标", name=f"w{i}",
                                      target="≥10个", actual="完成") for i in range(2)]
    assert score(case(*rows)).evidence_share == D(1) / D(3)
    no_exec = attrs.evolve(case(*rows), funds=Funds(budget=D(100)))
    rows_weight = sum((s.weight for s in score(no_exec).indicators), D(0))
    assert score(no_exec).evidence_share == (rows_weight / 3) / (rows_weight + D(10))
    assert score(no_exec).status_reason == "thin-evidence"


def test_claimed_total_prefers_the_stated_total():
    c = attrs.evolve(case(), narrative=Narrative(claimed_total=D(95)))
    assert score(c).claimed_total == D(95)


def test_blank_and_not_applicable_rows_are_not_scored():
    blank = Indicator(level1="产出指标", level2="成本指标")
    na = Indicator(level1="产出指标", level2="数量指标", name="x", target="1个", actual="",
                   not_applicable=True)
    real = Indicator(level1="产出指标", level2="数量指标", name="y", target="1个", actual="1个")
    result = score(case(blank, na, real))
    assert [s.index for s in result.indicators] == [2]
    assert result.indicators[0].weight == D(50)


def test_seed_scores():
    """The seed's four forms, checked by hand against the formulas (figures to 2 places)."""
    from evalengine.engine import run

    report = run(["cases/2021"])
    by_name = {r.case.project.name: r.score for r in report.cases}
    zhaoshang = by_name["招商引资经费"]
    # budget 49.78/50 → 9.956; 工作经费 49.78/50 × 50/3; 满意度 "完成" unsupported; 质量 unmeasurable;
    # 可持续 "完成" is a bare claim: the department's word (claimed 10), not evidence (verified 0)
    assert round(zhaoshang.budget.verified, 2) == D("9.96")
    assert round(zhaoshang.indicators[0].verified, 4) == round(D("49.78") / D(50) * D(50) / 3, 4)
    assert zhaoshang.status is Status.RATED
    assert round(zhaoshang.verified_total, 2) == D("63.22")
    sustain = zhaoshang.indicators[5]
    assert sustain.evidence_class is EvidenceClass.BARE_CLAIM and sustain.verified == 0
    assert sustain.claimed == D(10)
    assert round(zhaoshang.claimed_total, 2) == D("99.88")
    yidong = by_name["移动云视讯会议系统运行服务费"]
    assert yidong.status is Status.NOT_DEMONSTRATED and round(yidong.budget.rate, 4) == D("0.4660")


def test_a_bare_actual_takes_the_money_unit_of_its_target():
    # real form 01: "≤90万元" answered "90" means 90 万元, not 90 元
    row = Indicator(level1="产出指标", level2="成本指标", name="项目总成本", target="≤90万元",
                    actual="90")
    item = score(case(row)).indicators[0]
    assert item.achievement == 1 and item.reason == "met"
    over = score(case(attrs.evolve(row, actual="135"))).indicators[0]
    assert over.reason == "cap-exceeded" and over.verified == over.weight / 2


# --- review fixes: qualitative text, claimed-score cap, strict, ranges, decreases, fractions --


def qual(actual: str, target="效果明显", **kw) -> Indicator:
    return Indicator(level1="效益指标", level2="社会效益指标", name="q", target=target,
                     actual=actual, **kw)


@pytest.mark.parametrize(
    ("actual", "tier"),
    [("尚未开展", "missed"), ("受疫情影响，项目延期至2022年", "missed"), ("完成率较低", "missed"),
     ("群众满意度有所提升", "partial"), ("工程正在推进", "partial"),
     ("群众满意度明显提升", "achieved"), ("全年未发生一起安全生产事故", "achieved")],
)
def test_a_description_is_tiered_by_what_it_says(actual, tier):
    item = score(case(qual(actual))).indicators[0]
    assert item.evidence is Evidence.QUALITATIVE and item.tier == tier
    assert item.evidence_class is EvidenceClass.DESCRIBED
    assert item.verified == CENTRAL.qualitative.tiers[tier].default * item.weight


@pytest.mark.parametrize("actual", ["完成", "已完成", "全面完成", "达到", "基本达到预期效果", "达成预期指标"])
def test_a_bare_claim_is_not_evidence(actual):
    item = score(case(qual(actual, weight=D(30), score=D(30)))).indicators[0]
    assert item.evidence_class is EvidenceClass.BARE_CLAIM and item.evidence is Evidence.CLAIM
    assert item.verified == 0 and item.claimed == D(30)  # the department's word, not evidence


@pytest.mark.parametrize(("actual", "reason"), [("按计划推进", "text-unrated"),
                                                ("为未来发展奠定基础", "text-unrated"),
                                                ("效果明显。", "text-repeats-target")])
def test_a_description_that_neither_affirms_nor_denies_earns_nothing(actual, reason):
    item = score(case(qual(actual, score=D(30)))).indicators[0]
    assert item.evidence is Evidence.UNSUPPORTED and item.reason == reason
    assert item.verified == 0 and item.claimed == D(30)


def test_denials_that_parse_as_claims_keep_their_tier():
    tiers = [score(case(qual(a))).indicators[0].tier
             for a in ("未完成", "没有达到", "较差", "部分完成", "部分项目未完工")]
    assert tiers == ["missed", "missed", "missed", "partial", "partial"]


def test_qualitative_verified_is_never_raised_above_the_claimed_score():
    # 达成 claims the top tier, but the department itself gave 10 of 30: verified stays 10
    item = score(case(qual("达成，群众满意度明显提升", weight=D(30), score=D(10)))).indicators[0]
    assert item.tier == "achieved" and item.verified == D(10) and item.claimed == D(10)
    # a rescaled weight: 40 of the form's 60 is two thirds, on the profile's 30 it is 20
    over = score(case(qual("达成，群众满意度明显提升", weight=D(60), score=D(40)))).indicators[0]
    assert over.weight == D(30) and over.verified == D(20)


@pytest.mark.parametrize(("target", "actual", "reason"),
                         [(">95%", "95%", "at-limit"), ("高于95%", "95%", "at-limit"),
                          ("大于95%", "95%", "at-limit"), (">95%", "95.1%", "met"),
                          ("≥95%", "95%", "met"), ("<5%", "5%", "at-limit"),
                          ("低于5%", "4.9%", "met"), ("≤5%", "5%", "met")])
def test_strict_targets_are_not_met_by_an_equal_actual(target, actual, reason):
    """The reason says "not met"; the score follows C1 (an equal actual scores w) unless a
    profile sets strict_limit_fraction below 1."""
    row = Indicator(level1="产出指标", level2="质量指标", name="x", target=target, actual=actual)
    item = score(case(row)).indicators[0]
    assert item.evidence is Evidence.MEASURED and item.reason == reason
    assert item.verified == item.weight


def test_the_strict_limit_fraction_comes_from_the_profile():
    profile = attrs.evolve(CENTRAL, quantitative=attrs.evolve(CENTRAL.quantitative,
                                                              strict_limit_fraction=D("0.5")))
    got, _, reason = score_quantity(Operator.GT, D(95), D(95), D(10), profile)
    assert (got, reason) == (D(5), "at-limit")


@pytest.mark.parametrize(("actual", "reason", "verified"),
                         [("97%", "met", "10"), ("95%", "met", "10"), ("100%", "met", "10"),
                          ("76%", "shortfall", "8"), ("110%", "cap-exceeded", "9")])
def test_a_range_target_is_met_inside_and_scored_outside(actual, reason, verified):
    row = Indicator(level1="产出指标", level2="质量指标", name="x", target="95%～100%",
                    actual=actual, weight=D(10))
    item = score(case(row)).indicators[0]
    assert (item.reason, item.verified) == (reason, D(verified))


@pytest.mark.parametrize(("target", "actual", "reason", "verified"),
                         [("下降5%", "下降6%", "met", "10"), ("下降5%", "-5%", "met", "10"),
                          ("下降5%", "下降3%", "shortfall", "6"), ("下降5%", "上升2%", "shortfall", "0"),
                          ("下降5%", "2%", "shortfall", "0"), ("负5%", "-6%", "met", "10"),
                          ("下降不超过10%", "下降15%", "cap-exceeded", "5"),
                          ("下降不超过10%", "下降4%", "met", "10")])
def test_a_decrease_target_is_scored_on_the_size_of_the_decrease(target, actual, reason, verified):
    row = Indicator(level1="产出指标", level2="成本指标", name="x", target=target, actual=actual,
                    weight=D(10))
    item = score(case(row)).indicators[0]
    assert item.evidence is Evidence.MEASURED
    assert (item.reason, item.verified) == (reason, D(verified))


@pytest.mark.parametrize("actual", ["0.98", "1", "0.5"])
def test_a_bare_fraction_against_a_percent_target_is_flagged_not_misjudged(actual):
    row = Indicator(level1="满意度指标", level2="满意度指标", name="满意度", target="≥95%",
                    actual=actual)
    item = score(case(row)).indicators[0]
    assert item.evidence is Evidence.UNSUPPORTED and item.reason == "ambiguous-fraction"
    assert item.verified == 0
    # at face value the department meant a percentage: 0.98 → 98%, full marks claimed
    assert item.claimed == min(D(actual) * 100 / 95, D(1)) * item.weight


@pytest.mark.parametrize(("target", "actual", "unit", "reason"),
                         [("≥95%", "98%", "", "met"), ("≥95%", "0", "", "shortfall"),
                          ("≤1%", "0.5", "", "met"), ("95", "0.98", "%", "ambiguous-fraction"),
                          ("95", "98", "%", "met")])
def test_only_a_unitless_fraction_is_ambiguous(target, actual, unit, reason):
    row = Indicator(level1="满意度指标", level2="满意度指标", name="满意度", target=target,
                    actual=actual, unit=unit, operator="≥" if unit else "")
    assert score(case(row)).indicators[0].reason == reason


def test_indicator_scores_are_made_in_their_fields_order():
    """_score_indicator makes IndicatorScore positionally (without the keyword __new__):
    its fields must stay in the order it writes them."""
    from evalengine.scoring import IndicatorScore

    assert IndicatorScore._fields == (
        "index", "category", "weight", "weight_from_form", "target", "actual", "method",
        "evidence", "reason", "verified", "claimed", "claimed_from_form", "achievement", "tier",
        "evidence_class")
