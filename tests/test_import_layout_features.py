"""Layout features for forms whose layout the importer did not know (issue 10 §1, §4).

Every form here is synthetic, written for the test: sub-columns under one header cell, a
header cell broken over lines or with its column tag misread, a rubric printed without its
heading whose categories carry their points.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import import_sheets, import_text
from evalengine.importer.layouts import load_layout
from evalengine.importer.sheets import Sheet
from evalengine.loader import ConfigError
from evalengine.resources import rules_dir


def _case(text: str):
    found = import_text(text.encode("utf-8"), shown="synthetic.txt", stem="synthetic")
    assert len(found.forms) == 1, found.notes
    return found.forms[0]


# a system export whose 预期指标值 and 自评得分 span sub-columns printed on a second header
# line; under 指标分值 the export prints the indicator's explanation, not a figure
SUB_COLUMNS = """\
某某县农业农村局2022年度预算项目绩效自评表
一、基本情况 项目名称: 耕地保护补助 实施(主管)单位 某某县农业农村局
二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)
预算数 120.50 到位数 120.50 执行数 118.00 97.93
其中:财政资金 100.00 其中:财政资金 100.00 其中:财政资金 98.00
其他 20.50 其他 20.50 其他 20.00
四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分
符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分
产出指标 数量指标 补助面积 当年完成补助的耕地面积 >= 1200 亩 1250亩 完成 40.00 40.00 16.00
效益指标 社会效益指标 农户增收 带动农户增加收入的比例 >= 5 % 6% 完成 60.00 60.00 36.00
"""


def test_sub_columns_under_one_header_are_read_as_their_parts():
    form = _case(SUB_COLUMNS)
    assert form.layout == "hebei-export"
    # one 实施(主管)单位 cell: the unit is both the department and the implementer
    assert form.case.project.department == form.case.project.implementer == "某某县农业农村局"
    first, second = form.case.indicators
    assert (first.level1, first.level2, first.name) == ("产出指标", "数量指标", "补助面积")
    assert (first.operator, first.target, first.unit, first.actual) == (">=", "1200", "亩",
                                                                       "1250亩")
    assert (first.item_score, first.weight_share, first.score) == (
        Decimal("40.00"), Decimal("40.00"), Decimal("16.00"))
    assert (second.name, second.target, second.unit, second.score) == (
        "农户增收", "5", "%", Decimal("36.00"))
    # the explanation under 指标分值 is no weight: unread, never blank
    assert first.weight is None and first.unread.reason("weight") == "unreadable"


def test_fund_cells_that_repeat_their_label_are_read_as_pairs():
    funds = _case(SUB_COLUMNS).case.funds
    assert (funds.budget, funds.executed, funds.claimed_rate) == (
        Decimal("120.50"), Decimal("118.00"), Decimal("97.93"))
    assert [(r.source, r.budget, r.executed) for r in funds.rows] == [
        ("财政资金", Decimal("100.00"), Decimal("98.00")),
        ("其他", Decimal("20.50"), Decimal("20.00"))]


def test_sub_columns_in_a_workbook_header_of_two_rows():
    rows = (
        ("某某县2022年度预算项目绩效自评表",) + ("",) * 11,
        ("项目名称", "耕地保护补助") + ("",) * 10,
        ("一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "", "",
         "单项指标实际完成值", "单项指标完成情况", "自评得分", "", ""),
        ("", "", "", "", "符号", "值", "单位(文字描述)", "", "",
         "单项指标得分", "权重占比(%)", "单项指标折算得分"),
        ("产出指标", "数量指标", "补助面积", "40", ">=", "1200", "亩", "1250亩", "完成",
         "100", "40", "40"),
    )
    forms, _ = import_sheets([Sheet("表1", "grid", rows)], shown="synthetic.xlsx",
                             stem="synthetic")
    (row,) = forms[0].case.indicators
    assert (row.name, row.weight, row.operator, row.target, row.unit, row.actual) == (
        "补助面积", Decimal(40), ">=", "1200", "亩", "1250亩")
    assert (row.item_score, row.weight_share, row.score) == (Decimal(100), Decimal(40),
                                                             Decimal(40))


def test_a_part_with_an_unknown_type_is_a_load_error(tmp_path):
    text = (rules_dir() / "layouts" / "hebei-export.toml").read_text(encoding="utf-8")
    bad = tmp_path / "hebei-export.toml"
    bad.write_text(text.replace('type = "operator"', 'type = "operater"', 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_layout(bad)
    assert ".parts[0].type" in str(err.value)


# a header cell broken into words (三级 | 指标) and a column tag OCR misread (指标值(八) for
# 指标值(A)): the labels are still the table's columns
BROKEN_HEADER = """\
某某市本级项目支出绩效自评表(2022年)
项目名称 社区养老服务补助
一级指标 二级指标 三级 指标 指标值(八) 全年实际值(B) 分值 得分
产出指标 数量指标 服务老人人数 300人 320人 20 20
效益指标 社会效益指标 老人生活改善 明显改善 明显改善 30 28
"""


def test_header_labels_broken_or_with_a_misread_tag_are_the_columns():
    form = _case(BROKEN_HEADER)
    first, second = form.case.indicators
    assert (first.name, first.target, first.actual, first.weight, first.score) == (
        "服务老人人数", "300人", "320人", Decimal(20), Decimal(20))
    assert (second.level1, second.name, second.target, second.score) == (
        "效益指标", "老人生活改善", "明显改善", Decimal(28))


# a department rubric one cell per line, printed without its heading or title: the header
# labels alone say it is an indicator table; its header is flattened from two lines (the
# value columns, then 一级 | 二级 | 三级 under 绩效指标) and its cells are broken
# (自评 | 得分); a category comes with its points, broken over lines (综合管 | 理(60分))
RUBRIC = "\n\n".join([
    "某某县妇联2021年度部门决算",
    "绩效指标", "指标分值", "指标解释", "评分标准", "自评", "得分", "备注",
    "一级", "指标", "二级", "指标", "三级", "指标",
    "综合管", "理(60分)", "资金管理(20分)",
    "资金使用合规", "12", "评价资金是否按规定用途使用。", "合规的得12分,否则酌情扣分。", "11", " ",
    "资产登记完整", "8", "评价资产是否全部登记入账。", "完整的得8分。", "8", " ",
    "制度建设(40分)",
    "内控制度健全", "40", "评价内部控制制度是否健全。", "健全的得40分。", "36", " ",
]) + "\n"


def test_a_rubric_without_its_heading_is_read_by_its_header_labels():
    form = _case(RUBRIC)
    rows = [(i.level1, i.level2, i.name, i.weight, i.score) for i in form.case.indicators]
    assert rows == [
        ("综合管理", "资金管理", "资金使用合规", Decimal(12), Decimal(11)),
        ("综合管理", "资金管理", "资产登记完整", Decimal(8), Decimal(8)),
        # 20 + 40 = 60: the second category is a 二级 of the first
        ("综合管理", "制度建设", "内控制度健全", Decimal(40), Decimal(36)),
    ]


# one cell per line, empty cells between rows; the unit printed with its code in brackets
STREAM_FUNDS = "\n".join([
    "绩效目标自评表 |", "(2021年度) |", "项目名称 |", "农村道路养护 |", "主管部门 |",
    "[208]某某县交通运输局 |", "资金情况(万元) |", "全年预算数(A) |", "全年执行数(B) |",
    "分值 |", "执行率(B/A) |", "得分 |", "||", "|",
    "年度资金总额: |", "50 |", "45 |", "10 |", "90% |", "9 |", "||", "|",
    "其中:本年财政拨款 |", "50 |", "45 |", "10 |", "90% |", "9 |", "||", "|",
    "其他资金 |", "|", "|", "|", "|", "|", "||",
]) + "\n"


def test_fund_rows_after_empty_cells_and_a_bracketed_unit_code():
    case = _case(STREAM_FUNDS).case
    assert case.project.department == "某某县交通运输局"
    assert (case.funds.budget, case.funds.executed) == (Decimal(50), Decimal(45))
    first, other = case.funds.rows
    assert (first.source, first.budget, first.executed) == ("本年财政拨款", Decimal(50),
                                                            Decimal(45))
    assert other.source == "其他资金" and other.budget is None


def test_a_label_only_one_layout_reads_is_not_read_on_other_forms():
    head = "部门 | 某某县林业局 |\n年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    dept = _case("部门整体支出绩效自评表 |\n(2023年度) |\n" + head).case
    assert dept.project.name == "某某县林业局"  # the 部门 cell names a 部门整体 form
    project = _case("项目支出绩效自评表 |\n项目名称 | 林区道路维护 |\n" + head).case
    assert project.project.name == "林区道路维护"
    assert "某某县林业局" not in (project.project.name, project.project.department,
                                  project.project.implementer)


# a header label no layout knows (本期达成数值, where a 实际完成值 would be): its column is read
# as unknown, its cells reported, and the 完成值 the form may print there is unread, never
# blank, so no rule reports a form whose actuals were never filled in
UNKNOWN_LABEL = """\
某某县2022年度项目支出绩效自评表
项目名称 乡村公厕管护
一级指标 二级指标 三级指标 年度指标值 本期达成数值 分值 得分
产出指标 数量指标 管护公厕数 50座 52座 30 30
效益指标 社会效益指标 群众反映良好 良好 良好 20 18
"""


def test_an_unknown_header_label_leaves_the_lacking_column_unread():
    from evalengine.engine import Engine
    from evalengine.findings import Severity
    from evalengine.report import CaseResult

    form = _case(UNKNOWN_LABEL)
    first, second = form.case.indicators
    assert (first.name, first.target, first.weight, first.score) == (
        "管护公厕数", "50座", Decimal(30), Decimal(30))
    assert (second.name, second.weight, second.score) == ("群众反映良好", Decimal(20),
                                                          Decimal(18))
    assert first.actual == "" and first.unread.reason("actual") == "unplaced"
    assert "本期达成数值" in [n.text for n in form.notes]
    result = Engine.build().score("synthetic.toml", form.case)
    assert isinstance(result, CaseResult)
    assert "S212" not in {f.code for f in result.findings if f.severity == Severity.ERROR}


def test_a_fund_evaluation_form_titled_with_its_unit_and_year():
    # a transfer payment's 资金绩效评价表 (no 自评 in its title) is a form; its name is the
    # fund's, after the unit and the year
    found = import_text("某某县水利局2023年度水利发展资金绩效评价表\n资金投入情况\n年度资金总额 10 8\n"
                        .encode("utf-8"), shown="synthetic.txt", stem="synthetic")
    (form,) = found.forms
    assert form.case.project.name == "水利发展资金"
    assert form.case.project.year == 2023


def test_a_first_level_label_with_its_points_cuts_a_glued_run():
    from evalengine.importer.labels import split_categories
    from evalengine.importer.recognise import _l1_with_points

    pieces = _l1_with_points(split_categories(
        "项目决策(10分)立项依据充分3一依据充分3顼目管理(20分)资金到位率5一100%5"))
    assert pieces == [("l1", "项目决策(10分)"), ("text", "立项依据充分3一依据充分3"),
                      ("l1", "项目管理(20分)"), ("text", "资金到位率5一100%5")]


def test_a_title_closing_with_its_year_in_brackets():
    form = _case("某某市本级部门项目支出绩效自评表(2021年)\n项目名称 校舍维修\n"
                 "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                 "产出指标 数量指标 维修面积 500平方米 520平方米 20 20\n")
    assert form.case.project.year == 2021


def test_narrative_labels_side_by_side_are_a_header_row_not_a_value():
    form = _case("某某县2022年度项目支出绩效自评表\n项目名称 农机购置补贴\n"
                 "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                 "产出指标 数量指标 补贴台数 100台 110台 50 50\n"
                 "资金管理情况 情况说明 存在问题 改进措施 行次 1 资金分配规范性 按办法分配\n")
    assert form.case.narrative.measures == ""
    assert "行次" in [n.text for n in form.notes]


def test_an_unknown_header_cell_in_a_workbook_leaves_the_lacking_column_unread():
    rows = (
        ("某某县2022年度项目支出绩效自评表", "", "", "", "", "", ""),
        ("项目名称", "乡村公厕管护", "", "", "", "", ""),
        ("一级指标", "二级指标", "三级指标", "年度指标值", "本期达成数值", "分值", "得分"),
        ("产出指标", "数量指标", "管护公厕数", "50座", "52座", "30", "30"),
    )
    forms, _ = import_sheets([Sheet("表1", "grid", rows)], shown="synthetic.xlsx",
                             stem="synthetic")
    (row,) = forms[0].case.indicators
    assert (row.target, row.weight, row.score) == ("50座", Decimal(30), Decimal(30))
    assert row.actual == "" and row.unread.reason("actual") == "unplaced"


def test_a_template_filler_run_on_after_a_glued_row_is_no_deviation():
    text = ("某某县2022年度项目支出绩效自评表项目名称农村饮水安全维修养护主管部门某某县水利局"
            "实施单位某某县水利局一级指标二级指标三级指标年度指标值实际完成值分值得分"
            "未完成原因分析及改进措施产出指标数量指标维修供水工程数量12处12处2020指标2:"
            "质量指标工程验收合格率95%98%3030指标2:\n")
    rows = _case(text).case.indicators
    assert [(r.name, r.target, r.weight, r.score, r.deviation) for r in rows] == [
        ("维修供水工程数量", "12处", Decimal(20), Decimal(20), ""),
        ("工程验收合格率", "95%", Decimal(30), Decimal(30), "")]


def test_a_name_with_its_points_in_a_target_table_is_a_row_not_a_category():
    text = "\n".join(c + " |" for c in [
        "项目支出绩效自评表", "项目名称", "职业技能培训", "一级指标", "二级指标", "三级指标",
        "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "质量指标", "培训质量(10分)", "明显提升", "明显提升", "10", "10",
        "时效指标", "按时完成率(10分)", "按期完成", "按期完成", "10", "9",
    ]) + "\n"
    rows = _case(text).case.indicators
    assert [(r.level2, r.name, r.target, r.score) for r in rows] == [
        ("质量指标", "培训质量(10分)", "明显提升", Decimal(10)),
        ("时效指标", "按时完成率(10分)", "按期完成", Decimal(9))]


def test_a_funds_label_before_a_bracketed_figure_is_still_the_header():
    # 得分 (20 分*执行率): a header cell broken before its formula, not a label | figure pair
    case = _case("2020年度项目自评表\n项目名称 外贸发展资金\n预算执行情况(万元) (20分) 预算数 (A) "
                 "执行数(B) 执行率(B/A) 得分 (20 分*执行率) 285.84 285.84 100% 20\n").case
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (
        Decimal("285.84"), Decimal("285.84"), Decimal(100))
