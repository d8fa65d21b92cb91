"""Tables whose flattening dropped the blank cells (web pages printing ``a | b |`` rows, PDF
text, copy-paste): cells placed by type and arithmetic, and by what the table's other rows
show (issue 10 §2).  Where two readings fit equally the fields stay unread."""

from __future__ import annotations

from evalengine.importer import import_text
from evalengine.importer.decoder import decode_cells
from evalengine.importer.layouts import load_layouts, relations


def _funds(layout_id: str):  # type: ignore[no-untyped-def]
    block = next(lay for lay in load_layouts() if lay.id == layout_id).block("funds")
    return block.columns, relations(block)


# -- a funds row whose 执行率 is printed blank --------------------------------------------

def test_a_blank_rate_is_derived_to_check_the_score():
    """880 | 880 | 880 | 10 | 10 under 年初 | 全年预算 | 全年执行 | 分值 | 执行率 | 得分: the
    执行率 is 880 / 880 = 100 %, so 得分 = 分值 × 执行率 holds for 10 | 10 as 分值 | 得分; a
    10 % 执行率 would not fit 880 / 880."""
    got = decode_cells(["880", "880", "880", "10", "10"], *_funds("central-2020"))
    assert got.values == {"initial_budget": "880", "budget": "880", "executed": "880",
                          "weight": "10", "score": "10"}
    assert got.ambiguous == ()


def test_a_derived_rate_that_breaks_the_score_is_no_evidence():
    """9 | 10 under a rate of 50 / 100: 10 × 50 % is not 9 -- and nothing else tells 分值 from
    执行率 from 得分: the two figures stay unread."""
    got = decode_cells(["100", "100", "50", "9", "10"], *_funds("central-2020"))
    assert not {"weight", "score", "rate"} & set(got.values)


def test_without_budget_and_spending_nothing_is_derived():
    got = decode_cells(["880", "10", "10"], *_funds("central-2020"))
    assert "weight" not in got.values and "score" not in got.values


def test_a_funds_row_with_a_blank_rate_is_imported():
    text = ("项目支出绩效自评表\n项目名称 河道保洁\n项目资金 (万元) 年初预算数 全年预算数(A) "
            "全年执行数(B) 分值 执行率(B/A) 得分\n年度资金总额: 60 60 45 10 7.5\n"
            "年度总体目标 预期目标 实际完成情况\n")
    [form] = import_text(text.encode("utf-8")).forms
    funds = form.case.funds
    assert (funds.budget, funds.executed) == (60, 45)
    assert (funds.claimed_weight, funds.claimed_score) == (10, 7.5)
    assert funds.claimed_rate is None


# -- rows whose cells fit several assignments: settled by the table's sure rows ----------

PIPE_HEAD = ("项目支出绩效自评表 |\n项目名称 | 河道保洁 |\n"
             "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | "
             "偏差原因分析及改进措施 |\n")
SURE = ("产出指标 | 数量指标 | 培训人数 | ≥50人 | 52人 | 8 | 8 |\n"
        "时效指标 | 完成时间 | 12月 | 12月 | 5 | 4 |\n"
        "成本指标 | 成本 | ≤10万元 | 9万元 | 5 | 5 |\n")


def _pipe(rows: str):  # type: ignore[no-untyped-def]
    [form] = import_text((PIPE_HEAD + rows + "总分 | 100 | 99 |\n").encode("utf-8")).forms
    return form.case.indicators


def _unread(row) -> set[str]:  # type: ignore[no-untyped-def]
    return {f for f, _ in row.unread}


def test_a_bare_pair_is_read_as_the_table_reads_its_rows():
    """2 | 2 fits 目标 | 完成 and 分值 | 得分; every one of the three rows read without doubt
    fills 分值 and 得分, so this one does too."""
    rows = _pipe(SURE + "质量指标 | 经费变动率 | 2 | 2 |\n")
    row = rows[3]
    assert (row.name, row.target, row.actual, row.weight, row.score) == (
        "经费变动率", "", "", 2, 2)
    assert not {"target", "actual", "weight", "score"} & _unread(row)


def test_two_sure_rows_are_not_enough():
    rows = _pipe("产出指标 | 数量指标 | 培训人数 | ≥50人 | 52人 | 8 | 8 |\n"
                 "质量指标 | 经费变动率 | 2 | 2 |\n"
                 "时效指标 | 完成时间 | 12月 | 12月 | 5 | 4 |\n")
    assert rows[1].weight is None and rows[1].target == ""
    assert {"target", "actual", "weight", "score"} <= _unread(rows[1])


