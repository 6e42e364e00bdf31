"""Finding the files under `resources/` (fonts, icons, translations) and
the Dutch guides under `docs/`.

Three layouts: a source checkout (`resources/` and `docs/` next to `src/`),
an installed wheel (`vwdesk/resources`, `vwdesk/docs`, see pyproject's
force-include) and the PyInstaller bundle (`sys._MEIPASS/resources`,
`sys._MEIPASS/docs`). The first that exists wins.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _root(name: str) -> Path:
    here = Path(__file__).resolve().parent  # .../vwdesk
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / name)
    candidates += [here / name, here.parent.parent / name]
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"{name}/ not found next to the package, in it or in the bundle")


def resource_path(*parts: str) -> Path:
    """The path of `resources/<parts...>` in whichever layout is running."""
    return _root("resources").joinpath(*parts)


def guide_path(name: str) -> Path:
    """The path of the guide `docs/<name>` in whichever layout is running."""
    return _root("docs") / name
