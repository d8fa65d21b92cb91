"""Importing forms flattened to text: the seed's four 自评表 and the real published forms.

Inputs are copies in ``tests/fixtures/import/inputs/`` (``seed.txt`` is
shared/seed/000_c70018bc0e5f2afe.txt, the others shared/real-forms/*.txt).  The seed's forms
must give the indicators and funds of ``cases/2021`` (transcribed by hand); the real forms
must give those of ``tests/fixtures/import/expected/`` (``cases/real`` transcribed by hand,
with the two documented differences in 06 and 30).  Forms that cannot be imported faithfully
(05, 19, 20, 21) are checked for what the importer says about them instead.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from evalengine.importer import import_file, import_text
from evalengine.importer.sheets import decode
from evalengine.loader import load_paths
from evalengine.model import Case

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "fixtures" / "import" / "inputs"
EXPECTED = ROOT / "tests" / "fixtures" / "import" / "expected"


def _load(path: Path) -> Case:
    (result,) = load_paths([path])
    assert isinstance(result.document, Case), result
    return result.document


def _funds(case: Case):
    """Funds as the form states them (``source`` and ``note`` of cases/2021 come from prose)."""
    return attrs.evolve(case.funds, source="", note="")


# ---------------------------------------------------------------------------------------
# The seed
# ---------------------------------------------------------------------------------------

SEED_CASES = ["01-zhaoshang-yinzi", "02-anquan-weiwen", "03-dianzi-zhengwu", "07-shizhi-bianji"]


@pytest.fixture(scope="module")
def seed():
    return import_file(INPUTS / "seed.txt")


def test_the_seed_holds_four_forms(seed):
    assert seed.error == ""
    assert seed.encoding == "utf-8"
    assert [f.case.name for f in seed.forms] == [
        "招商引资经费",
        "安全维稳专项经费",
        "电子政务外网光纤租用费、协同办公平台运维费",
        "史志编辑出版印刷经费",
    ]


@pytest.mark.parametrize("index, stem", list(enumerate(SEED_CASES)))
def test_seed_form_gives_the_hand_transcribed_case(seed, index, stem):
    expected = _load(ROOT / "cases" / "2021" / f"{stem}.toml")
    got = seed.forms[index].case
    rows = [(i.level1, i.level2, i.name, i.target, i.actual) for i in got.indicators]
    assert rows == [(i.level1, i.level2, i.name, i.target, i.actual) for i in expected.indicators]
    assert got.indicators == expected.indicators
    assert _funds(got) == _funds(expected)
    assert got.project.department == expected.project.department
    assert got.project.implementer == expected.project.implementer
    assert got.project.year == expected.project.year == 2021
    assert got.goal.actual == expected.goal.actual
    assert not seed.forms[index].incomplete


def test_seed_rows_over_page_breaks_are_joined_and_reported(seed):
    first, fourth = seed.forms[0], seed.forms[3]
    assert [n.kind for n in first.notes] == ["continued"]
    assert [n.kind for n in fourth.notes] == ["continued"]
    assert fourth.case.indicators[2].target.endswith("完成出版印刷")


def test_seed_source_names_file_and_form(seed):
    source = seed.forms[2].case.project.source
    assert "seed.txt" in source and "第3张表" in source


# ---------------------------------------------------------------------------------------
# Real published forms
# ---------------------------------------------------------------------------------------

# expected fixture → (input file, form index in it)
REAL = {
    "01": ("01.txt", 0),
    "02": ("02.txt", 0),
    "03": ("03.txt", 0),
    "04a": ("04.txt", 0),
    "04b": ("04.txt", 1),
    "06": ("06.txt", 0),
    "08": ("08.txt", 0),
    "30": ("30.txt", 0),
    "34": ("34.txt", 0),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_form_indicators_and_funds(name):
    file, index = REAL[name]
    imported = import_file(INPUTS / file)
    expected = _load(EXPECTED / f"{name}.toml")
    got = imported.forms[index].case
    keys = ("level1", "level2", "name", "target", "actual", "operator", "unit", "weight",
            "score", "deviation")
    assert [tuple(getattr(i, k) for k in keys) for i in got.indicators] == [
        tuple(getattr(i, k) for k in keys) for i in expected.indicators
    ]
    assert attrs.evolve(got.funds, source="") == attrs.evolve(expected.funds, source="")


def test_eight_real_files_import_fully():
    assert len({file for file, _ in REAL.values()}) >= 8


@pytest.mark.parametrize("file, truncated", [("01.txt", True), ("02.txt", True),
                                             ("03.txt", False), ("08.txt", True)])
def test_source_says_when_a_form_is_incomplete(file, truncated):
    form = import_file(INPUTS / file).forms[0]
    source = form.case.project.source
    assert "SOURCE: http" in source
    assert ("不完整" in source and "truncated" in source) is truncated
    assert bool(form.incomplete) is truncated
    # the case itself says so, and is therefore not graded (scoring: status_reason "incomplete")
    assert bool(form.case.project.incomplete) is truncated
    if truncated:
        assert "截断" in form.case.project.incomplete


def test_header_fields_of_a_real_form():
    case = import_file(INPUTS / "03.txt").forms[0].case
    assert case.project.name == "工资性支出"
    assert case.project.code == "51000021R000000019951"
    assert case.project.profile == "sichuan"
    assert case.project.year == 2023
    assert case.narrative.conclusion.startswith("结合自评情况")
    assert case.goal.expected.startswith("严格执行相关政策")


def test_cut_off_cells_are_dropped_and_reported():
    form = import_file(INPUTS / "01.txt").forms[0]
    assert any(n.kind == "cut" and n.text == "公众满" for n in form.notes)
    assert "公众满" not in {i.name for i in form.case.indicators}


def test_lost_level1_label_is_reported_not_guessed():
    form = import_file(INPUTS / "30.txt").forms[0]
    assert {i.level1 for i in form.case.indicators} == {""}
    assert [n.text for n in form.notes if n.kind == "points-only"] == ["(50分)", "(30分)"]


def test_ambiguous_cells_of_compacted_rows_are_reported_not_guessed():
    """20.txt drops blank cells: "… | % | 5 |" — is 5 the 完成值, the 权重 or the 得分?  The
    合计 row's one figure (100) is the 权重 total (a 得分 total needs the 权重 it is scored
    against), so the 权重 column is filled and each row's one figure is its 权重.  Without the
    合计 row nothing says which: the figure stays unread."""
    form = import_file(INPUTS / "20.txt").forms[0]
    assert [i.weight for i in form.case.indicators] == [5, 5, 5, 15, 5, 10, 10]
    assert all(i.score is None and i.actual == "" for i in form.case.indicators)
    assert [i.unit for i in form.case.indicators] == ["%", "元", "元/人", "%", "%", "", "%"]
    assert not any(n.kind in ("ambiguous", "total-ambiguous") for n in form.notes)

    text = (INPUTS / "20.txt").read_text(encoding="utf-8")
    cut = import_text(text.replace("合计 | 100 |", "").encode()).forms[0]
    assert all(i.weight is None and i.score is None for i in cut.case.indicators)
    ambiguous = [n for n in cut.notes if n.kind == "ambiguous"]
    assert [n.text for n in ambiguous] == ["5", "5", "5", "15", "5", "10", "10"]
    assert {"完成值", "得分"} <= set(ambiguous[0].detail.split("/"))


def test_the_glued_tail_of_a_form_gives_its_rows_and_its_weights_by_the_total():
    """05.txt is the tail of a form, glued, with no header: its 一级/二级 labels and names
    are read, its closing rows (评价结论, 财务负责人) name the Sichuan layout, whose columns
    split 指标性质/指标值/度量单位; each row's one figure is its 权重 because the 合计 row's one
    figure is the 权重 total (the figures were unread before; "no form" before that)."""
    [form] = import_file(INPUTS / "05.txt").forms
    inds = form.case.indicators
    assert [(i.level1, i.level2, i.name) for i in inds][:2] == [
        ("产出指标", "数量指标", "足额保障率"), ("产出指标", "数量指标", "科目调整次数")]
    assert [(i.operator, i.target, i.unit, i.weight) for i in inds][:2] == [
        ("=", "100", "%", 22.5), ("≤", "10", "次", 22.5)]
    assert all(i.score is None and not i.unread for i in inds)
    assert any(n.kind == "no-header" for n in form.notes)


def test_glued_text_is_cut_at_its_labels_and_its_funds_decoded():
    """19.txt has no cell boundaries at all: the labels cut it into cells again, and the
    glued 年度财政资金总额 figures are decoded (this test said "no form" before)."""
    [form] = import_file(INPUTS / "19.txt").forms
    assert form.case.project.name == "东津院区建设补助"
    assert form.case.project.year == 2021
    assert form.layout == "hubei-20-80"


def test_scrambled_text_is_reported_cell_by_cell():
    """21.txt: its 决策/管理 rubric rows are read (name, 分值, 自评分); the scrambled 绩效 rows and
    the criteria text are not, cell by cell, and the form is marked for review."""
    form = import_file(INPUTS / "21.txt").forms[0]
    assert [(i.level1, i.name, i.weight) for i in form.case.indicators][:2] == [
        ("项目决策", "决策依据", 2), ("项目管理", "财务制度", 3)]
    assert sum(n.kind == "unplaced" for n in form.notes) > 50
    assert form.case.project.review
    assert form.case.narrative.claimed_total == 95


# ---------------------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------------------


def _without_source(case: Case) -> Case:
    return attrs.evolve(case, project=attrs.evolve(case.project, source=""))


@pytest.mark.parametrize("file", ["seed.txt", "03.txt", "04.txt", "08.txt"])
def test_gbk_copy_imports_the_same(file):
    data = (INPUTS / file).read_bytes()
    utf8 = import_text(data, shown=file)
    gbk = import_text(data.decode("utf-8").encode("gbk"), shown=file)
    assert gbk.encoding == "gb18030"
    assert [_without_source(f.case) for f in gbk.forms] == [
        _without_source(f.case) for f in utf8.forms
    ]
    assert [f.notes for f in gbk.forms] == [f.notes for f in utf8.forms]


def test_utf8_bom_imports_the_same():
    data = (INPUTS / "03.txt").read_bytes()
    plain = import_text(data)
    bom = import_text(b"\xef\xbb\xbf" + data)
    assert bom.encoding == "utf-8-sig"
    assert [f.case for f in bom.forms] == [f.case for f in plain.forms]


def test_decode_reports_the_encoding():
    assert decode("项目".encode()) == ("项目", "utf-8", None)
    assert decode("项目".encode("gbk")) == ("项目", "gb18030", None)
    assert decode(b"\xef\xbb\xbfab") == ("ab", "utf-8-sig", None)
    assert decode("项目|a\n".encode("utf-16")) == ("项目|a\n", "utf-16", None)
    # invalid bytes are replaced and reported: (offset of the first, how many places)
    assert decode(b"\xef\xbb\xbfab\xffcd\xfe") == ("ab\ufffdcd\ufffd", "utf-8-sig", (5, 2))


def test_a_label_broken_off_into_a_later_row_is_a_gap_not_a_row():
    """A preview skips part of a form: the funds row label breaks off mid-word and runs into
    an indicator row's target.  The funds are cut, the row after the gap is read by the
    recognised layout's columns with its name unread, and the rows after it as usual."""
    text = ("项目支出绩效自评表 (2022年度) 项目名称 道路养护经费 主管部门 某县交通局 实施单位 某县公路站 "
            "项目资金 (万元) 年初预算数 调整预算数 全年执行数 分值 执行率 得分 年度资金≥95% 98% 10 10 "
            "社会效益指标 道路通行 通畅 通畅 20 20 满意度指标 服务对象满意度指标 群众满意度 ≥85% 92% 10 9 "
            "总分 100 98")
    form = import_text(text.encode()).forms[0]
    case = form.case
    assert case.project.layout == "hebei-adjusted"
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in case.indicators] == [
        ("", "≥95%", "98%", 10, 10), ("道路通行", "通畅", "通畅", 20, 20),
        ("群众满意度", "≥85%", "92%", 10, 9)]
    assert dict(case.indicators[0].unread.items) == {"level1": "cut", "level2": "cut",
                                                    "name": "cut"}
    assert case.indicators[2].level2 == "服务对象满意度指标"
    assert dict(case.project.unread.items)["funds"] == "cut"
    assert case.project.incomplete and case.narrative.claimed_total == 98


