"""Registering a visit from the keyboard alone; correcting and removing it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from deskutil import contacts_in_db, make_workspace, settle, show_active
from vwdesk.gui.visit_form import VisitForm


def tick_a_topic(qtbot, form):
    qtbot.waitUntil(lambda: bool(form.chips))
    next(iter(form.chips.values())).setChecked(True)


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_visit_registered_by_keyboard_alone(qtbot, office, volunteer, hassan):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    edit = form.client.edit
    qtbot.keyClicks(edit, "alhassan")
    qtbot.waitUntil(lambda: form.client.matches.count() == 1 and form.client.matches.isVisible())
    assert "Al-Hassan" in form.client.matches.item(0).text()
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # takes the match
    assert form.client.client_id == hassan
    assert form.topic_edit.hasFocus()
    qtbot.keyClicks(form.topic_edit, "wer")
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)  # adds "werk"
    qtbot.keyClicks(form.topic_edit, "brie")
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)  # adds "brieven"
    checked = sorted(c.text() for c in form.chips.values() if c.isChecked())
    assert checked == ["brieven", "werk"]
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)  # empty topic field: save
    settle(qtbot, volunteer)

    [contact] = contacts_in_db(office)
    assert contact.client_id == hassan and contact.kind == "spreekuur"
    assert contact.date == dt.date.today()
    assert sorted(t.name for t in contact.topics) == ["brieven", "werk"]
    # Ready for the next visitor, the visit listed beside the form.
    assert form.client.client_id is None and form.client.edit.text() == ""
    assert not any(c.isChecked() for c in form.chips.values())
    assert form.client.edit.hasFocus()
    assert form.day.rowCount() == 1
    assert "Al-Hassan" in form.day.item(0, 1).text() and form.day.item(0, 2).text() == "brieven, werk"


def test_ctrl_s_saves_a_visit_without_a_file(qtbot, office, volunteer):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    form.without_file.setChecked(True)
    assert form.person.hasFocus()
    qtbot.keyClick(form.person, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, volunteer)
    # Nothing saved: the message stands beside the person field.
    assert contacts_in_db(office) == []
    assert form.errors["person_label"].isVisible()
    assert "persoon" in form.errors["person_label"].text()
    type_into(qtbot, form.person, "man met rode jas")
    qtbot.keyClick(form.person, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # No topic ticked: asked once, beside the topics; Ctrl+S again saves.
    assert "No topic chosen" in form.errors["topics"].text() and contacts_in_db(office) == []
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.topic_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [contact] = contacts_in_db(office)
    assert contact.person_label == "man met rode jas" and contact.client_id is None
    assert contact.topics == []


def test_validation_error_keeps_what_was_typed(qtbot, office, volunteer, hassan):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    form.client.set_client(hassan)
    form.date.setText("31-02-2024")
    form.duration.setText("20")
    qtbot.keyClick(form.duration, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert contacts_in_db(office) == []
    assert form.errors["date"].isVisible()
    assert "31-02-2024 does not exist" in form.errors["date"].text()  # not "use dd-mm-yyyy"
    form.date.setText("29022024")  # eight digits are a date too
    assert form.date.date() == dt.date(2024, 2, 29)
    assert form.client.client_id == hassan and form.duration.text() == "20"


def test_correct_and_remove_a_mistaken_visit(qtbot, office, volunteer, hassan,
                                             monkeypatch):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    form.client.set_client(hassan)
    tick_a_topic(qtbot, form)
    form.save()
    settle(qtbot, volunteer)
    form.day.selectRow(0)
    qtbot.mouseClick(form.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot, volunteer)
    assert form.editing is not None and form.client.client_id == hassan
    form.kind.setCurrentIndex(form.kind.findData("juridisch"))
    form.duration.setText("45")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.duration, Qt.Key.Key_Return)
    [contact] = contacts_in_db(office)
    assert (contact.kind, contact.duration_minutes) == ("juridisch", 45)

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    settle(qtbot, volunteer)
    form.day.selectRow(0)
    qtbot.mouseClick(form.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, volunteer)
    assert len(asked) == 1
    assert contacts_in_db(office) == []
    assert form.day.rowCount() == 0
    from sqlalchemy import select

    from vwdesk.core import models as m
    with office.db.session() as s:
        actions = list(s.scalars(select(m.AuditEntry.action).where(
            m.AuditEntry.table_name == "contacts")))
    assert "delete" in actions


def test_conflict_on_correction_keeps_typed_values(qtbot, office, volunteer, hassan):
    from vwdesk.core.services import contacts

    form = VisitForm(volunteer)
    show_active(qtbot, form)
    form.client.set_client(hassan)
    tick_a_topic(qtbot, form)
    form.save()
    settle(qtbot, volunteer)
    contact_id = form.day.rows[0].id
    form.edit(contact_id)
    settle(qtbot, volunteer)
    with office.db.session() as s:  # another PC corrects it first
        edit = contacts.for_edit(s, office.teamleader, contact_id)
        contacts.change(s, office.teamleader, contact_id, edit.version, {"duration_minutes": 10}, [])
    form.duration.setText("30")
    form.save()
    settle(qtbot, volunteer)
    assert "Teamleider" in form.banner.text()
    assert form.duration.text() == "30" and form.editing is not None
    with qtbot.waitSignal(form.saved):
        form.save()  # saving again keeps the user's value
    [contact] = contacts_in_db(office)
    assert contact.duration_minutes == 30


def test_staff_member_defaults_to_the_users_volunteer_record(qtbot, office):
    from vwdesk.core import models as m
    from vwdesk.core.services import base

    with office.db.session() as s:
        me = base.create(s, office.teamleader, "volunteers", office.location_id, {
            "number": "1", "first_name": "Vera", "kind": "vrijwilliger",
            "start": dt.date.today() - dt.timedelta(days=30)})
        s.get(m.User, office.volunteer.user_id).volunteer_id = me.id
        me_id = me.id
    workspace = make_workspace(office, office.volunteer, "Vera")
    form = VisitForm(workspace)
    show_active(qtbot, form)
    settle(qtbot, workspace)
    assert form.volunteer.currentData() == me_id and form.volunteer.currentText() == "Vera"
    assert form.kind.currentData() == "spreekuur" and form.date.date() == dt.date.today()
    form.start("juridisch")
    assert form.kind.currentData() == "juridisch" and form.volunteer.currentData() == me_id


def test_a_topic_ticked_by_mistake_is_unticked_by_keyboard(qtbot, office, volunteer, hassan):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    form.client.set_client(hassan)
    form.topic_edit.setFocus()

    def ticked():
        return sorted(c.text() for c in form.chips.values() if c.isChecked())

    for typed in ("brie", "wer"):
        qtbot.keyClicks(form.topic_edit, typed)
        qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    assert ticked() == ["brieven", "werk"]
    qtbot.keyClicks(form.topic_edit, "brie")  # typed again: off again
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    assert ticked() == ["werk"]
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Backspace)  # the empty field: the last one off
    assert ticked() == []
    # Tab reaches the topic buttons; Space toggles the one with the focus.
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Tab)
    chip = QApplication.focusWidget()
    assert chip in form.chips.values()
    qtbot.keyClick(chip, Qt.Key.Key_Space)
    assert chip.isChecked()


def test_a_new_client_during_a_visit(qtbot, office, volunteer, monkeypatch):
    from vwdesk.gui.main_window import MainWindow
    from vwdesk.gui.privacy import access_reason

    asked = []
    monkeypatch.setattr(access_reason, "ask", lambda parent, *_client: asked.append(1) or "x")
    window = MainWindow(volunteer)
    show_active(qtbot, window)
    settle(qtbot, volunteer)
    form = window.visit
    qtbot.keyClicks(form.client.edit, "Lina Haddad")
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)  # waits for the search: nobody
    settle(qtbot, volunteer)
    assert "Ctrl+Shift+N" in form.errors["client_id"].text()
    assert contacts_in_db(office) == []
    qtbot.keyClick(form.client.edit, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = form.client_dialog
    settle(qtbot, volunteer)
    assert (dialog.form.widgets["first_name"].text(), dialog.form.widgets["last_name"].text()) \
        == ("Lina", "Haddad")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    settle(qtbot, volunteer)
    assert form.client.client_id is not None and not form.client.matches.isVisible()
    assert form.client.edit.text().startswith("Lina Haddad (1")
    assert not form.errors["client_id"].isVisible()
    window.open_client(form.client.client_id)  # the client just made: no reason asked
    assert asked == []
    window._leaving = True


def test_after_a_legal_contact_the_form_is_ready_for_a_visit_again(qtbot, office, volunteer,
                                                                    hassan):
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    form.start("juridisch", hassan)
    tick_a_topic(qtbot, form)
    with qtbot.waitSignal(form.saved):
        form.save()
    assert form.kind.currentData() == "spreekuur"
    [contact] = contacts_in_db(office)
    assert contact.kind == "juridisch"


def enter_on_zabal(qtbot, office, volunteer):
    """A visit form where Enter was pressed on "zabal", which two clients
    could be meant by (a surname, a first name); the form and their ids."""
    from deskutil import add_client

    nadir = add_client(office, "C00041", "Nadir", "Zabal", dt.date(1988, 4, 2))
    zabal = add_client(office, "C00042", "Zabal", "Amin", dt.date(1990, 1, 1))
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    qtbot.keyClicks(form.client.edit, "zabal")
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)  # waits for the matches
    settle(qtbot, volunteer)
    return form, nadir, zabal


def test_enter_takes_a_client_only_when_it_is_clearly_the_one(qtbot, office, volunteer):
    form, nadir, zabal = enter_on_zabal(qtbot, office, volunteer)
    picker = form.client
    # Two could be meant (a surname, a first name): Enter takes neither.
    assert picker.client_id is None
    assert "Several clients could be meant" in form.errors["client_id"].text()
    shown = [picker.matches.item(i).text() for i in range(picker.matches.count())]
    assert shown[0].startswith("Nadir Zabal (C00041") and shown[0].endswith("— surname")
    assert shown[1].startswith("Zabal Amin (C00042") and shown[1].endswith("— name")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)  # the user chooses: the first Down, the first
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == zabal
    assert picker.edit.text() == "Zabal Amin (C00042, 01-01-1990)"  # name, number, birth date
    assert not form.errors["client_id"].isVisible()
    # An exact number, written without prefix and zeros, is clearly the one.
    picker.edit.clear()
    picker.set_client(None)
    picker.setFocus()
    qtbot.keyClicks(picker.edit, "41")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert picker.client_id == nadir


def highlighted(picker) -> list[str]:
    """The matches the user sees highlighted."""
    return [item.text().split(" (")[0] for item in picker.matches.selectedItems()]


def test_the_highlighted_match_is_the_one_enter_takes(qtbot, office, volunteer):
    form, nadir, zabal = enter_on_zabal(qtbot, office, volunteer)
    picker = form.client
    # Several could be meant: none is highlighted, so the user's first Down
    # lands on the first match and Enter takes what is highlighted.
    assert picker.client_id is None and highlighted(picker) == []
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    assert highlighted(picker) == ["Nadir Zabal"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == nadir
    # Down before the matches came counts once they are there.
    picker.set_client(None)
    picker.setFocus()
    qtbot.keyClicks(picker.edit, "zabal")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    settle(qtbot, volunteer)
    assert highlighted(picker) == ["Zabal Amin"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Up)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Up)  # stays on the first
    assert highlighted(picker) == ["Nadir Zabal"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == zabal
    # The one clearly meant is highlighted at once: Enter takes it.
    picker.set_client(None)
    picker.setFocus()
    qtbot.keyClicks(picker.edit, "nadir zabal")
    qtbot.waitUntil(lambda: not picker.is_searching())
    assert highlighted(picker) == ["Nadir Zabal"]
    # The highlight looks the same although the typing keeps the focus.
    palette = picker.matches.palette()
    for role in (palette.ColorRole.Highlight, palette.ColorRole.HighlightedText):
        assert palette.color(palette.ColorGroup.Inactive, role) == \
            palette.color(palette.ColorGroup.Active, role)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == nadir


def painted_text(view, row: int, column: int = 0) -> str:
    """The text a list row or table cell is drawn with (after shortening to
    its room)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    text = option.text
    if not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
        # One line, shortened at its end to the room there is, as Qt draws it.
        style = view.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
        room -= 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        text = option.fontMetrics.elidedText(text, option.textElideMode, room)
    assert option.fontMetrics.horizontalAdvance(text) <= option.rect.width()
    return text


