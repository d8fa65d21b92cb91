"""Shared pytest configuration: hypothesis profiles.

``dev`` (the default) keeps the suite fast; ``ci`` (selected when the ``CI`` environment
variable is set) runs more examples. Neither has a per-example deadline: that would be a timing
assertion, and on a shared machine it fails for reasons that are not the code's.
"""

import os

from hypothesis import settings

# The widths of the reports the tests read are the tests' to choose (a test that needs one
# sets COLUMNS itself): a COLUMNS or LINES the shell exports, or a test runner sets (xdist's
# workers get COLUMNS=80), re-wraps the terminal text and fails tests that are not about it.
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
