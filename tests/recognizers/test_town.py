"""Table for recognizers/town.py: towns found by their place in an address or by their make."""

from pipeline.redact.recognizers.town import TownRecognizer

from .conftest import table_tests

RECOGNIZER = TownRecognizer()

POSITIVE = [
    ("Send it to 1017 Johnson Street, Tinaborough, NM, nine four six eight zero", "Tinaborough"),
    ("ship it to two thirty nine thomas parklands camachoton new south wales two nine", "camachoton"),
    ("my address is sixty six jason strip new louis western australia two nine", "new louis"),
    ("We used to live at 151 Davis Passage, Ryanborough, Yukon Territory K8E 7Y9.", "Ryanborough"),
    ("I'm at Mohammed-Hesse-Gasse 155, nine nine zero zero nine Sonneberg.", "Sonneberg"),
    ("please send it to two thirty six avenue de sauvage seven double six six six sainte remy", "sainte remy"),
    ("yeah she's staying with her sister in west kaitlynhaven now", "west kaitlynhaven"),
    ("she's staying with her sister in uh lake ashley now", "lake ashley"),
    ("he was arrested in jacksonhaven", "jacksonhaven"),
    # a word no list knows, made like an English place name, after "in", "from" or "near"
    ("triage note ninety six year old female from ferncliff found on the floor", "ferncliff"),
    ("i'm looking at a two bed in ballsbridge the agent is caoimhe", "ballsbridge"),
]

NEGATIVE = [
    "we moved to North Carolina in May",
    "family at bedside overnight",
    "all ABG results in careview",
    "I was in great pain",
    "in the afternoon we went to lower the dose",
    "Next visit: 43 Wattle Crescent, QLD 4350.",
    "He's visiting from South Africa.",
    "family at bedside overnight, all ABG in careview",
    "his account is at ecobridge bank",
    "the trach is at bedside in case",
]


test_finds, test_finds_nothing = table_tests(RECOGNIZER, POSITIVE, NEGATIVE)


def test_a_state_right_after_an_address_is_no_town():
    """"… Apartment 5B, Tucson, Arizona 85719": the state after the town stays."""
    text = "The file has 2217 North Hollister Avenue, Apartment 5B, Tucson, Arizona 85719."
    assert "Arizona" not in [text[s:e] for s, e, _ in RECOGNIZER.find(text)]
