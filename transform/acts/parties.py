"""Who did an act and to whom: the agent and target of a cue, what kind of party a noun names (state forces,
other armed groups, civilians, protesters, rioters), and the name an actor is given ("Saudi-led coalition" from
"Saudi-led coalition airstrikes", a date run into a mention cut off)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lexicon as L
from .tokens import (
    is_verb,
    kids,
    lemma_of,
    mod_words,
    modifiers,
    objects_with_conj,
    prep_objects,
    word_key,
)

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers
    from spacy.tokens import Token


AIR_VEHICLES = {"warplane", "jet", "helicopter", "gunship", "aircraft", "airplane", "bomber", "plane", "drone", "uav", "chopper"}


FIRE_OBJECTS = {"shot", "bullet", "round", "shell", "missile", "rocket", "mortar", "grenade", "gun", "weapon",
                 "fire", "gunfire", "volley", "burst", "projectile", "artillery", "salvo", "arm", "machinegun",
                 "rifle", "cannon", "ifv", "launcher", "tank", "bmp", "torpedo", "flare", "ammunition"}


_LIGHT_VERBS = {"open", "carry", "launch", "conduct", "stage", "hold", "mount", "organize", "organise", "lead", "unleash",
                "execute", "perpetrate", "commit", "make", "undertake", "initiate", "call", "begin", "start",
                "continue", "take", "join", "participate", "claim", "wage", "fight", "engage", "observe",
                "organize", "resume", "intensify", "step", "plan", "observe"}


_OCCUR_VERBS = {"erupt", "break", "take", "occur", "ensue", "continue", "happen", "rage", "flare", "resume",
                "intensify", "escalate", "report", "last", "start", "begin", "follow", "see", "witness"}


def crowd_word(t: Token) -> bool:
    return lemma_of(t) in L.RIOT_CROWDS or t.lower_ in L.RIOT_CROWDS


def state_subject(t: Token) -> bool:
    subj = agent_of(t)
    return subj is not None and party_of(subj) == L.STATE


def is_place(t: Token | None) -> bool:
    if t is None:
        return False
    return t.ent_type_ in ("GPE", "LOC", "FAC") or lemma_of(t) in L.PLACE_NOUNS or t.lower_ in L.PLACE_NOUNS or (
        t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE"))


def place_objects(t: Token) -> list[Token]:
    objs = objects_with_conj(t)
    out = [o for o in objs if is_place(o) and not (lemma_of(o) in L.PROPERTY and lemma_of(o) not in L.PLACE_NOUNS)]
    for o in objs:
        if lemma_of(o) in L.CONTROL_NOUNS:
            out.extend(x for x in prep_objects(o, "of", "over") if is_place(x) or x.pos_ in ("NOUN", "PROPN"))
    return out


def subject_of(t: Token) -> Token | None:
    """The active subject of a verb, also across conjoined verbs and "continued to attack"."""
    seen = 0
    while seen < 4:
        subj = kids(t, "nsubj")
        if subj:
            before = [x for x in subj if x.i < t.i]
            return before[-1] if before else subj[0]  # "Looting: ..., rebels looted": the nearest
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX", "NOUN"):
            if kids(t, "nsubjpass") or t.dep_ == "xcomp" and kids(t, "auxpass"):
                return None  # "hospitals continued to be targeted": the subject is who it was done to
            t = t.head
            seen += 1
            continue
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.i != t.i:
            t = t.head
            seen += 1
            continue
        for c in t.children:  # "Brigade and forces (coded as ...) clashed": the subject hung on the parenthesis
            if c.dep_ in ("advcl", "parataxis") and c.i < t.i:
                stray = [x for x in kids(c, "nsubj") if x.i < c.i and x.ent_type_ not in ("DATE", "TIME")]
                if stray:
                    return stray[0]
        return None
    return None


def agent_of(t: Token) -> Token | None:
    """Who did the act the cue `t` names: subject, "by" agent, possessor, modifier, or the subject of the
    light verb governing a noun cue ("carried out an attack", "held a protest")."""
    if is_verb(t) or t.pos_ == "AUX":
        by = [o for a in kids(t, "agent") for o in kids(a, "pobj")] or [o for o in prep_objects(t, "by") if o.dep_ == "pobj"]
        by = [o for o in by if o.ent_type_ not in ("DATE", "TIME", "PERCENT", "QUANTITY") and lemma_of(o) not in _BY_MEASURES]
        if by:
            return by[0]
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and _headline_subject(t):
            return t.head  # "ISWAP militants abducted 4 people" parsed as a noun phrase
        if kids(t, "nsubjpass") or (t.dep_ == "acl" and t.tag_ == "VBN"):
            return None
        if lemma_of(t) in ("die", "succumb", "perish"):
            return None
        subj = subject_of(t)
        if subj is not None and subj.ent_type_ in ("DATE", "TIME"):
            subj = None
        if subj is not None and (subj.pos_ == "NUM" or subj.like_num) and party_of(subj) is None:
            subj = None  # "14 were killed and 31 wounded": a number alone is a count of victims, never an actor
        if subj is not None and subj.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (subj.lower_ in ("it", "this", "which", "that") and lemma_of(t) in ("attack", "explode")):
            if _is_weapon_noun(subj) or lemma_of(subj) in ("attack", "clash", "explosion", "strike", "fire", "fighting"):
                return agent_of(subj)
            return subj
        return None
    # noun cue
    by = [o for o in prep_objects(t, "by", "from") if o.dep_ == "pobj"] or [o for a in kids(t, "agent") for o in kids(a, "pobj")]
    by = [b for b in by if not is_place(b) or b.ent_type_ in ("NORP", "ORG") or party_of(b) is not None]
    if by:
        return by[0]
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "an IED planted by BLA", "a mortar fired by X"
            by = [o for a in kids(c, "agent") for o in kids(a, "pobj")]
            if by:
                return by[0]
    poss = kids(t, "poss")
    if poss and poss[0].lower_ in ("their", "its"):
        return _antecedent(poss[0]) or poss[0]
    if poss and poss[0].lower_ not in ("his", "her"):
        return poss[0]
    for m in sorted(kids(t, "compound", "amod", "nmod", "npadvmod"), key=lambda x: -x.i):
        if m.ent_type_ in ("ORG", "NORP", "GPE") or (party_of(m) in (L.STATE, L.ARMED, L.PROTESTER, L.RIOTER) and word_key(m) not in L.ARMED_ASSETS) or any(
                g.ent_type_ in ("ORG", "NORP", "GPE") for g in m.subtree):
            if lemma_of(m) in ("air", "roadside", "car", "suicide", "tank", "anti"):
                continue
            return m
    if t.dep_ == "dobj" and is_verb(t.head) and lemma_of(t.head) not in _NOT_AUTHOR_VERBS:
        return agent_of(t.head)  # "threw a grenade", "sent reinforcements", "recovered 153 bombs"
    if t.dep_ == "dobj" and lemma_of(t.head) in ("repel", "thwart", "foil", "repulse", "counter", "fend", "prevent"):
        of = [o for o in prep_objects(t, "of", "by") if o.dep_ == "pobj"]
        if of:
            return of[0]
    between = prep_objects(t, "between")
    if between:
        return between[0]
    head = t.head
    if t.dep_ in ("dobj", "attr", "pobj") and (lemma_of(head) in _LIGHT_VERBS or head.dep_ == "prep" and lemma_of(head.head) in _LIGHT_VERBS):
        verb = head if t.dep_ != "pobj" else head.head
        if t.dep_ == "pobj" and head.lower_ not in ("in", "on", "to"):
            return None
        return agent_of(verb) if verb.i != t.i else None
    if t.dep_ in ("nsubj", "nsubjpass") and lemma_of(head) in _OCCUR_VERBS:
        between = prep_objects(head, "between")
        if between:
            return between[0]
    if t.dep_ in ("nsubj",) and lemma_of(head) in ("kill", "injure", "wound", "leave", "claim", "destroy", "hit", "target", "damage"):
        return None
    return None


_BY_MEASURES = {"day", "week", "month", "year", "hour", "decade", "percent", "margin", "vote", "majority", "mile", "metre",
                "meter", "kilometre", "kilometer", "point", "half", "third", "quarter"}
"""'extended by a month', 'cut by half': a measure after 'by', not an author."""


_NOT_AUTHOR_VERBS = {
    "say", "report", "condemn", "claim", "deny", "blame", "confirm", "announce", "witness", "see", "fear", "describe",
    "call", "welcome", "investigate", "denounce", "prevent", "repel", "thwart", "foil", "repulse", "counter", "fend",
    "survive", "escape", "flee", "suffer", "protest", "mourn", "document", "record", "observe", "hear", "follow",
    "avoid", "stop", "end", "resist", "oppose", "demand", "reject", "criticize", "criticise", "decry", "mark", "remember",
    "cover", "film", "photograph", "monitor", "track", "accuse", "allege", "cause", "trigger", "spark", "provoke",
    "discuss", "debate", "raise", "mention", "address", "examine", "review", "probe", "analyse", "analyze", "highlight",
    "note", "cite", "dismiss", "downplay", "question", "justify", "defend", "praise", "celebrate", "applaud", "hail",
    "recount", "describe", "detail", "explain", "discuss", "deplore", "lament", "regret", "blame", "attribute",
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
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") and party_of(tok) in (L.STATE, L.ARMED):
            return tok
    return None


def _headline_subject(t: Token) -> bool:
    """A past participle hung on the sentence's root noun ("militants abducted two people", no finite verb):
    the noun is its subject, not its object."""
    head = t.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and (
        t.tag_ == "VBD" or party_of(head) in (L.STATE, L.ARMED, L.RIOTER, L.PROTESTER) or word_key(t) in _INTRANSITIVE
    ) and not any(c.dep_ == "agent" for c in t.children)


_INTRANSITIVE = {"protest", "demonstrate", "rally", "march", "clash", "fight", "riot", "gather", "strike", "picket", "die"}


def _is_weapon_noun(t: Token) -> bool:
    k = word_key(t)
    return k in L.WEAPON_NOUNS or k in AIR_VEHICLES or k in ("airstrike", "strike")


def target_of(t: Token) -> Token | None:
    """Against whom: object, "at/on/against/with" phrase, the passive subject, "targeting X", "between A and B"."""
    cands: list[Token] = []
    if is_verb(t):
        cands += [o for o in kids(t, "dobj") if not _is_weapon_noun(o) and lemma_of(o) not in FIRE_OBJECTS | {"control", "fire"}]
        cands += prep_objects(t, "at", "on", "upon", "against", "into", "towards", "toward", "with")
        cands += kids(t, "nsubjpass")
        if not cands and t.dep_ == "conj" and is_verb(t.head):
            cands += kids(t.head, "nsubjpass") or [o for o in kids(t.head, "dobj") if not _is_weapon_noun(o)]
        if t.dep_ == "acl" and t.tag_ == "VBN" and not _is_weapon_noun(t.head) and not _headline_subject(t):
            cands.append(t.head)
        for c in t.children:
            if c.dep_ in ("advcl", "acl", "xcomp") and lemma_of(c) in ("target", "hit", "attack"):
                cands += kids(c, "dobj")
    else:
        cands += prep_objects(t, "on", "against", "at", "targeting", "with", "upon", "in")
        between = prep_objects(t, "between") or (prep_objects(t.head, "between") if t.dep_ == "nsubj" else [])
        for b in between:
            cands += [c for c in b.children if c.dep_ == "conj"]
        for c in t.children:
            if c.dep_ in ("acl", "relcl", "advcl") and lemma_of(c) in ("target", "hit", "attack"):
                cands += kids(c, "dobj")
        if t.dep_ in ("dobj", "attr") and lemma_of(t.head) in _LIGHT_VERBS:
            cands += prep_objects(t.head, "on", "against", "at", "upon", "towards", "toward", "with", "into")
        if t.dep_ == "nsubj" and lemma_of(t.head) in ("target", "hit", "attack", "strike", "kill", "injure", "wound", "destroy", "damage"):
            cands += [o for o in kids(t.head, "dobj") if not _is_weapon_noun(o)]
    cands = [c for c in cands if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (c.ent_type_ in ("DATE", "TIME"))]
    cands = [c for c in cands if not (is_place(c) and party_of(c) is None and (c.head.lower_ == "in" or c.ent_type_ in ("GPE", "LOC", "FAC")))]
    return cands[0] if cands else None


_PARTY_KEY = ("eventwire", "action_party")


def party_of(t: Token | None) -> str | None:
    """What kind of party a noun names: state forces, other armed groups, civilians, protesters, rioters
    (decided once per token)."""
    if t is None:
        return None
    memo = t.doc.user_data.setdefault(_PARTY_KEY, {})
    if t.i not in memo:
        memo[t.i] = _party_of(t)
    return memo[t.i]


def _party_of(t: Token) -> str | None:
    key = word_key(t)
    low = t.lower_
    words = {key, low}
    mods = mod_words(t)
    if key in ("member", "element", "group", "unit", "some", "dozens", "dozen", "hundreds", "hundred", "one", "two", "number", "team", "band", "all",
               "many", "several", "rest", "remnant", "supporter", "loyalist", "affiliate", "score", "scores", "tens", "thousands", "lot",
               "handful", "majority", "total", "most", "few", "none", "batch", "contingent") or t.like_num:
        for o in prep_objects(t, "of"):
            inner = party_of(o)
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
        if any(party_of(o) == L.CIVILIAN and word_key(o) in _UNPROTECTED for o in prep_objects(t, "of")):
            return L.CIVILIAN  # "a convoy of aid workers", "a camp of displaced families" (not "of the deputy governor")
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
    if key in _CONTAINERS and mods & L.CIVILIAN_WORDS:
        return L.CIVILIAN  # "a university campus", "the school compound", "a hospital ward"
    return None


_UNPROTECTED = {"worker", "civilian", "refugee", "people", "person", "family", "villager", "passenger", "student", "child",
                "woman", "man", "pilgrim", "trader", "resident", "patient", "journalist", "idp", "migrant", "aid",
                "humanitarian", "volunteer", "medic", "doctor", "nurse", "staff", "employee", "driver", "truck", "lorry",
                "bus", "car", "vehicle", "evacuee", "mourner", "worshipper", "farmer", "herder", "ngo", "organisation",
                "organization", "charity", "agency"}
"""Who travels or camps unguarded: a convoy or camp of these is civilian (one of an official has an escort)."""


_CONTAINERS = {"campus", "complex", "compound", "building", "premises", "ward", "hall", "facility", "grounds", "dormitory",
               "hostel", "quarter", "quarters", "block", "estate", "site", "centre", "center", "area", "yard", "gate"}
"""Nouns that say only where: what kind of party they are comes from their modifier."""


DATE_LEAD = re.compile(r"^(?:(?:On|Around|As reported on|Between|In|By|Since)\b[^,]{0,60}\d{4}\)?,\s*)+")


_PLANTED = re.compile(r"-(?:planted|laid|placed|made|fired|launched|affiliated|aligned)$", re.I)


def modifier_name(tok: Token) -> str:
    """The name a noun's modifiers give its author: "Saudi-led coalition" airstrikes, "Taliban"-planted mine."""
    head = tok.head
    mods = [m for m in modifiers(head) if m.i <= tok.i and m.dep_ not in ("nummod", "det", "poss") and not m.like_num]
    left = min([m.i for m in mods] + [tok.i])
    doc = tok.doc
    # from the left, drop numbers, punctuation, articles and plain adjectives ("relentless", "deadliest", "single")
    while left < tok.i and (doc[left].like_num or doc[left].is_punct or doc[left].lower_ in ("the", "a", "an") or (
            doc[left].pos_ == "ADJ" and not doc[left].ent_type_ and doc[left].i + 1 < len(doc) and doc[left + 1].text != "-")):
        left += 1
    text = doc[left:tok.i + 1].text
    return _PLANTED.sub("", text).removesuffix("’s").removesuffix("'s")


def short(tok: Token) -> str:
    """A long mention cut to the noun and what stands before it ("soldiers of the 1st ... brigade loyal to ..." →
    "soldiers of the 1st Naval Infantry brigade")."""
    left = min([tok.i] + [m.i for m in modifiers(tok)] + [c.i for c in tok.children if c.dep_ == "det"])
    end = tok.i + 1
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of" and p.i == end:
            end = max(x.i for x in p.subtree) + 1
            break
    span = tok.doc[left:end]
    return span.text if len(span.text) <= 80 else tok.doc[left:tok.i + 1].text
