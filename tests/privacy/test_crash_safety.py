"""Crash safety (issue point 6): SIGKILL a process at random moments while it
saves and imports; every confirmed save must survive, no transaction may be
half-written, and the database must pass its integrity check."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import vwdesk
from vwdesk.privacy.backup import sqlite_path

KILLS = int(os.environ.get("CRASH_KILLS", "300"))
TIME_BUDGET_S = 100  # stop earlier on a very slow machine, but after 100 kills at least
MIN_KILLS = min(100, KILLS)


def _check(path: Path, saves: set[int], batches: set[str]) -> tuple[int, int]:
    """Reopen the database; returns (lost confirmed saves, half-written imports)."""
    conn = sqlite3.connect(path, timeout=10)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {r[0] for r in conn.execute(
            "SELECT id FROM contacts WHERE person_label = 'save'")}
        lost = len(saves - present)
        clients = {r[0]: r[1] for r in conn.execute(
            "SELECT number, id FROM clients WHERE number LIKE 'imp-%'")}
        lost += sum(1 for tag in batches if f"imp-{tag}" not in clients)
        half = conn.execute("""
            SELECT count(*) FROM clients c WHERE c.number LIKE 'imp-%' AND (
              (SELECT count(*) FROM contacts WHERE client_id = c.id) != 3 OR
              (SELECT count(*) FROM dossiers WHERE client_id = c.id) != 1)""").fetchone()[0]
        half += conn.execute("""
            SELECT count(*) FROM contacts t WHERE NOT EXISTS (
              SELECT 1 FROM audit_log a WHERE a.table_name = 'contacts'
              AND a.row_id = t.id AND a.action = 'create')""").fetchone()[0]
        return lost, half
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                    reason="needs fork() and SIGKILL (Linux, macOS)")
def test_sigkill_during_saves_and_imports_loses_nothing(office_sqlite):
    url = office_sqlite.db.url
    office_sqlite.db.close()
    path = sqlite_path(url)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(vwdesk.__file__).parents[1]), os.environ.get("PYTHONPATH", "")]))
    worker = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("crash_worker.py")), url,
         str(office_sqlite.location_id)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0)
    out = worker.stdout
    assert out.readline() == b"READY\n"
    rnd = random.Random(20261122)
    saves: set[int] = set()
    batches: set[str] = set()
    kills = lost = half = 0
    pid = None
    started = time.monotonic()
    try:
        for run in range(KILLS):
            if run >= MIN_KILLS and time.monotonic() - started > TIME_BUDGET_S:
                break
            worker.stdin.write(f"go {run} {rnd.randrange(1 << 30)}\n".encode())
            worker.stdin.flush()
            pid = None
            started_at = None
            early = rnd.random() < 0.1  # now and then: kill while it is still starting
            while pid is None or not (early or started_at):
                line = out.readline().decode().split()
                assert line, "the crash worker stopped unexpectedly"
                if line[0] == "PID":
                    pid = int(line[2])
                elif line[0] == "START":
                    started_at = time.monotonic()
                elif line[0] == "OK":
                    (saves.add(int(line[2])) if line[1] == "save" else batches.add(line[2]))
            if not early:
                time.sleep(max(0.0, started_at + rnd.uniform(0, 0.15) - time.monotonic()))
            os.kill(pid, signal.SIGKILL)
            kills += 1
            for raw in iter(out.readline, b""):
                line = raw.decode().split()
                if line[0] == "EXIT":
                    pid = None  # reaped: the number may belong to someone else now
                    break
                if line[0] == "OK":
                    (saves.add(int(line[2])) if line[1] == "save" else batches.add(line[2]))
            run_lost, run_half = _check(path, saves, batches)
            lost += run_lost
            half += run_half
    finally:
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        worker.stdin.close()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
    elapsed = time.monotonic() - started
    print(f"\ncrash test: {kills} kills in {elapsed:.1f} s, {len(saves)} confirmed saves, "
          f"{len(batches)} confirmed imports, {lost} lost, {half} half-written")
    assert kills >= MIN_KILLS
    assert len(saves) > kills and len(batches) > 0  # the kills hit a busy writer
    assert lost == 0 and half == 0
