"""Publication dates: the common forms to ISO, at the precision written, never a guessed day."""

from __future__ import annotations

import pytest

from analysis.dates import parse_published

pytestmark = pytest.mark.filterwarnings("error")  # a date is read without warnings (unknown zones included)


@pytest.mark.parametrize("written, iso", [
    ("2017-04-13", "2017-04-13"),
    ("2017-04-13T10:00:00+02:00", "2017-04-13"),
    ("2017-04-13T23:30:00Z", "2017-04-13"),
    ("2017-04-13 08:15", "2017-04-13"),
    ("April 13, 2017", "2017-04-13"),
    ("13 April 2017", "2017-04-13"),
    ("Monday 14 January 2019 10:13 GMT", "2019-01-14"),
    ("Monday 14 January 2019 23:50 EST", "2019-01-14"),  # a zone dateutil does not know: no warning, no shift
    ("4-MAR-1987 11:42:03.68", "1987-03-04"),
    ("2017/04/13", "2017-04-13"),
    ("Apr. 13, 2017", "2017-04-13"),
    ("April 2017", "2017-04"),  # no day written: month precision, not the 1st
    ("2017-04", "2017-04"),
    ("2017", "2017"),
    ("", ""),
    ("   ", ""),
])
def test_common_forms(written, iso):
    assert parse_published(written) == (iso, "")


@pytest.mark.parametrize("written, why", [
    ("not a date", "not understood"),
    ("2017-13-45", "not understood"),
    ("31 February 2017", "not understood"),
    ("13 March", "has no year"),
    ("13", "has no year"),
    ("x35", "not understood"),
])
def test_what_is_not_a_date_is_a_note_not_a_guess(written, why):
    iso, note = parse_published(written)
    assert iso == "" and why in note and repr(written.strip()) in note


@pytest.mark.parametrize("line, iso", [
    ("Posted April 13, 2017", "2017-04-13"),
    ("Published: 13 April 2017, 10:15", "2017-04-13"),
    ("Updated Monday 14 January 2019 10:13 GMT", "2019-01-14"),
])
def test_datelines_are_read_with_fuzzy(line, iso):
    assert parse_published(line, fuzzy=True)[0] == iso
    assert parse_published(line)[0] == ""  # not without it: words around a date are not a date


@pytest.mark.parametrize("written, expected", [
    ("1987-02-26T15:01:01", ("1987-02-26", "")),
    ("2017-04-13T10:00:00+02:00", ("2017-04-13", "")),
    ("2017-04-13T10:00:00.123Z", ("2017-04-13", "")),
    ("2017-04-13 10:00", ("2017-04-13", "")),
    ("2017-02-30", ("", "date '2017-02-30' not understood; kept in published_raw")),
    ("2017-04-13T24:00:00", ("", "date '2017-04-13T24:00:00' not understood; kept in published_raw")),
    ("0000-01-01", ("", "date '0000-01-01' not understood; kept in published_raw")),
])
def test_full_iso_dates_read_without_dateutil_agree_with_it(written, expected, monkeypatch):
    from analysis import dates

    assert parse_published(written) == expected
    dates._parse.cache_clear()
    monkeypatch.setattr(dates, "_ISO", __import__("re").compile(r"(?!)"))  # no fast path: dateutil alone
    assert parse_published(written) == expected
    dates._parse.cache_clear()
