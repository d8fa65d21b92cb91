"""The token-level reader of indicator statements (evalengine/importer/statements.py), each
mechanism on a small text written for the test."""

from __future__ import annotations

from evalengine.importer.prose import _lines, read_report
from evalengine.importer.statements import read_statements, tokenise


def read(text: str):
    return read_statements(_lines(text)[0])


def only(text: str):
    got = read(text)
    assert len(got) == 1, got
    return got[0]


def test_tokens_are_typed_and_a_number_inside_a_word_is_text():
    kinds = [(t.kind, t.text, t.field) for t in tokenise("培训人数目标值为200人")]
    assert kinds == [("text", "培训人数", ""), ("cue", "目标值", "target"), ("text", "为", ""),
                     ("value", "200人", "")]
    # 指标1工程 / 0-6岁儿童: a number inside a name is no value
    assert all(t.kind != "value" for t in tokenise("指标1工程资金金额"))
    assert all(t.kind != "value" for t in tokenise("0-6岁儿童健康管理数"))


def test_a_cue_and_its_value_in_either_order_with_points():
    s = only("一是道路养护里程实际完成120公里,目标值为≥100公里,分值10分,得分10分。")
    assert (s.name, s.target, s.actual, s.weight, s.score) == (
        "道路养护里程", "≥100公里", "120公里", "10", "10")


def test_a_name_alone_then_its_labelled_values_in_the_sentences_after():
    s = only("1.数量指标\n(1)培训人数。预期目标:200人;完成情况:235人。")
    assert (s.name, s.target, s.actual, s.level2) == ("培训人数", "200人", "235人", "数量指标")


def test_a_category_heading_sets_the_levels_of_what_follows():
    got = read("三、绩效指标完成情况\n(一)产出指标\n1.质量指标:验收合格率,目标值100%。\n"
               "(二)效益指标\n1.社会效益指标:群众知晓率,目标值≥90%,实际完成93%。\n四、存在问题")
    assert [(s.name, s.level1, s.level2) for s in got] == [
        ("验收合格率", "产出指标", "质量指标"), ("群众知晓率", "效益指标", "社会效益指标")]


def test_headings_glued_in_a_run_without_line_breaks():
    s = only("三、绩效指标完成情况(一)产出指标1.时效指标:按时完成率,目标值100%,实际完成100%。")
    assert (s.name, s.level1, s.level2, s.target, s.actual) == (
        "按时完成率", "产出指标", "时效指标", "100%", "100%")


def test_a_heading_in_words_with_a_heading_ending():
    s = only("满意度方面,受益群众满意度目标值为≥90%,实际完成值为96%。")
    assert s.level2 == "" and s.level1 == "满意度指标" and s.name == "受益群众满意度"


def test_a_score_above_its_weight_is_not_read():
    s = only("群众满意度,目标值≥90%,实际完成95%,分值5分,得分8分。")
    assert (s.weight, s.score) == ("", "")
    assert dict(s.unread) == {"weight": "ambiguous", "score": "ambiguous"}
    assert (s.target, s.actual) == ("≥90%", "95%")


def test_a_target_and_an_actual_in_different_units_are_not_one_indicators():
    s = only("培训人数,目标值200人,实际完成98%。")
    assert (s.target, s.actual) == ("", "")
    assert dict(s.unread) == {"target": "ambiguous", "actual": "ambiguous"}


def test_two_values_for_one_field_are_neither():
    s = only("绿化面积目标值为20亩,目标值为30亩,实际完成25亩。")
    assert s.target == "" and dict(s.unread)["target"] == "ambiguous" and s.actual == "25亩"


def test_a_figure_no_cue_names_is_left_to_the_lists():
    # 1.覆盖率:100% — a list's item: target or actual, the list's heading says
    assert read("二、绩效目标\n1.覆盖率:100%;\n2.宣传次数:已完成12次;") == []


def test_values_in_words_after_a_label():
    s = only("(1)资金使用合规性。预期目标:合规;完成情况:达成预期指标。")
    assert (s.target, s.actual) == ("合规", "达成预期指标")
    s = only("一是项目管理规范性实际完成达成预期指标,目标值为严格执行制度。")
    assert (s.name, s.actual, s.target) == ("项目管理规范性", "达成预期指标", "严格执行制度")


def test_words_after_a_label_in_a_sentence_are_no_value():
    assert read("我单位对该项目的各项绩效指标完成情况进行了调查。") == []
    assert read("经过自评,具体完成情况如下表。") == []


def test_a_value_in_words_goes_on_after_a_comma():
    s = only("群众获得感,目标值为服务更便捷,办事更高效,实际完成值为基本实现。")
    assert (s.target, s.actual) == ("服务更便捷,办事更高效", "基本实现")


