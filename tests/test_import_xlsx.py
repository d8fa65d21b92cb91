"""xlsx forms: workbooks written with openpyxl in the central and the Sichuan template.

``export`` writes a case as a form (with the templates' merged cells); importing it back must
give the same case, for the hand-transcribed cases, for two forms in one sheet and two
sheets in one workbook, and for generated cases.  A workbook laid out by hand, the way the
budget system exports it, checks the reader on its own.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evalengine.importer import import_file
from evalengine.importer.export import form_workbook, template_for, workbook_bytes
from evalengine.importer.xlsx import cell_text
from evalengine.loader import load_paths
from evalengine.model import Case, FundRow, Funds, Goal, Indicator, Narrative, Project

ROOT = Path(__file__).resolve().parent.parent
CASES = [r.document for r in load_paths([ROOT / "cases" / "2021", ROOT / "cases" / "real"])
         if isinstance(r.document, Case)]


def _normal(case: Case) -> Case:
    """What a form carries: not where the case was read from, whether that was cut off, nor
    [[ignore]]; and of the profile only which of the two export templates it was written in
    (a 20/80 or rubric case exported in the central template reads back as central)."""
    profile = "sichuan" if template_for(case) == "sichuan" else "central-2020"
    return attrs.evolve(
        case,
        # layout: which rules/layouts file the importer recognised, metadata of the import
        project=attrs.evolve(case.project, source="", has_form=True, incomplete="", layout="",
                             profile=profile),
        funds=attrs.evolve(case.funds, source=""),
        ignore=(),
    )


def _roundtrip(tmp_path: Path, sheets, name: str = "forms.xlsx"):
    path = tmp_path / name
    path.write_bytes(workbook_bytes(form_workbook(sheets)))
    return import_file(path)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name[:20])
def test_export_then_import_gives_the_case_back(tmp_path, case):
    imported = _roundtrip(tmp_path, [("自评表", [(case, template_for(case))])])
    assert imported.error == ""
    (form,) = imported.forms
    assert _normal(form.case) == _normal(case)


def test_two_forms_in_a_sheet_and_two_sheets(tmp_path):
    central = [c for c in CASES if c.project.profile == "central-2020"][:3]
    sichuan = [c for c in CASES if c.project.profile == "sichuan"][:2]
    sheets = [("表一", [(central[0], "central"), (sichuan[0], "sichuan")]),
              ("表二", [(central[1], "central"), (central[2], "central"), (sichuan[1], "sichuan")])]
    imported = _roundtrip(tmp_path, sheets)
    got = [(f.sheet, f.index, _normal(f.case)) for f in imported.forms]
    assert got == [
        ("表一", 1, _normal(central[0])),
        ("表一", 2, _normal(sichuan[0])),
        ("表二", 1, _normal(central[1])),
        ("表二", 2, _normal(central[2])),
        ("表二", 3, _normal(sichuan[1])),
    ]
    source = imported.forms[3].case.project.source
    assert "forms.xlsx" in source and "表二" in source and "第2张表" in source


def test_exported_form_has_merged_cells(tmp_path):
    case = next(c for c in CASES if c.name == "招商引资经费")
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook_bytes(form_workbook([("S", [(case, "central")])])))
    ws = openpyxl.load_workbook(path).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:I1" in merged  # the title
    level1 = sorted(str(r) for r in ws.merged_cells.ranges
                    if r.min_col == r.max_col == 2 and r.max_row > r.min_row)
    assert level1 == ["B12:B15", "B16:B19"]  # 完成指标 ×4, 效益指标 ×4; 满意度 is one row
    assert ws.cell(row=1, column=1).value == "项目支出绩效自评表"


def _budget_system_workbook(path: Path) -> None:
    """A central-template sheet laid out by hand, merged the way the budget system merges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目1"
    rows = [
        ["项目支出绩效自评表"] + [None] * 8,
        ["（2022年度）"] + [None] * 8,
        ["项目名称", None, "办公设备购置"] + [None] * 6,
        ["主管部门", None, "219-某县财政局", None, None, "实施单位", "某县财政局", None, None],
        ["项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, None, "年度资金总额", 12, 12.5, 12.25, 10, 0.98, 9.8],
        [None, None, "其中：本年财政拨款", 12, 12.5, 12.25, None, None, None],
        [None, None, "上年结转资金", None, None, None, None, None, None],
        ["年度总体目标", None, "预期目标", None, None, "实际完成情况", None, None, None],
        [None, None, "购置办公电脑 20 台", None, None, "已购置 20 台", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "购置台数", "=20台", "20台", 25, 25, None],
        [None, None, None, "验收合格率", "100%", "100%", 25, 25, None],
        [None, None, "时效指标", "完成时间", "2022年6月底前", "2022年5月", 20, 20, None],
        [None, "效益指标", "社会效益指标", "办公效率", "提高", "提高", 20, 18, "培训不足"],
        [None, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%", "95%", 10, 10, None],
        ["总分", None, None, None, None, None, 100, 98.8, None],
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    ws.cell(row=6, column=8).number_format = "0%"
    ws.cell(row=12, column=5).data_type = "s"
    for cells in ("A1:I1", "A2:I2", "A3:B3", "C3:I3", "A4:B4", "C4:E4", "G4:I4", "A5:B8",
                  "A9:B10", "C9:E9", "F9:I9", "C10:E10", "F10:I10", "A11:A16", "B12:B14",
                  "C12:C13", "A17:F17"):
        ws.merge_cells(cells)
    wb.save(path)


def test_a_hand_laid_central_workbook(tmp_path):
    path = tmp_path / "budget-system.xlsx"
    _budget_system_workbook(path)
    (form,) = import_file(path).forms
    case = form.case
    assert case.project == Project(
        name="办公设备购置", department="某县财政局", implementer="某县财政局", year=2022,
        source=case.project.source, layout="central-2020")
    assert case.funds == Funds(
        initial_budget=Decimal(12), budget=Decimal("12.5"), executed=Decimal("12.25"),
        claimed_weight=Decimal(10), claimed_rate=Decimal(98), claimed_score=Decimal("9.8"),
        rows=(FundRow("本年财政拨款", Decimal(12), Decimal("12.5"), Decimal("12.25")),
              FundRow("上年结转资金")),
        source="年度资金总额")
    assert case.goal == Goal("购置办公电脑 20 台", "已购置 20 台")
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score)
            for i in case.indicators] == [
        ("产出指标", "数量指标", "购置台数", "=20台", "20台", 25, 25),
        ("产出指标", "数量指标", "验收合格率", "100%", "100%", 25, 25),
        ("产出指标", "时效指标", "完成时间", "2022年6月底前", "2022年5月", 20, 20),
        ("效益指标", "社会效益指标", "办公效率", "提高", "提高", 20, 18),
        ("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%", "95%", 10, 10),
    ]
    assert case.indicators[3].deviation == "培训不足"
    assert case.narrative.claimed_total == Decimal("98.8")
    assert form.notes == () and form.incomplete == ()
    assert "budget-system.xlsx" in case.project.source and "项目1" in case.project.source


def test_cell_text():
    assert cell_text(None) == ""
    assert cell_text(49.78) == "49.78"
    assert cell_text(12.0) == "12"
    assert cell_text(7) == "7"
    assert cell_text(0.95, "0%") == "95%"
    assert cell_text(Decimal("0.50")) == "0.50"


def test_not_an_xlsx_is_an_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    imported = import_file(path)
    assert imported.error and imported.forms == ()


# ---------------------------------------------------------------------------------------
# Generated cases
# ---------------------------------------------------------------------------------------

_WORDS = st.sampled_from(["完成", "≥95%", "100", "2021年", "质量达标", "50万元", "按期", "合规",
                          "群众满意", "提升", "A级", "5台", "优良中低差", "达到预期"])
_text = st.text(alphabet="甲乙丙丁项目资金完成率，。%0123456789", min_size=1, max_size=12)
_value = st.one_of(_WORDS, _text)
_amount = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False,
                      allow_infinity=False)
