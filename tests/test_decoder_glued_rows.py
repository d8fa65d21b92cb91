"""Indicator rows whose cell boundaries were lost (a table flattened a row a line, or the
whole form glued into one run): which readings the decoder takes, and which it leaves unread
(issue 10 §2).  Every row here is constructed, in the shapes tests/corpus/variants.py makes
("glued", "oneline")."""

from __future__ import annotations

from decimal import Decimal

from evalengine.importer.decoder import LINE_END, decode_rows
from evalengine.importer.layouts import Relation

BOUND = (Relation("score", "<=", "weight"),)
CENTRAL = (("target", "actual", "weight", "score", "deviation"),
           ("text", "text", "points", "points", "free"))
WEIGHT_FIRST = (("weight", "target", "actual", "score", "deviation"),
                ("points", "text", "text", "points", "free"))


def rows(text: str, layout=CENTRAL):
    fields, types = layout
    return decode_rows(text, fields, types, BOUND)[0]


def test_a_figure_printed_twice_is_the_weight_and_the_score():
    # 88 is 分值 8 | 得分 8 (full marks), not a 分值 of 88 with a blank 得分, nor an actual
    [row] = rows("培训人员数量≥50个5088" + LINE_END)
    assert row.name == "培训人员数量"
    assert row.values == {"target": "≥50个", "actual": "50", "weight": "8", "score": "8"}
    assert row.ambiguous == ()


def test_a_target_and_actual_printed_twice_are_split_too():
    [row] = rows("指标1完工率1001001010" + LINE_END)
    assert row.values == {"target": "100", "actual": "100", "weight": "10", "score": "10"}


def test_a_zero_printed_twice_is_no_evidence():
    # 00 may be 目标 0 | 完成 0 as well as 分值 0 | 得分 0: left unread, not guessed
    [row] = rows("库存粮食变质比例00" + LINE_END)
    assert not {"weight", "score"} & set(row.values)
    assert {"weight", "score"} <= set(row.ambiguous)


def test_equal_cells_apart_earn_little_and_never_through_a_bare_figure():
    # 分值 first and 得分 last (weight-first layouts): 10 … 10 at full marks is read
    [row] = rows("安装坡面水标尺10≥266米≥266米10" + LINE_END, WEIGHT_FIRST)
    assert row.values == {"weight": "10", "target": "≥266米", "actual": "≥266米", "score": "10"}
    # but 12.51 is not 1 | 2.5 | 1 (a bare figure between could be cut anywhere)
    first = rows("申报的数量12.51" + LINE_END + "2.512.5" + LINE_END, WEIGHT_FIRST)[0]
    assert first.values.get("weight") != "1" and first.values.get("score") != "1"


def test_a_claim_glued_after_the_target_words_is_the_actual():
    [row] = rows("经费支出合规性严格执行相关制度规定达成预期指标88" + LINE_END)
    assert row.values == {"actual": "达成预期指标", "weight": "8", "score": "8"}
    # where the name ends and the target begins is not known: both unread, never guessed
    assert set(row.ambiguous) == {"name", "target"}


def test_a_claim_whose_start_is_not_known_is_not_read():
    # 全面完成 or 完成 (全面 the end of the target)?  An adverb before the verb: unread
    [row] = rows("宣传工作全面完成88" + LINE_END)
    assert "actual" not in row.values and "actual" in row.ambiguous
    # a claim ending the row with no figure after it has no anchor at either end
    [row] = rows("内容符合要求页面清晰质量达到要求" + LINE_END)
    assert "actual" not in row.values


def test_rows_glued_into_one_run_read_the_same_way():
    got = rows("基建工程数量≥50个5088资料合规性严格执行相关制度规定达成预期指标1010")
    assert [r.values for r in got] == [
        {"target": "≥50个", "actual": "50", "weight": "8", "score": "8"},
        {"actual": "达成预期指标", "weight": "10", "score": "10"}]
    assert set(got[1].ambiguous) == {"name", "target"}


def test_a_run_row_with_no_text_cell_read_leaves_its_name_unread():
    # the figures are read, but the words before them may hold the target and the actual
    got = rows("培训人员数量≥50个5088宣传效果效果明显良好55")
    last = got[-1]
    assert last.values.get("weight") == "5" and last.values.get("score") == "5"
    assert "name" in last.ambiguous


