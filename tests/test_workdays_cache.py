"""The holiday cache file says exactly what the holidays package says."""

from __future__ import annotations

import datetime as dt

import pytest

from otdesk.core import workdays


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(workdays, "_cache_file", lambda: tmp_path / "holidays-fi-test.json")
    workdays._cached_days_off.cache_clear()
    workdays._days_off.cache_clear()
    yield tmp_path / "holidays-fi-test.json"
    workdays._cached_days_off.cache_clear()
    workdays._days_off.cache_clear()


def test_the_cache_matches_the_package_and_is_rebuilt_when_damaged(fresh_cache):
    this_year = dt.date.today().year
    from_package = {y: frozenset(d for d in workdays._holidays(y) if d.weekday() < 5)
                    for y in (this_year - 1, this_year, this_year + 1)}
    built = workdays._cached_days_off()
    assert fresh_cache.exists()
    for year, days in from_package.items():
        assert built[year] == days
    fresh_cache.write_text("{ rikki")
    workdays._cached_days_off.cache_clear()
    assert workdays._cached_days_off()[this_year] == from_package[this_year]
    assert '"' in fresh_cache.read_text()  # written again, whole


def test_the_holiday_data_version_is_the_installed_package_version():
    """Read from the dist-info folder's name, it is what importlib.metadata says."""
    from importlib import metadata

    workdays.calendar_version.cache_clear()
    assert workdays.calendar_version() == metadata.version("holidays")
