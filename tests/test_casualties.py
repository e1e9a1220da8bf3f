"""Casualty figures on invented sentences (real spaCy model), and on the seed articles read from ../shared."""

from __future__ import annotations

import json
from datetime import date

import pytest
from eventwire.transform.article import _headline_casualties, _headline_doc, analyse_article
from eventwire.transform.events.casualty import extract_casualties
from eventwire.transform.nlp import parse_one
from eventwire.transform.numbers import VAGUE_AMOUNTS, glued_qualifier, word_number

from .conftest import shared_path


def rows(text: str):
    return extract_casualties(parse_one(text))


def only(text: str):
    found = rows(text)
    assert len(found) == 1, [(e.casualty_kind, e.casualty_count) for e in found]
    return found[0]


def toll(events) -> int:
    return sum(e.casualty_count for e in events if e.casualty_kind == "killed" and not e.is_cumulative and e.subset_of is None
               and not e.recalled)


@pytest.mark.parametrize(
    "text, count",
    [
        ("Rebels said 27 villagers were killed in the raid.", 27),
        ("Officials said 14,500 people have died.", 14500),
        ("Two farmers were killed by a landmine.", 2),
        ("Seventeen miners died in the collapse.", 17),
        ("Twenty-three sailors died when the ferry sank.", 23),
        ("A shepherd was killed near the border.", 1),
        ("Over1,200 people were killed in the floods.", 1200),
    ],
)
def test_count_shapes(text, count):
    assert only(text).casualty_count == count


def test_number_words_and_glued_tokens():
    assert word_number("thirteen thousand") == 13000
    assert word_number("2 4") is None
    assert glued_qualifier("over1,000") == ("more than", 1000)


def test_range_keeps_both_ends_and_counts_the_lower():
    e = only("Between 6 and 9 guards were killed at the depot.")
    assert (e.casualty_count, e.casualty_low, e.casualty_high, e.casualty_qualifier) == (6, 6, 9, "between")


def test_vague_amounts_follow_the_declared_table():
    e = only("Dozens of fishermen were killed in the storm.")
    assert e.casualty_count == VAGUE_AMOUNTS["dozens"] == 12
    assert e.casualty_qualifier == "vague" and e.confidence < 0.9


@pytest.mark.parametrize(
    "text, qualifier, low, high",
    [
        ("More than 300 residents were killed.", "more than", 300, None),
        ("At least 8 pilgrims died.", "at least", 8, None),
        ("About 60 workers were injured.", "about", None, None),
        ("Up to 45 hostages were kidnapped.", "up to", None, 45),
        ("Nearly 90 students were abducted.", "nearly", None, 90),
    ],
)
def test_qualifiers_set_bounds(text, qualifier, low, high):
    e = only(text)
    assert (e.casualty_qualifier, e.casualty_low, e.casualty_high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "text, kind, cue",
    [
        ("Four guards were shot dead at the gate.", "killed", "shoot"),
        ("The bodies of 6 traders were found in a ditch.", "killed", "find"),
        ("Eleven marchers were wounded by rubber bullets.", "wounded", "wound"),
        ("Three children were hurt in the stampede.", "wounded", "hurt"),
        ("Nine climbers are missing after the avalanche.", "missing", "miss"),
        ("Gunmen abducted 12 teachers from the school.", "kidnapped", "abduct"),
    ],
)
def test_kinds_and_cues(text, kind, cue):
    e = only(text)
    assert (e.casualty_kind, e.cue) == (kind, cue)


def test_an_arrest_is_an_action_row_with_its_count_not_a_casualty_figure():
    """Decided in transform/events/action.py: arrests are counted once, on `Arrests` action rows."""
    result = analyse_article(parse_one("Police detained 35 protesters overnight in Minsk."), "a", None)
    assert [e for e in result.events if e.event_type == "casualty"] == []
    (arrest,) = [e for e in result.events if e.subcategory == "Arrests"]
    assert (arrest.event_type, arrest.category, arrest.casualty_kind, arrest.casualty_count) == (
        "action", "Strategic developments", "arrested", 35)


@pytest.mark.parametrize(
    "text",
    [
        "Marta Olsen, 52, died at home.",  # age
        "The bridge was destroyed in 1994 and nobody was hurt.",  # year, negation
        "He was paid $400 after 3 days.",  # money, time
        "The convoy stopped 30 km from the town.",  # distance
        "The militia seized 14 trucks.",  # a count of things
        "The army could kill thousands if the talks fail.",  # hypothetical
        "No one was killed in the blast.",  # negation
    ],
)
def test_traps_give_no_casualty(text):
    assert rows(text) == []


def test_subset_points_at_its_parent():
    found = rows("The governor said 31 people had been killed in the attack, including five police officers.")
    parent = next(e for e in found if e.subset_of is None)
    child = next(e for e in found if e.subset_of is not None)
    assert (parent.casualty_count, child.casualty_count) == (31, 5)
    assert child.subset_of == parent.key and child.victims == "police officers"
    assert toll(found) == 31


def test_separate_groups_are_separate_rows():
    found = rows("The blast killed 2 soldiers and 3 civilians.")
    assert sorted((e.casualty_count, e.victims) for e in found) == [(2, "soldiers"), (3, "civilians")]
    assert toll(found) == 5


def test_running_toll_is_cumulative_and_incident_is_not():
    war = only("The war has claimed more than 7,000 lives.")
    assert war.is_cumulative and war.casualty_low == 7000 and war.casualty_high is None and war.victims == "lives"
    assert only("The death toll rose to 88 on Sunday.").is_cumulative
    assert only("Five hikers were killed in the rockfall.").is_cumulative is False
    launched = only("Since the army launched air raids on the valley late on Monday, the ministry says at least 113 "
                    "people have been killed.")
    assert launched.casualty_count == 113 and launched.is_cumulative  # a campaign's total since it began


def test_reported_by_resolves_the_surname_to_the_full_name():
    doc = parse_one("Greta Vandersloot chairs the council. Vandersloot said 12 people were killed in the fire.")
    (e,) = extract_casualties(doc)
    assert e.reported_by == "Greta Vandersloot"
    assert doc.text[e.char_start : e.char_end] == "12 people were killed"


def test_restated_figure_is_not_counted_twice():
    found = rows("Seven herders were killed on Friday. The seven herders were killed by bandits, police said. 7 died.")
    assert toll(found) == 7


def _seed_body(text: str) -> str:
    for marker in ("See also:", "Sign up for our free weekly newsletter"):
        text = text.split(marker)[0]
    return text.replace("Support The Moscow Times!", "")


def test_seeds():
    seeds_file = shared_path("gold", "seeds.jsonl")
    seeds = {json.loads(line)["id"]: json.loads(line) for line in seeds_file.read_text().splitlines() if line.strip()}
    donetsk = extract_casualties(parse_one(_seed_body(seeds["mt-2014-05-27-luhansk-rebels-reinforcements"]["text"])))
    parent = next(e for e in donetsk if e.casualty_count == 40)
    child = next(e for e in donetsk if e.subset_of is not None)
    assert parent.casualty_kind == "killed" and not parent.is_cumulative
    assert parent.reported_by == "Alexander Lyukyanchenko"
    assert (child.casualty_count, child.subset_of) == (2, parent.key)
    assert toll(donetsk) == 40
    weapons = extract_casualties(parse_one(_seed_body(seeds["mt-2022-01-20-separatists-urge-russia"]["text"])))
    (running,) = [e for e in weapons if e.casualty_kind == "killed"]
    assert (running.casualty_count, running.casualty_qualifier, running.is_cumulative) == (13000, "more than", True)
    assert toll(weapons) == 0


@pytest.mark.parametrize(
    "text, expected_toll",
    [
        # A counted group and a conjoined person with no number: one more.
        ("On Friday, 1 village elder and his driver were killed by a roadside bomb.", 2),
        # A list the parser hangs by apposition.
        ("Three border guards, one customs officer and one farmer were killed in the shelling.", 5),
        # A number the parser hangs on an all-caps acronym.
        ("On 4 May 2021, 6 IS fighters were killed in an air strike near the river.", 6),
        # A second single death with other victims is not a restatement of the first.
        ("A soldier was killed in the morning attack. Later a shepherd was killed by a mine.", 2),
        # The same single death restated is counted once.
        ("A soldier was killed in the attack. The soldier was killed near the checkpoint.", 1),
        ("Gunmen shot the driver dead on the main road.", 1),
    ],
)
def test_article_toll_counts_each_victim_once(text, expected_toll):
    assert toll(rows(text)) == expected_toll


def test_suspended_age_compound_is_not_a_count_and_does_not_crash():
    # "12-" is half of "12- and 14-year-old" (ages); it once raised ValueError in the range reader
    assert all(e.casualty_count != 12 for e in rows("The 12- and 14-year-old brothers were wounded on the porch."))
    assert all(e.casualty_count != 12 for e in rows("Officers said 12- to 15 guests were hurt."))


@pytest.mark.parametrize("first_line", ["Photo by Anna Berg", "MORE: Council votes on budget", "Tornado damage in Smithville"])
def test_a_sentence_never_crosses_a_paragraph_break(first_line):
    (e,) = rows(f"{first_line}\n\nFour workers were injured at the plant on Monday, the company said.")
    assert e.sentence == "Four workers were injured at the plant on Monday, the company said."


@pytest.mark.parametrize("dateline", ["LA PORTE, Texas - ", "ST. LOUIS (KMOV.com) -- ", "CALAIS, Maine — "])
def test_an_opening_dateline_is_no_part_of_the_story_s_first_sentence(dateline):
    """Parsed with its dateline, "LA PORTE, Texas - A 90-year-old man was shot to death" has the town as the one
    shot and the man as its apposition: no victim. A sentence starts after the dateline."""
    text = f"{dateline}A 90-year-old man was accidentally shot to death by his stepson, police said."
    (e,) = rows(text)
    assert (e.casualty_kind, e.casualty_count) == ("killed", 1)
    assert e.sentence == text[len(dateline):]


@pytest.mark.parametrize("text, victims", [
    ("A man was found suffering from a gunshot wound, deputies said.", "man"),
    ("A teenager was transported from the scene suffering from a gunshot wound to the leg.", "teenager"),
    ("A bullet struck an 11-year-old girl riding in a car through the parking lot, police said.", "old girl"),
    ("They rushed into the home and found the boy bleeding from a gunshot wound.", "boy"),
])
def test_local_news_wounded_found_suffering_or_struck_by_a_bullet_as_its_subject(text, victims):
    (e,) = rows(text)
    assert (e.casualty_kind, e.casualty_count, e.victims) == ("wounded", 1, victims)


def test_hit_in_a_body_part_in_a_story_of_a_shooting_is_a_gunshot_wound():
    """"The child was hit in the leg" says no shot, but the story told of a shooting before it: a gunshot wound. Not
    where the sentence names another weapon, nor where nothing before it tells of shots."""
    story = "An accidental shooting sent an 8-year-old boy to the hospital.\n\n"
    assert [(e.casualty_kind, e.casualty_count) for e in rows(story + "The child was hit in the leg and is expected "
                                                              "to make a full recovery.")] == [("wounded", 1)]
    assert rows("The boy was hit in the leg during practice.") == []
    assert rows("The shooting happened outside a bar. Earlier a man was hit in the head with a bottle.") == []


