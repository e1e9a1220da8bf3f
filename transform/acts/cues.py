"""Cues: the words that report an act, each with its kind (a weapon and its class, a clash, an attack, an
abduction, a protest, a riot, territory taken, a seizure of weapons, looting...), and the checks that keep a cue
out: negation and hypotheticals ("threatened to strike", "no clashes"), purposes ("an offensive to free X") and
what an act is about ("protesting against the arrest of ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..casualty_counts import read_count
from ..nlp import forms
from . import lexicon as L
from .parties import (
    AIR_VEHICLES,
    FIRE_OBJECTS,
    agent_of,
    crowd_word,
    is_place,
    party_of,
    place_objects,
    state_subject,
    subject_of,
)
from .tokens import (
    LEMMA_FIXED_FORMS,
    has_child_word,
    is_noun,
    is_verb,
    kids,
    lemma_of,
    mod_words,
    modifiers,
    objects_with_conj,
    prep_objects,
    sentence_words,
    word_key,
)

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers
    from spacy.tokens import Span, Token


@dataclass(slots=True)
class Cue:
    kind: str
    tok: Token
    weapon: str | None = None  # weapon class, for kind 'weapon'
    sub: str | None = None  # a sub-type the cue decides by itself


_MINING = {"gold", "coal", "diamond", "copper", "mining", "artisanal", "tin", "cobalt", "salt", "quarry", "iron"}


_VIOLENT_HEADS = {"attack", "fire", "strike", "bomb", "target", "drop", "launch", "hit", "pound", "shell", "raid",
                  "kill", "destroy", "bombard", "carry", "conduct", "shoot", "open"}


_PERSONAL_OBJECTS = {"himself", "herself", "themselves", "itself"}


_INTERVENTION_FIRE = {"gas", "teargas", "tear-gas", "cannon", "rubber", "pellet", "warning", "flare", "smoke",
                      "stun", "canister", "water", "plastic", "blank"}


_ROADS = {"road", "highway", "street", "railway", "traffic", "route", "bridge", "junction", "intersection",
          "motorway", "roadway", "expressway", "rail", "track", "entrance", "gate", "lane"}


_STREETS = {"street", "streets", "road", "roads"}


_GATHER = {"gather", "assemble", "converge", "congregate", "sit", "camp", "march", "parade", "walk", "mass"}


_ABSTRACT_FIGHT = {"corruption", "virus", "coronavirus", "covid", "covid-19", "poverty", "pandemic", "disease",
                   "crime", "terrorism", "drug", "climate", "injustice", "inequality", "hunger", "malaria",
                   "cancer", "fraud", "impunity", "extremism", "racism", "discrimination", "right", "justice",
                   "election", "case", "law", "ban", "bill", "decision", "court"}


_NOT_BATTLE = {"legal", "court", "political", "electoral", "custody", "election", "verbal", "diplomatic", "uphill",
               "heart", "cyber", "panic", "asthma", "word", "media", "propaganda", "ransomware", "hacker"}


_CUSTODY = {"custody", "detention", "captivity"}


_DEATH = {"death", "dead"}


_HANDS = {"hand"}


def _weapon_class(t: Token, key: str) -> str | None:
    """The weapon class a noun names, after the checks its word needs; None when it names none here."""
    low = t.lower_
    mods = mod_words(t)
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    if mods & L.SUICIDE_WORDS or (key in ("bomber", "vest", "belt", "attacker") and "suicide" in mods):
        return L.SUICIDE
    if key in ("gas", "attack", "weapon", "agent", "munition", "shell", "bomb", "barrel", "rocket", "projectile", "missile",
               "grenade", "canister", "cylinder", "container", "chlorine", "sarin", "mustard") and (mods & L.CHEM_WORDS or key in ("chlorine", "sarin")):
        return L.CHEM
    if key in ("attack", "assault", "ambush") and mods & ({"remote", "ied", "explosive", "landmine", "bomb", "mine"} | L.SHELL_MODIFIERS | {"grenade"}):
        if "grenade" in mods:
            return L.GRENADE
        return L.IED if mods & {"remote", "ied", "explosive", "landmine", "bomb", "mine"} else L.SHELL
    if key in ("strike", "raid", "attack", "bombing", "bombardment", "bomb", "campaign", "fire", "shelling"):
        if mods & L.AIR_MODIFIERS or mods & AIR_VEHICLES:
            if key == "raid" and not mods & (_AIR_WORDS | AIR_VEHICLES):
                return None  # "Israeli raids", "US raids": ground raids unless the air is said
            return L.AIR if key != "attack" or mods & {"air", "aerial", "drone", "airstrike", "barrel"} else None
        if key in ("strike", "attack") and mods & L.SHELL_MODIFIERS:
            return L.SHELL
        if key == "strike":
            return None  # decided by `_strike`
        if key == "bomb" and mods & {"petrol", "molotov", "fire", "gasoline", "crude", "smoke", "stun"}:
            return None
    if key == "force" and "air" in mods and nxt not in ("intelligence", "base", "station", "academy"):
        if t.dep_ in ("pobj",) and t.head.lower_ not in ("by", "from") or t.dep_ in ("poss", "compound", "appos", "conj", "dobj"):
            return None  # "aircraft of the air force", "the air force's chief": named, not striking
        return L.AIR
    if (key in _HEAVY_ARMS or low in _HEAVY_ARMS) and any(lemma_of(a) in _FIRE_HEADS for a in list(t.ancestors)[:4]):
        return L.SHELL
    if (key in ("gun", "weapon", "machinegun", "machine-gun", "fire", "weaponry") and mods & {"heavy", "artillery", "mortar", "tank", "rocket", "missile", "anti-aircraft"}):
        return L.SHELL
    if key == "grenade":
        if nxt in L.NOT_WEAPON_AFTER or mods & (L.INTERVENTION_GAS | {"rocket", "propel", "propelled", "launcher"}):
            return None
        return L.GRENADE
    if key in ("rocket", "missile") and (nxt in ("-", "launcher") and t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_.startswith("propel")):
        return None
    if key == "mine" and (mods & _MINING or t.dep_ in ("pobj",) and t.head.lower_ in ("in", "at", "near", "from")
                          and any(w.startswith(("miner", "mining", "gold")) for w in sentence_words(t))):
        return None
    if key in ("device", "explosive"):
        return L.IED if key == "explosive" or mods & {"explosive", "improvised", "incendiary", "ied"} else None
    if key == "gas":
        return None
    if key in AIR_VEHICLES:
        return L.AIR if _air_vehicle_acts(t) else None
    if key == "bomber":
        return L.AIR
    if key == "tank" or key == "cannon":
        return L.SHELL if t.dep_ == "dobj" and lemma_of(t.head) in ("fire", "use") and "water" not in mods else None
    cls = L.WEAPON_NOUNS.get(key) or L.WEAPON_NOUNS.get(low)
    if cls == L.BLAST and key == "bomb" and mods & {"roadside", "car", "pipe", "nail", "sticky", "magnetic", "time",
                                                      "landmine", "remote", "remote-controlled", "truck", "parcel"}:
        return L.IED
    return cls


_AIR_WORDS = {"air", "aerial", "drone", "airstrike", "warplane", "jet", "helicopter", "plane", "aircraft", "barrel", "airborne",
              "air-dropped"}


def _air_vehicle_acts(t: Token) -> bool:
    """'Warplanes struck', 'strikes by drones', 'fired from a helicopter', 'drone strike': an aircraft doing the
    attacking (not one shot down or attacked)."""
    if t.dep_ in ("nsubj", "compound", "amod", "nmod") and (t.dep_ != "nsubj" or lemma_of(t.head) in _VIOLENT_HEADS | {"kill", "wound", "injure", "hit", "target", "pound", "strike", "drop", "bomb", "destroy", "attack"}):
        return t.dep_ == "nsubj" or lemma_of(t.head) in ("strike", "attack", "raid", "bombing", "bombardment", "fire", "shelling")
    if t.dep_ == "pobj" and t.head.lower_ in ("by", "from"):
        return True
    if t.dep_ == "conj":
        return _air_vehicle_acts(t.head) if t.head.i != t.i else False
    return False


def _strike(t: Token) -> Cue | None:
    """'strike' the noun: an air or missile strike, a labour strike, or (with no word to say) by context."""
    mods = mod_words(t)
    if mods & (L.AIR_MODIFIERS | AIR_VEHICLES):
        return Cue("weapon", t, L.AIR)
    if mods & L.SHELL_MODIFIERS:
        return Cue("weapon", t, L.SHELL)
    if prep_objects(t, "on", "against", "targeting") and not mods & L.LABOUR_STRIKE and not (
            t.dep_ == "pobj" and t.head.lower_ == "on") and any(o.pos_ in ("NOUN", "PROPN") for o in prep_objects(t, "on", "against", "targeting")):
        return Cue("weapon", t, L.AIR, sub="generic")  # "a strike on a hospital": hit, not walked out
    if mods & L.LABOUR_STRIKE or (t.dep_ == "pobj" and t.head.lower_ == "on") or lemma_of(t.head) in ("call", "go", "stage", "declare", "begin", "launch", "observe", "hold", "join", "end", "continue"):
        if not (t.dep_ == "dobj" and lemma_of(t.head) == "launch" and _military_sentence(t)):
            return Cue("protest", t)
    if _military_sentence(t):
        return Cue("weapon", t, L.AIR, sub="generic")
    return Cue("protest", t)


_MILITARY = L.NON_STATE_ARMED | {"kill", "killing", "killed", "casualty", "target", "military", "army", "troop", "soldier", "militant", "airstrike", "jet",
                                 "warplane", "drone", "missile", "dead", "wound", "injure", "destroy"}


def _military_sentence(t: Token) -> bool:
    return not sentence_words(t).isdisjoint(_MILITARY)


_SCUFFLE = {"scuffle", "brawl", "melee", "tussle", "jostle", "grapple", "fistfight", "punch-up"}
"""Fights without weapons: a riot when crowds or protesters are in them, never an armed clash by themselves."""


def _hand_missiles(objs: list[Token], obj_lemmas: set[str]) -> bool:
    """Things thrown by hand: stones, bottles, fireworks, and petrol bombs or Molotov cocktails (named by their
    modifier, since 'bomb' alone is a weapon)."""
    return bool(obj_lemmas & L.MISSILES_BY_HAND) or any(mod_words(o) & _INCENDIARY for o in objs)


_INCENDIARY = {"petrol", "molotov", "gasoline", "fire", "incendiary", "paint"}


_HYPHENATED = {"shoot-out": "clash", "gun-battle": "clash", "fire-fight": "clash", "sit-in": "protest",
               "cross-fire": "clash", "stand-off": None, "walk-out": "protest", "gun-fight": "clash", "die-in": "protest",
               "lie-in": "protest", "teach-in": "protest", "sit-down": "protest"}


_FIRE_HEADS = {"fire", "use", "launch", "shell", "attack", "target", "hit", "strike", "involve", "employ", "with", "by", "open",
               "pound", "bombard", "drop"}


_SHOWN = {"ability", "capability", "capacity", "commitment", "power", "strength", "resolve", "skill", "will",
          "willingness", "effectiveness", "need", "importance", "intention", "feasibility", "potential", "how", "that",
          "value", "superiority", "readiness", "technology", "system", "weapon", "missile", "product"}


_HEAVY_ARMS = {"launcher", "ifv", "ifvs", "bmp", "atgm", "rpg", "rpgs", "anti-tank", "howitzer", "zu-23", "recoilless",
               "anti-aircraft", "bmps", "grad", "katyushas", "mlrs"}


CUE_WORDS = frozenset().union(
    L.WEAPON_NOUNS, L.WEAPON_VERBS, L.CLASH_VERBS, L.CLASH_NOUNS, L.ATTACK_VERBS, L.ATTACK_NOUNS, L.FIRE_VERBS,
    L.KILL_VERBS, L.OUTCOME_VERBS, L.ABDUCT_VERBS, L.ABDUCT_NOUNS, L.SEXUAL_VERBS, L.SEXUAL_NOUNS, L.ARREST_VERBS,
    L.ARREST_NOUNS, L.PROTEST_VERBS, L.PROTEST_NOUNS, L.RIOT_VERBS, L.RIOT_NOUNS, L.TERRITORY_VERBS, L.REGAIN_VERBS,
    L.WITHDRAW_VERBS, L.HANDOVER, L.DISRUPT_VERBS, L.WEAPON_GOODS, L.FIND_VERBS, L.LOOT_VERBS, L.LOOT_NOUNS,
    L.HQ_VERBS, L.CHANGE_VERBS, L.CHANGE_NOUNS, L.AGREE_NOUNS, L.AGREE_VERBS, L.OTHER_VERBS, AIR_VEHICLES,
    _HEAVY_ARMS, _GATHER, {w.split("-")[0] for w in _HYPHENATED}, {w.split("-")[1] for w in _HYPHENATED},
    "strike strikes force device gas attack raid bombing bomber vest weapon agent munition gun machinegun fire "
    "weaponry gunfire gunshot shooting sniping assault violence abuse harassment exploitation tyre tire custody "
    "cache stockpile arsenal disposal talk negotiation blow explode detonate go shell bombard pound bomb airstrike "
    "air-strike shoot down intercept neutralize neutralise defuse deactivate disarm foil thwart snipe molest take "
    "hold keep find discover recover die dead block barricade blockade occupy close throw lob pelt hurl set gain "
    "seize assume wrest regain retake establish capture recapture reclaim fall pull move hand turn dismantle "
    "destroy demolish raze bulldoze uproot damage wreck vandalize vandalise plunder pillage steal rob extort "
    "confiscate expropriate cut sabotage loot ransack arrive enter reach cross burn beat hack stab lynch round "
    "disappear release surrender swap sign agree conclude broker negotiate flee evacuate displace activate trigger "
    "control recover restore drive push expel oust dislodge purge scuffle brawl melee form institute place shot burst "
    "smash trash shatter light chain die lie teach object debris rubbish garbage tree seizure recovery haul "
    "confiscation discovery interception defusal factory workshop lab laboratory detonation tussle jostle grapple "
    "fistfight".split(),
    LEMMA_FIXED_FORMS,
)
"""Every word `classify` can take for a cue: anything else is skipped at the cost of a set lookup."""


_CUES_KEY = ("eventwire", "acts.cues")


def classify(t: Token) -> Cue | None:
    """The cue `t` is, if any (its kind, and for weapons the weapon class); decided once per token and Doc (a
    protest's paragraph is read again for what happened to it)."""
    low = t.lower_
    key = word_key(t)
    if key not in CUE_WORDS and low not in CUE_WORDS:
        return None
    memo = t.doc.user_data.setdefault(_CUES_KEY, {})
    if t.i not in memo:
        memo[t.i] = _classify_word(t, key, low)
    return memo[t.i]


def _classify_word(t: Token, key: str, low: str) -> Cue | None:
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not doc[t.i + 1].whitespace_ and not t.whitespace_:
        third = doc[t.i + 2]
        kind = _HYPHENATED.get(f"{low}-{third.lower_}") or _HYPHENATED.get(f"{low}-{third.lower_.rstrip('s')}")
        if kind is not None:
            return Cue(kind, t)
    if t.i >= 2 and doc[t.i - 1].text == "-" and (f"{doc[t.i - 2].lower_}-{low}" in _HYPHENATED or f"{doc[t.i - 2].lower_}-{low.rstrip('s')}" in _HYPHENATED):
        return None
    if low == "shot" and t.pos_ != "VERB" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("dead", "and", "to"):
        return Cue("fire", t)
    if key in ("shot", "burst") and _observed(t):
        return Cue("clash", t)
    if is_noun(t) and not t.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "MONEY"):
        return _noun_cue(t, key, low)
    if is_verb(t):
        return _verb_cue(t, key, low)
    if t.pos_ == "ADJ" and key == "dead" and t.dep_ in ("oprd", "acomp", "xcomp") and lemma_of(t.head) == "find":
        return Cue("kill", t.head)
    return None


