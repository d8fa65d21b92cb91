"""Every rule's findings are withheld when any field the rule read for them was not read.

The runner withholds a finding that rests on an unread field, where "rests on" is the
finding's own path unless the rule declares ``rests_on``.  A rule whose finding sits on one
cell but whose evidence includes others (the money, other rows, the texts that could have
explained it) must declare them, or a cell the importer lost is still read as blank.

This test does not trust the declarations: it records which fields of the case each rule
actually reads while it checks its own failing example (attribute reads on the case's
records, and on the scores computed from them), then marks each such field unread in turn
and requires the rule's finding to be withheld (or to go away)."""

from __future__ import annotations

from contextlib import contextmanager

import attrs
import pytest
from rulekit import BASE_CASE, _toml, build_case, merge
from test_provenance import CASE_RULES, ENGINE, _blanked, candidates, mark

from evalengine.checks.base import CaseContext
from evalengine.checks.runner import Checker
from evalengine.facts import CaseFacts, Row, case_facts, is_scored_form
from evalengine.model import FundRow, Funds, Goal, Indicator, Narrative
from evalengine.money import figures
from evalengine.profile import load_profile
from evalengine.scoring import BudgetScore, CaseScore, IndicatorScore, score_case
from evalengine.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()
OPTIONS = {active.rule.code: active.options for active in Checker.build().active}
RECORDS = (Funds, FundRow, Goal, Indicator, Narrative)
# what a score computed from the case stands for: the fields it was computed from
FROM_ROW = {"target": ("target",), "actual": ("actual",), "weight": ("weight",),
            "weight_from_form": ("weight",), "claimed": ("score",),
            "claimed_from_form": ("score",), "verified": ("target", "actual", "weight"),
            "evidence": ("target", "actual", "weight"), "reason": ("target", "actual", "weight"),
            "method": ("target", "actual")}
FROM_BUDGET = {"rate": ("budget", "executed"), "verified": ("budget", "executed"),
               "claimed": ("claimed_score",), "claimed_from_form": ("claimed_score",)}
FROM_CASE = {"claimed_total": "$.narrative.claimed_total",
             "claimed_total_from_form": "$.narrative.claimed_total"}
# what a row's facts were found from (CaseFacts.rows)
FROM_CELLS = {"target": ("target", "operator", "unit"), "actual": ("actual", "unit"),
              "unit_quantity": ("unit",),
              "blank": ("name", "target", "actual"), "category": ("level1", "level2"),
              **{k: ("name", "weight", "target", "actual", "level1")
                 for k in ("role", "related", "counted")}}


BY_INDEX = {"copies_target": ("target", "actual"), "target_cell": ("target", "operator")}


class _Reading(dict):
    """The facts' texts by key path, recording each path looked up."""

    def __init__(self, data, record):
        super().__init__(data)
        self._record = record

    def __getitem__(self, path):
        self._record(path)
        return super().__getitem__(path)

    def get(self, path, default=None):
        self._record(path)
        return super().get(path, default)


def _paths(case):
    out = {id(case.funds): "$.funds", id(case.goal): "$.goal", id(case.narrative): "$.narrative"}
    out |= {id(r): f"$.funds.rows[{i}]" for i, r in enumerate(case.funds.rows)}
    out |= {id(r): f"$.indicators[{i}]" for i, r in enumerate(case.indicators)}
    return out


@contextmanager
def tracing(case, score):
    """Record every case field read (as key paths) while the block runs."""
    where, read = _paths(case), set()
    scores = {id(s): s.index for s in score.indicators}
    originals = {}

    def patch(cls, record, wrap=None):
        original = cls.__getattribute__
        originals[cls] = original

        def get(self, name):
            if not name.startswith("_"):
                record(self, name)
                if wrap is not None:
                    return wrap(self, name, original(self, name))
            return original(self, name)
        cls.__getattribute__ = get

    fields = {cls: {f.name for f in attrs.fields(cls)} - {"unread"} for cls in RECORDS}

    def on_record(self, name):
        path = where.get(id(self))
        if path is not None and name in fields[type(self)]:
            read.add(f"{path}.{name}")

    def on_row_score(self, name):
        index = scores.get(id(self))
        if index is not None:
            read.update(f"$.indicators[{index}].{f}" for f in FROM_ROW.get(name, ()))

    def on_budget(self, name):
        read.update(f"$.funds.{f}" for f in FROM_BUDGET.get(name, ()))

    def on_case_score(self, name):
        if name in FROM_CASE:
            read.add(FROM_CASE[name])

    # the facts stand for the fields they were found from: reading one reads those
    texts = {"texts"}
    derived = {"money": lambda: figures(case.funds), "total_row": lambda: figures(case.funds, rows=False),
               "scored_form": lambda: is_scored_form(case)}
    found = set()

    def on_facts(self, name):
        if name in derived and name not in found:
            found.add(name)
            derived[name]()  # the reads it makes are recorded

    def reading(self, name, value):
        if name in BY_INDEX:  # a row's fact found on demand: that row's fields
            def of_row(index):
                read.update(f"$.indicators[{index}].{f}" for f in BY_INDEX[name])
                return value(index)
            return of_row
        return _Reading(value, on_text) if name in texts else value

    def on_text(path):
        if path.startswith(("$.funds", "$.goal", "$.narrative", "$.indicators")):
            read.add(path)

    def on_row(self, name):
        index = originals[Row](self, "index")
        read.update(f"$.indicators[{index}].{f}" for f in FROM_CELLS.get(name, ()))

    for cls in RECORDS:
        patch(cls, on_record)
    patch(CaseFacts, on_facts, reading)
    patch(Row, on_row)
    patch(IndicatorScore, on_row_score)
    patch(BudgetScore, on_budget)
    patch(CaseScore, on_case_score)
    try:
        yield read
    finally:
        for cls, original in originals.items():
            cls.__getattribute__ = original


