"""Running database reads off the GUI thread.

`TaskRunner.run(fn, on_done)` runs `fn()` on a QThreadPool thread and calls
`on_done(result)` (or `on_error(exc)`) back on the GUI thread; `busy` tells the
busy indicator whether anything is running. Writes stay small synchronous
operations on the GUI thread (they take a few milliseconds), so one writer
is guaranteed without a separate queue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Task] = set()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None) -> None:
        task = _Task(fn)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy.emit(True)

        def finish(_=None, task=task):
            self._running.discard(task)
            if not self._running:
                self.busy.emit(False)

        task.signals.done.connect(on_done)
        task.signals.done.connect(finish)
        if on_error is not None:
            task.signals.failed.connect(on_error)
        task.signals.failed.connect(finish)
        self._pool.start(task)

    def is_busy(self) -> bool:
        return bool(self._running)

    def wait(self) -> None:
        self._pool.waitForDone()
