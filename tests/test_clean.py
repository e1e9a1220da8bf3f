"""Cleaning: normalisation and boilerplate by line shape and by repetition, before any NLP."""

from __future__ import annotations

from eventwire.extract.articles import RawArticle, Reject
from eventwire.extract.boilerplate import (
    RepeatIndex,
    is_call_to_action,
    is_credit_line,
    is_headline_shaped,
    is_see_also,
)
from eventwire.extract.clean import (
    clean_article,
    detect_language,
    index_repeats,
    normalise,
)

from .conftest import shared_path

PLEA = "We rely on readers like you to keep our reporting free for everyone who needs it."


def _article(text: str, source_id: str = "a.txt", source: str = "site", title: str | None = None) -> RawArticle:
    return RawArticle(source_id=source_id, source=source, text=text, title=title)


def test_normalise_folds_nbsp_and_invisible_characters():
    assert normalise("Kyiv\u00a0said\u200b so\r\n") == "Kyiv said so\n"


def test_line_shapes():
    assert is_credit_line("Rescuers search the rubble in the city centre. Anna Petrova / Wire Agency")
    assert not is_credit_line("The mayor said 12 people had died in the fire.")
    assert is_call_to_action("Sign up for our daily newsletter")
    assert not is_call_to_action('"We will support our neighbours," the minister said.')
    assert is_headline_shaped("Army Retakes Airport After Night of Fighting")
    assert not is_headline_shaped("The army retook the airport after a night of fighting.")


def test_title_caption_see_also_and_subscription_are_removed():
    text = "\n\n".join([
        "Army Retakes Airport After Night of Fighting",
        "Soldiers patrol the runway on Tuesday. Ivan Sidorov / Wire Agency",
        "The army retook the airport on Tuesday, a spokesman said.",
        "Five soldiers were wounded in the fighting, the spokesman added.",
        "See also:",
        "Rebels Claim Control of Rail Depot",
        "Talks Stall as Shelling Continues",
        "Sign up for our weekly newsletter",
        PLEA,
    ])
    article = clean_article(_article(text))
    assert not isinstance(article, Reject)
    assert article.title == "Army Retakes Airport After Night of Fighting"
    assert article.body.startswith("The army retook the airport")
    assert article.body.endswith("the spokesman added.")
    for gone in ("Ivan Sidorov", "Rail Depot", "newsletter", "readers like you"):
        assert gone not in article.body


def test_paragraph_repeated_across_a_sources_articles_is_boilerplate():
    raws = [
        _article(f"Headline Number {i}\n\nThe council met on Monday to discuss item {i}.\n\n{PLEA}", f"{i}.txt")
        for i in range(3)
    ]
    repeats = RepeatIndex()
    index_repeats(raws, repeats)
    for raw in raws:
        article = clean_article(raw, repeats)
        assert PLEA not in article.body
        assert "council met" in article.body


def test_repeat_in_a_small_share_of_a_large_source_is_kept():
    repeats = RepeatIndex()
    shared = "Rescue teams pulled two survivors from the collapsed building overnight."
    raws = [_article(f"Story {i}\n\nA distinct first paragraph number {i} about the day.", f"{i}.txt") for i in range(200)]
    raws += [_article(f"Live {i}\n\n{shared}\n\nMore text {i} here for the update.", f"live{i}.txt") for i in range(2)]
    index_repeats(raws, repeats)
    assert shared in clean_article(raws[-1], repeats).body


def test_empty_and_all_boilerplate_articles_are_rejected_with_a_reason():
    empty = clean_article(_article("   \n\n  "))
    assert isinstance(empty, Reject) and empty.reason == "empty article"
    furniture = clean_article(_article("Home\n\nWorld\n\nSport\n\nSign up for our newsletter"))
    assert isinstance(furniture, Reject)


def test_a_one_line_article_is_all_body():
    """A one-line .txt file used to become a title, then a reject ("nothing left after removing boilerplate")."""
    line = "Shelling killed three people in Kharkiv on Monday, officials said."
    for raw in (_article(line), _article(line + "\n"), _article("Shelling Hits Market in Kharkiv", source_id="r1")):
        article = clean_article(raw)
        assert not isinstance(article, Reject), article
        assert article.body == raw.text.strip() and article.title is None
    two = clean_article(_article("Shelling Hits Kharkiv\n\n" + line))  # with a body after it, the first line is the title
    assert (two.title, two.body) == ("Shelling Hits Kharkiv", line)


