"""``python benchmarks/generate.py N OUT``: the README's command for making synthetic cases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generate_writes_cases_and_never_over_a_folder(tmp_path):
    out = tmp_path / "cases"
    command = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "12", str(out)]
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert len([p for p in out.rglob("*.toml") if p.name != "department.toml"]) == 12
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 2 and "exists" in again.stderr
    jsonl = tmp_path / "c.jsonl"
    subprocess.run([*command[:2], "5", str(jsonl), "--jsonl"], check=True, capture_output=True)
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 5
