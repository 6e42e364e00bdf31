"""The command line: version, help, users, Dutch errors without tracebacks."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def vwdesk(*args, stdin=None, tmp_path=None):
    return subprocess.run([sys.executable, "-m", "vwdesk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_version_comes_from_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert vwdesk("--version").stdout.strip() == f"vwdesk {version}"


def test_help_lists_the_subcommands():
    out = vwdesk("--help").stdout
    for name in ("report", "import", "export", "demo", "users"):
        assert name in out


def test_users_add_reads_password_from_stdin_and_user_can_log_in(tmp_path):
    db = tmp_path / "c.sqlite"
    out = vwdesk("--database", str(db), "users", "add", "admin", "--role", "beheerder",
                 stdin="heel-geheim\n")
    assert out.returncode == 0, out.stderr
    from vwdesk.core.db import Database
    from vwdesk.core.services.users import authenticate

    database = Database(f"sqlite:///{db}")
    assert authenticate(database, "admin", "heel-geheim").role == "beheerder"
    database.close()


def test_user_errors_are_one_dutch_sentence_with_status_2(tmp_path):
    db = str(tmp_path / "c.sqlite")
    cases = [
        ("--database", db, "users", "add", "x", "--role", "teamleider"),  # no location
        ("--database", db, "users", "add", "x", "--role", "teamleider", "--location", "Nergens"),
        ("--database", db, "users", "add", "x", "--role", "koning"),
        ("--database", db, "report", "--location", "X", "--year", "twintig", "-o", "x.pdf"),
    ]
    for args in cases:
        out = vwdesk(*args, stdin="heel-geheim\n")
        assert out.returncode == 2, (args, out.stderr)
        assert "Traceback" not in out.stderr
        assert out.stderr.startswith("vwdesk: ")
        assert len(out.stderr.strip().splitlines()) == 1


def test_short_password_from_stdin_is_refused(tmp_path):
    out = vwdesk("--database", str(tmp_path / "c.sqlite"), "users", "add", "a", "--role",
                 "beheerder", stdin="kort\n")
    assert out.returncode == 2 and "te kort" in out.stderr


def test_unreachable_database_is_a_dutch_error():
    out = vwdesk("--database", "postgresql://nobody@127.0.0.1:1/none", "users", "list")
    assert out.returncode == 2
    assert "kan niet worden geopend" in out.stderr and "Traceback" not in out.stderr


def test_a_damaged_database_file_is_named_as_such(tmp_path):
    path = tmp_path / "kapot.sqlite"
    assert vwdesk("--database", str(path), "users", "add", "a", "--role", "beheerder",
                  stdin="heel-geheim\n").returncode == 0
    data = bytearray(path.read_bytes())
    for p in range(1, len(data) // 4096):  # scribble over every page but the first
        data[p * 4096 + 8: p * 4096 + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    out = vwdesk("--database", str(path), "users", "list")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "beschadigd" in out.stderr
