"""Long calls report progress to a callback, release the GIL, and stop on Ctrl-C or when
the callback raises, leaving no partial file."""
import os
import subprocess
import sys
import threading
import time

import pytest

import proofscope as ps


def test_progress_reports_every_stage(project):
    calls = []
    ps.gen_witness(output="w.json", progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = [c[0] for c in calls]
    assert "write w.json" in stages
    assert any(s.startswith("read ") for s in stages)
    assert all(isinstance(d, int) and isinstance(t, int) and d <= t for _, d, t in calls)
    # Every stage is seen beginning (done 0) and ending (done == total).
    for stage in set(stages):
        seen = [(d, t) for s, d, t in calls if s == stage]
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1], stage


def test_progress_must_be_callable(project):
    with pytest.raises(TypeError, match="progress"):
        ps.gen_witness(output="w.json", progress=42)


def test_an_exception_in_the_callback_cancels_the_job(project):
    seen = []

    def fail_when_reading(stage, done, total):
        seen.append(stage)
        if stage.startswith("read "):
            raise ValueError("stop here")

    with pytest.raises(ValueError, match="stop here"):
        ps.gen_witness(output="w.json", progress=fail_when_reading)
    assert not (project / "w.json").exists()
    # The job stopped at the core's next check: no later stage was reported.
    assert not any(s.startswith("write") for s in seen)


def test_the_gil_is_released_while_the_core_works(project):
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        ps.setup(vk_path="vk2.key", pk_path="pk2.key")  # seconds of keygen, no callback
        during = ticks
    finally:
        done.set()
        counter.join()
    # With the GIL held for the whole call the counter could not have run at all.
    assert during > 20


CTRL_C = """\
import os, signal, sys, threading
import proofscope
started = threading.Event()
def interrupt():
    started.wait()
    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C in a terminal or notebook does
threading.Thread(target=interrupt, daemon=True).start()
def progress(stage, done, total):
    if stage.startswith("commit"):
        started.set()
try:
    proofscope.prove(proof_path="interrupted.json", progress=progress)
except KeyboardInterrupt:
    print("KeyboardInterrupt", os.path.exists("interrupted.json"))
    sys.exit(0)
print("finished")
"""


def test_ctrl_c_cancels_the_job(project):
    p = subprocess.run([sys.executable, "-c", CTRL_C], cwd=project, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "KeyboardInterrupt False"
