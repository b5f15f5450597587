"""Measuring redacted media: native-rate decoding, per-stream packet digests, tone and silence checks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import numpy as np

from pipeline.types import RedactedSegment, RedactedTranscript, Token

TONE_HZ = 1000.0
TONE_LEVEL = 0.3


def decode_native(path: Path, audio_index: int = 0) -> tuple[np.ndarray, int]:
    """One audio stream at its own rate and sample format: (channels × samples, sample rate)."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[audio_index]
        frames = [frame.to_ndarray() for frame in container.decode(stream)]
        rate = stream.codec_context.sample_rate
    data = np.concatenate(frames, axis=1)
    if data.shape[0] == 1 and len(stream.codec_context.layout.channels) > 1:  # packed: interleaved in one row
        data = data.reshape(-1, len(stream.codec_context.layout.channels)).T
    return data, rate


def as_float(samples: np.ndarray) -> np.ndarray:
    """Integer PCM scaled to [-1, 1]; float data unchanged."""
    if samples.dtype.kind == "i":
        return samples.astype(np.float64) / float(np.iinfo(samples.dtype).max + 1)
    return samples.astype(np.float64)


def packet_digests(path: Path) -> list[tuple[str, str, int]]:
    """(stream type, sha256 of all its packet payloads, packet count) for each stream, in order."""
    with av.open(str(path)) as container:
        digests = {s.index: [s.type, hashlib.sha256(), 0] for s in container.streams}
        for packet in container.demux():
            if packet.size:
                entry = digests[packet.stream.index]
                entry[1].update(bytes(packet))
                entry[2] += 1
    return [(kind, digest.hexdigest(), count) for kind, digest, count in digests.values()]


def mask(spans, rate: int, length: int, margin_s: float = 0.0) -> np.ndarray:
    """Boolean per sample: inside any span grown (margin > 0) or shrunk (margin < 0) by `margin_s`."""
    times = np.arange(length) / rate
    starts = np.sort([start - margin_s for start, _ in spans])
    ends = np.sort([end + margin_s for _, end in spans])
    # inside [start, end) of some span: more spans have started than have ended
    return np.searchsorted(starts, times, side="right") > np.searchsorted(ends, times, side="right")


def dominant_hz(signal: np.ndarray, rate: int) -> float:
    """The strongest frequency of a mono signal."""
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal))))
    return float(np.argmax(spectrum) * rate / len(signal))


def tone_like(signal: np.ndarray, rate: int) -> bool:
    """Whether a stretch is the 1 kHz beep: peak at 1 kHz and about the beep's RMS."""
    rms = float(np.sqrt(np.mean(signal ** 2)))
    return abs(dominant_hz(signal, rate) - TONE_HZ) <= 2 * rate / len(signal) and 0.8 < rms / (TONE_LEVEL / 2 ** 0.5) < 1.2


def transcript(redactions: list[tuple[float, float]], duration: float, word_s: float = 0.3) -> RedactedTranscript:
    """A fake redacted transcript: one segment per redaction, a kept word either side of it."""
    segments = []
    for start, end in redactions:
        tokens = (Token("said", max(0.0, start - word_s), start), Token("[PERSON]", start, end, "PERSON", 0.9),
                  Token("today.", end, end + word_s))
        segments.append(RedactedSegment(tokens[0].start, tokens[-1].end, tokens))
    return RedactedTranscript(source="fake", duration=duration, language="en", model="fake", policy="hipaa",
                              style="tag", segments=tuple(segments))
