"""Input hardening: the transcript parsers of `hush redact` and `hush summarize` never crash.

Property-based (hypothesis): random bytes, huge lines, broken and extreme timestamps, wrong
encodings, NUL bytes, deeply nested and ill-typed JSON. Every input ends in a valid output or
a clean `InputError`/`UsageError`, never another exception. Runs are bounded (``max_examples``,
a per-example ``deadline``, derandomized) so CI time stays small. Most examples use a
redactor whose detection is a regular expression (the parsing, mapping and rendering are the
real ones); a few use the real Presidio/spaCy redactor.
"""

from __future__ import annotations

import contextlib
import json
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import RedactOptions
from pipeline.documents import redact_document
from pipeline.errors import HushError
from pipeline.redact import Redactor
from pipeline.timed_text import read_redacted
from pipeline.types import PiiSpan, RedactedTranscript

runner = CliRunner()
FAST = settings(max_examples=120, deadline=1000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
REAL = settings(max_examples=15, deadline=5000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("notes.txt", "captions.srt", "captions.vtt", "meeting.json", "<stdin>", "no-extension")
FORMATS = ("auto", "txt", "srt", "vtt", "json")


class RegexRedactor(Redactor):
    """The real Redactor with detection swapped for a regular expression: capitalised words and digit runs."""

    PATTERN = re.compile(r"\b[A-Z][a-z]+\b|\d{3,}")

    def __init__(self) -> None:  # no Presidio
        self.options, self.stock, self._allow, self._extra = RedactOptions(style="pseudonym"), False, set(), []

    def find_many(self, texts):
        return [[PiiSpan("PERSON" if m.group()[0].isalpha() else "ID", m.start(), m.end(), 0.9)
                 for m in self.PATTERN.finditer(text)] for text in texts]


FAKE = RegexRedactor()

timestamp = st.one_of(
    st.from_regex(r"\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}", fullmatch=True),
    st.from_regex(r"\d{2}:\d{2}\.\d{3}", fullmatch=True),
    st.from_regex(r"[0-9:.,]{0,14}", fullmatch=True),  # broken ones
    st.sampled_from(["99:99:99,999", "00:00:00,000", "1e999", "-1:00:00,000", "nan", "999999999:00:00.000"]),
)
fragment = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["WEBVTT", "NOTE", "STYLE", "REGION", "-->", "\r\n", "\n", "\n\n", "\x00", "\ufeff", "[00:00:01]",
                     "[1.5-2.5] SPEAKER_01:", "Maria Lopez", "555 123 4567", "<b>", "{\\an8}", "1", "\u202e", "\udcff"]),
    st.builds(lambda a, b: f"{a} --> {b}", timestamp, timestamp),
    st.builds(lambda t: f"[{t}] ", timestamp),
)
documents = st.lists(fragment, max_size=30).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig"])


def json_values(depth: int = 3):
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
    return st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                        max_leaves=20)


word = st.fixed_dictionaries({"text": st.one_of(st.text(max_size=12), st.integers(), st.none()),
                              "start": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5),
                                                 st.integers(min_value=-10**30, max_value=10**30)),
                              "end": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers())})
hush_json = st.fixed_dictionaries(
    {"segments": st.lists(st.fixed_dictionaries({"start": st.floats(allow_nan=True), "end": st.floats(allow_nan=True),
                                                 "words": st.lists(word, max_size=5)}), max_size=5)},
    optional={"source": json_values(), "duration": json_values(), "language": json_values(), "model": json_values()})


def outcome(call, *args):
    """The call's result, or None when it raised a clean hush error; anything else fails the test."""
    try:
        return call(*args)
    except HushError as exc:
        assert "\n" not in str(exc)
        return None


def note(label: str) -> None:
    """Count outcomes (``--hypothesis-show-statistics``) inside a property test; nothing outside one."""
    with contextlib.suppress(InvalidArgument):
        event(label)


def check_redact(data: bytes, name: str, fmt: str, redactor: Redactor) -> None:
    text = outcome(redact_document, data, name, fmt, redactor)
    note(f"redact: {'output' if text is not None else 'input error'}")
    if text is not None:
        assert isinstance(text, str)


