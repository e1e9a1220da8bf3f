"""Casualty figures: one `Event(event_type='casualty')` per count an analyst can sum.

How it reads a sentence: find a casualty cue (kill, die, wound, "death toll", "claimed ... lives"...), find the
slot that holds its victims (the passive subject, the object, the subject of "die"...), and read the count phrase
there (`casualty_counts.read_count`). Conjoined groups ("2 soldiers and 3 civilians") are separate rows;
"including two civilians" is a row whose `subset_of` is the larger count's key.

The rule analysts rely on (`counts_toward_toll` here, the view `death_toll_rows` in load/schema.sql): summing
`casualty_count` over rows with kind 'killed', not cumulative and not a subset, gives the article's death toll. To keep that true, a figure restated later in the article with the same kind
and count (and cumulative flag) is not emitted twice. Two separate incidents with the same figure in
different sentences are then under-counted: the known, documented price of not double counting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..casualty_counts import Count, read_count
from ..lexicon import FIGURE_SOURCE_VERBS
from ..records import Event
from ..speakers import source_name

if TYPE_CHECKING:  # spaCy loads with the model, in the NLP workers; the registry and records do not need it
    from spacy.tokens import Doc, Span, Token

class Casualty:
    """The `casualty` event type: `casualty_count` people (`victims`) were `casualty_kind` (killed, wounded, missing,
    kidnapped, arrested), with bounds, qualifier, subsets (`subset_of`) and running tolls (`is_cumulative`)."""

    name = "casualty"
    label = "casualty figure"
    colour = "#ffd2c8"

    def extract(self, doc: Doc) -> list[Event]:
        return extract_casualties(doc)

    def takes_article_place(self, event: Event) -> bool:
        """A figure of one incident with no place in its sentence happened where the article is about; a running
        toll belongs to a war, not to the place the article is about."""
        return not event.is_cumulative


def counts_toward_toll(event: Event) -> bool:
    """The death-toll rule: a killed figure of one incident, not part of a larger count already listed. Summing
    `casualty_count` over such rows never counts a death twice. (SQL: the view `death_toll_rows`.)"""
    return (event.event_type == "casualty" and event.casualty_kind == "killed" and not event.is_cumulative
            and event.subset_of is None)


def counts_toward_wounded(event: Event) -> bool:
    """The same rule for the wounded: an article's wounded total sums these rows without double counting."""
    return (event.event_type == "casualty" and event.casualty_kind == "wounded" and not event.is_cumulative
            and event.subset_of is None)


VERB_KINDS: dict[str, str] = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed", "behead": "killed",
    "massacre": "killed", "wound": "wounded", "injure": "wounded", "hurt": "wounded", "kidnap": "kidnapped",
    "abduct": "kidnapped", "arrest": "arrested", "detain": "arrested",
}
"""Verb lemma → `casualty_kind`."""

ADJ_KINDS: dict[str, str] = {"dead": "killed", "missing": "missing", "injured": "wounded", "wounded": "wounded"}
NOUN_KINDS: dict[str, str] = {
    "death": "killed", "fatality": "killed", "toll": "killed", "injury": "wounded", "dead": "killed",
    "injured": "wounded", "wounded": "wounded",
}
HYPOTHETICAL_AUX = {"could", "would", "may", "might", "should", "can", "will", "'ll", "must"}
HYPOTHETICAL_HEADS = {
    "threaten", "plan", "vow", "risk", "fear", "try", "attempt", "seek", "aim", "want", "warn", "intend",
    "prevent", "avoid", "order", "call", "urge", "allow", "help",
}
RUNNING_SUBJECTS = {"war", "conflict", "fighting", "insurgency", "violence", "pandemic", "crisis", "offensive", "campaign", "epidemic", "outbreak", "virus"}
_CLAUSE_BREAKS = {"conj", "ccomp", "advcl", "parataxis", "relcl", "xcomp", "csubj"}


