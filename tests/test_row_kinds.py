"""The kinds of rows a per-row part is handed (``ROW_KIND`` in a rule's module,
``base.ROW_KINDS``): a rule that declares one fires on no row of another kind, so the runner
skipping those rows changes no finding.  Checked on every row of the rules' own cases, the
shipped real cases and generated ones; and a declaration the registry does not know is a
load error."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from rulekit import build_case, rule_cases

from evalengine import loader
from evalengine.checks import registry
from evalengine.checks.base import ROW_KINDS, CaseContext, Hit, make_rows
from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.errors import ConfigError
from evalengine.facts import case_facts
from evalengine.loader import parse_document
from evalengine.model import Case
from evalengine.profile import load_profile
from evalengine.resources import rules_dir
from evalengine.scoring import score_case
from evalengine.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import case_data  # noqa: E402

TAXONOMY = load_taxonomy()
OPTIONS = {a.rule.code: a.options for a in Checker.build().active}
KINDED = [r for r in BUILTIN_RULES if r.row_part is not None and r.rows != "all"]


def _cases() -> list[Case]:
    cases = []
    for rule in BUILTIN_RULES:
        if rule.target == "case":
            cases.extend(build_case(example.toml) for example in rule_cases(rule))
    for item in loader.load_paths([str(ROOT / "cases")]):
        if isinstance(item, loader.Loaded) and isinstance(item.document, Case):
            cases.append(item.document)
    for index in range(300):
        document = parse_document(case_data(index))
        if isinstance(document, Case):
            cases.append(document)
    return cases


@pytest.fixture(scope="module")
def scored():
    out = []
    for case in _cases():
        profile = load_profile(case.project.profile)
        facts = case_facts(case, TAXONOMY)
        score = score_case(case, profile, TAXONOMY, facts)
        out.append((case, profile, facts, score, make_rows(case, score, facts)))
    return out


def test_some_rules_declare_their_rows_and_every_kind_is_used():
    assert {r.rows for r in KINDED} == set(ROW_KINDS) - {"all"}
    assert {"S205", "S206", "S207", "S208", "I301", "I302", "I306", "I308", "I315", "I318"} <= {
        r.code for r in KINDED}


@pytest.mark.parametrize("rule", KINDED, ids=lambda r: r.code)
def test_a_rule_fires_on_no_row_outside_its_kind(rule, scored):
    keep = ROW_KINDS[rule.rows]
    inside = outside = fired = 0
    for case, profile, facts, score, rows in scored:
        ctx = CaseContext("case.toml", case, score, profile, TAXONOMY, OPTIONS[rule.code], facts, rows)
        if rule.wants_rows is not None and not rule.wants_rows(ctx):
            continue  # the runner hands this case's rows to no per-row part of the rule
        for row in rows:
            found = rule.row_part(ctx, row)
            hits = [found] if isinstance(found, Hit) else list(found or ())
            if keep(row):
                inside += 1
                fired += bool(hits)
            else:
                outside += 1
                assert not hits, (rule.code, rule.rows, case.project.name, row.index)
    assert inside and outside, "the cases hold rows of the kind and rows of others"
    assert fired, "the rule fires on some row of its kind"


def test_an_unknown_row_kind_is_a_load_error(monkeypatch):
    rule = next(r for r in BUILTIN_RULES if r.code == "I301")
    module = importlib.import_module("evalengine.checks.indicators.i301")
    monkeypatch.setattr(module, "ROW_KIND", "rows with money")
    path = rules_dir() / "checks" / "indicators" / "I301.toml"
    with pytest.raises(ConfigError) as caught:
        registry._rule(path)
    assert "ROW_KIND" in str(caught.value.problems[0].detail)
    assert rule.rows == "numeric target"
