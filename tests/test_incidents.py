"""Incidents: the reconciliation rules on hand-written reports, in real DuckDB files written by the real writer.

The articles below are this project's own text. Their casualty rows are written as the extractor would write
them (span, sentence, place from the gazetteer, date), so these tests hold whatever the extractors of the day
read from a sentence: they test reconciliation, not extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from eventwire.extract.articles import Article, article_id_for, content_hash_of
from eventwire.load import incidents, writer
from eventwire.load.db import session
from eventwire.load.incident_evidence import Evidence, evidence_of
from eventwire.load.incident_rules import (
    Row,
    article_reports,
    report_figures,
    reports_incident,
    supported_place,
    trusted_day,
)
from eventwire.transform import gazetteer
from eventwire.transform.records import ArticleResult, Event, PlaceMention, stable_id

from eventwire.scoring import incidents as scoring
from tests.conftest import shared_path

CHICAGO = gazetteer.lookup("Chicago")
ENGLEWOOD = (41.7798, -87.6456)  # a neighbourhood of Chicago: 8 km from the city's point
DETROIT = gazetteer.lookup("Detroit")


@dataclass
class Fig:
    """One casualty figure as the extractor would report it: the words it was read from, in `sentence`."""

    sentence: str
    kind: str
    count: int
    place: tuple[str, float, float] | None = ("Chicago", CHICAGO.latitude, CHICAGO.longitude)
    day: date | None = None
    date_text: str | None = None
    cumulative: bool = False
    subset_of: int | None = None  # index of the larger figure in the same article
    qualifier: str | None = None
    recalled: bool = False
    date_source: str | None = None


@dataclass
class Story:
    source_id: str
    source: str
    title: str
    published: date
    figures: list[Fig]
    extra: str = ""  # more body text, after the figures' sentences
    body: str = field(init=False, default="")


def _records(story: Story) -> tuple[Article, ArticleResult]:
    sentences = list(dict.fromkeys(f.sentence for f in story.figures))
    story.body = " ".join(sentences) + (" " + story.extra if story.extra else "")
    aid = article_id_for(story.source, story.source_id)
    events = []
    for f in story.figures:
        start = story.body.index(f.sentence)
        e = Event("casualty", start, start + len(f.sentence), sentence=f.sentence, sent_start=start,
                  sent_end=start + len(f.sentence), casualty_kind=f.kind, casualty_count=f.count,
                  casualty_low=f.count, casualty_high=None if f.qualifier else f.count, casualty_qualifier=f.qualifier,
                  is_cumulative=f.cumulative, event_date=f.day, date_text=f.date_text, cue="kill",
                  recalled=f.recalled or None, date_source=f.date_source)
        if f.place:
            known = gazetteer.lookup(f.place[0])
            e.location, e.latitude, e.longitude = f.place
            e.country_code = known.country_code if known else "US"
        events.append(e)
    # two figures of one sentence get distinct spans, as the extractor's are
    for i, e in enumerate(events):
        e.char_end += i
    for e in events:
        e.article_id = aid
        e.event_id = stable_id(aid, e.key)
    for f, e in zip(story.figures, events):
        if f.subset_of is not None:
            e.subset_of = events[f.subset_of].event_id
    article = Article(aid, story.source_id, story.source, f"https://example.org/{story.source_id}", story.title,
                      story.published, story.body, content_hash_of(story.title, story.body), "en")
    return article, ArticleResult(aid, events=events)


def write(db: Path, *stories: Story) -> list[str]:
    """Write stories with the real writer (one batch, which reconciles them); returns their article ids."""
    articles, results = zip(*(_records(s) for s in stories))
    with session(db) as con:
        writer.write_batch(con, list(articles), list(results), {a.article_id: a.content_hash for a in articles},
                           "test", "run-1")
    return [a.article_id for a in articles]


def q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def incident_of(db: Path, article_id: str) -> str | None:
    ids = {r[0] for r in q(db, "SELECT incident_id FROM events WHERE article_id = ? AND incident_id IS NOT NULL", [article_id])}
    assert len(ids) <= 1, ids
    return ids.pop() if ids else None


SAT, SUN, MON, TUE = date(2016, 5, 7), date(2016, 5, 8), date(2016, 5, 9), date(2016, 5, 10)


def carter_by_tribune() -> Story:
    return Story("trib-1", "Tribune", "Man shot dead on Elm Street", SUN, [
        Fig("John Carter, 24, was shot dead on Elm Street in Chicago on Saturday night, police said.", "killed", 1,
            day=SAT, date_text="Saturday night"),
    ], extra="Officers found Carter near a parked car. No arrests have been made.")


def carter_by_sun() -> Story:
    return Story("sun-1", "Sun-Times", "Victim of Saturday shooting identified", MON, [
        Fig("The man killed in a shooting late Saturday in Englewood was identified as John Carter, 24.", "killed", 1,
            place=("Englewood", *ENGLEWOOD), day=SAT, date_text="late Saturday"),
    ], extra="Carter, a father of two, had been visiting his sister.")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "incidents.duckdb"


def test_same_shooting_reported_by_two_outlets_is_one_incident(db):
    a, b = write(db, carter_by_tribune(), carter_by_sun())
    assert incident_of(db, a) == incident_of(db, b) is not None
    (row,) = q(db, "SELECT killed, killed_low, killed_high, articles, sources, reports, incident_date, location, "
                   "admin1, country_code, headline, first_published, last_published FROM incidents")
    killed, low, high, articles, sources, reports, day, location, admin1, cc, headline, first, last = row
    assert (killed, low, high, articles, sources, reports) == (1, 1, 1, 2, 2, 2)
    assert day == SAT and admin1 == "Illinois" and cc == "US" and location in ("Chicago", "Englewood")
    assert headline == "Man shot dead on Elm Street" and (first, last) == (SUN, MON)
    figures = q(db, "SELECT casualty_kind, best, low, high, reports FROM incident_figures")
    assert figures == [("killed", 1, 1, 1, 2)]
    # drill-down: every report with its outlet, sentence and URL
    reports_ = q(db, "SELECT source, url, sentence, is_evidence FROM incident_reports ORDER BY published_at")
    assert [r[0] for r in reports_] == ["Tribune", "Sun-Times"]
    assert all(r[1].startswith("https://example.org/") and r[2] for r in reports_)
    assert sum(r[3] for r in reports_) == 1


def test_follow_up_with_a_later_death_joins_and_raises_killed(db):
    (first,) = write(db, Story("trib-2", "Tribune", "Two wounded in Englewood", SAT, [
        Fig("Marcus Lee, 31, and a woman were wounded in a shooting in Englewood on Friday.", "wounded", 2,
            place=("Englewood", *ENGLEWOOD), day=date(2016, 5, 6), date_text="Friday"),
    ]))
    (incident,) = q(db, "SELECT incident_id, killed, wounded FROM incidents")
    assert incident[1] is None and incident[2] == 2
    (later,) = write(db, Story("trib-3", "Tribune", "Man dies days after shooting", TUE, [
        Fig("Marcus Lee, 31, died Monday of wounds from Friday's shooting in Chicago.", "killed", 1,
            day=MON, date_text="Monday"),
    ]))
    assert incident_of(db, later) == incident_of(db, first) == incident[0]  # the id stays
    (row,) = q(db, "SELECT killed, wounded, articles, evidence_event_id FROM incidents")
    assert row[:3] == (1, 2, 2)
    assert q(db, "SELECT article_id FROM events WHERE event_id = ?", [row[3]]) == [(later,)]


def test_rising_toll_takes_the_latest_report_and_keeps_the_range(db):
    write(db, Story("wire-1", "Wire", "Three hurt", SUN, [
        Fig("Three people were wounded in a shooting at a party in Chicago on Saturday.", "wounded", 3,
            day=SAT, date_text="Saturday"),
        Fig("One person was killed in the shooting at the party in Chicago.", "killed", 1),
    ], extra="Dana Brooks, 19, was among the wounded."))
    write(db, Story("wire-2", "Wire", "Second victim dies", MON, [
        Fig("A second person has died after the shooting at a party in Chicago on Saturday.", "killed", 2,
            day=SAT, date_text="Saturday"),
        Fig("Two people remain in hospital after the party shooting in Chicago.", "wounded", 2),
    ], extra="Dana Brooks, 19, died on Sunday."))
    assert q(db, "SELECT killed, killed_low, killed_high, wounded, wounded_low, wounded_high FROM incidents") == [(2, 1, 2, 2, 2, 3)]


def test_two_shootings_same_day_same_city_stay_apart(db):
    write(db,
          Story("trib-4", "Tribune", "Teen killed", MON, [
              Fig("Darnell Hughes, 19, was shot and killed in Chicago on Sunday.", "killed", 1, day=SUN, date_text="Sunday")]),
          Story("sun-4", "Sun-Times", "Man killed", MON, [
              Fig("Luis Ortega, 22, was shot and killed in Chicago on Sunday.", "killed", 1, day=SUN, date_text="Sunday")]),
          Story("trib-5", "Tribune", "Three killed at a house", MON, [
              Fig("Three people were killed in a shooting at a house in Chicago on Sunday.", "killed", 3,
                  day=SUN, date_text="Sunday")]))
    assert q(db, "SELECT count(*) FROM incidents")[0][0] == 3
    assert sorted(r[0] for r in q(db, "SELECT killed FROM incidents")) == [1, 1, 3]


def test_running_tolls_and_aggregates_report_no_incident(db):
    (aid,) = write(db, Story("trib-6", "Tribune", "A violent year", MON, [
        Fig("More than 500 people have been killed in Chicago since the war on gangs began.", "killed", 500,
            cumulative=True),
        Fig("A total of 344 people were killed in Chicago last year.", "killed", 344),
        Fig("Kevin Moore, 40, was killed in Chicago on Sunday.", "killed", 1, day=SUN, date_text="Sunday"),
    ]))
    by_count = dict(q(db, "SELECT casualty_count, incident_id FROM events WHERE article_id = ?", [aid]))
    assert by_count[500] is None and by_count[344] is None and by_count[1] is not None
    assert q(db, "SELECT killed FROM incidents") == [(1,)]
    # the death views: incidents once, mentions as before
    assert q(db, "SELECT sum(killed) FROM daily_deaths_by_place") == [(1,)]
    assert q(db, "SELECT sum(killed) FROM daily_death_mentions_by_place") == [(345,)]


def test_an_earlier_incident_an_article_recalls_reports_no_incident_and_no_toll(db):
    (aid,) = write(db, Story("trib-9", "Tribune", "Three hurt outside a diner", MON, [
        Fig("Three men were wounded outside a diner in Chicago on Sunday.", "wounded", 3, day=SUN, date_text="Sunday"),
        Fig("A cook was shot dead at the same diner in a previous robbery.", "killed", 1, recalled=True),
    ]))
    by_kind = dict(q(db, "SELECT casualty_kind, incident_id FROM events WHERE article_id = ?", [aid]))
    assert by_kind["killed"] is None and by_kind["wounded"] is not None
    assert q(db, "SELECT count(*) FROM death_toll_rows") == [(0,)]
    assert q(db, "SELECT casualty_kind, best FROM incident_figures") == [("wounded", 3)]


def test_figures_restated_in_one_article_never_add_up(db):
    write(db, Story("trib-7", "Tribune", "Two dead", SUN, [
        Fig("Two people, including a 12-year-old girl, were killed in Chicago on Saturday.", "killed", 2,
            day=SAT, date_text="Saturday"),
        Fig("Two people, including a 12-year-old girl, were killed in Chicago on Saturday.", "killed", 1, subset_of=0),
        Fig("A man and a woman died at the scene.", "killed", 1),
        Fig("A man and a woman died at the scene.", "killed", 1),
    ]))
    assert q(db, "SELECT killed, reports FROM incidents") == [(2, 4)]


def test_a_region_is_no_place_to_join_on(db):
    gaza = gazetteer.lookup("Gaza")
    region = ("Gaza Strip", gaza.latitude, gaza.longitude)
    a, b, c = write(db,
                    Story("w-1", "Wire", "Strike on a house", MON, [
                        Fig("Three people were killed in an air strike on a house in Gaza on Sunday.", "killed", 3,
                            place=region, day=SUN, date_text="Sunday")]),
                    Story("w-2", "Wire", "Market hit", MON, [
                        Fig("Twelve people were wounded when a market in Gaza was shelled on Sunday.", "wounded", 12,
                            place=region, day=SUN, date_text="Sunday")]),
                    Story("w-3", "Agency", "House strike kills three", MON, [
                        Fig("An air strike on a house in Gaza on Sunday killed three people, including Amal Nasser, 9.",
                            "killed", 3, place=region, day=SUN, date_text="Sunday")],
                        extra="Amal Nasser, 9, was buried on Monday."))
    # the strike and the shelling are two events; one region and one day are not evidence they are one
    assert incident_of(db, a) != incident_of(db, b)
    # the incidents keep the region as their place
    assert {r[0] for r in q(db, "SELECT location FROM incidents")} == {"Gaza Strip"}
    assert q(db, "SELECT admin1 FROM incidents LIMIT 1") == [("Gaza Strip",)]
    assert incident_of(db, c) not in (None, incident_of(db, b))


def test_report_without_a_place_joins_only_on_evidence(db):
    a, b = write(db, carter_by_tribune(), carter_by_sun())
    (c, d) = write(db,
                   Story("radio-1", "Radio", "Family mourns", MON, [
                       Fig("Relatives said John Carter, 24, was killed on his way home on Saturday.", "killed", 1,
                           place=None, day=SAT, date_text="Saturday")]),
                   Story("radio-2", "Radio", "Another death", MON, [
                       Fig("A woman was killed on Saturday, police said.", "killed", 1, place=None, day=SAT,
                           date_text="Saturday")]))
    assert incident_of(db, c) == incident_of(db, a)
    assert incident_of(db, d) not in (None, incident_of(db, a))


def test_reports_without_a_place_join_on_a_shared_street_within_the_follow_up_window(db):
    a, b, c = write(db,
                    Story("blog-1", "Blog", "Girl hurt", MON, [
                        Fig("A girl, 3, was wounded on Saturday in the 3800 block of Chestnut Avenue.", "wounded", 1,
                            place=None, day=SAT, date_text="Saturday")]),
                    Story("paper-1", "Paper", "Charges filed", date(2016, 5, 16), [
                        Fig("Charges were filed over the shooting on Chestnut Avenue that wounded a girl on Saturday.",
                            "wounded", 1, place=None, day=SAT, date_text="Saturday")]),
                    Story("paper-2", "Paper", "Man hurt", MON, [
                        Fig("A man was wounded on Saturday on Walnut Avenue.", "wounded", 1, place=None, day=SAT,
                            date_text="Saturday")]))
    assert incident_of(db, b) == incident_of(db, a)  # one street: weak evidence, enough without a place
    assert incident_of(db, c) != incident_of(db, a)


def test_ids_are_stable_across_reruns_and_rebuilds(db):
    a, b = write(db, carter_by_tribune(), carter_by_sun())
    before = q(db, "SELECT * FROM incidents")
    with session(db) as con:
        stats = incidents.reconcile_in_transaction(con)
        assert stats.new_rows == 0 and stats.incidents_written == 0
        incidents.reconcile_in_transaction(con, full=True)
    assert q(db, "SELECT * FROM incidents") == before
    # loaded in the other order, the incident is the same; its id is its first report's (the Sun's here),
    # and a rebuild keeps it (a rebuild of a fresh copy would found it on the earliest report)
    other = db.with_name("other.duckdb")
    write(other, carter_by_sun())
    (first_id,) = q(other, "SELECT incident_id FROM incidents")[0]
    write(other, carter_by_tribune())
    assert q(other, "SELECT incident_id, killed, articles FROM incidents") == [(first_id, 1, 2)]
    with session(other) as con:
        incidents.rebuild(con)
    assert q(other, "SELECT incident_id, killed, articles FROM incidents") == [(first_id, 1, 2)]


def test_a_changed_article_moves_its_figures(db):
    a, b = write(db, carter_by_tribune(), carter_by_sun())
    old = incident_of(db, a)
    changed = carter_by_tribune()
    changed.figures = [Fig("Two men were shot dead in Detroit on Saturday night, police said.", "killed", 2,
                           place=("Detroit", DETROIT.latitude, DETROIT.longitude), day=SAT, date_text="Saturday night")]
    write(db, changed)
    assert incident_of(db, b) == old  # what is left keeps the id...
    assert q(db, "SELECT articles, reports, killed FROM incidents WHERE incident_id = ?", [old]) == [(1, 1, 1)]
    moved = incident_of(db, a)
    assert moved not in (None, old)
    assert q(db, "SELECT killed, location, admin1 FROM incidents WHERE incident_id = ?", [moved]) == [(2, "Detroit", "Michigan")]
    # every casualty row that reports an incident points at one that exists, and counts add up
    assert q(db, "SELECT count(*) FROM events e LEFT JOIN incidents i USING (incident_id) "
                 "WHERE e.incident_id IS NOT NULL AND i.incident_id IS NULL") == [(0,)]
    assert q(db, "SELECT sum(reports) FROM incidents") == q(db, "SELECT count(*) FROM events WHERE incident_id IS NOT NULL")


def test_an_article_that_loses_its_figures_leaves_no_empty_incident(db):
    (a,) = write(db, carter_by_tribune())
    gone = carter_by_tribune()
    gone.figures = [Fig("Police are investigating an incident on Elm Street in Chicago.", "arrested", 0)]
    gone.figures[0].count = None  # not a figure at all
    articles, results = _records(gone)
    results.events.clear()
    with session(db) as con:
        writer.write_batch(con, [articles], [results], {}, "test", "run-2")  # reconciles: the incident goes
    assert q(db, "SELECT count(*) FROM incidents") == [(0,)] and q(db, "SELECT count(*) FROM incident_figures") == [(0,)]


def test_reconciliation_is_all_or_nothing_with_its_batch(db, monkeypatch):
    """A kill after the incidents are reconciled but before the batch commits leaves neither rows nor incidents."""
    articles, results = zip(*(_records(s) for s in (carter_by_tribune(), carter_by_sun())))
    real = incidents.reconcile

    def reconcile_then_die(con, article_ids):
        real(con, article_ids)
        assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
        raise KeyboardInterrupt  # as a Ctrl-C between reconciling and committing would

    monkeypatch.setattr(incidents, "reconcile", reconcile_then_die)
    with session(db) as con, pytest.raises(KeyboardInterrupt):
        writer.write_batch(con, list(articles), list(results), {}, "test", "run-1")
    assert q(db, "SELECT count(*) FROM incidents") == [(0,)] and q(db, "SELECT count(*) FROM articles") == [(0,)]


def _row(event_id: str, sentence: str, kind: str = "killed", count: int = 1, **kw) -> Row:
    return Row(event_id, "a1", kind, count, low=count, high=count, sentence=sentence, char_start=int(event_id[1:]) * 100,
               published=SUN, **kw)


def test_an_age_is_not_a_date_and_a_separate_shooting_is_another_report():
    age = _row("e1", "Erbie Cole, 44, killed two.", event_date=date(1944, 5, 8), date_text="44")
    assert trusted_day(age) is None
    future = _row("e2", "He was killed.", event_date=date(2016, 5, 25), date_text="May 25")
    assert trusted_day(future) is None  # after publication: a misread
    lead = _row("e3", "A man was killed in Chicago on Saturday.", latitude=41.85, longitude=-87.65,
                event_date=SAT, date_text="Saturday")
    far = _row("e4", "Two were killed in Detroit.", count=2, latitude=42.33, longitude=-83.05)
    other = _row("e5", "In a separate shooting, a woman was wounded.", kind="wounded")
    reports = article_reports([far, other, lead])
    assert [[r.event_id for r in rep.rows] for rep in reports] == [["e3"], ["e4"], ["e5"]]
    assert reports[0].day == SAT and reports[0].figures["killed"].best == 1


def test_a_report_is_dated_by_its_own_sentence_before_the_lead_or_the_publication():
    # text order: the publication date, then the lead's date (a later development), then the sentence's own day
    published = _row("e1", "A man was shot dead, police said.", event_date=SUN, date_source="published")
    lead = _row("e2", "Police gave an update on Monday.", event_date=MON, date_text="Monday", date_source="lead")
    own = _row("e3", "He was killed on Saturday night.", event_date=SAT, date_text="Saturday night", date_source="sentence")
    [report] = article_reports([published, lead, own])
    assert report.day == SAT
    assert article_reports([published, lead])[0].day == MON
    assert article_reports([published])[0].day == SUN


def test_two_reports_dated_only_by_publication_days_apart_join_in_one_town_with_one_toll():
    """"4 found shot dead in Greenacres" on Saturday and "... kills daughter, grandchildren, self" on Monday: no words
    name either's day, so their publication dates stand in and may lie a few days apart."""
    from eventwire.load.incident_rules import Incident, decide

    def report(article: str, published: date, count: int = 4, town=CHICAGO):
        row = Row(f"{article}-e1", article, "killed", count, low=count, high=count, sentence="Four people were found dead.",
                  published=published, event_date=published, date_source="published", location=town.canonical,
                  latitude=town.latitude, longitude=town.longitude, place_named=True)
        [rep] = article_reports([row])
        rep.evidence = Evidence(frozenset(), frozenset(), frozenset(), frozenset())
        return rep

    def joins(later, first=report("a1", SAT)):
        incident = Incident("i1")
        incident.add(first, first.evidence)
        return decide(later, incident, lambda r: r.evidence) is not None

    assert joins(report("a2", TUE))  # three days later, one town, 4 dead each
    assert not joins(report("a2", TUE, count=2))  # another toll
    assert not joins(report("a2", SAT + timedelta(days=5)))  # beyond the publication lag
    assert not joins(report("a2", TUE, town=gazetteer.lookup("Detroit")))  # another town, nothing in common
    named = report("a2", TUE, town=gazetteer.lookup("Detroit"))
    named.evidence = Evidence(frozenset({"chet hockman"}), frozenset(), frozenset(), frozenset())
    first = report("a1", SAT)
    first.evidence = Evidence(frozenset({"chet hockman"}), frozenset(), frozenset(), frozenset())
    assert joins(named, first)  # a namesake town one report was geocoded to, and the victim's name in both (rule b)


