"""Reports in prose as other provinces word them: titles and covers, several amounts, kinds
of spending, indicators stated as numbered items or as a list in one sentence.

Every text here is written for the test in several phrasings; none is a copy of a corpus form.
"""

from __future__ import annotations

import pytest

from evalengine.importer import import_text
from evalengine.importer.prose import read_report


def _case(text: str):
    result = import_text(text.encode("utf-8"), shown="t.txt", stem="t")
    assert len(result.forms) == 1, [f.case.project.name for f in result.forms]
    return result.forms[0].case


# --- titles and covers -------------------------------------------------------------------


@pytest.mark.parametrize("crumbs", ["首页 >> 信息公开 >> 某某县财政局 >> 正文 ",
                                    "当前位置: 首页 > 政务公开 > 预决算 ",
                                    "发布时间: 2022-03-01 点击: 12 "])
def test_a_title_after_a_breadcrumb_in_one_run_of_words(crumbs):
    case = _case(f"某某县人民政府 {crumbs}某某县2021年农村饮水安全巩固提升工程绩效自评报告\n"
                 "一、基本情况\n下达资金80万元,实际支出76万元。\n")
    assert (case.project.name, case.project.year) == ("农村饮水安全巩固提升工程", 2021)


@pytest.mark.parametrize("title,unit", [
    ("某某市档案馆2023年度项目支出绩效单位自评报告", "某某市档案馆"),
    ("某某县疾病预防控制中心2022年项目支出绩效自评报告", "某某县疾病预防控制中心"),
])
def test_a_title_naming_only_project_spending_is_the_units(title, unit):
    r = read_report(f"{title}\n一、基本情况\n全年预算数50万元,实际支出40万元。\n")
    assert (r.name, r.department) == (unit, "")  # the unit is the case, not its department


@pytest.mark.parametrize("first,second,name", [
    ("某某县2023年度中央财政衔接资金", "绩效自评报告", "中央财政衔接资金"),
    ("某某市2022年度老旧小区改造补助资金", "项目绩效自评报告", "老旧小区改造补助资金项目")])
def test_a_title_broken_over_two_lines(first, second, name):
    r = read_report(f"{first}\n{second}\n一、基本情况\n下达资金300万元。\n")
    assert (r.name, r.titled) == (name, True) and r.year in (2022, 2023)


def test_a_line_without_a_year_above_a_title_is_not_its_start():
    r = read_report("欢迎访问本站\n某某县2021年度耕地保护补贴绩效自评报告\n预算数10万元。\n")
    assert r.name == "耕地保护补贴"


@pytest.mark.parametrize("order", ["unit first", "title first"])
def test_a_department_report_with_its_unit_on_a_line_of_its_own(order):
    unit, title = "某某市某某区住房和城乡建设局", "2020年部门整体支出绩效评价报告"
    head = f"{unit}\n\n{title}" if order == "unit first" else f"{title}\n\n{unit}"
    r = read_report(f"{head}\n一、基本情况\n1.机构设置\n本局内设股室5个。\n")
    assert (r.name, r.year, r.titled) == (unit, 2020, True)


def test_a_cover_gives_the_project_year_and_department():
    text = ("附件2\n项目支出绩效自评报告\n项目名称: 某某镇污水管网改造工程\n评价年度: 2021\n"
            "预算部门(公章): 某某县住房和城乡建设局\n填报日期: 2022年3月1日\n一、基本情况\n"
            "(一)项目概况\n本项目改造管网12公里。\n")
    case = _case(text)
    assert (case.project.name, case.project.year, case.project.department) == (
        "某某镇污水管网改造工程", 2021, "某某县住房和城乡建设局")
    r = read_report(text.replace("预算部门(公章)", "主管部门"))
    assert (r.name, r.year, r.department) == ("某某镇污水管网改造工程", 2021, "某某县住房和城乡建设局")


def test_a_title_naming_nothing_leaves_the_name_unread_and_takes_the_texts_year():
    r = read_report("项目绩效自评报告\n时间:2024-06-12 10:00 我要投稿\n一、项目基本情况\n"
                    "某某局2021年项目资金总预算为300万元。\n")
    assert (r.titled, r.name, r.year) == (True, "", 2021)


@pytest.mark.parametrize("body,name", [
    ("我局承担某某县2022年度农村公路提质改造建设项目实施任务。", "农村公路提质改造建设项目"),
    ("2021年,某某乡实施2021年村级文化广场建设项目,已完工。", "村级文化广场建设项目"),
])
def test_a_title_naming_only_a_kind_of_project_takes_the_project_the_text_names(body, name):
    r = read_report(f"建设项目绩效自评报告\n一、基本情况\n{body}\n下达资金60万元。\n")
    assert r.name == name


def test_a_title_naming_only_a_kind_the_text_never_names_is_unread():
    r = read_report("建设项目绩效自评报告\n一、基本情况\n本项目下达资金60万元。\n")
    assert r.name == ""
