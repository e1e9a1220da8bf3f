"""Casualty figures: one `Event(event_type='casualty')` per count an analyst can sum.

How it reads a sentence: find a casualty cue (kill, die, wound, "death toll", "claimed ... lives", "pronounced
dead", "succumbed to his injuries", "fatally shot", "shot in the leg", "in critical condition", "turned the gun on
himself" or "killed his wife before shooting himself": the shooter, one more of the dead unless the words after
say someone lived...), find the slot
that holds its victims (the passive subject, the object, the subject of "die"...), and read the count phrase
there (`casualty_counts.read_count`): a number, or one person ("a man", "the 17-year-old", "Mark Ruiz", "he").
Victims are people: animals ("hunters killed 90,000 deer"), things and abstractions ("a van was struck by
gunfire") are never rows, nor is a rank in a series ("the third child to die in the city this week"), a death of
illness or in a road crash ("died of an apparent heart attack while hunting"), or a near miss ("barely missed
killing"). Conjoined groups ("2 soldiers and 3 civilians", and lists the parser hangs by apposition: "Two men, a
woman and a child") are separate rows; "including two civilians" and a breakdown after a comma ("Three people, two
men and a woman") are rows whose `subset_of` is the larger count's key. A death a vigil, memorial or tribute
remembers ("The vigil honored X, who died after he was shot") is of an earlier incident (`recalled`) where the
article tells of one of its own.

Across the article, `casualty_links.link` decides which rows are new victims and which restate, sum up or are
part of others (a closing tally, a name for a victim already counted, "he", another source's figure in
parentheses): those get `subset_of` too, and are kept as evidence.

`is_cumulative` marks figures that are not one incident: running tolls ("the war has claimed 13,000 lives", but
not "a shooting has claimed the life of a deputy"; "the death toll rose to 52", "since 2014") and period or area
statistics ("344 people were killed in the city last year", "141 children died in accidental shootings in 2015",
"kill 30,000 people a year").

The rule analysts rely on (`counts_toward_toll` here, the SQL twin in load/schema.sql): summing
`casualty_count` over rows with kind 'killed', not cumulative and not a subset, gives the article's death toll
without counting anyone twice. Two separate incidents whose figures look alike (compatible victims, the second
no larger) are then under-counted unless the text marks the second as more ("another", "also", "a second
attack"): the documented price of not double counting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..casualty_counts import HEADLINE, Count, is_person_noun, read_count
from ..numbers import amount, word_number
from ..casualty_links import Mention, compatible, link
from ..dates import AGE, MONTH_NAMES, PUBLISHED, date_for_event
from ..lexicon import FIGURE_SOURCE_VERBS, ILLNESSES, SURVIVAL, SUSPECT_NOUNS, VIOLENCE_LEMMAS
from ..nlp import entities, forms, paragraph_index, paragraph_starts, sentence_of, sentences, text_of, tokens_among
from ..records import Event
from ..speakers import source_name

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

class Casualty:
    """The `casualty` event type: `casualty_count` people (`victims`) were `casualty_kind` (killed, wounded, missing,
    kidnapped), with bounds, qualifier, subsets (`subset_of`) and running tolls (`is_cumulative`)."""

    name = "casualty"
    label = "casualty figure"
    colour = "#ffd2c8"

    def extract(self, doc: Doc) -> list[Event]:
        return extract_casualties(doc)

    def takes_article_place(self, event: Event) -> bool:
        """A figure of one incident with no place in its sentence happened where the article is about; a running
        toll belongs to a war, not to the place the article is about."""
        return not event.is_cumulative

    def relate(self, events: list[Event], doc: Doc) -> None:
        pass

    def describe(self, row: Mapping[str, Any]) -> str:
        return f"{row.get('casualty_kind') or 'casualty'}: {row.get('casualty_count')}"


def counts_toward_toll(event: Event) -> bool:
    """The death-toll rule: a killed figure of the article's own incident (not a running or period total, not one
    of an earlier or a separate incident the article also tells of: `recalled`), not part of a larger count
    already listed. Summing `casualty_count` over such rows never counts a death twice. (SQL: the view
    `death_toll_rows`.)"""
    return (event.event_type == "casualty" and event.casualty_kind == "killed" and not event.is_cumulative
            and event.subset_of is None and not event.recalled)


def counts_toward_wounded(event: Event) -> bool:
    """The same rule for the wounded: an article's wounded total sums these rows without double counting."""
    return (event.event_type == "casualty" and event.casualty_kind == "wounded" and not event.is_cumulative
            and event.subset_of is None and not event.recalled)


VERB_KINDS: dict[str, str] = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed", "behead": "killed",
    "massacre": "killed", "assassinate": "killed", "lynch": "killed", "execute": "killed", "succumb": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded", "graze": "wounded", "kidnap": "kidnapped",
    "abduct": "kidnapped",
}
"""Verb lemma → `casualty_kind`. Arrests are not casualty figures: they are `action` rows (events/action.py)."""

ADJ_KINDS: dict[str, str] = {"dead": "killed", "deceased": "killed", "missing": "missing", "injured": "wounded", "wounded": "wounded"}
NOUN_KINDS: dict[str, str] = {
    "death": "killed", "fatality": "killed", "toll": "killed", "injury": "wounded", "dead": "killed",
    "injured": "wounded", "wounded": "wounded", "killing": "killed", "murder": "killed", "slaying": "killed",
    "wound": "wounded", "condition": "wounded",
}
SHOT = "shot"
"""An internal kind, never a row: people shot, of whom those not killed are the wounded ("Four people were shot,
one fatally": killed 1, wounded 3)."""
OF_NOUNS = {"killing", "murder", "slaying"}  # cues only with their victim: "the killing of a teenager"
FATAL_ADVERBS = {"fatally", "mortally"}  # "fatally shot", "mortally wounded": killed
HARM_VERBS = {"shoot", "wound", "injure", "stab", "strike", "hit", "beat", "burn", "hurt", "gun"}
BODY_PARTS = frozenset("""
head face neck chest back stomach abdomen torso side arm arms hand hands shoulder shoulders leg legs foot feet knee
hip thigh buttock buttocks groin ankle wrist elbow finger fingers toe jaw eye cheek mouth ear lower upper body
""".split())
CONDITIONS = {"critical", "serious", "stable", "grave", "fair", "good", "satisfactory", "guarded", "life-threatening"}
WOUND_VERBS = {"suffer", "sustain", "receive", "treat"}  # "suffered a gunshot wound", "treated for injuries"
INCIDENT_NOUNS = {"attack", "shooting", "incident", "ambush", "clash", "strike", "raid", "explosion", "blast",
                  "bombing", "operation", "stabbing", "event", "airstrike", "fight", "battle"}
MORE_WORDS = {"another", "separate", "second", "third", "other", "different", "earlier", "later"}
HYPOTHETICAL_AUX = {"could", "would", "may", "might", "should", "can", "will", "'ll", "must"}
HYPOTHETICAL_HEADS = {
    "threaten", "plan", "vow", "risk", "fear", "try", "attempt", "seek", "aim", "want", "warn", "intend",
    "prevent", "avoid", "order", "call", "urge", "allow", "help", "miss", "escape",
}
RUNNING_SUBJECTS = {"war", "conflict", "fighting", "insurgency", "violence", "pandemic", "crisis", "offensive", "campaign", "epidemic", "outbreak", "virus"}
_CLAUSE_BREAKS = {"conj", "ccomp", "advcl", "parataxis", "relcl", "xcomp", "csubj"}


MISREAD_LEMMAS = {"shot": "shoot", "slain": "slay"}
"""Verb forms the model sometimes leaves unlemmatised (tagged VB/VBP: "a man who police say shot two women")."""


_CUE_POS = {"VERB", "AUX", "ADJ", "NOUN", "PROPN"}
_CUE_WORDS = frozenset(HARM_VERBS | VERB_KINDS.keys() | ADJ_KINDS.keys() | NOUN_KINDS.keys() | {
    "gun", "succumb", "shoot", "claim", "lose", "find", "recover", "discover", "retrieve", "strike", "hit", "graze",
    "hospitalize", "shooting", "injured", "wounded", "missing", "turn"} | MISREAD_LEMMAS.keys())
"""Every form or lemma `_cue_kind` can find a kind for, but for a verb with "to death" ("beaten to death"): keep
it in step with `_cue_kind`. Only these tokens are worth a Token object (`_cue_tokens`)."""


def _cue_tokens(sent: Span) -> list[Token] | Span:
    """The tokens of `sent` that may be casualty cues, in order: those of `_CUE_WORDS`, or every token of a
    sentence that says "death" (any verb "to death" is one). The rest `_cue_kind` would turn down."""
    if "death" in forms(sent.doc)[0][sent.start:sent.end]:
        return sent
    return tokens_among(sent.doc, _CUE_WORDS, sent.start, sent.end)


def _cue_kind(tok: Token) -> tuple[str, str] | None:
    """(kind, cue lemma) when `tok` is a casualty cue."""
    if tok.pos_ not in _CUE_POS:
        return None
    low = tok.lower_
    lemma = MISREAD_LEMMAS.get(low, tok.lemma_.lower()) if tok.pos_ in ("VERB", "AUX") else tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        if lemma in HARM_VERBS and any(c.lower_ in FATAL_ADVERBS for c in tok.children):
            return "killed", lemma  # "was fatally shot", "mortally wounded"
        if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            return "killed", "gun"  # "gunned down"
        if lemma == "succumb":
            return ("killed", lemma) if any(c.dep_ == "prep" for c in tok.children) else None
        if lemma == "execute" and not any(c.dep_ in ("dobj", "nsubjpass") and is_person_noun(c) for c in tok.children):
            return None  # "executed a search warrant"
        found = tok.dep_ in ("xcomp", "oprd") and tok.head.lemma_.lower() in ("find", "discover", "locate")
        if lemma == "shoot" and _shot_himself_after_killing(tok) is not None:
            return "killed", "shoot"  # "killed his wife and son before shooting himself": the shooter died too
        if lemma == "shoot" and _body_part(tok) and not found and not any(c.lower_ in ("dead", "death") for c in tok.subtree):
            return "wounded", "shoot"  # "shot in the leg" (but "found shot in the head": shot, of whom some may be dead)
        if lemma in VERB_KINDS:
            return VERB_KINDS[lemma], lemma
        if lemma == "turn" and _on_himself(tok) is not None:
            return "killed", "turn"  # "shot his daughter before turning the gun on himself": the shooter died too
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in tok.children):
            return "killed", "claim"
        if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in tok.children):
            return "killed", "lose"
        if lemma in ("find", "recover", "discover", "retrieve") and _has_bodies(tok):
            return "killed", "find"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            return "killed", "shoot"
        if lemma not in NOT_TO_DEATH and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.lower_ == "death" for g in c.children) for c in tok.children):
            return "killed", lemma  # "beaten to death", "stabbed to death"
        if low in ("injured", "wounded") and tok.tag_ == "VBN":
            return "wounded", lemma
        if low == "missing":
            return "missing", "miss"
        if lemma == "shoot" and not any(c.dep_ == "prep" and c.lower_ == "at" and not _a_place_passive(tok, c) for c in tok.children):
            return SHOT, "shoot"  # "four people were shot": wounded, but for those who died (see _derive_wounded)
        if lemma in ("strike", "hit", "graze") and (_by_gunfire(tok) or any(
                c.dep_ == "nsubj" and c.lemma_.lower() in GUNFIRE for c in tok.children)):
            return SHOT, "shoot"  # "a girl was struck by a stray bullet", "a bullet struck an 11-year-old girl"
        if lemma in ("strike", "hit") and _body_part(tok) and (_gunfire_said(sentence_of(tok)) or (
                _shots_told_before(tok) and not _with_a_weapon(tok))):
            return "wounded", "shoot"  # "fired one shot into the car, striking a girl in the arm"; "The child was
            # hit in the leg" after "An accidental shooting sent an 8-year-old boy to the hospital"
        if lemma == "hospitalize":
            return "wounded", "hospitalize"
    if low == "deceased" and tok.dep_ == "amod" and not (tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in ("find", "discover", "locate")):
        return None  # "relatives of a deceased woman": a reference to someone dead, not a report of a death
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and low in ADJ_KINDS and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN" \
            and tok.head.tag_ == "NN" and not is_person_noun(tok.head) and tok.head.lemma_.lower() != "body":
        return None  # "a dead sleep", "a dead end", "the injured knee": no one dead or hurt
    if tok.pos_ == "ADJ" and low in ADJ_KINDS and not (low == "dead" and tok.head.lemma_ == "shoot"):
        return ADJ_KINDS[low], "die" if low == "dead" else lemma
    if tok.pos_ == "NOUN" and lemma == "shooting" and any(c.dep_ == "amod" and c.lower_ in ("fatal", "deadly") for c in tok.children) \
            and _of_person(tok) is not None:
        return "killed", "shooting"  # "the fatal shooting of a 19-year-old man"
    if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS and not (lemma == "death" and tok.head.lower_ == "to"):
        if lemma in OF_NOUNS and _of_person(tok) is None:
            return None
        if lemma == "condition" and not _condition_of_a_person(tok):
            return None
        if lemma == "injury" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                p.dep_ == "pobj" and p.lemma_.lower() in THINGS for p in c.children) for c in tok.children):
            return None  # "malicious injury to property": no one hurt
        if lemma in ("wound", "injury") and any(_fatal(c) for c in tok.children) and \
                tok.dep_ == "dobj" and tok.head.lemma_.lower() in WOUND_VERBS:
            return "killed", "wound"  # "sustained a fatal wound"
        if lemma in ("wound", "injury") and _with_wounds(tok) is not None and any(_fatal(c) for c in tok.children):
            return "killed", "wound"  # "was found with a fatal gunshot wound"
        if lemma in ("wound", "injury") and _with_wounds(tok) is not None:
            return "wounded", "wound"  # "taken to the hospital with non-life-threatening injuries"
        if lemma in ("wound", "injury") and _suffering_from(tok) is not None and not any(_fatal(c) for c in tok.children):
            return "wounded", "wound"  # "recovering from gunshot wounds"
        if lemma == "wound" and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in WOUND_VERBS):
            return None
        if lemma == "injury" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in WOUND_VERBS:
            return "wounded", "wound"  # "suffered minor injuries": the sufferer is the victim
        return NOUN_KINDS[lemma], lemma
    return None


