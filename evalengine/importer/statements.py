"""An indicator's statement in a report's prose, read token by token.

A report states an indicator in many word orders (``满意度指标绩效目标值为≥95%，实际完成值为98%``,
``（1）培训人数。预期目标：200人；完成情况：230人。``, ``一是覆盖率实际完成100%，目标值为100%，
得分10分``, ``①指标名称：覆盖率，目标值：100%，分值10分``).  Rather than one pattern per order,
each clause (text between , ; 。 and the numbered markers) is cut into typed tokens:

* ``cue``    a label's word: target (目标值, 年度指标值 …), actual (实际完成值, 完成情况 …),
             weight (分值), score (得分), name (指标名称) — rules/prose.toml [words]
* ``value``  a number with its operator and unit (≥95%, 230人, 不低于105人次, 10分), standing
             at the end of its clause, before a bracket or before the next cue (a number
             inside a word, 指标1工程 or 0-6岁儿童, is no value)
* ``text``   anything else

A cue directly followed (after a connector: 为, 是, :) by a value is a *pair*: the value is
the cue's field.  The text before a clause's first pair is the indicator's name; a clause
with pairs and no name goes on with the indicator of the clause before (its name a clause of
its own, or the clause that began it).  A category heading (数量指标：, 产出指标, 社会效益指标
方面) sets the levels of what follows; a section heading (三、…) ends them.

The arithmetic is the evidence a reading must pass: a score above its weight, or a target and
an actual in different units, are not one indicator's — those fields are left unread.  A
figure no cue names (``覆盖率：100%`` in a list) is not read here: whether it is a target or an
actual the list says (importer/prose.py reads lists); a clause the money reader took is not
read either.  Nothing here raises on text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import attrs

from . import prose as _p

__all__ = ["Statement", "Token", "read_statements", "tokenise"]


@attrs.frozen
class Token:
    kind: str  # "cue", "value", "text"
    text: str
    at: int  # offset in its clause
    field: str = ""  # of a cue: target, actual, weight, score, name


@attrs.frozen
class Statement(_p.ProseIndicator):
    """One indicator as its clauses state it (a :class:`~.prose.ProseIndicator`); ``at`` is
    its first clause's offset in the text (line by line, joined with a newline), ``unread``
    the fields the arithmetic voided."""

    at: int = attrs.field(kw_only=True)

    def values(self) -> dict[str, str]:
        return {f: getattr(self, f) for f in ("target", "actual", "weight", "score")
                if getattr(self, f)}


# --- tokens ------------------------------------------------------------------------------

_FIELDS = ("target", "actual", "weight", "score", "name")


@cache
def _cues() -> dict[str, str]:
    """Each label's word and its field; a word in two lists is the longer list's reading
    (达到 is an actual's cue and a connector: as a cue it is the actual's)."""
    w = _p.load_prose_rules().words
    out: dict[str, str] = {}
    for field, words in (("name", w.name_label), ("weight", w.weight), ("score", w.score),
                         ("target", w.target), ("actual", w.actual)):
        for word in words:
            out.setdefault(word, field)
    return out


@cache
def _strong_cues() -> tuple[str, ...]:
    """The labels long enough to name a value on their own (rules/prose.toml strong_label)."""
    strong = _p.load_prose_rules().limits.strong_label
    return tuple(c for c in _cues() if len(c) >= strong)


@cache
def _token_re() -> re.Pattern[str]:
    cues = _p._alt(tuple(_cues()))
    # a number's points (10分) first: 分 is a count unit too
    # (a unit the vocabulary does not name, in Latin letters: 1429.39hm, 3.51万t)
    value = rf"(?<![\d.{_p.GROUP}])(?:{_p._quantity()})(?:[A-Za-z]{{1,3}}(?![A-Za-z]))?"
    return re.compile(rf"(?P<value>{value})|(?P<cue>{cues})")


@lru_cache(maxsize=4096)
def tokenise(clause: str) -> tuple[Token, ...]:
    """``clause`` as cue, value and text tokens (see the module docstring); a number that
    does not end where a value ends is text."""
    cues = _cues()
    tokens: list[Token] = []
    at = 0
    for m in _token_re().finditer(clause):
        if m.start() > at:
            tokens.append(Token("text", clause[at:m.start()], at))
        if m.group("cue"):
            tokens.append(Token("cue", m.group(), m.start(), cues[m.group()]))
        else:
            tokens.append(Token("value", m.group(), m.start()))
        at = m.end()
    if at < len(clause):
        tokens.append(Token("text", clause[at:], at))
    # a value stands at its clause's end, before a bracket or before a cue
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t.kind == "value" and not (
                nxt is None or nxt.kind == "cue"
                or nxt.kind == "text" and nxt.text.lstrip()[:1] in "()[]"):
            t = Token("text", t.text, t.at)
        if out and out[-1].kind == "text" and t.kind == "text":
            out[-1] = Token("text", out[-1].text + t.text, out[-1].at)
        else:
            out.append(t)
    return tuple(out)


# --- a clause: its name and its pairs ----------------------------------------------------


@attrs.frozen
class _Clause:
    name: str  # the text before its first pair ("" when it opens with a pair)
    pairs: tuple[tuple[str, str, str], ...]  # (field, value, cue)
    loose: bool  # a value no cue names, or text between its pairs that names no indicator
    words_only: bool  # no value at all (a name, a heading, narrative)
    in_words: bool = False  # its last pair's value is words (it may go on after a comma)


def _connector(text: str) -> bool:
    """Text between a cue and its value that only links them (为, 是, :, spaces)."""
    bare = re.sub(r"[\s:]", "", text)
    return not bare or bare in _p.load_prose_rules().words.connectors


def _rest_value(tokens: Sequence[Token], i: int) -> str | None:
    """The value after the long label ``tokens[i]`` as the rest of its clause (预期目标:合规,
    完成情况:已完成100%, 目标值为达到95%及以上): words, with at most one figure, short (a
    numbered item's value in words, rules/prose.toml limits.word_value); None when it is none."""
    rest = tokens[i + 1:]
    if not rest or sum(t.kind == "value" for t in rest) > 1:
        return None
    text = "".join(t.text for t in rest).strip()
    linked = text.startswith(":")
    text = re.sub(r"^(?:\s*:\s*)", "", text)
    w = _p.load_prose_rules().words
    for c in sorted(w.connectors, key=len, reverse=True):
        if text.startswith(c) and c not in w.figure_connectors:
            text = text[len(c):].strip(" :")
            linked = True
            break
    opens = not "".join(t.text for t in tokens[:i]).strip(" :")
    if not (linked or opens) and tokens[i].text not in w.direct \
            and not any(t.kind == "value" for t in rest):
        # words after a label with nothing to link them, in a sentence (对…各项绩效指标完成
        # 情况进行了调查): no value; a clause opening with its label (目标值合规: its colon
        # lost with a cell's edge) or a verb's object (实际完成达成预期指标) is one
        return None
    limit = _p.load_prose_rules().limits.word_value
    if not text or len(text) > limit or re.search(r"[,;:*]", text) or text[0] in "([":
        return None
    if any(c in text for c in _strong_cues()):
        return None  # (完成情况, 全年实际值(B)/年度指标值(A): labels, not a value)
    if not _p._CJK.search(text) and not any(t.kind == "value" for t in rest):
        return None
    return text


def _clause(tokens: Sequence[Token]) -> _Clause:
    strong = _p.load_prose_rules().limits.strong_label
    pairs: list[tuple[str, str, str]] = []
    name_parts: list[str] = []
    loose = False
    words = False  # its last value is words: it may go on in the clauses after it
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "cue" and t.field != "name":
            j = i + 1
            if j < len(tokens) and tokens[j].kind == "text" and _connector(tokens[j].text):
                j += 1
            direct = j < len(tokens) and tokens[j].kind == "value"
            if len(t.text) >= strong and t.field in ("target", "actual") and (
                    not direct or not any(x.kind == "value" for x in tokens[j + 1:])):
                rest = _rest_value(tokens, i)
                if rest is not None:
                    pairs.append((t.field, rest, t.text))
                    # (a value in words, or a figure with words: 《执政实录》7.5万元)
                    words = not _p._is_quantity(rest)
                    break
            if direct:
                pairs.append((t.field, tokens[j].text.strip(), t.text))
                i = j + 1
                continue
        if t.kind == "value":
            loose = True  # a figure no cue names
        if pairs:
            gap = t.text.strip(" ()[]:")
            if gap:
                loose = True  # words between pairs: another statement, not read here
        else:
            name_parts.append(t.text)
        i += 1
    words_only = not any(t.kind == "value" for t in tokens)
    return _Clause("".join(name_parts).strip(), tuple(pairs), loose, words_only, words)


# --- names and headings --------------------------------------------------------------------


@cache
def _name_label_re() -> re.Pattern[str]:
    w = _p.load_prose_rules().words
    return re.compile(rf"^(?:{_p._alt(w.name_label)})\s*(?:{_p._alt(w.connectors)})?\s*")


@cache
def _tails() -> tuple[str, ...]:
    w = _p.load_prose_rules().words
    return tuple(sorted(w.name_tail + w.target + w.actual, key=len, reverse=True))


def _clean_name(name: str) -> str:
    """An indicator's name from the text before its first pair: no name label (指标名称:),
    no trailing words between it and its label (满意度指标绩效 → 满意度), no brackets or
    colons left open at its ends."""
    name = _name_label_re().sub("", name.strip())
    name = name.strip(" :,(")
    tails = _tails()
    while True:  # (as importer/prose.py strips a name's tail, its words sorted once)
        tail = next((t for t in tails if name.endswith(t) and len(name) - len(t) >= 2), None)
        if tail is None:
            break
        name = name[:-len(tail)]
    name = name.strip(" :,(")
    if name.count("(") > name.count(")"):
        name = name.rstrip("(").strip()
    return name


@cache
def _glued_marker_re() -> re.Pattern[str]:
    """A numbered item's marker glued to the words before it (产出指标1.数量指标: a run that
    lost its line breaks)."""
    items = "|".join(_p.load_prose_rules().markers.items)
    return re.compile(rf"(?:{items})")


def _split_heading(clause: str) -> tuple[dict[str, str] | None, str]:
    """(the levels of a category heading the clause opens with, the rest): a heading glued to
    the item after it (产出指标1.数量指标:…) is cut at the item's marker."""
    heading, rest = _p._heading(clause)
    ends = tuple(_p.load_prose_rules().evidence.heading_ends)
    stem, colon, after = clause.partition(":")
    if heading is None and 2 <= len(stem) <= _p.load_prose_rules().limits.max_heading // 2 \
            and not re.search(r"[\d,;]", stem):
        # (1)经济效益。 / 社会效益:… — a category's stem standing alone: its heading
        head, tail = _p._heading(stem + "指标")
        if head is not None and not tail.strip() and head["level2"]:
            return {"level1": head["level1"], "level2": stem}, after if colon else ""
    if heading is None and clause.endswith(ends):
        # 经济效益方面: a category's stem before a heading's ending
        stem = next(clause[:-len(e)] for e in sorted(ends, key=len, reverse=True)
                    if clause.endswith(e))
        head, tail = _p._heading(stem + "指标")
        if head is not None and not tail.strip():
            return {"level1": head["level1"], "level2": stem if head["level2"] else ""}, ""
    if heading is None:
        m = next((m for m in _glued_marker_re().finditer(clause) if m.start() > 0), None)
        if m is not None:
            head, tail = _p._heading(clause[:m.start()])
            if head is not None and not tail.strip():
                heading, rest = head, clause[m.end():]
    if heading is not None and heading["level1"] and not heading["level2"]:
        # (一)产出指标1.数量指标: the 二级 heading glued after the 一级 one
        inner, after = _split_heading(rest.strip())
        if inner is not None and inner["level1"] in ("", heading["level1"]):
            # (三)满意度指标1.满意度指标:…: the same 一级 again is no 二级
            return {"level1": heading["level1"], "level2": inner["level2"]}, after
    return heading, rest


def _unknown_heading(clause: str, line: str) -> bool:
    """A heading the taxonomy does not name: a few words ending in 指标 (进度指标), or a line
    of its own ending in a colon (可持续性:) — not a label's word (目标:)."""
    bare = clause.strip(" :")
    if not _p._CJK.search(bare) or bare in _cues() or bare in _p._label_words():
        return False
    short = len(bare) <= _p.load_prose_rules().limits.max_heading // 2
    return short and (bare.endswith("指标") or line.strip() == clause.strip()
                      and clause.strip().endswith(":"))


def _labelled(clause: str) -> bool:
    """A clause holding a long label of a target or an actual (实际完成, 目标值) that gave no
    value: a statement not read, not a name."""
    strong = _p.load_prose_rules().limits.strong_label
    return any(t.kind == "cue" and t.field in ("target", "actual") and len(t.text) >= strong
               for t in tokenise(clause))


@cache
def _markers_re() -> re.Pattern[str]:
    return re.compile("|".join(_p.load_prose_rules().markers.items))


def _marker_alone(clause: str) -> bool:
    """A clause that is a numbered item's marker only (第一, before its comma)."""
    return any(_markers_re().fullmatch(clause + sep) for sep in (",", ""))


def _heading_words(text: str) -> bool:
    """A heading in words (其他指标方面, 绩效指标完成情况): 指标 and a heading's ending."""
    return "指标" in text and text.endswith(tuple(_p.load_prose_rules().evidence.heading_ends))


def _value_after_colon(text: str) -> bool:
    """Text before a clause's first pair that holds a colon with words after it (宣传次数:已
    | 完成100%): the value is the colon's, stated as a list states it (not by a cue)."""
    text = _name_label_re().sub("", text.strip())
    head, colon, tail = text.partition(":")
    return bool(colon and head.strip() and tail.strip())


def _self_total(name: str) -> bool:
    """A name that is the report's own score's label (本项目自评, 综合评价)."""
    t = _p.load_prose_rules().totals
    return any(w in name for w in t.self_words + t.labels)


# --- the reader ----------------------------------------------------------------------------


@attrs.define
class _Open:
    name: str
    at: int
    levels: dict[str, str]
    values: dict[str, str] = attrs.Factory(dict)
    cues: dict[str, str] = attrs.Factory(dict)  # field → the cue that named it
    unread: dict[str, str] = attrs.Factory(dict)
    paired: bool = False  # from a list of targets and one of actuals, paired by name


def _clauses(line: str) -> Iterable[tuple[int, str, bool, str]]:
    """(offset, text, opens with a marker, the break before it) of a line's clauses: cut at
    , ; 。 ! ? and at the numbered items' markers."""
    items = _p._item_marker_re()
    at, before = 0, ""
    for piece in re.split(r"([,;。!?])", line):
        if piece in (",", ";", "。", "!", "?"):
            at += len(piece)
            before = piece
            continue
        starts = list(items.finditer(piece))
        bounds = [(0, 0)] + [(m.start(), m.end()) for m in starts]
        for n, (_, end) in enumerate(bounds):
            stop = bounds[n + 1][0] if n + 1 < len(bounds) else len(piece)
            text = piece[end:stop]
            if text.strip() or n > 0:
                yield at + end, text, n > 0, before if n == 0 else ""
        at += len(piece)


def read_statements(lines: Sequence[str], skip: Iterable[str] = ()) -> list[Statement]:
    """The indicators ``lines`` (a report's, as importer/prose.py reads them: half-width,
    one paragraph a line) state by cue words; ``skip``: clauses another reader took (money)."""
    skipped = [s.strip() for s in skip if s.strip()]
    out: list[Statement] = []
    levels: dict[str, str] = {}
    current: _Open | None = None
    named_alone = False  # current's name is the clause before, which gave no value yet
    going_on = ""  # the field whose value in words may go on after a comma
    pending_mark = False  # the clause before was a numbered item's marker alone
    body = 0  # 1: right after a category heading; 2: in the sentence it opens, after a value
    body_read = False  # a clause of the text after the heading was read
    list_going = ""  # the key of the list item the clause after a comma may go on
    by_label = False  # current's name follows a name's label (指标名称:)
    listing = ""  # the field a heading's list states (二、绩效目标 / 三、目标完成情况)
    listed: dict[str, list[tuple[str, str, str, int, dict[str, str]]]] = {}  # key → items
    offset = 0
    n_clause = 0  # the clauses read so far
    alone_at = -1  # the clause that stated the last indicator by its value alone

    def close() -> None:
        nonlocal current
        if current is not None:
            s = _statement(current)
            if s is not None:
                out.append(s)
        current = None

    for line in lines:
        for at, text, marked, before in _clauses(line):
            clause = text.strip()
            where = offset + at
            if not clause:
                continue
            n_clause += 1
            same_sentence = before == "," and not marked
            if list_going and same_sentence and _list_item(clause) is None \
                    and not _clause(tokenise(clause)).pairs:
                # 1.存史资政:收集整理史料,留存史实,为查证服务; — an item runs to its end
                item = listed[list_going][-1]
                listed[list_going][-1] = (*item[:2], f"{item[2]},{clause}", *item[3:])
                continue
            list_going = ""
            if marked or before in ("。", "!", "?", "") and body_read:
                body = 0  # (the text a heading opens is its first sentence)
            body_read = bool(body)
            if going_on and same_sentence and current is not None:
                tokens = tokenise(clause)
                c = _clause(tokens)
                if not c.pairs and tokens[0].kind != "cue" and _p._heading(clause)[0] is None:
                    # 目标值为招商工作、招商活动的连续性,促成项目引进成功: one value
                    current.values[going_on] += "," + clause
                    continue
            going_on = ""
            if _p._section_re().match(clause):  # 三、绩效目标完成情况 / (一)产出指标
                close()
                clause = _p._section_re().sub("", clause, count=1).strip()
                listing = _list_field(clause)
                heading, rest = _split_heading(clause)
                levels = {} if heading is None else dict(heading)
                body, body_read = (0 if heading is None else 1), False
                if heading is None or not rest.strip():
                    continue
                clause, same_sentence = rest.strip(), False
            else:
                heading, rest = _split_heading(clause)
                if heading is not None:
                    close()
                    levels = {"level1": heading["level1"] or levels.get("level1", ""),
                              "level2": heading["level2"]}
                    clause, same_sentence, body, body_read = rest.strip(), False, 1, False
                    if not clause:
                        continue
            if pending_mark:
                marked, same_sentence, pending_mark = True, False, False
            if _marker_alone(clause):  # 第一, | 有需求的…: the marker, cut off by its comma
                close()
                pending_mark = True
                continue
            if marked:
                close()
            if any(clause in s for s in skipped):
                close()
                continue
            c = _clause(tokenise(clause))
            name = _clean_name(c.name) if c.pairs else ""
            if not c.pairs and not marked and clause.endswith(":") and _list_field(clause):
                close()
                listing = _list_field(clause)  # 实际完成情况: — the list after it
                continue
            item = _list_item(clause) if listing and marked and not c.pairs else None
            if item is not None:
                close()
                listed.setdefault(_p._key(item[0]), []).append(
                    (listing, item[0], item[1], where, dict(levels)))
                list_going = _p._key(item[0])
                continue
            if not c.pairs and c.words_only and _unknown_heading(clause, line):
                # 2.进度指标 / 可持续性: a heading of a category the taxonomy does not name:
                # what follows is not the heading's before it (its 二级 not read)
                close()
                levels = {"level1": levels.get("level1", ""), "level2": ""}
                continue
            control = _control(clause)
            if control:
                # 每公里成本8.5万元,低于控制指标10万元: the target of the indicator just stated
                # (a control value with no outcome before it in its sentence: nobody's)
                if not same_sentence:
                    pass
                elif current is not None and "target" not in current.values \
                        and current.unread.get("target") != "ambiguous":
                    current.values["target"] = control
                    current.cues["target"] = clause
                elif current is None and alone_at == n_clause - 1 and out \
                        and not out[-1].target and "target" not in dict(out[-1].unread) \
                        and _p._same_kind(control, out[-1].actual):
                    out[-1] = attrs.evolve(out[-1], target=control)
                continue
            alone = _value_alone(clause) if body and levels and not c.pairs else None
            if alone is not None and body == 2 and tokenise(clause)[0].kind == "cue":
                # 项目概算80万元,实际结算金额76.5万元: the actual of the figure before (the
                # sentence shapes pair them), no indicator of its own
                close()
                body = 0
                continue
            if alone is not None:
                # (1)数量指标。完成治理面积1429.39hm — right after a category heading, an
                # indicator stated by its value alone: the actual (with an operator, a target
                # or an actual: unsaid)
                close()
                ambiguous = _p._has_operator(alone[1])
                o = _Open(alone[0], where, dict(levels), {} if ambiguous else {"actual": alone[1]},
                          unread={"target": "ambiguous", "actual": "ambiguous"} if ambiguous
                          else {})
                statement = _statement(o)
                if statement is not None:
                    out.append(statement)
                    alone_at = n_clause
                body = 2
                continue
            if body and _sub_part(clause):
                body = 0  # 其中坡改梯25.26hm: a part of the figure before, no indicator
            if c.loose or c.pairs and _value_after_colon(c.name):
                close()
                continue
            if not c.pairs:
                if by_label and same_sentence and current is not None and not current.values \
                        and c.words_only and _p._name_ok(f"{current.name},{clause}") \
                        and not any(t.kind == "cue" for t in tokenise(clause)):
                    # 指标名称:WIFI全覆盖,绿色环保,目标值:… — the label's name runs to a label
                    current.name = f"{current.name},{clause}"
                    continue
                close()
                named_alone = by_label = False
                name = _name_label_re().sub("", clause).strip(" :,")
                head, colon, rest = name.partition(":")
                if colon and rest and _unknown_heading(head, head):
                    # 进度指标:完成年度资料上报 — a heading the taxonomy does not name, then
                    # the name: its 二级 not read
                    levels = {"level1": levels.get("level1", ""), "level2": ""}
                    name = rest.strip()
                if c.words_only and _p._name_ok(name) and not _self_total(name) \
                        and not _heading_words(name) and not _labelled(clause):
                    current = _Open(name, where, dict(levels))  # the name, its values after
                    named_alone = True
                    by_label = _name_label_re().match(clause) is not None
                continue
            if name and len(c.name.strip(" :")) >= 2:
                if current is not None and named_alone and same_sentence \
                        and not current.values:
                    # 院区建成后,可持续为周边群众提供医疗服务目标值为…: the clause before is
                    # the name's first part
                    joined = f"{current.name},{name}"
                    name, where = (joined, current.at) if _p._name_ok(joined) else ("", where)
                    current = None
                close()
                named_alone = False
                if not _p._name_ok(name) or _self_total(name):
                    continue
                current = _Open(name, where, dict(levels))
            if current is None:
                continue
            named_alone = False
            for field, value, cue in c.pairs:
                if field in current.values:
                    current.unread[field] = "ambiguous"  # two values: neither is taken
                    current.values.pop(field)
                elif current.unread.get(field) != "ambiguous":
                    current.values[field] = value
                    current.cues[field] = cue
            if c.in_words and c.pairs[-1][0] in current.values:
                going_on = c.pairs[-1][0]
        offset += len(line) + 1
    close()
    out.extend(_paired(listed))
    out.sort(key=lambda s: s.at)
    return out


@cache
def _control_re() -> re.Pattern[str]:
    w = _p.load_prose_rules().words
    value = rf"(?P<value>(?:{_p._quantity()}))"
    return re.compile(
        rf"^(?P<side>{_p._alt(w.control_below + w.control_above)})(?:{_p._alt(w.control)})"
        rf"\s*(?:{_p._alt(w.connectors)})?\s*{value}$"
        rf"|^(?:{_p._alt(w.control_within)})\s*{value.replace('value', 'within')}"
        rf"\s*(?:{_p._alt(w.control_ends)})$")


def _control(clause: str) -> str:
    """The target a clause states as a control value (低于控制指标10万元 → ≤10万元, 控制在200元以内
    → ≤200元, 高于控制值85% → ≥85%; a value with its own operator as it is); "" for any other
    clause."""
    m = _control_re().match(clause.strip())
    if m is None:
        return ""
    value = (m.group("value") or m.group("within")).strip()
    if _p._has_operator(value):
        return value
    below = m.group("within") or m.group("side") in _p.load_prose_rules().words.control_below
    return ("≤" if below else "≥") + value


def _sub_part(clause: str) -> bool:
    """A clause opening with a part's word (其中, 含, 包括: rules/prose.toml [funds] sub)."""
    return clause.startswith(tuple(_p.load_prose_rules().funds.sub))


def _value_alone(clause: str) -> tuple[str, str] | None:
    """(name, value) of a clause that is a name and one figure at its end, no cue (人均产粮
    增加290kg/人, 基本完成治理水土流失面积1429.39hm: the words that open a statement of what
    was done are no part of the name); None otherwise, and for a date, a sum of points or a
    part (其中…)."""
    tokens = tokenise(clause)
    if len(tokens) < 2 or tokens[-1].kind != "value" or _sub_part(clause) \
            or any(t.kind == "value" for t in tokens[:-1]):
        return None
    name = _p._bare_name(_p._without_linker("".join(t.text for t in tokens[:-1]).strip(" :,")))
    value = tokens[-1].text.strip()
    if not _p._name_ok(name) or _p._DATE_RE.search(clause) or _self_total(name) \
            or (_p._unit(value) or "") == "分" or _p._heading(name + ":")[0] is not None:
        return None
    return name, value


def _list_field(text: str) -> str:
    """The field a heading's list states: its words name actuals (完成情况) or targets
    (绩效目标), rules/prose.toml [lists]; "" for any other heading."""
    lists = _p.load_prose_rules().lists
    bare = text.strip(" 。:")
    if not bare or len(bare) > _p.load_prose_rules().limits.max_heading or _p._has_figure(bare):
        return ""
    if any(w in bare for w in lists.actual):
        return "actual"
    if any(w in bare for w in lists.target):
        return "target"
    return ""


def _list_item(clause: str) -> tuple[str, str] | None:
    """(name, value) of a list's numbered item ``name:value`` (经费支出合规性:严格执行相关制度规
    定, 项目总成本:≤90万元): the value a figure or a few words."""
    name, colon, value = clause.partition(":")
    name, value = name.strip(), value.strip()
    if not colon or not _p._name_ok(name) or _p._has_figure(name) or not value \
            or name in _cues() or name in _p._label_words() or _p._heading(name + ":")[0]:
        return None  # (指标名称:…, 目标值:…, 数量指标:…: a label's, not a list item's name)
    limit = _p.load_prose_rules().limits.word_value
    if not _p._is_quantity(value) and (len(value) > limit or re.search(r"[:,;]", value)):
        return None
    return name, value


def _paired(listed: dict[str, list[tuple[str, str, str, int, dict[str, str]]]]) -> list[Statement]:
    """The indicators of a list of targets and a list of actuals, paired by name: an item
    both lists name once; an item of one list only under a category heading (outside one,
    a list of what was done names no indicator)."""
    out: list[Statement] = []
    for items in listed.values():
        by_field: dict[str, list[tuple[str, str, str, int, dict[str, str]]]] = {}
        for item in items:
            by_field.setdefault(item[0], []).append(item)
        if any(len(v) > 1 for v in by_field.values()):
            continue  # named twice in one list: which is which is not said
        first = min(items, key=lambda i: i[3])
        levels = first[4]
        if len(by_field) < 2 and not levels:
            continue
        values = {f: v[0][2] for f, v in by_field.items()}
        o = _Open(first[1], first[3], levels, values, paired=len(by_field) == 2)
        s = _statement(o)
        if s is not None:
            out.append(s)
    return out


@cache
def _points_re() -> re.Pattern[str]:
    return re.compile(rf"({_p._NUM})\s*分?")


def _points(value: str) -> str:
    """The number of a points' value (10分 → 10); "" when it is not one."""
    m = _points_re().fullmatch(value.strip())
    return m.group(1) if m else ""


def _statement(o: _Open) -> Statement | None:
    """The indicator ``o`` states, when it states one: a target or an actual (a figure, or
    words after a long label), or a weight and a score that the arithmetic allows."""
    values, unread = dict(o.values), dict(o.unread)
    strong = _p.load_prose_rules().limits.strong_label
    for field in ("weight", "score"):
        if field in values:
            points = _points(values[field])
            if points:
                values[field] = points
            else:
                values.pop(field)
                unread[field] = "ambiguous"
    weight, score = (_p.read_number(_p._restore(values.get(f, ""))) for f in ("weight", "score"))
    if weight is not None and score is not None and score > weight:
        # 得分 ≤ 分值: the two are not what their words say
        for f in ("weight", "score"):
            values.pop(f)
            unread[f] = "ambiguous"
    target, actual = values.get("target", ""), values.get("actual", "")
    if target and actual and not _p._same_kind(target, actual):
        for f in ("target", "actual"):
            values.pop(f)
            unread[f] = "ambiguous"
    for field in ("target", "actual"):
        v = values.get(field, "")
        if not v:
            continue
        if o.paired:
            continue  # (a list's item, its pair in the other list: an indicator's value)
        if _p._money_or_points(v) and not o.levels:
            values.pop(field)  # a sum or a score outside the indicators: not one's value
        elif not _p._has_figure(v) and len(o.cues.get(field, "")) < strong:
            values.pop(field)
    if not ("target" in values or "actual" in values or "target" in unread or "actual" in unread
            or ("weight" in values and "score" in values and o.levels)):
        return None
    said = [f for f in ("target", "actual", "weight", "score") if f in values]
    if len(said) == 1 and not o.levels and not o.paired and (
            len(o.cues.get(said[0], "")) < strong or not _p._is_quantity(values[said[0]])):
        # 满意度达到90% alone, outside the indicators: a target or an actual? 预算完成情况:预算资
        # 金100%使用完成: a sentence of a document, not an indicator's figure
        return None
    return Statement(name=o.name, at=o.at, target=values.get("target", ""),
                     actual=values.get("actual", ""), weight=values.get("weight", ""),
                     score=values.get("score", ""), level1=o.levels.get("level1", ""),
                     level2=o.levels.get("level2", ""), unread=tuple(sorted(unread.items())))
