"""US street addresses, written or spoken: "fourteen oak street", "2217 north hollister avenue",
"apartment five b", "P O box forty two". Also a named street after "on"/"at" ("on Elm Street").
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .. import names
from ..clinical import is_clinical_term
from ..places import REGION_CODES, is_identifying_place
from ..places_us import us_cities
from ..places_world import is_place_name
from ..spoken import FILLERS, CodeRun, Tok, code_runs, tokens
from .base import QUANTITY_WORDS, SpokenRecognizer, looks_like_quantity
from .street_foreign import LEAD_INS, number_after, spoken_foreign, written_foreign

# Street words of the USPS suffix list (and British, Indian, Australian ones); the
# `NEEDS_NUMBER` ones, everyday words too, count only after a house number ("3284 Vasquez Forks").
_PLAIN_SUFFIXES = """street st avenue ave av road rd boulevard blvd lane ln drive dr court ct place pl way
terrace ter circle cir parkway pkwy highway hwy square sq trail trl crescent close row alley plaza pike loop
turnpike expressway freeway route rte path walk commons crossing ridge heights stravenue""".split()
# A street's name may be one of the other street words: "Harbor Street", "Park Avenue", "Mill Road".
_NUMBERED_SUFFIXES = """alley bayou beach bend bluff bluffs bottom branch bridge brook brooks burg burgs bypass camp
canyon cape causeway center centre centers cliff cliffs club common corner corners course cove coves creek crest
crossroad curve dale dam divide estate estates extension extensions falls ferry field fields flat flats ford fords
forest forge forges fork forks fort freeway garden gardens gateway glen glens green greens grove groves harbor
harbors haven hill hills hollow inlet island islands isle junction junctions key keys knoll knolls lake lakes land
landing light lights lock locks lodge manor manors meadow meadows mews mill mills mission motorway mount mountain
mountains neck orchard oval overpass park parks pass passage pine pines plain plains port ports prairie quay quays
radial ramp ranch rapid rapids rest river ronde run shoal shoals shore shores skyway spring springs spur spurs
station stream summit throughway trace track trafficway tunnel underpass union unions valley valleys via viaduct
view views village villages ville vista wall well wells wharf yard line strip parade esplanade grange gate gardens
chowk ganj marg nagar point points""".split()
# Road types of Australia and New Zealand (AS/NZS 4819) that the lists above lack; everyday words
# most of them, so they too count only after a house number ("128 Beverly Artery").
_AUSTRALIAN = """access alleyway amble anchorage approach arcade artery basin block brace brae break brow byway
centreway chase circlet circuit circus colonnade concourse copse corso courtyard cross crossway cruiseway cutting
dell deviation dip distributor driveway edge elbow end entrance fairway firetrail follow footway foreshore
formation front frontage gap glade ground gully highroad interchange intersection laneway lees link lookout
mall meander mew nook outlook parklands part pathway piazza plateau pocket promenade quad quadrangle quadrant
ramble range reach reserve retreat ride ridgeway rise riverway riviera roads roadside roadway rotary round
siding slope sound stairs steps strand subway tarn thoroughfare tollway top tor towers trailer triangle
trunkway turn vale villas wade walkway wynd""".split()
SUFFIXES = frozenset(_PLAIN_SUFFIXES + _NUMBERED_SUFFIXES + _AUSTRALIAN)
NEEDS_NUMBER = frozenset("way place walk path close row loop dr st ct pl square commons crossing "
                         "ridge heights drive".split() + _NUMBERED_SUFFIXES + _AUSTRALIAN)


# Plural street words of the USPS list that the lists above lack.
_USPS_PLURALS = frozenset("circles drives lights squares courts streets roads routes walks ways parkways ridges "
                          "trails crossings passes".split())


# Street words as speech recognizers mishear them ("forty two elm treat", "dunmore rowed"), and
# singulars of USPS plurals ("jacobs fall"); only after a house number do they make a street.
MISHEARD = {"treat": "street", "streat": "street", "rowed": "road", "rode": "road", "lain": "lane",
            "fall": "falls"}


def street_word(word: str) -> str | None:
    """`word` (lower case) as a street word, a plural of the USPS list read as its singular
    ("Wade Drives", "Moss Circles"), a misheard one read as what was said, or None."""
    if word in SUFFIXES:
        return word
    if word in MISHEARD:
        return MISHEARD[word]
    return word[:-1] if word in _USPS_PLURALS else None
# Written addresses that begin with a flat, plot or door number, then named parts between commas
# ("Flat 302, Sai Residency, 14th Cross, Indiranagar", "No. 47, 2nd Main Road", "Plot 14, MIDC
# Industrial Area"): each part capitalised words, an ordinal perhaps first.
_PART = r"(?:\d{1,3}(?:st|nd|rd|th)\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d{1,3}(?:st|nd|rd|th)))*"
_UNIT_LED = re.compile(r"\b(?:Flat|Plot|Unit|Level|Suite|Shop|Apartment|Apt\.?|No\.|House\s+No\.?|Door\s+No\.?)"
                       r"\s*\d{1,5}[A-Z]?(?:,\s*" + _PART + r")+")
# Words that make "number + word + suffix" a measurement, not an address ("a one terabyte drive").
NOT_STREET_WORDS = frozenset("terabyte gigabyte megabyte tb gb mb hour minute mile percent point inch foot feet "
                             "lane-change way- cc ml meq mg mcg hr hrs units degree".split())
DIRECTIONS = frozenset("north south east west n s e w northeast northwest southeast southwest ne nw se sw".split())
UNITS = frozenset("apartment apt suite unit ste floor fl room rm building bldg lot number no # flat".split())
# Words before a house number that belong to the address ("Unit 9, 412 Parramatta Road", "Level 12, 88 …").
UNIT_PREFIXES = (UNITS | frozenset("level plot shop lot block house door villa".split())) - {"#", "no"}
# Words after a street word that belong to its name ("Lakeshore Boulevard West", "Ormond Quay Upper").
QUALIFIERS = frozenset("north south east west northeast northwest southeast southwest upper lower extension".split())
# Units that name a home on their own ("apartment five b"); "unit", "room" and "floor" need more.
UNITS_ALONE = frozenset("apartment apt suite flat".split())
_HOUSE_NUMBER = re.compile(r"^\d{1,6}(?:[nsew]|ne|nw|se|sw)?$")  # "1055 W", "1312 SW"
# A house number said in words with its letter ("twelve b"); written, "16 u lente SQ" is a dose.
_SAID_HOUSE_NUMBER = re.compile(r"^\d{1,4}[a-z]$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())


NAMED_STREETS = frozenset("broadway bowery embarcadero boardwalk".split())
_BOX_FIRST = frozenset({"rural", "po", "p", "post", ".", "box"})  # where "rural route" and the boxes can start
# The postal station a Canadian box is held at, after it ("Box 4412, Station A", "PO Box 9, Stn Main").
_STATION = re.compile(r",?[ \t]+(?:station|stn\.?)[ \t]+(?:[A-Z]\b|[A-Z][a-z]+)", re.IGNORECASE)
_UNIT_FILLERS = frozenset("uh um number no # .".split())


def _unit_end(toks: tuple[Tok, ...], i: int, text: str) -> int:
    """Index of the last token of "apartment 5b" / ", suite 200" starting at i, else i - 1."""
    j = i + 1 if i < len(toks) and toks[i].text == "," else i
    if j < len(toks) and toks[j].low in UNITS and not (  # "… cliffs no no thirty seven ten": a correction
            toks[j].text == "no" and not (j + 1 < len(toks) and toks[j + 1].text == ".")):
        k = j + 1
        while k < len(toks) and toks[k].low in _UNIT_FILLERS:
            k += 1
        for run in code_runs(text):
            if k < len(toks) and run.start == toks[k].start:
                while k < len(toks) and toks[k].end <= run.end:
                    k += 1
                return k - 1
    return i - 1


_AFTER_UNIT = re.compile(r"[a-z](\d{1,6})$")


def _house_part(text: str, toks: tuple[Tok, ...], run: CodeRun) -> str:
    """The house number at the end of a run that a flat's number begins: after its last comma
    ("410" of "12C, 410"), or after the flat's letter when a unit word leads ("143" of "flat two
    b one forty three"); or ""."""
    said = text[run.start:run.end]
    comma = said.rfind(",")
    if comma >= 0:
        return "".join(r.value for r in code_runs(said[comma + 1:]))
    tail = _AFTER_UNIT.search(run.value)
    led = run.first_token > 0 and toks[run.first_token - 1].low in UNIT_PREFIXES
    return tail.group(1) if tail and led else ""


