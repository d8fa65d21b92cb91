"""The money figures a form supports (万元), shared by scoring, the rules and the engine.

The 年度资金总额 (total) row as the case gives it; or, when that row is empty or 0 while its
其中 rows carry money (real forms 01 and 02), the sum of the 其中 rows, so that one slip on
the form neither hides the execution rate nor every other money problem.  When the layout
has no 全年/调整后预算数 column (a Jinan-style form: 执行率 = 执行数/年初预算数), the 年初预算数 is
the denominator.

A figure the importer did not read (``unread``) is not a figure: it gives no total, no sum of
rows and no rate, rather than a wrong one (docs/case-format.md, "Provenance").
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from .model import FundRow, Funds
from .numbers import ZERO

__all__ = ["Figures", "figures", "filled", "read", "row_sum", "rows_instead"]


@attrs.frozen
class Figures:
    """The money a rule reasons about (万元)."""

    budget: Decimal | None  # the denominator of 执行率
    executed: Decimal | None
    initial: Decimal | None  # 年初预算数
    adjusted: Decimal | None  # 全年/调整后预算数 as given (None when the layout has none)
    from_rows: bool  # the total row was empty or 0 and the 其中 rows were summed

    @property
    def rate(self) -> Decimal | None:
        if self.budget is None or self.executed is None or self.budget <= 0 or self.executed < 0:
            return None  # a negative 执行数 gives no rate (F113 reports it)
        return self.executed / self.budget

    @property
    def balance(self) -> Decimal | None:
        if self.budget is None or self.executed is None:
            return None
        return self.budget - self.executed

    @property
    def where(self) -> str:
        return "其中各行合计" if self.from_rows else "年度资金总额"

    @property
    def budget_label(self) -> str:
        return "预算数" if self.adjusted is not None else "年初预算数"


def read(record: Funds | FundRow, field: str) -> Decimal | None:
    """A money figure as read from the form: None when blank or not read."""
    return None if record.unread.items and field in record.unread else getattr(record, field)


def row_sum(funds: Funds, field: str) -> Decimal | None:
    """The sum of the 其中 rows' ``field``; None when none has it, or one was not read (or
    the rows themselves were not read)."""
    if "rows" in funds.unread or any(row.unread.items and field in row.unread for row in funds.rows):
        return None
    values = [getattr(row, field) for row in funds.rows if getattr(row, field) is not None]
    return sum(values, ZERO) if values else None


def filled(value: Decimal | None) -> bool:
    return value is not None and value != 0


def rows_instead(funds: Funds) -> bool:
    """The total row's budget and executed are empty or 0 while the 其中 rows carry money."""
    if filled(funds.budget) or filled(funds.executed):
        return False
    if "budget" in funds.unread or "executed" in funds.unread:
        return False  # a total not read is not a total printed empty
    return filled(row_sum(funds, "budget")) or filled(row_sum(funds, "executed"))


def figures(funds: Funds, *, rows: bool = True) -> Figures:
    """The total row, or the sum of the 其中 rows when the total row is empty (``rows``)."""
    if rows and rows_instead(funds):
        adjusted, executed = row_sum(funds, "budget"), row_sum(funds, "executed")
        initial, from_rows = row_sum(funds, "initial_budget"), True
    else:
        adjusted, executed, initial, from_rows = (
            read(funds, "budget"), read(funds, "executed"), read(funds, "initial_budget"), False)
    budget = adjusted if adjusted is not None else initial
    if not from_rows and "budget" in funds.unread:
        budget = None  # the 年初预算数 stands in only for a layout without the column
    return Figures(budget, executed, initial, adjusted, from_rows)