NOT_TO_DEATH = frozenset({"sentence", "condemn", "scare", "frighten", "bore", "threaten"})
"""Verbs whose "to death" kills no one: "sentenced to death" (a sentence, not an execution), "scared to death"."""

WEAPONS = frozenset("gun weapon rifle pistol handgun shotgun firearm revolver".split())
_SURVIVED = re.compile(r"\b(?:surviv|critical|stable|satisfactory|serious condition|treated|recovering|hospitali[sz]ed|"
                       r"in (?:the )?hospital|expected to live)", re.IGNORECASE)  # (a word's start: not "Constable")
SURVIVAL_CHARS = 250
"""How far after "turned the gun on himself" the text is read for a word saying he lived."""


def _on_himself(verb: Token) -> Token | None:
    """"himself" in "turned the gun on himself" (or the weapon, the rifle ...): a killer's suicide, which news
    tells that way and counts among the dead ("Five dead, including the gunman"), unless the sentence or the
    words after it say someone lived ("... turned the gun on herself. She was treated for a shoulder wound"):
    then no row (who survived is not read here)."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in WEAPONS for c in verb.children):
        return None
    own = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
                for p in c.children if p.dep_ == "pobj" and p.lower_ in ("himself", "herself")), None)
    return None if own is None or _lived_after(own) else own


def _lived_after(own: Token) -> bool:
    """Whether the sentence of "himself", or the words after it, say someone lived ("... turned the gun on herself.
    She was treated for a shoulder wound")."""
    sent = sentence_of(own)
    return _SURVIVED.search(sent.doc.text, sent.start_char, max(sent.end_char, own.idx + SURVIVAL_CHARS)) is not None


def _shot_himself_after_killing(verb: Token) -> Token | None:
    """"himself" in "killed his wife and son before shooting himself", "killed his wife and then shot himself in
    the head": a killer's suicide told after the killing, counted among the dead like "turned the gun on himself"
    (and with the same exception: words after it that say he lived). "Shot his wife and then shot himself" (no
    one said killed) stays someone shot."""
    own = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("himself", "herself")), None)
    if own is None:
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("before", "after"):
        head = head.head
    elif verb.dep_ != "conj":
        return None
    lemma = head.lemma_.lower()
    if not (_a_killing(lemma) or (lemma == "shoot" and any(c.lower_ in FATAL_ADVERBS for c in head.children))):
        return None
    return None if _lived_after(own) else own


def _a_place_passive(verb: Token, at: Token) -> bool:
    """"Five people were shot at a house party", "a gunman shot four people at a bar": where they were shot (not
    "shot at", fired upon: then "at" stands right after the verb, with no one shot between)."""
    return (any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "dobj" and c.i < at.i for c in verb.children)) \
        and any(p.dep_ == "pobj" and not is_person_noun(p) and p.pos_ != "PRON" for p in at.children)


GUNFIRE = {"bullet", "bullets", "gunfire", "round", "rounds", "shot", "shots", "shotgun", "pellet", "pellets", "fire"}


def _by_gunfire(verb: Token) -> bool:
    """"struck by a stray bullet", "hit by gunfire"."""
    return any(c.dep_ == "agent" and any(p.lemma_.lower() in GUNFIRE for p in c.children) for c in verb.children)


CHARGE_VERBS = frozenset("charge accuse indict convict cite book arrest sentence".split())
THINGS = frozenset("property vehicle car truck house home building window door business".split())
GUNFIRE_WORDS = frozenset("shot shots fired gunfire bullet bullets gunshot gunshots round rounds".split())


def _gunfire_said(sent: Span) -> bool:
    """Shots told of in the sentence: "struck in the arm" is then a gunshot wound."""
    return any(t.lower_ in GUNFIRE_WORDS for t in sent)


_SHOTS_BEFORE = ("eventwire", "first_shots")
SHOOTING_WORDS = GUNFIRE_WORDS | {"shooting", "shootings", "gunman", "gunmen"}


def _shots_told_before(tok: Token) -> bool:
    """Shots or a shooting told of anywhere in the article before `tok`'s sentence ends: a story of a shooting,
    whose "was hit in the leg" is a gunshot wound though the sentence says no shot (the first such word's index is
    found once per Doc)."""
    doc = tok.doc
    first = doc.user_data.get(_SHOTS_BEFORE)
    if first is None:
        first = next((t.i for t in doc if t.lower_ in SHOOTING_WORDS), len(doc))
        doc.user_data[_SHOTS_BEFORE] = first
    return first < sentence_of(tok).end


