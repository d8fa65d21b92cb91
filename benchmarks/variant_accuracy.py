"""The importer's field accuracy on forms made from the corpus in shapes it has not seen
(tests/corpus/variants.py: tab, pipe, one cell per line, broken cells, page breaks, glued
rows, label synonyms, Traditional characters, OCR noise), one line per shape:

    python benchmarks/variant_accuracy.py            # all shapes
    python benchmarks/variant_accuracy.py glued ocr --wrong

A measurement of generalisation, not a test: tests/test_variants.py holds the floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus.variants import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