def test_language_is_recorded_by_script():
    assert detect_language("The minister said the talks would resume.") == "en"
    assert detect_language("Министр заявил, что переговоры возобновятся в понедельник.") == "ru"
    assert detect_language("قال الوزير إن المحادثات ستستأنف يوم الاثنين") == "ar"


def test_moscow_times_boilerplate_never_reaches_the_body():
    import json

    folder = shared_path("corpus", "moscow_times")
    gold = {json.loads(line)["title"]: json.loads(line) for line in shared_path("gold", "seeds.jsonl").open()}
    raws = [_article(p.read_text(encoding="utf-8"), str(p), "moscow_times") for p in sorted(folder.glob("*.txt"))]
    repeats = RepeatIndex()
    index_repeats(raws, repeats)
    for raw in raws:
        article = clean_article(raw, repeats)
        assert article.title in gold
        expected = gold[article.title]
        body = " ".join(article.body.split())
        for junk in expected["not_events"]:
            assert " ".join(junk.split()) not in body
        assert article.title not in body
        assert " / " not in body  # the photo credit line
        # Single articles (no neighbour to repeat) lose their boilerplate too.
        alone = clean_article(raw, None)
        assert alone.body == article.body


def test_a_more_stories_heading_ends_the_article_and_its_teasers_go_with_it():
    """"More stories you may like on 7News" heads a list of other stories, each a headline glued to its teaser
    ("Boy, grandmother found dead in home The coroner found two people dead"): none of it is the article's."""
    text = "\n\n".join([
        "A boy was shot in the head on Monday night on Hope Drive, the sheriff said.",
        "The boy was taken to a hospital in critical condition, deputies said.",
        "The sheriff says evidence has been turned over to the district attorney.",
        "More stories you may like on 7News",
        "Youth leaders help during the project Youth leaders are getting 500 volunteers together.",
        "Boy, grandmother found dead in home The coroner found two people dead after a call Sunday morning.",
    ])
    article = clean_article(_article(text, title="Boy shoots himself in head"))
    assert not isinstance(article, Reject)
    assert article.body.endswith("turned over to the district attorney.")
    for heading in ("More stories you may like on 7News", "Trending stories:", "More from wave3.com"):
        assert is_see_also(heading), heading
    assert not is_see_also("More from the police chief")


def test_local_news_page_furniture_is_removed_and_its_figures_with_it():
    text = "\n\n".join([
        "Police said a man was shot and killed outside a diner on Friday night.",
        "(Photo: WXYZ)",
        "Officers tape off the diner on Friday. (Jane Roe / Staff Photographer)",
        "Buy Photo Police tape wraps around a house where the body of a boy was found. (Photo: The Daily)Buy Photo",
        "RELATED: 3 dead, 2 hurt in weekend shootings across the county",
        "Related Stories Teen wounded in drive-by on Oak Street",
        "1:47 Mother of shooting victim speaks at vigil",
        "Two Killed in Crash on Route 9 Near the Quarry",
        "The man, 34, died at the scene, police said.",
        "The man, 34, died at the scene, police said.",
        "11:02 p.m.: Police said a second man was taken to a hospital.",
    ])
    article = clean_article(_article(text, title="Man killed outside diner"))
    assert not isinstance(article, Reject)
    for gone in ("WXYZ", "Staff Photographer", "body of a boy", "3 dead", "drive-by", "1:47", "Route 9"):
        assert gone not in article.body
    assert article.body.count("died at the scene") == 1
    assert "11:02 p.m.: Police said a second man" in article.body


def test_a_teaser_card_of_another_story_is_dropped_and_the_articles_own_card_kept():
    """Archived local-news pages carry cards of other stories, each its headline said twice and its summary: their
    deaths and places are not the article's ("1 dead, 5 wounded in suburban Phoenix shootings" on a Tulsa story)."""
    own = "Man Shot On Porch In Anderson Co."
    other = "At Least 1 Dead In Head-On Crash In Boyle Co."
    text = "\n\n".join([
        f"{own} {own} ANDERSON COUNTY, Ky. - Police said a man was shot on his porch on Sunday night.",
        f"{other} {other} BOYLE COUNTY, Ky. - The coroner said one person died in a head-on crash on Sunday.",
        "The shooter is in custody, police said.",
    ])
    article = clean_article(_article(text, title=f"{own} - LEX18"))
    assert not isinstance(article, Reject)
    assert "shot on his porch" in article.body and "custody" in article.body
    assert "head-on crash" not in article.body
    untitled = clean_article(_article(text, title=None))
    assert "head-on crash" in untitled.body  # (no title: nothing tells the article's own card from another's)
