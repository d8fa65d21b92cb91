"""The helpers that more than one rule uses (one copy each); a rule's own helpers live
in its module, ``evalengine/checks/<family>/<code>.py``."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import attrs

from ..evidence import Amount, Count, Label, Named, Number, Percent, Phrase, Quote, Rate, Seq, p
from ..facts import CaseFacts, compact, normalised
from ..i18n import REASONS
from ..model import Case, Department, Figure, Indicator
from ..money import Figures
from ..numbers import ZERO, read_number
from ..scoring import Evidence, IndicatorScore
from ..taxonomy import Category
from ..values import Claim, ClaimLevel, Dimension, Quantity, Text, Value
from ..vocabulary import load_vocabulary
from .base import CaseContext, Hit, ScoredRow, Words, _row_path, _show, scored_rows

_path = _row_path  # $.indicators[index].field, as the rules write it


ONE = Decimal(1)


TEN_THOUSAND = Decimal(10000)  # 元 per 万元


def _rate(f: Figures) -> Rate:
    """执行数/预算数 = 执行率 ('{rate:ratio}': '4.80/10.30 = 46.60%')."""
    return Rate(f.executed, f.budget, f.rate)


def _budget_word(f: Figures) -> Label:
    """The budget the rate divides by: 预算数 where the form gives one, else 年初预算数."""
    return Label("money.budget" if f.adjusted is not None else "money.initial_budget")


def _whose(f: Figures) -> Label:
    """Whose figures: the total row, or the sum of the 其中 rows standing in for it."""
    return Label("money.from_rows" if f.from_rows else "money.total_row")


def _balance(f: Figures) -> Phrase:
    """结余 = 预算数 − 执行数 = … 万元."""
    return p("common.balance", word=_budget_word(f), budget=Amount(f.budget),
             executed=Amount(f.executed), balance=Amount(f.balance))


def _texts(facts: CaseFacts, paths: Iterable[str], *, deviations: bool = False
           ) -> Iterator[tuple[str, str]]:
    """(path, text) of each non-empty text field named, then, if asked, each indicator's
    偏差原因 cell (:func:`_label` names them in a finding)."""
    for path in paths:
        text = facts.text(path)
        if text.strip():
            yield path, text
    if deviations:
        for path in facts.deviation_paths:
            text = facts.text(path)
            if text.strip():
                yield path, text


def _label(facts: CaseFacts, path: str) -> Label | Phrase:
    """A text field named as the report names it: the field, or "the 偏差原因 of 〈row〉"."""
    if not path.endswith("].deviation"):
        return Label(path)
    index = int(path[len("$.indicators["):-len("].deviation")])
    name = facts.text(f"$.indicators[{index}].name").strip()
    shown = Quote(name) if name else p("common.row_number", row=Count(index + 1))
    return p("common.deviation_of", name=shown)


_EXPLAIN_FIELDS = ("$.funds.reason", "$.funds.note", "$.goal.actual", "$.narrative.completion",
                   "$.narrative.benefit", "$.narrative.conclusion", "$.narrative.problems",
                   "$.narrative.measures", "$.narrative.deviation")


def _template(text: str) -> bool:
    """The cell holds the template's printed guidance (vocabulary [explanation] template),
    not an answer."""
    return any(word in text for word in load_vocabulary().explanation.template)


def _answered(text: str) -> bool:
    return bool(text.strip()) and not _template(text)


def _explained(facts: CaseFacts) -> bool:
    """Whether some text of the form explains the money (found once per case).

    A filled 原因 cell is a reason whatever it says; elsewhere a text counts when it holds one
    of the vocabulary's explanation words ([explanation] reasons).
    """
    return facts.once(("explained",), lambda: _explains(facts))


def _explains(facts: CaseFacts) -> bool:
    if _answered(facts.text("$.funds.reason")):
        return True
    reasons = [word for word in load_vocabulary().explanation.reasons if word]
    return any(not _template(text) and any(word in text for word in reasons)
               for _where, text in _texts(facts, _EXPLAIN_FIELDS, deviations=True))


# A ``[备注]`` tag with the blanks around it.  Linear on any text: the blanks before it are
# tried only where a run of blanks begins (``(?<!\s)``), and the tag cannot hold a ``[`` (so
# "[[[[…" is not scanned to its end once per bracket); ``\s*\[[^\]]*\]`` was quadratic
# (80 000 spaces: 42 s).
_TAG = r"(?<!\s)\s*\[[^\[\]]*\]\s*"


_SENTENCE_BREAK = re.compile(r"[。；;！!？?\n]|" + _TAG)


_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]|" + _TAG)


def _clause(text: str, start: int, end: int, *, commas: bool = False) -> str:
    """The sentence of ``text`` around [start, end) (the comma-delimited clause if
    ``commas``): delimiters and ``[备注]`` tags cut it."""
    left, right = 0, len(text)
    for m in (_CLAUSE_BREAK if commas else _SENTENCE_BREAK).finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return _short(text[left:right].strip(" ，,"))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=64)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        if not pattern:
            continue
        try:
            out.append(re.compile(pattern))
        except re.error:
            out.append(re.compile(re.escape(pattern)))
    return tuple(out)


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@lru_cache(maxsize=64)
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern matching wherever one of ``patterns`` (as :func:`_compile` reads them)
    does: a text it does not match holds none of them.  None where they cannot be joined
    (a back-reference, a flag that must lead, a repeated group name)."""
    compiled = _compile(patterns)
    if not compiled or any(_BACKREFERENCE.search(p.pattern) for p in compiled):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in compiled))
    except re.error:
        return None