def test_the_name_label():
    s = only("数量指标:\n①指标名称:新建公厕数量,目标值:12座,实际值:12座,分值10分。")
    assert (s.name, s.target, s.actual, s.weight, s.level2) == (
        "新建公厕数量", "12座", "12座", "10", "数量指标")


def test_a_weak_cue_alone_outside_the_indicators_is_not_read():
    # 满意度达到90% in the narrative: a target or an actual? Not said.
    assert read("(二)项目效益情况\n2.满意度达到90%。") == []
    # under a category heading it is the indicator's value
    s = only("满意度指标:群众满意度达到96%。")
    assert (s.name, s.actual) == ("群众满意度", "96%")


def test_a_marker_cut_off_by_its_comma_is_not_the_names_part():
    s = only("第一,困难群众救助覆盖率目标值为100%,实际完成值为100%。")
    assert s.name == "困难群众救助覆盖率"


def test_the_reports_own_score_is_no_indicator():
    assert read("四、自评结论\n经自评,本项目分值100分,自评得分95分。") == []


def test_clauses_another_reader_took_are_skipped():
    line = "项目验收合格率目标值为100%"
    assert read(line) and read_statements([line], skip=[line]) == []


def test_read_report_adds_an_indicator_the_shapes_miss():
    # a target with no actual (the report states none): the shapes need both
    report = read_report("2023年度道路养护项目绩效自评报告\n三、绩效指标完成情况\n(一)产出指标\n"
                         "1.数量指标:养护里程,目标值120公里,分值20分。\n四、自评结论\n"
                         "经自评,本项目自评得分95分。")
    got = [(i.name, i.target, i.actual, i.weight, i.level1, i.level2)
           for i in report.indicators]
    assert got == [("养护里程", "120公里", "", "20", "产出指标", "数量指标")]


def test_read_report_keeps_what_the_shapes_read_and_fills_the_rest():
    report = read_report("2023年度项目绩效自评报告\n二、绩效目标完成情况\n"
                         "群众满意度(分值10分)目标≥90%,实际98%,得10分。")
    (ind,) = report.indicators
    assert (ind.name, ind.target, ind.actual, ind.weight, ind.score) == (
        "群众满意度", "≥90%", "98%", "10", "10")


def test_bad_input_never_raises():
    for text in ("", ",,,;;;。。", "目标值", "实际完成" * 500, "(一)" * 100, "1." * 300,
                 "目标值为" + "9" * 40 + "%", "\ue000\ue001"):
        # none of these names an indicator: nothing is invented from a bare cue or value
        assert read(text) == [], text[:20]


def test_a_value_alone_right_after_a_category_heading_is_the_actual():
    got = read("1.产出指标完成情况分析\n(1)数量指标。基本完成治理面积1429.39hm,其中坡改梯25.26hm,"
               "封育治理958.81hm。\n(2)社会效益。人均增加基本农田0.05亩;农田增加25.26hm。\n"
               "(3)满意度指标。群众满意度≥95%。")
    assert [(s.name, s.actual, s.level2) for s in got] == [
        ("治理面积", "1429.39hm", "数量指标"),  # (其中…: its parts, no indicator)
        ("人均增加基本农田", "0.05亩", "社会效益"), ("农田增加", "25.26hm", "社会效益"),
        ("群众满意度", "", "")]
    # with an operator: a target or an actual, which is unsaid
    assert dict(got[-1].unread) == {"target": "ambiguous", "actual": "ambiguous"}


def test_only_the_first_sentence_after_the_heading_states_it():
    assert read("1、产出指标完成情况分析\n年内各项产出指标均能按时完成。已完成建设工程32.63公里。") == []
    # nor a value alone outside a category heading
    assert read("二、项目实施情况\n已完成建设工程32.63公里。") == []


def test_a_list_of_targets_and_a_list_of_actuals_are_paired_by_name():
    got = read("二、绩效目标\n1.验收合格率:100%;\n2.资金使用合规性:严格执行制度,专款专用;\n"
               "3.宣传册:3000份;\n三、绩效目标完成情况\n1.资金使用合规性:达成预期指标;\n"
               "2.验收合格率:100%;\n四、存在的问题")
    assert [(s.name, s.target, s.actual) for s in got] == [
        ("验收合格率", "100%", "100%"),
        ("资金使用合规性", "严格执行制度,专款专用", "达成预期指标")]
    # (宣传册, in one list only and under no category heading: not said to be an indicator)


