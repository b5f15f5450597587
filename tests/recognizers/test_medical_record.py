"""Table for recognizers/medical_record.py: medical record, chart, patient and encounter numbers."""

from pipeline.redact.recognizers.medical_record import MedicalRecordRecognizer

from .conftest import table_tests

RECOGNIZER = MedicalRecordRecognizer()

POSITIVE = [
    ("the m r n is eight two three, three oh one, seven", "eight two three, three oh one, seven"),
    ("can you pull up chart number uh six six one nine four", "six six one nine four"),
    ("patient id is b h m dash four four eight two nine", "b h m dash four four eight two nine"),
    ("uh record number's one oh oh four five seven two", "one oh oh four five seven two"),
    ("Medical record number 00482913.", "00482913"),
    ("MRN: 7730019", "7730019"),
    ("Patient ID BHM-44829, room 4.", "BHM-44829"),
    ("The encounter number on the discharge summary is 2024-118873.", "2024-118873"),
    ("His hospital number's K 4 4 1 0 9 8. Can you check it matches the label?", "K 4 4 1 0 9 8"),
    ("the patient's record number, it's on the wristband, it is four four one nine oh two",
     "four four one nine oh two"),
    # national patient numbers of other countries
    ("Re: Pita Fonoti, NHI ZKT4471, seen in clinic today.", "ZKT4471"),
    ("her n h s number is four eight five, seven seven three, two one nine oh", "four eight five, seven seven three, two one nine oh"),
    ("CHI number 120355 1234 on the referral", "120355 1234"),
    ("the i h i is eight zero zero three six zero eight one six six six eight four three seven zero",
     "eight zero zero three six zero eight one six six six eight four three seven zero"),
]

NEGATIVE = [
    "she's been on the record saying she hates the third floor",
    "chart shows blood pressure one forty over ninety",
    "the chart says five hundred milligrams of amoxicillin",
    "off the record, Q3 was rough",
    "the NHS has two hundred trusts and the waiting list is four weeks",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
