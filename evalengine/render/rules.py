"""``evalengine rules`` and ``evalengine explain``: generated from the rules themselves."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from ..checks.base import HERE, RECORD, Rule
from ..checks.runner import Checker
from ..i18n import Lang, text

__all__ = ["render_explain", "render_rules", "rules_record"]

FAMILY = {
    "funds": ("资金与执行", "Funds and execution"),
    "scores": ("分值与得分", "Scores and weights"),
    "indicators": ("指标", "Indicators"),
    "narrative": ("文字与数据", "Narrative against data"),
    "department": ("部门整体", "Department"),
    "meta": ("忽略声明与运行", "Suppressions and the run"),
    "custom": ("自定义规则", "Custom rules"),
}


def _family(rule: Rule, lang: Lang) -> str:
    zh, en = FAMILY[rule.family]
    return en if lang == "en" else zh


def rules_record(checker: Checker, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "code": rule.code,
            "name": rule.name,
            "family": rule.family,
            "title": rule.title_en if lang == "en" else rule.title,
            "severity": severity.label,
            "enabled": on,
            "source": rule.source_en if lang == "en" else rule.source,
        }
        for rule, severity, on in checker.catalogue
    ]


def render_rules(checker: Checker, console: Console, lang: Lang) -> None:
    on_off = ("on", "off") if lang == "en" else ("启用", "停用")
    t = Table(title="evalengine rules" if lang == "en" else "evalengine 规则")
    for header in (("代码", "Code"), ("名称", "Name"), ("规则族", "Family"), ("说明", "Title"),
                   ("级别", "Severity"), ("状态", "State")):
        t.add_column(header[1] if lang == "en" else header[0])
    for rule, severity, on in checker.catalogue:
        t.add_row(rule.code, rule.name, _family(rule, lang),
                  rule.title_en if lang == "en" else rule.title,
                  text("severity." + severity.label, lang), on_off[0] if on else on_off[1],
                  style=None if on else "dim")
    console.print(t)


def _shown(value: Any) -> str:
    from ..loader import shown_value

    return shown_value(list(value) if isinstance(value, tuple) else value)


def render_explain(rule: Rule, console: Console, lang: Lang, checker: Checker | None = None) -> None:
    """A rule explained; with ``checker``, its effective severity, state and setting values
    (what a ``--config`` file changed is marked with the shipped default)."""
    en = lang == "en"
    severity, on = rule.severity, None
    if checker is not None:
        severity, on = checker.state(rule.code)
    state = "" if on is None else ", " + (("on" if on else "off") if en else ("启用" if on else "停用"))
    head = Text(f"{rule.code} {rule.name}  ({text('severity.' + severity.label, lang)}, "
                f"{_family(rule, lang)}{state})", style="bold")
    parts: list[Any] = [
        head,
        Text(""),
        Text(("What it checks: " if en else "检查内容：") + (rule.summary_en if en else rule.summary)),
        Text(("Why it matters: " if en else "为何重要：") + (rule.rationale_en if en else rule.rationale)),
        Text(("Source: " if en else "依据：") + (rule.source_en if en else rule.source)),
    ]
    if rule.rests_on:  # a finding resting on a cell the importer did not read is withheld
        own = {HERE: "(the finding's own path)" if en else "（所在位置）",
               RECORD: "(the row or table it is in)" if en else "（所在行或表）"}
        paths = "  ".join(own.get(p) or p.replace(RECORD, "（所在行）" if not en else "(its row)")
                          for p in rule.rests_on)
        parts.append(Text(("Rests on (withheld when not read): " if en else
                           "所依据的字段（未能读取时不报告）：") + paths))
    if rule.settings:
        values = checker.options.get(rule.code, {}) if checker is not None else {}
        shipped = checker.shipped.get(rule.code, {}) if checker is not None else {}
        parts.append(Text("Settings:" if en else "可配置项："))
        for s in rule.settings:
            line = f"  {s.name} ({s.kind}): {s.help_in(lang)}"
            if s.name in values:
                line += f"\n      = {_shown(values[s.name])}"
                if values[s.name] != shipped.get(s.name):
                    default = _shown(shipped.get(s.name))
                    line += f"  ({'--config; shipped default' if en else '--config 设定；默认'} {default})"
            parts.append(Text(line))
    for label, example in ((("Example that triggers it:", "触发示例："), rule.bad),
                           (("Example that passes:", "通过示例："), rule.good)):
        if example.strip():
            parts.append(Text(label[0] if en else label[1]))
            parts.append(Syntax(example.strip(), "toml", theme="ansi_dark", background_color="default"))
    console.print(Panel(Group(*parts), title=rule.title_en if en else rule.title))
