"""Field-level accuracy of the importer on the real-forms corpus (issue 10 §6).

Each form in ``forms/NN.txt`` is a verbatim copy of ``shared/real-forms/NN.txt``.  Its
annotation lines (``SOURCE:`` / ``LAYOUT:`` / ``TRUNCATED``, which real files never carry)
are stripped, the rest is imported with :func:`evalengine.importer.import_text`, and the
cases it gives are compared with the hand-checked cases in ``expected/NN*.toml``.

What counts: the header (name, year, department, implementer, and whether the form is cut
off), the funds figures of the total row and of each 其中 row, each indicator's level1,
level2, name, target, actual, operator, unit, weight and score, and the claimed total.
Per field:

* expected a value → ``right`` if the import has an equal one (after normalisation:
  whitespace, full/half width, ≧/>= → ≥, numbers by value), else ``wrong`` or ``missed``;
* expected blank (absent, not listed in ``unread``) → nothing to count, unless the import
  has a value there: ``spurious`` (wrong);
* expected ``unread`` (the form is cut off there, the cell is illegible …) → ``unread`` if
  the import also has nothing (or marks it unread), ``invented`` (wrong) if it has a value.

accuracy = right / (right + wrong + missed + spurious + invented); ``unread`` fields are
reported but are neither right nor wrong.  Rows are matched to expected rows by an
order-keeping alignment on their contents, cases by name, then by order.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from evalengine.importer import import_text
from evalengine.model import Case
from evalengine.standin import MARKER

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"
EXPECTED = HERE / "expected"
INDEX = HERE / "index.toml"
FLOORS = HERE / "floors.toml"
# A corpus is a folder holding forms/, expected/, index.toml and floors.toml: this one (the
# shared real forms) or holdout/ (forms from beyond shared/, never fitted to: holdout/index.toml)
HOLDOUT = HERE / "holdout"

ANNOTATIONS = ("SOURCE:", "LAYOUT:", "TRUNCATED")

PROJECT_FIELDS = ("name", "year", "department", "implementer")
FUNDS_FIELDS = ("initial_budget", "budget", "executed", "claimed_rate", "claimed_weight",
                "claimed_score")
ROW_FIELDS = ("initial_budget", "budget", "executed")
INDICATOR_FIELDS = ("level1", "level2", "name", "target", "actual", "operator", "unit",
                    "weight", "score")
NARRATIVE_FIELDS = ("claimed_total",)

WRONG = ("wrong", "missed", "spurious", "invented")
PLACEHOLDER_NAME = MARKER  # the importer's stand-in name begins with it


# ---------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------

def strip_annotations(text: str) -> str:
    """The form as an evaluator would receive it: without the collection's header lines."""
    lines = text.split("\n")
    drop = 0
    while drop < len(lines) and lines[drop].lstrip("\ufeff").strip().startswith(ANNOTATIONS):
        drop += 1
    return "\n".join(lines[drop:])


def form_ids(root: Path = HERE) -> list[str]:
    return sorted(p.stem for p in (root / "forms").glob("*.txt"))


def load_index(root: Path = HERE) -> dict[str, dict[str, Any]]:
    with (root / "index.toml").open("rb") as fh:
        return tomllib.load(fh)["forms"]


def load_expected(form: str, root: Path = HERE) -> list[tuple[str, dict[str, Any]]]:
    """The expected cases of one form, in order (``NN.toml`` or ``NNa.toml``, ``NNb.toml`` …)."""
    found = []
    for path in sorted((root / "expected").glob(f"{form}*.toml")):
        if re.fullmatch(rf"{re.escape(form)}[a-z]?", path.stem):
            with path.open("rb") as fh:
                found.append((path.stem, tomllib.load(fh, parse_float=Decimal)))
    return found


# ---------------------------------------------------------------------------------------
# Normalisation and comparison
# ---------------------------------------------------------------------------------------

_OPERATORS = {"≧": "≥", ">=": "≥", "≦": "≤", "<=": "≤", "＝": "="}
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)(%?)")


def norm_text(value: object) -> str:
    return _norm_str(str(value))


