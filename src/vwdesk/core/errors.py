"""Errors the user can act on. Each carries one Dutch sentence that says what
is wrong and what would be right; the GUI and CLI show `message` as is.

The messages are written in Dutch in the core (the domain's language, shared
by GUI, CLI and import reports); the GUI's own texts go through Qt's
translation system."""

from __future__ import annotations

import datetime as dt


class VwdeskError(Exception):
    """Base class: an error with a Dutch message meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(VwdeskError):
    """Input that breaks a rule. `errors` maps a field name to its message, so a
    form can show each message beside its field."""

    def __init__(self, errors: dict[str, str] | str, field: str | None = None):
        if isinstance(errors, str):
            errors = {field or "": errors}
        self.errors = errors
        super().__init__(" ".join(errors.values()))


def local_time(when: dt.datetime) -> dt.datetime:
    """A time from the database (naive UTC, see `models.utcnow`) in the
    computer's own time zone, as the user reads clocks."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone()


class ConflictError(VwdeskError):
    """Another user changed (or removed) the record after it was read.
    `when` is the database's time (UTC); the message shows it in local time."""

    def __init__(self, who: str | None, when: dt.datetime | None, removed: bool = False):
        self.who, self.when, self.removed = who, when, removed
        if removed:
            msg = "Dit gegeven is intussen verwijderd door een andere gebruiker; uw wijziging is niet opgeslagen."
        else:
            at = local_time(when).strftime("%d-%m-%Y om %H:%M") if when else "zojuist"
            msg = (
                f"Dit gegeven is intussen gewijzigd door {who or 'een andere gebruiker'} "
                f"({at}). Bekijk de nieuwe gegevens en sla uw wijziging opnieuw op."
            )
        super().__init__(msg)


class AccessDenied(VwdeskError):
    """The acting user's role or location does not allow this."""


class NotFound(VwdeskError):
    """A record that was asked for does not exist (or not for this user)."""


class LoginError(VwdeskError):
    """Wrong user name or password, or a locked account."""


class DatabaseUnavailable(VwdeskError):
    """The database could not be reached or refused the work (locked, gone,
    connection lost). Nothing was saved; trying again later may work."""

    def __init__(self, cause: str):
        super().__init__(f"De database is niet bereikbaar of bezet ({cause}); er is niets "
                         "opgeslagen. Probeer het over een ogenblik opnieuw.")


class DatabaseBusy(VwdeskError):
    """Another connection held the database's write lock for longer than the
    busy timeout (e.g. a long import on another PC)."""

    def __init__(self) -> None:
        super().__init__("De database is bezet door een andere opdracht (bijvoorbeeld een "
                         "import op een andere computer); er is niets opgeslagen. Probeer het "
                         "over een paar minuten opnieuw.")
