"""Word lists for `actions`: ACLED's taxonomy, the cues that signal each kind of act, and the words that say
what kind of party an actor or a target is.

Kept apart from the rules so that a word can be added without reading them. Every list is lower case and holds
lemmas unless its name says otherwise. The taxonomy is ACLED's (codebook 2019-2023): 6 event types, 25
sub-event types, spelled exactly as ACLED spells them.
"""

from __future__ import annotations

# --- ACLED's taxonomy ---------------------------------------------------------------------------------------

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUBCATEGORIES: dict[str, str] = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VAC,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}
"""ACLED sub-event type → event type."""

CATEGORY_RANK = {VAC: 0, EXPLOSIONS: 0, BATTLES: 0, RIOTS: 1, PROTESTS: 2, STRATEGIC: 3}
"""Which act of a sentence is listed first: violence before riots before protests before the rest (ACLED codes
the gravest act when one report holds several)."""

# --- cues: weapons and means (their class decides the Explosions/Remote violence sub-type) -------------------

# Weapon classes, strongest first; the sub-type of a violent act is the strongest class reported with it.
CHEM, SUICIDE, AIR, GRENADE, IED, SHELL, BLAST = "chem", "suicide", "air", "grenade", "ied", "shell", "blast"
WEAPON_SUBTYPE = {
    CHEM: "Chemical weapon", SUICIDE: "Suicide bomb", AIR: "Air/drone strike", GRENADE: "Grenade",
    IED: "Remote explosive/landmine/IED", SHELL: "Shelling/artillery/missile attack",
    BLAST: "Remote explosive/landmine/IED",
}
WEAPON_ORDER = [CHEM, SUICIDE, AIR, GRENADE, IED, SHELL, BLAST]

WEAPON_NOUNS: dict[str, str] = {
    # air
    "airstrike": AIR, "air-strike": AIR, "airstrikes": AIR, "warplane": AIR, "jet": AIR, "drone": AIR, "uav": AIR,
    "helicopter": AIR, "gunship": AIR, "aircraft": AIR, "airplane": AIR, "bomber": AIR, "airpower": AIR,
    "air-raid": AIR, "airraid": AIR, "sortie": AIR, "f-16": AIR, "b-52": AIR, "chopper": AIR,
    # shelling, artillery, missiles
    "shelling": SHELL, "shell": SHELL, "artillery": SHELL, "mortar": SHELL, "rocket": SHELL, "missile": SHELL,
    "howitzer": SHELL, "katyusha": SHELL, "mlrs": SHELL, "projectile": SHELL, "bombardment": SHELL,
    "barrage": SHELL, "cannon": SHELL, "cannonade": SHELL, "tank": SHELL,
    # remote explosives
    "ied": IED, "ieds": IED, "landmine": IED, "mine": IED, "vbied": IED, "rcied": IED, "explosive": IED,
    "roadside": IED, "booby": IED, "limpet": IED,
    # grenades
    "grenade": GRENADE,
    # suicide
    "kamikaze": SUICIDE,
    # chemical
    "chlorine": CHEM, "sarin": CHEM, "mustard": CHEM,
    # generic blasts: a remote explosive unless something more specific is said
    "explosion": BLAST, "blast": BLAST, "bomb": BLAST, "bombing": BLAST, "detonation": BLAST, "device": BLAST,
}
"""Noun lemma (or lower-case form) → weapon class. Some need a check in `actions` ("mine" of gold, "tank" of
water, "device", "grenade launcher", "tear gas", "smoke grenade")."""

WEAPON_VERBS: dict[str, str] = {
    "shell": SHELL, "bombard": SHELL, "explode": BLAST, "detonate": BLAST, "bomb": BLAST, "airstrike": AIR,
}
AIR_MODIFIERS = {"air", "aerial", "drone", "airstrike", "warplane", "jet", "helicopter", "plane", "aircraft", "barrel",
                 "airborne", "air-dropped", "coalition", "nato", "us", "u.s.", "american", "israeli", "russian", "saudi"}
