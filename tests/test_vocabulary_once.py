"""Every vocabulary list is used by the code, and no word list is declared twice.

A list of ``rules/vocabulary.toml`` nobody reads is dead data (or a rule that forgot to read
it and kept a copy); a list a rule's data repeats will drift from it, as the two cut-off
lists did (issue 8: 节选 meant cut off for the indicator rules only).
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs

from evalengine.resources import rules_dir
from evalengine.vocabulary import Vocabulary, load_vocabulary, word_lists

PACKAGE = Path(__file__).resolve().parent.parent / "evalengine"
RULES = rules_dir()


def _record_keys(cls: type = Vocabulary, prefix: str = "") -> dict[str, str]:
    """Record class name -> its key path in the vocabulary (Truncation -> "truncation")."""
    out = {cls.__name__: prefix.rstrip(".")}
    for field in attrs.fields(cls):
        if attrs.has(field.type):
            out.update(_record_keys(field.type, f"{prefix}{field.name}."))
    return out


def _chain(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif isinstance(node, ast.Call):
        parts.append("()")
    else:
        return None
    return ".".join(reversed(parts))


def _attribute_chains() -> Iterator[str]:
    """Every attribute chain the package's code reads (``_V.claims.text.mishaps``), with
    simple aliases resolved (``_T = _V.claims.text`` makes ``_T.mishaps`` that chain) and
    ``self`` inside a vocabulary record standing for its key path."""
    records = _record_keys()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in records:
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Attribute):
                        chain = _chain(inner)
                        if chain and chain.startswith("self."):
                            yield "vocabulary." + (records[node.name] + "." if records[node.name] else "") + chain[5:]
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                chain = _chain(node.value)
                if chain:
                    aliases[node.targets[0].id] = chain
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                chain = _chain(node)
                if chain:
                    head, _, rest = chain.partition(".")
                    for _ in range(5):  # aliases of aliases
                        if head not in aliases:
                            break
                        chain = aliases[head] + ("." + rest if rest else "")
                        head, _, rest = chain.partition(".")
                    yield chain


def test_every_vocabulary_list_is_used_by_the_code():
    chains = set(_attribute_chains())
    unused = [key for key in word_lists(load_vocabulary())
              if not any(f".{key}" in f".{chain}." or chain.endswith(f".{key}") for chain in chains)]
    assert unused == [], f"vocabulary lists no code reads: {unused}"


def _string_lists(data: object, where: str) -> Iterator[tuple[str, frozenset[str]]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _string_lists(value, f"{where}.{key}")
    elif isinstance(data, list):
        if data and all(isinstance(v, str) for v in data):
            yield where, frozenset(data)
        else:
            for i, value in enumerate(data):
                yield from _string_lists(value, f"{where}[{i}]")


def _rule_data_lists() -> Iterator[tuple[str, frozenset[str]]]:
    files = [*sorted((RULES / "checks").rglob("*.toml")), *sorted((RULES / "layouts").rglob("*.toml")),
             RULES / "taxonomy.toml"]
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        yield from _string_lists(data, str(path.relative_to(RULES)))


def _copies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two lists are copies of one idea when they are the same words, or when nearly all of
    the shorter one's words (at least three) are in the other: a copy that drifted."""
    common = len(a & b)
    return (a == b and len(a) >= 2) or (common >= 3 and common >= 0.8 * min(len(a), len(b)))


def test_no_word_list_is_declared_twice():
    vocabulary = [(f"vocabulary.{k}", frozenset(v)) for k, v in word_lists(load_vocabulary()).items()]
    data = list(_rule_data_lists())
    found = []
    names = vocabulary + data
    for i, (where, words) in enumerate(names):
        for other, other_words in names[i + 1:]:
            # each layout describes one published form and spells its own printed labels
            # (rules/layouts is the recogniser's, one file per form): layouts are compared
            # with the vocabulary, not with each other
            if where.startswith("layouts/") and other.startswith("layouts/"):
                continue
            # inside the vocabulary a list may name a part of another ("the weak dates that
            # are deadlines", "the units a Chinese numeral may not carry"); only two lists of
            # the same words are one idea declared twice
            both_vocabulary = where.startswith("vocabulary.") and other.startswith("vocabulary.")
            copied = words == other_words if both_vocabulary else _copies(words, other_words)
            if copied and not _allowed(where, other):
                found.append(f"{where} ~ {other}: {sorted(words & other_words)}")
    assert found == [], "word lists declared twice:\n" + "\n".join(found)