def _observed(t: Token) -> bool:
    """'observed 46 shots', 'bursts of fire were heard': reports of fire from a monitor (OSCE, residents)."""
    return any(lemma_of(a) in ("observe", "hear", "record", "register", "report") for a in list(t.ancestors)[:4])


def _noun_cue(t: Token, key: str, low: str) -> Cue | None:
    mods = mod_words(t)
    if key == "strike" or low == "strikes":
        return _strike(t)
    if mods & _NOT_BATTLE and key in ("battle", "attack", "fight", "assault", "war", "raid"):
        return None
    if key in ("assault", "violence", "abuse", "attack", "harassment", "exploitation") and mods & {"sexual", "sexually"}:
        return Cue("sexual", t)
    if _weapon_goods_found(t):
        return Cue("disrupt", t)
    if key in L.WEAPON_NOUNS or key in ("force", "device", "gas", "attack", "raid", "bombing", "bomber", "vest",
                                        "weapon", "agent", "munition", "gun", "machinegun", "fire", "weaponry") or low in L.WEAPON_NOUNS or key in _HEAVY_ARMS or low in _HEAVY_ARMS:
        if key in _AIR_TARGETS_DOWN and _downed(t):
            return Cue("disrupt", t)
        if mods & {"unexploded", "undetonated", "abandoned"}:
            return Cue("disrupt", t)
        if t.dep_ in ("compound", "amod", "nmod") and word_key(t.head) not in _WEAPONISH_HEADS and not _weapon_class(t.head, word_key(t.head)):
            return None
        cls = _weapon_class(t, key)
        if cls is not None:
            return Cue("weapon", t, cls)
        if key in ("force", "device", "gas", "vest", "weapon", "agent", "munition", "bomb", "bomber", "bombing", "gun", "machinegun", "weaponry") or key in _HEAVY_ARMS:
            return None
    if key in ("tyre", "tire", "object", "barricade", "debris", "rubbish", "trash", "garbage", "tree") and (
            mods & {"burning", "burn", "burnt", "burned", "flaming", "lit"} or key in ("tyre", "tire") and lemma_of(t.head) in ("burn", "light", "set", "torch")):
        return Cue("riot", t, sub="Violent demonstration")
    if key in _SCUFFLE:
        return Cue("clash", t, sub="physical")
    if key in L.CLASH_NOUNS and t.dep_ in ("amod", "compound") and key in ("fighting", "combat", "battle"):
        return None
    if key in L.CLASH_NOUNS:
        if key == "exchange":
            if any(lemma_of(c) in ("fire", "gunfire", "shot", "artillery", "rocket", "bullet") for c in prep_objects(t, "of")) or mods & {"fire", "gunfire"}:
                return Cue("clash", t)
            if any(lemma_of(c) in L.CAPTIVES for c in prep_objects(t, "of")) or mods & L.CAPTIVES:
                return Cue("agree", t)
            return None
        if key == "fight" and prep_objects(t, "against") and all(lemma_of(o) in _ABSTRACT_FIGHT for o in prep_objects(t, "against")):
            return None
        if key == "encounter" and not _military_sentence(t):
            return None
        if key == "engagement" and not (mods & {"armed", "military", "fierce", "heavy", "brief", "direct"} or any(
                party_of(o) == L.ARMED or party_of(o) == L.STATE and word_key(o) not in _CIVIL_STATE and o.ent_type_ not in ("GPE",)
                for o in prep_objects(t, "with", "between"))):
            return None  # "US engagement with Egypt", "audience engagement": no fight
        if key == "confrontation" and mods & {"verbal", "diplomatic", "political"}:
            return None
        return Cue("clash", t)
    if key == "fire":
        head = t.head
        if t.dep_ == "dobj" and lemma_of(head) == "open":
            return Cue("fire", t)
        if t.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) == "exchange":
            return None  # the exchange is the cue
        if t.dep_ == "dobj" and lemma_of(head) in ("set", "catch") or (t.dep_ == "pobj" and lemma_of(head.head) == "set"):
            return _loot_or_riot_fire(t)
        if mods & {"gunfire", "gun", "mortar", "artillery", "tank", "sniper", "rocket", "heavy", "small", "arm", "cross", "machine"}:
            return Cue("clash", t)
        return None
    if key in ("gunfire", "gunshot", "shooting", "sniping"):
        if t.dep_ == "pobj" and t.head.lower_ in ("by", "from", "in", "of") or key in ("shooting",):
            return Cue("fire", t)
        return None
    if key in L.ATTACK_NOUNS:
        if t.dep_ in ("compound", "amod", "nmod") and word_key(t.head) in ("rifle", "weapon", "gun", "team", "unit", "force", "vehicle", "craft", "boat", "helicopter", "ship", "dog", "squad", "course", "plan", "drill"):
            return None  # "assault rifles", "attack helicopters", "strike team": a kind of thing, not an act
        if key == "siege" and not (prep_objects(t, "by") or mods & {"military", "armed", "militant", "rebel"}):
            return None  # "the siege of Gaza" in news is a blockade kept up, not a battle on a day
        if key == "operation" and not (prep_objects(t, "against") or mods & {"military", "security", "counter", "counter-terrorism", "counterterrorism", "clearance", "combing", "offensive", "joint", "anti-terror"}):
            return None
        if key in ("killing", "murder", "assassination", "massacre"):
            return Cue("kill", t)
        if key == "crackdown":
            return None
        if key == "shooting":
            return Cue("fire", t)
        return Cue("attack", t)
    if key in L.ABDUCT_NOUNS:
        if key == "hostage" and not (lemma_of(t.head) in ("take", "hold", "seize", "keep") or t.dep_ in ("oprd",)):
            return None
        return Cue("abduct", t)
    if key in L.SEXUAL_NOUNS:
        return Cue("sexual", t)
    if key in L.ARREST_NOUNS:
        if lemma_of(t.head) in ("make", "carry", "conduct", "effect", "launch", "report") or kids(t, "nummod") or "house" in mods or (
                t.dep_ == "pobj" and t.head.lower_ == "under" and key == "arrest") or (
            t.dep_ == "nsubjpass" and lemma_of(t.head) in ("make", "carry", "report")):
            return Cue("arrest", t)
        return None
    if key == "custody" and t.dep_ == "pobj" and t.head.lower_ == "into" and lemma_of(t.head.head) in ("take", "place", "bring"):
        return Cue("arrest", t.head.head)
    if key in L.PROTEST_NOUNS:
        if key == "march" and (t.text[:1].isupper() and t.is_sent_start is not True or t.ent_type_ == "DATE"):
            return None
        if key == "march" and (mods & {"long", "death", "forced"} or lemma_of(t.head) in ("begin",) and _military_sentence(t)):
            return None
        if key == "rally" and mods & {"campaign", "election", "electoral"}:
            return Cue("protest", t)
        if key == "blockade" and not (mods & _ROADS or party_of(agent_of(t)) in (L.PROTESTER, L.CIVILIAN, L.RIOTER)):
            return None  # "the Israeli-led blockade of Gaza" is a siege, not a protest
        return Cue("protest", t)
    if key in L.RIOT_NOUNS and t.dep_ in ("compound", "amod") and lemma_of(t.head) in ("police", "gear", "shield", "squad", "unit", "control", "act", "officer", "van", "policeman", "cop", "force"):
        return None
    if key in L.RIOT_NOUNS:
        if key == "mob" and t.dep_ in ("compound", "amod") and lemma_of(t.head) in ("justice", "violence"):
            return Cue("riot", t, sub="Mob violence")
        return Cue("riot", t)
    if key in L.LOOT_NOUNS:
        if key == "vandalism":
            return Cue("riot", t) if _crowd_sentence(t) else Cue("loot", t)
        if key in _WHAT_OF_NOUNS and not (mods & L.PROPERTY or any(word_key(o) in L.PROPERTY for o in prep_objects(t, "of")) or _property_head(t)):
            return None  # "the destruction of society", "weapons of mass destruction", "land theft": no property named
        return Cue("loot", t)
    if key in L.AGREE_NOUNS:
        if key in ("deal", "accord", "pact", "memorandum") and not (mods & L.DEAL_MODIFIERS or prep_objects(t, "on", "for", "between", "with")):
            return None
        if key == "swap" and not (mods & L.CAPTIVES or any(lemma_of(o) in L.CAPTIVES for o in prep_objects(t, "of"))):
            return None
        if key == "surrender" and lemma_of(t.head) in ("demand", "call", "refuse", "reject", "urge"):
            return None
        if key not in ("surrender", "swap") and not _agreement_made(t):
            return None  # "calls for a ceasefire", "a ceasefire resolution", "coverage of the truce": named, not made
        return Cue("agree", t)
    if key in L.CHANGE_NOUNS:
        return _change_noun(t, key)
    if key == "chain" and "human" in mods:
        return Cue("protest", t)
    if key in ("talk", "negotiation") and mods & {"peace", "ceasefire", "cease-fire"}:
        return Cue("agree", t)
    if key in ("cache", "stockpile", "arsenal", "depot") and any(lemma_of(x) in ("contain", "hold", "include") and any(lemma_of(o) in L.WEAPON_GOODS for o in objects_with_conj(x)) for x in kids(t, "acl")) and (
            lemma_of(t.head) in L.FIND_VERBS | {"uncover", "locate"} or t.dep_ == "nsubjpass"):
        return Cue("disrupt", t)
    if key in ("cache", "stockpile", "arsenal", "depot", "dump", "stash", "store", "storehouse", "warehouse") and any(lemma_of(o) in L.WEAPON_GOODS for o in prep_objects(t, "of")) | bool(mods & (L.WEAPON_GOODS | {"ammunition", "weapon", "arm"})):
        return Cue("disrupt", t) if lemma_of(t.head) in L.FIND_VERBS | {"uncover", "locate"} or t.dep_ == "nsubjpass" else None
    if key == "disposal" and mods & {"bomb", "explosive", "ordnance"}:
        return Cue("disrupt", t)
    if key in ("seizure", "recovery", "haul", "confiscation", "discovery", "interception", "defusal") and (
            mods & L.WEAPON_GOODS or any(lemma_of(o) in L.WEAPON_GOODS for o in prep_objects(t, "of"))):
        return Cue("disrupt", t)  # "a weapons seizure", "the recovery of explosives"
    if key in ("factory", "workshop", "lab", "laboratory") and mods & {"bomb", "ied", "explosive", "weapon", "arm", "bomb-making"} and (
            lemma_of(t.head) in L.FIND_VERBS | {"raid", "bust", "uncover", "dismantle", "destroy"}):
        return Cue("disrupt", t)
    if key in ("explosion", "detonation") and "controlled" in mods:
        return Cue("disrupt", t)
    return None


