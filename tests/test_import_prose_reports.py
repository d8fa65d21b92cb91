"""Reports in prose as other provinces word them: titles and covers, several amounts, kinds
of spending, indicators stated as numbered items or as a list in one sentence.

Every text here is written for the test in several phrasings; none is a copy of a corpus form.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer import import_text
from evalengine.importer.prose import _HALF, read_report


def _case(text: str):
    result = import_text(text.encode("utf-8"), shown="t.txt", stem="t")
    assert len(result.forms) == 1, [f.case.project.name for f in result.forms]
    return result.forms[0].case


# --- titles and covers -------------------------------------------------------------------


@pytest.mark.parametrize("crumbs", ["首页 >> 信息公开 >> 某某县财政局 >> 正文 ",
                                    "当前位置: 首页 > 政务公开 > 预决算 ",
                                    "发布时间: 2022-03-01 点击: 12 "])
def test_a_title_after_a_breadcrumb_in_one_run_of_words(crumbs):
    case = _case(f"某某县人民政府 {crumbs}某某县2021年农村饮水安全巩固提升工程绩效自评报告\n"
                 "一、基本情况\n下达资金80万元,实际支出76万元。\n")
    assert (case.project.name, case.project.year) == ("农村饮水安全巩固提升工程", 2021)


@pytest.mark.parametrize("title,unit", [
    ("某某市档案馆2023年度项目支出绩效单位自评报告", "某某市档案馆"),
    ("某某县疾病预防控制中心2022年项目支出绩效自评报告", "某某县疾病预防控制中心"),
])
def test_a_title_naming_only_project_spending_is_the_units(title, unit):
    r = read_report(f"{title}\n一、基本情况\n全年预算数50万元,实际支出40万元。\n")
    assert (r.name, r.department) == (unit, "")  # the unit is the case, not its department


@pytest.mark.parametrize("first,second,name", [
    ("某某县2023年度中央财政衔接资金", "绩效自评报告", "中央财政衔接资金"),
    ("某某市2022年度老旧小区改造补助资金", "项目绩效自评报告", "老旧小区改造补助资金项目")])
def test_a_title_broken_over_two_lines(first, second, name):
    r = read_report(f"{first}\n{second}\n一、基本情况\n下达资金300万元。\n")
    assert (r.name, r.titled) == (name, True) and r.year in (2022, 2023)


def test_a_line_without_a_year_above_a_title_is_not_its_start():
    r = read_report("欢迎访问本站\n某某县2021年度耕地保护补贴绩效自评报告\n预算数10万元。\n")
    assert r.name == "耕地保护补贴"


@pytest.mark.parametrize("order", ["unit first", "title first"])
def test_a_department_report_with_its_unit_on_a_line_of_its_own(order):
    unit, title = "某某市某某区住房和城乡建设局", "2020年部门整体支出绩效评价报告"
    head = f"{unit}\n\n{title}" if order == "unit first" else f"{title}\n\n{unit}"
    r = read_report(f"{head}\n一、基本情况\n1.机构设置\n本局内设股室5个。\n")
    assert (r.name, r.year, r.titled) == (unit, 2020, True)


def test_a_cover_gives_the_project_year_and_department():
    text = ("附件2\n项目支出绩效自评报告\n项目名称: 某某镇污水管网改造工程\n评价年度: 2021\n"
            "预算部门(公章): 某某县住房和城乡建设局\n填报日期: 2022年3月1日\n一、基本情况\n"
            "(一)项目概况\n本项目改造管网12公里。\n")
    case = _case(text)
    assert (case.project.name, case.project.year, case.project.department) == (
        "某某镇污水管网改造工程", 2021, "某某县住房和城乡建设局")
    r = read_report(text.replace("预算部门(公章)", "主管部门"))
    assert (r.name, r.year, r.department) == ("某某镇污水管网改造工程", 2021, "某某县住房和城乡建设局")


def test_a_title_naming_nothing_leaves_the_name_unread_and_takes_the_texts_year():
    r = read_report("项目绩效自评报告\n时间:2024-06-12 10:00 我要投稿\n一、项目基本情况\n"
                    "某某局2021年项目资金总预算为300万元。\n")
    assert (r.titled, r.name, r.year) == (True, "", 2021)


@pytest.mark.parametrize("body,name", [
    ("我局承担某某县2022年度农村公路提质改造建设项目实施任务。", "农村公路提质改造建设项目"),
    ("2021年,某某乡实施2021年村级文化广场建设项目,已完工。", "村级文化广场建设项目"),
])
def test_a_title_naming_only_a_kind_of_project_takes_the_project_the_text_names(body, name):
    r = read_report(f"建设项目绩效自评报告\n一、基本情况\n{body}\n下达资金60万元。\n")
    assert r.name == name


def test_a_title_naming_only_a_kind_the_text_never_names_is_unread():
    r = read_report("建设项目绩效自评报告\n一、基本情况\n本项目下达资金60万元。\n")
    assert r.name == ""


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text,budget", [
    ("第一批下达资金120万元,第二批下达资金80万元,合计下达资金200万元。", 200),
    ("一期批复总投资300万元(其中工程费280万元),二期批复总投资150万元(其中工程费140万元),"
     "共计批复总投资450万元(其中工程费420万元)。", 450),
    ("甲镇下达资金30万元;乙镇下达资金50万元;丙镇下达资金20万元;三镇累计下达资金100万元。", 100),
])
def test_batches_and_their_total_give_the_total(text, budget):
    r = read_report(text)
    assert dict(r.funds)["budget"] == budget and "budget" not in dict(r.funds_unread)


def test_a_sum_of_the_other_batches_is_the_total_even_unworded():
    r = read_report("一批项目批复投资30万元,二批项目批复投资50万元,三批项目批复投资20万元,"
                    "本年度项目批复投资100万元。")
    assert dict(r.funds)["budget"] == 100


@pytest.mark.parametrize("text", ["第一批下达资金120万元,第二批下达资金80万元。",
                                  "甲镇下达资金30万元;乙镇下达资金50万元;丙镇下达资金20万元。"])
def test_batches_without_a_total_are_ambiguous(text):
    r = read_report(text)  # (50 = 30 + 20 by chance: a total is stated after its batches)
    assert dict(r.funds_unread) == {"budget": "ambiguous"} and "budget" not in dict(r.funds)


def test_a_part_inside_a_bracket_does_not_make_the_rest_parts():
    r = read_report("项目总投资500万元(其中设备购置200万元),实际支付480万元。")
    assert dict(r.funds) == {"budget": 500, "executed": 480}


@pytest.mark.parametrize("text", [
    "2022年部门预算项目支出87.5万元,分别用于培训和宣传。",
    "本年度基本支出120万元,用于人员工资。",
    "专项支出36万元主要用于设备维护。",
])
def test_a_kind_of_spending_is_not_the_sum_spent(text):
    r = read_report(text)
    assert dict(r.funds) == {}


def test_parts_listed_as_kinds_of_spending_stay_rows_of_the_whole():
    r = read_report("2021年某某局部门整体支出绩效自评报告\n一、基本情况\n"
                    "支出:490万元。其中:人员经费支出300万元,公用经费支出60万元,项目支出130万元。\n")
    assert dict(r.funds) == {"executed": 490}
    assert [(label, v) for label, _, v in r.fund_rows] == [
        ("人员经费支出", 300), ("公用经费支出", 60), ("项目支出", 130)]


@pytest.mark.parametrize("text,budget,received", [
    ("全年预算数100万元,实际到位资金80万元,实际支出78万元。", 100, 80),
    ("调整预算后项目预算60万元,到位资金45万元。", 60, 45),
])
def test_a_budget_beats_the_sum_received(text, budget, received):
    r = read_report(text)
    assert dict(r.funds)["budget"] == budget and "budget" not in dict(r.funds_unread)


def test_a_sum_received_is_the_budget_when_no_budget_is_stated():
    assert dict(read_report("上级共下达资金105万元,已全部到位。").funds) == {"budget": 105}


def test_the_figure_named_for_the_project_among_allocations_cited_by_document():
    r = read_report(
        "某某县2023年度农业产业发展资金\n绩效自评报告\n"
        "某财农〔2023〕10号文件《关于下达2023年农业产业发展资金的通知》,下达某某县2023年农业产业发展资金900万元。"
        "某财农〔2023〕19号文件《关于下达2023年配套资金的通知》,下达某某县2023年资金300万元。")
    assert (r.name, r.year, dict(r.funds)) == ("农业产业发展资金", 2023, {"budget": 900})


def test_a_year_and_a_count_between_a_label_and_its_figure():
    r = read_report("年初批复预算6个项目320万元,实际支出2023年度资金300万元。")
    assert dict(r.funds) == {"initial_budget": 320, "executed": 300}


@pytest.mark.parametrize("text,executed", [
    ("下达资金56万元,实际完成投资54.6万元。", Decimal("54.6")),
    ("项目批复资金40万元,决算金额38万元。", 38),
])
def test_an_investment_completed_or_a_final_account_is_the_sum_spent(text, executed):
    assert dict(read_report(text).funds)["executed"] == executed


# --- indicators ----------------------------------------------------------------------------


def _ind(r):
    return [(i.level2 or i.level1, i.name, i.target, i.actual) for i in r.indicators]


@pytest.mark.parametrize("sep", [";", "；", "; "])
def test_a_list_of_targets_in_one_sentence_goes_on_past_its_semicolons(sep):
    r = read_report(f"2020年度某某村饮水工程绩效评价报告\n(二)绩效目标:新建蓄水池≥2座{sep}"
                    f"管网铺设≥3.5km{sep}受益群众满意度≥90%{sep}受益人口≥120人保障群众饮水安全。\n"
                    "三、评价结论\n项目按期完成。\n")
    assert [(i.name, i.target) for i in r.indicators] == [
        ("新建蓄水池", "≥2座"), ("管网铺设", "≥3.5km"), ("受益群众满意度", "≥90%"),
        ("受益人口", "≥120人")]
    assert all(i.actual == "" for i in r.indicators)  # the report states no actual: none read


def test_a_semicolon_list_stops_at_its_sentences_end():
    r = read_report("绩效目标:培训农民≥100人次;发放手册≥500册。另外完成宣传活动3场。")
    assert [i.name for i in r.indicators] == ["培训农民", "发放手册"]


@pytest.mark.parametrize("marker", ["1.", "(1)", "①"])
def test_indicators_stated_by_their_value_under_a_category_heading(marker):
    r = read_report(
        "某某县2021年农村公路养护工程绩效自评报告\n二、绩效指标完成情况分析\n"
        f"{marker}数量指标。本项目养护里程12公里,完成工程量新建边沟800米,安装警示桩40根。\n"
        "2.时效指标。项目于2021年3月1日开工,2021年5月30日完工。\n"
        "3.社会效益目标。惠及行政村3个。\n"
        "4.满意度指标。沿线群众满意度≥90%。\n"
        "三、存在问题\n")
    assert _ind(r) == [("数量指标", "养护里程", "", "12公里"), ("数量指标", "新建边沟", "", "800米"),
                       ("数量指标", "安装警示桩", "", "40根"),
                       ("社会效益目标", "惠及行政村", "", "3个"),  # 目标 for 指标, as printed
                       ("满意度指标", "沿线群众满意度", "", "")]  # (no date is an indicator)
    # ≥90%: a target or an actual, which the sentence does not say
    assert dict(r.indicators[4].unread) == {"target": "ambiguous", "actual": "ambiguous"}


def test_a_paragraph_under_a_first_level_heading_states_no_indicator_by_value():
    r = read_report("二、绩效目标完成情况分析\n1、产出指标完成情况分析\n"
                    "年内已完成项目产出指标。已完成道路建设12.5公里,质量合格。\n")
    assert r.indicators == ()


def test_money_and_points_under_a_heading_are_no_indicator_by_value():
    r = read_report("(三)绩效指标完成情况\n1.成本指标。本年收到专项资金16万元。\n"
                    "2.数量指标。自评得分为94.5分。\n")
    assert r.indicators == ()


def test_a_planned_and_an_actual_sum_under_a_cost_heading_are_one_indicator():
    r = read_report("(三)绩效指标完成情况\n4.成本指标。项目概算80万元,实际结算金额76.5万元。\n")
    assert _ind(r) == [("成本指标", "项目概算", "80万元", "76.5万元")]
    # outside a category heading the same sentence is money, not an indicator
    assert read_report("项目概算80万元,实际结算金额76.5万元。").indicators == ()


@pytest.mark.parametrize("body1,body3", [
    ("完成年度建设项目1个,新建机井2座,水塔1座。", "工程已完工,完成率100%。"),
    ("全年共完成培训3期,参训农民260人次。", "按期完成,完成率为100%。"),
])
def test_a_numbered_item_named_under_a_category_takes_the_first_figure_of_its_text(body1, body3):
    r = read_report(
        "三、绩效目标自评完成情况分析\n(二)项目绩效指标完成情况分析。\n1.产出指标完成情况分析。\n"
        f"(1)项目完成数量。\n{body1}\n(2)项目完成质量\n已通过竣工验收。\n(3)项目实施进度\n{body3}\n"
        "(4)项目成本节约情况\n以结算审计为准。\n")
    first = body1.split(",")[0]
    assert [(i.level1, i.name, i.actual) for i in r.indicators] == [
        ("产出指标", "项目完成数量", "1个" if "1个" in first else "3期"),
        ("产出指标", "项目完成质量", "已通过竣工验收"),  # its result in a few words
        ("产出指标", "项目实施进度", "100%")]  # (以结算审计为准 states no result)


def test_batches_without_labels_and_their_total_in_one_sentence():
    r = read_report("2022年省级下达补贴资金第一批150万元,第二批50万元,共计200万元;"
                    "实际兑付补贴资金198.6万元,资金使用率99.3%。")
    assert dict(r.funds) == {"budget": 200, "executed": Decimal("198.6"),
                             "claimed_rate": Decimal("99.3")}


@pytest.mark.parametrize("text", [
    "(1)补贴对象满意度。目标:≥90%;完成:96%。",
    "1.数量指标:完成村庄整治8个,目标8个。",
])
def test_short_labels_of_an_items_target_and_actual(text):
    r = read_report(text)
    assert [(i.target, i.actual) for i in r.indicators] in ([("≥90%", "96%")], [("8个", "8个")])


def test_a_projects_score_stated_after_self_assessment():
    r = read_report("2021年度某某工程项目支出绩效自评报告\n(三)自评结论\n经自评,本项目得分92.5分,等级为“良”。")
    assert (r.claimed_total, r.grade) == (Decimal("92.5"), "良")


def test_a_report_that_stops_before_its_results_is_incomplete():
    head = "某某县2021年度农田水利建设项目绩效自评报告\n一、资金批复情况\n批复总投资300万元。\n"
    stops = _case(head + "二、项目安排情况\n项目涉及3个乡镇12个村。\n")
    assert stops.project.incomplete  # no indicator, no score, no results section: not seen
    ends = _case(head + "二、绩效目标完成情况\n项目已按期完工。\n三、存在的问题\n无。\n")
    assert not ends.project.incomplete


def test_a_title_of_the_form_guanyu_year_project_de_report():
    r = read_report("关于2021年度残疾人康复项目的绩效评价报告\n一、项目基本情况\n"
                    "预算安排资金38万元,实际到位38万元,累计支付资金36.1万元,预算执行率95%。\n")
    assert (r.year, r.name) == (2021, "残疾人康复项目")
    assert dict(r.funds) == {"budget": 38, "executed": Decimal("36.1"), "claimed_rate": 95}


def test_other_words_for_the_budget_the_sum_spent_and_a_target():
    r = read_report("某某县2023年度困难群众救助补助资金绩效自评报告\n一、项目基本情况\n"
                    "2023年共收到困难群众救助补助资金3560万元,全年决算数3480万元,资金执行率97.75%。\n"
                    "二、绩效目标完成情况\n受益学生人数:预期4800人,实际4852人。\n")
    assert dict(r.funds) == {"budget": 3560, "executed": 3480, "claimed_rate": Decimal("97.75")}
    assert _ind(r) == [("", "受益学生人数", "4800人", "4852人")]


def test_a_lone_heading_or_cell_naming_a_result_is_no_title():
    from evalengine.importer.prose import report_title

    assert report_title("评价结果") is None and report_title("自评结果\n优") is None
    assert report_title("附件3\n项目支出绩效自评报告") == (None, "")  # a title naming nothing


_PIECES = ["合计", "共计", "其中", "(", ")", "项目支出", "下达资金", "到位资金", "全年预算数", "万元",
           "12.5", "300", "2021年度", "1.数量指标。", "社会效益目标。", "(1)项目完成数量。", "完成",
           "≥", "95%", "8公里", ";", "绩效目标:", "项目名称:", "评价年度:", "预算部门(公章):",
           "某某县水务局", "建设项目", "绩效自评报告", "部门整体支出", "首页 >> 正文 ", "我要投稿",
           "已通过竣工验收", "实际决算金额", "\n", "。", ","]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=50).map("".join))
def test_the_reader_never_raises_and_writes_only_what_the_text_prints(text):
    r = read_report(text)
    seen = "".join(text.translate(_HALF).split())
    for ind in r.indicators:
        assert not {f for f, _ in ind.unread} & {f for f in ("target", "actual") if getattr(ind, f)}
        for value in (ind.name, ind.target, ind.actual):
            assert "".join(value.split()) in seen
    for value in (r.name, r.department):
        assert "".join(value.split()) in seen
    import_text(text.encode("utf-8"), shown="t.txt", stem="t")  # never raises either
