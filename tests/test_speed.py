"""The caches added for speed give the same answers as the uncached code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig
from evalengine.loader import ConfigError
from evalengine.taxonomy import Taxonomy, _aliases, _level2, load_taxonomy
from evalengine.loader import load_config
from evalengine.resources import rules_dir

ROOT = Path(__file__).resolve().parent.parent


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


def test_taxonomy_direction_cache_answers_like_the_words():
    taxonomy = load_config(rules_dir() / "taxonomy.toml", Taxonomy)
    names = ["预算调整率", " 预算 调整率 ", "结转结余率", "政府采购执行率", "培训人次", ""]
    names += [f"自定义{i}率" for i in range(5000)]
    for _ in range(2):  # the second round reads the cache (and the cap clears it once)
        for name in names:
            key = "".join(name.split())
            assert taxonomy.lower_is_better_name(name) == any(w in key for w in taxonomy.lower_is_better)
            assert taxonomy.higher_is_better_name(name) == any(w in key for w in taxonomy.higher_is_better)
    assert taxonomy.lower_is_better_name("预算 调整率") and not taxonomy.lower_is_better_name("培训人次")
    assert len(taxonomy._found) <= 4097


def test_taxonomy_cache_does_not_change_equality():
    used = load_taxonomy()
    used.resolve("产出", "数量指标")
    assert used == load_config(rules_dir() / "taxonomy.toml", Taxonomy)
    assert "_found" not in repr(used)


def test_scoring_without_custom_rules_on_does_not_import_rule_engine():
    code = ("import sys\nfrom evalengine.cli import main\n"
            "code = main(['score', 'cases/2021', '--format', 'json', '-o', sys.argv[1]])\n"
            "assert 'rule_engine' not in sys.modules, 'imported'\nprint(code)\n")
    out = subprocess.run([sys.executable, "-c", code, os.devnull], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in ("0", "1")


def test_scoring_case_files_in_one_process_imports_no_importer_nor_worker_pool():
    """Start-up is part of every run's cost: the form importer (its regexes, ~50 ms) is
    imported when a form file is met, multiprocessing when --jobs starts workers."""
    code = ("import sys\nfrom evalengine.cli import main\n"
            "code = main(['score', 'cases/real', '--format', 'jsonl', '--no-progress'])\n"
            "late = [m for m in ('evalengine.importer', 'multiprocessing', 'concurrent.futures',"
            " 'rich', 'openpyxl') if m in sys.modules]\n"
            "assert not late, late\nprint(code)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[-1] in ("0", "1") and lines[0].startswith('{"type":"report"')


def test_writing_a_file_imports_neither_the_importer_nor_rich(tmp_path):
    """``-o FILE`` asks whether the output's name is a form file (the importer's suffixes)
    and says one cleaned line when done: neither needs the importer (~0.2 s) or rich."""
    out = tmp_path / "out.jsonl"
    code = ("import sys\nfrom evalengine.cli import main\n"
            "code = main(['score', 'cases/real', '--format', 'jsonl', '--no-progress', '-o', sys.argv[1]])\n"
            "late = [m for m in ('evalengine.importer', 'rich') if m in sys.modules]\n"
            "assert not late, late\nprint(code)\n")
    run = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() in ("0", "1")
    assert out.read_text(encoding="utf-8").startswith('{"type":"report"')
    assert str(out) in run.stderr  # the written note still said


def test_the_form_suffixes_are_the_importers():
    from evalengine.importer.inputs import FORM_SUFFIXES, is_form_name
    from evalengine.loader import would_read

    for suffix in FORM_SUFFIXES:
        assert would_read("x" + suffix) and would_read("X" + suffix.upper()) and is_form_name("x" + suffix)
    assert not would_read("x.png") and not would_read("x.xlsx.bak")


def test_a_shipped_rule_that_is_off_is_compiled_when_selected(tmp_path):
    (tmp_path / "checks").symlink_to(rules_dir() / "checks")
    for name in ("profiles", "taxonomy.toml"):
        if (rules_dir() / name).exists():
            (tmp_path / name).symlink_to(rules_dir() / name)
    (tmp_path / "custom.toml").write_text(
        '[[custom]]\ncode = "X901"\nname = "broken"\nenabled = false\nseverity = "info"\n'
        'title = "t"\nwhen = "no_such_field > 1"\nmessage = "m"\nsource = "s"\n',
        encoding="utf-8")
    Checker.build(UserConfig(), tmp_path)  # off: not compiled, so not an error yet
    with pytest.raises(ConfigError) as exc:
        Checker.build(UserConfig(select=("X901",)), tmp_path)
    assert exc.value.problems[0].path == "$.custom[0].when"


def test_a_users_rule_that_is_off_is_still_compiled_when_loaded():
    table = {"code": "X902", "name": "broken", "enabled": False, "severity": "info",
             "title": "t", "when": "no_such_field > 1", "message": "m", "source": "s"}
    with pytest.raises(ConfigError) as exc:
        Checker.build(UserConfig(custom=(("mine.toml", (table,)),)))
    assert exc.value.problems[0].path == "$.custom[0].when"


def test_every_shipped_custom_rule_compiles():
    checker = Checker.build()
    for rule, _, _ in checker.catalogue:
        if rule.family == "custom":
            rule.check.prepare()


def test_cached_parse_value_answers_like_the_parser():
    from evalengine import values
    from test_values import REAL, SYNTHETIC  # tests/ is on the path (rootdir-less tests)

    calls = [(text, kwargs) for _, text, kwargs, _ in REAL] + [(t, k) for t, k, _ in SYNTHETIC]
    calls += [(None, {}), (95, {"unit": "%"}), ("2021", {"unit": "年", "default_year": True}),
              ("10月31日前", {"default_year": 2021}), ("10月31日前", {"default_year": 2022})]
    for _ in range(2):  # the second round is answered from the cache
        for text, kwargs in calls:
            assert values.parse_value(text, **kwargs) == values._parse_value_uncached(text, **kwargs)
    assert values._parse_value_cached.cache_info().hits > 0


def test_indicator_helpers_cache_by_type_and_content():
    from evalengine.checks import kit as indicators
    from evalengine.checks.indicators import i309

    assert [indicators._compact(v) for v in (1, 1.0, True, " 1 0 ", "长 " * 300)] == [
        "1", "1.0", "True", "10", "长" * 300]
    entries = ["数量指标: 满意度, 效益", "bad entry", "质量指标：合格率，达标率"]
    expected = [("数量指标", ("满意度", "效益")), ("质量指标", ("合格率", "达标率"))]
    assert i309._misfit_table(entries) == expected
    assert i309._misfit_table(list(entries)) == expected  # a list argument is fine
    taxonomy = load_taxonomy()
    assert i309._category_keys(taxonomy) >= {"产出", "数量", "满意度"}


def test_narrative_helpers_cache_without_sharing_mutable_results():
    from evalengine.checks import kit as narrative

    assert narrative._norm(None) == "" and narrative._norm("Ａ　1 2") == "A12"
    assert narrative._norm("Ａ " * 300) == "A" * 300  # long texts are not cached
    from rulekit import build_case

    from evalengine.facts import case_facts

    case = build_case('[goal]\nexpected = "培训500人次，覆盖30个村"')
    clauses = case_facts(case).clauses("$.goal.expected")
    dims = {"count", "money", "percent"}
    first = narrative._figures(clauses, dims, ())
    assert [(f.amount, f.unit) for f in first] == [(500, "人次"), (30, "个")]
    assert isinstance(first, tuple)  # immutable: the cached answer is shared safely
    assert narrative._figures(clauses, dims, ()) is first


def test_word_lists_are_compacted_once_with_the_same_answers():
    from evalengine.checks import kit as indicators

    assert indicators._has("群众 满意 度调查", ["", " ", "满意度", "调查"]) == "满意度"
    assert indicators._has("群众满意度", ("调 查",)) == ""
    assert indicators._has("问卷调查", iter(["调 查"])) == "调 查"  # any iterable of words
    # the says-nothing texts are the vocabulary's ([explanation] says_nothing), compacted once
    assert indicators._says_nothing(" 无。") and indicators._says_nothing("  ")
    assert not indicators._says_nothing("原因：天气")


def test_one_collector_setting_for_run_and_the_command():
    """run() and the command's loop (parallel) raise the young-generation threshold with the
    one helper; a threshold turned off (0) or already higher is left alone."""
    import gc

    from evalengine import engine, parallel

    assert parallel.collect_less is engine.collect_less
    assert not hasattr(parallel, "GC_YOUNG") and not hasattr(parallel, "_collect_less")
    saved = gc.get_threshold()
    try:
        for first, after in ((700, engine.GC_YOUNG), (0, 0), (engine.GC_YOUNG * 2, engine.GC_YOUNG * 2)):
            gc.set_threshold(first, *saved[1:])
            assert engine.collect_less() == (first, *saved[1:])
            assert gc.get_threshold()[0] == after
    finally:
        gc.set_threshold(*saved)
