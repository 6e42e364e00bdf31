"""The command line: version, help, users, Dutch errors without tracebacks."""

import argparse
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from vwdesk.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def vwdesk(*args, stdin=None, tmp_path=None):
    return subprocess.run([sys.executable, "-m", "vwdesk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_version_is_the_one_the_package_was_built_with():
    # pyproject.toml has hatchling read the version from vwdesk/__init__.py;
    # the installed metadata shows what it read.
    assert "version" in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dynamic"]
    assert vwdesk("--version").stdout.strip() == f"vwdesk {metadata.version('vwdesk')}"


def test_version_loads_neither_qt_nor_package_metadata():
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "vwdesk", "--version"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    imported = {line.split("|")[-1].strip() for line in out.stderr.splitlines()}
    assert "vwdesk.cli" in imported  # the list is real
    assert not {name for name in imported if name.startswith(("PySide6", "shiboken6"))}
    assert "importlib.metadata" not in imported


def test_help_lists_the_subcommands():
    out = vwdesk("--help").stdout
    for name in ("report", "import", "export", "demo", "users"):
        assert name in out


def _all_parsers(parser=None, path=("vwdesk",)):
    parser = parser or build_parser()
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _all_parsers(child, (*path, name))


# argparse's own English words, as it prints them without a translation.
ENGLISH = ("usage:", "options:", "positional arguments", "show this help message",
           "show program's version", "subcommands", "required", "invalid choice",
           "unrecognized arguments", "expected one argument", "choose from", "error:")


def test_every_help_is_dutch_with_a_line_for_every_argument():
    seen = 0
    for path, parser in _all_parsers():
        text = parser.format_help()
        assert text.startswith("gebruik: "), path
        assert not [w for w in ENGLISH if w in text], (path, text)
        for action in parser._actions:
            assert action.help and action.help != argparse.SUPPRESS, (path, action.dest)
        seen += 1
    assert seen == 17  # the program, its 9 commands and their 7 actions


def test_argparse_errors_are_dutch(tmp_path):
    cases = [
        ("users", "add", "x", "--role", "koning"),  # invalid choice
        ("report", "--location", "X"),  # required arguments missing
        ("report", "--location", "X", "--year", "2018", "-o"),  # expected one argument
        ("users", "list", "--onbekend"),  # unrecognized arguments
        ("users",),  # required action missing
        ("frobnicate",),  # unknown command
    ]
    for args in cases:
        out = vwdesk("--database", str(tmp_path / "e.sqlite"), *args)
        assert out.returncode == 2, (args, out.stderr)
        assert out.stderr.startswith("vwdesk: ") and len(out.stderr.splitlines()) == 1
        assert not [w for w in ENGLISH if w in out.stderr], out.stderr


WITHOUT_STREAMS = ("import sys; sys.stdin = sys.stdout = sys.stderr = None; "
                   "from vwdesk.cli import main; raise SystemExit(main(sys.argv[1:]))")


def test_a_program_without_standard_streams_still_runs_every_kind_of_command(tmp_path):
    """vwdesk.exe is built windowed: Windows then gives it no stdin, stdout or
    stderr (None in Python). Printing, asking isatty() or reading a password
    must end with the command's own exit status, not a crash (status 1)."""
    db = str(tmp_path / "n.sqlite")

    def run(*args):
        return subprocess.run([sys.executable, "-c", WITHOUT_STREAMS, *args],
                              capture_output=True, text=True, timeout=120).returncode

    assert run("--help") == 0
    assert run("--version") == 0
    assert run("users", "add") == 2  # argparse's error, written to no stream
    assert run("--database", db, "users", "add", "a", "--role", "beheerder") == 2  # no password
    assert run("--database", db, "users", "list") == 0
    assert run("--database", db, "import", "--location", "X", str(tmp_path / "none.xlsx")) == 2
    assert run("--database", db, "backup", "--to", str(tmp_path / "b"), "--passphrase-stdin") == 2


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