def test_a_bullet_that_strikes_a_thing_wounds_no_one():
    assert rows("A stray bullet hit the house and struck a window, police said.") == []


def test_animals_are_never_casualties():
    assert rows("Hunters killed 90,280 deer during the season, the wildlife agency said.") == []
    assert rows("A police K-9 unit was injured in the arrest but is expected to recover.") == []  # a police dog
    assert rows("A police K9 was injured during the chase.") == []
    assert [e.casualty_count for e in rows("An officer and a police K9 were injured during the chase.")] == [1]
    assert [e.casualty_count for e in rows("The blast killed two farmers and dozens of sheep.")] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "In the city, 312 people were killed by gunfire last year.",
        "Across the state, 97 children died in accidental shootings in 2014.",
        "Drunk drivers kill about 10,000 people a year.",
    ],
)
def test_period_statistics_are_aggregates_not_incidents(text):
    (e,) = rows(text)
    assert e.is_cumulative and toll([e]) == 0
    # a figure of one or two people dated to a year is still one incident
    assert toll(rows("Two brothers were killed in 2015 on the farm, the court heard.")) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        # a closing tally restates the figures listed before it
        ("On 3 May 2020, a trader was shot dead in a market north of the city. 1 fatality.", 1),
        ("On 7 May 2020, two guards died and a driver was injured in the raid. 2 fatalities and 1 injured.", 2),
        # a wire note's coding remark is the note's figure; another source's figure in parentheses is not added
        ("On 6 April 2020, 4 guards were killed at a checkpoint. Fatalities coded as 2 (local media reported 4 fatalities).", 2),
        ("On 6 April 2020, 3 guards were killed at a checkpoint. Fatalities coded as 0 (a militant website reported 3).", 0),
        ("On 9 April 2020, 10 raiders were killed in clashes in two valleys. Fatalities are split across 2 events (5).", 5),
        # the day of a written date is no count
        ("Around 9 May 2020 (as reported), a woman was found dead in a ditch near the market.", 1),
    ],
)
def test_tallies_and_restatements_are_never_added(text, expected):
    assert toll(rows(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 17-year-old died at the hospital after the shooting.",
        "Officers found a woman with gunshot wounds. She was pronounced dead at the scene.",
        "Rosa Delgado, 35, succumbed to her injuries on Friday, two days after the shooting.",
        "A teenager was fatally shot near the skate park.",
        "Two gunmen opened fire in the lobby. A guard was gunned down.",
    ],
)
def test_a_single_victim_of_local_news_is_one_death(text):
    assert toll(rows(text)) == 1


def test_a_lone_death_counts_near_violence_never_of_illness():
    assert toll(rows("Gunfire erupted outside the bar. Mark Ellis died at the scene.")) == 1
    assert rows("The former mayor died of cancer in 2010, his family said.") == []
    assert rows("Mark Ellis, a retired judge, died at home on Sunday.") == []


def test_names_and_pronouns_restate_the_victims_already_counted():
    text = ("Two men were shot dead outside a bar on Sunday. Police identified them as Karl Ortiz, 24, and Dennis Moy, 31. "
            "Ortiz died at the scene and Moy died at the hospital. He had been shot in the chest.")
    found = rows(text)
    assert toll(found) == 2
    assert sum(1 for e in found if e.casualty_kind == "killed") >= 3  # the restatements are kept, linked
    assert all(e.subset_of for e in found if e.casualty_kind == "killed" and e.casualty_count == 1)


def test_a_new_name_beyond_the_victims_counted_is_one_more():
    text = "Ana Ruiz was killed in the crossfire. Maria Tellez was killed by a stray bullet a block away."
    assert toll(rows(text)) == 2


def test_a_suspect_killed_by_police_is_a_victim_group_of_its_own():
    assert toll(rows("A clerk was shot dead in the store. The gunman was later shot and killed by officers.")) == 2
    assert toll(rows("A man killed his neighbour on Monday evening. Police later shot and killed the suspect.")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "A second man was shot in the leg and taken to a hospital.",
        "A 19-year-old woman was in critical condition on Sunday after the shooting.",
        "Another man, 21, suffered a gunshot wound to his arm.",
    ],
)
def test_local_news_wounded(text):
    found = rows(text)
    assert [(e.casualty_kind, e.casualty_count) for e in found if e.subset_of is None] == [("wounded", 1)]


def wounded(events) -> int:
    return sum(e.casualty_count for e in events if e.casualty_kind == "wounded" and not e.is_cumulative and e.subset_of is None
               and not e.recalled)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("Four people were shot, one fatally, outside a bar on Friday.", 1, 3),
        ("Five people were shot on Sunday. One of them, a 20-year-old man, died at the hospital. "
         "A 15-year-old girl was shot in the leg.", 1, 4),
        ("Three men were shot in the parking lot and two of them died.", 2, 1),
        # a vague "several were shot" after an exact count restates it: no larger wounded total
        ("One man was killed and three others injured at a party on Saturday night. Deputies responded to "
         "reports of several people who had been shot.", 1, 3),
    ],
)
def test_the_shot_who_did_not_die_are_the_wounded(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_groups_of_one_cue_are_all_victims():
    assert toll(rows("A man, two women and a small child were killed in the fire on Saturday.")) == 4


def test_the_same_people_under_another_word_are_not_counted_again():
    text = "Three officers were killed in the ambush. The deputy died at the scene. Two troopers were wounded."
    assert toll(rows(text)) == 3


def test_a_stated_total_is_a_tally():
    text = "Two guards were killed at the gate. Three clerks were killed at the depot. A total of four people died."
    assert toll(rows(text)) == 4  # the article's own total, not the parts it corrects


def test_an_earlier_incident_the_article_recalls_is_not_the_same_people():
    text = ("A gunman killed two people at a cinema on Thursday. The attack recalled the July 20, 2012 shooting "
            "that left 12 people dead in another town.")
    found = extract_casualties(_with_published(text, date(2015, 7, 24)))
    assert toll(found) == 2  # the article's own incident; the one it recalls is kept, flagged, never added
    assert next(e for e in found if e.casualty_count == 2).subset_of is None
    recalled = next(e for e in found if e.casualty_count == 12)
    assert recalled.recalled and recalled.subset_of is None and not recalled.is_cumulative


def _with_published(text, published):
    from eventwire.transform.dates import PUBLISHED

    doc = parse_one(text)
    doc.user_data[PUBLISHED] = published
    return doc


def test_numbers_that_are_no_counts_in_local_news():
    # capitals (a broadcast transcript) are more than the model can parse: no figure from them
    assert rows("THE FATHER OF THE TEEN WHO WAS KILLED SPOKE TO NEWS 4 REPORTER ANN LEE WHO IS JOINING US.") == []
    # a number word inside a name
    assert [e.casualty_count for e in rows("He was charged in the murder of an Eight Trey gang member.")] == [1]


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # hurt, then dead: one person, counted dead
        ("After the shooting a man was found in critical condition. He died at the hospital an hour later.", 1, 0),
        ("A girl was struck by a stray bullet on Sunday. She was taken to the hospital with minor wounds.", 0, 1),
        # "other" restates the wounded already counted in another sentence
        ("Two men died and four people were wounded at the fair. Four other victims were in stable condition.", 2, 4),
        ("A teen sustained a fatal wound; two friends suffered non-fatal wounds.", 1, 2),
        # a first name or a surname alone is the person named in full before
        ("Nadia Okafor was shot and killed on Elm Street. Okafor died at the scene. Nadia was 19.", 1, 0),
    ],
)
def test_one_person_one_figure_across_the_article(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_a_sum_over_separate_incidents_is_an_aggregate():
    found = rows("Seven people were shot in separate incidents across the city over the weekend.")
    assert all(e.is_cumulative for e in found) and wounded(found) == 0
    found = rows("Her slaying was the first in a string of three shooting deaths that have remained unsolved.")
    assert found and all(e.is_cumulative for e in found)  # a run of incidents
    assert not any(e.is_cumulative for e in rows("The three deaths in the bar shocked the town."))


def test_a_periods_total_said_without_a_date_entity_is_an_aggregate():
    found = rows("The decade's highest total came in 2011, with 73 deputies shot dead across the state.")
    assert toll(found) == 0
    found = rows("So far this year 41 people were shot since January 1 and 12 killed, the chief said.")
    assert toll(found) == 0


def test_one_who_killed_himself_is_counted_once():
    text = ("He killed his neighbour and two other people before killing himself. "
            "After the rampage, the gunman killed himself in the street.")
    assert toll(rows(text)) == 4


def test_a_period_total_of_one_clause_takes_all_its_groups():
    text = "Last year a gunman killed three people and himself at the base, the report said."
    assert toll(rows(text)) == 0


def test_two_people_of_different_ages_are_two_people_and_a_wound_then_death_one():
    text = "A 45-year-old woman was shot in the arm. A 54-year-old woman with wounds to the leg was also taken to hospital."
    assert wounded(rows(text)) == 2
    text = ("A teenage boy was shot to death on Friday. Officers found the 15-year-old with gunshot wounds to his head. "
            "He was pronounced dead at the scene.")
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 0)


def test_a_victim_two_cues_read_is_one_row_with_one_id():
    """'injured ... a boy who remains in critical condition': the injury and the condition name the same boy."""
    text = "Soldiers injured at least 20 people, including a 12-year-old boy who remains in critical condition."
    result = analyse_article(parse_one(text), "a", None)
    ids = [e.event_id for e in result.events]
    assert len(ids) == len(set(ids))
    boys = [e for e in result.events if e.event_type == "casualty" and e.victims and "boy" in e.victims]
    assert [(e.casualty_kind, e.casualty_count, e.cue) for e in boys] == [("wounded", 1, "injure")]


def test_an_ordinal_within_those_counted_is_one_of_them():
    text = "Three men were wounded outside a diner on Friday. A third man was grazed on the hand, officers said."
    assert wounded(rows(text)) == 3
    text = "A gunman wounded two people at the mall. A third person died at the hospital, police said."
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 2)
    text = "A teenager was killed and two men were hurt at the lake. A second teenager died of his wounds later."
    assert toll(rows(text)) == 2


def test_a_hurt_person_named_after_the_death_is_the_dead_one():
    text = ("A 16-year-old girl was shot and killed by a cousin on Sunday in Elmwood. "
            "The victim had been shot in the chest, deputies said.")
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 0)
    text = ("A woman was shot dead at a bus stop on Friday. "
            "Her nephew was shot in the arm and taken to hospital, police said.")
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 1)