def _with_a_weapon(verb: Token) -> bool:
    """"hit in the head with a bat", "struck in the face by a fist": harm the sentence says is not a shot."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by") for c in verb.children)


def _fatal(modifier: Token) -> bool:
    """"a fatal wound", not "a non-fatal wound"."""
    doc = modifier.doc
    negated = modifier.i >= 2 and doc[modifier.i - 1].text == "-" and doc[modifier.i - 2].lower_ in ("non", "not")
    return modifier.lower_ in ("fatal", "mortal") and not negated


def _body_part(verb: Token) -> bool:
    """"shot in the leg", "shot once in the head", "shot to the chest": a wound, where no death is said."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # "striking a girl in the arm" (hung on the girl)
    for prep in [*verb.children, *(p for o in objects for p in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "through"):
            if any(p.lemma_.lower() in BODY_PARTS for p in prep.children if p.dep_ == "pobj"):
                return True
    return False


def _of_person(noun: Token) -> Token | None:
    """The person in "the killing of a teenager" / "the murder of Mark Ruiz", if any."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and (is_person_noun(pobj) or pobj.pos_ == "PROPN" or pobj.like_num):
                return pobj
    return None


def _whose(noun: Token) -> Token | None:
    """The person a death is said of by a possessive noun ("her 4-year-old's accidental shooting death", "learned of
    the boy's death"), not by a name or a pronoun ("Khashoggi's death", "his death"), which recall someone the text
    has told of."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in ("NOUN", "ADJ") or not is_person_noun(owner):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in TIME_PREPOSITIONS:
        return None  # "11 years after the dictator's death": a time, not a report of a death
    return owner


def _with_wounds(noun: Token) -> Token | None:
    """The verb of "(was taken to hospital / found) with a gunshot wound" (its subject has the wound), or the
    person of "a 54-year-old woman with wounds to the leg"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
        if verb.lemma_.lower() in CHARGE_VERBS:
            return None  # "was charged with malicious injury": a charge, not a wound
        if not any(c.lower_ in ("dead", "death") for c in verb.subtree):
            return verb
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in ("treat", "hospitalize", "hospitalise"):
        return noun.head.head  # "was treated for gunshot wounds"
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and is_person_noun(noun.head.head):
        return noun.head.head
    place = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "for") else None
    if place is not None and place.lemma_.lower() in ("hospital", "center", "centre") and place.dep_ == "pobj" \
            and place.head.dep_ == "prep" and place.head.head.pos_ in ("VERB", "AUX") and (
            noun.head.lower_ == "with" or place.head.head.lemma_.lower() in ("treat", "hospitalize", "hospitalise")):
        return place.head.head  # "was taken to a local hospital with minor injuries", "was treated at a hospital for
    return None  # superficial wounds" (the parser hangs "with" or "for" on the hospital)


def _suffering_from(noun: Token) -> Token | None:
    """The verb of "suffering from / recovering from / bleeding from (gunshot) wounds", whose subject is hurt."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "from":
        verb = noun.head.head
        if verb.lemma_.lower() in ("suffer", "recover", "suffering", "bleed") or verb.lower_ == "suffering":
            return verb
    return None


def _sufferers(verb: Token) -> list[Token]:
    """Who suffers: the verb's subject, the noun it describes ("a child suffering from ..."), or the people found
    ("found two women and a child, suffering gunshot wounds")."""
    found = _kids(verb, "nsubj", "nsubjpass")
    if found:
        return found
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _kids(verb.head.head, "nsubj", "nsubjpass")  # "a boy is recovering after suffering from a wound"
    if (verb.dep_ == "acl" and not is_person_noun(verb.head) and verb.head.dep_ == "pobj"
            and verb.head.head.head.pos_ in ("VERB", "AUX")):  # "was transported from the scene suffering from ..."
        return _kids(verb.head.head.head, "nsubjpass", "nsubj")
    if verb.dep_ == "acl" or (verb.pos_ == "NOUN" and verb.dep_ == "pobj"):
        return [verb.head] if verb.dep_ == "acl" else _kids(verb.head.head, "nsubj")
    if verb.dep_ in ("advcl", "xcomp"):  # "was found suffering from a gunshot wound"
        return _kids(verb.head, "dobj") or _kids(verb.head, "nsubj", "nsubjpass")
    return []


def _condition_of_a_person(noun: Token) -> bool:
    """"in critical condition", "listed in stable condition": said of someone hurt."""
    return (any(c.dep_ == "amod" and c.lower_ in CONDITIONS for c in noun.children)
            and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with"))


def _has_bodies(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "body" for c in verb.children)


def _negative(slot: Token) -> bool:
    """"No one", "nobody", "no civilians": a statement that nobody was hurt, not a count."""
    return slot.lower_ in ("nobody", "none", "no-one", "noone") or any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in slot.children
    )


def _kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _shared_subject(verb: Token) -> list[Token]:
    """The subject a verb borrows: "1 policeman was shot and killed", "5 men were reported killed"."""
    if _kids(verb, "nsubj", "nsubjpass") or _objects(verb):
        return []
    head = verb.head
    listed = (verb.dep_ == "advcl" and verb.doc.user_data.get(HEADLINE) and head.i < verb.i
              and verb.doc[verb.i - 1].text == ",")  # a headline's list of verbs: "17-year-old boy shot, killed in X"
    if ((verb.dep_ == "conj" or listed) and head.pos_ == "VERB"
            and not any(c.lower_ in ("or", "either") for c in head.children)):
        passive = _kids(head, "auxpass") or (verb.doc.user_data.get(HEADLINE) and not _objects(head))
        return _kids(head, "nsubjpass") or (_kids(head, "nsubj") if passive else [])  # (a headline drops "was":
        #                                                          "Teenage boy shot and killed by family member")
    if verb.dep_ in ("xcomp", "oprd", "ccomp") and head.lemma_.lower() in ("report", "confirm", "believe", "fear", "think", "say", "presume",
                                                                            "find", "discover", "locate"):
        return _kids(head, "nsubjpass")  # "5 men were reported killed", "four people were found shot to death"
    return []


TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m"})


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, but for a time the parser took for one ("was shot and killed around 1:54 a.m.") and for
    a relative pronoun before a verb that has an object of its own: "the boy who police say shot and killed a
    girl" is parsed with "who" an object of "killed", yet a verb has one object: "who" is the one who fired.
    "... killed two people and then himself", "himself" conjoined to the verb, is an object too."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and not (c.lower_ in TIME_WORDS or c.ent_type_ == "TIME")]
    if len(objects) > 1:
        objects = [o for o in objects if not (o.tag_ in ("WP", "WDT") and o.i < verb.i)]
    if len(objects) > 1 and any(c.dep_ == "prep" and objects[0].i < c.i < objects[-1].i for c in verb.children):
        objects = [o for o in objects if o is objects[0] or any(  # "shot him with a gun the two found": "the two"
            t.text == "," or t.dep_ == "cc" or t.lower_ == "as" for t in verb.doc[objects[0].i : o.left_edge.i])]
        # parsed as a second object (but "killed 270 fighters in six months, as well as 50 civilians": two)
    if objects and VERB_KINDS.get(verb.lemma_.lower()) == "killed":  # "killed two people and then himself", the
        # parser hanging "himself" on the verb (not "shot a boy and then himself": whether he died is not said)
        objects += [c for c in verb.children if c.dep_ == "conj" and c.lower_ in ("himself", "herself")]
    return objects


def _subjects(verb: Token) -> list[Token]:
    """The subject, also where the parser hung it on the auxiliary ("3 are missing")."""
    return _kids(verb, "nsubj") or [s for a in _kids(verb, "aux", "auxpass") for s in _kids(a, "nsubj")]


def _with_conjuncts(tok: Token) -> list[Token]:
    """A noun and the nouns conjoined with it: separate groups, separate rows."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM", "PROPN", "PRON", "ADJ"))
        # A list the parser hung by apposition: "Two police officers, one civil servant and one resident".
        stack.extend(c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and any(n.dep_ == "nummod" for n in c.children) and not any(n.lower_ == "them" for n in c.subtree)
                     and not any(p.text == ";" for p in t.doc[t.i : c.i]))  # ("shoots self; three suspects in custody")
        # Or a list of people: "Two men, a woman and a child were killed" (the woman an apposition, the child her
        # conjunct), after a counted or indefinite head, not "the victims, a man and a woman" (a breakdown).
        if t.pos_ == "NOUN" and any(n.dep_ == "nummod" or (n.dep_ == "det" and n.lower_ in ("a", "an")) for n in t.children):
            stack.extend(c for c in t.children if c.dep_ == "appos" and c.pos_ == "NOUN" and is_person_noun(c)
                         and any(n.dep_ == "conj" for n in c.children) and c not in stack and c not in out
                         and not _closed_apposition(c))
        # A list of names so hung: "Betty Mungin, 55, Alexis Mungin, 29, and Armani Mungin ... were fatally shot".
        stack.extend(c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                     and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and c.i > t.i + 2)
    return out


def _closed_apposition(part: Token) -> bool:
    """An apposition closed by a comma or a dash ("Two officers, a sergeant and a deputy, were killed"): a breakdown
    of the count before it, not more people ("Two men, a woman and a child were killed")."""
    end = part.right_edge.i + 1
    return end < len(part.doc) and part.doc[end].text in _SET_OFF


_SET_OFF = (",", "--", "—", "–")
"""What sets an apposition off from its head, and closes it."""


BREAKDOWN_HEADS = frozenset({"victim", "people", "person", "other", "others", "individual", "child", "children", "kid",
                             "teen", "teenager", "youth", "juvenile", "minor", "student"})


def _breakdown(slot: Token) -> set[int]:
    """The groups an apposition breaks a count of people down into ("The other four victims -- two men and two
    women -- were wounded", "three others, two men and a woman"): parts of that count, not more people. Only
    under a word for anyone, and only where the parts add up to it ("Two police officers, one civil servant and
    one resident" is a list of four)."""
    partitive = slot.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in slot.children)
    if slot.lemma_.lower() not in BREAKDOWN_HEADS and slot.lower_ not in BREAKDOWN_HEADS and not partitive:
        return set()
    whole = read_count(slot)
    if whole is None or whole.number_token is None:
        return set()
    parts, stack = [], [c for c in slot.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    if not stack:  # "Two of those men, Juan Saenz-Ponce, 23, and Daniel Chumacero, 24, died", "Three people, two
        first = next((c for c in slot.children if c.dep_ == "conj"), None)  # men and a woman": the parser calls the
        # first part a conjunct after the comma (the parts must still add up to the count)
        if first is not None and first.left_edge.i > 0 and slot.doc[first.left_edge.i - 1].text in _SET_OFF:
            stack = [first]
    while stack:
        part = stack.pop()
        parts.append(part)
        stack.extend(c for c in part.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    counts = [read_count(p) for p in parts]
    if not parts or any(c is None for c in counts) or sum(c.amount.count for c in counts) != whole.amount.count:
        return set()
    return {p.i for p in parts}


def _victim_slots(cue: Token, lemma: str) -> list[Token]:
    """The tokens that hold the victims of a cue, before reading any count ("who" stands for its noun)."""
    slots = [s for s in _slots(cue, lemma) if s is not None]
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head if cue.dep_ in ("oprd", "acomp") else None
    if verb is not None and all(s.ent_type_ in ("DATE", "TIME") and s.pos_ == "PROPN" for s in slots):  # none, or a
        lost = _lost_subject(verb)  # date the parser made the subject: "Around 27 April 2020, in Timoteo, a drug
        return [lost] if lost is not None else []  # trafficker was found dead"
    if slots and cue.pos_ in ("VERB", "AUX"):
        slots += [t for t in _in_addition_to(cue) if t not in slots]
    return [_antecedent(s) if s.lower_ in ("who", "that", "whom") else s for s in slots]


def _in_addition_to(verb: Token) -> list[Token]:
    """Victims the verb adds "in addition to" its object: "killed 1 council member in addition to 3 of his guards"."""
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
            for a in c.children if a.dep_ == "pobj" and a.lower_ == "addition"
            for to in a.children if to.dep_ == "prep" and to.lower_ == "to"
            for p in to.children if p.dep_ == "pobj"]


def _lost_subject(cue: Token) -> Token | None:
    """The subject of a passive cue the parser hung elsewhere ("In a shooting caught on Facebook Live, a 2-year-old
    boy and a 26-year-old man were killed": "boy" made an apposition of "Live"): the person noun right before its
    auxiliary, from the first of its conjuncts."""
    aux = next((c for c in cue.children if c.dep_ == "auxpass" and c.i < cue.i), None)
    if aux is None or aux.i == 0:
        return None
    noun = cue.doc[aux.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or not (is_person_noun(noun) or noun.ent_type_ == "PERSON"):
        return None
    while noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun if is_person_noun(noun) or noun.ent_type_ == "PERSON" else None


def _antecedent(who: Token) -> Token:
    """The noun a relative pronoun stands for: "a boy who police say was shot and killed" → boy."""
    verb = who.head
    for _ in range(4):
        if verb.dep_ == "relcl":
            return verb.head
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return who


def _slots(cue: Token, lemma: str) -> list[Token]:
    if lemma == "turn":
        return [_on_himself(cue)]  # "turning the gun on himself": himself
    if lemma == "toll":
        return _toll_slots(cue)
    if (lemma in OF_NOUNS or lemma == "shooting") and cue.pos_ in ("NOUN", "PROPN"):
        return [_of_person(cue)]
    if cue.pos_ in ("VERB", "AUX"):
        dead = next((c for c in cue.children if c.lower_ == "dead" and c.dep_ in ("ccomp", "xcomp")), None)
        shot = _kids(dead, "nsubj") if dead is not None else []
        if shot:
            return shot  # "shoot the driver dead", the driver parsed as the subject of "dead"
    if lemma == "death" and cue.pos_ == "NOUN" and cue.tag_ == "NNS" and _of_person(cue) is not None:
        return [_of_person(cue)]  # "the deaths of a mother and her two children": each of them (their conjuncts)
    if lemma == "death" and cue.pos_ == "NOUN" and cue.tag_ == "NN" and (owner := _whose(cue)) is not None:
        return [owner]  # "in her 4-year-old's accidental shooting death": the 4-year-old
    if lemma == "condition":  # "he is in critical condition", "a man was taken to hospital in stable condition"
        verb = cue.head.head
        subjects = _kids(verb, "nsubj", "nsubjpass")
        if not subjects and verb.dep_ == "conj":
            subjects = _kids(verb.head, "nsubj", "nsubjpass")
        return subjects
    if lemma in ("wound", "injury") and cue.pos_ == "NOUN" and _with_wounds(cue) is not None:
        verb = _with_wounds(cue)
        if verb.pos_ not in ("VERB", "AUX"):
            while verb.dep_ == "conj" and (verb.head.pos_ in ("NOUN", "PROPN") or is_person_noun(verb.head)):
                verb = verb.head  # "two females and a male with gunshot wounds", "a 4-year-old and a woman ...": all
            return [verb]  # "a woman with wounds to the arm"
        return _kids(verb, "nsubjpass", "nsubj") or _kids(verb, "dobj")
    if lemma in ("wound", "injury") and cue.pos_ == "NOUN" and _suffering_from(cue) is not None:
        return _sufferers(_suffering_from(cue))  # "four people are recovering from gunshot wounds"
    if cue.pos_ == "NOUN" and cue.dep_ == "dobj" and cue.head.lemma_.lower() in WOUND_VERBS and lemma in ("wound", "injury", "kill"):
        return (_subjects(cue.head) or _kids(cue.head, "nsubjpass")
                or (_sufferers(cue.head) if cue.head.dep_ in ("acl", "advcl") else [])  # "another man suffered a gunshot wound"
                or (_kids(cue.head.head, "nsubjpass") if cue.head.dep_ == "conj" else []))  # "a 15-month-old was
        # also struck but suffered injuries"
    if lemma in ("fatality", "death", "dead") and cue.pos_ in ("NOUN", "PROPN"):
        coded = _coded_as(cue)
        if coded is not None:
            return [coded]  # "Fatalities coded as 3"
    if cue.pos_ in ("NOUN", "PROPN"):  # "12 deaths", "deaths of 3 people", "20 dead"
        return [cue]
    if cue.dep_ == "amod" and cue.tag_ == "VBN" and cue.lower_ in ADJ_KINDS and cue.head.pos_ in ("NOUN", "PROPN"):
        return [cue.head]  # "two injured subjects", the participle tagged a verb: the noun it describes
    if cue.pos_ == "ADJ" and cue.lower_ in ADJ_KINDS:
        if any(c.dep_ in ("nummod", "det", "quantmod") for c in cue.children):
            return [cue]
        if cue.dep_ == "ROOT" and _kids(cue, "dobj"):
            return _kids(cue, "dobj")  # "gunmen riding a motorcycle shot dead an IDP civilian", "shot" parsed as a noun
        if cue.dep_ == "amod":
            if cue.head.ent_type_ in ("DATE", "TIME") and cue.i > 0 and cue.doc[cue.i - 1].pos_ in ("NOUN", "PROPN"):
                before = cue.doc[cue.i - 1]  # "left a man and woman dead Thursday" (parsed as "dead Thursday")
                while before.dep_ == "conj" and before.head.i < before.i:
                    before = before.head
                return [before]
            return [cue.head]
        if cue.dep_ in ("ccomp", "conj") and _kids(cue, "nsubj"):
            return _kids(cue, "nsubj")  # "officers found one man dead", "left three people injured and one person dead"
        if cue.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advcl", "conj") or (
                cue.dep_ == "advmod" and cue.head.lemma_.lower() in ("find", "leave", "discover", "locate")):
            head = cue.head
            objects = _kids(head, "dobj")
            just_before = cue.doc[cue.i - 1] if cue.i > 0 else cue
            if (objects and just_before.dep_ == "conj" and just_before.pos_ in ("NOUN", "PROPN") and is_person_noun(just_before)
                    and just_before.i not in {t.i for o in objects for t in _with_conjuncts(o)}):
                return [just_before]  # "left a woman in critical condition and her son dead" (parsed as "condition
                # and her son"): the one said dead, not the woman said hurt
            before = [o for o in objects if o.i < cue.i]
            if len(objects) > 1 and before:  # "left a man and woman dead and their two children hospitalized"
                return [max(before, key=lambda o: o.i)]
            subjects = _kids(head, "nsubj", "nsubjpass")
            while not objects and not subjects and head.dep_ == "conj" and head.head.i != head.i:
                head = head.head  # "sustained injuries(, was taken to a hospital) and was pronounced dead"
                subjects = _kids(head, "nsubj", "nsubjpass")
            return objects or subjects
        return _kids(cue, "nsubj")
    if lemma in ("find",):
        return [b for b in _kids(cue, "dobj", "nsubjpass") if b.lemma_.lower() == "body"]
    if lemma in ("claim", "lose"):
        if lemma == "lose":
            return _kids(cue, "nsubj")
        return _kids(cue, "dobj")
    passive = _kids(cue, "nsubjpass")
    if passive:
        return passive
    shared = _shared_subject(cue)
    if shared:
        return shared
    if (cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and cue.head.lower_ in TIME_PREPOSITIONS
            and cue.head.head.pos_ in ("VERB", "AUX") and not _kids(cue, "nsubj", "dobj")
            and (any(c.dep_ == "auxpass" for c in cue.children) or lemma in ("die", "succumb"))):
        return _kids(cue.head.head, "nsubj", "nsubjpass")  # "a woman is in the hospital after being shot"
    objects = _objects(cue)
    if cue.dep_ == "acl" and cue.tag_ == "VBN" and not objects and not _subjects(cue) and cue.head.pos_ in ("NOUN", "NUM", "PRON"):
        head = cue.head  # "40 people killed in ...", "a soldier and a militiaman killed"
        while head.dep_ == "conj" and head.head.pos_ == head.pos_:
            head = head.head
        return [head]
    if cue.dep_ == "relcl" and cue.tag_ == "VBN" or (cue.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in cue.children)):
        return [cue.head]
    if lemma == "miss":
        if cue.dep_ in ("acomp", "xcomp", "oprd") and not _kids(cue, "nsubj"):
            return _kids(cue.head, "nsubj", "nsubjpass")
        return _subjects(cue)
    after = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    if (cue.pos_ == "VERB" and after is not None and after.like_num and after.dep_ == "nummod"
            and after.head.dep_ == "npadvmod" and after.head.head.i == cue.i and after.head.ent_type_ in ("DATE", "TIME")):
        return [after]  # "and wounded three Sunday night", parsed as "three Sunday nights"
    if cue.lower_ in ("injured", "wounded") and cue.dep_ in ("oprd", "xcomp", "ccomp") and not _subjects(cue) \
            and cue.head.lemma_.lower() in ("leave", "find", "discover", "locate"):
        return _kids(cue.head, "dobj")  # "has left three people injured"
    if lemma in ("die", "succumb") or (cue.lower_ in ("injured", "wounded") and not _kids(cue, "dobj")):
        if not _subjects(cue) and cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "AUX") and lemma in ("die", "succumb"):
            return _subjects(cue.head)  # "the 15-year-old turned the gun on himself and died at the scene"
        return _subjects(cue)
    if objects and not (cue.doc.user_data.get(HEADLINE) and all(read_count(o) is None for o in objects)):
        return objects  # (a headline's "Teen killed in shooting ID'd; gun's origins...": no one killed "origins")
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and _kids(c, "dobj") for c in cue.children):
        return []  # "his son shot and killed a girl": the subject shot; the one shot is the conjoined verb's object
    # telegraphic passive, as in wire notes: "1 soldier killed", "12 killed", "hundreds injured"
    return [s for s in _subjects(cue) if read_count(s) is not None]


TIME_PREPOSITIONS = {"after", "before", "since", "upon", "following", "despite"}
"""Prepositions of "after being shot", "after dying": the main clause's subject is the one it happened to."""


CODING_VERBS = {"code", "record", "estimate", "report", "put", "set", "count", "split", "divide"}


def _coded_as(fatalities: Token) -> Token | None:
    """The number of a coding remark closing a wire note: "Fatalities coded as 3", "Unknown number of fatalities
    coded as 10", "Fatalities are split across 2 events (3)": the figure the note stands for."""
    head = fatalities
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        head = head.head.head  # "number of fatalities"
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or not (verb.lemma_.lower() in CODING_VERBS or verb.lower_ == "coded"):
        return None  # (the model lemmatises "coded" as "cod")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("as", "at"):
            number = next((c for c in prep.children if c.dep_ == "pobj" and c.like_num), None)
            if number is not None:
                return number
    if verb.lemma_.lower() in ("split", "divide"):  # "... split across 2 events (3)": this event's share
        for tok in verb.subtree:
            if tok.like_num and tok.i > 0 and tok.doc[tok.i - 1].text == "(":
                return tok
    return None


def _coded_count(number: Token) -> Count | None:
    value = word_number(number.text.replace(",", ""))
    return None if value is None else Count(amount(value), [number], None, None, number, reference="number")


def _toll_slots(toll: Token) -> list[Token]:
    """Where a death toll states its figure: "rose to 52", "stands at 40", "is 12", "a toll of 30"."""
    slots = []
    of = next((c for c in toll.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        slots += _kids(of, "pobj")
    slots += [c for c in toll.children if c.dep_ in ("nummod", "appos")]
    verb = toll.head if toll.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at", "of"):
                slots += _kids(child, "pobj")
            elif child.dep_ in ("attr", "dobj") and child.i != toll.i:
                slots.append(child)
    return slots


FACTUAL_MARKS = {"after", "when", "because", "since", "as", "while", "once"}
"""Conjunctions of a clause that tells what happened ("after a boy was shot"), whatever the main clause's mood."""


def _negated_or_hypothetical(cue: Token) -> bool:
    """True for "no one was killed", "could kill thousands", "threatened to kill 10", "if 5 die"."""
    for c in cue.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX) or (c.dep_ == "mark" and c.lower_ in ("if", "unless")):
            return True
    head = cue
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj") or head.head.i == head.i:
            break
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in FACTUAL_MARKS for c in head.children):
            break  # "there will be no charges after a boy was shot": what happened, whatever the main clause says
        head = head.head
        if head.lemma_.lower() in HYPOTHETICAL_HEADS:
            return True
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in head.children) and head.lemma_ not in FIGURE_SOURCE_VERBS:
            return True
    return False