def _find(text: str, patterns: tuple[str, ...], negation_window: int | None = None
          ) -> re.Match[str] | None:
    """The first match of any pattern that is not negated by what precedes it in its clause,
    at most ``negation_window`` characters before ("没有100%执行完毕", "尚未全部支付"; the
    words are the vocabulary's, :meth:`~evalengine.vocabulary.Vocabulary.cancels`)."""
    either = _any_of(patterns)
    if either is not None and either.search(text) is None:
        return None  # most texts hold none of them: one search says so
    best = None
    vocabulary = load_vocabulary()
    for pattern in _compile(patterns):
        for m in pattern.finditer(text):
            if negation_window is not None and vocabulary.cancels(text, m.start(), negation_window):
                continue
            if best is None or m.start() < best.start():
                best = m
            break
    return best


def _budget_weight(ctx: CaseContext) -> Decimal:
    weight = ctx.case.funds.claimed_weight
    return weight if weight is not None and weight > 0 else ctx.profile.budget.weight


_MISSED = ("shortfall", "cap-exceeded", "at-limit", "late")  # measured, target not met


_MET = ("met", "on-time")  # measured, target met


# A 一级 label that carries its printed weight, e.g. "产出指标(50分)".
_PRINTED_WEIGHT_RE = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


def _name(case: Case, index: int) -> Quote | Phrase:
    """The 三级 name of row ``index`` as printed; else its target, else its position."""
    row = case.indicators[index]
    text = row.name.strip() or row.target.strip()[:20]
    return Quote(text) if text else p("common.row_indicator", row=Count(index + 1))


def _per_case(ctx: CaseContext, key: str, find: Callable[[CaseContext], Any]) -> Any:
    """What ``find(ctx)`` gives, found once for the case however many rules ask (kept in
    the case's facts, for the text of the case the rules read)."""
    case, value = ctx.facts.once((key,), lambda: (ctx.case, find(ctx)))
    return value if case is ctx.case else find(ctx)


def _joined(ctx: CaseContext, field: str) -> str:
    """A text of every scored row, without whitespace (a ScoredRow's ``name``, ``level2``
    or ``target_words``), joined by line breaks: found once a case, so that a rule can ask
    ``Words.any_in`` whether any row holds one of its words before it reads the rows."""
    return _per_case(ctx, f"joined {field}",
                     lambda ctx: "\n".join(getattr(r, field) for r in scored_rows(ctx)))


def _rows(ctx: CaseContext) -> tuple[tuple[int, Indicator], ...]:
    """The indicator rows that are not empty 二级 lines, subtotals or 其中 repeats."""
    return _per_case(ctx, "counted rows", _counted)


def _counted(ctx: CaseContext) -> tuple[tuple[int, Indicator], ...]:
    rows = ctx.case.indicators
    return tuple((r.index, rows[r.index]) for r in ctx.facts.rows if r.counted)


def _tolerance(options: Mapping[str, Any], items: int) -> Decimal:
    """Base tolerance plus the rounding each summed item may carry."""
    return options["tolerance"] + items * options["per_item_tolerance"]


def _form_weight(case: Case, ind: IndicatorScore) -> Decimal | None:
    """The 分值 the form prints for this row (None when it prints none)."""
    return case.indicators[ind.index].weight


