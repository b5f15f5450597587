"""Is a transcript English enough for the redactor? (issue 12)

The redactor (spaCy's English model, English recognizers and word lists) finds identifiers in
English only; the multilingual Whisper models transcribe many languages. A German stretch of
a meeting comes out of the redactor almost untouched, yet looks as sanitized as the rest. This
module says when that may have happened, so the caller can warn instead.

Two kinds of evidence:

- the words (`check_words`, `check_text`, `check_transcript`): each word votes English, another
  language, or nothing, by how common it is in each language (wordfreq); a word votes for
  another language only when it is far more common there than in English, so names, numbers,
  jargon and loanwords ("Software", "Maria") never count against English. Every word is then
  judged by the window of words around it, so a German quarter of an English meeting is found
  even where the whole reads as mostly English. The transcript's own ``language`` (Whisper's,
  detected or forced) counts too.
- the audio (`check_recording`): forced to English (hush's default), Whisper often leaves
  speech in another language out altogether, which no word can show. Speech the voice-activity
  detector hears but no word covers is measured, and when it is a large share, a multilingual
  model names its language.

Nothing here keeps, logs or returns a word: only shares and language codes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from wordfreq import zipf_frequency

from .types import Transcript

ENGLISH = "en"
# Latin-script languages Whisper transcribes that a meeting in an English-speaking room may
# hold; their "small" wordfreq lists load in well under a second together.
CANDIDATES = ("de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "nb", "fi", "cs", "ro", "hu", "ca", "id")
# Other scripts: the languages each may be. A single one is taken as is; several are told
# apart by wordfreq (CJK, Thai and kana need tokenizers wordfreq doesn't bundle).
SCRIPTS = {
    "CYRILLIC": ("ru", "uk", "bg", "mk"), "GREEK": ("el",), "ARABIC": ("ar", "fa", "ur"), "HEBREW": ("he",),
    "DEVANAGARI": ("hi",), "BENGALI": ("bn",), "TAMIL": ("ta",), "THAI": ("th",), "HANGUL": ("ko",),
    "HIRAGANA": ("ja",), "KATAKANA": ("ja",), "CJK": ("zh",), "ARMENIAN": ("hy",), "GEORGIAN": ("ka",),
    "ETHIOPIC": ("am",), "KHMER": ("km",), "LAO": ("lo",), "MYANMAR": ("my",), "SINHALA": ("si",),
    "TELUGU": ("te",), "KANNADA": ("kn",), "MALAYALAM": ("ml",), "GUJARATI": ("gu",), "GURMUKHI": ("pa",),
}
UNDETERMINED = "und"  # ISO 639-2: a script hush has no language for; it still isn't English
_UNSPACED = frozenset({"THAI", "HIRAGANA", "KATAKANA", "CJK"})  # written without spaces: a token is a phrase
# Hesitations carry no evidence of a language ("um" is common Portuguese, "er" Norwegian).
FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "err", "ah", "ahh", "eh", "hm", "hmm", "mm", "mmm",
                     "mhm", "uhhuh", "huh", "oh", "ok", "okay"})

MIN_WORDS = 20          # fewer judged words than this: too little to raise an alarm on
WINDOW = 40             # words around each word that judge it
WINDOW_FOREIGN = 0.5    # a window with more than this share of other-language votes is not English
MAX_OTHER_SHARE = 0.2   # warn when at least this share of the words (or speech) is not English
FOREIGN_MARGIN = 1.5    # zipf: a word votes for another language only when this much more common there
FOREIGN_MIN = 3.5       # zipf: ... and common there in absolute terms
ENGLISH_MIN = 3.0       # zipf: a word votes English when at least this common in English
ENGLISH_SURE = 5.0      # zipf: an English word this common never votes against English ("die", "per")

_TAG = re.compile(r"\[[A-Z][A-Z_]*(?:_\d+)?\]")  # an earlier redaction: [PERSON], [PERSON_2]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class LanguageCheck:
    """Whether a transcript or document is English enough for the redactor.

    english_share: share of the words (for a recording: of the speech) judged English, 0–1.
    likely: the other language (an ISO 639 code, as Whisper writes them) most of the rest reads or sounds like;
        None when nothing points to one.
    ok: False when the redactor may have missed identifiers because the text is not English.
    words: how many words the decision rests on (fillers, numbers and unknown words left out).
    untranscribed: for a recording checked by `check_recording`, the share of the speech heard
        by the voice-activity detector that no transcribed word covers; None when not measured.
    """

    english_share: float
    likely: str | None
    ok: bool
    words: int = 0
    untranscribed: float | None = None

    def as_report(self) -> dict[str, object]:
        """The ``language_check`` object of ``<stem>.report.json`` (shares and a code, no text)."""
        return {"english_share": round(self.english_share, 3), "other_language": self.likely,
                "warning": not self.ok,
                "untranscribed_speech": None if self.untranscribed is None else round(self.untranscribed, 3)}

    @classmethod
    def from_report(cls, report: object) -> LanguageCheck | None:
        """The check `as_report` wrote (a batch skipping a file done before shows its warning
        again); None when the report has none or it is malformed."""
        if not isinstance(report, dict):
            return None
        try:
            untranscribed = report.get("untranscribed_speech")
            other = report.get("other_language")
            return cls(float(report["english_share"]), str(other) if other else None, not report["warning"],
                       untranscribed=None if untranscribed is None else float(untranscribed))
        except (KeyError, TypeError, ValueError):
            return None

    def warning(self, what: str = "speech") -> str | None:
        """One warning, without the file name (the caller prefixes it), or None when ok.

        `what` names what was checked: ``speech`` for a recording, ``text`` for a document.
        """
        if self.ok:
            return None
        other = max(1, min(100, round(100 * (1 - self.english_share))))
        looks = f" ({'sounds' if self.untranscribed else 'looks'} like {self.likely})" if self.likely else ""
        missing = ""
        if self.untranscribed and self.untranscribed >= MAX_OTHER_SHARE:
            missing = f" and about {round(100 * self.untranscribed)}% has no transcript"
        return (f"about {other}% of the {what} is not English{looks}{missing}; hush only recognizes "
                f"identifiers in English, so those parts may {'be missing from the outputs or ' if missing else ''}"
                "not be sanitized")


@functools.lru_cache(maxsize=1 << 16)
def _script(word: str) -> str | None:
    """The Unicode script of a word when it is not Latin (``CYRILLIC``), else None; Han
    characters with any kana among them are Japanese."""
    first = None
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith(("HIRAGANA", "KATAKANA")):
                return "HIRAGANA"
            first = first or name
    if first is None or first.startswith("LATIN"):
        return None
    return next((script for script in SCRIPTS if first.startswith(script)), "OTHER")


@functools.lru_cache(maxsize=1 << 16)
def vote(word: str) -> str | None:
    """The language a word (lower case) speaks for: ``en``, another code, or None (no evidence).

    Names, rare words and loanwords are common in no language or about as common in English as
    elsewhere: they say nothing, so English text full of names and jargon never looks foreign.
    """
    if word in FILLERS or len(word) < 2 and word not in ("a", "i"):
        return None
    script = _script(word)
    if script is not None:
        languages = SCRIPTS.get(script, ())
        if len(languages) > 1:
            return max(languages, key=lambda lang: zipf_frequency(word, lang, wordlist="small"))
        return languages[0] if languages else UNDETERMINED
    english = zipf_frequency(word, ENGLISH)
    best, lang = max((zipf_frequency(word, lang, wordlist="small"), lang) for lang in CANDIDATES)
    if english < ENGLISH_SURE and best >= FOREIGN_MIN and best - english >= FOREIGN_MARGIN:
        return lang
    return ENGLISH if english >= ENGLISH_MIN else None


def _weight(word: str) -> int:
    """How many words a token counts for: in scripts written without spaces a token is a phrase
    (about two characters a word)."""
    return max(1, len(word) // 2) if _script(word) in _UNSPACED else 1


def tokens(text: str) -> list[str]:
    """The words of a text, lower case, without numbers, punctuation or earlier redaction tags."""
    return [w.lower() for w in _WORD.findall(_TAG.sub(" ", text))]


def _is_english(language: str | None) -> bool:
    return language is None or language.lower() in ("", "en", "english", "unknown")


def check_words(words: Iterable[str], language: str | None = None) -> LanguageCheck:
    """Judge a sequence of words (in order); `language` is what the transcript claims, if anything.

    Each word is judged by the `WINDOW` words around it; the text fails when at least
    `MAX_OTHER_SHARE` of its words lie in windows that are mostly another language, or when
    `language` names another language and the words don't show plain English. Fewer than
    `MIN_WORDS` words never fail on their own.
    """
    words = list(words)
    claimed = None if _is_english(language) else str(language).lower()
    if sum(map(_weight, words)) < MIN_WORDS and claimed is None:
        return LanguageCheck(1.0, None, True, 0)  # too short to judge: no word list is loaded
    votes: list[str] = []
    for word in words:
        found = vote(word.lower())
        if found is not None:
            votes.extend([found] * _weight(word))
    n = len(votes)
    if n < MIN_WORDS:
        share = sum(v == ENGLISH for v in votes) / n if n else (0.0 if claimed else 1.0)
        return LanguageCheck(share, claimed, claimed is None, n)
    foreign = [v != ENGLISH for v in votes]
    prefix = [0, *np.cumsum(foreign).tolist()]
    size = min(WINDOW, n)
    outside: Counter[str] = Counter()
    for i in range(n):
        lo = min(max(0, i - size // 2), n - size)
        if (prefix[lo + size] - prefix[lo]) / size > WINDOW_FOREIGN:
            outside[votes[i]] += 1  # an English vote inside a foreign stretch counts as foreign too
    other = sum(outside.values())
    share = 1 - other / n
    likely = claimed or next((lang for lang, _ in outside.most_common() if lang not in (ENGLISH, UNDETERMINED)), None)
    ok = share > 1 - MAX_OTHER_SHARE and (claimed is None or share >= 1 - MAX_OTHER_SHARE / 4)
    return LanguageCheck(share, None if ok else likely, ok, n)


def check_text(text: str, language: str | None = None) -> LanguageCheck:
    """`check_words` on a text's words."""
    return check_words(tokens(text), language)


