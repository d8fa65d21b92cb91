"""Forms whose text came from OCR of an image or a document preview and lost its cell
boundaries: the mechanisms that read them (line wraps, OCR junk, a 分值 before the 指标值, the
table's own arithmetic and shape), each on a small constructed input, and what is left unread."""

from __future__ import annotations

from decimal import Decimal

from evalengine.importer import import_text
from evalengine.importer.decoder import (LINE_END, decode_lost_head, decode_rows, junk_cell,
                                         labels_at_line_start, ocr_operator_doubt,
                                         settle_table, unreadable_operator)
from evalengine.importer.glued import cut
from evalengine.importer.labels import split_categories
from evalengine.importer.layouts import Column, Relation
from evalengine.importer.normalise import normalise_text

BOUND = (Relation("score", "<=", "weight"),)
WEIGHT_FIRST = (("weight", "target", "actual", "score", "deviation"),
                ("points", "text", "text", "points", "free"))


def rows(text: str):
    return decode_rows(text, *WEIGHT_FIRST, BOUND)[0]


# -- line ends ---------------------------------------------------------------------------

def test_line_ends_inside_rows_are_wraps_not_row_ends():
    # labels standing inside the lines: the text wrapped anywhere, the line ends are dropped
    run = (f"数量指标培训人数6120人1{LINE_END}20人6质量指标合格率6≥95%≥95%6"
           f"时效指标完成时间6{LINE_END}12月底12月底6")
    pieces = labels_at_line_start(split_categories(run))
    assert [k for k, _ in pieces] == ["l2", "text", "l2", "text", "l2", "text"]
    assert all(LINE_END not in t for _, t in pieces)
    # a table flattened a row a line keeps them: its labels start the lines
    rowwise = f"数量指标培训人数6120人120人6{LINE_END}质量指标合格率6≥95%≥95%6"
    assert any(LINE_END in t for _, t in labels_at_line_start(split_categories(rowwise)))


def test_a_line_end_inside_a_run_of_figures_is_a_wrap():
    run = f"数量指标申报数量是否完成12.51{LINE_END}2.512.5"
    assert all(LINE_END not in t for _, t in labels_at_line_start(split_categories(run)))
    # a row a line whose next row's name starts with a date or a count is not cut
    rowwise = f"数量指标道路长度1010{LINE_END}2022年完成情况55"
    assert any(LINE_END in t for _, t in labels_at_line_start(split_categories(rowwise)))


# -- cells OCR garbled -------------------------------------------------------------------

def test_junk_glyphs_before_a_figure_are_placed_but_unread():
    [row] = rows("培训覆盖率6≥80%^80%6")
    assert row.values["weight"] == "6" and row.values["score"] == "6"
    assert junk_cell(row.values["actual"])
    assert junk_cell("7=60%") and not junk_cell("≥60%") and not junk_cell("60%")


def test_a_junk_actual_is_left_unread_by_the_importer():
    [form] = import_text(_ningxia(row="指标1培训覆盖率6≥80%^80%6").encode(), stem="t").forms
    ind = form.case.indicators[0]
    assert ind.target == "≥80%" and ind.actual == "" and ind.score == 6
    assert dict(ind.unread.items)["actual"] == "unreadable"


def test_an_actual_printed_like_an_unreadable_target_is_unreadable_too():
    [form] = import_text(_ningxia(row="指标1增收幅度6工5%工5%6").encode(), stem="t").forms
    ind = form.case.indicators[0]
    assert ind.target == "" and ind.actual == ""
    unread = dict(ind.unread.items)
    assert unread["target"] == unread["actual"] == "unreadable"


def test_a_known_word_and_a_unit_before_a_figure_is_no_junk():
    assert not unreadable_operator("每亩300")
    assert not unreadable_operator("每人5")
    assert unreadable_operator("到0次")


def test_a_2_before_a_zero_is_a_digit_not_a_misread_operator():
    assert not ocr_operator_doubt("200万粒")
    assert not ocr_operator_doubt("2021年")
    assert ocr_operator_doubt("2100人")
    assert ocr_operator_doubt("20.5%")