def test_a_long_name_never_hides_the_number_and_birth_date(qtbot, office, volunteer):
    from deskutil import add_client

    first, last = "Mohammed Abdelrahman Yusuf Ibrahim", "Tekle-Al-Khatib van den Berghe-Oosterhuis"
    add_client(office, "C09999", first, last, dt.date(1985, 7, 3))
    form = VisitForm(volunteer)
    form.resize(900, 700)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    picker = form.client
    qtbot.keyClicks(picker.edit, "mohammed")
    qtbot.waitUntil(lambda: picker.matches.isVisible() and not picker.is_searching())
    shown = painted_text(picker.matches, 0)
    assert shown.startswith("Mohammed") and "…" in shown
    assert shown.endswith(" (C09999, 03-07-1985) — name")
    assert picker.matches.item(0).toolTip() == f"{first} {last} (C09999, 03-07-1985) — name"
    assert picker.matches.visualRect(picker.matches.model().index(0, 0)).width() \
        <= picker.matches.viewport().width()
    assert not picker.matches.horizontalScrollBar().isVisible()


def test_the_picker_says_when_more_clients_match_than_it_lists(qtbot, office, volunteer):
    from deskutil import add_client

    for n, surname in enumerate(("Haddad", "Khalil", "Yousef", "Nasser", "Darwish", "Rahimi",
                                 "Okafor", "Saleh", "Haile", "Berhane")):
        add_client(office, str(300 + n), "Amal", surname)
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    picker = form.client
    qtbot.keyClicks(picker.edit, "amal")
    qtbot.waitUntil(lambda: picker.matches.isVisible() and not picker.is_searching())
    assert picker.matches.count() == picker.LIMIT
    assert picker.more.isVisible()
    assert picker.more.text() == "More than 8 found — type more to narrow the search."
    qtbot.keyClicks(picker.edit, " khalil")
    qtbot.waitUntil(lambda: not picker.is_searching())
    assert picker.matches.item(0).text().startswith("Amal Khalil (301)")
    assert not picker.more.isVisible()