def _is_cumulative(cue: Token, lemma: str) -> bool:
    """A running toll ("the conflict has claimed...", "the death toll rose to...", "since 2014") rather than one incident."""
    if lemma == "toll":
        return True
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    present_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    heads = {v.i for v in _coordinated_cues(verb)}  # "50 shot since June 21 and 19 killed", "3 killed and 22 hurt since"
    for tok in verb.subtree:
        if tok.lower_ == "since" and tok.head.i in heads or (tok.lower_ in ("far", "date") and tok.head.lower_ in ("so", "to")):
            return True
        if tok.lower_ == "far" and any(c.lower_ == "so" for c in tok.children):
            return True
    one_incident = any(c.dep_ == "nsubj" and c.lemma_.lower() in INCIDENT_NOUNS for c in verb.children)  # "a shooting
    # has claimed the life of a deputy": that incident's toll
    if present_perfect and ((lemma == "claim" and not one_incident)
                            or any(c.dep_ == "nsubj" and c.lemma_.lower() in RUNNING_SUBJECTS for c in verb.children)):
        return True
    if lemma == "claim" and any(c.dep_ == "nsubj" and c.lemma_.lower() in RUNNING_SUBJECTS for c in verb.children):
        return True
    return False


def _first_verb(verb: Token) -> Token:
    """The verb a verb is conjoined to ("shot" of "was shot and killed"), else the verb itself."""
    return verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else verb


def _coordinated_cues(verb: Token) -> list[Token]:
    """The verb and the casualty cues coordinated with it: "Three were killed and 22 wounded in shootings since
    Friday" says one period or one set of incidents for both figures."""
    out = [verb]
    if _first_verb(verb) is not verb:
        out.append(verb.head)
    if verb.dep_ == "ccomp":  # "Two were killed and three wounded in separate shootings, police said" (two ccomps)
        out += [c for c in verb.head.children if c.dep_ == "ccomp" and c.i != verb.i and c.pos_ in ("VERB", "AUX")
                and _cue_kind(c) is not None]
    out += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _cue_kind(c) is not None]
    return out


PLURAL_INCIDENTS = {"shooting", "incident", "attack", "stabbing", "homicide", "killing", "murder"}


def _in_several_incidents(verb: Token) -> bool:
    """"wounded in Chicago shootings Sunday", "killed in shootings across the city": a figure summed over several
    incidents (a plural incident noun the figure's clause happened in, not "the shootings" of one spree)."""
    above = verb if verb.pos_ in ("VERB", "AUX") else verb.head  # "four separate shootings that left two dead"
    if above.dep_ == "relcl" and _several(above.head):
        return True
    for v in _coordinated_cues(verb):
        for prep in _clause_tokens(v):  # (the parser hangs "in citywide shootings" on a noun of the clause too)
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "from"):
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and _several(noun):
                    return True
    return False


def _several(noun: Token) -> bool:
    """"shootings", "three separate shootings": several incidents (not "the shootings" of one spree)."""
    return (noun.tag_ == "NNS" and noun.lemma_.lower() in PLURAL_INCIDENTS
            and not any(c.dep_ in ("det", "poss") and c.lower_ not in ("several", "multiple") for c in noun.children))


_SEVERAL_INCIDENTS = re.compile(r"\b(?:separate|several|multiple|different|unrelated|various)\s+(?:\w+\s+)?"
                                r"(?:shootings|incidents|attacks|events|cases|stabbings)\b|\bweekend of\b|\bspan of\b")
_RUN_NOUNS = frozenset({"string", "series", "spate", "rash", "wave"})
"""A run of incidents: "the first in a string of three shooting deaths" (several incidents, `_aggregate`)."""
_PERIOD_WORDS = re.compile(r"\b(?:this|last|past|the|a|previous) (?:year|decade)(?:'s)?\b|\bdecade\b|\bso far\b|"
                           r"\b(?:those|these|all the|all of the) (?:shootings|killings|homicides|deaths|incidents)\b")
_RECURRING = re.compile(r"\b(?:a|per|each|every)\s+(?:year|month|week|day)\b(?!\s+(?:later|earlier|ago|before|after|prior))"
                        r"|\bannually\b|\byearly\b")  # (not "a week later", "a year ago": one time)
_PERIOD = re.compile(
    r"\b(?:last|this|past|previous|so far this|the)\s+(?:year|decade)\b|\brecent years\b|\b(?:past|last)\s+\w+\s+(?:years|decades)\b"
    r"|\byear[- ]to[- ]date\b|\bthe\s+(?:19|20)\d0s\b|\b(?:19|20)\d\d\b|\b(?:years|decades)\b|\bweekend\b"
    r"|\b(?:past|last|previous)\s+(?:\w+\s+)?(?:weeks|months)\b"
    r"|\b\d+\s+(?:hours|days)\b")