def test_another_alone_is_one_more_person():
    found = rows("One man was killed and another wounded in a shooting near a gas station on Monday.")
    assert (toll(found), wounded(found)) == (1, 1)
    text = "A teen is dead and another is injured after shots hit a cookout. Friends said he died at the scene."
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 1)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("Four dead and 11 wounded after a gun battle on the East Side.", 4, 11),
        ("A girl accused of fatally shooting her older brother was in court Monday.", 1, 0),
        ("Police found Rob Dunlap dead in a parked car with a gunshot wound.", 1, 0),
        ("Officers found the 7-year-old girl and her father, 56, dead inside their home Wednesday.", 2, 0),
        ("The suspect is accused in the fatal shooting of a 19-year-old man.", 1, 0),
        ("Jon Baker has been charged in the shooting death of 21-year-old Carl Mendez, of Tampa.", 1, 0),
        ("Six people are dead after a weekend homicide at a campsite.", 6, 0),
        ("In the past five weeks, three children have died in accidental shootings in the county.", 0, 0),
    ],
)
def test_local_news_phrasings(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("A shooting in Maple Park killed Dana Brooks, 24, and wounded three Sunday night, officials said.", 1, 3),
        ("One man was wounded on Monday, shot seven times in the back.", 0, 1),
        ("The woman was shot in the back and taken to a medical center in critical condition where she later died.", 1, 0),
        ("A gunman fatally wounded one student and injured another and a teacher at a school on Monday. "
         "Jacob died Saturday, the coroner said.", 1, 2),
        ("A man was shot dead and a woman wounded at a party. The woman died at the hospital on Sunday.", 2, 0),
    ],
)
def test_who_is_hurt_and_who_died(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        ("Another man, 32, was shot in the chest and taken to a hospital in stable condition.", 1),
        ("A police report states several car windows and tires were also shot out.", 0),
        ("He was charged with three counts of aggravated assault causing serious bodily injury.", 0),
    ],
)
def test_one_person_once_and_things_never(text, hurt):
    assert wounded(rows(text)) == hurt


@pytest.mark.parametrize(
    "text, killed",
    [
        ("Police said the 15-year-old turned the gun on himself and died at the scene from a gunshot wound.", 1),
        ("Dale Moss, 17, was in the front seat and died after being shot twice.", 1),
        ("Officers found one man dead and took a second man into custody after the shooting.", 1),
        ("Police found Tyrone Parker in a car. Police found Parker shot to death inside his car on Elm Street.", 1),
        ("Deputies said the suspect was pronounced deceased at the scene after the shooting.", 1),
        ("Relatives of a deceased pregnant woman protested outside the hospital after the attack.", 0),
    ],
)
def test_deaths_said_the_local_news_way(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("A shootout early Sunday morning has left three people injured and one person dead.", 1, 3),
        ("A young child showed up at the hospital suffering from a gunshot wound to the leg.", 0, 1),
        ("Officers found two women and a child on the floor, suffering gunshot wounds.", 0, 3),
        ("Four people are recovering from gunshot wounds after a shooter fired into a crowd.", 0, 4),
        ("When police arrived they found two females and a male with gunshot wounds to the legs.", 0, 3),
    ],
)
def test_the_hurt_said_by_their_wounds(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text",
    [
        "Five people, among them a 14-year-old girl, were wounded in weekend shootings across town.",
        "Two men were killed and 13 others have been hurt in shootings across the county since Friday night.",
    ],
)
def test_a_figure_summed_over_several_shootings_is_an_aggregate(text):
    found = rows(text)
    assert found and all(e.is_cumulative for e in found)
    assert (toll(found), wounded(found)) == (0, 0)
    # "the shootings" of one spree are still one incident
    assert wounded(rows("Three students were wounded in the shootings at the campus on Friday.")) == 3


def test_the_one_who_fires_is_not_among_the_shot():
    text = "A woman whose 12-year-old nephew accidentally shot and killed a 4-year-old was charged on Monday."
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 0)


def test_a_name_with_the_age_of_the_dead_is_the_dead():
    text = ("A 47-year-old man died Tuesday after he was shot. "
            "Police found 47-year-old Mark Ellis with a gunshot wound.")
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, 0)
    text = ("A 47-year-old man died Tuesday after he was shot. "
            "Police found 23-year-old Mark Ellis with a gunshot wound.")
    assert wounded(rows(text)) == 1


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a year, or "years ago", before the article's own incident
        ("Three men were wounded outside a pool hall on Friday. Her brother was murdered at the same hall in 2009.", 0, 3),
        ("A woman was shot and killed on Elm Street on Tuesday. Two boys were gunned down on the corner nearly "
         "three years ago.", 1, 0),
        # words that say the incident is an earlier one
        ("Two people were wounded at a barbecue on Sunday. Detectives called it revenge for a shooting that left "
         "a man dead.", 0, 2),
        ("A teen was shot in the leg on Monday. Neighbours said a boy was killed in a previous shooting on the block.", 0, 1),
        # the same incident's own dates stay together; a trial's article recalls nothing
        ("A gunman killed a girl and wounded her uncle on March 3, 2014, police said.", 1, 1),
    ],
)
def test_an_incident_the_article_recalls_is_never_added_to_its_toll(text, killed, hurt):
    found = extract_casualties(_with_published(text, date(2016, 5, 20)))
    assert (toll(found), wounded(found)) == (killed, hurt)
    from eventwire.transform.events.casualty import counts_toward_toll, counts_toward_wounded
    assert sum(e.casualty_count for e in found if counts_toward_toll(e)) == killed
    assert sum(e.casualty_count for e in found if counts_toward_wounded(e)) == hurt


