"""The plain record dialogs, driven as a user does (keys and clicks)."""

from __future__ import annotations

import datetime as dt

from deskutil import add_client, settle, show_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from vwdesk.core.services import base
from vwdesk.gui.record_form import RecordDialog


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_a_new_dossier_is_opened_today_and_numbered_in_its_year(qtbot, office, teamleader):
    client = add_client(office, "C1", "Amal", "Haddad")
    with office.db.session() as s:
        base.create(s, office.teamleader, "dossiers", office.location_id, {
            "number": "GH2019-012", "client_id": client, "kind": "gezinshereniging",
            "opened_on": dt.date(2019, 12, 20)})
    dialog = RecordDialog(teamleader, "dossiers")
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    number, opened = dialog.form.widgets["number"], dialog.form.widgets["opened_on"]
    today = dt.date.today()
    assert opened.date() == today
    assert number.text() == f"GH{today.year}-001"

    retype(qtbot, opened, "30-12-2019")  # a dossier of last year, typed in late
    settle(qtbot, teamleader)
    assert number.text() == "GH2019-013"

    retype(qtbot, number, "GH-eigen-7")  # a number the user typed stays
    retype(qtbot, opened, today.strftime("%d-%m-%Y"))
    settle(qtbot, teamleader)
    assert number.text() == "GH-eigen-7"



def test_a_new_dossiers_number_follows_the_kind_chosen(qtbot, office, teamleader):
    client = add_client(office, "C1", "Amal", "Haddad")
    year = dt.date.today().year
    with office.db.session() as s:
        for number, kind in ((f"GH{year}-004", "gezinshereniging"), (f"AS{year}-002", "asiel")):
            base.create(s, office.teamleader, "dossiers", office.location_id, {
                "number": number, "client_id": client, "kind": kind,
                "opened_on": dt.date.today()})
    dialog = RecordDialog(teamleader, "dossiers")
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    number, kind = dialog.form.widgets["number"], dialog.form.widgets["kind"]
    kind.setFocus()
    for wanted, expected in (("asiel", f"AS{year}-003"), ("gezinshereniging", f"GH{year}-005")):
        key = Qt.Key.Key_Down if kind.findData(wanted) > kind.currentIndex() else Qt.Key.Key_Up
        for _ in range(kind.count()):  # as a user does: arrow keys in the kind box
            if kind.currentData() == wanted:
                break
            qtbot.keyClick(kind, key)
        settle(qtbot, teamleader)
        assert number.text() == expected, wanted
    retype(qtbot, number, "EIGEN-1")  # typed by the user: stays whatever the kind
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Up)
    settle(qtbot, teamleader)
    assert number.text() == "EIGEN-1"

def test_a_new_clients_form_is_titled_so_and_its_note_stands_beside_its_label(qtbot, teamleader):
    from PySide6.QtCore import QPoint

    from vwdesk.gui.client_form import ClientDialog

    dialog = ClientDialog(teamleader)
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    assert dialog.windowTitle() == "New client"
    note = dialog.form.widgets["note"]
    label = next(w for w in dialog.form.findChildren(QLabel) if w.buddy() is note)
    top = [w.mapTo(dialog, QPoint(0, 0)).y() for w in (label, note)]
    assert abs(top[0] - top[1]) < label.height(), top


def test_a_nationality_is_completed_from_the_start_of_its_name(qtbot, teamleader):
    from vwdesk.gui.client_form import ClientDialog

    dialog = ClientDialog(teamleader)
    show_active(qtbot, dialog)
    settle(qtbot, teamleader)
    nationality = dialog.form.widgets["nationality"]
    for typed, shown in (("syr", "Syrië"), ("rie", "rie")):  # not "rieekenland"
        nationality.lineEdit().clear()
        nationality.lineEdit().setFocus()
        qtbot.keyClicks(nationality.lineEdit(), typed)
        qtbot.keyClick(nationality.lineEdit(), Qt.Key.Key_Tab)
        assert nationality.currentText() == shown, typed
    assert dialog.form.values()[0]["nationality"] == "rie"  # refused with advice on saving
