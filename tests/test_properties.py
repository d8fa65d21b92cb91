"""The scoring invariants of the regulations, checked on generated cases (hypothesis)."""

from __future__ import annotations

from decimal import Decimal as D

import attrs
from hypothesis import given
from hypothesis import strategies as st

from evalengine.loader import parse_document, unstructure
from evalengine.model import (
    Case,
    FundRow,
    Funds,
    Goal,
    Indicator,
    Narrative,
    Project,
    Suppression,
)
from evalengine.profile import available_profiles, load_profile
from evalengine.scoring import Evidence, score_case
from evalengine.taxonomy import load_taxonomy

PROFILES = [load_profile(name) for name in available_profiles()]  # every shipped profile
TAXONOMY = load_taxonomy()
CATEGORIES = [("产出指标", "数量指标"), ("产出指标", "成本指标"), ("效益指标", "社会效益指标"),
              ("满意度指标", "服务对象满意度指标"), ("", "质量指标"), ("项目决策", ""),
              ("项目管理", "")]

amounts = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
# Money as forms print it, and as a slip can print it: negative, or up to just under 1e15 万元
# (numbers.py's own bounds, near 1e26, are tested there: keep below 1e15 here).
LIMIT = D("999999999999999.99")
money = st.one_of(amounts, st.decimals(min_value=-LIMIT, max_value=LIMIT, places=2,
                                       allow_nan=False, allow_infinity=False))
weights = st.none() | st.decimals(min_value=0, max_value=100, places=1) | st.decimals(
    min_value=-1000, max_value=LIMIT, places=2)
scores = st.none() | st.decimals(min_value=0, max_value=100, places=1) | st.decimals(
    min_value=-1000, max_value=LIMIT, places=2)
operators = st.sampled_from(["≥", "≤", "=", ">", "<", "", "高于", "大于", "低于", "下降", "负"])
units = st.sampled_from(["%", "万元", "元", "人次", "个", ""])
free_text = st.one_of(
    st.sampled_from(["完成", "已完成", "部分完成", "未完成", "效果明显", "", "2021年10月底",
                     "按计划推进", "基本完成", "达到95%及以上", "尚未开展", "没有达到", "较差",
                     "有所提升", "95%-100%", "95%～100%", "0.98", "1", "下降5%", "-5%", "负5%",
                     ">95%", "未发生安全事故"]),
    st.text(max_size=40),  # any unicode at all
)


@st.composite
def indicators(draw) -> Indicator:
    level1, level2 = draw(st.sampled_from(CATEGORIES))
    unit = draw(units)
    if draw(st.booleans()):
        target = f"{draw(operators)}{draw(money)}{unit}"
        if draw(st.booleans()):
            target += f"{draw(st.sampled_from(['-', '～', '至']))}{draw(money)}{unit}"
        actual = f"{draw(operators)}{draw(money)}{unit}" if draw(st.booleans()) else draw(free_text)
    else:
        target, actual = draw(free_text), draw(free_text)
    weight = draw(weights)
    score = draw(scores)
    return Indicator(level1=level1, level2=level2, name=draw(st.text(max_size=6)), target=target,
                     actual=actual, weight=weight, score=score,
                     operator=draw(st.sampled_from(["", "", "≥", "≤", "定性", ">"])),
                     unit=draw(st.sampled_from(["", "", "%", "万元", "个"])),
                     deviation=draw(st.sampled_from(["", "受疫情影响"])))


fund_rows = st.lists(st.builds(FundRow, source=st.sampled_from(["财政拨款", "上年结转", "其他资金"]),
                               initial_budget=st.none() | money, budget=st.none() | money,
                               executed=st.none() | money), max_size=4)


@st.composite
def funds(draw) -> Funds:
    """The total row, or (as on real forms 01 and 02) only the 其中 rows with no total."""
    rows = tuple(draw(fund_rows))
    if draw(st.booleans()):
        return Funds(rows=rows, claimed_rate=draw(st.none() | money),
                     claimed_score=draw(st.none() | money))
    return Funds(budget=draw(st.none() | money), executed=draw(st.none() | money),
                 initial_budget=draw(st.none() | money), claimed_rate=draw(st.none() | money),
                 rows=rows)


@st.composite
def cases(draw) -> Case:
    budget = draw(st.none() | amounts)
    return Case(
        project=Project(name=draw(st.text(min_size=1, max_size=8)), source="generated",
                        year=draw(st.none() | st.integers(2015, 2030)),
                        has_form=draw(st.booleans())),
        funds=draw(funds()) if draw(st.booleans()) else Funds(
            budget=budget, executed=draw(st.none() | amounts),
            claimed_rate=draw(st.none() | amounts)),
        goal=Goal(expected=draw(st.text(max_size=10))),
        indicators=tuple(draw(st.lists(indicators(), max_size=12))),
        narrative=Narrative(problems=draw(st.sampled_from(["无", "", "资金拨付滞后"])),
                            claimed_total=draw(st.none() | amounts)),
        ignore=tuple(draw(st.lists(st.builds(Suppression, st.sampled_from(["F101", "N"]),
                                             st.text(max_size=5)), max_size=2))),
    )


