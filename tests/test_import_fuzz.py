"""Arbitrary input never crashes the importer, and whatever it imports can be written.

Text is drawn from the forms' own vocabulary (labels, 一级/二级 words, numbers, separators)
as well as from arbitrary characters, so that the readers behind every label are reached.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from evalengine.importer import import_sheets, import_text
from evalengine.importer.sheets import Sheet
from evalengine.importer.tomlout import dumps
from evalengine.loader import parse_document

VOCAB = [
    "项目支出绩效自评表", "部门预算项目支出绩效自评表(2023年度)", "项目名称", "主管部门", "实施单位",
    "项目资金(万元)", "预算执行情况(10分)", "年初预算数", "全年预算数", "全年执行数", "调整后预算数",
    "预算数:", "执行数:", "分值", "执行率", "得分", "权重", "原因", "年度资金总额", "总额",
    "其中:财政拨款", "其他资金", "年度总体目标", "预期目标", "实际完成情况", "绩效指标", "一级指标",
    "二级指标", "三级指标", "年度指标值", "实际完成值", "指标性质", "指标值", "度量单位", "完成值",
    "偏差原因分析及改进措施", "产出指标(50分)", "产出指标", "效益指标", "满意度指标", "成本指标",
    "数量指标", "质量指标", "时效指标", "经济效益", "指标", "(50分)", "指标2", "……", "合计", "总分",
    "评价结论", "存在问题", "改进措施", "自评总分:", "项目负责人:某", "结余", "=", "≥", "≤", "定性",
    "%", "万元", "元/人", "100", "95.5", "0.00", "100.00%", "-", "/", "", "完成", "2021年",
    "51000021R000000019951-工资性支出", "219-某局", "(2022年度)", "报表编号:510000_0013zp",
]
_cell = st.one_of(st.sampled_from(VOCAB), st.text(max_size=8))
_grid_cell = st.one_of(st.sampled_from(VOCAB),
                       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8))
_seps = st.sampled_from(["\t", " | ", "|", " ", "\n", "\n\n", "\n \n", "\t\t"])


@st.composite
def _form_text(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        parts.append(draw(_cell))
        parts.append(draw(_seps))
    head = draw(st.sampled_from(["", "SOURCE: http://x\nLAYOUT: scored\nTRUNCATED\n"]))
    return head + "".join(parts)


def _check(forms) -> None:
    for form in forms:
        text = dumps(form.case, [str(n) for n in form.notes])
        assert parse_document(tomllib.loads(text, parse_float=Decimal)) == form.case


@given(st.text())
def test_arbitrary_text_never_crashes(text):
    for encoding in ("utf-8", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        _check(import_text(data).forms)


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data):
    _check(import_text(data).forms)


@given(_form_text())
def test_form_like_text_never_crashes(text):
    _check(import_text(text.encode("utf-8")).forms)


@given(st.lists(st.lists(_grid_cell, max_size=12), max_size=25),
       st.sampled_from(["grid", "tab", "compact", "stream", "words"]), st.booleans())
def test_arbitrary_grids_never_crash(rows, mode, truncated):
    width = max((len(r) for r in rows), default=0)
    if mode == "grid":
        rows = [r + [""] * (width - len(r)) for r in rows]
        origins = tuple(tuple((r, c) for c in range(width)) for r in range(len(rows)))
    else:
        origins = None
    breaks = frozenset(range(0, len(rows), 3)) if mode == "tab" else frozenset()
    sheet = Sheet("S", mode, tuple(tuple(r) for r in rows), breaks, origins, truncated)
    forms, _ = import_sheets([sheet], shown="x", stem="x")
    _check(forms)


@given(st.lists(st.lists(_grid_cell, min_size=1, max_size=6), min_size=1, max_size=12),
       st.data())
def test_merged_grids_never_crash(rows, data):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    origins = [[(r, c) for c in range(width)] for r in range(len(rows))]
    for _ in range(data.draw(st.integers(0, 4))):
        r0 = data.draw(st.integers(0, len(rows) - 1))
        c0 = data.draw(st.integers(0, width - 1))
        r1 = data.draw(st.integers(r0, len(rows) - 1))
        c1 = data.draw(st.integers(c0, width - 1))
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                rows[r][c] = rows[r0][c0]
                origins[r][c] = (r0, c0)
    sheet = Sheet("S", "grid", tuple(tuple(r) for r in rows),
                  origins=tuple(tuple(o) for o in origins))
    forms, _ = import_sheets([sheet], shown="x", stem="x")
    _check(forms)


def test_a_table_row_of_punctuation_only_does_not_stop_the_import():
    # found by the spliced-corpus property: a pipe table whose last row is a lone ":" raised
    # StopIteration while its rows were read
    from evalengine.importer import import_text

    text = ("绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 "
            "| 得分 | 未完成原因分析 |\n产出指标 | 质量指标 | 完成产品购买并按要求支付资金 | = | 100 | \n:")
    imported = import_text(text.encode("utf-8"))
    assert [[i.name for i in f.case.indicators] for f in imported.forms] == [["完成产品购买并按要求支付资金"]]
