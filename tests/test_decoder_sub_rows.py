"""A sub-row of the funds table (其中：财政拨款) whose blank cells were dropped or whose figures
are glued: decoded by the total row above it -- children sum to their parent (issue 10 §2)."""

from __future__ import annotations

from evalengine.importer import import_text
from evalengine.importer.decoder import decode_cells, decode_run
from evalengine.importer.layouts import Column, Relation

COLUMNS = (Column("initial_budget", "money"), Column("budget", "money"),
           Column("executed", "money"), Column("weight", "points"), Column("rate", "percent"),
           Column("score", "points"))
RELATIONS = (Relation("rate", "/", "executed", "budget"), Relation("score", "*", "weight", "rate"))


def test_without_its_parent_two_figures_of_three_columns_are_unread():
    decoded = decode_cells(["387664.62", "387664.62"], COLUMNS, RELATIONS)
    assert decoded.values == {} and {"initial_budget", "budget", "executed"} <= set(
        decoded.ambiguous)


def test_a_sub_row_equal_to_its_parent_is_read_in_the_parent_columns():
    parent = {"budget": "387664.62", "executed": "387664.62"}
    decoded = decode_cells(["387664.62", "387664.62"], COLUMNS, RELATIONS, parent)
    assert decoded.values == {"budget": "387664.62", "executed": "387664.62"}
    assert decoded.ambiguous == ()


def test_a_glued_sub_row_is_split_the_way_its_parent_is():
    decoded = decode_run("2020", COLUMNS[1:], RELATIONS, {"budget": "20", "executed": "20"})
    assert decoded.values == {"budget": "20", "executed": "20"}


def test_a_child_never_exceeds_its_parent_and_a_part_proves_nothing():
    # 4540 under a 50 | 50 | 40 total: never 454 | 0 (a child over its parent); 40 is the
    # executed figure (equal to the parent's), but which column 45 is in is not shown
    parent = {"initial_budget": "50", "budget": "50", "executed": "40"}
    decoded = decode_run("4540", COLUMNS[:3], RELATIONS, parent)
    assert decoded.values == {"executed": "40"}
    assert set(decoded.ambiguous) == {"initial_budget", "budget"}
    assert decode_run("4540", COLUMNS[:3], RELATIONS).values == {}


def test_a_pipe_form_reads_its_sub_row_through_the_total():
    text = ("项目支出绩效自评表 |\n项目名称 | 培训项目 |\n"
            "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "年度资金总额 | 80 | 80 | 10 | 100% | 10 |\n其中：财政拨款 | 80 | 80 |\n其他资金 |\n"
            "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 培训人数 | ≥50人 | 52人 | 90 | 90 |\n")
    [form] = import_text(text.encode("utf-8")).forms
    row = form.case.funds.rows[0]
    assert (row.budget, row.executed) == (form.case.funds.budget, form.case.funds.executed)
    assert row.budget is not None and row.initial_budget is None


def test_a_lone_ten_beside_a_full_rate_is_weight_or_score_under_a_fixed_weight():
    # Sichuan: 得分 = 10 × 执行率, and a 权重 column: 10 is 权重 10 or 得分 10 -- disputed,
    # never a 得分 read as if the arithmetic had chosen it
    columns = (Column("initial_budget", "money"), Column("budget", "money"),
               Column("executed", "money"), Column("rate", "percent"), Column("weight", "points"),
               Column("score", "points"))
    rels = (Relation("rate", "/", "executed", "budget"), Relation("score", "*", "10", "rate"))
    decoded = decode_cells(["238.93", "251.89", "251.89", "100%", "10"], columns, rels)
    assert "weight" not in decoded.values and "score" not in decoded.values
    assert {"weight", "score"} <= set(decoded.ambiguous)
    assert decoded.values["rate"] == "100%" and decoded.values["executed"] == "251.89"


def test_a_glued_amount_printed_twice_is_the_budget_spent_whole():
    # 9089.97489.974: 90 | 89.974 | 89.974 (全年预算数 = 全年执行数), the one split with an
    # amount printed twice side by side; without that evidence every split ties
    decoded = decode_run("9089.97489.974", COLUMNS, RELATIONS)
    assert decoded.values == {"initial_budget": "90", "budget": "89.974", "executed": "89.974"}
    # two pairs alike (48.84 | 48.84 as 年初|全年 or 全年|执行) still tie: unread
    cells = decode_cells(["48.84", "48.84"], COLUMNS, RELATIONS)
    assert cells.values == {} and {"initial_budget", "executed"} <= set(cells.ambiguous)
