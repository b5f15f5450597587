"""Speech to timed words. The only module that imports faster_whisper.

`Transcriber.transcribe` returns the segments lazily and the metadata up front (STYLE #1),
so a progress bar can start before the first segment is decoded.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from .config import AsrOptions
from .errors import UsageError
from .models import ResolvedModel
from .types import Segment, Word


@dataclass(frozen=True)
class TranscriptionInfo:
    """Known before the first segment: audio length, language and which model runs."""

    duration: float
    language: str
    model: str
    device: str


class Transcriber(ABC):
    """A speech recognizer: audio in, timed segments out."""

    device: str = "cpu"
    detects_language: bool = False  # whether `detect_language` can tell languages apart

    @abstractmethod
    def transcribe(self, audio: np.ndarray) -> tuple[Iterator[Segment], TranscriptionInfo]:
        """Transcribe 16 kHz mono float32 audio."""

    def detect_language(self, audio: np.ndarray) -> tuple[str, float] | None:
        """The language spoken in (the first 30 s of) `audio` and its probability; None when this
        recognizer can't tell (an English-only model)."""
        return None


def pick_device(requested: str) -> tuple[str, str]:
    """(device, compute_type): CUDA with float16 when usable, else CPU with int8."""
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    if requested == "cuda" and gpus == 0:
        raise UsageError("--device cuda: no usable CUDA GPU found (use --device cpu or auto)")
    if requested in ("auto", "cuda") and gpus > 0:
        return "cuda", "float16"
    return "cpu", "int8"


class WhisperTranscriber(Transcriber):
    """faster-whisper on a local CTranslate2 folder; VAD and word timestamps on."""

    def __init__(self, model: ResolvedModel, options: AsrOptions) -> None:
        from faster_whisper import WhisperModel

        self.options = options
        self.model_name = model.name
        self.device, compute_type = pick_device(options.device)
        self._model = WhisperModel(
            str(model.path),
            device=self.device,
            compute_type=compute_type,
            cpu_threads=options.cpu_threads,
            local_files_only=True,
        )
        self.detects_language = self._model.model.is_multilingual

    def transcribe(self, audio: np.ndarray) -> tuple[Iterator[Segment], TranscriptionInfo]:
        language = self.options.language
        if not self._model.model.is_multilingual and language not in (None, "en"):
            raise UsageError(f"model '{self.model_name}' is English-only; --language {language} needs a multilingual model")
        raw_segments, info = self._model.transcribe(
            audio,
            language=language if self._model.model.is_multilingual else "en",
            beam_size=self.options.beam_size,
            vad_filter=self.options.vad,
            word_timestamps=True,
            condition_on_previous_text=False,
        )
        meta = TranscriptionInfo(
            duration=info.duration, language=info.language, model=self.model_name, device=self.device
        )
        return drop_empty(_convert(raw_segments)), meta

    def detect_language(self, audio: np.ndarray) -> tuple[str, float] | None:
        if not self.detects_language:
            return None
        language, probability, _ = self._model.detect_language(audio)
        return language, float(probability)


def speech_regions(audio: np.ndarray, sample_rate: int = 16000, min_silence_ms: int = 300,
                   pad_ms: int = 100) -> list[tuple[float, float]]:
    """Where someone speaks, as (start, end) seconds, by the Silero VAD bundled in faster-whisper."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=min_silence_ms, speech_pad_ms=pad_ms),
                                  sampling_rate=sample_rate)
    return [(r["start"] / sample_rate, r["end"] / sample_rate) for r in found]


def _convert(raw_segments: Iterable) -> Iterator[Segment]:
    for seg in raw_segments:
        words = tuple(
            Word(text=w.word.strip(), start=float(w.start), end=float(w.end), probability=float(w.probability))
            for w in (seg.words or ())
        )
        yield Segment(start=float(seg.start), end=float(seg.end), words=words)


def drop_empty(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Drop words with no text and segments left without words."""
    for seg in segments:
        words = tuple(w for w in seg.words if w.text)
        if words:
            yield Segment(start=seg.start, end=seg.end, words=words)
