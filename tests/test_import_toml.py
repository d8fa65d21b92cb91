"""The TOML writer: what it writes, tomllib reads back into the same case."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer.tomlout import dumps, toml_string
from evalengine.loader import YEARS, load_paths, parse_document
from evalengine.model import (
    Case,
    FundRow,
    Funds,
    Goal,
    Indicator,
    Narrative,
    Project,
    Suppression,
)
from evalengine.numbers import MAX_MAGNITUDE, MIN_MAGNITUDE

ROOT = Path(__file__).resolve().parent.parent


def _read(text: str):
    return parse_document(tomllib.loads(text, parse_float=Decimal))


def test_every_hand_transcribed_case_roundtrips():
    for result in load_paths([ROOT / "cases"]):
        if isinstance(result.document, Case):
            assert _read(dumps(result.document)) == result.document, result.location


def test_decimals_keep_their_digits():
    case = Case(Project("x", "s"), Funds(budget=Decimal("0.00"), executed=Decimal("49.780"),
                                         claimed_rate=Decimal("1E+2")))
    text = dumps(case)
    assert "budget = 0.00\n" in text and "executed = 49.780\n" in text
    back = _read(text)
    assert back == case and str(back.funds.executed) == "49.780"


def test_strings_are_escaped():
    nasty = 'a"b\\c\nd\te\x00f\x7fg\u2028h'
    assert toml_string(nasty) == '"a\\"b\\\\c\\nd\\te\\u0000f\\u007Fg\u2028h"'
    case = Case(Project(nasty, nasty))
    assert _read(dumps(case)) == case


def test_comments_come_first_and_stay_comments():
    text = dumps(Case(Project("x", "s")), ["第一行", "two\nlines [project]"])
    assert text.startswith("# 第一行\n# two lines [project]\n")
    assert _read(text) == Case(Project("x", "s"))


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
# what the loader accepts (evalengine.numbers: |x| < 10^15, and 0 or |x| ≥ 10^-15)
_dec = st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False,
                                        min_value=-MAX_MAGNITUDE + 1, max_value=MAX_MAGNITUDE - 1)
                 .filter(lambda d: d == 0 or abs(d) >= MIN_MAGNITUDE))

_cases = st.builds(
    Case,
    project=st.builds(Project, name=_text, source=_text, department=_text, implementer=_text,
                      year=st.one_of(st.none(), st.integers(*YEARS)), profile=_text,
                      code=_text, has_form=st.booleans()),
    funds=st.builds(Funds, budget=_dec, executed=_dec, initial_budget=_dec, balance=_dec,
                    claimed_rate=_dec, claimed_weight=_dec, claimed_score=_dec, reason=_text,
                    adjustment_reason=_text, note=_text, source=_text,
                    rows=st.lists(st.builds(FundRow, source=_text, initial_budget=_dec,
                                            budget=_dec, executed=_dec), max_size=3)
                    .map(tuple)),
    goal=st.builds(Goal, expected=_text, actual=_text),
    indicators=st.lists(st.builds(Indicator, level1=_text, level2=_text, name=_text,
                                  target=_text, actual=_text, operator=_text, unit=_text,
                                  weight=_dec, score=_dec, deviation=_text,
                                  not_applicable=st.booleans()), max_size=4).map(tuple),
    narrative=st.builds(Narrative, completion=_text, benefit=_text, conclusion=_text,
                        problems=_text, measures=_text, claimed_total=_dec,
                        claimed_grade=_text),
    ignore=st.lists(st.builds(Suppression, rule=_text, reason=_text), max_size=2).map(tuple),
)


@settings(max_examples=50)  # large generated cases: keeps the ci run short
@given(_cases, st.lists(_text, max_size=3))
def test_writer_roundtrip(case, comments):
    assert _read(dumps(case, comments)) == case
