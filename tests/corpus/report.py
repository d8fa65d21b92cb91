"""Print the importer's accuracy on the real-forms corpus.

    python -m tests.corpus.report            # summary, by field kind, by layout, wrong fields
    python -m tests.corpus.report --forms 19 40 --no-wrong

Annotation lines (SOURCE:/LAYOUT:/TRUNCATED) are removed before each form is imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .harness import (WRONG, FormResult, Tally, forms_with_case, load_floors, run_corpus, tally,
                      tally_by)


def _line(label: str, t: Tally) -> str:
    c = t.counts
    wrong = " ".join(f"{s}={c[s]}" for s in WRONG if c[s])
    return (f"  {label:<26} {t.accuracy:7.1%}  {c['right']:4d}/{t.judged:<4d}"
            f"  unread-kept={c['unread']:<3d} {wrong}")


def render(results: Sequence[FormResult], *, wrong: bool = True) -> str:
    out: list[str] = []
    overall = tally(f for r in results for f in r.fields)
    floors = load_floors()
    out.append(f"forms: {len(results)}; giving a case: "
               f"{sum(1 for r in results if r.imported_cases)} ({forms_with_case(results):.1%}, "
               f"floor {floors['forms_with_case']:.1%}); crashed: "
               f"{sum(1 for r in results if r.crashed)}")
    out.append(f"field accuracy: {overall.accuracy:.1%} ({overall.counts['right']}/"
               f"{overall.judged}; floor {floors['field_accuracy']:.1%}); "
               f"unread fields left unread: {overall.counts['unread']}")
    out.append("")
    out.append("by form:")
    for r in results:
        t = tally(r.fields)
        extra = f"  CRASH {r.crashed}" if r.crashed else ""
        out.append(_line(f"{r.form} [{r.layout}] {r.imported_cases}/{r.expected_cases} cases", t)
                   + extra)
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
    args = parser.parse_args(argv)
    results = run_corpus(args.forms or None)
    print(render(results, wrong=not args.no_wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
