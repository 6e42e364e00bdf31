"""The PySide6 application: views build widgets, the services do the work."""

from __future__ import annotations

import sys


def _keep_singletons_alive() -> None:
    """Work around a PySide6 6.12 bug on Python 3.11.

    PySide6 6.12 returns None and True without taking a reference (it treats
    them as immortal, which they are only since Python 3.12, PEP 683): every
    call of a Qt method that returns nothing drops a reference to None, every
    `signal.emit()` one to True. They start with some 30,000 and 3,000
    references, so after that many calls — a few hundred registrations — the
    interpreter aborts with "deallocating None" (or True). Giving them a
    reference count no session can use up is what Python 3.12 does itself."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    from PySide6 import __version_info__ as pyside_version

    if tuple(pyside_version[:2]) < (6, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_keep_singletons_alive()