"""Words that make a strike or a bomb an air strike ("drone strike", "barrel bomb", "US strikes")."""
SHELL_MODIFIERS = {"missile", "rocket", "artillery", "mortar", "tank", "ballistic", "cruise"}
SUICIDE_WORDS = {"suicide", "kamikaze", "self-immolation", "svbied"}
CHEM_WORDS = {"chemical", "toxic", "poison", "poisonous", "chlorine", "sarin", "nerve", "mustard", "vx", "phosgene", "tabun",
              "cyanide", "napalm"}
LIGHT_ARMS = {"gun", "rifle", "arm", "firearm", "machinegun", "machine", "weapon", "launcher", "ifv", "bmp", "pistol",
              "ak47", "ak-47", "knife", "machete", "sniper", "small", "gunfire", "bullet", "round"}
NOT_WEAPON_AFTER = {"launcher", "launchers"}  # "grenade launchers" are small arms to ACLED, not grenades
INTERVENTION_GAS = {"tear", "smoke", "stun", "pepper", "teargas"}  # "tear gas", "smoke grenades": not weapons

# --- cues: acts ---------------------------------------------------------------------------------------------

CLASH_VERBS = {"clash", "fight", "battle", "skirmish", "engage", "exchange"}
CLASH_NOUNS = {"clash", "fighting", "fight", "battle", "gunfight", "firefight", "shootout", "shoot-out", "gunbattle",
               "skirmish", "combat", "hostility", "crossfire", "confrontation", "exchange", "gun-battle", "encounter",
               "engagement"}
ATTACK_VERBS = {"attack", "ambush", "raid", "assault", "storm", "invade", "strike", "target", "hit", "overrun",
                "besiege", "infiltrate", "charge"}
ATTACK_NOUNS = {"attack", "ambush", "raid", "assault", "offensive", "incursion", "operation", "strike", "shooting",
                "onslaught", "massacre", "killing", "murder", "assassination", "siege", "crackdown", "counterattack",
                "counter-attack", "counteroffensive", "counter-offensive"}
FIRE_VERBS = {"fire", "shoot", "gun", "snipe", "spray"}
KILL_VERBS = {"kill", "murder", "assassinate", "execute", "behead", "massacre", "slaughter", "hack", "stab",
              "lynch", "torture", "beat", "slay", "strangle", "burn", "injure", "wound", "maim", "assault"}
OUTCOME_VERBS = {"kill", "injure", "wound", "die", "maim", "hurt"}
"""Verbs that report what an act did to people rather than the act: they decide the act only when nothing else
in the sentence does ("a man was killed")."""

ABDUCT_VERBS = {"abduct", "kidnap", "disappear"}
ABDUCT_NOUNS = {"abduction", "kidnapping", "kidnap", "hostage", "disappearance", "hostage-taking"}
SEXUAL_VERBS = {"rape", "molest", "gang-rape"}
SEXUAL_NOUNS = {"rape", "gang-rape", "molestation"}
ARREST_VERBS = {"arrest", "detain", "apprehend", "nab", "jail", "imprison", "round"}
ARREST_NOUNS = {"arrest", "detention"}

PROTEST_VERBS = {"protest", "demonstrate", "rally", "march", "picket", "chant", "boycott"}
PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "sit-in", "picket", "vigil", "strike", "protester",
                 "demonstrator", "walkout", "marcher", "motorcade", "dharna", "blockade", "gherao", "bandh", "hartal",
                 "caravan", "cacerolazo", "protestor"}
LABOUR_STRIKE = {"hunger", "general", "labour", "labor", "worker", "workers", "teacher", "nurse", "doctor",
                 "national", "indefinite", "sit-down", "day", "week", "wage", "transport", "taxi", "truck", "driver"}
RIOT_VERBS = {"riot", "lynch", "vandalize", "vandalise", "pelt", "stone", "loot", "torch", "ransack", "hurl"}
RIOT_NOUNS = {"riot", "rioter", "mob", "lynching", "vandalism", "rampage", "rioting"}
MISSILES_BY_HAND = {"stone", "rock", "brick", "bottle", "molotov", "cocktail", "petrol", "firebomb", "object",
                    "stick", "egg", "projectile", "chair", "shoe", "tyre", "tire", "firework", "firecracker", "missile",
                    "flare", "barricade"}

