"""Table for recognizers/offline_email.py: written e-mail addresses, checked without the network."""

from pipeline.redact.recognizers.offline_email import OfflineEmailRecognizer

from .conftest import table_tests

RECOGNIZER = OfflineEmailRecognizer()

POSITIVE = [
    ("Send it to dana.whitlock@harbormed.org please.", "dana.whitlock@harbormed.org"),
    ("cc: r_okafor81@yahoo.co.uk", "r_okafor81@yahoo.co.uk"),
    ("Contact billing@lakeside-clinic.com for invoices.", "billing@lakeside-clinic.com"),
    ("my email is JLee+intake@gmail.com", "JLee+intake@gmail.com"),
    ("Reply to t.nguyen@cityofspringfield.gov by Friday.", "t.nguyen@cityofspringfield.gov"),
    ("Her work email, a.garcia@northwind.io, bounced.", "a.garcia@northwind.io"),
]

NEGATIVE = [
    "Follow us @lakesideclinic for updates",
    "see section 4.2 of the contract",
    "meet me at the front desk at 3",
    "email the team at noon about Q3",
    "the default login is admin@localhost",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
