"""The one finding type every check produces and every renderer prints."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from .evidence import render

__all__ = ["Finding", "Severity"]


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


def _same(text: str) -> str:
    return text


@attrs.frozen
class Finding:
    """A rule's verdict on one place in one document.

    ``path`` is a key path into the case file (``$.indicators[3].actual``).  The finding
    keeps what the rule found as typed values (:mod:`evalengine.evidence`): ``params`` for
    the rule's message ``templates`` (Chinese, English), ``expected`` and ``found`` for the
    evidence.  Nothing is put into words until a renderer asks (:meth:`message_in`,
    :meth:`evidence`), in the language it asks for.

    ``expected_en``/``found_en`` are the English of a rule still on the old path, which
    writes its evidence as text in both languages itself (empty: it prints as it is).
    """

    code: str
    severity: Severity
    location: str
    path: str
    templates: tuple[str, str]
    params: tuple[tuple[str, Any], ...] = ()
    evidence_values: tuple[Any, Any] = ("", "")
    expected_en: str = ""
    found_en: str = ""

    def message_in(self, lang: str = "zh", quote: Callable[[str], str] = _same) -> str:
        template = self.templates[1] if lang == "en" else self.templates[0]
        return render(template, lang, params=dict(self.params), quote=quote)

    def evidence(self, lang: str = "zh", quote: Callable[[str], str] = _same) -> tuple[str, str]:
        """(expected, found) in ``lang``."""
        expected, found = self.evidence_values
        if lang == "en" and isinstance(expected, str) and self.expected_en:
            expected = self.expected_en
        if lang == "en" and isinstance(found, str) and self.found_en:
            found = self.found_en
        return render(expected, lang, quote=quote), render(found, lang, quote=quote)

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