_MAKE_AGREEMENT = {"sign", "reach", "agree", "conclude", "broker", "announce", "declare", "strike", "seal", "ink", "accept",
                   "enter", "implement", "establish", "finalize", "finalise", "approve", "endorse", "adopt", "forge",
                   "clinch", "hammer", "mediate", "make", "enact", "hold", "begin", "start", "open", "resume", "complete",
                   "carry", "conduct", "renew", "extend", "observe", "respect", "honour", "honor", "violate", "breach",
                   "break", "collapse", "end", "expire", "agreed", "secure"}
_AGREEMENT_HAPPENS = {"take", "come", "go", "begin", "start", "hold", "enter", "kick", "end", "collapse", "expire", "occur",
                      "happen", "continue", "last"}


def _agreement_made(t: Token) -> bool:
    """An agreement (ceasefire, truce, deal, swap, talks) reported as made, held, broken or in force ("signed a
    truce", "a ceasefire took effect", "the deal collapsed"); not one only named ("calls for a ceasefire", "a
    ceasefire resolution", "support for a deal")."""
    head = t
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    dep, verb = head.dep_, head.head
    if dep == "ROOT" or t.dep_ == "ROOT":
        return True
    if dep in ("dobj", "nsubjpass", "attr") and lemma_of(verb) in _MAKE_AGREEMENT:
        return True
    if dep == "nsubj" and lemma_of(verb) in _AGREEMENT_HAPPENS | _MAKE_AGREEMENT:
        return True
    if dep in ("nsubj", "nsubjpass") and any(lemma_of(x) in _AGREEMENT_HAPPENS for x in kids(verb, "xcomp")):
        return True  # "the swap is said to have taken place", "the truce is set to take effect"
    if dep == "pobj" and (verb.lower_ == "under" or verb.lower_ == "of" and lemma_of(verb.head) in ("part", "term", "terms", "framework", "implementation")):
        return True  # "released under the deal", "as part of the agreement": done under one in force
    if dep == "pobj" and verb.lower_ in ("into", "to", "on", "upon", "under", "of") and lemma_of(verb.head) in _MAKE_AGREEMENT | {"agree", "enter", "sign"}:
        return True  # "agreed to a truce", "entered into an agreement", "signed on to the deal"
    return False


def _property_head(t: Token) -> bool:
    """'burning shops', 'a looting spree and burning shops': the noun the loss qualifies is property."""
    for _ in range(3):
        if t.dep_ not in ("compound", "amod", "nmod", "conj") or t.head.i == t.i:
            return False
        t = t.head
        if word_key(t) in L.PROPERTY:
            return True
    return False


_AREAS_RAZED = {"village", "neighbourhood", "neighborhood", "town", "district", "camp", "area", "block", "quarter", "street"}


_WHAT_OF_NOUNS = {"destruction", "demolition", "theft", "burning", "sabotage", "plunder", "pillage"}
"""Nouns of loss that are an act only with what was lost: "the demolition of homes", "home demolitions"."""


_CIVIL_STATE = {"government", "authority", "authorities", "regime", "official", "ministry", "administration", "coalition"}


_WEAPONISH_HEADS = {"strike", "attack", "fire", "shelling", "raid", "explosion", "blast", "bombing", "bombardment", "barrage", "shot", "burst", "projectile",
                    "round", "shell", "salvo", "volley", "campaign", "assault", "hit", "impact", "launch", "explosive", "device"}


_AIR_TARGETS_DOWN = {"drone", "uav", "missile", "rocket", "aircraft", "plane", "jet", "helicopter", "warplane", "projectile"}


def _downed(t: Token) -> bool:
    """'shot down a drone', 'a missile was intercepted', 'downed a helicopter'."""
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass") and (lemma_of(head) in ("intercept", "down", "destroy", "neutralize", "neutralise")
                                             or (lemma_of(head) == "shoot" and has_child_word(head, {"down"}))):
        if lemma_of(head) == "destroy" and not _military_defence(head):
            return False
        return True
    return False


def _military_defence(verb: Token) -> bool:
    return any(lemma_of(c) in ("defence", "defense", "anti-aircraft", "air-defence", "air-defense") for c in verb.subtree)


def _weapon_goods_found(t: Token) -> bool:
    """'police recovered 153 crude bombs', 'a cache of weapons was discovered', 'seized arms': a seizure."""
    key = word_key(t)
    if key not in L.WEAPON_GOODS and t.lower_ not in L.WEAPON_GOODS:
        return False
    head = t.head
    if t.dep_ == "conj":
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        t_dep, head = head.dep_, head.head
    else:
        t_dep = t.dep_
    if t_dep == "pobj" and head.lower_ == "of" and (lemma_of(head.head) in _MEASURES | {"cache", "stockpile", "depot", "dozens", "hundreds", "thousands", "scores", "total"} or head.head.like_num):
        outer = head.head
        t_dep, head = outer.dep_, outer.head
    if t_dep in ("dobj", "nsubjpass") and lemma_of(head) in L.FIND_VERBS | {"defuse", "dismantle", "neutralize", "neutralise", "detonate", "deactivate"}:
        if lemma_of(head) == "destroy" and not has_child_word(head, {"police", "troops", "forces"}) and key not in ("ied", "mine", "landmine", "explosive", "bomb", "cache"):
            return False
        if lemma_of(head) == "detonate" and not any(c.lower_ in ("controlled",) for c in head.subtree):
            return False
        if lemma_of(head) in ("hand", "surrender") and not has_child_word(head, {"over", "in"}):
            return False
        return True
    return False