@lru_cache(maxsize=1 << 16)
def _norm_str(text: str) -> str:
    # the same few thousand cell texts are compared again and again (every pair of rows
    # align() weighs, every shape of every source): normalised once each
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    for old, new in _OPERATORS.items():
        text = text.replace(old, new)
    return text


def _number(value: object) -> tuple[Decimal, str] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value), ""
    text = norm_text(value).replace(",", "")
    m = _NUMBER.fullmatch(text)
    if not m:
        return None
    try:
        return Decimal(text.rstrip("%")), m.group(3)
    except InvalidOperation:
        return None


def has_value(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return norm_text(value) != ""
    return True


def same(expected: object, got: object) -> bool:
    if norm_text(expected) == norm_text(got):
        return True
    a, b = _number(expected), _number(got)
    return a is not None and b is not None and a == b


def shown(value: object) -> str:
    return "" if value is None else str(value)


# ---------------------------------------------------------------------------------------
# Cases as flat records: {field: value}, plus the fields marked unread
# ---------------------------------------------------------------------------------------

@attrs.frozen
class Record:
    values: Mapping[str, Any]
    unread: frozenset[str] = frozenset()


@attrs.frozen
class Flat:
    """One case reduced to what is compared."""

    project: Record
    funds: Record
    rows: tuple[tuple[str, Record], ...]  # (label as printed, figures)
    indicators: tuple[Record, ...]
    narrative: Record
    sections_unread: frozenset[str] = frozenset()  # [project] unread = {funds = …}
    incomplete: bool = False  # [project] incomplete: the form is known to be cut off


def _record(values: Mapping[str, Any], keys: Sequence[str], unread: Iterable[str] = ()) -> Record:
    return Record({k: values.get(k) for k in keys}, frozenset(unread) & frozenset(keys))


def _unread_of(obj: Any) -> dict[str, str]:
    """``unread`` of an imported record, where the importer already sets it."""
    got = obj.get("unread") if isinstance(obj, Mapping) else getattr(obj, "unread", None)
    return dict(got) if got else {}


def flat_expected(doc: Mapping[str, Any]) -> Flat:
    project = doc.get("project", {})
    funds = doc.get("funds", {})
    narrative = doc.get("narrative", {})
    sections = _unread_of(project)
    values = dict(project)
    if str(values.get("name", "")).startswith(PLACEHOLDER_NAME):
        values["name"] = None  # no name is printed (blank, or cut when listed in unread)
    return Flat(
        project=_record(values, PROJECT_FIELDS, sections),
        funds=_record(funds, FUNDS_FIELDS, _unread_of(funds)),
        rows=tuple((r.get("source", ""), _record(r, ROW_FIELDS, _unread_of(r)))
                   for r in funds.get("rows", [])),
        indicators=tuple(_record(i, INDICATOR_FIELDS, _unread_of(i))
                         for i in doc.get("indicators", [])),
        narrative=_record(narrative, NARRATIVE_FIELDS, _unread_of(narrative)),
        sections_unread=frozenset(sections) - frozenset(PROJECT_FIELDS),
        incomplete=bool(project.get("incomplete")),
    )


def _attrs_values(obj: Any, keys: Sequence[str]) -> dict[str, Any]:
    return {k: getattr(obj, k, None) for k in keys}


def flat_imported(case: Case) -> Flat:
    p = case.project
    values = _attrs_values(p, PROJECT_FIELDS)
    if isinstance(values["name"], str) and values["name"].startswith(PLACEHOLDER_NAME):
        values["name"] = None  # the importer's stand-in for a name it did not see
    sections = _unread_of(p)
    return Flat(
        project=_record(values, PROJECT_FIELDS, sections),
        funds=_record(_attrs_values(case.funds, FUNDS_FIELDS), FUNDS_FIELDS,
                      _unread_of(case.funds)),
        rows=tuple((r.source, _record(_attrs_values(r, ROW_FIELDS), ROW_FIELDS, _unread_of(r)))
                   for r in case.funds.rows),
        indicators=tuple(_record(_attrs_values(i, INDICATOR_FIELDS), INDICATOR_FIELDS,
                                 _unread_of(i)) for i in case.indicators),
        narrative=_record(_attrs_values(case.narrative, NARRATIVE_FIELDS), NARRATIVE_FIELDS,
                          _unread_of(case.narrative)),
        sections_unread=frozenset(sections) - frozenset(PROJECT_FIELDS),
        incomplete=bool(p.incomplete),
    )


# ---------------------------------------------------------------------------------------
# Field results
# ---------------------------------------------------------------------------------------

@attrs.frozen
class FieldResult:
    form: str  # "01"
    case: str  # expected file stem ("04a"), or "+N" for an imported case with no expected one
    path: str  # "indicators[2].target"
    kind: str  # "indicator.target"
    status: str  # right | wrong | missed | spurious | invented | unread
    expected: str = ""
    got: str = ""


def _compare(form: str, case: str, path: str, kind: str, expected: Record | None,
             got: Record | None, key: str, section_unread: bool = False,
             got_section_unread: bool = False) -> FieldResult | None:
    e_unread = section_unread or (expected is not None and key in expected.unread)
    e_val = None if expected is None or e_unread else expected.values.get(key)
    g_val = None
    if got is not None and key not in got.unread and not got_section_unread:
        g_val = got.values.get(key)
    e_has, g_has = has_value(e_val), has_value(g_val)
    where = f"{path}.{key}" if path else key
    if e_unread:
        if g_has:
            return FieldResult(form, case, where, kind, "invented", "(unread)", shown(g_val))
        return FieldResult(form, case, where, kind, "unread", "(unread)", "")
    if e_has:
        if not g_has:
            return FieldResult(form, case, where, kind, "missed", shown(e_val), "")
        status = "right" if same(e_val, g_val) else "wrong"
        return FieldResult(form, case, where, kind, status, shown(e_val), shown(g_val))
    if g_has:
        return FieldResult(form, case, where, kind, "spurious", "", shown(g_val))
    return None


def _similarity(e: Record, g: Record) -> float:
    """How alike two indicator rows are, 0 … 1 (name counts double).  A field the import
    declares unread neither matches nor mismatches; an unread name that holds the expected
    one (the row's text, where the name's end was lost) matches it."""
    en, gn = norm_text(e.values.get("name") or ""), norm_text(g.values.get("name") or "")
    total, weight = 0.0, 0.0
    if en or gn:
        lost = "name" in g.unread and en and en in gn
        total += 2 * (1.0 if lost else difflib.SequenceMatcher(None, en, gn).ratio())
        weight += 2
    elif not any(has_value(r.values.get(k)) for r in (e, g) for k in ("level2", "target",
                                                                       "actual", "weight",
                                                                       "score")):
        # rows with nothing but their 一级 (a row cut in its 二级 label): alike by it
        a, b = e.values.get("level1"), g.values.get("level1")
        return 0.5 if has_value(a) and has_value(b) and same(a, b) else 0.0
    for key in ("level2", "target", "actual", "weight", "score"):
        a, b = e.values.get(key), g.values.get(key)
        if key in g.unread:
            continue
        if has_value(a) or has_value(b):
            weight += 1
            total += 1.0 if has_value(a) and has_value(b) and same(a, b) else 0.0
    return total / weight if weight else 0.0


def align(expected: Sequence[Record], got: Sequence[Record],
          threshold: float = 0.3) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairing of expected and imported rows maximising total similarity."""
    n, m = len(expected), len(got)
    sim = [[_similarity(e, g) for g in got] for e in expected]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= threshold else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= threshold and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


def _row_key(label: str) -> str:
    return re.sub(r"^其中[:：]?", "", norm_text(label))


def compare_case(form: str, case: str, expected: Flat | None, got: Flat | None) -> list[FieldResult]:
    out: list[FieldResult] = []

    def add(result: FieldResult | None) -> None:
        if result is not None:
            out.append(result)

    def sec(flat: Flat | None, name: str) -> bool:
        return flat is not None and name in flat.sections_unread

    e_p = expected.project if expected else None
    g_p = got.project if got else None
    for key in PROJECT_FIELDS:
        add(_compare(form, case, "project", f"project.{key}", e_p, g_p, key))
    if expected is not None:  # cut off or whole: always judged, it decides the grading
        e_cut, g_cut = expected.incomplete, got is not None and got.incomplete
        add(FieldResult(form, case, "project.incomplete", "project.incomplete",
                        "missed" if got is None else "right" if e_cut == g_cut else "wrong",
                        str(e_cut).lower(),
                        str(g_cut).lower() if got is not None else ""))
    for key in FUNDS_FIELDS:
        add(_compare(form, case, "funds", f"funds.{key}", expected and expected.funds,
                     got and got.funds, key, sec(expected, "funds"), sec(got, "funds")))
    # 其中 rows: by label, then the rest in order
    e_rows = list(expected.rows) if expected else []
    g_rows = list(got.rows) if got else []
    used: set[int] = set()
    pairs: list[tuple[tuple[str, Record] | None, tuple[str, Record] | None]] = []
    for e_row in e_rows:
        hit = next((j for j, g_row in enumerate(g_rows)
                    if j not in used and _row_key(g_row[0]) == _row_key(e_row[0])), None)
        if hit is not None:
            used.add(hit)
        pairs.append((e_row, g_rows[hit] if hit is not None else None))
    pairs += [(None, g_row) for j, g_row in enumerate(g_rows) if j not in used]
    for e_row, g_row in pairs:
        label = (e_row or g_row)[0]  # type: ignore[index]
        for key in ROW_FIELDS:
            add(_compare(form, case, f"funds.rows[{label}]", f"funds.rows.{key}",
                         e_row[1] if e_row else None, g_row[1] if g_row else None, key,
                         sec(expected, "funds"), sec(got, "funds")))
    e_ind = expected.indicators if expected else ()
    g_ind = got.indicators if got else ()
    for i, j in align(e_ind, g_ind):
        path = f"indicators[{i}]" if i is not None else f"indicators[+{j}]"
        for key in INDICATOR_FIELDS:
            add(_compare(form, case, path, f"indicator.{key}",
                         e_ind[i] if i is not None else None,
                         g_ind[j] if j is not None else None, key,
                         sec(expected, "indicators"), sec(got, "indicators")))
    for key in NARRATIVE_FIELDS:
        add(_compare(form, case, "narrative", f"narrative.{key}",
                     expected and expected.narrative, got and got.narrative, key,
                     sec(expected, "narrative"), sec(got, "narrative")))
    return out


def match_cases(expected: Sequence[tuple[str, Flat]],
                got: Sequence[Flat]) -> list[tuple[str, Flat | None, Flat | None]]:
    """Pair expected and imported cases: by name first, the rest in order."""
    taken: dict[int, int] = {}
    for i, (_, e) in enumerate(expected):
        name = e.project.values.get("name")
        if "name" in e.project.unread or not has_value(name):
            continue
        for j, g in enumerate(got):
            if j not in taken.values() and has_value(g.project.values.get("name")) \
                    and same(name, g.project.values["name"]):
                taken[i] = j
                break
    free = iter([j for j in range(len(got)) if j not in taken.values()])
    pairs: list[tuple[str, Flat | None, Flat | None]] = []
    used: set[int] = set(taken.values())
    for i, (stem, e) in enumerate(expected):
        j = taken.get(i)
        if j is None:
            j = next(free, None)
            if j is not None:
                used.add(j)
        pairs.append((stem, e, got[j] if j is not None else None))
    for j, g in enumerate(got):
        if j not in used:
            pairs.append((f"+{j + 1}", None, g))
    return pairs


# ---------------------------------------------------------------------------------------
# Running the corpus
# ---------------------------------------------------------------------------------------

@attrs.frozen
class FormResult:
    form: str
    layout: str
    expected_cases: int
    imported_cases: int
    crashed: str  # the exception, "" when the importer returned
    fields: tuple[FieldResult, ...]
    split: str = ""  # holdout corpus: "fix" or "holdout" (index.toml)
    # error-level findings (rule codes) on the imported cases that the hand-written expected
    # cases do not get — findings the import caused — and those the expected cases get that
    # the import lost (``run_corpus(errors=True)``; empty otherwise)
    import_errors: tuple[str, ...] = ()
    lost_errors: tuple[str, ...] = ()


def import_form(text: str, form: str) -> list[Case]:
    return list(_imported(text, form))


@lru_cache(maxsize=256)
def _imported(text: str, form: str) -> tuple[Case, ...]:
    # once per session: the corpus run and the annotation-line test import the same forms
    # (the cases are frozen records; each caller gets its own list of them)
    result = import_text(strip_annotations(text).encode("utf-8"), shown=f"corpus/{form}.txt",
                         stem=form)
    return tuple(f.case for f in result.forms)


_ENGINE: list[Any] = []


def error_codes(case: Case, location: str) -> Counter[str]:
    """The rule codes of the error-level findings ``evalengine score`` gives one case."""
    from evalengine.engine import Engine
    from evalengine.findings import Severity
    from evalengine.report import CaseResult

    if not _ENGINE:
        _ENGINE.append(Engine.build())
    result = _ENGINE[0].score(location, case)
    if not isinstance(result, CaseResult):
        return Counter({"(not scored)": 1})
    return Counter(f.code for f in result.findings if f.severity == Severity.ERROR)


def expected_case(doc: Mapping[str, Any]) -> Case:
    """An expected file as the case a careful person would type in (provenance kept)."""
    from evalengine.loader import parse_document

    parsed = parse_document(doc)
    if isinstance(parsed, tuple):  # the expected-case tests say which key is wrong
        raise ValueError(f"expected case does not load: {parsed}")
    return parsed


def run_form(form: str, layout: str = "", root: Path = HERE, *, split: str = "",
             errors: bool = False) -> FormResult:
    text = (root / "forms" / f"{form}.txt").read_text(encoding="utf-8")
    docs = load_expected(form, root)
    expected = [(stem, flat_expected(doc)) for stem, doc in docs]
    try:
        cases = import_form(text, form)
    except Exception as exc:  # noqa: BLE001 - a crash is what is measured here
        cases, crashed = [], f"{type(exc).__name__}: {exc}"
    else:
        crashed = ""
    fields: list[FieldResult] = []
    for stem, e, g in match_cases(expected, [flat_imported(c) for c in cases]):
        fields += compare_case(form, stem, e, g)
    caused: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()
    if errors:
        got: Counter[str] = Counter()
        for i, case in enumerate(cases):
            got += error_codes(case, f"corpus/{form}.txt#{i + 1}")
        want: Counter[str] = Counter()
        for stem, doc in docs:
            want += error_codes(expected_case(doc), f"expected/{stem}.toml")
        caused = tuple(sorted((got - want).elements()))
        lost = tuple(sorted((want - got).elements()))
    return FormResult(form, layout, len(expected), len(cases), crashed, tuple(fields), split,
                      caused, lost)


def run_corpus(forms: Iterable[str] | None = None, root: Path = HERE, *,
               errors: bool = False) -> list[FormResult]:
    index = load_index(root)
    return [run_form(f, index.get(f, {}).get("layout", "?"), root,
                     split=index.get(f, {}).get("split", ""), errors=errors)
            for f in (forms or form_ids(root))]


@attrs.frozen
class Tally:
    counts: Counter[str]

    @property
    def judged(self) -> int:
        return self.counts["right"] + sum(self.counts[s] for s in WRONG)

    @property
    def accuracy(self) -> float:
        return self.counts["right"] / self.judged if self.judged else 1.0


def tally(fields: Iterable[FieldResult]) -> Tally:
    return Tally(Counter(f.status for f in fields))


def tally_by(results: Sequence[FormResult], key: str) -> dict[str, Tally]:
    """Tallies per field ``kind`` or per form ``layout``."""
    groups: dict[str, list[FieldResult]] = {}
    for r in results:
        for f in r.fields:
            groups.setdefault(f.kind if key == "kind" else r.layout, []).append(f)
    return {k: tally(v) for k, v in sorted(groups.items())}


def forms_with_case(results: Sequence[FormResult]) -> float:
    return sum(1 for r in results if r.imported_cases > 0) / len(results) if results else 1.0


def load_floors(root: Path = HERE) -> dict[str, Any]:
    with (root / "floors.toml").open("rb") as fh:
        return tomllib.load(fh)