def test_a_figure_whose_sentence_dates_only_another_year_is_recalled():
    # the parser may hang the date outside the figure's clause; the sentence names no other time
    text = ("Two soldiers were wounded at the range on Tuesday. The rifle came from the store that sold the gun "
            "used in the March 4, 2009, mall shooting that killed nine people.")
    found = extract_casualties(_with_published(text, date(2016, 5, 20)))
    assert (toll(found), wounded(found)) == (0, 2)
    assert [e.casualty_count for e in found if e.recalled] == [9]


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("Deputies are investigating after three men were found shot to death in a barn.", 3, 0),
        ("Two brothers were found shot in the chest behind the store. Both died at the hospital.", 2, 0),
        ("Prosecutors say he committed a triple homicide at a motel in June.", 3, 0),
        ("Detectives described the double murder of a farmer and his wife on Tuesday.", 2, 0),
        ("A quadruple shooting on Oak Street left one woman dead on Sunday.", 1, 3),
    ],
)
def test_found_shot_and_multiple_killings(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        ("A 19-year-old was fatally shot on Friday. Detectives say Lamar then shot Kevin twice in the chest.", 0),
        ("A shooting left one woman dead. A neighbour is accused of shooting her sister in the head at dawn.", 0),
        # a wound where wounds are survived, or one not where they kill, is another person
        ("A man was killed on Friday. Ana Ruiz was shot in the chest and is in stable condition.", 1),
        ("A man was killed on Friday. Police say the gunman also shot Carl Webb in the leg.", 1),
    ],
)
def test_a_wound_where_wounds_kill_said_after_a_death_is_the_dead_one(text, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # one dead and one hurt that nothing tells apart: the story of how the one who died was shot
        ("A 14-year-old boy died after a gun went off in his backyard on Friday. When officers arrived, they found a "
         "teenage boy suffering from a gunshot wound.", 1, 0),
        ("A 14-year-old boy died after a shooting on Friday. Officers found a teenager with a gunshot wound.", 1, 0),
        # told apart: "also", survival, a woman, another age, a second victim
        ("A 14-year-old boy died after a shooting on Friday. Officers also found a woman with a gunshot wound.", 1, 1),
        ("A man died after a shooting on Friday. Officers found a teenager with a gunshot wound; he is in stable "
         "condition.", 1, 1),
        ("A man died after a shooting on Friday. Officers found a woman with a gunshot wound in the yard.", 1, 1),
        ("A man was killed on Tuesday. Police found a 30-year-old woman with a gunshot wound.", 1, 1),
        # as many dead as hurt, in two sentences nothing tells apart: the same people
        ("Two brothers were killed on Friday. When officers arrived, they found two adult males suffering from gunshot "
         "wounds.", 2, 0),
        ("Two brothers were killed on Friday. When officers arrived, they found two women suffering from gunshot "
         "wounds.", 2, 2),
        ("A 15-month-old was killed by a stray bullet on Main Street. A 20-year-old in the car was also struck but "
         "suffered injuries that weren't life-threatening.", 1, 1),
        ("A 16-year-old boy was fatally shot on Saturday. A second teenager suffered a non-life-threatening wound in the "
         "shooting. The youth who was killed has not been named.", 1, 1),
        # a second victim who lived, after one shot who then died: one more, not the one who died
        ("Police arrested a 17-year-old for shooting a 15-year-old boy in the back of the head near his home. The boy "
         "was rushed to a hospital, where he died three days later. A second victim, an 18-year-old friend of the boy, "
         "was hit in the leg and survived.", 1, 1),
        ("Police said two men were shot outside a bar. One of them died at the scene. A second victim was hit in the "
         "leg and survived.", 1, 1),
    ],
)
def test_one_dead_and_one_hurt_that_nothing_tells_apart_are_one_person(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_also_shot_after_a_count_of_the_shot_is_among_them():
    text = ("Five people were shot in a garage on Saturday night. Three died and two others are recovering. "
            "The owner of the garage and his cousin were also shot.")
    found = rows(text)
    assert (toll(found), wounded(found)) == (3, 2)


def test_shot_at_a_place_is_shot_and_shot_at_is_fired_upon():
    assert wounded(rows("Five people were shot at a house party on Saturday.")) == 5
    assert rows("Two deputies were shot at during the chase, but neither was hit.") == []
    assert rows("The man shot at officers from a window.") == []


@pytest.mark.parametrize(
    "text, hurt",
    [
        ("A woman was killed. The other, 31, is in serious condition.", 0),  # an age, never 31 people
        ("A girl younger than 9 was shot in the yard on Sunday.", 1),  # one girl, not nine
        ("Deputies said a 15 and 16-year-old were wounded near the school.", 1),
        ("Reporters told 8 News that two people were shot at a motel.", 2),
        ("The gunman killed a guard, 14 others were wounded.", 14),  # a count after a comma stays one
    ],
)
def test_ages_and_names_written_without_years_are_never_counts(text, hurt):
    assert wounded(rows(text)) == hurt


def test_the_unborn_are_not_counted_as_victims_of_their_own():
    assert toll(rows("Deputies said two adults and an unborn child were killed in the fire at the cabin.")) == 2
    assert toll(rows("A pregnant woman was shot dead; her unborn baby also died.")) == 1


CUE_SENTENCES = [
    "The gunman fatally shot two men and mortally wounded a third.",
    "He was gunned down outside his home, and his brother succumbed to his injuries.",
    "Soldiers executed four prisoners; a fifth was shot in the leg.",
    "The blast claimed the lives of nine people and another man lost his life in hospital.",
    "Police found the bodies of three women and recovered a fourth body from the river.",
    "Two men were shot dead, one was beaten to death and another was stabbed to death.",
    "Six were injured, five wounded and three missing after the raid.",
    "A girl was struck by a stray bullet and was hospitalized.",
    "The fatal shooting of a 19-year-old man left 4 dead, 11 injured and scores of fatalities.",
    "Rebels kidnapped ten workers and abducted their driver; the death toll rose to 30.",
    "She suffered a fatal wound and he was treated for injuries; both are in critical condition.",
]


@pytest.mark.parametrize("text", CUE_SENTENCES)
def test_every_casualty_cue_is_among_the_tokens_worth_reading(text: str):
    """`_cue_tokens` hands `_cue_kind` only tokens whose word can be a cue (speed): a cue it left out would be
    a figure lost. Every branch of `_cue_kind` is here; a new cue word goes into `_CUE_WORDS` too."""
    from eventwire.transform.events.casualty import _cue_kind, _cue_tokens
    from eventwire.transform.nlp import sentences

    doc = parse_one(text)
    for sent in sentences(doc):
        cues = [t.i for t in sent if _cue_kind(t) is not None]
        assert cues, sent.text  # the sentence exercises the rule
        assert set(cues) <= {t.i for t in _cue_tokens(sent)}, sent.text


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "another" after a total and one of its people: the next one listed, not one more
        ("Three men were wounded in a shooting on Birch Road on Sunday. A man, 24, was shot in the leg. "
         "Another man, 30, was shot in the arm.", 0, 3),
        ("One man was killed and two others were wounded outside a diner. A man, 41, died at the scene. "
         "Another man, 19, was shot in the hip.", 1, 2),
        # more than the total holds, or no one listed before it: one more
        ("Two women were wounded at a cookout on Friday. A woman, 33, was shot in the foot. Another woman, 28, "
         "was shot in the arm. Another woman was grazed in the hand.", 0, 3),
        ("Two teens were wounded near a park. Another man was wounded in a shooting across town.", 0, 3),
        ("A man was shot in the leg on Oak Street. Another man was shot in the arm.", 0, 2),
    ],
)
def test_another_after_a_total_is_one_of_those_listed(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a clause that tells what happened is a fact, whatever the main clause's mood
        ("The county says no charges will be filed after a 6-year-old girl was shot in the arm on Friday.", 0, 1),
        ("A 13-year-old is recovering after suffering from a gunshot wound on Saturday night.", 0, 1),
        ("Residents said they would move away if anyone was killed on their street.", 0, 0),
        # a fatal wound is a death
        ("The woman was found with a fatal gunshot wound on the porch, deputies said.", 1, 0),
    ],
)
def test_what_happened_in_a_clause_of_time_and_a_fatal_wound(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # the one who died, told of as hurt later, is not one more hurt
        ("A 9-year-old was found dead in a trailer on Sunday. Deputies said the boy suffered a gunshot wound.", 1, 0),
        ("A student at Pine Ridge High died on Friday. The 16-year-old boy was found behind the gym with a gunshot "
         "wound and taken to the hospital.", 1, 0),
        ("Troy Vance was rushed to a hospital, where he was pronounced dead. He suffered a gunshot wound to the "
         "chest, the coroner said.", 1, 0),
        ("A teen died early Monday at his home. Deputies said he was handling a rifle when he shot himself in the "
         "head.", 1, 0),
        # but not one the text says is surviving, nor someone named by kin who is not the one dead
        ("A 15-year-old boy died after a fight at a party. The 16-year-old was injured, but is recovering.", 1, 1),
        ("A man died in the shooting on Friday. His daughter was taken to a hospital with a gunshot wound.", 1, 1),
    ],
)
def test_the_dead_told_of_as_hurt_are_not_more_hurt(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_a_vague_figure_yields_to_an_exact_one_said_later():
    found = rows("Several people were wounded at a block party on Sunday. Police said six people suffered gunshot wounds.")
    assert wounded(found) == 6
    found = rows("Two people were wounded at a block party on Sunday. Several others were hurt in the stampede.")
    assert wounded(found) == 12  # "several" is 10 by the declared table, and more than those two


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # the one it happened to is the subject of the clause "after being shot" hangs on
        ("A 5-year-old boy is in the hospital after being shot in the foot on Cedar Lane.", 0, 1),
        ("The suspect was taken into custody on Tuesday after being shot by a deputy.", 0, 1),
        ("A woman was hospitalized after being shot outside a laundromat.", 0, 1),  # one person, two cues
        ("Mira Dale, 31, was treated for gunshot wounds at a medical center.", 0, 1),
        # struck where shots are fired
        ("Someone fired two shots at the van, striking a 7-year-old boy in the shoulder.", 0, 1),
        ("The man was arrested after he hit a clerk in the face with a bottle.", 0, 0),
    ],
)
def test_the_hurt_after_being_shot_treated_or_struck(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_another_after_a_group_listed_within_a_total():
    text = ("Four people were wounded in a shooting at a bar on Friday. Two men were shot in the stomach and another "
            "man was shot in the leg.")
    assert wounded(rows(text)) == 4


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a surname the model takes for a place is the person named in full before it
        ("Police identified the victim as Maria Rivera, a nurse. Rivera was killed in the attack.", 1, 0),
        # a charge or damage to things is no wound
        ("In 2014, Pat Creech was charged with malicious injury to property.", 0, 0),
        ("The vandal caused malicious injury to property on Main Street.", 0, 0),
    ],
)
def test_names_the_model_misreads_and_injuries_that_hurt_no_one(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed",
    [
        # a month named without a day, months before publication: another incident the article recalls
        ("A man was shot dead on Elm Street on Sunday. It is the same corner where a teen was killed in a "
         "shooting in January.", 1),
        ("A man was shot dead on Elm Street on Sunday. Police said the January shooting death of another man "
         "was a reprisal.", 1),
        # last month is too near to tell: it may be the same days' violence
        ("A man was shot dead on Elm Street on Sunday. A woman was shot and killed nearby in April.", 2),
    ],
)
def test_a_month_long_before_publication_is_another_incident(text, killed):
    found = extract_casualties(_with_published(text, date(2016, 5, 20)))
    assert toll(found) == killed


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a later figure of the wounded that counts the dead too restates both
        ("A woman was killed and two others were wounded outside a club on Sunday. Officers found three victims "
         "with gunshot wounds in the parking lot.", 1, 2),
        # a larger figure that is not the dead plus the hurt is still a new total
        ("A woman was killed and two others were wounded outside a club on Sunday. Police later said five people "
         "were wounded.", 1, 5),
    ],
)
def test_a_wounded_figure_that_counts_the_dead_too(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "others" shot after the dead were told of: besides them, all hurt
        ("Two men were killed in a shooting at a bar on Friday. Three others were shot in the incident.", 2, 3),
        # "others" besides one in their own sentence may include the dead counted before
        ("Four men died in the attack. The gunman killed the owner and shot three others.", 4, 0),
    ],
)
def test_others_shot_after_the_dead_are_all_hurt(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "another" sets the victim apart from the one who fired, not from the victims already counted
        ("A 6-year-old girl was shot in her home on Sunday. Police said a 6-year-old used a pistol to shoot "
         "another 6-year-old.", 0, 1),
        # apart from a victim already said, it is one more
        ("A 6-year-old girl was shot in her home on Sunday. Hours later, another girl was shot on Pine Street.", 0, 2),
    ],
)
def test_another_than_the_one_who_fired(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed",
    [
        # a figure its own clause dates weeks back, in a report of today's incident: recalled
        ("A man was shot dead outside a store on Sunday. Earlier this month, a 4-year-old boy fatally shot himself "
         "while playing with a pistol.", 1),
        # the article's own incident dated so: kept
        ("A man has died after a shooting that left two others wounded last week on the East Side.", 1),
    ],
)
def test_a_figure_dated_weeks_back_in_a_report_of_today(text, killed):
    found = extract_casualties(_with_published(text, date(2016, 5, 20)))
    assert toll(found) == killed


def test_one_wounded_then_said_shot_is_one_person():
    text = ("A man accidentally shot himself in the leg while driving on Tuesday. He told a passing driver he had "
            "been shot. Deputies said he shot himself with a pistol.")
    assert wounded(rows(text)) == 1


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "dead" or "injured" before a thing is no one dead or hurt
        ("The sirens would wake you up out of a dead sleep, a neighbour said.", 0, 0),
        ("The road is a dead end behind the school.", 0, 0),
        # before a person it is
        ("Police found a dead teenager in the car on Sunday.", 1, 0),
        ("The injured officer was taken to a hospital.", 0, 1),
    ],
)
def test_dead_before_a_thing_is_no_casualty(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


def test_the_dead_of_a_periods_total_are_part_of_it():
    text = "At least six children have been shot in the county this year, three fatally."
    assert toll(rows(text)) == 0
    assert (toll(rows("Four people were shot, one fatally, on Sunday.")), wounded(rows("Four people were shot, one fatally, on Sunday."))) == (1, 3)


@pytest.mark.parametrize(
    "text, killed",
    [
        # sums over separate shootings, however the parser hangs them
        ("Two women were killed and three men were wounded in four separate shootings on Sunday, police said.", 0),
        ("A girl hurt in one of three separate shootings that left two other teens dead is recovering.", 0),
        # the shootings of one spree are one incident
        ("The man was arrested for the shootings that left two people dead.", 2),
    ],
)
def test_sums_over_separate_shootings_however_parsed(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "three of four members": the three (the parser hangs "three of" on "four")
        ("Deputies say three of four members of a family were shot and killed at their farm.", 3, 0),
        # "one of three people hit": the three are the people hit
        ("A boy, one of three people hit by gunfire on Friday, has died.", 1, 2),
    ],
)
def test_a_partitive_counts_its_part(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # people shot in a clause of their own, after the dead: the hurt besides them
        ("A 30-year-old man was killed and his 5-year-old son was shot outside their home on Friday.", 1, 1),
        ("A woman was killed and two men were shot outside a bar on Sunday.", 1, 2),
        # the dead told after the shot, or the shot of a clause of its own before them: the dead are among the shot
        ("Four people were shot and one of them died on Sunday.", 1, 3),
        ("Two people were dead on Friday after a gunman shot four people.", 2, 2),
    ],
)
def test_the_shot_told_after_the_dead_in_a_clause_of_their_own(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        # one person said hurt, then said to have shot himself: one person
        ("A 7-year-old boy was wounded on Monday when he found a pistol and shot himself in the hand.", 1),
        ("A girl was shot at her home on Tuesday. Police said the girl found the gun and shot herself in the leg.", 1),
        # someone else hurt the first; or the one who fired is someone new: two people
        ("A man was shot in the arm on Tuesday by his neighbour. The neighbour then shot himself in the leg.", 2),
        ("A man was shot in the leg on Tuesday. Hours later, a teenager fell asleep and shot himself in the foot.", 2),
    ],
)
def test_one_hurt_then_said_to_have_shot_himself_is_one_person(text, hurt):
    assert wounded(rows(text)) == hurt


