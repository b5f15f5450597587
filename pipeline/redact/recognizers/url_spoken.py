"""Web addresses, said aloud or written: "w w w dot mass courts dot org", "bit dot ly slash
intake dash form", "https://intake.example/new", "www.harborpoint.example".
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from ..spoken import FILLERS, Tok, tokens
from .base import SpokenRecognizer
from .email_spoken import TLDS, handle_like

_WRITTEN = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# A written host under the reserved TLD ".example", used like a real one but missing from the stock
# recognizer's suffix list: "grewaldental.example/login" (".test" would take "unit.test" too).
_RESERVED_HOST = re.compile(r"\b(?:[a-z0-9][a-z0-9-]*\.)+example\b(?!\.\w)(?:/[^\s<>\"']*)?", re.IGNORECASE)
_LABEL_JOINERS = frozenset({"dash", "-", "hyphen"})
# Words that lead up to a web address rather than belong to it.
_LEADS = frozenset("visit go check see find use try type open at to on in is it's its the our my your their "
                   "website site portal link page url address web online called named".split())
MAX_LABEL_WORDS = 3
# Everyday words that are also subdomains or begin one ("my dot example dot org", "my chart dot lakeside dot org").
_SUBDOMAIN_WORDS = frozenset("my go get me us".split())
# Words after a spoken path that are the speaker's, not the path's ("slash portal okay", "slash intake then").
_PATH_STOPS = FILLERS | frozenset("okay ok alright right thanks thank please yeah yes sure now today tomorrow "
                                  "tonight then dot slash".split())
URL_TLDS = TLDS | frozenset("ly tv fm gg cc xyz link page site example test nz ie ch se dk fi pl jp cn br mx za sg hk "
                             "kr eu".split())
_GENERIC_TLDS = frozenset("com org net edu gov example test".split())
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+([a-z]{2,})(?:[/:?#]|$)", re.IGNORECASE)


def is_written_address(value: str) -> bool:
    """Whether a written, dotted `value` is plausibly a web address: a scheme or "www.", or a
    host name whose top-level domain is a common one. "agitated..cooperative..mov",
    "shift.pr" and "vent.support" are words run together in a note, not addresses."""
    if _WRITTEN.match(value):
        return True
    host = _HOST.match(value)
    if not host or host.group(1).lower() not in URL_TLDS:
        return False
    labels = value[:host.end(1)].lower().split(".")
    if any(label.isdigit() for label in labels):
        return False  # "31.9.pl", "20.tv"
    # Two words run together at a missing space ("edema.PL", "today.FI", "lasix.co"): a bare
    # name.tld whose name is an ordinary word, a drug or shorthand, outside the big generic TLDs.
    has_path = len(value[host.end(1):].strip("/.")) > 0  # "bit.ly/intake"
    if has_path or len(labels) != 2 or labels[1] in _GENERIC_TLDS:
        return True
    # "ventilation/oxygenation.Brth snds": a capitalised country TLD is the next sentence's first word
    return not (_is_word(labels[0]) or host.group(1).istitle())
# A spoken query string: "question mark id equals six one seven", "and page equals two".
_QUERY_OPEN = (("question", "mark"), ("?",))
_QUERY_JOIN = (("ampersand",), ("and",), ("&",))


def _label(toks: tuple[Tok, ...], end: int, subdomain: bool = False) -> tuple[int, bool]:
    """(start index, is_first) of the domain label whose last token is `end`.

    A label is one to three words, "dash" allowed inside. When no "dot" precedes it, it is
    the address's first label, and words that lead up to an address are left out, except a
    `subdomain`'s own first word ("my chart dot example dot org"; "the dot com era" has no subdomain).
    """
    i, words = end, 0
    while i >= 0 and toks[i].text.isalnum() and toks[i].low not in ("dot", "at", "slash", "colon") \
            and words < MAX_LABEL_WORDS:
        words += 1
        if i - 2 >= 0 and toks[i - 1].low in _LABEL_JOINERS and toks[i - 2].text.isalnum():
            i -= 2
            continue
        i -= 1
    start = i + 1
    first = not (i >= 0 and toks[i].low == "dot")
    if first and not (i >= 0 and toks[i].low in ("slash", "/")):  # after "slash slash" every word is the address's
        # the label's last word is the address's own, even a lead word ("portal dot example")
        while start <= end and toks[start].low != "w" and (
                toks[start].low in STOP_WORDS or (start < end and toks[start].low in _LEADS)) \
                and not (subdomain and end - start <= 1 and toks[start].low in _SUBDOMAIN_WORDS):
            start += 1
    return start, first


def _scheme(toks: tuple[Tok, ...], start: int) -> int:
    """The first token of a spoken scheme before `start` ("h t t p s colon slash slash"), else `start`."""
    i = start
    for _ in range(2):
        if i - 1 < 0 or toks[i - 1].low not in ("slash", "/"):
            return start
        i -= 2 if i >= 2 and toks[i - 2].low == "forward" else 1
    if i - 1 >= 0 and toks[i - 1].low in ("colon", ":"):
        i -= 1
    letters = "".join(t.low for t in toks[max(0, i - 5):i] if len(t.low) == 1)
    for scheme in ("https", "http"):
        if letters.endswith(scheme) and i - len(scheme) >= 0 and all(len(t.low) == 1 for t in toks[i - len(scheme):i]):
            return i - len(scheme)
    return i


def _path_end(toks: tuple[Tok, ...], end: int) -> int:
    """The last token of the spoken path and query after the domain ending at `end`:
    "slash appointments slash seven oh eight three", "question mark id equals six one seven"."""
    while (used := _slash(toks, end + 1)) and end + 1 + used < len(toks) and toks[end + 1 + used].text.isalnum():
        end += 1 + used
        while end + 2 < len(toks) and toks[end + 1].low in _LABEL_JOINERS and toks[end + 2].text.isalnum():
            end += 2
        end = _digits_end(toks, end)
        end = _segment_end(toks, end)
    opened = False
    while True:
        marks = _QUERY_JOIN if opened else _QUERY_OPEN
        used = next((len(m) for m in marks if [t.low for t in toks[end + 1:end + 1 + len(m)]] == list(m)), 0)
        key = end + 1 + used
        if not used or key + 2 >= len(toks) or toks[key + 1].low not in ("equals", "="):
            return end
        end, opened = _digits_end(toks, key + 2), True


def _slash(toks: tuple[Tok, ...], i: int) -> int:
    """Tokens used by a slash at i ("slash", "/", "forward slash"), or 0."""
    if i < len(toks) and toks[i].low in ("slash", "/"):
        return 1
    return 2 if i + 1 < len(toks) and toks[i].low == "forward" and toks[i + 1].low == "slash" else 0


def _spoken_tld(toks: tuple[Tok, ...], k: int) -> int | None:
    """The last token of a TLD after "dot" at k ("com", or spelled "c a"), or None."""
    if k < 2 or toks[k - 1].low != "dot":
        return None
    if toks[k].low in URL_TLDS:
        return k
    if k + 1 < len(toks) and len(toks[k].text) == 1 == len(toks[k + 1].text) \
            and toks[k].low + toks[k + 1].low in URL_TLDS:
        return k + 1  # "dot c a", "dot i e"
    return None


def _segment_end(toks: tuple[Tok, ...], i: int) -> int:
    """The last word of a path segment said as words, whose first word is at i: "slash new patient",
    "slash r x track". It ends at a word that leads on ("and", "with", "okay") or after three words."""
    first = i
    while i + 1 < len(toks) and i + 1 - first < MAX_LABEL_WORDS and toks[i + 1].text.isalnum() \
            and toks[i + 1].low not in STOP_WORDS and toks[i + 1].low not in _PATH_STOPS \
            and not (toks[i + 1].low == "question" and i + 2 < len(toks) and toks[i + 2].low == "mark"):
        i += 1
    return i


def _digits_end(toks: tuple[Tok, ...], i: int) -> int:
    """The last token of a run of spoken digits starting at i ("seven oh eight three"), else i."""
    from ..spoken import DIGIT_WORDS

    while i + 1 < len(toks) and toks[i].low in DIGIT_WORDS and toks[i + 1].low in DIGIT_WORDS:
        i += 1
    return i


class SpokenUrlRecognizer(SpokenRecognizer):
    """Labels joined by spoken "dot", ending in a known TLD, with "w w w" and "slash path" parts."""

    ENTITY = "URL"

    def find(self, text: str) -> Iterable[tuple[int, int, float]]:
        for match in _WRITTEN.finditer(text):
            yield match.start(), match.start() + len(match.group(0).rstrip(".,;:!?)")), 0.85
        if ".example" in text:
            for match in _RESERVED_HOST.finditer(text):
                if text[max(0, match.start() - 1):match.start()] not in ("@", "/", "."):  # an e-mail's, a URL's
                    yield match.start(), match.start() + len(match.group(0).rstrip(".,;:!?)")), 0.8
        toks = tokens(text)
        for k, tok in enumerate(toks):
            if len(tok.text) > 1 and tok.low not in URL_TLDS or (tld := _spoken_tld(toks, k)) is None:
                continue  # the cheap test first
            start, first = k, False
            while not first and start >= 2 and toks[start - 1].low == "dot":
                label, first = _label(toks, start - 2, subdomain=start < k)
                if label > start - 2:
                    break
                start = label
            if start == k:
                continue
            if start >= 2 and toks[start - 1].low in ("at", "@") and handle_like(toks[start - 2]) \
                    and toks[start - 2].low not in _LEADS:
                continue  # "nora at fastmail dot com": an e-mail's domain
            if start >= 1 and toks[start].low == "t" and toks[start - 1].low == "a":
                continue  # "obrien a t example dot i e": one too
            start = _scheme(toks, start)
            end = _path_end(toks, tld)
            yield toks[start].start, toks[end].end, 0.8


def _is_word(label: str) -> bool:
    """An everyday English word, a drug or clinical shorthand (not a made-up site name)."""
    from wordfreq import zipf_frequency

    from ..clinical import is_clinical_term

    return is_clinical_term(label) or zipf_frequency(label, "en") >= 2.5
