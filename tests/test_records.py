"""The record descriptions' validation: the quick per-field test that bulk
imports rely on never accepts what the full check refuses."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from vwdesk.core.records import KINDS, _accepts, check_field

SAMPLES = [None, "", " ", "x", "x" * 33, "x" * 201, "SY", "XX", "ZZ", "syrië", "m", "regulier",
           "spreekuur", "afgerond", 0, 1, -1, 2, 3.5, -0.5, math.nan, True, False,
           dt.date(2019, 1, 1), dt.datetime(2019, 1, 1, 12), "2019-01-01", [], ("a",)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_quick_test_accepts_only_what_check_field_accepts(kind):
    for f in KINDS[kind].fields:
        accepts = _accepts(f)
        samples = SAMPLES + list(f.choices)
        for value in samples:
            if accepts(value):
                assert check_field(f, value) is None, (kind, f.name, value)


def test_quick_test_accepts_the_usual_values():
    """Without this the quick test could refuse everything and the test
    above would still pass (then every value takes the slow way)."""
    clients = KINDS["clients"]
    usual = {"number": "C1", "first_name": "Amal", "birth_date": dt.date(1990, 5, 1),
             "gender": "v", "nationality": "SY", "dwelling_id": 4, "amv": False, "note": None}
    for name, value in usual.items():
        assert _accepts(clients.field(name))(value), name
    assert _accepts(KINDS["contacts"].field("duration_minutes"))(30)


def test_a_contact_without_a_client_asks_for_one_first():
    from vwdesk.core.errors import ValidationError
    from vwdesk.core.records import validate_record

    contact = {"date": dt.date(2019, 1, 1), "kind": "spreekuur"}
    for extra, ending in (({}, "kies eerst een cliënt, of vul een persoon zonder dossier in."),
                          ({"client_id": 1, "person_label": "Iemand"}, "niet allebei.")):
        with pytest.raises(ValidationError) as raised:
            validate_record(KINDS["contacts"], {**contact, **extra})
        assert raised.value.errors["client_id"].endswith(ending)


def test_dates_typed_as_people_type_them():
    import datetime as dt

    from vwdesk.core.dates import is_date_shaped, parse_date

    assert parse_date("5-3-2024") == parse_date("05/03/2024") == parse_date("05032024") == \
        dt.date(2024, 3, 5)
    assert parse_date("31-02-2019") is None and is_date_shaped("31-02-2019")
    assert parse_date("31022019") is None and is_date_shaped("31022019")
    assert parse_date("2019") is None and not is_date_shaped("Amal")


# Columns of a kind's table that are not fields: nobody types them in.
BOOKKEEPING = {"id", "location_id", "version", "created_at", "updated_at", "created_by_id",
               "updated_by_id"}
NOT_FIELDS = {
    ("clients", "search_name"),  # the names folded for search, derived on every write
    ("clients", "anonymised_at"),  # set by retention (privacy), never entered
    ("volunteers", "anonymised_at"),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_column_of_a_kind_is_a_field_or_said_not_to_be(kind):
    """A column added to a model without its Field would be missing from the
    form, the validation, the exchange workbook and the inzage export."""
    fields = {f.name for f in KINDS[kind].fields}
    for column in KINDS[kind].model.__table__.c:
        assert column.key in fields or column.key in BOOKKEEPING \
            or (kind, column.key) in NOT_FIELDS, f"{kind}.{column.key} is not a Field"
    assert fields <= {c.key for c in KINDS[kind].model.__table__.c}
