"""Where the file dialogs start."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from vwdesk.gui import files


def test_the_first_file_dialog_starts_at_home_without_a_documents_folder(qapp, tmp_path,
                                                                           monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    started = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, filters: (started.append(folder), ("", ""))[1])
    files.open_file(None, "import", "Kies een bestand", "Excel (*.xlsx)")
    (home / "Documents").mkdir()
    files.open_file(None, "import", "Kies een bestand", "Excel (*.xlsx)")
    assert started == [str(home), str(home / "Documents")]