def _row(path: str) -> str | None:
    return path.split("]")[0] + "]" if path.startswith("$.indicators[") else None


def _evidence(read: set[str], finding_path: str) -> list[str]:
    """The fields read that a finding at ``finding_path`` can rest on: a finding about one
    indicator row rests on that row's fields (not on the other rows the rule looked at to
    find it) and on everything outside the table."""
    row = _row(finding_path)
    return sorted(p for p in read if row is None or _row(p) in (None, row))


def _markable(case, path: str) -> bool:
    return not (path.startswith("$.funds.rows[") and not case.funds.rows)


# (rule, field): why the finding legitimately survives the field not read
SURVIVES = {("S209", "$.funds.budget"): "it also compares 执行数 with 年初预算数 "
            "(compare_initial_budget), and both were read"}
LABELS = ("name", "level1", "level2")  # shown in messages; evidence only to rules that classify by them


def _value(case, path: str):
    """The value at a field's key path, or None when the case has no such record."""
    steps = path.removeprefix("$.").replace("]", "").replace("[", ".").split(".")
    here = case
    for step in steps:
        if step.isdigit():
            if int(step) >= len(here):
                return None
            here = here[int(step)]
        else:
            here = getattr(here, step, None)
    return here


def _set(case, path: str, value):
    """``case`` with the field at ``path`` set to ``value`` (read)."""
    steps = path.removeprefix("$.").replace("]", "").replace("[", ".").split(".")

    def put(record, rest):
        if not rest:
            return value
        step, rest = rest[0], rest[1:]
        if step.isdigit():
            items = list(record)
            items[int(step)] = put(items[int(step)], rest)
            return tuple(items)
        return attrs.evolve(record, **{step: put(getattr(record, step), rest)})
    return put(case, steps)


def _changes(case, good, path: str):
    """The same case with the cell changed: printed blank; or, when it is blank, filled as in
    the rule's passing example, or (a text) with any text the passing example adds (an
    explanation the rule looks for may be in any of the texts it reads)."""
    here = _value(case, path)
    if here not in (None, "", False):
        yield _blanked(case, path)
        return
    other = _value(good, path)
    if other not in (None, "", False):
        yield _set(case, path, other)
    if isinstance(here, str):
        for where in candidates(good):
            text = _value(good, where)
            if isinstance(text, str) and text and text != _value(case, where):
                yield _set(case, path, text)


CHECKED: dict[str, int] = {}


def _at(findings, code: str, path: str) -> set[str]:
    """What the findings of ``code`` at ``path`` say they found."""
    return {f.found for f in findings if f.code == code and f.path == path}


def _says_less(found: str, before: set[str]) -> bool:
    """A finding that lists part of what it listed with the cell read (S209 drops the
    execution rate it could not compute, and still fires on the rest)."""
    return any(set(found.split("；")) < set(was.split("；")) for was in before)


