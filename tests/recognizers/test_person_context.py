"""Table for recognizers/person_context.py: names after an introduction, a title or a relation."""

from pipeline.redact.recognizers.person_context import IntroducedNameRecognizer

from .conftest import table_tests

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
