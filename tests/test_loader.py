"""Loading: every problem reported at once, with file and key path; nothing crashes."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from evalengine.loader import LoadFailure, Loaded, load_paths, parse_document

BROKEN = """
[project]
name = "x"
source = "y"
year = "2021"
nmae = 1
[funds]
budget = 50
executed = 49.78
claimed_rate = "abc"
[[indicators]]
level1 = "产出指标"
target = 95
[[indicators]]
name = "b"
weight = true
"""


def test_all_problems_are_reported_with_their_key_paths(tmp_path):
    (tmp_path / "x.toml").write_text(BROKEN, encoding="utf-8")
    [failure] = list(load_paths([tmp_path]))
    assert isinstance(failure, LoadFailure)
    assert failure.location.endswith("x.toml")
    assert [(p.path, p.kind) for p in failure.problems] == [
        ("$.project.year", "expected-integer"),
        ("$.project.nmae", "unknown-key"),
        ("$.funds.claimed_rate", "expected-number"),
        ("$.indicators[0].target", "expected-text"),
        ("$.indicators[1].weight", "expected-number"),
    ]


def test_money_is_decimal_and_keeps_its_digits(tmp_path):
    (tmp_path / "a.toml").write_text(
        '[project]\nname = "a"\nsource = "s"\n[funds]\nbudget = 89.974\nexecuted = 0.1\n',
        encoding="utf-8")
    [loaded] = list(load_paths([tmp_path]))
    assert isinstance(loaded, Loaded)
    assert loaded.document.funds.budget == Decimal("89.974")
    assert loaded.document.funds.executed == Decimal("0.1")


def test_syntax_errors_bom_missing_paths_and_other_files(tmp_path):
    (tmp_path / "bad.toml").write_text("[project\nname=", encoding="utf-8")
    (tmp_path / "bom.toml").write_bytes('\ufeff[project]\nname = "甲"\nsource = "s"\n'.encode())
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    results = {r.location.rsplit("/", 1)[-1]: r for r in load_paths([tmp_path, tmp_path / "nope"])}
    assert results["bad.toml"].problems[0].kind == "toml-syntax"
    assert isinstance(results["bom.toml"], Loaded)
    assert results["empty.toml"].problems[0].kind == "not-a-case"
    assert results["nope"].problems[0].kind == "no-such-path"
    assert "notes.txt" not in results


def test_jsonl_reports_a_broken_line_and_keeps_the_rest(tmp_path):
    lines = ['{"project": {"name": "a", "source": "s"}}', '{"project": ', "",
             '{"project": {"name": "b", "source": "s", "year": 2021.5}}',
             '{"project": {"name": "c", "source": "s"}, "funds": {"budget": 1.10}}']
    (tmp_path / "bulk.jsonl").write_text("\n".join(lines), encoding="utf-8")
    results = list(load_paths([tmp_path]))
    assert [r.location.rsplit("/", 1)[-1] for r in results] == [
        "bulk.jsonl:1", "bulk.jsonl:2", "bulk.jsonl:4", "bulk.jsonl:5"]
    assert [type(r).__name__ for r in results] == ["Loaded", "LoadFailure", "LoadFailure", "Loaded"]
    assert results[1].problems[0].kind == "json-syntax"
    assert results[2].problems[0].path == "$.project.year"
    assert results[3].document.funds.budget == Decimal("1.10")


def test_both_or_neither_table():
    assert parse_document({"project": {}, "department": {}})[0].kind == "project-and-department"
    assert parse_document([1, 2])[0].kind == "not-a-table"


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["project", "funds", "name", "source",
                                                       "indicators", "department", "figures",
                                                       "target", "budget", "x"]), inner, max_size=4),
                    max_leaves=20))
def test_parse_document_never_raises(data):
    result = parse_document(data)
    assert isinstance(result, tuple) or hasattr(result, "name")


# --- the fast structuring (loader._fast_structure) answers as cattrs' own ---------------------

_ODD_VALUES = (None, True, False, 0, 7, -3, 10**15, 10**16, Decimal("1.5"), Decimal("NaN"), 1.5,
               "", "文字", "12.5", [], ["a"], [{}], {}, {"x": 1}, ("a",))


def _mutants(data, rng):
    """``data`` with one leaf, key or array changed at random: a wrong type, a value out of
    range, an unknown key, a key taken away."""
    import copy

    out = copy.deepcopy(data)
    node, path = out, []
    while True:
        if isinstance(node, dict) and node:
            key = rng.choice(sorted(node))
            path.append((node, key))
            if rng.random() < 0.3:
                break
            node = node[key]
        elif isinstance(node, list) and node:
            index = rng.randrange(len(node))
            path.append((node, index))
            if rng.random() < 0.3:
                break
            node = node[index]
        else:
            break
    if not path:
        return out
    parent, key = path[-1]
    what = rng.random()
    if what < 0.15 and isinstance(parent, dict):
        del parent[key]
    elif what < 0.3 and isinstance(parent, dict):
        parent["no_such_key"] = "x"
    else:
        parent[key] = rng.choice(_ODD_VALUES)
    return out


def test_fast_structuring_answers_as_cattrs_does():
    """Documents are structured by a function written out per record type (inline type
    checks); what it refuses goes to cattrs' detailed converter.  That must give what cattrs'
    converter without detailed validation gave (the structuring before it, with the same
    detailed fallback): equal records, or the same problems.  And it must take no document
    that converter refuses."""
    import random
    from pathlib import Path

    from evalengine import loader
    from evalengine.model import Case, Department

    reference = loader._make_converter(detailed=False)

    def before(data, cls):
        try:
            return reference.structure(data, cls)
        except Exception:  # noqa: BLE001 - as loader._structure did
            return loader.converter.structure(data, cls)

    def outcome(structure, data, cls):
        try:
            return structure(data, cls), None
        except Exception as exc:  # noqa: BLE001
            try:
                return None, loader._problems(exc)
            except Exception:  # noqa: BLE001 - not a cattrs error: its kind
                return None, type(exc).__name__

    root = Path(__file__).resolve().parent.parent
    documents = []
    for path in sorted((root / "cases").rglob("*.toml")) + sorted((root / "tests").rglob("*.toml"))[:200]:
        try:
            data = loader.read_toml(path)
        except loader.ConfigError:
            continue
        if "project" in data or "department" in data:
            documents.append(data)
    assert len(documents) > 20
    case = next(d for d in documents if "project" in d)
    for review in ("表格模糊，待核对", {"code": "few-cells", "placed": 3, "seen": 40, "below": 50},
                   {"code": "no-such-reason"}, {"placed": 3}, 5, ["x"]):
        documents.append({**case, "project": {**case["project"], "review": review}})
    rng = random.Random(8)
    accepted = refused = 0
    for data in documents:
        cls = Case if "project" in data else Department
        for mutant in [data] + [_mutants(data, rng) for _ in range(20)]:
            expected, got = outcome(before, mutant, cls), outcome(loader._structure, mutant, cls)
            assert got[1] == expected[1], f"{mutant!r:.300}"
            assert got[0] == expected[0] and repr(got[0]) == repr(expected[0])
            try:
                loader._fast.structure(mutant, cls)
            except Exception:  # noqa: BLE001
                refused += 1
            else:
                assert expected[1] is None, f"fast took a refused document: {mutant!r:.300}"
                accepted += 1
    assert accepted > 100 and refused > 100
