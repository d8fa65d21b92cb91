"""Shapes of flattened text the recogniser reads by general mechanisms (issue 10 §2, §3):
synthetic forms, none copied from the corpus."""

from __future__ import annotations

from decimal import Decimal

from evalengine.importer import import_text


def _form(text: str):
    imported = import_text(text.encode("utf-8"))
    (form,) = imported.forms
    return form


def test_weight_between_target_and_actual_anchors_each_row():
    """目标值 | 权重 | 实际完成值 | 自评分 in words, a score glued to the next name, a cell
    broken by a space, and category cells printed in the middle of their rows."""
    form = _form(
        "某市财政支出项目绩效自评表 项目名称 道路养护 项目年份 2020项目主管部门(单位) 某市交通局\n"
        "项目 类别 指标名称 目标值 权重 实际完成 值 自评分甲指标 合规 5 好 5乙指标 按时 5 好 4"
        "产出目标(20 分)丙指标 及时,整 洁 10 及时,整 洁 10结果目标(10分)丁指标 95% 10 96% 10 合计 29")
    case = form.case
    assert case.project.name == "道路养护"
    assert case.project.year == 2020
    assert case.project.department == "某市交通局"
    rows = [(i.level1, i.name, i.target, i.weight, i.actual, i.score) for i in case.indicators]
    assert rows == [
        ("产出目标", "甲指标", "合规", Decimal(5), "好", Decimal(5)),
        ("产出目标", "乙指标", "按时", Decimal(5), "好", Decimal(4)),
        ("产出目标", "丙指标", "及时,整洁", Decimal(10), "及时,整洁", Decimal(10)),
        ("结果目标", "丁指标", "95%", Decimal(10), "96%", Decimal(10)),
    ]


def test_a_category_whose_weights_do_not_add_up_places_no_row():
    form = _form(
        "某市财政支出项目绩效自评表 项目名称 X\n"
        "项目类别 指标名称 目标值 权重 实际完成值 自评分 投入目标(30分)甲指标 合规 5 好 5"
        "乙指标 按时 5 好 4 合计 9")
    assert [i.level1 for i in form.case.indicators] == ["", ""]
    assert all(dict(i.unread.items).get("level1") == "unplaced" for i in form.case.indicators)


def test_numbered_pipe_rows_broken_over_lines_are_joined():
    form = _form(
        "2023年度部门整体支出绩效评价自评表\n单位 | |\n序号 | 一级 指标 |\n二级 指标 |\n三级 指标 |\n"
        "指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |\n"
        "1 | 规划 (15分) |\n基础 (3分) | 基础信息 完整性 | 3 | 说明一 | 标准一 |\n3 |\n"
        "2 | 计划 (6分) | 计划完整性 | 3 | 说明二 | 标准二 | 2 | |\n"
        "3 | 计划明确性 | 3 | 说明三 | 标准三 | 3 | |\n合计 | 8 |\n")
    rows = [(i.level1, i.level2, i.name, i.weight, i.score) for i in form.case.indicators]
    assert rows == [
        ("规划", "基础", "基础信息完整性", Decimal(3), Decimal(3)),
        ("规划", "计划", "计划完整性", Decimal(3), Decimal(2)),
        ("规划", "计划", "计划明确性", Decimal(3), Decimal(3)),
    ]
    assert form.case.project.name != "2023年度部门整体"


def test_a_title_with_a_bare_year_opens_a_form():
    form = _form("项目支出绩效自评表2017\n一些文字 只有这些\n")
    assert form.case.project.review or form.case.project.unread.items


def test_scrambled_operator_word_is_put_back_and_only_that():
    from evalengine.importer.recognise import _unscramble

    words = ("定量指标", "定性指标")
    assert _unscramble("管理制度健全性性标定指高高100%", words) == "管理制度健全性定性指标高高100%"
    assert _unscramble("定量指标100%", words) == "定量指标100%"
    assert _unscramble("指标定义明确", words) == "指标定义明确"


def test_funds_label_points_are_the_claimed_weight():
    """A 20/80 form prints its budget points only in the section label: they are what the
    form claims (funds.claimed_weight), whether or not the layout's profile knows them; a
    block with a 分值 column of its own does not take them from the label."""
    text = ("项目支出绩效自评表\n项目名称 X\n预算执行情况(万元)(20分) 预算数(A) 执行数(B) "
            "执行率(B/A) 得分(20分*执行率)\n年度财政资金总额 50 40 80% 16\n")
    assert _form(text).case.funds.claimed_weight == Decimal(20)
    central = ("项目支出绩效自评表\n项目名称 X\n项目资金(万元)(10分) 年初预算数 全年预算数 全年执行数 "
               "分值 执行率 得分\n年度资金总额 50 50 40 8 80% 6.4\n")
    assert _form(central).case.funds.claimed_weight == Decimal(8)


def test_a_unit_and_a_stray_glyph_run_into_the_name_leave_the_target_unread():
    from evalengine.importer.recognise import _unit_in_name

    assert _unit_in_name({"name": "组织宣传活动次数次到"}) == ("组织宣传活动次数", "次")
    assert _unit_in_name({"name": "年度培训人次"}) is None  # a name that ends in a unit
    assert _unit_in_name({"name": "组织宣传活动次数次到", "unit": "次"}) is None
    assert _unit_in_name({"name": "管理制度健全性"}) is None