def check_summarize(data: bytes, name: str, fmt: str, redactor: Redactor) -> None:
    result = outcome(read_redacted, data, name, fmt, redactor)
    note(f"summarize: {'output' if result is not None else 'input error'}")
    if result is not None:
        assert isinstance(result, RedactedTranscript)


@FAST
@given(data=st.binary(max_size=2000), name=st.sampled_from(NAMES), fmt=st.sampled_from(FORMATS))
def test_random_bytes(data, name, fmt):
    check_redact(data, name, fmt, FAKE)
    check_summarize(data, name, fmt, FAKE)


@FAST
@given(text=documents, name=st.sampled_from(NAMES), fmt=st.sampled_from(FORMATS), encoding=encodings)
def test_caption_like_text_in_any_encoding(text, name, fmt, encoding):
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    check_redact(data, name, fmt, FAKE)
    check_summarize(data, name, fmt, FAKE)


@FAST
@given(document=st.one_of(hush_json, json_values()), fmt=st.sampled_from(["auto", "json"]))
def test_ill_typed_json(document, fmt):
    data = json.dumps(document, allow_nan=True).encode()
    check_redact(data, "meeting.json", fmt, FAKE)
    check_summarize(data, "meeting.json", fmt, FAKE)


@pytest.mark.parametrize("data, name", [
    (b"[" * 100_000 + b"]" * 100_000, "deep.json"),
    (b'{"segments": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "deep.json"),
    (b'{"segments": [{"start": 0, "end": 1, "words": [{"text": "x", "start": 1' + b"0" * 5000 + b', "end": 2}]}]}',
     "huge-number.json"),
    (b"word " * 100_000, "huge-line.txt"),
    (b"1\n00:00:01,000 --> 00:00:02,000\n" + b"x" * 1_000_000 + b"\n", "huge-cue.srt"),
    (b"WEBVTT\n\n" + b"00:00.000 --> 00:01.000\nhi\n\n" * 5_000, "many-cues.vtt"),
    ("caf\u00e9 Maria".encode("utf-16"), "utf16.txt"),
    ("caf\u00e9 Maria".encode("latin-1"), "latin1.txt"),
    (b"Maria\x00Lopez", "nul.txt"),
    (b"\xff\xfe\x00", "bom-only.srt"),
    (b"an untimed line of a plain transcript\n" * 20_000, "untimed.txt"),  # was quadratic in timed_text
])
def test_extreme_inputs(data, name):
    for fmt in ("auto", "txt", "srt", "vtt", "json"):
        check_redact(data, name, fmt, FAKE)
        check_summarize(data, name, fmt, FAKE)


@pytest.fixture(scope="module")
def real_redactor() -> Redactor:
    redactor = Redactor(RedactOptions())
    redactor.find("warm up Maria Lopez")  # load spaCy before the deadline applies
    return redactor


@REAL
@given(text=documents, name=st.sampled_from(NAMES), fmt=st.sampled_from(FORMATS))
def test_real_redactor_on_odd_text(real_redactor, text, name, fmt):
    data = text.encode("utf-8", errors="surrogatepass")
    check_redact(data, name, fmt, real_redactor)
    check_summarize(data, name, fmt, real_redactor)


@pytest.mark.parametrize("command", ["redact", "summarize"])
@pytest.mark.parametrize("data, name, message", [
    (b"\x00\x01binary", "x.txt", "binary data (NUL bytes), not a text transcript"),
    ("caf\u00e9".encode("latin-1"), "x.txt", "not UTF-8 text (invalid byte at offset 3)"),
    (b"[" * 100_000, "x.json", None),
    (b"1\n00:00:01,000 --> broken\nhi\n", "x.srt", None),
])
def test_bad_input_is_exit_3_with_one_line(tmp_path, command, data, name, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code != 0
    exc = result.exception
    assert isinstance(exc, HushError) and exc.exit_code == 3, repr(exc)
    assert "\n" not in str(exc) and str(exc).startswith(str(path))
    if message:
        assert str(exc) == f"{path}: {message}"
