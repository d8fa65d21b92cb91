"""Tables whose flattening dropped the blank cells (web pages printing ``a | b |`` rows, PDF
text, copy-paste): cells placed by type and arithmetic, and by what the table's other rows
show (issue 10 §2).  Where two readings fit equally the fields stay unread."""

from __future__ import annotations

from evalengine.importer import import_text
from evalengine.importer.decoder import decode_cells
from evalengine.importer.layouts import load_layouts, relations


def _funds(layout_id: str):  # type: ignore[no-untyped-def]
    block = next(lay for lay in load_layouts() if lay.id == layout_id).block("funds")
    return block.columns, relations(block)


# -- a funds row whose 执行率 is printed blank --------------------------------------------

def test_a_blank_rate_is_derived_to_check_the_score():
    """880 | 880 | 880 | 10 | 10 under 年初 | 全年预算 | 全年执行 | 分值 | 执行率 | 得分: the
    执行率 is 880 / 880 = 100 %, so 得分 = 分值 × 执行率 holds for 10 | 10 as 分值 | 得分; a
    10 % 执行率 would not fit 880 / 880."""
    got = decode_cells(["880", "880", "880", "10", "10"], *_funds("central-2020"))
    assert got.values == {"initial_budget": "880", "budget": "880", "executed": "880",
                          "weight": "10", "score": "10"}
    assert got.ambiguous == ()


def test_a_derived_rate_that_breaks_the_score_is_no_evidence():
    """9 | 10 under a rate of 50 / 100: 10 × 50 % is not 9 -- and nothing else tells 分值 from
    执行率 from 得分: the two figures stay unread."""
    got = decode_cells(["100", "100", "50", "9", "10"], *_funds("central-2020"))
    assert not {"weight", "score", "rate"} & set(got.values)


def test_without_budget_and_spending_nothing_is_derived():
    got = decode_cells(["880", "10", "10"], *_funds("central-2020"))
    assert "weight" not in got.values and "score" not in got.values


def test_a_funds_row_with_a_blank_rate_is_imported():
    text = ("项目支出绩效自评表\n项目名称 河道保洁\n项目资金 (万元) 年初预算数 全年预算数(A) "
            "全年执行数(B) 分值 执行率(B/A) 得分\n年度资金总额: 60 60 45 10 7.5\n"
            "年度总体目标 预期目标 实际完成情况\n")
    [form] = import_text(text.encode("utf-8")).forms
    funds = form.case.funds
    assert (funds.budget, funds.executed) == (60, 45)
    assert (funds.claimed_weight, funds.claimed_score) == (10, 7.5)
    assert funds.claimed_rate is None