def check_transcript(transcript: Transcript) -> LanguageCheck:
    """`check_words` on a transcript's words, with the language Whisper reported."""
    words = [w for segment in transcript.segments for word in segment.words for w in tokens(word.text)]
    return check_words(words, transcript.language)


class LanguageDetector(Protocol):
    """What `check_recording` needs of a recognizer (`transcribe.Transcriber` has it)."""

    detects_language: bool

    def detect_language(self, audio: np.ndarray) -> tuple[str, float] | None: ...


SAMPLE_RATE = 16000
WORD_PAD_S = 0.5      # speech this close to a transcribed word counts as covered by it
MIN_GAP_S = 2.0       # shorter stretches of speech without words are pauses in a sentence, not left out
MIN_SPEECH_S = 10.0   # below this much speech, no audio verdict
DETECT_CHUNK_S = 30.0  # Whisper identifies a language from 30 s of audio
MAX_DETECTIONS = 4     # chunks of untranscribed speech sampled for their language
MIN_PROBABILITY = 0.5  # a language detected less surely than this doesn't count


def _subtract(regions: list[tuple[float, float]], covered: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of `regions` outside every `covered` interval (both sorted by start)."""
    gaps: list[tuple[float, float]] = []
    k = 0
    for start, end in regions:
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        cursor, j = start, k
        while j < len(covered) and covered[j][0] < end:
            if covered[j][0] > cursor:
                gaps.append((cursor, covered[j][0]))
            cursor = max(cursor, covered[j][1])
            j += 1
        if cursor < end:
            gaps.append((cursor, end))
    return gaps


def untranscribed_speech(transcript: Transcript, regions: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Stretches of speech (voice-activity `regions`, seconds) that no transcribed word covers,
    each at least `MIN_GAP_S` long."""
    spans = sorted((w.start - WORD_PAD_S, w.end + WORD_PAD_S) for s in transcript.segments for w in s.words)
    covered: list[tuple[float, float]] = []
    for start, end in spans:
        if covered and start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], end))
        else:
            covered.append((start, end))
    return [(a, b) for a, b in _subtract(sorted(regions), covered) if b - a >= MIN_GAP_S]


