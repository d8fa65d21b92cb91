"""Each shipped profile on a worked example from a real form in shared/real-forms: the
form's printed scores are reproduced under the profile it was written for (rounding
included), and the same form under the wrong profile is one S213, not a cascade."""

from __future__ import annotations

from decimal import Decimal as D

from evalengine.checks.runner import Checker
from evalengine.engine import Engine
from evalengine.loader import parse_document
from evalengine.numbers import agrees
from evalengine.profile import load_profile
from evalengine.scoring import EvidenceClass, budget_formula

import tomllib

ENGINE = Engine.build(Checker.build())


def _run(text: str, profile: str):
    case = parse_document(tomllib.loads(text.replace("PROFILE", profile), parse_float=D))
    return ENGINE.score("example.toml", case)


def _codes(result) -> list[str]:
    return [f.code for f in result.findings]


def _row(name, target, actual, weight, score, level1="产出指标", level2="质量指标") -> str:
    return (f'[[indicators]]\nlevel1 = "{level1}"\nlevel2 = "{level2}"\nname = "{name}"\n'
            f'target = "{target}"\nactual = "{actual}"\nweight = {weight}\nscore = {score}\n')


# real-forms 40 (黄冈 水土保持监测, Hubei 20/80): 预算执行 20 (10/10, 100% → 20); 目标1 (40):
# 10 + 10 + 19.6, 目标2 (40): 20 + 20; 总分 99.6.  The 分值 of each row is the block's
# points as its full-mark rows show them (10 + 10 + 20 = 40; 20 + 20 = 40).
FORM_40 = """
[project]
name = "水土保持监测"
source = "real-forms 40"
year = 2020
profile = "PROFILE"
[funds]
budget = 10
executed = 10
claimed_rate = 100
claimed_weight = 20
claimed_score = 20
""" + "".join([
    _row("监测数据必须合格", "100%", "100%", 10, 10),
    _row("取得2018-2022监测资料", "100%", "100%", 10, 10, level2="时效指标"),
    _row("整编资料审核", "98%", "98%", 20, "19.6", level1="满意度指标", level2="服务对象满意度指标"),
    _row("监测数据资料整编", "100%", "100%", 20, 20),
    _row("完成年度资料上报", "100%", "100%", 20, 20, level2="时效指标"),
]) + "[narrative]\nclaimed_total = 99.6\n"


def test_20_80_reproduces_form_40():
    result = _run(FORM_40, "20-80")
    score = result.score
    assert score.budget.verified == D(20) and score.budget.claimed == D(20)
    assert [i.verified for i in score.indicators] == [D(10), D(10), D(20), D(20), D(20)]
    assert score.claimed_total == D("99.6") and score.verified_total == D(100)
    codes = _codes(result)
    assert not {"S213", "S203", "F110"} & set(codes)
    assert "S206" in codes  # 98% → 98% is met, yet scored 19.6 of 20 (weight × rate, not A/T)


def test_form_40_under_the_central_profile_is_one_misfit():
    codes = _codes(_run(FORM_40, "central-2020"))
    assert codes.count("S213") == 1
    assert not {"S203", "F110", "S210"} & set(codes)


# real-forms 48 (重庆 融媒体中心, 部门整体): 执行率 76% × 执行率权重 10 = 7.6; 政府采购执行率
# 100% → 72.74% with 得分系数 100% (2 of 2); 党性教育培训次数 26次 → 12次 at 5 of 5.
FORM_48 = """
[project]
name = "部门整体绩效自评"
source = "real-forms 48"
year = 2021
profile = "PROFILE"
incomplete = "cut off at 公共服务"
[funds]
claimed_rate = 76
claimed_weight = 10
claimed_score = 7.6
[narrative]
claimed_total = 97.6
""" + _row("政府采购执行率", "100%", "72.74%", 2, 2) + _row("党性教育培训次数", "26次", "12次", 5, 5, level2="数量指标")


def test_chongqing_reproduces_form_48():
    profile = load_profile("chongqing-dept")
    assert profile.round(budget_formula(profile, D("0.76"), D(10))) == D("7.6")
    result = _run(FORM_48, "chongqing-dept")
    buy, training = result.score.indicators
    assert profile.round(buy.verified) == D("1.5") and profile.round(training.verified) == D("2.3")
    codes = _codes(result)
    assert "S213" not in codes and codes.count("S205") == 2  # two misses given full marks


# real-forms 47 (河北 乐亭县, 调整预算数): form 2's budget row 30 / 30, 分值 10, 100%, 得分 99;
# form 08 (廊坊, Hebei): 37.24 / 43.2 = 86.2% printed as 9 (whole points).
FORM_47 = """
[project]
name = "双随机抽查委托审计费"
source = "real-forms 47"
year = 2021
profile = "PROFILE"
incomplete = "indicators cut off"
[funds]
initial_budget = 30
budget = 30
executed = 30
claimed_rate = 100
claimed_weight = 10
claimed_score = 99
"""


def test_hebei_reads_form_47_and_rounds_to_whole_points():
    result = _run(FORM_47, "hebei")
    assert result.score.budget.verified == D(10)
    assert "F110" in _codes(result) and "S213" not in _codes(result)  # 99 is not 10
    hebei, central = load_profile("hebei"), load_profile("central-2020")
    exact = D("37.24") / D("43.2") * 10
    assert hebei.round(exact) == D(9)  # form 08's 9 is Hebei's rounding …
    assert agrees(D(9), exact, hebei.rounding.places, hebei.rounding.mode)
    # … and not central's, nor is a score off by a whole point Hebei's
    assert not agrees(D(9), exact, central.rounding.places, central.rounding.mode)
    assert not agrees(D(8), exact, hebei.rounding.places, hebei.rounding.mode)
    hebei_08 = FORM_47.replace("= 30\nexecuted = 30", "= 43.2\nexecuted = 37.24").replace(
        "initial_budget = 30", "initial_budget = 43.2").replace("claimed_score = 99", "claimed_score = 9")
    hebei_08 = hebei_08.replace("claimed_rate = 100", "claimed_rate = 86.2")
    assert "F110" not in _codes(_run(hebei_08, "hebei"))
    assert "F110" in _codes(_run(hebei_08, "central-2020"))


