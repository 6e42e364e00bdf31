"""Rules on record kinds that need a package above the core: the core's
record kinds cannot know the report's figures, so a year figure's key is
checked here — for a record saved at the desk (`Records`) and for every row
of an imported workbook (`Exchange`, `Office`) alike."""

from __future__ import annotations

from typing import Any

from vwdesk.core.records import Errors, RecordKind, Rule


def _year_figure_key(kind: RecordKind, values: dict[str, Any], errors: Errors) -> None:
    """The key must be a figure the report can use (or the location's own)."""
    from vwdesk.report.figure_words import year_figure_key_problem

    if "key" not in errors:
        problem = year_figure_key_problem(values.get("key") or "", values.get("mode"))
        if problem:
            errors["key"] = problem


RULES: dict[str, Rule] = {"year_figures": _year_figure_key}
