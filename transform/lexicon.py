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

PERSON_NOUNS = frozenset("""
person people man men woman women boy girl child children kid baby infant toddler teen teenager youth juvenile
minor adult male female individual victim resident civilian bystander passerby pedestrian neighbour neighbor
friend relative cousin brother sister mother father mom dad son daughter wife husband girlfriend boyfriend
fiance fiancee partner uncle aunt nephew niece grandmother grandfather grandson granddaughter grandchild
parent sibling spouse widow widower family student pupil teacher doctor nurse medic paramedic patient
officer policeman policewoman cop trooper deputy sheriff constable marshal agent guard soldier troop trooper
serviceman servicewoman sailor marine airman pilot commander commando militant fighter insurgent rebel
militiaman jihadist gunman attacker assailant shooter suspect robber burglar intruder thief carjacker hijacker
kidnapper killer bomber sniper perpetrator inmate prisoner detainee hostage refugee migrant worker employee
clerk cashier owner shopkeeper merchant trader vendor farmer herder herdsman shepherd fisherman driver
passenger motorist cyclist rider customer client guest visitor tourist journalist reporter photographer
cameraman priest pastor imam cleric monk nun bishop elder chief leader official politician lawmaker mayor
governor councillor councilor candidate activist protester protestor demonstrator striker supporter member
worshipper worshiper pilgrim volunteer security firefighter ranger warden judge lawyer prosecutor witness
mourner hunter camper hiker swimmer player athlete coach fan singer rapper artist actor musician veteran
contractor engineer mechanic laborer labourer miner builder teller banker manager landlord tenant roommate
homeowner occupant classmate co-worker coworker colleague stranger acquaintance gang gangster dealer
taxi teenage newborn twin triplet quadruplet body corpse
""".split())
"""Nouns that name people: a singular one with "a"/"an" ("a bystander was shot") is one victim. Suffixes
(PERSON_SUFFIXES) and the NER's PERSON/NORP cover the rest ("a Konkomba", "a sniper")."""

PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ster", "smith", "wright")

NOT_PERSON_NOUNS = frozenset("""
deer doe buck elk moose bear wolf coyote fox dog puppy cat kitten horse pony cow cattle calf bull ox sheep lamb
goat pig hog boar chicken hen rooster bird duck goose turkey pigeon fish animal pet livestock wildlife camel
donkey mule rabbit squirrel raccoon rat mouse snake alligator lion tiger leopard elephant rhino monkey ape
buffalo bison antelope game poultry herd flock k9 k-9 canine unit
car vehicle truck bus building house home tree plant crop engine bill deal plan project idea proposal
motion amendment story rumour rumor light lights power signal call computer phone battery lot bit deal warrant
order search time
van minivan suv pickup sedan jeep trailer motorcycle boat ship train plane aircraft helicopter apartment window
windshield door wall roof store shop restaurant office hotel
""".split())
"""Victim nouns that are not people: animals (hunting tallies: "hunters killed 90,000 deer"; a police dog, "a police
K-9 unit was injured"), things and abstractions a verb of killing can take ("killed the engine", "killed the bill"),
and a unit (never one person)."""

SUSPECT_NOUNS = frozenset({
    "suspect", "gunman", "shooter", "attacker", "assailant", "robber", "intruder", "perpetrator", "killer",
    "carjacker", "burglar", "hijacker", "bomber", "assassin", "gunmen", "suspects", "shooters",
})
"""Who did it: a suspect shot dead by police is a victim group of its own, never a restatement of the victims."""

ILLNESSES = frozenset({
    "cancer", "illness", "disease", "complication", "complications", "cause", "causes", "age", "stroke",
    "covid", "covid-19", "coronavirus", "virus", "infection", "pneumonia", "diabetes",
    "tumor", "tumour", "leukemia", "dementia", "alzheimer", "aids", "hiv", "sickness", "flu",
})
"""What people "died of" that is no violence: an individual's death of these is not a casualty figure (an
"attack" or a "failure" only of an organ: `casualty._an_illness`)."""

