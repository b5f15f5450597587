"""Table for recognizers/person_gazetteer.py: gazetteer names in any case, word-like names in context."""

from pipeline.redact.recognizers.person_gazetteer import GazetteerNameRecognizer

from .conftest import table_tests

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
]

NEGATIVE = [
    "I hope so, we will mark it as resolved",
    "the rose garden needs watering",
    "the grace period ends friday",
    "to be frank, the costs are high",
    "lisinopril and metformin are both generic",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
