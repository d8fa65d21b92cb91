"""Scoring profiles: a profile that refers to a tier, a category or a claim level it does not
have is a config problem naming the key path, not a crash while scoring."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
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


# --- the profile keys of issue 11: rounding, tiered rules, sections, bare claims -----------

from decimal import Decimal as D  # noqa: E402

from evalengine.numbers import agrees, rounded  # noqa: E402
from evalengine.profile import available_profiles  # noqa: E402

SHIPPED = ("20-80", "central-2020", "chongqing-dept", "dept-central", "fujian", "guangshui",
           "hebei", "rubric-dept", "sichuan", "unscored", "yinchuan")


def test_every_scheme_of_framework_9_is_shipped_and_cites_a_source():
    assert tuple(available_profiles()) == SHIPPED
    for name in SHIPPED:
        profile = load_profile(name)
        assert "framework.md" in profile.source or "财预" in profile.source, name
        assert profile.evidence.bare_claim_fraction == 0


def test_rounding_modes():
    assert rounded(D("8.62"), 0) == D(9) and rounded(D("8.62"), 0, "truncate") == D(8)
    assert rounded(D("7.66"), 1, "truncate") == D("7.6") and rounded(D("7.65"), 1) == D("7.7")
    # a score truncated to one place is the form's rounding; one off by more is not
    assert agrees(D("7.6"), D("7.66"), 1, "truncate") and not agrees(D("7.6"), D("7.66"), 1, "half_up")
    assert not agrees(D("7.5"), D("7.66"), 1, "truncate")
    assert agrees(D("7.66"), D("7.66"), 0, "truncate")  # the exact figure is always right


def test_bad_new_keys_name_their_key_path(tmp_path):
    text = CENTRAL.replace("places = 2\nmode = \"half_up\"", "places = 7\nmode = \"half_up\"").replace(
        "bare_claim_fraction = 0", "bare_claim_fraction = 2")
    assert _problems(tmp_path, text) == [("$.rounding.places", "invalid"),
                                         ("$.evidence.bare_claim_fraction", "invalid")]


def test_an_unknown_rounding_mode_is_a_typed_error(tmp_path):
    text = CENTRAL.replace('mode = "half_up"', 'mode = "banker"')
    assert [p for p, _ in _problems(tmp_path, text)] == ["$.rounding.mode"]


def test_a_rubric_without_sections_is_reported(tmp_path):
    text = CENTRAL.replace('total = 100\n', 'total = 100\nkind = "rubric"\n', 1)
    assert ("$.sections", "missing-key") in _problems(tmp_path, text)


TIERED = """
[[quantitative.tiered]]
label = "成本控制率"
names = ["成本控制率"]
value = "abs_actual"
bands = [{ max = 10, fraction = 1 }, { max = 15, fraction = 0.6 }, { max = 20, fraction = 0.2 }]
"""


def test_tiered_quantitative_scoring_is_a_formula_kind(tmp_path):
    """real-forms 41 (Jiangxi): 成本控制率 within ±10% → 5, ±10–15% → 3, ±15–20% → 1, else 0."""
    from evalengine.model import Case, Indicator, Project
    from evalengine.scoring import score_case
    from evalengine.taxonomy import load_taxonomy

    text = CENTRAL.replace("strict_limit_fraction = 1\n", "strict_limit_fraction = 1\n" + TIERED)
    profile = _load(tmp_path, text)
    row = Indicator(level1="产出指标", level2="成本指标", name="成本控制率", target="±10%", weight=D(5))
    got = []
    for actual in ("8%", "-12%", "18%", "25%"):
        case = Case(project=Project(name="p", source="s"),
                    indicators=(attrs.evolve(row, actual=actual),))
        got.append(score_case(case, profile, load_taxonomy()).indicators[0].verified)
    assert got == [D(5), D(3), D(1), D(0)]


def test_grade_bands_are_data_80_70_60(tmp_path):
    """framework.md §9: a pmkpi deployment grades 优 ≥ 80 / 良 ≥ 70 / 中 ≥ 60."""
    text = CENTRAL.replace('min = 90 }', 'min = 80 }').replace(
        '{ grade = "良", grade_en = "Good", min = 80 }', '{ grade = "良", grade_en = "Good", min = 70 }').replace(
        '{ grade = "中", grade_en = "Fair", min = 60 }', '{ grade = "中", grade_en = "Fair", min = 60 }')
    profile = _load(tmp_path, text)
    assert [profile.grade(D(x)).grade for x in (85, 75, 65, 55)] == ["优", "良", "中", "差"]
    assert [load_profile("central-2020").grade(D(x)).grade for x in (85, 75, 65, 55)] == ["良", "中", "中", "差"]
