"""Generalisation, measured on forms made from the corpus in shapes nobody here has seen
(tests/corpus/variants.py; issue 10 §2, §3, §6), and the mechanisms those shapes need.

The floors are the accuracies measured when they were set (benchmarks/variant_accuracy.py
prints them); raise a floor as the importer improves, never lower one to make a change pass.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import import_text
from evalengine.importer.normalise import normalise_text

from corpus import variants

# shape → least field accuracy (every source imported)
FLOORS = {
    "tab": 0.96, "pipe": 0.87, "cells": 0.96, "broken": 0.87, "page": 0.96,
    "glued": 0.70, "oneline": 0.69, "synonyms": 0.96, "traditional": 0.96, "ocr": 0.95,
    "paragraphs": 0.84, "columns": 0.35,
    "spaces": 0.87, "spaces1": 0.84, "html": 0.97, "htmlcopy": 0.88, "vertical": 0.94,
    "units": 0.96,
}
# shape → most fields given a value the form does not hold (wrong, spurious, invented): a
# wrong value is worse than a field left unread, so these may only go down
WRONG_CEILINGS = {
    "tab": 8, "pipe": 8, "cells": 7, "broken": 11, "page": 8,
    "glued": 30, "oneline": 34, "synonyms": 10, "traditional": 8, "ocr": 9,
    "paragraphs": 92, "columns": 16,
    "spaces": 8, "spaces1": 20, "html": 0, "htmlcopy": 37, "vertical": 28, "units": 8,
}


@pytest.fixture(scope="module")
def measured():
    return variants.run_all(FLOORS)


@pytest.mark.parametrize("shape", sorted(FLOORS))
def test_each_shape_keeps_its_floor(measured, shape):
    imported, n, tally, fields = measured[shape]
    assert n >= 30  # the expected cases and cases/2021 are all there
    assert imported == n, f"{shape}: {n - imported} forms gave no case"
    wrong = [f"{f.form} {f.path}: {f.expected!r} → {f.got!r}" for f in fields
             if f.status not in ("right", "unread")][:10]
    assert tally.accuracy >= FLOORS[shape], (shape, tally.accuracy, wrong)
    assert variants.wrong_values(tally) <= WRONG_CEILINGS[shape], (shape, wrong)


def test_the_shapes_change_the_text_they_claim_to():
    ident, case, _ = next(s for s in variants.sources() if s[0] == "01")
    g = variants.grid(case)
    assert "\t" in variants.tab(g) and "|" in variants.pipe(g)
    assert "第 1 页" in variants.page(g) and "\f" in variants.page(g)
    assert "\t" not in variants.glued(g) and "|" not in variants.glued(g)
    assert "項目" in variants.traditional(g)
    assert "≥" not in variants.ocr(g)
    assert variants.synonyms(g) != variants.tab(g)


def test_synonyms_swap_header_labels_not_row_labels():
    # 总分 opens the total row in every layout (one also heads its score column with it): a
    # form whose 总分 row reads 得分 is in no layout, so it is not a synonym variant
    table = variants.synonym_table()
    assert "总分" not in table and "合计" not in table
    assert table  # header labels are still swapped


def test_a_page_footer_inside_a_row_is_dropped_and_the_row_joined():
    text = ("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t数量指标\t培训人数\n第 1 页，共 2 页\n\f≥50人\t52人\t10\t10\n"
            "\t\t质量指标\t合格率\t≥90%\t95%\t10\t10\n")
    out = normalise_text(text)
    assert "page-footers" in out.changes
    assert "\t产出指标\t数量指标\t培训人数\t≥50人\t52人\t10\t10" in out.text.split("\n")
    assert "第 1 页" not in out.text


def test_a_footer_between_two_whole_rows_joins_nothing():
    text = ("一级指标\t二级指标\t三级指标\t指标值\t实际值\t分值\t得分\n"
            "产出指标\t数量指标\t人数\t≥50人\t52人\t10\t10\n- 2 -\n"
            "产出指标\t质量指标\t合格率\t≥90%\t95%\t10\t10\n")
    lines = normalise_text(text).text.split("\n")
    assert "产出指标\t数量指标\t人数\t≥50人\t52人\t10\t10" in lines
    assert "产出指标\t质量指标\t合格率\t≥90%\t95%\t10\t10" in lines


def test_a_wrapped_pipe_cell_is_joined_and_a_line_above_the_table_is_not():
    rows = ["填报日期:2023.6.28", "项目名称 | 培训项目 |", "主管部门 | 某县教育 |"]
    rows += ["产出指标 | 数量指标 | 培训教师", "人数 | ≥50人 | 52人 | 10 | 10 |"]
    rows += [f"产出指标 | 质量指标 | 指标{i} | ≥90% | 95% | 10 | 10 |" for i in range(3)]
    lines = normalise_text("\n".join(rows) + "\n").text.split("\n")
    assert "产出指标 | 数量指标 | 培训教师人数 | ≥50人 | 52人 | 10 | 10 |" in lines
    assert lines[0] == "填报日期:2023.6.28"


def test_rows_glued_a_line_each_are_cut_at_their_labels():
    text = ("项目支出绩效自评表\n项目名称培训项目\n主管部门某县教育局实施单位某县教师进修学校\n"
            "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分\n"
            "年度资金总额\n绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分\n"
            "产出指标数量指标培训人数\n总分\n")
    case = import_text(text.encode("utf-8")).forms[0].case
    assert case.project.name == "培训项目"
    assert case.project.department == "某县教育局"


def test_ocr_o_closing_a_number_is_zero():
    text = normalise_text("指标\t1OO\t5O\t1O万元\t202O年\tISO\n").text
    assert text.split("\n")[0].split("\t") == ["指标", "100", "50", "10万元", "2020年", "ISO"]


def test_an_ocr_noisy_export_reads_its_zeros_back():
    ident, case, _ = next(s for s in variants.sources() if s[0] == "08")
    got = import_text(variants.ocr(variants.grid(case)).encode("utf-8")).forms[0].case
    assert [i.weight for i in got.indicators] == [i.weight for i in case.indicators]
    assert all(i.weight is None or isinstance(i.weight, Decimal) for i in got.indicators)


def test_cells_separated_by_runs_of_spaces_are_read_a_row_a_line():
    from evalengine.importer.sheets import read_text, text_sheet

    text = ("项目名称        培训项目\n"
            "主管部门        某县 教育局          实施单位    某县教师进修学校\n"
            "一级指标    二级指标    三级指标        年度指标值    实际完成值    分值    得分\n"
            "产出指标    数量指标    培训人数        ≥50人         52人          10      10\n"
            "产出指标    质量指标    合格率          ≥90%          95%           10      9\n")
    sheet = text_sheet(read_text(text.encode("utf-8")))
    assert sheet.mode == "compact"
    # the single space stays in its cell (where cleaning drops it between Chinese words)
    assert sheet.rows[1] == ("主管部门", "某县教育局", "实施单位", "某县教师进修学校")
    assert sheet.rows[4] == ("产出指标", "质量指标", "合格率", "≥90%", "95%", "10", "9")


def test_prose_with_single_spaces_is_not_read_as_spaced_rows():
    from evalengine.importer.sheets import read_text, text_sheet

    text = "\n".join(f"第{i}段 说明 文字 一 二 三" for i in range(8)) + "\n"
    assert text_sheet(read_text(text.encode("utf-8"))).mode == "words"


def test_a_label_printed_down_its_rows_is_joined_and_its_lines_dropped():
    from evalengine.importer.vertical import join_vertical

    rows = [("一级指标", "二级指标", "三级指标", "分值"),
            ("产", "数量指标", "人数", "10"),
            ("出", "质量指标", "合格率", "10"),
            ("指",), ("标",),
            ("效", "社会效益指标", "知晓率", "10"),
            ("益", "", "覆盖率", "10"),
            ("指",), ("标",),
            ("总分", "", "", "40")]
    out, n, dropped = join_vertical(rows)
    assert n == 2 and dropped == {3, 4, 7, 8}
    assert [r[0] for r in out] == ["一级指标", "产出指标", "", "效益指标", "", "总分"]


def test_vertical_characters_that_spell_no_label_are_left():
    from evalengine.importer.vertical import join_vertical

    rows = [("三级指标", "单位", "分值"), ("人数", "人", "10"), ("次数", "次", "10")]
    assert join_vertical(rows) == (rows, 0, frozenset())


def test_centred_vertical_labels_span_the_rows_around_their_characters():
    from evalengine.importer.vertical import _starts

    # 产出指标 over rows 0-5 (characters at 1-4), 效益指标 over rows 6-7 (characters at 6-7)
    assert _starts([(1, 4), (6, 7)], (0, 7)) == [0, 6]
    # the rows above the first label blank in the form (its characters fill its own rows)
    assert _starts([(4, 7)], (0, 7)) == [4]


def test_a_copied_web_table_row_without_its_merged_cells_is_the_header_s_last_columns():
    text = ("项目名称\t培训项目\n主管部门\t某县教育局\t实施单位\t某县教师进修学校\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
            "产出指标\t数量指标\t培训人数\t≥50人\t52人\t10\t10\t\n"
            "质量指标\t合格率\t≥90%\t95%\t10\t9\t\n"
            "培训满意度\t≥90%\t92%\t10\t10\t\n"
            "总分\t\t29\t\n")
    case = import_text(text.encode("utf-8")).forms[0].case
    got = [(i.level1, i.level2, i.name, i.weight, i.score) for i in case.indicators]
    assert got == [("产出指标", "数量指标", "培训人数", 10, 10),
                   ("产出指标", "质量指标", "合格率", 10, 9),
                   ("产出指标", "质量指标", "培训满意度", 10, 10)]


def test_the_new_shapes_change_the_text_they_claim_to():
    ident, case, _ = next(s for s in variants.sources() if s[0] == "01")
    g = variants.grid(case)
    assert "\t" not in variants.spaces(g) and "  " in variants.spaces(g)
    assert "  " not in variants.spaces1(g)
    assert 'rowspan="' in variants.html(g) and 'colspan="' in variants.html(g)
    assert "产" in [c for line in variants.vertical(g).split("\n") for c in line.split("\t")]
    assert "万元" in variants.units(g) or "￥" in variants.units(g)
    # the web table's spans are the workbook's merged ranges
    assert all(rows * cols > 1 for _, _, rows, cols in g.merged)


def test_a_copied_web_table_funds_row_is_placed_by_its_percent():
    head = ("项目名称\t培训项目\n主管部门\t某县教育局\t实施单位\t某县教师进修学校\n"
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n")
    tail = ("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t数量指标\t培训人数\t≥50人\t52人\t10\t10\n")
    # the merged 项目资金 cell left out of the row: it ends where the header does, its
    # 执行率 under 执行率 (read where it stands, 100% would be the 分值)
    text = head + "年度资金总额\t\t50\t49\t10\t98%\t9.8\n" + tail
    funds = import_text(text.encode("utf-8")).forms[0].case.funds
    assert (funds.initial_budget, funds.budget, funds.executed) == (None, 50, 49)
    assert (funds.claimed_weight, funds.claimed_rate, funds.claimed_score) == (10, 98, Decimal("9.8"))
    # a tab row whose cells fit where they stand is read there
    text = head + "\t\t年度资金总额\t50\t50\t49\t10\t98%\t9.8\n" + tail
    funds = import_text(text.encode("utf-8")).forms[0].case.funds
    assert (funds.initial_budget, funds.budget, funds.executed) == (50, 50, 49)


def test_amounts_with_their_unit_or_a_currency_sign_in_the_cell():
    from evalengine.importer import labels as L

    assert [L.money(x) for x in ("50万元", "49.78 万元", "￥1,268.72", "¥50", "￥5万元", "50")] \
        == [50, Decimal("49.78"), Decimal("1268.72"), 50, 5, 50]
    # 元 in a 万元 table is another unit; 万 alone is 万元 (rules/vocabulary.toml)
    assert L.money("500元") is None and L.money("万元") is None and L.money("约50万元") is None
    assert L.money("5.0万") == Decimal("5.0")


def _funds_text(rate: str, weight: str = "10", score: str = "9.8") -> bytes:
    return ("项目名称\t培训项目\n主管部门\t某县教育局\n"
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            f"\t\t年度资金总额\t50万元\t50 万元\t￥49.0\t{weight}\t{rate}\t{score}\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t数量指标\t培训人数\t≥50人\t52人\t10\t10\n").encode("utf-8")


def test_a_rate_written_as_a_fraction_is_read_by_the_row_s_arithmetic():
    funds = import_text(_funds_text("0.98")).forms[0].case.funds
    assert (funds.budget, funds.executed, funds.claimed_rate) == (50, 49, 98)
    assert import_text(_funds_text("98 %")).forms[0].case.funds.claimed_rate == 98
    # 0.98 of what the row's figures make 98 %: neither reading fits, left unread
    form = import_text(_funds_text("0.5")).forms[0]
    assert form.case.funds.claimed_rate is None
    assert "claimed_rate" in dict(form.case.funds.unread.items)


def test_a_copied_web_table_funds_row_is_placed_by_its_arithmetic():
    head = ("项目名称\t培训项目\n主管部门\t某县教育局\t实施单位\t某县教师进修学校\n"
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n")
    tail = ("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t数量指标\t培训人数\t≥50人\t52人\t10\t10\n")
    # no percent printed: where it stands, 20 would be 执行数 of a 1.56 budget and its 执行率
    # 20 %; as the header's last cells, 执行数 1.56 and 分值 = 得分 = 20
    funds = import_text((head + "年度资金总额\t\t1.56\t1.56\t20\t\t20\n" + tail)
                        .encode("utf-8")).forms[0].case.funds
    assert (funds.budget, funds.executed, funds.claimed_weight, funds.claimed_score) == \
        (Decimal("1.56"), Decimal("1.56"), 20, 20)
