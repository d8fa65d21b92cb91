"""Writing a case as an xlsx form: the central 项目支出绩效自评表 or the Sichuan
部门预算项目支出绩效自评表 (报表编号 510000_0013zp), with the templates' merged cells.

What the template has no cell for is written below the form as label | text rows that the
importer reads back (项目完成情况, 项目效益情况, 自评等级, 结余, 预算调整说明, 资金备注, and for the
central template 评价结论, 存在问题, 改进措施, 原因), so that export → import gives the same
case.  Not carried: ``project.source`` and ``funds.source`` (the importer writes where it
read the form), ``has_form``, ``project.incomplete`` (the exported form is whole as written),
``[[ignore]]`` and ``not_applicable``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..model import Case, Funds, Indicator

__all__ = ["REVIEW_HEADERS", "Review", "Template", "form_workbook", "form_width", "template_for",
           "workbook_bytes", "write_form"]

Template = Literal["central", "sichuan"]

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


REVIEW_HEADERS = ("自评分", "核实分", "扣分原因")


@attrs.frozen
class Review:
    """What a 复核评分表 adds to the right of the form (``evalengine score --format
    scoresheet``): for the budget row, each indicator (by its index in the case) and the total,
    the claimed score, the verified score and why points were deducted."""

    budget: tuple[Any, Any, str] = (None, None, "")
    indicators: Any = attrs.Factory(dict)  # index → (claimed, verified, reason)
    total: tuple[Any, Any, str] = (None, None, "")


def form_width(template: Template) -> int:
    """The number of columns the template's form takes (the review columns follow)."""
    return 11 if template == "sichuan" else 9


def _review(w: _Writer, row: int, values: tuple[Any, Any, str] | Sequence[str] | None) -> None:
    if values is None:
        return
    for offset, value in enumerate(values, start=1):
        w.put(row, w.width + offset, value)


def template_for(case: Case) -> Template:
    return "sichuan" if case.project.profile == "sichuan" else "central"


def _text(value: str) -> str:
    return _ILLEGAL.sub("", value)


def _amount(value: Decimal | None) -> Any:
    """A number cell when a binary float holds the value exactly, else the digits as text."""
    if value is None:
        return None
    as_float = float(value)
    if Decimal(repr(as_float)) == value and abs(as_float) < 1e15:
        return int(as_float) if as_float.is_integer() and value == value.to_integral() else as_float
    return str(value)


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else f"{value}%"


class _Writer:
    def __init__(self, ws: Any, top: int, width: int) -> None:
        self.ws = ws
        self.row = top
        self.width = width

    def put(self, row: int, col: int, value: Any, *, to_col: int | None = None,
            to_row: int | None = None) -> None:
        if isinstance(value, str):
            value = _text(value)
        cell = self.ws.cell(row=row, column=col, value=value if value != "" else None)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, not a formula
        last_col = to_col or col
        last_row = to_row or row
        if last_col > col or last_row > row:
            self.ws.merge_cells(start_row=row, start_column=col, end_row=last_row,
                                end_column=last_col)

    def line(self, *cells: tuple[int, int, Any]) -> int:
        """One row of (first col, last col, value); returns the row written."""
        r = self.row
        for first, last, value in cells:
            self.put(r, first, value, to_col=last)
        self.row += 1
        return r


def _runs(values: Sequence[str]) -> list[tuple[int, int]]:
    """Runs of equal, non-empty consecutive values: (first index, last index)."""
    runs = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start] or not values[start]:
            if i - 1 > start and values[start]:
                runs.append((start, i - 1))
            start = i
    return runs


def _merge_levels(w: _Writer, first_row: int, indicators: Sequence[Indicator],
                  l1_col: int, l2_col: int) -> None:
    l1 = [i.level1 for i in indicators]
    for a, b in _runs(l1):
        w.ws.merge_cells(start_row=first_row + a, start_column=l1_col, end_row=first_row + b,
                         end_column=l1_col)
    # 二级 merges stay inside one 一级 run
    keys = [f"{i.level1}\x00{i.level2}" if i.level2 else "" for i in indicators]
    for a, b in _runs(keys):
        w.ws.merge_cells(start_row=first_row + a, start_column=l2_col, end_row=first_row + b,
                         end_column=l2_col)


