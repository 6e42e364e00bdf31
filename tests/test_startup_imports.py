"""Start-up loads only what the login window needs: opening the database and
asking whether it has users take SQLAlchemy's Core, not its ORM, the models
or the services (a third of a second loaded while the user types); and the
login window makes none of the PySide enums it does not use (those of the
`Qt` namespace and of QStyle take 60 ms)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

OPEN_AS_THE_APP_DOES = textwrap.dedent("""
    import sys
    import vwdesk.gui.start
    from vwdesk.app.login import has_users
    from vwdesk.app.opening import open_database

    db = open_database(sys.argv[1])
    print(has_users(db))
    db.close()
    print(" ".join(sorted(sys.modules)))
""")


LOGIN_AS_THE_APP_DOES = textwrap.dedent("""
    import sys, time
    import PySide6.QtCore, PySide6.QtWidgets
    from PySide6.QtWidgets import QApplication
    from vwdesk.app.opening import open_database
    from vwdesk.gui import i18n, start

    start._load_screens = lambda: None  # the screens load after the login is ready
    app = QApplication([])
    i18n.install(app, "nl")
    desk = start.DeskApp(lambda: open_database(sys.argv[1]))
    desk.start()
    deadline = time.monotonic() + 60
    while not desk.dialog.login_button.isEnabled() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print(desk.dialog.isVisible(), desk.dialog.login_button.isEnabled(),
          "Qt" in vars(PySide6.QtCore), "QStyle" in vars(PySide6.QtWidgets))
    desk.ops.wait()
    desk.db.close()
""")


def _open(path) -> tuple[str, set[str]]:
    out = subprocess.run([sys.executable, "-c", OPEN_AS_THE_APP_DOES, str(path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    answer, modules = out.stdout.splitlines()
    return answer, set(modules.split())


def test_the_login_window_is_ready_without_orm_models_or_services(tmp_path, office):
    answer, modules = _open(office.db.url)
    assert answer == "True"
    assert "sqlalchemy.engine" in modules  # the list is real
    loaded = {name for name in modules if name.startswith((
        "sqlalchemy.orm", "vwdesk.core.models", "vwdesk.core.services", "alembic",
        "argon2", "reportlab", "openpyxl"))}
    assert not loaded


def test_an_empty_database_has_no_users(tmp_path):
    answer, _modules = _open(tmp_path / "leeg.sqlite")
    assert answer == "False"


def test_the_login_window_is_ready_without_making_the_qt_namespace(office):
    """PySide makes a namespace's enums when it is first reached; the login
    window shows and its button is enabled before the `Qt` namespace and
    QStyle are reached."""
    out = subprocess.run([sys.executable, "-c", LOGIN_AS_THE_APP_DOES, str(office.db.url)],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True", "False", "False"]
