"""Fixtures for the privacy tests."""

from __future__ import annotations

import pytest
from privacy_helpers import Filler


@pytest.fixture
def fill(office) -> Filler:
    return Filler(office)
