"""The shared vocabulary (``rules/vocabulary.toml``): every word list that the value parser,
the rules and the importer read, declared once.

:func:`load_vocabulary` reads the file once per process (cached) into a frozen
:class:`Vocabulary`; a key that is unknown or of the wrong type, an empty word or a word given
twice in one list is a :class:`~evalengine.loader.ConfigError` naming the key path
(``rules/vocabulary.toml: $.negation.words[3]: …``), as for every other rules file.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import attrs

from .loader import ConfigError, Problem, read_toml, shown_value, structure_config
from .resources import rules_dir

__all__ = ["Negation", "Truncation", "Vocabulary", "load_vocabulary", "word_lists"]

Words = tuple[str, ...]


@attrs.frozen
class Truncation:
    """Words in ``project.source`` that say the form is cut off."""

    words: Words

    def says_cut_off(self, source: str) -> bool:
        """Whether ``source`` (compared in lower case) names one of the cut-off words."""
        lowered = source.lower()
        return any(word.lower() in lowered for word in self.words)


@attrs.frozen
class Negation:
    """Words that deny what follows; ``benign`` ones only look like a negation."""

    words: Words
    benign: Words
    prospective: Words


@attrs.frozen
class Vocabulary:
    truncation: Truncation
    negation: Negation


def word_lists(vocabulary: Vocabulary) -> dict[str, Words]:
    """Every word list of ``vocabulary`` by its key path (``negation.words``)."""
    out: dict[str, Words] = {}
    for table in attrs.fields(type(vocabulary)):
        record = getattr(vocabulary, table.name)
        for field in attrs.fields(type(record)):
            value = getattr(record, field.name)
            if isinstance(value, tuple) and all(isinstance(w, str) for w in value):
                out[f"{table.name}.{field.name}"] = value
    return out


def _word_problems(lists: dict[str, Words]) -> Iterable[Problem]:
    for key, words in lists.items():
        if not words:
            yield Problem(f"$.{key}", "invalid", "empty list")
        seen: set[str] = set()
        for i, word in enumerate(words):
            if not word.strip():
                yield Problem(f"$.{key}[{i}]", "invalid", "empty word")
            elif word in seen:
                yield Problem(f"$.{key}[{i}]", "invalid", f'"{word}" is given twice')
            seen.add(word)


def read_vocabulary(path: Path) -> Vocabulary:
    """``path`` as a :class:`Vocabulary`; ConfigError with every problem's key path."""
    data = read_toml(path)
    # cattrs would take a lone "text" for the list of its characters: refuse it first
    problems = tuple(
        Problem(f"$.{table}.{key}", "expected-texts", shown_value(value))
        for table, fields in data.items() if isinstance(fields, dict)
        for key, value in fields.items() if not isinstance(value, list)
    )
    if problems:
        raise ConfigError(str(path), problems)
    vocabulary = structure_config(data, Vocabulary, str(path))
    problems = tuple(_word_problems(word_lists(vocabulary)))
    if problems:
        raise ConfigError(str(path), problems)
    return vocabulary


@cache
def load_vocabulary(directory: Path | None = None) -> Vocabulary:
    """The shipped vocabulary (or the one in ``directory``), read once per process."""
    return read_vocabulary((directory or rules_dir()) / "vocabulary.toml")
