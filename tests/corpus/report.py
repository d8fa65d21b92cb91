"""Print the importer's accuracy on the real-forms corpus.

    python -m tests.corpus.report            # summary, by field kind, by layout, wrong fields
    python -m tests.corpus.report --forms 19 40 --no-wrong
    python -m tests.corpus.report --corpus tests/corpus/holdout --errors   # forms from beyond shared/

Annotation lines (SOURCE:/LAYOUT:/TRUNCATED) are removed before each form is imported.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .harness import (HERE, WRONG, FormResult, Tally, forms_with_case, load_floors, run_corpus,
                      tally, tally_by)


def _line(label: str, t: Tally) -> str:
    c = t.counts
    wrong = " ".join(f"{s}={c[s]}" for s in WRONG if c[s])
    return (f"  {label:<26} {t.accuracy:7.1%}  {c['right']:4d}/{t.judged:<4d}"
            f"  unread-kept={c['unread']:<3d} {wrong}")


def _summary(results: Sequence[FormResult], floors: dict, label: str = "") -> list[str]:
    overall = tally(f for r in results for f in r.fields)
    floor = {k: f", floor {floors[k]:.1%}" if k in floors else ""
             for k in ("forms_with_case", "field_accuracy")}
    return [f"{label}forms: {len(results)}; giving a case: "
            f"{sum(1 for r in results if r.imported_cases)} ({forms_with_case(results):.1%}"
            f"{floor['forms_with_case']}); crashed: {sum(1 for r in results if r.crashed)}",
            f"{label}field accuracy: {overall.accuracy:.1%} ({overall.counts['right']}/"
            f"{overall.judged}{floor['field_accuracy']}); "
            + " ".join(f"{s}={overall.counts[s]}" for s in WRONG)
            + f"; unread fields left unread: {overall.counts['unread']}"]


def _errors(results: Sequence[FormResult], label: str = "") -> str:
    caused = Counter(c for r in results for c in r.import_errors)
    lost = Counter(c for r in results for c in r.lost_errors)
    return (f"{label}error findings caused by the import: {sum(caused.values())} "
            f"({', '.join(f'{c}×{n}' for c, n in sorted(caused.items())) or '-'}); "
            f"lost by it: {sum(lost.values())} "
            f"({', '.join(f'{c}×{n}' for c, n in sorted(lost.items())) or '-'})")


def render(results: Sequence[FormResult], *, wrong: bool = True, root: Path = HERE,
           errors: bool = False) -> str:
    out: list[str] = []
    floors = load_floors(root)
    out += _summary(results, floors)
    splits = sorted({r.split for r in results if r.split})
    for split in splits if len(splits) > 1 else ():
        part = [r for r in results if r.split == split]
        out += _summary(part, {}, f"  [{split}] ")
        if errors:
            out.append(_errors(part, f"  [{split}] "))
    if errors:
        out.append(_errors(results))
    out.append("")
    out.append("by form:")
    for r in results:
        t = tally(r.fields)
        extra = f"  CRASH {r.crashed}" if r.crashed else ""
        if errors and (r.import_errors or r.lost_errors):
            extra += (f"  import-caused errors: {' '.join(r.import_errors) or '-'}; "
                      f"lost: {' '.join(r.lost_errors) or '-'}")
        split = f" ({r.split})" if r.split else ""
        out.append(_line(f"{r.form}{split} [{r.layout}] {r.imported_cases}/{r.expected_cases} "
                         "cases", t) + extra)
    for key, title in (("kind", "by field kind"), ("layout", "by layout")):
        out.append("")
        out.append(title + ":")
        out += [_line(k, t) for k, t in tally_by(results, key).items()]
    if wrong:
        out.append("")
        out.append("wrong fields (form/case, path, status, expected, got):")
        for r in results:
            for f in r.fields:
                if f.status in WRONG:
                    out.append(f"  {f.case:<4} {f.path:<34} {f.status:<8} "
                               f"{f.expected!r} → {f.got!r}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", nargs="*", help="form numbers (default: all)")
    parser.add_argument("--no-wrong", action="store_true", help="omit the list of wrong fields")
    parser.add_argument("--corpus", type=Path, default=HERE,
                        help="corpus folder (forms/, expected/, index.toml, floors.toml); "
                             "default: the shared real forms, or tests/corpus/holdout")
    parser.add_argument("--split", choices=("fix", "holdout"),
                        help="only the forms of this split (holdout corpus)")
    parser.add_argument("--errors", action="store_true",
                        help="also score imported and expected cases and compare their "
                             "error-level findings")
    args = parser.parse_args(argv)
    results = run_corpus(args.forms or None, args.corpus.resolve(), errors=args.errors)
    if args.split:
        results = [r for r in results if r.split == args.split]
    print(render(results, wrong=not args.no_wrong, root=args.corpus.resolve(),
                 errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
