"""Ranked lists of the report: groups with their counts, largest first.

A figure such as `huisvesting.nationaliteiten` holds a `Groups`: items
`[key, n]` (or `[key, n, part]` with a nested split, `waarvan=`), where the
key is what was grouped on (a nationality code, a topic name, a
municipality) and `labels` says how a key is named. Ties are ordered by the
name shown, never by a code. Places count ties as one (competition
ranking: 28, 28, 5 are places 1, 1 and 3), so `top=` and `vanaf=` never cut
between equal counts.
"""

from __future__ import annotations

from typing import Any

from vwdesk.core.nationalities import by_code
from vwdesk.core.text import fold

class Groups(list):
    """A ranked list (see the module docstring). `ranked`: cut to its first
    places, written "Syriërs (38) en Eritreeërs (16)" rather than "38 Syriërs
    en 16 Eritreeërs"; `total`: shown in percent of it."""

    def __init__(self, items: list[list[Any]], labels: str = "tekst", *, ranked: bool = False,
                 total: int | None = None, part: tuple[str, str] | None = None):
        super().__init__(items)
        self.labels = labels  # nationaliteit / bijvoeglijk / onderwerp / gemeente / tekst
        self.ranked = ranked
        self.total = total
        self.part = part  # the noun of the nested split (waarvan=): ("kind", "kinderen")

    def like(self, items: list[list[Any]], **changes: Any) -> Groups:
        """A list of `items` named, cut and shown as this one (but for `changes`)."""
        kw = {"ranked": self.ranked, "total": self.total, "part": self.part, **changes}
        return Groups(items, self.labels, **kw)

    def ordered(self, style: str | None = None) -> Groups:
        """Largest first; equal counts by the name shown (in `style`)."""
        return self.like(sorted(self, key=lambda it: (-it[1], fold(label(self, it[0], style)))))

    def counts(self) -> list[int]:
        return [it[1] for it in self]


def label(groups: Groups, key: Any, style: str | None = None, count: int | None = None) -> str:
    """How `key` is named: a nationality as plural demonym (singular with
    `count` 1), country name or adjective; a municipality as "in X"."""
    if groups.labels in ("nationaliteit", "bijvoeglijk"):
        nat = by_code(key) if key else None
        if nat is None:
            return "overige" if key is None else str(key)
        style = style or ("bijvoeglijk" if groups.labels == "bijvoeglijk" else "inwoners")
        if style == "land":
            return nat.country
        if style == "bijvoeglijk":
            return nat.adjective
        return nat.singular if count == 1 else nat.demonym
    if groups.labels == "gemeente":
        return f"in {key}"
    return str(key)


def _places(groups: Groups) -> list[int]:
    counts = groups.counts()
    return [1 + sum(1 for other in counts if other > n) for n in counts]


def first_places(groups: Groups, top: int, start: int = 1) -> Groups:
    """The groups on places `start` to `top` (ties kept together)."""
    kept = [it for it, place in zip(groups, _places(groups), strict=True)
            if start <= place <= top]
    return groups.like(kept, ranked=True)