TERRITORY_VERBS = {"capture", "seize", "overrun", "recapture", "retake", "regain", "reclaim", "liberate", "free",
                   "conquer", "occupy", "clear", "take", "gain", "control", "wrest", "secure", "fall"}
REGAIN_VERBS = {"recapture", "retake", "regain", "reclaim", "liberate", "free", "clear", "wrest"}
CONTROL_NOUNS = {"control", "hold", "possession"}
PLACE_NOUNS = {
    "village", "town", "city", "district", "area", "territory", "base", "position", "checkpoint", "hill",
    "post", "outpost", "stronghold", "region", "province", "neighborhood", "neighbourhood", "locality", "camp",
    "airport", "airbase", "road", "highway", "bridge", "front", "island", "part", "hamlet", "settlement", "county",
    "capital", "centre", "center", "port", "crossing", "border", "zone", "hilltop", "mountain", "valley",
    "suburb", "countryside", "headquarters", "garrison", "barracks", "compound", "oilfield", "field", "dam",
    "municipality", "subdistrict", "enclave", "pocket", "locale", "kilometre", "kilometer", "km", "square",
}
HANDED_WORDS = {"withdraw", "withdrew", "withdrawn", "handover", "hand-over", "handed", "evacuation", "evacuate", "evacuated",
                "retreat", "retreated", "cede", "ceded", "vacate", "vacated", "relinquish",
                "relinquished", "unopposed", "peacefully", "uncontested", "unchallenged", "bloodless"}
"""Words of a territory changing hands without a fight: one side left it, or no one resisted."""
TAKEN_WORDS = {"advance", "advanced", "enter", "entered", "take", "took", "taken", "takeover", "hand", "handed",
               "handover", "seize", "seized", "capture", "captured", "deploy", "deployed", "replace", "replaced"}
"""Words of someone taking over what another left: a withdrawal with one of these is a transfer of territory;
without, a change of the group's activity."""
NO_FIGHT = {"fight", "fighting", "resistance", "clash", "clashes", "battle", "bloodshed", "shot", "violence", "confrontation",
            "opposition", "incident", "casualty", "casualties"}
"""'without a fight', 'without resistance': the objects of 'without' that make a taking of territory non-violent."""
WITHDRAW_VERBS = {"withdraw", "retreat", "cede", "evacuate", "relinquish", "abandon", "vacate"}
HANDOVER = {"hand", "turn"}  # "handed over"

DISRUPT_VERBS = {"defuse", "dismantle", "intercept", "neutralize", "neutralise", "deactivate", "disarm", "foil",
                 "thwart", "disable", "down"}
WEAPON_GOODS = {"weapon", "arm", "ammunition", "ammo", "explosive", "bomb", "ied", "ieds", "grenade", "rifle", "gun",
                "pistol", "rocket", "missile", "mine", "landmine", "cache", "stockpile", "firearm", "munition",
                "detonator", "shell", "mortar", "device", "launcher", "rpg", "bullet", "cartridge", "round", "ak-47",
                "ak47", "kalashnikov", "dynamite", "tnt", "weaponry", "arsenal", "suicide", "vest", "revolver"}
FIND_VERBS = {"seize", "recover", "find", "discover", "confiscate", "capture", "unearth", "uncover", "recover",
              "destroy", "dispose", "defuse", "dismantle", "impound", "collect", "hand", "surrender", "bust",
              "intercept", "detect", "locate", "spot", "remove", "neutralize", "neutralise", "deactivate", "clear", "smuggle",
              "stash", "hide", "store", "hold", "contain"}
"""Verbs whose object, when it is a weapon, was found, seized or made harmless (or hidden, stored, smuggled: not
used)."""
BOMB_DISPOSAL = {"expert", "squad", "sapper", "deminer", "technician", "engineer", "disposal", "eod", "deminers", "team"}
"""Who detonates a bomb to make it harmless (a controlled detonation is a disrupted weapons use)."""
PREMATURE = {"prematurely", "accidentally", "premature", "accidental", "mistakenly"}
AIR_TARGETS = {"drone", "uav", "missile", "rocket", "aircraft", "plane", "jet", "helicopter", "warplane", "projectile"}