def _loot_or_riot_fire(t: Token) -> Cue | None:
    """'set fire to X' / 'set X on fire': tyres are a riot, property destruction otherwise."""
    verb = t.head if t.dep_ == "dobj" else t.head.head
    objs = prep_objects(verb, "to") + kids(verb, "dobj") + prep_objects(t, "to")
    objs = [o for o in objs if o.i != t.i]
    if any(lemma_of(o) in ("tyre", "tire") for o in objs):
        return Cue("riot", t, sub="Violent demonstration")
    if _crowd_sentence(t):
        return Cue("riot", t)
    return Cue("loot", t)


_ARMED_MOVING = {"troop", "soldier", "military", "army", "armoured", "armored", "tank", "militant", "fighter", "weapon",
                 "reinforcement", "rebel", "militia", "ammunition"}


def aid_moving(t: Token) -> bool:
    """An aid convoy arriving, lorries of flour crossing: aid moving is no act of an armed group."""
    words = sentence_words(t)
    return not words.isdisjoint(L.AID_WORDS) and words.isdisjoint(_ARMED_MOVING)


def _crowd_sentence(t: Token) -> bool:
    return not sentence_words(t).isdisjoint(L.RIOTER_WORDS | L.PROTESTER_WORDS)


def _change_noun(t: Token, key: str) -> Cue | None:
    """'brought reinforcements', 'a joint patrol took place', 'imposed a curfew': a change of a group's activity;
    not 'attacked a patrol'."""
    head = t.head
    hl = lemma_of(head)
    if key in ("convoy", "movement") and aid_moving(t):
        return None
    if key in ("troop", "movement") and not (t.dep_ == "nsubj" and hl in ("arrive", "enter", "reach", "move", "deploy", "cross", "withdraw", "mass", "gather", "head") or (key == "movement" and prep_objects(t, "of"))):
        return None
    if t.dep_ in ("nsubj", "nsubjpass") and hl in ("arrive", "enter", "reach", "take", "move", "cross", "head", "deploy", "send", "dispatch", "impose", "extend", "withdraw", "complete", "begin", "start", "continue", "hold", "conduct", "carry", "see", "observe", "report", "place"):
        return Cue("change", t)
    if key in ("ban", "lockdown", "restriction", "checkpoint", "roadblock", "state") and not (
            t.dep_ in ("dobj", "nsubjpass") and hl in ("impose", "institute", "declare", "announce", "enforce", "extend", "place", "set", "establish", "erect", "install", "introduce", "order")):
        return None
    if key == "state" and not has_child_word(t, {"emergency", "siege"}) and not any(lemma_of(o) in ("emergency", "siege") for o in prep_objects(t, "of")):
        return None
    if t.dep_ in ("dobj", "attr") and hl in ("bring", "send", "deploy", "dispatch", "conduct", "carry", "hold", "impose", "institute", "place", "erect", "install", "introduce",
                                            "announce", "declare", "extend", "begin", "start", "complete", "launch",
                                            "establish", "reinforce", "receive", "mass", "amass", "move", "dispatch",
                                            "mobilize", "mobilise", "enforce", "order", "build", "set", "organize"):
        return Cue("change", t)
    if t.dep_ == "ROOT" or (t.dep_ == "pobj" and t.head.lower_ in ("of",) and lemma_of(t.head.head) in ("arrival", "deployment")):
        return Cue("change", t)
    return None


_GOODS = {"cattle", "livestock", "goat", "sheep", "cow", "camel", "shop", "store", "bank", "warehouse", "office", "market",
          "granary", "pharmacy", "supermarket", "depot", "food", "crop", "harvest"}


_MEASURES = {"total", "dozens", "hundreds", "thousands", "scores", "ton", "tonne", "kilogram", "kg", "kilo", "gram", "quantity", "amount", "lot", "number", "haul", "batch", "load",
             "consignment", "package", "packet", "bag", "sack", "box", "crate", "pound", "litre", "liter", "gallon",
             "head", "herd", "dozen", "hundred", "thousand", "unit", "piece", "stash", "cache", "plant", "hectare", "acre",
             "bundle", "parcel", "shipment", "cargo"}


def natural_cause(t: Token) -> bool:
    """Weather, disease or an accident did it ("heavy rains killed seven", "died of cholera", "killed in a crash"):
    no political-violence act, whatever the verb."""
    if sentence_words(t).isdisjoint(L.NATURAL_CAUSES):
        return False  # a set lookup spares the parse walk in nearly every sentence
    subj = subject_of(t)
    if subj is not None and word_key(subj) in L.NATURAL_CAUSES:
        return True
    if lemma_of(t) in L.OUTCOME_VERBS | {"kill", "drown"}:
        return any(word_key(o) in L.NATURAL_CAUSES for o in prep_objects(t, "by", "in", "from", "of", "during", "after", "due"))
    return False


