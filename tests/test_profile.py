"""Scoring profiles: a profile that refers to a tier, a category or a claim level it does not
have is a config problem naming the key path, not a crash while scoring."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evalengine.loader import ConfigError
from evalengine.profile import load_profile

RULES = Path(__file__).resolve().parent.parent / "rules"
CENTRAL = (RULES / "profiles" / "central-2020.toml").read_text(encoding="utf-8")
PARTIAL_TIER = ('[qualitative.tiers.partial]\nlabel = "部分达成年度指标并具有一定效果"\n'
                "min = 0.6\nmax = 0.8\ndefault = 0.7\n")


def _load(tmp_path: Path, text: str):
    (tmp_path / "profiles").mkdir()
    shutil.copy(RULES / "taxonomy.toml", tmp_path / "taxonomy.toml")
    (tmp_path / "profiles" / "bad.toml").write_text(
        text.replace('id = "central-2020"', 'id = "bad"'), encoding="utf-8")
    return load_profile("bad", tmp_path)


def _problems(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    assert PARTIAL_TIER in CENTRAL and '"产出指标" = 50' in CENTRAL
    with pytest.raises(ConfigError) as exc:
        _load(tmp_path, text)
    assert exc.value.location.endswith("bad.toml")
    return [(p.path, p.kind) for p in exc.value.problems]


def test_the_shipped_profile_loads_from_a_copy(tmp_path):
    assert _load(tmp_path, CENTRAL).id == "bad"


def test_a_missing_tier_is_reported(tmp_path):
    text = CENTRAL.replace(PARTIAL_TIER, "").replace('partial = "partial"', 'partial = "missed"')
    assert _problems(tmp_path, text) == [("$.qualitative.tiers.partial", "missing-key")]


def test_a_claim_must_name_a_declared_tier(tmp_path):
    text = CENTRAL.replace(PARTIAL_TIER, "")  # claims.partial still says "partial"
    assert _problems(tmp_path, text) == [("$.qualitative.tiers.partial", "missing-key"),
                                         ("$.qualitative.claims.partial", "invalid")]


def test_a_claim_naming_no_tier_at_all_is_reported(tmp_path):
    text = CENTRAL.replace('mostly = "achieved"', 'mostly = "mostly"')
    assert _problems(tmp_path, text) == [("$.qualitative.claims.mostly", "invalid")]


def test_a_missing_claim_level_is_reported(tmp_path):
    text = CENTRAL.replace('mostly = "achieved"\n', "")
    assert _problems(tmp_path, text) == [("$.qualitative.claims.mostly", "missing-key")]


def test_an_undeclared_tier_name_is_reported(tmp_path):
    text = CENTRAL.replace("[qualitative.claims]", '[qualitative.tiers.extra]\nlabel = "x"\n'
                           "min = 0\nmax = 1\ndefault = 0.5\n[qualitative.claims]")
    assert _problems(tmp_path, text) == [("$.qualitative.tiers.extra", "invalid")]


def test_level1_weights_must_name_taxonomy_categories(tmp_path):
    text = CENTRAL.replace('"产出指标" = 50', '"产出" = 50')
    assert _problems(tmp_path, text) == [("$.indicators.level1.产出", "invalid")]
