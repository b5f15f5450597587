"""redact/names.py: which words are names, everyday words, or unknown to every list."""

from __future__ import annotations

import pytest

from pipeline.redact import names


@pytest.mark.parametrize("word", ["oluwaseun", "Hnatyuk", "dmitri", "Olumide's", "Jovanovic", "Kunal"])
def test_a_name_no_list_holds_is_unfamiliar(word):
    assert names.is_unfamiliar(word)


@pytest.mark.parametrize("word", ["sedated", "weaning", "tachycardic", "extubation", "noxious", "precautions",
                                  "metoprolol", "the", "grace", "smith", "foley", "pt"])
def test_derivations_drugs_shorthand_and_listed_names_are_not_unfamiliar(word):
    assert not names.is_unfamiliar(word)