def test_the_not_saved_banner_shows_only_while_a_failed_save_has_a_cause(qtbot, office, volunteer,
                                                                         hassan):
    from deskutil import add_client

    add_client(office, "102", "Sara", "Al-Hassan")
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    picker, banner = form.client, form.banner
    # Enter in the client field only looks for a client: no save was tried.
    qtbot.keyClicks(picker.edit, "nobody like this")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert "No client has this name" in form.errors["client_id"].text()
    assert not banner.isVisible()
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "al-hassan")
    assert not form.errors["client_id"].isVisible()  # typing again: the note goes
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert "Several clients could be meant" in form.errors["client_id"].text()
    assert not banner.isVisible()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == hassan
    assert not banner.isVisible() and not form.errors["client_id"].isVisible()
    # A wrong date keeps the visit from being saved, until it is put right.
    form.date.setText("31-02-2026")
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    assert banner.isVisible() and banner.text().startswith("Not saved")
    assert "does not exist" in form.errors["date"].text()
    form.date.setFocus()
    form.date.selectAll()
    qtbot.keyClicks(form.date, "28-02-2026")
    qtbot.keyClick(form.date, Qt.Key.Key_Tab)
    assert not form.errors["date"].isVisible() and not banner.isVisible()
    # "No topic?" is a question, not an error; ticking a topic answers it.
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Return)
    assert "No topic chosen" in form.errors["topics"].text()
    assert not banner.isVisible()
    chip = next(iter(form.chips.values()))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert chip.isChecked() and not form.errors["topics"].isVisible()
    assert not banner.isVisible()
    # Another wrong value: the banner goes when its last cause goes.
    form.duration.setText("tien")
    form.date.setText("32-01-2026")
    form.save()
    assert banner.isVisible()
    form.duration.setFocus()
    form.duration.selectAll()
    qtbot.keyClicks(form.duration, "10")
    qtbot.keyClick(form.duration, Qt.Key.Key_Tab)
    assert not form.errors["duration_minutes"].isVisible() and banner.isVisible()  # the date
    form.date.setFocus()
    form.date.selectAll()
    qtbot.keyClicks(form.date, "28-02-2026")
    qtbot.keyClick(form.date, Qt.Key.Key_Tab)
    assert not banner.isVisible()
    with qtbot.waitSignal(form.saved):
        form.save()
    [contact] = contacts_in_db(office)
    assert contact.client_id == hassan and contact.duration_minutes == 10


