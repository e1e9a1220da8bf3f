"""Dates resolved against the publication date, including dateparser's known traps."""

from __future__ import annotations

from datetime import date

import pytest
from eventwire.transform.dates import date_for_event, resolve_date, story_date
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
        ("35", TUESDAY, None),  # an age the NER took for a date ("Ana Ruiz, 35, died"), never 1935
        ("Around 14 June 2020 (as reported)", TUESDAY, date(2020, 6, 14)),
        ("As reported on 3 April 2020", None, date(2020, 4, 3)),
        ("11:40 p.m. Sunday", TUESDAY, date(2014, 5, 25)),
        ("this morning", TUESDAY, TUESDAY),
        ("9-15-16", date(2016, 9, 20), date(2016, 9, 15)),  # month first: 15 cannot be a month
        ("15/9/16", date(2016, 9, 20), date(2016, 9, 15)),  # day first
        ("7/4", date(2016, 7, 20), date(2016, 7, 4)),  # no year: a slash says a day
        ("1-10", date(2017, 1, 12), None),  # a dash without a year: a range, or "along 1-10" (Interstate 10)
        ("12-30 May", TUESDAY, date(2014, 5, 12)),  # a range of days: its first
        ("Around 10:30 Sunday morning", date(2014, 5, 25), date(2014, 5, 25)),  # a clock without a.m.: no date
        ("around 11 Thursday night", date(2016, 7, 15), date(2016, 7, 14)),  # an hour without p.m.: not the 11th
        ("Thursday the 11th", date(2016, 7, 15), date(2016, 7, 11)),
    ],
)
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published) == expected


def test_a_weekend_past_is_its_sunday():
    """"Shot over the weekend" in a Monday paper: the Sunday before (within a day of either day); on a Saturday, that
    day; "last weekend" on a weekend day, the one before."""
    monday, saturday, sunday = date(2016, 8, 1), date(2016, 7, 30), date(2016, 7, 31)
    assert resolve_date("over the weekend", monday) == date(2016, 7, 31)
    assert resolve_date("this past weekend", date(2016, 8, 3)) == date(2016, 7, 31)
    assert resolve_date("the weekend", saturday) == saturday
    assert resolve_date("last weekend", sunday) == date(2016, 7, 24)
    doc = parse_one("A 12-year-old boy was killed in an accidental shooting over the weekend, police said.")
    [row] = extract_casualties(doc)
    assert date_for_event(row, doc, monday)[:2] == (date(2016, 7, 31), "the weekend")


def test_the_weekday_after_publication_is_the_next_day_unless_the_article_writes_out_the_day_six_days_before():
    # a page dated the evening before: "Police announced Saturday morning ..." on a page dated Friday
    friday = date(2017, 2, 3)
    assert resolve_date("Saturday morning", friday) == date(2017, 2, 4)
    assert resolve_date("last Saturday", friday) == date(2017, 1, 28)
    assert resolve_date("Thursday", friday) == date(2017, 2, 2)
    assert _dated("Two people were found dead in a home on Saturday, police said.", friday)[:2] == (
        date(2017, 2, 4), "Saturday")
    # a note stamped the Monday after names the Tuesday's date: its "Tuesday" is that day
    monday = date(2020, 5, 4)
    note = "On 28 April 2020, rioters clashed with soldiers in Tripoli. A rioter succumbed to his wounds on Tuesday."
    assert _dated(note, monday)[:2] == (date(2020, 4, 28), "Tuesday")
    # an article that speaks of last week means last week's Friday
    thursday = date(2017, 1, 12)
    week = "Officials named the fifth person killed in last week's shooting. Five travelers were shot dead on Friday."
    assert _dated(week, thursday, count=5)[:2] == (date(2017, 1, 6), "Friday")


def test_an_event_n_days_after_which_a_dated_one_came_is_dated_n_days_before_it():
    friday = date(2017, 2, 24)
    text = "A 19-year-old man was arrested Thursday on a manslaughter charge, a day after he accidentally shot his friend."
    day, words, source = _dated(text, friday)
    assert (day, source) == (date(2017, 2, 22), "sentence") and words.startswith("Thursday") and words.endswith("after")
    # a death N days after the shooting that caused it is dated by the shooting, as GVA and ACLED date it
    sunday = date(2016, 5, 1)
    assert _dated("A boy died on Friday, two days after he was shot in Englewood.", sunday)[0] == date(2016, 4, 27)
    # a clause's own event keeps its day
    assert _dated("A boy died on Friday, two days after the crash.", sunday)[:2] == (date(2016, 4, 29), "Friday")