def _on_form_scale(case: Case, ind: IndicatorScore) -> Decimal | None:
    """The verified score on the form's own 分值 (scoring scales weights to the profile).

    None when the form prints no 分值 for the row: a form score then has no known scale.
    """
    weight = _form_weight(case, ind)
    if weight is None:
        return None
    if ind.weight <= 0:
        return ZERO if weight == 0 else None
    return ind.verified * weight / ind.weight


def _full(case: Case, ind: IndicatorScore) -> bool:
    """The department gave this row full marks, on a 分值 the form itself prints."""
    row = case.indicators[ind.index]
    return row.weight is not None and row.score is not None and row.score >= row.weight


def _reason(key: str) -> Named:
    """Why scoring scored a row so (i18n.REASONS, both languages)."""
    return Named(*REASONS.get(key, (key, key)))


def _achieved(ind: IndicatorScore) -> Phrase | str:
    """"，完成率 86.20%" where the row has a completion rate."""
    if ind.achievement is None:
        return ""
    return p("common.completion_rate", rate=Percent(ind.achievement))


def _group_weights(
    ctx: CaseContext, rows: list[tuple[int, Indicator]]
) -> dict[str, tuple[Decimal, int, int, Decimal | None]] | None:
    """Per resolved 一级: (Σ form weights, rows, first index, printed 一级 weight or None).

    None when a weighted row's 一级 cannot be resolved (the sums would be guesses).
    """
    groups: dict[str, tuple[Decimal, int, int, Decimal | None]] = {}
    for index, row in rows:
        if row.weight is None:
            continue
        category = _category(ctx, index)
        if category is None:
            return None
        m = _PRINTED_WEIGHT_RE.search(row.level1)
        printed = read_number(m.group(1)) if m else None
        total, count, first, known = groups.get(category.name, (ZERO, 0, index, None))
        groups[category.name] = (total + row.weight, count + 1, first, known or printed)
    return groups


_PUNCT = " \t\r\n\u3000。.，,；;：:、!！?？"


_PAREN_RE = re.compile(r"[(（].*$")


def _compact(text: str) -> str:
    if type(text) is str and len(text) <= 256:  # a cell or an option word: seen again and again
        return _compact_short(text)
    return compact(str(text))


_compact_short = functools.lru_cache(maxsize=16384)(compact)  # facts.compact, cached


def _has(text: str, words: Iterable[str]) -> str:
    """The first of ``words`` found in ``text`` (whitespace ignored), or ""."""
    s = _compact(text)
    for word, w in _compacted(tuple(words)):
        if w in s:
            return word
    return ""