def _cue_kind(tok: Token) -> tuple[str, str] | None:
    """(kind, cue lemma) when `tok` is a casualty cue."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        if lemma in VERB_KINDS:
            return VERB_KINDS[lemma], lemma
        if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in tok.children):
            return "killed", "claim"
        if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in tok.children):
            return "killed", "lose"
        if lemma in ("find", "recover", "discover", "retrieve") and _has_bodies(tok):
            return "killed", "find"
        if lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children):
            return "killed", "shoot"
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children):
            return "killed", lemma  # "beaten to death", "stabbed to death"
        if low in ("injured", "wounded") and tok.tag_ == "VBN":
            return "wounded", lemma
        if low == "missing":
            return "missing", "miss"
    if tok.pos_ == "ADJ" and low in ADJ_KINDS and not (low == "dead" and tok.head.lemma_ == "shoot"):
        return ADJ_KINDS[low], "die" if low == "dead" else lemma
    if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_KINDS and not (lemma == "death" and tok.head.lower_ == "to"):
        return NOUN_KINDS[lemma], lemma
    return None


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
    if _kids(verb, "nsubj", "nsubjpass", "dobj"):
        return []
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB" and not any(c.lower_ in ("or", "either") for c in head.children):
        return _kids(head, "nsubjpass")
    if verb.dep_ in ("xcomp", "oprd", "ccomp") and head.lemma_.lower() in ("report", "confirm", "believe", "fear", "think", "say", "presume"):
        return _kids(head, "nsubjpass")
    return []


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
                     and any(n.dep_ == "nummod" for n in c.children) and not any(n.lower_ == "them" for n in c.subtree))
    return out


def _victim_slots(cue: Token, lemma: str) -> list[Token]:
    """The tokens that hold the victims of a cue, before reading any count."""
    if lemma == "toll":
        return _toll_slots(cue)
    if cue.pos_ in ("NOUN", "PROPN"):  # "12 deaths", "deaths of 3 people", "20 dead"
        return [cue]
    if cue.pos_ == "ADJ" and cue.lower_ in ADJ_KINDS:
        if any(c.dep_ in ("nummod", "det", "quantmod") for c in cue.children):
            return [cue]
        if cue.dep_ == "amod":
            return [cue.head]
        if cue.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advcl", "conj"):
            head = cue.head
            objects = _kids(head, "dobj") or _kids(head, "nsubj", "nsubjpass")
            return objects
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
    objects = _kids(cue, "dobj")
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
    if lemma == "die" or (cue.lower_ in ("injured", "wounded") and not _kids(cue, "dobj")):
        return _subjects(cue)
    if objects:
        return objects
    # telegraphic passive, as in wire notes: "1 soldier killed", "12 killed", "hundreds injured"
    return [s for s in _subjects(cue) if read_count(s) is not None]


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


def _negated_or_hypothetical(cue: Token) -> bool:
    """True for "no one was killed", "could kill thousands", "threatened to kill 10", "if 5 die"."""
    for c in cue.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX) or (c.dep_ == "mark" and c.lower_ in ("if", "unless")):
            return True
    head = cue
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj") or head.head.i == head.i:
            break
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
    for tok in verb.subtree:
        if tok.lower_ == "since" and tok.head.i == verb.i or (tok.lower_ in ("far", "date") and tok.head.lower_ in ("so", "to")):
            return True
        if tok.lower_ == "far" and any(c.lower_ == "so" for c in tok.children):
            return True
    if present_perfect and (lemma == "claim" or any(c.dep_ == "nsubj" and c.lemma_.lower() in RUNNING_SUBJECTS for c in verb.children)):
        return True
    if lemma == "claim" and any(c.dep_ == "nsubj" and c.lemma_.lower() in RUNNING_SUBJECTS for c in verb.children):
        return True
    return False


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


def _sentence_casualties(sent: Span, used: set[tuple[int, str]]) -> list[Event]:
    events: list[Event] = []
    for cue in sent:
        found = _cue_kind(cue)
        if found is None:
            continue
        kind, lemma = found
        if _negated_or_hypothetical(cue):
            continue
        cumulative = _is_cumulative(cue, lemma)
        reporter = _reported_by(cue)
        parents: list[Event] = []
        parent_tokens: set[int] = set()
        for slot in _victim_slots(cue, lemma):
            for group in _with_conjuncts(slot):
                if group.i != slot.i and any(c.i != cue.i and _cue_kind(c) for c in group.children):
                    continue  # "one dead and three injured": the conjunct has its own cue
                count = read_count(group)
                if count is None and (lemma in VERB_KINDS or lemma == "shoot") and group.dep_ == "dobj":
                    count = read_count(group, definite=True)  # "killed the director", "shot the driver dead"
                if count is None:
                    count = _stray_number(group)
                if count is None and group.i != slot.i and parents:
                    count = read_count(group, definite=True)  # "1 commander and his guard": one more
                if count is None or _negative(group) or any((t.i, kind) in used for t in count.tokens if t.like_num):
                    continue
                used.update((t.i, kind) for t in count.tokens)
                parent_tokens.update(t.i for t in count.tokens)
                parents.append(
                    _event(count, kind, lemma, cue, sent, group.i == slot.i, is_cumulative=cumulative, reported_by=reporter)
                )
        events.extend(parents)
        if not parents:
            continue
        for marker, count in _subset_counts(cue, parent_tokens):
            parent = max((p for p in parents if p.char_start <= marker.idx), key=lambda p: p.char_start, default=parents[0])
            if count.amount.count >= (parent.casualty_count or 0) or any((t.i, kind) in used for t in count.tokens):
                continue
            used.update((t.i, kind) for t in count.tokens)
            events.append(
                _event(count, kind, lemma, cue, sent, is_cumulative=cumulative, reported_by=reporter, subset_of=parent.key)
            )
    return events


def _stray_number(slot: Token) -> Count | None:
    """"5 IS militants": a number the parser hung on an all-caps acronym it took for a verb."""
    doc, i = slot.doc, slot.i - 1
    while i > slot.sent.start and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i]) <= 5:
        i -= 1
    if i < slot.i - 1 and doc[i].like_num and doc[i].head.i != slot.i:
        return read_count(doc[i])
    return None


def _restatement_key(event: Event) -> tuple:
    """What a later sentence must repeat to be the same figure restated: kind, count and running-toll flag;
    for a single victim also who ("a soldier was killed ... a militant was killed" are two deaths)."""
    victims = (event.victims or "").lower() if event.casualty_count == 1 else ""
    return event.casualty_kind, event.casualty_count, event.is_cumulative, victims


def extract_casualties(doc: Doc) -> list[Event]:
    """Every casualty figure in `doc`, one `Event(event_type='casualty')` each (see the module doc for the rules)."""
    events: list[Event] = []
    used: set[tuple[int, str]] = set()
    seen: set[tuple] = set()
    for sent in doc.sents:
        sent_events = _sentence_casualties(sent, used)
        keys = {_restatement_key(e) for e in sent_events if e.subset_of is None}
        dropped = {e.key for e in sent_events if e.subset_of is None and _restatement_key(e) in seen}
        events.extend(e for e in sent_events if e.key not in dropped and e.subset_of not in dropped)
        seen |= keys
    return events
