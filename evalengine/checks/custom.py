"""Rules evaluators write without Python: a condition over a case's fields, in the safe
expression language of the ``rule-engine`` library (never Python ``eval``).

Each ``[[custom]]`` table (in ``rules/custom.toml`` or a user's ``--config``) becomes an
ordinary :class:`~evalengine.checks.base.Rule`.  Its condition is parsed and type-checked
against the field list below when it is loaded, so an unknown field or a type error is
reported before any case is scored.  docs/custom-rules.md documents the fields.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from ..evidence import figure, money
from ..findings import Severity
from ..loader import ConfigError, Problem, shown_value
from ..numbers import HUNDRED
from ..scoring import IndicatorScore
from ..values import Claim, Empty, Quantity, Text, Value, When
from .base import CaseContext, Hit, Rule

__all__ = ["CASE_FIELDS", "INDICATOR_FIELDS", "build_custom_rule"]

class T:
    """Names of ``rule_engine.DataType`` members.  The library is imported only to compile a
    condition: building its parser tables costs ~0.5 s, which a run whose custom rules are all
    off (the shipped example is) should not pay."""

    STRING, FLOAT, BOOLEAN = "STRING", "FLOAT", "BOOLEAN"


CASE_FIELDS: dict[str, tuple[Any, str]] = {
    "project_name": (T.STRING, "项目名称"),
    "department": (T.STRING, "主管部门"),
    "implementer": (T.STRING, "实施单位"),
    "year": (T.FLOAT, "年度 (null when absent)"),
    "profile": (T.STRING, "scoring profile id"),
    "has_form": (T.BOOLEAN, "the document has a 自评表 for this project"),
    "budget": (T.FLOAT, "全年预算数, 万元"),
    "executed": (T.FLOAT, "全年执行数, 万元"),
    "initial_budget": (T.FLOAT, "年初预算数, 万元"),
    "balance": (T.FLOAT, "结余 as stated, 万元"),
    "rate": (T.FLOAT, "执行率 recomputed, percent"),
    "claimed_rate": (T.FLOAT, "执行率 as stated, percent"),
    "claimed_total": (T.FLOAT, "claimed total score"),
    "verified_total": (T.FLOAT, "verified total score (null unless rated)"),
    "status": (T.STRING, "rated | not_demonstrated"),
    "evidence_share": (T.FLOAT, "share of indicator weight resting on evidence, percent"),
    "goal_expected": (T.STRING, "年度总体目标 预期目标"),
    "goal_actual": (T.STRING, "年度总体目标 实际完成情况"),
    "completion": (T.STRING, "项目完成情况"),
    "conclusion": (T.STRING, "评价结论"),
    "problems": (T.STRING, "存在问题"),
    "measures": (T.STRING, "改进措施"),
    "indicator_count": (T.FLOAT, "number of scored 三级 indicators"),
}
INDICATOR_FIELDS: dict[str, tuple[Any, str]] = {
    "level1": (T.STRING, "一级指标 as printed"),
    "level2": (T.STRING, "二级指标 as printed"),
    "name": (T.STRING, "三级指标"),
    "category": (T.STRING, "canonical 一级 category (产出指标, 效益指标, 满意度指标)"),
    "target": (T.STRING, "年度指标值 as printed"),
    "actual": (T.STRING, "实际完成值 as printed"),
    "target_kind": (T.STRING, "quantity | date | claim | text | empty"),
    "actual_kind": (T.STRING, "quantity | date | claim | text | empty"),
    "operator": (T.STRING, "the target's operator: ≥ > = ≤ < (empty unless a quantity)"),
    "target_amount": (T.FLOAT, "the target's number (money in 元, percent as 95)"),
    "target_unit": (T.STRING, "the target's unit: 元, %, a measure word, or empty"),
    "actual_amount": (T.FLOAT, "the actual's number"),
    "actual_unit": (T.STRING, "the actual's unit"),
    "weight": (T.FLOAT, "分值 used for scoring"),
    "claimed_score": (T.FLOAT, "得分 claimed"),
    "verified_score": (T.FLOAT, "得分 verified"),
    "evidence": (T.STRING, "measured | qualitative | unsupported"),
    "deviation": (T.STRING, "偏差原因分析"),
}
_KEYS = ("code", "name", "title", "title_en", "severity", "scope", "when", "message",
         "message_en", "summary", "summary_en", "rationale", "rationale_en", "source",
         "source_en",
         "enabled", "bad", "good")
_REQUIRED = ("code", "name", "title", "severity", "when", "message", "source")


def _kind(value: Value) -> str:
    return {Quantity: "quantity", When: "date", Claim: "claim", Text: "text",
            Empty: "empty"}[type(value)]


def case_symbols(ctx: CaseContext) -> dict[str, Any]:
    case, score, funds = ctx.case, ctx.score, ctx.case.funds
    rate = score.budget.rate
    return {
        "project_name": case.project.name,
        "department": case.project.department,
        "implementer": case.project.implementer,
        "year": None if case.project.year is None else Decimal(case.project.year),
        "profile": score.profile,
        "has_form": case.project.has_form,
        "budget": funds.budget,
        "executed": funds.executed,
        "initial_budget": funds.initial_budget,
        "balance": funds.balance,
        "rate": None if rate is None else rate * HUNDRED,
        "claimed_rate": funds.claimed_rate,
        "claimed_total": score.claimed_total,
        "verified_total": score.verified_total,
        "status": score.status.value,
        "evidence_share": score.evidence_share * HUNDRED,
        "goal_expected": case.goal.expected,
        "goal_actual": case.goal.actual,
        "completion": case.narrative.completion,
        "conclusion": case.narrative.conclusion,
        "problems": case.narrative.problems,
        "measures": case.narrative.measures,
        "indicator_count": Decimal(len(score.indicators)),
    }


def indicator_symbols(ctx: CaseContext, item: IndicatorScore) -> dict[str, Any]:
    row = ctx.case.indicators[item.index]
    target, actual = item.target, item.actual
    return {
        "level1": row.level1,
        "level2": row.level2,
        "name": row.name,
        "category": item.category,
        "target": row.target,
        "actual": row.actual,
        "target_kind": _kind(target),
        "actual_kind": _kind(actual),
        "operator": target.operator.value if isinstance(target, Quantity) else "",
        "target_amount": target.amount if isinstance(target, Quantity) else None,
        "target_unit": target.unit if isinstance(target, Quantity) else "",
        "actual_amount": actual.amount if isinstance(actual, Quantity) else None,
        "actual_unit": actual.unit if isinstance(actual, Quantity) else "",
        "weight": item.weight,
        "claimed_score": item.claimed,
        "verified_score": item.verified,
        "evidence": item.evidence.value,
        "deviation": row.deviation,
    }


def _fields(scope: str) -> dict[str, Any]:
    fields = dict(CASE_FIELDS)
    if scope == "indicator":
        fields.update(INDICATOR_FIELDS)
    return {name: kind for name, (kind, _) in fields.items()}


def _compile(when: str, fields: dict[str, str], where: str, location: str):
    import rule_engine

    types = {name: getattr(rule_engine.DataType, kind) for name, kind in fields.items()}
    context = rule_engine.Context(
        type_resolver=rule_engine.type_resolver_from_dict(types), default_value=None
    )
    try:
        return rule_engine.Rule(when, context=context)
    except rule_engine.errors.EngineError as exc:
        detail = f"{type(exc).__name__}: {getattr(exc, 'message', exc)}"
        raise ConfigError(location, (Problem(f"{where}.when", "invalid", detail),)) from None


class _Check:
    """A custom rule's check.  Its condition is compiled when the rule is loaded, or, for a
    shipped rule that is off, by :meth:`prepare`, which the checker calls for every rule it
    turns on before any case is scored (and, at the latest, on first use)."""

    def __init__(self, compile_condition, scope: str) -> None:
        self._compile, self._condition, self.scope = compile_condition, None, scope

    def prepare(self) -> None:
        if self._condition is None:
            self._condition = self._compile()

    def __call__(self, ctx: CaseContext) -> Iterator[Hit]:
        self.prepare()
        condition = self._condition
        base = case_symbols(ctx)
        if self.scope == "case":
            if condition.matches(base):
                yield Hit("$", _shown(base))
            return
        for item in ctx.score.indicators:
            symbols = {**base, **indicator_symbols(ctx, item)}
            if condition.matches(symbols):
                yield Hit(f"$.indicators[{item.index}]", _shown(symbols),
                          found=symbols["actual"], expected=symbols["target"])


def build_custom_rule(table: Mapping[str, Any], where: str, location: str = "",
                      defer: bool = False) -> tuple[Rule, bool]:
    """A Rule from one ``[[custom]]`` table at key path ``where`` of the file ``location``,
    and whether it is enabled.  Raises ConfigError.  With ``defer``, the condition of a rule
    the table turns off is compiled only when the rule is turned on (``rule.check.prepare()``)."""
    location = location or where
    problems = [Problem(f"{where}.{k}", "unknown-key", ", ".join(_KEYS)) for k in table if k not in _KEYS]
    problems += [Problem(f"{where}.{k}", "missing-key") for k in _REQUIRED if k not in table]
    for key, value in table.items():
        wanted = bool if key == "enabled" else str
        if key in _KEYS and not (isinstance(value, wanted) and
                                 (wanted is bool or not isinstance(value, bool))):
            kind = "expected-boolean" if wanted is bool else "expected-text"
            problems.append(Problem(f"{where}.{key}", kind, shown_value(value)))
    if problems:
        raise ConfigError(location, tuple(problems))
    scope = table.get("scope", "case")
    if scope not in ("case", "indicator"):
        raise ConfigError(location, (Problem(f"{where}.scope", "invalid", "case or indicator"),))
    severities = {s.label: s for s in Severity}
    if table["severity"] not in severities:
        raise ConfigError(location, (Problem(f"{where}.severity", "invalid", ", ".join(severities)),))
    fields = _fields(scope)
    check = _Check(lambda: _compile(str(table["when"]), fields, where, location), scope)
    enabled = bool(table.get("enabled", True))
    if enabled or not defer:
        check.prepare()
    problems = []
    for key in ("message", "message_en"):
        detail = _template_problem(table.get(key, ""), fields)
        if detail:
            problems.append(Problem(f"{where}.{key}", "invalid", detail))
    if problems:
        raise ConfigError(location, tuple(problems))

    rule = Rule(
        code=str(table["code"]),
        name=str(table["name"]),
        family="custom",
        severity=severities[table["severity"]],
        title=str(table["title"]),
        title_en=str(table.get("title_en", table["title"])),
        message=str(table["message"]),
        message_en=str(table.get("message_en", table["message"])),
        summary=str(table.get("summary", table["title"])),
        summary_en=str(table.get("summary_en", table.get("title_en", table["title"]))),
        rationale=str(table.get("rationale", "")),
        rationale_en=str(table.get("rationale_en", "")),
        source=str(table["source"]),
        source_en=str(table.get("source_en", table["source"])),
        bad=str(table.get("bad", "")),
        good=str(table.get("good", "")),
        check=check,
    )
    return rule, enabled


MAX_FORMAT_WIDTH = 200  # {name:>999999999} would build a gigabyte string per finding


def _template_problem(template: str, fields: Mapping[str, Any]) -> str:
    """What is wrong with a message template (str.format over the fields), or ""."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"not a valid message template ({exc}); write a literal brace as {{{{ or }}}}"
    names = {f for _, f, _, _ in parsed if f is not None}
    if "" in names or any(n[:1].isdigit() for n in names):
        return "a placeholder must name a field, as {project_name}"
    unknown = sorted(n for n in names if n not in fields)
    if unknown:
        return f"unknown field {', '.join(unknown)} in the message (see docs/custom-rules.md)"
    for _, name, spec, _ in parsed:
        if not spec:
            continue
        if "{" in spec:
            return f"a format spec cannot hold a placeholder ({{{name}:{spec}}})"
        widths = [int(n) for n in re.findall(r"\d+", spec)]
        if any(w > MAX_FORMAT_WIDTH for w in widths):
            return (f"format width {max(widths)} in {{{name}:{spec}}} is over "
                    f"{MAX_FORMAT_WIDTH} (a message is one line)")
    try:
        template.format(**{name: "x" for name in fields})
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        return f"not a valid message template ({exc})"
    return ""


_MONEY_FIELDS = frozenset({"budget", "executed", "initial_budget", "balance"})


def _shown(symbols: Mapping[str, Any]) -> dict[str, str]:
    """The fields as a message shows them: money with two decimals, other numbers as
    printed (no exponent, no trailing zeros), booleans as words."""
    out = {}
    for key, value in symbols.items():
        if value is None:
            out[key] = "—"
        elif isinstance(value, Decimal):
            out[key] = money(value) if key in _MONEY_FIELDS else figure(value)
        else:
            out[key] = str(value)
    return out