def _aggregate(cue: Token, count: Count) -> bool:
    """A period or area statistic, not one incident: "344 people were killed in the city last year", "141
    children died in accidental shootings in 2015", "guns kill 30,000 people a year", "the first in a string of
    three shooting deaths" (a run of incidents). A recurring period ("a year") makes any figure one; a past period
    or a bare year only a figure of several people (one man "killed in 2015" is one incident, dated to its year)."""
    sent = cue.sent
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    clause = {t.i for t in verb.subtree}
    if _RECURRING.search(" ".join(t.lower_ for t in sent if t.i in clause)) or _in_several_incidents(verb):
        return True
    if (count.amount.count or 0) < 2:
        return False
    words = " ".join(t.lower_ for t in sent if t.i in clause)
    if _SEVERAL_INCIDENTS.search(words):
        return True  # "five people were shot in separate incidents": a sum over incidents
    if cue.tag_ == "NNS" and cue.head.lower_ == "of" and cue.head.head.lemma_.lower() in _RUN_NOUNS:
        return True  # "a string of three shooting deaths": a run of incidents
    if (count.amount.count or 0) >= 10 and _PERIOD_WORDS.search(sent.text.lower()):
        return True  # "the decade's highest total came in 2011, with 73 officers shot dead", "those shootings"
    if (count.amount.count or 0) < 3:
        return False
    for ent in entities(sent.doc):
        if ent.start < sent.start or ent.end > sent.end or ent.label_ != "DATE":
            continue
        if ent.root.i not in clause and verb.i not in {t.i for t in ent.root.subtree}:
            continue  # the date of another clause: "the man who killed three ... declared last year that ..."
        words = ent.text.lower()
        if re.fullmatch(r"an? weekend", words) or (ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in INCIDENT_NOUNS | {"homicide", "killing"}):
            continue  # "after a weekend homicide": one incident's time, not a weekend's tally
        if AGE.search(words) or (re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", words) and not re.search(r"\byears?\b", words)):
            continue  # an age, or a day ("4 May 2021"): one incident's date ("this year through July 20" is a period)
        if _PERIOD.search(words):
            return True
    return False


_SPAN_NUM = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|several|few)"
_CAMPAIGN_NOUNS = ("war|offensive|bombardments?|bombing|assault|onslaught|campaign|operation|conflict|fighting|escalation|"
                   "attacks?|raids|strikes|air\\s+strikes|siege|aggression|incursions?|hostilities")
_CAMPAIGN = re.compile(
    # "the 11-day bombardment", "a three-week offensive" (a day or two of raids is one operation; three days or more is a campaign)
    rf"\b(?:(?:\d*[3-9]|\d\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty)[- ]days?"
    rf"|{_SPAN_NUM}[- ](?:weeks?|months?|years?))(?:[- ]long)?\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_CAMPAIGN_NOUNS})\b"
    # "over the past 11 days", "in 11 days", "for three weeks"
    rf"|\b(?:over|for|in|during|within|across)\s+(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?(?:the\s+)?"
    rf"(?:past\s+|last\s+|first\s+|previous\s+)?{_SPAN_NUM}\s+(?:days|weeks|months)\b"
    # "bombed for a sixth day", "now in its seventh consecutive day", "between 2010 and 2019", "a string of attacks"
    r"|\b(?:for\s+(?:a|the)|in\s+(?:its|their))\s+\w+\s+(?:straight\s+|consecutive\s+)?day\b|\bbetween\s+(?:19|20)\d\d\s+and\b"
    r"|\b(?:string|spate|series|wave)\s+of\s+(?:[\w’'-]+\s+){0,2}?(?:attacks|raids|strikes|killings|shootings|stabbings)\b"
    # "in the same period", "during the March to June reporting period", "thus far"
    r"|\b(?:the\s+same|that|this|reporting)\s+(?:time\s+)?period\b|\bsame\s+timeframe\b|\bthus\s+far\b"
    # "since the offensive began", "since hostilities flared up", "since Israel launched air raids", "since Hamas attacked
    # southern Israel", "the assault that began on May 10", "since the start of"
    r"|\bsince\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:began|begun|started|erupted|flared|broke\s+out|escalated|(?:was\s+)?launched|attacked|invaded)\b"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak|onset)\s+of\b"
    rf"|\b(?:{_CAMPAIGN_NOUNS})\s+(?:that|which)\s+(?:began|started|erupted)\b"
    # "Israel's last offensive", "the latest escalation", "the Nakba": a campaign, however long
    r"|\b(?:last|latest|previous|recent|past|ongoing)\s+(?:round\s+of\s+)?(?:war|offensive|assault|escalation|onslaught|bombardment|fighting|aggression|conflict)\b"
    r"|\bnakba\b|\bintifada\b",
    re.IGNORECASE,
)
CAMPAIGN_MIN = 3  # a campaign's total is of several people: "killed in five months" of one victim is a date
CAMPAIGN_HEADS = {"war", "offensive", "bombardment", "onslaught", "escalation", "hostility", "campaign", "aggression", "siege",
                  "conflict"}


def _campaign_total(cue: Token) -> bool:
    """A war's or a campaign's total, not one incident (conflict news restates these in every report, and they
    join whatever else happened that day): "the 11-day bombardment killed 250", "killed over the past 11 days",
    "since the offensive began", "in the same period", "during Israel's last offensive", "the latest escalation
    that killed 65 children". Read in the cue's clause, widened to the noun a relative clause describes ("the
    three-day assault in which 49 were killed") and to a reporting verb's clause ("Since the offensive began,
    the ministry says 83 have been killed"). A day or two of raids ("a two-day raid on Jenin") stays one incident,
    and so does a figure under `CAMPAIGN_MIN` ("the second time in six months a teenager has been killed")."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    top = verb
    for _ in range(3):
        participle = top.dep_ == "advcl" and top.tag_ == "VBG"  # "..., killing at least 49": the main clause's event
        if (top.dep_ not in ("relcl", "acl", "ccomp", "conj") and not participle) or top.head.i == top.i:
            break
        top = top.head
    if top.dep_ in ("relcl", "acl") and top.head.i != top.i:
        top = top.head
    clause = set(t.i for t in top.subtree) | {t.i for t in verb.subtree}
    doc = cue.doc
    if _CAMPAIGN.search("".join(doc[i].text_with_ws if i + 1 in clause else doc[i].text + " " for i in sorted(clause))):
        return True
    agents = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    agents += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by", "agent") for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ in ("relcl", "acl"):
        agents.append(verb.head)
    return any(a.lemma_.lower() in CAMPAIGN_HEADS for a in agents)


def _reported_by(cue: Token) -> str | None:
    """Who gave the figure: the subject of the speech verb governing the cue, else "according to X"."""
    head, seen = cue, 0
    while head.head.i != head.i and seen < 6:
        head, seen = head.head, seen + 1
        if head.lemma_.lower() in FIGURE_SOURCE_VERBS and head.pos_ == "VERB":
            subj = _kids(head, "nsubj")
            if subj:
                return source_name(subj[0])
    for tok in cue.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = _kids(tok.nbor(), "pobj")
            if pobj:
                return source_name(pobj[0])
    for child in cue.children:  # "..., OstroV reported."
        if child.dep_ in ("advcl", "parataxis") and child.lemma_.lower() in FIGURE_SOURCE_VERBS:
            subj = _kids(child, "nsubj")
            if subj:
                return source_name(subj[0])
    return None


def _clause_tokens(cue: Token) -> list[Token]:
    """The cue's own clause (not the clauses conjoined to or embedded in it): where "including ..." is looked for."""
    out, stack = [], list(cue.children)
    while stack:
        t = stack.pop()
        if t.dep_ in _CLAUSE_BREAKS and t.pos_ in ("VERB", "AUX"):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


def _subset_counts(cue: Token, parent_tokens: set[int]) -> list[tuple[Token, Count]]:
    """Counts introduced by "including" / "among them" in the cue's clause: parts of the larger count."""
    out = []
    for tok in _clause_tokens(cue):
        if tok.lower_ in ("including", "includes", "among") and tok.i not in parent_tokens:
            for pobj in _kids(tok, "pobj", "dobj"):
                for group in _with_conjuncts(pobj):
                    count = read_count(group)
                    if count is not None:
                        out.append((tok, count))
    return out


def _event(count: Count, kind: str, lemma: str, cue: Token, sent: Span, with_cue: bool = True, **extra: object) -> Event:
    tokens = list(count.tokens)
    cue_gap = min(abs(cue.i - t.i) for t in tokens)
    if with_cue and cue_gap <= 4 and not extra.get("subset_of"):  # the evidence reads "40 people had been killed"
        tokens += [cue] + [c for c in cue.children if c.lower_ == "dead" or (c.dep_ == "compound" and c.i == cue.i - 1)]
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    confidence = 0.9 if count.amount.qualifier in (None, "more than", "at least", "between") else 0.75
    if count.amount.is_vague:
        confidence = 0.5
    if count.number_token is None:
        confidence = 0.7
    return Event(
        event_type="casualty",
        char_start=start,
        char_end=end,
        sentence=sent.text,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        cue=lemma,
        casualty_kind=kind,
        casualty_count=count.amount.count,
        casualty_low=count.amount.low,
        casualty_high=count.amount.high,
        casualty_qualifier=count.amount.qualifier,
        victims=count.victims,
        confidence=confidence,
        **extra,
    )


NEUTRAL_CUES = {"die", "succumb", "lose", "dead", "death", "fatality", "deceased"}
"""Cues that say someone died but not how: a lone person's death counts only near violence (VIOLENCE_LEMMAS)."""


_NUM = r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_TALLY_SENTENCE = re.compile(
    rf"^\s*(?:total:?\s+)?(?P<k>{_NUM})\s+(?:fatalit(?:y|ies)|deaths?|dead|killed)"
    rf"(?:(?:\s*(?:,|and|;)\s*|\s+)(?P<w>{_NUM})\s+(?:injured|wounded|injuries|hurt))?\s*\.?\s*$", re.I)  # ("1 killed 3 injured")


def _tally_sentence(sent: Span, used: set[tuple[int, str]]) -> list[Mention] | None:
    """A closing tally standing alone, as wire notes end: "1 fatality.", "2 fatalities and 1 injured." (read
    from the words: the parser makes little of a sentence without a verb). None when the sentence is not one."""
    if len(sent) > 14:
        return None
    m = _TALLY_SENTENCE.match(sent.text)
    if m is None:
        return None
    out = []
    for group, kind in (("k", "killed"), ("w", "wounded")):
        if m.group(group) is None:
            continue
        span = sent.doc.char_span(sent.start_char + m.start(group), sent.start_char + m.end(group), alignment_mode="expand")
        value = word_number(m.group(group).replace(",", ""))
        if span is None or value is None:
            continue
        used.update((t.i, kind) for t in span)
        count = Count(amount(value), list(span), None, None, span[0], reference="number")
        cue = sent.doc[span.end] if span.end < sent.end else span[-1]
        event = _event(count, kind, "fatality" if kind == "killed" else "injure", cue, sent, is_cumulative=False)
        out.append(Mention(event=event, reference="number", head=None, tally=True, sentence=sent.start_char))
    return out


def _shouting(sent: Span) -> bool:
    """A sentence in capitals (a broadcast transcript, a banner): the model cannot parse it, so no figure is read."""
    if not (sent[0].is_upper or (len(sent) > 1 and sent[1].is_upper)):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 6 and sum(t.is_upper for t in words) >= 0.8 * len(words)


_CORRECTED = re.compile(r"\b(?:(?:proved|proven|turned out)\s+(?:to\s+be\s+)?(?:incorrect|false|wrong|untrue|inaccurate)"
                        r"|(?:was|were)\s+(?:incorrect|untrue|inaccurate))\b", re.IGNORECASE)
"""A sentence that takes a figure back: "Early reports said one person had died, but that proved to be incorrect"
(not "what he did was wrong", said of a killing)."""


