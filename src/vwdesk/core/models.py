"""The whole domain model (SQLAlchemy 2, typed).

Designed once for every open issue so that later work adds screens, not tables:
the year report (`spec/report.md`), the exchange workbook (`spec/exchange.md`),
per-location report templates, privacy (retention, access log) and the desk.

Conventions
- Every record belongs to one location (`location_id`), except users of role
  `beheerder`, topics and the audit log.
- Tables holding personal data mix in `Tracked`: who created and last changed
  the row and when, plus a `version` counter. SQLAlchemy raises on a stale
  UPDATE; the services turn that into a `ConflictError` naming who changed it.
- Enumerations are stored as short Dutch strings, the same ones the exchange
  workbook uses, so an export is a straight read. Their allowed values live in
  `vwdesk.core.vocab`.
- Personal data is kept to what the help and the report need: no citizen
  service number, no ID copies, no addresses of clients (only of dwellings).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# Named constraints: Alembic's SQLite batch mode needs names to find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Tracked:
    """Who created and last changed a row, when, and an optimistic-lock counter."""

    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", ondelete="SET NULL", use_alter=True))

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", ondelete="SET NULL", use_alter=True))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class Location(Tracked, Base):
    """A local office. `report_template` holds the per-location report layout
    (sections, order, sentences, switches; see `vwdesk.report.template`);
    `settings` holds per-location options (retention periods, access warning
    threshold, backup folder)."""

    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    report_template: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    cover_photo: Mapped[bytes | None] = mapped_column()

    municipalities: Mapped[list[Municipality]] = relationship(
        back_populates="location", order_by="Municipality.name"
    )


class Municipality(Tracked, Base):
    """A municipality a location serves (one location may serve several)."""

    __tablename__ = "municipalities"
    __table_args__ = (UniqueConstraint("location_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))

    location: Mapped[Location] = relationship(back_populates="municipalities")


class User(Tracked, Base):
    """A person who logs in. Role: vrijwilliger / teamleider / beheerder."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(16))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="SET NULL"))
    # The volunteer record of this user, so a visit defaults to "me".
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteers.id", ondelete="SET NULL", use_alter=True)
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Topic(Base):
    """A conversation topic (onderwerp). The shared list serves every location;
    a location's own topics are linked to it (`LocationTopic`)."""

    __tablename__ = "topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class LocationTopic(Base):
    """A topic of a location's own (added by a beheerder): a topic linked to
    one or more locations is theirs; a topic linked to none is on every
    location's list."""

    __tablename__ = "location_topics"
    location_id: Mapped[int] = mapped_column(
        ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )


class TopicGroup(Base):
    """A location's topic group (onderwerpgroep, e.g. "juridisch"): one row per
    topic in the group, so a report can count the group as one topic."""

    __tablename__ = "topic_groups"
    location_id: Mapped[int] = mapped_column(
        ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )


class Dwelling(Tracked, Base):
    """A dwelling made available to housed permit holders (woning). `complex`
    names the complex or project it is part of, `status` a temporary kind
    (tijdelijk, sloop, woningdeling; empty for a regular dwelling) and
    `village` the woonkern within the municipality."""

    __tablename__ = "dwellings"
    __table_args__ = (
        UniqueConstraint("location_id", "number"),
        Index("ix_dwellings_location_available", "location_id", "available_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    type: Mapped[str | None] = mapped_column(String(16))  # eengezins/alleenstaande/kamer
    available_on: Mapped[dt.date] = mapped_column(Date)
    complex: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str | None] = mapped_column(String(16))  # tijdelijk/sloop/woningdeling
    village: Mapped[str | None] = mapped_column(String(100))


class Client(Tracked, Base):
    """A refugee the office helps. `search_name` is the folded name used for
    case-, accent- and spacing-insensitive search (see `vwdesk.core.text`)."""

    __tablename__ = "clients"
    __table_args__ = (
        UniqueConstraint("location_id", "number"),
        Index("ix_clients_location_search", "location_id", "search_name"),
        # PostgreSQL also has them in bytewise order (search_index.PG_BYTEWISE_INDEX).
        Index("ix_clients_location_housed", "location_id", "housed_on"),
        Index("ix_clients_location_birth", "location_id", "birth_date"),
        Index("ix_clients_dwelling", "dwelling_id"),  # households: clients of a dwelling
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    search_name: Mapped[str] = mapped_column(String(210), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(1))  # m/v/x
    nationality: Mapped[str | None] = mapped_column(String(2))  # ISO alpha-2, XX = staatloos
    dwelling_id: Mapped[int | None] = mapped_column(ForeignKey("dwellings.id", ondelete="SET NULL"))
    housed_on: Mapped[dt.date | None] = mapped_column(Date)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    intake: Mapped[str | None] = mapped_column(String(16))  # regulier/nareiziger/...
    amv: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
    # Set when retention or an erasure request removed the personal details.
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class ClientName(Base):
    """A folded name (search name and surname) of clients at one location,
    with how many clients have it: what the search judges and its trigram
    index covers. Kept by triggers on `clients` (`vwdesk.core.search_index`);
    nobody writes it. A client without a surname has `last_name` '' (a key
    column cannot be NULL and still be unique)."""

    __tablename__ = "client_names"
    __table_args__ = (UniqueConstraint("location_id", "search_name", "last_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(Integer)
    search_name: Mapped[str] = mapped_column(String(210))
    last_name: Mapped[str] = mapped_column(String(100))
    clients: Mapped[int] = mapped_column(Integer)


def _bytewise(length: int) -> String:
    """Text compared byte by byte, as Python compares it, whatever the
    database's locale (PostgreSQL's collation "C"; SQLite's default is so)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class ClientNameWord(Base):
    """A word of a `ClientName` (or the word joined to an article before it,
    or with al for el), with whether it is the name's last and the name's
    first word: the index the
    search finds the names starting with a typed word in, best fit first,
    without reading every name that holds it. Kept by triggers on
    `client_names` (`vwdesk.core.search_index`); nobody writes it."""

    __tablename__ = "client_name_words"
    # The key carries the first word on PostgreSQL (INCLUDE), so a search
    # reads the index alone; SQLite keeps every column in its key's tree.
    __table_args__ = (
        PrimaryKeyConstraint("location_id", "word", "search_name", "last_name", "is_last",
                             postgresql_include=["opening"]),
        {"sqlite_with_rowid": False},
    )
    location_id: Mapped[int] = mapped_column(Integer, autoincrement=False)
    word: Mapped[str] = mapped_column(_bytewise(210))
    # The database's collation, as in `client_names`: a name's count is then
    # found through that table's key (PostgreSQL uses an index only when
    # the collations match); the search orders names bytewise itself.
    search_name: Mapped[str] = mapped_column(String(210))
    last_name: Mapped[str] = mapped_column(String(100))
    is_last: Mapped[bool] = mapped_column(Boolean)
    # The name's first word, '' when it is an article: typed with the last
    # word, the full name (`client_search._by_words`).
    opening: Mapped[str] = mapped_column(String(210))


class ClientWord(Base):
    """A distinct word of a location's `ClientNameWord`s, with how many of
    them hold it: where the search looks for a word one edit away from a
    typed one. Kept by triggers on `client_name_words`; nobody writes it."""

    __tablename__ = "client_words"
    __table_args__ = {"sqlite_with_rowid": False}
    location_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    word: Mapped[str] = mapped_column(_bytewise(210), primary_key=True)
    names: Mapped[int] = mapped_column(Integer)


class Move(Tracked, Base):
    """A client's move from one dwelling to another (verhuizing), after being
    housed in `Client.dwelling_id`: the client's dwelling history."""

    __tablename__ = "moves"
    __table_args__ = (
        Index("ix_moves_location_date", "location_id", "date"),
        Index("ix_moves_client", "client_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    from_dwelling_id: Mapped[int | None] = mapped_column(
        ForeignKey("dwellings.id", ondelete="SET NULL"))
    to_dwelling_id: Mapped[int | None] = mapped_column(
        ForeignKey("dwellings.id", ondelete="SET NULL"))


class Volunteer(Tracked, Base):
    """A volunteer, intern or paid staff member (vrijwilliger/stagiair/betaald)."""

    __tablename__ = "volunteers"
    __table_args__ = (UniqueConstraint("location_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    team: Mapped[str | None] = mapped_column(String(64))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Contact(Tracked, Base):
    """One contact: a spreekuur visit, a legal contact, an MB contact, an intake.
    Exactly one of `client_id` and `person_label` (someone without a file)."""

    __tablename__ = "contacts"
    __table_args__ = (
        # Both cover the report's contact statements (persons per kind or of
        # every kind, legal contacts, topics): they read an index alone, never
        # the rows; PostgreSQL carries the id as well for the join to the topics.
        Index("ix_contacts_location_date", "location_id", "date", "client_id", "person_label",
              postgresql_include=["id"]),
        Index("ix_contacts_location_kind_date", "location_id", "kind", "date", "client_id",
              "person_label", postgresql_include=["id"]),
        # A client's contacts, and retention's last contact per client.
        Index("ix_contacts_client_date", "client_id", "date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    person_label: Mapped[str | None] = mapped_column(String(100))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id", ondelete="SET NULL"))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    topics: Mapped[list[Topic]] = relationship(secondary="contact_topics", order_by="Topic.name")


class ContactTopic(Base):
    """A topic of a contact. `location_id`, `kind` and `date` are the
    contact's, copied by triggers so the report counts topics from one index
    (`vwdesk.core.topic_copies`); writers need not set them."""

    __tablename__ = "contact_topics"
    __table_args__ = (
        Index("ix_contact_topics_topic", "topic_id"),
        Index("ix_contact_topics_location_kind_date", "location_id", "kind", "date", "topic_id"),
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), primary_key=True)
    location_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)


class ContactPerson(Base):
    """A person's contacts of one kind in one location-year, and a row of
    kind `ALL_KINDS` for all kinds together: the year report's distinct
    persons counted from a row per person instead of from every contact.
    Kept by triggers (`vwdesk.core.rollups`); nobody writes it. A contact
    without a client has `client_id` 0, one without a label `person_label`
    '' (a key column cannot be NULL and still be unique)."""

    __tablename__ = "contact_persons"
    # The count rides in the key's index (PostgreSQL INCLUDE; a SQLite table
    # without rowid is its key's b-tree): a location-year is read from the
    # index alone, wherever its rows lie in the table.
    __table_args__ = (
        PrimaryKeyConstraint("location_id", "year", "kind", "client_id", "person_label",
                             postgresql_include=["contacts"]),
        {"sqlite_with_rowid": False},
    )
    location_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    client_id: Mapped[int] = mapped_column(Integer)
    person_label: Mapped[str] = mapped_column(String(100))
    contacts: Mapped[int] = mapped_column(Integer)


class TopicDay(Base):
    """How often a topic was discussed in contacts of one kind on one day at
    a location: the year report's topic counts from a row per day and topic
    instead of from every link. Kept by triggers (`vwdesk.core.rollups`)."""

    __tablename__ = "topic_days"
    __table_args__ = (
        PrimaryKeyConstraint("location_id", "kind", "date", "topic_id",
                             postgresql_include=["mentions"]),
        {"sqlite_with_rowid": False},
    )
    location_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(Date)
    topic_id: Mapped[int] = mapped_column(Integer)
    mentions: Mapped[int] = mapped_column(Integer)


class Dossier(Tracked, Base):
    """A legal dossier (gezinshereniging, naturalisatie, ...)."""

    __tablename__ = "dossiers"
    __table_args__ = (
        UniqueConstraint("location_id", "number"),
        Index("ix_dossiers_location_kind", "location_id", "kind"),
        Index("ix_dossiers_client", "client_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(16))
    # Number of family members the request is for (nareizigers); no names.
    family_members: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class Trajectory(Tracked, Base):
    """A social-guidance trajectory (mb-jaar-1, mb-jaar-2, zelfmelder)."""

    __tablename__ = "trajectories"
    __table_args__ = (
        Index("ix_trajectories_location_start", "location_id", "start"),
        Index("ix_trajectories_client", "client_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)


class Programme(Tracked, Base):
    """A coupling programme of a location (wegwijs, taalcoach, ...). `key` is the
    short name used in the workbook, report keys and the volunteers' team."""

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("location_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))


class Coupling(Tracked, Base):
    """A coach coupled to a client for about half a year (koppeling)."""

    __tablename__ = "couplings"
    __table_args__ = (
        UniqueConstraint("location_id", "number"),
        Index("ix_couplings_programme", "programme_id"),
        Index("ix_couplings_client", "client_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32))
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("volunteers.id", ondelete="SET NULL"))
    signed_up_on: Mapped[dt.date] = mapped_column(Date)
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    evaluation_3m_on: Mapped[dt.date | None] = mapped_column(Date)
    evaluation_6m_on: Mapped[dt.date | None] = mapped_column(Date)
    extended_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(16))  # afgerond/gestopt/ingetrokken


class YearFigure(Tracked, Base):
    """A figure typed in for a location and year (jaarcijfers): targets
    (`doel.*`), taakstelling, course figures, and overrides or official values
    of computed figures. `municipality_id` and `half` narrow it to one
    municipality or half-year. `mode`: `invoer` (a figure only typed in),
    `vervangt` (replaces the computed one; `note` gives the reason) or
    `naast` (an official figure shown beside the computed one)."""

    __tablename__ = "year_figures"
    __table_args__ = (Index("ix_year_figures_location_year", "location_id", "year"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipalities.id", ondelete="CASCADE")
    )
    half: Mapped[int | None] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(10), default="invoer")
    note: Mapped[str | None] = mapped_column(Text)


class ReportText(Tracked, Base):
    """The teamleader's prose for one report section and year (teksten)."""

    __tablename__ = "report_texts"
    __table_args__ = (UniqueConstraint("location_id", "year", "section"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """Every write, every opened client page and every anonymisation.

    `changes` maps a field to `[old, new]`; free-text fields (notes) are
    recorded as changed without their content. `reason` holds the reason a
    page was opened or the retention rule that anonymised a record."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record", "table_name", "row_id"),
        Index("ix_audit_log_user_at", "user_id", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, server_default=func.now())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
