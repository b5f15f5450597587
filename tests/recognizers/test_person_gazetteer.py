"""Table for recognizers/person_gazetteer.py: gazetteer names in any case, word-like names in context."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact import names
from pipeline.redact.clinical import is_clinical_term
from pipeline.redact.places_world import countries
from pipeline.redact.recognizers.person_gazetteer import GazetteerNameRecognizer

from .conftest import check_covers, table_tests

RECOGNIZER = GazetteerNameRecognizer()

POSITIVE = [
    ("i spoke with rebecca okonjo yesterday", "rebecca okonjo"),
    ("so priyanka and mateusz are handling the vendor call", "priyanka"),
    ("so priyanka and mateusz are handling the vendor call", "mateusz"),
    ("and then grace said the labs were fine", "grace"),
    ("hope okafor is the new charge nurse", "hope okafor"),
    ("siobhan can you share your screen", "siobhan"),
    ("rose, can you take notes today", "rose"),
    ("the referral came from guillermo at the front desk", "guillermo"),
    ("Thanks, Wojciech, that's helpful.", "Wojciech"),
    ("I forwarded it to Will Hartley in legal.", "Will Hartley"),
    # a possessive, and a word-like name after "that" before a verb of speech
    ("And what's Doreen's surname, for the visitor log?", "Doreen"),
    ("so are we doing thanksgiving at yours or at kemal's this year", "kemal"),
    ("Could you tell Dr. Mensah that Precious called?", "Precious"),
    # a first name frequent as a word only because it is a name, capitalised inside a sentence
    ("Next is Harriet in room 14, post-op day two.", "Harriet"),
    # a given name no list knows before a listed surname
    ("okay so for the notes the complainant is harpreet sandhu the respondent is", "harpreet sandhu"),
    ("the contact is tharindu perera from accounts", "tharindu perera"),
]

NEGATIVE = [
    "I hope so, we will mark it as resolved",
    "the rose garden needs watering",
    "the grace period ends friday",
    "to be frank, the costs are high",
    "lisinopril and metformin are both generic",
    "the patient's daughter's number is on file",
    "i am sure that will help, and i hope that mark is fine",
    "We met in Jan and again in June. He was started on Neo at noon.",
    "Sister Lena is on nights. The report is Finished.",
    "Passport 541100887, issued in India.",  # a country that is a first name, where a place stands
    "brown stool, guaiac negative; sinus rhythm overnight, puritan bennett vent",  # note words, listed surnames
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


def test_a_possessive_is_left_out_of_the_name():
    text = "we met at doreen's on sunday"
    assert [text[a:b] for a, b, _ in RECOGNIZER.find(text)] == ["doreen"]


@settings(max_examples=60, deadline=None)
@given(locale=st.sampled_from(["en_US", "en_GB", "en_IE", "de_DE", "es_MX"]), seed=st.integers(0, 10**6))
def test_a_listed_first_name_capitalised_inside_a_sentence_is_found(locale, seed):
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    name = fake.first_name()
    key = names.plain(name)
    if (" " in name or "-" in name or len(key) < 4 or key not in names.first_names() or key in names.WORD_LIKE
            or is_clinical_term(key) or key in countries()):
        return
    check_covers(RECOGNIZER, f"The next one on the list is {name} in bed four.", name)


_SYLLABLES = st.lists(st.tuples(st.sampled_from("bdgkmnprstvz"), st.sampled_from("aeiou")).map("".join),
                      min_size=3, max_size=4).map("".join).filter(names.is_unfamiliar)


@settings(max_examples=40, deadline=None)
@given(given_name=_SYLLABLES, locale=st.sampled_from(["en_US", "pl_PL", "yo_NG", "de_DE"]), seed=st.integers(0, 10**6))
def test_an_invented_given_name_before_a_faker_surname_is_found_whole(given_name, locale, seed):
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    surname = fake.last_name().lower()
    key = names.plain(surname)
    if " " in surname or "-" in surname or len(key) < 4 or not names.is_clear_name(key) or is_clinical_term(key) \
            or key not in names.last_names():
        return
    check_covers(RECOGNIZER, f"the witness is {given_name} {surname} from the night shift", f"{given_name} {surname}")


@pytest.mark.parametrize("line", ["He works for the Bank of America in Boston.", "She studied at the University of Georgia.",
                                  "They moved the team to the Bank of Canada last year."])
def test_a_country_state_or_region_inside_a_name_of_an_organisation_is_no_first_name(line):
    assert not [r for r in GazetteerNameRecognizer().analyze(line, ["PERSON"])]
