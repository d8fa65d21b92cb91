"""Rubrics whose levels carry their points (evalengine/importer/pointsheet.py): the levels told
by the points' sums, the points before or after their labels, two rubrics on a page."""

from __future__ import annotations

from decimal import Decimal

from evalengine.importer import import_text
from evalengine.importer.pointsheet import read_points_sheet, read_rubric_run

LEVELS = ("资金管理", "项目产出")


def test_a_score_sheet_label_with_a_number_after_it_is_a_row_the_others_levels():
    words = ["投入管理(20分)", "预算编", "制(12分)", "编制依据(6分)", "6", "编制程序(6分)", "4",
             "资产管", "理(8分)", "账实相符(8分)", "7", "履职成效(30分)", "任务完成(30分)",
             "完成率(30分)", "28"]
    rows, loose = read_points_sheet(words, 2)
    assert [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows] == [
        ("投入管理", "预算编制", "编制依据", 6, 6), ("投入管理", "预算编制", "编制程序", 6, 4),
        ("投入管理", "资产管理", "账实相符", 8, 7),
        # 资产管理 used the last 8 of 投入管理's 20: 履职成效 opens a new 一级
        ("履职成效", "任务完成", "完成率", 30, 28)]
    assert loose == []


def test_a_number_above_the_labels_points_is_not_its_score():
    rows, loose = read_points_sheet(["规划(10分)", "目标(5分)", "5", "计划(5分)", "8", "审核(3分)", "2"], 1)
    # the 8 is no 得分 of 计划 (5分): the row is there, its 得分 not read
    assert [(r.name, r.weight, r.score) for r in rows] == [
        ("目标", 5, 5), ("计划", 5, None), ("审核", 3, 2)]
    assert [r.level1 for r in rows] == ["规划"] * 3
    assert loose == [4]


def test_the_run_breaking_off_in_a_label_gives_a_cut_row():
    rows, _ = read_points_sheet(["规划(10分)", "目标(5分)", "5", "计划(5分)", "4", "审核执行……"], 1,
                                cut=True)
    assert (rows[-1].name, rows[-1].weight, rows[-1].cut) == ("审核执行", None, True)


# a rubric's rows in a run of words, the levels' points printed before their labels
RUN = ["20", "分)项目决策(12", "分)资金管理分配合理", "6", "6", "使用合规", "6", "5", "(",
       "8", "分)项目产出产出数量", "4", "4", "产出质量", "4", "3", "15", "(", "30",
       "分)项目效益社会效益", "(可选项)", "30", "总分"]


def test_a_headless_rubric_run_reads_its_levels_by_their_sums():
    rows, loose = read_rubric_run(RUN, LEVELS)
    got = [(r.level1, r.level2, r.name, r.weight, r.score) for r in rows]
    assert got[:4] == [
        ("项目决策", "资金管理", "分配合理", 6, 6), ("项目决策", "资金管理", "使用合规", 6, 5),
        ("项目决策", "项目产出", "产出数量", 4, 4), ("项目决策", "项目产出", "产出质量", 4, 3)]
    # 项目决策's 20 is used up: 项目效益 opens a 一级, run into its first row's name; one
    # figure after the row -- 分值 or 得分? -- is not read
    assert got[4] == ("项目效益", "", "社会效益(可选项)", None, None)
    assert dict(rows[4].unread) == {"weight": "ambiguous", "score": "ambiguous"}
    assert len(rows) == 5
    assert 16 in loose  # the page number 15 between two rows is no cell


def test_a_level_run_into_a_name_no_word_list_names_leaves_both_unread():
    run = ["(18", "分)项目决策(6", "分)科学论证必要性", "6", "6", "(12", "分)资金管理使用合规", "6",
           "5", "管理规范", "6", "6"]
    rows, _ = read_rubric_run(run, LEVELS)
    first = rows[0]
    assert (first.name, first.level2, first.weight, first.score) == ("", "", 6, 6)
    assert dict(first.unread) == {"level2": "ambiguous", "name": "ambiguous"}
    assert (rows[1].level2, rows[1].name) == ("资金管理", "使用合规")


def test_points_that_add_up_neither_way_are_no_reading():
    assert read_rubric_run(["甲", "5", "5", "乙", "5", "4", "丙", "3", "3"], LEVELS) is None


PAGE = ("编辑: 某人 | 2019-07-11 |\n"
        "20 分)项目决策(12 分)资金管理分配合理\n6 6 使用合规\n6 5 (\n"
        "8 分)项目产出产出数量\n4 4 产出质量\n4 3 总分\n"
        "二、部门整体 按照要求,本部门对 2017 年整体支出开展绩效自评.\n"
        "2017 年部门整体支出绩效评价得分表 一级指标 二级指标 三级指标 得分 部门决策(25 分) "
        "目标任务(15 分) 相关性(5 分)\n5 明确性(10 分)\n9 预算编制(10 分) 测算依据(10 分)\n8 总分 22\n")


def test_two_rubrics_on_one_page_give_two_cases():
    cases = [f.case for f in import_text(PAGE.encode("utf-8")).forms]
    assert len(cases) == 2
    first, second = cases
    assert [(i.level2, i.name, i.weight, i.score) for i in first.indicators] == [
        ("资金管理", "分配合理", 6, 6), ("资金管理", "使用合规", 6, 5),
        ("项目产出", "产出数量", 4, 4), ("项目产出", "产出质量", 4, 3)]
    assert {i.level1 for i in first.indicators} == {"项目决策"}
    assert [(i.level1, i.level2, i.name, i.weight, i.score) for i in second.indicators] == [
        ("部门决策", "目标任务", "相关性", 5, 5), ("部门决策", "目标任务", "明确性", 10, 9),
        ("部门决策", "预算编制", "测算依据", 10, 8)]
    assert second.project.year == 2017
    assert all(isinstance(i.weight, Decimal) for i in second.indicators)
