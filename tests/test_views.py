"""The analyst views over a database the real flow built from the samples."""

from __future__ import annotations

from tests.dbutil import rows

TOLL_RULE = "casualty_kind = 'killed' AND NOT is_cumulative AND subset_of IS NULL"


def test_daily_deaths_sum_is_the_toll_rule(sample_db):
    (by_rule,) = rows(sample_db, f"SELECT sum(casualty_count) FROM events WHERE {TOLL_RULE}")[0]
    (by_view,) = rows(sample_db, "SELECT sum(killed) FROM daily_deaths_by_place")[0]
    assert by_rule and by_view == by_rule
    # the subset ("4 of them women") and the running toll (31,000) are in events but not counted
    assert rows(sample_db, "SELECT count(*) FROM events WHERE casualty_kind = 'killed' "
                           "AND (is_cumulative OR subset_of IS NOT NULL)")[0][0] >= 2


def test_daily_deaths_day_falls_back_to_publication_date(sample_db):
    undated = rows(sample_db, f"""
        SELECT a.published_at, sum(e.casualty_count) FROM events e JOIN articles a USING (article_id)
        WHERE {TOLL_RULE} AND e.event_date IS NULL GROUP BY 1""")
    days = dict(rows(sample_db, "SELECT day, sum(killed) FROM daily_deaths_by_place GROUP BY day"))
    assert None not in days
    for published, killed in undated:
        assert days.get(published, 0) >= killed


def test_event_timeline_has_a_row_per_event_with_its_article(sample_db):
    (events,) = rows(sample_db, "SELECT count(*) FROM events")[0]
    timeline = rows(sample_db, "SELECT event_id, title, sentence, char_start, char_end FROM event_timeline")
    assert len(timeline) == events > 0
    assert len({r[0] for r in timeline}) == events
    assert all(title for _, title, *_ in timeline)
    # the span points into the body, and the sentence holds what the span covers
    for body, sentence, start, end in rows(sample_db, """
            SELECT a.body, t.sentence, t.char_start, t.char_end
            FROM event_timeline t JOIN articles a USING (article_id)"""):
        assert 0 <= start < end <= len(body)
        assert body[start:end].strip() in sentence or sentence in body


def test_statements_by_speaker_counts_every_named_statement(sample_db):
    (named,) = rows(sample_db, "SELECT count(*) FROM events WHERE event_type = 'statement' AND actor IS NOT NULL")[0]
    assert rows(sample_db, "SELECT sum(statements) FROM statements_by_speaker")[0][0] == named
    speakers = {r[0] for r in rows(sample_db, "SELECT speaker FROM statements_by_speaker")}
    assert "Oleh Kiper" in speakers


def test_latest_running_toll_is_one_row_per_place_and_kind_and_cumulative(sample_db):
    tolls = rows(sample_db, "SELECT location, casualty_kind, casualty_count, event_id FROM latest_running_toll")
    assert tolls, "the Gaza sample carries a running toll"
    assert len({(loc, kind) for loc, kind, *_ in tolls}) == len(tolls)
    for loc, kind, count, event_id in tolls:
        assert loc is not None
        assert rows(sample_db, "SELECT is_cumulative FROM events WHERE event_id = ?", [event_id])[0][0] is True
    assert ("Gaza Strip", "killed", 31000) in {t[:3] for t in tolls}


def test_events_per_source_adds_up(sample_db):
    per_source = rows(sample_db, "SELECT source, articles, events, statements, casualty_figures FROM events_per_source")
    assert sum(r[1] for r in per_source) == rows(sample_db, "SELECT count(*) FROM articles")[0][0]
    assert sum(r[2] for r in per_source) == rows(sample_db, "SELECT count(*) FROM events")[0][0]
    by_type = dict(rows(sample_db, "SELECT source, sum(events) FROM events_by_type GROUP BY source"))
    assert all(r[2] == by_type.get(r[0], 0) for r in per_source)
    typed = dict(rows(sample_db, "SELECT event_type, sum(events) FROM events_by_type GROUP BY 1"))
    assert all(typed.get(k, 0) == sum(r[i] for r in per_source) for k, i in (("statement", 3), ("casualty", 4)))