@pytest.mark.parametrize(
    "text, hurt",
    [
        # "at" after the people shot is where they were shot
        ("A gunman shot four people at a bar on Friday.", 4),
        # "shot at" them is fired upon: no one hit
        ("A gunman shot at four people outside a bar on Friday.", 0),
    ],
)
def test_shot_someone_at_a_place_is_shot(text, hurt):
    assert wounded(rows(text)) == hurt


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a figure its clause puts in a separate incident is not the article's own: out of its toll
        ("Four men were wounded in a shooting on Main Street on Thursday. In a separate shooting, a woman was wounded "
         "in the arm on Oak Street.", 0, 4),
        ("A man was killed on Elm Street on Friday. Minutes earlier, one man was killed and another was wounded in a "
         "separate shooting across town.", 1, 0),
        # or the incident its sentence is about
        ("A man was wounded on Elm Street on Friday. Another attack about noon wounded two men on Oak Street.", 0, 1),
        # the article's own figure so marked stays its own; "separate shootings" is a sum (an aggregate)
        ("In a separate shooting, a teenager was wounded on Sunday.", 0, 1),
    ],
)
def test_a_figure_of_a_separate_incident_is_not_the_articles_own(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed",
    [
        # a time the parser takes for the object of "killed": the subject is still the victim
        ("Carla Ruiz, 25, was shot and killed around 1:54 a.m. on Oct. 2, 2016 on South Flores Street.", 1),
        # the subject of the first of several conjoined verbs
        ("A man sustained a gunshot wound to the head, was transported to an area hospital with serious injuries, "
         "and was later pronounced dead.", 1),
    ],
)
def test_the_victim_of_a_verb_whose_object_or_subject_the_parser_hung_elsewhere(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # "shot" the model left unlemmatised (tagged VB) is still "shoot"
        ("Officers arrested a man who police say shot two mothers and their daughters.", 0, 2),
        # a degree is no amount: "as many ... as", "so many"
        ("He planned on killing as many people as he could.", 0, 0),
        ("So many kids are getting killed in our community, the pastor said.", 0, 0),
        ("Many people were killed in the attack.", VAGUE_AMOUNTS["many"], 0),
        # a couple is two people; a couple of shots are none
        ("A Baltimore man pleaded guilty to murdering a young couple in Pigtown.", 2, 0),
        ("A couple of people were wounded on Sunday.", 0, 2),
        ("A couple of shots were fired and a man died at the scene.", 1, 0),
        # a murder-suicide is an incident, never a victim
        ("Police are investigating a murder-suicide that left two people dead and two children injured.", 2, 2),
    ],
)
def test_words_that_look_like_counts_or_victims(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        # an apposition that breaks a count of people down: parts of it, not more people
        ("The other four victims -- two men and two women -- were wounded.", 4),
        ("Three others, two men and a woman, were wounded.", 3),
        # a list under a word for a group of its own, or parts that do not add up: every group counts
        ("Two police officers, one civil servant and one resident were wounded.", 4),
    ],
)
def test_an_apposition_that_breaks_a_count_down_is_its_parts(text, hurt):
    assert wounded(rows(text)) == hurt


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a participle tagged a verb before its noun describes that noun: "two injured subjects"
        ("When officers arrived, they found two deceased victims and two injured subjects inside the home.", 2, 2),
        # and that noun only, not the ones conjoined after it
        ("Police were called to a residence and found the injured boy and two others at the house.", 0, 1),
    ],
)
def test_a_participle_before_its_noun_describes_that_noun(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        # a vague figure said after an exact one of its kind restates it
        ("Five people were injured in the shooting on Sunday. Police said several people were hurt.", 5),
        ("Two officers were wounded on Sunday. A witness said many people were hurt.", 2),
        # "several others" says more (and is 10 by the declared table)
        ("Two people were wounded on Sunday. Several others were hurt in the stampede.", 12),
    ],
)
def test_a_vague_figure_after_an_exact_one_restates_it(text, hurt):
    assert wounded(rows(text)) == hurt


@pytest.mark.parametrize(
    "text, killed",
    [
        # "who" the parser makes an object of a verb that has its own object: the one who fired, not a victim
        ("Dana Ortiz, the mother of the 12-year-old who police say shot and killed a 4-year-old, spoke at the hearing.", 1),
        ("A woman who deputies say shot and killed her 9-year-old daughter was denied bail on Tuesday.", 1),
        # a relative pronoun that is the only object is the victim
        ("The boy whom the gunman killed was 14, police said.", 1),
    ],
)
def test_a_relative_pronoun_before_a_verb_with_its_own_object_is_no_victim(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # the dead counted without saying who killed them: the one who killed himself is among them
        ("Four people died in an apparent murder-suicide on Sunday. Police said the man shot his wife and two sons "
         "before killing himself.", 4),
        ("A standoff on Friday left three people dead, including the gunman. Deputies said he walked outside and "
         "killed himself.", 3),
        # the victims of the one who killed himself: he is one more
        ("He left four dead and two wounded before killing himself, the sheriff said.", 5),
        ("A gunman killed three people on Sunday. He then killed himself.", 4),
    ],
)
def test_one_who_killed_himself_is_among_the_dead_counted_without_a_killer(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # a figure the text dates more than a week before the article's own dated figure: another incident
        ("A man was shot and killed on Elm Street on Saturday, March 12. On Feb. 27, a teenager was killed two "
         "blocks away.", 1),
        # within a week: the same incident may still be told
        ("A man was shot on Elm Street on Saturday, March 12. On March 9, his brother was killed in the same house.", 1),
    ],
)
def test_a_figure_dated_over_a_week_before_the_articles_own_dated_one_is_recalled(text, killed):
    found = extract_casualties(_with_published(text, date(2016, 3, 14)))
    assert toll(found) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # a figure told as days or more before something else: another incident
        ("A police officer was shot and killed on Sunday. The attack came just 10 days after a gunman killed five "
         "officers in Tulsa.", 1),
        ("A boy was killed on Sunday. Six months before that, a gunman killed 14 people in a theater.", 1),
        ("A man was killed on Sunday. His cousin spoke about the fatal shooting of a 32-year-old man two days "
         "before.", 1),
        # "N days after" on a state of things, not an incident: the article's own figure
        ("Two guards were wounded on Monday. The courthouse remained closed on Wednesday, two days after a gunman "
         "killed a clerk in its lobby.", 1),
        # "died three days later": the same person
        ("A man was shot on Friday. He died three days later.", 1),
    ],
)
def test_a_figure_told_as_days_before_another_is_another_incident(text, killed):
    found = extract_casualties(_with_published(text, date(2016, 7, 18)))
    assert toll(found) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # an undated lead whose day a later sentence tells: a figure dated weeks before that is another incident
        ("For the second time in six months, a 15-year-old has been shot and killed in Dayton. John Smith was "
         "pronounced dead at 5 p.m. Saturday. Joe Parks, 24, was found dead at his home on Feb. 23.", 1),
        # told by nothing else, an undated lead is about the time of publication: weeks are not yet another incident
        ("A 15-year-old has been shot and killed in Dayton. Joe Parks, 24, was found dead at his home on Feb. 23.", 2),
        # said again of a victim the article recalls (its age): still the recalled incident
        ("A 6-year-old boy died Wednesday after he was shot in Dayton. The shooting came a day after a 2-year-old boy "
         "died after being shot in Xenia. In Xenia, police were investigating the fatal shooting of a 2-year-old boy "
         "on Tuesday.", 1),
    ],
)
def test_the_articles_own_day_told_after_its_lead_and_a_recalled_victim_said_again(text, killed):
    assert toll(extract_casualties(_with_published(text, date(2016, 3, 21)))) == killed


@pytest.mark.parametrize(
    "text, published, killed",
    [
        # the date hangs on the verb, the evidence holds only the victim: the figure is still dated by it
        ("Two women were wounded on Elm Street on Saturday, March 19. Joseph Parks, 24, was found dead at a "
         "townhouse on Feb. 23 after neighbours heard gunshots.", date(2016, 3, 21), 0),
        # a month named without a day, a month and more before the article's own dated figure
        ("Two women were wounded on Elm Street on Sunday, Sept. 13. Detectives are still looking for suspects "
         "in the July slaying of Glenn Marten.", date(2015, 9, 25), 0),
    ],
)
def test_an_earlier_figure_is_recalled_when_its_date_hangs_on_its_verb_or_names_a_month(text, published, killed):
    assert toll(extract_casualties(_with_published(text, published))) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # "also" after a total and one of its people: another of them, while the total holds more
        ("Five people are dead after a shooting at a home on Tuesday. Police said the man killed his father. "
         "Alex Ruiz also died in the home.", 5),
        ("Four people were shot, two fatally, on Sunday. Police said a woman was wounded in the leg. The gunfire "
         "also killed a man, police said.", 2),
        # after one person: one more
        ("A man was killed on Elm Street on Tuesday. Alex Ruiz also died in the attack.", 2),
    ],
)
def test_also_after_a_total_is_one_of_its_people_while_it_holds_more(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # "and then himself" the parser hangs on the verb: one more death
        ("A man shot and killed his wife and then himself on Sunday.", 2),
        ("A gunman killed three people and then himself in the lobby of the courthouse.", 4),
    ],
)
def test_himself_conjoined_to_the_verb_that_killed_is_one_more_death(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed, wounded_count",
    [
        # turning the gun on himself: the shooter is one more of the dead, and none of those he shot
        ("A man shot and killed his 3-year-old daughter before turning the gun on himself Friday evening.", 2, 0),
        ("A man shot six people Saturday afternoon, killing four of them, before turning the gun on himself.", 5, 2),
        ("Investigators say the man shot his girlfriend and her young daughter, then turned the gun on himself.", 1, 2),
        # counted among the dead already: no one more
        ("Five people are dead, including the gunman. The man killed four relatives before turning the gun on himself.", 5, 0),
        # said to have lived: no death
        ("She shot her husband and son before turning the gun on herself. She was treated for a shoulder wound.", 0, 2),
        ("The man turned the gun on himself and is in critical condition, police said.", 0, 1),  # wounded
    ],
)
def test_one_who_turned_the_gun_on_himself_is_one_more_death(text, killed, wounded_count):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, wounded_count)


@pytest.mark.parametrize(
    "text, killed",
    [
        # "his wife" in the sentence of the one she is the wife of: two people
        ("A former deputy was found dead on Sunday night after he killed his wife, police said.", 2),
        ("A retired officer was found dead in his home on Sunday after he shot and killed his wife.", 2),
    ],
)
def test_someone_named_by_kin_is_not_the_person_of_their_own_sentence(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # the one who killed is none of the victims of his killing
        ("A gunman opened fire in a nightclub on Sunday, killing 20. The shooter is dead, police said.", 21),
        ("Police are investigating a triple murder in the county. Officers returned fire, killing the suspect.", 4),
    ],
)
def test_the_suspect_is_none_of_the_victims_of_his_killing(text, killed):
    assert toll(rows(text)) == killed


