"""The operator position (issue 10 §3): OCR confusions of ≥/≤ are read as operators only in
an operator position -- the 指标性质 cell, or a target's start before its number -- and an
operator that cannot be read leaves the target unread, never a target of 0 that the actual
is measured against (the import-caused S205 of a Chongqing form's ``次到0次``)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.engine import run
from evalengine.importer import import_text
from evalengine.importer.decoder import operator_cell, unreadable_operator
from evalengine.importer.tomlout import dumps
from evalengine.values import Quantity, parse_value

HEAD = ("部门预算项目支出绩效自评表\n报表编号：510000_0013zp\n项目名称\t宣传项目\n"
        "绩效指标（90分）\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\n")


def _rows(operator: str, target: str) -> list:
    text = HEAD + (f"\t产出指标\t数量指标\t组织宣传活动次数\t{operator}\t{target}\t次\t43次\t10\t10\n"
                   "\t\t质量指标\t合格率\t=\t100\t%\t100\t10\t10\n合计\t\t\t\t\t\t\t\t20\t20\n")
    return import_text(text.encode("utf-8")).forms[0].case.indicators


def test_an_ocr_confusion_in_the_operator_cell_is_that_operator():
    assert operator_cell("2") == "≥" and operator_cell("W") == "≤" and operator_cell("≧") == "≥"
    [first, _] = _rows("2", "40")
    assert first.operator == "≥" and first.target == "40" and "target" not in first.unread


def test_junk_in_the_operator_cell_leaves_the_target_unread():
    [first, second] = _rows("次到", "40")
    assert first.target == "" and first.unread.reason("target") == "unreadable"
    assert first.unread.reason("operator") == "unreadable"
    assert first.actual == "43次" and first.score == 10  # the rest of the row is read
    assert "target" not in second.unread and second.target == "100"


def test_junk_before_a_targets_number_is_no_target_of_zero(tmp_path: Path):
    [first, _] = _rows("≥", "到0次")
    assert first.target == "" and first.unread.reason("target") == "unreadable"
    # as the form printed it: 定量指标, 到0次 (read as = 0 before), 43次, full marks
    case = import_text((HEAD + "\t产出指标\t数量指标\t组织宣传活动次数\t定量指标\t到0次\t次\t43次\t10\t10\n"
                        "合计\t\t\t\t\t\t\t\t10\t10\n").encode("utf-8")).forms[0].case
    (tmp_path / "x.toml").write_text(dumps(case), encoding="utf-8")
    codes = {f.code for r in run([tmp_path]).cases for f in r.findings}
    assert "S205" not in codes  # full marks on a "missed" 0 target: the import's, not the form's


def test_words_an_operator_position_may_hold_are_read():
    for target in ("≥95%", "不低于95%", "达到95%", "约10次", "每年2次", "完成100%", "95%", "2次"):
        assert not unreadable_operator(target), target
    for target in ("到0次", "第0份", "扁2200篇"):
        assert unreadable_operator(target), target


_KNOWN = ("不低于", "不少于", "达到", "完成", "约", "每年", "≥", "≤", "")


@settings(max_examples=60, deadline=None)
@given(prefix=st.text(alphabet="到第次扁份tO口的一", min_size=1, max_size=2),
       number=st.integers(min_value=0, max_value=500), unit=st.sampled_from(["次", "%", "人", ""]))
def test_an_unreadable_operator_never_gives_a_number_target(prefix, number, unit):
    """Property: a target whose operator position holds junk is imported unread, or as
    text the value parser does not read as a figure -- never as a number."""
    [first, _] = _rows("≥", f"{prefix}{number}{unit}")
    if first.target:
        assert not isinstance(parse_value(first.target), Quantity) or prefix in _KNOWN, first
    else:
        assert first.unread.reason("target") == "unreadable"


@settings(max_examples=40, deadline=None)
@given(op=st.sampled_from(["≥", "≤", "=", "2", "W", "≧", "≦", "定量", "定性"]),
       number=st.integers(min_value=1, max_value=500))
def test_a_readable_operator_keeps_the_target(op, number):
    [first, _] = _rows(op, str(number))
    assert first.target == str(number) and "target" not in first.unread


def _central(target: str, extra: str = "") -> list:
    text = ("项目支出绩效自评表\n项目名称\t培训项目\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            f"\t产出指标\t数量指标\t培训人数\t{target}\t100人\t10\t10\n"
            f"\t\t质量指标\t合格率\t{extra or '95%'}\t98%\t10\t10\n总分\t\t\t\t\t\t20\t20\n")
    return import_text(text.encode("utf-8")).forms[0].case.indicators


def test_a_2_before_a_target_is_left_unread_only_in_text_read_by_ocr():
    """2100人: ≥100人 read by OCR, or 2100人?  Where nothing shows OCR it is 2100人; where the
    text shows OCR confusions (W5%, 9O%) the two cannot be told and the target is unread."""
    [plain, _] = _central("2100人")
    assert plain.target == "2100人"
    [doubt, other] = _central("2100人", extra="9O%")  # an O read for 0: the text is OCR'd
    assert doubt.target == "" and doubt.unread.reason("target") == "ambiguous"
    assert other.target == "90%"
    [year, _] = _central("2021年", extra="9O%")
    assert year.target == "2021年"  # a year is no ≥


def _grid_rows(target: str, actual: str = "43次") -> list:
    from evalengine.importer import import_sheets
    from evalengine.importer.sheets import grid_sheet

    rows = [["项目支出绩效自评表"], ["项目名称", "宣传项目"],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["", "产出指标", "数量指标", "组织宣传活动次数", target, actual, "10", "10"],
            ["总分", "", "", "", "", "", "10", "10"]]
    return rows, import_sheets, grid_sheet


def test_a_workbook_cell_holds_what_was_typed_and_an_ocr_page_what_was_misread():
    import attrs

    rows, import_sheets, grid_sheet = _grid_rows("到0次")
    typed = grid_sheet("", rows)
    [form] = import_sheets([typed], shown="x.xlsx", stem="x")[0]
    assert form.case.indicators[0].target == "到0次"  # typed so: what the form says
    scanned = attrs.evolve(typed, ocr=True)  # a scanned PDF page read by OCR
    [form] = import_sheets([scanned], shown="x.pdf", stem="x")[0]
    assert form.case.indicators[0].unread.reason("target") == "unreadable"
    rows, _, _ = _grid_rows("W5%")
    [form] = import_sheets([attrs.evolve(grid_sheet("", rows), ocr=True)], shown="x.pdf",
                           stem="x")[0]
    assert form.case.indicators[0].target == "≤5%"  # OCR fixes apply to an OCR'd page


def test_an_actual_printed_as_the_doubted_target_shares_its_doubt():
    # ≥360天 | ≥360天 read by OCR as 2360天 | 2360天: the actual is as unsure as the target
    text = ("项目支出绩效自评表\n项目名称\t培训项目\n"
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "\t产出指标\t时效指标\t服务天数\t2360天\t2360天\t10\t10\n"
            "\t\t数量指标\t发稿数量\t2200篇\t2859篇\t10\t10\n"
            "\t\t质量指标\t合格率\t9O%\t98%\t10\t10\n总分\t\t\t\t\t\t30\t30\n")
    same, differ, _ = import_text(text.encode("utf-8")).forms[0].case.indicators
    assert same.actual == "" and same.unread.reason("actual") == "ambiguous"
    assert same.weight == 10 and same.score == 10
    # a different actual (2859篇) has no ≥ to lose: it is read
    assert differ.actual == "2859篇" and "actual" not in differ.unread
