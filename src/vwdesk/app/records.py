"""Any record kind of `core.records` through one set of calls: read one for
a form, a new one's starting values, create, change, remove, the plain lists
and the choices of reference fields. Plain record screens and dialogs need
nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vwdesk.app.desk import Part, Saved
from vwdesk.app.rules import RULES
from vwdesk.core.errors import ValidationError
from vwdesk.core.records import KINDS
from vwdesk.core.services import base
from vwdesk.core.services import desk as desk_service


@dataclass(frozen=True)
class Stored:
    """One record as read: its values and the version a change must name."""

    id: int
    version: int
    values: dict[str, Any]


class Records(Part):
    def may_write(self, kind_key: str) -> bool:
        """Whether this user's role may change records of the kind."""
        return self.actor.is_teamleader or kind_key not in base.TEAMLEADER_KINDS

    def get(self, kind_key: str, row_id: int) -> Stored:
        fields = KINDS[kind_key].fields

        def load(s) -> Stored:
            obj = base.get(s, self.actor, kind_key, row_id)
            return Stored(obj.id, obj.version, {f.name: getattr(obj, f.name) for f in fields})

        return self.read(load)

    def new_values(self, kind_key: str, on: dt.date | None = None,
                   within: Any = None) -> dict[str, Any]:
        """What a new record's form starts with (`core.services.desk.new_values`);
        `on`: the opening date the user gave instead of today; `within`: the
        value chosen in the kind's `numbered_within` field (a dossier's kind)."""
        return self.read(lambda s: desk_service.new_values(s, self.actor, kind_key,
                                                           self.location_id, on, within))

    @staticmethod
    def _check(kind_key: str, values: dict[str, Any]) -> None:
        """The rules of packages above the core on a record kind (`app.rules`)."""
        rule = RULES.get(kind_key)
        if rule is not None:
            errors: dict[str, str] = {}
            rule(KINDS[kind_key], values, errors)
            if errors:
                raise ValidationError(errors)

    def create(self, kind_key: str, values: dict[str, Any]) -> Saved:
        self._check(kind_key, values)

        def save(s) -> Saved:
            obj = base.create(s, self.actor, kind_key, self.location_id, values)
            return Saved(frozenset({kind_key}), obj.id, obj.version)

        return self.write(save)

    def update(self, kind_key: str, row_id: int, version: int, values: dict[str, Any]) -> Saved:
        self._check(kind_key, values)

        def save(s) -> Saved:
            obj = base.update(s, self.actor, kind_key, row_id, version, values)
            return Saved(frozenset({kind_key}), obj.id, obj.version)

        return self.write(save)

    def delete(self, kind_key: str, row_id: int, version: int) -> Saved:
        self.write(lambda s: base.delete(s, self.actor, kind_key, row_id, version))
        return Saved(frozenset({kind_key}), row_id)

    def list(self, kind_key: str) -> list[Stored]:
        rows = self.read(lambda s: desk_service.list_records(s, self.actor, kind_key,
                                                             self.location_id))
        return [Stored(*row) for row in rows]

    def ref_options(self, ref_kind: str) -> list[tuple[int, str]]:
        """(id, label) choices for a reference to a small kind (not clients)."""
        return self.read(lambda s: desk_service.ref_options(s, self.actor, ref_kind,
                                                            self.location_id))

    def form_choices(self, ref_kinds: set[str]) -> dict[str, list[tuple[int, str]]]:
        """The choices of several reference kinds at once (one form's worth)."""
        return self.read(lambda s: {k: desk_service.ref_options(s, self.actor, k, self.location_id)
                                    for k in sorted(ref_kinds)})
