"""Layouts added for forms of other provinces (rules/layouts/*.toml), and how a table whose
header uses words no layout knows is read.  Every form here is synthetic, written for the
test in the shape of the layout (not any published form's text)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import import_text
from evalengine.importer.glued import cut


def _forms(text: str):
    return import_text(text.encode("utf-8"), shown="synthetic.txt", stem="synthetic").forms


def _case(text: str):
    forms = _forms(text)
    assert len(forms) == 1, [f.layout for f in forms]
    return forms[0]


# the Hunan report form, a web table one cell per line: the cover's lines run into one cell
# (no pipe between them), the funds four label | figure pairs side by side, each with its own
# 其中 rows
HUNAN_CELLS = """\
评价类型:项目实施过程评价□项目完成结果评价□
项目名称:某某乡村道路维护
项目单位:某某县公路事务中心
主管部门:某某县交通运输局
评价方式:部门(单位)绩效自评
评价机构:部门(单位)评价组
报告日期:2022年03月01日
某某县财政局(制)
一、项目基本概况 |
项目负责人 |
张三 |
联系电话 |
12345678 |
项目起止时间 |
2021年1月起至2021年12月止 |
计划安排资金 (万元) |
320 |
实际到位资金 (万元) |
300 |
实际支出 (万元) |
28,5.0,1 |
结余 (万元) |
15 |
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
其中:中央财政 |
|
省财政 |
120 |
省财政 |
100 |
省财政 |
95 |
省财政 |
5 |
县财政 |
200 |
县财政 |
200 |
县财政 |
190 |
县财政 |
10 |
其它 |
|
其它 |
|
其它 |
|
其它 |
|
二、项目支出明细情况 |
支出内容 |
实际支出数 |
会计凭证号 |
备注 |
"""


def test_hunan_report_form_one_cell_per_line():
    form = _case(HUNAN_CELLS)
    assert form.layout == "hunan-report"
    project = form.case.project
    assert (project.name, project.implementer, project.department) == (
        "某某乡村道路维护", "某某县公路事务中心", "某某县交通运输局")
    # the year is the project's period (2021), not the report's date (2022)
    assert project.year == 2021
    funds = form.case.funds
    assert funds.budget == Decimal("320")
    # a figure that does not read as one is unread, never blank
    assert funds.executed is None and funds.unread.reason("executed") == "unreadable"
    rows = {r.source: r for r in funds.rows}
    assert set(rows) == {"中央财政", "省财政", "县财政", "其它"}
    assert (rows["省财政"].budget, rows["省财政"].executed) == (Decimal("120"), Decimal("95"))
    assert (rows["县财政"].budget, rows["县财政"].executed) == (Decimal("200"), Decimal("190"))
    assert rows["中央财政"].budget is None and rows["中央财政"].executed is None


HUNAN_GLUED = (
    "财政支出项目绩效评价自评报告评价类型:项目实施过程评价项目完成结果评价项目名称某某文化活动"
    "经费项目单位某某市文化馆主管部门某某市文化旅游局评价方式:部门(单位)绩效自评评价机构:部门"
    "(单位)评价组报告日期:2022年5月6日某某市财政局(制)一、项目基本概况项目负责人李四联系电话"
    "项目地址某某市邮编4100项目起止时间2021年1月起至2021年12月止计划安排资金(万元)60实际到位"
    "资金(万元)60实际支出(万元)58结余(万元)2其中:中央财政其中:中央财政其中:中央财政其中:中央"
    "财政省财政省财政省财政省财政市财政60市财政60市财政58市财政2其它其它其它其它二、项目支出"
    "明细情况支出内容实际支出数会计凭证号备注\n")


def test_hunan_report_form_glued():
    form = _case(HUNAN_GLUED)
    assert form.layout == "hunan-report"
    project = form.case.project
    assert (project.name, project.implementer, project.department, project.year) == (
        "某某文化活动经费", "某某市文化馆", "某某市文化旅游局", 2021)
    funds = form.case.funds
    assert (funds.budget, funds.executed) == (Decimal("60"), Decimal("58"))
    city = next(r for r in funds.rows if r.source == "市财政")
    assert (city.budget, city.executed) == (Decimal("60"), Decimal("58"))


def test_a_row_label_inside_a_units_name_is_no_cell_boundary():
    # 县财政 is a funds row label; in 某某县财政局 it is part of a unit's name
    cells = cut("根据某某县财政局文件精神开展自评项目名称某某项目主管部门某某县财政局")
    assert "县财政" not in cells
    assert "某某县财政局" in "".join(cells)


# the transfer-payment form with pooled (统筹整合) funds, in words: the rates are of C = A − B,
# a numbering line 列次 0 1 2 … between the header and the rows, six decimals as the system
# prints them
TRANSFER_POOLED = """\
某某县水利局2024年度水利发展资金绩效自评表
资金投入情况 (万元)
行次 全年预算数 (A) 统筹整合资金数 (B) 扣除统筹整合资金后预算金额 (C) 全年到位资金 (D) 预算到位 (D/C×100%) 全年执行资金 (E) 预算执行 (E/C×100%) 佐证材料
列次 0 1 2 3 4 5 6 7 所需材料
年度资金总额(万元): 1 80.000000 80.000000 80.000000 100.00% 60.000000 75.00%
其中:中央财政资金(万元) 2 80.000000 80.000000 80.000000 100.00% 60.000000 75.00% 资金下达文件
地方财政资金(万元) 3
资金管理情况 情况说明 存在问题 改进措施
"""


def test_transfer_form_with_pooled_funds():
    form = _case(TRANSFER_POOLED)
    assert form.layout == "transfer-integrated"
    funds = form.case.funds
    # A is the budget (the blank B deducts nothing: C = A − 0), E the executed, E/C the rate
    assert (funds.budget, funds.executed, funds.claimed_rate) == (
        Decimal("80"), Decimal("60"), Decimal("75.00"))
    central = next(r for r in funds.rows if r.source == "中央财政资金")
    assert (central.budget, central.executed) == (Decimal("80"), Decimal("60"))


def test_a_difference_relation_reads_a_blank_deduction_as_nothing():
    from evalengine.importer.decoder import decode_cells
    from evalengine.importer.layouts import Column, Relation

    cols = (Column("a", "money"), Column("b", "money"), Column("c", "money"))
    rels = (Relation.parse("c = a - b"),)
    # 50 | 50 with one of three columns blank: only a = 50, b blank, c = 50 fits c = a - b
    assert decode_cells(["50", "50"], cols, rels).values == {"a": "50", "c": "50"}
    # all three printed: the arithmetic is checked as printed
    assert decode_cells(["50", "20", "30"], cols, rels).values == {"a": "50", "b": "20", "c": "30"}
    assert Relation.parse("c = a - b") == Relation("c", "-", "a", "b")


# a table whose header is worded as no layout words it: the columns it does name are read by
# what their cells are, and a column of unknown meaning is left unread, never taken for
# another column
UNKNOWN_HEADER = """\
某某区2023年度项目支出绩效自评表
项目名称 | 社区养老服务补助 |
主管部门 | 某某区民政局 |
一级指标 | 二级指标 | 三级指标 | 考核要点 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 服务老人人数 | 上门服务 | ≥300人 | 320人 | 20 | 20 |
效益指标 | 社会效益指标 | 老人生活改善 | 入户回访 | 明显改善 | 明显改善 | 30 | 28 |
满意度指标 | 服务对象满意度指标 | 老人满意度 | 问卷 | ≥90% | 93% | 10 | 10 |
"""


def _shaped(text: str, shape: str) -> str:
    """The pipe table as another flattening prints it: tab rows, words, one cell a line."""
    rows = [[c.strip() for c in line.split("|") if c.strip()] for line in text.splitlines()]
    sep = {"pipe": None, "tab": "\t", "words": " ", "cells": "\n"}[shape]
    return text if sep is None else "\n".join(sep.join(r) for r in rows) + "\n"


@pytest.mark.parametrize("shape", ["pipe", "tab", "words", "cells"])
def test_an_unknown_column_is_unread_not_taken_for_another(shape):
    form = _case(_shaped(UNKNOWN_HEADER, shape))
    rows = form.case.indicators
    assert [(r.level1, r.level2, r.name) for r in rows] == [
        ("产出指标", "数量指标", "服务老人人数"), ("效益指标", "社会效益指标", "老人生活改善"),
        ("满意度指标", "服务对象满意度指标", "老人满意度")]
    # the columns the header names are read; 考核要点 (no layout's word) is a column of
    # unknown meaning: its cells are taken for no other column's, and it is reported
    first = rows[0]
    assert (first.target, first.actual, first.weight, first.score) == (
        "≥300人", "320人", Decimal("20"), Decimal("20"))
    assert rows[1].score == Decimal("28")
    assert all("上门服务" not in (r.target, r.actual, r.name) for r in rows)
    assert any(n.kind == "unplaced" and n.text == "考核要点" for n in form.notes)


# a rubric that prints each level's points in a column of its own (一级指标 | 权重 | 二级指标 |
# 分值 | 三级指标 | … | 分值), as special-fund evaluation tables do
LEVEL_POINTS = """\
某某市2023年度专项经费绩效评价表
项目名称 | 口岸能力建设专项经费 |
一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值 | 分值 | 得分 |
产出指标 | 60 | 数量指标 | 30 | 设备采购数量 | 台 | 12 | 30 | 28 |
效益指标 | 40 | 社会效益指标 | 40 | 通关时间压缩 | % | 20 | 40 | 40 |
"""


def test_a_points_column_after_a_level_is_that_levels_points():
    rows = _case(LEVEL_POINTS).case.indicators
    assert [(r.level1, r.level2, r.name) for r in rows] == [
        ("产出指标", "数量指标", "设备采购数量"), ("效益指标", "社会效益指标", "通关时间压缩")]
    # the 三级 row's 分值 is its weight; the level's 60 / 30 are not
    assert [(r.unit, r.target, r.weight, r.score) for r in rows] == [
        ("台", "12", Decimal("30"), Decimal("28")), ("%", "20", Decimal("40"), Decimal("40"))]


# the Hunan 部门整体 report form: its cover, then the 指标表 whose 一级 and 二级 carry their points
# in columns of their own (blank cells of merged levels dropped), criteria prose, then 得分
HUNAN_DEPT = """\
某某区2023年度部门(单位)整体支出绩效评价自评报告
部门(单位)名称 | 某某区档案馆 |
预算编码 | 401002 |
评价方式 | 部门(单位)绩效自评 |
报告日期 | 2024年4月2日 |
部门整体支出绩效评价指标表 |
一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 指标说明 | 得分 |
投入 | 20 | 预算配置 | 20 | 在职人员控制率 | 10 | 控制率不超过100%计满分 | 在职人数与编制数之比 | 10 |
 | | | | 公用经费控制率 | 10 | 不超过预算计满分，超出酌情扣分 | 公用经费决算与预算之比 | 8 |