def _with_unit(toks: tuple[Tok, ...], start: int) -> int:
    """The start of an address widened over the unit before its house number ("Unit 9, 412 …",
    "Level 12, 88 Phillip Street", "unit seven forty two smith street")."""
    i = bisect.bisect_left([t.start for t in toks], start)
    if i > 0 and toks[i - 1].low in UNIT_PREFIXES:
        return toks[i - 1].start
    if i > 1 and toks[i - 1].text == "." and toks[i - 2].low == "no":
        return toks[i - 2].start
    return start


def _qualifier_at(toks: tuple[Tok, ...], j: int) -> bool:
    """A direction or "Upper"/"Lower" closing a street's name at token j ("Lakeshore Boulevard
    West,", "Ormond Quay Upper"): capitalised, or before a comma or the end."""
    if j >= len(toks) or toks[j].low not in QUALIFIERS:
        return False
    return toks[j].text[0].isupper() or j + 1 == len(toks) or toks[j + 1].text in (",", ".")


def _town_after(toks: tuple[Tok, ...], j: int) -> bool:
    """A town named right after a street ("… meadow view in tralee", "… ash grove portobello"),
    from the gazetteers."""
    if j < len(toks) and toks[j].low in ("in", ","):
        j += 1
    if j >= len(toks) or not toks[j].text.isalpha():
        return False
    name = toks[j].low
    return name in us_cities() or is_place_name(name, toks[j].text[0].isupper())