def test_a_charge_naming_a_victim_joins_its_killing_in_one_town_within_weeks():
    """"Baby, 20-year-old man killed in south Minneapolis shooting", and four days later "Teen charged with murder in
    shooting deaths of baby, man", whose figure names one of the two dead: one name in common (weak evidence) and
    figures that differ kept them apart; a charge naming a victim the other report names is the same killing."""
    from eventwire.load.incident_rules import Incident, decide

    town = gazetteer.lookup("Minneapolis")

    def report(article: str, published: date, count: int, sentence: str, title: str, names: set[str],
               victims: frozenset[str] = frozenset()):
        row = Row(f"{article}-e1", article, "killed", count, low=count, high=count, sentence=sentence, published=published,
                  event_date=published, date_source="published", location=town.canonical, latitude=town.latitude,
                  longitude=town.longitude, place_named=True, title=title)
        [rep] = article_reports([row])
        rep.evidence = Evidence(frozenset(names), victims, frozenset(), frozenset())
        return rep

    def joins(later, first):
        incident = Incident("i1")
        incident.add(first, first.evidence)
        return decide(later, incident, lambda r: r.evidence) is not None

    first = report("a1", SUN, 2, "A baby and a 20-year-old man were killed.", "Baby, man killed in Minneapolis shooting",
                   {"gustav christianson", "julia johnson"})
    charged = report("a2", SUN + timedelta(days=4), 1, "A teen was charged in the death of Gustav Christianson, 20.",
                     "Teen charged with murder in shooting deaths of baby, man", {"gustav christianson", "todd wilson"},
                     frozenset({"gustav christianson"}))
    assert joins(charged, first)
    other = report("a3", SUN + timedelta(days=4), 1, "Gustav Christianson, 20, was killed on Lake Street.",
                   "Man killed on Lake Street", {"gustav christianson", "todd wilson"}, frozenset({"gustav christianson"}))
    assert not joins(other, first)  # no charge, no arrest: one name in common and figures that differ
    trial = report("a4", SUN + timedelta(days=200), 1, "Gustav Christianson, 20, was killed in October.",
                   "Trial begins for teen charged in double killing", {"gustav christianson", "todd wilson"},
                   frozenset({"gustav christianson"}))
    assert joins(trial, first)  # a trial months later, in the same town