过程 | 30 | 预算执行 | 30 | 预算完成率 | 15 | 完成率达到100%计满分 | 预算完成数与预算数之比 | 14 |
"""


def test_hunan_department_report_form():
    form = _case(HUNAN_DEPT)
    assert form.layout == "hunan-dept-report"
    project = form.case.project
    # the title is a 自评报告 (no 自评表): its year still counts; the title-worded value of
    # 评价方式 (部门(单位)绩效自评) is no title and no name
    assert (project.name, project.code, project.year) == ("某某区档案馆", "401002", 2023)
    rows = form.case.indicators
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows] == [
        ("投入", "预算配置", "在职人员控制率", Decimal("10"), Decimal("10")),
        ("投入", "预算配置", "公用经费控制率", Decimal("10"), Decimal("8")),
        ("过程", "预算执行", "预算完成率", Decimal("15"), Decimal("14"))]


# a 部门整体 score sheet: 一级 | 二级 | 三级 | 得分, every label with its points, merged levels
# printed on their first row only
SCORE_SHEET = """\
某某县农业农村局2022年部门整体支出绩效评价得分表
一级指标 | 二级指标 | 三级指标 | 得分 |
部门决策(25分) | 目标任务(15分) | 相关性(5分) | 5 |
 | | 明确性(5分) | 4 |
 | | 合理性(5分) | 5 |
 | 预算编制(10分) | 测算依据(5分) | 3 |
 | | 目标管理(5分) | 5 |
