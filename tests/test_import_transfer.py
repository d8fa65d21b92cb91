"""The 转移支付 绩效目标自评表 family: unscored target forms of money passed down from above.

Every form here is synthetic, written for the test, in the ways such forms are published:
a row a line with single spaces (blank cells dropped, merged labels spaced out), pipe rows
of a web table, amounts printed with 万 / 万元 / 亿元 in the cells, source rows no vocabulary
lists, a 主管部门 per level of government, and the synonyms provinces print for the columns.
"""

from __future__ import annotations

from decimal import Decimal

from evalengine.importer import import_text
from evalengine.importer import labels as L
from evalengine.importer.spaced import join_spaced_labels


def _case(text: str):
    found = import_text(text.encode("utf-8"), shown="synthetic.txt", stem="synthetic")
    assert len(found.forms) == 1, found.notes
    return found.forms[0].case


def _rows(case) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [(r.source, r.budget, r.executed) for r in case.funds.rows]


def _indicators(case) -> list[tuple[str, str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.target, i.actual) for i in case.indicators]


# ---------------------------------------------------------------------------------------
# amounts with their unit in the cell

def test_amounts_in_wan_or_yi_are_read_in_wanyuan():
    assert L.money("5.0万") == Decimal("5.0")
    assert L.money("372.29万元") == Decimal("372.29")
    assert L.money("1.2亿元") == 12000 and L.money("3亿") == 30000
    # a unit with no figure, another unit (元 in a 万元 table), words: not amounts
    assert L.money("万") is None and L.money("亿元") is None and L.money("500元") is None
    assert L.money("约5亿元") is None


# ---------------------------------------------------------------------------------------
# labels spaced out in text read word by word

def test_a_label_spelt_in_spaced_characters_is_one_word():
    assert join_spaced_labels(["产", "出", "指", "标", "数量指标", "甲"]) == ["产出指标", "数量指标", "甲"]
    assert join_spaced_labels(["绩", "效", "指", "标", "一级", "指标"]) == ["绩效指标", "一级指标"]
    # characters that spell no label, and a label followed by a word, are left as they are
    assert join_spaced_labels(["好", "的", "数量指标"]) == ["好", "的", "数量指标"]
    assert join_spaced_labels(["数量指标", "人数"]) == ["数量指标", "人数"]


WORDS = """\
某省专项转移支付绩效目标自评表
(2023年度)
专项(项目)名称 农村道路建设项目 负责人及电话 张三
市级主管部门 某市交通局
县级主管部门 某县交通局 实施单位 某县某镇人民政府
项目资金(万元)
全年预算数(A) 全年执行数(B) 执行率(B/A)
年度资金总额: 120万元 120万元 100%
其中:中央、市级补助 100万 100万 100%
县级资金 20万 20万 100%
其他资金
绩 效 指 标 一级 指标
三级指标 年度指标值 全年完成值 未完成原因和改进措施
产 出 指 标 数量指标 新建道路 500m 500m 硬化道路 3km 3km
质量指标 验收合格率 100% 100%
效 益 指 标 社会效益指标 群众出行 方便群众出行 有效改善 满意度指标 群众满意度 ≥90% 9
"""


def test_an_unscored_table_in_words_is_cut_into_rows_by_what_its_cells_are():
    case = _case(WORDS)
    assert case.project.name == "农村道路建设项目"
    assert case.project.implementer == "某县某镇人民政府"
    # no 二级指标 header label: the rows print it all the same
    assert _indicators(case)[:4] == [
        ("产出指标", "数量指标", "新建道路", "500m", "500m"),
        ("产出指标", "数量指标", "硬化道路", "3km", "3km"),
        ("产出指标", "质量指标", "验收合格率", "100%", "100%"),
        ("效益指标", "社会效益指标", "群众出行", "方便群众出行", "有效改善"),
    ]
    # the text breaks off after "9": the last cell seen may be cut short, so it is unread
    last = case.indicators[4]
    assert (last.level2, last.name, last.target, last.actual) == ("满意度指标", "群众满意度", "≥90%", "")
    assert dict(last.unread.items)["actual"] == "cut"


def test_amounts_printed_with_wan_fill_the_funds_rows():
    case = _case(WORDS)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (120, 120, 100)
    assert _rows(case) == [("中央、市级补助", 100, 100), ("县级资金", 20, 20), ("其他资金", None, None)]


# ---------------------------------------------------------------------------------------
# several 主管部门: the most local one is the department

def _departments(first: str, second: str) -> str:
    text = WORDS.replace("市级主管部门 某市交通局\n县级主管部门 某县交通局",
                         f"{first}\n{second}")
    return _case(text).project.department


