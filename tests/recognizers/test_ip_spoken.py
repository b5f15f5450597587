"""Table for recognizers/ip_spoken.py: IPv4 and IPv6 addresses said aloud."""

from pipeline.redact.recognizers.ip_spoken import SpokenIpRecognizer

from .conftest import table_tests

RECOGNIZER = SpokenIpRecognizer()

POSITIVE = [
    ("the server is at one nine two dot one six eight dot four dot twenty two",
     "one nine two dot one six eight dot four dot twenty two"),
    ("uh the gateway is ten dot zero dot zero dot one", "ten dot zero dot zero dot one"),
    ("connect to two oh three dot zero dot one thirteen dot fifty", "two oh three dot zero dot one thirteen dot fifty"),
    ("the camera's address is one seven two point sixteen point five point nine",
     "one seven two point sixteen point five point nine"),
    ("ping one ninety two dot one sixty eight dot one dot one", "one ninety two dot one sixty eight dot one dot one"),
    ("the ipv6 address is two zero zero one colon d b eight colon four c colon colon nine",
     "two zero zero one colon d b eight colon four c colon colon nine"),
]

NEGATIVE = [
    "we're on version two point one point three",
    "the score went from three point five to four point two",
    "we grew one point two percent, then two point four, then three point one",
    "blood pressure one forty over ninety",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
