"""Table for recognizers/date_spoken.py: calendar dates, spoken or written, and dates said as bare numbers."""

from pipeline.redact.recognizers.date_spoken import SpokenDateRecognizer, SpokenNumericDateRecognizer

import pytest

from .conftest import check_covers, check_finds_nothing, spans, table_tests

RECOGNIZER = (SpokenDateRecognizer(), SpokenNumericDateRecognizer())

POSITIVE = [
    ("dob three slash nine slash fifty one", "three slash nine slash fifty one"),
    ("she was born july twenty second nineteen forty eight", "july twenty second nineteen forty eight"),
    ("date of birth uh oh four one seven sixty two", "oh four one seven sixty two"),
    ("we saw him on the nineteenth and he looked better", "nineteenth"),
    ("the accident happened in october twenty twenty two", "october twenty twenty two"),
    ("born on the fifth of june two thousand and one", "fifth of june two thousand and one"),
    ("Admitted on March 4, 2023 for pneumonia.", "March 4, 2023"),
    ("The surgery is scheduled for 11/02/2024.", "11/02/2024"),
    ("Tuesday, May 6th works for the deposition.", "Tuesday, May 6th"),
    ("She was discharged 7/22.", "7/22"),
    # an ordinal day after a weekday, or after "for", "of", "to", "is" (days past the second)
    ("we'll get you in on tuesday the ninth at eleven", "tuesday the ninth"),
    ("The earliest I have with Dr. Lindqvist is the 3rd, first thing in the morning.", "3rd"),
    ("Late entry for the 19th: patient refused evening meds", "19th"),
    ("the judge is out the week of the twelfth so", "twelfth"),
    ("we can't refill it until the thirtieth i'm afraid", "thirtieth"),
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
from pipeline.redact.recognizers.holidays import HolidayRecognizer  # noqa: E402

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


# Dev-set classes (helper 3): a weekday with its date, a month alone as a time, holidays, "Oct." with its period.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from pii_generator import cardinal, ordinal  # noqa: E402

from pipeline.redact.recognizers.date_spoken import WEEKDAYS  # noqa: E402

ALL = (SpokenDateRecognizer(), HolidayRecognizer())
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
V3_POSITIVE = [
    ("The hearing is set for Friday, 7 June, in courtroom B.", "Friday, 7 June"),
    ("we saw her wednesday the second of october twenty nineteen", "wednesday the second of october"),
    ("Renewal due Sept. 14, 2026.", "Sept. 14, 2026"),
    ("she worked there from uh april until the end of august", "april"),
    ("we moved the closing from march to june", "march"),
    ("the lease ran march through june", "march"),
    ("the lease ran march through june", "june"),
    ("we signed it in march uh and then", "march"),
    ("they married on valentine's day in the chapel", "valentine's day"),
    ("the break-in was saint patrick's day", "saint patrick's day"),
    ("he's been off work since about thanksgiving", "thanksgiving"),
    ("she collapsed the day after Easter Sunday", "Easter Sunday"),
    ("the fall happened on the fourth of july", "fourth of july"),
    ("He had the fall back in mid-October, I think.", "mid-October"),
    ("he was born fourteenth may", "fourteenth may"),
    ("he's been in pain since uh the twenty second", "twenty second"),
    ("Seen on 05-Mar-2024 in clinic.", "05-Mar-2024"),
    ("The call is on Sat., Nov. 2, 2024 at noon.", "Sat., Nov. 2, 2024"),
    ("she was off between the 3rd and the 5th of May", "3rd"),
    ("we close at the end of may", "may"),
    ("it was on the third um of june", "third um of june"),
    ("the sixteenth of uh october", "sixteenth of uh october"),
    ("the first week of march we left", "march"),
]
V3_NEGATIVE = ["the protesters march to city hall", "we may march again", "the Easter egg hunt is fun",
               "buy the christmas tree", "a long march through the hills", "sales were flat in q1",
               "the independence of the court", "every monday we meet", "Dr. Oct is here.",
               "the march of time", "some of may be lost", "lot 12-Mar-B", "between the first and second dose"]
test_finds_v3, test_finds_nothing_v3 = table_tests(ALL, V3_POSITIVE, V3_NEGATIVE)


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(WEEKDAYS)), st.integers(1, 28), st.sampled_from(_MONTH_NAMES),
       st.sampled_from(["{w}, {d} {m}", "{w} {d} {m}", "{w}, the {o} of {m}", "{w} the {o} of {m}"]),
       st.booleans())