def _verb_cue(t: Token, key: str, low: str) -> Cue | None:
    if natural_cause(t):
        return None
    objs = objects_with_conj(t)
    objs += [p for o in objs if lemma_of(o) in _MEASURES or o.like_num for p in prep_objects(o, "of")]
    obj_lemmas = {lemma_of(o) for o in objs}
    prts = {c.lower_ for c in t.children if c.dep_ == "prt" or (c.i == t.i + 1 and c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES)}
    # --- weapons and violence
    if key in ("blow",) and "up" in prts:
        if obj_lemmas & _PERSONAL_OBJECTS or any(c.lower_ in _PERSONAL_OBJECTS for c in t.children):
            return Cue("weapon", t, L.SUICIDE)
        return Cue("weapon", t, L.BLAST)
    if key in ("activate", "trigger") and any(c.lower_ in L.PREMATURE for c in t.children):
        return Cue("disrupt", t)
    if key in ("explode", "detonate", "go") and (key != "go" or "off" in prts):
        if any(c.lower_ in L.PREMATURE for c in t.subtree) or _while_planting(t):
            return Cue("disrupt", t)
        if key == "detonate" and _made_harmless(t):
            return Cue("disrupt", t, sub="Disrupted weapons use")
        if kids(t, "neg") or _failed(t):
            return Cue("disrupt", t, sub="Disrupted weapons use")
        return Cue("weapon", t, L.BLAST)
    if key in ("shell", "bombard", "pound"):
        subj = subject_of(t)
        if subj is not None and (lemma_of(subj) in AIR_VEHICLES or lemma_of(subj) in ("airstrike",) or "air" in mod_words(subj)):
            return Cue("weapon", t, L.AIR)
        return Cue("weapon", t, L.SHELL) if key != "pound" else Cue("attack", t)
    if key == "bomb":
        subj = subject_of(t)
        if subj is not None and (lemma_of(subj) in AIR_VEHICLES or "air" in mod_words(subj) or lemma_of(subj) in ("coalition",)):
            return Cue("weapon", t, L.AIR)
        return Cue("weapon", t, L.BLAST)
    if key == "airstrike" or key == "air-strike":
        return Cue("weapon", t, L.AIR)
    if key in ("shoot", "gun") and ("down" in prts) and (obj_lemmas & _AIR_TARGETS_DOWN or key == "shoot" and not objs):
        return Cue("disrupt", t)
    if key == "gun" and "down" in prts:
        return Cue("fire", t)
    if key == "down" and obj_lemmas & _AIR_TARGETS_DOWN:
        return Cue("disrupt", t)
    if key in ("intercept", "neutralize", "neutralise") and obj_lemmas & (_AIR_TARGETS_DOWN | L.WEAPON_GOODS):
        return Cue("disrupt", t)
    if key in _STOP_VERBS and any(_holds_weapons(o) for o in objs):
        return Cue("disrupt", t)  # "intercepted packages identified as explosive devices", "seized a truck loaded with arms"
    if key in ("defuse", "deactivate", "disarm") and (obj_lemmas & L.WEAPON_GOODS or key == "defuse"):
        return Cue("disrupt", t)
    if key in ("foil", "thwart") and obj_lemmas & {"attack", "attempt", "plot", "plan", "bombing", "ambush"}:
        return Cue("disrupt", t)
    if key in ("fire", "shoot") and any(lemma_of(o) == "air" for o in prep_objects(t, "into", "in")):
        return None  # shots fired into the air: a warning or a celebration, not an attack
    if key == "fire":
        if obj_lemmas & _INTERVENTION_FIRE or any(lemma_of(m) in _INTERVENTION_FIRE for o in objs for m in modifiers(o)):
            return None
        if objs and not obj_lemmas & FIRE_OBJECTS and not any(_weapon_class(o, word_key(o)) for o in objs) and any(
                lemma_of(o) not in L.WEAPON_NOUNS for o in objs) and not prep_objects(t, "at", "on", "upon", "into", "towards", "toward"):
            return None  # "fired the minister"
        if any(lemma_of(o) in ("shot",) and has_child_word(o, {"warning"}) for o in objs):
            return None
        passive = kids(t, "nsubjpass")
        if passive and not any(_weapon_class(p, word_key(p)) or lemma_of(p) in FIRE_OBJECTS for p in passive) and (
                prep_objects(t, "from", "over", "for") or not (prep_objects(t, "upon", "on", "at") or _military_sentence(t))):
            return None  # "was fired from his post", not "the convoy was fired upon"
        return Cue("fire", t)
    if key == "shoot":
        if "down" in prts:
            return None
        return Cue("fire", t)
    if key == "snipe":
        return Cue("fire", t)
    if key in _SCUFFLE:
        if prep_objects(t, "with") and not any(party_of(o) or o.pos_ == "PRON" for o in prep_objects(t, "with")):
            return None  # "grappled with the horrors", "tussled with the question"
        return Cue("clash", t, sub="physical")
    if key in L.CLASH_VERBS:
        if key == "exchange":
            if obj_lemmas & {"fire", "gunfire", "shot", "artillery", "rocket", "bullet", "mortar", "blow", "round"}:
                return Cue("clash", t)
            if obj_lemmas & L.CAPTIVES:
                return Cue("agree", t)
            return None
        if key in ("fight", "battle") and kids(t, "dobj") and not prep_objects(t, "with", "against") and all(
                party_of(o) is None and not is_place(o) and o.pos_ != "PRON" and o.ent_type_ not in ("ORG", "NORP", "GPE")
                and o.lower_ not in ("another", "other", "each", "one") for o in kids(t, "dobj")):
            return None  # "fight the algorithm", "battled the flames": no party fought
        if key in ("fight", "battle") and prep_objects(t, "against", "for") and all(
                lemma_of(o) in _ABSTRACT_FIGHT for o in prep_objects(t, "against", "for")) and not prep_objects(t, "with"):
            return None
        if key == "engage" and not (obj_lemmas or prep_objects(t, "in", "with")):
            return None
        if key == "engage" and not obj_lemmas and not any(word_key(o) in L.CLASH_NOUNS | {"hostility", "gunfight", "war", "combat"} or o.lower_ == "hostilities" for o in prep_objects(t, "in")) and not any(
                party_of(o) in (L.ARMED, L.STATE) for o in prep_objects(t, "with")):
            return None  # "engaged in rhetoric", "engages in this oppression": only fighting is a clash
        return Cue("clash", t)
    if key in L.ATTACK_VERBS:
        if t.dep_ == "amod" and key in ("besiege", "target", "raid"):
            return None  # "the besieged enclave", "targeted killings" name a state of things, not an act
        if key == "strike":
            subj = subject_of(t)
            if subj is not None and lemma_of(subj) in L.LABOUR_STRIKE | {"worker", "employee", "teacher", "doctor", "nurse", "union", "driver"}:
                return Cue("protest", t)
            patients = kids(t, "dobj", "nsubjpass")
            if patients and all(party_of(p) is None and not is_place(p) for p in patients):
                return None  # "deals were struck", "struck a balance"
            return Cue("attack", t)
        if key in ("hit", "target") and subject_of(t) is not None and lemma_of(subject_of(t)) in ("campaign", "sanction", "policy", "measure", "law"):
            return None
        if key == "charge" or key == "hit":
            return None
        if key == "assault" and has_child_word(t, {"sexually"}):
            return Cue("sexual", t)
        if key == "overrun":
            return Cue("territory", t)
        if key in ("raid", "storm") and obj_lemmas & _GOODS and not sentence_words(t) & {"kill", "killed", "die", "dead", "injure", "wound", "shoot", "shot", "fire"}:
            return Cue("loot", t)
        if key == "raid" and state_subject(t):
            return Cue("attack", t)
        return Cue("attack", t)
    if key in ("abuse", "molest") and (key == "molest" or has_child_word(t, {"sexually"}) or obj_lemmas & {"woman", "girl", "women", "girls"}):
        return Cue("sexual", t)
    if key in L.SEXUAL_VERBS:
        return Cue("sexual", t)
    if key in L.ABDUCT_VERBS:
        if key == "disappear" and not has_child_word(t, {"forcibly", "forcefully"}):
            return None
        return Cue("abduct", t)
    if key in ("take", "hold", "keep") and (obj_lemmas & {"hostage", "captive"} or any(lemma_of(c) in ("hostage", "captive") for c in kids(t, "oprd", "advcl", "xcomp", "ccomp", "attr", "npadvmod"))):
        return Cue("abduct", t)
    if key in L.ARREST_VERBS:
        if key == "round" and "up" not in prts:
            return None
        if key == "arrest" and t.dep_ == "amod":
            return None
        return Cue("arrest", t)
    if key == "take" and any(lemma_of(o) in _CUSTODY for o in prep_objects(t, "into", "in")):
        return Cue("arrest", t)
    if key in ("find", "discover", "recover") and (has_child_word(t, _DEATH) or obj_lemmas & {"body", "corpse", "remains"}):
        return Cue("kill", t)
    # --- killing and injuring
    if key in L.KILL_VERBS:
        if key == "burn" and obj_lemmas & {"tyre", "tire"}:
            return Cue("riot", t, sub="Violent demonstration")
        if key == "hack" and not (_to_death(t) or any(party_of(o) for o in objs) or any(word_key(o) in L.MELEE for o in prep_objects(t, "with"))):
            return None  # "phones were hacked": no one cut down
        if key in ("burn", "beat", "hack", "stab") and not (_to_death(t) or key in ("stab", "hack") or key == "beat" and (objs or prep_objects(t, "by"))):
            if key == "burn" and (obj_lemmas & L.PROPERTY or any(lemma_of(o) in L.PROPERTY for o in kids(t, "nsubjpass"))):
                return _loot_or_riot_verb(t)
            if key != "beat":
                return None
        if key == "assault":
            return Cue("attack", t)
        if key == "lynch":
            return Cue("riot", t, sub="Mob violence")
        if key in L.OUTCOME_VERBS and (key not in ("kill",) or agent_of(t) is None):
            return Cue("outcome", t)  # "2 were killed": what an act did; "forces injured 30" is an act
        return Cue("kill", t)
    if key == "die":
        return Cue("outcome", t)
    # --- protests and riots
    if key in L.PROTEST_VERBS:
        subj = subject_of(t)
        if key in ("march", "rally") and subj is not None and party_of(subj) in (L.STATE, L.ARMED):
            return None
        dobjs = kids(t, "dobj")
        if key == "demonstrate" and (obj_lemmas & _SHOWN or dobjs and not sentence_protest_context(t) and not any(o.tag_ == "VBG" for o in dobjs)):
            return None  # "demonstrated the waste of funds", not "demonstrated demanding salaries"
        if key == "rally" and prep_objects(t, "behind", "around", "to"):
            return None
        if key == "chant" and not _crowd_sentence(t):
            return None
        return Cue("protest", t)
    if key == "take" and any(o.lower_ in _STREETS for o in prep_objects(t, "to")):
        return Cue("protest", t)
    if key in ("block", "barricade", "blockade", "occupy", "close") and (obj_lemmas & _ROADS or key == "barricade"):
        subj = subject_of(t)
        if subj is None or subj.ent_type_ == "GPE" or party_of(subj) not in (L.STATE, L.ARMED):
            return Cue("riot", t, sub="Violent demonstration") if key == "barricade" else Cue("protest", t)
    if key in _GATHER and _protest_words_near(t):
        subj = subject_of(t)
        if subj is None or subj.ent_type_ == "GPE" or party_of(subj) not in (L.STATE, L.ARMED):
            return Cue("protest", t)
    if key in L.RIOT_VERBS:
        if key in ("loot", "ransack", "torch"):
            return _loot_or_riot_verb(t)
        if key == "stone" and not objs:
            return None
        if key == "hurl" and not _hand_missiles(objs, obj_lemmas):
            return None
        return Cue("riot", t)
    if key in ("throw", "lob", "pelt", "hurl") and _hand_missiles(objs, obj_lemmas):
        return Cue("riot", t)
    if key in ("throw", "pelt", "hurl") and t.dep_ == "amod" and any(word_key(c) in L.MISSILES_BY_HAND for c in t.children):
        return Cue("riot", t)  # "stone-throwing youths"
    if key in ("smash", "trash", "shatter") and (obj_lemmas & (L.PROPERTY | {"window", "windshield", "glass", "door", "business"}) or objs and _crowd_sentence(t)):
        return Cue("riot", t)
    if key in ("light", "set", "launch") and obj_lemmas & {"firecracker", "firework", "flare", "fire"} and _crowd_sentence(t):
        return Cue("riot", t)
    if key == "set" and (obj_lemmas & {"fire"} or has_child_word(t, {"ablaze", "alight", "fire", "afire"}) or any(
            c.lower_ in ("ablaze", "alight", "fire") for c in kids(t, "oprd", "advmod", "acomp", "prep", "xcomp", "ccomp"))):
        return _loot_or_riot_verb(t)
    # --- territory
    if key in ("take", "gain", "seize", "assume", "wrest", "regain", "retake", "establish", "capture", "recapture", "reclaim",
               "recover", "restore", "impose", "extend") and (
            obj_lemmas & L.CONTROL_NOUNS or (key == "take" and "over" in prts) or (key in ("gain", "regain") and obj_lemmas & {"ground"})):
        return Cue("territory", t)
    if key in ("drive", "push", "expel", "oust", "dislodge", "purge", "flush", "force", "repel") and (
            prts & {"back", "out"} or key in ("expel", "oust", "dislodge", "purge") or has_child_word(t, {"out"})) and any(is_place(o) for o in _places_left(t)) and not any(
            party_of(o) == L.CIVILIAN for o in kids(t, "dobj")):
        return Cue("territory", t, sub="regain")
    if key in ("control", "occupy") and place_objects(t) and subject_of(t) is not None and party_of(subject_of(t)) in (L.STATE, L.ARMED):
        return Cue("territory", t)
    if key in ("capture", "seize", "take", "nab") and objs and not place_objects(t) and all(
            party_of(o) in (L.CIVILIAN, L.ARMED, L.STATE) or o.ent_type_ in ("PERSON", "NORP") for o in objs) and not obj_lemmas & (L.PROPERTY | L.CONTROL_NOUNS | {"part", "responsibility", "step", "measure", "action", "place", "life"}):
        subj = subject_of(t)
        if key != "take" or prep_objects(t, "into") or (subj is not None and party_of(subj) == L.STATE and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ != "part"):
            return Cue("arrest", t)
    if key in L.TERRITORY_VERBS and key not in ("take", "gain", "control", "fall", "secure", "occupy"):
        if place_objects(t):
            return Cue("territory", t)
        if key in ("seize", "confiscate", "capture") and obj_lemmas & L.PROPERTY and not obj_lemmas & L.WEAPON_GOODS:
            return Cue("loot", t)
        return None
    if key == "fall" and prep_objects(t, "to", "into") and (is_place(subject_of(t)) if subject_of(t) is not None else False):
        return Cue("territory", t)
    if key in L.WITHDRAW_VERBS or (key in ("pull", "move") and prts & {"out", "back"}) or (key in L.HANDOVER and "over" in prts and (place_objects(t) or obj_lemmas & {"control", "authority", "territory", "area"})):
        if key == "evacuate" and obj_lemmas & {"civilian", "resident", "family", "people", "villager", "patient"}:
            return Cue("other", t)
        if place_objects(t) or any(is_place(o) for o in _places_left(t)) or key in L.HANDOVER:
            return Cue("transfer", t)
        if key in ("withdraw", "retreat") or (key == "pull"):
            return Cue("change", t)
        return None
    # --- strategic developments
    if key in ("dismantle", "destroy", "demolish", "raze", "bulldoze", "uproot", "damage", "wreck", "vandalize", "vandalise",
               "plunder", "pillage", "steal", "rob", "extort", "confiscate", "expropriate", "cut", "sabotage", "loot", "ransack"):
        if key in ("destroy", "damage", "wreck", "cut", "uproot", "raze", "bulldoze", "demolish") and not obj_lemmas & (L.PROPERTY | _ROADS | _AREAS_RAZED):
            return None
        if key == "cut" and not ("down" in prts or obj_lemmas & {"tree", "olive", "vine", "seedling", "crop"}):
            return None
        if key in ("destroy", "damage", "wreck") and (_weaponish_subject(t) or _weaponish_cause(t)):
            return None  # "damaged in a bombing", "destroyed by air strikes": the weapon's act, told by its noun
        if key == "dismantle" and obj_lemmas & (L.WEAPON_GOODS | {"ied"}):
            return Cue("disrupt", t)
        if obj_lemmas & L.WEAPON_GOODS or any(mod_words(o) & {"bomb", "ied", "explosive", "weapon", "arm", "bomb-making", "ammunition"} for o in objs):
            return None  # "confiscated 200 pistols", "destroyed an IED factory": the weapons' noun says it
        if key == "dismantle" and not obj_lemmas & L.PROPERTY:
            return None
        return _loot_or_riot_verb(t)
    if key in L.HQ_VERBS and (key != "set" or "up" in prts) and obj_lemmas & L.HQ_NOUNS and not obj_lemmas & {"checkpoint", "position"}:
        return Cue("hq", t)
    if key in ("set", "establish", "create", "form") and (key != "set" or "up" in prts) and obj_lemmas & {
            "militia", "unit", "group", "force", "network", "entity", "organisation", "organization", "brigade", "battalion",
            "council", "wing", "command", "alliance", "coalition", "front", "movement", "checkpoint", "roadblock"}:
        return Cue("change", t)
    if key in L.CHANGE_VERBS:
        if key in ("withdraw", "fortify"):
            return Cue("change", t)
        if key in ("reinforce", "mobilize", "mobilise") and objs and not any(party_of(o) or is_place(o) for o in objs):
            return None  # "reinforced tensions"
        if key == "join" and not any(party_of(o) in (L.ARMED, L.STATE) for o in objs):
            return None
        if key in ("form", "split", "rename", "declare", "impose", "suspend", "dissolve") and not obj_lemmas & {"organisation", "organization", "network", "entity", "command", "committee", "army",
                "militia", "group", "alliance", "brigade", "unit", "faction", "curfew", "lockdown", "coalition", "force",
                "movement", "front", "council", "emergency", "operation", "activity", "battalion", "wing"}:
            return None
        if key == "train" and not obj_lemmas & {"recruit", "fighter", "militant", "soldier", "troop", "militia"}:
            return None
        return Cue("change", t)
    if key == "enter" and place_objects(t) and party_of(subject_of(t)) in (L.ARMED, L.STATE) and (handed_over(t) or "without" in sentence_words(t)):
        return Cue("territory", t)  # "fighters entered the town after the army withdrew", "... without a fight"
    if key in ("arrive", "enter", "reach", "cross") and subject_of(t) is not None and lemma_of(subject_of(t)) in {"reinforcement", "convoy", "troop", "column", "force", "fighter", "soldier", "unit"} and not _violence_in(t) and not aid_moving(t):
        return Cue("change", t)
    if key in L.AGREE_VERBS:
        if key == "surrender":
            subj = subject_of(t)
            return Cue("agree", t) if subj is None or party_of(subj) in (L.ARMED, L.STATE) or lemma_of(subj) in ("member", "rebel", "militant", "fighter") else None
        if key in ("swap", "release") and not obj_lemmas & L.CAPTIVES:
            return None
        if key == "release" and (state_subject(t) or any(c.lower_ in ("bail",) for c in t.subtree)):
            return None
        if key in ("sign", "conclude", "broker", "negotiate", "reach") and not obj_lemmas & L.AGREE_NOUNS:
            return None
        if key == "agree" and not (any(lemma_of(o) in L.AGREE_NOUNS for o in prep_objects(t, "on", "to", "upon")) or
                                   any(lemma_of(x) in ("cease", "end", "stop", "exchange", "release", "withdraw", "halt", "surrender", "swap", "form", "join", "share", "merge") for x in kids(t, "xcomp"))):
            return None
        return Cue("agree", t)
    if key in L.OTHER_VERBS:
        if key == "flee" and subject_of(t) is not None and party_of(subject_of(t)) in (L.ARMED, L.STATE):
            return None
        if t.dep_ in ("amod", "acl", "compound") or t.tag_ == "VBG" and t.dep_ in ("pobj", "pcomp", "advcl"):
            return None  # "displaced people sheltering", "Palestinians fleeing": who they are, not what happened
        return Cue("other", t)
    return None