def test_the_suspect_said_dead_after_the_dead_counted_without_a_killer_is_one_of_them():
    text = ("Three people are dead after a shooting at the courthouse on Monday, including the shooter. The suspect, "
            "a 44-year-old inmate, has also been confirmed dead, police said.")
    assert toll(rows(text)) == 3


@pytest.mark.parametrize(
    "text, published",
    [
        # the time hangs on the first of "shot and killed": the figure's all the same
        ("A boy was shot and killed at home on Monday. Last month, a 6-year-old girl was shot and killed in the "
         "same county.", date(2015, 12, 3)),
        ("A boy was killed at home on Monday, police said. And in December, a 9-year-old girl was shot and killed "
         "by accident.", date(2015, 8, 3)),
    ],
)
def test_a_time_on_the_first_of_two_conjoined_verbs_dates_the_figure_of_the_second(text, published):
    assert toll(extract_casualties(_with_published(text, published))) == 1


@pytest.mark.parametrize(
    "text, killed",
    [
        # a definite ordinal said of someone, or of one "to die": a rank in a series, no victim of its own
        ("Maya succumbed to her injuries on Wednesday afternoon -- the third child to die from a shooting in the city "
         "in just two days.", 1),
        ("A 6-year-old boy was shot and killed at home on Thursday. This is the third child in the county who has "
         "been shot and killed this year.", 1),
        # the subject of its own death: one more
        ("Two men were killed on Sunday. The third man, a 40-year-old, died at the hospital on Monday.", 3),
    ],
)
def test_a_rank_in_a_series_is_no_victim_of_its_own(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # marked as more, after the dead were counted without saying who killed them: still among all the dead
        ("Three people have died in a shooting near the campus on Friday. Another man was pronounced dead at the "
         "scene.", 3),
        ("A shooting on Sunday left five people dead. Police said he shot his girlfriend in the head, then killed "
         "three more people at the apartments.", 5),
        # after the victims of a killing: one more
        ("Two people were killed in a raid on Monday. Another man was killed on Tuesday in a shooting.", 3),  # (a crash
        # kills no one of violence: see test_deaths_of_illness_or_a_road_crash_and_near_misses_are_no_casualties)
    ],
)
def test_more_dead_after_all_the_dead_were_counted_are_among_them(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # "him", "he" and "the suspect" may be one person
        ("A gunman killed a woman on Friday night before police shot him to death. Officers confronted the gunman "
         "in an alley and fired, killing the suspect, the chief said.", 2),
        ("An officer was shot on Thursday, and the suspect was killed. An autopsy showed he died of multiple gunshot "
         "wounds.", 1),
    ],
)
def test_the_suspect_and_a_pronoun_may_be_one_person(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # a shooting that "has claimed the life of" someone: that incident's toll, not a running one
        ("An accidental shooting in the town has claimed the life of a sheriff's deputy, officials said.", 1),
        # a war's: a running toll
        ("The war has claimed more than 13,000 lives.", 0),
    ],
)
def test_an_incident_that_has_claimed_a_life_is_no_running_toll(text, killed):
    assert toll(rows(text)) == killed


@pytest.mark.parametrize(
    "text, killed",
    [
        # "a week later", "a year ago": one time, not a recurring period
        ("A woman was shot on Elm Street on Jan. 2. A little more than a week later, Sara Flem, 38, died at a "
         "hospital, officers said.", 1),
        # "a year": a recurring period's statistic
        ("Guns kill 30,000 people a year in the country.", 0),
    ],
)
def test_a_week_later_is_no_recurring_period(text, killed):
    assert toll(rows(text)) == killed


def test_the_one_said_dead_is_the_noun_just_before_dead_where_the_parser_hung_it_elsewhere():
    # "left a woman in critical condition and her son dead", parsed as "condition and her son": the son died
    found = rows("The crash left a woman in critical condition and her son dead.")
    assert [(e.casualty_count, e.victims) for e in found if e.casualty_kind == "killed"] == [(1, "son")]


def test_a_conjunct_followed_by_its_own_cue_is_not_counted_by_the_first():
    # "one dead and 14 injured", "injured" hung on the verb: the 14 are hurt, not dead
    found = rows("The shooting at the club, which was packed on Saturday, left one dead and 14 injured.")
    assert (toll(found), wounded(found)) == (1, 14)


@pytest.mark.parametrize(
    "text, killed",
    [
        # "he", in the sentence of a killing whose doer is said, of the doer's sex: the doer, one more death
        ("Four people were killed by a man on a rampage before he was shot and killed by police on Sunday night.", 5),
        ("A gunman killed three people at a bar on Sunday before he was shot and killed by officers.", 4),
        # "she", of the victim's sex: the victim
        ("A gunman killed a woman on Sunday as she tried to flee, and she died at the scene.", 1),
    ],
)
def test_he_in_the_sentence_of_his_killing_is_the_killer(text, killed):
    assert toll(rows(text)) == killed


def test_people_shot_told_apart_over_sentences_are_one_wounded_total_with_parts():
    """"Four people were shot ... one is in critical condition. Three others are stable": the four are the wounded
    total and the one and the three its parts, so the first sentence that gives the wounded gives all four (an
    incident takes a report's first figure); said in one sentence, the parts stand as they are."""
    found = rows("Four people were shot in Waterbury early Thursday and one of the victims is in critical condition. "
                 "Three others are in stable condition, police said.")
    assert [(e.casualty_kind, e.casualty_count) for e in found if e.subset_of is None] == [("wounded", 4)]
    assert wounded(found) == 4
    found = rows("Four people were shot on Elm Street on Thursday: one was hurt in the leg and three in the arm.")
    assert wounded(found) == 4


def test_an_article_whose_body_gives_no_figure_takes_its_headlines():
    """Archived pages often keep a headline over a body that is a sign-in box: the headline's figure is a row,
    marked `from_title`, its offsets in the title (its own part, not the site's name), dated by publication."""
    title = "Four wounded in shooting at Pomona restaurant drive-through - KXYZ News"
    body = "We have sent you a verification email. Please check your email and click on the link."
    rows = [e for e in analyse_article(parse_one(body), "a1", date(2016, 5, 10), None, title).events
            if e.event_type == "casualty"]
    assert [(e.casualty_kind, e.casualty_count, e.from_title, e.date_source) for e in rows] == [
        ("wounded", 4, True, "published")]
    (row,) = rows
    assert row.sentence == title[row.sent_start:row.sent_end] == "Four wounded in shooting at Pomona restaurant drive-through"
    assert title[row.char_start:row.char_end] and row.event_date == date(2016, 5, 10)
    told = analyse_article(parse_one("Police said two men were wounded on Main Street."), "a2", date(2016, 5, 10), None,
                           title).events
    assert [(e.casualty_count, e.from_title) for e in told if e.event_type == "casualty"] == [(2, None)]  # body first


def test_a_headline_death_counts_where_the_body_gives_no_death_toll():
    """A headline drops its articles ("Teen killed in accidental shooting", "Juvenile Dies After ..."): there a bare
    singular noun for a person is one victim. Its killed figure is a row where the body, which tells only of the
    shooting, gives no death toll; its wounded figure is not (a victim the body says was shot may be the one the
    headline says died), nor is it on a page whose body gives no figure at all (nothing to file it under). In the
    body, such a line is a related story's headline, and no row."""
    def headline_rows(title: str, body: str) -> list[tuple[str, int, bool | None]]:
        found = analyse_article(parse_one(body), "a1", date(2016, 3, 10), None, title).events
        return sorted((e.casualty_kind, e.casualty_count, e.from_title) for e in found if e.event_type == "casualty")

    shot = "Deputies said the boy was shot in the head on Monday while a man handled a gun."
    assert headline_rows("Juvenile Dies After Morgantown Man Mishandles Handgun - WBOY", shot) == [
        ("killed", 1, True), ("wounded", 1, None)]
    assert headline_rows("Teen killed in accidental shooting ID'd; gun's origins...", shot)[0] == ("killed", 1, True)
    assert headline_rows("Shawnee teenager shot to death in Oklahoma City", shot)[0] == ("killed", 1, True)
    assert headline_rows("Teenage boy shot and killed by family member", shot)[0] == ("killed", 1, True)  # no "was"
    assert headline_rows("Police officer shot in leg", "A man was shot dead on Main Street on Monday.") == [
        ("killed", 1, None)]  # no wounded from the headline
    assert headline_rows("Teen killed in shooting", "Two men were killed on Main Street on Monday.") == [
        ("killed", 2, None)]  # the body's toll stands
    related = "A man was shot in the leg on Main Street on Monday.\n\nRelated: Teen killed in shooting"
    assert headline_rows("Man shot on Main Street", related) == [("wounded", 1, None)]
    assert headline_rows("One dead in accidental shooting", "Sign in to read the rest of this story.") == [
        ("killed", 1, True)]  # a page with no figure of its own and no place: its headline's numbers


