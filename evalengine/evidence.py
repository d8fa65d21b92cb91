"""Typed evidence: what a finding says, as values, and the one formatter per language that
turns them into words.

A rule hands the runner values, not prose: an :class:`Amount` (万元), a :class:`Rate` with
its numerator and denominator, the :class:`Points` of a weight, a :class:`Quote` of the
form's own text with its key path, a :class:`Sum` with its parts, a :class:`Count`, the
:class:`Label` of a form field, a :class:`Seq` of values, a :class:`Named` word that
comes with its English from the data the rule read (a taxonomy category, a grade), and a
:class:`Phrase` whose words live in data in both languages (a rule's own in the
``[evidence]`` table of its data file, ``rules/checks/<family>/<CODE>.toml``; shared ones in
``rules/evidence.toml``) and whose parameters are values again.  Nothing is formatted
until a renderer asks (:func:`render`), in the language it prints, and ``--lang en`` is
complete by construction: every phrase has both languages naming the same parameters
(checked when the data is loaded), so the only Chinese left in English output is the
form's own text (tests/test_evidence.py renders every rule's cases to make sure).

Numbers print the same in both languages, rounded by :func:`evalengine.numbers.rounded`
(:func:`money`, :func:`pct`, :func:`figure`).  In a phrase's English text ``«…»`` marks
the form's printed words kept as they are (a heading such as «原因», the «其中» rows): they
are quoted form text, like a :class:`Quote`.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Union

import attrs

from .numbers import rounded
from .resources import rules_dir

__all__ = [
    "Amount", "Count", "Label", "Named", "Number", "Percent", "Phrase", "Points", "Quote",
    "Rate", "Seq", "Sum", "Value", "EvidenceData", "figure", "load_evidence", "money", "p",
    "pct", "fields", "phrase_problem", "phrase_problems", "render",
]


# --- numbers: one way to print each kind, in both languages ------------------------------


def money(value: Decimal | None) -> str:
    """A 万元 amount for a message: two decimals, trailing zeros kept as the forms print them."""
    return "—" if value is None else f"{rounded(value)}"


def pct(value: Decimal | None) -> str:
    """A fraction as a percentage with two decimals: 0.4660 → '46.60%'."""
    return "—" if value is None else f"{rounded(value * 100)}%"


def figure(value: Decimal | None, places: int = 2) -> str:
    """A number (a score, a stated percentage, a count) as a form prints it: rounded to
    ``places`` through rounded(), without an exponent or trailing zeros: Decimal("12.3400000")
    → '12.34', Decimal("1E+2") → '100', Decimal("8.5") → '8.5'."""
    if value is None:
        return "—"
    text = format(rounded(value, places), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- the values ---------------------------------------------------------------------------


@attrs.frozen
class Amount:
    """Money in 万元 (the unit is the phrase's word): ``{x}`` → '20.40'; ``{x:+}`` signs a
    positive amount ('+3.36')."""

    value: Decimal | None


@attrs.frozen
class Percent:
    """A fraction shown as a percentage: 0.9 → '90.00%'."""

    value: Decimal | None


@attrs.frozen
class Number:
    """A score, a stated figure or a count as the form prints it (no trailing zeros),
    rounded to ``places``; ``places=None``: exactly as written (a report's 97.8, 931.61)."""

    value: Decimal | None
    places: int | None = 2


@attrs.frozen
class Rate:
    """A rate with its numerator and denominator (执行数/预算数): ``{x}`` → '46.60%',
    ``{x:ratio}`` → '4.80/10.30 = 46.60%'.  ``value`` is the rate as computed where it was
    decided (it may differ from numerator/denominator when those were clamped)."""

    numerator: Decimal | None
    denominator: Decimal | None
    value: Decimal | None


@attrs.frozen
class Points:
    """A score out of a weight (得分/分值): '9.00/10.00'."""

    score: Decimal | None
    weight: Decimal | None


@attrs.frozen
class Sum:
    """A sum with its parts: '1.00 + 2.50 = 3.50' (``{x:parts}``: the parts alone)."""

    parts: tuple[Decimal, ...]
    total: Decimal | None = None

    @property
    def computed(self) -> Decimal:
        return sum(self.parts, Decimal(0))


@attrs.frozen
class Count:
    value: int


class Quote(str):
    """The form's own text (a cell, a name, a clause), printed as it is in both languages;
    ``path`` is the key path it was read from, when known.

    A ``str`` of its own kind rather than an attrs record: findings hold several quotes
    each, and a str subclass costs a fifth to make (it is immutable all the same).
    ``Quote(text)`` is made by str's own constructor (no Python call: the rules make some
    130 a case); a quote with its path is ``Quote.at(text, path)``."""

    path: str = ""

    @classmethod
    def at(cls, text: str, path: str) -> Quote:
        """The form's text read from ``path``."""
        self = str.__new__(cls, text)
        if path:
            object.__setattr__(self, "path", path)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Quote is immutable (setting {name})")

    @property
    def text(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Quote({str.__repr__(self)}" + (f", {self.path!r})" if self.path else ")")


@attrs.frozen
class Named:
    """A word whose two languages come from data the rule read (a taxonomy category with
    its ``name_en``, a grade with its ``grade_en``)."""

    zh: str
    en: str


@attrs.frozen
class Label:
    """The name of a form field by its key path (``$.funds.reason`` → 原因栏 / the reason
    field), from ``[labels]`` of rules/evidence.toml."""

    key: str = attrs.field()

    @key.validator
    def _known(self, _attribute: Any, key: str) -> None:
        if key not in load_evidence().labels:
            raise KeyError(f"no label {key} in rules/evidence.toml")


@attrs.frozen
class Seq:
    """Values joined by a separator of ``[separators]`` (``list`` '；'/'; ', ``comma``,
    ``enum`` '、'/', ', ``plus`` …)."""

    items: tuple[Any, ...]
    sep: str = "list"


class Phrase(NamedTuple):
    """Words from the data, with typed parameters: ``F101.paid_no_budget`` is the
    ``paid_no_budget`` entry of F101's ``[evidence]`` table, ``common.…`` (and the other
    groups of ``[phrases]`` in rules/evidence.toml) a shared one.

    Immutable, and a tuple rather than a frozen record: the rules make some seventy a case
    (on the generated cases), and :func:`p` makes one at a quarter of a frozen record's cost
    (docs/benchmarks.md).  Unlike a plain tuple it equals only another Phrase."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def __eq__(self, other: object) -> bool:
        return other.__class__ is Phrase and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = tuple.__hash__


Value = Union[Amount, Percent, Number, Rate, Points, Sum, Count, Quote, Named, Label, Seq, Phrase, str]


def p(key: str, /, **params: Any) -> Phrase:
    """A phrase with its parameters: ``p("F103.found", reason=Label("$.funds.reason"))``.
    An unknown key raises here, in the rule (the runner reports it as M003), not later in
    a renderer."""
    if not params:  # a phrase without parameters is the same value every time: made once
        found = _BARE.get(key)
        if found is not None:
            return found
    if key not in load_evidence().phrases:
        raise KeyError(f"no phrase {key} (a rule's [evidence] table, or rules/evidence.toml)")
    if not params:
        found = _BARE[key] = _new(Phrase, (key, ()))
        return found
    return _new(Phrase, (key, tuple(params.items())))


_new = tuple.__new__  # a Phrase without the NamedTuple's own __new__ frame
_BARE: dict[str, Phrase] = {}  # the phrases without parameters, by key (some hundred)



# --- the data -------------------------------------------------------------------------------


@attrs.frozen
class EvidenceData:
    """The words: shared phrases, field labels and separators from rules/evidence.toml, and
    each rule's own phrases from the ``[evidence]`` table of its data file (key
    ``<CODE>.<name>``), all as (zh, en)."""

    phrases: Mapping[str, tuple[str, str]]
    labels: Mapping[str, tuple[str, str]]
    separators: Mapping[str, tuple[str, str]]


def phrase_problem(where: str, value: Any) -> Iterable[tuple[str, str, str]]:
    """(key path, problem kind, detail) of what is wrong with one ``{ zh = …, en = … }``."""
    if not isinstance(value, dict):
        yield where, "expected-table", type(value).__name__
        return
    for key in value:
        if key not in ("zh", "en"):
            yield f"{where}.{key}", "unknown-key", "zh, en"
    for lang in ("zh", "en"):
        if not isinstance(value.get(lang), str):
            yield f"{where}.{lang}", "missing-key" if lang not in value else "expected-text", ""
    if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
        try:
            zh, en = fields(value["zh"]), fields(value["en"])
        except ValueError as exc:
            yield where, "invalid", f"not a template: {exc}"
            return
        if zh != en:
            yield where, "invalid", f"zh names {sorted(zh)}, en {sorted(en)}: the same parameters in both"


def _pairs(table: Any, where: str, source: Path, prefix: str = "") -> dict[str, tuple[str, str]]:
    """``{key = {zh = …, en = …}}`` (nested tables joined by dots) as {key: (zh, en)}."""
    if not isinstance(table, dict):
        raise ValueError(f"{source}: {where}: expected a table")
    out: dict[str, tuple[str, str]] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not ({"zh", "en"} & set(value)):
            out.update(_pairs(value, f"{where}.{key}", source, f"{name}."))
            continue
        for path, kind, detail in phrase_problem(f"{where}.{key}", value):
            raise ValueError(f"{source}: {path}: {kind} {detail}".rstrip())
        out[name] = (value["zh"], value["en"])
    return out


@lru_cache(maxsize=4)
def load_evidence(path: Path | None = None) -> EvidenceData:
    source = path or rules_dir() / "evidence.toml"
    with open(source, "rb") as handle:
        data = tomllib.load(handle)
    unknown = sorted(set(data) - {"phrases", "labels", "separators"})
    if unknown:
        raise ValueError(f"{source}: $.{unknown[0]}: unknown table (allowed: phrases, labels, separators)")
    phrases = _pairs(data.get("phrases", {}), "$.phrases", source)
    from .checks.registry import load_rule_file, rule_files  # the rules' own words (checked there)

    for rule in rule_files(source.parent / "checks"):
        for key, value in load_rule_file(rule).get("evidence", {}).items():
            phrases[f"{rule.stem}.{key}"] = (value["zh"], value["en"])
    return EvidenceData(phrases,
                        _pairs(data.get("labels", {}), "$.labels", source),
                        _pairs(data.get("separators", {}), "$.separators", source))


# --- the formatter --------------------------------------------------------------------------

_TERM = re.compile(r"«([^»]*)»")


def _same(text: str) -> str:
    return text


@lru_cache(maxsize=4096)
def _compiled(template: str) -> tuple[str, tuple[tuple[str, str, str, str], ...]]:
    """A template with each ``{name!conversion:spec}`` renamed to a slot of its own (``{_0}``,
    ``{_1}`` …) and the (slot, name, spec, conversion) of each, so a value is rendered once
    per use and the C formatter only pastes strings."""
    out, slots = [], []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            if not name.isidentifier():  # custom rules' templates are checked for this
                raise ValueError(f"a placeholder names a parameter, as {{name}}: {template!r}")
            slot = f"_{len(slots)}"
            slots.append((slot, name, spec or "", conversion or ""))
            out.append("{" + slot + "}")
    return "".join(out), tuple(slots)


_CONVERSIONS: dict[str, Callable[[Any], str]] = {"r": repr, "s": str, "a": ascii}


@lru_cache(maxsize=4096)
def _unmarked(template: str) -> str:
    """A template with its «form words» as plain text (the usual, unmarked rendering)."""
    return _TERM.sub(lambda m: m[1], template)


_PLANS: dict[str, Any] = {}  # template → its plan, for the plain rendering (see _plan)
_PLANS_MAX = 8192  # templates come from data and rules: a few hundred; the bound is a guard


def _plan(template: str) -> str | tuple[str, tuple[tuple[str, str, str, str], ...]]:
    """A template as plain words are pasted into it: its «form words» unmarked, then either
    the text itself when it names no parameter (``{{``/``}}`` unescaped), or (the text before
    the first placeholder, ((name, spec, conversion, the text after it), …)).  Made once per
    template; a template that is not one (a placeholder that names no parameter) raises
    ValueError each time, as before."""
    plan = _PLANS.get(template)
    if plan is not None:
        return plan
    text = _unmarked(template) if "«" in template else template
    head, slots = "", []
    for literal, name, spec, conversion in string.Formatter().parse(text):
        if slots:
            name0, spec0, conversion0, tail = slots[-1]
            slots[-1] = (name0, spec0, conversion0, tail + literal)
        else:
            head += literal
        if name is not None:
            if not name.isidentifier():  # custom rules' templates are checked for this
                raise ValueError(f"a placeholder names a parameter, as {{name}}: {template!r}")
            slots.append((name, spec or "", conversion or "", ""))
    plan = (head, tuple(slots)) if slots else head
    if len(_PLANS) >= _PLANS_MAX:
        _PLANS.clear()
    _PLANS[template] = plan
    return plan


class _Words:
    """Typed values in the words of one language; templates are ``str.format`` over them
    (``{name}`` or ``{name:spec}``).

    The plain rendering (the form's words as they are: every renderer's) pastes the values'
    words into each template's :func:`_plan`; a phrase without parameters is its words,
    kept per language (``fixed``).  With a ``quote`` (tests mark the form's own text), each
    template is formatted as written, its «form words» quoted first."""

    __slots__ = ("en", "quote", "data", "plain", "phrases", "fixed")

    def __init__(self, lang: str, quote: Callable[[str], str]):
        self.en = lang == "en"
        self.quote = quote
        self.data = load_evidence()
        self.plain = quote is _same
        self.phrases = self.data.phrases
        self.fixed: dict[str, str] = {}  # a parameterless phrase's key → its words

    def pick(self, pair: tuple[str, str]) -> str:
        return pair[1] if self.en else pair[0]

    def words(self, template: str, params: Mapping[str, Any]) -> str:
        if not self.plain:
            return self._quoted_words(template, params)
        plan = _PLANS.get(template) or _plan(template)
        if plan.__class__ is str:
            return plan
        head, slots = plan
        out = [head]
        for name, spec, conversion, tail in slots:
            value = params[name]
            if conversion:
                value = _CONVERSIONS[conversion](value)
            kind = value.__class__
            # the commonest values, a word or the form's own text, are pasted as they are:
            # no call to render
            if spec or (kind is not str and kind is not Quote):
                value = self.phrase(value, spec) if kind is Phrase else self.render(value, spec)
            out.append(value)
            out.append(tail)
        return "".join(out)

    def _quoted_words(self, template: str, params: Mapping[str, Any]) -> str:
        if "«" in template:  # «form words» in a template are the form's own: quoted
            template = _TERM.sub(lambda m: self.quote(m[1]), template)
        compiled, slots = _compiled(template)
        if not slots:
            return compiled.format_map({}) if "{" in compiled or "}" in compiled else compiled
        values = {}
        for slot, name, spec, conversion in slots:
            value = params[name]
            if conversion:
                value = _CONVERSIONS[conversion](value)
            values[slot] = value if not spec and type(value) is str else self.render(value, spec)
        return compiled.format_map(values)

    def render(self, value: Any, spec: str = "") -> str:
        kind = _KINDS.get(type(value))
        if kind is None and type(value) is str and not spec:
            return value  # the commonest value by far: the empty evidence, a rule code
        if kind is None:
            if value is None or isinstance(value, (str, int, float, Decimal)):
                # a word the same in both languages (a rule code, an error text), or a custom
                # rule's field, which its own template formats (``{budget:.1f}``)
                return format(value, spec)
            raise TypeError(f"not an evidence value: {value!r}")
        return kind(self, value, spec)

    def quoted(self, value: Quote, spec: str) -> str:
        return str.__str__(value) if self.plain else self.quote(value.text)

    def amount(self, value: Amount, spec: str) -> str:
        text = money(value.value)
        return f"+{text}" if spec == "+" and value.value is not None and value.value > 0 else text

    def percent(self, value: Percent, spec: str) -> str:
        return pct(value.value)

    def number(self, value: Number, spec: str) -> str:
        if value.places is None and value.value is not None:
            text = format(value.value, "f")
            return text.rstrip("0").rstrip(".") if "." in text else text
        return figure(value.value, value.places or 0)

    def count(self, value: Count, spec: str) -> str:
        return str(value.value)

    def rate(self, value: Rate, spec: str) -> str:
        if spec == "ratio":
            return f"{money(value.numerator)}/{money(value.denominator)} = {pct(value.value)}"
        return pct(value.value)

    def points(self, value: Points, spec: str) -> str:
        return f"{money(value.score)}/{money(value.weight)}"

    def sum(self, value: Sum, spec: str) -> str:
        parts = self.pick(self.data.separators["plus"]).join(money(x) for x in value.parts)
        return parts if spec == "parts" else f"{parts} = {money(value.computed)}"

    def named(self, value: Named, spec: str) -> str:
        return value.en if self.en else value.zh

    def label(self, value: Label, spec: str) -> str:
        if self.plain:
            return _label(value.key, self.en)
        return self.words(self.pick(self.data.labels[value.key]), {})

    def seq(self, value: Seq, spec: str) -> str:
        return self.pick(self.data.separators[value.sep]).join(self.render(v) for v in value.items)

    def phrase(self, value: Phrase, spec: str = "") -> str:
        params = value.params
        if not params and self.plain:
            text = self.fixed.get(value.key)
            if text is None:
                text = self.fixed[value.key] = self.words(
                    self.phrases[value.key][self.en], _NO_PARAMS)
            return text
        return self.words(self.phrases[value.key][self.en], dict(params))


_NO_PARAMS: Mapping[str, Any] = {}


@lru_cache(maxsize=1024)
def _label(key: str, en: bool) -> str:
    return _words("en" if en else "zh").words(load_evidence().labels[key][en], {})


_KINDS: dict[type, Callable[[_Words, Any, str], str]] = {
    Quote: _Words.quoted, Amount: _Words.amount, Percent: _Words.percent, Number: _Words.number,
    Count: _Words.count, Rate: _Words.rate, Points: _Words.points, Sum: _Words.sum,
    Named: _Words.named, Label: _Words.label, Seq: _Words.seq, Phrase: _Words.phrase,
}


@lru_cache(maxsize=2)
def _words(lang: str) -> _Words:
    return _Words(lang, _same)


def plain_words(lang: str) -> _Words:
    """The formatter of ``lang`` as every renderer prints (the form's words as they are):
    ``.words(template, params)``, ``.render(value)``."""
    return _words(lang)


def render(value: Any, lang: str = "zh", *, params: Mapping[str, Any] | None = None,
           quote: Callable[[str], str] | None = None) -> str:
    """``value`` in words of ``lang``; with ``params``, ``value`` is a template (a rule's
    message) formatted over them.  ``quote`` wraps the form's own text (tests mark it)."""
    words = _words(lang) if quote is None else _Words(lang, quote)
    if params is not None:
        return words.words(value, params)
    return words.render(value)


@lru_cache(maxsize=1024)
def fields(template: str) -> frozenset[str]:
    """The parameter names a template uses."""
    return frozenset(name.split(".")[0].split("[")[0]
                     for _, name, _, _ in string.Formatter().parse(template) if name)


def phrase_problems(data: EvidenceData) -> Iterable[str]:
    """Phrases whose two languages name different parameters (a test runs this)."""
    for key, (zh, en) in data.phrases.items():
        if fields(zh) != fields(en):
            yield f"$.phrases.{key}: zh uses {sorted(fields(zh))}, en {sorted(fields(en))}"
