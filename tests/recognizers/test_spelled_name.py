"""Table for recognizers/spelled_name.py: names spelled letter by letter."""

from pipeline.redact.recognizers.spelled_name import SpelledNameRecognizer

from .conftest import table_tests

RECOGNIZER = SpelledNameRecognizer()

POSITIVE = [
    ("my last name is okonkwo, O K O N K W O", "O K O N K W O"),
    ("that's s-m-i-t-h-e, smithe with an e", "s-m-i-t-h-e"),
    ("spelled r e y e s", "r e y e s"),
    ("uh the surname is ng, N G", "N G"),
    ("and the last name is hakimi, h a k i m i", "h a k i m i"),
    ("First name Siobhan, S I O B H A N.", "S I O B H A N"),
    # letters named by a word: "p as in peter"
    ("so um the surname is p as in peter a t e l and first name anjali", "p as in peter a t e l"),
    ("Yes, N as in Nancy, G-U-Y-E-N.", "N as in Nancy, G-U-Y-E-N"),
    ("so it's m as in mary a c as in charlie k e n z i e so", "m as in mary a c as in charlie k e n z i e"),
    # the word a spelling spells, before or after it, and the surname after a spelled first name
    ("the last name is spelled m c a l l i s t e r mcallister with two l's", "mcallister"),
    ("it's joy adeyemi-cole with a hyphen and joy is just j o y", "j o y"),
    ("his name's oleksandr o l e k s a n d r hnatyuk", "hnatyuk"),
    ("yes last name o haogain spelled o h a o g a i n", "o haogain"),
    ("um it's laila haddad h a double d a d and the email", "h a double d a d"),
    ("A. A-D-E-B-A-Y-O, hyphen, C-L-A-R-K-E.", "A-D-E-B-A-Y-O, hyphen, C-L-A-R-K-E"),
    # two letters spell a short surname said beside them
    ("i reviewed him on the ward with doctor ng n g yes just n g", "ng n g"),
    ("it's mr yu y u from accounts", "yu y u"),
]

NEGATIVE = [
    "we need the Q and A for the U S team",
    "the patient had an e k g and a c t",
    "plan B is fine, I hope so",
    "we did the a b c and moved on",
    "so i went to the m s clinic",  # two letters spelling no word said beside them
    "it's in block a b of the site",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
