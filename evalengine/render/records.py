"""The records every renderer is handed: small frozen attrs records, built once per result
(:mod:`evalengine.render.data` builds them), and their JSON form.

Figures are strings rounded by the engine's one rule (``"12.50"``, None when absent), so
JSON readers never see binary floats.  A finding's message and evidence are put into words
only when a renderer asks for them (:class:`FindingRecord`), once per finding, in the
record's language; a record sent to another process (``--jobs``) travels with its words,
not with the finding's typed values.

:func:`as_data` gives a record's JSON form (str, int, bool, None, lists, dicts), the shape
docs/report-format.md documents: cattrs' generated unstructuring, keys in field order, a
case's ``review`` and ``not_verified`` only when there is something to say.
"""

from __future__ import annotations

from typing import Any, Optional, Union

import attrs
import cattrs
from cattrs.fns import identity
from cattrs.gen import make_dict_unstructure_fn, override

from ..findings import Finding

__all__ = [
    "CaseRecord", "ClaimValue", "DateValue", "DepartmentRecord", "EmptyValue", "FailureRecord",
    "FindingRecord", "FundsRecord", "IndicatorRecord", "NotVerifiedRecord", "ProblemRecord",
    "QuantityValue", "Record", "TextValue", "ValueRecord", "as_data",
]


# --- a target's or an actual's parsed value ---------------------------------------------

@attrs.frozen
class QuantityValue:
    kind: str = attrs.field(default="quantity", init=False)
    operator: str
    amount: str
    unit: str


@attrs.frozen
class DateValue:
    kind: str = attrs.field(default="date", init=False)
    operator: str
    latest: str | None  # ISO date


@attrs.frozen
class ClaimValue:
    kind: str = attrs.field(default="claim", init=False)
    level: str


@attrs.frozen
class TextValue:
    kind: str = attrs.field(default="text", init=False)


@attrs.frozen
class EmptyValue:
    kind: str = attrs.field(default="empty", init=False)


ValueRecord = Union[QuantityValue, DateValue, ClaimValue, TextValue, EmptyValue]


# --- a finding ------------------------------------------------------------------------------

@attrs.frozen
class FindingRecord:
    """One finding as printed.  ``message`` and the evidence (``expected``, ``found``) are
    each formatted from the finding's typed values the first time a renderer reads them,
    then kept; once both are, the finding itself is let go (a writer that keeps its records
    to the end keeps words, not the typed values behind them)."""

    code: str
    severity: str  # error / warning / info
    file: str
    path: str
    _finding: Finding | None = attrs.field(default=None, eq=False, repr=False, alias="finding")
    lang: str = "zh"
    _message: str | None = attrs.field(default=None, eq=False, alias="message")
    _evidence: tuple[str, str] | None = attrs.field(default=None, eq=False, alias="evidence")

    @property
    def message(self) -> str:
        if self._message is None:
            assert self._finding is not None
            object.__setattr__(self, "_message", self._finding.message_in(self.lang))
            self._settle()
        return self._message  # type: ignore[return-value]

    @property
    def evidence(self) -> tuple[str, str]:
        """(expected, found)."""
        if self._evidence is None:
            assert self._finding is not None
            object.__setattr__(self, "_evidence", self._finding.evidence(self.lang))
            self._settle()
        return self._evidence  # type: ignore[return-value]

    @property
    def expected(self) -> str:
        return self.evidence[0]

    @property
    def found(self) -> str:
        return self.evidence[1]

    def words(self) -> tuple[str, str, str]:
        """(message, expected, found), formatted in one call if neither is yet."""
        if self._message is None and self._evidence is None:
            assert self._finding is not None
            message, expected, found = self._finding.words(self.lang)
            object.__setattr__(self, "_message", message)
            object.__setattr__(self, "_evidence", (expected, found))
            object.__setattr__(self, "_finding", None)
            return message, expected, found
        expected, found = self.evidence
        return self.message, expected, found

    def _settle(self) -> None:
        if self._message is not None and self._evidence is not None:
            object.__setattr__(self, "_finding", None)

    def settled(self) -> FindingRecord:
        """This record with all its words formatted (and the finding let go)."""
        self.message, self.evidence  # noqa: B018 - formats them
        return self

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # to another process with its words, not with the finding's typed values
        return FindingRecord, (self.code, self.severity, self.file, self.path, None, self.lang,
                               self.message, self.evidence)