@functools.lru_cache(maxsize=256)  # a rule's word list, the same for every row and case
def _compacted(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, word without whitespace) for the words that are not blank."""
    return tuple((word, w) for word in words if (w := _compact(word)))


@functools.lru_cache(maxsize=4096)  # 一级/二级 labels and names, read by several rules
def _label_key(label: str) -> str:
    """A category label without spaces, a trailing "(50分)" or the suffix 指标."""
    s = _PAREN_RE.sub("", _compact(label)).strip(_PUNCT)
    return s.removesuffix("指标")


def _live_rows(ctx: CaseContext) -> tuple[tuple[int, Indicator], ...]:
    """The indicator rows that are indicators (see _rows) and not marked 不适用."""
    return _per_case(ctx, "live rows",
                     lambda ctx: tuple((i, row) for i, row in _rows(ctx) if not row.not_applicable))


def _category(ctx: CaseContext, index: int) -> Category | None:
    """The 一级 category row ``index`` belongs to (its facts)."""
    return ctx.facts.rows[index].category


def _level2_in(row: Indicator, words: Sequence[str]) -> bool:
    return bool(_has(row.level2, words))


def _missing_categories(ctx: CaseContext) -> list[str]:
    case = ctx.case
    if not case.project.has_form or ctx.facts.truncated:
        return []
    present: set[str] = set()
    for index, _ in _live_rows(ctx):
        category = _category(ctx, index)
        if category is not None:
            present.add(category.name)
    if not present:
        return []
    return [c.name for c in ctx.taxonomy.level1 if c.name not in present]


def _missing_hits(ctx: CaseContext) -> Iterator[Hit]:
    missing = _missing_categories(ctx)
    if not missing:
        return
    present = sorted({c.name: Named(c.name, c.name_en) for i, _ in _live_rows(ctx)
                      if (c := _category(ctx, i)) is not None}.items())
    english = {c.name: c.name_en for c in ctx.taxonomy.level1}
    for name in missing:
        category = Named(name, english.get(name, name))
        yield Hit(
            "$.indicators",
            {"category": category, "profile": ctx.profile.id},
            expected=p("categories.expected", names=Seq(
                tuple(Named(c.name, c.name_en) for c in ctx.taxonomy.level1), "enum")),
            found=p("categories.found", category=category,
                    present=Seq(tuple(n for _, n in present), "enum") if present else "—"),
        )


_SHORT_REASONS = ("shortfall", "cap-exceeded", "at-limit", "late")


def _deviation(item: IndicatorScore, row: Indicator) -> tuple[Phrase, Decimal | None] | None:
    """(detail, closeness ≤ 1 or None) when the row misses its target, else None."""
    if item.evidence is Evidence.MEASURED and item.reason in _SHORT_REASONS:
        if item.reason == "shortfall":
            ratio = item.achievement
            return p("deviation.shortfall", ratio=Percent(ratio)), ratio
        if item.reason == "cap-exceeded":
            a = item.achievement
            ratio = (1 / a) if a is not None and a > 0 else None
            return p("deviation.over_ceiling", ratio=Percent(a)), ratio
        if item.reason == "at-limit":
            return p("deviation.at_limit"), None
        return p("deviation.late"), None
    actual = item.actual
    if isinstance(actual, Claim) and actual.level in (ClaimLevel.PARTIAL, ClaimLevel.MISSED):
        return p("deviation.missed" if actual.level is ClaimLevel.MISSED else "deviation.partial"), None
    if (item.evidence is not Evidence.MEASURED  # a met measured row deducted is S206's
            and row.score is not None and row.weight is not None and row.weight > 0
            and row.score < row.weight):
        ratio = row.score / row.weight
        return p("deviation.form_score", score=Number(row.score), weight=Number(row.weight)), ratio
    return None


def _form_explains_nothing(ctx: CaseContext) -> bool:
    """The form's own 偏差大或目标未完成原因分析 says nothing (so each row's must)."""
    return _per_case(ctx, "form explains nothing",
                     lambda ctx: _says_nothing(ctx.case.narrative.deviation))  # five rules ask


def _unexplained(r: ScoredRow) -> tuple[Phrase, Decimal | None] | None:
    """(detail, closeness) when row ``r`` misses its target and its 偏差原因 says nothing
    (on a form whose own deviation text says nothing: :func:`_form_explains_nothing`)."""
    return r.once("unexplained", _find_unexplained)


def _find_unexplained(r: ScoredRow) -> tuple[Phrase, Decimal | None] | None:
    if not _says_nothing(r.row.deviation):
        return None
    return _deviation(r.item, r.row)


def _deviation_hit(r: ScoredRow, detail: Phrase) -> Hit:
    row = r.row
    return Hit(
        r.path("deviation"),
        {"name": Quote(r.shown_name), "target": Quote(_show(r.target_text)),
         "actual": Quote(_show(row.actual)), "detail": detail},
        expected=p("deviation.expected"),
        found=p("deviation.found", target=Quote(r.target_text), actual=Quote(row.actual), detail=detail,
                reason=Quote(row.deviation.strip())),
    )




_ENDS = " \t\r\n\u3000。.，,；;：:！!？?、…·\"'“”‘’()（）[]【】-—_/\\|"


def _norm(text: str) -> str:
    """NFKC (fullwidth → ASCII, 。 stays), no whitespace (facts.normalised)."""
    if not isinstance(text, str):
        return ""
    if len(text) <= 256:  # rows' cells and option words, normalised by many rules
        return _norm_short(text)
    return normalised(text)


_norm_short = functools.lru_cache(maxsize=4096)(normalised)


def _bare(text: str) -> str:
    """The text without whitespace and without punctuation at its ends: "无。" → "无"."""
    return _norm(text).strip(_ENDS)


def _says_nothing(text: str) -> bool:
    """A 偏差原因 cell or a 存在问题 / 改进措施 text that gives nothing: empty, only
    punctuation, or one of the vocabulary's [explanation] says_nothing texts (无, 暂无, 0, /)."""
    if type(text) is str and len(text) <= 256:  # a row's cell, asked by several rules
        return _says_nothing_short(text)
    return _find_says_nothing(text)