@pytest.mark.parametrize(
    "title, body, killed, hurt",
    [
        # the body gives the dead and no wounded; the headline tells its wounded apart from its dead
        ("1 dead, 3 wounded in drive-by shooting near Humble",
         "Deputies said a man was shot and killed outside a house on Main Street on Sunday.", 1, 3),
        # the list's second item, which the headline's parse drops ("2 injured"), read with its verb put back
        ("2 teens killed, 2 injured in Oceanside park shooting",
         "Two teenagers were shot dead in a park on Saturday night, police said.", 2, 2),
        # a lone wounded victim in the headline is the one the body says died
        ("Teen shot in Allegheny Township", "A teenager died after he was shot outside a house on Main Street on Sunday.", 1, 0),
    ],
)
def test_a_headline_gives_the_wounded_a_body_that_gives_the_dead_lacks(title, body, killed, hurt):
    found = analyse_article(parse_one(body), "a1", date(2016, 5, 10), None, title).events
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("Police arrived at the house on Sunday and found a 4-year-old and a 25-year-old woman with gunshot wounds.", 0, 2),
        # kin hurt beside the dead in one sentence are others than the dead ("her mother died" is the woman)
        ("A woman was killed and her brother and 4-year-old daughter injured in a shooting in Joliet on Sunday night. "
         "The girl has not yet been told her mother died.", 1, 2),
        # but the same noun said dead later is the one said hurt
        ("A man was shot dead and a woman wounded at a party. The woman died at the hospital on Sunday.", 2, 0),
        # unless the one said dead beside her has that noun too: either girl, and the hurt one stays hurt
        ("A shooting into a home on Sunday killed a 7-year-old girl and injured an 8-year-old girl. The medical "
         "examiner ruled the girl's death a homicide.", 1, 1),
    ],
)
def test_people_listed_with_wounds_and_kin_hurt_beside_the_dead(text, killed, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (killed, hurt)


@pytest.mark.parametrize(
    "text, hurt",
    [
        # said alive after the death, and named by kin of the dead one: another person, whatever death follows
        ("A 6-year-old boy was shot to death in a car on Tuesday. His father was hospitalized with gunshot wounds and "
         "was listed in critical condition. \"The boy was buckled into the front seat and that is how he died,\" the "
         "sheriff said.", 1),
        # one hurt, then dead: the same person, in critical condition before he died
        ("A man was shot on Friday and taken to a hospital in critical condition. He died on Saturday.", 0),
    ],
)
def test_one_said_alive_after_a_death_or_kin_of_the_dead_is_another(text, hurt):
    found = rows(text)
    assert (toll(found), wounded(found)) == (1, hurt)


def test_a_verb_has_one_object_and_no_apposition_across_a_semicolon():
    """Parses the model gives real sentences: "shot him with a gun the two found" with "two" a second object of "shot"
    (one person hurt, not three), and "shoots self; three suspects in custody" with the suspects an apposition of
    "self" (one officer hurt, no suspect)."""
    from spacy.tokens import Doc

    from eventwire.transform.events.casualty import _objects
    from eventwire.transform.nlp import get_nlp

    words = ["a", "friend", "shot", "him", "with", "a", "gun", "the", "two", "found"]
    parsed = Doc(get_nlp().vocab, words=words, heads=[1, 2, 2, 2, 2, 6, 4, 8, 2, 8],
                 deps=["det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "det", "dobj", "acl"],
                 pos=["DET", "NOUN", "VERB", "PRON", "ADP", "DET", "NOUN", "DET", "NUM", "VERB"])
    assert [t.text for t in _objects(parsed[2])] == ["him"]
    # but a second object the text sets apart by a comma or "as well as" is one
    found = rows("The army said its strikes killed 270 fighters in the north, as well as 50 civilians.")
    assert sorted(e.casualty_count for e in found if e.casualty_kind == "killed") == [50, 270]
    found = analyse_article(parse_one("Sign in to read the rest of this story."), "a1", date(2016, 5, 10), None,
                            "St. Ann officer accidentally shoots self; three suspects in custody after pursuit").events
    assert (toll(found), wounded(found)) == (0, 1)


def test_a_headline_whose_dead_one_also_shot_himself_is_one_death():
    """A page whose body gives no figure under "Man dies after accidentally shooting himself in the leg": read plainly
    the headline tells only of a wound; read in headline style, of the man who died: one death, no one hurt."""
    found = analyse_article(parse_one("Sign in to read the rest of this story."), "a1", date(2016, 5, 10), None,
                            "Man dies after accidentally shooting himself in the leg, St. Louis police say").events
    assert (toll(found), wounded(found)) == (1, 0)


@pytest.mark.parametrize(
    "text, killed",
    [
        ("The mother pleaded guilty in her 4-year-old's accidental shooting death.", 1),
        # a death said of a name or a pronoun recalls someone the text has told of: no figure of its own
        ("Protests followed Khashoggi's death.", 0),
        ("He spoke about it after his death.", 0),
        # nor a death that only dates something
        ("Relations began in 1986, 11 years after the dictator's death.", 0),
    ],
)
def test_a_death_said_of_a_person_by_a_possessive(text, killed):
    assert toll(rows(text)) == killed


def test_a_headline_deadly_attack_without_a_victim_is_at_least_one_death():
    """"Police investigate deadly shooting in ..." over a sign-in box: at least one dead (1, "at least", no upper
    bound); the one shot the body tells of is then that one. Not "deadly force", which kills no one by itself."""
    def casualties(title: str, body: str):
        found = analyse_article(parse_one(body), "a1", date(2016, 5, 10), None, title).events
        return [e for e in found if e.event_type == "casualty"]

    sign_in = "Sign in to read the rest of this story."
    (row,) = casualties("Police investigate deadly shooting in Dayton park", sign_in)
    assert (row.casualty_kind, row.casualty_count, row.casualty_low, row.casualty_high, row.casualty_qualifier,
            row.from_title) == ("killed", 1, 1, None, "at least", True)
    assert casualties("Police used deadly force in Dayton", sign_in) == []
    found = casualties("Kenosha police arrest 15-year-old in fatal shooting",
                       "Police found a 23-year-old man with a gunshot wound in a house on 48th Street on Saturday.")
    assert (toll(found), wounded(found)) == (1, 0)


@pytest.mark.parametrize(
    "title, body, hurt",
    [
        # the one the body says shot is the one the headline says died
        ("Juvenile Dies After Dayton Man Mishandles Handgun", "Deputies say a man shot a juvenile in the head on Monday.", 0),
        ("6-year-old killed in accidental shooting in Dayton", "Deputies say a 6-year-old boy was shot on Monday.", 0),
        # unless the body's words set them apart: survival, another age, a woman under a boy
        ("Juvenile Dies After Dayton Man Mishandles Handgun", "Deputies say a teen was shot on Monday and is recovering.", 1),
        ("6-year-old killed in accidental shooting in Dayton", "Deputies say a 9-year-old boy was shot on Monday.", 1),
        ("Teen boy killed in accidental shooting in Dayton", "Deputies say a woman was also shot on Monday.", 1),
    ],
)
def test_a_headline_death_over_a_body_that_tells_only_of_the_shot_is_one_person(title, body, hurt):
    found = analyse_article(parse_one(body), "a1", date(2016, 3, 10), None, title).events
    assert (toll(found), wounded(found)) == (1, hurt)


def test_a_page_without_figures_takes_its_headlines_bare_nouns_where_it_says_where():
    """A sign-in box under "Sacramento teen killed by apparent accidental gunshot": the headline names the town, so
    its bare-noun victim is a row (placed and dated by the page) that can be filed under its incident. Not where the
    headline tells of a later step (a victim remembered, named, a court's step): the page's date is not the
    incident's, and the death would be counted again beside its first report."""
    sign_in = "We have sent you a verification email. Please check your email and click on the link."

    def headline_rows(title: str) -> list[tuple[str, int, str | None]]:
        # (a US broadcaster's page: "kcra.com" says the country, in which the headline's town is looked up)
        found = analyse_article(parse_one(sign_in), "a1", date(2016, 4, 20), "https://www.kcra.com/article/1", title).events
        return [(e.casualty_kind, e.casualty_count, e.location) for e in found if e.event_type == "casualty"]

    assert headline_rows("Sacramento teen killed by apparent accidental gunshot") == [("killed", 1, "Sacramento")]
    assert headline_rows("Teen accidentally shot in northwest Charlotte, police say") == [("wounded", 1, "Charlotte")]
    assert headline_rows("Teen killed in Sacramento hunting accident remembered as witty, well-liked") == []
    assert headline_rows("Woman fatally shot in Sacramento is identified") == []
    # a page that says nothing of where (no town, no country, an address that names neither): the headline's town
    # is read at filing time, where the outlet's home says which of its namesakes it is (`load.incidents`)
    found = analyse_article(parse_one(sign_in), "a1", date(2016, 4, 20), None,
                            "Sacramento teen killed by apparent accidental gunshot").events
    assert [(e.casualty_kind, e.casualty_count, e.location) for e in found if e.event_type == "casualty"] == [
        ("killed", 1, None)]


def test_a_page_that_names_no_place_takes_its_whole_headlines_bare_nouns():
    """A sign-in box under "Teenage boy shot and killed by family member" names no place at all: the headline is
    all the page tells, and its victim a row (filing places it at its outlet's home). Not a headline the page cut
    short ("... drive-by shooting in SW..."): what it lost is often the place, and the row could then be filed
    under nothing that matches it and count the death again beside its incident's other reports."""
    sign_in = "Sign in to read the rest of this story."

    def headline_rows(title: str, body: str = sign_in) -> list[tuple[str, int]]:
        found = analyse_article(parse_one(body), "a1", date(2016, 11, 28), None, title).events
        return sorted((e.casualty_kind, e.casualty_count) for e in found if e.event_type == "casualty")

    assert headline_rows("Teenage boy shot and killed by family member") == [("killed", 1)]
    assert headline_rows("Teen injured in accidental shooting") == [("wounded", 1)]
    assert headline_rows("Man killed, boy injured in apparent drive-by shooting in SW...") == []
    assert headline_rows("Ex-Habersham deputy killed ex-wife, man before shooting…") == []


def test_a_headline_is_read_with_the_auxiliary_it_drops_put_back():
    """Headlines drop "was" and "were": the parser reads "5 shot on Detroit's west side" as a noun phrase and
    "2 girls, 2 men shot at" as men shooting. Read again with it put back ("5 were shot on ..."), the figure is a
    row whose offsets are still the headline's own; an age between commas is no subject ("Child, 12, was shot"),
    nor are words that do not open a clause ("led to 10 people shot"), and a participle with an object is no
    passive ("Officer shot suspect")."""
    from eventwire.transform.headline import headline_prose, original_offset

    assert headline_prose("5 shot on Detroit's west side") == ("5 were shot on Detroit's west side", [(2, 5)])
    assert headline_prose("Child, 12, accidentally shot in Clayton County")[0] == (
        "Child, 12, was accidentally shot in Clayton County")
    assert headline_prose("Killeen 2-year-old in critical condition")[0] == (
        "Killeen 2-year-old is in critical condition")
    assert headline_prose("Man found shot dead in car")[0] == "Man was found shot dead in car"
    assert headline_prose("Officer shot suspect in Dallas") == ("Officer shot suspect in Dallas", [])
    assert headline_prose("Dispute led to 10 people shot at bar")[1] == []  # (no subject: "to 10 people")
    assert headline_prose("Sheriff: 6-year-old playing with gun shot and killed")[0] == (
        "Sheriff: 6-year-old playing with gun was shot and killed")
    assert headline_prose("Brother arrested after sister shot in Port St. Lucie")[0] == (
        "Brother arrested after sister was shot in Port St. Lucie")
    assert headline_prose("Man was shot in Dallas") == ("Man was shot in Dallas", [])
    text, inserted = headline_prose("4 shot, 1 killed in Detroit")
    assert text == "4 were shot, 1 was killed in Detroit"
    assert [original_offset(text.index(w), inserted) for w in ("shot", "killed", "Detroit")] == [2, 10, 20]

    sign_in = "We have sent you a verification email. Please check your email and click on the link."

    def headline_rows(title: str) -> list[tuple[str, int, str]]:
        found = analyse_article(parse_one(sign_in), "a1", date(2014, 5, 24), None, title).events
        return [(e.casualty_kind, e.casualty_count, title[e.char_start:e.char_end]) for e in found
                if e.event_type == "casualty" and e.from_title  # (the sentence is the headline in sentence case)
                and e.sentence.lower() == title[e.sent_start:e.sent_end].lower()]

    assert headline_rows("5 shot on Detroit's west side, suspects still at large - Fox 2 News Headlines") == [
        ("wounded", 5, "5 shot")]
    assert sorted(headline_rows("2 Girls, 2 Men Shot At Birthday Party In Compton")) == [("wounded", 4, "2 Girls")]
    assert [r[:2] for r in headline_rows("Killeen 2-year-old in critical condition from gunshot")] == [("wounded", 1)]
    assert [r[:2] for r in headline_rows("Child, 12, accidentally shot in Clayton County")] == [("wounded", 1)]
    assert [r[:2] for r in headline_rows("5-year-old shot in Jeff-Vander-Lou neighborhood")] == [("wounded", 1)]


def test_a_headlines_list_of_figures_is_read_whole():
    """Headlines list their figures with commas where a body writes "and": "Woman killed, 3 wounded by gunfire"
    (the parser hangs "3 wounded" on "killed", a number it would otherwise refuse as a measure), "17-year-old boy
    shot, killed in Bluffton" (the death borrows the shot boy, as "shot and killed" does)."""
    def headline(title: str) -> list[tuple[str, int]]:
        doc = _headline_doc(title, date(2016, 11, 23))
        return sorted((e.casualty_kind, e.casualty_count) for e in _headline_casualties(doc, date(2016, 11, 23), True))

    assert headline("St. Louis woman killed, 3 wounded by gunfire in park full of children") == [
        ("killed", 1), ("wounded", 3)]
    assert headline("1 dead, 3 wounded in shooting at Northern Arizona University") == [("killed", 1), ("wounded", 3)]
    assert headline("17-year-old boy shot, killed in Bluffton") == [("killed", 1)]
    assert headline("Man robbed, shot in Houston") == [("wounded", 1)]
    assert [(e.casualty_kind, e.casualty_count) for e in analyse_article(
        parse_one("The attack left 1 dead, 3 wounded."), "a1", date(2016, 11, 23)).events
        if e.event_type == "casualty"] == [("killed", 1), ("wounded", 3)]


def test_a_title_case_headline_is_read_with_its_common_words_in_lower_case():
    from eventwire.transform.headline import sentence_case

    assert sentence_case("Four Injured In Miami Gardens Shooting") == "Four injured in Miami Gardens shooting"
    assert sentence_case("2 Girls, 2 Men Shot At A Party") == "2 girls, 2 men shot at a party"
    assert sentence_case("NYPD Officer Shot In The Bronx") == "NYPD officer shot in the Bronx"  # (an acronym stays)
    assert sentence_case("Four people shot in Tangelo Park") == "Four people shot in Tangelo Park"  # not Title Case


def test_a_figure_said_earlier_is_another_estimate_of_the_dead_not_more_of_them():
    """Reporters keep a revised figure: "Earlier, the attorney general said 13 people had been killed." after the
    sheriff's 10 is not 13 more dead (nor the toll)."""
    doc = parse_one("A gunman killed 10 people at a community college on Thursday, the sheriff said. Earlier, the "
                    "state attorney general said 13 people had been killed.")
    killed = [(e.casualty_count, e.subset_of is None) for e in analyse_article(doc, "a1", date(2015, 10, 2)).events
              if e.event_type == "casualty" and e.casualty_kind == "killed"]
    assert killed == [(10, True), (13, False)]


def test_a_title_before_a_name_is_the_named_victim():
    """"U.S. citizen Adrian Espinosa, 17, was killed" after "Both were injured": the parser makes the name an
    apposition of "citizen" there, and the dead man was lost."""
    found = rows("Enrique Ramirez, 56, and Jose Roberto Pena, 31, are permanent residents. Both were injured in the "
                 "shooting and are still in the hospital.\n\nU.S. citizen Adrian Espinosa, 17, was killed in the shooting.")
    assert [(e.casualty_kind, e.casualty_count) for e in found] == [("wounded", 2), ("killed", 1)]
    assert "Espinosa" in found[1].victims


def dated_rows(text: str, published: date = date(2016, 5, 3)):
    """The casualty rows as an article published that day has them (its figures dated, earlier ones recalled)."""
    return [e for e in analyse_article(parse_one(text), "a1", published).events if e.event_type == "casualty"]


def test_a_death_a_vigil_or_tribute_remembers_is_of_an_earlier_incident():
    for remembered in ("The vigil honored Javon Booker, who died after he was shot during a robbery.",
                       "Officers paid tribute to fallen deputy Dan Glaze, who was killed in the line of duty.",
                       "The memorial service was for Brandon Porraz, a man who died after he was shot."):
        found = dated_rows("A man was shot and wounded on Main Street on Friday. " + remembered)
        assert [(e.casualty_kind, bool(e.recalled)) for e in found] == [("wounded", False), ("killed", True)], remembered
    alone = dated_rows("Friends held a vigil on Sunday. The vigil honored Javon Booker, who died after he was shot on Friday.")
    assert toll(alone) == 1  # a story of the vigil alone: the death it remembers is the one it reports


def test_deaths_of_illness_or_a_road_crash_and_near_misses_are_no_casualties():
    assert rows("An 85-year-old man died of an apparent heart attack while hunting near the town.") == []
    assert rows("A county employee died in a single vehicle wreck Friday morning after a shooting.") == []
    assert rows("He barely missed killing a 1-year-old boy sleeping in his crib.") == []
    assert rows("Two killed in Gallatin County crash") == []  # a road death, also under "killed"
    assert rows("Early reports said one person had died in the shooting, but that proved to be incorrect.") == []
    assert toll(rows("He killed two people, and what he did was wrong, the sheriff said.")) == 2
    assert toll(rows("Two men died in the shooting.")) == 2


def test_a_killer_who_shot_himself_after_the_killing_is_one_more_of_the_dead():
    assert toll(dated_rows("Police say the man killed his wife and son before shooting himself.")) == 3
    assert toll(dated_rows("Police said he killed his wife and then shot himself in the head.")) == 2
    lived = dated_rows("Police said he killed his wife and then shot himself in the head. He was taken to a hospital "
                       "in critical condition.")
    assert toll(lived) == 1  # words after it say he lived
    assert toll(dated_rows("A man shot his wife and then shot himself, police said.")) == 0  # no one said killed


def test_a_constable_is_no_word_of_survival():
    """"Constable's Office" after "turned the gun on himself" read as "stable" and lost the dead gunman."""
    text = ("A man shot and killed his 3-year-old daughter before turning the gun on himself Friday evening.\n\n"
            "The man was served papers by deputies with the Montgomery County Precinct 3 Constable's Office.")
    assert toll(dated_rows(text)) == 2


def test_victims_listed_by_name_or_as_the_deaths_of_several_all_count():
    """A list of names the parser hung by apposition, of one family ("Betty Mungin, 55, Alexis Mungin, ..."), and
    "the shooting deaths of a mother, son and daughter": every one of them, not the first."""
    assert toll(dated_rows("Betty Mungin, 55, Alexis Mungin, 29 and pregnant, and Armani Mungin, eight years old, were "
                           "fatally shot in a mobile home on Savannah Highway.")) == 3
    assert toll(dated_rows("Police are investigating the shooting deaths of a mother, son and daughter.")) == 3
    assert toll(dated_rows("Tyreke Borel, 19, was shot and killed on Friday. Borel was a student.")) == 1


def test_a_list_of_people_counts_each_and_a_breakdown_after_a_comma_counts_once():
    assert toll(rows("Two men, a woman and a child were killed.")) == 4  # the parser hangs "a woman" by apposition
    assert toll(rows("A man, a woman and two children were killed in the attack.")) == 4
    assert toll(rows("Two officers, a sergeant and a deputy, were killed.")) == 2  # closed by a comma: a breakdown
    assert toll(rows("Two children, a boy and a girl, were killed.")) == 2
    assert sum(e.casualty_count for e in rows("Three teens, two boys and a girl, were wounded.") if e.subset_of is None) == 3
    assert toll(rows("Three people, two men and a woman, were killed.")) == 3  # "two men" a conjunct: still parts
    hurt = rows("Two police officers and three others -- two men and a woman -- also were wounded.")
    assert sum(e.casualty_count for e in hurt if e.subset_of is None) == 5  # the breakdown of a conjunct's count
    assert toll(rows("Police said four men were shot. Two of those men, 23-year-old Juan Carlos Saenz-Ponce and 24 year "
                     "old Daniel Chumacero, died after the shooting.")) == 2


def test_a_vehicle_struck_by_gunfire_is_no_one_wounded():
    assert rows("No students were injured Friday morning when a private school van was struck by gunfire.") == []
    assert [(e.casualty_kind, e.casualty_count) for e in rows("A man was struck by gunfire.")] == [("wounded", 1)]


def test_a_death_sentence_or_a_fright_kills_no_one():
    assert rows("Jesus was sentenced to death by Pontius Pilate.") == []
    assert rows("The court sentenced two men to death.") == []
    assert toll(rows("Two men were stabbed to death.")) == 2


def test_a_subject_the_parser_hung_elsewhere_and_injuries_hung_on_the_hospital_are_read():
    found = rows("In a shooting caught on Facebook Live, a 2-year-old boy and a 26-year-old man were killed and a "
                 "pregnant woman was wounded when a gunman opened fire.")
    assert sorted((e.casualty_kind, e.casualty_count) for e in found) == [("killed", 1), ("killed", 1), ("wounded", 1)]
    assert [(e.casualty_kind, e.casualty_count) for e in rows("Another child was taken to a local hospital with minor "
                                                               "injuries.")] == [("wounded", 1)]
    assert [(e.casualty_kind, e.casualty_count) for e in rows("His sister was treated at a hospital for superficial "
                                                               "wounds to her arm.")] == [("wounded", 1)]
    assert [(e.casualty_kind, e.casualty_count) for e in rows("A 15-month-old in the minivan was also struck but "
                                                               "suffered injuries that weren't life-threatening.")] == [("wounded", 1)]


def test_wounds_from_an_attack_are_no_illness_and_shoot_someone_dead_reads_the_victim():
    """"died of gunshot wounds he sustained in an attack" read "attack" (as in "heart attack") as an illness and lost
    the policeman; "shoot the driver dead" parsed the driver as the subject of "dead"."""
    assert toll(rows("A policeman died of gunshot wounds he sustained in an attack in Al-Arish on Tuesday.")) == 1
    assert rows("An 85-year-old man died of an apparent heart attack while hunting.") == []
    assert toll(rows("Armed men hijack a vehicle and shoot the driver dead.")) == 1


def test_victims_in_addition_to_the_object_count_too():
    assert toll(rows("Unknown gunmen shot and killed 1 council member in addition to 3 of his guards in Logar.")) == 4
    assert toll(rows("Gunmen killed a man in addition to stealing his car.")) == 1


def test_wire_note_shapes_the_parser_misreads_still_give_their_dead():
    """ACLED notes: "shot dead an IDP civilian" with "shot" parsed as a noun; a date the parser made the subject
    ("Around 27 April 2020, in Timoteo, a drug trafficker was found dead"); a tally without a comma."""
    assert toll(rows("On 1 May 2020, gunmen riding a motorcycle shot dead an IDP civilian in the town of Mastumeh.")) == 1
    assert toll(rows("Around 27 April 2020, in Timoteo, Minas Gerais, a drug trafficker was found dead in Nova Primavera "
                     "neighborhood.")) == 1
    tally = rows("A mob attacked a youth and 3 others in Jathol village. 1 killed 3 injured.")
    assert sorted((e.casualty_kind, e.casualty_count) for e in tally) == [("killed", 1), ("wounded", 3)]
