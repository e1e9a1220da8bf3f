"""Bad input gets a clear reason and the run goes on: one real `eventwire run` (a subprocess) over a corpus of
bad files, bad records and bad feed URLs mixed with good articles. Every bad input leaves a row in `rejects`
with a reason a person understands, nothing prints a traceback, and every good article of the run is loaded.

The corpus is generated here; every article in it is invented for the test.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

import pytest

from .cliutil import run_cli
from .dbutil import duplicate_keys, rows
from .feedserver import serving

pytestmark = pytest.mark.usefixtures("prefect_harness")

MARKET = (
    "Shelling Hits Market in Kharkiv\n\n"
    "Shelling struck a crowded market in Kharkiv on Monday, killing seven people and wounding 20 others, "
    "the regional governor said.\n\n"
    "\u201cThis was a deliberate attack on people buying bread,\u201d said Oleh Syniehubov, the governor.\n"
)
BRIDGE = (
    "Bridge Collapse in Porto Alegre\n\n"
    "A road bridge collapsed in Porto Alegre on Tuesday after days of heavy rain, and three people were "
    "killed when their cars fell into the river, the fire brigade said.\n\n"
    "\u201cThe water rose faster than anyone expected,\u201d said Marta Lopes, a city engineer.\n"
)
DAM = (
    "Dam Warning in the Valley\n\n"
    "Five workers were injured at the Kakhovka dam site on Wednesday when a crane toppled over, the company said.\n\n"
    "\u201cWe have stopped all work until the inspectors arrive,\u201d said Petro Bondar, the site manager.\n"
)
STRIKE = (
    "Two soldiers were killed and four wounded in an attack on a checkpoint near Kramatorsk on Thursday, "
    "the army said in a statement."
)
CONVOY = (
    "An aid convoy reached the town of Sumy on Friday, and the mayor said that 12 civilians had been "
    "killed in the shelling that week."
)
CAFE = (
    "Fire at a Cafe in Riga\n\n"
    "A fire destroyed a cafe in Riga on Sunday and two people were injured, the fire service said.\n"
)
GAS = "Gas explosion in Tbilisi: an explosion in a block of flats in Tbilisi killed three residents on Sunday, police said."
TRAIN = "A freight train derailed near Lviv on Saturday and one driver was killed, the railway company said."
RUSSIAN = (
    "Сильный дождь в Казани\n\n"
    "Во вторник в городе прошёл сильный дождь, и несколько улиц затопило. Синоптики сказали, что погода "
    "улучшится к пятнице, а городские службы откачивают воду.\n"
)
ARABIC = (
    "أمطار غزيرة في المدينة\n\n"
    "هطلت أمطار غزيرة على المدينة يوم الثلاثاء، وقال مسؤولون إن عشرة أشخاص أصيبوا بجروح طفيفة في حوادث سير.\n"
)
SCRIPTS_AND_NAV = (
    "<!DOCTYPE html><html><head><title>Home</title><script>function track(){return 'Shelling killed five "
    "people, officials said';}</script></head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>"
    "World</a></li><li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
    "<script>document.write('Advertisement');</script><noscript>Please enable JavaScript</noscript>"
    "<footer><a href='/about'>About us</a> | <a href='/contact'>Contact</a></footer></body></html>"
)


def png_bytes() -> bytes:
    """A real (tiny) PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def build_corpus(root: Path) -> dict[str, Path]:
    """Files of every bad kind beside good articles; returns the paths by name."""
    folder = root / "articles"
    folder.mkdir()
    p = {}

    def put(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        p[name] = path
        return path

    put("2024-03-11_market-shelling.txt", MARKET.encode("utf-8"))
    put("copy-of-market-shelling.txt", MARKET.encode("utf-8"))  # the same article under another name
    put("2024-03-12_bridge-utf16.txt", BRIDGE.encode("utf-16"))  # UTF-16 with a BOM
    put("2024-03-13_dam-utf16-no-bom.txt", DAM.encode("utf-16-le"))  # UTF-16 without one
    put("2024-03-12_kazan-rain-cp1251.txt", RUSSIAN.encode("cp1251"))
    put("2024-03-12_arabic-rain.txt", ARABIC.encode("utf-8"))
    put("empty.txt", b"")
    put("photo.txt", png_bytes())  # a PNG renamed .txt
    put("scripts-and-nav.html", SCRIPTS_AND_NAV.encode("utf-8"))
    big = ("A very long article line about nothing in particular, repeated to fill the file. " * 50 + "\n").encode()
    put("huge.txt", big * (20 * 2**20 // len(big) + 1))  # a bit over 20 MB
    # A file name that is not UTF-8 (Latin-1 "café"): the article loads, the name shows U+FFFD.
    with open(os.fsencode(folder) + b"/2024-03-17_caf\xe9-fire.txt", "wb") as fh:
        fh.write(CAFE.encode("utf-8"))

    lines = [
        json.dumps({"id": "wire-1", "title": "Checkpoint Attack", "published": "2024-03-14", "text": STRIKE}),
        '{"id": "wire-2", "title": "Broken", "text": "this line was cut off in the midd',
        json.dumps({"id": "wire-3", "title": "Aid Convoy Reaches Sumy", "published": "2024-03-15", "text": CONVOY}),
        json.dumps({"id": "wire-4", "title": "A record with no body", "published": "2024-03-15"}),
        json.dumps({"id": "wire-5", "title": "Twenty megabytes", "text": "word " * (4 * 2**20 + 10)}),
        # A lone surrogate, which JSON can spell and no UTF-8 encoder accepts.
        json.dumps({"id": "wire-6\ud800", "title": "Broken character", "published": "2024-03-15",
                    "text": GAS.replace("Gas", "Gas \ud800")}),
    ]
    p["wire.jsonl"] = root / "wire.jsonl"
    p["wire.jsonl"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    p["records.json"] = root / "records.json"
    p["records.json"].write_text(json.dumps([
        {"id": "rec-1", "title": "Derailment near Lviv", "published": "2024-03-16", "text": TRAIN},
        {"id": "rec-2", "title": "Only a title and a summary", "summary": "There is no text field."},
    ]), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """One real `eventwire run` over the whole corpus and three bad feed URLs."""
    root = tmp_path_factory.mktemp("bad_inputs")
    paths = build_corpus(root)
    db = root / "events.duckdb"
    with serving() as server:
        feeds = [server.url("/error500"), server.url("/hang"), server.url("/not-a-feed")]
        proc = run_cli("run", str(root / "articles"), str(paths["wire.jsonl"]), str(paths["records.json"]),
                       str(root / "no-such-folder"), *feeds,
                       "--db", str(db), "--workers", "1", "--batch-size", "4", "--feed-timeout", "0.5")
        hits = dict(server.hits)
    return {"proc": proc, "db": db, "paths": paths, "feeds": feeds, "hits": hits, "root": root}


def _reject(db: Path, source_id: str) -> tuple[str, str]:
    found = rows(db, "SELECT reason, detail FROM rejects WHERE source_id = ?", [source_id])
    assert len(found) == 1, f"expected one reject for {source_id}, got {found}"
    return found[0]


def test_the_run_finishes_without_a_traceback(bad_run):
    proc = bad_run["proc"]
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    assert "input(s) rejected" in proc.stdout  # the summary tells the user
    assert rows(bad_run["db"], "SELECT status FROM runs") == [("completed",)]


@pytest.mark.parametrize("name, reason, detail", [
    ("empty.txt", "empty file", "no content"),
    ("photo.txt", "not text", "PNG image"),
    ("huge.txt", "file too large", "20.0 MB"),
    ("scripts-and-nav.html", "empty article", "boilerplate"),
    ("copy-of-market-shelling.txt", "duplicate article", "2024-03-11_market-shelling.txt"),
])
def test_each_bad_file_has_a_reason(bad_run, name, reason, detail):
    got_reason, got_detail = _reject(bad_run["db"], str(bad_run["paths"][name].resolve()))
    assert got_reason == reason
    assert detail in got_detail


def test_bad_records_have_a_reason_and_their_neighbours_load(bad_run):
    db, jsonl = bad_run["db"], str(bad_run["paths"]["wire.jsonl"].resolve())
    reason, detail = _reject(db, f"{jsonl}:2")
    assert reason == "broken JSON line" and detail.startswith("line 2:")
    assert _reject(db, "wire-4") == ("no text", "the record has no html or text field (use --field text=NAME)")
    reason, detail = _reject(db, "wire-5")
    assert reason == "article too large" and "20.0 MB" in detail
    assert _reject(db, "rec-2")[0] == "no text"
    loaded = {r[0] for r in rows(db, "SELECT source_id FROM articles")}
    assert {"wire-1", "wire-3", "rec-1"} <= loaded


def test_missing_path_and_bad_feeds_are_rejected_after_retries(bad_run):
    db = bad_run["db"]
    assert _reject(db, str(bad_run["root"] / "no-such-folder"))[0] == "not found"
    error500, hang, not_feed = bad_run["feeds"]
    assert _reject(db, error500) == ("feed not read", "HTTP 500 from the feed server")
    assert _reject(db, hang) == ("feed not read", "timed out after 0.5 s (ReadTimeout)")
    assert _reject(db, not_feed) == ("feed not read", "not an RSS or Atom feed (text/html)")
    # Prefect's retries=2: three attempts each, then the reject.
    assert [bad_run["hits"].get(p) for p in ("/error500", "/hang", "/not-a-feed")] == [3, 3, 3]


def test_every_good_article_is_loaded_once_with_its_events(bad_run):
    db, p = bad_run["db"], bad_run["paths"]
    english = [str(p[n].resolve()) for n in ("2024-03-11_market-shelling.txt", "2024-03-12_bridge-utf16.txt",
                                             "2024-03-13_dam-utf16-no-bom.txt")] + ["wire-1", "wire-3", "rec-1"]
    english += [str(p["2024-03-11_market-shelling.txt"].resolve().parent / "2024-03-17_caf\ufffd-fire.txt"),
                "wire-6\ufffd"]
    for source_id in english:
        found = rows(db, "SELECT a.language, count(e.event_id), count(*) FILTER (WHERE e.event_type = 'casualty') "
                         "FROM articles a LEFT JOIN events e USING (article_id) WHERE a.source_id = ? GROUP BY 1",
                     [source_id])
        assert found and found[0][0] == "en" and found[0][2] >= 1, (source_id, found)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == len(english) + 2  # + Russian and Arabic
    assert duplicate_keys(db) == []
    # Both UTF-16 files read as the text that was written (title off, body intact).
    bodies = dict(rows(db, "SELECT title, body FROM articles"))
    assert BRIDGE.split("\n\n")[1] in bodies["Bridge Collapse in Porto Alegre"]
    assert DAM.split("\n\n")[1] in bodies["Dam Warning in the Valley"]


@pytest.mark.parametrize("name, text, language", [
    ("2024-03-12_kazan-rain-cp1251.txt", RUSSIAN, "ru"),
    ("2024-03-12_arabic-rain.txt", ARABIC, "ar"),
])
def test_other_languages_are_stored_readable_with_no_events(bad_run, name, text, language):
    db = bad_run["db"]
    found = rows(db, "SELECT article_id, language, title, body FROM articles WHERE source_id = ?",
                 [str(bad_run["paths"][name].resolve())])
    assert len(found) == 1
    article_id, lang, title, body = found[0]
    assert lang == language
    title_line, paragraph = text.strip().split("\n\n")
    assert title == title_line and body == paragraph  # decoded, not mojibake
    assert rows(db, "SELECT count(*) FROM events WHERE article_id = ?", [article_id])[0][0] == 0


def test_a_4_mb_article_is_cut_at_a_paragraph_end_to_a_bounded_body():
    """Under the 5 MB file limit but far longer than any news article: the body NLP sees is bounded."""
    from eventwire.extract.articles import RawArticle
    from eventwire.extract.clean import MAX_BODY_CHARS, clean_article

    paragraphs = [f"Paragraph {i}: the council met again on Monday and said the roads would reopen soon."
                  for i in range(50_000)]
    text = "A Very Long Report\n\n" + "\n\n".join(paragraphs)
    assert len(text) > 4_000_000
    article = clean_article(RawArticle("long.txt", "tests", text=text))
    assert MAX_BODY_CHARS * 0.9 < len(article.body) <= MAX_BODY_CHARS
    assert article.body.endswith("reopen soon.")  # cut between paragraphs, not inside one
    assert article.body.startswith("Paragraph 0:")
