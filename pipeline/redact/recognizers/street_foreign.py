"""Street addresses of other countries, written or spoken: French, Spanish, Italian, Portuguese and
Egyptian ones number first ("12, rue de la Paix", "77 Rua das Flores"), German, Nordic, Dutch and
Romanian ones name first ("Hauptstraße 5", "Wilhelminakade 91", "Strada Lipscani 21"), Japanese
block numbers ("2-14-5 Shibaura", "two chome fourteen dash five shibaura"), and a street of any of
them said with its number after its name ("rue des lilas number twelve", "Květná 14, Brno").
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..clinical import is_clinical_term
from ..places_world import is_place_name
from ..spoken import DIGIT_WORDS, FILLERS, Tok, code_runs
from .base import looks_like_quantity

# Words before a street named without a number ("on Elm Street", "at hans jurgen margraf weg").
LEAD_INS = frozenset("on at off near along down up onto from to live lives living located".split())
# Flats and suites of Portuguese and Spanish addresses, after the house number ("…, 1508, conjunto 72").
_IBERIAN_UNIT = r"(?:,?\s+(?:conjunto|cj\.?|apto\.?|apartamento|sala|andar|bloco|piso|depto\.?|dpto\.?)\s*\d{1,4}[A-Za-z]?)?"
# Written French, Spanish, Italian, Portuguese and Egyptian addresses: number, street word, name
# ("12, rue de la Paix", "14 Shari' El Nil", "77 Rua das Flores").
_ROMANCE = re.compile(r"(?<![\w/])\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|"
                      r"place|quai|route|cours|square|voie|calle|avenida|via|viale|piazza|corso|largo|"
                      r"rua|travessa|estrada|alameda|pra[çc]a|carrer|"
                      r"shari['’]|sharia|shareh)(?!\w)"
                      r"(?:\s+(?:de|du|des|la|le|les|l'|d'|di|del|della|da|das|do|dos|y)?\s*"
                      r"(?!(?:in|at|on|and|or|for|to|from|near|is|was|with|but|so|the|by)\b)[A-ZÀ-Ý][\w'’-]*){1,4}",
                      re.IGNORECASE)
# The street words of those addresses said aloud after a spoken house number ("ninety nine bis
# chemin moreno", "two thirty six avenue de sauvage"); "place", "route" and "square" are English too.
ROMANCE_WORDS = frozenset("rue avenue boulevard bd chemin allee allée impasse quai calle avenida via viale piazza "
                          "corso largo rua travessa estrada alameda carrer".split())
ROMANCE_PARTICLES = frozenset("de du des la le les l d di del della da das do dos y".split())
# The ones of them no English sentence uses, which may also stand first with the number after the
# name ("rue des lilas number twelve", "rua augusta fifteen oh eight").
NAME_FIRST_WORDS = frozenset("rue rua calle avenida travessa alameda carrer strada calea ulica".split())
# Words between a street's name and its number: "number", "no", "nº", a comma.
NUMBER_WORDS = frozenset("number no nº nr numero número num , #".split())
# German street words, written apart or joined ("margraf weg eighty three", "hauptstrasse five").
GERMAN_WORDS = ("strasse", "straße", "str", "platz", "gasse", "weg", "allee", "ring", "damm", "ufer", "chaussee")
GERMAN_APART = frozenset(GERMAN_WORDS) - {"ring", "damm", "ufer", "str"}  # English words, or no word alone
# Written German, Nordic and Dutch addresses: a street word joined to its name, then the number
# ("Hauptstraße 5", "Bakkegata 14", "Keizersgracht 123", "Wilhelminakade 91").
# A word and a number are found first, the street word at the word's end is then looked up: one
# pattern with the street words in it cost a second per 200,000 words.
_GERMAN = re.compile(r"\b[A-ZÄÖÜa-zäöü][\wäöüß-]*\.?\s+\d{1,5}\s?[a-z]?(?:[-/]\d{1,4}[a-z]?)?(?![\w/])", re.IGNORECASE)
JOINED_WORDS = ("straße", "strasse", "str.", "platz", "gasse", "weg", "allee", "ring", "damm", "ufer", "chaussee",
                "steig", "pfad", "markt", "berg", "gata", "gatan", "gaten", "veien", "vegen", "vägen", "vej", "gade",
                "straat", "laan", "gracht", "plein", "katu", "kade", "singel", "dijk", "steeg", "kanaal")
# Written German addresses with the number first ("14 Hauptstraße").
_GERMAN_NUMBER_FIRST = re.compile(r"(?<![\w/.,])\d{1,5}[a-z]?\s+[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|gasse|allee)\b")
# Name-first addresses of Romania, Italy, Spain, Portugal, Brazil, Poland ("Strada Lipscani 21", "Via
# Roma 12", "Rua Augusta, 1508, conjunto 72").
_NAME_FIRST = re.compile(r"\b(?:Strada|Str\.|Calea|Bulevardul|Bd\.|Aleea|Șoseaua|Soseaua|Via|Viale|Piazza|Corso|Calle|"
                         r"Avenida|Av\.|Rua|Alameda|Travessa|Ulica|ul\.)\s+(?:(?:de|del|della|di|da|do|dos|das)\s+)?"
                         r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3},?\s+(?:(?:nr|n[º°o])\.?\s*)?\d{1,5}[A-Za-z]?\b"
                         + _IBERIAN_UNIT)
# A street of one to three words of no language's street list, its number, a comma and a listed town
# ("Květná 14, Brno", "Mannerheimintie 12 B, Helsinki").
_NAME_NUMBER_TOWN = re.compile(r"(?<![\w'’-])([A-ZÀ-Ž][\w'’-]*[a-zà-ž][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2})"
                               r" \d{1,4}(?: ?[A-Za-z])?(?:/\d{1,4})?(?=, ?([A-ZÀ-Ž][\w'’-]+(?: [\w'’-]+){0,2}))")
# Japanese block addresses: chōme, block and house numbers, then the district and a comma
# ("2-14-5 Shibaura, Minato-ku"); the district decides it is no date.
_CHOME = re.compile(r"(?<![\w-])\d{1,2}-\d{1,2}-\d{1,3} ([A-Z][a-z]+)(?=,)")


def written_foreign(text: str) -> Iterable[tuple[int, int, float]]:
    """The written forms of other countries' addresses."""
    for pattern in (_ROMANCE, _GERMAN_NUMBER_FIRST, _NAME_FIRST):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), 0.9
    for match in _GERMAN.finditer(text):
        word = match.group(0).split(None, 1)[0].lower()
        if word.endswith(JOINED_WORDS) and word not in JOINED_WORDS:
            yield match.start(), match.end(), 0.9
    if "," in text:
        for match in _CHOME.finditer(text):
            if _unlisted_street(match.group(1)):
                yield match.start(), match.end(), 0.8
        yield from _name_number_town(text)


