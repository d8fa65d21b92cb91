"""The importer's thresholds and the decoder's costs, read from ``rules/import.toml``."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import attrs

from ..loader import load_config
from ..resources import rules_dir

__all__ = ["DecoderCosts", "ImportSettings", "import_settings"]


@attrs.frozen
class DecoderCosts:
    """What the decoder weighs readings of a row by (``[decoder]``; see its comments)."""

    row: int
    free: int
    fragment: int
    split: int
    twice_points: int
    twice_apart: int
    keep: int
    table_evidence: int
    tail_min: int
    free_max: int
    name_max: int
    cell_steps: int
    max_candidates: int


@attrs.frozen
class ImportSettings:
    source: str
    review_below: Decimal
    review_min_cells: int
    rubric_score_within: int
    fund_text_words: int
    funds_scatter_words: int
    title_header_within: int
    decoder: DecoderCosts


@cache
def import_settings() -> ImportSettings:
    return load_config(rules_dir() / "import.toml", ImportSettings)
