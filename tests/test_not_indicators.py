"""Rows that are not indicators (subtotals, 其中 repeats), blank score cells, and funds 其中
rows carrying their own scores (issue 11: "Rows that are not indicators", "Blank is not
zero, and not full marks")."""

from __future__ import annotations

import tomllib
from decimal import Decimal as D

import attrs
from hypothesis import given
from hypothesis import strategies as st

from evalengine.checks.runner import Checker
from evalengine.engine import Engine
from evalengine.facts import row_roles
from evalengine.loader import parse_document
from evalengine.model import Case, Funds, Indicator, Project
from evalengine.profile import load_profile
from evalengine.scoring import score_case
from evalengine.taxonomy import load_taxonomy

ENGINE = Engine.build(Checker.build())
CENTRAL, TAXONOMY = load_profile("central-2020"), load_taxonomy()


def _ind(name, weight, score, target="≥10个", actual="10个", level1="产出指标") -> Indicator:
    return Indicator(level1=level1, level2="数量指标", name=name, target=target, actual=actual,
                     weight=D(weight), score=D(score))


def _case(*rows, funds=Funds(budget=D(100), executed=D(100), claimed_weight=D(10),
                              claimed_rate=D(100), claimed_score=D(10))) -> Case:
    return Case(project=Project(name="p", source="s"), funds=funds, indicators=rows)


def test_a_subtotal_row_is_not_counted_twice():
    parent = _ind("数量指标", 50, 50, target="", actual="")
    rows = (parent, _ind("a", 25, 25), _ind("b", 25, 25),
            _ind("c", 30, 30, level1="效益指标"), _ind("d", 10, 10, level1="满意度指标"))
    result = score_case(_case(*rows), CENTRAL, TAXONOMY)
    assert row_roles(_case(*rows)) == {0: ("parent", (1, 2))}
    assert [s.index for s in result.indicators] == [1, 2, 3, 4]
    assert result.claimed_total == D(100)  # not 150: the subtotal is not added to its rows
    codes = [f.code for f in ENGINE.score("x.toml", _case(*rows)).findings]
    assert "S216" in codes and "S202" not in codes and "S203" not in codes and "S215" not in codes


def test_a_qizhong_row_repeats_the_row_above():
    rows = (_ind("培训人次", 40, 40), Indicator(level1="产出指标", level2="数量指标",
                                              name="其中：线上培训", target="≥5个", actual="5个"),
            _ind("c", 50, 50, level1="效益指标"))
    result = score_case(_case(*rows), CENTRAL, TAXONOMY)
    assert [s.index for s in result.indicators] == [0, 2]
    assert row_roles(_case(*rows))[1] == ("repeat", (0,))


@given(st.lists(st.integers(1, 20), min_size=1, max_size=5), st.integers(0, 3))
def test_a_parent_and_its_children_are_never_both_counted(children, position):
    kids = tuple(_ind(f"k{i}", w, w) for i, w in enumerate(children))
    parent = _ind("小计", sum(children), sum(children), target="", actual="")
    others = tuple(_ind(f"o{i}", 5, 5, level1="效益指标") for i in range(position))
    case = _case(*others, parent, *kids)
    result = score_case(case, CENTRAL, TAXONOMY)
    counted = {s.index for s in result.indicators}
    assert len(others) not in counted  # the parent
    assert counted == set(range(len(others))) | set(range(len(others) + 1, len(others) + 1 + len(kids)))
    claimed = sum((s.claimed for s in result.indicators), D(0))
    assert claimed == 5 * position + sum(children)


def test_a_blank_budget_score_is_not_given_and_is_reported():
    rows = (_ind("a", 90, 90),)
    case = _case(*rows, funds=Funds(budget=D(100), executed=D(100), claimed_weight=D(10)))
    result = ENGINE.score("x.toml", case)
    assert result.score.budget.claimed is None  # not a claimed 10.00
    assert result.score.claimed_total is None
    assert [f.path for f in result.findings if f.code == "S214"] == ["$.funds.claimed_score"]
    full = ENGINE.score("x.toml", _case(*rows))
    assert full.score.claimed_total == D(100) and "S214" not in [f.code for f in full.findings]


def test_full_marks_on_a_row_with_neither_target_nor_actual():
    rows = (_ind("a", 45, 45), _ind("b", 45, 45, target="", actual=""))
    codes = [f.code for f in ENGINE.score("x.toml", _case(*rows)).findings]
    assert codes.count("S215") == 1


# real-forms 36 (绥阳县太白镇, 部门整体支出绩效自评表): 年度资金总额 1172.55 → 1268.72, 分值 10,
# 得分 10; the 基本支出 / 项目支出 rows each carry 分值 10 / 得分 10 as well.
FORM_36 = """
[project]
name = "绥阳县太白镇人民政府部门整体支出"
source = "real-forms 36"
year = 2021
profile = "dept-central"
incomplete = "indicators cut off"
[funds]
budget = 1172.55
executed = 1268.72
claimed_weight = 10
claimed_score = 10
rows = [
  { source = "基本支出", budget = 985.19, executed = 914.97, claimed_weight = 10, claimed_score = 10 },
  { source = "项目支出", budget = 187.36, executed = 353.75, claimed_weight = 10, claimed_score = 10 },
]
"""


def test_department_form_36_scores_the_total_row_once():
    case = parse_document(tomllib.loads(FORM_36, parse_float=D))
    result = ENGINE.score("36.toml", case)
    assert result.score.budget.verified == D(10)  # 108% capped: 执行率×分值，最高不超过分值
    assert result.score.budget.claimed == D(10)
    found = [f.path for f in result.findings if f.code == "F115"]
    assert found == ["$.funds.rows[0].claimed_score", "$.funds.rows[1].claimed_score"]
    assert "S213" not in [f.code for f in result.findings]
    clean = attrs.evolve(case, funds=attrs.evolve(case.funds, rows=tuple(
        attrs.evolve(r, claimed_weight=None, claimed_score=None) for r in case.funds.rows)))
    assert "F115" not in [f.code for f in ENGINE.score("36.toml", clean).findings]


def test_a_blank_rate_beside_a_score_is_reported_not_derived():
    rows = (_ind("a", 90, 90),)
    case = _case(*rows, funds=Funds(budget=D(100), executed=D(100), claimed_weight=D(10),
                                    claimed_score=D(10)))  # 得分 10, 执行率 blank
    result = ENGINE.score("x.toml", case)
    assert [f.path for f in result.findings if f.code == "S214"] == ["$.funds.claimed_rate"]
    assert case.funds.claimed_rate is None and result.score.budget.claimed == D(10)


def test_a_not_applicable_row_is_shown_with_its_class_and_never_scored():
    from evalengine.render.data import case_record

    na = attrs.evolve(_ind("b", 10, 10, level1="效益指标"), not_applicable=True)
    case = _case(_ind("a", 90, 90), na)
    result = ENGINE.score("x.toml", case)
    assert [s.index for s in result.score.indicators] == [0]
    record = case_record(result)
    assert [(r.path, r.evidence_class, r.weight) for r in record.indicators] == [
        ("$.indicators[0]", "measured", "90.00"), ("$.indicators[1]", "not_applicable", "0.00")]
