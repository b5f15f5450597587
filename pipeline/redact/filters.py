"""Second opinions on what the analyzer found: which detections are not identifiers after all.

spaCy's small model and the name and city lists guess; clinical and legal text is full of
words and numbers that look like names and codes ("Foley", "Thick Tan", "CO 5.2 CI 2.87 SVR
831", "PS 10/5", "edema.PL"). Each rule here drops one class of those guesses. What hush's own
recognizers found from strong evidence (an introduction, a spelling, the user's list, a title
before the name) is never dropped.
"""

from __future__ import annotations

from . import names
from .clinical import holds_no_name, is_clinical_shorthand
from .eponyms import is_eponym
from .measurements import SLASHED_SETTINGS, has_decimal, is_measurement, named_before
from .places import is_identifying_place
from .places_us import us_cities
from .places_world import is_place_name
from .recognizers.town import built_like_a_place
from .recognizers.url_spoken import is_written_address
from .spoken import opens_sentence

# Identifiers written as codes: a measurement-shaped span of these is a reading, not an identifier.
CODES = frozenset({"ACCOUNT_NUMBER", "CASE_NUMBER", "CREDIT_CARD", "DEVICE_ID", "HEALTH_PLAN_ID", "ID",
                   "LICENSE_NUMBER", "MEDICAL_RECORD_NUMBER", "PHONE_NUMBER", "PIN", "US_DRIVER_LICENSE",
                   "US_PASSPORT", "US_SSN", "VEHICLE_ID", "ZIP_CODE", "US_BANK_NUMBER", "IBAN_CODE"})
# Guesses from a model or a list alone, which clinical shorthand overrules ("Foley", "aline", "fem").
LIST_GUESSES = frozenset({"SpacyRecognizer", "GazetteerNameRecognizer", "CityRecognizer"})
GUESSED_NAMES = frozenset({"SpacyRecognizer", "GazetteerNameRecognizer"})
# Name recognizers whose evidence (an introduction, a spelling, the user's list) no filter overrules.
STRONG_NAMES = frozenset({"IntroducedNameRecognizer", "SpelledNameRecognizer", "KnownNamesRecognizer"})


def _could_be_a_town(value: str) -> bool:
    """A lower-case place that may be a town: a listed one or one built like a place name
    ("west kaitlynhaven"). A word no list knows is not enough: notes are full of them."""
    return is_place_name(value, False) or any(built_like_a_place(w) for w in value.split())


def is_identifier(entity: str, recognizer: str, text: str, start: int, end: int) -> bool:
    """Whether the detection of `entity` at text[start:end] by `recognizer` stands."""
    value = text[start:end]
    titled = names.after_title(text, start)
    if recognizer in LIST_GUESSES and entity in ("PERSON", "LOCATION") and is_clinical_shorthand(value) \
            and not titled:
        return False  # "Foley", "abd soft", "GU", "VT 700"
    if recognizer in GUESSED_NAMES and entity == "PERSON" and not titled \
            and holds_no_name(value, opens_sentence(text, start)):
        return False  # "thick tan", "Tolerated", "carevue flowsheet" in a note
    if entity in ("PERSON", "LOCATION", "ORGANIZATION") and recognizer not in STRONG_NAMES \
            and is_eponym(text, start, end) and not titled:
        return False  # "Cushing's syndrome", "a Daubert motion": what the record is about
    if entity in CODES and is_measurement(text, start, end):
        return False  # "CO 5.2 CI 2.87 SVR 831", "ABG 7.34/50/95/28/0", "BP 120/80"
    if entity in ("DATE_TIME", "STREET_ADDRESS") and (
            has_decimal(value) or (value[:1].isdigit() and named_before(text, start, SLASHED_SETTINGS))):
        return False  # "PS 10/5", "on CPAP 5/5", "1.7 pt tol current settings well"
    if entity == "URL" and recognizer == "UrlRecognizer" and not is_written_address(value):
        return False  # "agitated..cooperative..mov", "edema.PL": words run together
    if entity == "LOCATION":
        if recognizer == "SpacyRecognizer" and value.islower() and value not in us_cities() \
                and not _could_be_a_town(value):
            return False  # spaCy calls lower-case drug names places
        return is_identifying_place(value)
    return True
