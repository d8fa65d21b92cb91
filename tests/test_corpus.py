"""The importer measured on the real-forms corpus (tests/corpus): forms giving a case and
field-level accuracy against hand-checked expected cases, with floors that may only rise;
and properties on the corpus forms: mutated forms never crash the importer, and removing the
collection's annotation lines changes nothing but ``source``.

``python -m tests.corpus.report`` prints the full table and every wrong field.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import harness
from corpus.harness import (
    FORMS,
    FieldResult,
    Record,
    align,
    compare_case,
    flat_expected,
    form_ids,
    forms_with_case,
    import_form,
    load_expected,
    load_floors,
    load_index,
    run_corpus,
    same,
    strip_annotations,
    tally,
)
from evalengine.importer import import_text
from evalengine.loader import parse_document

SHARED = harness.HERE.parents[2].parent / "shared" / "real-forms"
TEXTS = {f: (FORMS / f"{f}.txt").read_text(encoding="utf-8") for f in form_ids()}


@pytest.fixture(scope="module")
def results():
    return run_corpus()


# ---------------------------------------------------------------------------------------
# The corpus itself
# ---------------------------------------------------------------------------------------

def test_every_form_has_a_layout_and_expected_cases():
    index = load_index()
    assert len(TEXTS) == 25
    assert set(index) == set(TEXTS)
    assert all(entry.get("layout") for entry in index.values())
    missing = [f for f in TEXTS if not load_expected(f)]
    assert missing == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/real-forms not present")
def test_the_forms_are_verbatim_copies_of_the_collection():
    for form, text in TEXTS.items():
        assert (SHARED / f"{form}.txt").read_text(encoding="utf-8") == text, form


@pytest.mark.parametrize("form", sorted(TEXTS))
def test_each_expected_case_is_a_valid_case(form):
    """Every expected file is a case in the case format (``unread`` aside, which the
    provenance branch adds to the loader) and its ``unread`` keys name real fields."""
    reasons = {"cut", "unplaced", "ambiguous", "unreadable"}
    for stem, doc in load_expected(form):
        def strip(table, fields, where):
            unread = table.pop("unread", {})
            assert set(unread.values()) <= reasons, (stem, where, unread)
            assert set(unread) <= fields, (stem, where, unread)
            assert not set(unread) & {k for k, v in table.items() if k != "name"}, (stem, where)
        strip(doc["project"], set(harness.PROJECT_FIELDS) | {"funds", "indicators", "goal",
                                                              "narrative"}, "project")
        if "funds" in doc:
            strip(doc["funds"], set(harness.FUNDS_FIELDS), "funds")
            for i, row in enumerate(doc["funds"].get("rows", [])):
                strip(row, set(harness.ROW_FIELDS), f"funds.rows[{i}]")
        for i, ind in enumerate(doc.get("indicators", [])):
            strip(ind, set(harness.INDICATOR_FIELDS), f"indicators[{i}]")
        if "narrative" in doc:
            strip(doc["narrative"], set(harness.NARRATIVE_FIELDS), "narrative")
        parsed = parse_document(doc)
        assert not isinstance(parsed, tuple), (stem, parsed)


# ---------------------------------------------------------------------------------------
# The measurement against its floors
# ---------------------------------------------------------------------------------------

def test_no_form_crashes_the_importer(results):
    assert [(r.form, r.crashed) for r in results if r.crashed] == []


def test_forms_giving_a_case_are_at_least_the_floor(results):
    assert forms_with_case(results) >= load_floors()["forms_with_case"]


def test_field_accuracy_is_at_least_the_floor(results):
    overall = tally(f for r in results for f in r.fields)
    assert overall.judged > 500  # the expected files hold this many visible fields at least
    assert overall.accuracy >= load_floors()["field_accuracy"]


# ---------------------------------------------------------------------------------------
# The harness counts what it says it counts
# ---------------------------------------------------------------------------------------

def _flat(indicators, project=None, funds=None):
    doc = {"project": {"name": "x", "source": "s", **(project or {})},
           "indicators": indicators}
    if funds is not None:
        doc["funds"] = funds
    return flat_expected(doc)


def _statuses(results: list[FieldResult]) -> dict[str, str]:
    return {f.path: f.status for f in results}


def test_unread_must_stay_unread_and_blank_must_stay_blank():
    expected = _flat([{"name": "a", "target": "≥90%", "unread": {"actual": "cut"}}],
                     funds={"budget": 10, "unread": {"executed": "cut"}})
    honest = _flat([{"name": "a", "target": "≥ 90％"}], funds={"budget": Decimal("10.00")})
    guessing = _flat([{"name": "a", "target": "≥90%", "actual": "95%", "weight": 5}],
                     funds={"budget": 10, "executed": 9})
    assert _statuses(compare_case("t", "t", expected, honest)) == {
        "project.name": "right", "project.incomplete": "right", "funds.budget": "right", "funds.executed": "unread",
        "indicators[0].name": "right", "indicators[0].target": "right",
        "indicators[0].actual": "unread"}
    got = _statuses(compare_case("t", "t", expected, guessing))
    assert got["funds.executed"] == got["indicators[0].actual"] == "invented"
    assert got["indicators[0].weight"] == "spurious"


def test_an_imported_unread_mark_is_not_a_value():
    expected = _flat([{"name": "a", "score": 5}])
    marked = flat_expected({"project": {"name": "x"},
                            "indicators": [{"name": "a", "unread": {"score": "ambiguous"}}]})
    assert _statuses(compare_case("t", "t", expected, marked))["indicators[0].score"] == "missed"


def test_rows_are_aligned_by_content_not_position():
    e = [Record({"name": n, "target": "1"}) for n in ("甲项", "乙项", "丙项")]
    g = [Record({"name": n, "target": "1"}) for n in ("乙项", "丙项")]
    assert align(e, g) == [(0, None), (1, 0), (2, 1)]


def test_numbers_compare_by_value_and_text_after_width_and_space():
    assert same("100", "100.00") and same(Decimal("86"), "86")
    assert same("≧ 90%", "≥90%") and same("１２．５", "12.5")
    assert not same("100", "100%") and not same("90", "9")


# ---------------------------------------------------------------------------------------
# Properties on the corpus forms
# ---------------------------------------------------------------------------------------

def _without_source(case):
    return attrs.evolve(case, project=attrs.evolve(case.project, source=""))


def _annotation_cases():
    known = set(load_floors().get("annotation_dependent", []))
    for form in sorted(TEXTS):
        marks = [pytest.mark.xfail(strict=True, reason="the import still reads the collection's "
                                   "TRUNCATED line (floors.toml: annotation_dependent)")] \
            if form in known else []
        yield pytest.param(form, marks=marks, id=form)


@pytest.mark.parametrize("form", list(_annotation_cases()))
def test_removing_annotation_lines_changes_nothing_but_source(form):
    text = TEXTS[form]
    annotated = import_text(text.encode("utf-8"), shown=f"corpus/{form}.txt", stem=form)
    plain = import_form(text, form)
    assert [_without_source(c) for c in plain] == \
        [_without_source(f.case) for f in annotated.forms]


_mutation = st.sampled_from(["delete", "join", "drop-cell", "duplicate"])


def _mutate(text: str, ops: list[tuple[str, int]]) -> str:
    lines = strip_annotations(text).split("\n")
    for op, at in ops:
        if not lines:
            break
        i = at % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
        elif op == "drop-cell":
            for sep in ("|", "\t", " "):
                cells = lines[i].split(sep)
                if len(cells) > 1:
                    del cells[at % len(cells)]
                    lines[i] = sep.join(cells)
                    break
        elif op == "duplicate":
            lines.insert(i, lines[i])
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(TEXTS)),
       st.lists(st.tuples(_mutation, st.integers(0, 10_000)), min_size=1, max_size=8))
def test_mutated_corpus_forms_never_crash_the_importer(form, ops):
    result = import_text(_mutate(TEXTS[form], ops).encode("utf-8"), shown=form, stem=form)
    for f in result.forms:
        doc = tomllib.loads(_dumps(f), parse_float=Decimal)
        assert parse_document(doc) == f.case


def _dumps(form) -> str:
    from evalengine.importer.tomlout import dumps

    return dumps(form.case, [str(n) for n in form.notes])


@st.composite
def _corpus_pieces(draw) -> str:
    """Arbitrary text spliced with slices of the corpus forms (their labels, numbers, seams)."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            text = TEXTS[draw(st.sampled_from(sorted(TEXTS)))]
            start = draw(st.integers(0, len(text)))
            parts.append(text[start:start + draw(st.integers(0, 400))])
        else:
            parts.append(draw(st.text(max_size=30)))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpus_pieces())
def test_arbitrary_text_spliced_with_corpus_slices_never_crashes(text):
    for f in import_text(text.encode("utf-8", "surrogatepass")).forms:
        assert parse_document(tomllib.loads(_dumps(f), parse_float=Decimal)) == f.case
