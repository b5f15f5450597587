"""Speaker labels without models: clustering, turns to words, and every output format carrying them."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from pipeline import outputs
from pipeline.captions import SrtWriter, VttWriter, cues
from pipeline.config import DiarizeOptions, speaker_count
from pipeline.errors import UsageError
from pipeline.diarize import Turn, merge_turns
from pipeline.speakers import label_speakers, talk_time
from pipeline.summarize import ExtractiveSummarizer
from pipeline.timed_text import caption_lines, txt_lines
from pipeline.types import RedactedSegment, RedactedTranscript, Token

cluster_mod = pytest.importorskip("pipeline.diarize.cluster", reason="needs scipy (hush[diarize])")


def transcript(*segments: list[tuple[str, float, float]]) -> RedactedTranscript:
    segs = tuple(RedactedSegment(ws[0][1], ws[-1][2], tuple(Token(t, s, e) for t, s, e in ws)) for ws in segments)
    return RedactedTranscript(source="m.wav", duration=segs[-1].end + 1, language="en", model="fake",
                              policy="hipaa", style="tag", segments=segs)


def two_voices(n_a: int, n_b: int, seed: int = 0) -> np.ndarray:
    """Noisy embeddings around two orthogonal voices."""
    rng = np.random.default_rng(seed)
    a, b = np.eye(16)[0], np.eye(16)[1]
    return np.vstack([a + 0.1 * rng.standard_normal((n_a, 16)), b + 0.1 * rng.standard_normal((n_b, 16))])


# ---- clustering -------------------------------------------------------------------------

def test_two_voices_make_two_clusters_in_order_of_appearance():
    labels = cluster_mod.cluster(two_voices(10, 6)[::-1], np.ones(16))
    assert labels.tolist() == [0] * 6 + [1] * 10


def test_fixed_speaker_count_is_obeyed():
    embeddings = two_voices(10, 10)
    assert len(set(cluster_mod.cluster(embeddings, np.ones(20), (3, 3)).tolist())) == 3
    assert set(cluster_mod.cluster(embeddings, np.ones(20), (1, 1)).tolist()) == {0}


def test_speaker_bounds_cut_the_estimate_only_when_it_falls_outside():
    embeddings = two_voices(10, 10)
    assert len(set(cluster_mod.cluster(embeddings, np.ones(20), (1, 4)).tolist())) == 2
    assert len(set(cluster_mod.cluster(embeddings, np.ones(20), (3, 5)).tolist())) == 3
    three = np.vstack([embeddings, np.eye(16)[2] + 0.1 * np.random.default_rng(2).standard_normal((10, 16))])
    assert len(set(cluster_mod.cluster(three, np.ones(30)).tolist())) == 3
    assert len(set(cluster_mod.cluster(three, np.ones(30), (1, 2)).tolist())) == 2


@pytest.mark.parametrize("text, expected", [(None, None), ("auto", None), ("AUTO", None), ("3", (3, 3)),
                                            ("2-4", (2, 4)), (" 1-1 ", (1, 1))])
def test_speakers_option_parses(text, expected):
    assert speaker_count(text) == expected


@pytest.mark.parametrize("text", ["two", "2-", "-3", "2-x", "4-2", "0", "21", "1-21"])
def test_bad_speakers_option_is_a_usage_error(text):
    with pytest.raises(UsageError, match="--speakers must be auto, N or MIN-MAX"):
        DiarizeOptions(enabled=True, speakers=speaker_count(text))


def test_a_cluster_with_too_little_speech_joins_its_nearest_neighbour():
    rng = np.random.default_rng(1)
    stray = np.eye(16)[2] + 0.01 * rng.standard_normal((1, 16))
    embeddings = np.vstack([two_voices(10, 10), stray])
    labels = cluster_mod.cluster(embeddings, np.ones(21), min_share=0.1)
    assert len(set(labels.tolist())) == 2
    assert len(set(cluster_mod.cluster(embeddings, np.ones(21), min_share=0.0).tolist())) == 3


def test_long_recordings_are_pooled_and_still_labelled_per_window():
    embeddings = np.vstack([two_voices(300, 300, seed=s) for s in range(3)])
    labels = cluster_mod.cluster(embeddings, np.ones(len(embeddings)), max_points=100)
    assert len(labels) == 1800
    assert labels[:300].tolist() == [0] * 300 and labels[300:600].tolist() == [1] * 300


def test_empty_and_single_window():
    assert cluster_mod.cluster(np.zeros((0, 8)), np.zeros(0)).tolist() == []
    assert cluster_mod.cluster(np.ones((1, 8)), np.ones(1)).tolist() == [0]


def test_smoothing_fixes_a_lone_window_but_not_across_regions():
    labels = np.array([0, 0, 1, 0, 0, 1, 0])
    breaks = np.array([True, False, False, False, False, True, False])
    assert cluster_mod.smooth(labels, breaks).tolist() == [0, 0, 0, 0, 0, 1, 0]


def test_merge_turns_joins_close_pieces_of_one_speaker():
    turns = merge_turns([(0, 1), (1, 2), (2.2, 3), (3, 4), (6, 7)], [0, 0, 0, 1, 1])
    assert turns == [Turn(0, 3, 0), Turn(3, 4, 1), Turn(6, 7, 1)]


# ---- turns to words ---------------------------------------------------------------------

def test_a_segment_is_split_where_the_speaker_changes():
    tr = transcript([("hello", 0.0, 0.5), ("there.", 0.6, 1.0), ("hi", 1.6, 1.9), ("back", 2.0, 2.4)])
    labelled = label_speakers(tr, [Turn(0.0, 1.2, 3), Turn(1.5, 2.5, 0)])
    assert [(s.speaker, s.text) for s in labelled.segments] == [("SPEAKER_1", "hello there."), ("SPEAKER_2", "hi back")]
    assert labelled.segments[0].start == 0.0 and labelled.segments[-1].end == 2.4


def test_a_word_goes_to_the_turn_it_overlaps_most_or_the_nearest():
    tr = transcript([("one", 0.0, 1.0)], [("two", 5.0, 6.0)], [("three", 9.0, 10.0)])
    labelled = label_speakers(tr, [Turn(0.0, 0.3, 0), Turn(0.3, 4.0, 1), Turn(9.5, 12.0, 0)])
    assert [s.speaker for s in labelled.segments] == ["SPEAKER_1", "SPEAKER_1", "SPEAKER_2"]


def test_no_turns_leaves_segments_unlabelled():
    tr = transcript([("hello", 0.0, 0.5)])
    assert label_speakers(tr, []).segments[0].speaker is None
    assert talk_time(tr) == ()


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 50), st.floats(0.05, 3), st.integers(0, 3)), min_size=1, max_size=20))
def test_labelling_keeps_every_token_in_order(raw_turns):
    tr = transcript([(f"w{i}", i * 0.5, i * 0.5 + 0.4) for i in range(60)])
    labelled = label_speakers(tr, [Turn(s, s + d, k) for s, d, k in raw_turns])
    assert [t for s in labelled.segments for t in s.tokens] == list(tr.segments[0].tokens)
    labels = [s.speaker for s in labelled.segments]
    assert all(a != b for a, b in zip(labels, labels[1:]))
    assert [f"SPEAKER_{i}" for i in range(1, len(set(labels)) + 1)] == list(dict.fromkeys(labels))


# ---- outputs ----------------------------------------------------------------------------

@pytest.fixture
def labelled() -> RedactedTranscript:
    tr = transcript([("Good", 0.0, 0.4), ("morning.", 0.5, 1.0)], [("I", 1.5, 1.7), ("will", 1.8, 2.0),
                                                                  ("send", 2.1, 2.4), ("it.", 2.5, 2.8)],
                    [("Thanks.", 3.5, 4.0)])
    return label_speakers(tr, [Turn(0, 1.2, 0), Turn(1.4, 3.0, 1), Turn(3.4, 4.1, 0)])


def test_txt_and_json_carry_labels_and_talk_time(labelled):
    assert outputs.render_txt(labelled).splitlines() == [
        "[00:00:00] SPEAKER_1: Good morning.", "[00:00:01] SPEAKER_2: I will send it.", "[00:00:03] SPEAKER_1: Thanks."]
    document = json.loads(outputs.render_json(labelled))
    assert [s["speaker"] for s in document["segments"]] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_1"]
    assert document["speakers"] == [{"speaker": "SPEAKER_1", "seconds": 1.5, "share": 0.5357},
                                    {"speaker": "SPEAKER_2", "seconds": 1.3, "share": 0.4643}]
    assert json.loads(outputs.render_report(labelled, "0" * 64, {}))["speakers"] == 2


def test_vtt_has_voice_tags_and_srt_labels_changes(labelled):
    vtt = VttWriter().render(labelled)
    assert "<v SPEAKER_1>Good morning." in vtt and "<v SPEAKER_2>I will send it." in vtt
    srt = SrtWriter().render(labelled)
    assert "SPEAKER_1: Good morning." in srt and "SPEAKER_2: I will send it." in srt
    assert [c.speaker for c in cues(labelled)] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_1"]


def test_captions_read_back_with_their_speakers(labelled):
    for writer in (SrtWriter(), VttWriter()):
        lines = caption_lines(writer.render(labelled), "m")
        assert [line.speaker for line in lines] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_1"]
        assert [line.text for line in lines] == ["Good morning.", "I will send it.", "Thanks."]
    assert [line.speaker for line in txt_lines(outputs.render_txt(labelled))] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_1"]


def test_a_voice_tag_holding_a_name_is_not_kept_as_a_speaker():
    lines = caption_lines("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Maria Lopez>hello\n\n"
                          "00:00:01.000 --> 00:00:02.000\n<v maria lopez>again\n", "m.vtt")
    assert [line.speaker for line in lines] == ["VOICE_1", "VOICE_1"]  # a stand-in, never the name
    assert "Maria" not in lines[0].text


def test_summary_reports_talk_time(labelled):
    summary = ExtractiveSummarizer().summarize(labelled)
    assert [(t.speaker, t.seconds) for t in summary.talk_time] == [("SPEAKER_1", 1.5), ("SPEAKER_2", 1.3)]
    text = outputs.render_summary(summary)
    assert "## Talk time" in text and "- SPEAKER_1: 00:00:01 (54%)" in text
    assert summary.participants == 2
    assert outputs.summary_dict(summary)["talk_time"][1]["speaker"] == "SPEAKER_2"


def test_unlabelled_outputs_are_unchanged():
    tr = transcript([("Good", 0.0, 0.4), ("morning.", 0.5, 1.0)])
    assert outputs.render_txt(tr) == "[00:00:00] Good morning.\n"
    assert "speakers" not in json.loads(outputs.render_json(tr))
    assert "<v " not in VttWriter().render(tr) and "SPEAKER" not in SrtWriter().render(tr)


def test_a_two_line_cue_is_one_timed_line_so_talk_time_is_not_counted_twice():
    srt = "1\n00:00:01,000 --> 00:00:04,000\nSPEAKER_1: first line\nsecond line\n\n2\n00:00:05,000 --> 00:00:06,000\nnext\n"
    lines = caption_lines(srt, "m.srt")
    assert [(line.start, line.end, line.text, line.speaker) for line in lines] == [
        (1.0, 4.0, "first line second line", "SPEAKER_1"), (5.0, 6.0, "next", "SPEAKER_1")]


def test_windows_cover_each_region_and_embed_only_their_own_region():
    from pipeline.diarize.voice_encoder import FRAMES, MIN_FRAMES, frame_spans, windows

    regions = [(0.0, 5.0), (5.5, 5.8), (8.0, 9.0)]
    pieces = windows(regions)
    assert [round(p[1], 3) for p in pieces[:2]] == [0.0, 0.417] and len(pieces) == 12 + 1 + 2
    spans = frame_spans(pieces, regions, total=1000)
    for (centre, start, end), (first, last) in zip(pieces, spans):
        region = next(r for r in regions if r[0] <= start < r[1])
        width = last - first
        assert width == min(FRAMES, max(MIN_FRAMES, round((region[1] - region[0]) * 100)))
        if region[1] - region[0] >= MIN_FRAMES / 100:
            assert region[0] * 100 <= first and last <= region[1] * 100 + 1
        assert first <= centre * 100 <= last
    assert frame_spans(windows([(0.0, 0.2)]), [(0.0, 0.2)], total=21) == [(0, 21)]
