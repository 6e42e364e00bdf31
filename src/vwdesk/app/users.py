"""User accounts: the Users screen's list, a new login, a new password."""

from __future__ import annotations

from vwdesk.app.desk import Part, Saved
from vwdesk.core import vocab
from vwdesk.core.services import desk as desk_service
from vwdesk.core.services import users as service
from vwdesk.core.services.users import MIN_PASSWORD_LENGTH, UserRow

__all__ = ["MIN_PASSWORD_LENGTH", "UserRow", "Users"]

KINDS = frozenset({"users"})


class Users(Part):
    def rows(self) -> list[UserRow]:
        return self.read(lambda s: service.user_rows(s, self.actor))

    def roles(self) -> tuple[str, ...]:
        """The roles this user may hand out."""
        return vocab.ROLES if self.actor.is_admin else ("vrijwilliger", "teamleider")

    def volunteers(self) -> list[tuple[int, str]]:
        """Staff records of the location a new login can be linked to."""
        return self.read(lambda s: desk_service.volunteers(s, self.actor, self.location_id))

    def create(self, username: str, password: str, role: str, display_name: str = "",
               volunteer_id: int | None = None) -> Saved:
        def save(s) -> Saved:
            user = service.create_user(s, self.actor, username, password, role,
                                       self.location_id, display_name, volunteer_id)
            return Saved(KINDS, user.id, user.version)

        return self.write(save)

    def set_password(self, user_id: int, password: str) -> Saved:
        """A new password for a user (also lifts a lock-out)."""
        self.write(lambda s: service.set_password(s, self.actor, service.get_user(s, user_id),
                                                  password))
        return Saved(KINDS, user_id)
