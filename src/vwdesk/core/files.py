"""Files the app writes hold personal data: they are private to the
operating-system account that runs vwdesk.

On Linux and macOS that is the file mode: files 0600 and folders vwdesk
creates 0700, whatever the umask, and an older file of vwdesk's own that
others could read is made private when vwdesk opens it again.

On Windows `chmod` only sets the read-only flag, so nothing here pretends
otherwise: what protects the files there is the ACL of the folder they are
in. The data, log and default backup folders are in the user profile
(%LOCALAPPDATA%), which only that account, SYSTEM and the Administrators
can open; a file written elsewhere (an export, a backup folder on a network
drive) gets the ACL of the folder it is written to (docs/privacy.md).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

POSIX = os.name == "posix"
PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700


def make_private(path: Path | str, mode: int = PRIVATE_FILE) -> None:
    """Restrict an existing file (or, with PRIVATE_DIR, folder) to its owner;
    a file of another account is left alone."""
    if POSIX:
        with contextlib.suppress(FileNotFoundError, PermissionError):
            os.chmod(path, mode)


def private_dir(path: Path | str) -> Path:
    """Create `path` (and its parents) if missing; a folder created here is
    private. An existing folder keeps its permissions: it may be the user's
    own choice (a backup folder on a shared drive)."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        make_private(path, PRIVATE_DIR)
    return path


def _opener(path: str, flags: int) -> int:
    fd = os.open(path, flags, PRIVATE_FILE)
    if POSIX:  # the mode above only applies to a file that did not exist
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, PRIVATE_FILE)
    return fd


def open_private(path: Path | str, mode: str = "wb", **kwargs: Any) -> IO[Any]:
    """`open()` for writing a file only its owner can read."""
    return open(path, mode, opener=_opener, **kwargs)  # noqa: SIM115 - the caller closes


def create_private(path: Path | str) -> None:
    """Make sure `path` exists and is private (before another library, such
    as SQLite, opens it with the default permissions)."""
    with open_private(path, "ab"):
        pass