LOOT_VERBS = {"loot", "plunder", "ransack", "pillage", "steal", "rob", "raze", "bulldoze", "demolish", "uproot",
              "vandalize", "vandalise", "torch", "burn", "destroy", "confiscate", "expropriate", "damage", "set",
              "cut", "seize", "extort", "sabotage", "blow", "dismantle", "wreck"}
LOOT_NOUNS = {"looting", "arson", "plunder", "vandalism", "demolition", "theft", "robbery", "pillage", "sabotage",
              "torching", "destruction", "burning"}
PROPERTY = {
    "house", "home", "hut", "shop", "store", "vehicle", "car", "truck", "crop", "field", "building", "office",
    "school", "church", "mosque", "market", "property", "bank", "tree", "seedling", "farm", "land", "livestock",
    "cattle", "goat", "cow", "sheep", "camel", "money", "good", "food", "grain", "wheat", "barley", "plant", "factory",
    "plant", "business", "station", "tower", "mast", "pylon", "pipeline", "well", "motorcycle", "motorbike",
    "bus", "tractor", "equipment", "harvest", "orchard", "olive", "vine", "marijuana", "cocaine", "drug",
    "heroin", "cannabis", "opium", "lab", "laboratory", "plantation", "hospital", "clinic", "structure",
    "shelter", "tent", "kiosk", "stall", "warehouse", "depot", "asset", "belonging", "valuables", "phone",
    "residence", "premises", "temple", "shrine", "statue", "monument", "bridge", "railway", "track",
    "infrastructure", "facility", "mall", "hotel", "restaurant", "bar", "cafe", "headquarter", "apartment",
    "dwelling", "granary", "boat", "ship", "poster", "billboard", "flag", "banner", "airstrip", "runway", "tribune",
    "stadium", "gate", "fence", "wall", "window", "monument",
}

HQ_VERBS = {"establish", "set", "build", "construct", "erect", "open", "create", "install", "station"}
HQ_NOUNS = {"base", "headquarters", "headquarter", "hq", "outpost", "post", "point", "camp", "barracks",
            "checkpoint", "office", "garrison", "station", "position", "airbase", "facility"}

CHANGE_VERBS = {"deploy", "redeploy", "reinforce", "mobilize", "mobilise", "defect", "merge", "recruit",
                "patrol", "relocate", "amass", "dispatch", "regroup", "train", "graduate", "reposition",
                "withdraw", "fortify", "join", "split", "form", "rename", "declare", "impose", "suspend", "dissolve"}
CHANGE_NOUNS = {"reinforcement", "deployment", "patrol", "convoy", "defection", "recruitment", "mobilization",
                "mobilisation", "withdrawal", "redeployment", "fortification", "curfew", "exercise", "drill",
                "buildup", "build-up", "merger", "training", "movement", "troop", "ban", "lockdown", "restriction",
                "checkpoint", "roadblock", "state"}
AGREE_NOUNS = {"agreement", "ceasefire", "cease-fire", "truce", "accord", "treaty", "deal", "armistice",
               "reconciliation", "pact", "surrender", "swap", "exchange", "memorandum"}
AGREE_VERBS = {"sign", "agree", "surrender", "swap", "reconcile", "broker", "conclude", "release", "negotiate"}
DEAL_MODIFIERS = {"peace", "ceasefire", "cease-fire", "evacuation", "prisoner", "reconciliation", "truce",
                  "security", "power-sharing", "de-escalation", "exchange", "swap"}
CAPTIVES = {"prisoner", "hostage", "detainee", "captive", "soldier", "fighter", "body", "corpse", "abductee",
            "pow", "prisoners", "inmate"}