@pytest.mark.parametrize("rule", CASE_RULES, ids=lambda r: r.code)
def test_a_finding_is_withheld_when_any_field_it_was_read_from_was_not_read(rule):
    """For each field the rule read for a finding: if the same cell printed blank changes
    the finding (so the finding depends on the cell), the cell not read must not give a
    finding there other than the one the case gives with the cell read."""
    case = build_case(rule.bad)
    profile = load_profile(case.project.profile)
    score = score_case(case, profile, TAXONOMY)
    context = CaseContext("case.toml", case, score, profile, TAXONOMY, OPTIONS[rule.code],
                          case_facts(case))
    with tracing(case, score) as read:
        hits = list(rule.check(context))
    assert hits, f"{rule.code}'s bad example does not fire"
    original = ENGINE.score("case.toml", case).findings
    good = build_case(rule.good)
    classifies = any(p.endswith(LABELS) for p in rule.rests_on)
    failures, checked = [], 0
    for hit in hits:
        before = _at(original, rule.code, hit.path)
        for path in _evidence(read, hit.path):
            if path == "$.funds.rows" or not _markable(case, path) or (
                    path.endswith(LABELS) and not classifies):
                continue
            if all(_at(ENGINE.score("case.toml", changed).findings, rule.code, hit.path) == before
                   for changed in _changes(case, good, path)):
                continue  # the cell's value does not change this finding
            checked += 1
            after = _at(ENGINE.score("case.toml", mark(case, path)).findings, rule.code, hit.path)
            if _value(case, path) in (None, "", False):
                new = sorted(after)  # a cell that could have held what the rule looks for
            else:
                new = [found for found in after - before if not _says_less(found, before)]
            if new and (rule.code, path) not in SURVIVES:
                failures.append((hit.path, path, new))
    assert not failures, f"{rule.code} fires on what was not read: {failures}"
    CHECKED[rule.code] = checked



def _with_funds(rule_code: str, funds: str):
    [rule] = [r for r in CASE_RULES if r.code == rule_code]
    return build_case("", base=merge(merge(BASE_CASE, _toml(rule.bad)), _toml(funds)))


ROWS_CARRY_THE_MONEY = """
[funds]
budget = 0
executed = 0
initial_budget = 0
rows = [{ source = "财政拨款", initial_budget = 60, budget = 60, executed = 60 },
        { source = "其他资金", initial_budget = 40, budget = 40, executed = 40 }]
"""


def test_score_inflation_sums_no_source_rows_when_one_lost_its_executed():
    """The total row printed 0 and the rows carry the money: with one row's 执行数 not read,
    the rows' sum is not the project's spending (60 of 100 would be a false 60% rate); the
    rule still fires on the deviations it can see."""
    read = _with_funds("S209", ROWS_CARRY_THE_MONEY)
    [found] = [f.found for f in ENGINE.score("c.toml", read).findings if f.code == "S209"]
    assert "执行率" not in found
    lost = mark(read, "$.funds.rows[1].executed")
    [found] = [f.found for f in ENGINE.score("c.toml", lost).findings if f.code == "S209"]
    assert "执行率" not in found, found


def test_the_audit_looked_at_dependent_fields_of_most_rules():
    """The audit above is not vacuous: for most rules it found fields the finding depends on
    and marked them unread (run after it, in file order)."""
    if len(CHECKED) < len(CASE_RULES):
        pytest.skip("run with the whole file")
    assert sum(1 for n in CHECKED.values() if n) >= len(CASE_RULES) * 3 // 4, CHECKED


def test_an_incomplete_form_with_no_money_at_all_is_not_said_to_have_left_it_unfilled():
    """Corpus 37: a 部门整体 rubric (no 项目资金 table in its layout) cut before its 预算执行率
    row.  "自评表未填写预算执行情况" would be the transcription's loss, not the department's."""
    empty = attrs.evolve(build_case(), funds=Funds())
    said = [f for f in ENGINE.score("c.toml", empty).findings if f.code == "F113"]
    assert said and said[0].path == "$.funds"
    cut = attrs.evolve(empty, project=attrs.evolve(empty.project, incomplete="cut inside row 6"))
    assert not [f for f in ENGINE.score("c.toml", cut).findings if f.code == "F113"]


def test_department_rules_do_not_add_up_the_money_of_a_form_marked_for_review():
    """A form read too poorly to score (``[project] review``) is not checked; its figures
    must not make the department's stated 项目支出 look wrong either (D505), nor its
    unspent money contradict the department (D506)."""
    from evalengine.checks.registry import BUILTIN_RULES
    from rulekit import run_rule

    rules = {r.code: r for r in BUILTIN_RULES}
    for code in ("D505", "D506"):
        rule = rules[code]
        assert [f for f in run_rule(rule, rule.bad) if f.path != "$.claims.projects_self_assessed"]
        poor = "[[_projects]]".join(_for_review(part) if i else part
                                    for i, part in enumerate(rule.bad.split("[[_projects]]")))
        assert not [f for f in run_rule(rule, poor) if f.path != "$.claims.projects_self_assessed"], code


def _for_review(project: str) -> str:
    """One ``[[_projects]]`` of a department example, marked for review."""
    review = 'review = "仅放置 3/40 个单元格"\n'
    if "[_projects.project]\n" in project:
        return project.replace("[_projects.project]\n", "[_projects.project]\n" + review)
    return "\n[_projects.project]\n" + review + project


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_names_a_field_of_the_findings_row_in_words(lang, capsys):
    from evalengine.cli import main

    main(["explain", "I308", "--lang", lang])
    out = capsys.readouterr().out
    assert "{record}" not in out
    assert ("（所在行）.deviation" if lang == "zh" else "(its row).deviation") in out