def test_an_item_named_twice_in_one_list_is_not_paired():
    assert read("二、绩效目标\n1.培训人数:200人;\n2.培训人数:300人;\n"
                "三、绩效目标完成情况\n1.培训人数:250人;") == []


def test_read_report_drops_a_piece_of_a_value_read_as_an_indicator():
    report = read_report("2021年项目绩效自评报告\n三、绩效指标完成情况\n1.成本指标\n"
                         "(1)印刷成本。预期目标:《年鉴》7.5万元,《实录》6.5万元;完成情况:完成。")
    assert [(i.name, i.target, i.actual) for i in report.indicators] == [
        ("印刷成本", "《年鉴》7.5万元,《实录》6.5万元", "完成")]


def test_a_name_after_its_label_runs_to_the_next_label():
    s = only("①指标名称:WIFI全覆盖,绿色环保,目标值:良好,实际值:良好。")
    assert (s.name, s.target, s.actual) == ("WIFI全覆盖,绿色环保", "良好", "良好")


def test_headings_the_taxonomy_does_not_name_leave_the_level_unread():
    got = read("1.质量指标:验收合格率,目标值100%。\n2.进度指标:资料上报,目标值12月底前完成。\n"
               "社会效益:群众获得感,目标值:明显提升。")
    assert [(s.name, s.level2) for s in got] == [
        ("验收合格率", "质量指标"), ("资料上报", ""), ("群众获得感", "社会效益")]


def test_one_figure_in_words_outside_the_indicators_is_no_indicator():
    # a 部门决算 explanation, no report: 预算完成情况:预算资金100%使用完成 names no indicator
    assert read("三、其他事项\n5.预算完成情况:预算资金100%使用完成。") == []
    report = read_report("2021年度部门决算编制说明\n一、收入支出决算总体情况说明\n"
                         "5.预算完成情况:预算资金100%使用完成。")
    assert report.indicators == ()


def test_a_planned_then_an_actual_figure_after_a_heading_are_not_two_indicators():
    got = read("(三)绩效指标完成情况\n4.成本指标。项目概算80万元,实际结算金额76.5万元。")
    assert [s.name for s in got] == ["项目概算"]


def test_names_listed_before_a_shared_value_are_each_an_indicator():
    # 均 says the value is each listed indicator's: the actual and the shared target likewise
    report = read_report("2021年项目绩效自评报告\n三、绩效指标完成情况\n(一)产出指标\n"
                         "1.质量指标:验收合格率和资金使用合规率均达到100%,目标值均不低于95%。\n"
                         "2.时效指标:资金到位率、支付率均达100%。")
    assert [(i.name, i.target, i.actual, i.level2) for i in report.indicators] == [
        ("验收合格率", "不低于95%", "100%", "质量指标"),
        ("资金使用合规率", "不低于95%", "100%", "质量指标"),
        ("资金到位率", "", "100%", "时效指标"), ("支付率", "", "100%", "时效指标")]


def test_a_listed_value_without_a_sharing_word_is_not_split():
    # no 均/都: whose value it is, the sentence does not say — the names are not split
    report = read_report("2021年项目绩效自评报告\n三、绩效指标完成情况\n(一)产出指标\n"
                         "1.质量指标:验收合格率、资金使用合规率达到100%。")
    assert all(i.name not in ("验收合格率", "资金使用合规率") for i in report.indicators)
    # a part that is no name (a figure in it): not split either
    report = read_report("2021年项目绩效自评报告\n三、绩效指标完成情况\n(一)产出指标\n"
                         "1.数量指标:培训2期、覆盖率均达到100%。")
    assert all(i.name != "覆盖率" for i in report.indicators)


def test_a_control_value_after_an_outcome_is_its_target():
    got = read("(一)产出指标\n1.成本指标:每公里建设成本8.5万元,低于控制指标10万元。\n"
               "2.成本指标:人均培训成本180元,控制在200元以内。\n"
               "3.质量指标:苗木成活率92%,高于控制值85%。")
    assert [(s.name, s.target, s.actual) for s in got] == [
        ("每公里建设成本", "≤10万元", "8.5万元"), ("人均培训成本", "≤200元", "180元"),
        ("苗木成活率", "≥85%", "92%")]


def test_a_control_value_with_no_outcome_before_it_or_in_another_unit_is_not_read():
    # the control clause alone names no indicator; a control in another unit is no target
    assert read("(一)产出指标\n1.成本指标:低于控制指标10万元。") == []
    s = only("(一)产出指标\n1.成本指标:每公里建设成本8.5万元,低于控制指标10%。")
    assert (s.name, s.target, s.actual) == ("每公里建设成本", "", "8.5万元")
