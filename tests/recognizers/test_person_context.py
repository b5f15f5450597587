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
