"""Forms whose text comes split, scrambled or with a false second title (issue 10 §2, §4,
§5): short synthetic forms in each failing shape, none copied from the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import import_text

_HEAD = (
    "| 2021年度项目支出绩效自评表 | |||\n"
    "| 项目名称 |\n{name} |\n"
    "| 主管部门 | 某县交通局 | 实施单位 | 某乡政府 | |\n"
)
_BODY = (
    "| 项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "| 年度资金总额 | 40 | 40 | 40 | 10 | 100% | 10 |\n"
    "| 其中:当年财政拨款 | 40 | 40 | 40 | 100% | |\n"
    "| 其他资金 | |\n"
    "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |\n"
    "| 产出指标 | 数量指标 | 维修道路长度 | ≥ | 12 | 公里 | 12 | 40 | 40 | |\n"
    "| 效益指标 | 社会效益指标 | 群众出行便利度 | ≥ | 90 | % | 92 | 40 | 38 | |\n"
    "| 总分 | 100 | 88 | |\n"
)


def _forms(text: str):
    return import_text(text.encode("utf-8")).forms


def test_a_title_worded_name_cell_does_not_start_a_second_form():
    """The 项目名称 cell reads like a title (…支出绩效自评表): it is the name, and the header
    labels after it (主管部门, 实施单位) continue the same form's header block."""
    (form,) = _forms(_HEAD.format(name="某乡道路维修经费支出绩效自评表") + _BODY)
    case = form.case
    assert case.project.name == "某乡道路维修经费支出绩效自评表"
    assert case.project.department == "某县交通局"
    assert case.project.year == 2021
    assert case.funds.budget == Decimal(40)
    assert [i.name for i in case.indicators] == ["维修道路长度", "群众出行便利度"]
    assert case.narrative.claimed_total == Decimal(88)


def test_a_title_line_inside_the_header_block_belongs_to_the_form():
    """A title-like line after the 项目名称 row: the next header label (主管部门) is one this
    form has not had yet, so no new form's header block starts there."""
    text = ("| 2021年度项目支出绩效自评表 | |||\n| 项目名称 | 某乡道路维修经费 |\n"
            "| 某乡道路维修经费项目支出绩效自评表 |\n"
            "| 主管部门 | 某县交通局 | 实施单位 | 某乡政府 | |\n") + _BODY
    (form,) = _forms(text)
    assert form.case.project.name == "某乡道路维修经费"
    assert form.case.project.department == "某县交通局"
    assert len(form.case.indicators) == 2


def test_a_new_header_block_still_starts_a_new_form():
    """Two forms one after the other: the second title is followed by its own 项目名称."""
    one = _HEAD.format(name="甲项目") + _BODY
    two = _HEAD.format(name="乙项目") + _BODY
    forms = _forms(one + two)
    assert [f.case.project.name for f in forms] == ["甲项目", "乙项目"]
    assert all(len(f.case.indicators) == 2 for f in forms)


def test_a_two_row_header_printed_line_by_line_is_read_in_table_order():
    """绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 over 一级 | 二级 | 三级 | 指标性质 | 指标值 |
    度量单位, each on its own line: the rows' cells follow the lower row, then the upper."""
    (form,) = _forms(_HEAD.format(name="某乡道路维修经费") + _BODY)
    rows = [(i.operator, i.target, i.unit, i.actual, i.weight, i.score)
            for i in form.case.indicators]
    assert rows == [("≥", "12", "公里", "12", Decimal(40), Decimal(40)),
                    ("≥", "90", "%", "92", Decimal(40), Decimal(38))]


def test_a_sub_row_of_the_funds_is_read_by_its_money_and_rate():
    """其中:财政拨款 | 40 | 40 | 40 | 100%: three money cells and a rate, the 分值/得分 cells
    of a 其中 row blank: 年初预算数 | 全年预算数 | 全年执行数 | 执行率 (no reading puts a 40 in
    the 分值 column, which the arithmetic alone could not rule out)."""
    (form,) = _forms(_HEAD.format(name="某乡道路维修经费") + _BODY)
    row = form.case.funds.rows[0]
    assert (row.initial_budget, row.budget, row.executed) == (Decimal(40),) * 3
    assert not row.unread
    assert not any(n.kind == "ambiguous" for n in form.notes)