def test_the_most_local_department_is_the_department_whichever_comes_first():
    assert _departments("市级主管部门 某市交通局", "县级主管部门 某县交通局") == "某县交通局"
    assert _departments("县级主管部门 某县交通局", "市级主管部门 某市交通局") == "某县交通局"
    assert _departments("中央主管部门 某部", "自治区主管部门 某区某厅") == "某区某厅"
    assert _departments("省级主管部门 某省某厅", "市级主管部门 某市某局") == "某市某局"


# ---------------------------------------------------------------------------------------
# pipe rows: source rows no vocabulary lists, larger units, synonyms of the columns

PIPES = """\
某项补助资金转移支付项目绩效目标自评表 | | | |
(2024年度) | | | |
转移支付(项目)名称 | 某项补助资金 | | |
中央主管部门 | 某部 | | |
地方主管部门 | 某县某局 | 资金使用单位 | 某县某中心 |
资金投入情况(万元) | {budget} | {executed} | 预算执行率(B/A×100%) |
年度资金总额: | 1.2亿元 | 1.1亿元 | 91.67% |
其中:中央财政资金 | 8000万 | 7000万 | 87.5% |
彩票公益金用于某项补助 | 1000万 | 1000万 | 100% |
地方资金 | 3000万元 | 3000万元 | 100% |
其他资金 | | | |
绩效指标 | 一级指标 | 二级指标 | 三级指标 | {target} | {actual} | 未完成原因和改进措施 |
 | 产出指标 | 数量指标 | 救助人次 | ≥5000人次 | 6000人次 | |
 | 效益指标 | 社会效益指标 | 群众负担 | 有效减轻 | 有效减轻 | |
 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | |
"""


def _pipes(budget="全年预算数(A)", executed="全年执行数(B)", target="指标值",
           actual="全年实际完成值") -> str:
    return PIPES.format(budget=budget, executed=executed, target=target, actual=actual)


def test_a_source_row_no_vocabulary_lists_is_read_by_its_figures():
    case = _case(_pipes())
    assert (case.funds.budget, case.funds.executed) == (12000, 11000)
    assert _rows(case) == [("中央财政资金", 8000, 7000), ("彩票公益金用于某项补助", 1000, 1000),
                           ("地方资金", 3000, 3000), ("其他资金", None, None)]
    assert case.project.department == "某县某局"


def test_the_columns_are_read_under_the_synonyms_provinces_print():
    for budget, executed, target, actual in (
            ("全年预算数(A)", "全年执行数(B)", "指标值", "全年实际完成值"),
            ("预算安排数", "实际支出数", "年度目标值", "实际完成值"),
            ("预算安排数(A)", "全年实际支出数", "目标值", "完成值"),
            ("全年预算数", "全年执行数", "年度指标值", "全年完成值")):
        case = _case(_pipes(budget, executed, target, actual))
        assert (case.funds.budget, case.funds.executed) == (12000, 11000), (budget, executed)
        assert _indicators(case)[0] == ("产出指标", "数量指标", "救助人次", "≥5000人次", "6000人次"), \
            (target, actual)
        assert len(case.indicators) == 3


# ---------------------------------------------------------------------------------------
# a source row the import lost: the rows are unread, never the form's error

LOST_ROW = """\
某项资金绩效目标自评表 专项(项目)名称 某项资金 县级主管部门 某县某局 实施单位 某县某局
项目资金(万元) 全年预算数(A) 全年执行数(B)
年度资金总额 100 90 其中:中央财政资金 60 50 备注 另见 地方资金 40 40
绩效指标 一级指标 二级指标 三级指标 年度指标值 全年完成值
产出指标 数量指标 培训人数 50人 52人
"""


def test_a_source_row_left_unplaced_marks_the_rows_unread():
    case = _case(LOST_ROW)
    assert (case.funds.budget, case.funds.executed) == (100, 90)
    # the words 备注 另见 end the rows read: 地方资金 40 40 after them is left unplaced
    assert _rows(case) == [("中央财政资金", 60, 50)]
    assert dict(case.funds.unread.items).get("rows") == "unplaced"
    # where the rows read add up to the total nothing is marked
    whole = _case(LOST_ROW.replace("年度资金总额 100 90", "年度资金总额 60 50"))
    assert _rows(whole) == [("中央财政资金", 60, 50)]
    assert "rows" not in dict(whole.funds.unread.items)


def test_a_header_label_followed_by_the_funds_label_is_printed_blank():
    text = WORDS.replace("实施单位 某县某镇人民政府\n项目资金(万元)", "实施单位 资金情况(万元)")
    case = _case(text)
    assert case.project.implementer == ""
    assert (case.funds.budget, case.funds.executed) == (120, 120)


