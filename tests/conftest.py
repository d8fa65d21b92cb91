"""Shared pytest configuration: hypothesis profiles.

``dev`` (the default) keeps the suite fast; ``ci`` (selected when the ``CI`` environment
variable is set) runs more examples and drops the per-example deadline.
"""

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
