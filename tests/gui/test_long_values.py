"""Long names and texts never push the window past the screen, and a field's
length limit is said before it is reached, without cutting what was typed."""

from __future__ import annotations

import datetime as dt

from deskutil import add_client, open_page, settle, show_active
from PySide6.QtWidgets import QApplication

from vwdesk.core.services import base

LONG = "Abcdefghij" * 10  # a 100-letter word: the longest first name there may be


def test_no_screen_grows_past_the_window_with_the_longest_values(qtbot, office, teamleader):
    from vwdesk.gui.main_window import MainWindow

    client_id = add_client(office, "C" + "9" * 31, LONG, LONG, dt.date(1990, 1, 1),
                           note=LONG * 3)
    today = dt.date.today()
    with office.db.session() as s:
        coach = base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "V1", "first_name": LONG, "last_name": LONG, "kind": "vrijwilliger",
            "team": "taalcoach", "start": today - dt.timedelta(days=300)}).id
        programme = base.create(s, office.teamleader, "programmes", office.location_id,
                                {"key": "lang", "name": LONG}).id
        base.create(s, office.teamleader, "couplings", office.location_id, {
            "number": "K1", "programme_id": programme, "client_id": client_id, "coach_id": coach,
            "signed_up_on": today - dt.timedelta(days=200),
            "started_on": today - dt.timedelta(days=100)})
        base.create(s, office.teamleader, "dossiers", office.location_id, {
            "number": "D1", "client_id": client_id, "kind": "gezinshereniging",
            "opened_on": today, "deadline": today + dt.timedelta(days=3)})
        base.create(s, office.teamleader, "dwellings", office.location_id, {
            "number": "W1", "address": LONG * 2, "available_on": today})
    window = MainWindow(teamleader)
    window.resize(1200, 760)
    show_active(qtbot, window)
    settle(qtbot, teamleader)
    screen = QApplication.primaryScreen().availableGeometry()
    window.visit.start("spreekuur", client_id)
    open_page(qtbot, window, client_id)
    settle(qtbot, teamleader)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot, teamleader)
        qtbot.wait(10)
        assert window.width() == 1200, window.tabs.tabText(index)
        assert window.minimumSizeHint().width() <= min(1200, screen.width()), \
            window.tabs.tabText(index)
    page = window.tabs.currentWidget()
    assert page.title.toolTip().startswith(LONG)  # the whole name stays one hover away
    window._leaving = True


def test_a_field_says_its_limit_and_keeps_a_longer_text(qtbot, office, teamleader):
    from vwdesk.gui.client_form import ClientDialog

    dialog = ClientDialog(teamleader)
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    first = dialog.form.widgets["first_name"]
    assert first.toolTip() == "At most 100 characters"
    qtbot.keyClicks(first, "A" * 110)
    assert first.text() == "A" * 110  # not cut off
    assert "110 tekens" in dialog.form.errors["first_name"].text()