def test_a_weekday_said_before_a_day_first_date_is_part_of_it(weekday, day, month, form, capital):
    said = form.format(w=weekday.title() if capital else weekday, d=day if capital else cardinal(day),
                       o=ordinal(day), m=month.title() if capital else month)
    check_covers(ALL, f"the deposition is on {said}, at the annex", said)


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.sampled_from([m for m in _MONTH_NAMES if m not in ("may", "march")]),
       st.sampled_from(["from", "since", "until", "in", "by"]), st.sampled_from(["", "um ", "uh "]))
def test_a_month_alone_after_a_time_word_is_a_date(month, lead, filler):
    check_covers(ALL, f"i was there {lead} {filler}{month} and then left", month)


NOT_DATES = ["BP 90 over 60 on the monday round", "take 5 mg twice a day", "version 3.2 released", "in 2024 we grew",
             "the morning of day three", "march on, soldiers", "she may have a fever",
             # ventilator and hemodynamic settings, pain scores, counts: readings written like dates
             "Remains on PSV 10/5 with stable gases.", "Vent settings 500x12/5/40%. tolerating", "co/ci/svr 5/2.7/784",
             "RESP: trialed on 5/5, tolerated well", "pt c/o CP, 5/10, ECG done", "headache 3-4/10 received tylenol",
             "staph aureus 4/4 bottles", "insulin ON 24/06/12/18 SCHEDULE", "co/ci/svr deteriorated to 3/2/1500",
             "given for pain 7/10, reviewed at 22:40", "AC 14/300/P 5/30%. Lungs coarse", "on 10/5 BIPAP 65% 02"]


@pytest.mark.parametrize("text, expected", [
    ("received vanco X1 on 10/20. WBC 10.7", "10/20"), ("R RAD ALINE placed 7/9.", "7/9"),
    ("The lease was signed 9/2/75, I believe.", "9/2/75"), ("(DOB 7/14/49)", "7/14/49"),
    ("she had the colonoscopy on 2023-04-11 and", "2023-04-11"),
    ("CVP 13-16, & LAST CO/CI/SVR (10/17 0500) 3.43/1.98/1609", "10/17")])
def test_written_dates_beside_readings_are_still_dates(text, expected):
    check_covers(ALL, text, expected)


@pytest.mark.parametrize("text", NOT_DATES)
def test_vitals_doses_years_and_verbs_are_no_dates(text):
    check_finds_nothing(ALL, text)


# Dev sets 2 (helper 4): an ordinal day alone, UK numeric months, two-digit years after a date, a
# weekday with an ordinal, a month as a measured period, more holidays and a year after one.
from faker import Faker  # noqa: E402

from pii_generator import ordinal_digits  # noqa: E402

V4_POSITIVE = [
    ("trying to get something around the twentieth if there's anything", "twentieth"),
    ("referred him in with a letter dated the fourteenth but he didn't come", "fourteenth"),
    ("letter dictated on the twelfth typed on the fifteenth sorry for the delay", "twelfth"),
    ("letter dictated on the twelfth typed on the fifteenth sorry for the delay", "fifteenth"),
    ("we need the demand out by the fifteenth otherwise the adjuster goes", "fifteenth"),
    ("the worst day was the ninth that's her anniversary", "ninth"),
    ("as long as it's paid by the thirtieth the policy stays active", "thirtieth"),
    ("were you present at the meeting on the sixth a yes i was", "sixth"),
    ("it charged me twice on the first on my visa", "first"),
    ("12 September 2008. Not the ninth, the twelfth.", "ninth"),
    ("12 September 2008. Not the ninth, the twelfth.", "twelfth"),
    ("it happened on the twenty second no the twenty third", "twenty third"),
    ("the third of april but my documents say the fourth", "fourth"),
    ("did you say the twenty first or the twenty seventh", "twenty first"),
    ("the date on the script says seventeenth of the eleventh so it's fine", "seventeenth of the eleventh"),
    ("date of birth is the thirtieth of the sixth eighty two and she's", "thirtieth of the sixth eighty two"),
    ("his date of birth's the ninth of october forty one", "ninth of october forty one"),
    ("furosemide now 80 mg in the morning, started Monday 4th.", "Monday 4th"),
    ("returning your call from Tuesday, the 14th.", "Tuesday, the 14th"),
    ("the electricity usage for July was eleven hundred kilowatt hours", "July"),
    ("which is double June and i was away", "June"),
    ("sales were higher than October", "October"),
]
V4_NEGATIVE = [
    "take it to the fifth floor please", "no the fourth one on the left", "we got the second opinion back",
    "first of all thanks for coming", "on the first thing in the morning", "not the first time she fell",
    "i'd say the third option is best", "see you monday first thing", "one fifth of the third batch",
    "is the third a problem", "on the third dose she improved", "it was the ninth patient today",
    "the second speed setting", "numbness on the third affected finger", "on the second infected site today", "this is for May I think", "the cost is double what it was for May",
    "we may move the June release", "the first of the second round", "in the third of the fourth game",
]
test_finds_v4, test_finds_nothing_v4 = table_tests(ALL, V4_POSITIVE, V4_NEGATIVE)

