"""The typed records renderers are handed (evalengine.render.records)."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs

from evalengine.engine import Engine
from evalengine.render.data import case_record
from evalengine.render.records import CaseRecord, FindingRecord, as_data

CASES = Path(__file__).resolve().parent.parent / "cases" / "2021"


def _result():
    engine = Engine.build()
    return next(r for r in engine.evaluate([CASES]) if getattr(r, "findings", ()) and hasattr(r, "case"))


def test_a_finding_is_put_into_words_only_when_asked_and_once():
    result = _result()
    finding = case_record(result, "en").findings[0]
    assert finding._message is None and finding._evidence is None  # nothing formatted yet
    source = result.findings[0]
    assert finding.message == source.message_in("en")
    assert finding._finding is source  # the evidence is not asked for yet
    assert (finding.expected, finding.found) == source.evidence("en")
    assert finding._finding is None  # both formatted: the typed values are let go
    assert finding.message == source.message_in("en")


def test_a_record_travels_to_another_process_with_its_words():
    record = case_record(_result())
    copy = pickle.loads(pickle.dumps(record))
    assert as_data(copy) == as_data(record)
    assert all(isinstance(f, FindingRecord) and f._finding is None for f in copy.findings)


def test_the_json_form_follows_the_fields_and_omits_what_is_not_there():
    record = case_record(_result())
    assert not record.review and not record.not_verified
    names = [f.name for f in attrs.fields(CaseRecord) if f.name not in ("review", "not_verified")]
    assert list(as_data(record)) == names
    shown = attrs.evolve(record, review="待复核")
    assert list(as_data(shown))[-1] == "review"
