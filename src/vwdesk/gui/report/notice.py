"""What the Report screen has to say about the year's figures, in full: the
typed-in figures it lacks and the figures typed in instead of or beside the
registered ones. The screen itself says it in one line, so the editor and
the preview keep their room however much there is to say."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)


class FiguresNotice(QDialog):
    """The lines under their headings, in a list that scrolls."""

    def __init__(self, parts: list[tuple[str, list[str]]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Figures of the report"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.lists: list[QListWidget] = []
        for heading, lines in parts:
            label = QLabel(heading)
            label.setWordWrap(True)
            shown = QListWidget()
            shown.setWordWrap(True)
            shown.setAccessibleName(heading)
            shown.addItems(lines)
            label.setBuddy(shown)
            layout.addWidget(label)
            layout.addWidget(shown, len(lines))
            self.lists.append(shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def lines(self) -> list[str]:
        return [shown.item(row).text() for shown in self.lists for row in range(shown.count())]
