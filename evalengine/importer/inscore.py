"""``evalengine score`` on a form file (PDF, Word, Excel, web page, text that is not a case):
the form is imported in memory and its cases are scored like case files.

:func:`load_form` is the loader's hook (:func:`evalengine.loader.load_file` calls it for a
file that is not ``.toml``/``.jsonl``).  It yields one loaded case per form found, located
as the file itself (``dir/自评表.pdf``, or ``dir/自评表.pdf#2`` for its second form), and says
on stderr what it imported ("由 自评表.pdf 导入 …").  A file that cannot be read, or a
PDF/Word/Excel/web page with no form, is that file's failure; the run goes on.  A text file
with no form (a read-me beside the cases) is named on stderr and skipped.  With ``--save-cases DIR`` (see
:func:`configure`) each imported case is also written there as TOML, never over an
existing file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..i18n import pick
from ..loader import Loaded, LoadFailure, Problem, display_path
from ..standin import shown_name
from . import import_file
from .names import safe_stem, write_atomic
from .notes import note_text
from .tomlout import dumps

__all__ = ["configure", "load_form"]

_SETTINGS: dict[str, Any] = {"lang": "zh", "save": None, "stream": None}

WORDS = {
    "imported": ("由 {file} 导入 {n} 张自评表（{names}）", "imported from {file}: {n} form(s) ({names})"),
    "notes": ("，导入说明 {n} 条（evalengine import 可查看）",
              "; {n} import note(s) (evalengine import shows them)"),
    "saved": ("，已保存到 {paths}", "; saved as {paths}"),
    "not-saved": ("，保存失败：{detail}", "; could not be saved: {detail}"),
    "header": ("由 evalengine score --save-cases 自 {file} 导入",
               "written by evalengine score --save-cases from {file}"),
    "no-form-text": ("{file}：文本文件中没有自评表，已跳过", "{file}: no form in this text file; skipped"),
}


def configure(*, lang: str = "zh", save: Path | None = None, stream: Any = None) -> None:
    """The run's language, the folder for ``--save-cases`` and where notices go (stderr)."""
    _SETTINGS.update(lang=lang, save=save, stream=stream)


def _w(key: str, **params: object) -> str:
    return pick(WORDS[key], _SETTINGS["lang"]).format(**params)


def _save(folder: Path, stem: str, data: bytes) -> Path:
    """Write under the first free name: ``stem.toml``, ``stem-2.toml`` …; never replace."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        path = folder / (f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml")
        try:
            write_atomic(path, data, force=False)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(folder / f"{stem}.toml")


def load_form(path: Path) -> Iterator[Loaded | LoadFailure]:
    lang = _SETTINGS["lang"]
    shown = display_path(str(path))
    imported = import_file(path, shown=shown)
    if imported.problem is not None:
        yield LoadFailure(shown, (Problem("$", "form-unreadable",
                                          note_text(imported.problem, lang)),))
        return
    if not imported.forms:
        if imported.kind == "text":  # notes and read-me files beside the cases: said, not failed
            print(_w("no-form-text", file=shown), file=_SETTINGS["stream"] or sys.stderr)
            return
        yield LoadFailure(shown, (Problem("$", "no-form-in-file", imported.kind),))
        return
    message = _w("imported", file=shown, n=len(imported.forms),
                 names="、".join(shown_name(f.case.name, lang) for f in imported.forms) if lang != "en"
                 else ", ".join(shown_name(f.case.name, lang) for f in imported.forms))
    n_notes = sum(len(f.notes) for f in imported.forms) + sum(
        1 for n in imported.notes if n.kind not in ("outside", "encoding"))
    if n_notes:
        message += _w("notes", n=n_notes)
    folder = _SETTINGS["save"]
    if folder is not None:
        saved = []
        try:
            for form in imported.forms:
                comments = [_w("header", file=shown)]
                comments += [note_text(n, lang) for n in form.notes]
                data = dumps(form.case, comments).encode("utf-8")
                saved.append(str(_save(Path(folder), safe_stem(shown_name(form.case.name)), data)))
            message += _w("saved", paths=", ".join(saved))
        except (OSError, ValueError) as exc:
            message += _w("not-saved", detail=exc)
    print(message, file=_SETTINGS["stream"] or sys.stderr)
    single = len(imported.forms) == 1
    for form in imported.forms:
        yield Loaded(shown if single else f"{shown}#{form.index}", form.case)