def _sentence_casualties(sent: Span, used: set[tuple[int, str]]) -> list[Mention]:
    if _shouting(sent) or _CORRECTED.search(sent.text):
        return []
    tally = _tally_sentence(sent, used)
    if tally is not None:
        return tally
    fatal = _fatally(sent, used)
    mentions: list[Mention] = fatal + _multiples(sent, used)
    for cue in _cue_tokens(sent):
        found = _cue_kind(cue)
        if found is None:
            continue
        kind, lemma = found
        if _negated_or_hypothetical(cue):
            continue
        cumulative = _is_cumulative(cue, lemma)
        campaign = _campaign_total(cue)
        reporter = _reported_by(cue)
        parents: list[Mention] = []
        parent_tokens: set[int] = set()
        owner: dict[int, Mention] = {}  # a breakdown's parts → the count they break down (`_breakdown`)
        for slot in _victim_slots(cue, lemma):
            own_adjective = (cue.dep_ == "amod" and cue.head.i == slot.i and slot.dep_ in ("nsubj", "nsubjpass")
                             and (_cue_kind(slot.head) or (kind,))[0] != kind)  # "Four dead and 11 wounded": "dead" is Four's
            both = any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in slot.children)  # "Both Bell and his daughter": one count of 2
            described = cue.dep_ == "amod" and cue.head.i == slot.i and cue.i < slot.i  # "the injured boy and two
            # others": the adjective is the boy's, not the others'
            for group in ([slot] if own_adjective or both or described else _with_conjuncts(slot)):
                if group.i != slot.i and any(c.i != cue.i and _cue_kind(c) for c in group.children):
                    continue  # "one dead and three injured": the conjunct has its own cue
                after = sent.doc[group.i + 1] if group.i + 1 < sent.end else None
                if group.i != slot.i and after is not None and after.i != cue.i and (_cue_kind(after) or (kind,))[0] != kind:
                    continue  # "left one dead and 14 injured", "injured" hung elsewhere: still the 14's own cue
                if group.i == slot.i and any(c.i != cue.i and c.dep_ == "amod" and c.lower_ in ADJ_KINDS
                                             and ADJ_KINDS[c.lower_] != kind for c in group.children):
                    continue  # "Four dead and 11 wounded": Four has its own cue of another kind
                count = read_count(group)
                if (count is not None and group.i == cue.i and count.reference not in ("number", None) and kind != "killed"
                        and (count.victim_token is None or count.victim_token.i == cue.i)):
                    count = None  # "an injury", "a death": the cue itself is no victim, only "12 deaths" is
                if count is None and group.dep_ == "nummod" and group.head.dep_ == "npadvmod" and group.head.head.i == cue.i \
                        and group.head.ent_type_ in ("DATE", "TIME"):
                    count = _coded_count(group)  # (a number, not the date it was parsed into)
                if count is None and lemma == "fatality" and group.like_num:
                    count = _coded_count(group)  # "split across 3 events (4)": the parser calls the 4 an apposition
                if count is None:
                    count = _stray_number(group)
                if count is None and group.i != slot.i and parents and group.tag_ == "NN" and is_person_noun(group):
                    count = Count(amount(1), [group], group.text, group, None, reference="indefinite")  # "a man and woman"
                if count is None or _negative(group) or any((t.i, kind) in used for t in count.tokens if t.like_num) or (
                        count.victim_token is not None and (count.victim_token.i, kind) in used):
                    continue
                if count.reference in ("name", "pronoun", "definite") and not _a_casualty_of_violence(cue, lemma, sent):
                    continue  # "Mandela, who died in 2013": a death, not a casualty figure
                if (lemma in NEUTRAL_CUES and _of_an_illness(cue)) or (kind == "killed" and _in_a_road_crash(cue)):
                    continue  # "an 85-year-old man died of an apparent heart attack while hunting", "Two killed in
                    # Gallatin County crash"
                if _a_rank(count, cue):
                    continue  # "the third child to die in the city this week": a rank in a series, no one more
                used.update((t.i, kind) for t in count.tokens)
                parent_tokens.update(t.i for t in count.tokens)
                part_of = owner[group.i].event.key if group.i in owner else None  # "four victims -- two men and
                event = _event(count, kind, lemma, cue, sent, group.i == slot.i, is_cumulative=cumulative or _aggregate(cue, count)
                               or (campaign and (count.amount.count or 0) >= CAMPAIGN_MIN),
                               reported_by=reporter, subset_of=part_of)  # two women": the four, told apart
                mention = _mention(event, count, cue, lemma, sent)
                parents.append(mention)
                for i in _breakdown(group):  # (of any group: "Two police officers and three others -- two men and
                    owner.setdefault(i, mention)  # a woman --")
        if any(p.event.is_cumulative for p in parents):  # "a gunman killed three people and himself last month"
            for p in parents:
                p.event.is_cumulative = True
        mentions.extend(parents)
        if not parents:
            continue
        for marker, count in _subset_counts(cue, parent_tokens):
            parent = max((p.event for p in parents if p.event.char_start <= marker.idx), key=lambda p: p.char_start,
                         default=parents[0].event)
            if count.amount.count >= (parent.casualty_count or 0) or any((t.i, kind) in used for t in count.tokens):
                continue
            used.update((t.i, kind) for t in count.tokens)
            event = _event(count, kind, lemma, cue, sent, is_cumulative=parent.is_cumulative, reported_by=reporter,
                           subset_of=parent.key)
            mentions.append(_mention(event, count, cue, lemma, sent))
    for m in fatal:  # "five children have been shot in the city this year, two fatally": the dead of a period's total
        if any(o.cue == m.cue and o.event.is_cumulative for o in mentions):
            m.event.is_cumulative = True
    return _shot_besides_the_dead(_one_fate_each(mentions), sent.doc)


def _fatally(sent: Span, used: set[tuple[int, str]]) -> list[Mention]:
    """"Four people were shot, one fatally", "three men were shot, two of them fatally": the dead among the shot."""
    out = []
    text = text_of(sent.doc)[sent.start_char:sent.end_char]  # this sentence's words, not the whole article's
    if "atally" not in text and "ortally" not in text:
        return out
    for adv in sent:
        number = adv.head
        if adv.lower_ not in FATAL_ADVERBS or number.i == adv.i or not (number.like_num or number.lower_ in ("one", "all", "both")):
            continue
        verb = next((a for a in number.ancestors if a.lemma_.lower() in HARM_VERBS), None)
        value = {"all": None, "both": 2}.get(number.lower_, word_number(number.text.replace(",", "")))
        if verb is None or value is None or (number.i, "killed") in used:
            continue
        used.add((number.i, "killed"))
        count = Count(amount(value), [number, adv], None, None, number, reference="number")
        out.append(_mention(_event(count, "killed", "shoot", verb, sent, is_cumulative=False), count, verb, "shoot", sent))
    return out


MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_NOUNS = {"murder": "killed", "homicide": "killed", "killing": "killed", "slaying": "killed", "shooting": SHOT}


def _multiples(sent: Span, used: set[tuple[int, str]]) -> list[Mention]:
    """"a double murder", "a triple homicide" (killed), "a quadruple shooting" (shot: the wounded, but for the
    dead): the count is in the word before the incident noun."""
    out = []
    for tok in sent:
        noun = tok.head
        kind = MULTIPLE_NOUNS.get(noun.lemma_.lower())
        if tok.lower_ not in MULTIPLES or tok.dep_ not in ("amod", "compound") or kind is None or (tok.i, kind) in used:
            continue
        if _negated_or_hypothetical(noun):
            continue
        used.add((tok.i, kind))
        count = Count(amount(MULTIPLES[tok.lower_]), [tok, noun], None, None, tok, reference="number")
        event = _event(count, kind, noun.lemma_.lower(), noun, sent, is_cumulative=False)
        mention = _mention(event, count, noun, noun.lemma_.lower(), sent)
        mention.cue = tok.i  # not the noun's own cue: "the double murder of a father and his son" names these two
        out.append(mention)
    return out


def _mention(event: Event, count: Count, cue: Token, lemma: str, sent: Span) -> Mention:
    """The row with what `casualty_links.link` needs: how its victims are named, whether it is a tally, another
    source's figure in parentheses, or marked as more."""
    head = count.victim_token.lemma_.lower() if count.victim_token is not None else None
    sentence_more = _marked_as_more(cue, sent)
    additive = count.additive or (sentence_more and event.casualty_kind != SHOT)  # "were also shot": besides the
    # dead, not besides the people already said shot (who count the dead too)
    if count.additive and not sentence_more and _other_than_the_shooter(count, cue):
        additive = False  # "a 5-year-old shot another 5-year-old": other than the one who fired, not another victim
    reflexive = fresh = False
    if count.reference == "name":
        head = None  # a name says nothing of a role
    if count.reference == "pronoun" and count.victim_token is not None:
        head = count.victim_token.lower_
        if head in ("himself", "herself"):  # "shot himself dead", "... before killing himself": the one who shot
            additive = True  # is never one of those he shot, and is said after them
            reflexive = True
            agent = next((s for s in _subjects(cue) if s.pos_ != "PRON"), None)
            head = agent.lemma_.lower() if agent is not None and agent.pos_ == "NOUN" else head
            doer = agent or next((s for s in (_subjects(cue.head) if cue.dep_ == "conj" else []) if s.pos_ != "PRON"), None)
            fresh = doer is not None and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
                                             for c in doer.children)  # "a man (fell and) shot himself": someone new
    if head in SUSPECT_NOUNS or (count.victim_token is not None and any(
            c.lemma_.lower() in SUSPECT_NOUNS for c in count.victim_token.children if c.dep_ in ("compound", "amod"))):
        head = "suspect"
    number = count.number_token or (count.tokens[0] if count.tokens else cue)
    return Mention(
        event=event,
        reference=count.reference or "number",
        head=head,
        name=count.name,
        additive=additive,
        reflexive=reflexive,
        suicide=lemma == "turn" or (lemma == "shoot" and event.casualty_kind == "killed" and reflexive),
        fresh=fresh,
        by_another=_by_another(count, cue),
        possessive=count.victim_token is not None and any(c.dep_ == "poss" for c in count.victim_token.children),
        age=_age(count.victim_token) if count.amount.count == 1 else None,
        other=count.additive and not additive_strong(count) and not sentence_more and additive == count.additive,
        another=count.amount.count == 1 and count.additive and not sentence_more and _another(count),
        also=sentence_more and not count.additive and _also(cue, sent),
        tally=_is_tally(cue, lemma, count),
        lethal=_lethal_wound(sent),
        surviving=_survival(sent),
        alternative=_in_parentheses(number, sent) or _an_earlier_estimate(sent),
        sentence=sent.start_char,
        cue=cue.i,
        victim=count.victim_token.i if count.victim_token is not None else -1,
        ordinal=_ordinal(count) if count.amount.count == 1 else None,
        everyone=event.casualty_kind == "killed" and count.reference in ("number", None) and (count.amount.count or 0) >= 2
        and lemma in EVERYONE_DEAD_CUES and not _left_by_someone(cue),
        killer_said=_killer_said(cue, lemma),
        killer=_killer(cue, lemma),
    )


def _a_killing(lemma: str) -> bool:
    """A verb of someone killing someone ("kill", "shoot dead"), not of dying ("die", "succumb")."""
    return VERB_KINDS.get(lemma) == "killed" and lemma not in ("die", "succumb")


def _killer(cue: Token, lemma: str) -> str | None:
    """The word for the one a killing verb says did it ("were killed by a man", "a gunman killed"), lower case."""
    if not _a_killing(lemma) or cue.pos_ not in ("VERB", "AUX"):
        return None
    for c in cue.children:
        if c.dep_ == "agent":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            return pobj.lemma_.lower() if pobj is not None else None
        if c.dep_ == "nsubj" and c.lower_ not in ("who", "that"):
            return c.lower_ if c.pos_ == "PRON" else c.lemma_.lower()
    return None


MURDER_NOUNS = frozenset({"murder", "homicide", "killing", "slaying", "massacre"})


def _killer_said(cue: Token, lemma: str) -> bool:
    """Whether the figure's words say someone killed its victims: a killing verb in the active ("a gunman killed
    49", "opened fire, killing 49") or with its doer ("were killed by a man"), or a word for murder ("a triple murder"): the one who did it is none of them."""
    if cue.pos_ in ("NOUN", "PROPN"):
        return cue.lemma_.lower() in MURDER_NOUNS
    if not _a_killing(lemma):
        return False
    if any(c.dep_ == "agent" for c in cue.children):
        return True  # "were killed by a man"
    return not any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children) and any(
        c.dep_ == "dobj" for c in cue.children)  # active, its victims the object: "a gunman (opened fire,) killing 49"


def _left_by_someone(cue: Token) -> bool:
    """"He left seven dead": the one who killed them is said (the subject of "left" a person, not an incident)."""
    verb = cue.head
    return verb.lemma_.lower() == "leave" and any(
        (s.pos_ in ("PRON", "PROPN") and s.tag_ != "WDT") or is_person_noun(s) for s in _subjects(verb))  # (but "a
    # standoff that left five dead")


EVERYONE_DEAD_CUES = frozenset({"die", "death", "fatality", "find", "succumb"})
"""Cues that count the dead without saying who killed them ("five people are dead", "five deaths", "five bodies
were found"): one who killed himself may be among them (casualty_links rule 6c), unlike the victims of "he
killed five people"."""


