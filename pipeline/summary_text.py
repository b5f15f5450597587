"""Sentences for the summarizer, cut from a `RedactedTranscript`'s tokens and tidied for reading.

A sentence keeps the time of its first word and the segment's speaker. A redacted word is
only ever its replacement (``[PERSON_2]``, ``██████``): nothing here sees raw text. Tidying
drops fillers ("um", "uh"), stutters ("we'll we'll") and leading discourse markers ("so",
"okay"), and turns an all-capitals transcript (e.g. AMI's) into ordinary case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from .types import RedactedTranscript, Token, join_tokens

FILLERS = frozenset("um umm uhm uh uhh er erm ah eh hmm hm mm mmm mhm uh-huh huh".split())
_LEADING = frozenset("so and but well okay ok yeah yes yep right alright oh like now anyway also then".split())
_CONTINUES = frozenset(("and", "or"))  # an unpunctuated utterance starting so goes on the last one
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st vs no approx".split())
_CLOSERS = "\"')]}’”"
_QUESTION_WORDS = frozenset("what how who whom whose when where why which".split())
_AUXILIARIES = frozenset("do does did is are was were can could would will should shall have has am".split())
_SUBJECTS = frozenset("you we i it they he she this that there anyone anybody everyone someone the a an our your".split())
_TERMINAL = ".?!…"
_EDGE_PUNCT = re.compile(r"^[^\w\[█]+|[^\w\]█]+$")
_CONTRACTIONS = {
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"), "shan't": ("shall", "not"),
    "let's": ("let", "us"), "gonna": ("going", "to"), "wanna": ("want", "to"), "gotta": ("got", "to"),
    "i'm": ("i", "am"), "'cause": ("because",), "cause": ("because",),
}
_SUFFIXES = (("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'d", "would"), ("'m", "am"))
_IS_AFTER = frozenset("it that what there here he she who where how everything something".split())
STOP_WORDS = frozenset("""
a about above after again against all almost also although always am an and another any anybody anyone
anything anyway are around as at away back be because been before being below between both but by can
could did do does doing done down during each either else enough etc even ever every everybody everyone
everything few for from further get gets getting go goes going gone got gotta had has have having he her
here hers herself him himself his how however i if in into is it its itself just kind kinda least less
let like likely lot lots made make makes many may maybe me might mine more most much must my myself need
needs neither never no nobody none nor not nothing now of off often oh ok okay on once one ones only or
other others otherwise our ours ourselves out over own per perhaps please pretty probably quite rather
re really right same say says said see seem seems several shall she should since so some somebody someone
something sometimes somewhat sort still such sure than that the their theirs them themselves then there
these they thing things think this those though through thus to together too toward towards um under
until up upon us use used very via want wanna was way we well were what whatever when whenever where
whether which while who whole whom whose why will with within without would yeah yes yet you your yours
yourself yourselves actually basically definitely literally guess mean know dunno gonna lets yep alright
uh er ah mm hmm huh cause bit stuff able sorry thanks thank hi hello bye good great nice cool fine okay oh
would've could've should've wasn't weren't isn't aren't don't doesn't didn't haven't hasn't hadn't can't
won't wouldn't couldn't shouldn't i'm i'll i've i'd you're you'll you've you'd we're we'll we've we'd
they're they'll they've they'd he's she's it's that's there's here's what's who's let's
""".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence (or unpunctuated utterance) of the redacted transcript, tidied for reading.

    words: display words; redacted[i] says whether words[i] is a redaction.
    rules: lower-case words with contractions expanded ("we'll" → "we will"), redactions
        kept verbatim; origin[j] is the index in `words` that rules word j came from.
    terms: stemmed content words, for ranking and topics.
    """

    index: int
    start: float
    end: float
    speaker: str | None
    words: tuple[str, ...]
    redacted: tuple[bool, ...]
    question: bool
    rules: tuple[str, ...]
    origin: tuple[int, ...]
    terms: tuple[str, ...]

    @property
    def text(self) -> str:
        return join_tokens(self.words)

    @property
    def rules_text(self) -> str:
        return " ".join(self.rules)

    def excerpt(self, limit: int, focus: int = 0) -> str:
        """The display text cut to at most `limit` words, keeping word `focus` and a little before it."""
        if len(self.words) <= limit:
            return self.text
        first = max(0, min(focus - 6, len(self.words) - limit))
        cut = list(self.words[first:first + limit])
        cut[-1] = cut[-1].rstrip(",;:") + "…"
        if first:
            cut[0] = "…" + cut[0]
        return join_tokens(cut)


def core(word: str) -> str:
    """A word lower-cased without surrounding punctuation (apostrophes inside are kept)."""
    return _EDGE_PUNCT.sub("", word.replace("’", "'")).lower()


