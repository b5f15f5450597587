"""Table for recognizers/date_spoken.py: calendar dates, spoken or written, and dates said as bare numbers."""

from pipeline.redact.recognizers.date_spoken import SpokenDateRecognizer, SpokenNumericDateRecognizer

from .conftest import table_tests

RECOGNIZER = (SpokenDateRecognizer(), SpokenNumericDateRecognizer())

POSITIVE = [
    ("dob three slash nine slash fifty one", "three slash nine slash fifty one"),
    ("she was born july twenty second nineteen forty eight", "july twenty second nineteen forty eight"),
    ("date of birth uh oh four one seven sixty two", "oh four one seven sixty two"),
    ("we saw him on the nineteenth and he looked better", "the nineteenth"),
    ("the accident happened in october twenty twenty two", "october twenty twenty two"),
    ("born on the fifth of june two thousand and one", "the fifth of june two thousand and one"),
    ("Admitted on March 4, 2023 for pneumonia.", "March 4, 2023"),
    ("The surgery is scheduled for 11/02/2024.", "11/02/2024"),
    ("Tuesday, May 6th works for the deposition.", "Tuesday, May 6th"),
    ("She was discharged 7/22.", "7/22"),
    # an ordinal day after a weekday, or after "for", "of", "to", "is" (days past the second)
    ("we'll get you in on tuesday the ninth at eleven", "tuesday the ninth"),
    ("The earliest I have with Dr. Lindqvist is the 3rd, first thing in the morning.", "the 3rd"),
    ("Late entry for the 19th: patient refused evening meds", "the 19th"),
    ("the judge is out the week of the twelfth so", "the twelfth"),
    ("we can't refill it until the thirtieth i'm afraid", "the thirtieth"),
]

NEGATIVE = [
    "let's meet tomorrow at three on the third floor",
    "we may need three more nurses",
    "take 1/2 tablet at bedtime",
    "version two point one ships next tuesday",
    "Q3 was better than Q2",
    "for the third time this week",
    "she was the fifth patient today",
    "see you at the second visit",
    "that is the first.",
    "take it to the fourth floor",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Version 2 of the guidelines (issue 12): day-first, month alone as a time, holidays.
from pipeline.redact.recognizers.date_spoken import HolidayRecognizer  # noqa: E402

V2_POSITIVE = [
    ("She was admitted on 3 March 2024.", "3 March 2024"),
    ("seen again on 14 February", "14 February"),
    ("Born 3rd March 2024.", "3rd March 2024"),
    ("the hearing is set for fourteenth march", "fourteenth march"),
    ("my symptoms started back in May", "May"),
    ("It was June of 2020 when I moved.", "June of 2020"),
    ("My mom passed away in early May.", "early May"),
    ("we filed the claim in may", "may"),
    ("date of birth january ten nineteen twenty eight", "january ten nineteen twenty eight"),
]
V2_NEGATIVE = ["May I ask a question?", "we may move the June release", "this may be fine", "the fifth may be fine",
               "take 5 may be 6 tablets", "you may go now"]
test_finds_v2, test_finds_nothing_v2 = table_tests(RECOGNIZER, V2_POSITIVE, V2_NEGATIVE)
test_holidays, test_no_holidays = table_tests(HolidayRecognizer(), [
    ("My son was born on Boxing Day.", "Boxing Day"), ("we got married on juneteenth", "juneteenth"),
    ("We met over Christmas Eve dinner.", "Christmas Eve")], ["I love Christmas.", "the Thanksgiving menu"])
