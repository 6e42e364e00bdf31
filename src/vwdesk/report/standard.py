"""The standard template: what a location without its own template shows.

It is read from `resources/report-templates/standaard.toml`, the same file a
teamleader can open as an example, so the wording exists once.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from vwdesk.resources import resource_path


@cache
def _standard() -> dict[str, Any]:
    from vwdesk.report.template_file import toml_to_template

    text = resource_path("report-templates", "standaard.toml").read_text(encoding="utf-8")
    return toml_to_template(text)


def default_template() -> dict[str, Any]:
    """A copy of the standard template."""
    return copy.deepcopy(_standard())


def default_item(item_id: str) -> dict[str, Any]:
    """A copy of the standard template's item `item_id` (for composing templates)."""
    for section in _standard()["sections"]:
        for item in section["items"]:
            if item["id"] == item_id:
                return copy.deepcopy(item)
    raise KeyError(item_id)


def template_of(stored: dict[str, Any] | None) -> dict[str, Any]:
    """The template a location uses: its own, or the standard one."""
    return copy.deepcopy(stored) if stored else default_template()
