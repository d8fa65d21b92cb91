"""The runner's one walk of the rows: each rule's per-row part sees every scored row, in
order; the findings come out as if each rule had walked the rows itself; a part that
raises costs its own rule (M003), not the others or the case."""

from __future__ import annotations

import attrs
import pytest
from rulekit import build_case, rule_cases

from evalengine.checks.base import CaseContext, Hit, ScoredRow, Words, scored_rows
from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.facts import case_facts
from evalengine.profile import load_profile
from evalengine.scoring import score_case
from evalengine.taxonomy import load_taxonomy

ROW_RULES = [r for r in BUILTIN_RULES if r.row_part is not None]
TAXONOMY = load_taxonomy()
CHECKER = Checker.build()
OPTIONS = {a.rule.code: a.options for a in CHECKER.active}


def _context(rule, case) -> CaseContext:
    profile = load_profile(case.project.profile)
    facts = case_facts(case, TAXONOMY)
    score = score_case(case, profile, TAXONOMY, facts)
    return CaseContext("case.toml", case, score, profile, TAXONOMY, OPTIONS[rule.code], facts)


def test_the_rules_that_walk_the_rows_have_a_per_row_part():
    """The rules that read every scored row are parts of the one walk (not each its own)."""
    codes = {r.code for r in ROW_RULES}
    assert {"I301", "I302", "I303", "I307", "I309", "I313", "S205", "S207"} <= codes
    for rule in ROW_RULES:
        assert rule.check.__module__ == f"evalengine.checks.{rule.family}.{rule.code.lower()}"


@pytest.mark.parametrize("rule", ROW_RULES, ids=lambda r: r.code)
def test_a_rule_run_alone_finds_what_the_one_walk_finds(rule):
    """``rule.check(ctx)`` (a rule on its own, as tests and the audit run it) and the
    runner's shared walk give the same hits, in the same order, on each of its cases."""
    checker = Checker.build(UserConfig(select=(rule.code,)))
    engine = Engine.build(checker)
    for example in rule_cases(rule):
        case = build_case(example.toml)
        alone = [h.path for h in rule.check(_context(rule, case))]
        walked = [f.path for f in engine.score("case.toml", case).findings if f.code == rule.code]
        assert walked == alone, example.name
        assert bool(alone) is not example.passes, example.name


def test_the_walk_hands_every_scored_row_once_in_order():
    case = build_case()
    seen: list[int] = []

    def part(ctx, row: ScoredRow):
        seen.append(row.index)
        assert row.item is ctx.score.indicators[len(seen) - 1]
        assert row.row is ctx.case.indicators[row.index]
        assert row.cells is ctx.facts.rows[row.index]
        return None

    [active] = [a for a in CHECKER.active if a.rule.code == "I301"]
    rule = attrs.evolve(active.rule, row_part=part, wants_rows=None, rows="all")
    checker = attrs.evolve(CHECKER, active=(attrs.evolve(active, rule=rule),))
    result = Engine.build(checker).score("case.toml", case)
    assert seen == [s.index for s in result.score.indicators] and seen


def test_a_per_row_part_that_raises_is_m003_for_its_rule_only():
    case = build_case()
    scored = len(score_case(case, load_profile(case.project.profile), TAXONOMY).indicators)
    assert scored >= 2
    calls = []

    def broken(ctx, row):
        calls.append(row.index)
        raise ZeroDivisionError("boom")

    def every_row(ctx, row):
        return Hit(row.path("actual"), {"name": "", "target": "", "actual": "", "why": ""})

    base = {r.code: r for r in BUILTIN_RULES}
    i301 = attrs.evolve(base["I301"], row_part=every_row, wants_rows=None, rows="all")
    i302 = attrs.evolve(base["I302"], row_part=broken, wants_rows=None, rows="all")
    actives = {a.rule.code: a for a in CHECKER.active}
    checker = attrs.evolve(CHECKER, active=(attrs.evolve(actives["I302"], rule=i302),
                                            attrs.evolve(actives["I301"], rule=i301)))
    findings = Engine.build(checker).score("case.toml", case).findings
    assert calls == calls[:1]  # not called again once it raised
    assert [(f.code, "I302" in f.message) for f in findings if f.code == "M003"] == [("M003", True)]
    assert len([f for f in findings if f.code == "I301"]) == scored  # the other rule unharmed
    assert not [f for f in findings if f.code == "I302"]


def test_scored_rows_are_the_rows_scoring_scored():
    case = build_case()
    rule = next(r for r in BUILTIN_RULES if r.code == "I301")
    ctx = _context(rule, case)
    assert [r.index for r in scored_rows(ctx)] == [s.index for s in ctx.score.indicators]
    row = next(scored_rows(ctx))
    assert row.name == "".join(row.row.name.split()) and row.path("target").endswith("].target")
    with pytest.raises(AttributeError):
        row.no_such_fact  # noqa: B018 - a misspelt fact is an error, not None


def test_words_settings_are_resolved_once_whatever_their_source():
    """A texts setting from a data file or handed in as a list is Words: its words also
    without whitespace and in NFKC, found once; it still reads as the tuple it was."""
    words = Words(["满意 度", "", "ＡＢ"])
    assert words == ("满意 度", "", "ＡＢ") and repr(words) == repr(("满意 度", "", "ＡＢ"))
    assert words.first_in("群众满意度调查") == "满意 度" and words.first_in("无") == ""
    assert words.normalised == ("满意度", "AB")
    assert words.once("k", len) == 3 and words.once("k", lambda w: 0) == 3
    checker = Checker.build(UserConfig(select=("I317",), options={"I317": {"words": ["执行 率"]}}))
    [active] = [a for a in checker.active if a.rule.code == "I317"]
    assert isinstance(active.options["words"], Words)
    assert active.options["words"].compacted == (("执行 率", "执行率"),)
    assert all(isinstance(a.options[s.name], Words) for a in CHECKER.active
               for s in a.rule.settings if s.kind == "texts" and s.name in a.options)


def test_words_keep_their_answers_up_to_a_bound(monkeypatch):
    """first_in's answers are kept per text (二级 labels and names recur), the same answers
    as a fresh scan, and no more than SEEN of them."""
    from evalengine.checks import base

    monkeypatch.setattr(base, "SEEN", 2)
    words = Words(["满意度", "调查"])
    texts = ["群众满意度调查", "问卷调查", "数量指标", "群众满意度调查", "无"]
    assert [words.first_in(t) for t in texts] == ["满意度", "调查", "", "满意度", ""]
    assert len(words._seen) == 2