# A 20/80 form whose text a document site gave in a PDF-like reading order: the funds row's
# label before the column labels, a label's parenthesis broken off by spaces, rows of
# name | target | actual | 得分 with names wrapped over words, and the merged 一级/二级 cells
# printed after the rows.
_SCRAMBLED_20_80 = (
    "2021 年某县农村饮水工程项目自评表 单位名称:某县水务局 项目名称 2021 年农村饮水工程 "
    "主管部门 某县水务局 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 项目实施单位 "
    "某县供水站 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 120 108 90% 18 三级指标 "
    "年初目标值 (A) 实际完成值 (B) 得分 新建供水管 网长度(公里) 30 32 20 受益人口 5000 5100 20 "
    "水质达 标情况 符合国家 标准 全部符 合标准 20 群众满意度 90% 95% 20 二级指标 数量指标 "
    "质量指标 满意度指标 总分 98 备注: 1.说明\n")


def test_scrambled_words_form_reads_header_year_and_unlabelled_funds_row():
    (form,) = _forms(_SCRAMBLED_20_80)
    case = form.case
    assert case.project.name == "2021年农村饮水工程"  # "2021 年…": a year broken off its 年
    assert case.project.year == 2021  # the title opens with its year
    funds = case.funds
    assert (funds.budget, funds.executed, funds.claimed_rate, funds.claimed_score) == (
        Decimal(120), Decimal(108), Decimal(90), Decimal(18))
    # 预算执行 情况(万元) (20 分): the block's label broken by a space, its points after it
    assert funds.claimed_weight == Decimal(20)


def test_rows_that_end_with_their_score_are_cut_there_and_wrapped_names_joined():
    (form,) = _forms(_SCRAMBLED_20_80)
    rows = [(i.name, i.target, i.actual, i.score) for i in form.case.indicators]
    assert rows[0] == ("新建供水管网长度(公里)", "30", "32", Decimal(20))
    assert rows[1] == ("受益人口", "5000", "5100", Decimal(20))
    assert rows[3] == ("群众满意度", "90%", "95%", Decimal(20))
    assert form.case.narrative.claimed_total == Decimal(98)


def test_a_row_of_wrapped_text_cells_is_left_unread_not_guessed():
    """水质达 标情况 符合国家 标准 全部符 合标准 20: six words for three text columns; where
    one cell ends is not in the text: the 得分 is read, the rest marked ambiguous."""
    (form,) = _forms(_SCRAMBLED_20_80)
    row = form.case.indicators[2]
    assert row.score == Decimal(20)
    assert (row.name, row.target, row.actual) == ("", "", "")
    assert {f: row.unread.reason(f) for f in ("name", "target", "actual")} == {
        "name": "ambiguous", "target": "ambiguous", "actual": "ambiguous"}
    assert any(n.kind == "ambiguous" and "水质达" in n.text for n in form.notes)


def test_merged_category_cells_printed_after_the_rows_are_unplaced_not_blank():
    """二级指标 数量指标 质量指标 满意度指标 after the rows: no row gets them, none is made of
    them, and every row's 一级/二级 is marked unread (unplaced), not printed blank."""
    (form,) = _forms(_SCRAMBLED_20_80)
    rows = form.case.indicators
    assert len(rows) == 4
    assert all(i.level2 == "" and i.unread.reason("level2") == "unplaced" for i in rows)
    assert all(i.unread.reason("level1") == "unplaced" for i in rows)
    unplaced = {n.text for n in form.notes if n.kind == "unplaced"}
    assert {"数量指标", "质量指标", "满意度指标"} <= unplaced