# What people say just before their address ("i live at", "the house on", "address is").
_ADDRESS_LEADS = frozenset({("live", "at"), ("lives", "at"), ("lived", "at"), ("living", "at"), ("staying", "at"),
                            ("address", "is"), ("address", "'s"), ("moved", "to"), ("moving", "to"), ("house", "on"),
                            ("house", "at"), ("home", "on"), ("home", "at"), ("located", "at"), ("we're", "at"),
                            ("i'm", "at"), ("she's", "at"), ("he's", "at"), ("they're", "at")})


def _address_lead(toks: tuple[Tok, ...], i: int) -> bool:
    """Whether the two words before token i (fillers aside) say an address follows."""
    before = tuple(t.low for t in toks[max(0, i - 4):i] if t.low not in FILLERS)[-2:]
    return before in _ADDRESS_LEADS





def _unit_led(text: str) -> Iterable[tuple[int, int, float]]:
    """Written addresses led by a flat, plot or door number, up to a state, province or country."""
    for match in _UNIT_LED.finditer(text):
        before = text[:match.start()].rstrip()
        if before.endswith(",") or before.lower().endswith(tuple(SUFFIXES)):
            continue  # a flat after its street ("… Avenue, Apartment 5B, Tucson"): the street's own
        end = match.end()
        for part in re.finditer(r",\s*([^,]+)", match.group(0)):
            words = part.group(1).split()
            if not is_identifying_place(part.group(1)) or words[-1] in REGION_CODES or words[0].lower() in names.CALENDAR:
                end = match.start() + part.start()
                break
        if "," in text[match.start():end]:
            yield match.start(), end, 0.85