_STOP_VERBS = {"intercept", "seize", "confiscate", "find", "discover", "recover", "uncover", "impound", "defuse", "detect"}


def _holds_weapons(t: Token, depth: int = 0) -> bool:
    """Whether what was seized or intercepted is or holds weapons: 'packages identified as explosive devices', 'a
    truck loaded with arms', 'bags of ammunition' (a short walk down prepositions and a few verbs, no further)."""
    for c in t.children:
        if c.dep_ in ("prep", "pobj", "conj", "appos", "acl", "dobj") and (c.dep_ != "acl" or lemma_of(c) in _HOLDING):
            if c.dep_ in ("pobj", "conj", "appos", "dobj") and (word_key(c) in L.WEAPON_GOODS or c.lower_ in L.WEAPON_GOODS):
                return True
            if depth < 3 and _holds_weapons(c, depth + 1):
                return True
    return False


_HOLDING = {"identify", "contain", "load", "pack", "fill", "carry", "hold", "include", "laden", "stuff", "rig", "describe", "believe", "suspect"}


def handed_over(t: Token) -> bool:
    """Words in `t`'s sentence of a side leaving territory ('withdrew', 'pulled out', 'handed over', 'unopposed')."""
    words = sentence_words(t)
    return not words.isdisjoint(L.HANDED_WORDS) or ("pull" in words and "out" in words)


def _made_harmless(t: Token) -> bool:
    """'experts safely detonated the device', 'the bomb squad detonated it in a controlled explosion'."""
    if has_child_word(t, {"safely", "harmlessly"}) or any(c.lower_ == "controlled" for c in t.subtree):
        return True
    subj = subject_of(t)
    return subj is not None and bool(({word_key(subj)} | mod_words(subj)) & L.BOMB_DISPOSAL) and party_of(subj) != L.ARMED


def _places_left(t: Token) -> list[Token]:
    """What a group left or was driven from: 'from the town', 'out of the town' ('out' a preposition over 'of'),
    'pulled back from the areas' ('from' hung on 'back')."""
    out = prep_objects(t, "from", "out")
    for p in t.children:
        if p.lower_ in ("out", "back", "away") and p.dep_ in ("prep", "prt", "advmod"):
            out += prep_objects(p, "of", "from")
    return out


_PARTICLES = {"back", "out", "down", "up", "off", "over", "away"}
"""Particles the parser sometimes attaches as adverbs or prepositions ('pull back', 'shot down')."""


def _to_death(t: Token) -> bool:
    return any(p.lower_ == "to" and any(lemma_of(g) == "death" for g in p.children) for p in t.children if p.dep_ == "prep")


def _failed(t: Token) -> bool:
    return t.dep_ == "xcomp" and lemma_of(t.head) == "fail"


def _while_planting(t: Token) -> bool:
    for c in t.children:
        if c.dep_ in ("advcl",) and lemma_of(c) in ("plant", "make", "assemble", "handle", "prepare", "transport", "lay", "defuse", "dismantle"):
            return True
        if c.dep_ == "mark" and c.lower_ == "while":
            return False
    return any(c.dep_ == "relcl" and lemma_of(c) in ("plant", "make", "assemble", "handle", "prepare", "transport", "lay", "carry")
               and any(s.lower_ in ("they", "he", "she") for s in c.children) for o in kids(t, "nsubj") for c in o.children)


def _loot_or_riot_verb(t: Token) -> Cue:
    subj = agent_of(t)
    party = party_of(subj) if subj is not None else None
    if party in (L.RIOTER, L.PROTESTER) or (party == L.CIVILIAN and crowd_word(subj)) or (
            party not in (L.STATE, L.ARMED) and sentence_protest_context(t) and sentence_words(t) & {"demand", "protest", "denounce"}):
        return Cue("riot", t)
    return Cue("loot", t)


def _weaponish_subject(t: Token) -> bool:
    subj = subject_of(t)
    return subj is not None and (lemma_of(subj) in L.WEAPON_NOUNS or lemma_of(subj) in AIR_VEHICLES or lemma_of(subj) in ("attack", "strike", "fire", "explosion", "blast", "fighting", "clash"))


_WEAPONISH = {"attack", "strike", "airstrike", "fire", "explosion", "blast", "fighting", "clash", "bombing", "bombardment",
              "shelling", "raid", "assault", "offensive", "war", "operation"}


_BLASTS = {"bomb", "bombing", "bombardment", "shelling", "shell", "missile", "rocket", "airstrike", "strike", "explosion",
           "blast", "bombed", "shelled"}


def _weaponish_cause(t: Token) -> bool:
    """'damaged in a bombing', 'destroyed by air strikes', 'damaged due to shelling', and a passive loss with no
    author in a sentence of strikes ('homes have been destroyed' amid a bombardment)."""
    causes = prep_objects(t, "by", "in", "from", "during", "after", "amid")
    causes += [o for p in t.children if p.lower_ in ("due", "owing") for q in p.children for o in kids(q, "pobj")]
    if any(lemma_of(o) in L.WEAPON_NOUNS or lemma_of(o) in _WEAPONISH | AIR_VEHICLES for o in causes):
        return True
    if kids(t, "nsubjpass") and not any(c.dep_ == "agent" for c in t.children):
        return not sentence_words(t).isdisjoint(_BLASTS)
    return False


def _violence_in(t: Token) -> bool:
    return not sentence_words(t).isdisjoint({"attack", "clash", "airstrike", "shell", "bomb", "fire", "explosion", "strike", "fight", "raid"})


def _protest_words_near(t: Token) -> bool:
    return not sentence_words(t).isdisjoint({"protest", "demand", "against", "slogan", "placard", "banner", "denounce", "protester",
                                     "demonstrator", "condemn", "chant"})


_NOT_YET = {"looming", "impending", "possible", "potential", "planned", "expected", "future", "imminent", "anticipated",
            "threatened", "feared", "prospective", "proposed", "hypothetical", "would-be", "eventual", "likely", "upcoming",
            "forthcoming", "promised", "announced"}
_HABITUAL_SUBJECTS = {"they", "we", "you", "he", "she", "it"}


def _habitual(v: Token) -> bool:
    """A verb in the simple present with a pronoun subject: what someone does, not what happened."""
    return v.tag_ in ("VBP", "VBZ") and any(c.dep_ == "nsubj" and c.lower_ in _HABITUAL_SUBJECTS for c in v.children)


_CLIMB = ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "dobj", "prep", "nsubjpass", "nsubj", "conj", "relcl", "attr", "oprd", "appos", "compound", "amod")