# A 决策/管理/绩效 rubric whose PDF text interleaves the criteria sentences with the rows:
# a 一级 label (项目管理 12 分) printed between a row's name and its 分值, criteria words
# (有专人负责 3 分。没) between a row's 分值 and 自评分, and criteria numbers (扣 0.5 分).
_SCRAMBLED_RUBRIC = (
    "某县2022年度道路保洁项目绩效自评表.pdf\n"
    "某县财政预算支出项目绩效目标自评表 填报日期:2023 年 3 月 1 日 自评总分: 80 项目名称 道路保洁 "
    "项目实施单位 某县环卫所 项目主管单位 某县城管局 项目属性 项目资金 1、常年性 √ 2、延续性□ "
    "中央 省、地 本级 其他 合计 执行数 (万元) (万元) (万元) (万元) (万元) (万元) 12 12 来源 "
    "3、一次性□ 9 执行率 75 % 1.道路保洁 项目权重 评价内容 分值 自评分 复核分 "
    "评价标准及依据 项目决策 3 分 立项依据 3 3 有立项文件计 3 分,没有不得分。 1、制度健全 1 分; "
    "资金管理 4 4 2、执行规范 1 分; 人员保障 项目管理 12 分 3 有专人负责 3 分。没 2 有不得分 "
    "档案管理 5 1 分,缺一项扣 0.5 分; 5 1、档案完整 2 分; 项目年度目标 1:道路整洁\n")


def test_interleaved_rubric_rows_are_read_by_type_not_by_adjacency():
    (form,) = _forms(_SCRAMBLED_RUBRIC)
    rows = [(i.level1, i.name, i.weight, i.score) for i in form.case.indicators]
    assert rows == [
        ("项目决策", "立项依据", Decimal(3), Decimal(3)),
        ("项目管理", "资金管理", Decimal(4), Decimal(4)),
        ("项目管理", "人员保障", Decimal(3), Decimal(2)),  # label between name and 分值
        ("项目管理", "档案管理", Decimal(5), Decimal(5)),  # not the criteria's 0.5 分
    ]


def test_a_number_far_from_a_name_makes_no_rubric_row():
    """名称 6 and a plain number ten words later: no 自评分 near the 分值, no row."""
    text = _SCRAMBLED_RUBRIC.replace(
        "档案管理 5 1 分,缺一项扣 0.5 分; 5",
        "档案管理 5 一 二 三 四 五 六 七 八 九 5")
    (form,) = _forms(text)
    assert "档案管理" not in [i.name for i in form.case.indicators]


def test_the_file_name_above_the_text_gives_the_year_not_the_name():
    """…2022年度道路保洁项目绩效自评表.pdf: a title for its year (the 填报日期 2023 is not the
    form's year); the project's name is the 项目名称 cell's."""
    (form,) = _forms(_SCRAMBLED_RUBRIC)
    assert form.case.project.year == 2022
    assert form.case.project.name == "道路保洁"
    (nameless,) = _forms(_SCRAMBLED_RUBRIC.replace("项目名称 道路保洁 ", ""))
    assert "某县2022" not in nameless.case.project.name


_GLUED_METHOD = (
    "项目支出绩效自评表(2019年度)项目名称某街道绿化养护经费主管部门及代码某区某街道办事处实施单位:"
    "某街道城市服务中心项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算"
    "方法年度资金总额:200.5150.251075%7.5执行率*该指标分值,最高不得超过分值上限。其中:本年一般公共"
    "预算拨款 200.5150.25   其他资金     年度总体目标完成辖区绿化养护\n")


def test_a_glued_sub_row_is_split_where_no_part_exceeds_the_total():
    """200.5150.25 under a total of 200.5 | 150.25: 200.51 | 50.25 and 200.515 | 0.25 would
    make a part larger than the whole; only 200.5 | 150.25 is left, nothing ambiguous."""
    (form,) = _forms(_GLUED_METHOD)
    funds = form.case.funds
    assert (funds.initial_budget, funds.executed, funds.claimed_rate, funds.claimed_score) == (
        Decimal("200.5"), Decimal("150.25"), Decimal(75), Decimal("7.5"))
    row = funds.rows[0]
    assert (row.initial_budget, row.executed) == (Decimal("200.5"), Decimal("150.25"))
    assert not row.unread