def test_a_zero_printed_twice_is_the_target_and_actual_where_nothing_else_could_hold_it():
    # an unscored table (目标值 | 完成值 | 原因): 00 after a name is 0 | 0, a row of its own,
    # not the 原因 of the row before
    got = decode_rows("专户管理率100%100%库存粮食明显变质比例00", ("target", "actual", "deviation"),
                      ("text", "text", "free"))[0]
    assert [(r.name, r.values) for r in got] == [
        ("专户管理率", {"target": "100%", "actual": "100%"}),
        ("库存粮食明显变质比例", {"target": "0", "actual": "0"})]


def test_a_cell_read_right_after_the_name_ends_it():
    # 度量单位 % right after the name: the name holds no target, though none was read
    fields = ("unit", "operator", "target", "actual", "weight", "score")
    types = ("unit", "operator", "text", "text", "points", "points")
    got = decode_rows("培训覆盖率%定量指标100%92%22经费变动率%22", fields, types, BOUND)[0]
    assert got[-1].name == "经费变动率" and got[-1].values["unit"] == "%"
    assert "name" not in got[-1].ambiguous


def test_a_glued_funds_label_is_no_unplaced_cell():
    # 项目资金（万元） opens the funds table: read, its total's 分值 | 执行率 | 得分 kept
    from evalengine.importer import import_text

    text = ("项目支出绩效自评表\n项目名称培训项目\n主管部门某县教育局实施单位某县教育局\n"
            "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额1076%7.6\n"
            "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n"
            "产出指标数量指标培训人数≥50人52人4545\n满意度指标满意度指标学员满意度≥90%95%4545\n"
            "总分97.6\n")
    [form] = import_text(text.encode("utf-8")).forms
    funds = form.case.funds
    assert (funds.claimed_weight, funds.claimed_rate, funds.claimed_score) == (
        10, 76, Decimal("7.6"))
    assert "funds" not in form.case.project.unread
    assert not any(n.kind == "unplaced" and "项目资金" in n.text for n in form.notes)


def test_in_a_run_a_figure_with_its_unit_printed_twice_is_the_target_and_the_actual():
    # 25TB25TB with no line ends: the target and the actual, never target 25 and actual TB
    got = rows("存储备份器25TB25TB1010覆盖率100%100%1010")
    assert [(r.name, r.values) for r in got] == [
        ("存储备份器", {"target": "25TB", "actual": "25TB", "weight": "10", "score": "10"}),
        ("覆盖率", {"target": "100%", "actual": "100%", "weight": "10", "score": "10"})]
    [row] = rows("水标尺宽度10≥50厘米≥50厘米10", WEIGHT_FIRST)
    assert row.values == {"weight": "10", "target": "≥50厘米", "actual": "≥50厘米", "score": "10"}


def test_a_figure_printed_twice_between_words_ends_a_row_in_a_run():
    # …变动率22基础信息完善…: 22 is the 分值 | 得分 of a row of its own, not part of a name
    got = rows("经费变动率22基础信息完善100%100%11预算完成率70%76%22")
    assert [r.name for r in got] == ["经费变动率", "基础信息完善", "预算完成率"]
    # 2 | 2 may be 目标 | 完成 as well as 分值 | 得分: unread, not guessed
    assert got[0].values == {} and {"weight", "score", "target", "actual"} <= set(
        got[0].ambiguous)
    assert got[1].values == {"target": "100%", "actual": "100%", "weight": "1", "score": "1"}


# A layout whose unit cell comes first and whose 分值 sits between target and actual (the
# Chongqing 部门整体 form's printed order): name | unit | target | weight | actual | score
UNIT_FIRST = (("unit", "target", "weight", "actual", "score", "deviation"),
              ("unit", "text", "points", "text", "points", "free"))


def test_an_actual_near_its_target_splits_a_run_of_digits():
    # 901010010: 90 | 10 | 100 | 10 (the actual within 25 % of the target), not 9010 | 10010
    [row] = rows("当期任务完成率%901010010", UNIT_FIRST)
    assert row.name == "当期任务完成率"
    assert row.values == {"unit": "%", "target": "90", "weight": "10", "actual": "100",
                          "score": "10"}
    assert row.ambiguous == ()


