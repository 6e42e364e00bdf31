"""The PySide6 application: views build widgets, the services do the work."""

from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around a PySide6 6.12 bug on Python 3.11.

    PySide6 6.12 drops one reference to None on every call of a Qt method that
    returns nothing (it treats None as immortal, which it is only since Python
    3.12). None starts with about 30,000 references, so after that many calls
    — a few hundred registrations — the interpreter aborts with "deallocating
    None". Giving None a reference count no session can use up is what Python
    3.12 does itself (PEP 683)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    from PySide6 import __version_info__ as pyside_version

    if tuple(pyside_version[:2]) < (6, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_keep_none_alive()
