"""Articles in Japanese, Chinese and Korean are stored with their language and get no events.

Japanese and Chinese put no spaces between words, and end sentences with 。: every paragraph was one "word"
without a sentence end, so the boilerplate rules took each for a menu fragment and the article was rejected
as "empty article (nothing left after removing boilerplate)". The articles here were written for the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eventwire.extract.articles import RawArticle
from eventwire.extract.boilerplate import is_fragment, word_count
from eventwire.extract.clean import clean_article, detect_language, normalise

from .dbutil import rows

JA_TITLE = "港町の商店街に新しい図書館が開館"
JA_PARAS = [
    "海沿いの小さな町で十日、古い倉庫を改装した図書館が開館した。町によると、蔵書はおよそ二万冊で、地元の子どもたちが"
    "選んだ絵本の棚も設けられた。",
    "開館式では町長が「本を通じて町の歴史を次の世代に伝えたい」と話した。初日は朝から家族連れが列を作った。",
    "図書館は毎週月曜日を休館日とし、夜八時まで開いている。",
]
JA_PAGE = (
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>' + JA_TITLE + "</title></head><body>"
    '<nav><a href="/">ホーム</a> <a href="/news">ニュース</a></nav><article><h1>' + JA_TITLE + "</h1>"
    + "".join(f"<p>{p}</p>" for p in JA_PARAS) + "</article><footer>サンプル通信</footer></body></html>"
)
ZH_TITLE = "山区小学校迎来新校车"
ZH_PARAS = [
    "本周一，山区一所小学校迎来了第一辆校车，四十多名学生从此不用再走两个小时的山路上学。",
    "校长说：“孩子们终于可以准时到校了，家长们也放心了。”",
]
ZH_TEXT = ZH_TITLE + "\n\n" + "\n\n".join(ZH_PARAS) + "\n\n分享\n"  # "分享" (share): a menu fragment
KO_TITLE = "시장 골목에 새 도서관 문 열어"
KO_PARAS = ["항구 도시의 오래된 시장 골목에 작은 도서관이 월요일 문을 열었다고 구청이 밝혔다.",
            "구청장은 \"아이들이 책과 함께 자라는 동네를 만들겠다\"고 말했다."]
KO_TEXT = KO_TITLE + "\n\n" + "\n\n".join(KO_PARAS) + "\n"
EN_TEXT = ("Ferry Sinks in Storm\n\nAt least six people were killed when a ferry sank in a storm off the coast on "
           "Tuesday, the coast guard said.\n")


def test_chinese_and_japanese_paragraphs_are_not_fragments():
    assert word_count("The council met on Monday.") == 5  # spaced text: counted as before
    assert word_count(JA_PARAS[2]) >= 10
    assert not is_fragment(JA_PARAS[2]) and not is_fragment(ZH_PARAS[1])
    assert is_fragment("分享") and is_fragment("続きを読む") and is_fragment("Continue reading")


@pytest.mark.parametrize("text, language", [
    ("The minister said the talks would resume.", "en"),
    (JA_PARAS[0], "ja"),
    ("コーヒーとパン", "ja"),                   # kana alone
    (ZH_PARAS[0], "zh"),
    (KO_PARAS[0], "ko"),
    ("Министр заявил, что переговоры возобновятся.", "ru"),
    ("Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν.", "el"),
    ("ሰላም ነው ዛሬ ዝናብ ዘነበ", "other"),          # Ethiopic: a script we do not name
    ("12345 67890", "en"),                       # no letters at all: as before
], ids=["en", "ja", "ja-kana", "zh", "ko", "ru", "el", "other", "no-letters"])
def test_language_is_told_by_script(text, language):
    assert detect_language(text) == language


def test_a_japanese_page_is_cleaned_not_emptied():
    article = clean_article(RawArticle(source_id="ja.html", source="test", html=JA_PAGE))
    assert not hasattr(article, "reason"), article
    assert (article.title, article.language) == (JA_TITLE, "ja")
    assert article.body == "\n\n".join(JA_PARAS)


def test_the_run_stores_them_with_their_language_and_no_events(prefect_harness, tmp_path: Path):
    from eventwire.flows.run import run

    from eventwire.options import RunOptions

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2024-04-10_library.html").write_text(JA_PAGE, encoding="utf-8")
    (folder / "2024-04-15_school-bus.txt").write_text(ZH_TEXT, encoding="utf-8")
    (folder / "2024-04-16_library-ko.txt").write_text(KO_TEXT, encoding="utf-8")
    (folder / "2024-04-16_ferry.txt").write_text(EN_TEXT, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    run([str(folder)], RunOptions(db_path=str(db), workers=1))

    assert rows(db, "SELECT source_id, reason, detail FROM rejects") == []
    stored = rows(db, "SELECT a.language, a.title, a.body, count(e.event_id) FROM articles a "
                      "LEFT JOIN events e USING (article_id) GROUP BY ALL ORDER BY a.language")
    assert stored[0][:2] == ("en", "Ferry Sinks in Storm") and stored[0][3] >= 1  # the English one is extracted
    assert stored[1:] == [
        ("ja", JA_TITLE, "\n\n".join(JA_PARAS), 0),
        ("ko", KO_TITLE, "\n\n".join(KO_PARAS), 0),
        # NFKC, as for every article: the full-width comma and colon become ASCII; "分享" dropped as furniture.
        ("zh", ZH_TITLE, normalise("\n\n".join(ZH_PARAS)), 0),
    ]