def test_one_figure_per_glued_row_is_its_weight_when_the_total_row_says_so():
    """A Sichuan tail whose cell boundaries are lost (no header): each row shows one figure
    after its 指标性质/指标值/度量单位, and 合计 shows one.  The closing rows name the layout; the
    合计 is the 权重 total, so the rows' figures are their 权重 (完成值 and 得分 blank)."""
    text = ("产出指标数量指标培训人数≥50人 22.5 参训单位数量≥10个 22.5 时效指标按时完成率=100% 22.5 "
            "效益指标社会效益指标群众知晓率(按抽样调查计算)≥85% 22.5 合计100 评价结论按时完成。"
            "存在问题暂无改进措施暂无项目负责人:财务负责人:")
    form = import_text(text.encode()).forms[0]
    assert form.case.project.layout == "sichuan-510000"
    assert [(i.operator, i.target, i.unit, i.weight, i.score, i.actual)
            for i in form.case.indicators] == [
        ("≥", "50", "人", 22.5, None, ""), ("≥", "10", "个", 22.5, None, ""),
        ("=", "100", "%", 22.5, None, ""), ("≥", "85", "%", 22.5, None, "")]
    assert not any(n.kind in ("ambiguous", "total-ambiguous") for n in form.notes)
    lost = import_text(text.replace("合计100 ", "合计 ").encode()).forms[0]
    assert all(i.weight is None for i in lost.case.indicators)