def test_a_possessive_date_is_the_date():
    tuesday = date(2016, 12, 20)
    assert resolve_date("last week's", tuesday) == date(2016, 12, 13)
    assert resolve_date("Sunday night's", tuesday) == date(2016, 12, 18)


def test_event_date_comes_from_its_own_clause_not_the_reporting_verb():
    doc = parse_one("The mayor said 40 people had been killed in Monday's violence, a local paper reported Tuesday.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, TUESDAY) == (date(2014, 5, 26), "Monday", "sentence")


def test_no_date_in_the_article_gives_the_publication_date():
    doc = parse_one("Three people were wounded in the blast.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, TUESDAY) == (TUESDAY, None, "published")
    assert date_for_event(event, doc, None) == (None, None, None)


def test_we_is_not_wednesday():
    doc = parse_one("We saw that 5 people were hurt.")
    (event,) = extract_casualties(doc)
    assert date_for_event(event, doc, THURSDAY)[2] == "published"


def _dated(text: str, published: date | None = TUESDAY, count: int | None = None):
    doc = parse_one(text)
    events = extract_casualties(doc)
    event = next(e for e in events if count is None or e.casualty_count == count)
    return date_for_event(event, doc, published)


def test_a_sentence_without_a_date_takes_the_nearest_earlier_date_in_its_paragraph():
    text = "On 4 August 2019, a mine hit a truck near the ford. Three drivers were killed. Later, two more died."
    assert _dated(text, None, count=3) == (date(2019, 8, 4), "4 August 2019", "paragraph")
    text = "A fire broke out on Friday. On Sunday, a storm hit the coast. Nine sailors were injured."
    assert _dated(text)[:2] == (date(2014, 5, 25), "Sunday")


def test_the_lead_dates_a_later_paragraph_but_a_later_paragraph_never_dates_an_earlier_one():
    assert _dated("Flooding hit the valley on Saturday.\n\nTwo campers were injured by debris.") == (
        date(2014, 5, 24), "Saturday", "lead")
    assert _dated("Two campers were injured by debris.\n\nThe bridge reopened on Saturday.") == (
        TUESDAY, None, "published")


def test_a_lead_recalling_history_dates_nothing_below_it():
    """A page of famous crimes opens on 1947: the four shot in the story below are not dated 1947 (a lead's day
    more than a year before publication is history, not the day of what follows); a lead's recent day still is."""
    lead = "On January 15, 1947, the remains of a young actress were found in a vacant lot in Los Angeles.\n\n"
    assert _dated(lead + "Four adults were found shot dead in a basement.") == (TUESDAY, None, "published")
    recent = "On January 15, 2014, a storm hit the coast.\n\n"
    assert _dated(recent + "Four adults were found shot dead in a basement.") == (date(2014, 1, 15), "January 15, 2014",
                                                                                   "lead")


def test_a_date_inside_a_quote_is_about_another_time():
    text = 'The widow said: "On Friday we buried my brother." Four mourners were hurt.'
    assert _dated(text) == (TUESDAY, None, "published")


def test_an_age_is_never_a_date():
    assert _dated("A cyclist, 35, was injured at the scene.") == (TUESDAY, None, "published")


def test_a_sentence_that_dates_the_figure_to_a_year_borrows_no_day():
    text = "The storm came on Monday. Across the state, 57 farmers died in accidents in 2012."
    assert _dated(text) == (None, None, None)


def test_an_age_written_as_years_old_does_not_stop_a_sentence_borrowing_its_paragraph_date():
    text = "The fire started on Sunday. A 16-year-old girl was injured in the blaze."
    assert _dated(text)[:3] == (date(2014, 5, 25), "Sunday", "paragraph")


def test_a_pages_time_stamp_is_no_event_day():
    """"Posted: <date> <time>", "(Published <date>)" and a line ending in a date and a clock are when the page was
    written: the event's own day further on wins, and without one the publication date stands."""
    text = ("Lakeside shooting under investigation Posted: Tuesday, May 27, 2014 4:46 AM EDT\n\n"
            "Deputies say a farmer shot two neighbours on Saturday. Both were wounded in the arm.")
    assert _dated(text, count=2)[:3] == (date(2014, 5, 24), "Saturday", "paragraph")
    text = "May 27, 2014 7:26 AM\n\nTwo hikers were injured by a falling branch."
    assert _dated(text) == (TUESDAY, None, "published")
    text = "(Published Tuesday, May 27, 2014)\n\nTwo hikers were injured by a falling branch."
    assert _dated(text) == (TUESDAY, None, "published")
    text = "On May 24, 2014 at about 6:00 PM a gunman wounded two hikers."
    assert _dated(text)[:3] == (date(2014, 5, 24), "May 24, 2014", "sentence")


def test_a_sentence_borrows_the_day_its_paragraph_gives_an_event_not_the_day_something_was_said():
    text = ("A farmer was wounded on Saturday night, a spokesman said Sunday. At around 10 p.m., deputies found "
            "two more people injured behind the barn.")
    assert _dated(text, count=2)[:3] == (date(2014, 5, 24), "Saturday night", "paragraph")
    # with no other day in the paragraph, the day it was said still dates it
    text = "Deputies said Sunday that a barn burned down. Two people were injured in the blaze."
    assert _dated(text, count=2)[:3] == (date(2014, 5, 25), "Sunday", "paragraph")


def test_the_day_of_a_charge_or_a_court_step_is_not_the_day_of_the_shooting_it_tells_of():
    """"charged ... Thursday in connection with the shooting" and "pleaded guilty on Monday to killing": the day of a
    development; the shooting's own day is the paragraph's earlier one, else the lead's (not such a day either), else
    the publication date."""
    text = ("On Saturday, a gunman opened fire outside a bakery. Deputies charged a farmer with murder Thursday "
            "in connection with the fatal shooting of a baker.")
    assert _dated(text)[:3] == (date(2014, 5, 24), "Saturday", "paragraph")
    text = "A farmer pleaded guilty on Monday to killing a baker outside a bakery."
    assert _dated(text) == (TUESDAY, None, "published")  # nor is it the lead's date
    text = "A baker was shot and killed on Monday outside a bakery."  # the event's own day stays
    assert _dated(text)[:3] == (date(2014, 5, 26), "Monday", "sentence")
    text = "A farmer accused in the killing of a baker appeared in court Tuesday morning."  # "Tuesday" apart from "morning"
    assert _dated(text) == (TUESDAY, None, "published")
    text = ("On Friday, gunfire broke out outside a bakery. A farmer was issued an arrest warrant on Saturday "
            "afternoon, a day after a baker was killed.")
    assert _dated(text)[:3] == (date(2014, 5, 23), "Friday", "paragraph")


def test_the_lead_is_the_story_s_first_paragraph_not_a_headline_caption_or_byline_above_it():
    """A headline with its page stamp, a photo caption or a dateline on a line of its own is no lead: the lead's
    date is the first of the story's first paragraph. A story paragraph without a date still ends the lead."""
    text = ("Farmer shoots neighbour Posted: Tuesday, May 27, 2014 4:46 AM EDT\n\n"
            "LAKESIDE (AP) -- Deputies are investigating after a farmer shot his neighbour on Sunday.\n\n"
            "The neighbour was wounded in the arm, deputies said.")
    assert _dated(text)[:3] == (date(2014, 5, 25), "Sunday", "lead")
    text = ("A barn near the river. (Photo: County Sheriff)\n\n"
            "Deputies are investigating a shooting at a barn on the edge of town on Saturday.\n\n"
            "Two farm hands were wounded in the legs.")
    assert _dated(text)[:3] == (date(2014, 5, 24), "Saturday", "lead")
    text = ("Smoke over the barn. (Photo: County Sheriff)\n\nUPDATE 6 PM, MAY 26 - Deputies named the victims of "
            "yesterday's shooting.\n\nDeputies were called to the barn on Saturday.\n\nTwo farm hands were wounded.")
    assert _dated(text)[:3] == (date(2014, 5, 24), "Saturday", "lead")  # not the update note's day
    text = ("Deputies are investigating a shooting at a barn on the edge of town.\n\n"
            "The barn burned down on Saturday.\n\nTwo farm hands were wounded in the legs.")
    assert _dated(text) == (TUESDAY, None, "published")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("on Christmas night", date(2014, 12, 26), date(2014, 12, 25)),
        ("New Year's Eve", date(2015, 1, 2), date(2014, 12, 31)),
        ("New Years Eve", date(2017, 1, 4), date(2016, 12, 31)),
        ("the Fourth of July", date(2016, 7, 6), date(2016, 7, 4)),
        ("Thanksgiving Day", date(2015, 11, 30), date(2015, 11, 26)),
        ("Father's Day", date(2015, 6, 22), date(2015, 6, 21)),
        ("Christmas", date(2015, 12, 10), None),  # a year back, a month on: a plan or a memory, not the day
        ("Christmas Day 2013", date(2015, 12, 10), date(2013, 12, 25)),
    ],
)
def test_a_holiday_named_as_a_day(text, published, expected):
    assert resolve_date(text, published) == expected