def _memphis_story(source_id: str, title: str, published: date, sentence: str, killed: int, wounded: int | None,
                   day: date, date_text: str) -> Story:
    memphis = gazetteer.lookup("Memphis")
    place = ("Memphis", memphis.latitude, memphis.longitude)
    figures = [Fig(sentence, "killed", killed, place=place, day=day, date_text=date_text)]
    if wounded is not None:
        figures.append(Fig(sentence, "wounded", wounded, place=place, day=day, date_text=date_text))
    return Story(source_id, "Memphis Daily", title, published, figures)


def test_an_arrest_months_later_with_the_same_toll_and_a_street_joins_its_shooting(db):
    """Two dead and two hurt on a street in October; in March an arrest "in the shooting that killed two and wounded
    two on" that street: months apart only strong evidence joins, and a street alone is weak. A court story of the
    same toll in the same town with a street, a name or a headline word in common is the same killing (rule c), found
    by an incremental batch (the database's candidates) and by a rebuild (the index) alike. Not another double killing's
    arrest with only "double murder" in common, nor one of another toll, nor a later shooting on the street (a case
    follows its killing)."""
    first = _memphis_story("m1", "Two dead, two wounded in Orchard Park shooting", date(2014, 10, 5),
                           "Two men were killed and two others wounded in a shooting on Kimbrough Street on Saturday.",
                           2, 2, date(2014, 10, 4), "Saturday")
    arrest = _memphis_story("m2", "Suspect arrested in October shooting", date(2015, 3, 28),
                            "Police arrested a man Friday in the shooting that killed two and wounded two on Kimbrough "
                            "Street in October.", 2, 2, date(2015, 3, 27), "Friday")
    other = _memphis_story("m3", "Man charged in double murder", date(2015, 4, 20),
                           "A man was charged Sunday in a double murder on Lamar Avenue.", 2, None,
                           date(2015, 4, 19), "Sunday")
    again = _memphis_story("m4", "Arrest in double murder", date(2015, 7, 22),
                           "Police arrested a man Tuesday in a double murder.", 2, None,
                           date(2015, 7, 21), "Tuesday")
    three = _memphis_story("m5", "Suspect arrested in Kimbrough Street shooting", date(2015, 6, 2),
                           "Police arrested a man Monday in the shooting that killed three on Kimbrough Street.", 3,
                           None,
                           date(2015, 6, 1), "Monday")
    plain = _memphis_story("m6", "Two killed on Kimbrough Street", date(2015, 7, 2),
                           "Two men were killed and two others wounded on Kimbrough Street on Wednesday.", 2, 2,
                           date(2015, 7, 1), "Wednesday")
    [a1] = write(db, first)
    a2, a3, a4, a5, a6 = write(db, arrest, other, again, three, plain)
    for label in ("batch by batch", "rebuilt"):
        shooting = incident_of(db, a1)
        assert incident_of(db, a2) == shooting, label
        found = [incident_of(db, a) for a in (a1, a2, a3, a4, a5, a6)]
        assert len(set(found)) == 5 and None not in found, (label, found)
        assert q(db, "SELECT killed, wounded, articles FROM incidents WHERE incident_id = ?", [shooting]) == [(2, 2, 2)]
        with session(db) as con:
            incidents.rebuild(con)


def test_one_victim_over_the_weekend_is_an_incident_and_a_weekends_tally_is_not():
    one = _row("e1", "A man charged in the shooting death of a 14-year-old boy over the weekend was released.")
    assert reports_incident(one)
    many = _row("e2", "Ten people were killed over the weekend, police said.", count=10)
    assert not reports_incident(many)
    bloody = _row("e3", "One man was killed during a violent weekend in the city.")
    assert not reports_incident(bloody)
    one_shooting = _row("e4", "Drugs may have been at the center of a Liberty City shooting over the weekend which left "
                              "two women dead.", count=2)
    assert reports_incident(one_shooting)  # "a shooting over the weekend": one incident the weekend dates


def test_a_gunman_killed_after_the_lede_is_one_more_of_the_reports_dead():
    lede = _row("e1", "Police: 3 members of family fatally shot.", count=3, victims="members")
    again = _row("e2", "Three of four members of a family were shot and killed.", count=3, subset_of="e1")
    gunman = _row("e3", "The suspect died after being shot by police.", victims="suspect")
    assert report_figures([lede, again, gunman])["killed"].best == 4
    told = _row("e1", "Four dead, including the suspect, in a family shooting.", count=4)
    assert report_figures([told, gunman])["killed"].best == 4  # the lede counted him already
    third = _row("e3", "The third suspect was pronounced dead at the scene.", victims="third suspect")
    assert report_figures([lede, third])["killed"].best == 3  # one of several suspects: not "the gunman" told apart


def test_a_period_of_other_incidents_in_the_sentence_makes_no_aggregate():
    block = _row("e1", "A 16-year-old boy was fatally shot Saturday evening on a block where three other homicides "
                       "have taken place in the past 18 months.")
    assert reports_incident(block)
    tally = _row("e2", "Three people have been killed in the past 18 months on the block.", count=3)
    assert not reports_incident(tally)


