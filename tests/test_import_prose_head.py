"""The case-level head of a report in prose: its title as pages repeat, quote and bracket it,
a report that prints no title, and money sentences the labels alone do not place.

Every text here is written for the test (several phrasings each); none is a corpus form.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from evalengine.importer import import_text
from evalengine.importer.prose import read_report


def _cases(text: str):
    return [f.case for f in import_text(text.encode("utf-8"), shown="t.txt", stem="t").forms]


# --- titles --------------------------------------------------------------------------------


@pytest.mark.parametrize("site", ["以下是小编为您整理的", "下面是本站收集的", "欢迎阅读"])
def test_a_title_quoted_in_a_sites_preamble_is_the_quoted_words(site):
    r = read_report(f"{site}《乡村道路养护项目绩效自评报告》,供参考。\n乡村道路养护项目\n"
                    "绩效自评报告\n一、项目概况\n全年预算数80万元,实际支出76万元。\n")
    assert r.name == "乡村道路养护项目"


@pytest.mark.parametrize("heading", ["四、绩效自评结果拟应用和公开情况", "(四)自评结果运用情况"])
def test_a_section_heading_naming_the_results_is_no_title(heading):
    r = read_report(f"一、基本情况\n全年预算数80万元,实际支出76万元。\n{heading}\n本次结果将公开。\n")
    assert r.name == "" and r.year is None


@pytest.mark.parametrize("kind,project", [
    ("部门预算项目支出", "2021年城乡困难群众临时救助资金"),
    ("专项债券项目", "某某镇污水管网提升工程"),
    ("项目支出", "农村饮水安全维修养护项目")])
def test_a_bracket_after_the_title_names_the_project(kind, project):
    r = read_report(f"某某县某某镇2021年度{kind}绩效自评报告({project})\n一、项目概况\n"
                    "全年预算数80万元,实际支出76万元。\n")
    assert (r.name, r.year) == (project, 2021)


@pytest.mark.parametrize("note", ["通用5篇", "精选3篇", "征求意见稿"])
def test_a_bracket_saying_what_the_text_is_names_no_project(note):
    r = read_report(f"2022年度林业专项资金绩效自评报告({note})\n一、项目概况\n"
                    "全年预算数80万元,实际支出76万元。\n")
    assert r.name == "林业专项资金"


def test_a_title_repeated_by_the_page_is_read_where_the_document_brackets_its_project():
    text = ("内容概述 某某省专项债券项目绩效自评价报告(管网项目)\n"
            "某某省专项债券项目绩效自评价报告(管网项目)\n\n"
            "某某省专项债券项目绩效自评价报告\n(某某镇雨污分流管网改造工程)\n"
            "一、项目情况\n(一)项目概况。\n本项目新建管网12公里。\n")
    assert read_report(text).name == "某某镇雨污分流管网改造工程"


@pytest.mark.parametrize("crumbs", ["当前位置:首页 > 政务公开 > 财政信息 > 某某镇 ",
                                    "首页 › 信息公开 › 部门预决算 › "])
def test_a_title_after_a_breadcrumb_on_the_line_before(crumbs):
    text = (f"{crumbs}\n> 预决算公开 > 某某镇 某某镇2022年度项目支出绩效自评报告(残疾人康复补助资金)\n"
            "来源:某某镇人民政府 发布时间:2023-05-19 阅读次数: 12\n一、项目概况\n"
            "全年预算数8万元,实际支出7.5万元。\n")
    r = read_report(text)
    assert (r.name, r.year) == ("残疾人康复补助资金", 2022)


def test_a_units_own_report_names_it_as_the_case_not_as_its_department():
    text = ("某某市城市照明管理中心2019绩效评价自评报告\n部门(单位)名称:某某市城市照明管理中心\n"
            "一、部门(单位)基本概况\n全年预算数300万元,实际支出290万元。\n")
    r = read_report(text)
    assert (r.name, r.department) == ("某某市城市照明管理中心", "")


# --- a report with no title ----------------------------------------------------------------


@pytest.mark.parametrize("sentence,name,year", [
    ("我局对2021年度农村公路养护资金项目进行了绩效自评。现将有关情况报告如下:",
     "农村公路养护资金", 2021),
    ("某某街道对2023年中央农村综合性改革转移支付资金绩效目标实施情况开展自评,现将自评情况报告如下:",
     "中央农村综合性改革转移支付资金", 2023),
    ("根据通知要求,对2020年度困难残疾人生活补贴开展绩效自评,报告如下:", "困难残疾人生活补贴", 2020),
])
def test_an_untitled_report_is_on_what_it_says_it_assessed(sentence, name, year):
    r = read_report(f"{sentence}\n一、基本情况\n该项目覆盖全县。\n")
    assert (r.titled, r.name, r.year) == (True, name, year)
    [case] = _cases(f"{sentence}\n一、基本情况\n该项目覆盖全县。\n")
    assert (case.project.name, case.project.year) == (name, year)


def test_a_masked_year_is_not_read_but_the_name_after_it_is():
    r = read_report("我镇对20xx年度衔接资金项目进行了绩效自评,现报告如下:\n一、基本情况\n全镇共10个村。\n")
    assert (r.titled, r.name, r.year) == (True, "衔接资金", None)


@pytest.mark.parametrize("sentence,name", [
    ("2024年农机购置补贴项目预算资金合计500万元,全年执行数合计480万元。", "农机购置补贴项目"),
    ("省财政厅下达2022年文化和旅游专项资金30万元,全年执行数28万元。", "文化和旅游专项资金"),
])
def test_an_untitled_report_with_a_report_outline_is_on_the_first_fund_named_with_a_sum(
        sentence, name):
    text = f"一、绩效目标分解下达情况\n{sentence}\n二、绩效目标完成情况分析\n项目按期完成。\n"
    r = read_report(text)
    assert (r.titled, r.name, r.year) == (True, name, int(sentence[sentence.index("20"):][:4]))
    [case] = _cases(text)
    assert case.project.name == name and case.funds.executed is not None


def test_a_text_with_money_but_no_report_outline_is_no_untitled_report():
    r = read_report("一、工作开展情况\n2024年农机购置补贴项目预算资金合计500万元。\n二、下一步打算\n继续推进。\n")
    assert not r.titled and r.name == ""


def test_an_untitled_report_naming_no_fund_leaves_its_name_unread():
    text = "一、绩效目标分解下达情况\n2024年度,中央下达转移支付资金900万元,全年执行数880万元。\n"
    r = read_report(text)
    assert (r.titled, r.name, r.year) == (True, "", 2024)


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize("words", ["全部执行到位", "已全部支出", "全部执行完毕"])
def test_a_sum_said_to_be_spent_whole_is_the_budget_and_the_sum_spent(words):
    r = read_report(f"某某县2023年度基本公共卫生服务项目绩效自评报告\n一、项目概况\n"
                    f"2023年度基本公共卫生服务资金3728万元{words}。\n")
    assert dict(r.funds) == {"budget": Decimal("3728"), "executed": Decimal("3728")}


def test_a_sum_spent_whole_after_a_budget_is_stated_keeps_the_budget():
    r = read_report("某某县2023年度养老服务项目绩效自评报告\n一、项目概况\n全年预算数100万元。"
                    "下达资金90万元全部执行到位。\n")
    assert dict(r.funds) == {"budget": Decimal("100"), "executed": Decimal("90")}


@pytest.mark.parametrize("fund", ["中央补助地方公共文化服务体系建设专项资金",
                                  "农村综合改革转移支付补助资金", "城乡义务教育公用经费"])
def test_a_funds_name_between_its_label_and_the_sum_is_no_distance(fund):
    r = read_report(f"某市2021年度公共服务项目资金绩效自评报告\n一、绩效目标分解下达情况\n"
                    f"2021年省财政厅2次下达我市{fund}1883.00万元。\n")
    assert dict(r.funds) == {"budget": Decimal("1883.00")}


def test_a_long_gap_that_is_no_funds_name_still_separates_a_label_from_a_sum():
    r = read_report("某市2021年度公共服务项目资金绩效自评报告\n一、基本情况\n"
                    "下达文件后我市各部门认真组织实施并开展培训共计120人次。\n")
    assert dict(r.funds) == {}


# --- more of the head ----------------------------------------------------------------------


@pytest.mark.parametrize("subtitle", ["(城区道路照明维护项目)", "(乡村学校营养餐补助资金)"])
def test_an_untitled_report_under_a_bracketed_subtitle_is_on_it(subtitle):
    text = (f"索引号 | 0001/2020-01 | 发布机构 | 某某县财政局 |\n{subtitle}\n一、项目基本情况\n"
            "2019年财政安排该项经费11.2万元。\n二、项目绩效自评工作开展情况\n成立评价小组。\n")
    r = read_report(text)
    assert (r.titled, r.name, r.year) == (True, subtitle[1:-1], 2019)
    assert dict(r.funds) == {"budget": Decimal("11.2")}


@pytest.mark.parametrize("unit,name", [("西藏自治区文物局", "中央转移支付"),
                                       ("某某县教育局", "义务教育薄弱环节改善资金")])
def test_a_title_with_its_year_after_the_name_is_named_after_the_unit(unit, name):
    r = read_report(f"{unit}{name}2020年度绩效自评报告\n一、项目资金分解下达情况\n下达资金共100万元。\n")
    assert (r.name, r.year) == (name, 2020)


@pytest.mark.parametrize("mode", ["转移支付", "专项转移支付"])
def test_the_way_a_fund_is_paid_is_no_part_of_its_name(mode):
    r = read_report(f"某某县2020年度中央财政水污染防治专项资金{mode}绩效自评报告\n一、基本情况\n"
                    "下达资金100万元。\n")
    assert r.name == "中央财政水污染防治专项资金"


@pytest.mark.parametrize("sign", ["项目单位(盖章) 2020年7月16日", "某某镇人民政府\n2021年3月5日"])
def test_a_report_ending_with_its_signature_and_a_page_source_line_is_complete(sign):
    r = read_report(f"某某项目绩效自评报告\n一、项目概况\n全年预算数80万元,实际支出76万元。\n{sign}\n"
                    "本文来源:https://example.com/a/1.html\n")
    assert not r.cut


def test_a_report_cut_inside_a_sentence_is_still_cut():
    r = read_report("某某项目绩效自评报告\n一、项目概况\n全年预算数80万元,实际支出")
    assert r.cut


def test_an_investment_is_the_budget_only_when_no_budget_is_stated():
    head = "某某中心项目绩效自评报告\n一、项目概况\n"
    centres = "甲村中心总投资216.42万元。乙村中心总投资203.71万元。\n"
    r = read_report(head + centres + "申报预算资金173万元,已完成批复。\n")
    assert dict(r.funds).get("budget") == Decimal("173")
    r = read_report(head + "项目总投资90万元,实际支出80万元。\n")
    assert dict(r.funds) == {"budget": Decimal("90"), "executed": Decimal("80")}


def test_two_budgets_of_parts_beside_an_allocated_total_stay_unread():
    r = read_report("某某局2020年度绩效自评报告\n一、资金情况\n下达专项资金共500万元,其中下达地市300万元。"
                    "一是甲馆,下达预算资金120万元。二是乙馆,下达预算资金80万元。\n")
    assert "budget" not in dict(r.funds) and dict(r.funds_unread)["budget"] == "ambiguous"


def test_an_investment_comes_before_a_sum_allocated_for_the_budget():
    r = read_report("某某县2021年度饮水工程维修养护绩效自评报告\n一、项目概况\n项目批复总投资61.8万元。"
                    "省水利厅以《关于做好维修养护工作的通知》下达投资计划共计30.9万元。\n")
    assert dict(r.funds)["budget"] == Decimal("61.8")


def test_a_sentence_after_a_department_label_names_no_department():
    [case] = _cases("某某县2020年度污水治理专项资金绩效自评报告\n一、基本情况\n"
                    "全年预算数850万元,已拨付680万元。\n3.项目资金管理情况分析\n按照上级主管部门意见进行拨付使用。\n")
    assert case.project.department in ("", None)


@pytest.mark.parametrize("unit", ["某某乡人民政府", "某某镇农业服务中心"])
def test_a_report_opening_with_its_conclusion_then_its_cover_labels_is_one_case(unit):
    text = ("2021年动物防疫补助经费项目支出绩效自评报告\n(2021年动物防疫补助经费项目)\n一、自评结论\n"
            "(一)自评得分\n项目自评得分100分,自评等级为优秀。\n(二)绩效目标完成情况\n"
            "1.强制免疫密度,年初目标值≥90%,实际完成值≥92%,自评得分20分;\n"
            "2.补助对象满意率,年初目标值≥90%,实际完成值≥95%,自评得分20分;\n"
            "二、佐证材料\n(一)项目概况\n项目名称:2021年动物防疫补助经费项目。\n"
            f"项目主管部门:某某县农业农村局。\n项目实施单位:{unit}。\n项目实施地点:11个村。\n"
            "(二)自评工作开展情况\n一是加强组织领导。二是严格执行方案。\n")
    [case] = _cases(text)
    assert (case.project.name, case.project.year) == ("2021年动物防疫补助经费项目", 2021)
    assert (case.project.department, case.project.implementer) == ("某某县农业农村局", unit)
    assert len(case.indicators) == 2


# --- a summary paragraph before a form -------------------------------------------------------


def _cell_form(budget: str, spent: str, rate: str) -> str:
    cells = ["项目支出绩效自评表", "(2022年度)", "项目名称", "乡村文化活动经费", "主管部门", "某某市文化和旅游局",
             "实施单位", "某某市文化馆", "项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值",
             "执行率", "得分", "(万元)", "年度资金总额", budget, budget, spent, "10", rate, "9", "",
             "其中:当年财政拨款", budget, budget, spent, "10", rate, "9", "", "上年结转资金", "", "", "",
             "", "", "", "其他资金", "", "", "", "", "", "", "年度总体目标", "预期目标", "实际完成情况"]
    return "\n\n".join(cells) + "\n"


@pytest.mark.parametrize("summary,total", [
    ("乡村文化活动项目绩效自评综述:根据年初设定的绩效目标,项目绩效自评得分为95分。全年预算数为120万元,"
     "执行数为108万元,完成预算的90%。项目绩效目标完成情况:一是产出指标方面,开展活动30场;二是效益指标方面,"
     "丰富群众文化生活。发现的主要问题及原因:部分活动因天气推迟。下一步改进措施:加快项目进度。", Decimal("95")),
    ("乡村文化活动项目情况说明:全年预算数为120万元,执行数为108万元,完成预算的90%。一是开展活动30场;"
     "二是丰富群众文化生活;三是部分活动因天气推迟,得分较低的原因是进度慢,评分为95分。下一步将加快项目进度。", None),
])
def test_a_summary_paragraph_before_a_form_printed_a_cell_a_line(summary, total):
    [case] = _cases(f"某某市文化和旅游局2022年项目资金决算情况\n\n{summary}\n\n"
                    + _cell_form("120", "108", "90%"))
    assert (case.funds.budget, case.funds.executed) == (Decimal("120"), Decimal("108"))
    assert case.project.name == "乡村文化活动经费"
    assert case.narrative.claimed_total == total  # only a score it says is the self-assessment's


def test_a_summary_that_states_indicators_is_the_forms_summary_not_a_case_of_its_own():
    # the paragraph's sentences read as indicators (目标值…实际完成值…), but it names no
    # project and a form follows: one case, the form's, with the summary's self-score
    summary = ("项目绩效自评综述:根据年初设定的绩效目标,项目绩效自评得分为92分。一是产出指标方面,"
               "开展活动30场,活动完成率达到100%;二是满意度指标方面,观众满意度目标值为≥90%,"
               "实际完成值为95%。")
    cases = _cases(f"某某市文化和旅游局2022年项目资金决算情况\n\n{summary}\n\n"
                   + _cell_form("120", "108", "90%"))
    assert [c.project.name for c in cases] == ["乡村文化活动经费"]
    assert cases[0].narrative.claimed_total == Decimal("92")


def test_a_text_with_a_table_a_cell_a_line_is_not_glued_for_its_paragraph():
    from evalengine.importer.glued import is_glued

    paragraph = "项目绩效自评综述:全年预算数为120万元,执行数为108万元,预算执行率90%,自评得分95分。" * 6
    assert is_glued(paragraph)
    assert not is_glued(paragraph + "\n" + _cell_form("120", "108", "90%"))


# --- essay sites, covers, notices ------------------------------------------------------------


@pytest.mark.parametrize("page,heading", [
    ("乡村项目绩效自评报告", "乡村项目绩效自评报告1"),
    ("乡村项目绩效自评报告(精选3篇)", "乡村项目绩效自评报告 篇1")])
def test_the_first_report_of_an_essay_sites_collection_names_its_own_project(page, heading):
    text = (f"{page}\n时间:2023-02-25 报告范文 我要投稿\n以下是小编为大家整理的乡村项目绩效自评报告,欢迎参考。\n"
            f"{heading}\n为规范资金管理,现将我镇2022年度农村供水保障项目绩效自评报告公开如下:\n"
            "一、绩效目标分解下达情况\n下达资金共80万元。\n")
    r = read_report(text)
    assert (r.name, r.year) == ("农村供水保障项目", 2022)


def test_a_collection_whose_first_report_names_nothing_keeps_the_pages_title():
    text = ("乡村项目绩效自评报告(通用5篇)\n欢迎阅读。\n乡村项目绩效自评报告1\n一、专项概况\n"
            "全市相关县市区均无违规行为。\n")
    r = read_report(text)
    assert (r.titled, r.name) == (True, "乡村项目")


def test_a_masked_year_in_a_report_sentence_is_printed_but_unread():
    text = ("乡村项目绩效自评报告\n乡村项目绩效自评报告1\n现将我镇20xx年度衔接资金项目绩效自评报告公开如下:\n"
            "一、绩效目标分解下达情况\n下达资金共80万元。\n")
    r = read_report(text)
    assert (r.name, r.year) == ("衔接资金项目", None)


@pytest.mark.parametrize("implementer_label", ["项目单位", "实施单位"])
def test_a_cover_naming_the_project_under_a_title_naming_a_kind_of_spending(implementer_label):
    notice = "- 7、文档为网友上传,每下载1次,网站将对文档贡献者给予补贴。如果你也想贡献文档。上传文档\n查看更多\n"
    text = (notice + "关于省级财政项目支出绩效自评情况报告\n项目名称:城乡供水水质监测专项\n"
            f"{implementer_label}:某某省水质监测中心\n主管部门:某某省水利厅\n评价机构:自评\n2016年5月\n")
    r = read_report(text)
    assert (r.titled, r.name, r.department, r.implementer) == (
        True, "城乡供水水质监测专项", "某某省水利厅", "某某省水质监测中心")


def test_a_title_line_is_never_the_end_of_a_notice_above_it():
    text = ("本站所有内容均由合作方或网友上传本站不对文档的完整性权威性及其观点立场正确性做任何保证或承诺"
            "文档内容仅供研究参考付费前请自行鉴别上传文档\n"
            "某某县2021年度农村公路养护项目绩效自评报告\n一、项目概况\n全年预算数80万元,实际支出76万元。\n")
    assert (read_report(text).name, read_report(text).year) == ("农村公路养护项目", 2021)


# --- rates, kinds of spending, subtitles -------------------------------------------------------


@pytest.mark.parametrize("item", ["一是收购价格执行率实际完成100%,目标值为100%。",
                                  "二是管理制度严格执行率实际完成98%,目标值为95%。"])
def test_a_rate_ending_an_indicators_name_is_not_the_funds_rate(item):
    r = read_report(f"2020年度粮食储备项目绩效自评报告\n一、项目资金情况\n调整后预算194.9万,执行数194.9万。\n"
                    f"二、绩效目标实现情况\n{item}\n")
    assert "claimed_rate" not in dict(r.funds)


@pytest.mark.parametrize("sentence", ["全年预算数100万元,执行数90万元,执行率90%。",
                                      "全年预算数100万元,执行数90万元,预算执行率为90%。",
                                      "全年预算数100万元,执行数90万元,资金执行率90%。"])
def test_the_funds_rate_opening_its_clause_or_after_a_funds_word_is_read(sentence):
    r = read_report(f"2020年度粮食储备项目绩效自评报告\n一、项目资金情况\n{sentence}\n")
    assert dict(r.funds)["claimed_rate"] == Decimal("90")


@pytest.mark.parametrize("title,name", [("2023年工资性支出绩效自评报告", "工资性支出"),
                                        ("2023年商品和服务支出绩效自评报告", "商品和服务支出"),
                                        ("2023年度农村饮水安全项目支出绩效自评报告", "农村饮水安全项目")])
def test_a_kind_of_spending_keeps_its_spending_word(title, name):
    r = read_report(f"{title}\n一、项目基本情况\n本项目全年预算100元,实际支出100元。\n")
    assert r.name == name


def test_a_subtitle_naming_the_project_with_brackets():
    r = read_report("2023年度项目支出绩效自评报告\n——中央农业防灾减灾(动物防疫补助)资金\n一、项目资金情况\n"
                    "调整后预算10万,执行数9万。\n")
    assert (r.name, r.year) == ("中央农业防灾减灾(动物防疫补助)资金", 2023)


def test_the_payment_in_a_transfer_payments_name_is_no_sum_spent():
    r = read_report("一、绩效目标分解下达情况\n2024年度,中央分三批下达城乡居民养老保险转移支付资金9000万元。\n"
                    "二、绩效目标完成情况分析\n2024年,全年预算数14375万元,全区执行数10429万元。\n")
    assert dict(r.funds) == {"budget": Decimal("14375"), "executed": Decimal("10429")}


@pytest.mark.parametrize("label", ["项目总投资", "全年预算数"])
def test_the_part_of_a_whole_that_is_the_reports_own_fund_is_its_figure(label):
    r = read_report("某某县2020年度中央财政水污染防治专项资金转移支付绩效自评报告\n一、绩效目标分解下达情况\n"
                    f"{label}1807万元,其中中央财政水污染防治专项资金850万元,地方自筹957万元。\n")
    assert dict(r.funds)["budget"] == Decimal("850")


def test_parts_of_a_whole_naming_no_project_leave_the_whole():
    r = read_report("某某县2020年度污水处理厂项目绩效自评报告\n一、基本情况\n"
                    "项目总投资1807万元,其中中央资金850万元,地方自筹957万元。\n")
    assert dict(r.funds)["budget"] == Decimal("1807")


@pytest.mark.parametrize("site", ["欢迎来到某某县政协网站!", "欢迎访问某某县统计局门户网站"])
def test_a_department_report_naming_no_unit_is_on_the_site_that_greets_its_reader(site):
    r = read_report(f"{site}\n您现在的位置: 首页 > 通知公告\n部门整体支出绩效评价报告\n一、基本情况\n"
                    "2021年部门决算支出799.12万元。\n")
    assert r.name == site.removeprefix("欢迎来到").removeprefix("欢迎访问").split("门户")[0].split("网站")[0]


def test_a_site_greeting_naming_no_unit_names_nothing():
    r = read_report("欢迎来到本站网站!\n部门整体支出绩效评价报告\n一、基本情况\n2021年部门决算支出799.12万元。\n")
    assert r.name == ""


def test_a_title_year_and_a_different_year_line_under_it_leave_the_year_unread():
    text = ("某某县林业和草原局2023年异地造林补助资金项目支出绩效自评报告\n(2024年度)\n"
            "主管部门: 某某县林业和草原局\n项目名称: 2023年异地造林补助资金项目\n一、项目基本情况\n(一)项目立项背景\n")
    [case] = _cases(text)
    assert case.project.year is None


def test_a_label_after_an_empty_unit_cell_is_no_unit():
    [case] = _cases("某某资金转移支付绩效目标自评表(2021年度)转移支付(项目)名称文化保护资金中央主管部门文化和旅游部"
                    "地方主管部门资金使用单位资金情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:"
                    "21182118100%其中:中央财政资金21182118100%")
    assert case.project.implementer in ("", None)


@pytest.mark.parametrize("subject,label", [
    ("水土保持工程(某某县)某某河小流域水土流失综合治理项目", "立项批复"),
    ("某某镇农村人居环境整治项目", "全年预算数")])
def test_an_untitled_report_naming_no_year_is_on_the_fund_its_money_clause_opens(subject, label):
    text = (f"一、绩效目标分解下达情况\n(一)中央下达预算情况。\n某某厅下达我县资金500万元。\n"
            f"(二)资金安排情况。\n{subject}{label}525.39万元,其中500万元为中央资金。\n"
            "二、绩效目标完成情况分析\n项目按进度推进。\n")
    r = read_report(text)
    assert (r.titled, r.name) == (True, subject)


def test_a_clause_opening_with_words_that_are_no_fund_names_no_project():
    text = ("一、绩效目标分解下达情况\n某某厅下达我县资金500万元。\n二、绩效目标完成情况分析\n项目按进度推进。\n")
    assert read_report(text).name == ""


@pytest.mark.parametrize("words", ["共发放补助资金98万元", "累计拨付专项资金98万元",
                                   "兑付奖补资金98万元"])
def test_a_sum_paid_out_beside_a_budget_is_the_executed_amount(words):
    r = read_report(f"2021年项目绩效自评报告\n一、基本情况\n该项目全年预算数100万元,{words}。")
    assert dict(r.funds) == {"budget": 100, "executed": 98}


def test_a_sum_paid_out_gives_way_to_parts_and_to_an_executed_amount():
    head = "2021年项目绩效自评报告\n一、基本情况\n该项目全年预算数100万元。"
    # an executed amount by its own words: the sum paid out is not read over it
    r = read_report(head + "实际支出95万元,发放补助资金90万元。")
    assert dict(r.funds) == {"budget": 100, "executed": 95}
    # sums paid to sub-units after 其中 are parts, not the total
    r = read_report(head + "其中A县发放60万元、B县发放40万元。")
    assert dict(r.funds) == {"budget": 100}
    # no budget stated: what was paid out is not read as the executed amount
    r = read_report("2021年项目绩效自评报告\n一、基本情况\n共发放补助资金98万元。")
    assert "executed" not in dict(r.funds)
