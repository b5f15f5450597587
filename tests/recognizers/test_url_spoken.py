"""Table for recognizers/url_spoken.py: web addresses said aloud, or written with www/https."""

from pipeline.redact.recognizers.url_spoken import SpokenUrlRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenUrlRecognizer()

POSITIVE = [
    ("go to w w w dot lakeside clinic dot org slash portal", "w w w dot lakeside clinic dot org slash portal"),
    ("the form is at bit dot ly slash intake dash twenty", "bit dot ly slash intake dash twenty"),
    ("it's on our site, greenway pediatrics dot com", "greenway pediatrics dot com"),
    ("the survey link is survey dot acme dot io slash feedback", "survey dot acme dot io slash feedback"),
    ("uh the filing is up on ri courts dot gov", "ri courts dot gov"),
    ("Visit https://portal.northwind-health.example/login to reset it.", "https://portal.northwind-health.example/login"),
    ("You can check www.harborlegal.example for the forms.", "www.harborlegal.example"),
]

NEGATIVE = [
    "we're at version two point one dot three",
    "that's the dot com era stuff",
    "my email is nora at fastmail dot com",
    "Q3 numbers are in the deck",
    "I hope so, we will mark it",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Dev-set classes (helper 3): a path said as several words, an everyday word as a subdomain.
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from .conftest import check_covers  # noqa: E402

V3_POSITIVE = [
    ("go to w w w dot example dot org slash new patient and fill in the form",
     "w w w dot example dot org slash new patient"),
    ("track the order at example dot com slash r x track with your order number", "example dot com slash r x track"),
    ("check my dot example dot org slash portal for the forms", "my dot example dot org slash portal"),
    ("log in at go dot acme dot com", "go dot acme dot com"),
    ("the portal is my chart dot lakeside health dot org and you log in", "my chart dot lakeside health dot org"),
    ("go to harbor clinic dot example forward slash portal", "harbor clinic dot example forward slash portal"),
    ("type in h t t p s colon forward slash forward slash example dot com",
     "h t t p s colon forward slash forward slash example dot com"),
    ("visit our site at w w w dot kestrel health dot c a", "w w w dot kestrel health dot c a"),
    ("I posted the photos on grewaldental.example.", "grewaldental.example"),
    ("The portal is at msimangdental.example/login.", "msimangdental.example/login"),
    ("see example dot com slash my records question mark id equals six one seven",
     "example dot com slash my records question mark id equals six one seven"),
]
V3_NEGATIVE = ["that's the dot com era stuff", "it's sean dot obrien a t example dot i e", "version two dot o a", "it's on the q t dot x y", "run the unit.test suite again", "mail tom@harborview.example", "it's on my dot", "split it fifty slash fifty and then"]


test_finds_v3, test_finds_nothing_v3 = table_tests(RECOGNIZER, V3_POSITIVE, V3_NEGATIVE)


def test_a_written_host_under_example_is_found_whole_or_left_to_the_stock_recognizer():
    text = "see ojo-family.example/~ojo?id=7, or claims.example.com/upload."
    assert [text[s:e] for s, e, _ in RECOGNIZER.find(text)] == ["ojo-family.example/~ojo?id=7"]


def test_words_that_lead_up_to_a_domain_stay_out_of_it():
    text = "it's on my site acme dot com"
    assert [text[s:e] for s, e, _ in RECOGNIZER.find(text)] == ["acme dot com"]


_PATH_WORDS = ("new", "patient", "portal", "billing", "intake", "records", "r", "x", "track", "forms", "pay", "online")


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.sampled_from(["example dot org", "w w w dot example dot com", "my dot lakeside dot org", "acme dot io"]),
       st.lists(st.sampled_from(_PATH_WORDS), min_size=1, max_size=3),
       st.sampled_from(["and then", "with your number", "okay", "to pay", ". Thanks", "for the forms"]))
def test_a_path_said_as_words_is_part_of_the_address(host, path, after):
    address = f"{host} slash {' '.join(path)}"
    text = f"please go to {address} {after}"
    check_covers(RECOGNIZER, text, address)
    last = max(end for _, end, _ in RECOGNIZER.find(text))
    assert last <= text.index(address) + len(address), text[:last]  # the words after are the speaker's


@pytest.mark.parametrize("value, address", [
    ("oxygenation.Br", False), ("edema.Pl", False), ("shift.pr", False),
    ("kestrelhealth.ca", True), ("bit.ly/intake", True), ("ACME.COM", True), ("lakeside.co.uk", True)])
def test_words_run_together_at_a_missing_space_are_no_written_address(value, address):
    """A country's TLD written capitalised is the next sentence's first word, cut short."""
    from pipeline.redact.recognizers.url_spoken import is_written_address

    assert is_written_address(value) is address
