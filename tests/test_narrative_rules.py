"""Edge cases of the narrative rules (N401–N407) and what they find in the seed and real forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.loader import load_paths

from rulekit import build_case

ROOT = Path(__file__).parent.parent
SEED = ROOT / "cases" / "2021"
REAL = ROOT / "cases" / "real"


def findings(code: str, snippet: str = "", options: dict | None = None, case=None):
    user = UserConfig(select=(code,), options={code: options} if options else {})
    engine = Engine.build(Checker.build(user))
    result = engine.score("fixture.toml", case if case is not None else build_case(snippet))
    return [f for f in result.findings if f.code == code]


def file_findings(code: str, path: Path, options: dict | None = None):
    user = UserConfig(select=(code,), options={code: options} if options else {})
    engine = Engine.build(Checker.build(user))
    (item,) = list(load_paths([path]))
    result = engine.score(str(path), item.document)
    return [f for f in result.findings if f.code == code]


def folder_codes(folder: Path, code: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "department.toml":
            continue
        hits = file_findings(code, path)
        if hits:
            out[path.name[:3].rstrip("-")] = len(hits)
    return out


# --- N401 not-completed-but-success ------------------------------------------------------


def test_n401_seed_finds_guochanhua_and_yunshixun_only():
    assert folder_codes(SEED, "N401") == {"04": 1, "06": 1}


def test_n401_evidence_quotes_the_success_claim():
    (hit,) = file_findings("N401", SEED / "04-guochanhua-shebei.toml")
    assert "未完成" in hit.message and "符合绩效目标管理要求" in hit.message
    assert "0.00/20.40" in hit.expected
    (hit,) = file_findings("N401", SEED / "06-yidong-yunshixun.toml")
    assert "46.60%" in hit.message and "达到预期效益" in hit.message


def test_n401_negated_success_is_not_success():
    snippet = ('[funds]\nexecuted = 30\n[narrative]\ncompletion = "未完成"\n'
               'conclusion = "项目未达到预期目标，不符合绩效目标要求。"\nproblems = "无"')
    assert findings("N401", snippet) == []


def test_n401_conclusion_admitting_incompletion_is_not_success():
    snippet = ('[funds]\nexecuted = 30\n[narrative]\ncompletion = "未完成"\n'
               'conclusion = "设备采购未完成，但资金管理符合要求。"\nproblems = "无"')
    assert findings("N401", snippet) == []


def test_n401_needs_problems_left_blank():
    snippet = ('[funds]\nexecuted = 30\n[narrative]\ncompletion = "未完成"\n'
               'conclusion = "符合要求"\nproblems = "设备到货延期，资金尚未支付。"')
    assert findings("N401", snippet) == []
    blank = ('[funds]\nexecuted = 30\n[narrative]\ncompletion = "未完成"\n'
             'conclusion = "符合要求"\nproblems = ""')
    assert len(findings("N401", blank)) == 1


def test_n401_execution_threshold_is_a_setting():
    path = SEED / "06-yidong-yunshixun.toml"
    assert file_findings("N401", path, {"min_execution_rate": Decimal("0.4")}) == []
    assert len(file_findings("N401", path, {"min_execution_rate": Decimal("0.5")})) == 1


def test_n401_far_short_measured_indicator():
    snippet = ('[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "培训人次"\n'
               'target = "≥200人次"\nactual = "100人次"\n'
               '[narrative]\nconclusion = "项目顺利实施，达到预期目标。"\nproblems = "无"')
    (hit,) = findings("N401", snippet)
    assert "培训人次" in hit.message
    near = snippet.replace('actual = "100人次"', 'actual = "150人次"')  # 75% ≥ 60%
    assert findings("N401", near) == []


# --- N402 boilerplate-problems ------------------------------------------------------------


def test_n402_seed_fires_only_where_a_deviation_exists():
    # 01/02 spent 99.56%/99.65% and 工作经费 fell short; 04 spent 0%; 06 spent 46.6%.
    # 03, 05, 07, 08 spent 100% with nothing measured short: "无" is not contradicted there.
    assert folder_codes(SEED, "N402") == {"01": 1, "02": 1, "04": 1, "06": 1}


def test_n402_no_prose_section_means_nothing_to_check():
    # A form cut off before its prose (real 08: 86% executed) has no problems field at all.
    assert file_findings("N402", REAL / "08-bangong-sushelou-shitang-nuantong-gaizao-jingfei.toml") == []
    assert folder_codes(REAL, "N402") == {}


def test_n402_full_execution_and_met_targets_allow_none():
    assert findings("N402", '[narrative]\nproblems = "无"\nmeasures = "无"') == []


def test_n402_form_total_below_maximum_is_a_deviation():
    snippet = '[narrative]\nclaimed_total = 92\nproblems = "暂无"\nmeasures = "针对场地问题集中安排"'
    (hit,) = findings("N402", snippet)
    assert hit.path == "$.narrative.problems" and "92.00" in hit.message


def test_n402_form_deducting_its_own_points_is_a_deviation():
    rows = "".join(
        f'[[indicators]]\nlevel1 = "{l1}"\nlevel2 = "{l2}"\nname = "{name}"\ntarget = "{t}"\n'
        f'actual = "{a}"\nweight = {w}\nscore = {sc}\n'
        for l1, l2, name, t, a, w, sc in [
            ("产出指标", "数量指标", "培训人次", "≥200人次", "210人次", 50, 50),
            ("效益指标", "社会效益指标", "技能提升", "效果明显", "达成预期指标", 30, 27),
            ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10),
        ]
    )
    (hit,) = findings("N402", rows + '[narrative]\nproblems = "无"\nmeasures = "无"')
    assert "技能提升" in hit.message


def test_n402_unverifiable_answers_are_not_deviations_unless_configured():
    snippet = ('[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "培训人次"\n'
               'target = "≥200人次"\nactual = "完成"\n[narrative]\nproblems = "无"\nmeasures = "无"')
    assert findings("N402", snippet) == []
    assert len(findings("N402", snippet, {"deviation_reasons": ("word-for-number",)})) == 1


# --- N403 goal-figures-contradict ---------------------------------------------------------


def test_n403_seed_has_no_contradiction():
    # 电子政务: 44条光纤 = 20M 27条 + 30M 17条 (the 区级 fibres); 29家 (外网) and 84家
    # (协同平台) count different things.  史志: 250册 each.  No year differs from 2021.
    assert folder_codes(SEED, "N403") == {}


def test_n403_fibre_count_matching_no_combination_fires():
    (item,) = list(load_paths([SEED / "03-dianzi-zhengwu.toml"]))
    case = item.document
    rows = list(case.indicators)

    rows[0] = attrs.evolve(rows[0], target="45条光纤、政府大院单位、全区84家协同平台使用单位")
    (hit,) = findings("N403", case=attrs.evolve(case, indicators=tuple(rows)))
    assert hit.path == "$.indicators[0].target"
    assert "27条" in hit.message and "45条" in hit.message and "组合" in hit.message
    rows[0] = attrs.evolve(rows[0], target="57条光纤")  # all fibres, 27 + 17 + 13
    assert findings("N403", case=attrs.evolve(case, indicators=tuple(rows))) == []


def test_n403_money_rounding_is_honest():
    # real 02: goal 2026400元, target ≤202.6万元 (rounded to 0.1万): the same amount.
    goal = '[goal]\nexpected = "本项目共申请预算资金2026400元，其中培训经费100万元。"\n'
    rows = ('[[indicators]]\nlevel1 = "产出指标"\nlevel2 = "成本指标"\nname = "项目预算资金"\n'
            'target = "≤{}万元"\nactual = "100万元"\n')
    assert findings("N403", goal + rows.format("202.6")) == []
    assert len(findings("N403", goal + rows.format("202.5"))) == 1


def test_n403_percent_compares_like_with_like():
    # the base goal's "满意度达到 90% 以上" is not compared with 培训合格率 ≥95%
    assert findings("N403") == []
    (hit,) = findings("N403", '[goal]\nexpected = "群众满意度达到 85% 以上。"')
    assert "参训人员满意度" in hit.message


def test_n403_year_of_another_form():
    (hit,) = file_findings("N403", REAL / "20b-chengxiang-jumin-jianguan-gongzuo-jingfei.toml")
    assert hit.path == "$.goal.expected" and "2022年" in hit.message and "2023" in hit.message
    assert folder_codes(REAL, "N403") == {"20b": 1}


@pytest.mark.parametrize(
    ("goal", "fires"),
    [
        ("2020年完成培训200人次", True),
        ("2021年完成培训200人次，较2020年增加20人次", False),
        ("2020-2022年三年内完成培训200人次", False),
        ("2022年6月底前完成培训200人次", False),  # a later deadline: allowed by default
        ("编印《年鉴》(2020卷)，完成培训200人次", False),  # 2020卷 is not a year of work
    ],
)
def test_n403_years(goal, fires):
    assert bool(findings("N403", f'[goal]\nexpected = "{goal}"')) is fires


def test_n403_later_years_setting():
    snippet = '[goal]\nexpected = "2022年6月底前完成培训200人次"'
    assert len(findings("N403", snippet, {"allow_later_years": False})) == 1


# --- N404 narrative-without-form ----------------------------------------------------------


def test_n404_seed_four_narrative_only_projects():
    assert folder_codes(SEED, "N404") == {"04": 1, "05": 1, "06": 1, "08": 1}


def test_n404_budget_threshold_setting():
    path = SEED / "08-yongyou-caiwu.toml"  # 0.08 万元
    assert file_findings("N404", path, {"min_budget": Decimal("1")}) == []


# --- N405 conclusion-score-mismatch -------------------------------------------------------


@pytest.mark.parametrize(
    ("conclusion", "fires"),
    [
        ("项目自评得分 100 分，等级为优。", False),
        ("项目自评得分 95 分，等级为优。", True),
        ("项目满分100分，总分100分，自评得分96分。", True),  # 自评得分 wins over 总分
        ("项目实施顺利。", False),  # central form: stating the total is not required
    ],
)
def test_n405_stated_score(conclusion, fires):
    assert bool(findings("N405", f'[narrative]\nconclusion = "{conclusion}"')) is fires


def test_n405_rounding_of_the_stated_number():
    base = '[narrative]\nclaimed_total = 99.88\nconclusion = "自评得分{}分"'
    assert findings("N405", base.format("100")) == []  # 99.88 rounds to 100
    assert findings("N405", base.format("99.9")) == []
    assert len(findings("N405", base.format("99.8"))) == 1


def test_n405_sichuan_requires_the_total():
    # real 04a, 05: Sichuan forms whose conclusion states no total (03, 20a: placeholders, N406)
    assert folder_codes(REAL, "N405") == {"04a": 1, "05": 1}
    snippet = '[project]\nprofile = "sichuan"\n[narrative]\nconclusion = "项目实施顺利，达到预期目标。"'
    (hit,) = findings("N405", snippet)
    assert "总分" in hit.message
    # the template's placeholder is N406's finding, not "no total"
    placeholder = ('[project]\nprofile = "sichuan"\n[narrative]\n'
                   'conclusion = "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内)"')
    assert findings("N405", placeholder) == []
    assert findings("N405", snippet, {"profiles_requiring_total": ()}) == []


# --- N406 template-placeholder ------------------------------------------------------------


def test_n406_real_forms():
    assert folder_codes(REAL, "N406") == {"03": 4, "20a": 3, "20b": 1}
    assert folder_codes(SEED, "N406") == {}


def test_n406_real_prose_is_not_a_placeholder():
    snippet = ('[narrative]\nconclusion = "对照年度目标，项目已全部完成，结合自评情况看效果良好。"')
    assert findings("N406", snippet) == []
    fullwidth = '[goal]\nactual = "对照年度目标，说明相关任务目标的完成情况（100字以内）"'
    (hit,) = findings("N406", fullwidth)
    assert hit.path == "$.goal.actual"


# --- N407 text-too-long -------------------------------------------------------------------


def test_n407_limits_boundary():
    at_limit = "问" * 200
    assert findings("N407", f'[project]\nprofile = "sichuan"\n[narrative]\nconclusion = "{at_limit}"') == []
    (hit,) = findings("N407", f'[project]\nprofile = "sichuan"\n[narrative]\nconclusion = "{at_limit}题"')
    assert hit.path == "$.narrative.conclusion" and "201" in hit.message
    assert findings("N407", f'[narrative]\nconclusion = "{at_limit}题"') == []  # central form
    long_actual = "完" * 101
    (hit,) = findings("N407", f'[project]\nprofile = "sichuan"\n[goal]\nactual = "{long_actual}"')
    assert hit.path == "$.goal.actual"
    assert findings("N407", f'[project]\nprofile = "sichuan"\n[goal]\nactual = "{long_actual}"',
                    {"goal_actual_max": Decimal(120)}) == []


def test_narrative_rules_never_crash_on_sparse_cases():
    user = UserConfig(select=("N", "M003"))
    engine = Engine.build(Checker.build(user))
    for item in load_paths([SEED, REAL]):
        if hasattr(item, "document") and not hasattr(item.document, "figures"):
            result = engine.score(item.location, item.document)
            assert [f for f in result.findings if f.code == "M003"] == []


# --- no crash on arbitrary prose ----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from evalengine.model import Goal, Narrative  # noqa: E402

from test_properties import cases  # noqa: E402

PIECES = st.sampled_from([
    "无", "。", "，", "、", "未完成", "完成", "符合", "达到", "自评得分", "总分", "95", "100.5", "分",
    "20M光纤", "27条", "万元", "202.6", "%", "2022年", "2021-2023年", "各", "(200字以内)", "满意度",
    "结合自评情况,说明", "１２", "—", " ", "亿", "1.", "人次", "0",
])
PROSE = st.lists(PIECES, max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(cases(), PROSE, PROSE, PROSE, PROSE, PROSE, st.sampled_from(["central-2020", "sichuan"]))
def test_narrative_rules_never_crash(case, goal, actual, completion, conclusion, problems, profile):
    case = attrs.evolve(
        case,
        project=attrs.evolve(case.project, profile=profile),
        goal=Goal(goal, actual),
        narrative=Narrative(completion=completion, conclusion=conclusion, problems=problems),
    )
    engine = Engine.build(Checker.build(UserConfig(select=("N", "M003"))))
    result = engine.score("c.toml", case)
    assert [f.message for f in result.findings if f.code == "M003"] == []


def test_n402_funds_given_only_as_source_rows():
    # The total row is blank and the 其中 rows carry the money (real forms 01 and 02): the
    # rate and the unspent balance come from the rows, not from a None total.
    from rulekit import BASE_CASE

    base = {**BASE_CASE, "funds": {"source": "synthetic", "rows": [
        {"source": "财政拨款", "initial_budget": 100, "budget": 100, "executed": 60}]}}
    case = build_case('[narrative]\nproblems = "无"\nmeasures = "无"', base=base)
    (hit,) = findings("N402", case=case)
    assert "60.00%" in hit.message and "40.00" in hit.message