@functools.lru_cache(maxsize=1024)
def _unlisted_street(name: str) -> bool:
    """A street's name that is no everyday word, name or town ("Květná", not "Room" or "Paris")."""
    return all(not names.is_common_word(w) and not names.is_name(w) and not is_place_name(names.plain(w), True)
               for w in name.split())


def _name_number_town(text: str) -> Iterable[tuple[int, int, float]]:
    """Streets of `_NAME_NUMBER_TOWN`; after a match whose words are not all a street's ("At
    Devínska cesta 328"), the search goes on from its second word."""
    at = 0
    while (match := _NAME_NUMBER_TOWN.search(text, at)) is not None:
        if _unlisted_street(match.group(1)) and _listed_town(match.group(2)):
            yield match.start(), match.end(), 0.8
            at = match.end()
        else:
            at = match.start() + len(match.group(1).split(" ")[0]) + 1


def _listed_town(said: str) -> bool:
    """Whether the first one to three words of `said` name a listed town ("Brno", "Světlá nad Sázavou")."""
    words = names.plain(said).split()
    return any(is_place_name(" ".join(words[:size]), True) for size in range(len(words), 0, -1))


def spoken_foreign(toks: tuple[Tok, ...], text: str, runs_by_end: dict) -> Iterable[tuple[int, int, float]]:
    """The spoken forms of other countries' addresses."""
    yield from _romance_spoken(toks, runs_by_end)
    yield from _name_then_number(toks, text, runs_by_end)
    yield from _german_spoken(toks, text)
    if "chome" in text.lower():
        yield from _chome_spoken(toks, text, runs_by_end)


def _romance_spoken(toks: tuple[Tok, ...], runs_by_end: dict) -> Iterable[tuple[int, int, float]]:
    """A house number, "bis"/"ter" perhaps, a French, Spanish or Italian street word and its name."""
    for k, tok in enumerate(toks):
        if tok.low not in ROMANCE_WORDS or k == 0:
            continue
        j = k - 1 if toks[k - 1].low in ("bis", "ter") else k
        run = runs_by_end.get(toks[j - 1].end) if j > 0 else None
        if run is None or run.letters or not run.digits or len(run.value) > 5:
            continue
        named = _name_end(toks, k + 1)
        if named is not None:
            yield run.start, toks[named].end, 0.8