def test_the_matches_have_room_and_the_window_fits_a_laptop_screen(qtbot, office, volunteer):
    """1366×768: the window may not need more than 600 px, also while the
    matches and a message stand under the client field."""
    from deskutil import add_client

    from vwdesk.gui.main_window import MainWindow

    for n, first in enumerate(("Yonas", "Meron", "Rahel", "Dawit", "Huda", "Samir")):
        add_client(office, str(500 + n), first, "Tekle", dt.date(1980 + n, 1, 1))
    window = MainWindow(volunteer)
    window.resize(1300, 600)
    show_active(qtbot, window)
    settle(qtbot, volunteer)
    picker = window.visit.client
    picker.setFocus()
    qtbot.keyClicks(picker.edit, "tekle")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert "Several clients could be meant" in window.visit.errors["client_id"].text()
    matches = picker.matches
    assert matches.viewport().height() >= 4 * matches.sizeHintForRow(0)  # 4 matches at least
    assert window.minimumSizeHint().height() <= 600 and window.minimumHeight() <= 600
    assert window.height() == 600  # the window did not grow


def test_the_day_list_shortens_long_values_and_shows_them_whole_in_a_tooltip(
        qtbot, office, volunteer):
    from deskutil import add_client

    first, last = "Mohammed Abdelrahman Yusuf Ibrahim", "Tekle-Al-Khatib van den Berghe-Oosterhuis"
    client_id = add_client(office, "C09999", first, last)
    topics = volunteer.desk.contacts.choices().topics
    volunteer.desk.contacts.register({"kind": "spreekuur", "date": dt.date.today(),
                                      "client_id": client_id}, [t for t, _n in topics[:6]])
    form = VisitForm(volunteer)
    form.resize(1000, 600)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    assert form.day.rowCount() == 1
    who = painted_text(form.day, 0, 1)
    head = who.split("…")[0]
    assert len(head) >= 3 and first.startswith(head)
    assert who.endswith("… (C09999)")  # the number shows
    assert painted_text(form.day, 0, 0) == "spreekuur"
    assert painted_text(form.day, 0, 2).endswith("…")
    names = ", ".join(sorted(n for _t, n in topics[:6]))
    assert form.day.item(0, 1).toolTip() == f"spreekuur · {first} {last} (C09999) · {names}"
    assert form.day.item(0, 2).toolTip() == form.day.item(0, 1).toolTip()
    assert not form.day.horizontalScrollBar().isVisible()


