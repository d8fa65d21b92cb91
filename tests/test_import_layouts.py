"""Layouts as data (issue 10 §1): rules/layouts/*.toml, validated loading, recognition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evalengine.importer import import_text
from evalengine.importer.layouts import (
    Relation, load_layout, load_layouts, recognise_layout,
)
from evalengine.loader import ConfigError
from evalengine.resources import rules_dir

REQUIRED = {"central-2020", "sichuan-510000", "hubei-20-80", "anhui-xianjie", "hebei-adjusted",
            "dept-central", "chongqing-dept", "scoring-method", "guangshui-rubric",
            "transfer-region", "unscored-project", "dept-rubric"}


def test_the_layouts_of_the_issue_are_shipped_and_load():
    layouts = {layout.id: layout for layout in load_layouts()}
    assert REQUIRED <= set(layouts)
    for layout in layouts.values():
        assert layout.source and layout.profile
        for block in layout.blocks:
            for column in block.columns:
                assert column.labels, (layout.id, block.kind, column.field)


def test_a_typo_in_a_layout_is_a_load_error_with_its_key_path(tmp_path):
    text = (rules_dir() / "layouts" / "central-2020.toml").read_text(encoding="utf-8")
    bad = tmp_path / "central-2020.toml"
    bad.write_text(text.replace('type = "money"', 'type = "mony"', 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_layout(bad)
    assert "$.blocks[1].columns[0].type" in str(err.value)
    bad.write_text(text.replace("signs =", "sings =", 1), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_layout(bad)
    assert "sings" in str(err.value)
    bad.write_text(text.replace('"rate = executed / budget"', '"rate = spent / budget"'),
                   encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_layout(bad)
    assert "arithmetic[0]" in str(err.value) and "spent" in str(err.value)


def test_relations_parse():
    assert Relation.parse("rate = executed / budget") == Relation("rate", "/", "executed", "budget")
    assert Relation.parse("score = 20 * rate") == Relation("score", "*", "20", "rate")
    assert Relation.parse("score <= weight") == Relation("score", "<=", "weight")
    assert Relation.parse("score = ") is None


@pytest.mark.parametrize(("text", "layout"), [
    ("部门预算项目支出绩效自评表 报表编号:510000_0013zp 调整后预算数 指标性质 度量单位", "sichuan-510000"),
    ("财政项目绩效自评表 预算执行情况(万元)(20分) 得分(20分*执行率) 年初目标值(A)", "hubei-20-80"),
    ("部门整体绩效自评表 执行率权重 得分系数(%) 指标权重(分) 是否核心指标", "chongqing-dept"),
    ("转移支付区域(项目)绩效目标自评表 资金投入情况 中央主管部门 资金使用单位", "transfer-region"),
    ("项目支出绩效自评表 项目名称 主管部门 年度指标值 实际完成值", "central-2020"),
])
def test_a_layout_is_recognised_by_its_words(text, layout):
    found, _, ties = recognise_layout(text)
    assert found is not None and found.id == layout and ties == ()


def test_a_new_layout_is_a_new_data_file(tmp_path):
    shutil.copytree(rules_dir() / "layouts", tmp_path / "layouts")
    (tmp_path / "layouts" / "new-form.toml").write_text(
        'id = "new-form"\nname = "x"\nsource = "test"\nprofile = "central-2020"\n'
        'title = ["绩效新表"]\nsigns = ["新栏目甲", "新栏目乙"]\n', encoding="utf-8")
    layouts = load_layouts(tmp_path)
    found, _, _ = recognise_layout("绩效新表 新栏目甲 新栏目乙", layouts)
    assert found is not None and found.id == "new-form"


def test_a_profile_not_yet_shipped_falls_back_with_a_note():
    form = ("2021年度财政项目绩效自评表\n项目名称\t测试\n预算执行情况(万元)(20分)\t预算数(A)\t执行数(B)"
            "\t执行率(B/A)\t得分(20分*执行率)\n年度财政资金总额\t50\t49.78\t99.56%\t19.91\n")
    form = import_text(form.encode()).forms[0]
    assert form.layout == "hubei-20-80"
    profile = next(lay.profile for lay in load_layouts() if lay.id == "hubei-20-80")
    if not (rules_dir() / "profiles" / f"{profile}.toml").exists():
        assert form.case.project.profile == "central-2020"
        assert any(n.kind == "profile-fallback" for n in form.notes)
    else:
        assert form.case.project.profile == profile


def test_real_forms_layouts():
    from evalengine.importer import import_file

    folder = Path(__file__).parent / "corpus" / "forms"
    got = {p: [f.layout for f in import_file(folder / f"{p}.txt").forms]
           for p in ("03", "19", "30", "36", "40", "43", "47", "48")}
    assert got["03"] == ["sichuan-510000"] and got["48"] == ["chongqing-dept"]
    assert got["19"] == got["40"] == ["hubei-20-80"] and got["36"] == ["dept-central"]
    assert got["30"] == ["scoring-method"] and got["43"][0] == "transfer-region"
    assert got["47"][0] == "hebei-adjusted"


def test_the_layouts_words_are_counted_once_per_set_of_layouts(tmp_path):
    """recognise_layout runs once a table (a long text holds thousands): each layout's words
    and their counts across layouts are worked out once for a set of layouts, and a
    different set (a rules folder with one more layout) gets its own counts."""
    from evalengine.importer.layouts import _vocabulary

    shipped = load_layouts()
    words, count = _vocabulary(shipped)
    assert _vocabulary(shipped) is _vocabulary(shipped)
    assert len(words) == len(shipped)
    assert all(count[w] >= 1 for titles, signs, labels in words for w in titles | signs | labels)
    before = _vocabulary.cache_info().hits
    recognise_layout("项目支出绩效自评表 年初预算数 全年预算数 全年执行数", shipped)
    recognise_layout("项目支出绩效自评表 年初预算数 全年预算数 全年执行数", shipped)
    assert _vocabulary.cache_info().hits >= before + 2
    shutil.copytree(rules_dir() / "layouts", tmp_path / "layouts")
    (tmp_path / "layouts" / "new-form.toml").write_text(
        'id = "new-form"\nname = "x"\nsource = "test"\nprofile = "central-2020"\n'
        'title = ["绩效新表"]\nsigns = ["新栏目甲", "年初预算数"]\n', encoding="utf-8")
    more = load_layouts(tmp_path)
    _, more_count = _vocabulary(more)
    assert more_count["新栏目甲"] == 1 and "新栏目甲" not in count
    assert more_count["年初预算数"] >= count.get("年初预算数", 0) + 1
    found, _, _ = recognise_layout("绩效新表 新栏目甲 年初预算数", more)
    assert found is not None and found.id == "new-form"
    with pytest.raises(TypeError):  # shared by every caller: read-only
        count["新栏目甲"] = 1  # type: ignore[index]