def stem(word: str) -> str:
    """A crude plural stem, enough to group "buttons" with "button"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def expand(word: str) -> tuple[str, ...]:
    """Rules words for one lower-case word: ``we'll`` → ``we will``, ``let's`` → ``let us``."""
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    for suffix, full in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[: -len(suffix)], full)
    if word.endswith("'s") and len(word) > 2:
        return (word[:-2], "is") if word[:-2] in _IS_AFTER else (word[:-2],)
    return (word,)


def is_all_caps(transcript: RedactedTranscript) -> bool:
    """Whether the transcript is written in capitals (AMI style), so it should be recased."""
    letters = [ch for s in transcript.segments for t in s.tokens if not t.redacted for ch in t.text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def is_punctuated(transcript: RedactedTranscript) -> bool:
    """Whether sentences end in punctuation (Whisper) or not at all (some manual transcripts)."""
    tokens = [t for s in transcript.segments for t in s.tokens if not t.redacted]
    return sum(_ends_sentence(t) for t in tokens) * 40 >= len(tokens) > 0


def _ends_sentence(token: Token) -> bool:
    text = token.text.rstrip(_CLOSERS)
    return (not token.redacted and text[-1:] in _TERMINAL and text != "..."
            and core(text) not in _ABBREVIATIONS)


def _units(transcript: RedactedTranscript, punctuated: bool) -> Iterator[tuple[str | None, list[Token]]]:
    """Token runs: split at sentence punctuation; a punctuated sentence may run on into the next segment."""
    segments = transcript.segments
    buffer: list[Token] = []
    for n, segment in enumerate(segments):
        for token in segment.tokens:
            buffer.append(token)
            if punctuated and _ends_sentence(token):
                yield segment.speaker, buffer
                buffer = []
        following = segments[n + 1] if n + 1 < len(segments) else None
        runs_on = (punctuated and following is not None and following.speaker == segment.speaker
                   and following.start - segment.end <= 2.0)
        if buffer and not runs_on:
            yield segment.speaker, buffer
            buffer = []


def _merge_continuations(units: list[tuple[str | None, list[Token]]]) -> list[tuple[str | None, list[Token]]]:
    """Unpunctuated text: an utterance starting "and …" from the same speaker continues the last one."""
    merged: list[tuple[str | None, list[Token]]] = []
    for speaker, tokens in units:
        words = [core(t.text) for t in tokens if not t.redacted and core(t.text) not in FILLERS]
        if (merged and words and words[0] in _CONTINUES and merged[-1][0] == speaker
                and tokens[0].start - merged[-1][1][-1].end <= 0.5 and len(merged[-1][1]) + len(tokens) <= 45):
            merged[-1] = (speaker, merged[-1][1] + tokens)
        else:
            merged.append((speaker, list(tokens)))
    return merged


def tidy(tokens: Sequence[Token], recase: bool) -> tuple[list[str], list[bool]]:
    """Display words and redaction flags: fillers, stutters and leading "so/okay/yeah" removed."""
    kept: list[Token] = []
    for token in tokens:
        word = core(token.text)
        if not token.redacted and (word in FILLERS or not word and not kept):
            continue
        if kept and not token.redacted and not kept[-1].redacted and word and word == core(kept[-1].text):
            kept[-1] = token  # "we'll we'll be" → "we'll be"
            continue
        kept.append(token)
    while len(kept) > 1 and not kept[0].redacted and core(kept[0].text) in _LEADING | {""}:
        kept.pop(0)
    words = [t.text if t.redacted or not recase else _recase(t.text) for t in kept]
    flags = [t.redacted for t in kept]
    if words and not flags[0]:
        words[0] = words[0][:1].upper() + words[0][1:]
    if words and not flags[-1]:
        words[-1] = words[-1].rstrip(",;:")
    return words, flags


def _recase(word: str) -> str:
    lower = word.lower()
    return "I" + lower[1:] if lower == "i" or lower.startswith("i'") else lower


def _question(words: Sequence[str], tokens: Sequence[Token], punctuated: bool) -> bool:
    if punctuated:
        return any(t.text.rstrip(_CLOSERS).endswith("?") for t in tokens[-2:])
    return looks_like_question([core(w) for w in words])


def looks_like_question(words: Sequence[str]) -> bool:
    """For unpunctuated text: starts with a question word, or an auxiliary then a subject."""
    if not words:
        return False
    first, second = words[0], (words[1] if len(words) > 1 else "")
    if first in _QUESTION_WORDS or first.split("'")[0] in _QUESTION_WORDS:
        return True
    return (first in _AUXILIARIES or first.removesuffix("n't") in _AUXILIARIES) and second in _SUBJECTS


def _sentence(index: int, speaker: str | None, tokens: list[Token], recase: bool,
              punctuated: bool) -> Sentence | None:
    words, flags = tidy(tokens, recase)
    if not words or all(flags) or all(not core(w) for w in words):
        return None
    rules: list[str] = []
    origin: list[int] = []
    for i, (word, redacted) in enumerate(zip(words, flags)):
        for part in ((word.rstrip(".,!?;:"),) if redacted else expand(core(word))):
            if part:
                rules.append(part)
                origin.append(i)
    terms = tuple(stem(w) for w, r in zip(map(core, words), flags)
                  if not r and w.isalpha() and len(w) > 1 and w not in STOP_WORDS)
    return Sentence(index=index, start=tokens[0].start, end=tokens[-1].end, speaker=speaker,
                    words=tuple(words), redacted=tuple(flags), question=_question(words, tokens, punctuated),
                    rules=tuple(rules), origin=tuple(origin), terms=terms)


def sentences(transcript: RedactedTranscript) -> list[Sentence]:
    """The transcript as tidied sentences, in meeting order."""
    punctuated = is_punctuated(transcript)
    recase = is_all_caps(transcript)
    units = list(_units(transcript, punctuated))
    if not punctuated:
        units = _merge_continuations(units)
    found: list[Sentence] = []
    for speaker, tokens in units:
        sentence = _sentence(len(found), speaker, tokens, recase, punctuated)
        if sentence is not None:
            found.append(sentence)
    return found
