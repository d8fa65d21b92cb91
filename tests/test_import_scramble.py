"""Forms whose text comes split, scrambled or with a false second title (issue 10 §2, §4,
§5): short synthetic forms in each failing shape, none copied from the corpus."""

from __future__ import annotations

from decimal import Decimal

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
