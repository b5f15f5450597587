"""Table for recognizers/professional_licence.py: NPI, DEA, board, bar and nursing licence numbers."""

from pipeline.redact.recognizers.professional_licence import ProfessionalLicenceRecognizer

from .conftest import table_tests

RECOGNIZER = ProfessionalLicenceRecognizer()

POSITIVE = [
    ("the d e a number is B S three eight eight one two nine four", "B S three eight eight one two nine four"),
    ("her nursing license is r n dash seven seven four one two", "r n dash seven seven four one two"),
    ("his bar number two eight four four one nine", "two eight four four one nine"),
    ("uh my board certification number is four four, zero nine, one one eight", "four four, zero nine, one one eight"),
    ("Dr. Alvarez's NPI is 1598346027.", "1598346027"),
    ("Medical license: MD-118204", "MD-118204"),
    ("Summer Okafor, Nurse Practitioner, licence number NP 448190, telephone 020 7946 0958.", "NP 448190"),
]

NEGATIVE = [
    "the board meets at four on the third floor",
    "we need fifty more certificates printed",
    "the bar exam is in twenty twenty five",
    "the permit cost twelve thousand dollars",
    "board round at nine, SBP 1100 on the monitor was an artefact",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
