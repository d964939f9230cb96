"""Output that cannot be written is reported once, at the edge, without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["roles"], ["roles", "--json"], ["show", "kls"], ["questions"]])
def test_a_full_disk_on_stdout_is_a_clear_failure(args: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "KARIERSOSIAL_HOME": str(tmp_path)}
    with FULL.open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kariersosial", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "Masalah: keluaran tidak bisa ditulis (disk penuh). Kosongkan ruang disk atau tulis ke "
        "tempat lain, lalu coba lagi."
    )


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "KARIERSOSIAL_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kariersosial", "show", "kls"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first write, like `| true`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert err == ""  # no traceback, no message: the reader did not want more
