"""Finding the files under `resources/` (fonts, icons, translations) and
the user guides under `docs/`.

Three layouts: a source checkout (`resources/` and `docs/` next to `src/`),
an installed wheel (`vwdesk/resources`, see pyproject's force-include) and
the PyInstaller bundle (`sys._MEIPASS/resources` and `sys._MEIPASS/docs`,
see installer/bundle.py). The first that exists wins.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def _root() -> Path:
    here = Path(__file__).resolve().parent  # .../vwdesk
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [here / "resources", here.parent.parent / "resources"]
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("resources/ not found next to the package, in it or in the bundle")


def resource_path(*parts: str) -> Path:
    """The path of `resources/<parts...>` in whichever layout is running."""
    return _root().joinpath(*parts)


def guide_path(*parts: str) -> Path:
    """The path of a user guide, `docs/<parts...>` (e.g. "privacy.md"), in the
    bundle or a source checkout (a wheel does not carry the guides)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root.joinpath("docs", *parts)
