"""M003: the check (its prose, settings and cases: rules/checks/meta/M003.toml)."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Hit


def check(_ctx: object) -> Iterator[Hit]:
    """The runner reports a crashed rule itself (see runner.Checker._run)."""
    return iter(())