HOLIDAYS_V4 = [
    ("the burn happened on bonfire night at a party", "bonfire night"),
    ("off his food since Shrove Tuesday.", "Shrove Tuesday"),
    ("want to take him home for eid if he's well enough", "eid"),
    ("the baby's due right around diwali so the family's flying", "diwali"),
    ("we got married on valentine's day two thousand twenty two in reno", "valentine's day two thousand twenty two"),
    ("she fell over Christmas 2019 at home", "Christmas 2019"),
    ("he was admitted on St George's Day.", "St George's Day"),
]
NO_HOLIDAYS_V4 = ["the eid presents were lovely", "diwali lights are up", "during ramadan he fasts",
                  "she made shrove tuesday pancakes", "the bonfire was huge"]
test_holidays_v4, test_no_holidays_v4 = table_tests(ALL, HOLIDAYS_V4, NO_HOLIDAYS_V4)

_LEADS = ("on", "by", "until", "since", "dated")
_BOUNDARIES = (".", ",", " even though it rained", " that's when it started", " otherwise we wait",
               " sorry", " and then she left", " the bill came", " typed up later", "")
_NOUNS = ("floor", "one", "time", "opinion", "thing", "dose", "attempt", "patient", "round", "page", "visit")


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.sampled_from(_LEADS), st.integers(3, 31), st.booleans(), st.sampled_from(_BOUNDARIES))
def test_an_ordinal_day_alone_at_a_phrase_end_is_a_date(lead, day, digits, boundary):
    said = ordinal_digits(day) if digits else ordinal(day)
    check_covers(ALL, f"it was paid {lead} the {said}{boundary}", said)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.sampled_from(_LEADS + ("say", "was", "around")), st.integers(1, 31), st.sampled_from(_NOUNS))
def test_an_ordinal_before_a_noun_is_no_date(lead, day, noun):
    check_finds_nothing(ALL, f"we went {lead} the {ordinal(day)} {noun} today")


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(["en_GB", "en_IE", "en_AU", "en_NZ"]), st.integers(0, 10_000))
def test_uk_dates_with_numeric_months_said_as_ordinals(locale, seed):
    fake = Faker(locale)
    fake.seed_instance(seed)
    born = fake.date_of_birth(minimum_age=1, maximum_age=89)
    year = cardinal(born.year % 100) if born.year % 100 > 20 else ""
    said = f"{ordinal(born.day)} of the {ordinal(born.month)} {year}"
    check_covers(ALL, f"date of birth is the {said.strip()} and she's well", said.strip())


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(WEEKDAYS)), st.integers(1, 31),
       st.sampled_from(["{w} {o}.", "{w}, the {o}.", "{w} the {o},"]))
def test_a_weekday_with_an_ordinal_day_is_a_date(weekday, day, form):
    said = form.format(w=weekday.title(), o=ordinal_digits(day)).rstrip(".,")
    check_covers(ALL, f"the dose was started {said}.", said)


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.sampled_from([m.title() for m in _MONTH_NAMES if m not in ("may", "march")]),
       st.sampled_from(["for", "than", "double", "during"]))
def test_a_capitalised_month_as_a_measured_period_is_a_date(month, lead):
    check_covers(ALL, f"the usage {lead} {month} was high", month)


@pytest.mark.parametrize("text, date", [("on 3 March forty patients came in", "3 March"),
                                        ("the ninth of october twenty people came", "ninth of october")])
def test_a_count_after_a_date_is_no_year(text, date):
    found = [text[s:e] for s, e in spans(ALL, text)]
    assert date in found and not any(len(f) > len(date) for f in found), found


