"""in_background: the same items in the same order, errors raised where they happened, no worker left."""

import threading
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.redact.background import in_background


@given(st.lists(st.integers()), st.integers(1, 4))
def test_same_items_in_order(items, ahead):
    assert list(in_background(iter(items), ahead)) == items


def test_error_in_worker_is_raised_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("third")

    got = []
    with pytest.raises(ValueError, match="third"):
        for item in in_background(items()):
            got.append(item)
    assert got == [1, 2]


def test_closing_early_stops_the_worker():
    made = []

    def items():
        for n in range(1000):
            made.append(n)
            yield n

    before = threading.active_count()
    taken = in_background(items(), ahead=2)
    assert next(taken) == 0
    taken.close()
    assert threading.active_count() == before
    time.sleep(0.1)
    assert len(made) <= 4  # the one taken, `ahead` queued, one being made when told to stop


def test_error_in_consumer_stops_the_worker():
    before = threading.active_count()
    with pytest.raises(RuntimeError):
        for _ in in_background(iter(range(1000))):
            raise RuntimeError("consumer")
    assert threading.active_count() == before


def test_redaction_is_the_same_with_and_without_the_worker(monkeypatch):
    from pipeline.config import RedactOptions
    from pipeline.redact import Redactor, engine

    redactor = Redactor(RedactOptions())
    lines = ["My name is Maria Lopez and my number is six one seven five five five zero one three four.",
             "Call Dr. Lee at 617-555-0134 about the March 3, 2024 visit.", "nothing here, we moved to Quincy"]
    long = "\n".join(lines * (3 * engine.CHUNK_CHARS // 150))
    assert len(engine.chunks(long)) > 2
    texts = [long, *lines]
    with_worker = redactor.find_many(texts)
    monkeypatch.setattr(engine, "in_background", lambda items: items)
    assert redactor.find_many(texts) == with_worker
    assert with_worker[0]
