"""No personal data in the application log after a GUI session (issue 7.7)."""

import datetime as dt

from PySide6.QtCore import Qt
from deskutil import add_client, open_page, settle, show_active

from vwdesk.gui.main_window import MainWindow
from vwdesk.logging_setup import configure_logging

NAME, SURNAME, NUMBER, NOTE = "Zerihun", "Tesfamariam", "VL-778899", "woont bij zus in Holy"


def test_log_holds_events_but_no_names_numbers_or_notes(qtbot, tmp_path, office,
                                                       volunteer):
    log_file = configure_logging(tmp_path / "logs")
    client_id = add_client(office, NUMBER, NAME, SURNAME, dt.date(1991, 3, 4), note=NOTE,
                           phone="0612345678")
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    settle(qtbot, volunteer)

    # A visit by keyboard: Ctrl+N, the client by name, a topic, Enter saves.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.visit
    qtbot.keyClicks(form.client.edit, SURNAME.lower())
    qtbot.waitUntil(lambda: form.client.matches.count() == 1)
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.topic_edit, "brie")
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    # A visit without a file, with a free label and a note.
    form.without_file.setChecked(True)
    qtbot.keyClicks(form.person, f"{NAME} de neef")
    qtbot.keyClicks(form.topic_edit, "wer")
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.person, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # The client's full page (reason asked and recorded).
    assert open_page(qtbot, window, client_id) is not None
    settle(qtbot, volunteer)
    window.close()

    text = log_file.read_text(encoding="utf-8")
    assert "create table=contacts" in text and "view table=clients" in text
    for secret in (NAME, SURNAME, NUMBER, NOTE, "0612345678", "neef", "1991"):
        assert secret.lower() not in text.lower(), secret
