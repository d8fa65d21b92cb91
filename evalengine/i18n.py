"""User-facing words, in Chinese (the default) and English (``--lang en``).

Renderers look every label up here; nothing else in the package hard-codes what a user reads,
except rule messages, which live with their rules.
"""

from __future__ import annotations

import errno
import re
from typing import Literal

__all__ = ["LABELS", "PROBLEMS", "REASONS", "Lang", "pick", "problem_text", "text"]

Lang = Literal["zh", "en"]

LABELS: dict[str, tuple[str, str]] = {
    "project": ("项目", "Project"),
    "file": ("文件", "File"),
    "budget": ("预算数(万元)", "Budget (10k yuan)"),
    "executed": ("执行数(万元)", "Executed (10k yuan)"),
    "rate": ("执行率", "Execution"),
    "claimed": ("自评分", "Claimed"),
    "verified": ("核实分", "Verified"),
    "gap": ("差额", "Gap"),
    "grade": ("等级", "Grade"),
    "status": ("状态", "Status"),
    "findings": ("问题数", "Findings"),
    "summary": ("汇总", "Summary"),
    "projects": ("项目数", "Projects"),
    "by_grade": ("按核实等级", "By verified grade"),
    "money": ("涉及资金(万元)", "Money covered (10k yuan)"),
    "not_rated": ("未能评级", "Could not be rated"),
    "failed": ("无法读取的文件", "Files that could not be loaded"),
    "evidence_share": ("有据权重占比", "Weight resting on evidence"),
    "level1": ("一级指标", "Level 1"),
    "level2": ("二级指标", "Level 2"),
    "indicator": ("三级指标", "Indicator"),
    "target": ("指标值", "Target"),
    "actual": ("完成值", "Actual"),
    "weight": ("分值", "Weight"),
    "reason": ("说明", "Reason"),
    "evidence_class": ("证据", "Evidence"),
    "profile_id": ("评分规则", "Profile"),
    "profile_name": ("名称", "Name"),
    "profile_weights": ("分值分配", "Weights"),
    "profile_source": ("依据", "Source"),
    "budget_row": ("预算执行率", "Budget execution"),
    "profile": ("评分规则", "Profile"),
    "total": ("合计", "Total"),
    "rounding_note": ("注：各项分数四舍五入保留两位小数，合计按未舍入的分数计算，与各项之和可能有尾差。",
                      "Note: scores are rounded to 2 places; the total is summed before rounding "
                      "and may differ from the sum of the rows by 0.01."),
    "severity": ("级别", "Severity"),
    "rule": ("规则", "Rule"),
    "path": ("位置", "Location"),
    "message": ("说明", "Message"),
    "expected": ("应为", "Expected"),
    "found": ("实为", "Found"),
    "form": ("表内", "form"),
    "face": ("按其表述", "face value"),
    "none": ("—", "—"),
    "status.rated": ("已评级", "Rated"),
    "status.not_demonstrated": ("结果未证实", "Results not demonstrated"),
    "status.needs_review": ("待复核", "Needs review"),
    "status_reason.review": ("导入时表格读取不足，需人工复核后再评分",
                             "the form was read too poorly to score: check it by hand first"),
    "status_reason.unread-indicators": ("绩效指标表未能读取，无法评级（不是“无绩效指标”）",
                                        "the indicator table was not read: not rated (not \"no indicators\")"),
    "status_reason.unread": ("部分单元格未能读取，已读部分照常核算，不评级（见“未能核实”）",
                             "some cells were not read: what was read is scored, not graded (see \"not verified\")"),
    # [project] review: the importer's reasons by code (evalengine.review), with their values
    "review.few-cells": ("只读出 {placed}/{seen} 个单元格（低于 {below}%），需人工复核",
                         "only {placed}/{seen} cells placed (below {below}%): read too poorly "
                         "to score, check the form by hand"),
    # the importer's stand-in for a project name the form does not print (evalengine.standin)
    "standin.marker": ("[项目名称未见]", "[project name not read]"),
    "standin.sep": (" ", ", "),
    "standin.form": ("第{index}张表", "form {index}"),
    "not_verified": ("未能核实", "Not verified"),
    "not_read": ("未能读取", "not read"),
    "not_checked": ("未检查", "not checked"),
    "status_reason.no-form": ("无绩效自评表", "no self-assessment form"),
    "status_reason.no-indicators": ("无绩效指标", "no indicators"),
    "status_reason.thin-evidence": ("可核实的指标不足", "too few verifiable indicators"),
    "status_reason.incomplete": ("表格不完整，无法评级", "form incomplete: not rated"),
    "status_reason.no-execution": ("预算数或执行数缺失（或为负数），预算执行率无法核实，无法评级",
                                   "budget or amount spent missing (or negative): execution rate "
                                   "not verifiable, not rated"),
    "status_reason.unscored": ("无分值表式：仅核对执行率与一致性，不评级",
                               "unscored layout: execution rate and consistency only, not rated"),
    "evidence_class.measured": ("实测", "measured"),
    "evidence_class.dated": ("日期", "dated"),
    "evidence_class.described": ("有描述", "described"),
    "evidence_class.bare_claim": ("仅声称", "bare claim"),
    "evidence_class.unverifiable": ("无法比对", "unverifiable"),
    "evidence_class.not_applicable": ("不适用", "not applicable"),
    "evidence_class.missing": ("缺失", "missing"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
}

REASONS: dict[str, tuple[str, str]] = {
    "met": ("达到目标，得满分", "target met: full marks"),
    "shortfall": ("未达目标，按完成值/指标值计分", "target missed: scored actual/target"),
    "cap-exceeded": ("超出上限，按超出程度扣分", "cap exceeded: deducted by the excess"),
    "at-limit": ("恰等于指标值，未满足“高于/低于”的严格要求，按边界比例计分",
                 "equal to a strict (> or <) target, so not met: scored the limit fraction"),
    "ambiguous-fraction": ("百分比指标的完成值为不带单位的小数（如 0.98），是 98% 还是 0.98% 无法确定，无法核实",
                           "a percent target answered by a bare fraction (0.98): 98% or 0.98% cannot be told"),
    "on-time": ("按期完成", "on time"),
    "late": ("逾期完成，按逾期比例计分", "late: scored the late fraction"),
    "claimed-on-time": ("仅以文字声称按期完成，未给出完成时间，不计为证据",
                        "on time claimed in words, no date: not evidence"),
    "not-applicable": ("标为不适用，不计分", "marked not applicable: not scored"),
    "each-unknown-count": ("指标值为“各……”的每项数量，但指标名称未列明共几项，总量无法核实",
                           "the target is per item (各…) but the name does not say how many items"),
    "bare-achieved": ("仅声称已完成（如“完成”“达到要求”），未说明完成了什么，不计为证据",
                      "a bare claim of completion: not evidence"),
    "bare-partial": ("仅声称部分完成，未说明完成了什么，不计为证据", "a bare claim of partial completion: not evidence"),
    "bare-missed": ("仅声称未完成，未说明情况", "a bare statement of non-completion"),
    "rubric-no-evidence": ("按评分标准打分的项目，表中未说明核查所见，无法核实",
                           "a rubric item with nothing on the form to check it against"),
    "rubric-bare": ("按评分标准打分的项目，表中只有“完成”等用语，不计为证据",
                    "a rubric item answered by a bare claim: not evidence"),
    "rubric-described": ("按评分标准打分的项目，表中说明了核查所见", "a rubric item with what was found described"),
    "missing-actual": ("未填完成值，无法核实", "no actual value: cannot be verified"),
    "missing-target": ("未填指标值，无法核实", "no target: cannot be verified"),
    "unit-mismatch": ("完成值与指标值计量单位不一致，无法核实", "actual and target in different units"),
    "word-for-number": ("数值指标仅以文字作答（如“完成”），无法核实", "numeric target answered by a word"),
    "text-for-number": ("数值指标以描述作答，无法核实", "numeric target answered by a description"),
    "no-direction": ("指标性质只写“定量”，未写≥或≤，完成值偏离指标值时无法判断是否达标",
                     "the 指标性质 column says only 定量 (no ≥ or ≤): whether the off-target actual meets it cannot be told"),
    "no-date": ("时效指标未给出完成时间，无法核实", "timeliness target without a date"),
    "unmeasurable-target": ("指标值无法衡量，完成值无从比较", "target cannot be measured"),
    "tier-achieved": ("定性指标：达成年度指标", "qualitative: achieved"),
    "tier-partial": ("定性指标：部分达成", "qualitative: partly achieved"),
    "tier-missed": ("定性指标：未达成", "qualitative: not achieved"),
    "text-unrated": ("定性指标的完成值描述既未表明达成也未表明未达成，无法定档",
                     "qualitative: the actual neither affirms nor denies achievement"),
    "text-repeats-target": ("定性指标的完成值照抄指标值，无法定档",
                            "qualitative: the actual repeats the target"),
}

PROBLEMS: dict[str, tuple[str, str]] = {
    "unknown-key": ("未知的键（此处允许：{detail}）", "unknown key (allowed here: {detail})"),
    "missing-key": ("缺少必填的键", "required key missing"),
    "expected-number": ("应为数字，实为 {detail}", "expected a number, got {detail}"),
    "expected-text": ("应为加引号的文字，实为 {detail}", "expected quoted text, got {detail}"),
    "expected-integer": ("应为整数，实为 {detail}", "expected a whole number, got {detail}"),
    "expected-boolean": ("应为 true 或 false，实为 {detail}", "expected true or false, got {detail}"),
    "expected-texts": ("应为加引号的文字组成的数组，如 [\"a\", \"b\"]，实为 {detail}",
                       "expected an array of quoted texts such as [\"a\", \"b\"], got {detail}"),
    "expected-table": ("应为键值表（[表名] 或 {{ 键 = 值 }}），实为 {detail}",
                       "expected a table ([name] or {{ key = value }}), got {detail}"),
    "review-reason": ("应为复核原因：文字，或 {{ code = \"few-cells\", placed = 整数, seen = 整数, "
                      "below = 百分数 }}，实为 {detail}",
                      "expected a review reason: text, or {{ code = \"few-cells\", placed = N, "
                      "seen = N, below = percent }}, got {detail}"),
    "expected-tables": ("应为表数组 [[custom]]，实为 {detail}",
                        "expected an array of tables [[custom]], got {detail}"),
    "malformed-number": (
        "数字格式不正确：{detail}（只接受阿拉伯数字或全角数字，千位分隔符须每三位一组）",
        "malformed number: {detail} (ASCII or full-width digits; thousands separators only in groups of three)",
    ),
    "not-finite": ("应为有限的数字，实为 {detail}", "expected a finite number, got {detail}"),
    "number-out-of-range": (
        "数值超出合理范围（绝对值须小于 10¹⁵ 且不小于 10⁻¹⁵）：{detail}",
        "number out of range (magnitude must be below 10^15 and, unless 0, at least 10^-15): {detail}",
    ),
    "too-deeply-nested": ("嵌套层数过多，无法读取", "nested too deeply to be read"),
    "wrong-type": ("类型错误，应为 {detail}", "wrong type, expected {detail}"),
    "invalid": ("取值无效：{detail}", "invalid value: {detail}"),
    "not-a-table": ("顶层应为键值表", "expected a table of keys at the top level"),
    "project-and-department": (
        "一个文件只能有 [project] 或 [department] 之一",
        "a file holds either [project] or [department], not both",
    ),
    "not-a-case": ("没有 [project] 或 [department] 表，不是案例文件", "no [project] or [department] table"),
    "unreadable": ("无法读取文件：{detail}", "cannot read the file: {detail}"),
    "not-utf8": ("不是 UTF-8 编码的文本（第 {detail} 个字节无法解码），请另存为 UTF-8",
                 "not UTF-8 text (byte {detail} cannot be decoded): save it as UTF-8"),
    "toml-syntax": ("TOML 语法错误：{detail}", "TOML syntax error: {detail}"),
    "form-unreadable": ("无法作为自评表导入：{detail}", "cannot be imported as a form: {detail}"),
    "no-form-in-file": ("文件（{detail}）中没有找到自评表", "no self-assessment form found in the file ({detail})"),
    "json-syntax": ("JSON 语法错误：{detail}", "JSON syntax error: {detail}"),
    "no-such-path": ("文件或文件夹不存在", "no such file or folder"),
    "not-a-regular-file": ("已跳过：不是普通文件（如管道、设备）", "skipped: not a regular file (a FIFO, a device …)"),
    "broken-link": ("已跳过：符号链接指向不存在的文件（{detail}）", "skipped: broken symbolic link (to {detail})"),
    "unreadable-folder": ("已跳过：无法读取文件夹：{detail}", "skipped: cannot read the folder: {detail}"),
    "link-loop": ("已跳过：符号链接指回其上级文件夹，形成循环", "skipped: symbolic link loops back to a parent folder"),
    "name-not-utf8": (
        "已跳过：文件名不是有效的 UTF-8（无法准确显示），请重命名",
        "skipped: the name is not valid UTF-8 (cannot be shown faithfully): rename it",
    ),
    "too-large": ("已跳过：文件超过大小上限（{detail} 字节；可在配置文件 [limits] 中调整，见 docs/limits.md）",
                  "skipped: the file is over the size limit ({detail} bytes; see [limits] in docs/limits.md)"),
    "line-too-long": ("已跳过：这一行超过 {detail} 字节的上限（[limits] max_line_bytes）",
                      "skipped: the line is over the limit of {detail} bytes ([limits] max_line_bytes)"),
    "duplicate-key": ("同一个键出现了两次（JSON 会只保留最后一个，TOML 不允许）",
                      "the same key is given twice (JSON keeps the last, TOML refuses it)"),
    "lone-surrogate": ("文字中有单独的代理码（\\ud800–\\udfff），不是有效字符",
                       "the text has a lone surrogate escape (\\ud800–\\udfff): not a character"),
    "integer-too-long": ("整数位数过多（{detail}），无法读取；最多 4000 位",
                         "whole number with too many digits ({detail}); at most 4000"),
    "year-out-of-range": ("年度应在 1900 至 2200 之间，实为 {detail}", "year must be within 1900–2200, got {detail}"),
    "over-time-budget": ("评分超过每份文件 {detail} 秒的时间上限，本文件未评分，其余文件照常评分（[limits] case_seconds）",
                         "scoring took longer than the limit of {detail} s per document; this one was not scored, "
                         "the others were ([limits] case_seconds)"),
    "worker-died": ("评分此文件的进程意外退出（{detail}），重试后仍失败，本文件未评分",
                    "the process scoring this document died ({detail}), also when retried; not scored"),
    "internal-error": ("内部错误（请报告此问题），本文件未评分：{detail}",
                       "internal error (please report it); this document was not scored: {detail}"),
    "unread-unknown-field": ("unread 中的键不是该表的字段（此处可用：{detail}）",
                             "an unread key that names no field of this table (allowed here: {detail})"),
    "unread-unknown-reason": ("未能读取的原因不是已知的词：{detail}",
                              "not a known reason for an unread field: {detail}"),
    "unknown-rule": ("没有这条规则：{detail}（见 evalengine rules）", "no such rule: {detail} (see `evalengine rules`)"),
    "unknown-profile": ("未知的评分规则（可用：{detail}）", "unknown scoring profile (available: {detail})"),
}


def pick(pair: tuple[str, str], lang: str) -> str:
    """The run's language's half of a (Chinese, English) pair: English for ``"en"``, else Chinese."""
    return pair[1] if lang == "en" else pair[0]


def text(key: str, lang: Lang = "zh") -> str:
    """The label for ``key``; an unknown key is returned as is (and shows in tests)."""
    if key in LABELS:
        return pick(LABELS[key], lang)
    if key in REASONS:
        return pick(REASONS[key], lang)
    return key


# Where the TOML and JSON parsers say the error is, in their (English) messages
_TOML_AT = re.compile(r"^(?P<what>.*?) \(at line (?P<line>\d+), column (?P<column>\d+)\)$", re.S)
_TOML_END = re.compile(r"^(?P<what>.*?) \(at end of document\)$", re.S)
_JSON_AT = re.compile(r"^(?P<what>.*?): line (?P<line>\d+) column (?P<column>\d+) \(char \d+\)$", re.S)


def _parser_detail_zh(kind: str, detail: str) -> str:
    """A parser's English message in Chinese words: the position, then the parser's own
    text in parentheses (it names the token, which is worth keeping)."""
    for pattern in (_TOML_AT, _JSON_AT) if kind == "toml-syntax" else (_JSON_AT,):
        match = pattern.match(detail)
        if match:
            return f"第 {match['line']} 行第 {match['column']} 列有误（解析器原文：{match['what']}）"
    match = _TOML_END.match(detail) if kind == "toml-syntax" else None
    if match:
        return f"文件末尾有误（解析器原文：{match['what']}）"
    return f"（解析器原文：{detail}）" if detail else ""


_OS_ERROR = re.compile(r"^\[Errno (?P<errno>\d+)\] (?P<what>[^:]*)")
_OS_ERRORS_ZH = {errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限", errno.ENOENT: "文件不存在",
                 errno.EISDIR: "这是一个文件夹", errno.EIO: "读写错误", errno.ENAMETOOLONG: "文件名过长"}


def _os_detail_zh(detail: str) -> str:
    """An OSError's English text led by its Chinese meaning when it is a common one."""
    match = _OS_ERROR.match(detail)
    meaning = _OS_ERRORS_ZH.get(int(match["errno"])) if match else None
    return f"{meaning}（{match['what']}）" if meaning and match else detail


def problem_text(kind: str, detail: str, lang: Lang = "zh") -> str:
    template = PROBLEMS.get(kind)
    if template is None:
        return f"{kind}: {detail}" if detail else kind
    if kind == "integer-too-long":  # "digits" or "line:digits"
        line, _, digits = detail.rpartition(":")
        detail = (f"line {line}, {digits} digits" if line else f"{digits} digits") if lang == "en" \
            else (f"第 {line} 行，{digits} 位" if line else f"{digits} 位")
    if lang != "en" and kind in ("toml-syntax", "json-syntax"):
        detail = _parser_detail_zh(kind, detail)
    elif lang != "en" and kind in ("unreadable", "unreadable-folder"):
        detail = _os_detail_zh(detail)
    return pick(template, lang).format(detail=detail)
