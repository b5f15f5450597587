"""Caption writers: golden files, and the cue rules on arbitrary token streams."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.captions import MAX_CUE_SECONDS, MAX_LINE, MAX_LINES, SrtWriter, VttWriter, cues
from pipeline.documents import redact_document  # noqa: F401  (parsers validated in test_documents)
from pipeline.types import RedactedSegment, RedactedTranscript, Token

GOLDEN = Path(__file__).parent / "golden"


def transcript(segments: list[list[Token]]) -> RedactedTranscript:
    return RedactedTranscript(
        source="meeting.wav", duration=60.0, language="en", model="fake", policy="hipaa", style="tag",
        segments=tuple(RedactedSegment(s[0].start, s[-1].end, tuple(s)) for s in segments),
    )


def toks(text: str, start: float, step: float = 0.3) -> list[Token]:
    out = []
    for i, w in enumerate(text.split()):
        entity = w[1:-1] if w.startswith("[") and w.endswith("]") else None
        out.append(Token(w, start + i * step, start + i * step + step * 0.9, entity=entity))
    return out


SAMPLE = transcript([
    toks("Good morning. My name is [PERSON] and I am calling about my appointment on [DATE_TIME].", 0.5),
    toks("Sure, can you confirm your phone number? It should be [PHONE_NUMBER] on file.", 8.0),
    toks("Yes. And my e-mail is [EMAIL_ADDRESS] --> please use that <for> everything & anything.", 14.0, step=0.5),
    toks("Thanks.", 40.0),
])


@pytest.mark.parametrize("writer", [SrtWriter(), VttWriter()], ids=["srt", "vtt"])
def test_matches_golden_file(writer):
    expected = (GOLDEN / f"sample.{writer.extension}").read_text()
    assert writer.render(SAMPLE) == expected


token_text = st.text(alphabet=st.characters(codec="utf-8", blacklist_categories=("Cs",)), min_size=1, max_size=60)


@st.composite
def token_streams(draw):
    segments, t = [], 0.0
    for _ in range(draw(st.integers(1, 5))):
        seg = []
        for text in draw(st.lists(token_text, min_size=1, max_size=30)):
            t += draw(st.floats(0.0, 3.0))
            length = draw(st.floats(0.0, 2.0))
            seg.append(Token(text, t, t + length))
            t += length
        segments.append(seg)
    return transcript(segments)


@settings(max_examples=150, deadline=None)
@given(token_streams())
def test_cue_rules_hold_for_any_tokens(tr):
    result = cues(tr)
    previous_end = 0.0
    for cue in result:
        assert 1 <= len(cue.lines) <= MAX_LINES
        assert all(0 < len(line) <= MAX_LINE for line in cue.lines)
        assert all("-->" not in line and line.strip() == line and "\n" not in line for line in cue.lines)
        assert cue.start >= previous_end - 1e-9 and cue.end > cue.start
        previous_end = cue.end
    for writer in (SrtWriter(), VttWriter()):
        text = writer.render(tr)
        blocks = [b for b in text.strip("\n").split("\n\n") if b and b != "WEBVTT"]
        assert len(blocks) == len(result)
        assert all(sum("-->" in line for line in b.splitlines()) == 1 for b in blocks)


def test_long_segments_are_cut_to_seven_seconds():
    long = transcript([toks(" ".join(["word"] * 60), 0.0, step=0.5)])
    assert all(c.end - c.start <= MAX_CUE_SECONDS + 0.5 for c in cues(long))
    assert len(cues(long)) >= 30 * 0.5 / MAX_CUE_SECONDS


def test_pause_starts_a_new_cue():
    tr = transcript([toks("one two", 0.0) + toks("three four", 5.0)])
    assert [c.lines for c in cues(tr)] == [("one two",), ("three four",)]


def test_a_token_longer_than_a_cue_is_shared_over_cues_of_two_lines_at_most():
    # found by the property above: one token "0 000…0" (a space inside, a word over a line long)
    tr = transcript([[Token("0 " + "0" * 43, 0.0, 0.0)], [Token("x" * 200, 1.0, 3.0)]])
    result = cues(tr)
    assert all(1 <= len(c.lines) <= MAX_LINES and all(len(line) <= MAX_LINE for line in c.lines) for c in result)
    assert "".join("".join(c.lines) for c in result).replace(" ", "") == "0" * 44 + "x" * 200


@pytest.mark.parametrize("writer", [SrtWriter(), VttWriter()], ids=["srt", "vtt"])
def test_captions_of_no_speech_are_a_file_ffmpeg_reads(tmp_path, writer):
    import subprocess

    from pipeline.media import ffmpeg_binary

    silent = RedactedTranscript(source="quiet.wav", duration=5.0, language="en", model="fake", policy="hipaa",
                                style="tag", segments=())
    path = tmp_path / f"quiet.{writer.extension}"
    path.write_text(writer.render(silent))
    copied = tmp_path / f"copy.{writer.extension}"
    done = subprocess.run([ffmpeg_binary(), "-v", "error", "-y", "-i", str(path), "-map", "0", str(copied)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "-->" in path.read_text() or writer.extension == "vtt"