def test_sure_rows_that_do_not_all_fill_the_points_settle_nothing():
    rows = _pipe(SURE + "质量指标 | 覆盖率 | 100% | 100% |\n" + "质量指标 | 经费变动率 | 2 | 2 |\n")
    assert rows[4].weight is None
    assert {"target", "actual", "weight", "score"} <= _unread(rows[4])


def test_what_the_sure_rows_do_not_decide_stays_unread():
    """95% | 5 | 5: 5 | 5 is 分值 | 得分 by the sure rows, but 95% is the target or the
    actual -- nothing tells which."""
    row = _pipe(SURE + "质量指标 | 合格率 | 95% | 5 | 5 |\n")[3]
    assert (row.weight, row.score) == (5, 5)
    assert row.target == "" and row.actual == ""
    assert {"target", "actual"} <= _unread(row)


# -- words: rows with fewer cells than the header ------------------------------------------

WORDS_HEAD = ("项目支出绩效自评表\n项目名称 河道保洁\n年度绩效指标完成情况 一级指标 二级指标 三级指标 "
              "年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n")


def _words(rows: str):  # type: ignore[no-untyped-def]
    [form] = import_text((WORDS_HEAD + rows + "总分 100 100\n").encode("utf-8")).forms
    return form.case.indicators


def test_a_words_row_that_prints_only_its_points():
    rows = _words("产出指标 数量指标 培训人数 50 52 10 10\n"
                  "质量指标 指标1:工程质量合格 10 10\n"
                  "时效指标 完成时间 12月 12月 10 10\n"
                  "成本指标 成本 10万元 9万元 10 10\n")
    assert [r.name for r in rows] == ["培训人数", "指标1:工程质量合格", "完成时间", "成本"]
    assert (rows[1].target, rows[1].actual, rows[1].weight, rows[1].score) == ("", "", 10, 10)
    assert rows[1].level2 == "质量指标"


def test_a_words_row_that_prints_only_two_figures_alone_stays_unread():
    rows = _words("产出指标 数量指标 培训人数 50 52 10 10\n质量指标 指标1:工程质量合格 10 10\n")
    assert rows[1].name == "指标1:工程质量合格"
    assert rows[1].weight is None and {"weight", "score", "target", "actual"} <= _unread(rows[1])


def test_a_level1_with_its_points_on_the_next_line():
    """满意度指标 | (10分): the 一级 cell, its points printed under its label."""
    rows = _words("产出指标 数量指标 培训人数 50 52 10 10\n"
                  "满意度指标\n(10分)\n服务对象满意度指标 满意度 90% 95% 10 10\n")
    assert (rows[1].level1, rows[1].level2) == ("满意度指标", "服务对象满意度指标")


def test_a_level1_printed_as_its_points_only_is_unread_not_blank():
    rows = _words("(50分)\n数量指标 培训人数 50 52 10 10\n质量指标 合格率 90% 95% 10 10\n"
                  "效益指标 社会效益指标 知晓率 90% 95% 10 10\n")
    assert rows[0].level1 == "" and "level1" in _unread(rows[0])
    assert "level1" in _unread(rows[1])
    assert rows[2].level1 == "效益指标" and "level1" not in _unread(rows[2])


def test_a_filler_row_marked_not_applicable_is_an_empty_level2_line():
    rows = _words("产出指标 数量指标 培训人数 50 52 10 10\n生态效益指标 指标1:/ / /\n"
                  "社会效益指标 知晓率 90% 95% 10 10\n")
    assert [(r.level2, r.name) for r in rows] == [
        ("数量指标", "培训人数"), ("生态效益指标", ""), ("社会效益指标", "知晓率")]


def test_a_column_no_sure_row_fills_takes_no_disputed_cell():
    """名称 | 词 | 词: 目标 | 完成, 目标 | 偏差原因 or 完成 | 偏差原因?  No sure row of the table
    fills 偏差原因: the two are the target and the actual."""
    row = _pipe(SURE + "质量指标 | 社会环境 | 全力维护社会稳定 | 社会发展平稳 |\n")[3]
    assert (row.target, row.actual, row.deviation) == ("全力维护社会稳定", "社会发展平稳", "")
    assert not {"target", "actual", "deviation"} & _unread(row)


