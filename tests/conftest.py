"""Shared pytest configuration: hypothesis profiles.

``dev`` (the default) keeps the suite fast; ``ci`` (selected when the ``CI`` environment
variable is set) runs more examples. Neither has a per-example deadline: that would be a timing
assertion, and on a shared machine it fails for reasons that are not the code's.
"""

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
