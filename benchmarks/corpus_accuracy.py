"""The importer's field-level accuracy on the real-forms corpus (tests/corpus), one command:

    python benchmarks/corpus_accuracy.py            # same as: python -m tests.corpus.report
    python benchmarks/corpus_accuracy.py --no-wrong
    python benchmarks/corpus_accuracy.py --corpus tests/corpus/holdout --errors

Prints forms imported, accuracy by field kind and by layout, and every wrong field
(form, path, expected, got). A measurement, not a test: tests/test_corpus.py holds the floors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus.report import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