def test_a_single_guess_is_named_a_guess_and_taken_only_when_chosen(qtbot, office, volunteer):
    from deskutil import add_client

    nadir = add_client(office, "C00041", "Nadir", "Zabal")
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    picker = form.client
    qtbot.keyClicks(picker.edit, "nadr zabal")  # one letter off
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert picker.client_id is None and highlighted(picker) == []
    assert form.errors["client_id"].text().startswith("This client only looks like what you typed")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.client_id == nadir


def test_a_unique_surname_is_taken_and_a_new_note_replaces_the_saved_banner(
        qtbot, office, volunteer, hassan):
    """The try-out: after a saved visit, Ctrl+N, "mesom" and Enter — Fitay
    Mesom by surname, Hagu Tesom only one edit away. Enter takes Mesom; and a
    note about the next client never stands under the old "Saved." line."""
    from deskutil import add_client

    mesom = add_client(office, "C00177", "Fitay", "Mesom", dt.date(1959, 10, 6))
    add_client(office, "C00132", "Hagu", "Tesom", dt.date(1973, 8, 18))
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    form.client.set_client(hassan)
    tick_a_topic(qtbot, form)
    with qtbot.waitSignal(form.saved):
        form.save()
    settle(qtbot, volunteer)
    assert form.banner.isVisible() and form.banner.text().startswith("Saved")
    qtbot.keyClicks(form.client.edit, "nobody like this")
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert "No client has this name" in form.errors["client_id"].text()
    assert not form.banner.isVisible()
    form.client.edit.clear()
    qtbot.keyClicks(form.client.edit, "mesom")
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)
    settle(qtbot, volunteer)
    assert form.client.client_id == mesom
    assert not form.errors["client_id"].isVisible()
    assert form.topic_edit.hasFocus()