_L1 = {"产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
       "效益指标": ["社会效益指标", "经济效益指标", "可持续影响指标"],
       "满意度指标": ["服务对象满意度指标"]}


@st.composite
def _indicator(draw, sichuan: bool) -> Indicator:
    level1 = draw(st.sampled_from(sorted(_L1)))
    return Indicator(
        level1=level1,
        level2=draw(st.sampled_from(_L1[level1])),
        name=draw(_text),
        target=draw(_value),
        actual=draw(st.one_of(st.just(""), _value)),
        operator=draw(st.sampled_from(["=", "≥", "≤", "定性"])) if sichuan else "",
        unit=draw(st.sampled_from(["%", "万元", "台", ""])) if sichuan else "",
        weight=draw(st.one_of(st.none(), _amount)),
        score=draw(st.one_of(st.none(), _amount)),
        deviation=draw(st.one_of(st.just(""), _text)),
    )


@st.composite
def _case(draw, sichuan: bool) -> Case:
    indicators = draw(st.lists(_indicator(sichuan), min_size=1, max_size=6))
    indicators.sort(key=lambda i: list(_L1).index(i.level1))
    rows = draw(st.lists(st.sampled_from(["财政拨款", "上年结转资金", "其他资金", "单位资金"]),
                         max_size=3, unique=True))
    return Case(
        project=Project(
            name=draw(_text), source="x", department=draw(st.one_of(st.just(""), _text)),
            implementer=draw(_text), year=draw(st.one_of(st.none(), st.integers(2015, 2030))),
            profile="sichuan" if sichuan else "central-2020",
            code=draw(st.sampled_from(["", "51092324T000010263357"])) if sichuan else "",
        ),
        funds=Funds(
            budget=draw(st.one_of(st.none(), _amount)),
            executed=draw(st.one_of(st.none(), _amount)),
            initial_budget=draw(st.one_of(st.none(), _amount)),
            claimed_rate=draw(st.one_of(st.none(), _amount)),
            claimed_weight=draw(st.one_of(st.none(), _amount)),
            claimed_score=draw(st.one_of(st.none(), _amount)),
            balance=draw(st.one_of(st.none(), _amount)),
            reason=draw(st.one_of(st.just(""), _text)),
            rows=tuple(FundRow(s, draw(st.one_of(st.none(), _amount))) for s in rows),
        ),
        goal=Goal(draw(st.one_of(st.just(""), _text)), draw(st.one_of(st.just(""), _text))),
        indicators=tuple(indicators),
        narrative=Narrative(
            conclusion=draw(st.one_of(st.just(""), _text)),
            claimed_total=draw(st.one_of(st.none(), _amount)),
        ),
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(central=_case(False), sichuan=_case(True))
def test_generated_cases_roundtrip(tmp_path, central, sichuan):
    imported = _roundtrip(tmp_path, [("A", [(central, "central"), (sichuan, "sichuan")])])
    assert [_normal(f.case) for f in imported.forms] == [_normal(central), _normal(sichuan)]