def test_a_name_printed_again_as_the_value():
    """美化环境 | 美化环境 | 美化环境: the name, then the target and the actual printed alike."""
    [row] = _pipe("效益指标 | 社会效益指标 | 美化环境。 | 美化环境。 | 美化环境。 |\n")
    assert (row.name, row.target, row.actual) == ("美化环境。", "美化环境。", "美化环境。")
    assert not {"target", "actual"} & _unread(row)


# -- merged category cells no vocabulary names, printed on their first row only ------------

def test_category_words_no_vocabulary_names_are_read_from_the_right():
    rows = _pipe("规划 | 基础信息 | 基础信息完整性 | 3 | 3 |\n"
                 "工作计划 | 年度工作计划完整性 | 3 | 3 |\n"
                 "年度工作计划明确性 | 3 | 3 |\n"
                 "执行 | 预算执行 | 预算执行率 | 5 |\n")
    assert [(r.level1, r.level2, r.name) for r in rows] == [
        ("规划", "基础信息", "基础信息完整性"), ("规划", "工作计划", "年度工作计划完整性"),
        ("规划", "工作计划", "年度工作计划明确性"), ("执行", "预算执行", "预算执行率")]
    assert all(r.target == "" and r.actual == "" for r in rows)
    # 3 | 3 after a name is 目标 | 完成 or 分值 | 得分, and no row shows which: unread
    assert rows[0].weight is None and {"target", "weight"} <= _unread(rows[0])


def test_words_that_may_be_values_keep_the_row_as_read():
    """A word printed twice is a target and its actual: the words are not categories."""
    rows = _pipe("规划 | 达标 | 达标 | 3 | 3 |\n年度工作计划明确性 | 3 | 3 |\n")
    assert rows[0].name == "规划" and rows[0].level1 == ""


def test_rows_that_all_print_as_many_words_are_not_categories():
    rows = _pipe("规划 | 基础信息 | 基础信息完整性 | 3 | 3 |\n"
                 "执行 | 预算执行 | 预算执行率 | 5 | 5 |\n")
    assert [r.name for r in rows] == ["规划", "执行"]


def test_a_label_both_level1_and_level2_opens_a_level1_not_listed_under_the_current():
    """满意度指标 is a 一级 and a 二级; under 产出指标 the taxonomy lists no such 二级, so the
    row opens the 一级 满意度指标 (its 二级 the cell after it)."""
    rows = _pipe(SURE + "满意度指标 | 服务对象满意度 | 抽样调查满意度 | 90% | 95% | 10 | 10 |\n")
    assert (rows[3].level1, rows[3].level2, rows[3].name) == (
        "满意度指标", "服务对象满意度", "抽样调查满意度")
    assert (rows[3].target, rows[3].actual) == ("90%", "95%")


def test_a_row_starting_with_a_compared_figure_has_its_name_unread():
    """≥90% | 95% | 10 | 10: no indicator is named ≥90%; the name was not printed."""
    [row] = _pipe("≥90% | 95% | 10 | 10 |\n")
    assert (row.target, row.actual, row.weight, row.score) == ("≥90%", "95%", 10, 10)
    assert row.name == "" and "name" in _unread(row)


def test_a_name_that_starts_with_a_compared_figure_is_a_name():
    [row] = _pipe("效益指标 | 可持续影响指标 | ≥360天服务读者 | ≥360天 | ≥360天 | 10 | 10 |\n")
    assert (row.name, row.target) == ("≥360天服务读者", "≥360天")


def test_a_level2_word_in_a_table_that_prints_no_level2_is_the_name():
    """No row of the table printed a 二级 (its column blank): 社会效益 there is the row's name."""
    rows = _pipe("产出指标 | 保洁面积 | 1万平方米 | 1万平方米 | 5 | 5 |\n"
                 "保洁次数 | 每日2次 | 每日2次 | 5 | 5 |\n"
                 "整体景观效果 | 提升 | 提升 | 2 | 2 |\n"
                 "社会效益 | 提升 | 提升 | 2 | 2 |\n")
    assert (rows[3].level2, rows[3].name, rows[3].target, rows[3].actual) == (
        "", "社会效益", "提升", "提升")


def test_a_level2_word_where_the_table_prints_level2_is_the_level2():
    rows = _pipe(SURE + "社会效益 | 知晓率 | 90% | 95% | 2 | 2 |\n")
    assert (rows[3].level2, rows[3].name) == ("社会效益", "知晓率")