class StreetAddressRecognizer(SpokenRecognizer):
    """House number, optional direction, one to four name words, a street suffix, optional unit."""

    ENTITY = "STREET_ADDRESS"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        return street_spans(text)

    def _find(self, text: str) -> Iterable[tuple[int, int, float]]:
        toks = tokens(text)
        runs_by_end = {run.end: run for run in code_runs(text)}
        for k, tok in enumerate(toks):
            alone = tok.low in UNITS_ALONE or (tok.low == "unit" and k > 0 and toks[k - 1].low in ("in", "at", "to"))
            if alone and (end := _unit_end(toks, k, text)) >= k:
                if not (k > 0 and toks[k - 1].low in SUFFIXES | NAMED_STREETS):
                    yield tok.start, toks[end].end, 0.6  # "it's apartment five b"
                continue
            suffix = street_word(tok.low)
            if (suffix is None and tok.low not in NAMED_STREETS) or k == 0 or (
                    k + 1 < len(toks) and toks[k + 1].low in _PLAIN_SUFFIXES):
                continue  # "rosa parks boulevard", "harbor view terrace": the last street word ends it
            found = self._number_before(text, toks, k, runs_by_end, named=tok.low in NAMED_STREETS)
            last = k + 1 if _qualifier_at(toks, k + 1) else k
            end = _unit_end(toks, last + 1, text)
            end = max(end, k + 1 if k + 1 < len(toks) and toks[k + 1].text == "." and tok.low in ("st", "ave", "rd") else last)
            if found is not None:
                yield _with_unit(toks, found), toks[end].end, 0.85
                continue
            first = self._names_before(toks, k)
            if first is None:
                continue
            after = number_after(toks, text, last + 1, said=False)
            if after is not None and any(t.text[0].isupper() or not names.is_common_word(t.text) for t in toks[first:k]):
                yield toks[first].start, after, 0.8  # "Ridgeway Drive, number, uh, forty-one hundred"
            elif (suffix or tok.low) not in NEEDS_NUMBER and tok.low not in MISHEARD \
                    and first > 0 and toks[first - 1].low in LEAD_INS:
                yield toks[first].start, toks[end].end, 0.6
        yield from self._po_boxes(toks, text)
        yield from spoken_foreign(toks, text, runs_by_end)
        yield from written_foreign(text)
        yield from _unit_led(text)

    @staticmethod
    def _names_before(toks: tuple[Tok, ...], k: int) -> int | None:
        """Index of the first street-name word before the suffix at k (1–4 words), or None."""
        j = k - 1
        while j >= 0 and k - j <= 4 and toks[j].text.isalpha() and toks[j].low not in _PLAIN_SUFFIXES \
                and (toks[j].low not in STOP_WORDS or toks[j].low in ("first", "third", "fifth", "main")):
            j -= 1
        first = j + 1
        return None if first == k else first

    def _number_before(self, text: str, toks: tuple[Tok, ...], k: int, runs_by_end: dict,
                       named: bool = False) -> int | None:
        """Start offset of the house number before the street name ending at k, or None.

        A `named` street ("Broadway") is its own name; others need a name word before the suffix.
        """
        if named:
            j = k - 1 if k > 0 and toks[k - 1].low in DIRECTIONS else k
            run = runs_by_end.get(toks[j - 1].end) if j > 0 else None
            return run.start if run is not None and run.digits and not run.letters else None
        for first in range(k - 1, max(-1, k - 6), -1):
            if not (toks[first].text.isalpha() or toks[first].text.isdigit() or _ORDINAL.match(toks[first].low)):
                break
            if toks[first].low == "hundred" and first + 1 < k:  # "thirty seven hundred steven cliffs"
                run = runs_by_end.get(toks[first - 1].end) if first > 0 else None
                if run is not None and run.digits <= 2 and not run.letters:
                    return run.start
            if toks[first].low in STOP_WORDS and toks[first].low not in ORDINAL_WORDS \
                    and not (toks[first].text[0].isupper() and toks[k].text[0].isupper() and first > 0
                             and toks[first - 1].text.isdigit()):  # "200 Front Street"
                break  # "five blocks down the road", "two tablets the same way"
            run = runs_by_end.get(toks[first - 1].end) if first > 0 else None
            # "1055", or "1055 W" read as one code, or "12C, 410" ("Apartment 12C, 410 West 57th Street")
            if run is not None and (_HOUSE_NUMBER.match(run.value) or _HOUSE_NUMBER.match(_house_part(text, toks, run))
                                    or (_SAID_HOUSE_NUMBER.match(run.value) and text[run.start:run.end].replace(" ", "").isalpha())):
                lead = _address_lead(toks, run.first_token)
                # a street named by a direction alone only after a lead: "i live at 2 west viaduct"
                name_words = [t for t in toks[first:k] if t.low not in DIRECTIONS] or (toks[first:k] if lead else [])
                # "a 2 lane road", "the three main roads"; not "the two twelve main street one"
                article = run.first_token > 0 and toks[run.first_token - 1].low in ("a", "an", "the", "point") \
                    and run.digits < 3
                # "3284 Vasquez Forks", "sixty six jason strip"; not "3 steep mountains"
                named = toks[k].low in _PLAIN_SUFFIXES or any(
                    t.text[0].isupper() or not names.is_common_word(t.text) for t in name_words) or (
                    run.digits >= 3 and any(names.is_name(t.text) for t in name_words)) or (  # "6730 frank fork"
                    _town_after(toks, k + 1)) or lead  # "meadow view in tralee", "i live at … willow bend"
                # an amount's unit right after the number ("five grand street"), not "1923 west grand"
                if name_words and named and not article and toks[first].low not in QUANTITY_WORDS and not any(
                        t.low in NOT_STREET_WORDS or is_clinical_term(t.low) for t in name_words):
                    return self._house_number(toks, run, runs_by_end)
        return None

    @staticmethod
    def _house_number(toks: tuple[Tok, ...], run, runs_by_end: dict) -> int:
        """Start of the address: "1055 West 62nd", "one oh five five west sixty second" begin at 1055."""
        j = run.first_token - 1
        if j >= 1 and toks[j].low in DIRECTIONS:
            earlier = runs_by_end.get(toks[j - 1].end)
            if earlier is not None and earlier.digits and not earlier.letters:
                return earlier.start
        return run.start

    @staticmethod
    def _po_boxes(toks: tuple[Tok, ...], text: str) -> Iterable[tuple[int, int, float]]:
        # A token of none of _BOX_FIRST starts no form below ("." is skipped there: "P.O. Box").
        for i in range(len(toks) - 1):
            if toks[i].low not in _BOX_FIRST:
                continue
            window = [t.low for t in toks[i:i + 4]]
            if window[:2] == ["rural", "route"]:
                runs = [r for r in code_runs(text) if r.start > toks[i + 1].end][:2]
                box = [t for t in toks[i + 2:i + 12] if t.low == "box"]
                end = runs[1].end if box and len(runs) == 2 and runs[1].start > box[0].end else (runs[0].end if runs else None)
                if end is not None and end - toks[i].end < 60:
                    yield toks[i].start, end, 0.85
            words = [t.low for t in toks[i:i + 6] if t.text != "."]  # "P.O. Box" as "p o box"
            named = words[:2] == ["po", "box"] or words[:3] in (["p", "o", "box"], ["post", "office", "box"])
            if named or toks[i].low == "box":
                box = next(j for j in range(i, min(i + 6, len(toks))) if toks[j].low == "box")
                for run in code_runs(text):
                    if toks[box].end < run.start <= toks[box].end + 2:
                        station = _STATION.match(text, run.end)
                        if named or station:  # a box alone only at a station: "Box 4412, Station A"
                            yield toks[i].start, station.end() if station else run.end, 0.85
                        break

