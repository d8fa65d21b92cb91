"""Rows printed a line each with one space between cells (evalengine/importer/wordrows.py):
the cells put back by the vocabulary and by the columns' kinds, ties left unread."""

from __future__ import annotations

from evalengine.importer import import_text
from evalengine.importer.recognise import recognise
from evalengine.importer.sheets import read_text, text_sheet, words_sheet
from evalengine.importer.wordrows import MAX_JOININGS, is_word_rows, joining_count, joinings, \
    reading_size, row_cells

FORM = """项目支出绩效自评表
（2022年度）
项目名称 农村道路养护
主管部门 某县交通运输局 实施单位 某县公路 养护中心
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 100 100 95 10 95% 9.5
年度总体目标 预期目标 实际完成情况
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分 析及改进措施
产出指标 数量指标 养护里程 ≥120公里 125公里 20 20
质量指标 路面合格率 ≥95% 96% 20 20
时效指标 养护完成及时性 按期完成 按期完成 10 10
成本指标 养护经费控制 严格执行相 关制度规定 达成预期指标 10 9
效益指标 社会效益指标 群众出行便利度 明显提升 明显提升 10 10
可持续影响指标 养护机制 长效养护 机制建立 长效养护机制建立 10 10
满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10 10
总分 100 99
"""


def _case():
    forms = import_text(FORM.encode("utf-8")).forms
    assert len(forms) == 1
    return forms[0].case


def test_a_label_broken_by_a_space_and_a_header_value_are_one_cell_each():
    assert row_cells("主管部门 某县交通运输局 实施单位 某县公路 养护中心") == (
        "主管部门", "某县交通运输局", "实施单位", "某县公路养护中心")
    assert row_cells("三级指标 分值 得分 偏差原因分 析及改进措施")[-1] == "偏差原因分析及改进措施"
    # a row's own words are left for the recogniser, which knows the columns
    assert row_cells("质量指标 路面合格率 ≥95% 96% 20 20") == (
        "质量指标", "路面合格率", "≥95%", "96%", "20", "20")


def test_joinings_keep_the_order_and_never_join_a_bare_number():
    words = ["严格执行相", "关制度规定", "达成预期指标"]
    assert sorted(joinings(words, 2)) == [("严格执行相", "关制度规定达成预期指标"),
                                         ("严格执行相关制度规定", "达成预期指标")]
    assert len(list(joinings(words))) == 4
    assert list(joinings(["完成质量", "5", "4"])) == [("完成质量", "5", "4")]
    # a line of forty words is no row: its joinings are not tried
    assert joining_count(40, 8) > MAX_JOININGS >= joining_count(6, 4) == 10
    assert list(joinings(["字"] * 40, 8)) == []


def test_joinings_into_many_cells_cost_their_number_not_two_to_the_words():
    import time

    # thirty words into thirty cells is one joining (twenty-nine into twenty-nine cells, 29
    # ways): made directly, not by looking at all 2**29 ways of cutting the row
    start = time.process_time()
    assert list(joinings(["字"] * 30, 30)) == [("字",) * 30]
    assert len(list(joinings(["字"] * 30, 29))) == 29
    assert time.process_time() - start < 1.0
    # the same joinings, in the same order, as all cuts filtered by their number
    words = ["甲", "乙", "丙", "丁", "戊"]
    every = list(joinings(words))
    for cells in range(1, 6):
        assert list(joinings(words, cells)) == [j for j in every if len(j) == cells]


def test_lines_of_single_spaced_cells_are_rows_and_prose_is_not():
    assert is_word_rows(FORM.split("\n"))
    prose = ["本项目于2022年完成，道路养护里程达到125公里，群众满意度较高。" * 3] * 8
    assert not is_word_rows(prose)
    assert not is_word_rows(["项目名称 农村道路养护"] * 8)  # no indicator header


def test_the_rows_are_read_with_their_cells_put_back():
    case = _case()
    assert case.project.implementer == "某县公路养护中心"
    names = [ind.name for ind in case.indicators]
    assert "路面合格率" in names and "群众满意度" in names
    row = next(ind for ind in case.indicators if ind.name == "养护里程")
    assert (row.target, row.actual, row.weight, row.score) == ("≥120公里", "125公里", 20, 20)


def test_a_row_whose_words_fit_the_columns_several_ways_keeps_its_figures_only():
    # 养护经费控制 | 严格执行相 | 关制度规定 | 达成预期指标: four words for three text columns,
    # three equal joinings -- name, target and actual are not read, 分值 and 得分 are
    case = _case()
    row = next(ind for ind in case.indicators if ind.level2 == "成本指标")
    assert (row.weight, row.score) == (10, 9)
    assert not row.name and not row.target and not row.actual
    unread = dict(row.unread)
    assert all(unread.get(f) == "ambiguous" for f in ("name", "target", "actual")), unread


def test_the_lines_as_rows_are_kept_only_when_they_read_more_than_the_words():
    source = read_text(FORM.encode("utf-8"))
    rows = text_sheet(source)
    assert rows.split_words and rows.mode == "compact"
    words = words_sheet(source.text.split("\n"))
    assert reading_size(recognise(rows).forms) > reading_size(recognise(words).forms)


def test_a_page_number_alone_on_its_line_is_no_row():
    text = FORM.replace("时效指标 养护完成及时性", "14\n时效指标 养护完成及时性")
    case = import_text(text.encode("utf-8")).forms[0].case
    assert [ind.name for ind in case.indicators] == [ind.name for ind in _case().indicators]
    assert "14" not in [ind.name for ind in case.indicators]


def test_a_value_printed_twice_is_kept_whole_when_it_decides_the_joining():
    # 养护机制 | 长效养护 | 机制建立 | 长效养护机制建立: the joining that makes 目标 and 完成
    # alike fits best of the three with four cells
    row = next(ind for ind in _case().indicators if ind.level2 == "可持续影响指标")
    assert (row.name, row.target, row.actual) == ("养护机制", "长效养护机制建立", "长效养护机制建立")
    assert (row.weight, row.score) == (10, 10)


UNSCORED = """项目支出绩效自评表
项目名称 县级储备粮
主管部门 某县商务局 实施单位 某县粮食 储备中心
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 储备到位率 100% 100%
库存数量真实率 100% 100%
质量指标 管理制度执行率 100% 100%
专户管理率 100% 100%
县级储备粮库存 粮食明显变质比例 0 0
可持续影响指标 储备设备 维护及安全性 高 高
总分
"""


def test_the_table_above_and_a_value_printed_twice_decide_a_split_name():
    # no row above prints a 分值 or 得分: 0 | 0 are the target and actual of a name cut by a
    # space, not 分值 | 得分; and 高 | 高 alike are target | actual, not 完成 | 偏差原因
    rows = import_text(UNSCORED.encode("utf-8")).forms[0].case.indicators
    by_name = {r.name: r for r in rows}
    cut = by_name["县级储备粮库存粮食明显变质比例"]
    assert (cut.target, cut.actual, cut.weight, cut.score) == ("0", "0", None, None)
    kept = by_name["储备设备维护及安全性"]
    assert (kept.target, kept.actual) == ("高", "高")


def test_a_long_line_in_the_table_is_read_without_trying_its_joinings():
    import time

    line = " ".join(f"第{n}句说明文字" for n in range(40))
    text = FORM.replace("总分 100 99\n", f"{line} 10 10\n总分 100 99\n")
    start = time.process_time()
    forms = import_text(text.encode("utf-8")).forms
    assert time.process_time() - start < 10
    assert forms and len(forms[0].case.indicators) >= 7