def test_a_new_client_from_a_name_typed_surname_first_is_put_right_with_one_key(
        qtbot, office, volunteer):
    """The search takes "El-Hassan Omar" in any order; the dialog cannot know
    which is the first name. It fills them as typed, says so, starts in the
    first name (not the proposed number) and one key swaps them."""
    from PySide6.QtGui import QKeySequence

    from vwdesk.gui.client_form import typed_name

    assert typed_name("El-Hassan Omar") == {"first_name": "El-Hassan", "last_name": "Omar"}
    assert typed_name("Lina") == {"first_name": "Lina", "last_name": None}
    assert typed_name("C00041") == typed_name("12-03-1985") == typed_name("  ") == {}
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    qtbot.keyClicks(form.client.edit, "El-Hassan Omar")
    form.new_client()
    dialog = form.client_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    settle(qtbot, volunteer)
    first, last = dialog.form.widgets["first_name"], dialog.form.widgets["last_name"]
    assert (first.text(), last.text()) == ("El-Hassan", "Omar")
    assert dialog.form.banner.isVisible() and "order you typed" in dialog.form.banner.text()
    qtbot.waitUntil(first.hasFocus)
    assert first.selectedText() == "El-Hassan"
    assert dialog.form.widgets["number"].text()  # proposed, and not where typing starts
    key = QKeySequence.mnemonic(dialog.swap_button.text())
    assert key.toString() == "Alt+W" and key.toString() in dialog.form.banner.text()
    qtbot.keyClick(first, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (first.text(), last.text()) == ("Omar", "El-Hassan"))  # animated
    assert first.hasFocus()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    settle(qtbot, volunteer)
    assert form.client.edit.text().startswith("Omar El-Hassan (")


