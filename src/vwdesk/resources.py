"""Where the shipped resources (fonts, icons, translations) are."""
from __future__ import annotations
import sys
from pathlib import Path
def resource_path(*parts: str) -> Path:
    """`resources/` in a source checkout, `vwdesk/resources` in a wheel, or the bundle's."""
    here = Path(__file__).resolve().parent
    for base in (Path(getattr(sys, "_MEIPASS", "")) / "resources", here / "resources", here.parents[1] / "resources"):
        if base.is_dir():
            return base.joinpath(*parts)
    return here.parents[1].joinpath("resources", *parts)
