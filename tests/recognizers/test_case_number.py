"""Table for recognizers/case_number.py: court case, docket, claim, matter and index numbers."""

from pipeline.redact.recognizers.case_number import CaseNumberRecognizer

from .conftest import table_tests

RECOGNIZER = CaseNumberRecognizer()

POSITIVE = [
    ("the case number is two four dash C V dash oh oh one nine three", "two four dash C V dash oh oh one nine three"),
    ("claim number uh seven seven one, four oh two, eight eight", "seven seven one, four oh two, eight eight"),
    ("the incident number on the police report is twenty four dash one one eight seven three",
     "twenty four dash one one eight seven three"),
    ("uh index number six five four three two slash twenty three", "six five four three two slash twenty three"),
    ("Docket No. 3:23-cr-00817", "3:23-cr-00817"),
    ("Case #2023-CV-1187 is set for trial.", "2023-CV-1187"),
    ("Our matter number for the Ruiz file is 10442-003.", "10442-003"),
    # "about" two words back makes no amount of a claim number
    ("i'm calling about claim eight eight one two zero four nobody's called me back", "eight eight one two zero four"),
]

NEGATIVE = [
    "in any case we need about forty more chairs",
    "just in case, bring two copies",
    "reference the third floor plan",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
