"""Table for recognizers/health_plan.py: member, policy, group, Medicare and Medicaid IDs."""

from pipeline.redact.recognizers.health_plan import HealthPlanRecognizer

from .conftest import table_tests

RECOGNIZER = HealthPlanRecognizer()

POSITIVE = [
    ("my medicare number is one e g four t e five m k seven three", "one e g four t e five m k seven three"),
    ("the policy number is W two seven one, four four eight, nine zero", "W two seven one, four four eight, nine zero"),
    ("uh the subscriber id on her insurance card is nine one four uh two two eight five oh",
     "nine one four uh two two eight five oh"),
    ("her blue cross member number is A B C four four one seven two nine oh six",
     "A B C four four one seven two nine oh six"),
    ("Group number 0 0 4 1 7 7.", "0 0 4 1 7 7"),
    ("Medicaid ID 88211904B, verified today.", "88211904B"),
    # capitals before the digits, a contracted "number's", and a value handed over with "it's"
    ("The policy number's POL 88 1204 776, group G-55120.", "POL 88 1204 776"),
    ("Subscriber ID JHK 448 190 2217, and the subscriber is my husband", "JHK 448 190 2217"),
    ("Can I get the member ID from the front of the card? It's W 8 8 7 1 2 0 3 4 9, group 7 7 1 0 4.",
     "W 8 8 7 1 2 0 3 4 9"),
]

NEGATIVE = [
    "the member survey had nine hundred responses",
    "the insurance copay is forty dollars",
    "Medicare covers eighty percent of it",
    "she's a member of the board, I hope so anyway",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