# a row a line, cells at runs of two spaces (blank cells dropped): a row of two text cells
# after its name fits 指标值 | 完成值 and 完成值 | 未完成原因 alike
ROWS = [
    ["某省专项转移支付绩效目标自评表"],
    ["专项(项目)名称", "农村道路建设项目"],
    ["县级主管部门", "某县交通局", "实施单位", "某县某镇人民政府"],
    ["项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"],
    ["年度资金总额:", "120万元", "120万元", "100%"],
    ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
    ["产 出 指 标", "数量指标", "新建道路", "500m", "500m"],
    ["硬化道路", "3km", "3km"],
    ["质量指标", "验收合格率", "100%", "100%"],
    ["效 益 指 标", "社会效益指标", "群众出行", "方便群众出行", "有效改善"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"],
]


def test_text_cells_of_an_unscored_row_follow_the_table_s_sure_rows():
    text = "\n".join("  ".join(r) for r in ROWS) + "\n"
    case = _case(text)
    assert _indicators(case)[:4] == [
        ("产出指标", "数量指标", "新建道路", "500m", "500m"),
        ("产出指标", "数量指标", "硬化道路", "3km", "3km"),
        ("产出指标", "质量指标", "验收合格率", "100%", "100%"),
        # no sure row fills 未完成原因: the two cells are the 指标值 and the 完成值
        ("效益指标", "社会效益指标", "群众出行", "方便群众出行", "有效改善"),
    ]


def test_an_amount_s_unit_between_glued_figures_ends_that_amount():
    from evalengine.importer.decoder import decode_run
    from evalengine.importer.layouts import Column, Relation

    cols = (Column("budget", "money"), Column("executed", "money"), Column("rate", "percent"))
    rels = (Relation.parse("rate = executed / budget"),)
    from evalengine.importer.decoder import _readings

    # the unit after 50 says where the budget ends: no reading runs a piece across it
    readings = _readings("5047.6895.00%", cols, frozenset({2}))
    assert readings and all(r["budget"] == "50" for r in readings)
    assert any(r.get("budget") == "5047.68" for r in _readings("5047.6895.00%", cols))
    got = decode_run("5047.6895.00%", cols, rels, cuts=frozenset({2}))
    assert got.values == {"budget": "50", "executed": "47.68", "rate": "95.00%"}
    assert not got.ambiguous
    # in a form: the OCR of a funds row glued into one cell
    text = ("某项目专项转移支付绩效目标自评表\n专项(项目)名称某项目\n自治区主管部门某厅资金使用单位某中心\n"
            "项目资金(万元)全年预算数全年执行数执行率\n年度资金总额50万元47.6895.00%\n"
            "其中:中央财政补助50万元47.6895.00%\n地方资金\n其他资金\n"
            "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
            "产出指标数量指标系统升级100%100%\n")
    case = _case(text)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (50, Decimal("47.68"), 95)
    assert _rows(case)[0] == ("中央财政补助", 50, Decimal("47.68"))


# a workbook flattened into one run of words, its merged cells out of order: the first
# rows' 二级 cell printed among the header's level labels, the text cut in a row's name
FLATTENED = """\
某项补助资金绩效目标自评表 转移支付(项目)名称 某项补助资金 中央主管部门 某部 地方主管部门 某县某局
资金投入情况(万元) 全年预算数(A) 全年执行数(B) 年度资金总额 100 90 其中:中央财政资金 100 90
一级 指标 二级指标 数量指标 三级指标 年度指标值 全年完成值 享受补贴人数 4443 4450 享受救助人员
"""


def test_a_level_cell_printed_among_the_header_s_labels_is_the_first_rows():
    case = _case(FLATTENED)
    first, cut = case.indicators
    assert (first.level1, first.level2, first.name, first.target, first.actual) == (
        "", "数量指标", "享受补贴人数", "4443", "4450")
    # the text breaks off in the next row's name: the row is there, its cells are not read
    assert (cut.level2, cut.name) == ("数量指标", "")
    assert dict(cut.unread.items) == {"name": "cut", "target": "cut", "actual": "cut"}


def test_a_numbering_line_is_no_funds_row():
    from evalengine.importer.recognise import _unlisted_fund_row

    assert _unlisted_fund_row(["列次", "1", "2", "3"], ["budget", "executed", "rate"]) is None
    assert _unlisted_fund_row(["自治区财政资金", "12", "10"], ["budget", "executed"]) == (0, ("row", "自治区财政资金"))
    # a label of the form's, a sentence, or cells that are no figures: no row
    assert _unlisted_fund_row(["总分", "100"], ["budget"]) is None
    assert _unlisted_fund_row(["分配科学性", "资金分配科学", "暂无"], ["budget", "executed"]) is None