def _source_rows(w: _Writer, funds: Funds) -> None:
    """The 其中 rows under the funds total: source, 年初, 全年 (调整后) budget, executed (both
    templates put them in columns 3 to 6)."""
    for i, row in enumerate(funds.rows):
        label = f"其中：{row.source}" if i == 0 else row.source
        w.line((3, 3, label), (4, 4, _amount(row.initial_budget)), (5, 5, _amount(row.budget)),
               (6, 6, _amount(row.executed)))


def _extra_rows(w: _Writer, case: Case, labels: Sequence[tuple[str, str]]) -> None:
    for label, value in labels:
        if value:
            w.line((1, 2, label), (3, w.width, value))


def write_form(ws: Any, case: Case, template: Template, top: int = 1,
               review: Review | None = None) -> int:
    """Write one form from row ``top``; returns the first row after it (and a blank row).
    With ``review``, the columns of :data:`REVIEW_HEADERS` follow the form's last column on
    the budget row, the indicator header, each indicator and the total."""
    if template == "sichuan":
        return _sichuan(ws, case, top, review)
    return _central(ws, case, top, review)


def _name(case: Case) -> str:
    p = case.project
    return f"{p.code}-{p.name}" if p.code else p.name


def _central(ws: Any, case: Case, top: int, review: Review | None = None) -> int:
    w = _Writer(ws, top, 9)
    p, f = case.project, case.funds
    w.line((1, 9, "项目支出绩效自评表"))
    if p.year is not None:
        w.line((1, 9, f"（{p.year}年度）"))
    w.line((1, 2, "项目名称"), (3, 9, _name(case)))
    w.line((1, 2, "主管部门"), (3, 5, p.department), (6, 6, "实施单位"), (7, 9, p.implementer))
    funds_top = w.row
    w.line((3, 3, ""), (4, 4, "年初预算数"), (5, 5, "全年预算数"), (6, 6, "全年执行数"),
           (7, 7, "分值"), (8, 8, "执行率"), (9, 9, "得分"))
    if review:
        _review(w, w.row - 1, REVIEW_HEADERS)
        _review(w, w.row, review.budget)
    w.line((3, 3, "年度资金总额"), (4, 4, _amount(f.initial_budget)), (5, 5, _amount(f.budget)),
           (6, 6, _amount(f.executed)), (7, 7, _amount(f.claimed_weight)),
           (8, 8, _rate(f.claimed_rate)), (9, 9, _amount(f.claimed_score)))
    _source_rows(w, f)
    w.put(funds_top, 1, "项目资金（万元）", to_col=2, to_row=w.row - 1)
    goal_top = w.row
    w.line((3, 5, "预期目标"), (6, 9, "实际完成情况"))
    w.line((3, 5, case.goal.expected), (6, 9, case.goal.actual))
    w.put(goal_top, 1, "年度总体目标", to_col=2, to_row=w.row - 1)
    table_top = w.row
    if review:
        _review(w, w.row, REVIEW_HEADERS)
    w.line((2, 2, "一级指标"), (3, 3, "二级指标"), (4, 4, "三级指标"), (5, 5, "年度指标值"),
           (6, 6, "实际完成值"), (7, 7, "分值"), (8, 8, "得分"), (9, 9, "偏差原因分析及改进措施"))
    first = w.row
    for index, ind in enumerate(case.indicators):
        if review:
            _review(w, w.row, review.indicators.get(index))
        w.line((2, 2, ind.level1), (3, 3, ind.level2), (4, 4, ind.name), (5, 5, ind.target),
               (6, 6, ind.actual), (7, 7, _amount(ind.weight)), (8, 8, _amount(ind.score)),
               (9, 9, ind.deviation))
    _merge_levels(w, first, case.indicators, 2, 3)
    w.put(table_top, 1, "绩效指标", to_row=w.row - 1)
    if review:
        _review(w, w.row, review.total)
    w.line((1, 6, "总分"), (7, 7, ""), (8, 8, _amount(case.narrative.claimed_total)))
    n = case.narrative
    _extra_rows(w, case, [
        ("项目完成情况", n.completion), ("项目效益情况", n.benefit), ("评价结论", n.conclusion),
        ("存在问题", n.problems), ("改进措施", n.measures), ("自评等级", n.claimed_grade),
        ("原因", f.reason), ("预算调整说明", f.adjustment_reason), ("资金备注", f.note),
        ("结余", _balance(f.balance)),
    ])
    return w.row + 1