def test_the_method_cell_after_glued_figures_is_read_whole_not_lost():
    """The 得分计算方法 cell the flattener cut at the labels it quotes (执行率, 指标分值, 分值)
    is that row's text, and the 其中 row after it is still read."""
    (form,) = _forms(_GLUED_METHOD)
    assert form.case.funds.note == "得分计算方法: 执行率*该指标分值,最高不得超过分值上限。"
    unplaced = {n.text for n in form.notes if n.kind == "unplaced"}
    assert not {"执行率", "指标分值", "上限。"} & unplaced


def test_scattered_funds_figures_are_read_by_type_and_arithmetic():
    """中央 省、地 本级 其他 合计 执行数 | 12 12 … 9 … 75 %: the figures the text scattered
    among check boxes give 合计 12, 执行数 9, 执行率 75 % (9 / 12); which source column holds
    the 12 cannot be told and is reported, not guessed."""
    (form,) = _forms(_SCRAMBLED_RUBRIC)
    funds = form.case.funds
    assert (funds.budget, funds.executed, funds.claimed_rate) == (
        Decimal(12), Decimal(9), Decimal(75))
    assert not funds.rows
    (note,) = [n for n in form.notes if n.kind == "ambiguous" and "12" in n.text]
    assert "中央" in note.detail


def test_local_funds_labels_are_no_vocabulary_outside_their_layout():
    """合计 / 其他 / 中央 are the rubric layout's funds labels only: a central form's 合计 row
    is still its total, and a name that starts with 中央 is not cut there."""
    from evalengine.importer import labels as L

    L.extend_from_layouts()
    assert L.fund_column("合计") is None and L.fund_column("中央") is None
    (form,) = _forms(_HEAD.format(name="中央财政补助道路维修经费") + _BODY)
    assert form.case.project.name == "中央财政补助道路维修经费"
    assert form.case.narrative.claimed_total == Decimal(88)


_ROWS = (
    "| 产出指标 | 数量指标 | 维修道路长度 | ≥ | 12 | 公里 | 12 | 20 | 20 |\n"
    "| 质量指标 | 验收合格率 | ≥ | 95 | % | 96 | 20 | 19 |\n"
    "| 时效指标 | 完工及时率 | ≥ | 90 | % | 92 | 20 | 18 |\n"
    "| 效益指标 | 社会效益指标 | 群众出行便利度 | ≥ | 90 | % | 92 | 20 | 18 |\n"
    "| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 93 | 10.00 |\n")


def _cut_form(rows: str) -> str:
    body = _BODY.split("| 产出指标")[0]
    return _HEAD.format(name="某乡道路维修经费") + body + rows


def test_the_row_the_text_breaks_off_in_keeps_its_leading_columns():
    """The text ends after … | 93 | 10.00 |: every row above fills 完成值, 分值 and 得分, so
    the two figures are the 完成值 and the 分值 and the 得分 is cut -- not blank, not guessed
    between 完成值/分值/得分."""
    (form,) = _forms(_cut_form(_ROWS))
    last = form.case.indicators[-1]
    assert (last.name, last.actual, last.weight, last.score) == (
        "群众满意度", "93", Decimal("10.00"), None)
    assert last.unread.reason("score") == "cut"
    assert form.case.project.incomplete


def test_without_rows_that_show_the_columns_filled_the_cut_row_stays_ambiguous():
    rows = _ROWS.split("\n")
    (form,) = _forms(_cut_form("\n".join(rows[:1] + rows[-2:])))  # one row above only
    last = form.case.indicators[-1]
    assert (last.actual, last.weight, last.score) == ("", None, None)
    assert {f: last.unread.reason(f) for f in ("actual", "weight", "score")} == dict.fromkeys(
        ("actual", "weight", "score"), "ambiguous")


