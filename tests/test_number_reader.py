"""One reader of a written number (numbers.read_number), and each former reader's edge cases
kept: the strict case-file reader (numbers.to_decimal), the importer's label cells
(importer.labels.number / percent / points) and the value parser (values.parse_value)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import labels
from evalengine.numbers import NumberError, read_number, to_decimal
from evalengine.values import Quantity, parse_value


@pytest.mark.parametrize("text, expected", [
    ("49.78", "49.78"), ("49.780", "49.780"), ("1,000", "1000"), ("1,234.5", "1234.5"),
    ("-3", "-3"), ("+2.5", "2.5"), ("１２．５", "12.5"), ("1，234", "1234"), ("0", "0"),
])
def test_read_number(text, expected):
    value = read_number(text)
    assert value == Decimal(expected) and str(value) == str(Decimal(expected))


@pytest.mark.parametrize("text", ["", "1,00", "1,0,0", "5.", ".5", "1E5", "1.2.3", "٣", "NaN", "八", "8分"])
def test_read_number_refuses(text):
    assert read_number(text) is None


def test_case_file_reader_keeps_the_forms_a_program_writes():
    assert to_decimal("1E+5") == Decimal("1E+5") and to_decimal("5.") == 5 and to_decimal(".5") == Decimal("0.5")
    assert to_decimal(" １２．５ ") == Decimal("12.5")
    for text, kind in (("1,0,0", "malformed-number"), ("NaN", "not-finite"), ("abc", "expected-number"),
                       ("1E+999999999", "number-out-of-range")):
        with pytest.raises(NumberError) as exc:
            to_decimal(text)
        assert exc.value.kind == kind


def test_label_cells():
    assert labels.number("8分") == 8 and labels.number("50万元") == 50
    assert labels.number(" ８ 分 ") == 8  # full width and spaces, as labels.key reads a cell
    assert str(labels.number("49.780")) == "49.780"  # the digits as printed
    assert labels.number("1,00") is None and labels.number("约8") is None
    assert labels.percent("100.00%") == Decimal("100.00") and labels.points("50万元") is None


def test_value_cells():
    money = parse_value("1,234.5万元")
    assert isinstance(money, Quantity) and money.amount == Decimal("12345000")
    assert parse_value("百分之九十五").amount == 95
    assert parse_value("负5%").amount == -5
    assert parse_value("95%-100%").upper == 100
    # "1,00" is no thousands group: two numbers, and no quantity of 100
    assert [q.amount for q in parse_value("1,00个").quantities] == [0]


def test_rule_readers_of_printed_numbers():
    """The rules' own readers of a printed number go through read_number too: N405's score in
    the 评价结论, the printed 一级 weight ("产出指标(50分)") and a figure's rounding step."""
    from evalengine.checks.kit import _half_unit
    from evalengine.checks.narrative.n405 import _stated_score

    assert _stated_score("综合评分为95.5分，等级优秀", ["评分"]) == (Decimal("95.5"), "95.5", "评分为95.5分")
    assert _stated_score("综合评分较高", ["评分"]) is None
    money = parse_value("202.6万元")
    assert _half_unit(money, "202.6") == Decimal("500")  # 0.1万元 / 2
    assert _half_unit(money, None) == 0 and _half_unit(parse_value("27条"), "27") == 0