def test_a_namesake_town_far_away_gives_way_to_the_town_the_articles_name():
    austin = gazetteer.lookup("Austin")  # Texas: where "Austin", a Chicago neighbourhood, is geocoded
    report_town = _row("e1", "A man was shot in Austin.", location="Austin", latitude=austin.latitude,
                       longitude=austin.longitude)
    chicago = [_row(f"m{i}", "", location="Chicago", latitude=CHICAGO.latitude, longitude=CHICAGO.longitude)
               for i in range(3)]
    assert supported_place(report_town, chicago + [report_town]).location == "Chicago"
    assert supported_place(report_town, chicago[:1] + [report_town]).location == "Austin"  # one mention: no case
    assert supported_place(None, chicago[:2]).location == "Chicago"
    assert supported_place(report_town, []) is report_town


def test_misspelt_names_other_street_types_and_headline_words_are_evidence():
    from eventwire.load.incident_rules import NONE, STRONG, WEAK, evidence_strength
    from eventwire.load.incident_evidence import Evidence, title_words

    first = Evidence(names={"izaak bridges", "tanishia graham"}, victims={"tanishia graham"}, streets={"gumberry drive"})
    later = Evidence(names={"isaak bridges", "tanisha graham"}, victims={"tanisha graham"}, streets={"gumberry road"})
    assert evidence_strength(first, later) == (STRONG, False)  # the victim, spelt a letter differently
    assert evidence_strength(Evidence(streets={"gumberry drive"}), Evidence(streets={"gumberry road"}))[0] == WEAK
    assert evidence_strength(Evidence(streets={"gumberry drive"}), Evidence(streets={"elm road"}))[0] == NONE
    # different people: a letter apart in both words is no longer one name; victims who differ keep reports apart
    assert evidence_strength(Evidence(names={"john carter"}, victims={"john carter"}),
                             Evidence(names={"joan cartel"}, victims={"joan cartel"})) == (NONE, True)
    party = title_words("5 teens injured in shooting at Bridgeport Sweet 16 party")
    assert {"sweet", "party"} <= party and "shooting" not in party and "injured" not in party
    assert evidence_strength(Evidence(words=party), Evidence(words=title_words("Two arrested in Sweet 16 party shooting")))[0] == WEAK
    assert evidence_strength(Evidence(words=party), Evidence(words=title_words("Man shot dead at a party")))[0] == NONE


def test_an_incident_no_report_places_takes_the_town_its_headline_names(db):
    [a] = write(db, Story("blog-9", "Blog", "Detroit shooting leaves one man dead", MON, [
        Fig("A man was shot dead outside a store on Sunday night, police said.", "killed", 1, place=None, day=SUN,
            date_text="Sunday night")]))
    [(location, lat)] = q(db, "SELECT location, latitude FROM incidents")
    assert location == "Detroit" and abs(lat - DETROIT.latitude) < 0.01
    assert incidents.headline_town("Man shot dead in his home", None) is None


def test_a_report_without_a_town_is_placed_by_its_headline_and_joins_there(db):
    detroit = ("Detroit", DETROIT.latitude, DETROIT.longitude)
    a, b = write(db,
                 Story("det-1", "Free Press", "Man killed on the east side", MON, [
                     Fig("A man was shot dead in Detroit on Sunday night, police said.", "killed", 1, place=detroit,
                         day=SUN, date_text="Sunday night")]),
                 Story("det-2", "Radio", "Detroit shooting leaves one dead", MON, [
                     Fig("One man died after gunfire on Sunday night.", "killed", 1, place=None, day=SUN,
                         date_text="Sunday night")]))
    assert incident_of(db, a) == incident_of(db, b)


def test_periods_animals_and_running_tolls_are_not_incidents():
    assert not reports_incident(_row("e1", "Hunters killed 90,280 deer this season.", count=90280, victims="deer"))
    assert not reports_incident(_row("e2", "Six people were shot in three separate shootings overnight.", count=6))
    assert not reports_incident(_row("e3", "The war has killed 13,000.", count=13000, is_cumulative=True))
    assert reports_incident(_row("e4", "A man was killed on Main Street on Sunday.", count=1))
    # a period from a date of two digits ("since June 2" was read, "since June 21" was not)
    assert not reports_incident(_row("e5", "Nearly 50 were shot since June 21 and 19 killed.", count=19))
    assert not reports_incident(_row("e6", "As of Jan. 15, 30 people had been killed in the city.", count=30))


def test_evidence_reads_named_victims_streets_not_headline_words():
    ev = evidence_of("Man Arrested After Shooting On Elm Street",
                     "A man was arrested after a shooting. John Carter, 24, died in the 400 block of East 71st Street. "
                     "Police spokesman Tom Reed said officers from Las Vegas helped.", ["John Carter, 24, died."])
    assert ev.victims == {"john carter"}
    assert "tom reed" not in ev.names and "las vegas" not in ev.names and "man arrested" not in ev.names
    assert "east 71st street" in ev.streets


# ---- admin1 --------------------------------------------------------------------------------------------------------

def test_gazetteer_gives_admin1_for_towns_aliases_and_points():
    assert gazetteer.lookup("Chicago").admin1 == "Illinois"
    assert gazetteer.lookup("Kiev").admin1 == gazetteer.lookup("Kyiv").admin1 == "Kyiv City"
    assert gazetteer.lookup("Donetsk People's Republic").admin1 == "Donetsk"
    assert gazetteer.lookup("Ukraine").admin1 is None
    assert gazetteer.admin1_at(*ENGLEWOOD, "US") == "Illinois"
    assert gazetteer.admin1_at(0.0, -30.0) is None  # mid-Atlantic


# ---- the scorer ------------------------------------------------------------------------------------------------------

def test_scorer_bcubed_and_figures_on_a_toy_case():
    gold = [
        {"incident": "g1", "date": "2016-05-07", "latitude": 41.85, "longitude": -87.65, "killed": 1, "injured": 0,
         "articles": ["s1", "s2"]},
        {"incident": "g2", "date": "2016-05-08", "latitude": 42.33, "longitude": -83.05, "killed": 2, "injured": 1,
         "articles": ["s3"]},
    ]
    preds = scoring.Predictions(
        article_ids={"s1": "a1", "s2": "a2", "s3": "a3"},
        rows=[{"article_id": "a1", "incident_id": "i1", "char_start": 0, "casualty_kind": "killed", "casualty_count": 1},
              {"article_id": "a2", "incident_id": "i1", "char_start": 0, "casualty_kind": "killed", "casualty_count": 1},
              {"article_id": "a3", "incident_id": "i1", "char_start": 0, "casualty_kind": "killed", "casualty_count": 2}],
        incidents={"i1": {"incident_date": date(2016, 5, 8), "latitude": 41.9, "longitude": -87.6, "killed": 1, "wounded": None}},
    )
    s = scoring.score_incidents(gold, preds)
    # everything in one predicted group: precision (2/3 + 2/3 + 1/3) / 3, recall 1
    assert s["bcubed_precision"] == pytest.approx(5 / 9) and s["bcubed_recall"] == 1.0
    assert s["killed_accuracy"] == 0.5 and s["injured_accuracy"] == 0.5 and s["date_within_day"] == 1.0
    assert s["place_within_40km"] == 0.5
    assert s["killed_ratio_incidents"] == pytest.approx(1 / 3) and s["killed_ratio_mentions"] == pytest.approx(4 / 3)


# ---- the shared GVA set --------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_gva_sample_through_the_flow(prefect_harness, tmp_path):
    """60 GVA articles through the real flow, then reconciled: reports of different incidents are rarely merged,
    and counting incidents is far closer to the truth than summing mentions."""
    import json

    from eventwire.flows.run import run

    from eventwire.options import RunOptions

    gold_path = shared_path("gold", "gva_incidents_dev.jsonl")
    corpus = shared_path("corpus", "gva", "articles.jsonl")
    gold = [g for g in scoring.load_gold(gold_path) if len(g["articles"]) >= 2][:25]
    wanted = {sid for g in gold for sid in g["articles"]}
    sample = tmp_path / "gva.jsonl"
    with corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        for line in src:
            if json.loads(line)["id"] in wanted:
                dst.write(line)
    db = tmp_path / "gva.duckdb"
    run([str(sample)], RunOptions(db_path=str(db), workers=1, batch_size=16))
    grouping = "SELECT list(DISTINCT article_id ORDER BY article_id) FROM events WHERE incident_id IS NOT NULL GROUP BY incident_id"
    with session(db) as con:
        incidents.reconcile_in_transaction(con)
        s = scoring.score_incidents(gold, scoring.predictions_from_db(con))
        settled = sorted(r[0] for r in con.execute(grouping).fetchall())
        incidents.rebuild(con)  # the run's batches, settled, group as one reconciliation of everything does
        assert sorted(r[0] for r in con.execute(grouping).fetchall()) == settled
    assert s["bcubed_precision"] >= 0.9
    assert s["bcubed_recall"] > 0.5
    assert s["killed_over_incidents"] <= s["killed_summing_mentions"]


# ---- recall: one incident's reports that outlets word differently (issue 12) ----------------------------------------

def test_everyone_shot_read_as_wounded_agrees_with_killed_and_wounded(db):
    # "seven people were shot" is read as 7 wounded; the next report splits them into 1 killed and 6 wounded
    a, b, c = write(db,
                    Story("trib-20", "Tribune", "Seven shot on the West Side", SUN, [
                        Fig("Seven people were shot in Chicago on Saturday night, officials said.", "wounded", 7,
                            day=SAT, date_text="Saturday night")]),
                    Story("sun-20", "Sun-Times", "One killed, six wounded at a party", SUN, [
                        Fig("One man was killed and six others were wounded at a party in Chicago on Saturday night.",
                            "killed", 1, day=SAT, date_text="Saturday night"),
                        Fig("One man was killed and six others were wounded at a party in Chicago on Saturday night.",
                            "wounded", 6, day=SAT, date_text="Saturday night")]),
                    Story("trib-21", "Tribune", "Two killed, three wounded", SUN, [
                        Fig("Two men were killed and three wounded in a shooting in Chicago on Saturday night.",
                            "killed", 2, day=SAT, date_text="Saturday night"),
                        Fig("Two men were killed and three wounded in a shooting in Chicago on Saturday night.",
                            "wounded", 3, day=SAT, date_text="Saturday night")]))
    assert incident_of(db, a) == incident_of(db, b) is not None
    assert incident_of(db, c) != incident_of(db, a)  # 2 + 3 is not the 7 shot: another shooting that night