_COLUMNS = (
    "2021年度项目支出绩效自评表\n项目名称 某村饮水改造 主管部门 某县水利局 实施单位 某村委会\n"
    "一级指标 产出指标 效益指标 满意度指标\n三级指标 新建管网长度 受益人口 水质达标率 群众满意度\n"
    "年度指标值 10公里 500人 ≥95% ≥90%\n实际完成值 10公里 520人 96% 93%\n"
    "分值 30 30 20 20\n得分 30 30 19 20\n总分 100 99\n")


@pytest.mark.parametrize("shape", ["words", "one cell per line"])
def test_a_table_printed_column_by_column_is_read_back_into_rows(shape):
    """Each column label followed by its column's cells: the k-th cell of every column of as
    many cells as the 三级指标 column is row k; the 一级 column, merged (3 cells for 4 rows),
    cannot be lined up: its cells are reported and the rows' 一级 left unread."""
    text = _COLUMNS if shape == "words" else "\n".join(
        w + " |" for line in _COLUMNS.splitlines() for w in line.split())
    (form,) = _forms(text)
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in form.case.indicators]
    assert rows == [
        ("新建管网长度", "10公里", "10公里", Decimal(30), Decimal(30)),
        ("受益人口", "500人", "520人", Decimal(30), Decimal(30)),
        ("水质达标率", "≥95%", "96%", Decimal(20), Decimal(19)),
        ("群众满意度", "≥90%", "93%", Decimal(20), Decimal(20)),
    ]
    assert all(i.unread.reason("level1") == "unplaced" for i in form.case.indicators)
    assert {"产出指标", "效益指标", "满意度指标"} <= {
        n.text for n in form.notes if n.kind == "unplaced"}
    assert form.case.narrative.claimed_total == Decimal(99)


def test_pipe_lines_one_column_each_and_a_short_column_left_unread():
    """The same in pipe lines; a 实际完成值 column with a cell dropped cannot be lined up with
    the rows: its cells are reported, every row's 完成值 unread, the rest read."""
    text = ("| 2021年度项目支出绩效自评表 |\n| 项目名称 | 某村饮水改造 | 主管部门 | 某县水利局 |\n"
            "| 三级指标 | 新建管网长度 | 受益人口 | 群众满意度 |\n| 年度指标值 | 10公里 | 500人 | ≥90% |\n"
            "| 实际完成值 | 10公里 | 93% |\n| 分值 | 40 | 40 | 20 |\n| 得分 | 40 | 38 | 20 |\n"
            "| 总分 | 100 | 98 |\n")
    (form,) = _forms(text)
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in form.case.indicators]
    assert rows == [
        ("新建管网长度", "10公里", "", Decimal(40), Decimal(40)),
        ("受益人口", "500人", "", Decimal(40), Decimal(38)),
        ("群众满意度", "≥90%", "", Decimal(20), Decimal(20)),
    ]
    assert all(i.unread.reason("actual") == "unplaced" for i in form.case.indicators)


def test_a_points_column_with_a_word_is_no_column_major_table():
    """分值 cells that are not points: not a table given column by column (nothing is
    lined up by count alone)."""
    (form,) = _forms(_COLUMNS.replace("分值 30 30 20 20", "分值 30 30 二十 20"))
    assert not any(n.kind == "column-major" for n in form.notes)


def test_a_row_whose_cells_fit_no_reading_is_unread_not_blank():
    """| 40 | 40 | 维修道路长度 | ≥ | 12 | 公里 | 12 |: the cells out of the header's order fit
    no order-keeping reading; the row is kept with every field unread (unplaced), so no rule
    can take it for a row the department left blank."""
    body = _BODY.replace("| 产出指标 | 数量指标 | 维修道路长度 | ≥ | 12 | 公里 | 12 | 40 | 40 | |",
                         "| 产出指标 | 数量指标 | 40 | 40 | 维修道路长度 | ≥ | 12 | 公里 | 12 |")
    (form,) = _forms(_HEAD.format(name="某乡道路维修经费") + body)
    first = form.case.indicators[0]
    assert (first.level1, first.name, first.actual, first.score) == ("产出指标", "", "", None)
    assert {f: first.unread.reason(f) for f in ("name", "target", "actual", "weight", "score")} \
        == dict.fromkeys(("name", "target", "actual", "weight", "score"), "unplaced")
    assert form.case.indicators[1].name == "群众出行便利度"


