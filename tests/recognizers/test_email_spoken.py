"""Table for recognizers/email_spoken.py: e-mail addresses said aloud, half-written or written."""

from pipeline.redact.recognizers.email_spoken import SpokenEmailRecognizer


from .conftest import table_tests

RECOGNIZER = SpokenEmailRecognizer()

POSITIVE = [
    ("you can email me at priya dot raman at outlook dot com", "priya dot raman at outlook dot com"),
    ("it's d underscore okafor seventy two at gmail dot com", "d underscore okafor seventy two at gmail dot com"),
    ("send the forms to intake at lakeside family med dot org", "intake at lakeside family med dot org"),
    ("uh yeah it's j kowalski at yahoo dot com", "j kowalski at yahoo dot com"),
    ("the billing contact is accounts dash payable at northfield dash supply dot net",
     "accounts dash payable at northfield dash supply dot net"),
    ("reach out to hr at brightline dot co dot uk", "hr at brightline dot co dot uk"),
    ("my email is sam dot nguyen eighty eight at icloud dot com", "sam dot nguyen eighty eight at icloud dot com"),
    ("Please send it to Maria Lopez at Outlook.com today.", "Maria Lopez at Outlook.com"),
    ("My email is tom.becker@harborview.example.", "tom.becker@harborview.example"),
]

NEGATIVE = [
    "let's meet at the office at nine",
    "the meeting is at three and the deck is on the shared drive",
    "the website is lakeside health dot org",
    "she's at home, we will mark it as done",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


# Dev-set classes (helper 3): two-word and law-firm domains, any TLD after a clear local part, "co dot jp",
# "a t" for "at" and spelled TLDs, number words and underscores, "no reply", an apostrophe in the local part.
import re  # noqa: E402

from faker import Faker  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.redact.names import plain  # noqa: E402

from .conftest import check_covers  # noqa: E402

V3_POSITIVE = [
    ("his email is d dot volkov at kestrel analytics dot example", "d dot volkov at kestrel analytics dot example"),
    ("my email is nidiacollado at colladolaw dot example", "nidiacollado at colladolaw dot example"),
    ("i sent it from tsubasa twenty three at kovacslaw dot example", "tsubasa twenty three at kovacslaw dot example"),
    ("send the forms to cristea underscore d at cristealaw dot example", "cristea underscore d at cristealaw dot example"),
    ("it's h dot nakamura at example dot co dot jp that's it", "h dot nakamura at example dot co dot jp"),
    ("it's sean dot obrien a t example dot i e no apostrophe", "sean dot obrien a t example dot i e"),
    ("you'll get an email from no reply at example dot com with a link", "no reply at example dot com"),
    ("It's j dot o'brien at example dot org. That's all.", "j dot o'brien at example dot org"),
    ("write to m dot d'souza at harbor dot legal", "m dot d'souza at harbor dot legal"),
    ("mail do not reply at acme dot com", "do not reply at acme dot com"),
    ("Email is irene two thousand and three at mail dot example dot com, and my cell",
     "irene two thousand and three at mail dot example dot com"),
]
V3_NEGATIVE = [
    "we'll meet okafor at grand central dot station",
    "we're at version two dot one",
    "I looked at figure three dot two",
    "she's at home dot i think",
    "the dashboard's at metrics dot io",
    "they're at the clinic at nine",
    "no reply at all from them",
    "she runs a blog at w w w dot mullarkey dash law dot example slash login",
    "CRYING AT TIMES . PLAN to wean",
    "dopamine at 5 mcg. BP stable",
    "the meeting at three at the office dot",
]


def test_a_word_before_at_is_no_local_part_when_an_address_follows():
    text = "copy it to his daughter ifeoma at ifeoma dot nwosu at example dot org"
    assert [text[s:e] for s, e, _ in RECOGNIZER.find(text)] == ["ifeoma dot nwosu at example dot org"]


test_finds_v3, test_finds_nothing_v3 = table_tests(RECOGNIZER, V3_POSITIVE, V3_NEGATIVE)


_FAKERS = {locale: Faker(locale) for locale in ("en_US", "en_GB", "de_DE", "es_ES", "fr_FR", "pl_PL", "it_IT")}


def _word(name: str) -> str:
    return re.sub(r"[^a-z]", "", plain(name)) or "x"


@settings(max_examples=60, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(_FAKERS)), st.integers(0, 10**6),
       st.sampled_from(["{f} dot {l}", "{i} dot {l}", "{l} underscore {i}", "{f}{l}", "{l} twenty three", "{f} {l}"]),
       st.sampled_from(["{l}law", "{l} analytics", "{l} and partners", "example", "{l} dash legal"]),
       st.sampled_from(["com", "example", "org", "co dot uk", "co dot jp", "i e", "law", "de"]),
       st.sampled_from(["at", "a t"]))
def test_spoken_addresses_with_any_domain_are_found(locale, seed, local, domain, tld, at):
    fake = _FAKERS[locale]
    fake.seed_instance(seed)
    first, last = _word(fake.first_name()), _word(fake.last_name())
    if local == "{f} {l}" and domain == "{l} and partners":
        domain = "{l}law"  # "and" ends a domain said aloud
    address = f"{local} {at} {domain} dot {tld}".format(f=first, l=last, i=first[0])
    check_covers(RECOGNIZER, f"you can reach me at {address} anytime", address)


# Dev-set 3 class (helper 9): local parts and domain labels spelled letter by letter, dashes in a label.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


test_finds_spelled, test_finds_nothing_spelled = table_tests(RECOGNIZER, [
    ("his email is uh r a s m u s dot k j e l d s e n at fjord line dash example dot d k",
     "r a s m u s dot k j e l d s e n at fjord line dash example dot d k"),
    ("it's r a s m u s at f j o r d l i n e dash example dot d k",
     "r a s m u s at f j o r d l i n e dash example dot d k"),
    ("it came from payroll-update at secure-example dot net and had a link", "payroll-update at secure-example dot net"),
    ("it's m dot o c a m p o at correo dot example dot mx", "m dot o c a m p o at correo dot example dot mx"),
], ["we met at the lake dash house dot party", "i was at a b and b dot", "look at a dash to the end"])

# Letters a name is spelled with ("a", "i" and "o" read as words beside other words).
_NAMES = st.text(alphabet="bcdefghjklmnprstuvwyz", min_size=3, max_size=9)
_DOMAINS = st.sampled_from(["fjord", "kowalczyk", "brightline", "ostrava", "maple", "nordkapp", "tidewater"])


@settings(max_examples=40, derandomize=True, deadline=None)
@given(_NAMES, _NAMES, _DOMAINS, st.sampled_from(["com", "dk", "org", "d k", "c o dot u k"]), st.booleans())
def test_an_address_spelled_letter_by_letter_is_found(first, last, domain, tld, spell_domain):
    label = " ".join(domain) if spell_domain else domain
    said = f"{' '.join(first)} dot {' '.join(last)} at {label} dash mail dot {tld}"
    check_covers(RECOGNIZER, f"his email is {said} thanks", said)