def test_ocr_percent_look_alikes_are_corrected_where_the_context_says_so():
    assert normalise_text("群众知晓度8250%完成").text == "群众知晓度8≥50%完成"  # a 分值 before it
    assert normalise_text("设备完好率290$").text == "设备完好率≥90%"  # $ for %, 2 for ≥
    # no rate, degree or satisfaction before it: left alone
    assert normalise_text("收入增长8250%").text == "收入增长8250%"


# -- cells of a 分值-first row -----------------------------------------------------------

def test_a_yes_target_and_a_claim_actual_glued():
    [row] = rows("制度健全完善6是基本完成5")
    assert row.values == {"weight": "6", "target": "是", "actual": "基本完成", "score": "5"}


def test_a_target_stated_in_words_and_a_figure():
    [row] = rows("指标1检测合格6检测样品合格率≥95%≥95%6")
    assert row.name == "指标1检测合格"
    assert row.values["target"] == "检测样品合格率≥95%" and row.values["actual"] == "≥95%"
    # a bare number after words is the next row's 分值, never a target's figure
    names = [r.name for r in rows("可行性2论证充分2必要性2需求明确2")]
    assert names == ["可行性", "必要性"]


def test_a_words_column_between_figures_ends_at_the_first_figure():
    fields = ("weight", "target", "actual", "method", "score", "deviation")
    types = ("points", "text", "text", "free", "points", "free")
    [row] = decode_rows("申报的数量完成率10100%100%完成值达到指标值记满分9", fields, types,
                        BOUND)[0]
    assert row.values["method"] == "完成值达到指标值记满分" and row.values["score"] == "9"


# -- the table's shape -------------------------------------------------------------------

def test_a_row_lacking_the_figures_every_sure_row_has_is_left_unread():
    text = ("指标1发放种子5100吨100吨5指标2建设基地52000亩2000亩5"
            "指标3示范田5300亩300亩5指标4推广面积9000亩9635.5亩")
    pieces = [rows(text)]
    last = settle_table(pieces, *WEIGHT_FIRST, BOUND)[0][-1]
    assert last.name == "指标4推广面积" and last.values == {}
    assert {"weight", "target", "actual", "score"} <= set(last.ambiguous)
    # without such evidence (too few sure rows) the row is kept as read
    few = [rows("指标1发放种子5100吨100吨5指标4推广面积9000亩9635.5亩")]
    assert settle_table(few, *WEIGHT_FIRST, BOUND)[0][-1].values


def test_a_points_tagged_label_among_tagged_一级_is_a_一级():
    pieces = split_categories("产出指标(60分)数量指标甲5是是5满意度指标(10分)服务对象满意度乙")
    assert pieces[3] == ("l1", "满意度指标(10分)")
    # where 二级 labels carry points too, the tag says nothing
    mixed = split_categories("产出指标(60分)数量指标(30分)甲满意度指标(10分)乙")
    assert ("l2", "满意度指标(10分)") in mixed


def test_a_numbering_a_label_may_have_eaten_leaves_the_name_unread():
    [form] = import_text(_ningxia(row="指标1发放种子5100吨100吨5生态效益指标1减少农药5是是5").encode(),
                         stem="t").forms
    eco = form.case.indicators[-1]
    assert eco.level2 == "生态效益指标" and eco.weight == 5
    assert dict(eco.unread.items).get("name") == "ambiguous"


# -- the header and the funds --------------------------------------------------------------

def _ningxia(row: str = "指标1发放种子5100吨100吨5", funds: str = "") -> str:
    funds = funds or ("资金情况(万元)年度资金总额全年预算数(A)120全年执行数(B)执行率(B/A)"
                      "其中:中央补助自治区补助120万元\n96万元\n80%市县资金")
    return ("某某示范推广项目绩效目标自评表(2023年度)项目总得分95分项目名称某某示范推广项目"
            "项目实施单位/项目负责人某县推广站/王某自治区主管部门农业农村厅专项实施期2023年1月-"
            "2023年12月市县财政部门某县财政局市县主管部门某县农业农村局" + funds +
            "年度总体目标推广良种绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分"
            "未完成原因及改进措施产出指标(50分)数量指标" + row)


def test_a_header_printed_at_two_levels_is_read_at_the_lower_one():
    [form] = import_text(_ningxia().encode(), stem="t").forms
    project = form.case.project
    assert project.department == "某县农业农村局"
    assert project.implementer == "某县推广站"  # 单位/负责人: the unit's part
    assert form.case.narrative.claimed_total == 95


