

# --- an item's values in words after long labels -------------------------------------------

def test_a_numbered_items_values_in_words_after_long_labels():
    report = read_report("2023年度养老服务补贴项目支出绩效自评报告\n三、绩效指标完成情况\n"
                         "1.质量指标\n（1）补贴发放合规性。预期目标：合规；完成情况：达成预期指标。\n"
                         "（2）补贴发放人数。预期目标：500人；完成情况：520人。\n")
    assert [(i.name, i.target, i.actual) for i in report.indicators] == [
        ("补贴发放合规性", "合规", "达成预期指标"), ("补贴发放人数", "500人", "520人")]


def test_words_after_short_labels_are_no_values():
    report = read_report("2023年度养老服务补贴项目支出绩效自评报告\n三、绩效指标完成情况\n"
                         "1.质量指标\n（1）补贴发放合规性。目标：合规；实际：基本达成。\n")
    assert report.indicators == ()
