"""The application log: a rotating file in the user's log folder.

The app and the command line may write it at the same time (two processes);
`concurrent_log_handler` takes a lock file beside the log for each write and
rotation, and on Windows keeps the log closed between writes, so a rotation
can rename it while the other process runs (the standard RotatingFileHandler
fails there, and on Linux its two processes write into each other's renamed
files). The log and its rotated files are readable by their owner only.

The rule: the log holds event names and record ids, never names, notes,
client numbers or other content. Code logs like
`log.info("backup.made encrypted=%s", flag)`. Because an exception's message
may quote data (a database error quotes the values it failed on), an error
is written with its type and where it happened, without the message.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from concurrent_log_handler import ConcurrentRotatingFileHandler
from platformdirs import user_log_path

from vwdesk.core.files import private_dir

LOG_NAME = "vwdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FILE_MODE = 0o600  # POSIX; on Windows the user's own profile folder keeps it private
_HANDLER_FLAG = "_vwdesk_handler"


class DataFreeFormatter(logging.Formatter):
    """Formats tracebacks without exception messages (they may quote data)."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have formatted this record first and cached its
        # full traceback (with the message) in `exc_text`: never reuse that.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # noqa: N802 - logging's API
        exc_type, exc, tb = ei
        lines = []
        while exc is not None:
            frames = traceback.extract_tb(exc.__traceback__)
            lines.append(f"{type(exc).__module__}.{type(exc).__qualname__} at " + " <- ".join(
                f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames)))
            exc = exc.__cause__ or exc.__context__
        return "\n".join("  " + line for line in lines)


def log_dir() -> Path:
    return Path(os.environ.get("VWDESK_LOG_DIR") or user_log_path("vwdesk", appauthor=False))


def configure_logging(log_dir_: Path | str | None = None, level: int = logging.INFO) -> Path:
    """Send the `vwdesk` loggers to a rotating file; returns its path. Calling
    it again replaces the earlier handler (e.g. in tests)."""
    folder = Path(log_dir_) if log_dir_ else log_dir()
    private_dir(folder)
    path = folder / LOG_NAME
    logger = logging.getLogger("vwdesk")
    for handler in list(logger.handlers):
        if getattr(handler, _HANDLER_FLAG, False):
            logger.removeHandler(handler)
            handler.close()
    handler = ConcurrentRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
        chmod=FILE_MODE if os.name == "posix" else None)
    setattr(handler, _HANDLER_FLAG, True)
    handler.setFormatter(DataFreeFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return path
