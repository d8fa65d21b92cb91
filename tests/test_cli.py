"""The command as a user runs it: output, languages, exit codes, bad input, the golden report."""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from evalengine.cli import main
from evalengine.engine import run
from evalengine.render.human import render_human

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "score-2021.json"
CLEAN = (Path(__file__).parent / "fixtures" / "rules" / "base-case.toml").read_text(encoding="utf-8")


def console() -> tuple[Console, io.StringIO]:
    """A deterministic console: fixed width, no colour, no terminal detection."""
    out = io.StringIO()
    return Console(file=out, width=240, color_system=None, force_terminal=False,
                   legacy_windows=False, highlight=False), out


def test_human_summary_of_the_seed():
    con, out = console()
    render_human(run([ROOT / "cases/2021"]), con, "zh")
    text = out.getvalue()
    for name in ("招商引资经费", "国产化办公设备替代经费", "史志编辑出版印刷经费", "用友A++财务软件运行维护服务费"):
        assert name in text
    assert "结果未证实" in text and "项目数: 8" in text and "未能评级: 6" in text


def test_detail_in_english_shows_each_indicator_and_its_reason():
    con, out = console()
    render_human(run([ROOT / "cases/2021/01-zhaoshang-yinzi.toml"]), con, "en", detail=True)
    text = out.getvalue()
    assert "Budget execution" in text and "numeric target answered by a word" in text
    assert "Results not demonstrated" not in text and "Rated" in text


def test_exit_zero_on_a_clean_case(tmp_path, capsys):
    (tmp_path / "clean.toml").write_text(CLEAN, encoding="utf-8")
    assert main(["score", str(tmp_path)]) == 0


def test_exit_one_on_findings_and_fail_on(tmp_path):
    (tmp_path / "c.toml").write_text(CLEAN.replace('actual = "98%"', 'actual = "完成"'),
                                     encoding="utf-8")
    assert main(["score", str(tmp_path), "--format", "json"]) == 1
    assert main(["score", str(tmp_path), "--format", "json", "--ignore", "I301,S"]) == 0


