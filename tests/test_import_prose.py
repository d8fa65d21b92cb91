"""Reports in prose (issue 10 §3): sentences, numbered items, two lists paired by name.

Every text here is written for the test, in several phrasings (word orders, full- and
half-width punctuation, 万元 and 元, items numbered 1. （1） ① 第一), so that no test rests
on one published form's wording.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from evalengine.importer import import_text
from evalengine.importer.prose import _HALF, read_report, report_title


def _rows(report):
    return [(i.name, i.target, i.actual) for i in report.indicators]


def _unread(report, name):
    return dict(next(i for i in report.indicators if i.name == name).unread)


def test_sentences_full_width_with_money_score_and_grade():
    r = read_report(
        "2023年度社区养老服务项目绩效自评报告\n一、基本情况\n"
        "全年预算数80万元，实际执行72万元，预算执行率90%。\n"
        "二、绩效指标完成情况\n"
        "（1）服务老人人次目标值为不少于500人次，实际完成值为612人次。\n"
        "（2）老人满意度年度指标值为≥90%，实际完成值为95%，得分10分。\n"
        "三、自评结论\n自评得分为96.5分，自评等级为优。\n")
    assert (r.year, r.name, r.titled, r.cut) == (2023, "社区养老服务项目", True, False)
    assert dict(r.funds) == {"budget": 80, "executed": 72, "claimed_rate": 90}
    assert _rows(r) == [("服务老人人次", "不少于500人次", "612人次"), ("老人满意度", "≥90%", "95%")]
    assert r.indicators[1].score == "10" and r.indicators[0].score == ""
    assert (r.claimed_total, r.grade) == (Decimal("96.5"), "优")


def test_half_width_yuan_and_the_actual_before_the_target():
    r = read_report(
        "2021年度农村道路养护项目自评报告\n"
        "项目预算资金350000元,已支出280000元,执行率80%.\n"
        "1.道路养护里程实际完成52公里,目标值为50公里.\n"
        "2.群众满意度实际达到93%,预期目标为90%以上.\n")
    assert dict(r.funds) == {"budget": 350000, "executed": 280000, "claimed_rate": 80}  # as printed
    assert _rows(r) == [("道路养护里程", "50公里", "52公里"), ("群众满意度", "90%以上", "93%")]


def test_money_in_two_units_is_given_in_wan_yuan():
    r = read_report("下达资金120万元，实际支出1000000元，执行率83.33%。")
    assert dict(r.funds) == {"budget": 120, "executed": 100, "claimed_rate": Decimal("83.33")}


def test_a_rate_that_contradicts_the_figures_is_read_as_printed():
    r = read_report("预算数100万元，执行数50万元，执行率60%。")
    assert dict(r.funds)["claimed_rate"] == 60  # the rules report it, the importer does not fix it


def test_two_budgets_the_rate_decides_else_neither_is_taken():
    decided = read_report("预算数100万元，执行数90万元，执行率90%。项目预算120万元。")
    assert dict(decided.funds)["budget"] == 100
    undecided = read_report("预算数100万元，执行数90万元。项目预算120万元。")
    assert "budget" not in dict(undecided.funds)
    assert dict(undecided.funds_unread) == {"budget": "ambiguous"}


def test_a_figure_after_a_residual_or_part_word_is_not_the_budget():
    r = read_report("下达资金50万元，其中省级资金30万元；结余资金未执行完的5万元将收回。")
    assert dict(r.funds) == {"budget": 50}


def test_numbered_items_with_headings_give_the_levels():
    r = read_report(
        "（二）绩效目标完成情况\n"
        "1.数量指标：资助精神病患者服药230人，实际完成230人；\n"
        "2.质量指标：辅具适配合格率目标值100%，实际完成值98%；\n"
        "3.产出时效指标：第一，项目完成时间年度目标值为2022年12月底前，实际完成值为按期完成。\n")
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in r.indicators] == [
        ("", "数量指标", "资助精神病患者服药", "230人", "230人"),
        ("", "质量指标", "辅具适配合格率", "100%", "98%"),
        ("产出指标", "时效指标", "项目完成时间", "2022年12月底前", "按期完成")]


def test_targets_and_actuals_in_two_numbered_lists_are_paired_by_name_not_position():
    r = read_report(
        "二、绩效目标\n①培训农民200人次；②发放手册1000册；③群众满意度≥90%。\n"
        "三、绩效目标完成情况\n①发放手册1200册；②培训农民230人次；③群众满意度96%。\n")
    assert _rows(r) == [("培训农民", "200人次", "230人次"), ("发放手册", "1000册", "1200册"),
                        ("群众满意度", "≥90%", "96%")]


def test_two_lists_in_one_sentence():
    r = read_report("项目目标：新建公厕12座、改造污水管网3.5公里；"
                    "实际完成：新建公厕12座，改造污水管网3.2公里。")
    assert _rows(r) == [("新建公厕", "12座", "12座"), ("改造污水管网", "3.5公里", "3.2公里")]


def test_actuals_whose_names_disagree_are_not_paired_by_position():
    r = read_report("目标：培训农民200人次，发放手册1000册。实际完成：举办讲座12场，印制海报300张。")
    assert _rows(r) == [("培训农民", "200人次", ""), ("发放手册", "1000册", "")]
    assert _unread(r, "培训农民") == {"actual": "unplaced"}
    assert ("unplaced", "举办讲座12场") in r.notes


def test_actuals_without_names_pair_by_position_only_when_as_many():
    same = read_report("目标：培训农民200人次，发放手册1000册。实际完成：230人次，1200册。")
    assert _rows(same) == [("培训农民", "200人次", "230人次"), ("发放手册", "1000册", "1200册")]
    fewer = read_report("目标：培训农民200人次，发放手册1000册。实际完成：230人次。")
    assert [i.actual for i in fewer.indicators] == ["", ""]
    assert all(dict(i.unread) == {"actual": "unplaced"} for i in fewer.indicators)


def test_a_list_cut_off_mid_way_leaves_the_rest_unread():
    r = read_report("目标：培训农民200人次，发放手册1000册，群众满意度≥90%。"
                    "实际完成：培训农民230人次，发放手册12")
    assert r.cut and r.open_at_cut
    assert _rows(r) == [("培训农民", "200人次", "230人次"), ("发放手册", "1000册", ""),
                        ("群众满意度", "≥90%", "")]
    assert _unread(r, "发放手册") == {"actual": "cut"}  # "12" may be 1200
    assert _unread(r, "群众满意度") == {"actual": "cut"}


def test_a_sentence_cut_off_leaves_its_last_value_unread():
    r = read_report("1、群众满意度目标值为≥95%，实际完成值为9")
    assert _rows(r) == [("群众满意度", "≥95%", "")]
    assert _unread(r, "群众满意度") == {"actual": "cut"}


def test_sentences_that_are_no_indicator_are_not_read_as_one():
    r = read_report("对照总体绩效目标，该项目已按照计划完成目标，完成质量较好。"
                    "行政运行支出决算为540.11万元，完成调整预算100%。"
                    "积极对标衔接目标企业，完成2021年全区重点项目的考察工作。")
    assert r.indicators == ()


def test_two_different_self_scores_are_ambiguous():
    r = read_report("自评得分95分。经再次自评，自评总分为93分。")
    assert (r.claimed_total, r.total_unread) == (None, "ambiguous")
    assert read_report("本项目总分值为100分，自评得分98分。").claimed_total == 98


def test_a_title_run_into_the_first_heading_is_read():
    r = read_report("2022年度河道保洁项目支出绩效自评报告一、基本情况(一)项目概况。")
    assert (r.year, r.name) == (2022, "河道保洁项目")


def test_a_report_without_an_indicator_list_is_not_scored_as_having_none():
    text = ("2022年度河道保洁项目支出绩效自评报告\n一、基本情况\n"
            "年初预算数30万元，全年预算数30万元，全年执行数27万元，执行率为90%。\n"
            "二、绩效指标完成情况\n详见附表。\n三、自评结论\n自评得分92分。\n")
    [form] = import_text(text.encode()).forms
    case = form.case
    assert (case.project.name, case.project.year) == ("河道保洁项目", 2022)
    assert (case.funds.initial_budget, case.funds.budget, case.funds.executed,
            case.funds.claimed_rate) == (30, 30, 27, 90)
    assert case.narrative.claimed_total == 92
    assert case.indicators == ()
    assert dict(case.project.unread.items).get("indicators") == "unplaced"  # not "no indicators"


def test_a_report_imported_marks_the_money_it_does_not_state_unread():
    text = ("2023年度图书馆免费开放项目绩效自评报告\n"
            "项目资金下达40万元，执行率100%。\n"
            "1.开放天数目标值为≥300天，实际完成值为320天。\n"
            "2.读者满意度目标值为≥90%，实际完成值为97%。\n")
    [form] = import_text(text.encode()).forms
    case = form.case
    assert (case.funds.budget, case.funds.claimed_rate, case.funds.executed) == (40, 100, None)
    assert dict(case.funds.unread.items) == {"executed": "unplaced"}  # 年初预算: seldom in a report
    assert [(i.name, i.target, i.actual) for i in case.indicators] == [
        ("开放天数", "≥300天", "320天"), ("读者满意度", "≥90%", "97%")]
    assert not case.project.incomplete


_PIECES = ["目标", "实际完成", "：", ":", "，", ",", "。", "；", "1.", "（1）", "①", "第一，",
           "一、", "(二)", "万元", "元", "%", "人次", "≥", "不低于", "得分", "分", "自评得分",
           "执行率", "预算数", "执行数", "2022年度", "自评报告", "数量指标", "满意度", "\n",
           "100", "9.5", "0", " "]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300),
                 st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=60).map("".join)))
def test_the_prose_reader_never_raises(text):
    r = read_report(text)
    seen = "".join(text.translate(_HALF).split())
    for ind in r.indicators:  # never writes a value it also calls unread, nor one not printed
        assert not {f for f, _ in ind.unread} & {f for f in ("target", "actual", "weight", "score")
                                                  if getattr(ind, f)}
        for value in (ind.name, ind.target, ind.actual, ind.weight, ind.score):
            assert "".join(value.split()) in seen


def test_lists_opened_by_labels_with_numbered_items_and_a_repeated_name():
    r = read_report("绩效目标：1.培训人数≥200人次；2.群众满意度≥90%。"
                    "绩效目标完成情况：1.培训人数230人次；2.群众满意度95%。"
                    "另，道路满意度目标值≥85%，实际满意度为88%。"
                    "经自评，该项目综合得分98分，评价等级为“优”。")
    assert _rows(r) == [("培训人数", "≥200人次", "230人次"), ("群众满意度", "≥90%", "95%"),
                        ("道路满意度", "≥85%", "88%")]  # in the order the text states them
    assert (r.claimed_total, r.grade) == (98, "优")


def test_label_value_pairs_a_bracketed_target_and_thousands_separators():
    r = read_report("1.指标名称：培训人数，目标值：1,200人，实际值：1,350人；"
                    "2.完成农村危房改造86户（目标80户）。"
                    "全年预算数1,234.5万元，全年执行数1,200万元。")
    assert _rows(r) == [("培训人数", "1,200人", "1,350人"), ("农村危房改造", "80户", "86户")]
    assert dict(r.funds) == {"budget": Decimal("1234.5"), "executed": 1200}


def test_a_title_in_the_form_of_a_letter():
    assert report_title("关于2021年度城乡环卫一体化项目绩效自评情况的报告\n") == (2021, "城乡环卫一体化项目")
    # a title alone is not yet a report: read only with evidence it is a self-assessment
    assert read_report("关于2021年度城乡环卫一体化项目绩效自评情况的报告\n").name == ""
    assert read_report("关于2021年度城乡环卫一体化项目绩效自评情况的报告\n一、项目基本情况\n"
                       ).name == "城乡环卫一体化项目"


def test_a_report_around_an_indicator_table_gives_what_the_table_does_not():
    text = ("2022年度乡村学校营养餐项目自评结果\n一、自评结论\n经自评，综合评价得分为97分。\n"
            "二、预算执行情况\n实际下达预算120万元，实际总支出118万元，预算执行率98.33%。\n"
            "三、绩效目标完成情况\n"
            "一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值 |\n"
            "产出指标 | 数量指标 | 受益学生人数 | 1500人 | 1620人 |\n"
            "满意度指标 | 服务对象满意度指标 | 家长满意度 | 90% | 96% |\n"
            "四、存在的问题\n部分学校供餐时间")
    [form] = import_text(text.encode()).forms
    case = form.case
    assert (case.project.name, case.project.year) == ("乡村学校营养餐项目", 2022)
    assert (case.funds.budget, case.funds.executed, case.funds.claimed_rate) == (
        120, 118, Decimal("98.33"))
    assert case.narrative.claimed_total == 97
    assert [(i.name, i.target, i.actual) for i in case.indicators] == [
        ("受益学生人数", "1500人", "1620人"), ("家长满意度", "90%", "96%")]
    assert not case.project.incomplete  # cut in 存在的问题, after the table and the score
    assert not case.project.review
    assert not [n for n in form.notes if n.kind == "unplaced"]  # the table is the table's


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=40).map("".join))
def test_importing_prose_never_raises(text):
    import_text(("2022年度某项目绩效自评报告\n" + text).encode())


def test_names_as_clauses_of_their_own_under_section_and_category_headings():
    r = read_report(
        "XX县农业农村局2023年度高标准农田建设项目绩效自评报告\n"
        "一、项目基本情况\n本项目总投资1500万元，其中中央资金900万元。\n"
        "2023年年初预算数为1500万元，调整后预算数为1480万元，截至12月31日，实际支出1420.5万元，"
        "预算执行率为95.98%。\n"
        "二、绩效目标完成情况\n（一）产出指标\n"
        "1.数量指标：新建高标准农田面积，年度目标值≥1万亩，实际完成1.05万亩；"
        "新建灌溉渠道，目标值20公里，实际完成22公里。\n"
        "2.时效指标：项目完工时间，目标值为2023年12月31日前，实际完成值为2023年11月20日。\n"
        "（二）效益指标\n1.经济效益指标：亩均节本增效，目标值≥100元，实际完成值120元。\n"
        "（三）满意度指标\n受益群众满意度，目标值≥90%，实际完成值95%。\n")
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in r.indicators] == [
        ("产出指标", "数量指标", "新建高标准农田面积", "≥1万亩", "1.05万亩"),
        ("产出指标", "数量指标", "新建灌溉渠道", "20公里", "22公里"),
        ("产出指标", "时效指标", "项目完工时间", "2023年12月31日前", "2023年11月20日"),
        ("效益指标", "经济效益指标", "亩均节本增效", "≥100元", "120元"),
        ("满意度指标", "", "受益群众满意度", "≥90%", "95%")]
    # 总投资 1500 and 调整后预算数 1480 are both budgets: 1420.5 / 1480 = 95.98% decides
    assert dict(r.funds) == {"initial_budget": 1500, "budget": 1480,
                             "executed": Decimal("1420.5"), "claimed_rate": Decimal("95.98")}


def test_targets_listed_then_actuals_stated_in_one_sentence():
    r = read_report("二、项目绩效目标\n1.完成老旧小区改造5个；2.惠及居民1200户；3.居民满意度达到90%以上。\n"
                    "三、绩效目标完成情况\n截至年底，共完成老旧小区改造6个，惠及居民1350户，居民满意度为96%。\n")
    assert _rows(r) == [("完成老旧小区改造", "5个", "6个"), ("惠及居民", "1200户", "1350户"),
                        ("居民满意度", "90%以上", "96%")]


def test_labels_with_a_connector_before_the_colon_and_a_money_sentence_after_the_lists():
    r = read_report("本项目绩效目标为：培训人数不少于200人次，发放补贴资金不超过50万元，满意度不低于90%。"
                    "实际完成情况：培训人数235人次，发放补贴资金48.6万元，满意度97%。\n"
                    "项目预算资金50万元，到位资金50万元，实际使用48.6万元，资金使用率97.2%。\n")
    assert _rows(r) == [("培训人数", "不少于200人次", "235人次"),
                        ("发放补贴资金", "不超过50万元", "48.6万元"), ("满意度", "不低于90%", "97%")]
    assert dict(r.funds) == {"budget": 50, "executed": Decimal("48.6"), "claimed_rate": Decimal("97.2")}
    assert r.notes == ()  # the money sentence holds no unpaired actual


def test_a_score_is_the_departments_own_only_in_a_self_assessment_or_labelled_so():
    assert read_report("2023年度某项目绩效自评报告\n综合评价得分为92分。").claimed_total == 92
    third = read_report("2023年度某项目绩效评价报告\n综合评价得分为88.64分。单位自评得分100分。")
    assert third.claimed_total == 100  # the evaluators' 88.64 is not the claim
    assert read_report("经复核，综合评价得分为88分。").claimed_total is None


def test_a_sentence_cut_at_its_spaces_into_lines_is_read_whole():
    r = read_report("1.群众满意度\n目标值为≥95%，实际完成值为\n98%，得分\n10分。\n综合评价得分为\n99.8分。")
    assert _rows(r) == [("群众满意度", "≥95%", "98%")]
    assert r.indicators[0].score == "10" and r.claimed_total is None  # (no 自评: not a claim)


def test_a_numbered_heading_is_not_joined_to_the_sentence_below_it():
    r = read_report("1、绩效目标完成情况\n培训人次指标目标值为≥100人次，实际完成值为120人次。")
    assert _rows(r) == [("培训人次", "≥100人次", "120人次")]


def test_money_paid_and_money_arrived():
    r = read_report("该项目预算资金25.6万元，实际到位25.6万元，已支付23.04万元，资金执行率90%。")
    assert dict(r.funds) == {"budget": Decimal("25.6"), "executed": Decimal("23.04"), "claimed_rate": 90}


def test_a_shape_with_an_unknown_placeholder_is_refused_with_its_key_path(tmp_path):
    import pytest

    from evalengine.importer.prose import load_prose_rules
    from evalengine.loader import ConfigError
    from evalengine.resources import rules_dir

    text = (rules_dir() / "prose.toml").read_text(encoding="utf-8")
    (tmp_path / "prose.toml").write_text(text.replace("{actual}{points}", "{actul}{points}", 1),
                                         encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_prose_rules(tmp_path)
    assert "$.sentences[0].shape" in str(err.value) and "actul" in str(err.value)
    assert load_prose_rules().sentences  # the shipped file is valid


def test_a_numbered_name_then_its_target_and_actual_each_after_a_label():
    r = read_report("（1）培训人数。预期目标：200人次；完成情况：235人次。\n"
                    "（2）群众满意度。预期目标：≥90%；完成情况：96%。\n")
    assert _rows(r) == [("培训人数", "200人次", "235人次"), ("群众满意度", "≥90%", "96%")]