def unreal(cue: Cue) -> bool:
    """True for "no clashes", "did not attack", "threatened to strike", "could attack", "called for protests"."""
    t = cue.tok
    if cue.kind == "disrupt":
        return False  # "did not explode" is itself a disrupted weapon use
    for c in t.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) or (
                c.dep_ == "aux" and c.lower_ in L.HYPOTHETICAL_AUX) or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")):
            return True
    if t.dep_ == "pobj" and t.head.lower_ == "without":
        return True
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _NOT_YET for c in t.children):
        return True  # "a looming ground offensive", "possible strikes", "the planned march"
    if is_verb(t) and _habitual(t):
        return True  # "they attack worshippers", "he arrests whoever speaks": what someone does, not what happened
    if cue.kind in ("attack", "kill", "weapon", "clash", "fire") and known_act_named(t):
        return True
    if past_or_generic(t):
        return True
    if cue.kind not in ("protest", "riot", "agree") and t.dep_ in ("xcomp", "advcl", "acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and lemma_of(t.head) not in _REAL_INF_HEADS:
        return True  # a purpose: "an offensive to free Anbar", "an attack to capture the positions"
    skip = {"agree", "announce", "decide", "sign"} if cue.kind == "agree" else set()
    head, steps = t, 0
    while steps < 3 and head.dep_ in _CLIMB and head.head.i != head.i:
        dep = head.dep_
        if dep in ("nsubj", "conj", "relcl", "appos", "compound", "amod") and steps > 0:
            break
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            break  # "after ...", "when ..." clauses are not what a verb hopes for
        if dep == "pobj" and head.head.lower_ not in _COMPLEMENT_PREPS or dep == "prep" and head.lower_ not in _COMPLEMENT_PREPS:
            break
        head = head.head
        steps += 1
        hl = lemma_of(head)
        if hl in L.HYPOTHETICAL_HEADS and hl not in skip and not (cue.kind == "protest" and hl in ("try", "attempt", "continue", "plan")):
            if hl in ("fail",) and cue.kind == "weapon":
                continue
            return True
        if any(c.dep_ == "neg" for c in head.children) and head.pos_ in ("VERB", "AUX") and hl not in ("say", "report", "know"):
            if head.dep_ != "ROOT" or steps == 1:
                return True
        if any(c.dep_ == "aux" and c.lower_ in L.HYPOTHETICAL_AUX or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
               for c in head.children) and hl not in ("say", "report", "claim"):
            return True
    return False


_MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{4}\b|\d+/\d+", re.I)
_YEAR_ONLY = re.compile(r"^(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+)?(?:\d{4}s?|\d{4}\s*[-–]\s*\d{2,4})$|\b(?:years|decades|century|centuries)\b", re.I)
_GENERIC_OF = {"history", "pattern", "threat", "risk", "fear", "prospect", "possibility", "danger", "spectre", "specter",
               "cycle", "legacy", "rhetoric", "culture", "memory", "anniversary", "fears", "threats", "record", "tactic",
               "policy", "practice", "glorification", "justification"} | {"pause", "lull", "halt", "cessation", "suspension",
               "end", "stop"}
_PAUSES = {"pause", "lull", "halt", "cessation", "suspension", "end", "stop", "break", "respite"}


def _looked_back_on(t: Token) -> bool:
    """'since the October 7 attacks', 'denied any role in the May 3 bombing': a dated act named as a reference point
    or the object of a reaction, not reported as news."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in ("since", "after", "following", "before", "until", "in", "of", "like", "to"):
        return head.lower_ != "in" or lemma_of(head.head) in _ROLE_HEADS | _REACTIONS
    return t.dep_ in ("dobj", "pobj") and lemma_of(head if t.dep_ == "dobj" else head.head) in _REACTIONS


_ROLE_HEADS = {"role", "part", "involvement", "hand", "complicity", "participation", "responsibility"}
_REACTIONS = {"deny", "condemn", "remember", "mark", "commemorate", "recall", "mourn", "invoke", "cite", "compare",
              "justify", "blame", "investigate", "deplore", "denounce", "praise", "celebrate", "glorify"}


def past_or_generic(t: Token) -> bool:
    """A mention that reports no act of its own: a named past event ("the October 7 attacks", "the 2002 attack on
    Jenin", "shot dead in 2011", "killed years ago"), a kind of act ("a history of arrests", "the threat of
    attacks") or a statement about acts in general ("indiscriminate attacks are war crimes")."""
    for c in t.children:
        if c.ent_type_ == "DATE" and c.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "nummod") and c.i < t.i:
            date = t.doc[c.left_edge.i:c.right_edge.i + 1].text
            if _YEAR_ONLY.search(date) or _MONTHS.search(date) and _looked_back_on(t) or _LAST_SEASON.search(date):
                return True
            if _MONTHS.search(date) and any(d.dep_ == "det" and d.lower_ in ("the", "those", "that") for d in t.children):
                return True  # "the October 7 attacks", "the May 3 bombing": an act known by its date, named
    if is_noun(t) and t.dep_ in ("dobj", "pobj") and _habitual(t.head if t.dep_ == "dobj" else t.head.head):
        return True  # "they commonly infiltrate protests"
    # time said on the cue or, for the object of a verb ("has maintained a siege since 2007"), on its verb
    timed = [t] + ([t.head] if (is_noun(t) and t.dep_ in ("dobj", "nsubjpass") or t.dep_ == "conj") and is_verb(t.head) else [])
    for v in timed:
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children) and any(
                    g.ent_type_ == "DATE" and _YEAR_ONLY.search(g.text) for g in c.subtree):
                return True  # "since the war erupted in March 2011, 500,000 have been killed": a tally over years
            if c.dep_ == "advmod" and c.lower_ == "before" and v.i < c.i:
                return True  # "has attacked them before"
            if c.dep_ == "prep" and c.lower_ in _PERIOD_PREPS:
                for o in kids(c, "pobj"):
                    if o.ent_type_ == "DATE" and _YEAR_ONLY.search(t.doc[o.left_edge.i:o.right_edge.i + 1].text):
                        return True
            if c.dep_ == "npadvmod" and c.lower_ == "ago" or c.dep_ == "advmod" and c.lower_ == "ago":
                if any(g.lower_ in ("years", "decades") for g in c.subtree):
                    return True
            if c.dep_ == "advmod" and c.lower_ in ("previously", "formerly"):
                return True
    if not is_noun(t):
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("earlier", "previous", "past", "prior", "former") for c in t.children):
        return True  # "two earlier attacks", "past raids": looked back on
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in _GENERIC_OF:
        return True
    if t.dep_ == "pobj" and head.lower_ in ("of", "for") and lemma_of(head.head) in _THING_HEADS:
        return True
    if t.dep_ == "pobj" and head.lower_ in ("in", "to") and lemma_of(head.head) in _PAUSES:
        return True  # "a lull in the fighting", "an end to the attacks"
    if t.dep_ == "nsubj" and lemma_of(head) == "be" and head.tag_ in ("VBZ", "VBP") and t.tag_ == "NNS" and not any(
            c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("such",) for c in t.children):
        return True  # "indiscriminate attacks are war crimes"
    return any(c.dep_ in ("det", "amod") and c.lower_ == "such" for c in t.children)


_LAST_SEASON = re.compile(r"\blast\s+(?:year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter)", re.I)
"""'last May's assault', 'last year's raid': an act looked back on, not news of the day."""


_THING_HEADS = {"video", "footage", "image", "photo", "picture", "photograph", "clip", "component", "part", "export", "sale",
                "supply", "shipment", "delivery", "version", "model", "copy", "replica", "stock", "production", "maker",
                "manufacturer", "price", "cost"}
"""Heads under which a weapon is a thing shown, sold or made ("videos of rockets", "components for explosive
devices", "a version of a missile"), not used."""


_PERIOD_PREPS = {"in", "since", "during", "over", "throughout", "for"}
"""Prepositions of a time: with a year or "years"/"decades" the act is history or a tally over a period, not news."""


_BACK_DETS = {"the", "this", "that", "these", "those"}
_BACK_ADJ = {"latest", "recent", "deadly", "fatal", "bloody", "suspected", "alleged", "apparent", "reported", "brutal",
             "horrific", "same", "previous", "earlier", "initial", "last", "ongoing", "continuing", "weekend", "overnight",
             "tragic", "terrible", "violent", "cowardly", "heinous", "senseless", "deadliest", "twin", "double", "massive",
             "large", "huge", "mass", "fresh", "heavy", "fierce", "intense", "sustained", "renewed", "subsequent", "whole",
             "entire", "terrorist", "vicious", "barbaric", "shocking", "unprovoked", "daring", "coordinated", "attempted"}
_BACK_PREPS = {"after", "following", "since", "before", "during", "amid", "amidst", "despite", "until", "throughout"}
_BACK_OF = {"wake", "aftermath", "hour", "day", "week", "time", "anniversary", "scene", "site", "victim", "perpetrator",
            "responsibility", "investigation", "condemnation", "impact", "toll", "cause", "details", "footage", "video",
            "image", "survivor", "result", "start", "beginning", "end", "outbreak", "course", "eve", "height", "middle"}
_BACK_VERBS = _REACTIONS | {"claim", "describe", "call", "investigate", "witness", "survive", "recount", "film", "probe",
                            "follow", "prompt", "spark", "trigger", "cause", "mark"}


_REACTION_NOUNS = {"investigation", "inquiry", "probe", "response", "reaction", "condemnation", "outrage", "accountability",
                   "justice", "anniversary", "commemoration", "memory", "coverage", "footage", "evidence", "circumstance",
                   "detail", "responsibility", "complicity", "role", "cover-up", "whitewash", "impunity", "trial", "verdict"}
_FEELINGS = {"appal", "appall", "appalled", "shock", "shocked", "outrage", "outraged", "horrify", "horrified", "sadden",
             "saddened", "anger", "angered", "concern", "concerned", "alarm", "alarmed", "dismay", "dismayed", "disturb",
             "disturbed", "upset", "grieve", "devastate", "devastated"}


