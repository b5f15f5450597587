"""Table for recognizers/person_context.py: names after an introduction, a title or a relation."""

import pytest

from pipeline.redact.recognizers.person_context import IntroducedNameRecognizer

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


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_finds(covers, text, expected):
    covers(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_finds_nothing(finds_nothing, text):
    finds_nothing(RECOGNIZER, text)
