"""Start-up loads only what the login window needs: opening the database and
asking whether it has users take SQLAlchemy's Core, not its ORM, the models
or the services (a third of a second loaded while the user types)."""

from __future__ import annotations

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