def test_a_holiday_the_ner_does_not_tag_as_a_date_dates_the_event():
    text = "A New Year's Eve shooting at a party killed one teenager, police said."
    assert _dated(text, date(2017, 1, 2))[:3] == (date(2016, 12, 31), "New Year's Eve", "sentence")


def test_an_opening_date_on_an_act_of_the_attack_itself_dates_the_killing():
    """"entered", "held", "set": acts of the incident as often as steps of a court ("entered a plea")."""
    text = "On 30 April 2020, unknown gunmen entered a village near the river and killed two people."
    assert _dated(text, None)[:3] == (date(2020, 4, 30), "30 April 2020", "sentence")


def test_the_story_s_day_is_the_first_day_it_names_anywhere_not_a_quote_a_saying_or_a_later_week():
    """An article whose rows are dated only by publication ("A bullet struck him" with "Saturday" further on) still
    says which day its story happened: the incident takes it (load/incident_rules.summarise)."""
    text = ("A 6-year-old boy was shot and killed while playing with a gun.\n\n"
            "A bullet struck him in the head, deputies said Monday.\n\n"
            '"He was a happy boy on Friday," his aunt said.\n\n'
            "The shooting happened Saturday afternoon at a home on Elm Road. The funeral is set for next Sunday.")
    doc = parse_one(text)
    assert date_for_event(extract_casualties(doc)[0], doc, TUESDAY) == (TUESDAY, None, "published")  # the row: none
    assert story_date(doc, TUESDAY) == (date(2014, 5, 24), "Saturday")
    assert story_date(doc, None) is None
    months_ago = parse_one("Two men were wounded. The trial opened on 2 March 2014.")
    assert story_date(months_ago, TUESDAY) is None


