"""Baselines: adopt the linter on last year's folder without fixing every old finding first.

``--write-baseline FILE`` records each finding of a run by a **fingerprint** — a digest of
the rule code, the identity of the case (its 项目编码, or 主管部门 + 实施单位 + 项目名称 +
年度; a department file by its name and year), the key path (an indicator row named by its
一级/二级/三级 names, a funds row by its source, not by its position) and the evidence (expected
and found, in Chinese).  Line numbers, file names and the order of files are not part of it (a case file named in the evidence counts as
``<file>``), so
moving, renaming or re-sorting cases, or re-exporting them to JSONL, keeps the baseline.
``--baseline FILE`` then drops the findings whose fingerprint it holds: only new ones are
reported, counted and decide the exit code.  A fingerprint seen *n* times in the baseline
absorbs at most *n* findings (a second identical problem in the same case is new).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import attrs

from .findings import Finding
from .loader import ConfigError, Problem
from .model import Case, Department

__all__ = ["SCHEMA", "Baseline", "entries", "fingerprint", "identity", "load_baseline", "stable_path",
           "write_baseline"]

SCHEMA = "evalengine.baseline/1"


def identity(document: Case | Department) -> str:
    """What names a case (or department file) across years of files and formats."""
    if isinstance(document, Department):
        info = document.department
        return json.dumps(["department", info.name, info.year], ensure_ascii=False)
    project = document.project
    if project.code:
        return json.dumps(["code", project.code, project.year], ensure_ascii=False)
    return json.dumps(["project", project.department, project.implementer, project.name,
                       project.year], ensure_ascii=False)


# a case file named in evidence (department rules cite the case they compare): its name and
# line are where it is today, not what it says
_FILE = re.compile(r"[^\s（(：:，,；;]*\.(?:toml|jsonl)(?::\d+)?", re.IGNORECASE)


def _evidence(text: str) -> str:
    return _FILE.sub("<file>", text)


_ROW = re.compile(r"^\$\.(indicators|funds\.rows)\[(\d+)\]")


def stable_path(path: str, document: Case | Department | None = None) -> str:
    """A key path with a row named by what it is rather than where it stands: an indicator
    by its 一级/二级/三级 names, a funds row by its source, so that a row added or removed
    above it (next year's form) does not make its old findings new."""
    match = _ROW.match(path)
    if not match or not isinstance(document, Case):
        return path
    table, index = match.group(1), int(match.group(2))
    rows = document.indicators if table == "indicators" else document.funds.rows
    if index >= len(rows):
        return path
    row = rows[index]
    name = ("/".join((row.level1, row.level2, row.name)) if table == "indicators"
            else row.source)
    return f"$.{table}[{json.dumps(name, ensure_ascii=False)}]" + path[match.end():]


def fingerprint(finding: Finding, document_identity: str, document: Case | Department | None = None) -> str:
    key = json.dumps([finding.code, document_identity, stable_path(finding.path, document),
                      _evidence(finding.expected), _evidence(finding.found)], ensure_ascii=False)
    import hashlib  # only a run that writes or reads a baseline needs it

    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def entries(document: Case | Department, findings: Iterable[Finding]) -> list[dict[str, str]]:
    """The baseline entries of one document's findings (file and path kept for a reader)."""
    who = identity(document)
    return [{"fingerprint": fingerprint(f, who, document), "code": f.code, "file": f.location,
             "path": f.path} for f in findings]


@attrs.frozen
class Baseline:
    counts: Counter[str] = attrs.Factory(Counter)

    def new(self, document: Case | Department, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        """The findings not in the baseline."""
        if not self.counts or not findings:
            return findings
        who = identity(document)
        keys = [fingerprint(f, who, document) for f in findings]
        left = {key: self.counts.get(key, 0) for key in keys}  # this document's share only
        kept = []
        for finding, key in zip(findings, keys):
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(finding)
        return tuple(kept)


def load_baseline(path: Path) -> Baseline:
    """A file written by :func:`write_baseline`; ConfigError naming the key when it is not one."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), (Problem("$", "unreadable", str(exc)),)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(str(path), (Problem("$", "json-syntax", str(exc)),)) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(str(path), (Problem("$.schema", "invalid", f"expected {SCHEMA!r}"),))
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise ConfigError(str(path), (Problem("$.findings", "expected-tables", ""),))
    counts: Counter[str] = Counter()
    for index, entry in enumerate(findings):
        if not (isinstance(entry, dict) and isinstance(entry.get("fingerprint"), str)):
            raise ConfigError(str(path), (Problem(f"$.findings[{index}].fingerprint",
                                                  "expected-text", ""),))
        counts[entry["fingerprint"]] += 1
    return Baseline(counts)


def write_baseline(out: IO[str], found: Iterable[dict[str, Any]], version: str = "") -> int:
    """Write the baseline of a run's entries, sorted (so it diffs well); their number."""
    rows = sorted(found, key=lambda e: (e["fingerprint"], e["file"], e["path"]))
    json.dump({"schema": SCHEMA, "version": version, "findings": rows}, out, ensure_ascii=False,
              indent=1)
    out.write("\n")
    return len(rows)