def test_a_block_and_a_street_without_its_direction_are_one_street():
    from eventwire.load.incident_evidence import streets_in
    from eventwire.load.incident_rules import NONE, WEAK, evidence_strength

    found = streets_in("He was shot in the 1900 block of Payson. Police closed the 400 block of West 73rd Street "
                       "and the 200 block of North Main.")
    assert found == {"payson", "west 73rd street", "north main"}
    assert streets_in("Shots were fired in the 100 block of West 63rd.") == {"west 63rd"}  # not "west" alone
    assert evidence_strength(Evidence(streets=frozenset({"payson"})),
                             Evidence(streets=frozenset({"north payson street"})))[0] == WEAK
    assert evidence_strength(Evidence(streets=frozenset({"south 32nd street"})),
                             Evidence(streets=frozenset({"32nd street"})))[0] == WEAK
    # one outlet leaves the direction out; two directions are two streets
    assert evidence_strength(Evidence(streets=frozenset({"east 63rd street"})),
                             Evidence(streets=frozenset({"west 63rd street"})))[0] == NONE


def test_a_part_of_a_state_is_no_person():
    ev = evidence_of("Teen shot", "Anna Lopez of News 13 Central Florida reported that Mark Ruiz, 19, was shot.", [])
    assert "central florida" not in ev.names and ev.victims == {"mark ruiz"}


ITASCA = "A 17-year-old was killed in an accidental shooting in Itasca County on Sunday."


def test_a_county_both_name_is_evidence_only_on_near_days_and_not_in_one_town(db):
    dallas = gazetteer.lookup("Dallas")  # a namesake far away: the gazetteer's reading of a victim's first name
    grand_rapids = ("Grand Rapids", 47.2372, -93.5302)
    a, b, c, d = write(db,
                       Story("mn-1", "Radio", "Teen killed in Itasca County", MON, [
                           Fig(ITASCA, "killed", 1, place=grand_rapids, day=SUN, date_text="Sunday")]),
                       Story("mn-2", "Paper", "Friend held after accidental shooting", TUE, [
                           Fig("The Itasca County Attorney reviews the death of Dallas Graham, shot on Sunday.", "killed",
                               1, place=("Dallas", dallas.latitude, dallas.longitude), day=SUN, date_text="Sunday")]),
                       Story("mn-3", "Paper", "Hunter wounded", date(2016, 6, 20), [
                           Fig("A hunter was killed in Itasca County on Saturday.", "killed", 1, place=None,
                               day=date(2016, 6, 18), date_text="Saturday")]),
                       Story("mn-4", "Radio", "Two men shot dead in Grand Rapids", MON, [
                           Fig("Two men were killed in a shooting in Itasca County on Sunday.", "killed", 2,
                               place=grand_rapids, day=SUN, date_text="Sunday")]))
    assert incident_of(db, a) == incident_of(db, b) is not None  # same day, same county, a namesake town
    assert incident_of(db, c) != incident_of(db, a)  # six weeks later: the county is no evidence
    # in one town the county says nothing the town does not: figures that differ keep two shootings apart
    assert incident_of(db, d) != incident_of(db, a)


def test_one_headline_word_in_one_town_on_one_day_outweighs_figures_that_differ(db):
    # the same shooting: one outlet counts four hurt, the other three in hospital; "bowling" says it is one
    a, b, c, d = write(db,
                       Story("wmc-1", "Channel 5", "Four injured in shooting at bowling alley - WXYZ Action News 5", SUN, [
                           Fig("Four people were injured in a shooting in Chicago on Saturday night.", "wounded", 4,
                               day=SAT, date_text="Saturday night")]),
                       Story("cr-1", "Courier", "Gunfire at busy bowling center", SUN, [
                           Fig("Three people were hurt by gunfire in Chicago on Saturday night.", "wounded", 3,
                               day=SAT, date_text="Saturday night")]),
                       # a word only the outlet's name gives ("Action") is no evidence
                       Story("wmc-2", "Channel 5", "Man shot in parked car - WXYZ Action News 5", SUN, [
                           Fig("A man was wounded in a parked car in Chicago on Saturday night.", "wounded", 1,
                               day=SAT, date_text="Saturday night")]),
                       Story("cr-2", "Courier", "Bowling league mourns", date(2016, 5, 20), [
                           Fig("Two men were wounded in Chicago on Tuesday.", "wounded", 2,
                               day=date(2016, 5, 17), date_text="Tuesday")]))
    assert incident_of(db, a) == incident_of(db, b) is not None
    assert incident_of(db, c) not in (incident_of(db, a), None)
    assert incident_of(db, d) not in (incident_of(db, a), None)  # days later: one word is no evidence


def test_a_site_s_name_in_a_headline_and_player_boilerplate_are_no_evidence():
    from eventwire.load.incident_evidence import headline_proper, title_words

    assert headline_proper("Bowling alley shooting - WXYZ Action News 5 - Memphis, Tennessee") == "Bowling alley shooting"
    assert "action" not in title_words("Four hurt at bowling alley - WXYZ Action News 5")
    assert title_words("UPDATE - Man shot inside Bristol church") == {"inside", "church"}
    assert evidence_of("Shots fired", "Download Now Adobe Player. A man, Rob Hale, 30, was shot.", []).names == {"rob hale"}


def test_a_headline_word_outweighs_differing_figures_in_one_town_and_is_no_evidence_elsewhere():
    from eventwire.load.incident_rules import Incident, decide

    def report(aid: str, count: int, town: tuple[str, float, float]):
        row = Row(f"{aid}-1", aid, "wounded", count, count, count, location=town[0], latitude=town[1],
                  longitude=town[2], event_date=SAT, date_text="Saturday", sentence=f"{count} hurt on Saturday.",
                  published=SUN, date_source="sentence")
        return article_reports([row])[0]

    chicago = ("Chicago", CHICAGO.latitude, CHICAGO.longitude)
    detroit = ("Detroit", DETROIT.latitude, DETROIT.longitude)
    bowling = Evidence(words=frozenset({"bowling"}))
    first = Incident("i1", [report("a1", 4, chicago)])
    assert decide(report("a2", 3, chicago), first, lambda r: bowling) is not None  # one town, one day, one word
    assert decide(report("a3", 3, chicago), first, lambda r: Evidence()) is None  # figures differ, no word
    # in another town the word is no evidence (rule b would join on weak evidence), and it ranks nothing higher
    assert decide(report("a4", 4, detroit), first, lambda r: bowling) is None
    joined = decide(report("a5", 4, chicago), first, lambda r: bowling)
    assert joined is not None and joined[0] == 0  # (-strength: none)


def test_the_same_mass_toll_near_a_town_joins_weeks_later_with_a_headline_word_besides():
    from eventwire.load.incident_rules import Incident, decide

    kissimmee = gazetteer.lookup("Kissimmee")
    orlando = gazetteer.lookup("Orlando")

    def report(aid: str, count: int, town, day: date, named: bool):
        row = Row(f"{aid}-1", aid, "killed", count, count, count, location=town.canonical, latitude=town.latitude,
                  longitude=town.longitude, event_date=day, date_text="Sunday", sentence=f"{count} were killed.",
                  published=day, date_source="sentence", place_named=named)
        return article_reports([row])[0]

    club = date(2016, 6, 12)
    first = Incident("i1", [report("a1", 41, orlando, club, True)])
    lounge = Evidence(words=frozenset({"lounge"}))
    # a survivor's story from the next town a week on, the same toll and the club's name in both headlines
    assert decide(report("a2", 41, kissimmee, club + timedelta(days=7), False), first, lambda r: lounge) is not None
    # without a word or a name in common, weeks apart: another attack that killed as many
    assert decide(report("a3", 41, kissimmee, club + timedelta(days=7), False), first, lambda r: Evidence()) is None


def test_the_wounded_are_the_figure_most_reports_give_not_the_latest():
    from eventwire.load.incident_rules import Incident, summarise

    def report(aid: str, published: date, killed: int, wounded: int, vague: bool = False):
        rows = [Row(f"{aid}-{kind}", aid, kind, n, n, n, sentence=f"{killed} killed and {wounded} hurt on Saturday.",
                    char_start=i, published=published, event_date=SAT, date_text="Saturday", date_source="sentence",
                    qualifier="vague" if vague and kind == "wounded" else None)
                for i, (kind, n) in enumerate((("killed", killed), ("wounded", wounded)))]
        return article_reports(rows)[0]

    incident = Incident("i1", [report("a1", SUN, 1, 4), report("a2", SUN, 1, 4), report("a3", MON, 2, 3),
                               report("a4", TUE, 2, 9, vague=True)])
    summary = summarise(incident)
    assert summary.figures["killed"][:3] == (2, 1, 2)  # the death toll is the latest report's
    assert summary.figures["wounded"][0] == 4  # two outlets say four; one says three, "several" is no count
    # a tie goes to the latest
    assert summarise(Incident("i2", [report("b1", SUN, 1, 4), report("b2", MON, 1, 3)])).figures["wounded"][0] == 3