def _by_another(count: Count, cue: Token) -> bool:
    """Whether the sentence names someone else who hurt the victim ("his brother shot him", "was shot by a
    neighbour"): then the victim did not hurt himself (casualty_links, rule 9)."""
    victim = count.victim_token
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    return victim is not None and victim.dep_ == "dobj" and victim.head.i == verb.i and bool(_subjects(verb))


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}


def _a_rank(count: Count, cue: Token) -> bool:
    """"This is the third child in the county who has been shot and killed", "(she died) -- the third child to
    die from a shooting in two days": a definite ordinal said of someone as a predicate, or of one "to die",
    ranks a victim told elsewhere in a series of incidents; it is no victim of its own."""
    tok = count.victim_token
    if tok is None or _ordinal(count) is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    return tok.dep_ in ("attr", "appos") or (cue.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children))


def _ordinal(count: Count) -> int | None:
    """The rank one person is given ("a fourth victim", "the second man"): see casualty_links rule 6a."""
    tok = count.victim_token
    if tok is None:
        return None
    return next((ORDINALS[c.lower_] for c in tok.children if c.dep_ in ("amod", "det", "nummod") and c.lower_ in ORDINALS),
                None)


LETHAL_PARTS = frozenset("head face chest neck heart abdomen torso temple".split())
_HOPE_WORDS = frozenset("condition survive survived recover recovering expected stable released treated".split())


def _lethal_wound(sent: Span) -> bool:
    """A sentence that tells of a wound where wounds kill ("shot in the head", "a gunshot wound to the chest") and
    not of survival: said of one person after a death, it tells how the dead one was shot (casualty_links)."""
    words = {t.lower_ for t in sent}
    return bool(words & LETHAL_PARTS) and not words & _HOPE_WORDS


def _survival(sent: Span) -> bool:
    """A sentence that tells of someone surviving ("in stable condition", "is recovering", "non-life-threatening
    injuries", "injuries that weren't life-threatening"): the one it says hurt is not one of the dead
    (casualty_links)."""
    return SURVIVAL.search(text_of(sent.doc)[sent.start_char:sent.end_char]) is not None


def additive_strong(count: Count) -> bool:
    """"another man", "a second victim": more people wherever they are said; "two other people" only says more
    than those just named (and may restate a figure given earlier: "four people were wounded ... four other
    victims were taken to hospital")."""
    tok = count.victim_token
    words = {c.lower_ for c in tok.children} | {tok.lower_} if tok is not None else set()
    return bool(words & {"another", "second", "third", "fourth", "fifth", "additional", "further", "more"})


def _other_than_the_shooter(count: Count, cue: Token) -> bool:
    """"A man shot another man", "a teen accused of killing another teen": "another" sets the victim apart from
    the one who did it (the cue's subject, of the same noun), not from victims already counted."""
    tok = count.victim_token
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    agents = _subjects(verb) or ([verb.head] if verb.dep_ in ("acl", "relcl") else [])
    if verb.dep_ in ("pcomp", "xcomp") and not agents:  # "accused of killing another teen"
        agents = _subjects(verb.head.head if verb.dep_ == "pcomp" else verb.head) + _kids(verb.head.head, "nsubjpass")
    return tok is not None and any(a.lemma_.lower() == tok.lemma_.lower() and a.i != tok.i for a in agents)


def _another(count: Count) -> bool:
    """"Another man", "another": more than the one just said, not necessarily more than a total (rule 6b)."""
    tok = count.victim_token
    words = ({c.lower_ for c in tok.children if c.dep_ == "det"} | {tok.lower_}) if tok is not None else set()
    return "another" in words or any(t.lower_ == "another" for t in count.tokens)


def _age(person: Token | None) -> int | None:
    """The age a single victim is given: "a 54-year-old woman", "Ana Ruiz, 35," (two people of different ages are
    two people)."""
    if person is None:
        return None
    doc = person.doc
    for left in person.lefts:
        for tok in left.subtree:
            if tok.like_num and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in ("year", "years"):
                return word_number(tok.text)
    for tok in person.rights:
        if tok.dep_ == "appos" and tok.is_digit and len(tok.text) <= 3 and tok.i == person.i + 2:
            return int(tok.text)  # "Ana Ruiz, 35,"
    return None


def _one_fate_each(mentions: list[Mention]) -> list[Mention]:
    """A person killed is not also counted wounded (or shot) in the same sentence ("was found with a gunshot wound
    and died", "was shot in the head and died at the scene")."""
    killed = {m.event.char_start for m in mentions if m.event.casualty_kind == "killed"}
    killed_tokens = {m.victim for m in mentions if m.event.casualty_kind == "killed" and m.victim >= 0}
    killed_heads = {m.head for m in mentions if m.event.casualty_kind == "killed" and m.reference != "number"}
    said_dead = [m for m in mentions if m.event.casualty_kind == "killed" and m.reference == "pronoun"]
    hurt_tokens = {m.victim for m in mentions if m.event.casualty_kind == "wounded" and m.victim >= 0}
    mentions = [m for m in mentions if not (m.event.casualty_kind == SHOT and m.victim in hurt_tokens)]  # "is
    # hospitalized after being shot": one person hurt, read by two cues
    return [m for m in mentions if not (m.event.casualty_kind in ("wounded", SHOT) and (
        m.victim in killed_tokens or (m.reference == "pronoun" and killed)
        or (m.reference in ("name", "definite") and m.event.casualty_count == 1 and any(compatible(k, m) for k in said_dead))
        or (m.reference in ("name", "definite") and (m.event.char_start in killed or m.head in killed_heads))))]


def _shot_besides_the_dead(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """People said shot in a passive clause of their own, conjoined after one telling of the dead ("A man was killed
    and his son was shot", "a woman was killed and two men were shot"): the hurt besides the dead, not people shot
    of whom the dead are some ("Four people were shot and one died", "two were dead after a gunman shot four
    people", "the gunman killed the owner and shot three others": the others may be the dead counted before)."""
    dead = {m.cue for m in mentions if m.event.casualty_kind == "killed" and not m.event.is_cumulative and m.cue >= 0}
    for m in mentions:
        if m.event.casualty_kind != SHOT or m.victim < 0 or m.reference == "pronoun" or m.reflexive or m.cue < 0:
            continue
        cue = doc[m.cue]
        if (cue.dep_ == "conj" and cue.head.i in dead and cue.head.i < cue.i
                and any(c.i == m.victim for c in cue.children if c.dep_ == "nsubjpass")):
            m.event.casualty_kind = "wounded"
    return mentions


def _a_casualty_of_violence(cue: Token, lemma: str, sent: Span) -> bool:
    """A lone person's death is a casualty figure when violence is said in its paragraph and it is not of a
    disease ("died of cancer")."""
    if lemma not in NEUTRAL_CUES:
        return True
    return not _of_an_illness(cue) and _violent_paragraph(sent)


def _of_an_illness(cue: Token) -> bool:
    """A death of a disease or a heart attack ("died of cancer", "died of an apparent heart attack while
    hunting"): no casualty of violence, whoever died (a road crash: `_in_a_road_crash`, read for every death)."""
    return any(prep.dep_ == "prep" and prep.lower_ in ("of", "from") and any(
        _an_illness(t) for t in prep.children if t.dep_ in ("pobj", "conj")) for prep in cue.children)


def _in_a_road_crash(cue: Token) -> bool:
    """Killed or dead "in a crash", "in a single vehicle wreck": a road death, no violence."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                t.dep_ == "pobj" and t.lemma_.lower() in ROAD_CRASHES for t in prep.children):
            return True
    return False


ROAD_CRASHES = frozenset({"crash", "wreck", "collision"})
_ORGANS = frozenset({"heart", "cardiac", "kidney", "liver", "lung", "respiratory", "organ", "renal"})


def _an_illness(noun: Token) -> bool:
    """What someone "died of": an illness ("cancer", "complications") or an organ's "attack"/"failure" ("an
    apparent heart attack"), not "gunshot wounds he sustained in an attack"."""
    lemma = noun.lemma_.lower()
    if lemma in ("attack", "failure"):
        return any(c.lower_ in _ORGANS for c in noun.children if c.dep_ in ("compound", "amod"))
    return lemma in ILLNESSES or any(c.dep_ == "conj" and _an_illness(c) for c in noun.children)


def _violent_paragraph(sent: Span) -> bool:
    """Violence said in the sentence's paragraph, the one before it, or the article's lead."""
    violent = _violent_paragraphs(sent.doc)
    i = paragraph_index(sent.doc, sent.start_char)
    return violent[0] or violent[i] or (i > 0 and violent[i - 1])


def _violent_paragraphs(doc: Doc) -> list[bool]:
    """For each paragraph, whether violence is said in it; built once per Doc."""
    key = ("eventwire", "violent_paragraphs")
    if key not in doc.user_data:
        out = [False] * len(paragraph_starts(doc))
        for tok in doc:
            if tok.lemma_.lower() in VIOLENCE_LEMMAS:
                out[paragraph_index(doc, tok.idx)] = True
        doc.user_data[key] = out
    return doc.user_data[key]


def _also(cue: Token, sent: Span) -> bool:
    """Marked as more only by "also" ("Alex Ruiz also died"), not by another incident ("in another attack"):
    more than the one just said, not necessarily more than a total (casualty_links rule 6b)."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    return any(c.lower_ in ("also", "too") for c in verb.children) and not any(
        t.lower_ in MORE_WORDS and t.head.lemma_.lower() in INCIDENT_NOUNS for t in sent)


def _marked_as_more(cue: Token, sent: Span) -> bool:
    """"1 civilian was also killed", "in another attack", "a second shooting": more victims, not the same ones."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if any(c.lower_ in ("also", "too", "additionally") for c in verb.children):
        return True
    return any(t.lower_ in MORE_WORDS and t.head.lemma_.lower() in INCIDENT_NOUNS for t in sent)


def _is_tally(cue: Token, lemma: str, count: Count) -> bool:
    """A closing tally or a stated total: "1 fatality.", "Total fatalities coded as 5", "a total of 18 were killed"."""
    number = count.number_token
    if number is not None and any(a.lower_ == "total" for a in [number.head, *number.head.children, *number.children]):
        return True
    if number is not None and number.i >= 2 and number.doc[number.i - 2].lower_ == "total" and number.doc[number.i - 1].lower_ == "of":
        return True
    phrase = count.victim_token or count.number_token
    if phrase is not None and phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.lower_ == "total":
        return True  # "killed a total of six people"
    if lemma in ("fatality", "death", "dead") and cue.pos_ in ("NOUN", "PROPN"):
        if _coded_as(cue) is not None or any(c.lower_ == "total" for c in cue.children):
            return True
        return cue.dep_ == "ROOT" or (cue.dep_ in ("nsubj", "nsubjpass") and cue.head.dep_ == "ROOT"
                                       and not any(t.pos_ == "VERB" for t in cue.sent if t.i != cue.head.i)
                                       and cue.head.lemma_.lower() in ("injure", "wound"))
    return False


def _an_earlier_estimate(sent: Span) -> bool:
    """Whether a sentence gives a figure as said earlier ("Earlier, the attorney general said 13 people had been
    killed"): a figure the article has revised, another estimate of those it counts, not more victims."""
    first = next((t for t in sent if not t.is_space), None)
    return (first is not None and first.lower_ == "earlier" and any(t.lower_ == "had" for t in sent)
            and any(t.lemma_.lower() in FIGURE_SOURCE_VERBS for t in sent))


def _in_parentheses(tok: Token, sent: Span) -> bool:
    """Whether a token stands inside parentheses ("3 policemen (2 according to Taliban sources)")."""
    depth = 0
    for t in sent:
        if t.i >= tok.i:
            break
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
    return depth > 0


def _stray_number(slot: Token) -> Count | None:
    """"5 IS militants": a number the parser hung on an all-caps acronym it took for a verb."""
    doc, i = slot.doc, slot.i - 1
    while i > slot.sent.start and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i]) <= 5:
        i -= 1
    if i < slot.i - 1 and doc[i].like_num and doc[i].head.i != slot.i:
        return read_count(doc[i])
    return None


