"""Renders resources/icons/vwdesk.svg into the icons the platforms need:

- vwdesk.ico: Windows (the programs, the installer, the Start menu), every
  size Windows shows (16 to 256 px), each rendered from the SVG rather than
  scaled from one picture;
- vwdesk.png: 256 px, for a Linux launcher (.desktop file) or icon theme.

Run after changing the SVG, and commit the results:
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting needs the application
    renderer = QSvgRenderer(str(ICONS / "vwdesk.svg"))
    if not renderer.isValid():
        print(f"{ICONS / 'vwdesk.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    images = [render(renderer, size) for size in ICO_SIZES]
    largest = images[-1]
    largest.save(ICONS / "vwdesk.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    largest.save(ICONS / "vwdesk.png", optimize=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
