"""rules/vocabulary.toml: loaded strictly, one list per idea."""

from __future__ import annotations

import pytest

from evalengine.loader import ConfigError
from evalengine.vocabulary import load_vocabulary, read_vocabulary, word_lists


def test_shipped_vocabulary_loads_and_is_cached():
    vocabulary = load_vocabulary()
    assert vocabulary is load_vocabulary()
    assert "节选" in vocabulary.truncation.words and "表尾" in vocabulary.truncation.words
    assert "尚未" in vocabulary.negation.words


def test_cut_off_words_are_one_list_for_every_rule():
    truncation = load_vocabulary().truncation
    assert truncation.says_cut_off("某县公开的自评表（节选）")
    assert truncation.says_cut_off("Only the TAIL of the table")
    assert not truncation.says_cut_off("某县财政局公开")


def _write(tmp_path, text):
    path = tmp_path / "vocabulary.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = load_vocabulary()


def _toml(**tables):
    lines = []
    for table, fields in tables.items():
        lines.append(f"[{table}]")
        lines.extend(f"{key} = {value}" for key, value in fields.items())
    return "\n".join(lines) + "\n"


def _valid_tables():
    out = {}
    for key, words in word_lists(GOOD).items():
        table, field = key.split(".")
        out.setdefault(table, {})[field] = "[" + ", ".join(f'"{w}"' for w in words) + "]"
    return out


def test_unknown_key_is_a_load_error_with_its_key_path(tmp_path):
    tables = _valid_tables()
    tables["negation"]["wrods"] = '["未"]'
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_write(tmp_path, _toml(**tables)))
    assert "$.negation.wrods" in str(exc.value)


def test_a_word_given_twice_or_empty_is_a_load_error(tmp_path):
    tables = _valid_tables()
    tables["truncation"]["words"] = '["节选", "残缺", "节选", " "]'
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_write(tmp_path, _toml(**tables)))
    message = str(exc.value)
    assert "$.truncation.words[2]" in message and "given twice" in message
    assert "$.truncation.words[3]" in message and "empty word" in message


def test_wrong_type_is_a_load_error(tmp_path):
    tables = _valid_tables()
    tables["negation"]["words"] = '"未"'
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_write(tmp_path, _toml(**tables)))
    assert "$.negation.words" in str(exc.value)
