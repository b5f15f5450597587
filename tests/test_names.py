"""redact/names.py: which words are names, everyday words, or unknown to every list."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact import names


@pytest.mark.parametrize("word", ["oluwaseun", "Hnatyuk", "dmitri", "Olumide's", "Vujanovic", "Kunal"])
def test_a_name_no_list_holds_is_unfamiliar(word):
    assert names.is_unfamiliar(word)


@pytest.mark.parametrize("word", ["sedated", "weaning", "tachycardic", "extubation", "noxious", "precautions",
                                  "metoprolol", "the", "grace", "smith", "foley", "pt"])
def test_derivations_drugs_shorthand_and_listed_names_are_not_unfamiliar(word):
    assert not names.is_unfamiliar(word)


@pytest.mark.parametrize("word", ["oksana", "eirik", "haugland", "aroha", "petrović", "Bjørn", "dmytro"])
def test_names_of_the_wider_and_transliterated_locales_are_listed(word):
    assert names.is_name(word)


@pytest.mark.parametrize("word", ["siren", "medic", "repo", "jug", "sine", "valves", "macho"])
def test_everyday_words_in_the_wider_locales_lists_are_not_names(word):
    assert not names.is_name(word)


def test_letters_without_a_separable_accent_are_made_plain():
    assert names.plain("Bjørn Łukasz Đorđe Þór") == "bjorn lukasz dorde thor"


@settings(max_examples=60, deadline=None)
@given(locale=st.sampled_from(["no_NO", "fi_FI", "da_DK", "sw", "hr_HR", "en_NZ"]), seed=st.integers(0, 10**6))
def test_a_faker_name_of_a_wider_locale_is_listed_or_rare_as_a_word(locale, seed):
    from faker import Faker
    from wordfreq import zipf_frequency

    fake = Faker(locale)
    fake.seed_instance(seed)
    for part in fake.first_name().replace("-", " ").split():
        key = names.plain(part)
        if key.isascii() and len(key) >= 4 and zipf_frequency(key, "en") < names.RARE_AS_A_WORD:
            assert names.is_name(key), part
