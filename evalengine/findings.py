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
    languages when the finding is made, so renderers only choose one.  ``expected_en`` and
    ``found_en`` are the evidence in English where the rule words it itself (empty: the
    evidence is quoted from the form, or not yet translated, and prints as it is).
    """

    code: str
    severity: Severity
    location: str
    path: str
    message: str
    message_en: str
    expected: str = ""
    found: str = ""
    expected_en: str = ""
    found_en: str = ""

    def evidence(self, lang: str = "zh") -> tuple[str, str]:
        """(expected, found) in ``lang``, falling back to the Chinese wording."""
        if lang == "en":
            return self.expected_en or self.expected, self.found_en or self.found
        return self.expected, self.found