OTHER_VERBS = {"displace", "flee", "evacuate"}
NATURAL_CAUSES = {
    "rain", "rainfall", "downpour", "flood", "flooding", "floodwater", "storm", "cyclone", "hurricane", "typhoon",
    "tornado", "earthquake", "quake", "tremor", "aftershock", "landslide", "landslip", "mudslide", "avalanche", "drought",
    "heatwave", "heat", "cold", "snow", "snowstorm", "blizzard", "lightning", "tsunami", "wildfire", "bushfire", "blaze",
    "disease", "virus", "outbreak", "cholera", "measles", "malaria", "ebola", "covid", "covid-19", "coronavirus",
    "pandemic", "epidemic", "infection", "accident", "crash", "collision", "collapse", "eruption", "volcano", "famine",
    "starvation", "malnutrition", "hunger", "heatstroke", "monsoon", "weather", "mudflow", "stampede", "drowning",
    "wave", "winds", "wind", "illness", "exposure", "hypothermia", "dehydration",
}
"""What kills without an actor: weather, disease, accidents. A death these caused is no political-violence act."""
AID_WORDS = {"aid", "humanitarian", "relief", "flour", "food", "medicine", "medical", "supplies", "supply", "fuel",
             "water", "wfp", "unrwa", "unicef", "ocha", "vaccine", "lorry", "lorries", "evacuee"}
"""Words of aid moving: a convoy of these arriving is no change to an armed group's activity."""

# --- ACLED's own coding remarks at the start of a note ("Movement of forces: On 9 May ...") ------------------

NOTE_PREFIXES: dict[str, str] = {
    "property destruction": "Looting/property destruction",
    "looting": "Looting/property destruction",
    "land seizure": "Looting/property destruction",
    "movement of forces": "Change to group/activity",
    "change to armed group": "Change to group/activity",
    "change to group/activity": "Change to group/activity",
    "security measures": "Change to group/activity",
    "agreement": "Agreement",
    "detonation": "Disrupted weapons use",
    "defusal": "Disrupted weapons use",
    "weapons seizure": "Disrupted weapons use",
    "arrests": "Arrests",
    "arrest": "Arrests",
    "non-violent activity": "Other",
    "other": "Other",
    "headquarters or base established": "Headquarters or base established",
    "non-violent transfer of territory": "Non-violent transfer of territory",
    "explosive remnants of war": "Other",
}

# --- parties: what kind of actor or target a noun phrase names ----------------------------------------------

STATE, ARMED, CIVILIAN, PROTESTER, RIOTER = "state", "armed", "civilian", "protester", "rioter"

