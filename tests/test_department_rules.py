"""Edge cases of the department rules (D501–D507) and what they find in the seed department."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.report import DepartmentResult

from rulekit import build_department

SEED = Path(__file__).parent.parent / "cases" / "2021"

FIGURES = """
[[figures]]
id = "expenditure.total"
label = "本年支出合计"
value = {total}
source = "第二部分 三"

[[figures]]
id = "expenditure.basic"
label = "基本支出"
value = {basic}
source = "第二部分 三"

[[figures]]
id = "expenditure.project"
label = "项目支出"
value = 100
source = "第二部分 三"
"""


def run(code: str, snippet: str = "", options: dict | None = None):
    user = UserConfig(select=(code,), options={code: options} if options else {})
    department, projects = build_department(snippet)
    return [f for f in Checker.build(user).check_department("d.toml", department, projects)
            if f.code == code]


def seed_findings(select: tuple[str, ...] = ("D",)):
    engine = Engine.build(Checker.build(UserConfig(select=(*select, "M003"))))
    (result,) = [r for r in engine.evaluate([SEED]) if isinstance(r, DepartmentResult)]
    return result.findings


# --- the seed -----------------------------------------------------------------------------


def test_seed_findings_are_exactly_the_known_problems():
    found = [(f.code, f.path) for f in seed_findings()]
    assert sorted(found) == sorted([
        ("D501", "$.figures[151].value"),  # 附件1: 931.61 ≠ 766.91 + 164.67
        ("D501", "$.figures[152].value"),  # 附件1: 766.91 ≠ 689.23 + 77.71
        ("D504", "$.figures[152].value"),  # 基本支出 766.94 vs 766.91
        ("D504", "$.figures[137].value"),  # 下属二级单位: 0 in 机构设置, 1 in 附件1 机构组成
        ("D504", "$.figures[138].value"),  # … of which 参公事业单位: 0 vs 1
        ("D506", "$.claims.funds_fully_spent"),  # "100%使用完成" vs 移动云视讯, 国产化
        ("D507", "$.claims.projects_self_assessed"),  # 8 claimed, 4 forms
        ("D508", "$.claims"),  # 云视讯's 41790元 paid from 电子政务's budget
    ])


def test_seed_d508_recomputes_the_host_projects_own_execution():
    (hit,) = [f for f in seed_findings(("D508",)) if f.code == "D508"]
    assert "4.18" in hit.message and "44.66" in hit.message and "91.44%" in hit.message
    assert "03-dianzi-zhengwu.toml" in hit.expected and "06-yidong-yunshixun.toml" in hit.found


def test_seed_d504_names_both_values_and_sources():
    (hit,) = [f for f in seed_findings(("D504",)) if f.code == "D504" and "766" in f.message]
    assert "766.94" in hit.expected and "第二部分 三" in hit.expected and "第二部分 六" in hit.expected
    assert "766.91" in hit.found and "附件1 二（二）" in hit.found


def test_seed_d506_names_the_projects_and_amounts():
    (hit,) = [f for f in seed_findings(("D506",)) if f.code == "D506"]
    assert "国产化办公设备替代经费 20.40" in hit.message
    assert "移动云视讯会议系统运行服务费 5.50" in hit.message
    assert hit.message.index("国产化") < hit.message.index("移动云视讯")  # largest first


def test_seed_d505_honest_rounding_of_eight_projects():
    # 49.78 + 39.86 + 48.84 + 0 + 7.30 + 4.80 + 14 + 0.08 = 164.66 vs 164.67 stated
    assert [f for f in seed_findings(("D505",)) if f.code == "D505"] == []


# --- D501 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "basic", "fires"),
    [("300", "200", False), ("300.015", "200", False), ("300.02", "200", True), ("299.98", "200", True)],
)
def test_d501_tolerance_is_n_plus_one_half_units(total, basic, fires):
    assert bool(run("D501", FIGURES.format(total=total, basic=basic))) is fires


def test_d501_reports_the_statement_that_fails():
    snippet = FIGURES.format(total=300, basic=200) + (
        '\n[[figures]]\nid = "expenditure.total"\nlabel = "支出合计"\nvalue = 310\nsource = "附件1 二"\n')
    (hit,) = run("D501", snippet)
    assert hit.path == "$.figures[3].value" and "附件1 二" in hit.message


def test_d501_part_never_stated_is_skipped():
    snippet = FIGURES.format(total=300, basic=200) + (
        '\n[[totals]]\ntotal = "expenditure.total"\nparts = ["expenditure.basic", "nowhere"]\n')
    assert run("D501", snippet) == []


def test_d501_setting_widens_the_tolerance():
    assert run("D501", FIGURES.format(total="300.02", basic=200), {"half_unit": Decimal("0.01")}) == []


# --- D502 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "fires"),
    # 200/300 = 66.67%: printed to 0.1% that is 66.7; "67" is printed to 1% and allowed ±0.5
    [("66.7", False), ("66.6", True), ("66.8", True), ("67", False), ("68", True)],
)
def test_d502_share_rounding(share, fires):
    snippet = FIGURES.format(total=300, basic=200).replace(
        'value = 200\nsource = "第二部分 三"',
        f'value = 200\nsource = "第二部分 三"\nshare_of = "expenditure.total"\nshare = {share}')
    assert bool(run("D502", snippet)) is fires


def test_d502_zero_base_is_skipped():
    snippet = FIGURES.format(total=0, basic=0).replace(
        'value = 0\nsource = "第二部分 三"\n\n[[figures]]\nid = "expenditure.project"',
        'value = 0\nsource = "第二部分 三"\nshare_of = "expenditure.total"\nshare = 0\n\n'
        '[[figures]]\nid = "expenditure.project"')
    assert run("D502", snippet) == []


# --- D503 ---------------------------------------------------------------------------------

CHANGE = '[[figures]]\nid = "x"\nlabel = "公务接待费"\nvalue = {value}\nsource = "七"\nchange = {change}\nchange_pct = {pct}'


@pytest.mark.parametrize(
    ("value", "change", "pct", "fires"),
    [
        ("0.7", "-0.94", "-57.3", False),  # seed 公务接待费
        ("9.86", "-0.13", "-1.3", False),  # seed 公务用车
        ("931.61", "48.37", "5.5", False),  # seed 收支总计
        ("0.7", "-0.94", "57.3", True),  # direction word transcribed with the wrong sign
        ("931.61", "48.37", "5.7", True),
        ("0.7", "0.7", "100", False),  # no previous-year base: not computable
    ],
)
def test_d503(value, change, pct, fires):
    assert bool(run("D503", CHANGE.format(value=value, change=change, pct=pct))) is fires


# --- D504 ---------------------------------------------------------------------------------


def test_d504_tolerance_setting_and_equal_statements():
    twice = ('[[figures]]\nid = "a"\nlabel = "基本支出"\nvalue = {}\nsource = "三"\n\n'
             '[[figures]]\nid = "a"\nlabel = "基本支出"\nvalue = {}\nsource = "附件1"\n')
    assert run("D504", twice.format("766.94", "766.940")) == []
    (hit,) = run("D504", twice.format("766.94", "766.91"))
    assert hit.path == "$.figures[0].value" or hit.path == "$.figures[1].value"
    assert run("D504", twice.format("766.94", "766.91"), {"tolerance": Decimal("0.05")}) == []


# --- D505 ---------------------------------------------------------------------------------

PROJECTS = """
[claims]
projects_self_assessed = {n}