def _name_end(toks: tuple[Tok, ...], i: int) -> int | None:
    """The last of the one to three name words of a Romance street from token i, particles
    first ("de sauvage", "des lilas"), or None."""
    while i < len(toks) and toks[i].low in ROMANCE_PARTICLES:
        i += 1
    named = i
    while named < len(toks) and named - i < 3 and toks[named].text.isalpha() \
            and toks[named].low not in STOP_WORDS and toks[named].low not in DIGIT_WORDS \
            and not is_clinical_term(toks[named].low):
        named += 1
    return named - 1 if named > i else None


def number_after(toks: tuple[Tok, ...], text: str, i: int, said: bool) -> int | None:
    """The end of the house number said after a street's name from token i ("… number twelve",
    "…, 1508", "number forty-one hundred"), or None; unless `said`, only after "number" or "no"."""
    k, named = i, False
    while k < len(toks) and k - i < 6 and (toks[k].low in NUMBER_WORDS or toks[k].low in FILLERS):
        named = named or (toks[k].low not in FILLERS and toks[k].text != ",")
        k += 1
    if not (said or named) or k >= len(toks):
        return None
    run = next((r for r in code_runs(text) if r.start == toks[k].start), None)
    if run is None or not 1 <= run.digits <= (5 if named else 4) or run.letters > 1 or (
            not named and looks_like_quantity(text, run, years=False)):  # five digits unnamed: a postcode
        return None  # "number, uh, forty-one hundred" is a house number
    last = run.first_token + len([t for t in toks[run.first_token:] if t.end <= run.end])
    return toks[last].end if last < len(toks) and toks[last].low == "hundred" else run.end


def _name_then_number(toks: tuple[Tok, ...], text: str, runs_by_end: dict) -> Iterable[tuple[int, int, float]]:
    """A Romance street word no English sentence uses, its name, then the house number
    ("rue des lilas number twelve", "rua augusta fifteen oh eight"); not after a house number
    ("twelve rue de la paix paris seventy five oh oh two": the postcode follows)."""
    for k, tok in enumerate(toks):
        if tok.low not in NAME_FIRST_WORDS or (k > 0 and toks[k - 1].end in runs_by_end):
            continue
        named = _name_end(toks, k + 1)
        end = number_after(toks, text, named + 1, said=True) if named is not None else None
        if end is not None:
            yield tok.start, end, 0.8


def _german_spoken(toks: tuple[Tok, ...], text: str) -> Iterable[tuple[int, int, float]]:
    """A German street said in lower case, its word apart or joined, then its number."""
    runs_by_start = {run.start: run for run in code_runs(text)}
    for k, tok in enumerate(toks):
        joined = tok.low.endswith(GERMAN_WORDS) and tok.low not in GERMAN_WORDS and len(tok.low) > 6
        if not (joined or tok.low in GERMAN_APART) or k + 1 >= len(toks):
            continue
        run = runs_by_start.get(toks[k + 1].start)
        if run is None or run.letters or not 1 <= run.digits <= 10 or looks_like_quantity(text, run):
            continue  # more than four digits: the postcode said straight after, redacted with it
        first = k
        if not joined:  # the name is the one to three words before: "hans jurgen margraf weg"
            while first > 0 and k - first < 3 and toks[first - 1].text.isalpha() \
                    and toks[first - 1].low not in STOP_WORDS and toks[first - 1].low not in LEAD_INS:
                first -= 1
            if first == k or all(names.is_common_word(t.text) for t in toks[first:k]):
                continue
        yield toks[first].start, run.end, 0.8


def _chome_spoken(toks: tuple[Tok, ...], text: str, runs_by_end: dict) -> Iterable[tuple[int, int, float]]:
    """A Japanese block address said aloud: "two chome fourteen dash five shibaura"."""
    for k, tok in enumerate(toks):
        run = runs_by_end.get(toks[k - 1].end) if tok.low == "chome" and k > 0 else None
        if run is None or run.letters or run.digits > 2:
            continue
        block = number_after(toks, text, k + 1, said=True)
        if block is None:
            continue
        end = next(i for i, t in enumerate(toks) if t.end == block)
        if end + 1 < len(toks) and toks[end + 1].text.isalpha() and not names.is_common_word(toks[end + 1].text):
            end += 1  # the district: "… dash five shibaura"
        yield run.start, toks[end].end, 0.8
