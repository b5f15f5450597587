"""Table for recognizers/known_names.py: names given with --known-names, also when misheard."""

from pipeline.redact.recognizers.known_names import KnownNamesRecognizer

from .conftest import table_tests

RECOGNIZER = KnownNamesRecognizer(("Jane Thornbury", "Oluwaseun Adeyemi", "Krzysztof Nowak"))

POSITIVE = [
    ("so thorne berry came in on monday", "thorne berry"),
    ("Ms. Thorneberry is running late.", "Thorneberry"),
    ("the thornbury file is on my desk", "thornbury"),
    ("jane said she'd call back", "jane"),
    ("we spoke with oluwasean this morning", "oluwasean"),
    ("krzysztof said yes", "krzysztof"),
]

NEGATIVE = [
    "the thornton account is overdue",
    "janitorial staff start at six",
    "we had a brainstorm about the budget",
    "I hope so, we will mark it",
    "now the next item on the agenda",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