def test_the_day_an_article_names_as_its_incident_s_is_the_story_s_day_whenever_it_was():
    """A sentencing, a lawsuit, a charge weeks or years on: "the March 16, 2014 shooting" is the incident's day,
    whatever day the article names first (a court's), and however long before publication (up to three years)."""
    sentencing = parse_one("A Beaumont man was sentenced on Monday to life in prison.\n\n"
                           "Frederick Hawkins, 27, was convicted in the March 16, 2014 shooting of three siblings.")
    assert story_date(sentencing, date(2015, 11, 30)) == (date(2014, 3, 16), "March 16, 2014")
    charge = parse_one("The charges stem from the April 5 incident at an Edgewater home, police said.")
    assert story_date(charge, date(2016, 6, 28)) == (date(2016, 4, 5), "April 5")
    quoted = parse_one('"I think of the March 3 shooting every day," she said. Two men were wounded on Saturday.')
    assert story_date(quoted, TUESDAY) == (date(2014, 5, 24), "Saturday")  # (a quote's day is no story's)
    too_old = parse_one("It was the first since the May 1, 2009 shooting. A man was wounded on Saturday.")
    assert story_date(too_old, TUESDAY) == (date(2014, 5, 24), "Saturday")


def test_the_lead_gives_the_day_of_the_event_before_the_day_it_was_said_or_a_news_conference_was_held():
    said = ("PHOENIX (AP) - Police said Friday that a business dispute led to a siege at a home, and a woman fled when "
            "the gunfire broke out Thursday afternoon, a sergeant said.\n\nTwo brothers were wounded in the home.")
    assert _dated(said, date(2015, 4, 17)) == (date(2015, 4, 16), "Thursday", "lead")
    conference = ("The police department held a news conference Monday afternoon about the deadly shooting at 11th "
                  "and Castle streets Sunday morning.\n\nThree other teenagers were wounded.")
    assert _dated(conference, date(2015, 12, 21)) == (date(2015, 12, 20), "Sunday", "lead")
    only_said = "Police said Friday that the man had no licence.\n\nTwo brothers were wounded in the home."
    assert _dated(only_said, date(2015, 4, 17)) == (date(2015, 4, 17), "Friday", "lead")  # no other day: the saying's


def test_a_date_written_in_numbers_with_its_year_dates_the_event_but_a_birth_date_does_not():
    """Police blotters write "On 06/24/2013 at approximately 9:18 pm", which the NER does not tag as a date."""
    text = ("Homicide victim: Carlton Lewis, 27.\n\nOn 06/24/2013 at approximately 9:18 pm, Carlton Lewis was found "
            "shot dead in the 3200 block of Prospect Avenue.")
    assert _dated(text, date(2013, 6, 26)) == (date(2013, 6, 24), "06/24/2013", "sentence")
    born = "A man (DOB 07/19/98) was shot and wounded in the 3200 block of Prospect Avenue."
    assert _dated(born, date(2016, 6, 26)) == (date(2016, 6, 26), None, "published")
    stamp = "Published: Tuesday, 12/15/2015 - Updated: 2 weeks ago\n\nA girl was shot and wounded in West Toledo."
    assert _dated(stamp, date(2015, 12, 16)) == (date(2015, 12, 16), None, "published")  # the page's time stamp
