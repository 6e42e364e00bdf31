"""Fixtures for the desk's screens: a logged-in session per role, Dutch UI."""

from __future__ import annotations

import datetime as dt

import pytest
from deskutil import add_client, compile_translations, make_workspace


@pytest.fixture
def dutch(qapp):
    """The UI in Dutch, as a user gets it by default."""
    from vwdesk.gui import i18n

    compile_translations()
    assert i18n.install(qapp)
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def volunteer(office, qtbot):
    """The workspace of a volunteer logged in at the office."""
    workspace = make_workspace(office, office.volunteer, "Vrijwilliger")
    yield workspace
    workspace.ops.wait()


@pytest.fixture
def teamleader(office, qtbot):
    """The workspace of the office's teamleader."""
    workspace = make_workspace(office, office.teamleader, "Teamleider")
    yield workspace
    workspace.ops.wait()


@pytest.fixture
def hassan(office) -> int:
    return add_client(office, "101", "Omar", "Al-Hassan", dt.date(1990, 5, 1))


@pytest.fixture(autouse=True)
def _reason_given(monkeypatch):
    """Opening a client's page asks a reason in a modal dialog; in these tests
    the user gives one at once (the dialog itself is tested in tests/privacy)."""
    from vwdesk.gui.privacy import access_reason

    monkeypatch.setattr(access_reason, "ask",
                        lambda parent, *_client: "Spreekuur / bezoek van de cliënt")
