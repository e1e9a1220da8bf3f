"""What happened: one `ActionMention` per act a sentence reports, typed with ACLED's event and sub-event types.

How a sentence is read (rules over the parse and the word lists in `action_lexicon`, no model):
  1. Cues: tokens that signal an act (a verb such as "clashed", "abducted", "protested"; a noun such as
     "airstrike", "IED", "sit-in"), each with its kind. Negated or hypothetical cues ("no clashes", "threatened
     to strike", "called for protests") and cues inside what a protest is about ("demanding the release of
     detained activists") are dropped.
  2. Acts: the violent cues of a sentence make one act, whose sub-type is decided by the strongest weapon
     reported with it (chemical > suicide > air > grenade > planted explosive > shelling > any blast), else by
     who was hit: armed forces or their posts make an armed clash, civilians an attack, and crowds fighting
     with sticks and stones a riot. A protest is one act whose sub-type comes from its paragraph: violence by
     the protesters makes a violent demonstration, lethal force by the police excessive force, a dispersal,
     tear gas or arrests of the protesters an intervention. Other kinds (abduction, arrest, territory taken,
     weapons seized, looting, bases, movements, agreements) are an act each. ACLED's own coding remark at the
     start of a note ("Movement of forces: ...") decides the first sentence's act.
  3. Who and whom: the actor is the cue's subject or "by" agent (for a noun cue: its possessor, its modifier
     "Saudi-led coalition airstrikes", or the subject of "carried out"/"held"), resolved as speakers are
     (`speakers.resolve`: pronouns to the group named before). For protests and riots the actor is written as
     ACLED writes it, the role first: "protesters (medical interns)", "rioters (residents)". The target is the
     object, the "at/on/against/with" phrase, or the passive subject.
  4. Order: sentence by sentence; within a sentence the gravest act first (violence, riots, protests, then
     strategic developments), so a reader (or a scorer) taking the first row gets the main act.

Arrests (the decision issue 14 asks for). An arrest is an ACTION, not a casualty figure: every report of an
arrest is one row `Strategic developments / Arrests` whose `count` holds how many were arrested (None when the
text gives no number; 1 for one named person). The casualty extractor must stop emitting
`casualty_kind = 'arrested'` (drop "arrest" and "detain" from `casualties.VERB_KINDS`), so the number of people
arrested is summed from action rows only and never counted twice. Casualty rows keep what violence did to
people (killed, wounded, missing, kidnapped) and point to their act through `link_casualties`. Arrests at a
protest are both: the protest row is typed "Protest with intervention" (ACLED's rule) and the arrest is its own
Arrests row with the count; the two rows are different acts by different actors, and only the Arrests row
carries the number. An "arrest" by a non-state armed group is typed an abduction, as ACLED codes it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from . import action_lexicon as L
from . import speakers
from .casualty_counts import read_count

MAX_SENTENCE_TOKENS = 250  # longer "sentences" are lists or tables: skipped, as the statement extractor does


@dataclass(slots=True)
class ActionMention:
    """One act reported in a sentence, typed with ACLED's taxonomy."""

    category: str  # ACLED event type (one of the six)
    subcategory: str  # ACLED sub-event type, spelled as ACLED spells it
    actor: str | None  # who did it, resolved to a name or group; never a bare pronoun
    target: str | None  # against whom (or what)
    cue: str  # the trigger's lemma
    char_start: int  # the evidence span in doc.text
    char_end: int
    sent_start: int
    sent_end: int
    count: int | None = None  # arrests only: how many were arrested
    confidence: float = 0.0
    actor_mention: str | None = None  # the actor as written ("they")


@dataclass(slots=True)
class _Cue:
    kind: str
    tok: Token
    weapon: str | None = None  # weapon class, for kind 'weapon'
    sub: str | None = None  # a sub-type the cue decides by itself


# --- small helpers ------------------------------------------------------------------------------------------

def _lem(t: Token) -> str:
    return t.lemma_.lower()