_FINDER = StreetAddressRecognizer()


@functools.lru_cache(maxsize=4)
def street_spans(text: str) -> tuple[tuple[int, int, float], ...]:
    """The street addresses in `text`, found once for the recognizers that read them (postcodes
    and towns follow addresses)."""
    spans = tuple(_FINDER._find(text)) + tuple(_house_numbers_named(text))
    return spans + tuple(_house_numbers_later(text, spans)) if spans else spans


# "the house number is twelve", "door number's 4": the number is an address's part on its own.
_HOUSE_NUMBER_NAMED = re.compile(r"\b(?:house|door|building)[ \t]+number(?:[ \t]+(?:is|was)|['’]s)?[ \t,]+",
                                 re.IGNORECASE)


def _house_numbers_named(text: str) -> Iterable[tuple[int, int, float]]:
    """A number of one to five symbols right after "house number (is)" or "door number (is)"."""
    if "number" not in text.lower():
        return
    runs = {run.start: run for run in code_runs(text)}
    for match in _HOUSE_NUMBER_NAMED.finditer(text):
        run = runs.get(match.end())
        if run is not None and len(run.value) <= 5 and run.digits:
            yield run.start, run.end, 0.7


# How far after an address a house number said alone after "at" may stand ("… two boundary road
# hove and the key's with the neighbour at sixty four").
_LATER_REACH = 100
# Words after such a number that close the phrase it ends ("at sixty four, and …"); after any
# other ("at 15 past", "at 40 below") the number is no house's.
_NEXT_WORD = re.compile(r"[ \t]*(\w*)")
_CLAUSE_ENDS = frozenset("and but so if or then".split())


def _house_numbers_later(text: str, spans: tuple[tuple[int, int, float], ...]) -> Iterable[tuple[int, int, float]]:
    """A house number said in words alone after "at", soon after an address: 13 to 999 (a smaller
    one is an hour), closing its phrase, and no amount."""
    ends = sorted(end for _, end, _ in spans)
    for run in code_runs(text):
        said = text[run.start:run.end]
        if run.letters or not 2 <= run.digits <= 3 or int(run.value) < 13 or not said.replace(" ", "").isalpha():
            continue  # written digits after "at" in notes are rates and readings ("apaced at 80.")
        k = bisect.bisect_right(ends, run.start) - 1
        if k < 0 or run.start - ends[k] > _LATER_REACH or any(start <= run.start < end for start, end, _ in spans):
            continue
        toks = tokens(text)
        before = toks[run.first_token - 1] if run.first_token > 0 else None
        after = _NEXT_WORD.match(text, run.end)
        closes = not after.group(1) or after.group(1).lower() in _CLAUSE_ENDS
        if before is not None and before.low == "at" and closes and not looks_like_quantity(text, run):
            yield run.start, run.end, 0.6