[[_projects]]
[_projects.funds]
budget = 60
executed = {a}

[[_projects]]
[_projects.project]
name = "设备购置经费"
[_projects.funds]
budget = 40
executed = {b}
"""


@pytest.mark.parametrize(
    ("a", "b", "fires"),
    [("60", "40", False), ("60", "40.015", False), ("60", "40.02", True), ("59.98", "40", True)],
)
def test_d505_sum_tolerance(a, b, fires):
    assert bool(run("D505", PROJECTS.format(n=2, a=a, b=b))) is fires


def test_d505_count_of_cases():
    (hit,) = run("D505", PROJECTS.format(n=3, a=60, b=40))
    assert hit.path == "$.claims.projects_self_assessed" and "3 个" in hit.message


def test_department_without_project_cases_is_not_cross_checked():
    department, _ = build_department(PROJECTS.format(n=3, a=60, b=40))
    user = UserConfig(select=("D505", "D506", "D507"))
    assert Checker.build(user).check_department("d.toml", department, ()) == ()


# --- D506 ---------------------------------------------------------------------------------


def test_d506_tolerance_and_balances():
    assert run("D506", PROJECTS.format(n=2, a="59.99", b=40)) == []  # 0.01: rounding
    (hit,) = run("D506", PROJECTS.format(n=2, a="59.9", b=40))
    assert "0.10" in hit.message
    balance = ('[[_projects]]\n[_projects.funds]\nbudget = 100\nexecuted = 100\n\n'
               '[[_projects]]\n[_projects.project]\nname = "结余项目"\n[_projects.funds]\nbalance = 3\n'
               '[claims]\nfunds_fully_spent = false\nprojects_self_assessed = 2')
    (hit,) = run("D506", balance)  # balance_rate = 0 is still claimed by the base
    assert hit.path == "$.claims.balance_rate" and "结余项目 3.00" in hit.message


# --- D507 ---------------------------------------------------------------------------------


def test_d507_counts_forms_not_cases():
    snippet = PROJECTS.format(n=2, a=60, b=40).replace('name = "设备购置经费"', 'name = "设备购置经费"\nhas_form = false')
    (hit,) = run("D507", snippet)
    assert "只有 1 个" in hit.message and "设备购置经费" in hit.found


# --- no crash on arbitrary figures --------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from evalengine.checks.base import ProjectDigest  # noqa: E402
from evalengine.model import Department, DepartmentClaims, DepartmentInfo, Figure, Total  # noqa: E402

AMOUNTS = st.decimals(min_value=-1000, max_value=1000, places=2)
MAYBE = st.none() | AMOUNTS
IDS = st.sampled_from(["a", "b", "c"])


@st.composite
def departments(draw):
    figures = tuple(
        Figure(draw(IDS), "x", draw(AMOUNTS), draw(st.sampled_from(["一", "一 1", "二", ""])),
               share_of=draw(st.sampled_from(["", "a", "b", "zz"])), share=draw(MAYBE),
               change=draw(MAYBE), change_pct=draw(MAYBE))
        for _ in range(draw(st.integers(0, 6)))
    )
    totals = tuple(Total(draw(IDS), tuple(draw(st.lists(IDS, max_size=3)))) for _ in range(draw(st.integers(0, 3))))
    claims = DepartmentClaims(draw(st.none() | st.booleans()), draw(MAYBE), draw(st.none() | st.integers(0, 5)),
                              project_expenditure=draw(st.sampled_from(["", "a", "zz"])))
    projects = tuple(ProjectDigest(f"p{i}", f"项目{i}", draw(st.booleans()), draw(MAYBE), draw(MAYBE), draw(MAYBE))
                     for i in range(draw(st.integers(0, 4))))
    return Department(DepartmentInfo("部门", "s"), figures, totals, claims), projects


@settings(max_examples=80, deadline=None)
@given(departments())
def test_department_rules_never_crash(data):
    department, projects = data
    findings = Checker.build(UserConfig(select=("D", "M003"))).check_department("d.toml", department, projects)
    assert [f.message for f in findings if f.code == "M003"] == []