def _balance(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _sichuan(ws: Any, case: Case, top: int, review: Review | None = None) -> int:
    w = _Writer(ws, top, 11)
    p, f, n = case.project, case.funds, case.narrative
    year = f"（{p.year}年度）" if p.year is not None else ""
    w.line((1, 11, f"部门预算项目支出绩效自评表{year}"))
    w.line((1, 11, "报表编号：510000_0013zp"))
    w.line((1, 2, "项目名称"), (3, 11, _name(case)))
    w.line((1, 2, "主管部门"), (3, 6, p.department), (7, 8, "实施单位（盖章）"),
           (9, 11, p.implementer))
    basic = w.row
    w.put(basic, 2, "1.项目年度目标完成情况", to_col=3, to_row=basic + 1)
    w.line((4, 7, "项目年度目标"), (8, 11, "年度目标完成情况"))
    w.line((4, 7, case.goal.expected), (8, 11, case.goal.actual))
    w.put(w.row, 2, "2.项目实施内容及过程概述", to_col=3)
    w.line((4, 11, n.completion))
    w.put(basic, 1, "项目基本情况", to_row=w.row - 1)
    funds_top = w.row
    w.line((3, 3, "年度预算数（万元）"), (4, 4, "年初预算"), (5, 5, "调整后预算数"),
           (6, 6, "预算执行数"), (7, 7, "预算执行率"), (8, 8, "权重"), (9, 9, "得分"),
           (10, 11, "原因"))
    if review:
        _review(w, w.row - 1, REVIEW_HEADERS)
        _review(w, w.row, review.budget)
    w.line((3, 3, "总额"), (4, 4, _amount(f.initial_budget)), (5, 5, _amount(f.budget)),
           (6, 6, _amount(f.executed)), (7, 7, _rate(f.claimed_rate)),
           (8, 8, _amount(f.claimed_weight)), (9, 9, _amount(f.claimed_score)),
           (10, 11, f.reason))
    _source_rows(w, f)
    w.put(funds_top, 1, "预算执行情况（10分）", to_col=2, to_row=w.row - 1)
    table_top = w.row
    if review:
        _review(w, w.row, REVIEW_HEADERS)
    w.line((2, 2, "一级指标"), (3, 3, "二级指标"), (4, 4, "三级指标"), (5, 5, "指标性质"),
           (6, 6, "指标值"), (7, 7, "度量单位"), (8, 8, "完成值"), (9, 9, "权重"), (10, 10, "得分"),
           (11, 11, "未完成原因分析"))
    first = w.row
    for index, ind in enumerate(case.indicators):
        if review:
            _review(w, w.row, review.indicators.get(index))
        w.line((2, 2, ind.level1), (3, 3, ind.level2), (4, 4, ind.name), (5, 5, ind.operator),
               (6, 6, ind.target), (7, 7, ind.unit), (8, 8, ind.actual),
               (9, 9, _amount(ind.weight)), (10, 10, _amount(ind.score)),
               (11, 11, ind.deviation))
    _merge_levels(w, first, case.indicators, 2, 3)
    w.put(table_top, 1, "绩效指标（90分）", to_row=w.row - 1)
    if review:
        _review(w, w.row, review.total)
    w.line((1, 8, "合计"), (9, 9, ""), (10, 10, _amount(n.claimed_total)), (11, 11, ""))
    for label, value in (("评价结论", n.conclusion), ("存在问题", n.problems),
                         ("改进措施", n.measures)):
        w.line((1, 2, label), (3, 11, value))
    _extra_rows(w, case, [
        ("项目效益情况", n.benefit), ("自评等级", n.claimed_grade),
        ("预算调整说明", f.adjustment_reason), ("资金备注", f.note), ("结余", _balance(f.balance)),
    ])
    w.line((1, 5, "项目负责人："), (6, 11, "财务负责人："))
    return w.row + 1


def form_workbook(sheets: Sequence[tuple[str, Sequence[tuple[Case, Template]]]]) -> Any:
    """A workbook with one worksheet per entry, each holding its forms one below another."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, forms in sheets:
        ws = workbook.create_sheet(title=title[:31] or "Sheet")
        top = 1
        for case, template in forms:
            top = write_form(ws, case, template, top)
            ws.column_dimensions["A"].width = 14
    return workbook


def workbook_bytes(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
