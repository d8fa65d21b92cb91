"""Import stays linear on long names and on many rows (issue 13 §9).

Each input runs in a child process under a CPU-time limit (``RLIMIT_CPU``): a quadratic
path is killed by the limit and the test fails, with no timing assertion in the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

resource = pytest.importorskip("resource")

CPU_SECONDS = 20  # linear code needs about 1 s for each input below


def _run_limited(code: str) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))

    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, preexec_fn=limit, env=os.environ.copy(), timeout=600)


def test_a_two_megabyte_name_is_cut_in_linear_time():
    done = _run_limited("""
        from evalengine.importer.names import safe_stem, MAX_BYTES
        from evalengine.importer import import_text
        stem = safe_stem("项" * 2_000_000)
        assert len(stem.encode()) <= MAX_BYTES, len(stem)
        form = "项目支出绩效自评表\\n项目名称\\t" + "甲" * 2_000_000 + "\\n"
        result = import_text(form.encode())
        assert len(result.forms) == 1
        print("ok")
    """)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_sixteen_thousand_rows_are_read_in_linear_time(sep):
    done = _run_limited(f"""
        from evalengine.importer import import_text
        sep = {sep!r}
        rows = "".join(sep.join(["产出指标", "数量指标", f"培训人次{{i}}", f"≥{{i}}", str(i), "5", "5"])
                       + "\\n" for i in range(16000))
        head = sep.join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
        form = "项目支出绩效自评表\\n项目名称" + sep + "测试\\n" + head + "\\n" + rows
        result = import_text(form.encode())
        assert len(result.forms[0].case.indicators) == 16000
        print("ok")
    """)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def _spin() -> None:
    while True:
        pass


def _hog() -> bytes:
    return b"x" * (4 * 1024**3)


def _refuse() -> None:
    from evalengine.importer.reader import Unreadable

    raise Unreadable("encrypted")


@pytest.mark.parametrize("fn, kind", [(_spin, "too-slow"), (_hog, "too-much-memory"), (_refuse, "encrypted")])
def test_a_reader_past_its_cpu_or_memory_limit_is_refused_by_name(fn, kind):
    """The child that reads one PDF is stopped at its CPU time (a hang) or its memory (a
    bomb), and the file is refused with a reason; the reader's own refusal comes back as is."""
    from evalengine.importer.reader import Unreadable
    from evalengine.importer.sandbox import run_limited

    with pytest.raises(Unreadable) as refused:
        run_limited(fn, memory_mb=256, cpu_seconds=1)
    assert refused.value.note.kind == kind


def test_a_reader_within_its_limits_returns_its_result():
    from evalengine.importer.sandbox import run_limited

    assert run_limited(sorted, [3, 1, 2], memory_mb=256, cpu_seconds=5) == [1, 2, 3]
