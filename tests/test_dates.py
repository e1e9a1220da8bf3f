"""Dates resolved against the publication date, including dateparser's known traps."""

from __future__ import annotations

from datetime import date

import pytest
from eventwire.transform.dates import date_for_event, resolve_date
from eventwire.transform.events.casualty import extract_casualties
from eventwire.transform.nlp import parse_one

TUESDAY = date(2014, 5, 27)
THURSDAY = date(2022, 1, 20)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("on Monday", TUESDAY, date(2014, 5, 26)),
        ("Monday's", TUESDAY, date(2014, 5, 26)),
        ("late Monday", TUESDAY, date(2014, 5, 26)),  # dateparser alone returns nothing
        ("early Sunday", TUESDAY, date(2014, 5, 25)),
        ("on Thursday", THURSDAY, THURSDAY),  # dateparser alone says a week earlier
        ("last Thursday", THURSDAY, date(2022, 1, 13)),
        ("yesterday", TUESDAY, date(2014, 5, 26)),
        ("On 6 May 2020", TUESDAY, date(2020, 5, 6)),
        ("6 May 2020", None, date(2020, 5, 6)),  # absolute: needs no published date
        ("12 March", THURSDAY, date(2021, 3, 12)),  # no year: the past one
        ("on Monday", None, None),  # no published date, no guessed date
        ("three years", TUESDAY, None),
        ("2014", TUESDAY, None),
    ],
)
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published) == expected


def test_event_date_comes_from_its_own_clause_not_the_reporting_verb():
    doc = parse_one("The mayor said 40 people had been killed in Monday's violence, a local paper reported Tuesday.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, TUESDAY) == (date(2014, 5, 26), "Monday")


def test_no_date_in_sentence_gives_none():
    doc = parse_one("Three people were wounded in the blast.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, TUESDAY) == (None, None)


def test_we_is_not_wednesday():
    doc = parse_one("We saw that 5 people were hurt.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, THURSDAY) == (None, None)
