"""The log's rotation with two processes writing one log (the app and the CLI).

The standard RotatingFileHandler fails this on Windows (it cannot rename a
file the other process has open: the log then grows without end) and only
now and then on Linux (a process writes on into the file the other renamed);
the Windows workflow runs it too."""

import os
import subprocess
import sys
import time

import pytest

from vwdesk import logging_setup

WRITER = """
import logging, pathlib, sys, time
from vwdesk import logging_setup
logging_setup.MAX_BYTES, logging_setup.BACKUP_COUNT = 10_000, 50
folder = pathlib.Path(sys.argv[1])
logging_setup.configure_logging(folder)
log = logging.getLogger("vwdesk.test")
(folder / f"ready-{sys.argv[2]}").touch()
while not (folder / "go").exists():  # both start writing at once
    time.sleep(0.005)
for i in range(int(sys.argv[3])):
    log.info("writer=%s line=%05d %s", sys.argv[2], i, "x" * 40)
"""


def _lines(folder):
    """The writers' lines of every file, oldest file (highest number) first."""
    def age(path):
        return int(path.suffix[1:]) if path.suffix[1:].isdigit() else 0
    found = []
    for path in sorted(folder.glob("vwdesk.log*"), key=age, reverse=True):
        found += [line for line in path.read_text(encoding="utf-8").splitlines() if "writer=" in line]
    return found


def test_two_processes_rotate_one_log_keeping_every_line_in_order(tmp_path):
    per_writer = 400  # 2 x 400 lines of ~95 bytes: about 7 rotations at 10 kB
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name, str(per_writer)])
               for name in ("app", "cli")]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in ("app", "cli")):
        assert time.monotonic() < deadline and all(w.poll() is None for w in writers)
        time.sleep(0.01)
    (tmp_path / "go").touch()
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    lines = _lines(tmp_path)
    for name in ("app", "cli"):
        numbers = list(int(line.split("line=")[1][:5]) for line in lines if f"writer={name} " in line)
        assert numbers == list(range(per_writer)), name  # every line once, in order
    files = sorted(tmp_path.glob("vwdesk.log*"))
    assert len(files) > 2  # it did rotate
    assert all(p.stat().st_size < 10_000 + 1_000 for p in files)  # each near the limit


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_log_and_its_rotated_files_are_private(tmp_path):
    (tmp_path / "go").touch()
    subprocess.run([sys.executable, "-c", WRITER, str(tmp_path), "app", "400"], check=True,
                   timeout=120)
    files = list(tmp_path.glob("vwdesk.log*"))
    assert len(files) > 1
    assert {oct(p.stat().st_mode & 0o777) for p in files} == {oct(logging_setup.FILE_MODE)}
