"""The hand-made layouts that replaced rich tables and openpyxl cells (speed work): the
human renderer's wrapping, the xlsx cell encoding, and the terminal cleaning shortcut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from evalengine.render import human, terminal, xlsx

_TEXT = st.text(st.sampled_from(list("中文预算执行“”，。") + list("abc xyz 100%\n")), max_size=200)


@given(_TEXT, st.integers(2, 80))
def test_wrap_keeps_every_character_and_the_width(value, width):
    lines = human.wrap(value, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == value.replace(" ", "").replace("\n", "")


@given(st.text(max_size=60))
def test_cells_counts_as_rich_does(value):
    assert human._cells(value) == cell_len(value)


def test_xlsx_cells_escape_xml_and_replace_control_characters():
    assert xlsx._cell("a&b<c>\x01", 3) == '<c s="3" t="inlineStr"><is><t>a&amp;b&lt;c&gt;\ufffd</t></is></c>'
    assert 'xml:space="preserve"' in xlsx._cell(" x", 3)
    assert xlsx._cell(None, 4) == '<c s="4" t="n"></c>'
    assert xlsx._cell(xlsx.Decimal("40.50"), 5) == '<c s="5" t="n"><v>40.5</v></c>'


@given(st.text(max_size=20))
def test_clean_data_shortcut_agrees_with_the_walk(value):
    record = {"name": value, "findings": [{"message": value}], value: 1}
    assert terminal.clean_data(record) == terminal._clean_data(record)