@pytest.mark.parametrize("text, date", [
    ("we saw him on the nineteenth and", "nineteenth"),
    ("born on the fifth of june two thousand and one", "fifth of june two thousand and one"),
    ("from Tuesday, the 14th.", "Tuesday, the 14th")])
def test_a_leading_the_is_no_part_of_a_date(text, date):
    found = spans(ALL, text)
    assert min(s for s, _ in found) == text.index(date) and max(e for _, e in found) == text.index(date) + len(date)


def test_a_relative_month_after_a_day_is_left():
    text = "fifty dollars a month starting on the fifteenth of next month if that helps"
    assert [text[s:e] for s, e in spans(ALL, text)] == ["fifteenth"]


@pytest.mark.parametrize("text, date", [
    ("req intubation for hypoxia/resp failure and was extubated 7/16. he cont post extubation", "7/16"),
    ("RESP: MECH VENT VIA TRACH (PLACED 8/14). AC 100%,650 X 10,PEEP 7.5", "8/14"),
    ("Will attempt to wean and extubate 6/17. Increase Tf's", "6/17"),
    ("CHRONIC RENAL INSUFFICIENCY.   LITHIUM TOXICITY-9/2/92.    ALLERGIES:NKDA.", "9/2/92"),
    ("W INITALLY DECREASED UO-9/10 LASIX DIURIL W SUCCESS", "9/10"),
])
def test_an_event_a_few_words_after_a_ventilator_word_keeps_its_date(text, date):
    """Dates in notes were taken for ventilator readings when "resp", "wean" or "vent" stood up to
    five words before them, or when a hyphen joined them to a word (PhysioNet PHI recall 0.917 → 0.893)."""
    check_covers(RECOGNIZER, text, date)


@pytest.mark.parametrize("text, date", [
    ("And your date of birth? Right, 22, 1990.", "22, 1990"),
    ("born on the, um, 3, 1985 I think", "3, 1985"),
])
def test_a_day_and_year_whose_month_was_misheard_are_a_date(text, date):
    """The bundled clinic call's "July 22, 1990" came out of Whisper as "Right, 22, 1990." and leaked."""
    check_covers(RECOGNIZER, text, date)


@pytest.mark.parametrize("text", ["scores of 3, 22, 1990 and 4", "we sold 45, 2000 were returned", "at 10:30, 2020 plans"])
def test_numbers_in_a_list_are_no_day_and_year(text):
    check_finds_nothing(RECOGNIZER, text)


# Dev-set 3 classes (helper 9): a weekday before a written date, a year written "'63", a day after
# "maybe the", a written day opening a sentence, a month corrected, more holidays and feasts.
V5_POSITIVE = [
    ("i'd go for maybe the twenty third if that's free", "twenty third"),
    ("she said the 19th too", "19th"),
    ("see you on the ninth full stop", "ninth"),
    ("The 21st works for me.", "21st"),
    ("Mine is the eleventh of October, '63.", "eleventh of October, '63"),
    ("since june no july sorry", "july"),
    ("the letter says October", "October"),
    ("last episode was on Whit Monday.", "Whit Monday"),
    ("pain since st stephen's day", "st stephen's day"),
    ("she turns ninety on the feast of saint joseph", "feast of saint joseph"),
    ("it cleared on the Tuesday after Easter.", "Tuesday after Easter"),
    ("we met on new year's eve of twenty nineteen", "new year's eve of twenty nineteen"),
    ("are we doing thanksgiving at yours", "thanksgiving"),
    ("The 18th is Eid for half my team.", "Eid"),
    ("she turned a hundred on Timkat.", "Timkat"),
]
V5_NEGATIVE = ["the 2nd is fine", "take the third one", "the holistic plan", "the 18th floor is closed",
               "the Whitby office", "may no march"]
test_finds_v5, test_finds_nothing_v5 = table_tests(ALL, V5_POSITIVE, V5_NEGATIVE)

_WEEKDAY_WRITINGS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Friday", "Saturday")


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(_WEEKDAY_WRITINGS), st.integers(1, 12), st.integers(1, 28), st.sampled_from([" ", ", "]),
       st.booleans())
def test_a_weekday_before_a_written_date_is_part_of_it(weekday, month, day, comma, year):
    said = f"{weekday}{comma}{month}/{day}" + ("/24" if year else "")
    check_covers(RECOGNIZER, f"Next visit {said}. Dressing changed.", said)
