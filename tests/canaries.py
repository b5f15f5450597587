"""Canaries: the samples' fake identifiers, in written and spoken form, searched for in everything hush leaves.

A canary is checked only where the check means something: its form was heard (it is in the
raw transcript, read back from ``--keep-raw``'s encrypted ``<stem>.raw.enc``) and the text
redactor caught it (it is not in the sanitized ``<stem>.txt``). Such a form must then be
absent from every other trace: outputs, reports, summaries, captions, media metadata, the
temp folder, log lines, stdout/stderr, state files. Other commands (batch, watch) reuse
`checked_forms` and `leaks` with their own artifacts.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from pathlib import Path

import av

from conftest import SAMPLES, sample_pii
from pipeline.mapping import decrypt

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
MEDIA = {".flac", ".wav", ".mp3", ".m4a", ".mp4", ".mov", ".mkv", ".mka", ".webm", ".ogg", ".opus", ".aiff", ".aif"}
_HEX_DIGEST = re.compile(r"\b[0-9a-f]{64}\b")


def normalize(text: str) -> str:
    """Lower case; anything but letters, digits, ``@`` and ``.`` becomes one space."""
    return " ".join(re.sub(r"[^a-z0-9@.]+", " ", text.lower()).split())


def cardinal(n: int) -> str:
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    return ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + cardinal(n % 100))


def ordinal(n: int) -> str:
    if n in ORDINALS:
        return ORDINALS[n]
    if n > 20 and n % 10:
        return TENS[n // 10] + " " + ordinal(n % 10)
    word = cardinal(n)
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


def number_forms(digits: str) -> set[str]:
    """``8135`` → ``8135``, ``8 1 3 5``, ``81 35``, ``eight one three five``, ``eighty one thirty five``, …"""
    forms = {digits, " ".join(digits), " ".join(ONES[int(d)] for d in digits),
             " ".join("oh" if d == "0" else ONES[int(d)] for d in digits)}
    if len(digits) <= 3:
        forms.add(cardinal(int(digits)))
    if len(digits) % 2 == 0 and len(digits) > 2:
        pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
        forms.add(" ".join(pairs))
        forms.add(" ".join(("oh " + ONES[int(p[1])]) if p[0] == "0" else cardinal(int(p)) for p in pairs))
    if len(digits) == 4 and digits.startswith("20"):
        forms.add("two thousand" + (" " + cardinal(int(digits[2:])) if int(digits[2:]) else ""))
    return forms


def forms(canary: str) -> set[str]:
    """A canary in written and spoken forms, normalized."""
    canary = normalize(canary)
    tokens = canary.split()
    options: list[set[str]] = []
    for token in tokens:
        if token.isdigit():
            choices = number_forms(token)
            if len(token) <= 2 and any(t in MONTHS for t in tokens):  # a day of the month
                n = int(token)
                suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
                choices |= {f"{token}{suffix}", ordinal(n)}
            options.append(choices)
        elif "." in token and "@" not in token:  # an e-mail's local part: john.smith
            options.append({token, token.replace(".", " dot ")})
        else:
            options.append({token})
    found = {" ".join(choice) for choice in itertools.product(*options)}
    if len(tokens) == 2 and tokens[0] in MONTHS and tokens[1].isdigit():  # "the 3rd of June"
        found |= {f"{day} of {tokens[0]}" for day in options[1]}
    return {normalize(f) for f in found}


def contains(haystack: str, form: str) -> bool:
    """`form` as whole words in normalized `haystack`."""
    return re.search(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", haystack) is not None


def pii_for(stem: str) -> list[dict]:
    """The canaries of a sample by output stem (the video sample speaks therapy_intake's)."""
    for name in (stem, stem.removesuffix("_video")):
        if (SAMPLES / f"{name}.pii.json").is_file():
            return sample_pii(SAMPLES / f"{name}.flac")
    raise KeyError(stem)


def raw_transcripts(out: Path, key: Path) -> dict[str, str]:
    """``{stem: raw text}`` from the ``--keep-raw`` files, decrypted in memory."""
    texts = {}
    for token in sorted(out.glob("*.raw.enc")):
        document = decrypt(token, key)
        assert document["raw"] is True
        texts[token.name.removesuffix(".raw.enc")] = " ".join(s["text"] for s in document["segments"])
    return texts


def checked_forms(stem: str, raw: str, sanitized: str) -> set[str]:
    """The forms of `stem`'s canaries that were heard and that the redactor caught."""
    raw, sanitized = normalize(raw), normalize(sanitized)
    heard = {f for item in pii_for(stem) for c in item["canaries"] for f in forms(c) if contains(raw, f)}
    return {f for f in heard if not contains(sanitized, f)}


def media_text(path: Path) -> str:
    """What a media file could carry as text: container and stream tags, subtitle packets."""
    parts: list[str] = []
    with av.open(str(path)) as container:
        parts += [f"{k} {v}" for k, v in container.metadata.items()]
        for stream in container.streams:
            parts += [f"{k} {v}" for k, v in stream.metadata.items()]
        subtitles = [s for s in container.streams if s.type == "subtitle"]
        if subtitles:
            parts += [bytes(p).decode("utf-8", "replace") for p in container.demux(*subtitles) if p.size]
    return " ".join(parts)


def sqlite_text(path: Path) -> str:
    """Every value in every table of an SQLite file, as text."""
    parts = []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        for (table,) in db.execute("select name from sqlite_master where type = 'table'"):
            for row in db.execute(f'select * from "{table}"'):
                parts += [v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in row]
    return " ".join(parts)


def file_text(path: Path) -> str:
    """A file's searchable text: media metadata, SQLite contents, else its bytes as text."""
    if path.suffix.lower() in MEDIA:
        return media_text(path)
    data = path.read_bytes()
    text = data.decode("utf-8", "replace")
    if data.startswith(b"SQLite format 3\x00"):
        text += " " + sqlite_text(path)
    return _HEX_DIGEST.sub(" ", text)


def folder_texts(root: Path, skip: tuple[str, ...] = (".enc",)) -> dict[str, str]:
    """``{relative path: text}`` for every file under `root` (recursively), except names ending in `skip`."""
    found = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.endswith(skip)):
        found[str(path.relative_to(root))] = file_text(path)
    return found


def leaks(checked: set[str], traces: dict[str, str]) -> list[tuple[str, str]]:
    """(trace, form) for each checked form found in a trace."""
    normalized = {name: normalize(text) for name, text in traces.items()}
    return [(name, form) for name, text in normalized.items() for form in sorted(checked) if contains(text, form)]
