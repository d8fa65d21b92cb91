"""Test-only writers: a case's exported xlsx form written again as .xls, .ods, .docx, .html
and PDF, with the same cells and merged ranges, for the import round trips.

Each writer takes a :class:`Grid` (values and merged ranges read from the workbook that
``export-form`` writes), so every format carries exactly the form ``export`` lays out.
"""

from __future__ import annotations

import html
import io
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import openpyxl

from evalengine.importer.export import form_workbook, template_for, workbook_bytes
from evalengine.model import Case

__all__ = ["Grid", "compound_file", "grid_of", "write_docx", "write_html", "write_ods", "write_pdf", "write_xls",
           "xlsx_bytes"]


@attrs.frozen
class Grid:
    rows: tuple[tuple[Any, ...], ...]  # values (None: blank)
    merges: tuple[tuple[int, int, int, int], ...]  # (first row, first col, last row, last col), 0-based

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def without_vertical_merges(self) -> Grid:
        """The grid as a table without lines prints it: a cell merged down its rows is
        printed on every row (a merge cannot be seen without lines)."""
        rows = [list(r) for r in self.rows]
        merges = []
        for r0, c0, r1, c1 in self.merges:
            if r1 == r0:
                merges.append((r0, c0, r1, c1))
                continue
            for r in range(r0 + 1, r1 + 1):
                rows[r][c0] = rows[r0][c0]
            merges.extend((r, c0, r, c1) for r in range(r0, r1 + 1) if c1 > c0)
        return Grid(tuple(tuple(r) for r in rows), tuple(merges))

    def covered(self) -> dict[tuple[int, int], tuple[int, int, int, int]]:
        """Every cell inside a merged range → its range."""
        out = {}
        for m in self.merges:
            for r in range(m[0], m[2] + 1):
                for c in range(m[1], m[3] + 1):
                    out[(r, c)] = m
        return out


def xlsx_bytes(cases: Sequence[Case]) -> bytes:
    return workbook_bytes(form_workbook([("自评表", [(c, template_for(c)) for c in cases])]))