# Lists that share words and are still separate ideas, each with its reason.
ALLOWED = {
    # not words but each rule's choice of which dimensions (values.Dimension) it compares;
    # N403 and N410 keep their own values on purpose (commit a3697c6)
    frozenset({"checks/narrative/N403.toml.defaults.dimensions",
               "checks/narrative/N410.toml.defaults.dimensions"}),
}


def _allowed(a: str, b: str) -> bool:
    return frozenset({a, b}) in ALLOWED


def test_a_shared_setting_is_set_on_the_rule_that_declares_it(tmp_path):
    """I313 reads I307's minor_ratio: setting it there moves both; I313 has no such key."""
    import pytest

    from evalengine.checks.registry import BUILTIN_RULES
    from evalengine.checks.runner import Checker
    from evalengine.checks.settings import load_user_config
    from evalengine.loader import ConfigError

    shipped = Checker.build()
    assert shipped.options["I313"]["minor_ratio"] == shipped.options["I307"]["minor_ratio"]
    owner = tmp_path / "evalengine.toml"
    owner.write_text("[rules.I307]\nminor_ratio = 0.95\n", encoding="utf-8")
    checker = Checker.build(load_user_config(owner, BUILTIN_RULES))
    assert checker.options["I313"]["minor_ratio"] == checker.options["I307"]["minor_ratio"] == Decimal("0.95")
    reader = tmp_path / "reader.toml"
    reader.write_text("[rules.I313]\nminor_ratio = 0.95\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(reader, BUILTIN_RULES)
    assert "$.rules.I313.minor_ratio" in str(exc.value)


def test_shares_name_a_setting_the_owner_declares():
    from evalengine.checks.registry import BUILTIN_RULES

    by_code = {r.code: r for r in BUILTIN_RULES}
    shared = [(r.code, name, owner) for r in BUILTIN_RULES for name, owner in r.shares]
    assert len(shared) >= 8
    for code, name, owner in shared:
        assert name in {s.name for s in by_code[owner].settings}, (code, name, owner)
        assert name not in {s.name for s in by_code[code].settings}, (code, name)


def test_no_setting_asks_to_be_kept_equal_to_another():
    """"Keep equal to …" in a rule's data was a second declaration waiting to drift: a value
    two rules need is one shared setting ([shares]) or one vocabulary entry."""
    found = [str(p.relative_to(RULES)) for p in RULES.rglob("*.toml")
             if "keep equal" in p.read_text(encoding="utf-8").lower()
             or "keep it equal" in p.read_text(encoding="utf-8").lower()]
    assert found == []


def _code_lists() -> Iterator[tuple[str, frozenset[str]]]:
    """Every literal set, tuple or list of three or more words in the package's code."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, (ast.Set, ast.Tuple, ast.List)) and len(node.elts) >= 3
                    and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)):
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", frozenset(e.value for e in node.elts)


# Code lists that share words with a vocabulary list and are still their own idea.
ALLOWED_IN_CODE = {
    # the money units spelt out with their multipliers, for the regex that strips a figure
    # and its unit from a clause; the parser reads them as 元 × 万/亿/千 (units.money, numbers)
    ("checks/kit.py", "units.importer"),
}


def test_no_code_holds_a_copy_of_a_vocabulary_list():
    """The importer's unit words were held in importer/decoder.py and importer/labels.py as two
    lists that had drifted apart; a word list in code that copies a vocabulary list is
    the same idea declared twice (a copy: the same words, or nearly all of the shorter)."""
    vocabulary = {f"vocabulary.{k}": frozenset(v) for k, v in word_lists(load_vocabulary()).items()}
    found = [f"{where} ~ {key}: {sorted(words & listed)}"
             for where, words in _code_lists() for key, listed in vocabulary.items()
             if _copies(words, listed)
             and (where.split(":")[0], key.removeprefix("vocabulary.")) not in ALLOWED_IN_CODE]
    assert found == [], "code lists that copy the vocabulary:\n" + "\n".join(found)


def test_the_copy_check_finds_a_copied_unit_list():
    """The check above is not vacuous: the old decoder unit list is found as a copy."""
    old_decoder_units = frozenset(
        ["%", "‰", "万元", "亿元", "千元", "元", "人次", "个", "人", "次", "户", "家", "项", "台",
         "套", "册", "本", "条", "件", "天", "日", "月", "年", "小时", "公里", "千米", "平方米",
         "米", "亩", "吨", "辆", "所", "场", "期", "篇", "份", "批", "起", "座", "处", "课时",
         "分钟", "周", "批次", "株", "头", "只", "百分比", "百分点", "kg", "km", "m2", "㎡"])
    assert _copies(old_decoder_units, frozenset(load_vocabulary().units.importer))