def test_a_figure_dated_years_before_the_article_s_own_incident_is_recalled():
    """A follow-up with no incident of this week still recalls an older one: "the March 3, 2009, shooting that
    killed 12" in a 2015 article about the April 2, 2014 shooting reports no incident."""
    published = date(2015, 1, 25)

    def row(eid: str, sentence: str, count: int, day: date, text: str, kind: str = "killed") -> Row:
        return Row(eid, "a1", kind, count, count, count, sentence=sentence, char_start=int(eid[1:]) * 100,
                   published=published, event_date=day, date_text=text, date_source="sentence")

    april = "On April 2, a soldier opened fire on his comrades, killing three and wounding 14."
    older = "He bought his pistol at the shop used in the March 3, 2009, shooting that killed 12 people."
    rows = [row("e1", april, 3, date(2014, 4, 2), "April 2"), row("e2", april, 14, date(2014, 4, 2), "April 2", "wounded"),
            row("e3", older, 12, date(2009, 3, 3), "the March 3, 2009")]
    (report,) = article_reports(rows)
    assert {r.event_id for r in report.rows} == {"e1", "e2"}
    # an article only about the old shooting (a trial) reports it as before
    (trial,) = article_reports([row("e3", older, 12, date(2009, 3, 3), "the March 3, 2009")])
    assert trial.figures["killed"].best == 12


def test_a_run_settles_its_batches_into_the_incidents_one_reconciliation_of_them_all_gives(db):
    """Batches file their figures as they come; a later report that names both victims makes two earlier ones one
    incident only if it is read with them. `settle` (the flow's last step) files the run's articles once more,
    together, in the canonical order: what a full rebuild gives, whatever order they came in."""
    carter = Story("trib-30", "Tribune", "Man shot dead on Elm Street", MON, [
        Fig("John Carter, 24, was shot dead on Elm Street in Chicago on Saturday night.", "killed", 1, day=SAT,
            date_text="Saturday night")])
    ortega = Story("sun-30", "Sun-Times", "Second man killed in Chicago", MON, [
        Fig("Luis Ortega, 30, was shot dead in Chicago on Saturday night, police said.", "killed", 1, day=SAT,
            date_text="Saturday night")])
    both = Story("wgn-30", "WGN", "Two men killed in Saturday shooting", SUN, [
        Fig("John Carter, 24, and Luis Ortega, 30, were shot dead in Chicago on Saturday night.", "killed", 2,
            day=SAT, date_text="Saturday night")])
    ids = [write(db, story)[0] for story in (carter, ortega, both)]  # three batches, in this order
    assert incident_of(db, ids[0]) != incident_of(db, ids[1])  # filed as they came: two incidents
    with session(db) as con:
        incidents.settle(con, ids)
    assert incident_of(db, ids[0]) == incident_of(db, ids[1]) == incident_of(db, ids[2]) is not None
    assert q(db, "SELECT count(*), max(articles) FROM incidents") == [(1, 3)]
    settled = q(db, "SELECT incident_id, killed, wounded, incident_date, location FROM incidents")
    with session(db) as con:
        incidents.rebuild(con)
    assert q(db, "SELECT incident_id, killed, wounded, incident_date, location FROM incidents") == settled


def test_an_incident_is_typed_by_the_act_that_hurt_people_not_an_arrest_told_beside_it(db):
    """What happened: acts that hurt someone before acts that hurt no one (an arrest, a peaceful march), the type
    most rows point to, a generic one ("Attack") counting a third of its rows against one that says more."""
    acts = {"arrest": ("Strategic developments", "Arrests"), "attack": ("Violence against civilians", "Attack"),
            "strike": ("Explosions/Remote violence", "Air/drone strike"), "march": ("Protests", "Peaceful protest")}
    pointing = {"i1": ["arrest", "attack", "attack", "attack"],  # a gunman's arrest beside the shooting: an attack
                "i2": ["strike", "strike", "attack", "attack", "attack", "attack", "attack"],  # the strike says more
                "i3": ["march"]}  # only a march: that is all the figures say
    with session(db) as con:
        con.execute("INSERT INTO events BY NAME SELECT * FROM (VALUES " + ", ".join(
            f"('{a}', 'art', 'action', '{c}', '{s}')" for a, (c, s) in acts.items())
            + ") t(event_id, article_id, event_type, category, subcategory)")
        n = 0
        for incident, kinds in pointing.items():
            con.execute("INSERT INTO incidents BY NAME SELECT ? AS incident_id", [incident])
            for kind in kinds:
                n += 1
                con.execute("INSERT INTO events BY NAME SELECT ? AS event_id, 'art' AS article_id, 'casualty' AS event_type, "
                            "? AS incident_id, ? AS action_id", [f"c{n}", incident, kind])
        incidents._write_types(con, list(pointing))
    assert q(db, "SELECT incident_id, subcategory FROM incidents ORDER BY 1") == [
        ("i1", "Attack"), ("i2", "Air/drone strike"), ("i3", "Peaceful protest")]


def test_a_vague_day_gives_way_to_a_day_a_date_names():
    """"last week" resolves to a week before publication, seldom the day: a report's day is the one its other rows
    name ("on Tuesday"), and an incident's is the day the reports that name one give, not a follow-up's "last month"."""
    from eventwire.load.incident_rules import Incident, summarise

    week_ago = SUN - timedelta(days=7)
    vague = _row("e1", "The father of a boy who shot his brother last week was charged.", event_date=week_ago,
                 date_text="last week", date_source="sentence")
    named = _row("e2", "The boy was shot on Tuesday.", event_date=TUE - timedelta(days=7), date_text="Tuesday",
                 date_source="sentence")
    [report] = article_reports([vague, named])
    assert report.day == named.event_date
    assert article_reports([vague])[0].day == week_ago  # alone, the vague day is still the best there is

    def report_of(aid: str, day: date, text: str, source: str):
        return article_reports([Row(f"{aid}-1", aid, "killed", 1, 1, 1, sentence="A woman died.", published=SUN,
                                    event_date=day, date_text=text, date_source=source)])[0]

    month_ago = SUN - timedelta(days=30)
    incident = Incident("i1", [report_of("a1", SAT, "Saturday", "sentence"), report_of("a2", month_ago, "last month", "lead")])
    assert summarise(incident).incident_date == SAT


def test_an_incident_no_words_date_takes_its_first_report_s_day():
    """Where no report's words name the day, the first report's "over the weekend" dates the incident, not a later
    report's publication (the day of a charge six weeks on); and the first report's publication beats a later
    report's "last week"."""
    from eventwire.load.incident_rules import Incident, summarise

    def report_of(aid: str, published: date, day: date, text: str | None, source: str):
        return article_reports([Row(f"{aid}-1", aid, "killed", 1, 1, 1, sentence="A boy died.", published=published,
                                    event_date=day, date_text=text, date_source=source)])[0]

    later = SUN + timedelta(days=44)
    weekend = report_of("a1", SUN, SUN, "over the weekend", "sentence")
    charge = report_of("a2", later, later, None, "published")
    assert summarise(Incident("i1", [charge, weekend])).incident_date == SUN
    first = report_of("a3", SUN, SUN, None, "published")
    week_on = SUN + timedelta(days=5)
    recalled = report_of("a4", week_on, week_on - timedelta(days=7), "last week", "lead")
    assert summarise(Incident("i2", [recalled, first])).incident_date == SUN


def _write_with_towns(db: Path, *stories: tuple[Story, list[str]], from_title: set[str] = frozenset()) -> list[str]:
    """Write stories whose articles mention these towns ("Smyrna|Georgia": the gazetteer's town of that state),
    each at the start of the body, as `find_places` would leave them. `from_title`: the source ids of stories
    whose figures the extractor read from their headline."""
    articles, results = [], []
    for story, towns in stories:
        article, result = _records(story)
        for e in result.events:
            e.country_code = "US" if e.latitude is not None else None  # (`_records` takes a name's best-known
            # town's: Smyrna is İzmir, Turkey; an unplaced row has no country, as `analyse_article` leaves it)
            e.from_title = story.source_id in from_title or None
        for written in towns:
            name, state = written.split("|")
            town = gazetteer.lookup_in(name, "US", state)
            result.places.append(PlaceMention(name, 0, len(name), town.canonical, town.admin1, "US", town.latitude,
                                              town.longitude, "city", article.article_id))
        articles.append(article)
        results.append(result)
    with session(db) as con:
        writer.write_batch(con, articles, results, {a.article_id: a.content_hash for a in articles}, "test", "run-1")
    return [a.article_id for a in articles]


def _nashville_stations_home() -> list[tuple[Story, list[str]]]:
    """Five stories of a Nashville station: most of its articles' towns are in Tennessee (its home)."""
    nashville = gazetteer.lookup("Nashville")
    return [(Story(f"wsmv-{i}", "wsmv.com", f"Man shot in Nashville {i}", SUN - timedelta(days=40 * i), [
        Fig(f"A man, {30 + i}, was shot and wounded in Nashville on Saturday.", "wounded", 1,
            place=("Nashville", nashville.latitude, nashville.longitude), day=SAT - timedelta(days=40 * i))]),
        ["Nashville|Tennessee", "Murfreesboro|Tennessee"]) for i in range(1, 6)]


