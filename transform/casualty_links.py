"""Which casualty figures of one article are new victims, and which restate, sum up or contain others.

News repeats itself: a lead gives the total ("Two men were shot dead"), later sentences name the victims ("Mark
Ruiz, 35, died at the scene", "the second man was pronounced dead at the hospital"), a wire note closes with a
tally ("... a man was shot dead in a bar. 1 fatality.") or quotes another source's figure in parentheses. Every
figure is kept as a row, but only new victims count: a row that restates, sums up, or is part of another gets
`subset_of` = that row's key, so summing the rows the toll rule takes never counts a person twice.

The rule, per casualty kind, reading the article's figures in order (running tolls only restate each other):
  0. The article's own incident is its first figure's (the first not said to be of an earlier time, where the text
     dates a later one near publication); a figure the text puts before it ("in 2005", "two years ago", a date more
     than a week before a dated one or half a year before an undated one, "a previous shooting", "in retaliation for
     a shooting that left one dead", "the attack came 10 days after a gunman killed five", "six months before that",
     "last week" where the article's own figure is not dated so) recalls another incident: `recalled`, kept, never
     in the toll, and never the same people as the article's own figures. So is a figure its clause puts in another
     incident than the article's own ("In a separate shooting, a man was wounded", "was killed in another shooting a
     block away"): the toll is the article's own incident's, as GVA and ACLED count it, not the sum of every
     incident a round-up tells of. An undated first figure whose day a later figure of the same people tells ("A
     15-year-old has been killed ... John Doe was pronounced dead Saturday") is dated by it; a figure whose
     victim's age is a recalled figure's and not the article's own victim's is that recalled incident said again.
  1. A closing tally or stated total ("1 fatality.", "Total fatalities coded as 5", "a total of 18", a wire
     note's "Fatalities are split across 2 events (3)") that equals one figure already counted, or their sum,
     restates them; any other tally is the article's own total: it counts, and the figures before it become
     its parts (or, where the tally corrects them, figures it supersedes).
  2. A figure in parentheses after another ("3 policemen (2 according to Taliban sources)", "(VoJ reported 1
     fatality)") is another source's figure for the same victims: linked to the nearest earlier figure.
  3. A name already counted is the same person ("Mark Ruiz" ... "Ruiz" ... "Mark"); a new name fills a victim
     counted without a name ("a man ... Mark Ruiz") before it counts as one more.
  4. "he", "the victim", "the two men": the same people as figures already counted when there are enough of them;
     but one named by kin ("his wife") is not the one person of a figure of its own sentence ("A man was found
     dead after he killed his wife": two), and the suspect or the gunman is none of the victims of a killing
     done by someone ("a gunman killed 49 ... the shooter is dead", "a triple murder ... killing the suspect"),
     while he is one of the dead counted without saying who killed them ("Three people are dead, including the
     shooter ... the suspect has also been confirmed dead": three). "He" in the sentence of a killing whose doer
     is said is the doer ("Four people were killed by a man before he was shot and killed by police": five).
  5. A number or "a man": new unless the compatible figures already counted hold at least as many; a larger
     figure is a new total that contains them. A vague figure ("several people were shot", "dozens") yields to
     an exact one of two or more said later in another sentence ("Eight victims were taken to hospitals").
  5b. A wounded figure larger than the wounded counted by just the dead counted before it ("A man was killed and
     three others wounded. Officers found four victims with gunshot wounds"): everyone shot, restating both.
  5c. A vague figure said after an exact one of its kind ("Five people were injured ... several people were
     shot", "Two officers were wounded ... several injuries are reported") restates it: a loose word adds no one
     to a count the article has given exactly (but "several others" says more: rule 6).
  6a. An ordinal ("a fourth victim", "the second man", "a third person died") is one of those already counted
     when the incident's figures so far (of its kind, or of every kind once its kind has one) reach its rank;
     else one more ("two men were wounded ... a third man was killed"). One said to survive is none of the hurt
     said to die later: "shooting a 15-year-old boy ... he died three days later. A second victim ... was hit in
     the leg and survived" is one more.
  6b. "Another man" after a total and one of its people ("Four men were wounded. A man, 25, was shot in the
     leg. Another man, 21, was shot in the arm."): another of those listed one by one, while the total holds
     more than those listed so far; else one more. So is one marked only by "also" ("Five people are dead ...
     he killed his father. Alex Ruiz also died"): more than the one just said, within the total.
  6. Marked as more ("another man", "1 civilian was also killed" after no total, "in a separate shooting"):
     always new. "Two other people" says more than those named just before it in its sentence only: across
     sentences it may restate ("four people were wounded ... four other victims were taken to hospital").
  6c. One who killed himself, after the dead were counted without saying who killed them ("Five people died in
     a murder-suicide ... he shot his wife and three children before killing himself", "a standoff that left five
     dead"): one of those dead, not one more ("A man killed three people and then himself": three and one).
  6e. Dead marked as more ("another man", "three more people"), after the dead were counted without saying who
     killed them ("Three people have died in a shooting ... Another man was pronounced dead at the scene"): among
     those dead while the count holds them.
  7. One person said hurt, then dead ("A man was found with a gunshot wound. He died at the hospital."): the
     death counts, the wound restates it (not a wound whose sentence tells of survival, nor "a second teenager").
  8. One person counted wounded, then said shot ("shot himself in the leg ... he had been shot"): the same
     person, not one more of the people shot (`_shot_and_wounded`).
  9. One person said hurt, then said to have shot himself ("A boy was wounded when he shot himself in the hand"):
     the same person, unless someone else is said to have hurt the first or the one who fired is new ("a man
     shot himself", "his brother shot himself") (`_hurt_himself`).
  10. One dead and one hurt person (or as many of each) that no words tell apart ("A 14-year-old boy is dead after a
     gun went off ... Police found a teenage boy suffering from a gunshot wound"): the same person, the story
     telling how the one who died was shot; not where the hurt one's sentence also tells of a death, marks more
     ("also", "another", "a second victim"), tells of survival, names them by kin, or describes someone else
     (`_one_victim`). The same holds for one death a headline tells of over a body that tells only of the shot
     (`headline_death_told`).
Victims are compatible unless their descriptions differ (soldiers vs militants, a woman vs a man, a woman of 45
vs one of 54, a suspect shot by police vs the people he shot; generic words, a name, "he" or no noun fit
anything, "he" and "him" the suspect too) or their days do: figures the text dates a week apart, or one dated
half a year before the article's own (undated) figures, are separate incidents (the Nov. 5, 2009 attack an
article about another shooting recalls: rule 0 flags it `recalled`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .lexicon import SURVIVAL, SUSPECT_NOUNS
from .records import Event

GENERIC = frozenset("""
person people individual victim resident bystander passerby pedestrian passenger occupant customer adult teen
teenager youth juvenile minor child children kid kids baby infant toddler old other others one dead injured
wounded fatality casualty life body they them both all each those these who some many several
""".split())
MALE = frozenset("man men boy boys male males he him himself husband father son brother boyfriend uncle nephew "
                 "grandfather grandson dad gentleman guy".split())
FEMALE = frozenset("woman women girl girls female females she her herself wife mother daughter sister girlfriend aunt "
                   "niece grandmother granddaughter mom lady".split())


@dataclass(slots=True)
class Mention:
    """A casualty row with what the linking rule needs to know about how it names its victims."""

    event: Event
    reference: str  # casualty_counts.REFERENCES
    head: str | None  # the victims' head word, lower case lemma ("soldier"); None when unwritten ("12 killed")
    name: str | None = None  # the name's words, for reference 'name'
    additive: bool = False
    other: bool = False  # marked as more only by "other(s)": see casualty.additive_strong
    another: bool = False  # one person marked as more only by "another" ("Another man, 21, was shot"): rule 6b
    also: bool = False  # marked as more only by "also" on its verb ("Alex Ruiz also died"): rule 6b
    reflexive: bool = False  # "killed himself": the one who did it
    suicide: bool = False  # "turned the gun on himself", "before shooting himself" after a killing: none of those he shot
    everyone: bool = False  # the dead counted without who killed them ("five people are dead"): rule 6c
    killer_said: bool = False  # the victims of someone the text says killed them ("he killed 49", "a triple murder"): rule 4
    killer: str | None = None  # that someone's word, lower case ("man" of "were killed by a man"): rule 4
    fresh: bool = False  # a reflexive whose doer is someone not said before ("a man shot himself"): rule 9
    by_another: bool = False  # hurt by someone the sentence names ("his brother shot him"): rule 9
    possessive: bool = False  # "his brother", "her son": someone named by kin, maybe not the one just said dead
    age: int | None = None  # a single victim's age, where the text gives it
    tally: bool = False
    alternative: bool = False
    sentence: int = 0  # the sentence's start offset
    cue: int = -1  # the cue token's index: groups of one cue ("a man, two women and a child") are all victims
    day: date | None = None  # the day the text dates the figure to, else the publication date
    dated: bool = False  # whether `day` was read from the text (its sentence or paragraph)
    victim: int = -1  # the victim token's index, where one is written
    ordinal: int | None = None  # "a fourth victim": the 4th person of the incident (rule 6a)
    within: bool = False  # an ordinal within the people already counted: never a new total (rule 6a)
    named: int = 0  # victims of this row a later name has been matched to
    filled: int = 0  # how many of this row's victims later mentions were found to be (rule 6b)
    earlier: date | None = None  # about when, where its clause puts it at another time than a day ("in 2005")
    before: bool = False  # words say it is of an earlier incident ("a previous shooting", "in retaliation for")
    elsewhere: bool = False  # words say it is of another incident than the reported one ("in a separate shooting")
    lately: bool = False  # its clause dates it weeks before the article ("a shooting last week"): rule 0
    recalled: bool = False  # of an earlier incident than the article's own (rule 0)
    lethal: bool = False  # its sentence tells of a wound where wounds kill, not of survival ("shot in the head")
    surviving: bool = False  # its sentence tells of survival ("in stable condition", "is recovering"): not the dead
    parts: list[Mention] = field(default_factory=list)


SYNONYMS = {
    "police": "police", "policeman": "police", "policemen": "police", "policewoman": "police", "officer": "police",
    "cop": "police", "trooper": "police", "deputy": "police", "sheriff": "police", "constable": "police",
    "agent": "police", "bailiff": "police", "patrolman": "police",
    "soldier": "soldier", "troop": "soldier", "serviceman": "soldier", "servicemember": "soldier", "marine": "soldier",
    "commando": "soldier", "sailor": "soldier", "airman": "soldier",
    "militant": "militant", "fighter": "militant", "insurgent": "militant", "rebel": "militant", "jihadist": "militant",
    "militiaman": "militant", "extremist": "militant", "terrorist": "militant",
}
"""Words for the same kind of victim ("three officers" ... "the deputy")."""


def _category(m: Mention) -> str:
    return _word_category(m.head)


def _word_category(word: str | None) -> str:
    head = word or ""
    head = SYNONYMS.get(head, head)
    if head in SUSPECT_NOUNS:
        return "suspect"
    if head in MALE:
        return "male"
    if head in FEMALE:
        return "female"
    if not head:
        return "unknown"  # "one", "two dead", a name: fits anyone, the one who shot too
    if head in GENERIC:
        return "any"
    return head


SAME_DAY_DAYS = 7
"""Two figures the text dates to days further apart than this are two incidents ("five officers on July 7 in
Dallas and three more on July 17")."""
BACKGROUND_DAYS = 180
"""A figure dated this long before an undated one (which happened about when the article was published) is
another incident: the background an article recalls ("the Nov. 5, 2009 attack that left 13 dead")."""


def _apart(a: Mention, b: Mention) -> bool:
    if a.day is None or b.day is None:
        return False
    limit = SAME_DAY_DAYS if a.dated and b.dated else BACKGROUND_DAYS
    return abs((a.day - b.day).days) > limit


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two figures can be about the same people (see the module doc)."""
    if _apart(a, b) or a.recalled != b.recalled:
        return False
    if a.age is not None and b.age is not None and a.age != b.age:
        return False  # "a 45-year-old woman" is not "a 54-year-old woman"
    ca, cb = _category(a), _category(b)
    if "unknown" in (ca, cb):
        return True
    if "suspect" in (ca, cb):  # (but "police shot him to death ... killing the suspect": "him" may be him)
        return ca == cb or (a.reference if cb == "suspect" else b.reference) == "pronoun"
    if ca == "any" or cb == "any" or ca == cb:
        return True
    if {ca, cb} == {"male", "female"}:
        return False
    return "male" in (ca, cb) or "female" in (ca, cb)  # "a man" can be the soldier; a soldier is no militant


def link(mentions: list[Mention]) -> None:
    """Set `subset_of` on every row that restates, sums up or is part of another (rules in the module doc)."""
    by_kind: dict[tuple[str | None, bool], list[Mention]] = {}
    _recalled(mentions)
    _ordinals(mentions)
    for m in mentions:
        by_kind.setdefault((m.event.casualty_kind, bool(m.event.is_cumulative)), []).append(m)
    for (_, cumulative), group in sorted(by_kind.items(), key=lambda kv: kv[0][0] != "killed"):  # the dead first
        # (a wounded figure may count them: rule 5b)
        if cumulative:
            _link_running(group)
        else:
            _link_incident(group, mentions)
    _shot_and_wounded(mentions)
    _hurt_himself(mentions)
    _died_of_wounds(mentions)
    _hurt_after_death(mentions)
    _one_victim(mentions)


def _shot_and_wounded(mentions: list[Mention]) -> None:
    """Rule 8: one person already counted as wounded and then said shot ("A man shot himself in the leg. ... He
    told officers he had been shot"): the same person, not one more of the people shot. (People shot are linked
    among themselves and only become wounded by `_derive_wounded`, so a reference to a wounded one is made here.)"""
    for i, m in enumerate(mentions):
        if (m.event.casualty_kind != "shot" or m.event.subset_of is not None or m.event.is_cumulative
                or m.event.casualty_count != 1 or m.reference not in ("pronoun", "definite", "name")
                or (m.additive and not m.reflexive)):
            continue
        last = next((o for o in reversed(mentions[:i]) if o.sentence < m.sentence and not o.event.is_cumulative
                     and o.event.casualty_kind in ("killed", "wounded") and compatible(o, m)
                     and o.reflexive == m.reflexive
                     and (m.reference != "name" or o.reference != "name" or same_name(o.name, m.name))), None)
        if last is not None and last.event.casualty_kind == "wounded" and last.event.casualty_count == 1:
            m.event.subset_of = last.event.subset_of or last.event.key


def _hurt_himself(mentions: list[Mention]) -> None:
    """Rule 9: one person said hurt, then said to have shot himself ("A boy was wounded when he shot himself in the
    hand", "A girl was shot in the chest. The girl had found the gun and shot herself"): the same person, where no
    one else is said to have hurt the first and the one who fired is not someone new ("a man shot himself")."""
    for i, m in enumerate(mentions):
        if (not m.reflexive or m.fresh or m.event.casualty_kind not in ("wounded", "shot") or m.event.subset_of is not None
                or m.event.is_cumulative or m.event.casualty_count != 1):
            continue
        hurt = next((o for o in reversed(mentions[:i]) if not o.event.is_cumulative and not o.reflexive
                     and o.event.casualty_kind in ("killed", "wounded", "shot") and compatible(o, m)), None)
        if hurt is None or hurt.event.casualty_kind == "killed" or hurt.event.casualty_count != 1 or hurt.by_another:
            continue  # (one who died and shot himself: rule 7 and `_hurt_after_death`)
        if hurt.event.casualty_kind == "wounded" or m.event.casualty_kind == "shot":
            m.event.subset_of = hurt.event.subset_of or hurt.event.key
        elif hurt.event.subset_of is None:
            hurt.event.subset_of = m.event.key  # people shot are no row (see casualty._derive_wounded): keep the wound


RECALL_DAYS = 60
"""A figure whose clause puts it at another time ("in August", "three months ago", "in 2005") this long before the
article's own (undated) figures is another incident (rule 0); `NOW_DAYS` before a dated one ("the July slaying"
in a report of a shooting on Sept. 13)."""
NOW_DAYS = 31
"""A figure dated this close to publication is of the incident the article reports (rule 0)."""


def _past(m: Mention) -> bool:
    return m.before or m.earlier is not None


def _recalled(mentions: list[Mention]) -> None:
    """Rule 0: the article's own incident is that of its first figure (the first not said to be of an earlier
    time, where a later one is dated near publication or the first is marked only by words); a figure the text
    puts before it (more than a week before a dated one, half a year before an undated one, "in 2005" or "two
    years ago", "a previous shooting", "in retaliation for ...") recalls another incident: `recalled`, never in
    the toll; so does a figure said to be of "a separate shooting", "another attack" (when the article's own figure is not)."""
    own = [m for m in mentions if not m.event.is_cumulative and m.event.casualty_kind in ("killed", "wounded", "shot")]
    if not own:
        return
    anchor = own[0]
    if _past(anchor):
        now = [m for m in own if not _past(m) and (anchor.before or (
            m.dated and m.day is not None and anchor.day is not None and abs((anchor.day - m.day).days) <= NOW_DAYS))]
        anchor = now[0] if now else anchor
    at = anchor.earlier or anchor.day
    dated = anchor.dated
    if not dated and anchor.earlier is None and at is not None:  # an undated lead, its day told later ("A 15-year-old
        # has been killed ... John Doe was pronounced dead Saturday"): figures a week before that are others
        told = next((m for m in own if m.dated and not _past(m) and m.day is not None
                     and abs((at - m.day).days) <= NOW_DAYS and compatible(m, anchor)), None)
        if told is not None:
            at, dated = told.day, True
    for m in mentions:
        if m is anchor or m.event.is_cumulative:
            continue
        if m.elsewhere and not anchor.elsewhere:
            m.recalled = True  # "in a separate shooting": another incident, whatever the dates
        elif at is None:
            continue
        elif m.before and not anchor.before:
            m.recalled = True
        elif m.sentence == anchor.sentence:
            continue  # one sentence, one incident: "killing a boy and wounding his father on Nov. 3"
        elif m.lately and not anchor.lately:
            m.recalled = True  # "a vigil for a man killed in a shooting last week" in a report of today's
        elif (m.earlier is not None and anchor.earlier is None
              and (at - m.earlier).days > (NOW_DAYS if dated else RECALL_DAYS)):
            m.recalled = True
        elif m.dated and m.day is not None and (at - m.day).days > (SAME_DAY_DAYS if dated else BACKGROUND_DAYS):
            m.recalled = True
        elif m.age is not None and anchor.age is not None and m.age != anchor.age and any(
                r.recalled and r.age == m.age and _category(r) == _category(m) for r in mentions):
            m.recalled = True  # "a day after a 2-year-old boy died in Benton ... the shooting of a 2-year-old boy"
        m.event.recalled = m.recalled or None


ANYONE = frozenset({None, "person", "victim", "individual", "one", "people"})
"""Words of an ordinal that can rank anyone hurt ("a third person"), not only those of its own kind ("a second teenager")."""


def _ordinals(mentions: list[Mention]) -> None:
    """Rule 6a: an ordinal within the people already counted is one of them: it loses its "more" mark (and is
    then linked as any other mention of one person); beyond them it stays one more."""
    for i, m in enumerate(mentions):
        if m.ordinal is None or m.event.is_cumulative or m.event.subset_of is not None:
            continue
        before = [o for o in mentions[:i] if not o.event.is_cumulative and o.event.subset_of is None and not o.ordinal
                  and o.event.casualty_kind in ("killed", "wounded", "shot") and compatible(o, m)]
        own = sum(o.event.casualty_count or 0 for o in before if o.event.casualty_kind == m.event.casualty_kind)
        across = [o for o in before if o.event.casualty_kind == m.event.casualty_kind
                  or m.head in ANYONE or SYNONYMS.get(o.head or "", o.head) == SYNONYMS.get(m.head or "", m.head)]
        every = sum(o.event.casualty_count or 0 for o in across if o.event.casualty_kind != "shot")
        shot = sum(o.event.casualty_count or 0 for o in across if o.event.casualty_kind == "shot")
        if m.surviving and own:  # one who lived is none of the hurt said to die later ("A second victim ... was
            # hit in the leg and survived" after "shooting Rohan Levy ... he died three days later")
            own -= sum(1 for o in before if o.event.casualty_kind == m.event.casualty_kind and _dies_later(o, before))
            if own <= 0:
                continue
        if own >= m.ordinal or (own and max(every, shot) >= m.ordinal):
            m.additive = False
            m.other = False
            m.within = True


def _dies_later(w: Mention, mentions: list[Mention]) -> bool:
    """Whether one person said hurt is said dead later among `mentions` ("A 15-year-old was shot in the head ... The
    boy died three days later"): the pair `_died_of_wounds` makes one, here for counting who came before an ordinal
    (`_ordinals`: "A second victim ... was hit in the leg and survived" is one more after the one who died)."""
    if w.event.casualty_kind != "wounded" or w.event.casualty_count != 1 or w.surviving:
        return False
    return any(k.event.casualty_kind == "killed" and k.sentence > w.sentence and k.event.casualty_count == 1
               and k.reference in ("pronoun", "definite", "name") and compatible(w, k) for k in mentions)


def _died_of_wounds(mentions: list[Mention]) -> None:
    """One person said hurt, then dead ("A man was found with a gunshot wound. He died at the hospital."): the
    death counts; the wound, said earlier, restates the same person. Not one whose sentence tells of survival or
    who is one more by rank ("A second teenager suffered a non-life-threatening wound ... The youth who was killed")."""
    hurt = [m for m in mentions if m.event.casualty_kind in ("wounded", "shot") and m.event.subset_of is None
            and not m.event.is_cumulative and m.event.casualty_count == 1
            and not m.surviving and not (m.additive and m.ordinal)
            and not (m.possessive  # kin of a dead one told before ("his father was hospitalized")
                     and any(o.event.casualty_kind == "killed" and o.sentence < m.sentence for o in mentions))]
    for k in mentions:
        if (k.event.casualty_kind != "killed" or k.event.is_cumulative
                or k.reference not in ("pronoun", "definite", "name")):
            continue
        earlier = [w for w in hurt if w.sentence < k.sentence and w.event.subset_of is None and compatible(w, k)
                   and not ((w.additive or _category(k) in ("any", "unknown") or _category(k) != _category(w))
                            and any(o.sentence == w.sentence and o.event.casualty_kind == "killed" for o in mentions))
                   and not ((w.reference not in ("definite", "pronoun") or w.possessive) and any(
                       o.sentence == w.sentence and o.event.casualty_kind == "killed" and o.victim >= 0
                       and o.victim != w.victim for o in mentions) and not _named_again(w, k, mentions))
                   and (k.reference != "name" or w.reference != "name" or same_name(w.name, k.name))]
        if earlier:
            earlier[-1].event.subset_of = k.event.subset_of or k.event.key  # the death, as first counted


ALIVE = re.compile(r"\b(?:critical|serious|stable|fair|good|satisfactory)(?:\s+but\s+\w+)?\s+condition\b|"
                   r"\bhospitali[sz]ed\b|\bis being treated\b|\bremains? (?:in|on)\b", re.I)
"""Words telling of someone alive at the time told ("was listed in critical condition", "was hospitalized"). Near
`events.casualty._SURVIVED` (what says one who turned the gun on himself lived), kept apart: their union moves an
article's wounded figure."""
DEATH_WORDS = re.compile(r"\b(?:die[ds]?|dead|death|killed|fatal\w*|succumb\w*)\b", re.I)


def _named_again(w: Mention, k: Mention, mentions: list[Mention]) -> bool:
    """Whether a death names the one hurt beside another's death by the same noun ("A man was shot dead and a woman
    wounded. The woman died"), where no dead one of that sentence has that noun ("... killed the girl and injured an
    8-year-old girl. The girl's death was ruled a homicide": either girl). Else someone named by kin or anew beside a
    death is another than the one said dead later ("A woman was killed and her daughter hurt ... her mother died")."""
    return w.head is not None and k.head == w.head and not any(
        o.sentence == w.sentence and o.event.casualty_kind == "killed" and o.head == w.head for o in mentions)


def _hurt_after_death(mentions: list[Mention]) -> None:
    """Rule 7, told the other way round: "A boy was shot and killed on Friday. The victim had been shot in the
    chest.": a person named as already counted ("the victim", "he", a name) and said hurt, where no one hurt
    was counted before, is the one who died; so is a name or "his friend" said shot where wounds kill ("Reed
    then shot Carl twice in the head"), though the dead one was counted without a name."""
    dead_keys = {m.event.key for m in mentions if m.event.casualty_kind == "killed"}  # the hurt who died are no others
    for i, w in enumerate(mentions):
        if (w.event.casualty_kind not in ("wounded", "shot") or w.event.subset_of is not None or w.event.is_cumulative
                or w.event.casualty_count != 1 or w.reference not in ("pronoun", "definite", "name")
                or (w.additive and not (w.reflexive and w.lethal)) or w.surviving  # "... shot himself in the head"
                or (ALIVE.search(w.event.sentence or "") and not DEATH_WORDS.search(w.event.sentence or ""))):
            continue  # (said after the death, "his father was hospitalized ... in critical condition" is alive)
        earlier = [m for m in mentions[:i] if m.sentence < w.sentence and not m.event.is_cumulative and compatible(m, w)]
        same_age = [m for m in earlier if m.event.casualty_kind == "killed" and w.age is not None and m.age == w.age
                    and w.reference == "name"]
        if same_age:  # "A 61-year-old man died ..." then "Police found 61-year-old Carl Ames with a gunshot wound"
            w.event.subset_of = same_age[-1].event.subset_of or same_age[-1].event.key
            continue
        if any(m.event.casualty_kind in ("wounded", "shot") and m.event.subset_of not in dead_keys for m in earlier) or any(
                m.sentence == w.sentence and m.event.casualty_kind == "killed" for m in mentions):
            continue  # someone hurt already counted; or the sentence tells its dead from its hurt
        last = next((m for m in reversed(mentions[:i]) if not m.event.is_cumulative
                     and (m.event.casualty_kind == "killed" or m.event.subset_of not in dead_keys)), None)
        if w.reference == "pronoun" and (last is None or last.event.casualty_kind != "killed" or not compatible(last, w)):
            continue  # "he", "she": the person just said dead, or no one
        dead = [m for m in earlier if m.event.casualty_kind == "killed"
                and (w.reference != "name" or m.reference != "name" or same_name(m.name, w.name))]
        if w.possessive and _category(w) != "any" and not w.lethal:  # "his brother": a dead man said to be one
            dead = [m for m in dead if _category(m) == _category(w)]
        if dead and (w.reference != "name" or w.lethal or any(m.reference == "name" for m in dead)):
            w.event.subset_of = dead[-1].event.subset_of or dead[-1].event.key


def _one_victim(mentions: list[Mention]) -> None:
    """Rule 10: an article whose own incident has one group of dead and one of hurt, as many, told apart by nothing
    ("A 14-year-old boy is dead after a gun went off ... Police found a teenage boy suffering from a gunshot wound",
    "Two brothers were killed ... officers found two adult males suffering from gunshot wounds"): the hurt are the
    dead, the story telling how. Not where words tell them apart: the hurt one's sentence also tells of a death ("a
    man was killed and a woman wounded"), marks more or may ("another", "also", "a second victim": `_MORE`), tells
    of survival ("in stable condition"), names them by kin ("his brother"), or describes someone else (a woman,
    another age); nor where the dead one killed himself and the hurt one did not ("shot his neighbour, then
    himself")."""
    own = [m for m in mentions if not m.event.is_cumulative and not m.recalled and m.event.subset_of is None]
    dead = [m for m in own if m.event.casualty_kind == "killed"]
    hurt = [m for m in own if m.event.casualty_kind in ("wounded", "shot")]
    if len(dead) != 1 or len(hurt) != 1:
        return
    k, w = dead[0], hurt[0]
    if (not k.event.casualty_count or w.event.casualty_count != k.event.casualty_count
            or (w.additive and not (w.reflexive and k.reflexive)) or w.other or w.another or w.also or w.surviving
            or w.possessive or ((k.reflexive or k.suicide) and not w.reflexive) or not compatible(k, w)
            or _MORE.search(w.event.sentence or "")
            or any(o.sentence == w.sentence and o.event.casualty_kind == "killed" and not (
                o.event.char_start > w.event.char_start and o.reference in ("pronoun", "definite")) for o in mentions)):
        return
    w.event.subset_of = k.event.key


def headline_death_told(headline: list[Event], body: list[Event]) -> None:
    """Rule 10 across a headline and its body: a headline that tells of one death ("Juvenile dies after Morgantown
    man mishandles handgun") over a body that tells of the shooting but of no death ("deputies say he shot a
    juvenile in the head"): the one person the body says hurt is the one the headline says died, unless the body's
    words set them apart as rule 10 reads them (more, survival) or describe someone else (a woman under "Boy
    dies", another age). Called for the headline rows `analyse_article` adds over a body with no death toll."""
    dead = [e for e in headline if e.casualty_kind == "killed" and e.subset_of is None]
    hurt = [e for e in body if e.event_type == "casualty" and e.casualty_kind == "wounded" and e.subset_of is None
            and not e.is_cumulative and not e.recalled]
    if len(dead) != 1 or len(hurt) != 1:
        return
    k, w = dead[0], hurt[0]
    said, told = _genders(k), _genders(w)
    ages = (_age(k) if k.victims else None, _age(w))  # ("deadly shooting" names no victim: its age is another's)
    if (k.casualty_count != 1 or w.casualty_count != 1 or _MORE.search(w.sentence or "")
            or SURVIVAL.search(w.sentence or "") or (said and told and not said & told)
            or (None not in ages and ages[0] != ages[1])):
        return
    w.subset_of = k.key


_AGE = re.compile(r"\b(\d{1,3})[- ](year|month)s?[- ]old\b", re.I)


def _genders(e: Event) -> set[str]:
    """"male"/"female" for the words of a row's victims ("Klamath boy", "young woman"); empty when they say neither."""
    words = set((e.victims or "").lower().split())
    return {g for g, lexicon in (("male", MALE), ("female", FEMALE)) if words & lexicon}


def _age(e: Event) -> tuple[str, str] | None:
    """The age its sentence gives in years or months ("a 13-year-old boy"), where it gives exactly one."""
    ages = {(n, unit.lower()) for n, unit in _AGE.findall(e.sentence or "")}
    return ages.pop() if len(ages) == 1 else None


_MORE = re.compile(r"\b(?:also|too|both|another|other|others|second)\b", re.I)
"""Words of a sentence that may set the one it says hurt apart from someone else ("was also struck", "one teen is
injured and another is in custody"): rule 10 leaves such a sentence's hurt one counted."""


def _link_running(group: list[Mention]) -> None:
    """Running tolls: the same figure stated again is a restatement of the first."""
    first: dict[int | None, Mention] = {}
    for m in group:
        if m.event.subset_of is not None:
            continue
        earlier = first.get(m.event.casualty_count)
        if earlier is not None:
            m.event.subset_of = earlier.event.key
        else:
            first[m.event.casualty_count] = m


def _restates(m: Mention, parent: Mention) -> None:
    m.event.subset_of = parent.event.key
    parent.filled += m.event.casualty_count or 0


def _link_incident(group: list[Mention], mentions: list[Mention]) -> None:
    counted: list[Mention] = []
    names: dict[str, Mention] = {}
    for m in group:
        if m.event.subset_of is not None:
            continue
        count = m.event.casualty_count or 0
        if m.tally:
            _tally(m, counted)
            continue
        if m.alternative:
            earlier = [c for c in counted if c.sentence == m.sentence] or counted[-1:]
            if earlier:
                _restates(m, earlier[-1])
                continue
        fits = [c for c in counted if (compatible(c, m) or _dead_with_the_gunman(c, m)) and c.cue != m.cue
                and not (m.possessive and c.sentence == m.sentence and c.event.casualty_count == 1)
                and not (c.killer_said and _category(m) == "suspect" and _category(c) != "suspect")
                and not _the_killer_again(c, m)]
        total = sum(c.event.casualty_count or 0 for c in fits)
        with_gunman = next((c for c in fits if _dead_with_the_gunman(c, m)), None)
        if with_gunman is not None and not m.reflexive:  # (also where "also" says it: "... has also been
            _restates(m, with_gunman)  # confirmed dead")
            continue
        if m.reference == "name":
            known = next((n for key, n in names.items() if same_name(key, m.name)), None)
            if known is not None:
                _restates(m, known)
                continue
            names[m.name] = m
            open_slot = next((c for c in fits if c.reference != "name" and c.named < (c.event.casualty_count or 0)), None)
            if open_slot is not None and (not m.additive or (m.also and (open_slot.event.casualty_count or 0) >= 2
                                                             and open_slot.sentence < m.sentence)):
                open_slot.named += 1  # (a name "also" said dead: one more than the one just said, within a total)
                _restates(m, open_slot)
                continue
            counted.append(m)
            continue
        if m.other:
            prior = [c for c in fits if c.sentence != m.sentence]
            beside = sum(o.event.casualty_count or 0 for o in group
                         if o.sentence == m.sentence and o.event.char_start < m.event.char_start and compatible(o, m))
            if prior and sum(c.event.casualty_count or 0 for c in prior) >= count + beside:
                _restates(m, max(prior, key=lambda c: c.event.casualty_count or 0))
                continue
        if m.reflexive:
            same = next((c for c in counted if c.reflexive), None)
            if same is not None:  # "... shooting himself", then "he killed himself in the street": one death
                _restates(m, same)
                continue
            dead = next((c for c in reversed(counted) if c.everyone and compatible(c, m)), None)
            if dead is not None:  # rule 6c: "Five people are dead ... he killed four relatives before killing himself"
                _restates(m, dead)
                continue
        if (m.another or m.also) and not m.reflexive:
            totals = [c for c in fits if c.sentence < m.sentence and (c.event.casualty_count or 0) >= 2]
            if totals and totals[-1].filled + count <= (totals[-1].event.casualty_count or 0) and _one_said_since(totals[-1], m, mentions):
                _restates(m, totals[-1])  # one more of those the article lists one by one, within their total
                continue
        if m.additive and not m.reflexive and m.event.casualty_kind == "killed":
            totals = [c for c in fits if c.sentence < m.sentence and c.everyone]
            if totals and totals[-1].filled + count <= (totals[-1].event.casualty_count or 0):
                _restates(m, totals[-1])  # rule 6e: "A shooting left five dead ... he shot his girlfriend, then
                continue  # killed three more people": more than those just said, still among all the dead
        vague = [c for c in fits if c.event.casualty_qualifier == "vague" and c.sentence != m.sentence]
        if vague and count >= 2 and m.reference == "number" and m.event.casualty_qualifier != "vague" and not m.additive:
            for c in vague:  # "Several people were shot ... Eight victims were taken to hospitals": the eight
                _restates(c, m)
                counted.remove(c)
            fits = [c for c in fits if c not in vague]
            total = sum(c.event.casualty_count or 0 for c in fits)
            if not fits or count > total:
                counted.append(m)
                continue
        if m.event.casualty_qualifier == "vague" and not m.additive and any(
                c.sentence < m.sentence and c.event.casualty_qualifier != "vague" for c in fits):
            _restates(m, max(fits, key=lambda c: c.event.casualty_count or 0))  # rule 5c: "Five people were
            continue  # injured ... several people were shot": said loosely after the exact count, the same people
        if m.additive or not fits:
            counted.append(m)
            continue
        if count <= total:
            same = next((c for c in fits if c.event.casualty_count == count), None)
            _restates(m, same or max(fits, key=lambda c: c.event.casualty_count or 0))
            continue
        if m.event.casualty_kind == "wounded" and m.reference == "number" and count == total + _dead_before(m, mentions):
            _restates(m, max(fits, key=lambda c: c.event.casualty_count or 0))  # rule 5b: the dead and the hurt
            continue
        # a larger figure: a new total that contains the compatible ones counted before it
        for c in fits:
            _restates(c, m)
            counted.remove(c)
            m.named += c.named
        counted.append(m)


def _the_killer_again(c: Mention, m: Mention) -> bool:
    """Rule 4: "Four people were killed by a man before he was shot and killed by police": "he", in the sentence
    of a killing whose doer is said ("a man", "a gunman"), of the doer's sex and not of the victims', is the doer,
    none of them."""
    if m.reference != "pronoun" or m.reflexive or c.killer is None or c.sentence != m.sentence:
        return False
    doer, pronoun = _word_category(c.killer), _category(m)
    return pronoun in ("male", "female") and doer in (pronoun, "suspect") and _category(c) != pronoun


def _dead_with_the_gunman(total: Mention, m: Mention) -> bool:
    """Rule 4: the suspect said dead after the dead were counted without saying who killed them ("Three people
    are dead, including the shooter ... the suspect has also been confirmed dead"): one of them."""
    return (total.everyone and _category(m) == "suspect" and m.event.casualty_kind == "killed"
            and (m.event.casualty_count or 0) == 1 and total.recalled == m.recalled and not _apart(total, m))


def _dead_before(m: Mention, mentions: list[Mention]) -> int:
    """How many dead of the incident are counted before `m` (0 when none, so no sum matches them)."""
    dead = sum(k.event.casualty_count or 0 for k in mentions if k.event.casualty_kind == "killed" and k.event.subset_of is None
               and not k.event.is_cumulative and not k.recalled and k.event.char_start < m.event.char_start and compatible(k, m))
    return dead or -10**9


def _one_said_since(total: Mention, m: Mention, mentions: list[Mention]) -> bool:
    """Whether someone hurt or killed is told of between a total and `m` (the one "another" is more than)."""
    return any(total.sentence < o.sentence and o.event.char_start < m.event.char_start and o.event.casualty_count
               and not o.event.is_cumulative and o.event.casualty_kind in ("killed", "wounded", "shot") for o in mentions)


def same_name(a: str | None, b: str | None) -> bool:
    """"Tyreke Borel", "Borel" and "Tyreke" are one person: names sharing a word (of the first or last); two full
    names with different first names are two people of one family ("Betty Mungin", "Alexis Mungin")."""
    if not a or not b:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and wa[0] != wb[0]:
        return False
    return bool({wa[0], wa[-1]} & {wb[0], wb[-1]})


def _tally(m: Mention, counted: list[Mention]) -> None:
    """A closing tally or stated total (rule 2)."""
    count = m.event.casualty_count or 0
    total = sum(c.event.casualty_count or 0 for c in counted)
    if counted and (count == total or any(c.event.casualty_count == count for c in counted)):
        same = next((c for c in counted if c.event.casualty_count == count), counted[0])
        _restates(m, same)
        return
    for c in list(counted):
        _restates(c, m)
        counted.remove(c)
    counted.append(m)
