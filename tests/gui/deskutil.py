"""Helpers for the desk's screen tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from vwdesk.app import Desk
from vwdesk.core import models as m
from vwdesk.core.services import base
from vwdesk.gui.workspace import Workspace
from vwdesk.resources import resource_path


def compile_translations() -> None:
    """Compile the .ts files whose .qm is missing or older (scripts/setup.sh
    does this at install time)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in resource_path("translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def make_workspace(office, actor, display="Test") -> Workspace:
    return Workspace(Desk(office.db, actor, office.location_id, "Testdorp"), display)


def settle(qtbot, workspace, timeout: int = 5000) -> None:
    """Wait until every piece of work the screens started has come back (and
    what it started in turn)."""
    qtbot.waitUntil(lambda: not workspace.ops.is_busy(), timeout=timeout)


def add_client(office, number, first, last, birth=None, **extra) -> int:
    with office.db.session() as s:
        return base.create(s, office.teamleader, "clients", office.location_id, {
            "number": number, "first_name": first, "last_name": last, "birth_date": birth,
            **extra}).id


def contacts_in_db(office) -> list[m.Contact]:
    with office.db.session() as s:
        return list(s.scalars(select(m.Contact).options(selectinload(m.Contact.topics))
                              .order_by(m.Contact.id)))


def show_active(qtbot, widget) -> None:
    """Show `widget` as the active window (keyboard focus and shortcuts work)."""
    from PySide6.QtWidgets import QApplication

    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)



def type_text(qtbot, widget, text: str) -> None:
    """Type `text` key by key; QTest only knows Latin-1 keys, so Arabic or
    Ge'ez letters are sent as key events carrying the character."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ord(ch) < 256:
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def cell(qtbot, model, row: int, column: int):
    """A cell of a lazy model once its page has arrived."""
    qtbot.waitUntil(lambda: model.index(row, column).data() is not None)
    return model.index(row, column).data()


def open_page(qtbot, window, client_id: int):
    """A client's page opened from the main window, once its opening is in
    the access log."""
    window.open_client(client_id)
    qtbot.waitUntil(lambda: client_id in window.client_pages)
    return window.client_pages[client_id]


def combo_text_fits(combo) -> bool:
    """Whether a combo box shows its current text without cutting it."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
