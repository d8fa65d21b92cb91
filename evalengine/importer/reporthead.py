"""The head of a self-assessment report that prints no title (issue 10 §3).

A page's excerpt may open with the report's first sentence, a policy site may give only its
sections' opening clauses: no title says what the report is on. The report still says it, in
the sentence stating what was assessed (``对2020年度支持学前教育发展资金项目进行了绩效自评``),
or, failing that, by the first fund it names with a sum (``2024年农机购置补贴项目预算资金合计
2089万元``); and its headings show what it is (``一、绩效目标分解下达情况``, the outline of a
transfer payment's self-assessment report). :func:`untitled_head` reads these; the words are
data (``rules/prose.toml`` [head]). A year masked by the copying site (``20xx年度``) is not
read: the name after it still is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import attrs

from .prose import HeadWords, _alt, _limits, _money_re, load_prose_rules

__all__ = ["Head", "untitled_head"]


@attrs.frozen
class Head:
    """What an untitled report is on: its project ("" when not said), its year (None when not
    said or masked), and whether it said so in the sentence stating what was assessed."""

    name: str
    year: int | None
    assessed: bool


_YEAR = r"(?P<year>(?:19|20)\d{2}|20[xX×*]{2})\s*年度?"


@cache
def _words() -> HeadWords:
    return load_prose_rules().head


@cache
def _assessed_re() -> re.Pattern[str]:
    """对<year><name>(<scope>)?<verb>: the sentence saying what the report assessed."""
    w = _words()
    scope = rf"(?:{_alt(w.scopes)})?" if w.scopes else ""
    return re.compile(rf"对\s*{_YEAR}(?P<name>[^,;:。!?《》()\d]{{2,40}}?){scope}"
                      rf"(?:{_alt(w.verbs)})")


@cache
def _named_sum_re() -> re.Pattern[str]:
    """<year><name ending in 项目/资金/经费>, a sum within a few characters after it in its
    clause: the first fund the text names with money."""
    w = _words()
    within = load_prose_rules().funds.within
    return re.compile(rf"(?<![\d〔\[(]){_YEAR}(?P<name>[\u4e00-\u9fff]{{1,30}}?"
                      rf"(?:{_alt(w.name_ends)}))(?=[^,;:。!?\d]{{0,{within}}}\d)")


def _citations(text: str) -> str:
    """The text with its citations (《…》, 〔2021〕12号) blanked: a year there is a document's."""
    return re.sub(r"《[^》]*》|[〔\[(][^〕\])]*[〕\])]", lambda m: " " * len(m.group()), text)


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _clean(name: str) -> str:
    tails = sorted(_words().name_tail, key=len, reverse=True)
    while True:
        tail = next((t for t in tails if name.endswith(t) and len(name) - len(t) >= 2), None)
        if tail is None:
            return name
        name = name[:-len(tail)]


def _headed(lines: Sequence[str]) -> bool:
    """A section heading (一、 (一), at a line's start or glued after a clause) naming a part
    only a self-assessment report has (绩效目标分解下达情况, 绩效自评结果)."""
    words = _words().headings
    reach = _limits().max_heading
    for line in lines:
        for m in _marker_re().finditer(line):
            if any(w in line[m.end():m.end() + reach] for w in words):
                return True
    return False


_BODY_YEAR_RE = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})\s*年(?:度)?(?!\s*\d{1,2}\s*月)")


def _bracket_name(opening: Sequence[str]) -> str:
    """A line of the opening that is only a bracketed name (the report's subtitle under a title
    the page does not print: (某某检查站租金项目)), before the first section heading."""
    for line in opening:
        if _marker_re().match(line):
            return ""
        m = re.fullmatch(r"\s*[(（]([\u4e00-\u9fff]{2,40})[)）]\s*", line)
        if m is not None and m.group(1).endswith(_words().name_ends):
            return m.group(1)
    return ""


@cache
def _marker_re() -> re.Pattern[str]:
    sections = "|".join(load_prose_rules().markers.sections)
    return re.compile(rf"(?:^|(?<=[,.:;。!?\s]))(?:{sections})\s*")


def untitled_head(lines: Sequence[str]) -> Head | None:
    """The head of a report with no title in ``lines`` (the text's lines): None unless the
    text says what it assessed, or a section heading is one only a self-assessment report has."""
    budget = _words().opening
    opening: list[str] = []
    for line in lines:
        if budget <= 0:
            break
        opening.append(line[:budget])
        budget -= len(line)
    text = _citations("\n".join(opening))
    m = _assessed_re().search(text)
    if m is not None and _money_re().search(m.group("name")) is None:
        return Head(_clean(m.group("name").strip()), _year(m.group("year")), True)
    if not _headed(lines):
        return None
    bracket = _bracket_name(opening)
    if bracket:
        return Head(bracket, _year(m.group(1)) if (m := _BODY_YEAR_RE.search(text)) else None,
                    False)
    clauses = [c for line in text.split("\n") for c in re.split(r"[,;。]", line)]
    for clause in clauses:
        m = _named_sum_re().search(clause)
        digit = re.search(r"\d", clause[m.end():]) if m is not None else None
        if m is not None and digit is not None \
                and _money_re().match(clause, m.end() + digit.start()) is not None:
            return Head(_clean(m.group("name")), _year(m.group("year")), False)
    plain = [c for line in opening for c in re.split(r"[,;。]", line)]  # (brackets kept)
    for clause in plain:  # no year before it: a clause whose subject is a fund with a sum
        m = _subject_sum_re().match(clause.strip())
        if m is not None and _money_re().match(m.group("sum")) is not None:
            return Head(_clean(m.group("name")), None, False)
    return Head("", None, False)


@cache
def _subject_sum_re() -> re.Pattern[str]:
    """A clause opening with a fund's name, then a money label and its sum (某某小流域综合治理
    项目立项批复525.39万元): its subject is the fund the report is on."""
    f = load_prose_rules().funds
    labels = _alt(f.budget + f.allocated + f.invested + f.initial_budget)
    w = _words()
    return re.compile(rf"(?:{'|'.join(load_prose_rules().markers.sections)})?\s*"
                      rf"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff()]{{3,60}}?(?:{_alt(w.name_ends)}))"
                      rf"(?:{labels})(?:{_alt(load_prose_rules().words.connectors)})?\s*"
                      rf"(?P<sum>\d[\d.]*\s*\S{{1,2}})")
