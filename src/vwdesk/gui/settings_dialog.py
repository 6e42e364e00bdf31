"""Settings: the UI language (takes effect at the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from vwdesk.gui import i18n
from vwdesk.gui.widgets import add_field


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(i18n.language()))
        note = QLabel(self.tr("The language changes the next time vwdesk starts."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        add_field(layout, self.tr("Language"), self.language)
        layout.addRow(note)
        layout.addRow(buttons)

    def save(self) -> None:
        i18n.set_language(self.language.currentData())
        self.accept()