# --- a project ------------------------------------------------------------------------------

@attrs.frozen
class FundsRecord:
    budget: str | None
    executed: str | None
    rate: str | None  # percent
    weight: str | None
    claimed: str | None
    verified: str | None


@attrs.frozen
class IndicatorRecord:
    path: str
    level1: str
    level2: str
    name: str
    category: str
    target: str
    actual: str
    target_value: ValueRecord
    actual_value: ValueRecord
    weight: str | None
    weight_from_form: bool
    method: str
    evidence: str
    evidence_class: str
    evidence_class_text: str
    reason: str
    reason_text: str
    achievement: str | None  # percent
    claimed: str | None
    claimed_from_form: bool
    verified: str | None


@attrs.frozen
class NotVerifiedRecord:
    """A field the importer did not read, and the rules not checked for it."""

    path: str
    name: str
    reason: str
    reason_text: str
    rules: tuple[str, ...]


@attrs.frozen
class CaseRecord:
    file: str
    name: str
    department: str
    implementer: str
    year: int | None
    profile: str
    has_form: bool
    status: str
    status_reason: str | None
    funds: FundsRecord
    claimed_total: str | None
    claimed_from_form: bool
    verified_total: str | None
    supported_points: str | None
    gap: str | None
    claimed_grade: str | None
    verified_grade: str | None
    evidence_share: str | None  # percent
    indicators: tuple[IndicatorRecord, ...]
    findings: tuple[FindingRecord, ...]
    review: str = ""  # the importer's words for why the form needs review
    not_verified: tuple[NotVerifiedRecord, ...] = ()


@attrs.frozen
class DepartmentRecord:
    file: str
    name: str
    year: int | None
    figures: int
    findings: tuple[FindingRecord, ...]


@attrs.frozen
class ProblemRecord:
    path: str
    kind: str
    message: str


@attrs.frozen
class FailureRecord:
    file: str
    problems: tuple[ProblemRecord, ...]


Record = Union[CaseRecord, DepartmentRecord, FailureRecord]


# --- the JSON form --------------------------------------------------------------------------

_AS_IS = (str | None, int | None, Optional[str], Optional[int])


def _converter() -> cattrs.Converter:
    conv = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    # a text or a figure that may be absent is written as it is (inlined, not dispatched)
    conv.register_unstructure_hook_func(lambda t: t in _AS_IS, identity)
    values = {cls: make_dict_unstructure_fn(cls, conv, _cattrs_include_init_false=True)
              for cls in (QuantityValue, DateValue, ClaimValue, TextValue, EmptyValue)}  # kind first
    for cls, hook in values.items():
        conv.register_unstructure_hook(cls, hook)
    conv.register_unstructure_hook(ValueRecord, lambda value: values[type(value)](value))

    def finding(f: FindingRecord) -> dict[str, Any]:
        message, expected, found = f.words()
        return {"code": f.code, "severity": f.severity, "file": f.file, "path": f.path,
                "message": message, "expected": expected, "found": found}

    conv.register_unstructure_hook(FindingRecord, finding)
    for cls in (FindingRecord, IndicatorRecord, NotVerifiedRecord, ProblemRecord):
        hook = conv.get_unstructure_hook(cls)  # a list of records: one comprehension
        conv.register_unstructure_hook_func(
            lambda t, _many=tuple[cls, ...]: t == _many,
            lambda items, _hook=hook: [_hook(item) for item in items])
    conv.register_unstructure_hook(CaseRecord, make_dict_unstructure_fn(
        CaseRecord, conv, review=override(omit_if_default=True),
        not_verified=override(omit_if_default=True)))
    return conv


_json = _converter()


def as_data(record: Any) -> Any:
    """A record's JSON form: plain data, keys in the order of the record's fields."""
    return _json.unstructure(record)
