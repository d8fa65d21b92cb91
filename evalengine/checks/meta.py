"""M: rules about suppressions and about the checker itself."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..findings import Severity
from ..model import Suppression
from .base import Hit, Rule

__all__ = ["RULES", "RULE_CRASHED", "SUPPRESSION_RULES", "SuppressionContext"]


@attrs.frozen
class SuppressionContext:
    suppressions: tuple[Suppression, ...]
    hidden: tuple[int | None, ...]  # findings each suppression hid; None: not judged
    known: tuple[bool, ...] = ()  # whether each suppression names some rule of this run


def _unused(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, (item, count) in enumerate(zip(ctx.suppressions, ctx.hidden)):
        if count == 0:
            yield Hit(f"$.ignore[{index}]", {"rule": item.rule})


def _no_reason(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, item in enumerate(ctx.suppressions):
        if not item.reason.strip():
            yield Hit(f"$.ignore[{index}].reason", {"rule": item.rule})


def _unknown(ctx: SuppressionContext) -> Iterator[Hit]:
    for index, (item, known) in enumerate(zip(ctx.suppressions, ctx.known)):
        if not known:
            yield Hit(f"$.ignore[{index}].rule", {"rule": item.rule})


def _never(_ctx: object) -> Iterator[Hit]:
    """The runner reports a crashed rule itself (see runner.Checker._run)."""
    return iter(())


UNUSED = Rule(
    code="M001",
    name="unused-suppression",
    family="meta",
    severity=Severity.WARNING,
    title="忽略声明未屏蔽任何问题",
    title_en="Suppression hides nothing",
    message="[[ignore]] 声明忽略 {rule}，但该规则在此案例中没有发现问题，请删除这条声明",
    message_en="[[ignore]] suppresses {rule}, but that rule found nothing in this case: remove it",
    summary="案例中的 [[ignore]] 声明没有屏蔽任何问题。",
    summary_en="A [[ignore]] entry in a case suppresses no finding.",
    rationale="过时的忽略声明会在表格修改后悄悄掩盖新的问题；与 ruff 的 RUF100 相同。",
    rationale_en="A stale suppression would silently hide the next real problem (as ruff's RUF100).",
    source="评审实践：anchors.md（ruff noqa + RUF100，sqlfluff --warn-unused-ignores）",
    bad='[[ignore]]\nrule = "F105"\nreason = "结余已另行说明"',
    good="",
    check=_unused,
)

NO_REASON = Rule(
    code="M002",
    name="suppression-without-reason",
    family="meta",
    severity=Severity.ERROR,
    title="忽略声明缺少理由",
    title_en="Suppression without a reason",
    message="[[ignore]] 忽略 {rule} 未写明理由，声明无效",
    message_en="[[ignore]] for {rule} gives no reason, so it suppresses nothing",
    summary="[[ignore]] 必须写明 reason；没有理由的声明不生效。",
    summary_en="A [[ignore]] entry must state a reason; without one it does not apply.",
    rationale="评审意见需要可追溯：接受一个例外时必须说明为什么。",
    rationale_en="A reviewer must be able to say why an exception was accepted.",
    source="评审实践：anchors.md（suppression with a written reason）",
    bad='[[ignore]]\nrule = "F105"\nreason = ""',
    good="",
    check=_no_reason,
)

UNKNOWN = Rule(
    code="M004",
    name="suppression-of-unknown-rule",
    family="meta",
    severity=Severity.ERROR,
    title="忽略声明指向不存在的规则",
    title_en="Suppression names no rule",
    message="[[ignore]] 声明忽略 {rule}，但没有这条规则（代码、名称或规则族），声明无效；"
            "请核对拼写（见 evalengine rules）",
    message_en="[[ignore]] names {rule}, but no rule has that code, name or family, so it "
               "suppresses nothing: check the spelling (see `evalengine rules`)",
    summary="案例中的 [[ignore]] 声明所写的规则不存在（例如把 F101 误写为 F1O1）。案例照常评分。",
    summary_en="A [[ignore]] entry in a case names a rule that does not exist (say F1O1 for "
               "F101). The case is still scored.",
    rationale="拼错的忽略声明什么也不屏蔽，却让人以为问题已被接受；与 ruff 对无效 noqa 代码的警告相同。",
    rationale_en="A misspelt suppression hides nothing while looking like an accepted exception "
                 "(as ruff warns on an invalid noqa code).",
    source="评审实践：anchors.md（ruff noqa + RUF100）",
    bad='[[ignore]]\nrule = "F1O1"\nreason = "结余已另行说明"',
    good="",
    check=_unknown,
)

RULE_CRASHED = Rule(
    code="M003",
    name="rule-crashed",
    family="meta",
    severity=Severity.ERROR,
    title="规则执行出错",
    title_en="A rule crashed",
    message="规则 {rule} 执行出错（{error}），该规则对本案例的结论缺失，请报告此问题",
    message_en="rule {rule} crashed ({error}); its verdict on this case is missing: please report it",
    summary="某条规则在此案例上抛出异常（或其说明无法生成）；其他规则照常运行。"
            "此规则始终启用，--ignore 或 enabled = false 都不会隐藏它（可改变其级别）。",
    summary_en="A rule raised an exception on this case (or its message could not be written); "
               "the other rules still ran. Always on: neither --ignore nor enabled = false hides "
               "it (its severity can be changed).",
    rationale="坏输入不能让整个批次中断，也不能悄悄丢失结论。",
    rationale_en="Bad input must neither stop the batch nor silently drop a verdict.",
    source="evalengine 设计约定",
    bad="",
    good="",
    check=_never,
)

SUPPRESSION_RULES = (UNUSED, NO_REASON, UNKNOWN)
RULES = (UNUSED, NO_REASON, UNKNOWN, RULE_CRASHED)
