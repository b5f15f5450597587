"""parse_aside: spaCy in a forked child gives the same entities as in line, fails loudly and
without the text, and leaves no child behind."""

import multiprocessing
import os

import pytest

from pipeline.config import RedactOptions
from pipeline.redact import Redactor, engine
from pipeline.redact.parse_aside import can_parse_aside, parsed_aside

pytestmark = pytest.mark.skipif(not can_parse_aside(), reason="no fork on this platform")

TEXTS = [
    "Maria Lopez met Dr. Okafor in Boston on Tuesday.",
    "",
    "so will and priyanka are going to own it",
    "The deposition of John Smith resumed at Baker McKenzie in Chicago.",
]


def _entities(docs):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def test_same_docs_as_parsing_in_line():
    nlp = engine.nlp_engine().nlp["en"]
    aside = list(parsed_aside(nlp, TEXTS))
    assert [d.text for d in aside] == TEXTS
    assert _entities(aside) == _entities(nlp.pipe(TEXTS))
    assert not multiprocessing.active_children()


class _Failing:
    """A pipeline that fails on its second text, with the text in the error."""

    vocab = None

    def pipe(self, texts, batch_size=1):
        raise ValueError(f"cannot parse {texts[1]}")


class _Dying:
    vocab = None

    def pipe(self, texts, batch_size=1):
        os._exit(3)


def test_an_error_in_the_child_is_raised_by_type_without_the_text():
    with pytest.raises(RuntimeError) as raised:
        list(parsed_aside(_Failing(), ["one", "Maria Lopez, MRN 4471"]))
    assert "ValueError" in str(raised.value)
    assert "Maria" not in str(raised.value) and "4471" not in str(raised.value)
    assert not multiprocessing.active_children()


def test_a_child_that_dies_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="ended early"):
        list(parsed_aside(_Dying(), ["one", "two"]))
    assert not multiprocessing.active_children()


def test_stopping_early_ends_the_child():
    nlp = engine.nlp_engine().nlp["en"]
    docs = parsed_aside(nlp, TEXTS * 5)
    assert next(docs).text == TEXTS[0]
    docs.close()
    assert not multiprocessing.active_children()


def test_a_long_transcript_finds_the_same_spans_aside_and_in_a_thread(monkeypatch):
    line = ("Thanks, everyone. Maria Lopez will send the notes to maria.lopez@example.com and "
            "call Dr. Okafor at 617-555-0134 about the Boston office on March 3rd. ")
    text = line * 120  # several chunks
    redactor = Redactor(RedactOptions())
    monkeypatch.setattr(engine, "PARSE_ASIDE_CHUNKS", 10**6)
    in_thread = redactor.find(text)
    monkeypatch.setattr(engine, "PARSE_ASIDE_CHUNKS", 2)
    aside = redactor.find(text)
    assert len(engine.chunks(text)) >= 2
    assert aside == in_thread and {s.entity for s in aside} >= {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"}


def _in_daemon(answer):
    answer.put(can_parse_aside())


def test_not_inside_a_daemonic_process():
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    child = context.Process(target=_in_daemon, args=(answer,), daemon=True)
    child.start()
    assert answer.get(timeout=60) is False
    child.join()