综合管理(30分) | 资金管理(20分) | 资金使用合规性(20分) | 18 |
合计 | | | 40 |
"""


def test_a_score_sheet_reads_each_rows_points_from_its_name():
    form = _case(SCORE_SHEET)
    assert form.layout == "dept-score-sheet"
    rows = form.case.indicators
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows] == [
        ("部门决策", "目标任务", "相关性", Decimal("5"), Decimal("5")),
        ("部门决策", "目标任务", "明确性", Decimal("5"), Decimal("4")),
        ("部门决策", "目标任务", "合理性", Decimal("5"), Decimal("5")),
        ("部门决策", "预算编制", "测算依据", Decimal("5"), Decimal("3")),
        ("部门决策", "预算编制", "目标管理", Decimal("5"), Decimal("5")),
        ("综合管理", "资金管理", "资金使用合规性", Decimal("20"), Decimal("18"))]
    assert form.case.narrative.claimed_total == Decimal("40")


# a project rubric that prints each level's points in a column of its own
RUBRIC_LEVELS = """\
某某县2022年度项目支出绩效评价评分表
项目名称 | 农村饮水安全巩固提升工程 |
一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 具体指标 | 评价标准 | 自评得分 |
项目决策 | 20 | 项目目标 | 6 | 目标内容 | 6 | 设立了绩效目标且明确细化 | 每缺一项扣1.5分 | 5 |
 | | 决策过程 | 14 | 决策依据 | 7 | 符合规划和年度计划 | 不符合不得分 | 7 |
 | | | | 决策程序 | 7 | 申报批复程序规范 | 程序不规范扣3分 | 4 |