def known_act_named(t: Token) -> bool:
    """An act the reader already knows, named as the object of a reaction: "the killing of Abu Akleh constitutes",
    "an investigation into Shireen's killing", "appalled at the killing", "commenting on the bombing". Bare and
    definite, or known by the person it befell; reported elsewhere, not here."""
    if not is_noun(t):
        return False
    poss = [c for c in t.children if c.dep_ == "poss"]
    det = [c for c in t.children if c.dep_ == "det" and c.lower_ in _BACK_DETS]
    named = any(p.ent_type_ == "PERSON" for p in poss) or any(o.ent_type_ == "PERSON" for o in prep_objects(t, "of"))
    bare = bool(det) and all(c.dep_ in ("det", "punct") or c.dep_ == "amod" and c.lower_ in _BACK_ADJ for c in t.children)
    if not (named or bare):
        return False
    head = t.head
    if t.dep_ == "dobj" and lemma_of(head) in _BACK_VERBS | {"comment", "address", "respond", "discuss"}:
        return True
    if t.dep_ == "pobj":
        outer = head.head
        if lemma_of(outer) in _REACTION_NOUNS or lemma_of(outer) in _FEELINGS or outer.lower_ in _FEELINGS:
            return True
        if head.lower_ == "on" and lemma_of(outer) in ("comment", "report", "reflect", "speak", "remark"):
            return True
    return named and t.dep_ == "nsubj" and lemma_of(head) in ("constitute", "be", "remain", "become", "send", "spark", "trigger", "prompt", "draw")


def refers_back(t: Token) -> bool:
    """A definite mention of an act already reported: "after the attack", "condemned the attack", "wounded in the
    fighting", "a student who joined the march". Bare (the article, a few adjectives), or definite and standing where
    an act is named, not reported: an "after"/"since"/"amid" phrase, "in the wake of", the object of a reaction."""
    if not is_noun(t):
        return False
    det = [c for c in t.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in _BACK_DETS:
        return False
    extra = [c for c in t.children if c.dep_ not in ("det", "punct") and not (c.dep_ == "amod" and c.lower_ in _BACK_ADJ)]
    if not extra:
        return True
    head = t.head
    if t.dep_ == "nsubj" and lemma_of(head) in ("come", "follow") and (has_child_word(head, {"after", "amid", "as", "days", "hours", "day", "week"}) or any(
            c.dep_ == "advcl" and has_child_word(c, {"after", "as", "amid"}) for c in head.children)):
        return True  # "the attacks on X came after ...": the act reported above, placed in time
    if t.dep_ == "pobj" and (head.lower_ in _BACK_PREPS or head.lower_ == "of" and lemma_of(head.head) in _BACK_OF):
        return True
    return t.dep_ == "dobj" and lemma_of(head) in _BACK_VERBS


_REAL_INF_HEADS = {"continue", "begin", "start", "manage", "go", "come", "happen", "appear", "seem", "claim", "say", "report",
                   "use", "employ", "resort", "proceed", "return", "tend", "be", "have", "get", "move", "rush", "arrive",
                   "gather", "take", "join", "hold", "stage", "march"}


_COMPLEMENT_PREPS = {"for", "of", "on", "to", "about", "against"}


_BACKGROUND_PREPS = {"against", "over", "for", "about", "after", "following", "since", "amid", "despite", "before", "during",
                     "regarding", "concerning", "of"}


_BACKGROUND_DEPS = {"prep", "advcl", "xcomp", "acl", "ccomp", "conj", "pcomp", "relcl", "pobj", "appos"}


_BACKGROUND_MARKS = {"after", "since", "because", "before", "as", "following", "although", "though"}


_TEMPORAL = {"after", "following", "since", "amid", "before", "during", "as", "when", "while", "despite"}


_BACKGROUND_KEY = ("eventwire", "action_background")


def background(sent: Span, with_relcl: bool, purpose_only: bool = False) -> set[int]:
    """Tokens in what an act is about or followed from: "against the arrest of", "demanding the release of
    activists detained in ...", "after police shot a student". Cues there are the grievance, not the act.
    `purpose_only`: only what it is about (not "after ..." clauses, relative clauses or appositions).
    Found once per sentence and kind."""
    memo = sent.doc.user_data.setdefault(_BACKGROUND_KEY, {})
    key = (sent.start, with_relcl, purpose_only)
    if key not in memo:
        memo[key] = _find_background(sent, with_relcl, purpose_only)
    return memo[key]


def _find_background(sent: Span, with_relcl: bool, purpose_only: bool) -> set[int]:
    out: set[int] = set()
    doc = sent.doc
    deps = forms(doc)[2]
    for i in range(sent.start, sent.end):
        dep = deps[i]
        if dep not in _BACKGROUND_DEPS or i in out:
            continue
        t = doc[i]
        bg = False
        if purpose_only and (dep in ("relcl", "appos", "acl") or t.lower_ in _TEMPORAL or any(
                c.dep_ == "mark" and c.lower_ in _TEMPORAL for c in t.children)):
            continue
        if dep == "prep" and t.lower_ in _BACKGROUND_PREPS and (t.lower_ != "of" or lemma_of(t.head) in ("release", "arrest", "killing", "death", "detention", "abduction", "murder", "wake", "memory", "anniversary")):
            bg = True
        elif t.dep_ in ("advcl", "xcomp", "acl", "ccomp", "conj", "pcomp") and lemma_of(t) in L.PURPOSE_HEADS:
            bg = True
        elif with_relcl and dep == "ccomp" and lemma_of(t.head) in ("claim", "say", "allege", "complain", "argue", "accuse", "insist", "believe", "fear", "state"):
            bg = True
        elif t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children):
            bg = True
        elif dep in ("relcl", "appos") or (with_relcl and dep == "acl"):
            bg = True
        elif t.dep_ == "prep" and t.lower_ == "in" and any(lemma_of(c) in ("response", "protest", "retaliation", "solidarity", "memory", "connection", "aftermath", "wake") for c in t.children):
            bg = True
        elif t.dep_ == "pobj" and lemma_of(t) in ("death", "killing", "arrest", "detention", "murder") and t.head.lower_ in ("over", "against", "after", "following"):
            bg = True
        if bg:
            out.update(x.i for x in t.subtree)
    return out


def about_the_protest(t: Token) -> bool:
    """In an "after ..." clause or a relative clause, a word still about the protest: tear gas, water cannon,
    force; or a verb whose object is the protest or its crowd ("after police dispersed the demonstration")."""
    if is_noun(t):
        return word_key(t) in INTERVENTION_WORDS and word_key(t) not in L.PROTEST_NOUNS and word_key(t) not in ("violence",)
    verb = t if is_verb(t) else t.head
    for o in kids(verb, "dobj", "nsubjpass") + prep_objects(verb, "at", "on", "into", "against"):
        if party_of(o) in (L.PROTESTER, L.RIOTER) or word_key(o) in L.PROTEST_NOUNS or o.lower_ in ("them", "crowd", "crowds", "people"):
            return True
    return False


def target_named(t: Token) -> bool:
    return bool(kids(t, "dobj", "nsubjpass") or prep_objects(t, "at", "on", "upon"))


def is_excessive(t: Token) -> bool:
    """'violently dispersed', 'brutally suppressed': force beyond an intervention."""
    verb = t if is_verb(t) else t.head
    return any(c.lower_ in ("violently", "brutally", "forcefully", "forcibly", "harshly", "savagely", "ruthlessly", "mercilessly")
               for c in verb.children)


INTERVENTION_WORDS = frozenset({"armed", "force", "ammunition", "round", "violent", "violence", "protest", "demonstration", "rally", "march",
    "disperse", "intervene", "suppress", "teargas", "tear-gas", "kettle", "evict", "break", "crack", "chase", "foil", "stop",
    "prevent", "clear", "remove", "block", "push", "repel", "baton", "lathi", "gas", "cannon", "bullet", "pellet", "charge",
    "grenade", "canister", "spray", "shot", "crackdown", "dispersal", "intervention",
})


SCAN_WORDS = CUE_WORDS | INTERVENTION_WORDS


def protest_victims(t: Token) -> bool:
    return any(party_of(v) in (L.PROTESTER, L.RIOTER) or lemma_of(v) in ("people", "person", "demonstrator", "protester", "student", "crowd", "they")
               for v in kids(t, "dobj", "nsubjpass") + prep_objects(t, "at", "on", "upon", "into"))


def arrested_protesters(t: Token) -> bool:
    """An arrest at a protest: of the protesters, of 'them', of a number of people, or 'arrests were made'."""
    if is_noun(t):
        return True
    for o in kids(t, "dobj", "nsubjpass") + ([t.head] if t.dep_ == "acl" else []):
        if o.lower_ in ("them", "they", "some", "several", "many", "dozens", "hundreds", "scores") or party_of(o) in (L.PROTESTER, L.RIOTER):
            return True
        if lemma_of(o) in ("participant", "activist", "organizer", "organiser", "student", "worker", "leader", "demonstrator", "people", "person", "member", "supporter") or read_count(o) is not None and o.lower_ not in ("he", "she"):
            return True
    return False


def is_intervention(t: Token) -> bool:
    """Police action on a protest: dispersal, tear gas, water cannon, baton or lathi charge, rubber bullets."""
    key = word_key(t)
    if is_verb(t) and key in ("disperse", "intervene", "suppress", "teargas", "tear-gas", "kettle", "evict", "break", "crack", "chase", "foil", "stop", "prevent", "clear", "remove", "block", "push", "repel", "baton", "lathi"):
        if key == "break" and not has_child_word(t, {"up"}):
            return False
        if key == "crack" and not has_child_word(t, {"down"}):
            return False
        if key in ("stop", "prevent", "clear", "remove", "block", "push", "chase", "foil", "evict") :
            subj = agent_of(t)
            if subj is None or party_of(subj) != L.STATE:
                return False
        return not kids(t, "neg")
    if is_noun(t):
        mods = mod_words(t)
        if key in ("gas",) and "tear" in mods or key in ("teargas", "tear-gas"):
            return True
        if key == "cannon" and "water" in mods:
            return True
        if key in ("bullet", "pellet") and mods & {"rubber", "plastic"}:
            return True
        if key == "charge" and mods & {"baton", "lathi", "cane"}:
            return True
        if key in ("grenade", "canister") and mods & {"stun", "smoke", "tear"}:
            return True
        if key == "spray" and "pepper" in mods:
            return True
        if key == "shot" and "warning" in mods:
            return True
        if key in ("crackdown", "dispersal", "intervention") and t.dep_ != "pobj" and not (
                key == "intervention" and mods & {"military", "foreign", "armed", "humanitarian", "international", "nato", "us", "russian", "western"}):
            return True
        if key == "lathi" or (key == "charge" and t.i > 0 and t.doc[t.i - 1].lower_ in ("lathi", "baton")):
            return True
    return False


def sentence_protest_context(t: Token) -> bool:
    """Words of a demonstration in `t`'s sentence: its people and aims, or the police's crowd-control means (tear
    gas, water cannon, rubber bullets are used on demonstrations, not on a mob out of sight of one)."""
    words = sentence_words(t)
    return not words.isdisjoint(L.PROTEST_CONTEXT) or any(a in words and b in words for a, b in _CROWD_CONTROL)


_CROWD_CONTROL = (("tear", "gas"), ("water", "cannon"), ("rubber", "bullet"), ("riot", "police"), ("teargas", "teargas"))
