"""The Word report and the workbooks as an office suite opens and prints them: converted to
PDF by LibreOffice (headless), which must succeed, on A4, in few pages.  Skipped without
LibreOffice (.ci/run installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from evalengine.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases" / "2021"
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(OFFICE is None or not shutil.which("pdfinfo"),
                                reason="LibreOffice or pdfinfo is not installed (.ci/run installs them)")


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, tuple[int, tuple[int, int], str]]:
    """format → (pages, page size in points, text) of the PDF LibreOffice prints."""
    folder = tmp_path_factory.mktemp("office")
    files = []
    for fmt, name in (("docx", "word.docx"), ("xlsx", "book.xlsx"), ("scoresheet", "sheets.xlsx")):
        main(["score", str(CASES), "--format", fmt, "-o", str(folder / name), "--no-progress"])
        files.append(name)
    subprocess.run([OFFICE, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *files],
                   cwd=folder, capture_output=True, timeout=240, check=True)
    result = {}
    for fmt, name in zip(("docx", "xlsx", "scoresheet"), files):
        pdf = folder / "pdf" / (Path(name).stem + ".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        result[fmt] = (int(re.search(r"Pages:\s+(\d+)", info)[1]),
                       (round(float(size[1])), round(float(size[2]))), text)
    return result


def test_the_word_report_opens_and_prints_on_a4(printed):
    pages, size, text = printed["docx"]
    assert size == (595, 842)
    assert 5 <= pages <= 30
    flat = re.sub(r"\s+", "", text)
    for heading in ("一、基本情况", "二、评分结果", "三、发现的主要问题", "四、意见和建议", "附件1："):
        assert heading in flat
    assert "—2—" in flat and f"—{pages}—" in flat  # the PAGE field is filled in, page by page


def test_the_xlsx_report_prints_on_a_handful_of_landscape_pages(printed):
    pages, size, text = printed["xlsx"]
    assert size == (842, 595) and pages <= 8  # eight projects: 27 pages before the print setup
    assert "招商引资经费" in text


def test_the_score_sheets_print_one_landscape_page_or_so_per_project(printed):
    pages, size, text = printed["scoresheet"]
    assert size == (842, 595) and pages <= 2 * 9
    assert "扣分原因" in text and "核实分" in text