def test_a_short_二级_label_run_into_a_glued_name_is_cut_off_it():
    """Glued rows (no cell boundaries) whose 二级 labels are printed short (成本, 时效, 社会效益):
    after a row, or right after a 一级 label, a short 二级 label the table does not print whole
    starts a new 二级; the first row under a 二级 keeps a name that starts with such a word."""
    from evalengine.importer.recognise import _short_level2

    assert _short_level2("成本每年补助500万元", "质量指标", set()) == ("成本", "每年补助500万元")
    assert _short_level2("时效1年", "成本", set()) == ("时效", "1年")
    assert _short_level2("社会效益群众受益", "", set()) == ("社会效益", "群众受益")
    # printed whole elsewhere in the table (质量指标): 质量 is a word of the name
    assert _short_level2("质量达标情况", "数量指标", {"质量"}) is None
    # part of the current 二级 (满意度 in 服务对象满意度指标), or a word going on (时效性)
    assert _short_level2("满意度调查覆盖", "服务对象满意度指标", set()) is None
    assert _short_level2("时效性达标", "数量指标", set()) is None


def test_an_evaluation_report_summary_gives_the_case_it_claims():
    """A third-party 绩效评价报告's summary table names the project and the department's own
    自评分值: a case (what was claimed, to check), with no indicator table read."""
    text = ("某县教育局2022年学生资助项目\n绩效评价报告\n评价机构:某咨询有限公司\n"
            "评价分值:81.5分评价等级:良 |\n项目名称 |\n某县教育局2022年学生资助项目 |\n评价年度 |\n"
            "2022 |\n主管部门 |\n某县教育局 |\n自评方式 |\n单位自评 |\n自评分值 |\n96 |\n自评等级 |\n优 |\n")
    [form] = import_text(text.encode()).forms
    case = form.case
    assert form.layout == "evaluation-summary"
    assert (case.project.name, case.project.department, case.project.year) == (
        "某县教育局2022年学生资助项目", "某县教育局", 2022)
    assert case.narrative.claimed_total == 96 and case.narrative.claimed_grade == "优"
    assert not case.indicators and "indicators" in dict(case.project.unread.items)


