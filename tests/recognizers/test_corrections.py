"""corrections.py: the value said beside a code, with a correction between, is the same kind of code."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.redact.corrections import OTHERS_OWN, corrected
from pipeline.types import PiiSpan


def _typed(text: str, first: str, entity: str) -> list[str]:
    start = text.index(first)
    spans = corrected(text, [PiiSpan(entity, start, start + len(first), 0.85)])
    return [text[s.start:s.end] for s in spans if s.entity == entity]


# Dev-set 3 classes (helper 9): "that's my husband's", "it changed last week", "but then said no".
@pytest.mark.parametrize("text, first, second, entity", [
    ("yeah it's four four oh nine no wait that's my husband's it's two seven one six",
     "four four oh nine", "two seven one six", "US_SSN"),
    ("oh it's two two five nine no it changed last week it's nine nine one four",
     "two two five nine", "nine nine one four", "PIN"),
    ("his number is nine one seven five five five oh four four oh but then said no it's four four one",
     "nine one seven five five five oh four four oh", "four four one", "PHONE_NUMBER"),
])
def test_the_corrected_value_takes_the_type(text, first, second, entity):
    assert second in _typed(text, first, entity)


@pytest.mark.parametrize("text, first", [
    ("it's four four oh nine and my husband's is at work with two seven one six", "four four oh nine"),
    ("the PIN is two two five nine then we had lunch for forty two minutes", "two two five nine"),
])
def test_no_correction_no_second_value(text, first):
    assert _typed(text, first, "PIN") == [first]


@settings(max_examples=30, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(OTHERS_OWN)), st.sampled_from(["no wait", "sorry", "no no"]))
def test_a_value_that_was_someone_elses_is_corrected(whose, marker):
    text = f"it's four four oh nine {marker} that's my {whose} it's two seven one six"
    assert "two seven one six" in _typed(text, "four four oh nine", "US_SSN")


@pytest.mark.parametrize("text, first, second, entity", [
    ("registration was um k r seven one five five i think the witness said k r seven one five eight actually",
     "k r seven one five five", "k r seven one five eight", "VEHICLE_ID"),
    ("MRN 4471902, or was it 4471962 on the wristband", "4471902", "4471962", "MEDICAL_RECORD_NUMBER"),
])
def test_a_code_said_again_with_a_symbol_changed_takes_the_type(text, first, second, entity):
    assert second in _typed(text, first, entity)


def test_a_different_code_is_not_retold():
    text = "the plate is k r seven one five five and the phone nine one seven three three"
    assert _typed(text, "k r seven one five five", "VEHICLE_ID") == ["k r seven one five five"]
