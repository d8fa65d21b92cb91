"""The one finding type every check produces and every renderer prints."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from .evidence import plain_words, render

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

    ``path`` is a key path into the case file (``$.indicators[3].actual``).  The finding
    keeps what the rule found as typed values (:mod:`evalengine.evidence`): ``params`` for
    the rule's message ``templates`` (Chinese, English), ``expected`` and ``found`` for the
    evidence.  Nothing is put into words until a renderer asks (:meth:`message_in`,
    :meth:`evidence`), in the language it asks for.
    """

    code: str
    severity: Severity
    location: str
    path: str
    templates: tuple[str, str]
    params: tuple[tuple[str, Any], ...] = ()
    evidence_values: tuple[Any, Any] = ("", "")

    def message_in(self, lang: str = "zh", quote: Callable[[str], str] | None = None) -> str:
        template = self.templates[1] if lang == "en" else self.templates[0]
        return render(template, lang, params=dict(self.params), quote=quote)

    def evidence(self, lang: str = "zh", quote: Callable[[str], str] | None = None) -> tuple[str, str]:
        """(expected, found) in ``lang``."""
        expected, found = self.evidence_values
        return render(expected, lang, quote=quote), render(found, lang, quote=quote)

    def words(self, lang: str = "zh") -> tuple[str, str, str]:
        """(message, expected, found) in ``lang``, as :meth:`message_in` and :meth:`evidence`
        put them, in one call (what the JSON formats print for every finding)."""
        words = plain_words(lang)
        template = self.templates[1] if lang == "en" else self.templates[0]
        expected, found = self.evidence_values
        return (words.words(template, dict(self.params)), words.render(expected),
                words.render(found))

    @property
    def message(self) -> str:
        return self.message_in("zh")

    @property
    def message_en(self) -> str:
        return self.message_in("en")

    @property
    def expected(self) -> str:
        return self.evidence("zh")[0]

    @property
    def found(self) -> str:
        return self.evidence("zh")[1]
