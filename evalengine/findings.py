"""The one finding type every check produces and every renderer prints."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Finding", "Severity"]


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@attrs.frozen
class Finding:
    """A rule's verdict on one place in one document.

    ``path`` is a key path into the case file (``$.indicators[3].actual``); ``expected`` and
    ``found`` are the evidence, already formatted; the messages are rendered in both
    languages when the finding is made, so renderers only choose one.
    """

    code: str
    severity: Severity
    location: str
    path: str
    message: str
    message_en: str
    expected: str = ""
    found: str = ""
