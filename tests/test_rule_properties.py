"""Invariants of rule selection, severities and suppressions, on generated cases."""

from __future__ import annotations

from functools import cache

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.engine import Engine
from evalengine.findings import Severity
from evalengine.loader import LoadFailure
from evalengine.model import Suppression

from rulekit import build_case
from test_properties import cases

CASE_RULES = sorted(r.code for r in BUILTIN_RULES if r.target == "case")
FAMILIES = ["F", "S", "I", "N", "M"]


@cache
def engine(ignore: tuple[str, ...] = (), severity: tuple[tuple[str, str], ...] = ()) -> Engine:
    levels = {s.label: s for s in Severity}
    user = UserConfig(ignore=ignore, severity={c: levels[l] for c, l in severity})
    return Engine.build(Checker.build(user))


def keys(findings):
    return sorted((f.code, f.path, f.message) for f in findings)


@settings(max_examples=40)
@given(cases(), st.lists(st.sampled_from(CASE_RULES + FAMILIES), max_size=3, unique=True))
def test_ignoring_rules_never_adds_findings(case, ignored):
    every = keys(engine().score("c.toml", case).findings)
    fewer = keys(engine(tuple(sorted(ignored))).score("c.toml", case).findings)
    assert set(fewer) <= set(every)
    assert len(fewer) <= len(every)


@settings(max_examples=40)
@given(cases(), st.lists(st.tuples(st.sampled_from(CASE_RULES), st.sampled_from(["error", "warning", "info"])),
                         max_size=4, unique_by=lambda t: t[0]))
def test_severities_never_change_scores_or_what_is_found(case, changes):
    base = engine().score("c.toml", case)
    changed = engine((), tuple(sorted(changes))).score("c.toml", case)
    assert changed.score == base.score
    assert keys(changed.findings) == keys(base.findings)
    for finding in changed.findings:
        wanted = dict(changes).get(finding.code)
        if wanted:
            assert finding.severity.label == wanted


@st.composite
def clean_cases(draw):
    """The clean base case with other, still consistent figures: every target met."""
    case = build_case()
    budget = draw(st.decimals(min_value=1, max_value=5000, places=2))
    rows = []
    for row in case.indicators:
        if row.target.startswith("≥"):
            number = row.target.removeprefix("≥").rstrip("%人次")
            unit = row.target[len("≥") + len(number):]
            bonus = draw(st.integers(0, 20))
            rows.append(attrs.evolve(row, actual=f"{int(number) + bonus}{unit}"))
        else:
            rows.append(row)
    funds = attrs.evolve(case.funds, initial_budget=budget, budget=budget, executed=budget,
                         rows=tuple(attrs.evolve(r, initial_budget=budget, budget=budget,
                                                 executed=budget) for r in case.funds.rows))
    rows = [attrs.evolve(r, target=f"≤{budget}万元", actual=f"{budget}万元")
            if r.level2 == "成本指标" else r for r in rows]
    return attrs.evolve(case, funds=funds, indicators=tuple(rows))


@settings(max_examples=30)
@given(clean_cases())
def test_a_clean_case_has_no_error(case):
    findings = engine().score("c.toml", case).findings
    assert [f for f in findings if f.severity is Severity.ERROR] == []


@given(cases())
@settings(max_examples=30)
def test_a_suppression_hides_exactly_its_rule(case):
    found = engine().score("c.toml", attrs.evolve(case, ignore=())).findings
    codes = sorted({f.code for f in found})
    if not codes:
        return
    target = codes[0]
    quiet = attrs.evolve(case, ignore=(Suppression(target, "accepted after review"),))
    after = engine().score("c.toml", quiet).findings
    assert target not in {f.code for f in after}
    assert keys(f for f in after) == keys(f for f in found if f.code != target)


@settings(deadline=None)
@given(cases(), st.sampled_from(["human", "json", "csv", "markdown", "html", "xlsx", "docx",
                                 "scoresheet"]),
       st.sampled_from(["zh", "en"]))
def test_any_case_is_scored_checked_and_rendered_without_a_crash(case, fmt, lang):
    """Whatever a form holds (arbitrary text, negative or huge money, funds only as rows), no
    rule crashes (M003), the case is scored rather than failed, and every format renders it."""
    import io

    from evalengine.render.formats import Options, render_report
    from evalengine.report import Report, SummaryBuilder

    item = engine().score("generated.toml", case)
    assert not isinstance(item, LoadFailure), item
    assert [f for f in item.findings if f.code == "M003"] == []
    builder = SummaryBuilder()
    builder.add(item)
    report = Report((item,), (), builder.build(engine().grade_order()))
    out = io.BytesIO() if fmt in ("xlsx", "docx", "scoresheet") else io.StringIO()
    render_report(report, fmt, out, Options(lang=lang, detail=True))
    assert out.getvalue()
