"""The stand-in project name of a form that prints none (or whose name the importer lost).

A case needs a ``name``, so the importer writes a stand-in: the marker :data:`MARKER`, where
the form was (the file's stem, and the sheet when there is one, as they are named) and which
form of that file it is, ``#N`` (``[项目名称未见] 自评表 Sheet1 #2``). The case file keeps
this language-neutral text; every report words it in the run's language
(``[项目名称未见] 自评表 Sheet1 第2张表``, ``[project name not read] 自评表 Sheet1, form 2``).
A name that only begins with the marker (a person wrote what the form is after it, or an
older importer wrote ``第N张表``) has its marker worded and the rest shown as written.
"""

from __future__ import annotations

import re

from .i18n import Lang, text

__all__ = ["MARKER", "is_standin", "shown_name", "standin_name"]

MARKER = "[项目名称未见]"

_LOCATOR = re.compile(r"(?:(?P<where>.*\S) )?#(?P<index>[0-9]+)")


def standin_name(where: str, index: int) -> str:
    """The case file's stand-in name for the ``index``-th form (from 1) found in ``where``."""
    where = " ".join(where.split())
    return f"{MARKER} {where} #{index}" if where else f"{MARKER} #{index}"


def is_standin(name: str) -> bool:
    """Whether ``name`` is a stand-in (begins with the marker), not a name the form printed."""
    return name.startswith(MARKER)


def shown_name(name: str, lang: Lang = "zh") -> str:
    """``name`` as a report shows it in ``lang``: a stand-in worded, any other name as is."""
    if not name.startswith(MARKER):
        return name
    rest = name[len(MARKER):].strip()
    match = _LOCATOR.fullmatch(rest)
    if match is None:
        return f"{text('standin.marker', lang)} {rest}".rstrip()
    where = match["where"] or ""
    form = text("standin.form", lang).format(index=int(match["index"]))
    sep = text("standin.sep", lang) if where else ""
    return f"{text('standin.marker', lang)} {where}{sep}{form}"