def grid_of(cases: Sequence[Case]) -> Grid:
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(cases))).active
    rows = tuple(tuple(c.value for c in row) for row in ws.iter_rows())
    merges = tuple((m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                   for m in ws.merged_cells.ranges)
    return Grid(rows, merges)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def write_xls(grid: Grid, path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("自评表")
    covered = grid.covered()
    for m in grid.merges:
        value = grid.rows[m[0]][m[1]]
        sheet.write_merge(m[0], m[2], m[1], m[3], "" if value is None else value)
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            if (r, c) not in covered and value is not None:
                sheet.write(r, c, value)
    book.save(str(path))


def write_ods(grid: Grid, path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="自评表")
    covered = grid.covered()
    for r, row in enumerate(grid.rows):
        tr = TableRow()
        for c in range(grid.width):
            value = row[c] if c < len(row) else None
            m = covered.get((r, c))
            if m is not None and (m[0], m[1]) != (r, c):
                tr.addElement(CoveredTableCell())
                continue
            attrs_: dict[str, Any] = {}
            if m is not None:
                attrs_["numbercolumnsspanned"] = m[3] - m[1] + 1
                attrs_["numberrowsspanned"] = m[2] - m[0] + 1
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=value, **attrs_)
            else:
                cell = TableCell(valuetype="string", **attrs_)
            if value is not None:
                cell.addElement(P(text=_text(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_docx(grid: Grid, path: Path, *, title_as_paragraph: bool = True,
               external_link: str = "") -> None:
    """The first row (the form's title) as a heading paragraph, the rest as one table, and a
    paragraph after it; ``external_link`` adds a hyperlink to that address."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.shared import OxmlElement, qn

    document = docx.Document()
    rows = list(grid.rows)
    merges = list(grid.merges)
    offset = 0
    if title_as_paragraph:
        document.add_paragraph(_text(rows[0][0]))
        rows = rows[1:]
        offset = 1
        merges = [(a - 1, b, c - 1, d) for a, b, c, d in merges if a >= 1]
    table = document.add_table(rows=len(rows), cols=grid.width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = _text(value)
    for a, b, c, d in merges:
        if (a, b) != (c, d):
            table.cell(a, b).merge(table.cell(c, d))
            table.cell(a, b).text = _text(grid.rows[a + offset][b])
    paragraph = document.add_paragraph("以上为项目支出绩效自评表。")
    if external_link:
        rel = document.part.relate_to(external_link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "附件"
        run.append(text)
        link.append(run)
        paragraph._p.append(link)
    document.save(str(path))


def write_html(grid: Grid, *, encoding: str = "utf-8", declare: bool = True) -> bytes:
    covered = grid.covered()
    out = ["<html><head>"]
    if declare:
        out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">')
    out.append("</head><body><h1>")
    out.append(html.escape(_text(grid.rows[0][0])))
    out.append("</h1><p>附件2：项目支出绩效自评表</p><table border=1>")
    for r, row in enumerate(grid.rows[1:], start=1):
        out.append("<tr>")
        for c in range(grid.width):
            m = covered.get((r, c))
            if m is not None and (m[0], m[1]) != (r, c):
                continue
            span = ""
            if m is not None:
                span = f' rowspan="{m[2] - m[0] + 1}" colspan="{m[3] - m[1] + 1}"'
            value = row[c] if c < len(row) else None
            out.append(f"<td{span}>{html.escape(_text(value))}</td>")
        out.append("</tr>\n")
    out.append("</table><p>说明：本表由单位填报。</p></body></html>")
    return "".join(out).encode(encoding)


def write_pdf(grid: Grid, path: Path, *, ruled: bool = True, pagesize: tuple[float, float] | None = None,
              font_size: float = 7, repeat_rows: int = 0) -> None:
    """A PDF with the form as a reportlab table in the CID font STSong-Light (not embedded:
    the text layer maps through the Adobe-GB1 CMap), the title above it as a paragraph.  The
    table fits the page width: long cells wrap onto several lines, and a table longer than
    the page goes on over the next pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    cell_style = ParagraphStyle("c", fontName="STSong-Light", fontSize=font_size,
                                leading=font_size * 1.2, wordWrap="CJK")
    size = pagesize or landscape(A4)
    usable = size[0] - 40
    widths = _column_widths(grid, usable, font_size)
    rows = []
    for row in grid.rows[1:]:
        cells = [_text(v) for v in row] + [""] * (grid.width - len(row))
        rows.append([Paragraph(html.escape(c), cell_style) if c else "" for c in cells])
    merges = [(a - 1, b, c - 1, d) for a, b, c, d in grid.merges if a >= 1]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    for a, b, c, d in merges:
        if (a, b) != (c, d):
            style.append(("SPAN", (b, a), (d, c)))
    table = Table(rows, colWidths=widths, splitInRow=0, repeatRows=repeat_rows)
    table.setStyle(TableStyle(style))
    title = Paragraph(_text(grid.rows[0][0]), ParagraphStyle("t", fontName="STSong-Light",
                                                            fontSize=12, leading=16))
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=20, rightMargin=20,
                            topMargin=20, bottomMargin=20)
    doc.build([title, table])


def _column_widths(grid: Grid, usable: float, font_size: float) -> list[float]:
    """Widths in proportion to each column's longest unmerged text, at least 4 characters."""
    covered = grid.covered()
    longest = [4.0] * grid.width
    for r, row in enumerate(grid.rows):
        for c, value in enumerate(row):
            m = covered.get((r, c))
            if value is None or (m is not None and m[1] != m[3]):
                continue
            longest[c] = max(longest[c], min(len(_text(value)), 40))
    total = sum(longest)
    return [usable * n / total for n in longest]


def text_form(name: str) -> str:
    """A small central-template form as pipe-separated text (a saved web page)."""
    return (
        "项目支出绩效自评表(2022年度) |\n"
        f"项目名称 | {name} |\n"
        "主管部门 | 某县财政局 | 实施单位 | 某县财政局 |\n"
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 购置台数 | ≥10台 | 12台 | 50 | 50 |\n"
        "满意度指标 | 满意度指标 | 使用人员满意度 | ≥90% | 95% | 50 | 48 |\n"
        "总分 | 100 | 98 |\n"
    )


_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(root_stream: str, nested: str = "Data", content: bytes = b"") -> bytes:
    """A minimal OLE2 compound file ([MS-CFB], version 3): a stream ``root_stream`` holding
    ``content`` at the root and a stream ``nested`` inside a storage ``ObjectPool`` (as a
    Word file holds an embedded workbook), each 4096 bytes, padded with zeros."""
    size = 4096  # at the mini-stream cutoff: stored in regular sectors
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("d0cf11e0a1b11ae1"), b"\0" * 16,
                         0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108  # the FAT is sector 0

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int,
              length: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return struct.pack("<64sHBBIII16sIQQIQ", raw, len(raw), kind, 1, left, right, child,
                           b"\0" * 16, 0, 0, 0, start, length)

    directory = (entry("Root Entry", 5, _NOSTREAM, _NOSTREAM, 1, _END, 0)  # sector 1
                 + entry(root_stream, 2, 2, _NOSTREAM, _NOSTREAM, 2, size)
                 + entry("ObjectPool", 1, _NOSTREAM, _NOSTREAM, 3, 0, 0)
                 + entry(nested, 2, _NOSTREAM, _NOSTREAM, _NOSTREAM, 10, size))
    fat = [_FATSECT, _END] + list(range(3, 10)) + [_END] + list(range(11, 18)) + [_END]
    fat += [_FREE] * (128 - len(fat))
    streams = content[:size].ljust(size, b"\0") + b"\0" * size
    return header + struct.pack("<128I", *fat) + directory + streams