def test_a_broken_case_exits_two_and_the_others_are_still_scored(tmp_path, capsys):
    (tmp_path / "a-good.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b-bad.toml").write_text(CLEAN.replace('target = "≥95%"', "target = 95"),
                                         encoding="utf-8")
    assert main(["score", str(tmp_path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [p["name"] for p in report["projects"]] == ["示例项目"]
    [failure] = report["failures"]
    assert failure["file"].endswith("b-bad.toml")
    assert failure["problems"][0]["path"] == "$.indicators[1].target"
    assert "b-bad.toml: $.indicators[1].target: 应为加引号的文字，实为 95" in captured.err


def test_unknown_profile_is_a_load_problem(tmp_path, capsys):
    (tmp_path / "p.toml").write_text(CLEAN.replace('profile = "central-2020"', 'profile = "hubei"'),
                                     encoding="utf-8")
    assert main(["score", str(tmp_path), "--lang", "en"]) == 2
    assert ("$.project.profile: unknown scoring profile (available: 20-80, central-2020, chongqing-dept, "
            "dept-central, fujian, guangshui, hebei, rubric-dept, sichuan, unscored, yinchuan)") in capsys.readouterr().err


def test_usage_errors_exit_two(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["score"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["score", "cases/2021", "--severity", "F101=fatal"])
    assert exc.value.code == 2


def test_golden_json_report(capsys, monkeypatch):
    """`evalengine score cases/2021 --format json`, byte for byte.  Regenerate deliberately
    with EVALENGINE_UPDATE_GOLDEN=1 and review the diff."""
    monkeypatch.chdir(ROOT)
    main(["score", "cases/2021", "--format", "json"])
    produced = capsys.readouterr().out
    if os.environ.get("EVALENGINE_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(produced, encoding="utf-8")
    assert produced == GOLDEN.read_text(encoding="utf-8")
    document = json.loads(produced)
    assert document["schema"] == "evalengine.report/1"
    assert len(document["projects"]) == 8 and len(document["departments"]) == 1
    # What the golden bytes must keep meaning, so a careless regeneration is caught.
    codes = {Path(p["file"]).name: {f["code"] for f in p["findings"]} for p in document["projects"]}
    assert "F101" in codes["04-guochanhua-shebei.toml"] and "F101" in codes["06-yidong-yunshixun.toml"]
    assert {"D506", "D508"} <= {f["code"] for f in document["departments"][0]["findings"]}
    for project in document["projects"]:
        if project["status"] == "rated":
            assert Decimal(project["verified_total"]) <= Decimal(project["claimed_total"])
    assert document["summary"]["rated"] + document["summary"]["not_demonstrated"] == 8


def test_a_folder_with_no_cases_is_an_error(tmp_path, capsys):
    """A mistyped or empty folder must not pass a CI job as "nothing wrong"."""
    (tmp_path / "notes.txt").write_text("not a case", encoding="utf-8")
    assert main(["score", str(tmp_path)]) == 2
    assert "没有找到案例文件" in capsys.readouterr().err
    assert main(["score", str(tmp_path), "--lang", "en"]) == 2
    assert "no case files" in capsys.readouterr().err


def test_the_gap_is_the_difference_of_the_totals_shown(capsys):
    """01 招商: claimed 99.88 and verified 63.22 are shown, so the gap is their difference,
    36.66; the detail table says that rows may not foot by 0.01."""
    main(["score", str(ROOT / "cases/2021/01-zhaoshang-yinzi.toml"), "--format", "json"])
    record = json.loads(capsys.readouterr().out)["projects"][0]
    assert (record["claimed_total"], record["verified_total"], record["gap"]) == (
        "99.88", "63.22", "36.66")
    con, out = console()
    render_human(run([ROOT / "cases/2021/01-zhaoshang-yinzi.toml"]), con, "zh", detail=True)
    assert "尾差" in out.getvalue()


def test_english_rule_text_names_indicator_levels_in_english(capsys):
    # `rules --lang en` showed S210 as "一级 weights differ from the default split"
    import re

    from evalengine.checks.registry import BUILTIN_RULES

    level = re.compile(r"[一二三]级")
    for rule in BUILTIN_RULES:
        texts = [rule.title_en, rule.message_en, rule.summary_en, rule.rationale_en,
                 *(s.help_en for s in rule.settings)]
        assert not [t for t in texts if level.search(t)], rule.code
    assert main(["rules", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Level-1 weights differ from the default split" in out and "一级" not in out


def test_input_errors_are_worded_in_the_run_language(tmp_path, capsys):
    # parser messages and decode errors used to reach the Chinese output in English only
    (tmp_path / "bad.toml").write_text("[project\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "bin.toml").write_bytes(b"\x80\x81\xff")
    (tmp_path / "bad.jsonl").write_text('{"project": \n', encoding="utf-8")
    assert main(["score", str(tmp_path), "--no-progress"]) != 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "bad.toml: $: TOML 语法错误：第 1 行第 9 列有误（解析器原文：Expected ']'" in text
    assert "bin.toml: $: 不是 UTF-8 编码的文本（第 1 个字节无法解码），请另存为 UTF-8" in text
    assert "bad.jsonl:1: $: JSON 语法错误：第 1 行第 12 列有误（解析器原文：Expecting value）" in text
    assert "codec" not in text
    assert main(["score", str(tmp_path), "--no-progress", "--lang", "en"]) != 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert "TOML syntax error: Expected ']' at the end of a table declaration (at line 1, column 9)" in text
    assert "not UTF-8 text (byte 1 cannot be decoded): save it as UTF-8" in text


def test_a_config_file_that_is_not_utf8_is_named_in_chinese(tmp_path, capsys):
    config = tmp_path / "evalengine.toml"
    config.write_bytes(b"select = [\x80]")
    assert main(["score", str(ROOT / "cases/2021"), "--config", str(config), "--no-progress"]) == 2
    assert f"{config}: $: 不是 UTF-8 编码的文本（第 11 个字节无法解码）" in capsys.readouterr().err


def test_os_errors_lead_with_their_chinese_meaning():
    from evalengine.i18n import problem_text

    detail = "[Errno 13] Permission denied: 'cases/x.toml'"
    assert problem_text("unreadable", detail) == "无法读取文件：没有读取权限（Permission denied）"
    assert problem_text("unreadable", detail, "en") == f"cannot read the file: {detail}"


@pytest.mark.parametrize("argv, zh, en", [
    (["--severity", "F101=fatal"], "--severity F101=fatal：应写作 规则代码=error|warning|info",
     "--severity F101=fatal: expected CODE=error|warning|info"),
    (["-o", "/nonexistent-folder/x.json", "--format", "json"], "-o /nonexistent-folder/x.json：所在文件夹不存在",
     "-o /nonexistent-folder/x.json: its folder does not exist"),
    (["--format", "xlsx"], "--format xlsx 生成二进制文件：请用 -o 文件名 指定输出文件",
     "--format xlsx writes a binary file: name it with -o FILE"),
], ids=["severity", "output-folder", "binary-format"])
def test_usage_errors_are_worded_in_the_run_language(capsys, argv, zh, en):
    for lang, expected in (("zh", zh), ("en", en)):
        with pytest.raises(SystemExit) as exit_:
            main(["score", str(ROOT / "cases/2021"), "--no-progress", "--lang", lang, *argv])
        assert exit_.value.code == 2
        assert f"error: {expected}\n" in capsys.readouterr().err


def test_english_finding_messages_give_money_in_10k_yuan(capsys):
    # F104 read "of a 50.00 万元 budget 49.78 万元 was spent" in --lang en
    assert main(["score", str(ROOT / "cases/2021"), "--format", "json", "--lang", "en", "--no-progress"]) == 1
    report = json.loads(capsys.readouterr().out)
    messages = [f["message"] for p in report["projects"] for f in p["findings"]]
    f104 = [m for m in messages if "budget 49.78" in m]
    assert f104 == ["of a 50.00 10k yuan budget 49.78 10k yuan was spent; the 0.22 10k yuan left is not explained"]
    # the tool's own amounts ("0.22 万元"); quotes from the form ("50万元") stay as written
    import re

    assert not [m for m in messages if re.search(r"\d 万元", m)]


def test_english_evidence_is_the_tools_own_english_wording(capsys):
    # Expected/Found were the tool's Chinese sentences in --lang en
    assert main(["score", str(ROOT / "cases/2021"), "--format", "json", "--lang", "en", "--no-progress"]) == 1
    report = json.loads(capsys.readouterr().out)
    findings = {(p["file"].rsplit("/", 1)[-1], f["code"]): f for p in report["projects"] for f in p["findings"]}
    f104 = findings[("01-zhaoshang-yinzi.toml", "F104")]
    assert f104["expected"] == ("balance = budget − executed = 50.00 − 49.78 = 0.22 10k yuan: "
                                "where it went should be explained")
    assert f104["found"].startswith("the reason column, the funds note")
    s211 = findings[("01-zhaoshang-yinzi.toml", "S211")]
    assert s211["expected"] == "verified score 63.22 (Fair)"
    assert "完成值“" not in findings[("01-zhaoshang-yinzi.toml", "I301")]["found"]
    for code in ("I305", "I306", "I311", "N402"):
        assert "应" not in findings[("01-zhaoshang-yinzi.toml", code)]["expected"], code


def test_profiles_lists_every_scheme(capsys):
    assert main(["profiles", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["20-80", "central-2020", "chongqing-dept", "dept-central", "fujian",
                                          "guangshui", "hebei", "rubric-dept", "sichuan", "unscored", "yinchuan"]
    by_id = {r["id"]: r for r in records}
    assert by_id["20-80"]["weights"] == "预算执行 20 + 指标 80（按表内分配）"
    assert by_id["yinchuan"]["weights"] == "决策 10 / 管理 25 / 产出 30 / 效益 35"
    assert by_id["hebei"]["rounding"] == {"places": 0, "mode": "half_up"}
    assert all(r["source"] for r in records)
    assert main(["profiles", "--lang", "en", "--format", "json"]) == 0
    english = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert english["20-80"]["weights"] == "budget 20 + indicators 80 (split as printed)"
    assert english["central-2020"]["weights"] == "budget 10 + Outputs 50 + Outcomes 30 + Satisfaction 10"
    assert english["guangshui"]["name"].startswith("Guangshui")
    assert main(["profiles"]) == 0
    table = capsys.readouterr().out
    assert "评分规则" in table and "chongqing-dept" in table