def _kids(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def _mods(t: Token) -> list[Token]:
    """The words in front of a noun that qualify it ("Saudi-led coalition", "roadside", "IDP")."""
    out: list[Token] = []
    stack = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod") and c.i < t.i]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ in ("compound", "amod", "npadvmod", "nmod", "advmod") and g.i < c.i)
    return out


def _mod_words(t: Token) -> set[str]:
    words = set()
    for m in _mods(t):
        words.add(m.lower_)
        words.add(_lem(m))
    return words


def _is_verb(t: Token) -> bool:
    return t.pos_ == "VERB" or (t.pos_ == "ADJ" and t.tag_ == "VBN") or (t.pos_ == "NOUN" and t.tag_ in ("VBD", "VBN"))


def _is_noun(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "VERB" and t.tag_ in ("NN", "NNS"))


def _dobj(t: Token) -> list[Token]:
    """Direct objects, and the passive subject (its object in the active)."""
    return _kids(t, "dobj", "nsubjpass") or ([t.head] if t.dep_ == "acl" and t.tag_ == "VBN" else [])


def _objects_with_conj(t: Token) -> list[Token]:
    out = []
    for o in _dobj(t):
        out.append(o)
        out.extend(c for c in o.children if c.dep_ == "conj")
    return out


def _prep_objects(t: Token, *preps: str) -> list[Token]:
    out = []
    for p in t.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(_kids(p, "pobj", "pcomp"))
    return out


def _has_child_word(t: Token, words: set[str]) -> bool:
    return any(c.lower_ in words or _lem(c) in words for c in t.children)


_WORDS_KEY = ("eventwire", "action_sentence_words")


def _words(t: Token) -> frozenset[str]:
    """The words (lower case and lemma) of `t`'s sentence, built once per Doc: sentence-level checks become set
    lookups instead of walks over Token objects (spaCy builds a new one on every access)."""
    table = t.doc.user_data.get(_WORDS_KEY)
    if table is None:
        table = _words_table(t.doc, _sentences(t.doc))
    return table[t.i]


def _words_table(doc: Doc, sents: list[Span]) -> list[frozenset[str]]:
    table: list[frozenset[str]] = [frozenset()] * len(doc)
    # forms read from the Doc's arrays, not through Token objects (spaCy builds one per access)
    arr = doc.to_array([LOWER, LEMMA, DEP])
    lowers = [_string(doc, h) for h in arr[:, 0].tolist()]
    lemmas = [_string(doc, h).lower() for h in arr[:, 1].tolist()]
    deps = [_string(doc, h) for h in arr[:, 2].tolist()]
    for sent in sents:
        words = frozenset(lowers[sent.start:sent.end]) | frozenset(lemmas[sent.start:sent.end])
        table[sent.start:sent.end] = [words] * (sent.end - sent.start)
    doc.user_data[_WORDS_KEY] = table
    doc.user_data[_FORMS_KEY] = (lowers, lemmas, deps)
    return table


def _forms(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Each token's lower-case form, lemma and dependency label, read once per Doc."""
    if _FORMS_KEY not in doc.user_data:
        _words_table(doc, _sentences(doc))
    return doc.user_data[_FORMS_KEY]


def _sentences(doc: Doc) -> list[Span]:
    """`doc.sents` from the sentence-start array (no Token object per token)."""
    if len(doc) == 0:
        return []
    starts = doc.to_array([SENT_START])
    bounds = [0] + [i for i in (starts == 1).nonzero()[0].tolist() if i > 0] + [len(doc)]
    return [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


_FORMS_KEY = ("eventwire", "action_forms")
_STRINGS: dict[int, str] = {}


def _string(doc: Doc, h: int) -> str:
    """The string of a hash, memoised (the vocabulary's strings never change meaning)."""
    s = _STRINGS.get(h)
    if s is None:
        s = doc.vocab.strings[h]
        if len(_STRINGS) < 200_000:
            _STRINGS[h] = s
    return s


def _candidates(doc: Doc, start: int, end: int, words: frozenset[str]) -> list[Token]:
    """The tokens of doc[start:end] whose form or lemma is in `words`: the only ones worth a Token object."""
    lowers, lemmas, _ = _forms(doc)
    return [doc[i] for i in range(start, end) if lowers[i] in words or lemmas[i] in words or lowers[i] in _LEMMA_FIXES]


_LEMMA_FIXES = {"raped": "rape", "raping": "rape", "rapes": "rape", "shelled": "shell", "militiamen": "militiaman"}
"""Forms the model lemmatizes wrongly ("raped" → "rap")."""


def _key(t: Token) -> str:
    low = t.lower_
    if low in _LEMMA_FIXES:
        return _LEMMA_FIXES[low]
    lem = _lem(t)
    return lem if lem else low


# --- cues ---------------------------------------------------------------------------------------------------

_MINING = {"gold", "coal", "diamond", "copper", "mining", "artisanal", "tin", "cobalt", "salt", "quarry", "iron"}
_AIR_VEHICLES = {"warplane", "jet", "helicopter", "gunship", "aircraft", "airplane", "bomber", "plane", "drone", "uav", "chopper"}
_VIOLENT_HEADS = {"attack", "fire", "strike", "bomb", "target", "drop", "launch", "hit", "pound", "shell", "raid",
                  "kill", "destroy", "bombard", "carry", "conduct", "shoot", "open"}
_PERSONAL_OBJECTS = {"himself", "herself", "themselves", "itself"}
_FIRE_OBJECTS = {"shot", "bullet", "round", "shell", "missile", "rocket", "mortar", "grenade", "gun", "weapon",
                 "fire", "gunfire", "volley", "burst", "projectile", "artillery", "salvo", "arm", "machinegun",
                 "rifle", "cannon", "ifv", "launcher", "tank", "bmp", "torpedo", "flare", "ammunition"}
_INTERVENTION_FIRE = {"gas", "teargas", "tear-gas", "cannon", "rubber", "pellet", "warning", "flare", "smoke",
                      "stun", "canister", "water", "plastic", "blank"}
_LIGHT_VERBS = {"open", "carry", "launch", "conduct", "stage", "hold", "mount", "organize", "organise", "lead", "unleash",
                "execute", "perpetrate", "commit", "make", "undertake", "initiate", "call", "begin", "start",
                "continue", "take", "join", "participate", "claim", "wage", "fight", "engage", "observe",
                "organize", "resume", "intensify", "step", "plan", "observe"}
_OCCUR_VERBS = {"erupt", "break", "take", "occur", "ensue", "continue", "happen", "rage", "flare", "resume",
                "intensify", "escalate", "report", "last", "start", "begin", "follow", "see", "witness"}
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
    mods = _mod_words(t)
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    if mods & L.SUICIDE_WORDS or (key in ("bomber", "vest", "belt", "attacker") and "suicide" in mods):
        return L.SUICIDE
    if key in ("gas", "attack", "weapon", "agent", "munition", "shell", "bomb", "barrel", "rocket", "projectile", "missile",
               "grenade", "canister", "cylinder", "container", "chlorine", "sarin", "mustard") and (mods & L.CHEM_WORDS or key in ("chlorine", "sarin")):
        return L.CHEM
    if key in ("strike", "raid", "attack", "bombing", "bombardment", "bomb", "campaign", "fire", "shelling"):
        if mods & L.AIR_MODIFIERS or mods & _AIR_VEHICLES:
            return L.AIR if key != "attack" or mods & {"air", "aerial", "drone", "airstrike", "barrel"} else None
        if key in ("strike", "attack") and mods & L.SHELL_MODIFIERS:
            return L.SHELL
        if key == "strike":
            return None  # decided by `_strike`
        if key == "bomb" and mods & {"petrol", "molotov", "fire", "gasoline", "crude", "smoke", "stun"}:
            return None
    if key == "force" and "air" in mods and nxt not in ("intelligence", "base", "station", "academy"):
        return L.AIR
    if (key in _HEAVY_ARMS or low in _HEAVY_ARMS) and any(_lem(a) in _FIRE_HEADS for a in list(t.ancestors)[:4]):
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
                          and any(w.startswith(("miner", "mining", "gold")) for w in _words(t))):
        return None
    if key in ("device", "explosive"):
        return L.IED if key == "explosive" or mods & {"explosive", "improvised", "incendiary", "ied"} else None
    if key == "gas":
        return None
    if key in _AIR_VEHICLES:
        return L.AIR if _air_vehicle_acts(t) else None
    if key == "bomber":
        return L.AIR
    if key == "tank" or key == "cannon":
        return L.SHELL if t.dep_ == "dobj" and _lem(t.head) in ("fire", "use") else None
    cls = L.WEAPON_NOUNS.get(key) or L.WEAPON_NOUNS.get(low)
    if cls == L.BLAST and key == "bomb" and mods & {"roadside", "car", "pipe", "nail", "sticky", "magnetic", "time",
                                                      "landmine", "remote", "remote-controlled", "truck", "parcel"}:
        return L.IED
    return cls


def _air_vehicle_acts(t: Token) -> bool:
    """'Warplanes struck', 'strikes by drones', 'fired from a helicopter', 'drone strike': an aircraft doing the
    attacking (not one shot down or attacked)."""
    if t.dep_ in ("nsubj", "compound", "amod", "nmod") and (t.dep_ != "nsubj" or _lem(t.head) in _VIOLENT_HEADS | {"kill", "wound", "injure", "hit", "target", "pound", "strike", "drop", "bomb", "destroy", "attack"}):
        return t.dep_ == "nsubj" or _lem(t.head) in ("strike", "attack", "raid", "bombing", "bombardment", "fire", "shelling")
    if t.dep_ == "pobj" and t.head.lower_ in ("by", "from"):
        return True
    if t.dep_ == "conj":
        return _air_vehicle_acts(t.head) if t.head.i != t.i else False
    return False


def _strike(t: Token) -> _Cue | None:
    """'strike' the noun: an air or missile strike, a labour strike, or (with no word to say) by context."""
    mods = _mod_words(t)
    if mods & (L.AIR_MODIFIERS | _AIR_VEHICLES):
        return _Cue("weapon", t, L.AIR)
    if mods & L.SHELL_MODIFIERS:
        return _Cue("weapon", t, L.SHELL)
    if mods & L.LABOUR_STRIKE or (t.dep_ == "pobj" and t.head.lower_ == "on") or _lem(t.head) in ("call", "go", "stage", "declare", "begin", "launch", "observe", "hold", "join", "end", "continue"):
        if not (t.dep_ == "dobj" and _lem(t.head) == "launch" and _military_sentence(t)):
            return _Cue("protest", t)
    if _military_sentence(t):
        return _Cue("weapon", t, L.AIR, sub="generic")
    return _Cue("protest", t)


_MILITARY = L.NON_STATE_ARMED | {"kill", "target", "military", "army", "troop", "soldier", "militant", "airstrike", "jet",
                                 "warplane", "drone", "missile", "dead", "wound", "injure", "destroy"}


def _military_sentence(t: Token) -> bool:
    return not _words(t).isdisjoint(_MILITARY)


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


_CUE_WORDS = frozenset().union(
    L.WEAPON_NOUNS, L.WEAPON_VERBS, L.CLASH_VERBS, L.CLASH_NOUNS, L.ATTACK_VERBS, L.ATTACK_NOUNS, L.FIRE_VERBS,
    L.KILL_VERBS, L.OUTCOME_VERBS, L.ABDUCT_VERBS, L.ABDUCT_NOUNS, L.SEXUAL_VERBS, L.SEXUAL_NOUNS, L.ARREST_VERBS,
    L.ARREST_NOUNS, L.PROTEST_VERBS, L.PROTEST_NOUNS, L.RIOT_VERBS, L.RIOT_NOUNS, L.TERRITORY_VERBS, L.REGAIN_VERBS,
    L.WITHDRAW_VERBS, L.HANDOVER, L.DISRUPT_VERBS, L.WEAPON_GOODS, L.FIND_VERBS, L.LOOT_VERBS, L.LOOT_NOUNS,
    L.HQ_VERBS, L.CHANGE_VERBS, L.CHANGE_NOUNS, L.AGREE_NOUNS, L.AGREE_VERBS, L.OTHER_VERBS, _AIR_VEHICLES,
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
    "smash trash shatter light chain die lie teach".split(),
)
"""Every word `_classify` can take for a cue: anything else is skipped at the cost of a set lookup."""


def _classify(t: Token) -> _Cue | None:
    """The cue `t` is, if any (its kind, and for weapons the weapon class)."""
    low = t.lower_
    key = _key(t)
    if key not in _CUE_WORDS and low not in _CUE_WORDS:
        return None
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not doc[t.i + 1].whitespace_ and not t.whitespace_:
        third = doc[t.i + 2]
        kind = _HYPHENATED.get(f"{low}-{third.lower_}") or _HYPHENATED.get(f"{low}-{third.lower_.rstrip('s')}")
        if kind is not None:
            return _Cue(kind, t)
    if t.i >= 2 and doc[t.i - 1].text == "-" and (f"{doc[t.i - 2].lower_}-{low}" in _HYPHENATED or f"{doc[t.i - 2].lower_}-{low.rstrip('s')}" in _HYPHENATED):
        return None
    if low == "shot" and t.pos_ != "VERB" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("dead", "and", "to"):
        return _Cue("fire", t)
    if key in ("shot", "burst") and _observed(t):
        return _Cue("clash", t)
    if _is_noun(t) and not t.ent_type_ in ("DATE", "TIME", "PERSON", "GPE", "MONEY"):
        return _noun_cue(t, key, low)
    if _is_verb(t):
        return _verb_cue(t, key, low)
    if t.pos_ == "ADJ" and key == "dead" and t.dep_ in ("oprd", "acomp", "xcomp") and _lem(t.head) == "find":
        return _Cue("kill", t.head)
    return None


def _observed(t: Token) -> bool:
    """'observed 46 shots', 'bursts of fire were heard': reports of fire from a monitor (OSCE, residents)."""
    return any(_lem(a) in ("observe", "hear", "record", "register", "report") for a in list(t.ancestors)[:4])


def _noun_cue(t: Token, key: str, low: str) -> _Cue | None:
    mods = _mod_words(t)
    if key == "strike" or low == "strikes":
        return _strike(t)
    if mods & _NOT_BATTLE and key in ("battle", "attack", "fight", "assault", "war", "raid"):
        return None
    if key in ("assault", "violence", "abuse", "attack", "harassment", "exploitation") and mods & {"sexual", "sexually"}:
        return _Cue("sexual", t)
    if _weapon_goods_found(t):
        return _Cue("disrupt", t)
    if key in L.WEAPON_NOUNS or key in ("force", "device", "gas", "attack", "raid", "bombing", "bomber", "vest",
                                        "weapon", "agent", "munition", "gun", "machinegun", "fire", "weaponry") or low in L.WEAPON_NOUNS or key in _HEAVY_ARMS or low in _HEAVY_ARMS:
        if key in _AIR_TARGETS_DOWN and _downed(t):
            return _Cue("disrupt", t)
        if t.dep_ in ("compound", "amod", "nmod") and _key(t.head) not in _WEAPONISH_HEADS and not _weapon_class(t.head, _key(t.head)):
            return None
        cls = _weapon_class(t, key)
        if cls is not None:
            return _Cue("weapon", t, cls)
        if key in ("force", "device", "gas", "vest", "weapon", "agent", "munition", "bomb", "bomber", "bombing", "gun", "machinegun", "weaponry") or key in _HEAVY_ARMS:
            return None
    if key in ("tyre", "tire") and (mods & {"burning", "burn", "burnt", "burned", "flaming", "lit"} or _lem(t.head) in ("burn", "light", "set", "torch")):
        return _Cue("riot", t, sub="Violent demonstration")
    if key in ("scuffle", "brawl", "melee"):
        return _Cue("clash", t, sub="physical")
    if key in L.CLASH_NOUNS and t.dep_ in ("amod", "compound") and key in ("fighting", "combat", "battle"):
        return None
    if key in L.CLASH_NOUNS:
        if key == "exchange":
            if any(_lem(c) in ("fire", "gunfire", "shot", "artillery", "rocket", "bullet") for c in _prep_objects(t, "of")) or mods & {"fire", "gunfire"}:
                return _Cue("clash", t)
            if any(_lem(c) in L.CAPTIVES for c in _prep_objects(t, "of")) or mods & L.CAPTIVES:
                return _Cue("agree", t)
            return None
        if key == "fight" and _prep_objects(t, "against") and all(_lem(o) in _ABSTRACT_FIGHT for o in _prep_objects(t, "against")):
            return None
        if key == "encounter" and not _military_sentence(t):
            return None
        if key == "confrontation" and mods & {"verbal", "diplomatic", "political"}:
            return None
        return _Cue("clash", t)
    if key == "fire":
        head = t.head
        if t.dep_ == "dobj" and _lem(head) == "open":
            return _Cue("fire", t)
        if t.dep_ == "pobj" and head.lower_ == "of" and _lem(head.head) == "exchange":
            return None  # the exchange is the cue
        if t.dep_ == "dobj" and _lem(head) in ("set", "catch") or (t.dep_ == "pobj" and _lem(head.head) == "set"):
            return _loot_or_riot_fire(t)
        if mods & {"gunfire", "gun", "mortar", "artillery", "tank", "sniper", "rocket", "heavy", "small", "arm", "cross", "machine"}:
            return _Cue("clash", t)
        return None
    if key in ("gunfire", "gunshot", "shooting", "sniping"):
        if t.dep_ == "pobj" and t.head.lower_ in ("by", "from", "in", "of") or key in ("shooting",):
            return _Cue("fire", t)
        return None
    if key in L.ATTACK_NOUNS:
        if key == "operation" and not (_prep_objects(t, "against") or mods & {"military", "security", "counter", "counter-terrorism", "counterterrorism", "clearance", "combing", "offensive", "joint", "anti-terror"}):
            return None
        if key in ("killing", "murder", "assassination", "massacre"):
            return _Cue("kill", t)
        if key == "crackdown":
            return None
        if key == "shooting":
            return _Cue("fire", t)
        return _Cue("attack", t)
    if key in L.ABDUCT_NOUNS:
        if key == "hostage" and not (_lem(t.head) in ("take", "hold", "seize", "keep") or t.dep_ in ("oprd",)):
            return None
        return _Cue("abduct", t)
    if key in L.SEXUAL_NOUNS:
        return _Cue("sexual", t)
    if key in L.ARREST_NOUNS:
        if _lem(t.head) in ("make", "carry", "conduct", "effect", "launch", "report") or _kids(t, "nummod") or (
            t.dep_ == "nsubjpass" and _lem(t.head) in ("make", "carry", "report")):
            return _Cue("arrest", t)
        return None
    if key == "custody" and t.dep_ == "pobj" and t.head.lower_ == "into" and _lem(t.head.head) in ("take", "place", "bring"):
        return _Cue("arrest", t.head.head)
    if key in L.PROTEST_NOUNS:
        if key == "march" and (t.text[:1].isupper() and t.is_sent_start is not True or t.ent_type_ == "DATE"):
            return None
        if key == "march" and (mods & {"long", "death", "forced"} or _lem(t.head) in ("begin",) and _military_sentence(t)):
            return None
        if key == "rally" and mods & {"campaign", "election", "electoral"}:
            return _Cue("protest", t)
        return _Cue("protest", t)
    if key in L.RIOT_NOUNS and t.dep_ in ("compound", "amod") and _lem(t.head) in ("police", "gear", "shield", "squad", "unit", "control", "act", "officer", "van", "policeman", "cop", "force"):
        return None
    if key in L.RIOT_NOUNS:
        if key == "mob" and t.dep_ in ("compound", "amod") and _lem(t.head) in ("justice", "violence"):
            return _Cue("riot", t, sub="Mob violence")
        return _Cue("riot", t)
    if key in L.LOOT_NOUNS:
        if key == "vandalism":
            return _Cue("riot", t) if _crowd_sentence(t) else _Cue("loot", t)
        return _Cue("loot", t)
    if key in L.AGREE_NOUNS:
        if key in ("deal", "accord", "pact", "memorandum") and not (mods & L.DEAL_MODIFIERS or _prep_objects(t, "on", "for", "between", "with")):
            return None
        if key == "swap" and not (mods & L.CAPTIVES or any(_lem(o) in L.CAPTIVES for o in _prep_objects(t, "of"))):
            return None
        if key == "surrender" and _lem(t.head) in ("demand", "call", "refuse", "reject", "urge"):
            return None
        return _Cue("agree", t)
    if key in L.CHANGE_NOUNS:
        return _change_noun(t, key)
    if key == "chain" and "human" in mods:
        return _Cue("protest", t)
    if key in ("talk", "negotiation") and mods & {"peace", "ceasefire", "cease-fire"}:
        return _Cue("agree", t)
    if key in ("cache", "stockpile", "arsenal", "depot") and any(_lem(x) in ("contain", "hold", "include") and any(_lem(o) in L.WEAPON_GOODS for o in _objects_with_conj(x)) for x in _kids(t, "acl")) and (
            _lem(t.head) in L.FIND_VERBS | {"uncover", "locate"} or t.dep_ == "nsubjpass"):
        return _Cue("disrupt", t)
    if key in ("cache", "stockpile", "arsenal") and any(_lem(o) in L.WEAPON_GOODS for o in _prep_objects(t, "of")) | bool(mods & L.WEAPON_GOODS):
        return _Cue("disrupt", t) if _lem(t.head) in L.FIND_VERBS | {"uncover", "locate"} or t.dep_ == "nsubjpass" else None
    if key == "disposal" and mods & {"bomb", "explosive", "ordnance"}:
        return _Cue("disrupt", t)
    return None


_WEAPONISH_HEADS = {"strike", "attack", "fire", "shelling", "raid", "explosion", "blast", "bombing", "bombardment", "barrage", "shot", "burst", "projectile",
                    "round", "shell", "salvo", "volley", "campaign", "assault", "hit", "impact", "launch", "explosive", "device"}
_AIR_TARGETS_DOWN = {"drone", "uav", "missile", "rocket", "aircraft", "plane", "jet", "helicopter", "warplane", "projectile"}


def _downed(t: Token) -> bool:
    """'shot down a drone', 'a missile was intercepted', 'downed a helicopter'."""
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass") and (_lem(head) in ("intercept", "down", "destroy", "neutralize", "neutralise")
                                             or (_lem(head) == "shoot" and _has_child_word(head, {"down"}))):
        if _lem(head) == "destroy" and not _military_defence(head):
            return False
        return True
    return False


def _military_defence(verb: Token) -> bool:
    return any(_lem(c) in ("defence", "defense", "anti-aircraft", "air-defence", "air-defense") for c in verb.subtree)


def _weapon_goods_found(t: Token) -> bool:
    """'police recovered 153 crude bombs', 'a cache of weapons was discovered', 'seized arms': a seizure."""
    key = _key(t)
    if key not in L.WEAPON_GOODS and t.lower_ not in L.WEAPON_GOODS:
        return False
    head = t.head
    if t.dep_ == "conj":
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        t_dep, head = head.dep_, head.head
    else:
        t_dep = t.dep_
    if t_dep == "pobj" and head.lower_ == "of" and (_lem(head.head) in _MEASURES | {"cache", "stockpile", "depot", "dozens", "hundreds", "thousands", "scores", "total"} or head.head.like_num):
        outer = head.head
        t_dep, head = outer.dep_, outer.head
    if t_dep in ("dobj", "nsubjpass") and _lem(head) in L.FIND_VERBS | {"defuse", "dismantle", "neutralize", "neutralise", "detonate", "deactivate"}:
        if _lem(head) == "destroy" and not _has_child_word(head, {"police", "troops", "forces"}) and key not in ("ied", "mine", "landmine", "explosive", "bomb", "cache"):
            return False
        if _lem(head) == "detonate" and not any(c.lower_ in ("controlled",) for c in head.subtree):
            return False
        if _lem(head) in ("hand", "surrender") and not _has_child_word(head, {"over", "in"}):
            return False
        return True
    return False


def _loot_or_riot_fire(t: Token) -> _Cue | None:
    """'set fire to X' / 'set X on fire': tyres are a riot, property destruction otherwise."""
    verb = t.head if t.dep_ == "dobj" else t.head.head
    objs = _prep_objects(verb, "to") + _kids(verb, "dobj") + _prep_objects(t, "to")
    objs = [o for o in objs if o.i != t.i]
    if any(_lem(o) in ("tyre", "tire") for o in objs):
        return _Cue("riot", t, sub="Violent demonstration")
    if _crowd_sentence(t):
        return _Cue("riot", t)
    return _Cue("loot", t)


def _crowd_sentence(t: Token) -> bool:
    return not _words(t).isdisjoint(L.RIOTER_WORDS | L.PROTESTER_WORDS)


def _change_noun(t: Token, key: str) -> _Cue | None:
    """'brought reinforcements', 'a joint patrol took place', 'imposed a curfew': a change of a group's activity;
    not 'attacked a patrol'."""
    head = t.head
    hl = _lem(head)
    if key in ("troop", "movement") and not (t.dep_ == "nsubj" and hl in ("arrive", "enter", "reach", "move", "deploy", "cross", "withdraw", "mass", "gather", "head") or (key == "movement" and _prep_objects(t, "of"))):
        return None
    if t.dep_ in ("nsubj", "nsubjpass") and hl in ("arrive", "enter", "reach", "take", "move", "cross", "head", "deploy", "send", "dispatch", "impose", "extend", "withdraw", "complete", "begin", "start", "continue", "hold", "conduct", "carry", "see", "observe", "report", "place"):
        return _Cue("change", t)
    if key in ("ban", "lockdown", "restriction", "checkpoint", "roadblock", "state") and not (
            t.dep_ in ("dobj", "nsubjpass") and hl in ("impose", "institute", "declare", "announce", "enforce", "extend", "place", "set", "establish", "erect", "install", "introduce", "order")):
        return None
    if key == "state" and not _has_child_word(t, {"emergency", "siege"}) and not any(_lem(o) in ("emergency", "siege") for o in _prep_objects(t, "of")):
        return None
    if t.dep_ in ("dobj", "attr") and hl in ("bring", "send", "deploy", "dispatch", "conduct", "carry", "hold", "impose", "institute", "place", "erect", "install", "introduce",
                                            "announce", "declare", "extend", "begin", "start", "complete", "launch",
                                            "establish", "reinforce", "receive", "mass", "amass", "move", "dispatch",
                                            "mobilize", "mobilise", "enforce", "order", "build", "set", "organize"):
        return _Cue("change", t)
    if t.dep_ == "ROOT" or (t.dep_ == "pobj" and t.head.lower_ in ("of",) and _lem(t.head.head) in ("arrival", "deployment")):
        return _Cue("change", t)
    return None


_GOODS = {"cattle", "livestock", "goat", "sheep", "cow", "camel", "shop", "store", "bank", "warehouse", "office", "market",
          "granary", "pharmacy", "supermarket", "depot", "food", "crop", "harvest"}
_MEASURES = {"total", "dozens", "hundreds", "thousands", "scores", "ton", "tonne", "kilogram", "kg", "kilo", "gram", "quantity", "amount", "lot", "number", "haul", "batch", "load",
             "consignment", "package", "packet", "bag", "sack", "box", "crate", "pound", "litre", "liter", "gallon",
             "head", "herd", "dozen", "hundred", "thousand", "unit", "piece", "stash", "cache", "plant", "hectare", "acre",
             "bundle", "parcel", "shipment", "cargo"}


def _verb_cue(t: Token, key: str, low: str) -> _Cue | None:
    objs = _objects_with_conj(t)
    objs += [p for o in objs if _lem(o) in _MEASURES or o.like_num for p in _prep_objects(o, "of")]
    obj_lemmas = {_lem(o) for o in objs}
    prts = {c.lower_ for c in t.children if c.dep_ == "prt"}
    # --- weapons and violence
    if key in ("blow",) and "up" in prts:
        if obj_lemmas & _PERSONAL_OBJECTS or any(c.lower_ in _PERSONAL_OBJECTS for c in t.children):
            return _Cue("weapon", t, L.SUICIDE)
        return _Cue("weapon", t, L.BLAST)
    if key in ("activate", "trigger") and any(c.lower_ in L.PREMATURE for c in t.children):
        return _Cue("disrupt", t)
    if key in ("explode", "detonate", "go") and (key != "go" or "off" in prts):
        if any(c.lower_ in L.PREMATURE for c in t.subtree) or _while_planting(t):
            return _Cue("disrupt", t)
        if _kids(t, "neg") or _failed(t):
            return _Cue("disrupt", t, sub="Disrupted weapons use")
        return _Cue("weapon", t, L.BLAST)
    if key in ("shell", "bombard", "pound"):
        subj = _subject(t)
        if subj is not None and (_lem(subj) in _AIR_VEHICLES or _lem(subj) in ("airstrike",) or "air" in _mod_words(subj)):
            return _Cue("weapon", t, L.AIR)
        return _Cue("weapon", t, L.SHELL) if key != "pound" else _Cue("attack", t)
    if key == "bomb":
        subj = _subject(t)
        if subj is not None and (_lem(subj) in _AIR_VEHICLES or "air" in _mod_words(subj) or _lem(subj) in ("coalition",)):
            return _Cue("weapon", t, L.AIR)
        return _Cue("weapon", t, L.BLAST)
    if key == "airstrike" or key == "air-strike":
        return _Cue("weapon", t, L.AIR)
    if key in ("shoot", "gun") and ("down" in prts) and (obj_lemmas & _AIR_TARGETS_DOWN or key == "shoot" and not objs):
        return _Cue("disrupt", t)
    if key == "gun" and "down" in prts:
        return _Cue("fire", t)
    if key == "down" and obj_lemmas & _AIR_TARGETS_DOWN:
        return _Cue("disrupt", t)
    if key in ("intercept", "neutralize", "neutralise") and obj_lemmas & (_AIR_TARGETS_DOWN | L.WEAPON_GOODS):
        return _Cue("disrupt", t)
    if key in ("defuse", "deactivate", "disarm") and (obj_lemmas & L.WEAPON_GOODS or key == "defuse"):
        return _Cue("disrupt", t)
    if key in ("foil", "thwart") and obj_lemmas & {"attack", "attempt", "plot", "plan", "bombing", "ambush"}:
        return _Cue("disrupt", t)
    if key in ("fire", "shoot") and any(_lem(o) == "air" for o in _prep_objects(t, "into", "in")):
        return None  # shots fired into the air: a warning or a celebration, not an attack
    if key == "fire":
        if obj_lemmas & _INTERVENTION_FIRE or any(_lem(m) in _INTERVENTION_FIRE for o in objs for m in _mods(o)):
            return None
        if objs and not obj_lemmas & _FIRE_OBJECTS and not any(_weapon_class(o, _key(o)) for o in objs) and any(
                _lem(o) not in L.WEAPON_NOUNS for o in objs) and not _prep_objects(t, "at", "on", "upon", "into", "towards", "toward"):
            return None  # "fired the minister"
        if any(_lem(o) in ("shot",) and _has_child_word(o, {"warning"}) for o in objs):
            return None
        passive = _kids(t, "nsubjpass")
        if passive and not any(_weapon_class(p, _key(p)) or _lem(p) in _FIRE_OBJECTS for p in passive) and (
                _prep_objects(t, "from", "over", "for") or not (_prep_objects(t, "upon", "on", "at") or _military_sentence(t))):
            return None  # "was fired from his post", not "the convoy was fired upon"
        return _Cue("fire", t)
    if key == "shoot":
        if "down" in prts:
            return None
        return _Cue("fire", t)
    if key == "snipe":
        return _Cue("fire", t)
    if key in L.CLASH_VERBS:
        if key == "exchange":
            if obj_lemmas & {"fire", "gunfire", "shot", "artillery", "rocket", "bullet", "mortar", "blow", "round"}:
                return _Cue("clash", t)
            if obj_lemmas & L.CAPTIVES:
                return _Cue("agree", t)
            return None
        if key in ("fight", "battle") and _prep_objects(t, "against", "for") and all(
                _lem(o) in _ABSTRACT_FIGHT for o in _prep_objects(t, "against", "for")) and not _prep_objects(t, "with"):
            return None
        if key == "engage" and not (obj_lemmas or _prep_objects(t, "in", "with")):
            return None
        if key == "engage" and any(_lem(o) in ("talk", "dialogue", "negotiation", "discussion") for o in _prep_objects(t, "in")):
            return None
        return _Cue("clash", t)
    if key in L.ATTACK_VERBS:
        if key == "strike":
            subj = _subject(t)
            if subj is not None and _lem(subj) in L.LABOUR_STRIKE | {"worker", "employee", "teacher", "doctor", "nurse", "union", "driver"}:
                return _Cue("protest", t)
            patients = _kids(t, "dobj", "nsubjpass")
            if patients and all(_party(p) is None and not _place(p) for p in patients):
                return None  # "deals were struck", "struck a balance"
            return _Cue("attack", t)
        if key in ("hit", "target") and _subject(t) is not None and _lem(_subject(t)) in ("campaign", "sanction", "policy", "measure", "law"):
            return None
        if key == "charge" or key == "hit":
            return None
        if key == "assault" and _has_child_word(t, {"sexually"}):
            return _Cue("sexual", t)
        if key == "overrun":
            return _Cue("territory", t)
        if key in ("raid", "storm") and obj_lemmas & _GOODS and not _words(t) & {"kill", "killed", "die", "dead", "injure", "wound", "shoot", "shot", "fire"}:
            return _Cue("loot", t)
        if key == "raid" and _state_subject(t):
            return _Cue("attack", t)
        return _Cue("attack", t)
    if key in ("abuse", "molest") and (key == "molest" or _has_child_word(t, {"sexually"}) or obj_lemmas & {"woman", "girl", "women", "girls"}):
        return _Cue("sexual", t)
    if key in L.SEXUAL_VERBS:
        return _Cue("sexual", t)
    if key in L.ABDUCT_VERBS:
        if key == "disappear" and not _has_child_word(t, {"forcibly", "forcefully"}):
            return None
        return _Cue("abduct", t)
    if key in ("take", "hold", "keep") and (obj_lemmas & {"hostage", "captive"} or any(_lem(c) in ("hostage", "captive") for c in _kids(t, "oprd", "advcl", "xcomp", "ccomp", "attr", "npadvmod"))):
        return _Cue("abduct", t)
    if key in L.ARREST_VERBS:
        if key == "round" and "up" not in prts:
            return None
        if key == "arrest" and t.dep_ == "amod":
            return None
        return _Cue("arrest", t)
    if key == "take" and any(_lem(o) in _CUSTODY for o in _prep_objects(t, "into", "in")):
        return _Cue("arrest", t)
    if key in ("find", "discover", "recover") and (_has_child_word(t, _DEATH) or obj_lemmas & {"body", "corpse", "remains"}):
        return _Cue("kill", t)
    # --- killing and injuring
    if key in L.KILL_VERBS:
        if key == "burn" and obj_lemmas & {"tyre", "tire"}:
            return _Cue("riot", t, sub="Violent demonstration")
        if key in ("burn", "beat", "hack", "stab") and not (_to_death(t) or key in ("stab", "hack") or key == "beat" and (objs or _prep_objects(t, "by"))):
            if key == "burn" and (obj_lemmas & L.PROPERTY or any(_lem(o) in L.PROPERTY for o in _kids(t, "nsubjpass"))):
                return _loot_or_riot_verb(t)
            if key != "beat":
                return None
        if key == "assault":
            return _Cue("attack", t)
        if key == "lynch":
            return _Cue("riot", t, sub="Mob violence")
        if key in L.OUTCOME_VERBS and (key not in ("kill",) or _agent(t) is None):
            return _Cue("outcome", t)  # "2 were killed": what an act did; "forces injured 30" is an act
        return _Cue("kill", t)
    if key == "die":
        return _Cue("outcome", t)
    # --- protests and riots
    if key in L.PROTEST_VERBS:
        subj = _subject(t)
        if key in ("march", "rally") and subj is not None and _party(subj) in (L.STATE, L.ARMED):
            return None
        if key == "demonstrate" and (obj_lemmas & _SHOWN or objs and not _sentence_protest_context(t) and not any(o.tag_ == "VBG" for o in objs)):
            return None  # "demonstrated the waste of funds", not "demonstrated demanding salaries"
        if key == "rally" and _prep_objects(t, "behind", "around", "to"):
            return None
        if key == "chant" and not _crowd_sentence(t):
            return None
        return _Cue("protest", t)
    if key == "take" and any(o.lower_ in _STREETS for o in _prep_objects(t, "to")):
        return _Cue("protest", t)
    if key in ("block", "barricade", "blockade", "occupy", "close") and (obj_lemmas & _ROADS or key == "barricade"):
        subj = _subject(t)
        if subj is None or subj.ent_type_ == "GPE" or _party(subj) not in (L.STATE, L.ARMED):
            return _Cue("riot", t, sub="Violent demonstration") if key == "barricade" else _Cue("protest", t)
    if key in _GATHER and _protest_words_near(t):
        subj = _subject(t)
        if subj is None or subj.ent_type_ == "GPE" or _party(subj) not in (L.STATE, L.ARMED):
            return _Cue("protest", t)
    if key in L.RIOT_VERBS:
        if key in ("loot", "ransack", "torch"):
            return _loot_or_riot_verb(t)
        if key == "stone" and not objs:
            return None
        if key == "hurl" and not (obj_lemmas & L.MISSILES_BY_HAND):
            return None
        return _Cue("riot", t)
    if key in ("throw", "lob", "pelt", "hurl") and obj_lemmas & L.MISSILES_BY_HAND:
        return _Cue("riot", t)
    if key in ("smash", "trash", "shatter") and (obj_lemmas & (L.PROPERTY | {"window", "windshield", "glass", "door", "business"})):
        return _Cue("riot", t)
    if key in ("light", "set", "launch") and obj_lemmas & {"firecracker", "firework", "flare", "fire"} and _crowd_sentence(t):
        return _Cue("riot", t)
    if key == "set" and (obj_lemmas & {"fire"} or _has_child_word(t, {"ablaze", "alight", "fire", "afire"}) or any(
            c.lower_ in ("ablaze", "alight", "fire") for c in _kids(t, "oprd", "advmod", "acomp", "prep", "xcomp", "ccomp"))):
        return _loot_or_riot_verb(t)
    # --- territory
    if key in ("take", "gain", "seize", "assume", "wrest", "regain", "retake", "establish", "capture", "recapture", "reclaim",
               "recover", "restore", "impose", "extend") and (
            obj_lemmas & L.CONTROL_NOUNS or (key == "take" and "over" in prts) or (key in ("gain", "regain") and obj_lemmas & {"ground"})):
        return _Cue("territory", t)
    if key in ("drive", "push", "expel", "oust", "dislodge", "purge", "flush", "force", "repel") and (
            prts & {"back", "out"} or key in ("expel", "oust", "dislodge", "purge")) and any(_place(o) for o in _prep_objects(t, "from", "out")):
        return _Cue("territory", t, sub="regain")
    if key in ("control", "occupy") and _place_objects(t) and _subject(t) is not None and _party(_subject(t)) in (L.STATE, L.ARMED):
        return _Cue("territory", t)
    if key in ("capture", "seize", "take", "nab") and objs and not _place_objects(t) and all(
            _party(o) in (L.CIVILIAN, L.ARMED, L.STATE) or o.ent_type_ in ("PERSON", "NORP") for o in objs) and not obj_lemmas & (L.PROPERTY | L.CONTROL_NOUNS | {"part", "responsibility", "step", "measure", "action", "place", "life"}):
        subj = _subject(t)
        if key != "take" or _prep_objects(t, "into") or (subj is not None and _party(subj) == L.STATE and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ != "part"):
            return _Cue("arrest", t)
    if key in L.TERRITORY_VERBS and key not in ("take", "gain", "control", "fall", "secure", "occupy"):
        if _place_objects(t):
            return _Cue("territory", t)
        if key in ("seize", "confiscate", "capture") and obj_lemmas & L.PROPERTY:
            return _Cue("loot", t)
        return None
    if key == "fall" and _prep_objects(t, "to", "into") and (_place(_subject(t)) if _subject(t) is not None else False):
        return _Cue("territory", t)
    if key in L.WITHDRAW_VERBS or (key in ("pull", "move") and prts & {"out", "back"}) or (key in L.HANDOVER and "over" in prts and (_place_objects(t) or obj_lemmas & {"control", "authority", "territory", "area"})):
        if key == "evacuate" and obj_lemmas & {"civilian", "resident", "family", "people", "villager", "patient"}:
            return _Cue("other", t)
        if _place_objects(t) or _prep_objects(t, "from") and any(_place(o) for o in _prep_objects(t, "from")) or key in L.HANDOVER:
            return _Cue("transfer", t)
        if key in ("withdraw", "retreat") or (key == "pull"):
            return _Cue("change", t)
        return None
    # --- strategic developments
    if key in ("dismantle", "destroy", "demolish", "raze", "bulldoze", "uproot", "damage", "wreck", "vandalize", "vandalise",
               "plunder", "pillage", "steal", "rob", "extort", "confiscate", "expropriate", "cut", "sabotage", "loot", "ransack"):
        if key in ("destroy", "damage", "wreck", "cut") and not (obj_lemmas & L.PROPERTY):
            return None
        if key == "cut" and not ("down" in prts or obj_lemmas & {"tree", "olive", "vine", "seedling", "crop"}):
            return None
        if key in ("destroy", "damage", "wreck") and _weaponish_subject(t):
            return None
        if key == "dismantle" and obj_lemmas & (L.WEAPON_GOODS | {"ied"}):
            return _Cue("disrupt", t)
        if key == "dismantle" and not obj_lemmas & L.PROPERTY:
            return None
        return _loot_or_riot_verb(t)
    if key in L.HQ_VERBS and (key != "set" or "up" in prts) and obj_lemmas & L.HQ_NOUNS and not obj_lemmas & {"checkpoint", "position"}:
        return _Cue("hq", t)
    if key in ("set", "establish", "create", "form") and (key != "set" or "up" in prts) and obj_lemmas & {
            "militia", "unit", "group", "force", "network", "entity", "organisation", "organization", "brigade", "battalion",
            "council", "wing", "command", "alliance", "coalition", "front", "movement", "checkpoint", "roadblock"}:
        return _Cue("change", t)
    if key in L.CHANGE_VERBS:
        if key in ("withdraw", "fortify"):
            return _Cue("change", t)
        if key in ("reinforce", "mobilize", "mobilise") and objs and not any(_party(o) or _place(o) for o in objs):
            return None  # "reinforced tensions"
        if key == "join" and not any(_party(o) in (L.ARMED, L.STATE) for o in objs):
            return None
        if key in ("form", "split", "rename", "declare", "impose", "suspend", "dissolve") and not obj_lemmas & {"organisation", "organization", "network", "entity", "command", "committee", "army",
                "militia", "group", "alliance", "brigade", "unit", "faction", "curfew", "lockdown", "coalition", "force",
                "movement", "front", "council", "emergency", "operation", "activity", "battalion", "wing"}:
            return None
        if key == "train" and not obj_lemmas & {"recruit", "fighter", "militant", "soldier", "troop", "militia"}:
            return None
        return _Cue("change", t)
    if key in ("arrive", "enter", "reach", "cross") and _subject(t) is not None and _lem(_subject(t)) in {"reinforcement", "convoy", "troop", "column", "force", "fighter", "soldier", "unit"} and not _violence_in(t):
        return _Cue("change", t)
    if key in L.AGREE_VERBS:
        if key == "surrender":
            subj = _subject(t)
            return _Cue("agree", t) if subj is None or _party(subj) in (L.ARMED, L.STATE) or _lem(subj) in ("member", "rebel", "militant", "fighter") else None
        if key in ("swap", "release") and not obj_lemmas & L.CAPTIVES:
            return None
        if key == "release" and (_state_subject(t) or any(c.lower_ in ("bail",) for c in t.subtree)):
            return None
        if key in ("sign", "conclude", "broker", "negotiate", "reach") and not obj_lemmas & L.AGREE_NOUNS:
            return None
        if key == "agree" and not (any(_lem(o) in L.AGREE_NOUNS for o in _prep_objects(t, "on", "to", "upon")) or
                                   any(_lem(x) in ("cease", "end", "stop", "exchange", "release", "withdraw", "halt", "surrender", "swap", "form", "join", "share", "merge") for x in _kids(t, "xcomp"))):
            return None
        return _Cue("agree", t)
    if key in L.OTHER_VERBS:
        if key == "flee" and _subject(t) is not None and _party(_subject(t)) in (L.ARMED, L.STATE):
            return None
        return _Cue("other", t)
    return None


def _to_death(t: Token) -> bool:
    return any(p.lower_ == "to" and any(_lem(g) == "death" for g in p.children) for p in t.children if p.dep_ == "prep")


def _failed(t: Token) -> bool:
    return t.dep_ == "xcomp" and _lem(t.head) == "fail"


def _while_planting(t: Token) -> bool:
    for c in t.children:
        if c.dep_ in ("advcl",) and _lem(c) in ("plant", "make", "assemble", "handle", "prepare", "transport", "fix", "place", "set", "lay"):
            return True
        if c.dep_ == "mark" and c.lower_ == "while":
            return False
    return any(c.dep_ == "relcl" and _lem(c) in ("plant", "make", "assemble", "handle", "prepare", "transport", "lay", "carry")
               and any(s.lower_ in ("they", "he", "she") for s in c.children) for o in _kids(t, "nsubj") for c in o.children)


def _loot_or_riot_verb(t: Token) -> _Cue:
    subj = _agent(t)
    party = _party(subj) if subj is not None else None
    if party in (L.RIOTER, L.PROTESTER) or (party == L.CIVILIAN and _crowd_word(subj)) or (
            party not in (L.STATE, L.ARMED) and _sentence_protest_context(t) and _words(t) & {"demand", "protest", "denounce"}):
        return _Cue("riot", t)
    return _Cue("loot", t)


def _crowd_word(t: Token) -> bool:
    return _lem(t) in L.RIOT_CROWDS or t.lower_ in L.RIOT_CROWDS


def _weaponish_subject(t: Token) -> bool:
    subj = _subject(t)
    return subj is not None and (_lem(subj) in L.WEAPON_NOUNS or _lem(subj) in _AIR_VEHICLES or _lem(subj) in ("attack", "strike", "fire", "explosion", "blast", "fighting", "clash"))


def _violence_in(t: Token) -> bool:
    return not _words(t).isdisjoint({"attack", "clash", "airstrike", "shell", "bomb", "fire", "explosion", "strike", "fight", "raid"})


def _protest_words_near(t: Token) -> bool:
    return not _words(t).isdisjoint({"protest", "demand", "against", "slogan", "placard", "banner", "denounce", "protester",
                                     "demonstrator", "condemn", "chant"})


def _state_subject(t: Token) -> bool:
    subj = _agent(t)
    return subj is not None and _party(subj) == L.STATE


def _place(t: Token | None) -> bool:
    if t is None:
        return False
    return t.ent_type_ in ("GPE", "LOC", "FAC") or _lem(t) in L.PLACE_NOUNS or t.lower_ in L.PLACE_NOUNS or (
        t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE"))


def _place_objects(t: Token) -> list[Token]:
    objs = _objects_with_conj(t)
    out = [o for o in objs if _place(o) and not (_lem(o) in L.PROPERTY and _lem(o) not in L.PLACE_NOUNS)]
    for o in objs:
        if _lem(o) in L.CONTROL_NOUNS:
            out.extend(x for x in _prep_objects(o, "of", "over") if _place(x) or x.pos_ in ("NOUN", "PROPN"))
    return out


# --- negation, hypotheticals and what a protest is about ----------------------------------------------------

_CLIMB = ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj", "dobj", "prep", "nsubjpass", "nsubj", "conj", "relcl", "attr", "oprd", "appos", "compound", "amod")


def _unreal(cue: _Cue) -> bool:
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
    if cue.kind not in ("protest", "riot", "agree") and t.dep_ in ("xcomp", "advcl", "acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and _lem(t.head) not in _REAL_INF_HEADS:
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
        hl = _lem(head)
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


_REAL_INF_HEADS = {"continue", "begin", "start", "manage", "go", "come", "happen", "appear", "seem", "claim", "say", "report",
                   "use", "employ", "resort", "proceed", "return", "tend", "be", "have", "get", "move", "rush", "arrive",
                   "gather", "take", "join", "hold", "stage", "march"}
_COMPLEMENT_PREPS = {"for", "of", "on", "to", "about", "against"}
_BACKGROUND_PREPS = {"against", "over", "for", "about", "after", "following", "since", "amid", "despite", "before", "during",
                     "regarding", "concerning", "of"}
_BACKGROUND_DEPS = {"prep", "advcl", "xcomp", "acl", "ccomp", "conj", "pcomp", "relcl", "pobj", "appos"}
# (ccomp is listed for "they claimed that their houses are damaged": a claim is what the act is about)
_BACKGROUND_MARKS = {"after", "since", "because", "before", "as", "following", "although", "though"}


_TEMPORAL = {"after", "following", "since", "amid", "before", "during", "as", "when", "while", "despite"}


def _background(sent: Span, with_relcl: bool, purpose_only: bool = False) -> set[int]:
    """Tokens in what an act is about or followed from: "against the arrest of", "demanding the release of
    activists detained in ...", "after police shot a student". Cues there are the grievance, not the act.
    `purpose_only`: only what it is about (not "after ..." clauses, relative clauses or appositions)."""
    out: set[int] = set()
    doc = sent.doc
    deps = _forms(doc)[2]
    for i in range(sent.start, sent.end):
        dep = deps[i]
        if dep not in _BACKGROUND_DEPS or i in out:
            continue
        t = doc[i]
        bg = False
        if purpose_only and (dep in ("relcl", "appos", "acl") or t.lower_ in _TEMPORAL or any(
                c.dep_ == "mark" and c.lower_ in _TEMPORAL for c in t.children)):
            continue
        if dep == "prep" and t.lower_ in _BACKGROUND_PREPS and (t.lower_ != "of" or _lem(t.head) in ("release", "arrest", "killing", "death", "detention", "abduction", "murder", "wake", "memory", "anniversary")):
            bg = True
        elif t.dep_ in ("advcl", "xcomp", "acl", "ccomp", "conj", "pcomp") and _lem(t) in L.PURPOSE_HEADS:
            bg = True
        elif with_relcl and dep == "ccomp" and _lem(t.head) in ("claim", "say", "allege", "complain", "argue", "accuse", "insist", "believe", "fear", "state"):
            bg = True
        elif t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children):
            bg = True
        elif dep in ("relcl", "appos") or (with_relcl and dep == "acl"):
            bg = True
        elif t.dep_ == "prep" and t.lower_ == "in" and any(_lem(c) in ("response", "protest", "retaliation", "solidarity", "memory", "connection", "aftermath", "wake") for c in t.children):
            bg = True
        elif t.dep_ == "pobj" and _lem(t) in ("death", "killing", "arrest", "detention", "murder") and t.head.lower_ in ("over", "against", "after", "following"):
            bg = True
        if bg:
            out.update(x.i for x in t.subtree)
    return out


# --- who and whom -------------------------------------------------------------------------------------------

def _subject(t: Token) -> Token | None:
    """The active subject of a verb, also across conjoined verbs and "continued to attack"."""
    seen = 0
    while seen < 4:
        subj = _kids(t, "nsubj")
        if subj:
            before = [x for x in subj if x.i < t.i]
            return before[-1] if before else subj[0]  # "Looting: ..., rebels looted": the nearest
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX", "NOUN"):
            if _kids(t, "nsubjpass"):
                return None
            t = t.head
            seen += 1
            continue
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.i != t.i:
            t = t.head
            seen += 1
            continue
        for c in t.children:  # "Brigade and forces (coded as ...) clashed": the subject hung on the parenthesis
            if c.dep_ in ("advcl", "parataxis") and c.i < t.i:
                stray = [x for x in _kids(c, "nsubj") if x.i < c.i and x.ent_type_ not in ("DATE", "TIME")]
                if stray:
                    return stray[0]
        return None
    return None


def _agent(t: Token) -> Token | None:
    """Who did the act the cue `t` names: subject, "by" agent, possessor, modifier, or the subject of the
    light verb governing a noun cue ("carried out an attack", "held a protest")."""
    if _is_verb(t) or t.pos_ == "AUX":
        by = [o for a in _kids(t, "agent") for o in _kids(a, "pobj")] or [o for o in _prep_objects(t, "by") if o.dep_ == "pobj"]
        if by:
            return by[0]
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and _headline_subject(t):
            return t.head  # "ISWAP militants abducted 4 people" parsed as a noun phrase
        if _kids(t, "nsubjpass") or (t.dep_ == "acl" and t.tag_ == "VBN"):
            return None
        if _lem(t) in ("die", "succumb", "perish"):
            return None
        subj = _subject(t)
        if subj is not None and subj.ent_type_ in ("DATE", "TIME"):
            subj = None
        if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (subj.lower_ in ("it", "this", "which", "that") and _lem(t) in ("attack", "explode")):
            if _is_weapon_noun(subj) or _lem(subj) in ("attack", "clash", "explosion", "strike", "fire", "fighting"):
                return _agent(subj)
            return subj
        return None
    # noun cue
    by = [o for o in _prep_objects(t, "by", "from") if o.dep_ == "pobj"] or [o for a in _kids(t, "agent") for o in _kids(a, "pobj")]
    by = [b for b in by if not _place(b) or b.ent_type_ in ("NORP", "ORG") or _party(b) is not None]
    if by:
        return by[0]
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "an IED planted by BLA", "a mortar fired by X"
            by = [o for a in _kids(c, "agent") for o in _kids(a, "pobj")]
            if by:
                return by[0]
    poss = _kids(t, "poss")
    if poss and poss[0].lower_ in ("their", "its"):
        return _antecedent(poss[0]) or poss[0]
    if poss and poss[0].lower_ not in ("his", "her"):
        return poss[0]
    for m in sorted(_kids(t, "compound", "amod", "nmod", "npadvmod"), key=lambda x: -x.i):
        if m.ent_type_ in ("ORG", "NORP", "GPE") or (_party(m) in (L.STATE, L.ARMED, L.PROTESTER, L.RIOTER) and _key(m) not in L.ARMED_ASSETS) or any(
                g.ent_type_ in ("ORG", "NORP", "GPE") for g in m.subtree):
            if _lem(m) in ("air", "roadside", "car", "suicide", "tank", "anti"):
                continue
            return m
    if t.dep_ == "dobj" and _is_verb(t.head) and _lem(t.head) not in _NOT_AUTHOR_VERBS:
        return _agent(t.head)  # "threw a grenade", "sent reinforcements", "recovered 153 bombs"
    if t.dep_ == "dobj" and _lem(t.head) in ("repel", "thwart", "foil", "repulse", "counter", "fend", "prevent"):
        of = [o for o in _prep_objects(t, "of", "by") if o.dep_ == "pobj"]
        if of:
            return of[0]
    between = _prep_objects(t, "between")
    if between:
        return between[0]
    head = t.head
    if t.dep_ in ("dobj", "attr", "pobj") and (_lem(head) in _LIGHT_VERBS or head.dep_ == "prep" and _lem(head.head) in _LIGHT_VERBS):
        verb = head if t.dep_ != "pobj" else head.head
        if t.dep_ == "pobj" and head.lower_ not in ("in", "on", "to"):
            return None
        return _agent(verb) if verb.i != t.i else None
    if t.dep_ in ("nsubj", "nsubjpass") and _lem(head) in _OCCUR_VERBS:
        between = _prep_objects(head, "between")
        if between:
            return between[0]
    if t.dep_ in ("nsubj",) and _lem(head) in ("kill", "injure", "wound", "leave", "claim", "destroy", "hit", "target", "damage"):
        return None
    return None


_NOT_AUTHOR_VERBS = {
    "say", "report", "condemn", "claim", "deny", "blame", "confirm", "announce", "witness", "see", "fear", "describe",
    "call", "welcome", "investigate", "denounce", "prevent", "repel", "thwart", "foil", "repulse", "counter", "fend",
    "survive", "escape", "flee", "suffer", "protest", "mourn", "document", "record", "observe", "hear", "follow",
    "avoid", "stop", "end", "resist", "oppose", "demand", "reject", "criticize", "criticise", "decry", "mark", "remember",
    "cover", "film", "photograph", "monitor", "track", "accuse", "allege", "cause", "trigger", "spark", "provoke",
}
"""Verbs whose subject is not the author of their object ("condemned the attack", "survived the ambush")."""
_WEAPON_USE = {"throw", "plant", "fire", "launch", "use", "detonate", "drop", "lob", "hurl", "place", "set", "lay", "explode",
               "deploy", "employ", "shoot", "toss"}


def _antecedent(pron: Token) -> Token | None:
    """'their attacks', 'its fighters': the nearest armed group or force named before, in the same sentence."""
    for i in range(pron.i - 1, max(0, pron.i - 40) - 1, -1):
        tok = pron.doc[i]
        if tok.is_sent_end:
            break
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") and _party(tok) in (L.STATE, L.ARMED):
            return tok
    return None


def _headline_subject(t: Token) -> bool:
    """A past participle hung on the sentence's root noun ("militants abducted two people", no finite verb):
    the noun is its subject, not its object."""
    head = t.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and (
        t.tag_ == "VBD" or _party(head) in (L.STATE, L.ARMED, L.RIOTER, L.PROTESTER) or _key(t) in _INTRANSITIVE
    ) and not any(c.dep_ == "agent" for c in t.children)


_INTRANSITIVE = {"protest", "demonstrate", "rally", "march", "clash", "fight", "riot", "gather", "strike", "picket", "die"}


def _is_weapon_noun(t: Token) -> bool:
    k = _key(t)
    return k in L.WEAPON_NOUNS or k in _AIR_VEHICLES or k in ("airstrike", "strike")


def _target(t: Token) -> Token | None:
    """Against whom: object, "at/on/against/with" phrase, the passive subject, "targeting X", "between A and B"."""
    cands: list[Token] = []
    if _is_verb(t):
        cands += [o for o in _kids(t, "dobj") if not _is_weapon_noun(o) and _lem(o) not in _FIRE_OBJECTS | {"control", "fire"}]
        cands += _prep_objects(t, "at", "on", "upon", "against", "into", "towards", "toward", "with")
        cands += _kids(t, "nsubjpass")
        if not cands and t.dep_ == "conj" and _is_verb(t.head):
            cands += _kids(t.head, "nsubjpass") or [o for o in _kids(t.head, "dobj") if not _is_weapon_noun(o)]
        if t.dep_ == "acl" and t.tag_ == "VBN" and not _is_weapon_noun(t.head) and not _headline_subject(t):
            cands.append(t.head)
        for c in t.children:
            if c.dep_ in ("advcl", "acl", "xcomp") and _lem(c) in ("target", "hit", "attack"):
                cands += _kids(c, "dobj")
    else:
        cands += _prep_objects(t, "on", "against", "at", "targeting", "with", "upon", "in")
        between = _prep_objects(t, "between") or (_prep_objects(t.head, "between") if t.dep_ == "nsubj" else [])
        for b in between:
            cands += [c for c in b.children if c.dep_ == "conj"]
        for c in t.children:
            if c.dep_ in ("acl", "relcl", "advcl") and _lem(c) in ("target", "hit", "attack"):
                cands += _kids(c, "dobj")
        if t.dep_ in ("dobj", "attr") and _lem(t.head) in _LIGHT_VERBS:
            cands += _prep_objects(t.head, "on", "against", "at", "upon", "towards", "toward", "with", "into")
        if t.dep_ == "nsubj" and _lem(t.head) in ("target", "hit", "attack", "strike", "kill", "injure", "wound", "destroy", "damage"):
            cands += [o for o in _kids(t.head, "dobj") if not _is_weapon_noun(o)]
    cands = [c for c in cands if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (c.ent_type_ in ("DATE", "TIME"))]
    cands = [c for c in cands if not (_place(c) and _party(c) is None and (c.head.lower_ == "in" or c.ent_type_ in ("GPE", "LOC", "FAC")))]
    return cands[0] if cands else None


def _party(t: Token | None) -> str | None:
    """What kind of party a noun names: state forces, other armed groups, civilians, protesters, rioters."""
    if t is None:
        return None
    key = _key(t)
    low = t.lower_
    words = {key, low}
    mods = _mod_words(t)
    if key in ("member", "element", "group", "unit", "some", "dozens", "dozen", "hundreds", "hundred", "one", "two", "number", "team", "band", "all",
               "many", "several", "rest", "remnant", "supporter", "loyalist", "affiliate", "score", "scores", "tens", "thousands", "lot",
               "handful", "majority", "total", "most", "few", "none", "batch", "contingent") or t.like_num:
        for o in _prep_objects(t, "of"):
            inner = _party(o)
            if inner is not None:
                return inner
    if key in L.PROTESTER_WORDS or low in L.PROTESTER_WORDS:
        return L.PROTESTER
    if key in L.RIOTER_WORDS or (key in ("group", "crowd", "gang", "band") and mods & {"vigilante", "lynch", "mob"}):
        return L.RIOTER
    if mods & {"off-duty", "off", "retired", "former", "ex", "unarmed", "civilian"} and words & (L.STATE_WORDS | L.NON_STATE_ARMED):
        return L.CIVILIAN
    if words & L.STATE_WORDS and not key in ("force", "forces", "unit", "group"):
        return L.ARMED if mods & {"rebel", "opposition", "militia", "insurgent"} else L.STATE
    if words & L.NON_STATE_ARMED:
        return L.ARMED
    if words & L.CIVILIAN_WORDS and key not in ("member", "group"):
        return L.ARMED if mods & {"armed", "gun-wielding", "gun-toting"} else L.CIVILIAN
    if key in L.ARMED_ASSETS or low in L.ARMED_ASSETS:
        if mods & L.CIVILIAN_WORDS or mods & {"idp", "refugee", "displacement", "aid", "humanitarian", "civilian", "bus", "taxi", "passenger"}:
            return L.CIVILIAN
        if mods & L.NON_STATE_ARMED:
            return L.ARMED
        return L.STATE
    if words & L.STATE_WORDS or mods & {"security", "military", "army", "police", "government", "soldier", "naval", "air"}:
        if mods & L.NON_STATE_ARMED and not mods & {"security", "government"}:
            return L.ARMED
        if key in ("force", "forces", "unit", "group") and (mods & {"rebel", "opposition", "militia", "insurgent", "armed"} and not mods & {"security", "government", "military"}):
            return L.ARMED
        return L.STATE
    if words & L.NON_STATE_ARMED or mods & L.NON_STATE_ARMED or (key in ("man", "men", "individual", "person", "people", "group", "assailant") and mods & {"armed", "masked", "unidentified", "unknown", "suspected", "gun-wielding", "gun-toting"} and "armed" in mods | {key if key == "assailant" else ""}):
        return L.ARMED
    if key in ("man", "men", "group", "individual", "person") and mods & {"armed", "gun-wielding", "gun-toting", "masked"}:
        return L.ARMED
    if words & L.CIVILIAN_WORDS or t.ent_type_ == "PERSON" or (t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS")):
        return L.CIVILIAN
    if t.ent_type_ == "ORG" and (mods & L.NON_STATE_ARMED or (t.text.isupper() and 2 <= len(t.text) <= 6)):
        return L.ARMED
    if t.ent_type_ in ("GPE", "NORP") and (t.dep_ in ("nsubj", "agent", "poss", "compound", "amod") or t.dep_ == "pobj" and t.head.lower_ == "by"):
        return L.STATE
    return None


# --- the acts of a sentence ---------------------------------------------------------------------------------

_VIOLENT = {"weapon", "clash", "attack", "fire", "kill", "outcome"}
_ACTS = {"clash", "attack", "fire", "kill"}


@dataclass(slots=True)
class _Act:
    subcategory: str
    anchor: Token  # the cue the evidence points at
    cues: list[_Cue]
    confidence: float
    decisive: Token | None = None


def _pick(cues: list[_Cue], *kinds: str) -> list[_Cue]:
    return [c for c in cues if c.kind in kinds]


def _victims(cues: list[_Cue]) -> list[Token]:
    out = []
    for c in cues:
        if c.kind in ("outcome", "kill", "fire", "attack") and _is_verb(c.tok):
            for v in _kids(c.tok, "dobj", "nsubjpass"):
                out.append(v)
                out.extend(x for x in v.children if x.dep_ == "conj")
            if _subject(c.tok) is not None and _lem(c.tok) == "die":
                out.append(_subject(c.tok))
            if c.tok.dep_ == "acl" and c.tok.tag_ == "VBN":
                out.append(c.tok.head)
    return out


def _violence(cues: list[_Cue], sent: Span, para: _Para) -> _Act:
    """The sub-type of the violent act a sentence reports: weapon first, else who was hit."""
    weapons = _pick(cues, "weapon")
    acts = _pick(cues, *_ACTS)
    anchor_cue = (acts or weapons or cues)[0]
    if weapons:
        specific = [c for c in weapons if c.sub != "generic"] or weapons
        best = min(specific, key=lambda c: (L.WEAPON_ORDER.index(c.weapon), c.tok.i))
        two_sided = any(c.kind == "clash" for c in acts) or any(w.lower_ in ("both", "exchange", "exchanged", "mutual") for w in sent)
        light = _light_arms(sent)
        if best.weapon == L.BLAST and any(_lem(a) in ("observe", "hear", "record", "register", "involve") for a in list(best.tok.ancestors)[:4]) and not _explosive_named(sent):
            best = _Cue("weapon", best.tok, L.SHELL)
        if best.weapon in (L.SHELL, L.BLAST) and light and not _fired_at_areas(cues, _first(_agent(c.tok) for c in acts + weapons)):
            return _Act("Armed clash", (acts or weapons)[0].tok, cues, 0.65, light)
        if best.weapon == L.SHELL and two_sided:
            return _Act("Armed clash", _pick(acts, "clash")[0].tok if _pick(acts, "clash") else anchor_cue.tok, cues, 0.7, best.tok)
        if best.weapon == L.BLAST and _pick(acts, "clash"):
            return _Act("Armed clash", _pick(acts, "clash")[0].tok, cues, 0.65, best.tok)
        if best.weapon == L.BLAST and _pick(acts, "fire", "attack") and any(_lem(w) in L.LIGHT_ARMS | {"gunfire", "gunman", "gunmen"} for w in sent) and not _explosive_named(sent):
            return _violence([c for c in cues if c.kind != "weapon"], sent, para)
        conf = 0.9 if best.weapon != L.BLAST else 0.75
        return _Act(L.WEAPON_SUBTYPE[best.weapon], best.tok, cues, conf, best.tok)
    agent_tok = _first(_agent(c.tok) for c in acts + cues)
    agent = _party(agent_tok)
    if _fired_at_areas(cues, agent_tok):
        return _Act("Shelling/artillery/missile attack", anchor_cue.tok, cues, 0.6)
    targets = [x for x in (_target(c.tok) for c in acts + cues) if x is not None]
    target_tok = next((x for x in targets if _party(x) is not None), targets[0] if targets else None)
    target = _party(target_tok)
    if target in (L.STATE, L.ARMED) and any(w.lower_ in ("off-duty", "duty") and w.nbor(-1).lower_ in ("off", "-") for w in sent if w.i > sent.start):
        target = L.CIVILIAN
    victims = [_party(v) for v in _victims(cues)]
    anchor = anchor_cue.tok
    melee = any(_lem(w) in L.MELEE for w in sent)
    firearms = any(c.kind == "fire" for c in cues) or any(_lem(w) in ("gun", "rifle", "gunfire", "pistol", "firearm", "bullet", "gunman", "gunmen", "gunshot") for w in sent)
    clash = _pick(acts, "clash")
    # crowds fighting: a riot
    crowd_agent = agent == L.RIOTER or (agent in (L.CIVILIAN, L.PROTESTER) and agent_tok is not None and (
        _crowd_word(agent_tok) or agent == L.PROTESTER or (agent_tok.ent_type_ == "NORP" and agent_tok.tag_ in ("NNPS", "NNS"))) and not firearms)
    physical = any(_mod_words(c.tok) & {"physical", "fist", "verbal"} for c in clash)
    armed_said = _armed_clash_said(clash) or (agent_tok is not None and "armed" in _mod_words(agent_tok))
    crowd_clash = bool(clash) and not firearms and agent != L.STATE and (melee or agent != L.ARMED and target != L.ARMED and (
        agent in (L.CIVILIAN, L.PROTESTER, L.RIOTER) or target in (L.CIVILIAN, L.PROTESTER, L.RIOTER)
        or (agent_tok is not None and _crowd_word(agent_tok))))
    # unarmed people beating or assaulting, with fists, sticks or stones: a riot, not an armed attack
    crowd_agent = crowd_agent or (agent == L.CIVILIAN and not firearms and agent_tok is not None and "armed" not in _mod_words(agent_tok)
                                  and bool(_pick(cues, "attack", "kill")) and target in (L.STATE, L.CIVILIAN, None))
    if not armed_said and (agent == L.PROTESTER or crowd_agent or physical or crowd_clash or (clash and agent is None and target in (L.CIVILIAN, L.PROTESTER) and melee)):
        sub = "Violent demonstration" if para.protest_context or agent == L.PROTESTER else "Mob violence"
        return _Act(sub, anchor, cues, 0.7)
    if clash and agent in (L.CIVILIAN,) and target in (L.CIVILIAN, None) and not firearms:
        return _Act("Mob violence", anchor, cues, 0.6)
    if agent == L.STATE and target == L.PROTESTER:
        return _Act("Excessive force against protesters", anchor, cues, 0.7)
    if clash:
        return _Act("Armed clash", clash[0].tok, cues, 0.85)
    if target == L.CIVILIAN:
        return _Act("Attack", anchor, cues, 0.8)
    if target in (L.STATE, L.ARMED):
        if agent == L.STATE and target == L.STATE and agent_tok is not None and target_tok is not None:
            return _Act("Armed clash", anchor, cues, 0.6)
        return _Act("Armed clash", anchor, cues, 0.8)
    if victims:
        if all(v == L.CIVILIAN or v is None for v in victims) and any(v == L.CIVILIAN for v in victims):
            return _Act("Attack", anchor, cues, 0.7)
        if any(v in (L.STATE, L.ARMED) for v in victims):
            return _Act("Armed clash", anchor, cues, 0.7)
    if any(c.kind == "kill" for c in cues) and not _pick(acts, "attack", "clash"):
        return _Act("Attack", anchor, cues, 0.6)
    if any(c.kind == "fire" for c in cues) and not _pick(acts, "attack", "clash") and agent != L.STATE:
        return _Act("Attack", anchor, cues, 0.55)
    if agent == L.STATE and any(_lem(c.tok) == "raid" for c in acts):
        return _Act("Attack", anchor, cues, 0.5)
    return _Act("Armed clash", anchor, cues, 0.55)


_AREAS = {"area", "village", "neighbourhood", "neighborhood", "district", "farm", "town", "city", "street", "locality",
          "outskirts", "countryside", "home", "house", "land", "field", "part", "region", "site", "building", "market"}


def _fired_at_areas(cues: list[_Cue], agent_tok: Token | None) -> bool:
    """'Forces fired machine guns and mortar shells at residential areas / farms / villages': weapons fired by a
    force from afar at places rather than at people or positions, which ACLED codes as shelling."""
    if agent_tok is None or (_key(agent_tok) not in ("force", "forces", "army", "military", "troop", "militia", "unit")
                             and _party(agent_tok) != L.STATE):
        return False
    for c in cues:
        if c.kind == "fire" and _is_verb(c.tok) and _kids(c.tok, "dobj"):
            places = _prep_objects(c.tok, "at", "on", "toward", "towards", "into")
            if places and all(_key(p) in _AREAS and _party(p) != L.STATE for p in places):
                return True
    return False


def _armed_clash_said(clash: list[_Cue]) -> bool:
    return any("armed" in _mod_words(c.tok) or _lem(c.tok) in ("gunfight", "firefight", "shootout", "gunbattle") for c in clash)


def _light_arms(sent: Span) -> Token | None:
    """Small arms in the sentence ("small arms", "rifles", "gunshots", "machine guns" not said to be heavy)."""
    for w in sent:
        k = _key(w)
        if k in ("rifle", "gunfire", "gunshot", "pistol", "kalashnikov", "ak-47", "ak47", "shotgun"):
            return w
        if k == "arm" and "small" in _mod_words(w):
            return w
        if k in ("gun", "machinegun") and not _mod_words(w) & {"heavy", "anti-aircraft", "tank", "aircraft", "anti", "artillery"} and not (w.i + 2 < len(w.doc) and w.doc[w.i + 1].lower_ == ","):
            return w
        if k == "shot" and w.dep_ != "dobj" and not _mod_words(w) & {"warning"}:
            return w
    return None


def _explosive_named(sent: Span) -> bool:
    return any(_key(w) in ("ied", "landmine", "mine", "explosive", "device", "bomb") for w in sent)


def _first(it):
    for x in it:
        if x is not None:
            return x
    return None


@dataclass
class _Para:
    """What a paragraph says around its protests: context words, and what happened to the protest."""

    protest_context: bool = False
    violent: Token | None = None
    excessive: Token | None = None
    intervention: Token | None = None


def _paragraph_protest(sents: list[Span]) -> _Para:
    """Read the sentences of a protest's paragraph (from its sentence on) for what happened to it."""
    para = _Para()
    for sent in sents:
        bg: set[int] | None = None
        if not _words(sent[0]).isdisjoint(L.PROTEST_CONTEXT):
            para.protest_context = True
        for t in _candidates(sent.doc, sent.start, sent.end, _SCAN_WORDS):
            key = _key(t)
            if bg is None:
                bg = _background(sent, with_relcl=True)
                purpose = _background(sent, with_relcl=False, purpose_only=True)
            if t.i in purpose:
                continue
            if t.i in bg and not _about_the_protest(t):
                continue
            cue = _classify(t)
            if cue is not None and not _unreal(cue):
                if cue.kind == "riot":
                    agent = _agent(cue.tok)
                    if agent is None or _party(agent) != L.STATE:
                        para.violent = para.violent or t
                elif cue.kind in ("clash", "attack", "kill", "fire", "outcome", "weapon", "loot"):
                    agent = _agent(cue.tok)
                    party = _party(agent)
                    if cue.kind == "loot" and party != L.STATE:
                        para.violent = para.violent or t
                    elif cue.kind == "clash" and (party in (L.STATE, L.PROTESTER, L.RIOTER, L.CIVILIAN, None)):
                        para.violent = para.violent or t  # a clash has two sides: the protest fought
                    elif (party == L.STATE and (cue.kind not in ("kill", "fire") or _protest_victims(cue.tok) or not _target_named(cue.tok))) or (
                            party is None and cue.kind in ("fire", "outcome", "kill") and _protest_victims(cue.tok)):
                        if cue.kind in ("kill", "fire") or (cue.kind == "outcome" and _lem(cue.tok) in ("kill", "die")):
                            para.excessive = para.excessive or t
                        elif cue.kind == "outcome" or cue.kind == "attack":
                            para.intervention = para.intervention or t
                    elif party in (L.PROTESTER, L.RIOTER, L.CIVILIAN) or (cue.kind == "clash" and party is None) or (cue.kind == "attack" and party is None and _party(_target(cue.tok)) == L.STATE):
                        if cue.kind != "outcome":
                            para.violent = para.violent or t
                elif cue.kind == "arrest" and _arrested_protesters(cue.tok):
                    para.intervention = para.intervention or t
            if _intervention(t):
                para.intervention = para.intervention or t
                if _excessive(t):
                    para.excessive = para.excessive or t
            elif key in ("force", "ammunition", "bullet", "round", "fire") and _mod_words(t) & {"excessive", "lethal", "brutal", "deadly", "live", "disproportionate"}:
                para.excessive = para.excessive or t
            elif key in ("violent", "violence") and (_lem(t.head) in ("turn", "become", "grow", "descend", "erupt") or key == "violence" and _lem(t.head) in ("erupt", "break", "turn", "descend")):
                para.violent = para.violent or t
            elif key in L.PROTEST_NOUNS and _mod_words(t) & {"violent", "aggressive", "riotous", "unruly", "chaotic"}:
                para.violent = para.violent or t
            elif key == "armed" and _party(t.head) in (L.PROTESTER, L.RIOTER):
                para.violent = para.violent or t
    return para


def _about_the_protest(t: Token) -> bool:
    """In an "after ..." clause or a relative clause, a word still about the protest: tear gas, water cannon,
    force; or a verb whose object is the protest or its crowd ("after police dispersed the demonstration")."""
    if _is_noun(t):
        return _key(t) in _INTERVENTION_WORDS and _key(t) not in L.PROTEST_NOUNS and _key(t) not in ("violence",)
    verb = t if _is_verb(t) else t.head
    for o in _kids(verb, "dobj", "nsubjpass") + _prep_objects(verb, "at", "on", "into", "against"):
        if _party(o) in (L.PROTESTER, L.RIOTER) or _key(o) in L.PROTEST_NOUNS or o.lower_ in ("them", "crowd", "crowds", "people"):
            return True
    return False


def _target_named(t: Token) -> bool:
    return bool(_kids(t, "dobj", "nsubjpass") or _prep_objects(t, "at", "on", "upon"))


def _excessive(t: Token) -> bool:
    """'violently dispersed', 'brutally suppressed': force beyond an intervention."""
    verb = t if _is_verb(t) else t.head
    return any(c.lower_ in ("violently", "brutally", "forcefully", "forcibly", "harshly", "savagely", "ruthlessly", "mercilessly")
               for c in verb.children)


_INTERVENTION_WORDS = {"armed", "force", "ammunition", "round", "violent", "violence", "protest", "demonstration", "rally", "march",
    "disperse", "intervene", "suppress", "teargas", "tear-gas", "kettle", "evict", "break", "crack", "chase", "foil", "stop",
    "prevent", "clear", "remove", "block", "push", "repel", "baton", "lathi", "gas", "cannon", "bullet", "pellet", "charge",
    "grenade", "canister", "spray", "shot", "crackdown", "dispersal", "intervention",
}
_SCAN_WORDS = _CUE_WORDS | _INTERVENTION_WORDS


def _protest_victims(t: Token) -> bool:
    return any(_party(v) in (L.PROTESTER, L.RIOTER) or _lem(v) in ("people", "person", "demonstrator", "protester", "student", "crowd", "they")
               for v in _kids(t, "dobj", "nsubjpass") + _prep_objects(t, "at", "on", "upon", "into"))


def _arrested_protesters(t: Token) -> bool:
    """An arrest at a protest: of the protesters, of 'them', of a number of people, or 'arrests were made'."""
    if _is_noun(t):
        return True
    for o in _kids(t, "dobj", "nsubjpass") + ([t.head] if t.dep_ == "acl" else []):
        if o.lower_ in ("them", "they", "some", "several", "many", "dozens", "hundreds", "scores") or _party(o) in (L.PROTESTER, L.RIOTER):
            return True
        if _lem(o) in ("participant", "activist", "organizer", "organiser", "student", "worker", "leader", "demonstrator", "people", "person", "member", "supporter") or read_count(o) is not None and o.lower_ not in ("he", "she"):
            return True
    return False


def _intervention(t: Token) -> bool:
    """Police action on a protest: dispersal, tear gas, water cannon, baton or lathi charge, rubber bullets."""
    key = _key(t)
    if _is_verb(t) and key in ("disperse", "intervene", "suppress", "teargas", "tear-gas", "kettle", "evict", "break", "crack", "chase", "foil", "stop", "prevent", "clear", "remove", "block", "push", "repel", "baton", "lathi"):
        if key == "break" and not _has_child_word(t, {"up"}):
            return False
        if key == "crack" and not _has_child_word(t, {"down"}):
            return False
        if key in ("stop", "prevent", "clear", "remove", "block", "push", "chase", "foil", "evict") :
            subj = _agent(t)
            if subj is None or _party(subj) != L.STATE:
                return False
        return not _kids(t, "neg")
    if _is_noun(t):
        mods = _mod_words(t)
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
        if key in ("crackdown", "dispersal", "intervention") and t.dep_ != "pobj":
            return True
        if key == "lathi" or (key == "charge" and t.i > 0 and t.doc[t.i - 1].lower_ in ("lathi", "baton")):
            return True
    return False


class _Context:
    """Per-Doc state: the speaker index (built on first need), paragraphs, the last actor named."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._index: speakers.SpeakerIndex | None = None
        self.previous_actor: str | None = None
        self._breaks: list[int] | None = None
        self.sents = _sentences(doc)
        self.words = _words_table(doc, self.sents)
        self._paras: dict[int, _Para] = {}
        self.act_sentences: list[int] = []  # start chars of the sentences that had acts

    @property
    def index(self) -> speakers.SpeakerIndex:
        if self._index is None:
            self._index = speakers.SpeakerIndex.build(self.doc)
        return self._index

    def paragraph_of(self, char: int) -> int:
        if self._breaks is None:  # newline positions, found once per Doc and only when asked
            arr = self.doc.to_array([IS_SPACE])
            spaces = [self.doc[i] for i in arr.nonzero()[0].tolist()]
            self._breaks = [t.idx + t.text.find("\n") for t in spaces if "\n" in t.text]
        return bisect.bisect_left(self._breaks, char)

    def protest(self, k: int) -> _Para:
        """What the paragraph says about the protest in sentence k (its sentence and the ones after it)."""
        if k not in self._paras:
            para = self.paragraph_of(self.sents[k].start_char)
            rest = [s for s in self.sents[k:] if self.paragraph_of(s.start_char) == para]
            self._paras[k] = _paragraph_protest(rest)
        return self._paras[k]

    def resolve(self, tok: Token | None) -> tuple[str | None, str | None]:
        if tok is None:
            return None, None
        if tok.pos_ == "PRON" and tok.lower_ not in speakers.PRONOUNS:
            return None, None
        if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and tok.i < tok.head.i and _is_noun(tok.head):
            text = _modifier_name(tok)
            return text, text
        actor, mention = speakers.resolve(tok, self.index, self.previous_actor)
        if actor is not None and len(actor) > 80:
            actor = _short(tok)
        if actor is not None:
            actor = _DATE_LEAD.sub("", actor) or actor
        return actor, mention


_DATE_LEAD = re.compile(r"^(?:(?:On|Around|As reported on|Between|In|By|Since)\b[^,]{0,60}\d{4}\)?,\s*)+")
_PLANTED = re.compile(r"-(?:planted|laid|placed|made|fired|launched|affiliated|aligned)$", re.I)


def _modifier_name(tok: Token) -> str:
    """The name a noun's modifiers give its author: "Saudi-led coalition" airstrikes, "Taliban"-planted mine."""
    head = tok.head
    mods = [m for m in _mods(head) if m.i <= tok.i and m.dep_ not in ("nummod", "det", "poss") and not m.like_num]
    left = min([m.i for m in mods] + [tok.i])
    doc = tok.doc
    # from the left, drop numbers, punctuation, articles and plain adjectives ("relentless", "deadliest", "single")
    while left < tok.i and (doc[left].like_num or doc[left].is_punct or doc[left].lower_ in ("the", "a", "an") or (
            doc[left].pos_ == "ADJ" and not doc[left].ent_type_ and doc[left].i + 1 < len(doc) and doc[left + 1].text != "-")):
        left += 1
    text = doc[left:tok.i + 1].text
    return _PLANTED.sub("", text).removesuffix("’s").removesuffix("'s")


def _short(tok: Token) -> str:
    """A long mention cut to the noun and what stands before it ("soldiers of the 1st ... brigade loyal to ..." →
    "soldiers of the 1st Naval Infantry brigade")."""
    left = min([tok.i] + [m.i for m in _mods(tok)] + [c.i for c in tok.children if c.dep_ == "det"])
    end = tok.i + 1
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of" and p.i == end:
            end = max(x.i for x in p.subtree) + 1
            break
    span = tok.doc[left:end]
    return span.text if len(span.text) <= 80 else tok.doc[left:tok.i + 1].text


def _sentence_acts(k: int, sent: Span, ctx: _Context, acts_so_far: int) -> list[tuple[_Act, str]]:
    """The acts of sentence k, each with its sub-type: (act, subcategory)."""
    words = ctx.words[sent.start]
    if words.isdisjoint(_CUE_WORDS) and words.isdisjoint(_INTERVENTION_WORDS):
        return []
    cues = []
    for t in _candidates(ctx.doc, sent.start, sent.end, _CUE_WORDS):
        cue = _classify(t)
        if cue is not None and not _unreal(cue):
            cues.append(cue)
    if not cues and words.isdisjoint(_INTERVENTION_WORDS):
        return []
    all_cues = cues
    if len(cues) > 1:
        bg = _background(sent, with_relcl=False)
        fg = [c for c in cues if c.tok.i not in bg]
        if fg and any(c.kind != "outcome" for c in fg):
            cues = fg
    out: list[_Act] = []
    kinds = {c.kind for c in cues}
    violent = _pick(cues, *_VIOLENT)
    protest = _pick(cues, "protest")
    riot = _pick(cues, "riot")
    if protest and all(_key(c.tok) in _PROTEST_PEOPLE for c in protest) and acts_so_far_in_para(ctx, k):
        protest = []  # "arrested 30 protesters" after the protest was reported: the same protest
    territory = _pick(cues, "territory")
    transfer = _pick(cues, "transfer")
    others = [c for c in cues if c.kind not in _VIOLENT | {"protest", "riot", "territory", "transfer"}]
    has_act = bool(kinds - {"outcome"})
    if any(c.kind == "disrupt" and (c.sub or _lem(c.tok) in ("explode", "detonate", "go", "blow")) for c in others):
        violent = []
    main_verbs = [c for c in cues if c.kind not in _VIOLENT and _is_verb(c.tok)]
    if main_verbs and violent and all(_is_noun(c.tok) and c.tok.dep_ == "pobj" for c in violent) and not _pick(violent, "kill", "outcome"):
        violent = []  # "seized guns at an armed raid", "arrested during clashes": the raid is where, not what
    if _pick(others, "disrupt") and violent and all(c.kind == "weapon" and _is_noun(c.tok) for c in violent):
        violent = []  # "seized two landmines, three grenades and ammunition": weapons seized, not used
    if _pick(others, "arrest") and violent and all(c.kind == "attack" and _key(c.tok) in ("raid", "operation", "crackdown", "swoop", "sweep") for c in violent):
        violent = []  # "arrested 12 in raids": the raid is the arrest
    if violent and not _pick(violent, "weapon", *_ACTS):
        # only "killed"/"died" with no act: an outcome of an act already reported, or of one the
        # sentence does not name
        if has_act or acts_so_far:
            violent = []
    if protest or riot:
        para = ctx.protest(k)
        if protest:
            anchor = min(protest, key=lambda c: (c.tok.lower_ in ("protester", "protesters", "demonstrator", "demonstrators"), c.tok.i))
            sub, decisive = "Peaceful protest", None
            agent_party = _party(_first(_agent(c.tok) for c in violent)) if violent else None
            if riot or para.violent is not None or (violent and agent_party in (L.PROTESTER, L.CIVILIAN, L.RIOTER)):
                sub, decisive = "Violent demonstration", (riot[0].tok if riot else para.violent)
            elif para.excessive is not None or (violent and agent_party == L.STATE and _pick(violent, "kill", "fire")):
                sub, decisive = "Excessive force against protesters", para.excessive
            elif para.intervention is not None or (violent and agent_party == L.STATE):
                sub, decisive = "Protest with intervention", para.intervention
            out.append(_Act(sub, anchor.tok, protest + riot, 0.85 if sub == "Peaceful protest" else 0.75, decisive))
            if violent and (agent_party in (L.STATE, L.PROTESTER, L.CIVILIAN, L.RIOTER, None)):
                violent = []
        else:
            sub = riot[0].sub or ("Violent demonstration" if para.protest_context or _key(riot[0].tok) in ("riot", "rioter", "rioting", "rampage") else "Mob violence")
            out.append(_Act(sub, riot[0].tok, riot, 0.7))
            agent_party = _party(_first(_agent(c.tok) for c in violent)) if violent else None
            if violent and not any(c.kind == "weapon" and c.weapon not in (L.SHELL, L.BLAST) for c in violent):
                out[-1].cues = riot + violent
                violent = []
    if not (protest or riot) and not acts_so_far_in_para(ctx, k):
        hit = next((t for t in _candidates(ctx.doc, sent.start, sent.end, _INTERVENTION_WORDS)
                    if _intervention(t) and (_is_noun(t) or _about_the_protest(t))), None)
        if hit is not None:
            sub = "Excessive force against protesters" if _excessive(hit) else "Protest with intervention"
            out.append(_Act(sub, hit, [], 0.5))
    if territory:
        t = territory[0]
        agent = _first(_agent(c.tok) for c in territory + violent)
        party = _party(agent)
        peaceful = not _pick(all_cues, *_VIOLENT) and not _words(t.tok) & {"clash", "fighting", "battle", "attack", "offensive", "assault", "shelling", "airstrike", "bombardment", "operation"}
        handed = _pick(all_cues, "transfer") or _words(t.tok) & {"withdraw", "withdrew", "withdrawn", "handover", "evacuation", "retreat", "retreated"}
        if peaceful and handed:
            sub = "Non-violent transfer of territory"
        elif party == L.STATE or (party is None and (_lem(t.tok) in L.REGAIN_VERBS or t.sub == "regain")):
            sub = "Government regains territory"
        else:
            sub = "Non-state actor overtakes territory"
        out.append(_Act(sub, t.tok, territory + violent, 0.75))
        violent = [c for c in violent if c.kind == "weapon" and c.weapon in (L.AIR,)] and []
    if violent:
        out.append(_violence(violent, sent, ctx.protest(k) if (protest or riot) else _Para(protest_context=_sentence_protest_context(sent[0]))))
    if transfer and not out:
        out.append(_Act("Non-violent transfer of territory", transfer[0].tok, transfer, 0.6))
    seen: set[str] = set()
    for c in others:
        if c.kind in seen:
            continue
        seen.add(c.kind)
        sub = _other_subtype(c, cues)
        if sub is None:
            continue
        if sub in ("Agreement", "Change to group/activity", "Other", "Headquarters or base established") and any(
                SUB_RANK(a.subcategory) < 3 for a in out):
            continue
        out.append(_Act(sub, c.tok, [c], _OTHER_CONFIDENCE.get(sub, 0.6)))
    return [(a, a.subcategory) for a in out]


_SPECIFIC = {"Sexual violence", "Abduction/forced disappearance"}
"""Within a sentence's gravest acts these come first: "beat and raped her" is sexual violence."""


_PROTEST_PEOPLE = {"protester", "protestor", "demonstrator", "marcher", "picketer", "striker"}


def acts_so_far_in_para(ctx: "_Context", k: int) -> bool:
    """Whether an act was found earlier in sentence k's paragraph."""
    para = ctx.paragraph_of(ctx.sents[k].start_char)
    return any(ctx.paragraph_of(start) == para for start in ctx.act_sentences)


def SUB_RANK(sub: str) -> int:
    return L.CATEGORY_RANK[L.SUBCATEGORIES[sub]]


_OTHER_CONFIDENCE = {
    "Abduction/forced disappearance": 0.85, "Sexual violence": 0.85, "Arrests": 0.85, "Disrupted weapons use": 0.75,
    "Looting/property destruction": 0.7, "Headquarters or base established": 0.75, "Change to group/activity": 0.55,
    "Agreement": 0.7, "Other": 0.4,
}


def _other_subtype(c: _Cue, cues: list[_Cue]) -> str | None:
    if c.sub:
        return c.sub
    if c.kind == "abduct":
        return "Abduction/forced disappearance"
    if c.kind == "sexual":
        return "Sexual violence"
    if c.kind == "arrest":
        agent = _agent(c.tok)
        if agent is not None and _party(agent) == L.ARMED and not _state_like(agent):
            return "Abduction/forced disappearance"
        return "Arrests"
    return {
        "disrupt": "Disrupted weapons use", "loot": "Looting/property destruction", "hq": "Headquarters or base established",
        "change": "Change to group/activity", "agree": "Agreement", "other": "Other",
    }.get(c.kind)


def _state_like(t: Token) -> bool:
    return bool({_lem(t), t.lower_} & {"police", "authority", "authorities", "security"} or _mod_words(t) & {"security", "police", "intelligence"})


def _sentence_protest_context(t: Token) -> bool:
    return not _words(t).isdisjoint(L.PROTEST_CONTEXT)


def _note_prefix(doc: Doc) -> tuple[str, Span] | None:
    """ACLED's own coding remark at the start of a note: "Movement of forces: On 9 May 2020, ..."."""
    text = doc[:12].text[:48]
    colon = text.find(":")
    if colon <= 2:
        return None
    sub = L.NOTE_PREFIXES.get(text[:colon].strip().lower())
    if sub is None:
        return None
    span = doc.char_span(0, colon, alignment_mode="expand")
    return (sub, span) if span is not None else None


def _count(act: _Act) -> int | None:
    """How many were arrested: the object's count ("arrested 3 managers", "56 aid workers"), 1 for a person named."""
    t = act.anchor
    slots = _kids(t, "dobj", "nsubjpass") if _is_verb(t) else [t]
    if _is_verb(t) and t.dep_ == "acl":
        slots = slots or [t.head]
    for s in slots:
        for group in [s] + [c for c in s.children if c.dep_ == "conj"]:
            count = read_count(group, definite=True) if _is_verb(t) else read_count(group)
            if count is not None and count.amount.count is not None and group.lower_ not in ("them", "they"):
                total = count.amount.count
                return total
    if _is_noun(t):
        return None
    return None


def _cue_lemma(t: Token) -> str:
    """The trigger's lemma; for a modifier ("drone" strike, "roadside" bomb) the noun's, joined: "drone strike"."""
    if t.dep_ in ("compound", "amod") and 0 < t.head.i - t.i <= 3 and _is_noun(t.head):
        return f"{t.lower_} {_key(t.head)}"
    return _key(t) or t.lower_


def _evidence(act: _Act, sent: Span) -> tuple[int, int]:
    """The cue (with the noun it modifies: "drone" → "drone strike") and, when near, the word that decided the
    sub-type."""
    toks = [act.anchor]
    if act.anchor.dep_ in ("compound", "amod") and 0 < act.anchor.head.i - act.anchor.i <= 3:
        toks.append(act.anchor.head)
    if act.decisive is not None and sent.start <= act.decisive.i < sent.end and abs(act.decisive.i - act.anchor.i) <= 12:
        toks.append(act.decisive)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _actor_for(act: _Act, sub: str, ctx: _Context) -> tuple[str | None, str | None, str | None]:
    """(actor, actor as written, target) for an act."""
    agent_tok = _agent(act.anchor)
    if agent_tok is None:
        for c in act.cues:
            agent_tok = _agent(c.tok)
            if agent_tok is not None:
                break
    target_tok = _target(act.anchor)
    if target_tok is None:
        target_tok = _first(_target(c.tok) for c in act.cues)
    if target_tok is not None and agent_tok is not None and target_tok.i == agent_tok.i:
        target_tok = None
    if target_tok is not None and _party(target_tok) is None and not (
            L.SUBCATEGORIES[sub] == L.BATTLES and _place(target_tok) or L.SUBCATEGORIES[sub] == L.STRATEGIC):
        target_tok = None  # "burned tyres", "clashed with sticks": a thing, not a party
    if L.SUBCATEGORIES[sub] == L.PROTESTS and target_tok is not None and target_tok.i < act.anchor.i and sub == "Peaceful protest":
        target_tok = None
    actor, mention = ctx.resolve(agent_tok)
    target, _ = ctx.resolve(target_tok) if target_tok is not None else (None, None)
    if actor is not None and target is not None and actor == target:
        target = None
    category = L.SUBCATEGORIES[sub]
    if category in (L.PROTESTS, L.RIOTS) and sub != "Excessive force against protesters":
        role = "protesters" if category == L.PROTESTS else "rioters"
        if actor is None:
            actor = role
        elif role[:5] not in actor.lower():
            actor = f"{role} ({actor})"
    return actor, mention, target


def find_actions(doc: Doc) -> list[ActionMention]:
    """Every act reported in `doc`, one `ActionMention` per act and sentence (see the module doc for the rules)."""
    ctx = _Context(doc)
    out: list[ActionMention] = []
    prefix = _note_prefix(doc)
    for k, sent in enumerate(ctx.sents):
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        acts = _sentence_acts(k, sent, ctx, len(out))
        if k == 0 and prefix is not None:
            sub, span = prefix
            after = [a for a, _ in acts if a.anchor.i >= span.end]
            anchor = after[0].anchor if after else (acts[0][0].anchor if acts else span.root)
            cues = after[0].cues if after else (acts[0][0].cues if acts else [])
            acts = [(_Act(sub, anchor, cues, 0.9), sub)]
        acts.sort(key=lambda a: (SUB_RANK(a[1]), a[1] not in _SPECIFIC, a[0].anchor.i))
        if acts:
            ctx.act_sentences.append(sent.start_char)
        for act, sub in acts:
            actor, mention, target = _actor_for(act, sub, ctx)
            if actor is not None:
                ctx.previous_actor = actor.split(" (")[0] if L.SUBCATEGORIES[sub] not in (L.PROTESTS, L.RIOTS) else ctx.previous_actor
            start, end = _evidence(act, sent)
            out.append(ActionMention(
                category=L.SUBCATEGORIES[sub], subcategory=sub, actor=actor, target=target, cue=_cue_lemma(act.anchor),
                char_start=start, char_end=end, sent_start=sent.start_char, sent_end=sent.end_char,
                count=_count(act) if sub == "Arrests" else None,
                confidence=round(act.confidence - (0.1 if actor is None else 0.0), 2), actor_mention=mention,
            ))
    return out


# --- casualties to their act --------------------------------------------------------------------------------

LINKABLE_ACROSS_SENTENCES = frozenset(
    sub for sub in L.SUBCATEGORIES
    if sub not in ("Arrests", "Agreement", "Headquarters or base established", "Change to group/activity",
                   "Non-violent transfer of territory", "Peaceful protest", "Other")
)
"""Acts a casualty figure in a later sentence may come from (an agreement or an arrest kills no one)."""


def link_casualties(actions: list[ActionMention], casualty_spans: list[tuple[int, int, int]], text: str | None = None) -> list[int | None]:
    """For each casualty (char_start, char_end, sent_start), the index in `actions` of the act it comes from.

    The rule: an act of the casualty's own sentence first (of several, the violent one nearest to the figure;
    "3 killed in an air strike" and "killing 2" belong to their sentence's act); else the nearest act before it
    in the same paragraph that can cause casualties (not an arrest, agreement, base, movement, transfer,
    peaceful protest or "other"); else None. Paragraphs are split at newlines of `text` (without `text`, the
    whole text is one paragraph).
    """
    breaks = [i for i, ch in enumerate(text) if ch == "\n"] if text else []
    out: list[int | None] = []
    for start, end, sent_start in casualty_spans:
        same = [i for i, a in enumerate(actions) if a.sent_start == sent_start]
        if same:
            violent = [i for i in same if actions[i].subcategory in LINKABLE_ACROSS_SENTENCES] or same
            out.append(min(violent, key=lambda i: (min(abs(actions[i].char_start - start), abs(actions[i].char_end - end)), i)))
            continue
        para = bisect.bisect_left(breaks, start)
        before = [
            i for i, a in enumerate(actions)
            if a.char_end <= start and a.subcategory in LINKABLE_ACROSS_SENTENCES and bisect.bisect_left(breaks, a.char_start) == para
        ]
        out.append(max(before, key=lambda i: (actions[i].char_start, i)) if before else None)
    return out