项目管理 | 25 | 资金到位 | 10 | 到位率 | 10 | 实际到位资金占计划的比例 | 到位率乘以分值 | 10 |
"""


@pytest.mark.parametrize("shape", ["pipe", "tab", "words", "cells"])
def test_a_rubric_with_level_points_columns(shape):
    text = RUBRIC_LEVELS if shape != "tab" else "\n".join(
        "\t".join(c.strip() for c in line.split("|")[:-1]) if "|" in line else line
        for line in RUBRIC_LEVELS.splitlines()) + "\n"
    form = _case(_shaped(text, shape) if shape != "tab" else text)
    assert form.layout == "project-rubric-levels"
    rows = form.case.indicators
    # the points after 项目决策 (20) and 项目目标 (6) are the levels', never a row's weight
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows] == [
        ("项目决策", "项目目标", "目标内容", Decimal("6"), Decimal("5")),
        ("项目决策", "决策过程", "决策依据", Decimal("7"), Decimal("7")),
        ("项目决策", "决策过程", "决策程序", Decimal("7"), Decimal("4")),
        ("项目管理", "资金到位", "到位率", Decimal("10"), Decimal("10"))]


@pytest.mark.parametrize("shape", ["words", "cells"])
def test_hunan_department_rubric_in_words(shape):
    rows = _case(_shaped(HUNAN_DEPT, shape)).case.indicators
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows] == [
        ("投入", "预算配置", "在职人员控制率", Decimal("10"), Decimal("10")),
        ("投入", "预算配置", "公用经费控制率", Decimal("10"), Decimal("8")),
        ("过程", "预算执行", "预算完成率", Decimal("15"), Decimal("14"))]


def test_a_form_ending_at_its_funds_label_does_not_crash():
    # the text stops right after 项目资金(万元): no funds row follows the label (a CI fuzz
    # found the funds header read past the last token)
    text = ("项目支出绩效自评表\n\n项目名称\n\n甲项目\n\n主管部门\n\n甲局\n\n实施单位\n\n乙单位\n\n"
            "项目资金\n(万元)")
    forms = import_text(text.encode("utf-8"), shown="t.txt", stem="t").forms
    assert len(forms) == 1
    assert forms[0].case.project.name == "甲项目"