STATE_WORDS = {
    "army", "military", "soldier", "troop", "police", "policeman", "policemen", "policewoman", "officer",
    "gendarme", "gendarmerie", "guard", "ranger", "commando", "marine", "navy", "airforce", "regime",
    "government", "authority", "authorities", "personnel", "jawan", "battalion", "brigade", "unit", "coalition",
    "peacekeeper", "cop", "constable", "paramilitary", "serviceman", "servicemen", "legionnaire", "trooper",
    "sergeant", "lieutenant", "captain", "colonel", "general", "commander", "crpf", "bsf", "fardc", "idf", "saa",
    "anp", "ana", "ansf", "amisom", "sndf", "tpdf", "updf", "kdf", "sandf", "spla", "fanci", "famas", "fds",
    "tatmadaw", "platoon", "nds", "cid", "dgcim", "sebin", "faes", "rab", "swat", "ldu", "intelligence", "agent", "warden", "inspector", "sheriff", "detachment", "squad",
    "forces", "force", "gendarmes", "minusma", "unamid", "monusco", "afisma", "barkhane", "nato", "isaf",
}
"""Armed by office: state forces (and foreign or UN forces). Their capture of a place is a government regaining
territory; an attack on them is a battle."""
ARMED_ASSETS = {
    "checkpoint", "base", "outpost", "post", "position", "barracks", "headquarters", "station", "vehicle", "tank",
    "helicopter", "aircraft", "drone", "airbase", "garrison", "convoy", "patrol", "camp", "fort", "bunker",
    "trench", "front", "frontline", "stronghold", "hideout", "depot", "armoury", "armory", "column", "ship",
}
"""Places and assets of an armed force: an attack on one is a battle ("camp" and "convoy" unless a civilian word
qualifies them: "IDP camp", "aid convoy")."""
NON_STATE_ARMED = {
    "militant", "rebel", "insurgent", "fighter", "gunman", "gunmen", "militia", "militiaman", "militiamen",
    "jihadist", "terrorist", "bandit", "extremist", "assailant", "attacker", "kidnapper", "pirate", "gang",
    "gangster", "cartel", "sicario", "separatist", "guerrilla", "guerilla", "mujahideen", "mujahid",
    "combatant", "islamist", "taliban", "shabaab", "haram", "isis", "isil", "daesh", "houthi", "houthis",
    "pkk", "npa", "iswap", "jnim", "isgs", "aqap", "aqim", "adf", "codeco", "naf", "hts", "hpg", "tehreek",
    "lashkar", "hezbollah", "hizbollah", "hamas", "jihadi", "herdsman", "herdsmen", "vigilante", "cult",
    "cultist", "poacher", "smuggler", "trafficker", "dissident", "loyalist", "mercenary", "ambazonian",
    "amba", "anglophone", "anti-balaka", "balaka", "seleka", "mai-mai", "mai", "nyatura", "raia",
    "imbonerakure", "al-shabaab", "shabab", "al-shabab", "is", "islamic", "qaeda", "al-qaeda", "ansar",
    "wagner", "sniper", "tribesman", "tribesmen", "robber", "ypg", "sdf", "qsd", "fdlr", "m23", "rsf", "janjaweed", "pmf", "hashd", "thug", "criminal", "suspect", "outlaw", "hitman", "hitmen",
}
"""Armed without office: their attacks on civilians are Violence against civilians, on forces a battle."""
CIVILIAN_WORDS = {
    "civilian", "resident", "villager", "people", "person", "man", "men", "woman", "women", "child", "children",
    "boy", "girl", "farmer", "worker", "student", "teacher", "journalist", "doctor", "nurse", "trader",
    "driver", "passenger", "family", "citizen", "local", "shepherd", "herder", "pastoralist", "prisoner",
    "member", "activist", "leader", "chief", "official", "pilgrim", "worshipper", "worshiper", "idp",
    "refugee", "migrant", "victim", "owner", "businessman", "blogger", "couple", "elder", "cleric", "imam",
    "priest", "pastor", "employee", "villager", "community", "household", "youth", "baby", "infant",
    "teenager", "girl", "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother",
    "relative", "individual", "merchant", "vendor", "fisherman", "fishermen", "miner", "labourer", "laborer",
    "councillor", "councilor", "politician", "candidate", "lawyer", "judge", "mayor", "governor", "chairman",
    "headman", "inhabitant", "population", "crowd", "pedestrian", "motorist", "customer", "patient", "body",
    "corpse", "teen", "minor", "mourner", "guest", "tourist", "volunteer", "staff", "contractor", "engineer",
    "palestinian", "rohingya", "village", "house", "home", "market", "mosque", "church", "school", "hospital",
    "shop", "store", "bus", "car", "neighbourhood", "neighborhood", "settlement", "hamlet", "farm",
    "residence", "dwelling", "compound", "restaurant", "hotel", "university", "clinic", "temple", "shrine",
    "gathering", "wedding", "funeral", "truck", "trader", "herd", "cattle", "someone", "somebody",
    "aid", "ngo", "humanitarian", "christians", "muslims", "christian", "muslim", "hindu", "sikh",
    "supporter", "representative", "lawmaker", "mp", "fan", "clan", "laborer", "staffer", "diplomat", "monk", "nun",
    "parishioner", "villager", "peasant", "commuter", "shopkeeper", "survivor",
}
"""Unarmed: an attack on these is Violence against civilians."""
PROTESTER_WORDS = {"protester", "protestor", "demonstrator", "marcher", "picketer", "striker", "protest",
                   "demonstration", "rally", "march", "sit-in", "participant"}