def test_guangshui_scores_form_21_as_a_rubric():
    from pathlib import Path

    text = next(Path("cases/real").glob("21-*.toml")).read_text(encoding="utf-8")
    result = ENGINE.score("21.toml", parse_document(tomllib.loads(text, parse_float=D)))
    score = result.score
    assert score.profile == "guangshui" and "S213" not in _codes(result)
    # 决策 2 + 管理 13 + 15 visible, as printed (whole points); the rubric items show nothing
    # the form's reader could check, so only the measured 里程 row is verified
    assert sum((i.claimed for i in score.indicators), D(0)) == D(30)
    classes = [i.evidence_class for i in score.indicators]
    assert classes == [EvidenceClass.MISSING] * 5 + [EvidenceClass.MEASURED]
    assert score.supported == D(15)
    wrong = ENGINE.score("21.toml", parse_document(tomllib.loads(
        text.replace('profile = "guangshui"', 'profile = "yinchuan"'), parse_float=D)))
    assert "S213" not in _codes(wrong)  # 2 + 13 fit inside Yinchuan's 10 / 25 too


def test_unscored_profile_grades_nothing_and_reports_a_scored_form():
    result = _run(FORM_40, "unscored")
    assert result.score.claimed_total is not None  # the form's own total stays its word
    assert result.score.verified_total is None and result.score.status_reason == "unscored"
    assert _codes(result).count("S213") == 1


def test_a_rubric_is_data_form_37(tmp_path):
    """real-forms 37 (安徽 寿县, 部门整体 rubric 规划 15 / 执行 35 / …): no shipped profile has these
    sections, and a new one is a file, not code.  Its printed scores (3, 3, 3, 4, 2 = the 15 of
    规划) are reproduced, its items are not "full marks without a target", and under a profile
    whose sections it does not fit it is one S213."""
    import shutil
    from pathlib import Path

    rules = Path(__file__).resolve().parent.parent / "rules"
    shutil.copytree(rules, tmp_path / "rules")
    text = (rules / "profiles" / "yinchuan.toml").read_text(encoding="utf-8")
    head, _, tail = text.partition("[[sections]]")
    tail = tail[tail.index("[rounding]"):]
    sections = "".join(f'[[sections]]\nname = "{n}"\nwords = ["{n}"]\n{p}rubric = true\n\n'
                       for n, p in (("规划", "points = 15\n"), ("执行", "points = 35\n"), ("效果", "")))
    (tmp_path / "rules" / "profiles" / "anhui-dept.toml").write_text(
        head.replace('id = "yinchuan"', 'id = "anhui-dept"') + sections + tail, encoding="utf-8")
    profile = load_profile("anhui-dept", tmp_path / "rules")
    assert [(s.name, s.points) for s in profile.sections] == [("规划", 15), ("执行", 35), ("效果", None)]

    case_text = (Path(__file__).parent / "corpus" / "expected" / "37.toml").read_text(encoding="utf-8")
    case_text = "\n".join(line for line in case_text.splitlines() if not line.startswith("unread"))
    case = parse_document(tomllib.loads(case_text, parse_float=D))
    from evalengine.fit import misfit
    from evalengine.scoring import score_case
    from evalengine.taxonomy import load_taxonomy

    score = score_case(case, profile, load_taxonomy())
    planning = [i for i in score.indicators if case.indicators[i.index].level1 == "规划"]
    assert sum((i.claimed for i in planning), D(0)) == D(15)  # 3 + 3 + 3 + 4 + 2, as printed
    assert {i.method for i in score.indicators} == {"rubric"}
    assert {i.evidence_class for i in score.indicators} == {EvidenceClass.MISSING}  # nothing to check on the form
    assert misfit(case, profile) is None
    assert misfit(case, load_profile("fujian")) is not None  # no 决策/过程 section: one S213
    assert _codes(ENGINE.score("37.toml", attrs_evolve_profile(case, "fujian"))).count("S213") == 1
    assert "S215" not in _codes(ENGINE.score("37.toml", attrs_evolve_profile(case, "fujian")))


def attrs_evolve_profile(case, profile: str):
    import attrs

    return attrs.evolve(case, project=attrs.evolve(case.project, profile=profile))


def test_hebei_converted_scores_follow_the_profiles_rounding():
    """折算得分 = 单项得分 × 权重占比 (framework.md §9), in Hebei's whole points."""
    row = ('[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "检测批次"\n'
           'target = "≥100批次"\nactual = "95批次"\nweight = 10\nitem_score = 86\nweight_share = 10\nscore = SCORE\n')
    base = FORM_47.replace("claimed_score = 99", "claimed_score = 10")
    assert "S218" not in _codes(_run(base + row.replace("SCORE", "9"), "hebei"))  # 8.6 → 9
    assert "S218" in _codes(_run(base + row.replace("SCORE", "9"), "central-2020"))  # 8.6 ≠ 9
    assert "S218" in _codes(_run(base + row.replace("SCORE", "10"), "hebei"))
