"""Table and properties for recognizers/proper_noun.py: capitalised words no list knows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact import names
from pipeline.redact.recognizers.proper_noun import CapitalisedNameRecognizer

from .conftest import check_covers, table_tests

RECOGNIZER = CapitalisedNameRecognizer()

POSITIVE = [
    ("Hi, this is the pharmacy calling for Oluwaseun about a prescription.", "Oluwaseun"),
    ("I'm calling about a denied claim for Ikechukwu Obi. You can call me back.", "Ikechukwu Obi"),
    ("The caseworker is Mei-Ling Chou at (415) 555-0183.", "Mei-Ling Chou"),
    ("Olumide's wound is oozing a bit.", "Olumide"),
    ("Tayo said something at dinner that upset her.", "Tayo"),
    ("Chinonso, your vitamin D is ready.", "Chinonso"),
    ("Talk soon, Vaivok Valun.", "Vaivok Valun"),
    ("She's a lady from Chorlton, lives alone.", "Chorlton"),
    # a name that opens a sentence or a turn, before a verb, "here", "first", "and" or a comma
    ("Amadou is the night nurse, and he's on until seven.", "Amadou"),
    ("Two people are talking. Nkechi first, then Vikram.", "Nkechi"),
    ("Vikram here, mine said the 19th too.", "Vikram"),
    ("Aroha, I want to check in on safety.", "Aroha"),
    ("Kiri and Aroha are both off sick.", "Kiri"),
    ("Our partner is in the old town. Bartłomiej runs it.", "Bartłomiej"),
    # a clan prefix's second capital, a full name after "an", a full name after a label
    ("There's a message from an Eilidh MacLeod, says she's his niece.", "Eilidh MacLeod"),
    ("Patient: Demetrios Kallergis, 91. Lives with his wife.", "Demetrios Kallergis"),
    # a listed name that is no everyday word, inside a sentence
    ("The witness statement from Haugland arrived on Monday.", "Haugland"),
]

NEGATIVE = [
    "Oluwaseun? A name at the start of a sentence with nothing after it that marks it.",
    "he's started on Tazocin for the chest.",
    "We reviewed the Madopar timings with the family.",
    "Service tag 7HX2K93, that's a Latitude 7440, still under warranty.",
    "Started on Levo and Ceftaz overnight.",
    "one tablet of warfarin daily, except Mondays, when it's half.",
    "PT SEDATED ON PROPOFOL, NEPRO AT GOAL.",  # capitals: notes, not sentences
    "calling for oluwaseun about a prescription",  # lower case says nothing by its case
    "She said the Sedated patients were Tolerating it.",  # English derivations, not names
    "Propofol is running at twenty. Sedated, arousable to voice.",  # a drug and a derivation open sentences
    "Thursday is fine. Tuesdays, I work from home.",
    "Everyone is here. Monitoring continues, and Nursing will call.",
    # a note's unlisted clinical words open sentences before a passive or a finding, not a person's verb
    "Ectopy has decreased with the bolus. Crepitus is improving. Catheter will be changed tonight.",
    "GU: Foley, adequate UOP. Aline, flushed and patent.",
    "We're worried this could be Guillain-Barré syndrome.",  # listed names that are an eponym
]

test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)

_CONSONANTS = "bdgkmnprstvz"
_VOWELS = "aeiou"
_syllable = st.tuples(st.sampled_from(_CONSONANTS), st.sampled_from(_VOWELS)).map("".join)
# Names nobody listed: three or four invented syllables ("Dukavemo"), kept only if no list knows them.
invented = st.lists(_syllable, min_size=3, max_size=4).map(lambda s: "".join(s).capitalize()).filter(
    names.is_unfamiliar)

TEMPLATES = (
    "I'm calling about the claim for {first} {last}, who was seen last week.",
    "Please send the letter to {first} {last} before Friday.",
    "We met {first} {last} at the hearing and she agreed.",
    "Talk soon, {first} {last}.",
)


@settings(max_examples=60, deadline=None)
@given(first=invented, last=invented, template=st.sampled_from(TEMPLATES))
def test_an_unlisted_name_inside_a_sentence_is_found_whole(first, last, template):
    check_covers(RECOGNIZER, template.format(first=first, last=last), f"{first} {last}")


@settings(max_examples=40, deadline=None)
@given(word=invented)
def test_an_unlisted_word_in_lower_case_or_capitals_is_left_to_the_others(word):
    for text in (f"we spoke with {word.lower()} about the plan", f"SPOKE WITH {word.upper()} ABOUT THE PLAN"):
        assert not list(RECOGNIZER.find(text)), text


OPENERS = ("{name} is the one to ask about it.", "{name} said she'd call back.", "{name}, can you take notes?",
           "{name} here, sorry I'm late.")


@settings(max_examples=40, deadline=None)
@given(name=invented, template=st.sampled_from(OPENERS))
def test_an_unlisted_name_that_opens_a_sentence_before_a_verb_or_comma_is_found(name, template):
    check_covers(RECOGNIZER, "Thanks for joining. " + template.format(name=name), name)
