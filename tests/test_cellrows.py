"""Indicator rows from runs of cells without row boundaries (evalengine/importer/cellrows.py):
segmented by cell type and the row's arithmetic, never counted off the header."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer import import_text
from evalengine.importer.cellrows import segment_rows

SCORED = ("name", "target", "actual", "weight", "score", "deviation")


def _rows(segments):
    return [s.values for s in segments if s.kind == "row"]


def test_rows_whose_trailing_blank_cells_were_dropped_stay_in_their_columns():
    cells = ["产出指标", "(50)", "数量", "造林面积", "1.2万亩", "1.2万亩", "10", "10", "",
             "防治面积", "3.45万亩", "3.45万亩", "7", "7",  # 偏差原因 dropped
             "经营面积", "16.3万亩", "16.3万亩", "7", "6", " ",
             "……", "", "", "", "质量指标", "成活率", "85%", "85%", "7", "7"]
    segments = segment_rows(cells, SCORED)
    rows = _rows(segments)
    assert [r["name"] for r in rows] == ["造林面积", "防治面积", "经营面积", "成活率"]
    assert [(r["weight"], r["score"]) for r in rows] == [("10", "10"), ("7", "7"), ("7", "6"),
                                                         ("7", "7")]
    assert [s.kind for s in segments][:2] == ["l1", "points"]
    assert "filler" in [s.kind for s in segments]
    assert not [s for s in segments if s.kind == "unplaced"]


def test_a_score_above_its_weight_is_never_read_as_the_score():
    cells = ["甲指标名", "5人", "5人", "2", "3"]
    assert [s.kind for s in segment_rows(cells, SCORED[:5], strict=True)] == ["unplaced"] * 5
    segments = segment_rows(cells, SCORED[:5])
    assert all(r.get("score") != "3" for r in _rows(segments))
    assert [s.text for s in segments if s.kind == "unplaced"] == ["3"]


def test_the_text_cut_inside_a_row_gives_a_cut_segment():
    segments = segment_rows(["造林面积", "1.2万亩", "1.2万亩", "10", "10", "当期完成", "90%"],
                            SCORED, cut=True)
    assert [s.kind for s in segments] == ["row", "cut"]
    assert segments[1].values == {"name": "当期完成", "target": "90%"}


def test_strict_reading_leaves_what_fits_no_whole_row_unplaced():
    cells = "指标1:档案 38508人 二级指标 分值 37442人 3 3 指标6:讲座 12次 96次 1 1".split()
    segments = segment_rows(cells, SCORED, strict=True)
    assert _rows(segments) == [{"name": "指标6:讲座", "target": "12次", "actual": "96次",
                                "weight": "1", "score": "1"}]
    assert {s.text for s in segments if s.kind == "unplaced"} >= {"指标1:档案", "38508人"}


def test_rows_printed_column_by_column_are_read_as_their_rows():
    cells = "指标24:报告数 指标25:签约率 14例 14例 2 2 24694人 22584人 2 1.7".split()
    rows = _rows(segment_rows(cells, SCORED, strict=True))
    assert rows == [
        {"name": "指标24:报告数", "target": "14例", "actual": "14例", "weight": "2", "score": "2"},
        {"name": "指标25:签约率", "target": "24694人", "actual": "22584人", "weight": "2",
         "score": "1.7"}]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "10", "8", "95%", "≥90%", "数量指标", "产出指标",
                                 "(30)", "……", "造林面积", "显著", "人次"]), max_size=40),
       st.booleans(), st.booleans())
def test_every_cell_is_placed_once_whatever_the_run(cells, cut, strict):
    segments = segment_rows(cells, SCORED, cut=cut, strict=strict)
    taken = [c for s in segments for c in s.cells]
    assert len(taken) == len(set(taken))
    assert set(taken) <= set(range(len(cells)))
    blank = {n for n, c in enumerate(cells) if not c.strip()}
    assert set(range(len(cells))) - blank <= set(taken) | blank


BLANK_LINE_FORM = "\n\n".join([
    "部门整体支出绩效自评表", "项目名称", "某某项目", "一级指标", "二级指标", "三级指标",
    "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因", "分析及", "改进措施",
    "产出指标", "(60)", "数量", "指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", " ",
    "防治面积", "3.45万亩", "3.45万亩", "7", "7",
    "质量", "指标", "造林成活率", "85%", "80%", "7", "5", " ", "……", " ", " ", " ",
    "效益指标", "30分)", "社会效", "益指标", "提高就业率", "显著", "显著", "6", "6", " ",
    "总分", "28",
]) + "\n"


def test_a_form_copied_one_cell_a_paragraph_imports_its_rows():
    got = import_text(BLANK_LINE_FORM.encode("utf-8"))
    (form,) = got.forms
    rows = [(i.level1, i.level2, i.name, i.target, i.actual, str(i.weight), str(i.score))
            for i in form.case.indicators]
    assert rows == [
        ("产出指标", "数量指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10"),
        ("产出指标", "数量指标", "防治面积", "3.45万亩", "3.45万亩", "7", "7"),
        ("产出指标", "质量指标", "造林成活率", "85%", "80%", "7", "5"),
        ("效益指标", "社会效益指标", "提高就业率", "显著", "显著", "6", "6"),
    ]


def test_two_segmentations_that_fit_equally_leave_the_rows_they_dispute_unread():
    # 培训人次 | 达标 ‖ 合格率 | 达标 | 完成, or 培训人次 | 达标 | 合格率 ‖ 达标 | 完成
    segments = segment_rows(["培训人次", "达标", "合格率", "达标", "完成"],
                            ("name", "target", "actual"))
    assert [s.ambiguous for s in segments] == [True, True]
    assert segments[0].values["name"] == "培训人次"


def test_a_schema_that_does_not_start_with_the_name_reads_no_row():
    segments = segment_rows(["10", "甲", "8"], ("weight", "name", "score"))
    assert [s.kind for s in segments] == ["unplaced"] * 3