RIOTER_WORDS = {"rioter", "mob", "crowd", "vigilante"}
RIOT_CROWDS = {"resident", "villager", "local", "community", "youth", "supporter", "student", "group", "crowd",
               "mob", "inhabitant", "worker", "trader", "member", "farmer", "herder", "family", "relative",
               "clan", "faction", "rioter", "demonstrator", "protester", "neighbour",
               "neighbor", "representative", "lawmaker", "mp", "activist", "fan", "villagers", "locals", "youths",
               "prisoner", "inmate", "detainee", "driver", "vendor"}
"""Groups that, fighting with sticks and stones or with each other, make a riot rather than a battle."""
MELEE = {"stick", "stone", "rock", "machete", "knife", "club", "rod", "bat", "arrow", "bow", "spear", "axe", "brick",
         "fist", "hammer", "pipe", "bamboo", "iron", "sword", "baton", "cudgel", "whip", "bottle"}

# --- protests: what happened to them ------------------------------------------------------------------------

INTERVENTION_VERBS = {"disperse", "intervene", "suppress", "teargas", "tear-gas", "kettle", "cordon", "evict",
                      "remove", "detain", "arrest", "beat", "stop", "block", "prevent", "break", "chase", "push",
                      "repel", "confront", "crack", "clear", "baton", "lathi", "break-up", "obstruct", "forbid",
                      "ban", "seal", "bar", "restrain", "manhandle"}
INTERVENTION_NOUNS = {"teargas", "tear-gas", "cannon", "baton", "lathi", "bullet", "spray", "arrest", "detention",
                      "crackdown", "intervention", "dispersal", "truncheon", "gas", "pellet", "grenade", "charge",
                      "canister", "shot"}
EXCESSIVE_MARKS = {"live", "lethal", "fatally", "excessive", "dead", "death", "kill", "bullet", "ammunition",
                   "gunshot", "shoot"}
PURPOSE_HEADS = {"demand", "denounce", "condemn", "against", "over", "protest", "oppose", "reject", "decry",
                 "criticize", "criticise", "after", "following", "for", "about", "since", "because", "solidarity",
                 "call", "seek", "express", "mark", "commemorate", "honour", "honor", "urge", "request", "protesting",
                 "regarding", "concerning", "amid", "despite", "before", "ask", "accuse", "allege", "claim",
                 "blame", "pressure", "highlight", "press", "voice", "challenge", "slam", "lament", "mourn", "deplore",
                 "suspect", "charge", "convict", "sentence", "punish"}
"""Heads of what a protest is about ("demanding the release of detained activists", "against the arrest of"):
an arrest or a shooting in there is the grievance, not what happened to the protest."""
PROTEST_CONTEXT = {"demand", "denounce", "protest", "condemn", "decry", "oppose", "reject", "grievance",
                   "demonstration", "demonstrator", "protester", "protestor", "sit-in", "rally", "march", "strike",
                   "picket", "tire", "tyre", "road", "blockade", "slogan", "placard", "banner", "chant"}

# --- negation and hypotheticals ------------------------------------------------------------------------------

HYPOTHETICAL_AUX = {"could", "would", "may", "might", "should", "can", "will", "'ll", "must", "shall", "wo", "ca"}
HYPOTHETICAL_HEADS = {
    "threaten", "plan", "vow", "risk", "fear", "intend", "prepare", "aim", "seek", "want", "warn", "prevent",
    "avoid", "call", "urge", "allow", "ban", "prohibit", "forbid", "deny", "refuse", "propose", "consider",
    "expect", "hope", "demand", "ask", "order", "announce", "pledge", "promise", "decide", "agree", "attempt",
    "try", "plot", "conspire", "need", "fail", "stop", "cancel", "postpone", "suspend", "able", "likely",
    "wait", "await", "poised", "ready", "end", "halt", "prepare", "mull", "eye", "seek", "dream", "scared", "afraid",
    "worry", "imagine", "envisage", "contemplate", "let", "authorise", "authorize", "permit", "empower", "enable",
}
"""Heads under which an act did not (yet) happen: "threatened to strike", "planned to attack", "called for protests".
("agree to a ceasefire" and "attempt" are kept out by the cue rules where they mean something.)"""
NEGATIONS = {"no", "not", "never", "without", "neither", "nor", "n't", "none", "nobody"}
