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
}
# shape → most fields given a value the form does not hold (wrong, spurious, invented): a
# wrong value is worse than a field left unread, so these may only go down
WRONG_CEILINGS = {
    "tab": 8, "pipe": 8, "cells": 7, "broken": 11, "page": 8,
    "glued": 30, "oneline": 34, "synonyms": 10, "traditional": 8, "ocr": 9,
    "paragraphs": 92, "columns": 16,
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