@given(cases(), st.sampled_from(PROFILES))
def test_every_score_lies_between_zero_and_its_weight(case, profile):
    result = score_case(case, profile, TAXONOMY)
    for item in result.indicators:
        assert 0 <= item.verified <= item.weight
        if not item.claimed_from_form:
            assert 0 <= item.claimed <= item.weight
    assert result.budget.verified is None or 0 <= result.budget.verified <= profile.budget.weight


@given(cases(), st.sampled_from(PROFILES))
def test_totals_stay_on_the_profile_scale(case, profile):
    result = score_case(case, profile, TAXONOMY)
    assert 0 <= result.supported <= profile.total + D("1e-20")
    if result.verified_total is not None:
        assert 0 <= result.verified_total <= profile.total + D("1e-20")
    assert (result.verified_total is None) == (result.verified_grade is None)


@given(cases(), st.sampled_from(PROFILES))
def test_a_qualitative_score_never_exceeds_the_departments_own(case, profile):
    """10号's tiers cap a qualitative score; they never raise it above the form's 得分."""
    result = score_case(case, profile, TAXONOMY)
    for item in result.indicators:
        row = case.indicators[item.index]
        if item.evidence is Evidence.QUALITATIVE and row.score is not None:
            assert item.verified <= max(row.score, D(0))
            if row.weight is not None and row.weight > 0:
                # on the form's own scale too, whatever weight scoring rescaled it to
                # (exact up to Decimal's 28 digits: verified is score·weight/分值, rounded)
                assert item.verified * row.weight <= max(row.score, D(0)) * item.weight + D("1e-20")


@given(cases(), st.sampled_from(PROFILES), st.randoms())
def test_indicator_order_never_changes_a_score(case, profile, random):
    shuffled = list(case.indicators)
    random.shuffle(shuffled)
    a = score_case(case, profile, TAXONOMY)
    b = score_case(attrs.evolve(case, indicators=tuple(shuffled)), profile, TAXONOMY)
    assert abs(a.supported - b.supported) < D("1e-20")
    assert a.status == b.status
    assert (a.claimed_total is None) == (b.claimed_total is None)
    if a.claimed_total is not None:
        assert abs(a.claimed_total - b.claimed_total) < D("1e-20")


@given(st.sampled_from(["≥", ">", "=", "≤", "<"]), st.decimals(min_value=1, max_value=1000, places=2),
       st.decimals(min_value=0, max_value=3000, places=2),
       st.decimals(min_value=0, max_value=3000, places=2), st.sampled_from(PROFILES))
def test_positive_scores_never_fall_and_reverse_never_rise_as_actual_rises(
        operator, target, a1, a2, profile):
    low, high = sorted((a1, a2))

    def verified(actual):
        row = Indicator(level1="产出指标", level2="数量指标", name="x",
                        target=f"{operator}{target}个", actual=f"{actual}个")
        c = Case(project=Project(name="p", source="t"), indicators=(row,))
        return score_case(c, profile, TAXONOMY).indicators[0].verified

    if operator in ("≤", "<"):
        assert verified(high) <= verified(low)
    else:
        assert verified(high) >= verified(low)


@given(cases())
def test_a_case_survives_unstructure_and_structure(case):
    assert parse_document(unstructure(case)) == case


BARE_CLAIMS = ["完成", "已完成", "全面完成", "达到", "达成预期指标", "基本完成"]


@given(cases(), st.sampled_from(PROFILES), st.data())
def test_a_bare_claim_row_never_raises_the_verified_score(case, profile, data):
    """Whatever a bare claim says, or whatever score the form gives it, the verified score is
    what the evidence supports: with bare_claim_fraction 0 the bare row adds nothing."""
    if not case.indicators:
        return
    index = data.draw(st.integers(0, len(case.indicators) - 1))
    rows = list(case.indicators)
    rows[index] = attrs.evolve(rows[index], actual=data.draw(st.sampled_from(BARE_CLAIMS)),
                               score=data.draw(scores))
    with_claim = score_case(attrs.evolve(case, indicators=tuple(rows)), profile, TAXONOMY)
    for item in with_claim.indicators:
        if item.evidence_class.value == "bare_claim":
            assert item.verified <= profile.evidence.bare_claim_fraction * item.weight
    rows[index] = attrs.evolve(rows[index], actual="")  # the same row with nothing in it
    without = score_case(attrs.evolve(case, indicators=tuple(rows)), profile, TAXONOMY)
    assert with_claim.supported <= without.supported