def test_a_near_actual_proves_nothing_when_the_row_lost_its_points():
    # 0.910010: 0.9 | 100 | 1 | 0 has its actual near the target, but a row that nearly met
    # it does not score 0; 0.9 | 10 | 0 | 10 fits as well: the figures stay unread
    [row] = rows("森林火灾受害率%0.910010", UNIT_FIRST)
    assert row.name == "森林火灾受害率"
    assert not {"target", "actual", "weight", "score"} & set(row.values)
    assert {"target", "actual", "weight", "score"} <= set(row.ambiguous)


def test_glued_figures_inside_a_name_are_a_row_of_their_own():
    # without line ends, a name never swallows the next rows' figure runs (2810810 …)
    got = rows("天然林管护完成率%901010010国家级公益林管护面积万亩2810810"
               "森林抚育面积万亩2110110", UNIT_FIRST)
    assert [r.name for r in got] == ["天然林管护完成率", "国家级公益林管护面积", "森林抚育面积"]
    # a unit with its magnitude (万亩) is one cell, never 面积万 | 亩
    assert [r.values.get("unit") for r in got] == ["%", "万亩", "万亩"]
    # 28 | 10 | 8 | 10 or 28 | 10 | 81 | 0: nothing said for sure, nothing guessed
    assert got[1].values == {"unit": "万亩"}


def test_a_percent_unit_rules_out_a_four_digit_figure_and_a_weight_of_zero():
    # 90 | 10 | 100 | 10, not 9010 | 10010 (no 9010 %) nor 901 | 0 | 1001 | 0 (no 分值 0)
    [row] = rows("完成率%901010010" + LINE_END, UNIT_FIRST)
    assert row.values["target"] == "90" and row.values["weight"] == "10"


def test_a_glued_total_is_split_by_the_rows_sums():
    from evalengine.importer.decoder import split_total

    # 总分100100注:1.: 分值 100 | 得分 100, as the rows' 分值 and 得分 add up
    assert split_total("100100注:1.", (Decimal(100), Decimal(100))) == ("100", "100")
    # 9088: 90 | 88 where the rows' 得分 sum to 88 (9 | 088 is no reading)
    assert split_total("9088", (None, Decimal(88))) == ("90", "88")
    # 10095.5: 100 | 95.5 against the rows' 分值; nothing the rows confirm is taken
    assert split_total("10095.5", (Decimal(100), None)) == ("100", "95.5")
    assert split_total("10095.5", (Decimal(90), Decimal(80))) is None
    # two splits the sums fit alike (1 | 1 or 11 | … ): none
    assert split_total("111", (None, None)) is None
    assert split_total("注:1.", (Decimal(100), Decimal(100))) is None


# 分值 before the target, no line ends (the Yinchuan 决策/管理 rows): name | 分值 | 指标值 |
# 实际值 | 得分
POINTS_FIRST = (("weight", "target", "actual", "score", "deviation"),
                ("points", "text", "text", "points", "free"))


def test_a_dash_target_and_words_between_the_weight_and_the_score():
    got = rows("项目目标完整性4一目标明确、内容细化、目标量化4项目立项相关性2—按照管理标准进行管理2",
               POINTS_FIRST)
    # 一 after the 分值 is the dash OCR read (the target "—"), the words up to the 得分 the
    # actual, and 4项目… is 4 | 项目…, not a count of 4项
    assert [(r.name, r.values) for r in got] == [
        ("项目目标完整性", {"weight": "4", "target": "—", "actual": "目标明确、内容细化、目标量化",
                      "score": "4"}),
        ("项目立项相关性", {"weight": "2", "target": "—", "actual": "按照管理标准进行管理",
                      "score": "2"})]


def test_words_alone_between_the_weight_and_the_score_may_be_either_text_cell():
    # 可行性 2 实际工作需求 2: the target or the actual? Not shown: both unread
    [row] = rows("可行性2实际工作需求2", POINTS_FIRST)
    assert row.values == {"weight": "2", "score": "2"}
    assert {"target", "actual"} <= set(row.ambiguous)


def test_a_dated_value_printed_twice_is_the_target_and_the_actual():
    [row] = rows("公用经费完成时间52021年12月完成2021年12月完成4", POINTS_FIRST)
    assert row.values == {"weight": "5", "target": "2021年12月完成",
                          "actual": "2021年12月完成", "score": "4"}
