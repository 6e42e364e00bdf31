"""Running database reads off the GUI thread.

`TaskRunner.run(fn, on_done)` runs `fn()` on a QThreadPool thread and calls
`on_done(result)` (or `on_error(exc)`) back on the GUI thread; `busy` tells the
busy indicator whether anything is running. Writes stay small synchronous
operations on the GUI thread (a few milliseconds each, see the benchmark), so
there is only ever one writer without a separate queue.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


def _alive(callback: Callable) -> bool:
    """False when the callback's widget was closed and deleted meanwhile."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], signals: _Signals):
        super().__init__()
        self.task_id, self.fn, self.signals = task_id, fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(self.task_id, exc)
        else:
            self.signals.done.emit(self.task_id, result)


class TaskRunner(QObject):
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        # Lives in the GUI thread: results cross over through queued signals.
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None) -> None:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        if len(self._callbacks) == 1:
            self.busy.emit(True)
        self._pool.start(_Task(task_id, fn, self._signals))

    def _finish(self, task_id: int) -> tuple[Callable, Callable | None]:
        callbacks = self._callbacks.pop(task_id)
        if not self._callbacks:
            self.busy.emit(False)
        return callbacks

    @Slot(int, object)
    def _done(self, task_id: int, result: Any) -> None:
        on_done, _ = self._finish(task_id)
        if _alive(on_done):
            on_done(result)

    @Slot(int, object)
    def _failed(self, task_id: int, exc: Exception) -> None:
        _, on_error = self._finish(task_id)
        if on_error is None:
            raise exc
        if _alive(on_error):
            on_error(exc)

    def is_busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self) -> None:
        """Block until every task ran (closing a window, tests)."""
        self._pool.waitForDone()
