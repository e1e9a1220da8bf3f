"""The word lists the extractors share, in one place: speech verbs, pronouns, titles, news outlets.

Each list is a convention an extractor relies on; an event type reads them from here rather than keeping its
own copy, so that "who speaks" means the same thing for a statement and for the source of a casualty figure.
"""

from __future__ import annotations

import re

SPEECH_CUES = frozenset(
    "say tell add state announce write tweet post urge warn accuse deny claim insist stress condemn report "
    "note explain argue ask acknowledge declare recall conclude respond reply promise vow predict admit "
    "confirm allege assert emphasize emphasise maintain caution reiterate remark comment contend concede "
    "complain charge testify retort quip".split()
)
"""Lemmas that introduce a statement. "call" needs a particle ("call for", "call on"): see CALL_PARTICLES."""

FIGURE_SOURCE_VERBS = frozenset("say tell report announce confirm state add claim estimate put quote".split())
"""Verbs whose subject gives a casualty figure ("police said 3 were killed", "officials put the toll at 40"):
the figure's `reported_by`. Narrower than SPEECH_CUES: a figure someone urged or denied is not reported by them."""

CALL_PARTICLES = frozenset({"for", "on", "upon"})

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
NEUTER_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PRONOUNS = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS | RELATIVE_PRONOUNS | {"you", "one", "this", "these", "those"}

TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "rev",
    "president", "minister", "secretary", "senator", "governor", "mayor", "general", "judge", "chancellor",
    "ambassador", "commissioner", "director", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "emir", "king", "queen", "prince", "sheikh", "pope", "premier", "leader", "head", "chief",
    "representative", "speaker", "attorney", "justice", "commander", "envoy", "official", "adviser",
    "advisor", "candidate", "nominee", "founder", "ceo", "executive", "lawmaker", "congressman",
    "congresswoman", "diplomat", "negotiator", "prosecutor", "lawyer", "analyst", "member", "deputy",
})
"""Words before or instead of a name: dropped from names, and what a description ("the emir") is matched by."""

OUTLET_WORDS = frozenset({"agency", "newspaper", "outlet", "daily", "broadcaster", "channel", "paper", "tabloid",
                          "website", "magazine", "network", "television", "radio", "wire", "news"})
OUTLET_NAMES = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france-presse", "interfax", "tass", "ria", "ria novosti",
    "bloomberg", "cnn", "bbc", "xinhua", "kommersant", "vedomosti", "al jazeera", "rbc", "meduza", "nbc",
    "cbs", "abc", "fox news", "politico", "axios", "the hill", "ukrinform", "unian", "anadolu", "efe", "dpa",
})
OUTLET_PARTS = re.compile(r"\b(News|Times|Post|Journal|Gazette|Herald|Tribune|Agency|TV|Radio|Telegraph|Guardian)\b")
"""News outlets: credited as a statement's or figure's source (`reported_by`), never as its speaker."""


def is_outlet_name(text: str) -> bool:
    """Whether a name is a news outlet's ("Interfax", "The Moscow Times", "lenta.ru", "the state news agency")."""
    low = text.lower().removeprefix("the ")
    return (low in OUTLET_NAMES or bool(OUTLET_PARTS.search(text)) or bool(re.search(r"\.(ru|com|org|net|ua)\b", low))
            or any(w in OUTLET_WORDS for w in low.split()))