def test_a_layouts_level1_row_labels_open_their_rows():
    """input-output-outcome.toml lists its 一级 labels (投入目标 / 产出目标 / 结果目标) as the
    indicator block's rows: a pipe row starting with 投入目标 is that 一级 and its row."""
    text = ("| 某市财政支出项目绩效自评表 |\n| 项目名称 | 某公园养护 |\n"
            "| 项目类别 | 指标名称 | 目标值 | 权重 | 实际完成值 | 自评分 |\n"
            "| 投入目标 | 资金使用合规性 | 合规 | 5 | 合规 | 5 |\n| 财务制度健全性 | 健全 | 5 | 健全 | 4 |\n"
            "| 结果目标 | 树木保存率 | 98% | 10 | 97% | 9 |\n| 合计 | 20 | 18 |\n")
    (form,) = _forms(text)
    rows = [(i.level1, i.name, i.weight, i.score) for i in form.case.indicators]
    assert rows == [("投入目标", "资金使用合规性", Decimal(5), Decimal(5)),
                    ("投入目标", "财务制度健全性", Decimal(5), Decimal(4)),
                    ("结果目标", "树木保存率", Decimal(10), Decimal(9))]


def test_a_title_worded_cell_inside_a_table_starts_no_form():
    """An indicator named 按时报送绩效自评表 reads like a title; no header block follows it
    (more of the table does), so it is a row of this form, in pipe rows and in words."""
    (form,) = _forms(_HEAD.format(name="某乡道路维修经费")
                     + _BODY.replace("群众出行便利度", "按时报送绩效自评表"))
    assert [i.name for i in form.case.indicators] == ["维修道路长度", "按时报送绩效自评表"]
    assert form.case.narrative.claimed_total == Decimal(88)
    (words,) = _forms(_SCRAMBLED_20_80.replace("受益人口", "按时报送绩效自评表"))
    assert words.case.indicators[1].name == "按时报送绩效自评表"
    assert words.case.indicators[1].score == Decimal(20)


def test_a_scrambled_header_that_fits_a_row_by_chance_gives_way_to_the_layouts_order():
    """A spreadsheet flattened to words with its two-row header out of order (一级 三级
    实际完成值 得分 | 绩效指标 二级 年度指标值 分值): read in that order, 预算调整率 3% 0 2 2 fits
    by chance (完成值 3%, 得分 0, 指标值 2, 分值 2); in the central form's order every row
    does.  The order that fits more than three times the rows is taken."""
    rows = " ".join(f"{n} {t} {a} 2 2" for n, t, a in [
        ("财政供养人员控制率", "100%", "92%"), ("预算完成率", "70%", "76%"),
        ("预算调整率", "3%", "0"), ("公用经费控制率", "100%", "97%"),
        ("政府采购执行率", "100%", "72.74%"), ("固定资产利用率", "90%", "100%")])
    text = ("项目支出绩效自评表 项目名称 某局部门运转 主管部门 某局 实施单位 某局 "
            "一级指标 三级指标 实际完成值 得分 绩效指标 二级指标 年度指标值 分值 偏差原因分析及改进措施 "
            + rows + " 总分 12\n")
    [form] = import_text(text.encode("utf-8"), stem="t").forms
    got = [(i.name, i.target, i.actual, i.weight, i.score) for i in form.case.indicators]
    assert ("预算调整率", "3%", "0", Decimal(2), Decimal(2)) in got
    assert len(got) == 6 and all(w == 2 and s == 2 for _, _, _, w, s in got)
