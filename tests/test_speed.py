"""The caches added for speed give the same answers as the uncached code."""

from __future__ import annotations

from evalengine.taxonomy import Taxonomy, _aliases, _level2, load_taxonomy
from evalengine.loader import load_config
from evalengine.resources import rules_dir


def test_taxonomy_cache_answers_like_the_search():
    taxonomy = load_config(rules_dir() / "taxonomy.toml", Taxonomy)
    labels = ["产出指标", " 产出 ", "效益（指标）", "满意度", "数量指标", "服务对象满意度指标",
              "", "其他", "成本"] + [f"自定义{i}" for i in range(5000)]
    for _ in range(2):  # the second round reads the cache (and the cap clears it once)
        for label in labels:
            assert taxonomy.by_level1(label) == taxonomy._search(label, _aliases)
            assert taxonomy.by_level2(label) == taxonomy._search(label, _level2)
    assert taxonomy.by_level1("产出").name == "产出指标"
    assert taxonomy.resolve("", "满意度指标").name == "满意度指标"
    assert len(taxonomy._found) <= 4097


def test_taxonomy_cache_does_not_change_equality():
    used = load_taxonomy()
    used.resolve("产出", "数量指标")
    assert used == load_config(rules_dir() / "taxonomy.toml", Taxonomy)
    assert "_found" not in repr(used)
