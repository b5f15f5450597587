"""The Resemblyzer backend: a 3-layer LSTM speaker encoder (GE2E, 17 MB inside its wheel).

Speech regions come from the Silero VAD bundled with faster-whisper; each region is cut
into windows `HOP` seconds apart, and each window is embedded from up to 1.6 s of audio
around its centre (the encoder's partial-utterance length) taken from its own region, so
the other side of a pause, often another speaker, does not leak in. Window labels from
`cluster.cluster` then become turns.
"""

from __future__ import annotations

import os

import numpy as np

from ..transcribe import speech_regions
from . import Diarizer, Speakers, Turn, merge_turns, speaker_bounds
from .cluster import cluster, first_seen, smooth

SAMPLE_RATE = 16000
HOP = 0.4                 # seconds between window centres
FRAMES = 160              # mel frames (10 ms each) the encoder sees per window: 1.6 s
MIN_FRAMES = 50           # a shorter speech region is embedded with this much audio around it
THRESHOLD = 0.3           # cosine distance at which clusters stop merging (--speakers auto)
MIN_SHARE = 0.1           # a cluster with less speech than this share is not a speaker
BATCH = 256


def frame_spans(pieces: list[tuple[float, float, float]], regions: list[tuple[float, float]],
                total: int) -> list[tuple[int, int]]:
    """Mel frames each window embeds: up to 1.6 s around its centre, kept inside its own speech
    region (so the voice across a pause does not leak in), but at least `MIN_FRAMES` long."""
    spans = []
    bounds = iter(regions)
    region = next(bounds, (0.0, 0.0))
    for centre, start, end in pieces:
        while start >= region[1] and (following := next(bounds, None)) is not None:
            region = following
        low, high = int(region[0] * 100), max(int(region[0] * 100) + 1, int(region[1] * 100))
        width = min(FRAMES, max(MIN_FRAMES, high - low))
        if high - low < width:
            low, high = int(centre * 100) - width // 2, int(centre * 100) - width // 2 + width
        first = min(max(low, int(centre * 100) - width // 2), high - width)
        first = min(max(0, first), max(0, total - width))
        spans.append((first, min(total, first + width)))
    return spans


def windows(regions: list[tuple[float, float]], hop: float = HOP) -> list[tuple[float, float, float]]:
    """(centre, start, end) of evenly spaced windows covering each region; at least one per region."""
    found = []
    for start, end in regions:
        count = max(1, round((end - start) / hop))
        step = (end - start) / count
        found += [(start + step * (i + 0.5), start + step * i, start + step * (i + 1)) for i in range(count)]
    return found


class ResemblyzerDiarizer(Diarizer):
    """Resemblyzer window embeddings, clustered (see the module docstring)."""

    name = "resemblyzer"

    def __init__(self, device: str = "auto", threads: int = 0) -> None:
        import torch
        from resemblyzer import VoiceEncoder

        # Always set: left at torch's default, the LSTM ran 40x slower beside onnxruntime's VAD
        # threads on a 2-core machine (measured), while an explicit count runs at full speed.
        torch.set_num_threads(threads or os.cpu_count() or 1)
        use_cuda = device in ("auto", "cuda") and torch.cuda.is_available()
        self.device = "cuda" if use_cuda else "cpu"
        self._encoder = VoiceEncoder(self.device, verbose=False)

    def embed(self, audio: np.ndarray, spans: list[tuple[int, int]]) -> np.ndarray:
        """One 256-d embedding per (first, last) mel-frame span, spans of any length batched together."""
        import torch
        from resemblyzer.audio import normalize_volume, wav_to_mel_spectrogram
        from torch.nn.utils.rnn import pack_padded_sequence

        mel = torch.from_numpy(wav_to_mel_spectrogram(normalize_volume(audio, -30, increase_only=True)))
        encoder = self._encoder
        out = []
        with torch.no_grad():
            for i in range(0, len(spans), BATCH):
                chunk = [mel[a:b] for a, b in spans[i:i + BATCH]]
                lengths = torch.tensor([len(c) for c in chunk])
                padded = torch.nn.utils.rnn.pad_sequence(chunk, batch_first=True).to(self.device)
                packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
                _, (hidden, _) = encoder.lstm(packed)
                raw = encoder.relu(encoder.linear(hidden[-1]))
                out.append((raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-12)).cpu().numpy())
        return np.concatenate(out) if out else np.zeros((0, 256), dtype=np.float32)

    def turns(self, audio: np.ndarray, speakers: Speakers = None) -> list[Turn]:
        regions = speech_regions(audio, SAMPLE_RATE)
        pieces = windows(regions)
        if not pieces:
            return []
        total = len(audio) // 160 + 1  # mel frames (librosa centres its frames)
        embeddings = self.embed(audio, frame_spans(pieces, regions, total))
        weights = np.array([end - start for _, start, end in pieces])
        labels = cluster(embeddings, weights, speaker_bounds(speakers), THRESHOLD, MIN_SHARE)
        region_starts = {start for start, _ in regions}
        breaks = np.array([start in region_starts for _, start, _ in pieces])
        labels = first_seen(smooth(labels, breaks))
        return merge_turns([(start, end) for _, start, end in pieces], labels)