def _chunks(audio: np.ndarray, gaps: list[tuple[float, float]]) -> list[np.ndarray]:
    """The gaps' audio joined into pieces of up to `DETECT_CHUNK_S`, at most `MAX_DETECTIONS`,
    taken evenly across the recording."""
    pieces: list[np.ndarray] = []
    current: list[np.ndarray] = []
    length = 0
    limit = int(DETECT_CHUNK_S * SAMPLE_RATE)
    for start, end in gaps:
        a, b = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
        while a < b:
            take = min(b - a, limit - length)
            current.append(audio[a:a + take])
            length, a = length + take, a + take
            if length >= limit:
                pieces.append(np.concatenate(current))
                current, length = [], 0
    if length >= MIN_GAP_S * SAMPLE_RATE or (current and not pieces):
        pieces.append(np.concatenate(current))
    if len(pieces) > MAX_DETECTIONS:
        step = len(pieces) / MAX_DETECTIONS
        pieces = [pieces[int(i * step)] for i in range(MAX_DETECTIONS)]
    return pieces


def check_recording(transcript: Transcript, audio: np.ndarray, detector: LanguageDetector,
                    regions: list[tuple[float, float]] | None = None) -> LanguageCheck:
    """`check_transcript`, plus the speech the transcript left out (16 kHz mono `audio`).

    Only for a recognizer that can identify languages (a multilingual Whisper); otherwise the
    words alone decide. `regions` (voice activity, seconds) are computed when not given.
    """
    words = check_transcript(transcript)
    if not detector.detects_language:
        return words  # an English-only model: it can't say what language was left out
    if regions is None:
        from .transcribe import speech_regions

        regions = speech_regions(audio, SAMPLE_RATE)
    speech = sum(b - a for a, b in regions)
    if speech < MIN_SPEECH_S:
        return words
    gaps = untranscribed_speech(transcript, regions)
    missing = min(1.0, sum(b - a for a, b in gaps) / speech)
    if missing < MAX_OTHER_SHARE:
        return LanguageCheck(words.english_share, words.likely, words.ok, words.words, missing)
    heard: Counter[str] = Counter()
    for chunk in _chunks(audio, gaps):
        found = detector.detect_language(chunk)
        if found is not None and found[1] >= MIN_PROBABILITY:
            heard[found[0]] += len(chunk)
    sampled = sum(heard.values())
    foreign = {lang: n for lang, n in heard.items() if not _is_english(lang)}
    other = missing * sum(foreign.values()) / sampled if sampled else 0.0
    text_share = words.english_share if words.words >= MIN_WORDS else 1.0
    share = text_share * (1 - other)
    likely = words.likely if not words.ok else None
    if likely is None and foreign:
        likely = max(foreign, key=foreign.__getitem__)
    ok = words.ok and share > 1 - MAX_OTHER_SHARE
    return LanguageCheck(share, None if ok else likely, ok, words.words, missing)
