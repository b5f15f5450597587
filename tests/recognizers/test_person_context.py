"""Table for recognizers/person_context.py: names after an introduction, a title or a relation."""

from faker import Faker
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.redact import names
from pipeline.redact.recognizers.person_context import IntroducedNameRecognizer

from .conftest import check_covers, table_tests

RECOGNIZER = IntroducedNameRecognizer()

POSITIVE = [
    ("hi this is marcus delgado calling from the pharmacy", "marcus delgado"),
    ("my name is uh tamsin achterberg", "tamsin achterberg"),
    ("you're speaking with keisha", "keisha"),
    ("my daughter hope has a fever", "hope"),
    ("ask nurse okafor for the discharge papers", "okafor"),
    ("her husband is named teodoro", "teodoro"),
    ("um my last name is fairweather", "fairweather"),
    ("this is mark calling about the invoice", "mark"),
    ("Dr. Oyelaran will see you next.", "Oyelaran"),
    ("Mr. Brzezinski is on line two.", "Brzezinski"),
]

NEGATIVE = [
    "this is great, thanks everyone",
    "I'm fine, just tired",
    "my name is on the list",
    "the doctor will see you now",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)

# Names the lists lack, where a role, a request or a name-shaped pair shows them (dev-set classes).
UNLISTED_POSITIVE = [
    ("the contact over there is dmitri volkov his email is", "dmitri volkov"),
    ("our sales rep at the vendor is bongani and he's based in town", "bongani"),
    ("the witness taineidik droukeishosh arrived late", "taineidik droukeishosh"),
    ("baby girl amaka born on the second", "amaka"),
    ("okay so the complaint was raised by priyanka deshmukh against her manager", "priyanka deshmukh"),
    ("um yeah this is deshawn i'm calling about the outage", "deshawn"),
    ("can i get your name please yeah it's eilidh mackinnon", "eilidh mackinnon"),
    ("he's demetrios papadakis and i'm his sister", "demetrios papadakis"),
    ("it says tuan pham on the account", "tuan pham"),
    ("put rastislav down as her emergency contact", "rastislav"),
    ("doctor okafor wants theiveish maidro seen before friday", "theiveish maidro"),
    ("okay thank you grace you've been really helpful", "grace"),
    ("alright thanks rosa that's all i needed", "rosa"),
    ("hi my name is justice kamara and i'm calling about a claim", "justice kamara"),
    ("the new hire is abebe tesfaye he starts monday", "abebe tesfaye"),
]

UNLISTED_NEGATIVE = [
    "pulls away from noxious stimuli and opens eyes to voice",
    "able to walk to bedside commode then back to bed",
    "legs noted with tactile stimuli, pupils brisk",
    "patient sedated and intubated overnight",
    "she's tachycardic and hypotensive this morning",
    "on contact precautions for vre",
    "thanks will do",
    "hi hope you're well",
    "it's kubernetes under the hood",
]

test_finds_unlisted, test_finds_nothing_unlisted = table_tests(RECOGNIZER, UNLISTED_POSITIVE, UNLISTED_NEGATIVE)


# Listed names after a naming opening, names said in place of another (a correction or an
# alternative), a speaker greeting with a name no list knows, a word-like name after a role.
NAMING_POSITIVE = [
    ("yeah some guy called brennan or brannigan something like that", "brennan"),
    ("yeah some guy called brennan or brannigan something like that", "brannigan"),
    ("uh my name is ahmed no sorry ahmad with an a", "ahmed"),
    ("uh my name is ahmed no sorry ahmad with an a", "ahmad"),
    ("the other driver was a mister haldane no halloran sorry desmond halloran", "halloran"),
    ("oh the neighbour is mr tanaka no takahashi i always mix them up", "takahashi"),
    ("she's dr walker or rather turner in the new system", "turner"),
    ("hi yes i'm taiwo his twin brother is in theatre", "taiwo"),
    ("we're not happy the sister in charge charity said it's a care home", "charity"),
    ("the nurse in charge joy told us to wait", "joy"),
    ("the landlord frank and he said no", "frank"),
    ("okay so the complainant is harpreet sandhu", "harpreet sandhu"),
    ("my brother olusegun we call him segun same number as mine", "segun"),
    ("Amadou is the night nurse, and he's lovely", "Amadou"),
]
NAMING_NEGATIVE = [
    "the patient is young and he said he was fine",
    "it's called a retainer or something like that",
    "i'm kubernetes certified now",  # no greeting before it
    "my sister she's coming later",
    "the nurse in charge said no visitors",
    "yeah no sorry that's fine",
    "the charge nurse is here",
    "the doctor is aware and the nurse reports no change",
    "call her back tomorrow about the results",
]

test_finds_naming, test_finds_nothing_naming = table_tests(RECOGNIZER, NAMING_POSITIVE, NAMING_NEGATIVE)

_LOCALES = ("en_US", "en_GB", "en_IE", "en_NG", "pl_PL", "es_MX", "tr_TR")


@settings(max_examples=80, deadline=None)
@given(locale=st.sampled_from(_LOCALES), seed=st.integers(0, 10_000),
       marker=st.sampled_from(("no", "no sorry", "sorry", "i mean", "or rather")))
def test_a_surname_said_in_place_of_another_after_a_title_is_found(locale, seed, marker):
    fake = Faker(locale)
    fake.seed_instance(seed)
    wrong, right = fake.last_name().lower(), fake.last_name().lower()
    assume(wrong.isalpha() and right.isalpha() and wrong != right and right not in STOP_WORDS)
    assume(names.is_name(wrong) or not names.is_common_word(wrong))  # Faker's pl_PL lists "senator"
    text = f"the other driver was a mister {wrong} {marker} {right} i always mix them up"
    check_covers(RECOGNIZER, text, right)
