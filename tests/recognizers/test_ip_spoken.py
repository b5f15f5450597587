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
    # each number said any way a number is said, and two addresses joined by "and"
    ("it came from uh ip two oh three dot oh dot one one three dot two hundred thirty nine",
     "two oh three dot oh dot one one three dot two hundred thirty nine"),
    ("can you ping one ninety two dot oh dot two dot six", "one ninety two dot oh dot two dot six"),
    ("from two zero three dot zero dot one hundred thirteen dot two two three and one nine eight point one",
     "two zero three dot zero dot one hundred thirteen dot two two three"),
    ("and one nine eight point fifty one point one zero zero point double two oh, then",
     "one nine eight point fifty one point one zero zero point double two oh"),
    ("the host is ten dot one hundred and twenty dot zero dot seven", "ten dot one hundred and twenty dot zero dot seven"),
]

NEGATIVE = [
    "we're on version two point one point three",
    "the score went from three point five to four point two",
    "we grew one point two percent, then two point four, then three point one",
    "blood pressure one forty over ninety",
    "Sats 94. Temp 37. HR 88. RR 16. All stable.",
    "two point five, three point five and four point five milligrams",
    "one two three four dot five dot six dot seven",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)
