"""Engine-level table: whole sentences through `Redactor.redact_lines`, sanitized text out.

Covers several identifiers in one sentence, PII-free lines coming through untouched, the
pseudonym style (one label per person or value), allow/deny lists, known names heard
wrongly, and the ``pii`` policy keeping dates, places and ages that ``hipaa`` redacts.
"""

import pytest

from pipeline.config import RedactOptions
from pipeline.redact import Redactor


@pytest.fixture(scope="module")
def hipaa():
    return Redactor(RedactOptions())


@pytest.fixture(scope="module")
def pii():
    return Redactor(RedactOptions(policy="pii"))


@pytest.fixture(scope="module")
def pseudonym():
    return Redactor(RedactOptions(style="pseudonym"))


@pytest.fixture(scope="module")
def lists():
    return Redactor(RedactOptions(allow=("Lakeside Clinic", "Springfield"), deny=("Project Falcon",)))


@pytest.fixture(scope="module")
def known():
    return Redactor(RedactOptions(known_names=("Jane Thornbury",)))


# Default policy (hipaa), tag style: one line in, one line out.
TAGGED = [
    ("hi this is marcus delgado, my number is four one five five five five two seven six oh",
     "hi this is [PERSON], my number is [PHONE_NUMBER]"),
    ("Please email dana.whitlock@harbormed.org or call 781-555-0143.",
     "Please email [EMAIL_ADDRESS] or call [PHONE_NUMBER]."),
    ("her mrn is eight two three three oh one seven and her date of birth is march fourth nineteen forty two",
     "her mrn is [MEDICAL_RECORD_NUMBER] and her date of birth is [DATE_TIME]"),
    ("he lives at four twelve maple avenue in quincy, zip zero two one six nine",
     "he lives at [STREET_ADDRESS] in [LOCATION], zip [ZIP_CODE]"),
    ("my mother is ninety three and takes five hundred milligrams of metformin twice a day",
     "my mother is [AGE] and takes five hundred milligrams of metformin twice a day"),
    ("Card ending in 4242, billed on June 3rd, 2024, to Rosa Delacroix.",
     "Card ending in [CREDIT_CARD], billed on [DATE_TIME], to [PERSON]."),
    ("my social is four two one seven seven zero three one eight and my pin is six six one two",
     "my social is [US_SSN] and my pin is [PIN]"),
    ("Her laptop connected from 192.168.4.22 last night.", "Her laptop connected from [IP_ADDRESS] last night."),
    ("go to w w w dot lakeside clinic dot org slash portal or email intake at lakeside clinic dot org",
     "go to [URL] or email [EMAIL_ADDRESS]"),
    # PII-free: must come through untouched.
    ("blood pressure was one forty over ninety, we'll recheck in Q3",
     "blood pressure was one forty over ninety, we'll recheck in Q3"),
    ("I hope so, we will mark it on the board on the third floor",
     "I hope so, we will mark it on the board on the third floor"),
    ("version two point one ships next week, revenue was up four percent",
     "version two point one ships next week, revenue was up four percent"),
    ("take five hundred milligrams of amoxicillin three times a day for ten days",
     "take five hundred milligrams of amoxicillin three times a day for ten days"),
]

# Pseudonym style: lines of one recording in, the same labels for the same person or value out.
PSEUDONYMS = [
    (["Maria Lopez called about her refill.", "I told Maria the pharmacy closes at six."],
     ["[PERSON_1] called about her refill.", "I told [PERSON_1] the pharmacy closes at six."]),
    (["rebecca okonjo and tomasz wierzbicki joined the call", "tomasz will send the notes to rebecca"],
     ["[PERSON_1] and [PERSON_2] joined the call", "[PERSON_2] will send the notes to [PERSON_1]"]),
    (["call six one seven five five five zero one nine eight or six one seven five five five zero one nine eight",
      "the backup is two one two five five five zero one seven six"],
     ["call [PHONE_NUMBER_1] or [PHONE_NUMBER_1]", "the backup is [PHONE_NUMBER_2]"]),
]

# allow=("Lakeside Clinic", "Springfield"), deny=("Project Falcon",).
ALLOW_DENY = [
    ("the project falcon budget is with Dana Whitlock", "the [CUSTOM] budget is with [PERSON]"),
    ("PROJECT FALCON is on hold until Q3", "[CUSTOM] is on hold until Q3"),
    ("my father lives in Springfield with my sister", "my father lives in Springfield with my sister"),
    ("Please call Lakeside Clinic to confirm.", "Please call Lakeside Clinic to confirm."),
]

# known_names=("Jane Thornbury",): caught also when the speech recognizer mishears it.
KNOWN_NAMES = [
    ("so thorne berry came in on monday", "so [PERSON] came in on monday"),
    ("the note from thorneberry says she is better", "the note from [PERSON] says she is better"),
    ("jane thornbury called twice about the bill", "[PERSON] called twice about the bill"),
]

# (line, under pii, under hipaa): pii leaves dates, places and ages; both redact identifiers.
POLICIES = [
    ("she was born on july ninth nineteen fifty and lives in worcester",
     "she was born on july ninth nineteen fifty and lives in worcester",
     "she was born on [DATE_TIME] and lives in [LOCATION]"),
    ("my father is ninety four and lives in Springfield, zip zero one one zero three",
     "my father is ninety four and lives in Springfield, zip zero one one zero three",
     "my father is [AGE] and lives in [LOCATION], zip [ZIP_CODE]"),
    ("call marcus delgado at six one seven five five five zero one nine eight",
     "call [PERSON] at [PHONE_NUMBER]",
     "call [PERSON] at [PHONE_NUMBER]"),
]


@pytest.mark.parametrize("line, expected", TAGGED)
def test_tagged(hipaa, line, expected):
    assert hipaa.redact_lines([line]) == [expected]


@pytest.mark.parametrize("lines, expected", PSEUDONYMS)
def test_pseudonyms(pseudonym, lines, expected):
    assert pseudonym.redact_lines(lines) == expected


@pytest.mark.parametrize("line, expected", ALLOW_DENY)
def test_allow_and_deny_lists(lists, line, expected):
    assert lists.redact_lines([line]) == [expected]


@pytest.mark.parametrize("line, expected", KNOWN_NAMES)
def test_known_names(known, line, expected):
    assert known.redact_lines([line]) == [expected]


@pytest.mark.parametrize("line, under_pii, under_hipaa", POLICIES)
def test_policies(pii, hipaa, line, under_pii, under_hipaa):
    assert pii.redact_lines([line]) == [under_pii]
    assert hipaa.redact_lines([line]) == [under_hipaa]


def test_mask_hides_the_entity_type():
    masked = Redactor(RedactOptions(style="mask")).redact_lines(
        ["my name is tamsin achterberg and my cell is six one seven five five five zero one nine eight"])
    assert masked == ["my name is ██████ and my cell is ██████"]