def _find_says_nothing(text: str) -> bool:
    bare = _bare(text)
    return bare == "" or bare in _nothing_said()


_says_nothing_short = functools.lru_cache(maxsize=4096)(_find_says_nothing)


@functools.cache
def _nothing_said() -> frozenset[str]:
    return frozenset(_bare(w) for w in load_vocabulary().explanation.says_nothing)


def _shown(text: str) -> str:
    """A field as quoted in a message: verbatim but trimmed, "（空）" when blank."""
    text = text.strip() if isinstance(text, str) else ""
    if not text:
        return "（空）"
    return text if len(text) <= 60 else text[:60] + "…"


def _indicator_named(name: str, index: int) -> Quote | Phrase:
    """An indicator by its name, or by its row where it has none."""
    return Quote(name) if name else p("common.row_indicator", row=Count(index + 1))


def _quoted(text: str) -> Quote | Phrase:
    """A field for evidence: the form's text as :func:`_shown` trims it, or "（空）"."""
    if isinstance(text, str) and text.strip():
        return Quote(_shown(text))
    return p("common.empty_field")


_CLAUSE_RE = re.compile(r"[^。;,、!?\n]+")


def _contains_any(text: str, words: Iterable[str]) -> str | None:
    """The first of ``words`` (in NFKC, without whitespace) in the normalised ``text``."""
    for w in words.normalised if isinstance(words, Words) else map(_norm, words):
        if w and w in text:
            return w
    return None


@functools.cache
def _generic() -> tuple[str, ...]:
    """The vocabulary's generic context words ([context] generic), normalised."""
    return tuple(_norm(g) for g in load_vocabulary().context.generic)


_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


_CJK_RUN_RE = re.compile(r"[\u3400-\u9fff]+")


_MULT = "(?:万亿|百万|千万|亿|万|千)?"


_MONEY_WORDS = ("万元", "亿元", "千元", "元")


_PCT_WORDS = (*load_vocabulary().units.percent, *load_vocabulary().units.permille)


@attrs.frozen
class _Figure:
    amount: Decimal
    unit: str
    dimension: Dimension
    half: Decimal  # half a unit of the last digit written, in the unit of ``amount``
    shown: Quote | Phrase  # the number as written, e.g. "27条" (money: in 万元)
    context: frozenset[str]  # the clause's words (CJK bigrams), generic ones dropped


def _bigrams(text: str, generic: tuple[str, ...]) -> frozenset[str]:
    """The CJK character pairs of ``text`` that are in none of the ``generic`` words."""
    dropped = _pairs_in(generic)  # a pair is in a word iff it is one of the word's pairs
    out = set()
    for run in _CJK_RUN_RE.findall(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if pair not in dropped:
                out.add(pair)
    return frozenset(out)


@functools.lru_cache(maxsize=8)
def _pairs_in(words: tuple[str, ...]) -> frozenset[str]:
    """Every two-character piece of ``words`` (found once for the vocabulary's generic
    words, rather than each word searched for each pair of a text)."""
    return frozenset(w[i : i + 2] for w in words for i in range(len(w) - 1))


def _half_unit(q: Quantity, written: str | None) -> Decimal:
    """How far the number may be from the exact amount because of the way it was written:
    half a unit of its last digit when that digit is a rounded one (202.6万元 → 500 元,
    1.2万人次 → 500), none for a whole number of the base unit (27条, 95%, 2026400元)."""
    number = read_number(written) if written else None
    if number is None:
        return ZERO
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    step = Decimal(1).scaleb(-decimals)
    if number != 0:
        step = step * abs(q.amount / number)
    return ZERO if step == 1 else step / 2


def _figures(clauses: tuple[tuple[str, Value], ...], dims: set[str], generic: tuple[str, ...]
             ) -> tuple[_Figure, ...]:
    """The quantities of a text (its clauses and their values, ``CaseFacts.clauses``), with
    their clause's words as context."""
    for _clause, value in clauses:
        if isinstance(value, Quantity) or (isinstance(value, Text) and value.quantities):
            return _figures_of(clauses, frozenset(dims), generic)
    return ()  # no quantity in it: nothing to look up (hashing the values costs more)


@functools.lru_cache(maxsize=4096)  # targets repeat across forms; the result is frozen records
def _figures_of(clauses: tuple[tuple[str, Value], ...], dims: frozenset[str],
                generic: tuple[str, ...]) -> tuple[_Figure, ...]:
    out: list[_Figure] = []
    for clause, value in clauses:
        if isinstance(value, Quantity):
            quantities: tuple[Quantity, ...] = (value,)
        elif isinstance(value, Text):
            quantities = value.quantities
        else:
            continue
        quantities = tuple(q for q in quantities if q.dimension.value in dims)
        if not quantities:
            continue
        units = {q.unit for q in quantities} | set(_MONEY_WORDS) | set(_PCT_WORDS)
        unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True) if u)
        stripped = re.sub(rf"\d[\d,]*(?:\.\d+)?{_MULT}(?:{unit_alt})?", " ", clause)
        context = _bigrams(stripped, generic)
        cursor = 0
        for q in quantities:
            single = q is value
            where = 0 if single else clause.find(_norm(q.text), cursor)
            if where < 0:
                where = 0
            m = _NUMBER_RE.search(clause, where)
            written = m.group() if m else None
            start = m.start() if m else where
            if not single:
                cursor = where + len(_norm(q.text))
            if any(w in clause[max(0, start - 3) : start] for w in ("各", "每", "均")):
                continue  # a per-item figure ("各250册") is not a total
            if q.dimension is Dimension.MONEY:
                shown: Quote | Phrase = p("common.wan", amount=Amount(q.amount / 10000))
            else:
                shown = Quote(f"{written}{q.unit}" if written else q.text)
            out.append(_Figure(q.amount, q.unit, q.dimension, _half_unit(q, written), shown, context))
    return tuple(out)


