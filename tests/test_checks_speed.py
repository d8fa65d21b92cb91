"""The checks' cheaper pieces give the answers of what they replace: evidence values made
without a Python call, texts' answers kept, a case's rows searched once before each row."""

from __future__ import annotations

import pickle
import re

import pytest

from evalengine.checks import kit
from evalengine.checks.base import CaseContext, Words, _find_show, _show, make_rows
from evalengine.evidence import Phrase, Quote, p, render
from evalengine.facts import case_facts, compact
from rulekit import build_case
from evalengine.profile import load_profile
from evalengine.scoring import score_case
from evalengine.taxonomy import load_taxonomy


def test_a_phrase_is_a_value_equal_only_to_the_same_phrase():
    a = p("common.labelled", label="x", text=Quote("甲"))
    assert a == p("common.labelled", label="x", text=Quote("甲"))
    assert a != p("common.labelled", label="x", text=Quote("乙"))
    assert a != ("common.labelled", (("label", "x"), ("text", "甲")))  # not a plain tuple
    assert hash(a) == hash(p("common.labelled", label="x", text=Quote("甲")))
    assert (a.key, a.params) == ("common.labelled", (("label", "x"), ("text", "甲")))
    assert repr(p("I309.expected")) == "Phrase(key='I309.expected', params=())"
    assert pickle.loads(pickle.dumps(a)) == a  # --jobs sends findings between processes


def test_a_phrase_without_parameters_is_made_once_and_unknown_keys_still_raise():
    assert p("I309.expected") is p("I309.expected")
    assert type(p("I309.expected")) is Phrase
    for _ in range(2):  # the second ask must not find a cached answer either
        with pytest.raises(KeyError):
            p("I309.no_such_phrase")


def test_a_quote_is_the_text_and_keeps_its_path_only_when_given():
    plain, placed = Quote("完成"), Quote.at("完成", "$.indicators[0].actual")
    assert plain == placed == "完成" and type(plain) is Quote is type(placed)
    assert (plain.path, placed.path) == ("", "$.indicators[0].actual")
    assert repr(placed) == "Quote('完成', '$.indicators[0].actual')"
    assert Quote(12).text == "12"  # whatever a rule hands it, as str() writes it
    with pytest.raises(AttributeError):
        plain.path = "$.x"
    copy = pickle.loads(pickle.dumps(placed))
    assert (copy, copy.path) == (placed, placed.path)
    assert render(placed, "en") == "完成"


@pytest.mark.parametrize("text", ["", "  ", "无", " 无。", "暂无", "/", "0", "原因：资金未到位",
                                  "无" * 300, " " * 300 + "无", "x\u3000y" * 200])
def test_cells_answers_kept_per_text_are_the_uncached_ones(text):
    for _ in range(2):
        assert kit._says_nothing(text) == kit._find_says_nothing(text)
        assert _show(text) == _find_show(text)
        assert kit._bigrams(text, kit._generic()) == frozenset(
            pair for run in kit._CJK_RUN_RE.findall(text) for i in range(len(run) - 1)
            if not any((pair := run[i:i + 2]) in g for g in kit._generic()))


def test_any_in_is_first_in_over_any_of_the_joined_texts():
    words = Words(["满意 度", "调查", ""])
    texts = ["服务对象满意度", "培训人次", "问卷调查", "满意", "度"]
    for chosen in ([], texts[:1], texts[1:2], texts[3:], texts):
        joined = "\n".join(compact(t) for t in chosen)
        assert words.any_in(joined) == any(words.first_in(compact(t)) for t in chosen)
    assert not words.any_in("满意\n度")  # a word is never found across two rows


def _context(snippet: str, code: str) -> CaseContext:
    from evalengine.checks.runner import Checker

    case = build_case(snippet)
    taxonomy = load_taxonomy()
    profile = load_profile(case.project.profile)
    facts = case_facts(case, taxonomy)
    score = score_case(case, profile, taxonomy, facts)
    options = next(a.options for a in Checker.build().active if a.rule.code == code)
    return CaseContext("case.toml", case, score, profile, taxonomy, options, facts,
                       make_rows(case, score, facts))


def _rows(first_actual: str) -> str:
    return f"""
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训 人次"
target = "≥100人次"
actual = "{first_actual}"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "覆盖村数"
target = "10个"
actual = "10 个"
"""


def test_joined_rows_hold_each_rows_text_once_a_case():
    ctx = _context(_rows("120人次"), "I303")
    assert kit._joined(ctx, "name") == "培训人次\n覆盖村数"
    assert kit._joined(ctx, "actual_words") == "120人次\n10个"
    assert kit._joined(ctx, "name") is kit._joined(ctx, "name")  # found once a case


@pytest.mark.parametrize("actual, fires", [("120人次", False), ("120百分比", True)])
def test_a_word_after_a_digit_is_found_in_the_rows_joined_as_in_each_row(actual, fires):
    from evalengine.checks.indicators import i303

    ctx = _context(_rows(actual), "I303")
    either, each = ctx.options["bad_unit_words"].once("after a digit", i303._after_digit)
    if either is None:
        pytest.skip("no bad unit words configured")
    rows_say = any(either.search(r.target_words) or either.search(r.actual_words) for r in ctx.rows)
    assert i303._some_row_has(ctx, either) == rows_say
    words = [w for w, _ in each]
    assert rows_say == (fires and any(re.search(r"\d" + re.escape(w), actual) for w in words))
    assert bool(list(i303.check_row(ctx, ctx.rows[0]) or ())) == fires
