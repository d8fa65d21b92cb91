"""CaseFacts: found once per case by the engine, the same for scoring and every rule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from rulekit import build_case

from evalengine import engine as engine_module
from evalengine.engine import Engine, Folders
from evalengine.facts import case_facts, compact, is_blank_row, is_truncated, row_roles
from evalengine.limits import Limits, clip_document, configure, current
from evalengine.loader import load_paths
from evalengine.model import Department, DepartmentInfo
from evalengine.money import figures
from evalengine.profile import load_profile
from evalengine.provenance import unread_paths, unverifiable
from evalengine.scoring import score_case
from evalengine.taxonomy import load_taxonomy
from evalengine.values import parse_value

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").rglob("*.toml"))

SUBTOTAL = """
[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "数量指标小计"
weight = 20

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥100人次"
actual = "120人次"
weight = 10

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "发放册数"
target = "2021年10月底前"
actual = "完成"
weight = 10
unit = "册"

[[indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "其中：线上培训人次"
target = "≥50人次"
actual = "60人次"

[[indicators]]
level1 = "效益指标"
level2 = ""
name = ""
"""


def _loaded_cases():
    return [item.document for path in CASES for item in load_paths([path])
            if not isinstance(item.document, Department)]


@pytest.mark.parametrize("case", _loaded_cases(), ids=lambda c: c.project.name[:12])
def test_facts_are_what_each_helper_finds_on_the_case(case):
    taxonomy = load_taxonomy()
    facts = case_facts(case, taxonomy)
    assert facts.money == figures(case.funds)
    assert facts.total_row == figures(case.funds, rows=False)
    assert facts.unread == unread_paths(case)
    assert facts.roles() == row_roles(case)
    year = case.project.year
    for row, ind in zip(facts.rows, case.indicators, strict=True):
        assert row.target == parse_value(ind.target, operator=ind.operator, unit=ind.unit,
                                         default_year=year)
        assert row.actual == parse_value(ind.actual, unit=ind.unit, default_year=year)
        assert facts.target_cell(row.index) == parse_value(ind.target, operator=ind.operator)
        assert row.unit_quantity == (parse_value("1" + ind.unit.strip()) if ind.unit.strip() else None)
        assert row.blank == is_blank_row(ind)
        assert row.unverifiable == unverifiable(case, ind)
        assert row.category == taxonomy.resolve(ind.level1, ind.level2)
        assert facts.text(f"$.indicators[{row.index}].name") == ind.name
        assert facts.compact(f"$.indicators[{row.index}].target") == compact(ind.target)
    assert facts.text("$.narrative.conclusion") == case.narrative.conclusion
    assert facts.text("$.funds.reason") == case.funds.reason
    assert not facts.clipped and clip_document(case) is case


def test_the_table_structure_names_subtotals_repeats_and_blank_lines():
    facts = case_facts(build_case(SUBTOTAL))
    roles = {r.index: (r.role, r.related) for r in facts.rows}
    assert roles[0] == ("parent", (1, 2))
    assert roles[3] == ("repeat", (2,))
    assert [r.index for r in facts.rows if r.counted] == [1, 2]
    assert facts.rows[4].blank and not facts.rows[4].counted


def test_a_form_is_cut_off_by_its_incomplete_note_or_a_word_of_the_vocabulary():
    case = build_case()
    assert not is_truncated(case)
    for source in ("某区财政局网站（节选）", "Table TRUNCATED after row 3", "只剩表尾"):
        cut = attrs.evolve(case, project=attrs.evolve(case.project, source=source))
        assert is_truncated(cut) and case_facts(cut).truncated, source
    noted = attrs.evolve(case, project=attrs.evolve(case.project, incomplete="第2页缺失"))
    assert case_facts(noted).truncated


def test_texts_are_cut_where_the_rules_read_them_and_the_case_is_clipped_only_then():
    previous = current()
    configure(Limits(max_text_chars=100))
    try:
        case = build_case()
        long = attrs.evolve(case, narrative=attrs.evolve(case.narrative, conclusion="好" * 150))
        facts = case_facts(long)
        assert facts.clipped and facts.text("$.narrative.conclusion") == "好" * 100
        assert clip_document(long) is not long
        assert not case_facts(case).clipped and clip_document(case) is case
    finally:
        configure(previous)


def test_scoring_from_given_facts_is_scoring_that_finds_them():
    case = build_case(SUBTOTAL)
    profile, taxonomy = load_profile("central-2020"), load_taxonomy()
    assert score_case(case, profile, taxonomy, case_facts(case)) == score_case(case, profile,
                                                                              taxonomy)


def test_the_engine_finds_each_case_facts_once(monkeypatch):
    calls = []
    real = engine_module.case_facts

    def counting(case, taxonomy=None):
        calls.append(case.project.name)
        return real(case, taxonomy)

    monkeypatch.setattr(engine_module, "case_facts", counting)
    results = list(Engine.build().evaluate([ROOT / "cases" / "2021"]))
    cases = [r for r in results if hasattr(r, "score")]
    assert cases and len(calls) == len(cases) == len(set(calls))


def test_departments_wait_for_their_folder_and_come_out_in_load_order():
    def department(name):
        return Department(DepartmentInfo(name, "s"))

    first, second = Folders(), Folders()
    first.add_department("a/d1.toml", department("d1"))
    second.add_department("b/d2.toml", department("d2"))
    second.add_department("a/d3.toml", department("d3"))
    first.merge(second)
    seen = []

    def check(location, dept, projects):
        seen.append(location)
        return dept.name

    assert first.release(check, ["a"]) == [(0, "d1"), (2, "d3")]
    assert first.release(check) == [(1, "d2")]
    assert seen == ["a/d1.toml", "a/d3.toml", "b/d2.toml"] and not first.waiting


def test_the_pipeline_imports_no_renderer():
    code = ("import sys, evalengine.engine, evalengine.parallel, evalengine.api; "
            "print([m for m in sys.modules if m.startswith('evalengine.render')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_an_actual_copies_its_target_whatever_the_brackets_and_punctuation():
    snippet = """
[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "河道环境"
target = "美化环境（河道）"
actual = "美化环境(河道)。"

[[indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "河道环境"
target = "美化环境（河道）"
actual = "河道两岸垃圾清运 120 吨"
"""
    facts = case_facts(build_case(snippet))
    assert facts.copies_target(0) and not facts.copies_target(1)
