"""rules/vocabulary.toml: loaded strictly, one list per idea."""

from __future__ import annotations

import pytest

from evalengine.loader import ConfigError
from evalengine.resources import rules_dir
from evalengine.vocabulary import load_vocabulary, read_vocabulary


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


SHIPPED = (rules_dir() / "vocabulary.toml").read_text(encoding="utf-8")


def _edited(tmp_path, old: str, new: str):
    assert old in SHIPPED
    path = tmp_path / "vocabulary.toml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return path


def test_unknown_key_is_a_load_error_with_its_key_path(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, "[negation]\n", '[negation]\nwrods = ["未"]\n'))
    assert "$.negation.wrods" in str(exc.value)


def test_a_word_given_twice_or_empty_is_a_load_error(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, 'words = ["truncated", ', 'words = ["节选", " ", "truncated", '))
    message = str(exc.value)
    assert "$.truncation.words[1]" in message and "empty word" in message
    assert "given twice" in message and "节选" in message


def test_a_lone_text_for_a_list_is_a_load_error(tmp_path):
    with pytest.raises(ConfigError) as exc:
        read_vocabulary(_edited(tmp_path, 'missed = ["否", "差"]', 'missed = "否"'))
    assert "$.claims.missed: expected-texts" in str(exc.value)
