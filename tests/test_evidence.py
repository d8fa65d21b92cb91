"""Typed evidence: every finding renders fully in both languages.

Every rule's failing fixtures, and the shipped cases (cases/2021, cases/real), are rendered
in English with the form's own text marked (a Quote, or «form words» of a phrase); outside
the marks no Chinese character may be left.  The Chinese wording is pinned by the golden
report (tests/test_cli.py) and by the JSON of cases/real pinned here.
"""

from __future__ import annotations

import functools
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from evalengine import api
from evalengine.checks.registry import BUILTIN_RULES
from evalengine.cli import main
from evalengine.evidence import (
    Amount, Count, Label, Named, Number, Percent, Points, Quote, Rate, Seq, Sum, load_evidence, p,
    phrase_problems, render,
)
from evalengine.findings import Finding
from tests.rulekit import rule_cases, run_rule

ROOT = Path(__file__).resolve().parent.parent
REAL_GOLDEN = Path(__file__).parent / "golden" / "score-real.json"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
OPEN, CLOSE = "\x02", "\x03"
MARKED = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}")

def _mark(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def _prose(finding: Finding) -> str:
    """The English message and evidence with the form's own text cut out."""
    texts = (finding.message_in("en", quote=_mark), *finding.evidence("en", quote=_mark))
    return " | ".join(MARKED.sub("", t) for t in texts)


def _chinese_prose(findings) -> dict[str, str]:
    """{code: the first English text with Chinese left in it}."""
    out: dict[str, str] = {}
    for finding in findings:
        prose = _prose(finding)
        if CJK.search(prose):
            out.setdefault(finding.code, prose)
    return out


@functools.cache
def _fixture_findings() -> tuple[Finding, ...]:
    """Every finding of every rule's own cases (rules/checks/<family>/<CODE>.toml [[cases]])."""
    return tuple(f for rule in BUILTIN_RULES for case in rule_cases(rule)
                 for f in run_rule(rule, case.toml))


@functools.cache
def _case_findings() -> tuple[Finding, ...]:
    report = api.score([ROOT / "cases" / "2021", ROOT / "cases" / "real"])
    return tuple(f for result in report.results for f in result.findings)


def _check(findings) -> None:
    found = _chinese_prose(findings)
    assert not found, "Chinese prose in --lang en:\n" + "\n".join(
        f"{code}: {text}" for code, text in sorted(found.items()))


def test_fixture_findings_render_fully_in_english():
    findings = _fixture_findings()
    assert {f.code for f in findings} >= {r.code for r in BUILTIN_RULES if any(
        not c.passes for c in rule_cases(r))}  # every rule with a failing case fired
    _check(findings)


def test_shipped_case_findings_render_fully_in_english():
    findings = list(_case_findings())
    assert len(findings) > 100  # the shipped cases are not silently empty
    _check(findings)


def test_every_finding_renders_in_both_languages():
    for finding in [*_fixture_findings(), *_case_findings()]:
        for lang in ("zh", "en"):
            assert finding.message_in(lang).strip(), (finding.code, lang)
            finding.evidence(lang)


def test_real_cases_json_is_unchanged(capsys, monkeypatch):
    """`evalengine score cases/real --format json` (Chinese), byte for byte.  Regenerate
    deliberately with EVALENGINE_UPDATE_GOLDEN=1 and review the diff."""
    monkeypatch.chdir(ROOT)
    main(["score", "cases/real", "--format", "json"])
    produced = capsys.readouterr().out
    if os.environ.get("EVALENGINE_UPDATE_GOLDEN"):
        REAL_GOLDEN.write_text(produced, encoding="utf-8")
    assert produced == REAL_GOLDEN.read_text(encoding="utf-8")
    assert len(json.loads(produced)["projects"]) >= 13


# --- the values and the formatter ---------------------------------------------------------


def test_phrases_name_the_same_parameters_in_both_languages():
    data = load_evidence()
    assert not list(phrase_problems(data))
    for table in (data.phrases, data.labels, data.separators):
        for key, (zh, en) in table.items():
            assert (zh == en) or (zh and en), key  # a language left empty


def test_numbers_print_the_same_in_both_languages_rounded_once():
    rate = Rate(Decimal("4.8"), Decimal("10.3"), Decimal("4.8") / Decimal("10.3"))
    for lang in ("zh", "en"):
        assert render(Amount(Decimal("20.4")), lang) == "20.40"
        assert render(Percent(Decimal("0.9")), lang) == "90.00%"
        assert render(Number(Decimal("8.50")), lang) == "8.5"
        assert render(Number(Decimal("931.613"), places=None), lang) == "931.613"  # as written
        assert render(Number(Decimal("931.613")), lang) == "931.61"
        assert render(Points(Decimal(9), Decimal(10)), lang) == "9.00/10.00"
        assert render(rate, lang) == "46.60%"
        assert render("{r:ratio}", lang, params={"r": rate}) == "4.80/10.30 = 46.60%"
        assert render(Sum((Decimal(1), Decimal("2.5"))), lang) == "1.00 + 2.50 = 3.50"
        assert render(Count(3), lang) == "3"
        assert render("{x:+}", lang, params={"x": Amount(Decimal("3.36"))}) == "+3.36"
        assert render("{x:+}", lang, params={"x": Amount(Decimal("-3.36"))}) == "-3.36"
        assert render(Amount(None), lang) == "—"


def test_words_come_from_the_data_in_each_language():
    label = Label("$.funds.reason")
    assert render(label, "zh") == "原因栏"
    assert render(label, "en", quote=_mark) == f"the reason field ({_mark('原因')})"
    assert render(Seq((Quote("甲"), Quote("乙")), "enum"), "zh") == "甲、乙"
    assert render(Seq((Quote("甲"), Quote("乙")), "enum"), "en") == "甲, 乙"
    assert render(Named("产出指标", "Outputs"), "en") == "Outputs"
    assert render(Quote("完成"), "en", quote=_mark) == _mark("完成")


def test_a_phrase_nests_typed_values():
    found = p("common.labelled", label=Label("$.funds.note"), text=Quote("结余收回"))
    assert render(found, "zh") == "资金备注：结余收回"
    assert render(found, "en", quote=_mark) == f"the funds note ({_mark('备注')}): {_mark('结余收回')}"
    with pytest.raises(KeyError):
        render(p("no.such.phrase"), "en")


def test_a_rule_phrase_in_one_language_only_is_a_load_error(tmp_path):
    from evalengine.checks.registry import load_rule_file, rule_files
    from evalengine.loader import ConfigError
    from evalengine.resources import rules_dir

    source = next(f for f in rule_files(rules_dir() / "checks") if f.stem == "F101")
    broken = tmp_path / "F101.toml"
    broken.write_text(source.read_text(encoding="utf-8").replace(
        'claim = { zh = "“{name}”完成值“{actual}”", en = "“{name}”: actual “{actual}”" }',
        'claim = { zh = "“{name}”完成值“{actual}”", en = "“{name}”: actual" }'), encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_rule_file(broken)
    assert any(p.path == "$.evidence.claim" for p in error.value.problems)
