"""The one way a screen does work with the data.

In the spirit of Anki's QueryOp/CollectionOp, every call to the application
layer (`vwdesk.app.Desk`) runs off the GUI thread and comes back through a
callback on the GUI thread:

    ops.query(self, lambda desk: desk.clients.find(text), self._show)
    ops.write(self, lambda desk: desk.contacts.register(values, topics),
              self._saved, self._not_saved)
    ops.long(self, self.tr("Importing…"), lambda desk, progress, cancelled: ...,
             self._imported, write=True)

- `query` reads. With `latest="name"` only the result of the last query of
  that name (per owner) arrives: typing fast never shows an older search;
  `supersede(owner, name)` drops the results still on their way.
- `write` writes, one at a time and in the order asked (a queue of one
  thread), and when it returns a `Saved`, broadcasts the record kinds it
  changed on `changed`, the signal every screen refreshes on.
- `long` is for work that takes seconds: a progress dialog after a moment,
  Cancel where the work allows it (where it does not, the dialog cannot be
  closed until the work is done).
- `maintenance` is for the checks and backups the app runs by itself: a
  lane of its own, so a visit saved meanwhile never queues behind them.
- A `VwdeskError` goes to `failed(exc)`, or, without one, to a message box;
  an unexpected exception is logged (its type and stack, never its message,
  which may hold data) and becomes a Dutch sentence. A `ConflictError` is a
  `VwdeskError` too: forms handle it once, in `gui.saving.save_failed`.
- Callbacks of a screen that was closed meanwhile are skipped.

Nothing else in the GUI starts threads or touches the database.

The login window uses this module before the database is open: PySide
makes all the enums of its `Qt` namespace (about 45 ms) when the namespace
is first reached, so it is reached as `QtCore.Qt` where it is used, not
imported at the top.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from vwdesk.core.errors import VwdeskError

log = logging.getLogger(__name__)
PROGRESS_STEPS = 1000
SHOW_PROGRESS_AFTER_MS = 300  # quick work finishes without a flashing dialog

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def unexpected(exc: BaseException) -> VwdeskError:
    """An exception nobody expected, logged without its message (it may
    quote data) and told to the user as one Dutch sentence."""
    log.error("unexpected.%s\n%s", type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)))
    return VwdeskError(QCoreApplication.translate(
        "Ops", "Something went wrong unexpectedly (%1); nothing was changed. Try again, or ask "
               "your administrator to look at the log.").replace("%1", type(exc).__name__))


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int)


class _Progress(QProgressDialog):
    """The progress of long work; without Cancel, Esc and the close button
    do nothing: the window stays behind it until the work is done."""

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None):
        super().__init__(label, QCoreApplication.translate("Ops", "Cancel"), 0, PROGRESS_STEPS,
                         parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)
            self.setWindowFlag(QtCore.Qt.WindowType.WindowCloseButtonHint, False)
        self.setWindowTitle("vwdesk")
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        # Work that cannot be stopped shows at once: the window must not seem usable.
        self.setMinimumDuration(SHOW_PROGRESS_AFTER_MS if cancellable else 0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.finished_work = False

    def reject(self) -> None:
        if self.cancellable or self.finished_work:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.cancellable or self.finished_work:
            super().closeEvent(event)
        else:
            event.ignore()


class _Job(QRunnable):
    def __init__(self, job_id: int, call: Callable[[], Any], signals: _Signals):
        super().__init__()
        # Not deleted by the pool on its thread: the job (and what its work
        # holds) is freed on the GUI thread (`Ops._retire`). Freeing Python
        # objects tied to Qt on a worker thread can deadlock: that thread
        # waits for the GIL while holding a lock the GUI thread waits for.
        self.setAutoDelete(False)
        self.job_id, self.call, self.signals = job_id, call, signals
        self.returned = False  # set as the last thing `run` does
        self.seen_returned = False  # `returned` was seen at an earlier retire

    def run(self) -> None:
        try:
            result = self.call()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(self.job_id, exc)
        else:
            self.signals.done.emit(self.job_id, result)
        self.returned = True


@dataclass
class _Pending:
    owner: QObject | None
    done: Callable[[Any], None] | None
    failed: Callable[[VwdeskError], None] | None
    lane: str  # "read", "write" or "maintenance"
    latest: tuple[int, str] | None = None
    dialog: _Progress | None = None
    job: _Job | None = None

    @property
    def write(self) -> bool:
        return self.lane != "read"


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class Ops(QObject):
    busy = Signal(bool)
    # After a write: the record kinds it changed ("clients", "contacts", ...).
    changed = Signal(object)

    def __init__(self, context: Callable[[], Any], parent: QObject | None = None):
        """`context()` gives what each piece of work is handed (the Desk of
        the moment; the login's work gets None)."""
        super().__init__(parent)
        self._context = context
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._maintenance = QThreadPool(self)
        self._maintenance.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[tuple[int, str], int] = {}
        self._retired: list[_Job] = []  # finished; freed on a later turn (`_retire`)
        # Lives in the GUI thread: results cross over through queued signals.
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._signals.progress.connect(self._progress)

    # --- starting work ----------------------------------------------------------
    def query(self, owner: QObject | None, fn: Callable[[Any], Any],
              done: Callable[[Any], None] | None = None,
              failed: Callable[[VwdeskError], None] | None = None, *,
              latest: str | None = None) -> None:
        context = self._context()
        self._start(lambda: fn(context), _Pending(owner, done, failed, "read"), latest)

    def write(self, owner: QObject | None, fn: Callable[[Any], Any],
              done: Callable[[Any], None] | None = None,
              failed: Callable[[VwdeskError], None] | None = None) -> None:
        context = self._context()
        self._start(lambda: fn(context), _Pending(owner, done, failed, "write"), None)

    def maintenance(self, owner: QObject | None, fn: Callable[[Any], Any],
                    done: Callable[[Any], None] | None = None,
                    failed: Callable[[VwdeskError], None] | None = None) -> None:
        """Work the app does by itself (start-up checks, automatic backups),
        on a lane of its own; a `Saved` it returns is broadcast like a write's."""
        context = self._context()
        self._start(lambda: fn(context), _Pending(owner, done, failed, "maintenance"), None)

    def long(self, owner: QWidget, label: str, fn: Callable[[Any, Progress, Cancelled], Any],
             done: Callable[[Any], None] | None = None,
             failed: Callable[[VwdeskError], None] | None = None, *,
             cancellable: bool = True, write: bool = False) -> None:
        """Work of seconds behind a progress dialog: `fn(context, progress,
        cancelled)` reports `progress(done, total)` and stops when
        `cancelled()` turns True (raising what it raises then)."""
        context = self._context()
        cancel = threading.Event()
        dialog = _Progress(label, cancellable, owner)
        dialog.canceled.connect(cancel.set)
        job_id = next(self._ids)
        signals = self._signals

        def progress(step: int, total: int) -> None:
            signals.progress.emit(job_id, int(PROGRESS_STEPS * step / total) if total else 0)

        self._start(lambda: fn(context, progress, cancel.is_set),
                    _Pending(owner, done, failed, "write" if write else "read", dialog=dialog),
                    None, job_id)

    def _start(self, call: Callable[[], Any], pending: _Pending, latest: str | None,
               job_id: int | None = None) -> None:
        job_id = job_id or next(self._ids)
        if latest is not None:
            pending.latest = (id(pending.owner), latest)
            self._latest[pending.latest] = job_id
        self._pending[job_id] = pending
        if len(self._pending) == 1:
            self.busy.emit(True)
        pool = {"read": self._reads, "write": self._writes,
                "maintenance": self._maintenance}[pending.lane]
        pending.job = _Job(job_id, call, self._signals)
        pool.start(pending.job)

    def supersede(self, owner: QObject, latest: str) -> None:
        """The owner has newer results than `latest` work started so far
        would bring (say, a write that returned them): those are dropped."""
        self._latest.pop((id(owner), latest), None)

    # --- results, on the GUI thread ---------------------------------------------
    def _finish(self, job_id: int) -> tuple[_Pending, bool]:
        """The job's callbacks, and whether they are still wanted."""
        pending = self._pending.pop(job_id)
        self._retire(pending.job)
        if not self._pending:
            self.busy.emit(False)
        if pending.dialog is not None and shiboken6.isValid(pending.dialog):
            pending.dialog.finished_work = True
            pending.dialog.close()
            pending.dialog.deleteLater()
        wanted = _alive(pending.owner)
        if pending.latest is not None:
            wanted = wanted and self._latest.get(pending.latest) == job_id
            if self._latest.get(pending.latest) == job_id:
                del self._latest[pending.latest]
        return pending, wanted

    def _retire(self, job: _Job | None) -> None:
        """Free finished jobs on the GUI thread, but only those whose `run`
        had already returned at an earlier turn: when a result arrives, its
        job may still be returning on its thread."""
        self._retired = [j for j in self._retired if not j.seen_returned]
        for j in self._retired:
            j.seen_returned = j.returned
        if job is not None:
            self._retired.append(job)

    @Slot(int, object)
    def _done(self, job_id: int, result: Any) -> None:
        pending, wanted = self._finish(job_id)
        if pending.write:
            from vwdesk.app import Saved

            if isinstance(result, Saved) and result.kinds:
                self.changed.emit(result.kinds)
        if wanted and pending.done is not None:
            pending.done(result)

    @Slot(int, object)
    def _failed(self, job_id: int, exc: BaseException) -> None:
        pending, wanted = self._finish(job_id)
        error = exc if isinstance(exc, VwdeskError) else unexpected(exc)
        if not wanted:
            return
        if pending.failed is not None:
            pending.failed(error)
        else:
            owner = pending.owner if isinstance(pending.owner, QWidget) else None
            show_error(owner, error.message)

    @Slot(int, int)
    def _progress(self, job_id: int, value: int) -> None:
        pending = self._pending.get(job_id)
        if pending is not None and pending.dialog is not None \
                and shiboken6.isValid(pending.dialog):
            pending.dialog.setValue(value)

    # --- state --------------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self) -> None:
        """Block until every started piece of work ran (closing a window).
        Their callbacks arrive with the next turn of the event loop."""
        for pool in (self._reads, self._writes, self._maintenance):
            pool.waitForDone()
        self._retire(None)


def show_error(parent: QWidget | None, text: str) -> QMessageBox:
    """A non-blocking (window-modal) message box for an error."""
    box = QMessageBox(QMessageBox.Icon.Warning, "vwdesk", text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # a message may quote a cell: never markup
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
