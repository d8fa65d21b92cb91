"""What the importer reports: notes as data, and their words in Chinese and English."""

from __future__ import annotations

import attrs

from ..i18n import Lang, pick

__all__ = ["Note", "note_text"]


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
    "operator-unread": (
        "比较符号（指标性质或指标值开头）无法识别，{detail} 未写入：{text}",
        "the comparison (指标性质, or the target's start) cannot be read; {detail} not written: "
        "{text}",
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
    "header-order": (
        "指标表表头的列序与各行不符（表头错乱），按版式的列序 {detail} 读取",
        "the indicator header's column order fits no row (scrambled); columns read as the "
        "layout's, {detail}",
    ),
    "column-major": (
        "指标表按列依次印出（每列 {detail} 个单元格），已按行对齐读取",
        "the indicator table was printed column by column ({detail} cells a column); read "
        "back into rows",
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
    # -- what the readers found (branch readers) ------------------------------------------
    "hidden-sheet": ("工作表“{text}”是隐藏的（{detail}），已照常读取",
                     "sheet “{text}” is hidden ({detail}); read as usual"),
    "hidden-rows": ("工作表“{text}”的第 {detail} 行是隐藏的，已照常读取",
                    "rows {detail} of sheet “{text}” are hidden; read as usual"),
    "hidden-columns": ("工作表“{text}”的 {detail} 列是隐藏的，已照常读取",
                       "columns {detail} of sheet “{text}” are hidden; read as usual"),
    "formula-no-value": ("单元格 {text} 是公式 {detail}，文件中没有计算结果（公式不会被执行），按空白读取",
                         "cell {text} holds the formula {detail} with no saved result (formulas are "
                         "never executed): read as blank"),
    "formula-no-value-more": ("工作表“{text}”另有 {detail} 个公式单元格没有计算结果，按空白读取",
                              "{detail} more formula cells in sheet “{text}” have no saved result: read as blank"),
    "cells-not-read": ("工作表“{text}”超出行列上限的单元格未读取：{detail}",
                       "cells of sheet “{text}” past the row/column limit were not read: {detail}"),
    "invalid-bytes": ("有无法按 {encoding} 解码的字节（第 {offset} 个字节起，共 {count} 处），已替换为 �",
                      "bytes that are not valid {encoding} (from byte {offset}, {count} place(s)) were replaced by �"),
    "unknown-charset": ("网页声明的编码 {text} 无法识别，已按 UTF-8/GB18030 读取",
                        "the page declares an unknown encoding {text}; read as UTF-8/GB18030"),
    "charset-mismatch": ("网页声明的编码 {text} 与内容不符（第 {detail} 个字节），已改用其他编码",
                         "the page is not in its declared encoding {text} (byte {detail}); another was used"),
    "external-link": ("文档引用了 {detail} 个外部资源（{text}），未访问",
                      "the document refers to {detail} outside resource(s) ({text}); not fetched"),
    "converted": ("已用 {detail} 转换为 .docx 后读取", "converted to .docx with {detail}, then read"),
    "unreadable-glyphs": ("第 {page} 页有 {count} 个字符无法识别（字体缺少 ToUnicode 映射），这些文字未导入",
                          "page {page}: {count} glyph(s) cannot be read (the font has no ToUnicode map); that text is not imported"),
    "scanned-page": ("第 {detail} 页是扫描图像，没有文字层，未导入：请索取可复制文字的 PDF 或原始 Excel/Word 文件，或安装 OCR（pip install 'evalengine[ocr]'）",
                     "page {detail} is a scanned image with no text layer, not imported: ask for a PDF with "
                     "text or the original Excel/Word file, or install OCR (pip install 'evalengine[ocr]')"),
    "ocr-page": ("第 {detail} 页是扫描图像，文字由 OCR 识别，请对照原件核对",
                 "page {detail} is a scanned image: its text was read by OCR; check it against the original"),
    "ocr-nothing": ("第 {detail} 页是扫描图像，OCR 没有识别出文字", "page {detail} is a scanned image in which OCR found no text"),
    "header-repeated": ("第 {detail} 页重复的表头已略去，表格与上一页接续",
                        "the header row repeated on page {detail} was dropped; the table continues the previous page's"),
    "pages-not-read": ("页数超出上限，第 {detail} 页起未读取", "past the page limit: pages from {detail} not read"),
    # -- why a file was not read -------------------------------------------------------------
    "refused": ("这是一个{name}，不是自评表{advice}", "this is a {name}, not a self-assessment form{advice}"),
    "no-such-file": ("文件不存在", "no such file"),
    "broken-link": ("链接指向的文件不存在：{detail}", "broken link to {detail}"),
    "os-error": ("无法读取：{detail}", "cannot read: {detail}"),
    "not-regular": ("不是普通文件（{detail}），未读取", "not a regular file ({detail}); not read"),
    "too-large": ("文件过大（{size} MB，上限 {limit} MB；可用 --max-file-mb 调整）",
                  "file too large ({size} MB, limit {limit} MB; see --max-file-mb)"),
    "unpacked-too-large": ("解压后超过 {detail} MB 上限，未读取（可能是压缩炸弹）",
                           "unpacks past the {detail} MB limit; not read (possibly a zip bomb)"),
    "zip-bomb": ("压缩包成员 {text} 的压缩比 {detail}:1 异常，未读取（可能是压缩炸弹）",
                 "package member {text} has a compression ratio of {detail}:1; not read (possibly a zip bomb)"),
    "too-many-cells": ("工作表“{text}”的单元格数超出上限（{detail}），未读取此文件",
                       "sheet “{text}” has more cells than the limit ({detail}); the file was not read"),
    "merge-too-large": ("工作表“{text}”的合并单元格超出上限（{detail}），未读取此文件",
                        "merged cells of sheet “{text}” exceed the limit ({detail}); the file was not read"),
    "bad-merge": ("工作表“{text}”的合并区域 {detail} 无效，未读取此文件",
                  "sheet “{text}” has an invalid merged range {detail}; the file was not read"),
    "too-many-elements": ("文档的元素（段落、单元格、标记）超过 {detail} 个上限，未读取此文件",
                          "the document holds more than {detail} elements (paragraphs, cells, tags); "
                          "the file was not read"),
    "sheet-too-large": ("表格超出行列上限（{detail}），未读取此文件",
                        "the table exceeds the row/column limit ({detail}); the file was not read"),
    "too-much-memory": ("读取此文件需要超过 {detail} MB 内存（可能是压缩炸弹：内容解压后过大），未读取",
                        "reading this file needs more than {detail} MB of memory (possibly a "
                        "compression bomb: content that unpacks too large); not read"),
    "too-slow": ("读取此文件超过 {detail} 秒 CPU 时间上限，未读取", "reading this file took more than "
                 "{detail} s of CPU time, the limit; not read"),
    "too-many-rules": ("PDF 第 {text} 页的表格线超过 {detail} 条上限，未读取此文件",
                       "page {text} of the PDF holds more than {detail} ruled lines, the limit; "
                       "the file was not read"),
    "damaged": ("文件已损坏或格式不完整：{detail}", "the file is damaged or incomplete: {detail}"),
    "encrypted": ("文件已加密（需要密码），无法读取：请去掉密码后另存", "the file is encrypted (password needed): remove the password and save it again"),
    "missing-library": ("缺少读取此格式所需的软件包 {detail}（pip install {detail}）",
                        "the package {detail} needed for this format is missing (pip install {detail})"),
    "doc-needs-soffice": (
        "这是旧版 Word（.doc）文件：需要 LibreOffice 才能读取。请安装 LibreOffice 后重试，或先运行 "
        "soffice --headless --convert-to docx \"{text}\" 再导入生成的 .docx",
        "this is a legacy Word (.doc) file: reading it needs LibreOffice. Install it and retry, or run "
        "soffice --headless --convert-to docx \"{text}\" and import the .docx it writes"),
    "convert-failed": ("LibreOffice 转换失败：{detail}", "LibreOffice could not convert it: {detail}"),
    "no-html-part": ("网页存档中没有 HTML 部分", "the web archive holds no HTML part"),
    "no-text-layer": ("PDF 的每一页都是扫描图像（第 {detail} 页），没有文字层：请索取可复制文字的 PDF 或原始 Excel/Word 文件，或安装 OCR（pip install 'evalengine[ocr]'）",
                      "every page of the PDF is a scanned image (pages {detail}) with no text layer: ask for a PDF with text or the original Excel/Word file, or install OCR (pip install 'evalengine[ocr]')"),
    "empty": ("文件中没有文字", "the file holds no text"),
    "wrong-content": ("文件名是 {text}，内容却不是这种格式（文件可能已损坏或只下载了一部分）",
                      "named {text}, but the content is not that format (damaged or partly downloaded?)"),
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
    "gap": ("原文在此表中有跳漏（一个行标签断在半截，后接表格较后的部分）",
            "the input skips part of this form (a row label breaks off into a later part)"),
}


NORMALISED: dict[str, tuple[str, str]] = {
    "traditional": ("繁体字转为简体", "Traditional characters converted to Simplified"),
    "pinyin": ("删除夹注拼音", "inline pinyin glosses removed"),
    "html": ("HTML 实体还原", "HTML entities decoded"),
    "boilerplate": ("删除网页附加文字", "web-page boilerplate lines removed"),
    "pages": ("合并分页片段", "numbered page chunks joined"),
    "page-footers": ("删除页码/页脚行，跨页断开的表格行已接续", "page footers removed, table rows cut by a page joined"),
    "wrapped-cells": ("表格单元格跨行的文字已接续", "table cells wrapped over two lines joined"),
    "ocr": ("修正数字/符号的 OCR 误识（≥ ≤ 0 10）", "OCR confusions in numbers and operators fixed"),
    "ocr-confusions": ("文字有 OCR 误识：以 2 开头的指标值可能是 ≥，无法判断的未写入",
                       "the text shows OCR confusions: a target starting with 2 may be ≥; "
                       "those that cannot be told are not written"),
}


def _params(note: Note, lang: Lang) -> dict[str, str]:
    """Named parts of ``detail`` for the messages that need several."""
    parts = note.detail.split(",")
    if note.kind == "invalid-bytes" and len(parts) == 3:
        return {"offset": parts[0], "count": parts[1], "encoding": parts[2]}
    if note.kind == "unreadable-glyphs" and len(parts) == 2:
        return {"page": parts[0], "count": parts[1]}
    if note.kind == "too-large":
        size, _, limit = note.detail.partition("/")
        return {"size": size, "limit": limit}
    if note.kind == "refused":  # text: the Chinese name; detail: English name, advice zh, en
        en, zh_advice, en_advice = (note.detail.split("\x1f") + ["", "", ""])[:3]
        advice = pick((zh_advice, en_advice), lang)
        name = en if lang == "en" and en else note.text
        if lang != "en" and name[:1].isascii():
            name = " " + name  # 这是一个 ZIP 压缩包
        return {"name": name,
                "advice": pick(("：", "; "), lang) + advice if advice else ""}
    return {}


def note_text(note: Note, lang: Lang = "zh") -> str:
    template = MESSAGES.get(note.kind)
    detail = note.detail
    if note.kind == "incomplete":
        detail = "；".join(
            pick(INCOMPLETE_REASONS[r], lang) if r in INCOMPLETE_REASONS else r
            for r in note.detail.split(",")
            if r
        ) if lang == "zh" else "; ".join(
            pick(INCOMPLETE_REASONS[r], lang) if r in INCOMPLETE_REASONS else r
            for r in note.detail.split(",")
            if r
        )
    if note.kind == "normalised":
        detail = ("、" if lang == "zh" else ", ").join(
            pick(NORMALISED[c], lang) if c in NORMALISED else c for c in detail.split(",") if c)
    text = note.text
    params = _params(note, lang)
    body = pick(template, lang).format(text=text, detail=detail, **params) if template else (
        f"{note.kind}: {text} {detail}".strip()
    )
    if note.row is not None:
        where = pick((f"第{note.row}行", f"row {note.row}"), lang)
        body = pick((f"{where}：{body}", f"{where}: {body}"), lang)
    return body
