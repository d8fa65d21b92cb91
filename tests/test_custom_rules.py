"""Custom rules in TOML: checked when loaded, documented field by field, run like any rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evalengine.checks.custom import CASE_FIELDS, INDICATOR_FIELDS, build_custom_rule
from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.checks.settings import UserConfig, load_user_config
from evalengine.cli import main
from evalengine.loader import ConfigError

from rulekit import run_rule

DOC = (Path(__file__).resolve().parent.parent / "docs" / "custom-rules.md").read_text(encoding="utf-8")

RULE = {
    "code": "X201",
    "name": "no-problems-stated",
    "title": "存在问题为空",
    "severity": "info",
    "when": 'problems =~ "^(无|暂无)?。?$"',
    "message": "{project_name}：存在问题写为“{problems}”",
    "source": "测试",
}


def test_the_documentation_lists_every_field():
    documented = set(re.findall(r"`([a-z_0-9]+)`", DOC))
    assert set(CASE_FIELDS) <= documented
    assert set(INDICATOR_FIELDS) <= documented


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"when": "no_such_field > 1"}, "$.custom[0].when"),
        ({"when": 'budget > "abc"'}, "$.custom[0].when"),
        ({"when": "budget >"}, "$.custom[0].when"),
        ({"message": "{nope}"}, "$.custom[0].message"),
        ({"severity": "fatal"}, "$.custom[0].severity"),
        ({"scope": "row"}, "$.custom[0].scope"),
        ({"colour": "red"}, "$.custom[0].colour"),
    ],
)
def test_mistakes_are_reported_when_loading(change, path):
    with pytest.raises(ConfigError) as exc:
        build_custom_rule({**RULE, **change}, "$.custom[0]")
    assert exc.value.problems[0].path == path


def test_missing_required_keys():
    with pytest.raises(ConfigError) as exc:
        build_custom_rule({"code": "X1"}, "$.custom[0]")
    assert {p.path for p in exc.value.problems} >= {"$.custom[0].when", "$.custom[0].source"}


def test_a_case_rule_fires_with_its_message():
    rule, enabled = build_custom_rule(RULE, "$.custom[0]")
    assert enabled
    [finding] = run_rule(rule, '[narrative]\nproblems = "无"',
                         config=UserConfig(select=("X201",), custom=(("c.toml", (RULE,)),)))
    assert finding.message == "示例项目：存在问题写为“无”" and finding.path == "$"
    assert run_rule(rule, "", config=UserConfig(select=("X201",), custom=(("c.toml", (RULE,)),))) == ()


def test_the_shipped_example_is_off_until_selected():
    catalogue = {rule.code: on for rule, _, on in Checker.build().catalogue}
    assert catalogue["X101"] is False
    selected = {rule.code: on for rule, _, on in Checker.build(UserConfig(select=("X101",))).catalogue}
    assert selected["X101"] is True


def test_user_config_file(tmp_path):
    config = tmp_path / "evalengine.toml"
    config.write_text(
        'select = ["F", "X201"]\nignore = ["F104"]\nfail_on = "warning"\n'
        '[severity]\nM001 = "error"\n'
        '[[custom]]\ncode = "X201"\nname = "n"\ntitle = "t"\nseverity = "info"\n'
        'when = "budget > 1"\nmessage = "m"\nsource = "s"\n', encoding="utf-8")
    user = load_user_config(config, BUILTIN_RULES)
    assert user.select == ("F", "X201") and user.fail_on.label == "warning"
    assert user.severity["M001"].label == "error" and len(user.custom[0][1]) == 1


def test_a_config_sets_the_severity_of_custom_rules(tmp_path):
    """[severity] may name a custom rule defined in the same file, or a shipped one (X101)."""
    config = tmp_path / "evalengine.toml"
    config.write_text(
        'select = ["X"]\n[severity]\nX201 = "error"\nX101 = "info"\n'
        '[[custom]]\ncode = "X201"\nname = "n"\ntitle = "t"\nseverity = "info"\n'
        'when = "budget > 1"\nmessage = "m"\nsource = "s"\n', encoding="utf-8")
    user = load_user_config(config, BUILTIN_RULES)
    severities = {rule.code: severity.label for rule, severity, _ in Checker.build(user).catalogue}
    assert severities["X201"] == "error" and severities["X101"] == "info"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('selct = ["F"]', "$.selct"),
        ('[severity]\nF999 = "info"', "$.severity.F999"),
        ('[severity]\nM001 = "loud"', "$.severity.M001"),
        ('[rules.M001]\nthreshold = 1', "$.rules.M001.threshold"),
        ('fail_on = "never"', "$.fail_on"),
    ],
)
def test_typos_in_a_config_file_are_errors(tmp_path, text, path):
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(config, BUILTIN_RULES)
    assert exc.value.problems[0].path == path


def test_a_bad_config_exits_two(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('[[custom]]\ncode = "X1"\n', encoding="utf-8")
    assert main(["score", "cases/2021", "--config", str(config)]) == 2
    assert f"{config}: $.custom[0].when: 缺少必填的键" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("message", "path"),
    [
        ("{budget", "$.custom[0].message"),  # an unbalanced brace
        ("预算 {budget:.2f} 万元", "$.custom[0].message"),  # fields are shown as text
        ("{0}", "$.custom[0].message"),  # positional
        ("{budget.real}", "$.custom[0].message"),  # attribute access is not a field
        ("}", "$.custom[0].message"),
    ],
)
def test_message_templates_are_checked_when_loading(message, path):
    with pytest.raises(ConfigError) as exc:
        build_custom_rule({**RULE, "message": message}, "$.custom[0]", "rules/custom.toml")
    assert exc.value.location == "rules/custom.toml"
    assert [p.path for p in exc.value.problems] == [path]
    with pytest.raises(ConfigError):
        build_custom_rule({**RULE, "message_en": message}, "$.custom[0]")


@pytest.mark.parametrize(
    ("change", "path", "kind"),
    [
        ({"severity": ["error"]}, "$.custom[0].severity", "expected-text"),
        ({"when": 5}, "$.custom[0].when", "expected-text"),
        ({"message": ["a"]}, "$.custom[0].message", "expected-text"),
        ({"enabled": "yes"}, "$.custom[0].enabled", "expected-boolean"),
    ],
)
def test_custom_values_of_the_wrong_type_are_reported(change, path, kind):
    with pytest.raises(ConfigError) as exc:
        build_custom_rule({**RULE, **change}, "$.custom[0]")
    assert [(p.path, p.kind) for p in exc.value.problems] == [(path, kind)]


@pytest.mark.parametrize(
    ("text", "path", "kind"),
    [
        ('severity = "error"', "$.severity", "expected-table"),
        ("rules = 5", "$.rules", "expected-table"),
        ("[rules]\nF103 = 5", "$.rules.F103", "expected-table"),
        ('select = "F"', "$.select", "expected-texts"),
        ("custom = 3", "$.custom", "expected-tables"),
        ('[rules.F103]\nthreshold = "high"', "$.rules.F103.threshold", "expected-number"),
        ("[rules.F103]\nenabled = false", "$.rules.F103.enabled", "invalid"),
        ('[severity]\nF103 = ["error"]', "$.severity.F103", "invalid"),
    ],
)
def test_wrong_types_in_a_config_file_are_problems(tmp_path, text, path, kind):
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(config, BUILTIN_RULES)
    assert [(p.path, p.kind) for p in exc.value.problems] == [(path, kind)]


def test_a_custom_severity_given_as_a_list_exits_two(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('[[custom]]\ncode = "X1"\nname = "x"\ntitle = "t"\nseverity = ["error"]\n'
                      'when = "budget > 1"\nmessage = "m"\nsource = "s"\n', encoding="utf-8")
    assert main(["rules", "--config", str(config)]) == 2
    assert f'{config}: $.custom[0].severity: 应为加引号的文字，实为 ["error"]' in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('[rules.F109]\nfull_execution_patterns = ["资金(全部"]', "$.rules.F109.full_execution_patterns[0]"),
        ('[rules.N408]\nwords_pattern = "[一-龥"', "$.rules.N408.words_pattern"),
        ('[rules.D508]\npattern = "(\\\\d+)万元"', "$.rules.D508.pattern"),  # lacks the named groups
    ],
)
def test_a_bad_regex_is_a_config_problem(tmp_path, text, path):
    config = tmp_path / "c.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(config, BUILTIN_RULES)
    assert [(p.path, p.kind) for p in exc.value.problems] == [(path, "invalid")]


def test_every_regex_setting_is_declared_as_one():
    # A setting whose help calls it a regular expression is validated as one at load.
    for rule in BUILTIN_RULES:
        for setting in rule.settings:
            if "正则" in setting.help:
                assert setting.kind in ("regex", "regexes"), (rule.code, setting.name)


def test_problem_details_are_never_python_reprs(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('[rules.F103]\nthreshold = 1.5E+1\n[severity]\nF104 = 1.0\n', encoding="utf-8")
    assert main(["rules", "--config", str(config), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Decimal(" not in err and "<class" not in err
    assert "$.rules.F103.threshold: invalid value: 15 outside [0, 1]" in err
    assert "$.severity.F104: invalid value: 1.0: one of " in err


def test_custom_messages_show_numbers_formatted():
    table = {**RULE, "when": "budget > 1", "message": "预算 {budget} 万元，总分 {claimed_total}"}
    rule, _ = build_custom_rule(table, "$.custom[0]")
    config = UserConfig(select=("X201",), custom=(("c.toml", (table,)),))
    [finding] = run_rule(rule, "[funds]\nbudget = 1e2\n[narrative]\nclaimed_total = 92.5000000",
                         config=config)
    assert finding.message == "预算 100.00 万元，总分 92.5"


def test_case_problems_name_toml_types_not_python_ones(tmp_path, capsys):
    case = tmp_path / "c.toml"
    case.write_text('[project]\nname = "a"\nsource = "s"\n[funds]\nrows = [5]\n'
                    '[goal]\nexpected = 1.50\n', encoding="utf-8")
    assert main(["score", str(case), "--lang", "en", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "$.funds.rows[0]: wrong type, expected table" in err
    assert "$.goal.expected: expected quoted text, got 1.50" in err
    assert "FundRow" not in err and "Decimal(" not in err
