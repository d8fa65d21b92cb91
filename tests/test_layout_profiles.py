"""Every layout names a profile that ships (review of issue 11): the dept-rubric layout named
"rubric-dept", which did not exist, so a department rubric form (real-forms 37) was imported
under central-2020 with only a note."""

from __future__ import annotations

import tomllib

import pytest

from evalengine.profile import available_profiles, load_profile
from evalengine.resources import rules_dir

LAYOUTS = sorted((rules_dir() / "layouts").glob("*.toml"))


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_the_profile_a_layout_names_is_shipped(path):
    layout = tomllib.loads(path.read_text(encoding="utf-8"))
    assert layout["profile"] in available_profiles(), f"{path.name}: profile {layout['profile']!r}"
    if layout.get("kind") == "rubric":
        assert load_profile(layout["profile"]).kind == "rubric"
