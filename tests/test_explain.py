"""`evalengine explain`: any letter case, close matches for a typo, --config values, English help."""

from __future__ import annotations

import pytest

from evalengine.checks.registry import BUILTIN_RULES
from evalengine.checks.runner import Checker
from evalengine.cli import main


def test_every_setting_has_english_help():
    missing = [f"{r.code}.{s.name}" for r in BUILTIN_RULES for s in r.settings if not s.help_en.strip()]
    assert missing == []


def test_english_help_is_shown_with_lang_en(capsys):
    assert main(["explain", "F103", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "below this execution rate" in out and "须说明原因" not in out


@pytest.mark.parametrize("selector", ["F103", "f103", "low-execution-no-reason", "LOW-EXECUTION-NO-REASON"])
def test_lookup_ignores_letter_case(selector):
    rule = Checker.build().find(selector)
    assert rule is not None and rule.code == "F103"


def test_an_unknown_code_suggests_close_matches_and_exits_two(capsys):
    assert main(["explain", "F1O3", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "no rule 'F1O3'" in err and "F103" in err and "Traceback" not in err
    assert main(["explain", "F1O1"]) == 2  # the letter O for the digit 0: F101 comes first
    assert "是否要找 F101、" in capsys.readouterr().err
    assert main(["explain", "low-execution-ful"]) == 2
    assert "low-execution-no-reason" in capsys.readouterr().err


def test_explain_shows_the_values_a_config_file_sets(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text('ignore = ["F103"]\n[rules.F103]\nthreshold = 0.85\n[severity]\nF103 = "error"\n',
                      encoding="utf-8")
    assert main(["explain", "F103", "--config", str(config), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(error, Funds and execution, off)" in out
    assert "= 0.85  (--config; shipped default 0.9)" in out
    assert main(["explain", "F103", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(warning, Funds and execution, on)" in out
    assert "= 0.9 " in out and "shipped default" not in out


def test_explain_with_a_bad_config_exits_two(tmp_path, capsys):
    config = tmp_path / "c.toml"
    config.write_text("rules = 5\n", encoding="utf-8")
    assert main(["explain", "F103", "--config", str(config)]) == 2
    assert "$.rules" in capsys.readouterr().err


def _explained(rule, lang: str) -> str:
    import io

    from rich.console import Console

    from evalengine.render.rules import render_explain

    console = Console(width=4000, file=io.StringIO(), record=True, color_system=None)
    render_explain(rule, console, lang)  # type: ignore[arg-type]
    return console.export_text()


def _cjk_share(text: str) -> float:
    import re

    return len(re.findall(r"[\u3400-\u9fff]", text)) / max(len(text), 1)


def test_every_rule_is_explained_in_both_languages():
    """Each rule's summary, rationale and source, in Chinese by default and in English with
    --lang en (the source was Chinese in both until it had an English text of its own); the
    shipped custom rule too."""
    rules = [*BUILTIN_RULES, Checker.build().find("X101")]
    assert len(rules) > 70 and rules[-1] is not None
    for rule in rules:
        zh, en = _explained(rule, "zh"), _explained(rule, "en")
        for part in (rule.summary, rule.rationale, rule.source):
            assert part.strip() and f"：{part}" in zh, (rule.code, part)
        for part in (rule.summary_en, rule.rationale_en, rule.source_en):
            assert part.strip() and f": {part}" in en, (rule.code, part)
        # English words, not the Chinese text again: only names and quotes of forms stay
        assert _cjk_share(rule.source_en) < 0.3, rule.code
        assert rule.source_en != rule.source or not _cjk_share(rule.source), rule.code
        assert "检查内容" not in en and "What it checks" not in zh


def test_a_rule_without_an_english_source_is_a_data_error(tmp_path):
    from evalengine.checks.registry import load_rule_file
    from evalengine.loader import ConfigError
    from evalengine.resources import rules_dir

    text = (rules_dir() / "checks" / "funds" / "F101.toml").read_text(encoding="utf-8")
    path = tmp_path / "funds" / "F101.toml"
    path.parent.mkdir()
    path.write_text("\n".join(line for line in text.split("\n")
                              if not line.startswith('source = "review practice')), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_rule_file(path)
    assert "$.en.source" in str(exc.value)
