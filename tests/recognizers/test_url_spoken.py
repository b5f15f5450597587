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
