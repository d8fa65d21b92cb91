"""The rules' data files (rules/checks/<family>/<CODE>.toml): one per rule, typed, strict."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from evalengine.checks.registry import BUILTIN_RULES, load_rule_file, rule_files
from evalengine.checks.settings import load_rule_configs, load_user_config
from evalengine.loader import ConfigError
from evalengine.resources import rules_dir

SHIPPED = rules_dir() / "checks"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "checks"
    shutil.copytree(SHIPPED, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_file_and_one_module_per_rule_in_registry_order():
    files = rule_files(SHIPPED)
    assert [p.stem for p in files] == [r.code for r in BUILTIN_RULES]
    for path, rule in zip(files, BUILTIN_RULES):
        assert path.parent.name == rule.family
        module = f"evalengine.checks.{rule.family}.{rule.code.lower()}"
        assert load_rule_file(path)["check"] == f"{module}:check"
        assert rule.check.__module__ == module


def test_a_misspelt_setting_in_a_data_file_is_a_load_error_with_its_key_path(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder / "funds" / "F101.toml", "\nmax_rate = 0.5", "\nmax_rat = 0.5")
    with pytest.raises(ConfigError) as exc:
        load_rule_configs(BUILTIN_RULES, folder)
    assert exc.value.location == str(folder / "funds" / "F101.toml")
    problems = {(p.path, p.kind) for p in exc.value.problems}
    assert problems == {("$.defaults.max_rat", "unknown-key"), ("$.defaults.max_rate", "missing-key")}


@pytest.mark.parametrize(("old", "new", "path"), [
    ('[en]\ntitle =', '[en]\ntitel =', "$.en.titel"),
    ('[options.max_rate]\nkind = "number"', '[options.max_rate]\nkind = "numbr"', "$.options.max_rate.kind"),
    ('\nmin = 0\n', '\nminimum = 0\n', "$.options.max_rate.minimum"),
    ("pass = false", "passes = false", "$.cases[0].passes"),
    ('severity = "error"', 'severity = "eror"', "$.severity"),
    ('\nmin = 0\n', '\nmin = "0"\n', "$.options.max_rate.min"),  # was an internal error
    ('\nmax = 1\n', '\nmax = true\n', "$.options.max_rate.max"),
    ('enabled = true', 'enabled = true\naliases = "fast"', "$.aliases"),  # not f, a, s, t
    ('enabled = true', 'enabled = true\ntarget = "project"', "$.target"),  # would never run
])
def test_a_misspelt_key_or_value_in_a_rule_file_names_the_file_and_key(tmp_path, old, new, path):
    folder = _copy(tmp_path)
    _edit(folder / "funds" / "F101.toml", old, new)
    with pytest.raises(ConfigError) as exc:
        load_rule_configs(BUILTIN_RULES, folder)
    assert exc.value.location == str(folder / "funds" / "F101.toml")
    assert path in {p.path for p in exc.value.problems}


def test_a_data_file_outside_a_family_folder_is_a_load_error(tmp_path):
    folder = _copy(tmp_path)
    (folder / "indicator").mkdir()
    (folder / "indicators" / "I315.toml").rename(folder / "indicator" / "I315.toml")
    with pytest.raises(ConfigError) as exc:
        rule_files(folder)
    assert exc.value.location == str(folder / "indicator" / "I315.toml")


def test_every_check_module_belongs_to_a_rule():
    """A module in a family package that no data file names would never run."""
    modules = {rule.check.__module__ for rule in BUILTIN_RULES}
    package = Path(__file__).parent.parent / "evalengine" / "checks"
    for family in {rule.family for rule in BUILTIN_RULES}:
        for path in (package / family).glob("*.py"):
            if path.stem != "__init__":
                assert f"evalengine.checks.{family}.{path.stem}" in modules, path


def test_a_misspelt_setting_in_a_users_config_is_a_load_error(tmp_path):
    config = tmp_path / "evalengine.toml"
    config.write_text("[rules.F101]\nmax_rat = 0.4\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(config, BUILTIN_RULES)
    assert [(p.path, p.kind) for p in exc.value.problems] == [("$.rules.F101.max_rat", "unknown-key")]
    config.write_text("[rules.F101]\nmax_rate = 0.4\n", encoding="utf-8")
    assert load_user_config(config, BUILTIN_RULES).options["F101"]["max_rate"] == Decimal("0.4")
