"""The stand-in project name (evalengine.standin): a language-neutral marker in the case
file, worded in the run's language by every report."""

from __future__ import annotations

import json

from formkit import text_form

from evalengine.cli import main
from evalengine.importer import import_text
from evalengine.standin import MARKER, is_standin, shown_name, standin_name

NAMELESS = text_form("x").replace("项目名称 | x |\n", "")


def test_the_case_file_keeps_the_marker_and_no_words_of_a_language():
    name = standin_name("自评表 Sheet1", 2)
    assert name == "[项目名称未见] 自评表 Sheet1 #2" and name.startswith(MARKER)
    assert "张表" not in name and "form" not in name
    assert is_standin(name) and not is_standin("河道保洁服务")


def test_reports_word_the_stand_in_in_their_language():
    name = standin_name("自评表 Sheet1", 2)
    assert shown_name(name, "zh") == "[项目名称未见] 自评表 Sheet1 第2张表"
    assert shown_name(name, "en") == "[project name not read] 自评表 Sheet1, form 2"
    assert shown_name(standin_name("", 1), "en") == "[project name not read] form 1"
    # a name the form printed, and a person's text after the marker, are shown as written
    assert shown_name("河道保洁服务", "en") == "河道保洁服务"
    assert shown_name(f"{MARKER} 34.txt 河道保洁服务", "en") == "[project name not read] 34.txt 河道保洁服务"
    assert shown_name(f"{MARKER} 34.txt 河道保洁服务", "zh") == f"{MARKER} 34.txt 河道保洁服务"


def test_an_imported_form_without_a_name_is_worded_in_english_on_request(tmp_path, capsys):
    (form,) = import_text(NAMELESS.encode("utf-8"), shown="a.txt", stem="a").forms
    assert form.case.project.name == f"{MARKER} a #1"
    assert main(["import", str(_write(tmp_path / "a.txt", NAMELESS)), "--out", str(tmp_path / "o"),
                 "--no-progress"]) in (0, 1)
    (written,) = (tmp_path / "o").iterdir()
    assert written.name == "项目名称未见-a-第1张表.toml"  # file names as before
    assert f'name = "{MARKER} a #1"' in written.read_text(encoding="utf-8")
    capsys.readouterr()
    main(["score", str(written), "--format", "json", "--lang", "en", "--exit-zero"])
    (project,) = json.loads(capsys.readouterr().out)["projects"]
    assert project["name"] == "[project name not read] a, form 1"
    main(["score", str(written), "--format", "json", "--exit-zero"])
    (project,) = json.loads(capsys.readouterr().out)["projects"]
    assert project["name"] == "[项目名称未见] a 第1张表"
    main(["score", str(written), "--lang", "en", "--exit-zero", "--summary", "--no-progress"])
    assert "项目名称未见" not in capsys.readouterr().out


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path