def test_a_department_printed_at_the_upper_level_only_is_read():
    text = _ningxia().replace("市县主管部门某县农业农村局", "")
    [form] = import_text(text.encode(), stem="t").forms
    assert form.case.project.department == "农业农村厅"


def test_the_total_label_before_the_header_and_its_figure_under_its_column():
    [form] = import_text(_ningxia().encode(), stem="t").forms
    funds = form.case.funds
    assert funds.budget == Decimal("120")
    row = next(r for r in funds.rows if r.source == "自治区补助")
    assert (row.budget, row.executed) == (Decimal("120"), Decimal("96"))


def test_a_label_tag_glued_to_the_figure_after_it_goes_back_to_the_label():
    cells = cut("资金情况(万元)全年预算数(A)300全年执行数(B)")
    assert cells[1:] == ["全年预算数(A)", "300", "全年执行数(B)"]


def test_a_funds_label_running_into_a_units_name_is_no_label():
    # rules/prose.toml unit_suffixes: 局, 办公室, 委员会 …, not only 局 and 厅
    assert "县财政" not in cut("主管部门某县财政局实施单位某县财政办公室资金情况")
    assert cut("年度资金总额100县财政100")[-2:] == ["县财政", "100"]


def test_a_run_that_lost_its_first_digits_reads_its_tail_by_the_arithmetic():
    columns = (Column("initial_budget", "money"), Column("budget", "money"),
               Column("executed", "money"), Column("rate", "percent"),
               Column("weight", "points"), Column("score", "points"))
    rels = (Relation("rate", "/", "executed", "budget"), Relation("score", "*", "weight", "rate"),
            Relation("score", "<=", "weight"))
    assert decode_lost_head(".5.08.590.00109.00", columns, rels) == {
        "rate": "90.00%", "weight": "10", "score": "9.00"}
    assert decode_lost_head(".5.08.5", columns, rels) is None  # no tail the arithmetic picks


def test_a_misread_label_is_cut_out_of_an_ocr_text_only():
    text = "实施单位自评得分98财政审1度评分某市第一中学项目资金"
    assert cut(text, ocr=True)[3:5] == ["财政审核评分", "某市第一中学"]
    assert "财政审核评分" not in cut(text)  # typed text: what is there is what was typed
    assert junk_cell("M.8万元") and not junk_cell("PM2.5")


def test_a_label_with_its_points_tag_is_no_header_value():
    text = ("某区林业局2023年度部门整体绩效自评表主管部门某区林业局部门联系人张某联系电话"
            "自评总分(分)96.5年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分"
            "年度总金额100100100100%1010其中:财政拨款100100100绩效指标指标名称计量单位指标性质"
            "指标值指标权重(分)全年完成值指标得分(分)森林覆盖率%≥5010≥5010")
    [form] = import_text(text.encode(), stem="t").forms
    assert form.case.narrative.claimed_total == Decimal("96.5")


def test_i_and_l_read_for_1_inside_a_number_only():
    assert normalise_text("运行经费I10000元").text == "运行经费110000元"
    assert normalise_text("第l2期").text == "第12期"
    assert normalise_text("ISO9001认证 PM2.5 I级").text == "ISO9001认证 PM2.5 I级"


def test_a_funds_run_that_lost_its_head_in_a_form_leaves_its_money_unread():
    text = ("某区林业局2023年度部门整体绩效自评表主管部门某区林业局部门联系人张某联系电话"
            "自评总分(分)96.5年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分"
            "年度总金额.5.08.5其中:财政拨款.5.08.590.00109.00绩效指标指标名称计量单位指标性质"
            "指标值指标权重(分)全年完成值指标得分(分)森林覆盖率%≥5010≥5010")
    [form] = import_text(text.encode(), stem="t").forms
    funds = form.case.funds
    # the 执行率 | 权重 | 得分 cells span the rows: the total's, printed after its 其中 row
    assert (funds.claimed_rate, funds.claimed_weight, funds.claimed_score) == (
        Decimal("90.00"), 10, Decimal("9.00"))
    assert funds.budget is None and dict(funds.unread.items)["budget"] == "unreadable"
    assert all(dict(r.unread.items).get("executed") == "unreadable" for r in funds.rows)
