"""Hardening of the core (issue 13): conflict times, who may set a password,
login timing and messages, SQLite settings and the files the app writes."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from vwdesk.core.errors import ConflictError


@pytest.fixture
def amsterdam(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_conflict_message_shows_the_other_users_time_in_local_time(amsterdam):
    winter = ConflictError("Teamleider", dt.datetime(2026, 1, 5, 12, 0))  # stored as UTC
    summer = ConflictError("Teamleider", dt.datetime(2026, 7, 5, 12, 0))
    assert "05-01-2026 om 13:00" in winter.message
    assert "05-07-2026 om 14:00" in summer.message
