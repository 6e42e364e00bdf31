"""The Users tab as a beheerder sees it: every location's users, each with
their location."""

from __future__ import annotations

from deskutil import make_workspace, settle, show_active

from vwdesk.core.services.locations import create_location
from vwdesk.core.services.users import SYSTEM, actor_for, create_user
from vwdesk.gui.users_view import UsersView


def test_a_beheerder_sees_each_users_location(qtbot, office):
    with office.db.session() as s:
        other = create_location(s, SYSTEM, "Maassluis")
        create_user(s, SYSTEM, "tl-maassluis", "geheim-wachtwoord", "teamleider", other.id,
                    "Teamleider Maassluis")
        admin = actor_for(create_user(s, SYSTEM, "beheer", "geheim-wachtwoord", "beheerder",
                                      None, "Beheerder"))
    workspace = make_workspace(office, admin, "Beheerder")
    view = UsersView(workspace)
    show_active(qtbot, view)
    settle(qtbot, workspace)
    table = view.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index("Location")
    shown = {table.item(r, 0).text(): table.item(r, column).text()
             for r in range(table.rowCount())}
    assert shown == {"beheer": "all locations", "tl-maassluis": "Maassluis",
                     "tl-testdorp": "Testdorp", "vw-testdorp": "Testdorp"}
    workspace.ops.wait()
