"""Decoding glued figures by type and arithmetic (issue 10 §2)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer import import_text
from evalengine.importer.decoder import decode_run
from evalengine.importer.layouts import load_layouts, relations


def _funds(layout_id: str):  # type: ignore[no-untyped-def]
    block = next(lay for lay in load_layouts() if lay.id == layout_id).block("funds")
    return block.columns, relations(block)


def test_the_issue_example_fits_by_arithmetic():
    got = decode_run("5049.781099.56%9.96", *_funds("central-2020"))
    assert got.values == {"budget": "50", "executed": "49.78", "weight": "10",
                          "rate": "99.56%", "score": "9.96"}
    assert got.ambiguous == () and got.fitted == 2  # the two equalities; a bound is no evidence


def test_a_claimed_rate_that_is_slightly_off_is_still_placed():
    # 46 / 148 = 31.08 %, printed 31.00 %: the nearest reading, the printed rate kept
    got = decode_run("1484631.00%", *_funds("transfer-region"))
    assert got.values == {"budget": "148", "executed": "46", "rate": "31.00%"}


def test_zero_spent_and_a_fixed_points_formula():
    assert decode_run("10200%", *_funds("transfer-region")).values == {
        "budget": "102", "executed": "0", "rate": "0%"}
    assert decode_run("10001000100%20", *_funds("hubei-20-80")).values == {
        "budget": "1000", "executed": "1000", "rate": "100%", "score": "20"}


def test_a_rate_printed_as_a_bare_ratio_ties_the_row_but_is_left_unread():
    """1.56 | 1.56 | 1 | 20 is the one reading where 执行率 = 执行数 / 预算数 and 得分 = 20 ×
    执行率 both hold; whether "1" is a ratio or a 100% that lost its "00%" cannot be told."""
    got = decode_run("1.561.56120", *_funds("hubei-20-80"))
    assert got.values == {"budget": "1.56", "executed": "1.56", "score": "20"}
    assert got.ambiguous == ("rate",)


def test_two_readings_that_fit_equally_leave_the_fields_unread():
    got = decode_run("66201", *_funds("hubei-20-80"))
    assert got.ambiguous and not set(got.ambiguous) & set(got.values)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.%", max_size=24))
def test_the_decoder_never_raises(run):
    decode_run(run, *_funds("central-2020"))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_import_never_raises_on_any_text(text):
    import_text(("项目支出绩效自评表项目名称" + text + "年度资金总额" + text).encode())


def test_a_glued_funds_row_in_text_is_decoded():
    form = ("转移支付区域(项目)绩效目标自评表(2023年度)转移支付(项目)名称动物防疫补助资金使用单位某局"
            "资金投入情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)"
            "年度资金总额:1484631.00%其中:中央财政资金10200%地方资金4646100%")
    [imported] = import_text(form.encode()).forms
    funds = imported.case.funds
    assert (str(funds.budget), str(funds.executed), str(funds.claimed_rate)) == ("148", "46", "31.00")
    assert [(r.source, str(r.budget), str(r.executed)) for r in funds.rows] == [
        ("中央财政资金", "102", "0"), ("地方资金", "46", "46")]
    assert imported.layout == "transfer-region"


def test_glued_indicator_rows_are_decoded_by_type():
    from evalengine.importer.decoder import decode_rows

    rows, rest = decode_rows("监测数据必须合格100%100%10取得2018-2022监测资料100%100%10",
                             ("target", "actual", "score"), ("text", "text", "points"))
    assert rest == ""
    assert [(r.name, r.values) for r in rows] == [
        ("监测数据必须合格", {"target": "100%", "actual": "100%", "score": "10"}),
        ("取得2018-2022监测资料", {"target": "100%", "actual": "100%", "score": "10"})]
    # words printed twice are the target and the actual
    [row], _ = decode_rows("成本控制不超过预算不超过预算10", ("target", "actual", "score"),
                           ("text", "text", "points"))
    assert (row.name, row.values["target"], row.values["actual"]) == (
        "成本控制", "不超过预算", "不超过预算")


def test_glued_digits_that_split_several_ways_are_left_unread():
    from evalengine.importer.decoder import decode_rows

    [row], _ = decode_rows("补贴渔船数6520", ("target", "actual", "score"),
                           ("text", "text", "points"))
    assert row.name == "补贴渔船数" and row.values == {}
    assert set(row.ambiguous) == {"target", "actual", "score"}
    # a figure printed twice (6 | 6: the target met) earns its split: 6620 is 6 | 6 | 20
    [row], _ = decode_rows("补贴渔船数6620", ("target", "actual", "score"),
                           ("text", "text", "points"))
    assert row.values == {"target": "6", "actual": "6", "score": "20"}


def test_a_row_arithmetic_picks_the_split():
    from evalengine.importer.decoder import decode_rows
    from evalengine.importer.layouts import Relation

    rels = (Relation.parse("score = weight * coefficient"), Relation.parse("score <= weight"))
    [row], _ = decode_rows("组织宣传活动次数次0次43次100%1010是",
                           ("unit", "target", "actual", "coefficient", "weight", "score", "core"),
                           ("unit", "text", "text", "percent", "points", "points", "flag"), rels)
    assert row.values["weight"] == "10" and row.values["score"] == "10"
    assert row.values["actual"] == "43次"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789.%率次数量指标满意度是否高≥", max_size=60))
def test_the_row_decoder_never_raises(text):
    from evalengine.importer.decoder import decode_rows

    decode_rows(text, ("target", "actual", "weight", "score", "deviation"),
                ("text", "text", "points", "points", "free"))


def test_a_category_label_in_scrambled_order_is_recognised():
    from evalengine.importer.labels import split_categories

    assert split_categories("出标产指数量指标补贴渔船数6620") == [
        ("l1", "产出指标"), ("l2", "数量指标"), ("text", "补贴渔船数6620")]
    # a name that merely contains some of the characters is left alone
    assert split_categories("产出完成指数达标") == [("text", "产出完成指数达标")]


def _anagrams_every_window(s: str, matches: list) -> list:  # type: ignore[type-arg]
    """_with_anagrams as written before it skipped windows without 指 and 标: every window."""
    from evalengine.importer.labels import _anagram_index, _Found

    index = _anagram_index()
    taken = [False] * len(s)
    for m in matches:
        for k in range(m.start(), m.end()):
            taken[k] = True
    found, k = [], 0
    while k < len(s):
        hit = None
        for size in (8, 7, 6, 5, 4):
            window = s[k:k + size]
            if len(window) == size and not any(taken[k:k + size]):
                word = index.get((size, "".join(sorted(window))))
                if word is not None and window != word:
                    hit = _Found(k, word)
                    break
        if hit is not None:
            found.append(hit)
            k = hit.end()
        else:
            k += 1
    return sorted(matches + found, key=lambda m: m.start())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="产出效益满意度数量质量时效成本社会经济生态可持续影响指标服务对象12", max_size=60))
def test_scrambled_labels_are_found_as_when_every_window_was_tried(text):
    """Windows without both 指 and 标 are skipped (every word of the index ends in 指标):
    the labels found are the same as when every window was sorted and looked up."""
    from evalengine.importer.labels import _category_re, _with_anagrams

    def spans(ms: list) -> list:  # type: ignore[type-arg]
        return [(m.start(), m.group()) for m in ms]

    assert spans(_with_anagrams(text, list(_category_re().finditer(text)))) == spans(
        _anagrams_every_window(text, list(_category_re().finditer(text))))


_ROW_ALPHABET = "0123456789.%率次数量指标满意度是否高好≥≤=人万元年度完成达标\n"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ROW_ALPHABET, max_size=80))
def test_the_row_decoder_never_raises_with_line_ends_and_returns_what_it_read(text):
    """Rows a line each (LINE_END): every line is one row or unplaced text; nothing raises,
    and a field is either read or named ambiguous, never both."""
    from evalengine.importer.decoder import LINE_END, decode_rows

    rows, rest = decode_rows(text, ("target", "actual", "weight", "score", "deviation"),
                             ("text", "text", "points", "points", "free"))
    if LINE_END in text:
        assert len(rows) <= len([x for x in text.split(LINE_END) if x])
    for row in rows:
        assert not set(row.values) & set(row.ambiguous)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="0123456789.,%万元", max_size=10), max_size=7))
def test_the_cell_decoder_never_raises(cells):
    from evalengine.importer.decoder import decode_cells

    got = decode_cells(cells, *_funds("central-2020"))
    assert not set(got.values) & set(got.ambiguous)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_operator_position_never_raises_on_any_text(text):
    from evalengine.importer.decoder import operator_cell, unreadable_operator

    op = operator_cell(text)
    assert op is None or isinstance(op, str)
    assert unreadable_operator(text) in (True, False)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_cutting_glued_text_never_raises_and_loses_nothing(text):
    """A glued line is cut at its labels: the cells hold all of its text (cleaned)."""
    from evalengine.importer.glued import cut, glued_sheet
    from evalengine.importer.labels import clean

    for line in text.split("\n"):
        cells = cut(line)
        assert "".join(cells).replace(":", "").replace("：", "") == \
            clean(line).strip().replace(":", "").replace("：", "") or not clean(line).strip()
    glued_sheet(text)


_IND = (("target", "actual", "weight", "score", "deviation"),
        ("text", "text", "points", "points", "free"))


def test_a_line_end_is_a_row_boundary_and_a_unit_stays_with_its_figure():
    from evalengine.importer.decoder import LINE_END, decode_rows

    rows, rest = decode_rows(f"工作经费50万元49.78万元{LINE_END}培训人数≥50人52人1010", *_IND)
    assert rest == ""
    assert [(r.name, r.values) for r in rows] == [
        ("工作经费", {"target": "50万元", "actual": "49.78万元"}),
        ("培训人数", {"target": "≥50人", "actual": "52人", "weight": "10", "score": "10"})]
    assert rows[0].ambiguous == ()  # 50 | 万元49.78 … is no reading: 万元 belongs to 50


def test_a_row_of_words_only_leaves_its_name_and_text_cells_unread():
    from evalengine.importer.decoder import LINE_END, decode_rows

    [row, _] = decode_rows(f"促成招商项目落地建设投产促进重整{LINE_END}人数≥5人6人1010", *_IND)[0]
    assert row.values == {} and {"name", "target", "actual"} <= set(row.ambiguous)


def test_a_table_reads_a_doubtful_row_as_its_sure_rows_fill_their_columns():
    """22 under 分值 | 得分: 2 | 2 where every sure row of the table fills both, not 22."""
    from evalengine.importer.decoder import LINE_END, decode_rows

    sure = [f"指标{n}号≥{n}0人{n}1人1010" for n in range(1, 4)]
    rows, _ = decode_rows(LINE_END.join([*sure, "资产管理≥9人9人22"]), *_IND)
    assert rows[-1].values == {"target": "≥9人", "actual": "9人", "weight": "2", "score": "2"}
    alone, _ = decode_rows("资产管理≥9人9人22" + LINE_END, *_IND)
    assert {"weight", "score"} <= set(alone[0].ambiguous)  # no table to say: unread


def test_a_label_word_inside_a_line_is_that_rows_text():
    from evalengine.importer.decoder import LINE_END, labels_at_line_start
    from evalengine.importer.labels import split_categories

    run = f"产出指标质量指标补助资格合规性合规达成预期指标{LINE_END}时效指标及时性及时达标"
    kinds = [k for k, _ in labels_at_line_start(split_categories(run))]
    assert kinds == ["l1", "l2", "text", "l2", "text"]


def test_a_compound_header_label_is_cut_the_way_one_layout_prints_it():
    from evalengine.importer.glued import cut

    central = cut("项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分")
    assert central[-3:] == ["分值", "执行率", "得分"]
    chongqing = cut("年初预算数全年(调整)预算数全年执行数执行率(%)执行率权重执行率得分(分)")
    assert chongqing[-2:] == ["执行率权重", "执行率得分(分)"]


def test_a_glued_total_and_a_filler_row_after_the_last_row_are_read():
    # the template's filler (……) after the last indicator row, and the 总分 glued to its two
    # figures and the notes: the row is read, the total split by the rows' sums
    text = ("项目支出绩效自评表(2022年度)项目名称道路维修项目主管部门某县交通局实施单位某县交通局"
            "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10"
            "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
            "产出指标(60分)数量指标维修道路长度30≥5公里≥5公里30质量指标验收合格率30100%100%28"
            "满意度指标(30分)服务对象满意度指标群众满意度30≥95%≥95%30……总分9088注:1.各项指标")
    [form] = import_text(text.encode("utf-8"), stem="t").forms
    rows = form.case.indicators
    assert [r.name for r in rows][-1] == "群众满意度"
    assert rows[-1].weight == 30 and rows[-1].score == 30
    assert form.case.narrative.claimed_total == 88