def test_the_topics_are_one_tab_stop_with_the_arrow_keys_inside(qtbot, office, volunteer):
    """Tab from the topic field lands on one topic button and Tab again on
    the date (not on the next of 17 buttons); the arrows move among them,
    Space ticks, and Tab comes back to the button used last."""
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    settle(qtbot, volunteer)
    chips = list(form.chips.values())
    assert len(chips) > form.CHIP_COLUMNS + 1
    form.topic_edit.setFocus()
    qtbot.keyClick(form.topic_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chips[0]
    qtbot.keyClick(chips[0], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips[1]
    qtbot.keyClick(chips[1], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is chips[1 + form.CHIP_COLUMNS]
    qtbot.keyClick(chips[1 + form.CHIP_COLUMNS], Qt.Key.Key_Space)
    assert chips[1 + form.CHIP_COLUMNS].isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert QApplication.focusWidget() is chips[-1]
    qtbot.keyClick(chips[-1], Qt.Key.Key_Left)
    here = chips[-2]
    assert QApplication.focusWidget() is here
    qtbot.keyClick(here, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date
    qtbot.keyClick(form.date, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is here
    qtbot.keyClick(here, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is form.topic_edit


def test_keys_typed_while_a_save_is_on_its_way_never_land_in_the_form(qtbot, office, volunteer,
                                                                      hassan):
    """The form empties for the next visitor once the save is done: what is
    typed before that goes nowhere (not into a field about to be emptied),
    a second Enter saves nothing twice, and the focus stays where it was."""
    form = VisitForm(volunteer)
    show_active(qtbot, form)
    form.client.set_client(hassan)
    tick_a_topic(qtbot, form)
    form.client.edit.setFocus()
    typed = form.client.edit.text()
    form.save()
    qtbot.keyClicks(form.client.edit, "abc")
    qtbot.keyClick(form.client.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.note, "xyz")
    assert form.client.edit.text() == typed and form.note.toPlainText() == ""
    assert form.client.edit.hasFocus() and form.isEnabled()  # held, not greyed out
    settle(qtbot, volunteer)
    assert len(contacts_in_db(office)) == 1
    assert form.client.edit.text() == "" and form.client.edit.hasFocus()
    qtbot.keyClicks(form.client.edit, "abc")  # the next visitor
    assert form.client.edit.text() == "abc"


def test_the_day_list_adds_what_was_saved_and_what_another_pc_saved(qtbot, office, volunteer,
                                                                    hassan):
    """After a save the day list is asked again (so another PC's visits
    show up too); the lines already there stay, the selected one selected."""
    from vwdesk.core.services import contacts

    form = VisitForm(volunteer)
    show_active(qtbot, form)
    tick_a_topic(qtbot, form)
    form.client.set_client(hassan)
    topic = next(iter(form.chips))
    form.chips[topic].setChecked(True)
    form.save()
    settle(qtbot, volunteer)
    form.day.selectRow(0)
    first, line = form.day.rows[0], form.day.item(0, 1)
    with office.db.session() as s:  # another PC registers a visit without a file
        contacts.register(s, office.teamleader, office.location_id,
                          {"kind": "spreekuur", "date": dt.date.today(),
                           "person_label": "man met fiets"}, [topic])
    form.without_file.setChecked(True)
    form.person.setText("vrouw met kind")
    form.chips[topic].setChecked(True)
    form.save()
    settle(qtbot, volunteer)
    assert [form.day.item(row, 1).text() for row in range(form.day.rowCount())] == [
        "vrouw met kind", "man met fiets", first.who]
    assert form.day.item(2, 1) is line  # kept, not made again
    assert form.day.selected() == first
    assert form.day_title.title().endswith("(3)")


def test_a_day_list_read_before_a_save_never_replaces_the_one_it_brought(
        qtbot, office, volunteer, hassan, monkeypatch):
    """A save brings its day list along; a list read before the save and
    answered after it is older, and is dropped."""
    import threading

    from vwdesk.app.contacts import Contacts

    form = VisitForm(volunteer)
    show_active(qtbot, form)
    tick_a_topic(qtbot, form)
    settle(qtbot, volunteer)
    read, release = threading.Event(), threading.Event()
    real = Contacts.day_list

    def slow(self, day):
        rows = real(self, day)
        read.set()
        release.wait(5)  # answered once the save is shown
        return rows

    monkeypatch.setattr(Contacts, "day_list", slow)
    form.refresh_day()
    assert read.wait(5)
    form.client.set_client(hassan)
    next(iter(form.chips.values())).setChecked(True)
    with qtbot.waitSignal(form.saved):
        form.save()
    assert form.day.rowCount() == 1
    release.set()
    settle(qtbot, volunteer)
    assert form.day.rowCount() == 1 and "Al-Hassan" in form.day.item(0, 1).text()
    assert form.day_title.title().endswith("(1)")


def test_the_day_list_changes_only_the_lines_that_differ(qtbot):
    from vwdesk.app.contacts import ContactRow
    from vwdesk.gui.day_list import DayList

    day = DayList()
    qtbot.addWidget(day)

    def row(cid, who, version=1):
        return ContactRow(cid, version, dt.date(2024, 5, 1), "spreekuur", None, who, "Anna",
                          "werk")

    def shown():
        return [day.item(r, 1).text() for r in range(day.rowCount())]

    day.show_rows([row(3, "c"), row(2, "b"), row(1, "a")])
    kept = day.item(2, 1)
    day.show_rows([row(4, "d"), row(3, "c"), row(1, "a")])  # one added, one removed
    assert shown() == ["d", "c", "a"] and day.item(2, 1) is kept
    day.show_rows([row(4, "d"), row(3, "c2", 2), row(1, "a")])  # one corrected
    assert shown() == ["d", "c2", "a"] and day.item(2, 1) is kept
    day.show_rows([])
    assert shown() == []
    day.show_rows([row(5, "e")])
    assert shown() == ["e"] and day.item(0, 0).text() == "spreekuur"


def test_a_shortened_name_is_fitted_again_when_its_column_changes_width(qtbot):
    from vwdesk.app.contacts import ContactRow
    from vwdesk.gui.day_list import DayList

    who = "Mohammed Abdelrahman Yusuf Ibrahim Tekle-Al-Khatib van den Berghe (C09999)"
    day = DayList()
    qtbot.addWidget(day)
    day.show_rows([ContactRow(1, 1, dt.date(2024, 5, 1), "spreekuur", 7, who, "Anna", "")])
    shown = []
    for width in (500, 2400, 500):
        day.resize(width, 300)
        day.show()
        qtbot.waitUntil(lambda: day.viewport().width() > width - 60)
        shown.append(painted_text(day, 0, 1))
    assert shown[0].endswith("… (C09999)") and shown[1] == who and shown[2] == shown[0]
