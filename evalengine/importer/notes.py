"""What the importer reports: notes as data, and their words in Chinese and English."""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = ["Note", "note_text"]

Lang = Literal["zh", "en"]


@attrs.frozen
class Note:
    """One thing the reader of an imported case must know.

    ``kind`` is a stable slug (see :data:`MESSAGES`); ``text`` is the cell text concerned,
    verbatim; ``where`` a position (``"第3行"`` / ``"row 3"`` is rendered from ``row``);
    ``detail`` is extra data for the message (candidate columns, a count, a reason).
    """

    kind: str
    text: str = ""
    row: int | None = None  # 1-based row of the sheet, where rows are known
    detail: str = ""


MESSAGES: dict[str, tuple[str, str]] = {
    "unplaced": ("未能归位的单元格：{text}", "cell not placed: {text}"),
    "ambiguous": (
        "无法确定所属列（可能是 {detail}），未写入：{text}",
        "column cannot be told (could be {detail}); not written: {text}",
    ),
    "cut": ("文本在此单元格中断，已舍弃：{text}", "the text breaks off inside this cell; dropped: {text}"),
    "cut-row": (
        "文本在该指标行中断，只写入了可见的单元格：{text}",
        "the text breaks off inside this indicator row; only its visible cells are written: {text}",
    ),
    "placeholder": ("已略去模板占位行（指标N、……）{detail} 行", "dropped {detail} template filler rows (指标N, ……)"),
    "points-only": (
        "一级指标名称未印出（只有“{text}”），level1 留空",
        "the 一级指标 label is not printed (only “{text}”); level1 left empty",
    ),
    "no-header": (
        "看不到指标表的表头，按 {detail} 的列序读取",
        "the indicator table has no visible header; columns read as {detail}",
    ),
    "short-row": (
        "指标行的单元格少于表头的列，按顺序写入：{text}",
        "indicator row has fewer cells than the header has columns; written in order: {text}",
    ),
    "goal-unplaced": (
        "年度总体目标的单元格数与标题不符，未写入：{text}",
        "the 年度总体目标 cells do not match their labels; not written: {text}",
    ),
    "total-ambiguous": (
        "合计行只有一个数 {text}，无法判断是分值合计还是得分合计，未写入",
        "the total row has one number {text}: weight total or score total cannot be told; not written",
    ),
    "not-number": ("应为数字的单元格不是数字，未写入：{text}", "expected a number, not written: {text}"),
    "continued": (
        "该行跨页，续在上一行：{text}",
        "row continued over a page break, joined to the row above: {text}",
    ),
    "prose": ("没有指标表：{detail} 项指标取自文字叙述（目标值…实际完成值…）",
              "no indicator table: {detail} indicators read from sentences (目标值 … 完成值 …)"),
    "fuzzy-label": ("表头单元格“{text}”按字形读作“{detail}”", "header cell “{text}” read as “{detail}” (same characters)"),
    "layout-tie": ("版式无法唯一确定（{detail} 同样吻合），按第一个读取",
                   "the layout cannot be told ({detail} fit equally); read as the first"),
    "profile-fallback": (
        "版式 {detail} 的评分方案 {text} 尚未提供，暂按 central-2020 计分",
        "layout {detail} names scoring profile {text}, which is not available; scored as central-2020",
    ),
    "incomplete": ("表格不完整：{detail}", "incomplete form: {detail}"),
    "outside": (
        "{detail} 个单元格不属于任何自评表，已跳过",
        "{detail} cells outside any self-assessment form were skipped",
    ),
    "no-form": ("文件中没有找到自评表", "no self-assessment form found in the file"),
    "encoding": ("文本编码：{detail}", "text encoding: {detail}"),
    "normalised": ("识别前已规范文本：{detail}", "text normalised before recognition: {detail}"),
}

INCOMPLETE_REASONS: dict[str, tuple[str, str]] = {
    "truncated": ("原文在此表中截断（文末没有合计、结论等收尾行）",
                  "the input is cut off inside this form (it ends with no total or closing row)"),
    "headless": ("表头之前的部分不在原文中（只见表尾）", "the form's beginning is not in the input (tail only)"),
    "no-satisfaction": (
        "表格在满意度指标之前中断",
        "the form breaks off before its 满意度 rows",
    ),
    "no-table": ("没有绩效指标表", "no indicator table"),
}


NORMALISED: dict[str, tuple[str, str]] = {
    "traditional": ("繁体字转为简体（原文保留在报告中）", "Traditional characters converted to Simplified"),
    "pinyin": ("删除夹注拼音", "inline pinyin glosses removed"),
    "html": ("HTML 实体还原", "HTML entities decoded"),
    "boilerplate": ("删除网页附加文字", "web-page boilerplate lines removed"),
    "pages": ("合并分页片段", "numbered page chunks joined"),
    "ocr": ("修正数字/符号的 OCR 误识（≥ ≤ 0 10）", "OCR confusions in numbers and operators fixed"),
}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def note_text(note: Note, lang: Lang = "zh") -> str:
    template = MESSAGES.get(note.kind)
    detail = note.detail
    if note.kind == "incomplete":
        detail = "；".join(
            _pick(INCOMPLETE_REASONS[r], lang) if r in INCOMPLETE_REASONS else r
            for r in note.detail.split(",")
            if r
        ) if lang == "zh" else "; ".join(
            _pick(INCOMPLETE_REASONS[r], lang) if r in INCOMPLETE_REASONS else r
            for r in note.detail.split(",")
            if r
        )
    if note.kind == "normalised":
        detail = ("、" if lang == "zh" else ", ").join(
            _pick(NORMALISED[c], lang) if c in NORMALISED else c for c in detail.split(",") if c)
    text = note.text
    body = _pick(template, lang).format(text=text, detail=detail) if template else (
        f"{note.kind}: {text} {detail}".strip()
    )
    if note.row is not None:
        where = f"第{note.row}行" if lang == "zh" else f"row {note.row}"
        body = f"{where}: {body}" if lang == "en" else f"{where}：{body}"
    return body