def test_a_namesake_town_moves_to_its_local_outlets_home_state(db):
    """"Smyrna" alone is Smyrna, Georgia, to the extractor; on a Nashville station most of whose articles are about
    Tennessee it is Smyrna, Tennessee, unless the article names Georgia. A row's stored place keeps what the
    article alone says."""
    georgia = gazetteer.lookup_in("Smyrna", "US", "Georgia")
    smyrna = ("Smyrna", georgia.latitude, georgia.longitude)
    home = _nashville_stations_home()
    local = Story("wsmv-9", "wsmv.com", "Toddler shot in Smyrna", MON, [
        Fig("A two-year-old boy was shot and wounded in Smyrna on Sunday, police said.", "wounded", 1, place=smyrna,
            day=SUN)])
    says_georgia = Story("wsmv-10", "wsmv.com", "Man shot in Georgia", MON - timedelta(days=60), [
        Fig("A man was shot dead in Smyrna, Georgia, on Sunday, police said.", "killed", 1, place=smyrna,
            day=SUN - timedelta(days=60))])
    elsewhere = Story("wire-1", "Wire", "Toddler shot", MON - timedelta(days=120), [
        Fig("A girl, 3, was shot and wounded in Smyrna on Sunday, police said.", "wounded", 1, place=smyrna,
            day=SUN - timedelta(days=120))])
    ohio = gazetteer.lookup("Cleveland")
    big_city = Story("wsmv-11", "wsmv.com", "Cleveland shooting", MON - timedelta(days=90), [
        Fig("Two men were shot dead in Cleveland on Sunday, police said.", "killed", 2,
            place=("Cleveland", ohio.latitude, ohio.longitude), day=SUN - timedelta(days=90))])
    *_, a, b, c, d = _write_with_towns(db, *home, (local, ["Smyrna|Georgia"]), (says_georgia, ["Smyrna|Georgia"]),
                                       (elsewhere, ["Smyrna|Georgia"]), (big_city, ["Cleveland|Ohio"]))
    by_article = dict(q(db, "SELECT e.article_id, i.admin1 FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == "Tennessee"  # a Nashville station's Smyrna
    assert by_article[b] == "Georgia"  # the article says which
    assert by_article[c] == "Georgia"  # an outlet with no home
    assert by_article[d] == "Ohio"  # a bare "Cleveland" is Ohio's, not Cleveland, Tennessee, near Nashville
    [(lat,)] = q(db, "SELECT i.latitude FROM incidents i JOIN events e USING (incident_id) WHERE e.article_id = ?", [a])
    assert abs(lat - gazetteer.lookup_in("Smyrna", "US", "Tennessee").latitude) < 0.01
    assert q(db, "SELECT latitude FROM events WHERE article_id = ?", [a]) == [(georgia.latitude,)]


def test_a_far_town_a_local_outlet_names_no_state_of_is_the_articles_town_near_home(db):
    """"Antioch", a Nashville neighbourhood the gazetteer does not know, is Antioch, California, to the extractor; on
    a Nashville station whose article also names Nashville, the incident is at Nashville (and is no "same place" as
    another Nashville incident: a guess at the area). A far town the article gives a state stays."""
    antioch = gazetteer.lookup_in("Antioch", "US", "California")
    austin = gazetteer.lookup_in("Austin", "US", "Texas")
    neighbourhood = Story("wsmv-20", "wsmv.com", "Teen killed in Antioch", MON, [
        Fig("A teenager was shot dead in Antioch on Sunday, police said.", "killed", 1,
            place=("Antioch", antioch.latitude, antioch.longitude), day=SUN)])
    named = Story("wsmv-21", "wsmv.com", "Texas shooting", MON - timedelta(days=30), [
        Fig("A man was shot dead in Austin, Texas, on Sunday, police said.", "killed", 1,
            place=("Austin", austin.latitude, austin.longitude), day=SUN - timedelta(days=30))])
    *_, a, b = _write_with_towns(db, *_nashville_stations_home(),
                                 (neighbourhood, ["Antioch|California", "Nashville|Tennessee"]),
                                 (named, ["Austin|Texas", "Nashville|Tennessee"]))
    by_article = dict(q(db, "SELECT e.article_id, i.location || ', ' || i.admin1 "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == "Nashville, Tennessee"
    assert by_article[b] == "Austin, Texas"


def test_a_far_part_of_a_big_city_a_local_outlet_names_alone_is_its_home_town(db):
    """"Westwood", a part of Cincinnati, is Westwood near Boston to the extractor, "Grand Boulevard" in Kansas City
    Chicago's: on a local station whose article names no town near home, such a far town of at most
    `HOME_TOWN_MAX_POPULATION` people is its outlet's home town. Not a big far town (Austin), nor a part of a big
    city the article names too (Evanston beside Chicago). A namesake at home is the one nearest home (Mount Carmel,
    Tennessee, 133 km from Nashville, not its bigger namesake 372 km away)."""
    def story(n: int, title: str, sentence: str, name: str, state: str) -> tuple[Story, list[str]]:
        town = gazetteer.lookup_in(name, "US", state)
        return (Story(f"wsmv-{n}", "wsmv.com", title, MON - timedelta(days=7 * n), [
            Fig(sentence, "wounded", 1, place=(name, town.latitude, town.longitude), day=SUN - timedelta(days=7 * n))]),
            [f"{name}|{state}"])

    stations = _nashville_stations_home()
    stations[0] = (stations[0][0], ["Nashville|Tennessee"])  # Nashville: its most named town at home
    *_, a, b, c, d = _write_with_towns(
        db, *stations,
        story(50, "Teen shot at Westwood home", "A teen was shot and wounded in Westwood on Sunday.", "Westwood",
              "Massachusetts"),
        story(51, "Man shot in Austin", "A man was shot and wounded in Austin on Sunday.", "Austin", "Texas"),
        story(52, "Man shot in Evanston", "A man was shot and wounded in Evanston, north of Chicago, on Sunday.",
              "Evanston", "Illinois"),
        story(53, "Boy shot in Mount Carmel", "A boy was shot and wounded in Mount Carmel on Sunday.", "Mount Carmel",
              "Illinois"))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.admin1, i.latitude) "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a][:2] == ("Nashville", "Tennessee")
    assert by_article[b][:2] == ("Austin", "Texas")
    assert by_article[c][:2] == ("Evanston", "Illinois")
    nashville = gazetteer.lookup("Nashville")
    carmel = min((t for t in gazetteer.towns_named("Mount Carmel") + gazetteer.small_us_towns("Mount Carmel")
                  if t.admin1 == "Tennessee"),
                 key=lambda t: gazetteer.distance_km(t.latitude, t.longitude, nashville.latitude, nashville.longitude))
    assert by_article[d][1] == "Tennessee" and abs(by_article[d][2] - carmel.latitude) < 0.01


def test_an_unplaced_incident_takes_the_county_its_headline_names_in_its_outlets_home_state(db):
    """No row and no headline town places these: "Rutherford County" (Tennessee's and North Carolina's) on a Nashville
    station is Tennessee's; "Colbert County" on an outlet with no home is Alabama's, the only state that has one."""
    rutherford = Story("wsmv-30", "wsmv.com", "Two shot in Rutherford County", MON, [
        Fig("Two men were shot and wounded on Sunday night, deputies said.", "wounded", 2, place=None, day=SUN)])
    colbert = Story("blog-31", "Blog", "Sheriff: Child killed in accidental shooting in Colbert County",
                    MON - timedelta(days=30), [
        Fig("A child was shot dead on Sunday night, the sheriff said.", "killed", 1, place=None,
            day=SUN - timedelta(days=30))])
    *_, a, b = _write_with_towns(db, *_nashville_stations_home(), (rutherford, []), (colbert, []))
    by_article = dict(q(db, "SELECT e.article_id, i.location || ', ' || i.admin1 "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == "Rutherford County, Tennessee"
    assert by_article[b] == "Colbert County, Alabama"
    assert incidents.headline_county("Five Injured In Johnston County Shooting", "North Carolina").location == \
        "Johnston County"  # title case: "In Johnston County" is no county, "Johnston County" is


def test_a_headline_town_read_without_a_country_is_read_at_its_outlets_home(db):
    """A page whose body names no place (a sign-in box) has rows with no country: its headline's town, the largest
    of the name the world over, is a guess. On an outlet with a home it is its namesake at home ("Smyrna" on a
    Nashville station: Tennessee's, not Georgia's), or, far from home and small ("DeKalb": Illinois's), nothing: the
    incident is then placed at home. On an outlet with no home the largest town of the name stands."""
    smyrna = Story("wsmv-60", "wsmv.com", "Teen killed in Smyrna", MON, [
        Fig("Sign in to read more.", "killed", 1, place=None, day=MON)])
    dekalb = Story("wsmv-61", "wsmv.com", "Teen killed in DeKalb shooting", MON - timedelta(days=30), [
        Fig("Sign in to read more.", "killed", 1, place=None, day=MON - timedelta(days=30))])
    blog = Story("blog-62", "Blog", "Teen killed in Sacramento", MON - timedelta(days=60), [
        Fig("Sign in to read more.", "killed", 1, place=None, day=MON - timedelta(days=60))])
    stations = _nashville_stations_home()
    stations[0] = (stations[0][0], ["Nashville|Tennessee"])
    *_, a, b, c = _write_with_towns(db, *stations, (smyrna, []), (dekalb, []), (blog, []))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.admin1, i.place_source) "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == ("Smyrna", "Tennessee", "report")
    assert by_article[b] == ("Nashville", "Tennessee", "outlet home")
    assert by_article[c] == ("Sacramento", "California", "report")


def test_an_incident_nothing_places_takes_its_local_outlets_home_town_and_says_so(db):
    """A Nashville station's report that names no place at all (no row, no headline town or county, no state) is
    placed at the town its outlet names most at home, marked `place_source = 'outlet home'`; an outlet with no home
    leaves it unplaced. Every other incident says where its place came from."""
    bare = Story("wsmv-40", "wsmv.com", "Police: toddler's shooting appears accidental", MON, [
        Fig("A toddler was shot and wounded on Sunday night, police said.", "wounded", 1, place=None, day=SUN)])
    elsewhere = Story("blog-41", "Blog", "Police: toddler's shooting appears accidental", MON - timedelta(days=30), [
        Fig("A boy was shot and wounded on Sunday night, police said.", "wounded", 1, place=None,
            day=SUN - timedelta(days=30))])
    stations = _nashville_stations_home()
    stations[0] = (stations[0][0], ["Nashville|Tennessee"])  # Nashville: named in five articles, Murfreesboro in four
    *home, a, b = _write_with_towns(db, *stations, (bare, []), (elsewhere, []))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.admin1, i.place_source) "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == ("Nashville", "Tennessee", "outlet home")
    assert by_article[b] == (None, None, None)
    assert {by_article[h] for h in home} == {("Nashville", "Tennessee", "report")}


def test_an_outlet_half_of_whose_articles_name_towns_of_one_state_is_at_home_there(db):
    """wpxi.com, a Pittsburgh station: four of its eight articles name Pennsylvania towns, the rest none (a plea, a
    charge) or Washington, D.C.: at home in Pennsylvania. Not an outlet whose articles name two states' towns half
    and half."""
    from eventwire.load.outlet_homes import homes

    def story(n: int, source: str, towns: list[str]) -> tuple[Story, list[str]]:
        return (Story(f"{source}-{n}", source, "Man shot", MON - timedelta(days=9 * n), [
            Fig("A man was shot and wounded on Sunday.", "wounded", 1, place=None, day=SUN - timedelta(days=9 * n))]),
            towns)

    pa_towns = [[f"{town}|Pennsylvania"] for town in ("Pittsburgh", "Carnegie", "Aliquippa", "Penn Hills")]
    wpxi = pa_towns + [[]] * 3 + [["Washington|District of Columbia"]]
    split = [["Pittsburgh|Pennsylvania"], ["Carnegie|Pennsylvania"], ["Columbus|Ohio"], ["Dayton|Ohio"]]
    _write_with_towns(db, *(story(i, "wpxi.example", t) for i, t in enumerate(wpxi)),
                      *(story(10 + i, "split.example", t) for i, t in enumerate(split)))
    with session(db) as con:
        found = homes(con, ["wpxi.example", "split.example"])
    assert found["wpxi.example"].state == "Pennsylvania"
    assert "split.example" not in found


def test_a_headline_that_says_where_it_happened_places_its_incident_in_the_same_state(db):
    """"Child in critical condition after accidental shooting in LaGrange" over a story whose rows the extractor put
    in Atlanta (a body that names Atlanta): the headline's town of the same state, over 30 km away, is where it
    happened. Not a town of another state ("in Cleveland" over a Dallas story stays Dallas), nor a village named
    like a big city's neighbourhood ("Four Hurt In Washington Park Shooting" on CBS Chicago), nor its outskirts."""
    from eventwire.transform.headline import headline_where

    def story(n: int, title: str, town: str, state: str) -> tuple[Story, list[str]]:
        at = gazetteer.lookup_in(town, "US", state)
        return (Story(f"paper-{n}", f"paper{n}.example", title, MON - timedelta(days=30 * n), [
            Fig("A child was shot and wounded on Sunday, police said.", "wounded", 1,
                place=(town, at.latitude, at.longitude), day=SUN - timedelta(days=30 * n))]), [])

    a, b, c, d = _write_with_towns(
        db, story(1, "Child in critical condition after accidental shooting in LaGrange", "Atlanta", "Georgia"),
        story(2, "Man shot in Cleveland", "Dallas", "Texas"),
        story(3, "Four Hurt In Washington Park Shooting « CBS Chicago", "Chicago", "Illinois"),
        story(4, "3 people shot to death at home in Atlanta suburbs", "Snellville", "Georgia"))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.place_source) FROM events e "
                            "JOIN incidents i USING (incident_id)"))
    assert by_article[a] == ("LaGrange", "headline")
    assert by_article[b] == ("Dallas", "report")
    assert by_article[c] == ("Chicago", "report")
    assert by_article[d] == ("Snellville", "report")
    assert headline_where("Four-Year-Old In Leflore County Airlifted To Hospital", "Oklahoma").canonical == \
        "LeFlore County"
    assert headline_where("Deputies investigating 'quadruple murder' in Anderson Co. home", "South Carolina"
                          ).canonical == "Anderson County"
    assert headline_where("Child shot, mother injured in West Side shooting", "Texas") is None  # (no West, Texas)


