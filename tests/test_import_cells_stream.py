"""One cell per line with the blank cells kept and a merged range printed once (the
``cells`` shape of tests/corpus/variants.py): rows are counted off the header's columns, and
category cells no vocabulary names are told from a row's name by the cells' types."""

from __future__ import annotations

from evalengine.importer import import_text

HEAD = ["项目支出绩效自评表", "（2023年度）", "项目名称", "培训项目", "绩效指标", "一级指标", "二级指标",
        "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def form(*rows: list[str]) -> bytes:
    cells = [*HEAD, *(c for r in rows for c in r), "总分", "", "", "", "", "", "17", "17", ""]
    return "".join(f"{c} |\n" for c in cells).encode("utf-8")


def indicators(data: bytes):
    [f] = import_text(data).forms
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score)
            for i in f.case.indicators]


def test_unknown_category_cells_before_a_row_are_its_categories():
    # 一级 规划 spans three rows (printed once), 二级 工作计划 two: rows of 8, 7 and 6 cells
    got = indicators(form(["规划", "基础信息", "基础信息完整性", "", "", "3", "3", ""],
                          ["工作计划", "年度工作计划完整性", "", "", "3", "3", ""],
                          ["年度工作计划明确性", "", "", "3", "3", ""],
                          ["执行", "预算执行", "预算执行率", "", "", "5", "5", ""]))
    names = [(g[0], g[1], g[2], g[5], g[6]) for g in got]
    assert names == [("规划", "基础信息", "基础信息完整性", 3, 3),
                     ("规划", "工作计划", "年度工作计划完整性", 3, 3),
                     ("规划", "工作计划", "年度工作计划明确性", 3, 3),
                     ("执行", "预算执行", "预算执行率", 5, 5)]


def test_a_second_level_word_that_is_a_row_name_stays_the_name():
    # 社会效益 is a 二级 label elsewhere; here the figures say it is the row's name
    got = indicators(form(["结果目标", "", "整体景观效果", "提升", "提升", "2", "2", ""],
                          ["", "社会效益", "提升", "提升", "2", "2", ""]))
    assert [(g[2], g[3], g[4], g[5], g[6]) for g in got] == [
        ("整体景观效果", "提升", "提升", 2, 2), ("社会效益", "提升", "提升", 2, 2)]
    assert got[0][0] == got[1][0] == "结果目标"


def test_known_labels_with_no_figures_are_read_by_their_words():
    # an empty 二级 line (经济效益指标 and blanks) is no row named 经济效益指标
    got = indicators(form(["产出指标", "数量指标", "培训人数", "≥50人", "52人", "10", "10", ""],
                          ["效益指标", "经济效益指标", "", "", "", "", "", ""],
                          ["满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", "7", "7", ""]))
    assert ("产出指标", "数量指标", "培训人数", "≥50人", "52人", 10, 10) in got
    assert ("满意度指标", "满意度指标", "学员满意度", "≥90%", "95%", 7, 7) in got
    assert all(g[2] != "经济效益指标" for g in got)


def test_a_first_level_word_read_as_second_level_elsewhere_opens_its_row():
    # 满意度指标 (一级 here, a 二级 label in the central form) | 服务对象满意度 | the name
    got = indicators(form(["产出指标", "数量指标", "补贴渔船数", "6", "6", "10", "10", ""],
                          ["满意度指标", "服务对象满意度", "抽样调查满意度", "90%", "≥90%", "", "7", ""]))
    assert got[-1][:3] == ("满意度指标", "服务对象满意度", "抽样调查满意度")
    assert got[-1][3:] == ("90%", "≥90%", None, 7)


def test_a_row_whose_name_cell_is_blank_starts_at_the_blank():
    # the table's first row prints no name: ≥90% is its target, not a name
    got = indicators(form(["", "", "", "≥90%", "95%", "10", "10", ""],
                          ["产出指标", "质量指标", "合格率", "≥95%", "98%", "7", "7", ""]))
    assert got[0][2:] == ("", "≥90%", "95%", 10, 10)
    assert got[1][2:] == ("合格率", "≥95%", "98%", 7, 7)
