"""Which casualty rows report the same real-world incident: THE rules, pure, in one place.

Input: casualty rows (`events` joined to their article) as `Row`s. Output: incidents, each a set of reports
with its figures. Nothing here touches the database (`load/incidents.py` does, around these functions).

**0. What reports an incident.** A casualty row of any kind (killed, wounded, missing, kidnapped, arrested)
reports an incident unless it is a running toll or a campaign's total (`is_cumulative`: "the 11-day bombardment
killed 250", "since the offensive began", "in the same period", see `transform/events/casualty.py`), a figure of
an earlier incident an article recalls (`recalled`: its day and place are not the article's), an aggregate
(`is_aggregate` where the
schema has it, or a sentence that ties the figure to a period, an area or several incidents: "this year",
"last year", "so far", "since ...", "every year", "in 2015", "over the weekend" (but for one victim or after
"a shooting", which the weekend only dates), "in three separate shootings",
"during that time", "in the past two days", "across the occupied West Bank"; not a period of other incidents a
clause recalls: "on a block where three other homicides have taken place in the past 18 months"), a toll of a war or a country
(`_a_toll_of_many`: `MANY_TOLL` or more not dated within a week of publication by its own sentence or
paragraph, "Israel's bombardment has killed more than 18,000", "The bombing killed 256 Palestinians", "More than
17,000 people have died" after an earthquake, "About 15,000 Palestinians were killed" in 1948; or, not dated by
its own sentence within `NOW_DAYS` of publication, a vague hundred
or more, "killing hundreds", or `BIG_TOLL` or more placed only at a country or region (its row's place, or
its sentence's "in Israel" with no town named), "In Israel, 13 people died", or whose sentence names a war,
offensive, campaign, bombardment or assault or several attacks, raids or strikes, "the assault killed 261",
"Israeli attacks on Gaza killed 248": a war's tally, repeated for months), a part of such a toll ("including 66
children": `eligible_rows`), a figure beside a running toll in its sentence and at least as big ("has killed 139 and
wounded more than 920 since Monday": `_toll_companions`), or its victims are animals ("108,780 deer"). Nor does a
figure an article recalls from an earlier time
(`recalled_rows`): where the article tells of an incident of its own (a killed or wounded figure its sentence
dates within `NOW_DAYS` of publication), a figure its sentence (or its paragraph's earlier sentence) dates more
than `RECALL_DAYS` before publication, or whose sentence opens on an earlier time or names another month ("Last
week, the army killed three", "In July, ..." or "a raid in late January" in an article of another month, "On
February 22, a raid killed 11"), with the rows of its sentence and its parts; an article that tells only of an
earlier time (a follow-up, a trial) reports that incident as before, but for a figure its sentence dates
`OLDER_DAYS` or more before another figure's ("the Nov. 5, 2009, Fort Hood shooting that killed 13" in a 2015
article about an April 2014 shooting: `_years_before`). Those rows get no incident (`events.incident_id` stays
NULL) and stay in `latest_running_toll`.

**1. Reports.** An article's eligible rows form one *report* per incident it tells of. The first row opens
the article's first report; each later row joins the first open report it agrees with and opens a new one
when it does not: its place is more than `PLACE_KM` from the report's, or its trusted date is more than
`SAME_ARTICLE_DAYS` from the report's, or its sentence says "a separate / another / an unrelated /
an earlier" incident or opens on an earlier time ("Last week, troops killed...", "In February, ...", "Weeks
earlier, ...": a background killing the article recalls, which conflict news does in every report). A row
more than `SAME_REPORT_CHARS` after the report's last row agrees only when both name the same town (rule 2's
*named* places: a dateline town stands for every paragraph) or it restates a figure of the report (a round-up's
next item or a background paragraph is another report). A subset row ("including two children") always joins the report of the count it is
part of, and rows of one sentence stay together. A report's figure for a kind: the rows of one sentence
that are not subsets add up ("a man and a teenage boy died": 2), and later sentences restate or add
context, so the report takes the figure of its first sentence that gives one (the lede: "2 dead, 2
wounded in New Orleans ... a man and a teenage boy have died" is 2, not 4; "Justin Burns, 14" read as a
toll further down changes nothing), and a dead gunman a later sentence tells apart ("The suspect died after
being shot by police") adds one where the lede names no suspect, gunman or shooter and no "himself" (the dead
GVA counts). Figures that restate each other inside one article thus never add
up; subsets and running tolls never count. `low`/`high` are that sentence's bounds; a vague amount
("several") or an open one ("at least 3") is marked as such.

**2. A report's date and place.** A row's date is trusted when it was read from words that name a day (not
a bare number such as an age: "Erbie Bowser, 44," is not 1944) and is no later than the day after
publication. A report's day is the first trusted day (in text order) of its rows whose date was read from
the best place (`date_source`: the row's own sentence or paragraph, then the article's lead, then the
publication date: "died Tuesday" in the lede beats the lead's "Wednesday" a follow-up is dated by), else
unknown, and then its publication date stands in as "on or shortly before". Its place is its first row whose
place is *named* (below) and a town, else its first row with coordinates of a town (a country or a region such as
"Gaza Strip" or "Donbas" says nothing about which incident: dozens happen there a day); an article's first report
with no such row takes the town its headline names (`load/incidents.py` reads it with the gazetteer: "Houma
shooting leaves 1 dead"). A row's place is *named* (`Row.place_named`, read by `load/incidents.py` from
`places`) when the row's own sentence names it, not as the article's opening dateline, or when the article names
no other town (twice or more) farther than `PLACE_KM` from it (a local story, whose dateline town is where it
happened), or when the article's headline names it. Otherwise the row only took its article's dateline or main town for want of one ("Ramallah, occupied
West Bank –" over an article that tells of Jenin and Nablus), and that town stands for a region.
A row's town is first moved home where its outlet has one and the article names no state for it
(`load/outlet_homes.py`): to its namesake in the outlet's home state ("Smyrna" on a Nashville station is Smyrna,
Tennessee, not Georgia's), or, for a far town with no namesake there (a neighbourhood read as a far town: "Antioch"
in Nashville as Antioch, California), to the article's first town near home, a place that is then not *named*; and
so are the towns its article mentions.

**3. When a report joins an incident.** A new report is compared with the incident's member reports:
- *dates agree* ("near") when two trusted days are at most `NEAR_DAYS` apart, or an unknown day's
  publication falls 0-`PUBLISHED_LAG_DAYS` days after the trusted day (two unknown days: publications at
  most `PUBLISHED_LAG_DAYS` apart; so too two reports dated only by their publication, the day no words of
  theirs name, each in a town it names, with figures that agree: `pair_dates`, "4 found shot dead in
  Greenacres" on Saturday and "... kills daughter, grandchildren, self" on Monday); they are *within the
  follow-up window* when at most `FOLLOW_DAYS`
  further apart ("died Tuesday of wounds from Saturday's shooting", a charge weeks later); beyond
  `LONG_DAYS` nothing joins.
- *places agree* when within `PLACE_KM` of each other (a neighbourhood inside its city; spellings such as
  Kiev/Kyiv are one gazetteer entry already): the *same place* when both are named (rule 2), else only the
  *same area* (a dateline town standing for a region is no evidence of which incident); a report or incident
  without a town has *no place*; farther is *another place* when both are named, else no place.
- *evidence* (`load/incident_evidence.py`): **strong** when they share a person named with an age (in
  both), or two named people or a named person and a street that are at least `NAME_SHARE` of the names
  the shorter of the two gives (two names in common say little between long articles that name dozens
  of officials), or most of the wording of the sentences that carry their figures (a syndicated copy);
  **weak** when they share one named person or one street, or `TITLE_WORDS` distinctive headline words. A
  street is one street under another type word ("Gumberry Road"/"Gumberry Drive") or without the direction
  one outlet leaves out ("North Payson Street", "the 1900 block of Payson"; not East and West 63rd Street).
  On near dates the same county or parish ("Itasca County") is weak evidence too when the two are not placed
  in one town (one report geocoded to a namesake town far away, or to none: rural incidents are placed by
  their county); weeks apart it says nothing (a county has many incidents a month). In one town within
  `SAME_TOLL_DAYS`, the same toll is weak evidence too: both state killed and wounded, exactly and alike, at least
  `SAME_TOLL_VICTIMS` victims ("1 killed, 3 wounded" in Hazelwood, and four days on a charge "in connection to deadly
  I-270 shooting" that names no one the first named), unless their names differ. Names *differ* when both
  name people with ages and share no name at all. A name or street that more than `MAX_KEY_INCIDENTS` incidents within
  reach share (a president, a police spokesman, "Main Street") is no evidence. Evidence is weighed against
  each member report, never against the incident's reports pooled (which would grow with the incident
  and chain it on). Nor is a name, street or headline word that more than `MAX_KEY_ARTICLES` of the
  articles being reconciled give within reach ("Al Jazeera", a minister, a victim every later article
  recalls, "Israeli" in conflict headlines): counted before any report joins, so a chain of joins cannot
  hide how common it is. The same mass-casualty toll (`BIG_TOLL` to `RUNNING_TOLL` killed, not a vague amount:
  "49 killed at a nightclub") raises the evidence one step (none to weak, weak to strong) when the dates are
  near or either report names its town: such tolls are rare in one place, reported far and wide (often
  placed at the reporter's city) and months later, but a war has many strikes that each kill a dozen, and
  the same toll repeated week after week without a town is a war's tally, not one strike. Within `PLACE_KM`
  of a town either names it is strong evidence: on near dates on its own, within the follow-up window with a
  name, a street or a distinctive headline word besides (a Pulse survivor's story from Kissimmee a week after
  "49 killed" at Orlando's Pulse nightclub; not two strikes that each killed ten in one city weeks apart). Months apart
  (beyond the follow-up window) and not in one town, names alone are weak evidence: the officials,
  spokespeople and commentators conflict news quotes about every incident; a victim named with an age, a
  street or the wording (`beyond_names`) stays strong. In one town up to `LONG_DAYS` apart, a report of an
  arrest, a charge or a trial (`_a_court_story`) that shares with the other a victim either names with an age is
  strong evidence ("Teen charged with murder in shooting deaths of baby, man" naming one of the two dead; "$1M
  bond for second man charged with double murder" ten months after "2 dead, 8 wounded"); so is one that gives the
  same exact toll of `COURT_TOLL` or more killed (and no other wounded where both give them), not dated before the
  other (a case follows its killing), with a street, a name or a headline word in common that is not one of
  `CRIME_WORDS` (`court_and_toll`, `_court_detail`: "Suspect arrested for Berclair shooting" six months after two
  dead and two hurt on Gherald Street; "Man found guilty of murdering two men during dice game"; not two arrests in
  one city that share "double murder"; GVA total killed over incidents 1.048x -> 1.039x, four incidents made one).
- *figures conflict* when a kind both state differs (ranges that do not overlap; a vague amount never
  conflicts), unless both give killed and wounded and the later one (by publication) reports more killed
  and no more killed plus wounded than before (a wounded victim died), or only the wounded differ and one
  report gives no killed and as many wounded as the other's killed and wounded together ("seven people were
  shot", read as 7 wounded, and "one killed, six wounded": everyone shot). A toll that rises without that
  needs evidence (rule a).

A report joins when the rules below hold between it and *one* member report (its date, its place and the
evidence the two share: a date near one member and a name shared with another, months apart, join nothing):
  a. same place, dates near: unless names differ, or figures conflict and the two share no weak or strong
     evidence (two shootings the same day in one city stay apart when their figures or names differ) and no
     distinctive headline word ("Four injured at bowling alley", "Gunfire at busy bowling center": outlets
     that count one shooting differently; the word counts here only, as no evidence, so it ranks no option
     higher: "Netanyahu" heads reports of two attacks a day apart in Jerusalem); without evidence it must
     also be near the incident's first report (a chain of days in one city, each near the last, is no
     incident);
  a'. same area or no place: dates near, with weak evidence and figures that *agree* (a kind both state,
     neither vague, ranges overlapping, and none conflicting): two reports from the West Bank a day apart that
     share a headline word or a name and "1 killed" join, "1 killed" and "3 wounded" do not; weeks apart only
     with strong evidence (rule c: in the West Bank a Palestinian is killed every few days, and "Israeli forces
     kill Palestinian" with one name in common joined raids weeks apart); without evidence nothing joins however
     near the dateline towns (a small town the gazetteer does not know is no place either);
  b. same place within the follow-up window, or another place with dates near (one of the two was
     geocoded to a namesake town): with weak evidence and figures that do not conflict;
  c. otherwise (no place, another place, or dates up to `LONG_DAYS` apart: a trial a year later), with
     strong evidence only, unless names differ.
Of several incidents a report may join it joins the best: strongest evidence, then same place, then the
smallest date gap, then the smallest incident id. Otherwise it opens a new incident. A report never joins
an incident that holds another report of its own article (rule 1 kept them apart). Candidates are found by
blocking (`Index`): incidents near in place within a few days, or sharing a name or street that fewer
than `MAX_KEY_INCIDENTS` incidents in reach share, or the same mass-casualty toll, or in the same town the same
`court_toll` of a court story (a court story finds every report of its toll there, any report the court stories of
its toll) where no more than `MAX_KEY_INCIDENTS` incidents in reach have it.

**4. The incident's figures.** For each kind: `best` is the figure of the latest report that states it
(tolls rise as the wounded die; ACLED revises the same way), but for the wounded the figure most of its reports
give, vague amounts aside (the latest of a tie: outlets count the wounded differently, and later reports
seldom correct it the way a death toll rises), `low`/`high` the range over its reports, and
`reports` how many reports state it. `killed`/`wounded` are these for those kinds; `evidence_event_id` is
the largest row of the latest killed figure (else of the latest wounded, else the first report's first
row). Its date is the most common trusted report day (ties: the earliest) among the reports whose day
is not vague, when words of one of them name the day; when none do (their days are vague, "last week", "over the
weekend", or publication dates), the first report's day: a later report's publication is the day of a later step
(a charge six weeks on), not of the incident its first report dated "over the weekend" (GVA date 0.882 -> 0.884);
where no words of its
rows name a day (each dated only by its publication), the day its earliest report's article names first in its story
(`articles.story_date`: "A 6-year-old boy was shot and killed" on Monday's page, "Saturday" three paragraphs on; GVA
date within a day 0.844 -> 0.861), else the earliest publication;
its place the most common report town (ties: the earliest report's) unless the towns its articles mention
say otherwise (`supported_place`: a town more than twice as many mentions lie near, at least
`MENTION_SUPPORT`), and either way unless its earliest report's headline says where it happened, a town or county
of the same US state over `PLACE_KM` from it ("Child in critical condition after accidental shooting in LaGrange"
over a story the extractor placed in Atlanta; not a village named like a big city's neighbourhood: `load.incidents.
headline_where`; GVA place 0.897 -> 0.905, 9 incidents placed right, none wrong), else the town its earliest
headline names ("Houma shooting leaves 1 dead": local
outlets name the town there and nowhere the extractor reads it, "the Reno Police Department"), else the county a
headline names in its outlet's home state or the only state that has one ("Five injured in Johnston County
shooting" on a Raleigh station), else the region or country they name, else, where nothing names a place at all, the
town that the local outlet of its first report (in the rules' order) with a home names most in its home state
(`load/outlet_homes.py`: kmov.com's "Young man found shot on Frontenac street" at St. Louis; GVA place 0.845 ->
0.849, 6 of 7 such incidents within 40 km);
`place_source` says which of these it is (report, mentions, headline, region, outlet home); `headline` the title of
its earliest report.

**Order.** Reports are taken in the order of (day, publication, article id, position): a whole database
reconciled at once gives the same incidents whatever order its articles arrived in. Reconciling batch
by batch, a report can only join incidents that exist when it arrives, and is compared with what they
hold then: where a later report would have bridged two earlier incidents they stay two (existing
incidents are never merged), and the rules' few asymmetries (which report is "later" for a rising toll, a
publication that follows a trusted day) can group differently. Measured on the GVA set: batches in
publication order group 96% of rows as one full pass does; in reverse order 89%. So a run ends by settling:
`load/incidents.settle` takes back what its batches filed and files the run's articles (with those of runs
killed since the last complete one) once more, together, in the canonical order; a first run into an empty
database then groups as a full pass does, in any order (GVA: 100% both ways). Ids depend on order too: an
incident keeps the id its first report gave it. `reconcile(..., full=True)` regroups everything in the
canonical order (and keeps the ids of incidents that survive).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..transform import gazetteer
from ..transform.dates import MONTH_NAMES
from ..transform.gazetteer import distance_km
from .incident_evidence import _STREET_SHORT, SKETCH, STREET_TYPES, Evidence, wording

PLACE_KM = 30.0
NEAR_DAYS = 1
PUBLISHED_LAG_DAYS = 3
FOLLOW_DAYS = 45
LONG_DAYS = 400
BIG_TOLL = 10
NAME_SHARE = 0.25
TITLE_WORDS = 2  # distinctive headline words two reports share: weak evidence
RUNNING_TOLL = 1000
MANY_TOLL = 100  # a figure this big needs a day of this week named by its own sentence or paragraph to be one incident's
SAME_ARTICLE_DAYS = 7
SAME_REPORT_CHARS = 300
KINDS = ("killed", "wounded", "missing", "kidnapped", "arrested")

_PERIOD = re.compile(
    r"\b(?:(?:this|last|past|previous)\s+(?:year|month|decade|summer|spring|winter|fall|season)|so far|to date|"
    r"since\s+(?:19|20)\d\d|since\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"every\s+(?:year|day|week|month)|each\s+(?:year|day|week|month)|a\s+year\b|per\s+year|annually|nationwide|"
    r"in\s+(?:19|20)\d\d\b|(?:through|as of)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
    r"(?:over|during|this|last)\s+(?:the\s+)?(?:labor day\s+|memorial day\s+|holiday\s+|long\s+|fourth of july\s+)?weekend|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:separate\s+)?(?:shootings|incidents|homicides|attacks)|"
    r"separate\s+(?:shootings|incidents|scenes)|across\s+the\s+(?:city|country|state|\w+\s+side)|"
    r"in\s+(?!the\b|this\b|that\b)(?:[\w-]+\s+){0,3}shootings|(?:violent|bloody|deadly)\s+weekend|from\s+\w+\s+(?:morning|afternoon|evening|night)\s+to|"
    # conflict news: "during that time", "in the past two days", "across the occupied West Bank"
    r"(?:during|in|over)\s+(?:that|this|the\s+same)\s+(?:time|period)|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:days|weeks|months)|"
    r"across\s+(?:the\s+)?(?:occupied\s+)?(?:territory|territories|region|west\s+bank|gaza\s+strip|strip|enclave|province))\b",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"\b(?:in\s+a\s+separate|(?:in|during)\s+another|an?\s+unrelated|in\s+an\s+earlier|in\s+a\s+similar|"
    r"separate(?:ly)?\s*,|another\s+(?:shooting|incident|attack|homicide))\b"
    # a sentence that opens on an earlier time recalls another event: "Last week, the army killed ...",
    # "Earlier in the month, ...", "In February, ...", "Weeks earlier, ..."
    r"|^\W*(?:last\s+(?:week|month|year)|earlier\s+(?:this|that|in|on)\b|(?:days|weeks|months)\s+(?:earlier|before)"
    r"|(?:only\s+)?(?:a\s+)?(?:day|week|month)s?\s+(?:earlier|before)|previously|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    re.IGNORECASE,
)
_CAMPAIGN = re.compile(
    r"\b(?:(?:war|offensive|campaign|bombardment|onslaught|assault)s?|escalation|hostilities|intifada|conflict|"
    r"(?:attack|raid|strike)s)\b", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
RECALL_DAYS = 6  # a figure its sentence or paragraph dates this long before publication is of an earlier time
NOW_DAYS = 3  # and the article tells of an incident of its own when a figure is dated this close to publication
OLDER_DAYS = 365  # a figure its own sentence dates this long before another's is an older incident it recalls
_IN_A_MONTH = re.compile(r"\bin\s+(?:early\s+|mid-|late\s+)?(" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d)", re.IGNORECASE)
_EARLIER_OPENING = re.compile(
    r"^\W*(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:month|year)|(?:days|weeks|months|years)\s+(?:earlier|before|ago)"
    r"|(?:a|one|two|three|four|five|six|several)\s+(?:weeks?|months?|years?)\s+(?:earlier|before|ago)"
    r"|in\s+(" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d{1,2}\b))",
    re.IGNORECASE,
)
ANIMALS = frozenset(
    "deer dog dogs cat cats horse horses cow cows cattle animal animals bird birds birds pig pigs sheep goat goats "
    "bear bears wolf wolves elk moose turkey turkeys coyote coyotes fish".split()
)


@dataclass(slots=True)
class Row:
    """One casualty row as the rules see it (an `events` row with its article's date, source and title)."""

    event_id: str
    article_id: str
    kind: str
    count: int | None
    low: int | None = None
    high: int | None = None
    subset_of: str | None = None
    is_cumulative: bool = False
    is_aggregate: bool = False
    location: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    place_is_coarse: bool = False  # a country or a region ("Gaza Strip", "Donbas"): no town
    event_date: date | None = None
    date_text: str | None = None
    sentence: str = ""
    char_start: int = 0
    victims: str | None = None
    qualifier: str | None = None
    published: date | None = None
    source: str | None = None
    title: str | None = None
    date_source: str | None = None  # 'sentence' | 'paragraph' | 'lead' | 'published' (None: not recorded)
    place_named: bool = True  # its own sentence names the place (not the opening dateline, not the article's main place)
    story_day: date | None = None  # the first day its article's story names (`articles.story_date`, rule 4)


@dataclass(slots=True)
class Figure:
    best: int
    low: int
    high: int
    event_id: str  # the report's largest row of this kind
    vague: bool = False  # "several", "dozens": a convention, not a count
    open: bool = False  # "at least 3": no upper bound


@dataclass(slots=True)
class Report:
    """One article's account of one incident."""

    article_id: str
    rows: list[Row]
    day: date | None = None  # its event day (rule 2): the first trusted day of its best-placed rows
    day_rank: int | None = None  # where that day was read (`_date_rank`): a vague day counts only without a named one
    published: date | None = None
    place: Row | None = None  # the row whose place stands for the report
    figures: dict[str, Figure] = field(default_factory=dict)
    source: str | None = None
    title: str | None = None
    _key: tuple | None = None
    evidence: Evidence | None = field(default=None, compare=False, repr=False)  # set by `load/incidents.py`
    court: bool | None = field(default=None, compare=False, repr=False)  # `is_court_story`, read once

    @property
    def key(self) -> tuple:
        """Canonical processing order (see "Order" in the module doc); fixed once the report is complete."""
        if self._key is None:
            anchor = self.day or self.published or date.max
            self._key = (anchor, self.published or date.max, self.article_id, self.rows[0].char_start, self.rows[0].event_id)
        return self._key

    @property
    def lead(self) -> Row:
        return self.rows[0]


# ---- 0. eligibility ----------------------------------------------------------------------------------

def reports_incident(row: Row) -> bool:
    """Rule 0: whether a casualty row reports one incident (not a running toll, aggregate or animals)."""
    if row.is_cumulative or row.is_aggregate or row.count is None:
        return False
    if row.victims and row.victims.lower().split()[-1] in ANIMALS:
        return False
    if _a_toll_of_many(row):
        return False
    return not (row.sentence and _names_a_period(row.sentence, row.count == 1 and not row.qualifier))


def _a_toll_of_many(row: Row) -> bool:
    """Rule 0's tolls of a war or a country, not of one incident (a row with a count)."""
    if row.count >= MANY_TOLL:
        day = trusted_day(row) if row.date_source in ("sentence", "paragraph") else None
        if day is None or row.published is None or (row.published - day).days > SAME_ARTICLE_DAYS:
            return True  # hundreds or thousands killed or hurt, not on a day of this week its own words name: a
            #              war's running toll ("The bombing killed 256 Palestinians", "About 15,000 were killed" in
            #              1948, dated only by the lead's or the publication's day)
    if row.qualifier == "vague" and row.count >= 100 and not _dated_now(row):
        return True  # "killing hundreds of Palestinians" (not "on Monday"): no one incident's count
    # "In Israel, 13 people died", "12 people were killed in Israel", "the assault killed 261": a country's or a
    # campaign's toll
    return row.count >= BIG_TOLL and not _dated_now(row) and (
        row.place_is_coarse or (bool(row.sentence) and (
            _CAMPAIGN.search(row.sentence) is not None or _in_an_area(row.sentence))))


_IN_PLACE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:occupied\s+|besieged\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


@lru_cache(maxsize=65536)
def _in_an_area(sentence: str) -> bool:
    """Whether a sentence places its figures in a country or a region and names no town ("killed in Israel",
    "across the occupied West Bank"; not "in the US city of New Orleans")."""
    if not any(gazetteer.is_country(n) or _is_region(n) for n in (m.group(1) for m in _IN_PLACE.finditer(sentence))):
        return False
    for m in _CAPITALISED.finditer(sentence):
        words = m.group().split()
        for i in range(len(words)):  # every run of its words: "The US city of New Orleans" holds "New Orleans"
            for j in range(i + 1, len(words) + 1):
                place = gazetteer.lookup(" ".join(words[i:j]))
                if place is not None and place.feature not in ("country", "region"):
                    return False  # a town it names: the toll of something there
    return True


def _is_region(name: str) -> bool:
    place = gazetteer.lookup(name)
    return place is not None and place.feature == "region"


def _dated_now(row: Row) -> bool:
    """Whether the row's own sentence names a day within `NOW_DAYS` of publication ("on Sunday")."""
    day = trusted_day(row)
    return (row.date_source == "sentence" and row.date_text is not None and day is not None
            and row.published is not None and (row.published - day).days <= NOW_DAYS)


def eligible_rows(rows: Sequence[Row]) -> list[Row]:
    """Rule 0 over one article's rows: those that report an incident, without the parts of a war's or a
    country's toll ("the assault killed 256, including 66 children": the children are the campaign's too)."""
    out = [r for r in rows if reports_incident(r)]
    if len(out) == len(rows):
        return out
    companions = _toll_companions(rows)
    if companions:
        out = [r for r in out if r.event_id not in companions]
    dropped = {r.event_id for r in rows if r.count is not None and not r.is_cumulative and _a_toll_of_many(r)}
    if not dropped:
        return out
    dropped = _with_their_parts(rows, dropped)
    return [r for r in out if r.event_id not in dropped]


def _toll_companions(rows: Sequence[Row]) -> set[str]:
    """Rows that share a sentence with a running toll and are at least as big as it: the toll's own other kind
    ("the bombardment has killed at least 139 Palestinians and wounded more than 920 since Monday": the 920 are
    the campaign's too), not an incident told beside it ("Three were killed on Monday, bringing the toll to 500")."""
    tolls: dict[str, int] = {}
    for r in rows:
        if r.is_cumulative and r.count is not None and r.sentence:
            tolls[r.sentence] = min(tolls.get(r.sentence, r.count), r.count)
    if not tolls:
        return set()
    return {r.event_id for r in rows
            if not r.is_cumulative and r.count is not None and r.count >= tolls.get(r.sentence, math.inf)}


def _with_their_parts(rows: Sequence[Row], ids: set[str]) -> set[str]:
    """`ids` and the rows that are parts of them, or parts of parts ("including 66 children"), in text order."""
    out = set(ids)
    for r in sorted(rows, key=lambda r: r.char_start):
        if r.subset_of in out:
            out.add(r.event_id)
    return out


_PERIOD_WORDS = ("year", "month", "decade", "summer", "spring", "winter", "fall", "season", "so far", "to date",
                 "since", "every", "each", "annually", "nationwide", "19", "20", "through", "as of", "weekend",
                 "shootings", "incidents", "homicides", "attacks", "separate", "across", "from", "time", "period",
                 "days", "weeks")
"""Every alternative of `_PERIOD` holds one of these (lower case): a sentence in ASCII without any cannot match it.
(Keep them in step with the expression.)"""


@lru_cache(maxsize=65536)
def _names_a_period(sentence: str, one: bool = False) -> bool:
    """Whether a sentence ties its figures to a period or several incidents (cached: rows share sentences). Most
    sentences hold none of `_PERIOD_WORDS`: checked first, several times faster than the expression (only in
    ASCII, where ignoring case is lower-casing). `one`: the figure is one victim, whom "over the weekend" only
    dates ("charged in the shooting death of a 14-year-old boy over the weekend"); a weekend's tally is of many."""
    if sentence.isascii():
        lower = sentence.lower()
        if not any(w in lower for w in _PERIOD_WORDS):
            return False
    return any(not _dates_only(sentence, m, one) for m in _PERIOD.finditer(sentence))


def _dates_only(sentence: str, match: re.Match, one: bool) -> bool:
    """A period phrase that only dates one incident or belongs to other incidents than the figure's: "over the
    weekend" after one victim or after "a shooting" ("a Liberty City shooting over the weekend which left two women
    dead"), and a period of other incidents a clause recalls ("on a block where three other homicides have taken
    place in the past 18 months")."""
    before = sentence[max(0, match.start() - 80):match.start()]
    if _A_WEEKEND.fullmatch(match.group(0)) and (one or _ONE_INCIDENT_BEFORE.search(before)):
        return True
    return bool(_OTHERS_BEFORE.search(before))


_A_WEEKEND = re.compile(r"(?:over|during|this|last)\s+(?:the\s+)?weekend", re.IGNORECASE)
_ONE_INCIDENT_BEFORE = re.compile(r"\b(?:a|the)\s+(?:[\w-]+\s+){0,3}(?:shooting|incident|attack|homicide|killing|murder)\s+$",
                                  re.IGNORECASE)
_OTHERS_BEFORE = re.compile(r"\bother\s+(?:[\w-]+\s+)?(?:homicides|shootings|killings|murders|deaths|slayings)\b[^,;.]*$",
                            re.IGNORECASE)


def _of_an_earlier_time(row: Row) -> bool:
    """Whether a row's own sentence places it before the article's time: a day it names more than `RECALL_DAYS`
    before publication ("On January 26, troops killed 11", "killed last month"), or an opening on an earlier
    time ("Last week, ...", "In July, ..." in an article of another month, "Weeks earlier, ..."); or whether the
    paragraph it dates by does so ("... Roseburg, where a gunman killed nine last week. The gunman wounded nine
    others": the wounded are of last week too; on GVA 10 rows, all of earlier incidents, three double counts gone)."""
    if row.published is None:
        return False
    if row.date_source in ("sentence", "paragraph") and row.date_text is not None:
        day = trusted_day(row)
        if day is not None and (row.published - day).days > RECALL_DAYS:
            return True
    if not row.sentence:
        return False
    opens_earlier, months = _earlier_words(row.sentence)
    return opens_earlier or any(m != row.published.month for m in months)


@lru_cache(maxsize=65536)
def _earlier_words(sentence: str) -> tuple[bool, tuple[int, ...]]:
    """(whether the sentence opens on an earlier time other than a month, the months it names: its opening's and
    "in July"'s) for `_of_an_earlier_time` (cached: rows share sentences)."""
    found = _EARLIER_OPENING.match(sentence)
    if found is not None and found.group(1) is None:
        return True, ()
    months = [m.lower() for m in ([found.group(1)] if found else []) + _IN_A_MONTH.findall(sentence)]
    return False, tuple(MONTH_NAMES.index(m) + 1 for m in months)


def recalled_rows(rows: Sequence[Row]) -> set[str]:
    """Rule 0 within one article: when the article tells of an incident of its own (a killed or wounded figure
    dated within `NOW_DAYS` of publication, not of an earlier time), a figure its sentence places at an earlier
    time is one the article recalls ("Last week, the army killed three", "the raid on February 22 that killed
    11"): no report of an incident, as are the rows of its sentence and the parts of it. An article that tells
    only of an earlier time (a follow-up, a trial) reports that incident as before, and recalls only a figure
    dated years before another (`_years_before`)."""
    earlier = {r.event_id for r in rows if _of_an_earlier_time(r)}
    if not earlier:
        return earlier
    if not any(r.event_id not in earlier and r.kind in ("killed", "wounded") and _dated_now(r) for r in rows):
        earlier = _years_before(rows)
        if not earlier:
            return earlier
    sentences = {r.sentence for r in rows if r.event_id in earlier}
    return _with_their_parts(rows, {r.event_id for r in rows if r.event_id in earlier or r.sentence in sentences})


def _years_before(rows: Sequence[Row]) -> set[str]:
    """Rows an article's own words date `OLDER_DAYS` or more before the latest incident its own words date (a
    2015 article on the 2014 shooting that recalls "the Nov. 5, 2009, Fort Hood shooting that killed 13")."""
    days = {r.event_id: d for r in rows
            if r.date_source == "sentence" and r.date_text is not None and r.kind in ("killed", "wounded")
            and (d := trusted_day(r)) is not None}
    if len(days) < 2:
        return set()
    latest = max(days.values())
    return {e for e, d in days.items() if (latest - d).days >= OLDER_DAYS}


# ---- 1-2. reports -------------------------------------------------------------------------------------

def trusted_day(row: Row) -> date | None:
    """Rule 2: the row's date when it was read from words naming a day and is not after publication."""
    if row.event_date is None or (row.date_text is not None and _BARE_NUMBER.match(row.date_text)):
        return None
    if row.published is not None and row.event_date > row.published + timedelta(days=1):
        return None
    return row.event_date


DATE_RANK = {"sentence": 0, "paragraph": 0, "lead": 1}
"""Where a row's date was read (`events.date_source`), best first: its own sentence or paragraph names the
event's day; the lead's first date is often the day of a later development; a vague day (`VAGUE_RANK`) and
then the publication date (and an unrecorded source) come last."""
VAGUE_RANK = 2
"""The rank of a day read from words that name no day ("last week", "a week ago", "last month": resolved to a
day a week or a month before publication, which is seldom the day): below any day the article names."""
_VAGUE_DAY = re.compile(r"\b(?:week|weekend|month)\b|\bago\b|\brecently\b", re.I)


def _date_rank(row: Row) -> int:
    if row.date_text is not None and _VAGUE_DAY.search(row.date_text) is not None:
        return VAGUE_RANK
    return DATE_RANK.get(row.date_source, VAGUE_RANK + 1)


def _ranked_day(rows: Sequence[Row]) -> tuple[int, date] | None:
    """(rank, day) of the first trusted day among the rows whose date was read from the best place."""
    best: tuple[int, date] | None = None
    for row in rows:
        day = trusted_day(row)
        if day is not None and (best is None or _date_rank(row) < best[0]):
            best = (_date_rank(row), day)
    return best


def report_day(rows: Sequence[Row]) -> date | None:
    """Rule 2: a report's day, from rows in text order: the first trusted day among the rows whose date
    was read from the best place (sentence or paragraph, then the lead, then a vague day, then the
    publication date)."""
    best = _ranked_day(rows)
    return best[1] if best else None


def has_place(row: Row | None) -> bool:
    return row is not None and row.latitude is not None and row.longitude is not None and not row.place_is_coarse


def km(a: Row, b: Row) -> float:
    """Great-circle distance between two rows' places."""
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _fits(report: Report, row: Row) -> bool:
    if has_place(row) and has_place(report.place) and km(row, report.place) > PLACE_KM:
        return False
    day = trusted_day(row)
    if day is not None and report.day is not None and abs((day - report.day).days) > SAME_ARTICLE_DAYS:
        return False
    if row.char_start - report.rows[-1].char_start <= SAME_REPORT_CHARS:
        return True
    # further down an article (a round-up's next item), only the same named town or a restated figure
    same_town = specific(row) and specific(report.place)  # (a dateline town stands for every paragraph)
    restated = any(r.kind == row.kind and r.count == row.count for r in report.rows)
    return same_town or restated


def article_reports(rows: Sequence[Row]) -> list[Report]:
    """Rule 1: one article's eligible rows (any order) → its reports, in text order (without the rows it
    recalls: `recalled_rows`)."""
    recalled = recalled_rows(rows)
    rows = sorted((r for r in rows if r.event_id not in recalled), key=lambda r: (r.char_start, r.event_id))
    reports: list[Report] = []
    of_row: dict[str, Report] = {}
    home_rank: dict[int, int] = {}
    previous: Row | None = None
    for row in rows:
        home = of_row.get(row.subset_of) if row.subset_of else None
        if home is None and previous is not None and row.sentence == previous.sentence:
            home = of_row[previous.event_id]  # one sentence tells of one incident
        if home is None:
            separate = bool(reports) and bool(row.sentence) and _ANOTHER.search(row.sentence) is not None
            home = None if separate else next((r for r in reports if _fits(r, row)), None)
        previous = row
        if home is None:
            home = Report(row.article_id, [], published=row.published, source=row.source, title=row.title)
            reports.append(home)
        home.rows.append(row)
        of_row[row.event_id] = home
        day = trusted_day(row)
        if day is not None and (home.day is None or _date_rank(row) < home_rank[id(home)]):
            home.day = day  # rows come in text order: the first of the best-placed rows wins
            home_rank[id(home)] = home.day_rank = _date_rank(row)
        if has_place(row) and (home.place is None or (row.place_named and not home.place.place_named)):
            home.place = row  # the first town its sentence names, else the first town
    for report in reports:
        report.figures = report_figures(report.rows)
    return reports


def report_of(rows: Sequence[Row]) -> Report:
    """The report that rows of one article already filed under one incident make (rule 1's result, rebuilt)."""
    rows = sorted(rows, key=lambda r: (r.char_start, r.event_id))
    lead = rows[0]
    ranked = _ranked_day(rows)
    return Report(lead.article_id, rows, day=ranked[1] if ranked else None, published=lead.published,
                  day_rank=ranked[0] if ranked else None,
                  place=report_place(rows), figures=report_figures(rows),
                  source=lead.source, title=lead.title)


def report_place(rows: Sequence[Row]) -> Row | None:
    """Rule 2: a report's place, from rows in text order: the first town a row's own sentence names, else the
    first town (the article's dateline or main place, which the row took for want of one)."""
    return next((r for r in rows if has_place(r) and r.place_named), None) or next((r for r in rows if has_place(r)), None)


def specific(row: Row | None) -> bool:
    """Rule 3: a place that is evidence on its own: a town its row's sentence names (a dateline town such as
    Ramallah stands for every report from the West Bank; a region or country for thousands)."""
    return has_place(row) and row.place_named


def _figure_of(row: Row) -> Figure:
    """The figure of one row that is a sentence's only row of its kind."""
    low = row.low if row.low is not None else row.count
    high = row.high if row.high is not None else row.count
    return Figure(row.count, low, high, row.event_id, row.qualifier == "vague", row.high is None)


def report_figures(rows: Sequence[Row]) -> dict[str, Figure]:
    """A report's figure per kind (rule 1): rows of one sentence that are not subsets add up ("a man and a
    teenage boy died"); the first sentence that gives the kind is the report's figure."""
    if len(rows) == 1:  # the common case, without the grouping
        row = rows[0]
        if row.subset_of is not None or row.count is None:
            return {}
        return {row.kind: _figure_of(row)}
    by_sentence: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row.subset_of is None and row.count is not None:
            by_sentence[(row.kind, row.sentence)].append(row)
    out: dict[str, Figure] = {}
    killed_lede = ""
    for (kind, sentence), group in sorted(by_sentence.items(), key=lambda kv: min(r.char_start for r in kv[1])):
        if kind in out:  # sentences in text order: the first one wins
            continue
        if kind == "killed":
            killed_lede = sentence
        if len(group) == 1:
            out[kind] = _figure_of(group[0])
            continue
        best = sum(r.count for r in group)
        low = sum(r.low if r.low is not None else r.count for r in group)
        high = sum(r.high if r.high is not None else r.count for r in group)
        top = max(group, key=lambda r: (r.count, -r.char_start))
        out[kind] = Figure(best, low, high, top.event_id, any(r.qualifier == "vague" for r in group),
                           any(r.high is None for r in group))
    if "killed" in out:
        shooter = next((r for r in rows if r.victims is not None and r.kind == "killed" and r.victims.lower() in SHOOTER_WORDS
                        and r.subset_of is None and r.count == 1 and r.sentence != killed_lede), None)
        if shooter is not None and not _SHOOTER.search(killed_lede):  # "3 members of family fatally shot" ...
            out["killed"] = _sum(out["killed"], _figure_of(shooter))  # "The suspect died after being shot by police"
    return out


SHOOTER_WORDS = frozenset({"suspect", "gunman", "shooter"})
"""The one who fired, where a row names no one else (lexicon.SUSPECT_NOUNS is wider: a robber or an intruder
killed is often the lede's own victim; measured on GVA, the wider set took incident killed from 0.851 to 0.850 and
added two dead to the total)."""
_SHOOTER = re.compile(r"\b(?:" + "|".join(sorted(SHOOTER_WORDS)) + r"|himself|herself)\b", re.IGNORECASE)


# ---- 3. joining ----------------------------------------------------------------------------------------

NEAR, FOLLOW, LONG, FAR = 0, 1, 2, 3
SAME_PLACE, SAME_AREA, NO_PLACE, OTHER_PLACE = 0, 1, 2, 3
NONE, WEAK, STRONG = 0, 1, 2


def date_relation(a: Report, b: Report) -> tuple[int, int]:
    """(NEAR | FOLLOW | FAR, days beyond agreement) between two reports' dates (rule 3)."""
    if a.day is not None and b.day is not None:
        gap = abs((a.day - b.day).days) - NEAR_DAYS
    elif a.day is not None or b.day is not None:
        known, other = (a, b) if a.day is not None else (b, a)
        if other.published is None:
            return FAR, 10**6
        lag = (other.published - known.day).days  # published on or shortly after the day
        gap = lag - PUBLISHED_LAG_DAYS if lag > PUBLISHED_LAG_DAYS else (-lag - NEAR_DAYS if lag < -NEAR_DAYS else 0)
    else:
        if a.published is None or b.published is None:
            return FAR, 10**6
        gap = abs((a.published - b.published).days) - PUBLISHED_LAG_DAYS
    gap = max(gap, 0)
    if gap == 0:
        return NEAR, 0
    if gap <= FOLLOW_DAYS:
        return FOLLOW, gap
    return (LONG if gap <= LONG_DAYS else FAR), gap


PUBLISHED_RANK = VAGUE_RANK + 1
"""The rank `_date_rank` gives a day that is only the publication's."""


def pair_dates(a: Report, b: Report) -> tuple[int, int]:
    """`date_relation` as rule 3 reads it for two reports: near also when both are dated only by their
    publication (no words name the day: `day_rank`), published at most `PUBLISHED_LAG_DAYS` apart, each in a town
    it names (the same, or a namesake one of them was geocoded to, which rule b then asks weak evidence for), with
    figures that agree ("4 found shot dead in Greenacres" on Saturday, "... kills daughter, grandchildren, self" on
    Monday, 4 dead each). Not reports of an area or without a town: raids in the West Bank days apart, each dated
    by its publication, are not one."""
    rel, gap = date_relation(a, b)
    if (rel == FOLLOW and a.day_rank == PUBLISHED_RANK and b.day_rank == PUBLISHED_RANK
            and a.published is not None and b.published is not None
            and abs((a.published - b.published).days) <= PUBLISHED_LAG_DAYS
            and _pair_place(a, b) in (SAME_PLACE, OTHER_PLACE) and figures_agree(a, b)):
        return NEAR, 0
    return rel, gap


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by at most one letter changed, added or dropped ("izaak"/"isaak",
    "tanishia"/"tanisha"), in words of four letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


def _close_names(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """Names of `a` that `b` spells a letter differently in one of their two words (outlets misspell a
    victim's first name or surname: "Izaak Bridges" and "Isaak Bridges")."""
    others = [name.partition(" ") for name in b]
    out = set()
    for name in a:
        first, _, last = name.partition(" ")
        for other_first, _, other_last in others:
            if other_first == first:
                if _one_edit(last, other_last):
                    out.add(name)
                    break
            elif other_last == last and _one_edit(first, other_first):
                out.add(name)
                break
    return out


_STREET_TYPE_WORDS = frozenset(_STREET_SHORT.get(t, t) for t in STREET_TYPES)
_DIRECTIONS = frozenset("north south east west".split())


def _street_name(street: str) -> tuple[str, str]:
    """(direction, name) of a street without its type word: "gumberry road" and "gumberry drive" are one street
    (outlets disagree on the type word), and so are "north payson street", "payson st." and "the 1900 block of
    Payson" (one outlet leaves the direction out), but not "east 63rd street" and "west 63rd street"."""
    words = street.split()
    if len(words) > 1 and words[-1] in _STREET_TYPE_WORDS:
        words.pop()
    direction = words.pop(0) if len(words) > 1 and words[0] in _DIRECTIONS else ""
    return direction, " ".join(words)


def _same_streets(a: list[tuple[str, tuple[str, str]]], b: list[tuple[str, tuple[str, str]]],
                  common: frozenset[str] | set[str]) -> set[str]:
    """The street names two reports share (`_street_name`: a direction only one of them gives still agrees),
    outside `common`."""
    return {n for k, (d, n) in a if k not in common
            for k2, (d2, n2) in b if n2 == n and k2 not in common and (d == d2 or not d or not d2)}


def _firsts_lasts(names: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    parts = [n.partition(" ") for n in names]
    return frozenset(p[0] for p in parts), frozenset(p[2] for p in parts)


def _parts(e: Evidence) -> tuple:
    """What pair comparisons read of an evidence besides its sets, worked out once per evidence (when its sets
    are frozen; an incident's pooled evidence grows): the first and last words of its names and of its victims'
    (`_close_names` can only find a name whose first or last word the other side has), its streets' keys
    with their names without the type word, and `_keys_and_words`."""
    parts = e._parts
    if parts is None:
        streets = [(f"s:{t}", _street_name(t)) for t in e.streets]
        parts = (*_firsts_lasts(e.names), *_firsts_lasts(e.victims), streets, frozenset(n for _, (_, n) in streets),
                 e.keys + [f"t:{w}" for w in e.words])
        if type(e.names) is frozenset and type(e.victims) is frozenset and type(e.streets) is frozenset:
            e._parts = parts
    return parts


def evidence_strength(a: Evidence, b: Evidence, common: frozenset[str] | set[str] = frozenset()) -> tuple[int, bool]:
    """(NONE | WEAK | STRONG, names differ) between two reports (rule 3). Names and streets in `common`
    (keys "n:..."/"s:..." shared by many incidents: a president, a police spokesman, "Main Street") count
    for nothing. A name spelt a letter differently counts as shared, and so does a street under another
    type word ("Gumberry Road"/"Gumberry Drive")."""
    a_names, b_names = a.names, b.names
    exact = a_names & b_names
    close = False
    a_parts = b_parts = None
    if exact:
        shared = {n for n in exact if f"n:{n}" not in common} if common else exact
    elif a_names and b_names:  # spellings are compared only when no name is shared
        close = True
        a_parts, b_parts = a._parts or _parts(a), b._parts or _parts(b)
        if a_parts[0].isdisjoint(b_parts[0]) and a_parts[1].isdisjoint(b_parts[1]):
            shared = exact  # no first or last word in common: no name spelt a letter differently either
        else:
            shared = _close_names(a_names, b_names)
            if shared and common:
                shared = {n for n in shared if f"n:{n}" not in common}
    else:
        shared = exact
    a_streets, b_streets = a.streets, b.streets
    streets = a_streets & b_streets if a_streets and b_streets else None
    if streets and common:
        streets = {t for t in streets if f"s:{t}" not in common}
    if not streets and a_streets and b_streets:
        if a_parts is None:
            a_parts, b_parts = a._parts or _parts(a), b._parts or _parts(b)
        if not a_parts[5].isdisjoint(b_parts[5]):
            streets = _same_streets(a_parts[4], b_parts[4], common)
    if streets:
        streets = {t for t in streets if not t.endswith(AREA_SUFFIXES)}  # a county is no street (`shares_county`)
    a_victims, b_victims = a.victims, b.victims
    differ = bool(a_victims) and bool(b_victims) and not shared and not exact
    victims_shared = (shared and a_victims and b_victims and not shared.isdisjoint(a_victims & b_victims)) or (
        close and a_victims and b_victims and not (a_parts[2].isdisjoint(b_parts[2]) and a_parts[3].isdisjoint(b_parts[3]))
        and _close_names(a_victims, b_victims))
    # a long article names dozens of people: two of them in common say less than two of a short one's five
    if victims_shared or (a.shingles and b.shingles and wording(a, b) >= 0.5) or (
            shared and len(shared) / max(1, min(len(a_names), len(b_names))) >= NAME_SHARE
            and (len(shared) >= 2 or streets)):
        return STRONG, False
    if shared or streets:
        return WEAK, False
    a_words, b_words = a.words, b.words
    if a_words and b_words:
        both = a_words & b_words
        if len(both) >= TITLE_WORDS and sum(f"t:{w}" not in common for w in both) >= TITLE_WORDS:
            return WEAK, False
    return NONE, differ


def victim_named(a: Evidence, b: Evidence, common: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a victim one report names with an age is named in the other (with or without one)."""
    victims = a.victims | b.victims
    return bool(victims) and any(f"n:{n}" not in common for n in (a.names & b.names & victims))


_COURT = re.compile(r"\b(?:charged|charges|arrested|arrest|indicted|convicted|sentenced|pleaded|plea|guilty|trial|"
                    r"arraigned|accused|suspect)\b", re.IGNORECASE)


def _a_court_story(report: Report) -> bool:
    """A report of an arrest, a charge or a trial (its headline or its lead figure's sentence says so)."""
    return bool(_COURT.search(report.lead.title or "") or _COURT.search(report.lead.sentence))


COURT_TOLL = 2
"""The fewest killed a court story's toll needs to speak for an incident in its town (rule c): two or more dead in one
shooting are few in a town in a year; one is every week in a city."""


def court_toll(report: Report) -> int | None:
    """The report's killed figure when exact and `COURT_TOLL` to `BIG_TOLL` - 1 (a bigger one is `big_toll`'s)."""
    fig = report.figures.get("killed")
    return fig.best if fig is not None and COURT_TOLL <= fig.best < BIG_TOLL and not fig.vague else None


def is_court_story(report: Report) -> bool:
    """`_a_court_story`, read once a report (`Report.court`)."""
    if report.court is None:
        report.court = _a_court_story(report)
    return report.court


CRIME_WORDS = frozenset("""
double triple quadruple murder murders homicide homicides killings slaying slayings death deaths trial guilty sentenced
sentence sentencing plea pleads pleaded charge charges indicted indictment convicted arrest arrests verdict jury court
judge hearing bond accused suspects gunman gunmen police
""".split())
"""Headline words that tell of the crime or its case, not of which one: "double murder" heads the arrest, the trial and
the sentencing of every double killing in a city (`_court_detail`)."""


def _court_detail(a: Evidence, b: Evidence, common: frozenset[str] | set[str]) -> bool:
    """What a court story of the same toll must share with the other report besides (rule c): a street (not a
    county), a name, or a headline word that is not one of `CRIME_WORDS`, outside `common`."""
    if any(f"s:{t}" not in common and not t.endswith(AREA_SUFFIXES) for t in a.streets & b.streets):
        return True
    if any(f"n:{n}" not in common for n in a.names & b.names):
        return True
    return any(w not in CRIME_WORDS and f"t:{w}" not in common for w in a.words & b.words)


def court_and_toll(a: Report, b: Report) -> bool:
    """Rule c's court story: one of the two tells of an arrest, a charge or a trial, not dated before the other unless
    both do (a case follows its killing), both give the same exact toll (`court_toll`), and the wounded both give (if
    both do) do not differ."""
    court_a, court_b = is_court_story(a), is_court_story(b)
    if not (court_a or court_b):
        return False
    toll = court_toll(a)
    if toll is None or court_toll(b) != toll:
        return False
    if court_a != court_b and _anchor(a if court_a else b) < _anchor(b if court_a else a):
        return False
    wa, wb = a.figures.get("wounded"), b.figures.get("wounded")
    return wa is None or wb is None or not _differ(wa, wb)


def names_differ(a: Evidence, b: Evidence, common: frozenset[str] | set[str] = frozenset()) -> bool:
    """`evidence_strength(a, b, common)[1]` alone: both name people with ages and share no name (exactly or
    spelt a letter differently, outside `common`)."""
    if not a.victims or not b.victims or not a.names.isdisjoint(b.names):
        return False
    shared = _close_names(a.names, b.names)
    if shared and common:
        shared = {n for n in shared if f"n:{n}" not in common}
    return not shared


def beyond_names(a: Evidence, b: Evidence, common: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether two reports share more than names of people: a victim named with an age, a street, or most of
    the wording of their figures' sentences (what rule c needs months apart)."""
    if any(f"n:{n}" not in common for n in a.victims & b.victims):
        return True
    if any(f"s:{t}" not in common and not t.endswith(AREA_SUFFIXES) for t in a.streets & b.streets):
        return True
    return wording(a, b) >= 0.5


AREA_SUFFIXES = (" county", " parish")


def shares_county(a: Evidence, b: Evidence, common: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether two reports name the same county or parish (kept with the streets, "itasca county"), outside
    `common`: where a rural incident is, when the gazetteer placed a report at a namesake town or at none."""
    return any(t.endswith(AREA_SUFFIXES) and f"s:{t}" not in common for t in a.streets & b.streets)


def _one_title_word(a: Evidence, b: Evidence, common: frozenset[str] | set[str]) -> bool:
    """Whether two reports' headlines share a distinctive word outside `common` (rule a)."""
    return any(f"t:{w}" not in common for w in a.words & b.words)


def big_toll(report: Report) -> int | None:
    """The report's killed figure when it is a mass-casualty toll (`BIG_TOLL` to `RUNNING_TOLL` - 1, not a
    vague amount)."""
    fig = report.figures.get("killed")
    return fig.best if fig is not None and BIG_TOLL <= fig.best < RUNNING_TOLL and not fig.vague else None


def _differ(a: Figure, b: Figure) -> bool:
    """Two figures of one kind disagree: neither is vague and their ranges do not overlap."""
    if a.vague or b.vague:
        return False
    high_a = math.inf if a.open else a.high
    high_b = math.inf if b.open else b.high
    return max(a.low, b.low) > min(high_a, high_b)


def _sum(a: Figure, b: Figure) -> Figure:
    """Two figures added up (killed and wounded: everyone shot)."""
    return Figure(a.best + b.best, a.low + b.low, a.high + b.high, a.event_id, a.vague or b.vague, a.open or b.open)


def figures_conflict(earlier: Report, later: Report) -> bool:
    """Rule 3: a kind both state differs (vague amounts never do, "at least" is a range), unless more have
    died and no more were killed or hurt in all (a wounded victim died)."""
    a, b = earlier.figures, later.figures
    differs = [k for k in a.keys() & b.keys() if _differ(a[k], b[k])]
    if not differs:
        return False
    if differs == ["wounded"] and ("killed" in a) != ("killed" in b):
        shot, split = (b, a) if "killed" in a else (a, b)
        if not _differ(shot["wounded"], _sum(split["killed"], split["wounded"])):
            return False  # "seven people were shot" (read as wounded) and "one killed, six wounded": everyone shot
    if (set(differs) <= {"killed", "wounded"} and "killed" in differs and "wounded" in a and "wounded" in b
            and b["killed"].best > a["killed"].best):
        return a["killed"].best + a["wounded"].best < b["killed"].best + b["wounded"].best
    return True


@dataclass(slots=True)
class Incident:
    """An incident while it is being assembled: its id and member reports."""

    incident_id: str
    reports: list[Report] = field(default_factory=list)
    evidence: Evidence | None = None  # union of its members' evidence, built lazily
    latest: Report | None = None  # its report latest in the canonical order
    pool: _Pool | None = field(default=None, compare=False, repr=False)  # what `_out_of_reach` reads, built lazily

    def add(self, report: Report, evidence: Evidence | None) -> None:
        self.reports.append(report)
        if self.latest is None or report.key > self.latest.key:
            self.latest = report
        if self.evidence is not None and evidence is not None:
            self.evidence.names |= evidence.names
            self.evidence.victims |= evidence.victims
            self.evidence.streets |= evidence.streets
            self.evidence.shingles |= evidence.shingles


def _union(evidences: Iterable[Evidence]) -> Evidence:
    """An incident's evidence: its reports' together (mutable sets, grown as reports join)."""
    names, victims, streets, shingles = set(), set(), set(), set()
    for e in evidences:
        names |= e.names
        victims |= e.victims
        streets |= e.streets
        shingles |= e.shingles
    return Evidence(names, victims, streets, shingles)


def _conflicts(incident: Incident, report: Report) -> bool:
    latest = incident.latest or max(incident.reports, key=lambda r: r.key)
    earlier, later = (latest, report) if latest.key <= report.key else (report, latest)
    return figures_conflict(earlier, later)


def figures_agree(a: Report, b: Report) -> bool:
    """Rule 3: two reports state a figure of the same kind that agrees (neither vague, ranges overlapping) and
    none that conflicts."""
    shared = [k for k in a.figures.keys() & b.figures.keys() if not a.figures[k].vague and not b.figures[k].vague]
    earlier, later = (a, b) if a.key <= b.key else (b, a)
    return any(not _differ(a.figures[k], b.figures[k]) for k in shared) and not figures_conflict(earlier, later)


SAME_TOLL_VICTIMS = 3
"""Victims (killed and wounded, both stated) two reports must give alike before the same toll says anything."""
SAME_TOLL_DAYS = 7
"""Days apart within which the same toll in one town is weak evidence (over the 45-day follow-up window it chained
three Chicago shootings weeks apart)."""


def _same_toll(a: Report, b: Report) -> bool:
    """Both reports state killed and wounded, exactly and alike, `SAME_TOLL_VICTIMS` victims or more."""
    fa, fb = a.figures, b.figures
    if "killed" not in fa or "wounded" not in fa or "killed" not in fb or "wounded" not in fb:
        return False
    k, w = fa["killed"], fa["wounded"]
    if k.vague or w.vague or fb["killed"].vague or fb["wounded"].vague:
        return False
    return (k.best, w.best) == (fb["killed"].best, fb["wounded"].best) and k.best + w.best >= SAME_TOLL_VICTIMS


def _first(incident: Incident) -> Report:
    return min(incident.reports, key=lambda r: r.key)


def _agree(incident: Incident, report: Report) -> bool:
    return figures_agree(incident.latest or max(incident.reports, key=lambda r: r.key), report)


_KM_PER_DEGREE_LATITUDE = 6371 * math.pi / 180  # a great-circle distance is at least its latitude difference


def _pair_place(report: Report, member: Report) -> int:
    """Rule 3's place relation between two reports."""
    a, b = report.place, member.place
    if (a is None or b is None or a.latitude is None or a.longitude is None or b.latitude is None
            or b.longitude is None or a.place_is_coarse or b.place_is_coarse):
        return NO_PLACE  # (`has_place`, inlined: this runs for every report-member pair)
    named = a.place_named and b.place_named
    if abs(a.latitude - b.latitude) * _KM_PER_DEGREE_LATITUDE > PLACE_KM + 1 or km(a, b) > PLACE_KM:
        return OTHER_PLACE if named else NO_PLACE  # (a dateline town far from a named one says nothing: no place)
    return SAME_PLACE if named else SAME_AREA


def _allowed(report: Report, incident: Incident, strength: int, place: int, rel: int, word: bool = False) -> bool:
    """Rules a-c for one member's date, place and evidence (`word`: one distinctive headline word in common)."""
    if place == SAME_PLACE and rel == NEAR:
        if strength == NONE:  # near the incident's first report: a chain of days in one town is no incident
            return pair_dates(report, _first(incident))[0] == NEAR and (word or not _conflicts(incident, report))
        return True
    if strength == WEAK and place in (SAME_AREA, NO_PLACE) and rel == NEAR:
        return _agree(incident, report)  # a dateline town or no town, a word or a name: figures agree too (near only)
    if strength == WEAK and (place == SAME_PLACE and rel == FOLLOW or place == OTHER_PLACE and rel == NEAR):
        return not _conflicts(incident, report)
    return strength == STRONG


@dataclass(slots=True)
class _Pool:
    """What an incident's first `n` member reports could share with a report, pooled: their names and victims
    (and those names' first and last words, a quick first test), street names, headline words, wording hashes
    (and the fewest any non-empty sketch holds) and mass-casualty tolls. An upper bound on the evidence of any
    one member (`_out_of_reach`)."""

    source: Callable[[Report], Evidence] | None = None  # the `evidence_for` it was read with
    n: int = 0
    firsts: set[str] = field(default_factory=set)
    lasts: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    streets: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    shingles: set[int] = field(default_factory=set)
    fewest_shingles: int = SKETCH
    tolls: set[int] = field(default_factory=set)


def _pool(incident: Incident, evidence_for: Callable[[Report], Evidence]) -> _Pool:
    """The incident's `_Pool`, extended with the members that joined since it was last read (read again
    under another `evidence_for`)."""
    pool = incident.pool
    if pool is None or pool.source is not evidence_for:
        pool = incident.pool = _Pool(evidence_for)
    reports = incident.reports
    for member in reports[pool.n:]:
        e = evidence_for(member)
        parts = e._parts or _parts(e)
        pool.firsts |= parts[0] | parts[2]
        pool.lasts |= parts[1] | parts[3]
        pool.names |= e.names | e.victims
        pool.streets |= parts[5]
        pool.words |= e.words
        if e.shingles:
            pool.shingles |= e.shingles
            pool.fewest_shingles = min(pool.fewest_shingles, len(e.shingles))
        toll = big_toll(member)
        if toll is not None:
            pool.tolls.add(toll)
    pool.n = len(reports)
    return pool


def _out_of_reach(report: Report, incident: Incident, dates: list[tuple[int, int]], mine: Evidence,
                  toll: int | None, evidence_for: Callable[[Report], Evidence]) -> bool:
    """Whether `decide` refuses the report whatever its evidence against each member: no member is near in date
    (rules a, a', b need it), and the members in one town within the follow-up window (rule b) could share no
    weak evidence with it, and no member could share strong evidence (rule c), judged against the incident's
    pooled keys (`_Pool`): no name in common, none spelt a letter differently (`_close_names`), too few wording
    hashes in common for any member's wording to reach half, no street name, fewer than `TITLE_WORDS` headline
    words, not the same toll, no court story of the same toll in one town. A shortcut only: when it says False,
    `decide` weighs each member as before (at a million synthetic rows it refuses three decisions in five, most
    for a street shared with an incident in another town weeks apart)."""
    weak_needed = strong_needed = False
    courting = court_toll(report) is not None
    for member, (rel, gap) in zip(incident.reports, dates):  # (`pair_dates` with each member)
        if rel == NEAR:
            return False
        if rel == FAR:
            continue
        if courting and court_and_toll(report, member) and _pair_place(report, member) == SAME_PLACE:
            return False  # (`decide`: a court story of the same toll in one town, with a detail in common)
        if rel == FOLLOW and _pair_place(report, member) == SAME_PLACE:
            weak_needed = True
            if gap <= SAME_TOLL_DAYS and _same_toll(report, member):
                return False  # (`decide`: the same toll in one town within days is weak evidence)
        else:
            strong_needed = True
    if not weak_needed and not strong_needed:
        return True  # every member beyond `LONG_DAYS`
    pool = _pool(incident, evidence_for)
    if toll is not None and toll in pool.tolls:
        return False
    parts = mine._parts or _parts(mine)
    firsts, lasts = pool.firsts, pool.lasts
    if not (parts[0].isdisjoint(firsts) and parts[2].isdisjoint(firsts) and parts[1].isdisjoint(lasts)
            and parts[3].isdisjoint(lasts)):
        names = mine.names | mine.victims if mine.victims else mine.names
        if not names.isdisjoint(pool.names) or _close_names(names, pool.names):
            return False
    if mine.shingles and pool.shingles:
        # a member's wording: |shared| / min(SKETCH, |union|) <= k / min(SKETCH, |mine| + fewest - k), k the hashes
        # shared with the pool (the share grows with what two sketches share and shrinks as the other grows)
        k = len(mine.shingles & pool.shingles)
        if k and 2 * k >= min(SKETCH, len(mine.shingles) + pool.fewest_shingles - k):
            return False
    if weak_needed and (not parts[5].isdisjoint(pool.streets) or len(mine.words & pool.words) >= TITLE_WORDS):
        return False
    return True


def decide(report: Report, incident: Incident, evidence_for: Callable[[Report], Evidence],
           common: frozenset[str] | set[str] = frozenset()) -> tuple | None:
    """Rule 3 for one candidate: None when the report may not join, else a sort key (smaller is better). The
    rules hold between the report and one member report (its date, its place, the evidence they share): a date
    near one member and a name shared with another, months apart, join nothing."""
    mine = evidence_for(report)
    toll = big_toll(report)
    members = incident.reports
    dates = [pair_dates(report, member) for member in members]
    if _out_of_reach(report, incident, dates, mine, toll, evidence_for):
        return None
    pairs = []
    same_toll = False
    some_evidence = False
    for member, (rel, gap) in zip(members, dates):
        if rel == FAR:
            continue
        # strength against each member (not the union, which would grow with the incident and chain it on)
        theirs = evidence_for(member)
        strength, differ = evidence_strength(mine, theirs, common)
        place = _pair_place(report, member)
        if strength == STRONG and rel == LONG and place != SAME_PLACE and not beyond_names(mine, theirs, common):
            strength = WEAK  # months apart and not in one town, people named in both (officials, commentators) say little
        if toll is not None and big_toll(member) == toll and (rel == NEAR or specific(report.place) or specific(member.place)):
            same_toll = True  # the same mass-casualty toll: stronger evidence, and strong within one town's reach
            strength = (STRONG if place in (SAME_PLACE, SAME_AREA) and (rel == NEAR or rel == FOLLOW and (
                strength > NONE or _one_title_word(mine, theirs, common))) else min(STRONG, strength + 1))
        if (strength == WEAK and place == SAME_PLACE and rel in (NEAR, FOLLOW, LONG) and victim_named(mine, theirs, common)
                and (is_court_story(report) or is_court_story(member))):
            strength = STRONG  # in one town, a charge, an arrest or a trial naming a victim the other names: the
            # same killing ("Teen charged with murder in shooting deaths of baby, man" names one of the two dead)
        if (strength < STRONG and place == SAME_PLACE and (rel == FOLLOW or rel == LONG)
                and court_and_toll(report, member) and _court_detail(mine, theirs, common)):
            strength = STRONG  # in one town, a court story of the same toll with a street, a name or a headline word
            # in common: the same killing ("Suspect arrested for Berclair shooting", two dead on Gherald Street)
        if strength == NONE and rel == NEAR and place != SAME_PLACE and shares_county(mine, theirs, common):
            strength = WEAK  # the same county, not the same town: weak evidence (in one town it says nothing)
        if (strength == NONE and rel == FOLLOW and gap <= SAME_TOLL_DAYS and place == SAME_PLACE and not differ
                and _same_toll(report, member)):
            strength = WEAK  # "1 killed, 3 wounded" again in one town within days: the same shooting's follow-up
            # (not where both name victims and share none: two shootings)
        word = strength == NONE and rel == NEAR and place == SAME_PLACE and _one_title_word(mine, theirs, common)
        if strength != NONE:
            some_evidence = True
        pairs.append((-strength, place, rel, gap, word))
    if not pairs:
        return None
    if not same_toll and not some_evidence:  # pooled evidence only where "names differ" can decide
        if incident.evidence is None:
            incident.evidence = _union(evidence_for(m) for m in incident.reports)
        if names_differ(mine, incident.evidence, common):
            return None  # names differ
    if len(pairs) > 1:
        pairs.sort()
    for minus_strength, place, rel, gap, word in pairs:
        if _allowed(report, incident, -minus_strength, place, rel, word):
            return (minus_strength, place, rel, gap, incident.incident_id)
    return None


# ---- the clustering --------------------------------------------------------------------------------------

PLACE_REACH = NEAR_DAYS + PUBLISHED_LAG_DAYS + 3  # days searched around a report by place (rule a)
KEY_REACH = LONG_DAYS + PUBLISHED_LAG_DAYS + NEAR_DAYS + 1  # and by a shared name (rules b, c)
STREET_REACH = FOLLOW_DAYS + PUBLISHED_LAG_DAYS + NEAR_DAYS + 1  # or street (rule b: alone it is weak evidence)
MAX_KEY_INCIDENTS = 10  # a name or street shared by more incidents than this in reach is no evidence to search by
MAX_KEY_ARTICLES = 20  # nor one that more articles than this in reach give (an outlet's name, a victim every later report recalls)


def key_reach(key: str) -> int:
    """How many days around a report an evidence key is searched (streets: the follow-up window)."""
    return STREET_REACH if key.startswith(("s:", "t:")) else KEY_REACH
CELL_DEGREES = 0.6  # grid cells for finding incidents near a place: 0.6° ≈ 67 km > 2 x PLACE_KM


@lru_cache(maxsize=4096)
def _band_width(band: int) -> float:
    """Degrees of longitude a cell spans in a latitude band: at least `CELL_DEGREES` of latitude in km,
    measured where the band is narrowest."""
    lat = min(85.0, max(abs(band * CELL_DEGREES), abs((band + 1) * CELL_DEGREES)))
    return CELL_DEGREES / math.cos(math.radians(lat))


def _cell(row: Row) -> tuple[int, int]:
    band = math.floor(row.latitude / CELL_DEGREES)
    return (band, math.floor(row.longitude / _band_width(band)))


def _cells_near(row: Row) -> list[tuple[int, int]]:
    """The cells a place within `PLACE_KM` of `row` can lie in. Cells are at least 2 x `PLACE_KM` across, so
    only the neighbours on the sides of the half of the cell the point is in count: four cells, not nine."""
    y = row.latitude / CELL_DEGREES
    band = math.floor(y)
    out = []
    for b in (band, band + (1 if y - band >= 0.5 else -1)):
        x = row.longitude / _band_width(b)
        cx = math.floor(x)
        out += [(b, cx), (b, cx + (1 if x - cx >= 0.5 else -1))]
    return out


def _anchor(report: Report) -> int:
    day = report.day or report.published
    return day.toordinal() if day is not None else 0


class _Postings:
    """(day, incident) entries kept sorted by day, so a date window is two bisections."""

    __slots__ = ("days", "incidents", "sorted")

    def __init__(self) -> None:
        self.days: list[int] = []
        self.incidents: list[Incident] = []
        self.sorted = True

    def add(self, day: int, incident: Incident) -> None:
        if self.days and day < self.days[-1]:
            self.sorted = False
        self.days.append(day)
        self.incidents.append(incident)

    def window(self, lo: int, hi: int) -> list[Incident]:
        if not self.sorted:
            order = sorted(range(len(self.days)), key=self.days.__getitem__)
            self.days = [self.days[i] for i in order]
            self.incidents = [self.incidents[i] for i in order]
            self.sorted = True
        return self.incidents[bisect_left(self.days, lo) : bisect_right(self.days, hi)]


def _crowded(window: list[Incident]) -> bool:
    """More than `MAX_KEY_INCIDENTS` incidents (or four times as many reports) under one key."""
    if len(window) <= MAX_KEY_INCIDENTS:
        return False
    return len(window) > 4 * MAX_KEY_INCIDENTS or len({id(i) for i in window}) > MAX_KEY_INCIDENTS


class Index:
    """Incidents filed by grid cell and by evidence key, with their reports' days, for candidate lookup
    (blocking): a report is compared only with incidents near it in place within `PLACE_REACH` days (what
    rule a can join), or sharing a name within `KEY_REACH` days or a street within `STREET_REACH` days
    (rules b and c need one), where that key is not shared by more than `MAX_KEY_INCIDENTS` incidents in
    reach ("Main Street" finds nothing); or, by cell, a `court_toll` of a court story within `KEY_REACH` days
    (where fewer incidents in reach have it: two dead is no key in Chicago)."""

    def __init__(self, evidence_for: Callable[[Report], Evidence], common: frozenset[str] | set[str] = frozenset()) -> None:
        self.by_cell: dict[tuple[int, int], _Postings] = defaultdict(_Postings)
        # reports with a `court_toll` by cell and toll: all of them, and the court stories among them
        self.by_toll: dict[tuple[tuple[int, int], int], _Postings] = defaultdict(_Postings)
        self.by_court_toll: dict[tuple[tuple[int, int], int], _Postings] = defaultdict(_Postings)
        self.by_key: dict[str, _Postings] = defaultdict(_Postings)
        self.evidence_for = evidence_for
        self.known_common = common  # keys the database says are common around these reports
        self._crowded_keys: tuple[Report | None, set[str]] = (None, set())  # what `candidates` last found crowded
        self._last_keys: tuple[Report | None, list[str]] = (None, [])

    def common(self, report: Report) -> set[str]:
        """The report's keys that too many incidents in reach share to count as evidence."""
        keys = self.evidence_for(report).keys
        out = {k for k in keys if k in self.known_common}
        last, crowded = self._crowded_keys
        if last is report:  # `candidates` just looked at the same windows
            return out | {k for k in crowded if not k.startswith("toll:")}
        anchor = _anchor(report)
        for key in keys:
            p = self.by_key.get(key)
            if p is not None:
                reach = key_reach(key)
                if _crowded(p.window(anchor - reach, anchor + reach)):
                    out.add(key)
        return out

    def _keys(self, report: Report) -> list[str]:
        last, keys = self._last_keys
        if last is report:  # `add` right after `candidates`
            return keys
        toll = big_toll(report)
        keys = self.evidence_for(report).keys
        keys = keys + [f"toll:{toll}"] if toll is not None else keys
        self._last_keys = (report, keys)
        return keys

    def add(self, incident: Incident, report: Report) -> None:
        day = _anchor(report)
        if has_place(report.place):
            cell = _cell(report.place)
            self.by_cell[cell].add(day, incident)
            toll = court_toll(report)
            if toll is not None:
                self.by_toll[(cell, toll)].add(day, incident)
                if is_court_story(report):
                    self.by_court_toll[(cell, toll)].add(day, incident)
        by_key = self.by_key
        for key in self._keys(report):
            by_key[key].add(day, incident)

    def candidates(self, report: Report) -> list[Incident]:
        """Incidents in reach of the report, by id (and, for `common`, the report's keys found crowded)."""
        anchor = _anchor(report)
        found: dict[str, Incident] = {}
        if has_place(report.place):
            lo, hi = anchor - PLACE_REACH, anchor + PLACE_REACH
            by_cell = self.by_cell
            cells = _cells_near(report.place)
            for cell in cells:
                p = by_cell.get(cell)
                if p is not None:
                    for i in p.window(lo, hi):
                        found[i.incident_id] = i
            toll = court_toll(report)
            if toll is not None:  # a court story of the same toll in its town (rule c), unless a common toll there
                tolls = self.by_toll if is_court_story(report) else self.by_court_toll
                for cell in cells if tolls else ():
                    p = tolls.get((cell, toll))
                    if p is not None:
                        window = p.window(anchor - KEY_REACH, anchor + KEY_REACH)
                        if not _crowded(window):
                            for i in window:
                                found[i.incident_id] = i
        crowded: set[str] = set()
        by_key, known_common = self.by_key, self.known_common
        for key in self._keys(report):
            p = by_key.get(key)
            if p is not None and key not in known_common:
                reach = STREET_REACH if key.startswith(("s:", "t:")) else KEY_REACH  # (`key_reach`, inlined)
                window = p.window(anchor - reach, anchor + reach)
                if len(window) > MAX_KEY_INCIDENTS and _crowded(window):
                    crowded.add(key)
                else:
                    for i in window:
                        found[i.incident_id] = i
        self._crowded_keys = (report, crowded)
        return [found[k] for k in sorted(found)]


def _keys_and_words(ev: Evidence) -> list[str]:
    """An evidence's names and streets, and its headline words as "t:word" keys: what `_widely` counts."""
    return (ev._parts or _parts(ev))[6]


def _spread(reports: Sequence[Report], evidence_for: Callable[[Report], Evidence]) -> dict[str, list[int]]:
    """For each name, street or headline word that more than `MAX_KEY_ARTICLES` articles among `reports` give: the
    days of those articles (one entry per article, its first report that gives it), sorted. Keys fewer articles
    give are left out: they cannot be widely shared (`_widely`), and at a million rows most keys are such."""
    several = {a for a, n in Counter(r.article_id for r in reports).items() if n > 1}
    seen: set[tuple[str, str]] = set()
    keys: list[str] = []
    days: list[int] = []
    for report in reports:
        found = _keys_and_words(evidence_for(report))
        if not found:
            continue
        aid = report.article_id
        if aid in several:  # an article's keys count once (its reports may repeat them)
            found = [k for k in found if (k, aid) not in seen]
            seen.update((k, aid) for k in found)
        keys += found
        days += [_anchor(report)] * len(found)
    counts = Counter(keys)
    out: dict[str, list[int]] = defaultdict(list)
    for key, day in zip(keys, days):
        if counts[key] > MAX_KEY_ARTICLES:
            out[key].append(day)
    for found_days in out.values():
        found_days.sort()
    return out


def _widely(report: Report, spread: dict[str, list[int]], evidence_for: Callable[[Report], Evidence],
            seen: dict[tuple[str, int], bool] | None = None) -> set[str]:
    """The report's names, streets and headline words ("t:israeli") that more than `MAX_KEY_ARTICLES` articles
    within reach give ("Al Jazeera", a president, a victim whose killing every later article recalls, "Israeli" in
    conflict headlines): no evidence of which incident. Counted
    over the reports being clustered, before any joins (the incidents an incremental run already holds are
    counted by `Index.common` and the database): a chain of joins cannot hide how common a name is. `seen`: the
    answers for a key and day already counted (many reports share both, "t:israeli" on one day)."""
    keys = _keys_and_words(evidence_for(report))
    if spread.keys().isdisjoint(keys):
        return set()
    anchor = _anchor(report)
    out = set()
    for key in keys:
        days = spread.get(key, ())
        if len(days) > MAX_KEY_ARTICLES:
            widely = seen.get((key, anchor)) if seen is not None else None
            if widely is None:
                reach = key_reach(key)
                widely = bisect_right(days, anchor + reach) - bisect_left(days, anchor - reach) > MAX_KEY_ARTICLES
                if seen is not None:
                    seen[(key, anchor)] = widely
            if widely:
                out.add(key)
    return out


_BEST = (-STRONG, SAME_PLACE, NEAR, 0)  # the best a `decide` verdict can be, before its incident id


def cluster(reports: Sequence[Report], existing: Sequence[Incident], new_id: Callable[[Report], str],
            evidence_for: Callable[[Report], Evidence], common: frozenset[str] | set[str] = frozenset()) -> list[Incident]:
    """Rule 3 over many reports: each joins the best incident it may join (existing ones or ones opened by
    earlier reports of this call) or opens its own, in the canonical order. Returns every incident touched
    or opened (existing incidents that gained a report included)."""
    index = Index(evidence_for, common)
    for incident in existing:
        for member in incident.reports:
            index.add(incident, member)
        incident.latest = max(incident.reports, key=lambda r: r.key) if incident.reports else None
    touched: dict[str, Incident] = {}
    spread = _spread(reports, evidence_for)
    seen: dict[tuple[str, int], bool] = {}
    for report in sorted(reports, key=lambda r: r.key):
        options = []
        candidates = index.candidates(report)
        shared_widely = index.common(report) | _widely(report, spread, evidence_for, seen) if candidates else set()
        article_id = report.article_id
        for incident in candidates:
            for member in incident.reports:
                if member.article_id == article_id:
                    break  # an article's own reports were kept apart by rule 1
            else:
                verdict = decide(report, incident, evidence_for, shared_widely)
                if verdict is not None:
                    options.append((verdict, incident))
                    if verdict[:4] == _BEST:
                        break  # no later candidate (a larger id) can do better
        if options:
            incident = min(options, key=lambda o: o[0])[1]
        else:
            incident = Incident(new_id(report))
        incident.add(report, evidence_for(report) if incident.evidence is not None else None)
        index.add(incident, report)
        touched[incident.incident_id] = incident
    return [touched[k] for k in sorted(touched)]


# ---- 4. the incident's figures -------------------------------------------------------------------------------

@dataclass(slots=True)
class Summary:
    """One `incidents` row and its `incident_figures` rows."""

    incident_id: str
    incident_date: date | None
    place: Row | None
    figures: dict[str, tuple[int, int, int, int]]  # kind -> (best, low, high, reports)
    evidence_event_id: str
    reports: int  # casualty rows
    articles: int
    sources: int
    first_published: date | None
    last_published: date | None
    headline: str | None
    place_source: str | None = None  # where `place` comes from: report | mentions | headline | region | outlet home


def _coarse_place(reports: Sequence[Report]) -> Row | None:
    """Without a town, the incident is placed at the region or country its reports name (regions first)."""
    rows = [r for rep in reports for r in rep.rows if r.latitude is not None and r.longitude is not None]
    if not rows:
        return None
    counts = Counter(r.location for r in rows)
    return max(rows, key=lambda r: (counts[r.location], -r.char_start))


MENTION_SUPPORT = 2  # place mentions near a town before it may stand for the incident instead of its reports' town


def _support(place: Row, points: dict[tuple[float, float], tuple[Row, int]]) -> int:
    lat, reach = place.latitude, PLACE_KM + 1  # (the latitude bound first, as in `_pair_place`)
    return sum(n for m, n in points.values()
               if abs(m.latitude - lat) * _KM_PER_DEGREE_LATITUDE <= reach and km(place, m) <= PLACE_KM)


def supported_place(place: Row | None, mentions: Sequence[Row]) -> Row | None:
    """Rule 4's check of the reports' town against every town its articles mention: a town that at least
    `MENTION_SUPPORT` mentions lie near, and more than twice as many as near the reports' town, stands for the
    incident instead (a neighbourhood read as a namesake town far away, "Englewood" or "Austin" in a Chicago
    story that names Chicago eight times); so does it when the reports have no town. Ties: the first
    mentioned."""
    if not mentions:
        return place
    points: dict[tuple[float, float], tuple[Row, int]] = {}
    for m in mentions:  # one entry per distinct point, with how often it is mentioned
        first, n = points.get((m.latitude, m.longitude), (m, 0))
        points[(m.latitude, m.longitude)] = (first, n + 1)
    best, top = None, 0
    for m, _ in points.values():
        n = _support(m, points)
        if n > top:
            best, top = m, n
    if best is None or top < MENTION_SUPPORT:
        return place
    if not has_place(place):
        return best
    return best if top > 2 * _support(place, points) else place


def _most_given(stating: Sequence[Figure]) -> Figure:
    """Rule 4's wounded figure: the one most reports give, vague amounts aside ("several"), the latest of a tie.
    Outlets count the wounded differently (with or without the dead, the grazed, the hurt fleeing) and a later
    report rarely corrects an earlier one the way a rising death toll does."""
    exact = [f for f in stating if not f.vague] or list(stating)
    counts = Counter(f.best for f in exact)
    top = max(counts.values())
    return next(f for f in reversed(exact) if counts[f.best] == top)


def summarise(incident: Incident, mentions: Sequence[Row] = (), headline_towns: Sequence[Row] = (),
              home_town: Row | None = None,
              headline_where: Callable[[str | None, Row], Row | None] | None = None) -> Summary:
    """Rule 4: an incident's date, place and figures from its reports (`mentions`: the towns its articles
    name, as rows with coordinates, see `supported_place`; `headline_towns`: the towns its reports' headlines
    name, earliest report first, and `home_town` its outlet's home town, for an incident nothing else places;
    `headline_where(title, place)`: the town or county of the place's state a headline says it happened in)."""
    reports = incident.reports
    if len(reports) > 1:
        reports = sorted(reports, key=lambda r: (r.published or date.min, r.article_id, r.lead.char_start))
    figures: dict[str, tuple[int, int, int, int]] = {}
    latest_row: dict[str, str] = {}
    for kind in KINDS:
        stating = [r.figures[kind] for r in reports if kind in r.figures]
        if not stating:
            continue
        last = stating[-1] if kind != "wounded" else _most_given(stating)
        figures[kind] = (last.best, min(f.low for f in stating), max(f.high for f in stating), len(stating))
        latest_row[kind] = last.event_id
    first = min(reports, key=lambda r: r.key)
    evidence = latest_row.get("killed") or latest_row.get("wounded") or first.lead.event_id
    if any(r.day_rank is not None and r.day_rank < VAGUE_RANK for r in reports):
        named = [r for r in reports if r.day is not None and r.day_rank != VAGUE_RANK]
    else:  # no words name the day: the first report's (reports: by publication)
        named = [r for r in reports if r.day is not None][:1]
    days = Counter(r.day for r in (named or reports) if r.day is not None)
    story = None if any(r.day_rank is not None and r.day_rank < PUBLISHED_RANK for r in reports) else next(
        (r.lead.story_day for r in reports if r.lead.story_day is not None), None)  # (reports: by publication)
    if story is not None:
        incident_date = story
    elif days:
        top = max(days.values())
        incident_date = min(d for d, n in days.items() if n == top)
    else:
        incident_date = min((r.published for r in reports if r.published is not None), default=None)
    places = Counter(r.place.location for r in reports if has_place(r.place))
    if places:
        top = max(places.values())
        place = next(r.place for r in sorted(reports, key=lambda r: r.key)
                     if has_place(r.place) and places[r.place.location] == top)
    else:
        place = None
    supported = supported_place(place, mentions)
    source = "report" if supported is place else "mentions"
    place = supported
    earliest = min(reports, key=lambda r: (r.published or date.max, r.article_id))
    said = headline_where(earliest.title, place) if place is not None and headline_where is not None else None
    if said is not None and has_place(said) and km(said, place) > PLACE_KM:
        place, source = said, "headline"  # "... accidental shooting in LaGrange" over a story told from Atlanta
    if place is None:
        place, source = next(iter(headline_towns), None), "headline"
    if place is None:
        place, source = _coarse_place(reports), "region"
    if place is None:
        place, source = home_town, "outlet home"
    published = [r.published for r in reports if r.published is not None]
    return Summary(
        incident_id=incident.incident_id,
        incident_date=incident_date,
        place=place,
        figures=figures,
        evidence_event_id=evidence,
        reports=sum(len(r.rows) for r in reports),
        articles=len({r.article_id for r in reports}),
        sources=len({r.source for r in reports if r.source}),
        first_published=min(published, default=None),
        last_published=max(published, default=None),
        headline=earliest.title,
        place_source=source if place is not None else None,
    )
