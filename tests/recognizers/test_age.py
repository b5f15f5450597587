"""Table for recognizers/age.py: ages over 89, spoken or written."""

from pipeline.redact.recognizers.age import AgeOver89Recognizer

from .conftest import table_tests

RECOGNIZER = AgeOver89Recognizer()

POSITIVE = [
    ("my mother is ninety three years old", "ninety three"),
    ("she's ninety one and still drives", "ninety one"),
    ("he turned a hundred and two in june", "a hundred and two"),
    ("uh grandpa's ninety six", "ninety six"),
    ("she's a ninety two year old retired teacher", "ninety two"),
    ("Patient is a 94-year-old woman with CHF.", "94"),
    ("Aged 97, lives alone.", "97"),
    ("The decedent was 101 at the time of death.", "101"),
]

NEGATIVE = [
    "she's eighty nine years old",
    "the total is ninety dollars",
    "the meeting is ninety minutes",
    "oxygen was ninety four percent",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Issue 12: without a cue word, with fillers and hedges, as a question.
HEDGED = [
    ("he'd he'd be um a hundred now", "a hundred"),
    ("is she really a hundred and eight", "a hundred and eight"),
    ("my father just turned um one hundred four", "one hundred four"),
    ("is she um really ninety eight", "ninety eight"),
]
test_finds_hedged, test_finds_nothing_hedged = table_tests(RECOGNIZER, HEDGED, [
    "it was about ninety five percent", "her pulse is um 96", "the total is really ninety dollars"])


# Dev-set classes (helper 3): an age over 89 after a name, without an age word.
from faker import Faker  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pii_generator import cardinal  # noqa: E402

from .conftest import check_covers, check_finds_nothing  # noqa: E402

V3_POSITIVE = [
    ("Please see Li Na, 90, with new ankle swelling", "90"),
    ("This is Ahmed bin Saleh al-Amoudi, ninety-eight, came in from the care home", "ninety-eight"),
    ("okay bed twelve is mister o'donoghue ninety two admitted on the fourteenth", "ninety two"),
    ("Her husband Hiroshi is ninety six too, and he does all the cooking", "ninety six"),
    ("next is missus van der berg a hundred and one from the hip clinic", "a hundred and one"),
    ("Mrs. Abernathy, 103.", "103"),
    ("alright is uh she really one hundred", "one hundred"),
    ("Patient: Rosa Diaz (91), admitted for CHF", "91"),
    ("the patient, a 93 y/o woman", "93"),
    ("93yo F with CHF", "93"),
    ("my dad who's ninety two lives with us", "ninety two"),
    ("my grandmother just had her ninety fifth birthday", "ninety fifth"),
    ("we celebrated her 100th birthday", "100th"),
]
V3_NEGATIVE = [
    "BP 90 over 60, HR 96, sats 92%, 90 mg of furosemide",
    "Vitals: BP, 90, HR, 96",
    "Lasix, 100, was given at noon",
    "mister smith ninety milligrams",
    "the score is 92 too",
    "room 104, bed 2",
    "Mr. Patel 100 percent agrees",
    "sats, 94, on room air",
    "her 9th birthday party",
    "BP (96) was low",
    "Lasix (100) given",
    "the 95th percentile",
    "The settlement was $95.",
    "he puts out urine when his b/p is over 100/. He is diuresing",
    "Average BP's 100's/60's.",
    "pt sao2 is > 96%. pt requires suction",
    "repeat abg was: 91(pao2)/43/7.47",
    "POST SAO2 IS 99% ON 4L.",
    "Mr. Okafor, £120, paid in full",
]


test_finds_v3, test_finds_nothing_v3 = table_tests(RECOGNIZER, V3_POSITIVE, V3_NEGATIVE)


_FAKERS = {locale: Faker(locale) for locale in ("en_US", "en_GB", "de_DE", "es_MX", "ja_JP", "en_IN", "fr_FR", "pl_PL")}


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(_FAKERS)), st.integers(0, 10**6), st.integers(90, 110), st.booleans(),
       st.sampled_from(["with new swelling", "came in from home", "is here for review"]), st.booleans())