def test_a_rubric_in_words_reads_name_weight_score_and_places_its_categories():
    """A rubric form flattened to words, its 评价标准 sentences interleaved with the rows and
    a 一级 label printed with its points in the middle of its merged cell: each row is a name
    and two numbers; the label covers the rows whose weights total its points."""
    text = ("某市财政预算支出项目绩效目标自评表 项目名称 校舍维修 项目实施单位 某市教育局 "
            "项目权重 评价内容 分值 自评分 项目决策 3 分 立项依据 3 3 复核分 评价标准及依据 "
            "有批复文件计 3 分,没有不得分。 资金管理 5 4 1、资金使用合规 2 分; 档案管理 项目管理 "
            "10 分 2 2 有档案计 2 分 监督检查 3 3 有记录计 3 分。")
    [form] = import_text(text.encode()).forms
    got = [(i.level1, i.name, i.weight, i.score) for i in form.case.indicators]
    assert got == [("项目决策", "立项依据", 3, 3), ("项目管理", "资金管理", 5, 4),
                   ("项目管理", "档案管理", 2, 2), ("项目管理", "监督检查", 3, 3)]
    assert form.layout == "guangshui-rubric"


def test_a_table_without_weights_or_scores_is_scored_as_unscored():
    """A form whose indicator table prints neither 分值 nor 得分 is given the unscored profile,
    whatever layout its other words named (34: no layout; 38: the 衔接资金 words)."""
    assert import_file(INPUTS.parent.parent.parent / "corpus" / "forms" / "34.txt").forms[
        0].case.project.profile == "unscored"
    text = ("项目支出绩效自评表\n项目名称 道路保洁\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 |\n"
            "产出指标 | 数量指标 | 保洁里程 | 20公里 | 20公里 |\n")
    assert import_text(text.encode()).forms[0].case.project.profile == "unscored"


