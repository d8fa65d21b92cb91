"""Text as it really comes (issue 10 §3): normalisation before recognition, and the
collection's annotation lines changing nothing."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from evalengine.importer import import_text
from evalengine.importer.normalise import load_normalisation, normalise_cell, normalise_text

CORPUS = Path(__file__).parent / "corpus" / "forms"  # the real forms, annotation lines kept
_ANNOTATION = re.compile(r"^(?:SOURCE:|LAYOUT:|TRUNCATED)")


def _forms() -> list[Path]:
    return sorted(CORPUS.glob("[0-9]*.txt"))


def _strip(text: str) -> str:
    lines = text.split("\n")
    head = 0
    while head < min(4, len(lines)) and _ANNOTATION.match(lines[head].strip()):
        head += 1
    return "\n".join(lines[head:])


def _without_source(case):  # type: ignore[no-untyped-def]
    return attrs.evolve(case, project=attrs.evolve(case.project, source=""))


@pytest.mark.parametrize("path", _forms(), ids=lambda p: p.name)
def test_annotation_lines_change_nothing(path):
    text = path.read_text(encoding="utf-8")
    with_lines = import_text(text.encode(), shown=path.name, stem=path.stem)
    without = import_text(_strip(text).encode(), shown=path.name, stem=path.stem)
    assert [_without_source(f.case) for f in with_lines.forms] == [
        _without_source(f.case) for f in without.forms]
    assert [f.notes for f in with_lines.forms] == [f.notes for f in without.forms]


def test_traditional_characters_and_pinyin_glosses_are_normalised():
    out = normalise_cell("項(xiàng)目績效自評表 預算執(zhí)行情況")
    assert out.text == "项目绩效自评表 预算执行情况"
    assert set(out.changes) == {"traditional", "pinyin"}
    assert out.original == "項(xiàng)目績效自評表 預算執(zhí)行情況"
    # a Latin parenthesis without tone marks is not a gloss
    assert normalise_cell("道路里程(km)").text == "道路里程(km)"


@pytest.mark.parametrize(("raw", "clean"), [
    ("满意度调查290%", "满意度调查≥90%"),   # 2 for ≥ before a rate target
    ("结余率W5%", "结余率≤5%"),             # W for ≤
    ("完成率1O0%", "完成率100%"),           # O for 0 inside a number
    ("培训次数IO次", "培训次数10次"),         # IO for 10
    ("指标值≧95%", "指标值≥95%"),
    ("增长290%", "增长290%"),               # no rate or satisfaction word before it
    ("Windows 10", "Windows 10"),
    ("主管部n某市林业局", "主管部门某市林业局"),   # n for 门 after 部
    ("项Fl资金(万兀)", "项目资金(万元)"),       # Fl for 目, 兀 for 元
    ("顼目产出", "项目产出"),
    ("实施第位某中学", "实施单位某中学"),       # 第 needs a number before 位
    ("年初预匏数", "年初预算数"),
    ("第1位 第一位", "第1位 第一位"),
    ("部n", "部n"),
    ("&gt;90% &amp; 达标", ">90% & 达标"),
])
def test_ocr_confusions_in_number_context(raw, clean):
    assert normalise_cell(raw).text == clean


def test_page_chunks_are_joined_and_boilerplate_dropped():
    body = "项目名称测试项目主管部门某局" * 10
    text = ("资源ID:123\n下载积分:15金币\n1、" + body + "完成率10\n2、0%100%10满意度\n"
            "1、这不是分页\n")
    out = normalise_text(text)
    assert out.text.startswith(body + "完成率100%100%10满意度")
    assert "下载积分" not in out.text
    assert {"boilerplate", "pages"} <= set(out.changes)


def test_the_vocabulary_is_data():
    rules = load_normalisation()
    assert rules.opencc == "t2s" and rules.boilerplate and rules.ocr


def test_a_workbook_in_traditional_characters_is_read(tmp_path):
    import openpyxl

    from evalengine.importer import import_file

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["項目支出績效自評表"], ["項目名稱", "辦公設備購置"], ["主管部門", "某縣財政局"],
                ["一級指標", "二級指標", "三級指標", "年度指標值", "實際完成值", "分值", "得分"],
                ["產出指標", "數量指標", "購置台數", "≥10臺", "12臺", "50", "50"],
                ["總分", "", "", "", "", "100", "98"]):
        ws.append(row)
    path = tmp_path / "form.xlsx"
    wb.save(path)
    [form] = import_file(path).forms
    assert form.case.project.name == "办公设备购置"
    assert [(i.level1, i.name) for i in form.case.indicators] == [("产出指标", "购置台数")]
    assert any(n.kind == "normalised" for n in import_file(path).notes)


def test_a_department_form_is_named_after_the_department_in_its_title():
    from evalengine.importer.recognise import _title_name

    assert _title_name("重庆市某区林业局2023年度部门整体绩效自评表") == "重庆市某区林业局"
    # a bare 部门整体 title names nothing
    assert _title_name("2023年度部门整体绩效自评表") == ""
