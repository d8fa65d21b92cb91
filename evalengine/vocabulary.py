"""The shared vocabulary (``rules/vocabulary.toml``): every word list that the value parser,
the rules and the importer read, declared once.

:func:`load_vocabulary` reads the file once per process (cached) into a frozen
:class:`Vocabulary`; a key that is unknown or of the wrong type, an empty word or a word given
twice in one list is a :class:`~evalengine.loader.ConfigError` naming the key path
(``rules/vocabulary.toml: $.negation.words[3]: …``), as for every other rules file.
"""


import functools
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import attrs

from .loader import ConfigError, Problem, read_toml, shown_value, structure_config
from .resources import rules_dir

__all__ = ["CLAUSE_BREAKS", "Claims", "Negation", "Truncation", "Units", "Vocabulary", "load_vocabulary",
           "read_vocabulary", "word_lists"]

Words = tuple[str, ...]


@attrs.frozen
class Truncation:
    """Words in ``project.source`` that say the form is cut off (the one predicate is
    :func:`evalengine.facts.is_truncated`, handed to every rule as ``ctx.facts.truncated``)."""

    words: Words

    def says_cut_off(self, source: str) -> bool:
        """Whether ``source`` (compared in lower case) names one of the cut-off words."""
        lowered = source.lower()
        return any(word.lower() in lowered for word in self.words)


@attrs.frozen
class Negation:
    """Words that deny what follows; ``benign`` ones only look like a negation;
    ``prospective`` ones make what follows a plan, not a report."""

    words: Words
    benign: Words
    prospective: Words


# A clause ends at these: a negation does not reach past them.
CLAUSE_BREAKS = "，,。；;！!？?、\n"


@functools.lru_cache(maxsize=32)
def _cancel_pattern(words: Words, window: int) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return re.compile(f"(?:{alt})[^{re.escape(CLAUSE_BREAKS)}]{{0,{max(window, 0)}}}$")


@functools.lru_cache(maxsize=8)
def _alternation(words: Words) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
                      or "(?!)")


@attrs.frozen
class Explanation:
    reasons: Words
    template: Words
    says_nothing: Words


@attrs.frozen
class Context:
    generic: Words


@attrs.frozen
class Names:
    satisfaction: Words


@attrs.frozen
class Normalise:
    lookalikes: dict[str, str]
    punctuation: str


@attrs.frozen
class Operators:
    before_ge: Words
    before_gt: Words
    before_le: Words
    before_lt: Words
    before_eq: Words
    after_ge: Words
    after_le: Words
    inclusive: Words
    inclusive_self: Words
    kinds: Words
    qualitative: Words


@attrs.frozen
class Numbers:
    multipliers: dict[str, int]
    minus: Words
    decrease: Words
    range_separators: Words
    per_item: Words


@attrs.frozen
class QuantityWords:
    linkers: Words
    before: Words
    after: Words


@attrs.frozen
class Units:
    money: Words
    percent: Words
    permille: Words
    count: Words
    durations: Words
    aliases: dict[str, str]
    not_after_chinese_numeral: Words
    per: Words
    percent_columns: Words
    currency_signs: Words  # before a funds table's amount (importer/labels.py money)
    amount_units: Words  # after it: the table's unit written in the cell
    importer: Words  # the importer recogniser's units (importer/labels.py, decoder.py)
    # after it: a larger unit, as the power of ten that makes it 万元 (亿元 4)
    amount_scales: dict[str, int] = attrs.field(factory=dict)


@attrs.frozen
class Placeholder:
    words: Words
    chars: str


@attrs.frozen
class Rubric:
    """Words of a scoring rubric's 一级/二级 levels (``[rubric]``): a level label run into
    its first row's name (资金管理资金分配) is cut after one of these."""

    levels: Words


@attrs.frozen
class ClaimTexts:
    shortfall: Words
    partial: Words
    mostly: Words
    achieved: Words
    not_achieved: Words
    mishap_negators: Words
    mishap_verbs: Words
    mishap_degrees: Words
    mishap_domains: Words
    mishaps: Words


@attrs.frozen
class Claims:
    adverbs: Words
    achieved: Words
    mostly: Words
    partial: Words
    missed: Words
    partial_adverbs: Words
    mostly_adverbs: Words
    whole: Words
    objects: Words
    tails: Words
    percent_before: Words
    percent_after: Words
    negated_verbs: Words
    text: ClaimTexts


@attrs.frozen
class Dates:
    fillers: Words
    weak: Words
    weak_deadlines: Words
    deadline_after: Words
    deadline_before: Words
    deadline_before_then: Words


@attrs.frozen
class Vocabulary:
    truncation: Truncation
    negation: Negation
    explanation: Explanation
    context: Context
    names: Names
    normalise: Normalise
    operators: Operators
    numbers: Numbers
    quantity: QuantityWords
    units: Units
    placeholder: Placeholder
    claims: Claims
    rubric: Rubric
    dates: Dates

    @property
    def benign(self) -> Words:
        """Words that begin like a negation and deny nothing: [negation] benign, and the
        operators that begin with a negation word (不低于 is ≥, 不超过 is ≤)."""
        operators = self.operators
        signs = (operators.before_ge + operators.before_gt + operators.before_le
                 + operators.before_lt + operators.before_eq + operators.after_ge + operators.after_le)
        return self.negation.benign + tuple(w for w in signs if w.startswith(self.negation.words))

    def cancels(self, text: str, start: int, window: int) -> bool:
        """Whether a negation or prospective word stands before ``text[start]`` with at most
        ``window`` characters of the same clause between ("未能按时全部完成", "计划2022年完成",
        "没有100%执行完毕").  A benign word (不断完善并完成, 不超过预算) is not a negation.
        How far a negation reaches is the caller's setting; the words are these."""
        negation = self.negation
        words = negation.words + negation.prospective
        benign = self.benign
        reach = window + max(map(len, words)) + max(map(len, benign), default=0)
        piece = text[max(0, start - reach):start]
        piece = _alternation(benign).sub(lambda m: "\x02" * len(m.group()), piece)
        return _cancel_pattern(words, window).search(piece) is not None


def word_lists(record: object, prefix: str = "") -> dict[str, Words]:
    """Every word list of a vocabulary record by its key path (``negation.words``); the keys
    of a table of words (``units.aliases``) are a list too."""
    out: dict[str, Words] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        key = f"{prefix}{field.name}"
        if attrs.has(type(value)):
            out.update(word_lists(value, key + "."))
        elif isinstance(value, tuple):
            out[key] = value
        elif isinstance(value, dict):
            out[key] = tuple(value)
    return out


def _list_problems(data: object, cls: type, path: str) -> Iterable[Problem]:
    """cattrs would take a lone "text" for the list of its characters: a word list given as
    anything but an array is refused first."""
    if not isinstance(data, dict):
        return
    for field in attrs.fields(cls):
        value = data.get(field.name)
        if value is None:
            continue
        if attrs.has(field.type):
            yield from _list_problems(value, field.type, f"{path}.{field.name}")
        elif field.type == Words and not isinstance(value, list):
            yield Problem(f"{path}.{field.name}", "expected-texts", shown_value(value))


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
    problems = tuple(_list_problems(data, Vocabulary, "$"))
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