def test_a_header_value_the_input_ends_in_is_cut_not_read():
    """The text breaks off inside the last header value (资金使用单位 | 市农…): unread, cut."""
    text = ("转移支付区域(项目)绩效目标自评表 |\n转移支付(项目)名称 | 农机购置补贴 |\n"
            "地方主管部门 | 某省农业厅 | 资金使用单位 | 某市农")
    case = import_text(text.encode()).forms[0].case
    assert case.project.department == "某省农业厅"
    assert case.project.implementer == ""
    assert dict(case.project.unread.items)["implementer"] == "cut"


def test_figures_after_a_funds_header_with_no_row_label_are_the_total_row():
    """A 部门整体 form's funds table has one row and no row label; OCR garbage where its
    amounts were leaves them unreadable, and the rest is decoded by type and arithmetic."""
    from evalengine.importer.glued import glued_sheet
    from evalengine.importer.recognise import recognise

    text = ("部门整体绩效自评表主管部门财政处室自评总分(分)88.5部门预算执行情况年初预算数全年预算数全年执行数"
            "执行率(%)执行率权重执行率得分(分)O85%108.5当年绩效目标完成全年目标\n")
    [draft] = recognise(glued_sheet(text)).forms
    assert (draft.funds["claimed_rate"], draft.funds["claimed_weight"],
            draft.funds["claimed_score"]) == (85, 10, Decimal("8.5"))
    assert draft.unread[("funds", 0)] == {f: "unreadable" for f in
                                          ("initial_budget", "budget", "executed")}
