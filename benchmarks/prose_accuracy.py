"""The importer's field accuracy on reports in prose written from the hand-checked cases
(tests/corpus/prose_variants.py: outline, web, labelled, reversed, lists, oneline, named),
one line per style and a table per field:

    python benchmarks/prose_accuracy.py              # all styles
    python benchmarks/prose_accuracy.py web --wrong  # every field not right
    python benchmarks/prose_accuracy.py --show 03    # the reports written for one source

A measurement of generalisation, not a test: tests/test_prose_variants.py holds the floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus.prose_variants import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
