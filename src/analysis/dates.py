"""Publication dates: from the forms people write to an ISO date, never guessing.

:func:`parse_published` reads a date the way it is found in metadata, tables and
datelines ("2017-04-13T10:00:00+02:00", "April 13, 2017", "13 April 2017",
"Monday 14 January 2019 10:13 GMT", "4-MAR-1987 11:42:03.68", "2017/04/13",
"Posted April 13, 2017") with python-dateutil, and returns it at the precision
it was written: ``YYYY-MM-DD``, or ``YYYY-MM`` for "April 2017", or ``YYYY`` for
"2017". A day or month that is not written is never filled in. The time and
zone are dropped (the date is the one written, not converted to UTC); the
loader keeps the raw string in ``published_raw``.

Numeric forms such as "04/05/2017" are read month first, as dateutil does.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as _dateutil

__all__ = ["parse_published"]

# Two defaults that differ in every field: a field that comes out different in
# the two parses was not in the string.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))
# ISO 8601 with every field written, the commonest form in tables: read without dateutil (about 100
# times faster), and only when every field is valid, so that anything else gets dateutil's reading and note.
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?"
                  r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?")
#: Distinct date strings remembered: a corpus repeats the same few thousand dates.
DATE_CACHE_SIZE = 65_536


def parse_published(value: str, *, fuzzy: bool = False) -> tuple[str, str]:
    """Read a publication date; return ``(iso, note)``.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` at the precision written,
    or ``""`` when ``value`` is blank or not a date; ``note`` then says why
    (empty for a clean parse or a blank value).

    Parameters
    ----------
    value : str
        The date as written.
    fuzzy : bool, default False
        Allow words around the date ("Posted April 13, 2017"); for datelines
        already recognised as such, not for arbitrary text ("x35" would read as
        2035).

    Examples
    --------
    >>> parse_published("4-MAR-1987 11:42:03.68")
    ('1987-03-04', '')
    >>> parse_published("April 2017"), parse_published("Posted April 13, 2017", fuzzy=True)
    (('2017-04', ''), ('2017-04-13', ''))
    >>> parse_published("2017-13-45")
    ('', "date '2017-13-45' not understood; kept in published_raw")
    >>> parse_published("13 March")
    ('', "date '13 March' has no year; kept in published_raw")
    """
    return _parse(str(value).strip(), fuzzy)


@lru_cache(maxsize=DATE_CACHE_SIZE)
def _parse(text: str, fuzzy: bool) -> tuple[str, str]:
    if not text:
        return "", ""
    if m := _ISO.fullmatch(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), ""
        except ValueError:  # 2017-02-30: dateutil says so
            pass
    parsed = []
    for default in _DEFAULTS:
        try:
            parsed.append(_dateutil.parse(text, default=default, fuzzy=fuzzy, ignoretz=True))  # the date as written
        except (ValueError, OverflowError, TypeError):
            # dateutil's ParserError is a ValueError
            return "", f"date {text!r} not understood; kept in published_raw"
    a, b = parsed
    if a.year != b.year:
        return "", f"date {text!r} has no year; kept in published_raw"
    if a.month != b.month:
        if a.day != b.day:
            return f"{a.year:04d}", ""
        return "", f"date {text!r} has a day but no month; kept in published_raw"
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}", ""
    return f"{a.year:04d}-{a.month:02d}-{a.day:02d}", ""
