"""Table for recognizers/account.py: bank account, routing, IBAN and billing account numbers."""

from pipeline.redact.recognizers.account import AccountNumberRecognizer

from .conftest import table_tests

RECOGNIZER = AccountNumberRecognizer()

POSITIVE = [
    ("my checking account number is four four seven two nine one eight three", "four four seven two nine one eight three"),
    ("uh the savings account ends in six six oh two", "six six oh two"),
    ("can you confirm the account number, it's three one eight, uh, five five two, nine oh oh four",
     "three one eight, uh, five five two, nine oh oh four"),
    ("Routing number 021000021.", "021000021"),
    ("Account #: 00192-448-7730", "00192-448-7730"),
    ("Sort code 20-00-00, account 55779911", "55779911"),
]

NEGATIVE = [
    "we moved five thousand dollars from the savings into checking",
    "take into account the third floor renovation",
    "the bank closes at four thirty",
    "the account manager will call in Q3",
    "on account of the snow we closed early",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