def test_an_age_between_commas_after_a_name_is_found(locale, seed, age, written, rest, brackets):
    fake = _FAKERS[locale]
    fake.seed_instance(seed)
    name = fake.romanized_name() if locale == "ja_JP" else f"{fake.first_name()} {fake.last_name()}"
    said = str(age) if written else cardinal(age, hyphen=age % 2 == 0)
    text = f"Please see {name} ({said}) {rest}." if brackets else f"Please see {name}, {said}, {rest}."
    check_covers(RECOGNIZER, text, said)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(["BP", "HR", "sats", "pulse", "O2", "weight"]), st.integers(90, 125),
       st.sampled_from(["mg", "percent", "minutes", "units", ""]))
def test_vitals_and_doses_over_89_are_no_ages(vital, value, unit):
    check_finds_nothing(RECOGNIZER, f"Mr. Smith, {vital} {value} {unit}, stable overnight")


# Dev-set 3 classes (helper 9): a lifespan, an age said again or corrected, "and still …",
# a sentence that opens with the age, an age between commas that a description follows.
V4_POSITIVE = [
    ("her father lived to 104, sharp to the end", "104"),
    ("the previous owner passed away at ninety-seven, and the estate is selling", "ninety-seven"),
    ("he made it to a hundred and one", "a hundred and one"),
    ("she was ninety two her birthday was last week", "ninety two"),
    ("so that makes me ninety six i think", "ninety six"),
    ("a hundred and three and still walks to church", "a hundred and three"),
    ("At 97, Mrs. Okoro still chairs the board.", "97"),
    ("at ninety she still drives", "ninety"),
    ("Mr. Quinn, bed six, ninety-one, admitted overnight with a fall.", "ninety-one"),
    ("Dolores Fenn, 93. Lives alone.", "93"),
    ("he says he's ninety-nine and a half", "ninety-nine and a half"),
    ("this is a lady in her late nineties with sick sinus syndrome", "nineties"),
    ("he's well into his 90s now", "90s"),
    ("So Nana is, what, ninety-six now?", "ninety-six"),
]
V4_NEGATIVE = [
    "At 100, the pump alarms.",
    "we had a hundred and still more came",
    "she's in room 104 and bed 96",
    "go to page ninety two",
    "Tyler, 92 mg, given",
    "flight 101 lands at noon",
    "music from the nineties",
    "in the 90s we had a band",
]
test_finds_v4, test_finds_nothing_v4 = table_tests(RECOGNIZER, V4_POSITIVE, V4_NEGATIVE)

AGE_CUES = ["she's", "he was", "she'd be", "he turned", "i'm"]
CORRECTIONS = [" no ", ". Yes, ", " i think yes ", " sorry ", ", well, "]


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(AGE_CUES), st.integers(92, 110), st.integers(-2, 2), st.sampled_from(CORRECTIONS),
       st.booleans())
def test_an_age_said_again_or_corrected_is_an_age_too(cue, age, change, between, written):
    said = [str(n) if written else cardinal(n) for n in (age, age + change)]
    text = f"my aunt {cue} {said[0]}{between}{said[1]} in the fall"
    second = text.index(between) + len(between)
    found = sorted((s, e) for s, e, _ in RECOGNIZER.find(text))
    assert found == [(text.index(said[0]), text.index(said[0]) + len(said[0])), (second, second + len(said[1]))]


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.sampled_from(AGE_CUES), st.integers(90, 110), st.sampled_from(["mg", "percent", "dollars", "people"]))
def test_an_amount_near_an_age_is_no_age(cue, age, unit):
    text = f"my aunt {cue} {cardinal(age)} and she gave {cardinal(age + 1)} {unit}"
    assert [text[s:e] for s, e, _ in RECOGNIZER.find(text)] == [cardinal(age)]
