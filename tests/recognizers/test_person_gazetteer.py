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
    # a possessive, and a word-like name after "that" before a verb of speech
    ("And what's Doreen's surname, for the visitor log?", "Doreen"),
    ("so are we doing thanksgiving at yours or at kemal's this year", "kemal"),
    ("Could you tell Dr. Mensah that Precious called?", "Precious"),
]

NEGATIVE = [
    "I hope so, we will mark it as resolved",
    "the rose garden needs watering",
    "the grace period ends friday",
    "to be frank, the costs are high",
    "lisinopril and metformin are both generic",
    "the patient's daughter's number is on file",
    "i am sure that will help, and i hope that mark is fine",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


def test_a_possessive_is_left_out_of_the_name():
    text = "we met at doreen's on sunday"
    assert [text[a:b] for a, b, _ in RECOGNIZER.find(text)] == ["doreen"]