def test_a_page_whose_figures_are_its_headlines_is_not_placed_by_its_bodys_towns(db):
    """"Compton: 2 Girls, 2 Men Shot At Birthday Party" over a teaser for "Best Fish Tacos In Malibu": the figure is
    the headline's, placed at Compton; the body's towns, however often named, are not the story's. A page whose
    body gives the figure is placed by its towns as before (a town named twice, far from the row's, stands)."""
    compton = gazetteer.lookup_in("Compton", "US", "California")

    def story(sid: str, title: str) -> tuple[Story, list[str]]:
        return (Story(sid, "cbs.example", title, MON - timedelta(days=40 * len(sid)), [
            Fig("2 girls, 2 men shot at birthday party in Compton", "wounded", 4,
                place=("Compton", compton.latitude, compton.longitude), day=SUN - timedelta(days=40 * len(sid)))]),
                ["Malibu|California", "Malibu|California"])

    a, b = _write_with_towns(db, story("t1", "Compton: 2 Girls, 2 Men Shot At Birthday Party"),
                             story("body-2", "2 Girls, 2 Men Shot At Birthday Party"), from_title={"t1"})
    by_article = dict(q(db, "SELECT e.article_id, i.location FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == "Compton"
    assert by_article[b] == "Malibu"


def test_an_outlet_whose_pages_are_headlines_alone_is_at_home_where_its_headlines_say(db):
    """ajc.com's archived pages are a headline over a sign-in box: its articles name no town, so its home comes
    from its headlines (the state whose towns they name most, three times at least and more than any other's:
    "DeKalb" read as Illinois's twice does not outvote Atlanta thrice), and an incident nothing places is placed at
    its town there. Not an outlet whose pages tell their stories: its home is its articles' towns, or none."""
    def story(n: int, source: str, title: str, extra: str = "") -> tuple[Story, list[str]]:
        return (Story(f"{source}-{n}", source, title, MON - timedelta(days=30 * n), [
            Fig("Sign in to read more.", "wounded", 1, place=None, day=MON - timedelta(days=30 * n))], extra), [])

    headlines = ["4 people shot in southeast Atlanta", "6-year-old Atlanta girl shot in the head",
                 "Atlanta attorney accidentally shoots wife", "Teen killed in DeKalb shooting",
                 "Teen hurt in DeKalb shooting", "Teenage boy shot by family member"]
    long = "The shooting happened on Sunday night, police said, and nobody has been charged. " * 8
    written = _write_with_towns(db, *(story(i, "paper.example", t) for i, t in enumerate(headlines)),
                                *(story(10 + i, "told.example", t, long) for i, t in enumerate(headlines)))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.admin1, i.place_source) "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[written[5]] == ("Atlanta", "Georgia", "outlet home")
    assert by_article[written[11]] == (None, None, None)


def test_an_incident_nothing_places_takes_the_city_its_outlets_web_address_names(db):
    """An outlet with too few articles here to have a home, whose web address names a city ("baltimoresun.com"): an
    incident nothing else places is placed there, also marked `place_source = 'outlet home'`. An address that names
    no city ("blog.example") leaves it unplaced."""
    sun = Story("sun-1", "baltimoresun.com", "Police: toddler's shooting appears accidental", MON, [
        Fig("A toddler was shot and wounded on Sunday night, police said.", "wounded", 1, place=None, day=SUN)])
    blog = Story("blog-1", "blog.example", "Police: boy's shooting appears accidental", MON - timedelta(days=30), [
        Fig("A boy was shot and wounded on Sunday night, police said.", "wounded", 1, place=None,
            day=SUN - timedelta(days=30))])
    a, b = _write_with_towns(db, (sun, []), (blog, []))
    by_article = dict(q(db, "SELECT e.article_id, (i.location, i.admin1, i.place_source) "
                            "FROM events e JOIN incidents i USING (incident_id)"))
    assert by_article[a] == ("Baltimore", "Maryland", "outlet home")
    assert by_article[b] == (None, None, None)


def test_an_incident_its_rows_date_only_by_publication_takes_the_day_its_story_names(tmp_path: Path):
    """Real extraction: the figure's sentence and paragraph name no day, the lead neither; the story's "Saturday"
    comes two paragraphs on. The row keeps the publication date (rows never borrow from a later paragraph); the
    article stores the story's day and the incident is dated by it."""
    from eventwire.load.incident_rules import Incident, summarise
    from eventwire.transform.pipeline import analyse_batch

    body = ("A 6-year-old boy was shot and killed while playing with a gun in Marion, Illinois.\n\n"
            "Deputies said the boy had found the handgun in a bedroom.\n\n"
            "The shooting happened Saturday afternoon at a home on Elm Road, the sheriff's office said.")
    tue = date(2016, 8, 9)
    aid = article_id_for("wsil.com", "boy-1")
    article = Article(aid, "boy-1", "wsil.com", "https://example.org/boy-1", "Boy, 6, killed playing with gun", tue,
                      body, content_hash_of("t", body), "en")
    [result] = analyse_batch([article])
    db = tmp_path / "story.duckdb"
    with session(db) as con:
        writer.write_batch(con, [article], [result], {aid: "h"}, "test", "run-1")
        [(event_date, source)] = con.execute("SELECT DISTINCT event_date, date_source FROM events "
                                             "WHERE casualty_kind = 'killed'").fetchall()
        assert (event_date, source) == (tue, "published")
        stored = con.execute("SELECT story_date, story_date_text FROM articles").fetchall()
        assert stored == [(date(2016, 8, 6), "Saturday")]
        assert con.execute("SELECT incident_date FROM incidents").fetchall() == [(date(2016, 8, 6),)]

    def report(aid: str, published: date, day: date, text: str | None, source: str, story: date | None):
        return article_reports([Row(f"{aid}-1", aid, "killed", 1, 1, 1, sentence="A boy died.", published=published,
                                    event_date=day, date_text=text, date_source=source, story_day=story)])[0]

    fri, sat = date(2016, 8, 5), date(2016, 8, 6)
    by_words = report("a1", tue, fri, "Friday", "sentence", sat)  # a day the rows' own words name wins
    assert summarise(Incident("i1", [by_words])).incident_date == fri
    later = report("a2", tue + timedelta(days=1), tue + timedelta(days=1), None, "published", date(2016, 8, 7))
    first = report("a3", tue, tue, None, "published", sat)
    assert summarise(Incident("i2", [later, first])).incident_date == sat  # the earliest report's story day
    assert summarise(Incident("i3", [report("a4", tue, tue, None, "published", None)])).incident_date == tue