def extract_casualties(doc: Doc) -> list[Event]:
    """Every casualty figure in `doc`, one `Event(event_type='casualty')` each (see the module doc for the rules)."""
    mentions: list[Mention] = []
    used: set[tuple[int, str]] = set()
    for sent in sentences(doc):
        mentions.extend(_sentence_casualties(sent, used))
    published = doc.user_data.get(PUBLISHED)
    for m in mentions:
        day, _, source = date_for_event(m.event, doc, published, own_clause=True, cue=m.cue)
        m.dated = source in ("sentence", "paragraph")
        m.day = day if m.dated else published
        m.earlier = _another_time(m.event, doc, published)
        m.before = _an_earlier_incident(doc, m.cue)
        m.elsewhere = _a_separate_incident(doc, m.cue)
        m.lately = _weeks_before(doc, m.cue)
    link(mentions)
    return _derive_wounded(mentions)


_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month)s?\s+(?:ago|earlier|before)\b")
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH_NAMES = [m[:3] for m in MONTH_NAMES]  # "jan" finds "January" and "Jan."


def _another_time(event: Event, doc: Doc, published: date | None) -> date | None:
    """About when a figure happened, where its own clause puts it at another time than a day: "murdered in 2005",
    "back in May 2011", "nearly two years ago", "last year" (the mid-point of that time); None otherwise."""
    if published is None:
        return None
    span = doc.char_span(event.char_start, event.char_end, alignment_mode="expand")
    if span is None:
        return None
    cue = next((t for t in span if event.cue and t.lemma_.lower() == event.cue), span.root)
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    verb = _first_verb(verb)  # "in December, a boy was shot and killed": the date is the first verb's
    root = verb.head if verb.dep_ in ("relcl", "acl") else verb  # "the 2012 shooting that left 12 dead"
    clause = {t.i for t in root.subtree}
    sent = sentence_of(span[0])
    dates = [e for e in entities(doc) if e.label_ == "DATE" and e.start >= sent.start and e.end <= sent.end]
    own = [_time_of(e.text.lower(), published) for e in dates if e.root.i in clause]
    if any(own):
        return next(t for t in own if t)
    if own or not dates:
        return None
    # no date in its own clause (or the parser hung it elsewhere: "in the Nov. 5, 2009, shooting that killed 13"):
    # the sentence's, when every date it gives is of another time
    times = [_time_of(e.text.lower(), published) for e in dates]
    return times[0] if all(times) else None


MONTH_AGO_DAYS = 45
"""A month named without a day ("killed in August") is another time when its middle is this long before publication."""


def _time_of(words: str, published: date) -> date | None:
    """The mid-point of another time than a day that words name ("2005", "May 2011", "two years ago")."""
    year = _A_YEAR.search(words)
    if year is not None and int(year.group()) < published.year:
        month = next((i + 1 for i, m in enumerate(_MONTH_NAMES) if re.search(rf"\b{m}", words)), 7)
        return date(int(year.group()), month, 15)
    ago = _AGO.search(words)
    if ago is not None:
        n = word_number(ago.group(1)) or 1
        return published - timedelta(days=n * (365 if ago.group(2) == "year" else 30))
    if re.search(r"\blast year\b", words):
        return published - timedelta(days=365)
    month = next((i + 1 for i, m in enumerate(_MONTH_NAMES) if re.search(rf"\b{m}", words)), None)
    if month is not None and not re.search(r"\d|\b(?:this|next|early|late)\b", words) and month != published.month:
        when = date(published.year - (month > published.month), month, 15)  # "in August", "the January shooting"
        if (published - when).days > MONTH_AGO_DAYS:
            return when
    return None


EARLIER_WORDS = {"previous", "prior", "earlier", "past"}
"""An incident noun so marked is not the one the article reports: "killed in a previous shooting"."""
SPAN_UNITS = {"day", "week", "month", "year", "decade"}
"""Spans of time that part two incidents ("10 days after a gunman killed five officers"); hours do not (the
wounded die hours after the shooting)."""


def _a_span_before(clause: Token) -> bool:
    """Whether a token of the figure's own clause says it happened days or more before something else: "10 days
    after a gunman killed five officers" (the figure after "after"), "six months before that, a gunman killed 14",
    "the fatal shooting of a man two days before", "killed a doctor two decades earlier". ("He died three days
    later" is the same person's death, not another incident: "later" is not taken.)"""
    def span(tok: Token) -> bool:
        return any(c.dep_ == "npadvmod" and c.lemma_.lower() in SPAN_UNITS for c in tok.children)

    for c in clause.children:
        if c.dep_ in ("advmod", "prep") and c.lower_ in ("before", "earlier", "prior") and span(c):
            return True
        if c.dep_ == "mark" and c.lower_ in ("after", "since") and (span(c) or span(clause)) and _an_incident_after(clause):
            return True
    return False


def _an_incident_after(clause: Token) -> bool:
    """Whether the clause a figure's "N days after" hangs on tells of an incident ("the attack came 10 days after
    ...", "a shooting that happened weeks after ..."), not a state of things ("the courthouse remained closed
    two days after a gunman killed two people": that is the article's own incident)."""
    main = clause.head
    for subject in _kids(main, "nsubj", "nsubjpass"):
        if subject.tag_ == "WDT" and main.dep_ == "relcl":
            subject = main.head  # "the attack, which came 10 days after ..."
        if subject.lemma_.lower() in INCIDENT_NOUNS | {"killing", "death", "homicide", "murder", "slaying"}:
            return True
    return False


def _an_earlier_incident(doc: Doc, cue_index: int) -> bool:
    """Whether the words say the figure is of an earlier incident: "killed in a previous shooting at the same
    spot", "in retaliation for a Labor Day shooting that left one person dead"."""
    if cue_index < 0:
        return False
    tok = doc[cue_index]
    if _in_memory_of(tok):
        return True
    clause = tok
    for _ in range(6):  # the tokens from the cue up to its clause's verb
        if _a_span_before(clause):
            return True
        if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
            break
        clause = clause.head
    for _ in range(6):
        lemma = tok.lemma_.lower()
        if lemma in ("retaliation", "revenge"):
            return True
        if lemma in INCIDENT_NOUNS | {"homicide", "killing", "slaying", "murder"} and any(
                c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in tok.children):
            return True
        for prep in tok.children:  # "killed in a previous shooting"
            if prep.dep_ == "prep" and any(p.lemma_.lower() in INCIDENT_NOUNS and any(
                    c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in p.children) for p in prep.children):
                return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


MEMORY_WORDS = frozenset({"honor", "honour", "remember", "mourn", "tribute", "vigil", "memorial", "commemorate",
                          "memorialize", "funeral", "remembrance"})
"""Words of remembering someone: a death told in a clause on the one remembered is of an earlier incident."""


def _in_memory_of(cue: Token) -> bool:
    """Whether the figure is told of someone a vigil, memorial or tribute remembers: "The vigil honored Javon
    Booker, who died after he was shot", "paid tribute to deputy Dan Glaze, who was killed in the line of duty",
    "The memorial service was for Brandon Porraz, a motorcyclist who died": the death of an earlier incident."""
    verb = cue
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl":
        return False
    tok = verb.head  # the one the clause tells of, then up to the verb it is the object of
    for _ in range(4):
        if tok.dep_ not in ("appos", "pobj", "dobj", "prep", "dative", "conj", "attr") or tok.head.i == tok.i:
            break
        tok = tok.head
    around = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
    around += [g for c in around[1:] for g in c.children if g.dep_ in ("amod", "compound")]
    return any(t.lemma_.lower() in MEMORY_WORDS for t in around)


SEPARATE_WORDS = {"separate", "another", "different", "unrelated", "second"}
"""An incident noun so marked is another incident than the one the article reports: "in a separate shooting"."""


def _a_separate_incident(doc: Doc, cue_index: int) -> bool:
    """Whether the figure's clause puts it in another incident than the one the article reports: "In a separate
    shooting, a man was wounded", "one man was killed and another wounded in a separate shooting" (one incident
    noun, singular: "in separate shootings" is a sum over several, an aggregate)."""
    if cue_index < 0:
        return False
    cue = doc[cue_index]
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    def separate(noun: Token) -> bool:
        return noun.tag_ == "NN" and noun.lemma_.lower() in INCIDENT_NOUNS and any(
            c.dep_ in ("amod", "det") and c.lower_ in SEPARATE_WORDS for c in noun.children)

    for v in _coordinated_cues(verb):
        if any(s.dep_ == "nsubj" and separate(s) for s in v.children):
            return True  # "Another shooting left two men wounded"
        for prep in [*v.children, *_clause_tokens(v)]:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "at") and any(
                    p.dep_ == "pobj" and separate(p) for p in prep.children):
                return True
    return False


_WEEKS_BEFORE = re.compile(r"\blast (?:week|month)\b|\bearlier this (?:week|month)\b|\b(?:a|one|two|three|several|few) weeks ago\b"
                           r"|\bthe (?:previous|prior) (?:week|month)\b")


def _weeks_before(doc: Doc, cue_index: int) -> bool:
    """Whether the figure's own clause dates it weeks before the article ("a man killed in a shooting last week"):
    another incident than the one reported, unless it is the article's own (rule 0 of casualty_links)."""
    if cue_index < 0:
        return False
    cue = doc[cue_index]
    sent = sentence_of(cue)
    words = text_of(doc)[sent.start_char:sent.end_char].lower()
    if "week" not in words and "month" not in words:
        return False  # (most sentences: no need to look at the entities)
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    for ent in entities(doc):
        if ent.label_ != "DATE" or not (sent.start <= ent.start < sent.end) or not _WEEKS_BEFORE.search(ent.text.lower()):
            continue
        tok = ent.root
        for _ in range(4):  # up to the first verb above the date: it must be the figure's own
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
        if tok.i in (verb.i, cue.i, _first_verb(verb).i) or (cue.pos_ == "NOUN" and tok.i == cue.head.i):
            return True  # (or the verb it is conjoined to: "last month, a boy was shot and killed")
    return False


def _derive_wounded(mentions: list[Mention]) -> list[Event]:
    """The rows, with the wounded the text states only as people shot minus the dead ("Four people were shot,
    one fatally" → a wounded row of 3 on "Four people were shot"), where that is more than the wounded it
    names, or as many but named over several sentences ("Four people were shot ... one is in critical condition.
    Three others are stable": the first figure an incident reads is then all four), and exact (a vague "several
    were shot" outnumbers no wounded it names); the named wounded then become its parts."""
    def counted(kind: str) -> list[Mention]:
        return [m for m in mentions if m.event.casualty_kind == kind and m.event.subset_of is None
                and not m.event.is_cumulative and not m.event.recalled]

    shot, killed, wounded = counted(SHOT), counted("killed"), counted("wounded")
    events = [m.event for m in mentions if m.event.casualty_kind != SHOT]
    if not shot:
        return events
    if all(m.other and not any(o.sentence == m.sentence and o.event.char_start < m.event.char_start for o in mentions)
           for m in shot):  # "A man was killed. Four others were shot": besides the dead told before them (not
        killed = [k for k in killed if k.sentence >= min(m.sentence for m in shot)]  # "killed him and shot two others")
    killed = [k for k in killed if not k.suicide]  # the one who turned the gun on himself is none of those he shot
    surviving = sum(m.event.casualty_count or 0 for m in shot) - sum(m.event.casualty_count or 0 for m in killed)
    named = sum(m.event.casualty_count or 0 for m in wounded)
    if surviving < named or (surviving == named and len({m.sentence for m in wounded}) <= 1):
        return events  # (the wounded it names over several sentences are its parts: "one is critical ... three others")
    first = max(shot, key=lambda m: (m.event.casualty_count or 0, -m.event.char_start))
    if first.event.casualty_qualifier == "vague" and wounded:
        return events  # "several people had been shot" says no more than the "three others injured" it restates
    derived = first.event
    derived.casualty_kind = "wounded"
    derived.casualty_count = surviving
    derived.casualty_low = derived.casualty_high = surviving if derived.casualty_qualifier is None else None
    derived.confidence = min(derived.confidence or 0.7, 0.7)
    for m in wounded:
        m.event.subset_of = derived.key
    events.append(derived)
    return sorted(events, key=lambda e: (e.char_start, e.char_end))
