"""Reports in prose recognised by what they are, wherever their title stands (issue 10 §3).

Every report here is written for the test, in several wordings: page chrome before the
title, a report that names itself in its opening sentence (现将…报告如下), one glued into a
single run, a 部门整体 report with 收入/支出 figures, indicators stated only by their actual.
No text is a published form's.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer import import_text
from evalengine.importer.prose import _HALF, read_report, report_title


def _case(text: str):
    forms = import_text(text.encode()).forms
    assert len(forms) == 1, [f.case.project.name for f in forms]
    return forms[0].case


CHROME = [
    "索引号 | 11500000-2/2024-00012 | 发布机构 | 某某县农业农村局 |\n"
    "公开目录 | 绩效自评报告 | 发布日期 | 2024-02-20 |\n文号 | 浏览量 |\n",
    "当前位置:首页>政务公开>财政资金\n发布时间:2023-05-06 【字体:大 中 小】 浏览次数:35\n分享到:\n",
    "您现在的位置: 首页 > 通知公告 > 2022年度农机购置补贴项目绩效自评报告\n来源:本站 阅读次数:12\n",
]


@pytest.mark.parametrize("chrome", CHROME)
def test_a_title_after_page_metadata_rows_is_found_and_the_chrome_is_skipped(chrome):
    text = (chrome + "某某县农业农村局2022年度农机购置补贴项目支出绩效自评报告\n"
            "一、项目基本情况\n2022年下达预算资金300万元，实际支出285万元，预算执行率95%。\n"
            "二、自评结论\n经自评，该项目自评得分92分，自评等级为优。\n")
    case = _case(text)
    assert (case.project.name, case.project.year) == ("农机购置补贴项目", 2022)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (300, 285, 95)
    assert (case.narrative.claimed_total, case.narrative.claimed_grade) == (92, "优")
    assert not case.project.department  # the unit is not labelled: not invented


@pytest.mark.parametrize("opening", [
    "为加强财政资金绩效管理，根据有关文件要求，现将2023年某某市水利局小型水库维修养护项目绩效自评总结报告如下：",
    "根据《关于开展2023年度绩效自评工作的通知》要求，现将我局2023年度小型水库维修养护项目绩效自评情况报告如下:",
])
def test_a_report_that_names_itself_in_its_opening_sentence(opening):
    text = (opening + "\n一、项目资金情况\n项目计划投资120万元，已完成拨付96万元，执行率80%。\n"
            "二、绩效目标完成情况\n维修水库数量目标值为6座，实际完成值为6座。\n")
    r = read_report(text)
    assert r.titled and r.year == 2023
    assert r.name in ("小型水库维修养护项目", "")  # (the second names the project after 我局)
    assert dict(r.funds) == {"budget": 120, "executed": 96, "claimed_rate": 80}
    assert [(i.name, i.target, i.actual) for i in r.indicators] == [("维修水库数量", "6座", "6座")]


def test_the_unit_before_the_project_is_not_the_projects_name():
    assert report_title("现将2023年某某市水利局小型水库维修养护项目绩效自评总结报告如下:") == (
        2023, "小型水库维修养护项目")
    assert report_title("某某区2023年耕地保护补贴项目支出绩效自评报告") == (2023, "耕地保护补贴项目")
    # a project named in brackets on the next line, the title naming only 项目支出
    assert report_title("某某县第二小学2023年度项目支出绩效自评报告\n(学生资助工作经费)") == (
        2023, "学生资助工作经费")


@pytest.mark.parametrize("sep", ["", " "])
def test_a_report_glued_into_one_run(sep):
    text = sep.join([
        "附件2某某省某某县2022年农村饮水安全维修养护补助资金绩效自评报告",
        "为规范资金管理，现将自评情况报告如下:一、绩效目标分解下达情况(一)资金下达情况,",
        "2022年省级下达农村饮水安全维修养护补助资金预算资金40万元,",
        "二、绩效目标完成情况分析(一)资金投入情况分析,实际支出38万元,预算执行率95%,",
        "三、偏离绩效目标的原因和下一步改进措施无。"])
    case = _case(text)
    assert (case.project.name, case.project.year) == ("农村饮水安全维修养护补助资金", 2022)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (40, 38, 95)
    assert not case.project.incomplete  # the run ends with a whole sentence
    assert dict(case.project.unread.items).get("indicators") == "unplaced"  # not "no indicators"


@pytest.mark.parametrize("title, unit", [
    ("某某县统计局2021年度 机关整体支出绩效评价报告", "某某县统计局"),
    ("2021年某某市档案馆部门整体支出绩效自评报告", "某某市档案馆"),
    ("2021 年某某市档案馆整体支出 绩效自评报告", "某某市档案馆"),
])
def test_a_department_whole_report_is_the_units_whole_spending(title, unit):
    text = (title + "\n一、自评得分情况\n按照部门整体支出绩效评价指标体系开展评价，综合评分为95分。\n"
            "二、部门基本概况\n(一)部门整体支出概况\n1、收入:500万元。其中:财政拨款收入480万元。\n"
            "2、支出:490万元。其中:人员经费支出300万元,公用经费支出60万元,项目支出130万元。\n"
            "(二)部门职责\n负责全市")
    case = _case(text)
    assert (case.project.name, case.project.year) == (unit, 2021)
    assert case.narrative.claimed_total == 95  # under the heading 自评得分情况
    assert case.funds.executed == 490 and case.funds.budget is None  # 收入 is revenue
    assert [(r.source, r.executed) for r in case.funds.rows] == [
        ("人员经费支出", 300), ("公用经费支出", 60), ("项目支出", 130)]  # 300 + 60 + 130 = 490
    assert case.project.incomplete  # cut in 部门职责, before its indicators


def test_parts_that_do_not_add_up_are_not_taken_for_rows():
    r = read_report("2021年某某局部门整体支出绩效自评报告\n一、基本情况\n"
                    "支出:490万元。其中:人员经费支出300万元,公用经费支出60万元。\n")
    assert dict(r.funds) == {"executed": 490} and r.fund_rows == ()


def test_a_department_report_naming_no_unit_leaves_the_name_unread():
    r = read_report("欢迎访问本站\n部门整体支出绩效评价报告\n一、基本情况\n2021年部门决算收支完成情况。\n"
                    "支出:88万元。\n")
    assert r.titled and r.name == "" and r.year == 2021  # the year the report speaks of


def test_a_total_beats_the_allocations_cited_by_document():
    r = read_report("2023年度某某补贴项目绩效自评报告\n一、基本情况\n"
                    "2023年上级财政下达我县补贴资金500万元,已全部发放,发放资金500万元。\n"
                    "根据《关于下达2023年补贴资金的通知》(某财农〔2023〕12号)下达资金320万元")
    assert dict(r.funds) == {"budget": 500, "executed": 500}
    both_cited = read_report("《关于下达补贴资金的通知》(某财〔2023〕1号)下达资金300万元。"
                             "《关于追加补贴资金的通知》(某财〔2023〕9号)下达资金200万元。")
    assert dict(both_cited.funds_unread) == {"budget": "ambiguous"}  # no total stated: unread


def test_indicators_stated_only_by_their_actual_or_against_their_target():
    r = read_report(
        "2023年度某某中学项目支出绩效自评报告\n一、自评结论\n(一)自评得分\n本项目自评得分98分，自评结果为“优秀”。\n"
        "(二)绩效目标完成情况\n(1)产出指标\n①数量指标:2023年,我校收到专项资金16万元。\n"
        "②时效指标:资金拨付及时率为100%。\n③质量指标:设备验收合格率达到98%。\n"
        "(2)效益指标\n①社会效益指标:保障了学校的正常运转。\n"
        "(3)满意度指标(服务对象满意度指标):学生满意度高于年度目标值≥90%。\n")
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in r.indicators] == [
        ("产出指标", "时效指标", "资金拨付及时率", "", "100%"),
        ("产出指标", "质量指标", "设备验收合格率", "", "98%"),
        ("满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "高于年度目标值")]
    assert (r.claimed_total, r.grade) == (98, "优秀")


def test_a_sentence_that_speaks_of_a_report_is_no_title():
    assert report_title("我单位认真开展自评自查工作,填写自评表格,形成本评价报告。") is None
    assert report_title("经评价,本项目自评结果为优秀。") is None
    assert report_title("关于某某县卫生健康局2022年度基本公共卫生服务项目绩效自评情况的报告") == (
        2022, "基本公共卫生服务项目")
    assert report_title("某某县2022年度义务教育薄弱环节改善项目绩效评价(自评)报告") == (
        2022, "义务教育薄弱环节改善项目")


def test_a_page_that_only_mentions_a_report_is_not_one():
    assert not read_report("公开目录 | 绩效自评报告 | 发布日期 | 2024-03-26 |\n通知\n请各单位报送。\n").titled
    assert not read_report("我局已按要求形成本评价报告并上报。\n").titled


_PIECES = ["索引号 | ", "发布机构 | ", "现将", "报告如下:", "2023年", "某某县财政局", "部门整体支出",
           "绩效自评报告", "自评结果", "一、", "(二)", "①", "时效指标:", "满意度指标", "为", "100%",
           "其中:", "收入", "支出:", "下达资金", "《通知》(某财〔2023〕1号)", "万元", "12.5", "得分",
           "分", "自评得分", "大于年度指标值", "≥95%", "\n", ",", "。", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=50).map("".join))
def test_the_reader_never_raises_and_writes_only_what_the_text_says(text):
    r = read_report(text)
    seen = "".join(text.translate(_HALF).split())
    assert "".join(r.name.split()) in seen
    if r.year is not None:
        assert str(r.year) in seen
    for field, value in (*r.funds, *((f"row:{label}", v) for label, _, v in r.fund_rows)):
        # one unit throughout: the figure as printed; mixed units: in 万元
        assert str(value).rstrip("0").rstrip(".") in seen.replace(",", "") or field == "claimed_rate" \
            or any(u in seen for u in ("亿", "元"))
    for label, _, _ in r.fund_rows:
        assert "".join(label.split()) in seen
    for ind in r.indicators:
        for value in (ind.name, ind.target, ind.actual, ind.weight, ind.score):
            assert "".join(value.split()) in seen
    if r.claimed_total is not None:
        assert str(r.claimed_total) in seen


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_importing_a_report_with_chrome_never_raises(text):
    import_text(("索引号 | 1 | 发布机构 | 某局 |\n2023年度某项目绩效自评报告\n" + text).encode())


def test_metadata_lines_label_colon_value_then_a_title_and_indicators():
    text = ("索引号:000014349/2024-01234\n发布机构:某某市民政局\n公开日期:2024-03-01\n"
            "某某市民政局2023年度困难群众救助补助资金绩效自评报告\n一、基本情况\n"
            "2023年度预算安排1200万元,全年完成支出1180万元,预算执行率98.33%。\n"
            "二、绩效目标完成情况\n1.产出指标\n(1)数量指标:救助人数目标值为≥5000人,实际完成值为5230人。\n"
            "(2)时效指标:资金发放及时率为100%。\n2.满意度指标\n受助群众满意度目标值≥90%,实际完成值96%。\n"
            "三、自评结论\n经自评,该项目综合得分96分,等级为优。")
    case = _case(text)
    assert (case.project.name, case.project.year) == ("困难群众救助补助资金", 2023)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (
        1200, 1180, Decimal("98.33"))
    assert [(i.level2, i.name, i.target, i.actual) for i in case.indicators] == [
        ("数量指标", "救助人数", "≥5000人", "5230人"), ("时效指标", "资金发放及时率", "", "100%"),
        ("", "受助群众满意度", "≥90%", "96%")]
    assert (case.narrative.claimed_total, case.narrative.claimed_grade) == (96, "优")
    assert not case.project.incomplete


def test_a_run_glued_without_spaces_keeps_headings_out_of_indicator_names():
    text = ("为做好绩效管理工作,现将我局2023年度农村公路养护项目绩效自评情况报告如下:一、项目概况 "
            "本项目年初预算300万元,已支付285万元,执行率95%。二、绩效目标完成情况 养护里程目标值120公里,"
            "实际完成125公里。三、自评得分 综合自评得分95分。")
    case = _case(text)
    assert (case.project.name, case.project.year) == ("农村公路养护项目", 2023)
    assert [(i.name, i.target, i.actual) for i in case.indicators] == [("养护里程", "120公里", "125公里")]
    assert (case.funds.initial_budget, case.funds.executed, case.narrative.claimed_total) == (300, 285, 95)
    assert dict(case.funds.unread.items) == {"budget": "unplaced"}  # 年初预算 stated, 全年预算 not


def test_an_actual_alone_in_the_sentence_under_a_heading_of_its_own_line():
    r = read_report(
        "2022年度某某县人民医院基本公共卫生服务项目绩效自评报告\n一、项目基本情况\n"
        "该项目2022年全年预算资金356.5万元，截至12月31日，拨付使用340.2万元，资金执行率95.43%。\n"
        "二、绩效目标实现情况\n(一)产出指标\n1.数量指标:居民健康档案建档率目标值≥90%，实际完成92.3%。\n"
        "(二)满意度指标\n群众满意度达到95%。\n三、自评结论\n自评得分为94.5分，评价等级为“优”。")
    assert [(i.level1, i.name, i.target, i.actual) for i in r.indicators] == [
        ("产出指标", "居民健康档案建档率", "≥90%", "92.3%"), ("满意度指标", "群众满意度", "", "95%")]
    assert dict(r.funds) == {"budget": Decimal("356.5"), "executed": Decimal("340.2"),
                             "claimed_rate": Decimal("95.43")}
    # a sentence that is no heading's first does not state an indicator by its actual alone
    assert read_report("2022年度某项目绩效自评报告\n一、基本情况\n本项目资金到位率为100%。\n").indicators == ()
