"""A client's requests under the AVG from the client's page: inzage and
erasure on request (teamleader only)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from deskutil import add_client, settle, show_active
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sqlalchemy import select

from vwdesk.core import models as m
from vwdesk.gui.client_page import ClientPage


@pytest.fixture
def page(qtbot, office, teamleader):
    client_id = add_client(office, "101", "Omar", "Al-Hassan", dt.date(1990, 5, 1),
                           note="woont bij zijn broer")
    page = ClientPage(teamleader, client_id)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.client is not None)
    return page


def messages(page) -> list[str]:
    return [box.text() for box in page.findChildren(QMessageBox) if box.isVisible()]


def test_volunteers_have_no_privacy_buttons(qtbot, office, volunteer):
    page = ClientPage(volunteer, add_client(office, "101", "Omar", "Al-Hassan"))
    show_active(qtbot, page)
    assert "privacy" not in page.buttons


def test_inzage_as_json_named_without_its_extension(qtbot, page, teamleader, tmp_path,
                                                     monkeypatch):
    asked = []

    def save_as(parent, title, start, filters):
        asked.append((start, filters))
        return str(tmp_path / "omar"), "JSON, for a computer (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.inzage_action.trigger()
    settle(qtbot, teamleader)
    assert asked[0][0].endswith(f"inzage-101-{dt.date.today():%Y-%m-%d}.pdf")
    data = json.loads((tmp_path / "omar.json").read_text(encoding="utf-8"))
    assert "woont bij zijn broer" in json.dumps(data, ensure_ascii=False)
    qtbot.waitUntil(lambda: any("omar.json" in text for text in messages(page)))


def test_erase_asks_a_reason_and_defaults_to_no(qtbot, page, office, teamleader, monkeypatch):
    answers, defaults, texts = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes], [], []

    def question(parent, title, text, buttons, default):
        defaults.append(default)
        texts.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("brief van de cliënt", True))

    def stored_name():
        with office.db.session() as s:
            return s.scalar(select(m.Client.first_name).where(m.Client.id == page.client_id))

    page.erase_action.trigger()  # "No"
    settle(qtbot, teamleader)
    assert defaults == [QMessageBox.StandardButton.No] and stored_name() == "Omar"
    # The question says what really goes and what stays (the birth date stays).
    removed, kept = texts[0].split("Kept")
    assert "voornaam" in removed and "notitie" in removed and "geboortedatum" not in removed
    assert "geboortedatum" in kept and "nationaliteit" in kept  # (record labels: Dutch)
    page.erase_action.trigger()  # "Yes"
    settle(qtbot, teamleader)
    assert stored_name() is None
    qtbot.waitUntil(lambda: page.title.full == "Anonymised client")
    assert not page.erase_action.isEnabled()
    assert not any(page.buttons[key].isEnabled()
                   for key in ("edit", "contact", "dossier", "trajectory", "coupling"))
    assert page.inzage_action.isEnabled()  # what is left can still be shown


def test_erase_asks_again_while_the_reason_is_empty(qtbot, page, office, monkeypatch):
    prompts, answers = [], [("   ", True), ("", False)]  # an empty reason, then Cancel

    def get_text(parent, title, prompt, text=""):
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked to confirm"))
    page.erase_action.trigger()
    assert len(prompts) == 2 and prompts[1].startswith("A reason is needed")
    with office.db.session() as s:
        assert s.scalar(select(m.Client.first_name)) == "Omar"


def test_inzage_as_json_when_only_the_kind_of_file_is_changed(qtbot, page, teamleader,
                                                              tmp_path, monkeypatch):
    folder = tmp_path / "inzage"
    folder.mkdir()

    def save_as(parent, title, start, filters):  # the suggested name kept, JSON chosen
        return str(folder / start.rsplit("/", 1)[-1]), "JSON, for a computer (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.inzage_action.trigger()
    settle(qtbot, teamleader)
    [written] = list(folder.iterdir())
    assert written.suffix == ".json" and json.loads(written.read_text(encoding="utf-8"))
