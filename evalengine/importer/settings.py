"""The importer's thresholds and the decoder's costs, read from ``rules/import.toml``."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import attrs

from ..loader import load_config
from ..resources import rules_dir

__all__ = ["DecoderCosts", "ImportSettings", "RowScores", "import_settings"]


@attrs.frozen
class DecoderCosts:
    """What the decoder weighs readings of a row by (``[decoder]``; see its comments)."""

    row: int
    free: int
    fragment: int
    split: int
    twice_points: int
    twice_apart: int
    near_points: int
    near_ratio: Decimal
    unit_prefixes: tuple[str, ...]
    not_units: tuple[str, ...]
    ocr_junk: str
    keep: int
    table_evidence: int
    table_share: Decimal
    tail_min: int
    free_max: int
    name_max: int
    cell_steps: int
    max_candidates: int


@attrs.frozen
class RowScores:
    """What each reading of a cell or a row scores when a run of cells is cut into rows
    (``[cellrows]``, importer/cellrows.py)."""

    unplaced: float
    scored: float
    half_scored: float
    unscored: float
    empty: float
    value: float
    dropped_free: float
    dropped_figure: float
    name_is_label: float
    name_is_word: float
    name_is_figure: float
    block_row: float
    block_max: int
    cut_row: float
    label_word: float
    typed_rows: int


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
    cellrows: RowScores
    upper_levels: tuple[str, ...] = ()
    ignored_header_labels: tuple[str, ...] = ()


@cache
def import_settings() -> ImportSettings:
    return load_config(rules_dir() / "import.toml", ImportSettings)
