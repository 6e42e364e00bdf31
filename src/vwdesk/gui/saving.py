"""What a form does when a save fails — one rule for every form: a wrong
value shows beside its field, a change someone else saved first is loaded
while the user's typing stays in the form, anything else goes above the form.
Nothing the user typed is ever cleared by a failed save."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from vwdesk.core.errors import ConflictError, ValidationError, VwdeskError
from vwdesk.gui.widgets import Banner


def save_failed(exc: VwdeskError, banner: Banner, show_errors: Callable[[dict[str, str]], None],
                reload_keeping_typed: Callable[[Callable[[], None]], None]) -> None:
    """Show why a save failed. On a conflict `reload_keeping_typed(then)`
    loads the stored record (and its new version) under what the user typed,
    and calls `then()` when that is done."""
    if isinstance(exc, ValidationError):
        show_errors(exc.errors)
    elif isinstance(exc, ConflictError) and not exc.removed:
        kept = QCoreApplication.translate(
            "Saving", "Your changes are still in the form; press Save again to keep them.")
        reload_keeping_typed(lambda: banner.show_message(f"{exc.message} {kept}", "warning"))
    else:
        banner.show_message(exc.message)
