"""A signal that stops the run at the worst moment — the temporary file just made, not yet in
the block that removes it — leaves no temporary file behind (the race a loaded machine showed
in tests/test_hostile.py::test_a_signal_leaves_no_temporary_file_and_exits_2).  The signal may
reach the process through another thread (a worker pool's, a test runner's): Python still runs
its handler in the main thread, so a per-thread signal mask alone does not hold it back."""

from __future__ import annotations

import os
import signal
import tempfile
import threading

import pytest

from evalengine.boundary import Interrupted, _raise
from evalengine.target import Target, open_target


@pytest.mark.parametrize("through", ["main-thread", "other-thread"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_right_after_the_temporary_file_is_made_removes_it(tmp_path, monkeypatch,
                                                                    signum, through):
    real = tempfile.mkstemp
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()

    def made_then_signalled(*args, **kwargs):
        made = real(*args, **kwargs)
        # arrives before open_target's cleanup is in place
        if through == "main-thread":
            os.kill(os.getpid(), signum)
        else:
            signal.pthread_kill(other.ident, signum)
            other.join(0.2)  # time for it to be taken there (its handler runs in this thread)
        return made

    monkeypatch.setattr(tempfile, "mkstemp", made_then_signalled)  # target imports it late
    (tmp_path / "r.json").write_text("old", encoding="utf-8")
    previous = signal.signal(signum, _raise)
    try:
        with pytest.raises(Interrupted) as stopped:
            with open_target(Target("r.json", tmp_path / "r.json")) as stream:
                stream.write("new")
    finally:
        signal.signal(signum, previous)
        stop.set()
    assert stopped.value.signum == signum
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "old"