VIOLENCE_LEMMAS = frozenset({
    "shoot", "shooting", "shot", "gunshot", "gunfire", "gunman", "stab", "stabbing", "kill", "killing", "murder",
    "homicide", "slay", "slaying", "attack", "bomb", "bombing", "blast", "explosion", "airstrike", "strike",
    "shell", "shelling", "wound", "gun", "fire", "clash", "ambush", "raid", "assault", "beat", "execute",
    "massacre", "violence", "fight", "crash", "collision", "accident", "riot", "landmine", "mine", "ied",
    "injure", "hurt", "wounded", "injured", "dead", "sniper", "gunmen",
})
"""Words of violence: a lone individual's death ("he died at the hospital") is a casualty only in their company."""


NOT_NAME_WORDS = frozenset("""
the a an and of in on at for to by with from this that these those he she it they his her their its we our
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
police department county city state sheriff office officers officer deputy deputies sgt lt capt chief detective
detectives investigator investigators trooper troopers patrol agent agents spokesman spokeswoman spokesperson
mayor governor gov judge attorney district court superior circuit prosecutor prosecutors coroner medical examiner
hospital medical center university college school high middle elementary academy church street avenue road
boulevard drive lane way highway parkway interstate north south east west northeast northwest southeast southwest
new news channel tv radio times post tribune herald journal gazette daily press associated inc llc co corp
mr mrs ms miss dr rev st saint mount fort lake river park beach island valley heights hills springs village
township borough parish division unit bureau fbi atf swat ems fire rescue emergency services public safety
american america united states national federal international community family families club bar lounge
bank store market mall restaurant motel hotel apartments apartment complex home homes inn
facebook twitter instagram youtube google copyright rights reserved click share comment comments read more
download adobe flash player javascript browser subscribe newsletter
photo video image courtesy staff writer reporter contributed report reports update updated posted
christmas thanksgiving easter halloween memorial independence labor day eve year years
stoppers sun crime ave st rd blvd dr ln hwy pkwy ct pl
toyota honda chevrolet chevy ford nissan dodge chrysler jeep bmw mercedes hyundai kia buick cadillac gmc lexus
acura volkswagen pontiac mazda subaru impala camry corolla accord altima malibu charger tahoe suv sedan
mosque authority jihad council ministry society agency network institute corps force forces guard guards affairs
territories refugees front movement party army brigades camp committee organisation organization union nations
league group minister secretary secretary-general foundation commission assembly parliament government
palestinian palestinians israeli israelis iranian lebanese syrian egyptian arab arabic jewish muslim christian
islamic french british russian ukrainian chinese turkish jordanian qatari saudi yemeni iraqi afghan kurdish
""".split())
"""Capitalised words that are never part of a person's name in local news: days, months, institutions, titles,
street words, brands, nationalities (`load/incident_evidence.names_in`), nor a town in a headline."""

GENERIC_TITLE_WORDS = frozenset("""
shot shots shoot shoots shooting shootings shooter gunfire gunshot gunshots gunman gunmen fatal fatally
killed kills killing dead dies died death deaths deadly injured injures injuring wounded wounds wounding hurt
police cops officer officers deputies sheriff investigate investigating investigation investigators identified
identify names named victim victims suspect suspects arrested arrest arrests charged charges charge custody
after says said with from into over near while during home house street road avenue night morning
afternoon evening weekend monday tuesday wednesday thursday friday saturday sunday today update updated
woman women people person teen teens teenager teenage year old child children girl boy year-old
accidentally accidental accident update video photos breaking news local more than about
that this with from they their have been were will what when where which over into them then there these
those also just most some such only other being would could should while says their there here your
kill forces troops soldiers army military raid raids attack attacks strike strikes airstrike airstrikes bombing
bombs shelling rocket rockets missile missiles clashes fighters militants protesters occupied west bank latest
amid israeli israelis palestinian palestinians
""".split())
"""Words nearly every crime or conflict headline has ("Israeli forces kill Palestinian in occupied West Bank
raid"): sharing them says nothing about which incident."""


SURVIVAL = re.compile(r"\b(?:stable|recovering|recover|recovers|survive|survives|survived)\b|\bnon[- ]life|"
                      r"n[o'’]t\s+life[- ]threatening", re.I)
"""Words of a sentence that tell of someone surviving ("in stable condition", "is recovering", "non-life-threatening
injuries", "injuries that weren't life-threatening"): the one it says hurt is not one of the dead (casualty_links)."""