def _matches(target: _Figure, goal: list[_Figure], limit: int) -> bool:
    """Whether the target equals one goal figure or (money, counts) a sum of several."""
    if target.dimension is Dimension.PERCENT:
        return any(abs(g.amount - target.amount) <= g.half + target.half for g in goal)
    if len(goal) > limit:
        subsets: Iterable[tuple[_Figure, ...]] = [(g,) for g in goal] + [tuple(goal)]
    else:
        subsets = (c for r in range(1, len(goal) + 1) for c in itertools.combinations(goal, r))
    for subset in subsets:
        total = sum((g.amount for g in subset), ZERO)
        slack = sum((g.half for g in subset), target.half)
        if abs(total - target.amount) <= slack:
            return True
    return False


def _unmatched(ctx: CaseContext, told: list[_Figure], field: str, dims: set[str],
               generic: tuple[str, ...]) -> Iterator[tuple[IndicatorScore, Indicator, _Figure,
                                                           list[_Figure]]]:
    """Each scored row's figure in ``field`` that has told figures of its dimension, unit and
    context (the figure's own, else the row name's) but equals none of them nor their sum:
    (score, row, figure, those told figures)."""
    for s in ctx.score.indicators:
        row = ctx.case.indicators[s.index]
        name_context = None  # the row name's words, found only for a figure without its own
        for t in _figures(ctx.facts.clauses(f"$.indicators[{s.index}].{field}"), dims, generic):
            if not t.context and name_context is None:
                name_context = _bigrams(ctx.facts.normalised(f"$.indicators[{s.index}].name"),
                                        generic)
            context = t.context or name_context
            same = [g for g in told if g.dimension is t.dimension and g.unit == t.unit
                    and g.context & context]
            if same and not _matches(t, same, int(ctx.options["max_goal_figures"])):
                yield s, row, t, same


def _statements(department: Department) -> dict[str, list[tuple[int, Figure]]]:
    out: dict[str, list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(department.figures):
        out.setdefault(figure.id, []).append((index, figure))
    return out


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _nearest(statements: list[tuple[int, Figure]], source: str) -> list[tuple[int, Figure]]:
    """The statements whose source shares the longest beginning with ``source``, one per value."""
    if not statements:
        return []
    best = max(_shared(f.source, source) for _, f in statements)
    out: list[tuple[int, Figure]] = []
    seen: set[Decimal] = set()
    for index, figure in statements:
        if _shared(figure.source, source) == best and figure.value not in seen:
            seen.add(figure.value)
            out.append((index, figure))
    return out


def _n(value: Decimal) -> Number:
    """A figure as the report prints it (no padding: 97.8, 931.61, 0)."""
    return Number(value, places=None)


def _where(figure: Figure) -> Phrase:
    return p("figures.where", label=Quote(figure.label), value=_n(figure.value),
             source=Quote(figure.source))


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
