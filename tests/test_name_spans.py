"""redact/name_spans.py: a detected name grows over the particles and parts around it."""

from __future__ import annotations

import pytest

from pipeline.redact.name_spans import grow
from pipeline.types import PiiSpan


def _grown(text: str, part: str) -> str:
    start = text.index(part)
    span = grow(text, PiiSpan("PERSON", start, start + len(part), 0.8))
    return text[span.start:span.end]


@pytest.mark.parametrize("text, part, whole", [
    ("my name is khalid bin rashid al farsi but", "khalid bin rashid", "khalid bin rashid al farsi"),
    ("the landlord is mister van der merwe and", "van der", "van der merwe"),
    ("dear doctor van den heuvel comma", "van den", "van den heuvel"),
    ("the deponent is mister tran van long and", "tran", "tran van long"),
    ("So that's Kim Min-jun? Family name Kim", "Kim Min", "Kim Min-jun"),
    ("mister ó súilleabháin was confused", "súilleabháin", "ó súilleabháin"),
    ("My mom Rosa Elena Martínez Ruiz takes losartan", "Elena Martínez Ruiz", "Rosa Elena Martínez Ruiz"),
    ("her name is adebayo-martins", "adebayo", "adebayo-martins"),
    ("this is derrick o coighin from the billing office", "derrick", "derrick o coighin"),
    ("yes last name o haogain please", "haogain", "o haogain"),
    ("my mom rosa elena martínez ruiz takes losartan", "elena martínez ruiz", "rosa elena martínez ruiz"),
    ("my name's ji-woo park uh p a r k", "park", "ji-woo park"),
    ("it's mei-ling zhao z h a o", "zhao", "mei-ling zhao"),
])
def test_a_name_grows_over_its_parts(text, part, whole):
    assert _grown(text, part) == whole


@pytest.mark.parametrize("text, part", [
    ("Dr. Patel de-escalated the situation", "Patel"),
    ("I met John Smith and the van was late", "John Smith"),
    ("the patient said Smith, then left", "Smith"),
    ("Doctor Smith saw her", "Smith"),
    ("call okafor at five o two", "okafor"),
    ("I hope Okafor comes", "Okafor"),
    ("the well-known smith was here", "smith"),
])
def test_a_name_does_not_grow_over_words(text, part):
    assert _grown(text, part) == part
