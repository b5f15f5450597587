"""Independent generator of annotated, speech-style transcript lines for evaluating hush.

Each generated `Line` is one transcript line as a speech recognizer would write it, with
character-offset spans for every identifier in it (HIPAA Safe Harbor / PII, typed as in
tests/data/README.md, annotation guidelines version 2) and "keep" spans for phrases that
must come through redaction untouched (doses, vital signs, eponyms, times, states, ...).

About half the lines are in plain-ASR style (lower case, no punctuation, numbers as words,
fillers "um"/"uh", repeated words) and the rest in Whisper style (capitalised, punctuated,
numbers as digits or words). Spans are recorded while a line is assembled, piece by piece,
never by searching the finished text.

This module was written from the README's schema and guidelines only, WITHOUT reading the
redactor's code (pipeline/, bench/, the other tests), so that it does not share that code's
blind spots. Values are invented: 555-01xx phone numbers, documentation IP ranges, example
domains, test card numbers, random checksum-valid VINs/NPIs/IBANs. Names come from Faker
(34 locales, romanised for zh_CN/ja_JP) plus a few made-up syllable names that are in no list.

Uses: the frozen held-out set tests/data/heldout/generated.jsonl, and property tests that draw
lines with `draw(rng)` and assert that no identifier survives redaction. ORGANIZATION spans
(family "organization" only) are redacted only under the `strict` policy: see STRICT_ONLY_TYPES.

Regenerate the frozen file (run from /work/main):

    /work/main/.venv/bin/python tests/pii_generator.py --seed 2026 --count 600 \\
        > tests/data/heldout/generated.jsonl

Self-check: `.venv/bin/python tests/pii_generator.py --check 4000` (4000 lines x 5 seeds).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Sequence

from faker import Faker

TYPES = frozenset(
    "PERSON PHONE_NUMBER EMAIL_ADDRESS STREET_ADDRESS LOCATION ZIP_CODE DATE_TIME AGE US_SSN "
    "MEDICAL_RECORD_NUMBER HEALTH_PLAN_ID ACCOUNT_NUMBER CREDIT_CARD US_DRIVER_LICENSE US_PASSPORT "
    "LICENSE_NUMBER VEHICLE_ID DEVICE_ID CASE_NUMBER PIN URL IP_ADDRESS ORGANIZATION".split())
STRICT_ONLY_TYPES = frozenset({"ORGANIZATION"})  # redacted only under the strict policy
KEEP = "KEEP"  # label of a keep slot (not an entity type)


@dataclass(frozen=True)
class Line:
    """One annotated transcript line: identifier spans, keep spans and its family's name."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    keep: tuple[tuple[int, int], ...]
    family: str

    def to_json(self, id: str, source: str) -> dict:
        """The line as a JSON-ready object in the README schema (plus "family")."""
        return {"id": id, "text": self.text,
                "spans": [{"start": s, "end": e, "type": t} for s, e, t in self.spans],
                "keep": [{"start": s, "end": e} for s, e in self.keep],
                "source": source, "family": self.family}


@dataclass
class Ctx:
    """Random source plus the style of the line being built (plain ASR or Whisper)."""

    rng: random.Random
    asr: bool

    def p(self, prob: float) -> bool:
        """True with probability `prob`."""
        return self.rng.random() < prob

    def pick(self, seq: Sequence) -> Any:
        """One element of `seq`, uniformly."""
        return seq[self.rng.randrange(len(seq))]

    def words(self, prob: float = 0.35) -> bool:
        """Say a number as words? Always in ASR style, with `prob` in Whisper style."""
        return self.asr or self.p(prob)


# ---------------------------------------------------------------------- line assembly

_SLOT = re.compile(r"\{(\w+)\}")
_FOLD = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
                       "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "þ": "th", "ð": "d", "’": "'"})
FILLERS = ("um", "uh")
ASR_OPENERS = ("okay so", "um", "uh", "yeah", "so", "alright", "okay um", "yes")

def fold(s: str) -> str:
    """Strip diacritics (and map a few letters NFKD leaves alone) to plain ASCII letters."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))

def _asr_words(s: str) -> str:
    return re.sub(r"[^\w\s']", " ", fold(s).lower().replace("&", " and "))

def _asr_literal(ctx: Ctx, s: str) -> str:
    """Template text in plain-ASR style, with the odd filler or repeated word."""
    s = _asr_words(s)
    if not s.split():
        return " " if s else ""
    out = []
    for w in s.split():
        out.append(w)
        r = ctx.rng.random()
        if r < 0.035:
            out.append(ctx.pick(FILLERS))
        elif r < 0.045 and w[0].isalpha():
            out.append(w)
    return (" " if s[0].isspace() else "") + " ".join(out) + (" " if s[-1].isspace() else "")

def render(ctx: Ctx, family: str, template: str, **slots) -> Line:
    """Assemble a line from a template, recording span offsets as pieces are appended.

    `{name}` in the template is replaced by slots[name]: a str is plain text (styled like the
    template); a (text, label) pair is a span of type `label`, or a keep span if label is KEEP.
    """
    text, spans, keep = "", [], []

    def literal(s: str) -> None:
        nonlocal text
        s = _asr_literal(ctx, s) if ctx.asr else s
        text += s.lstrip(" ") if not text or text.endswith(" ") else s

    if ctx.asr and ctx.p(0.3):
        literal(ctx.pick(ASR_OPENERS) + " ")
    for i, piece in enumerate(_SLOT.split(template)):
        value = piece if i % 2 == 0 else slots[piece]
        if isinstance(value, str):
            literal(value)
            continue
        s = " ".join(_asr_words(value[0]).split()) if ctx.asr else value[0].strip()
        if not s:
            raise ValueError(f"empty value for slot {piece!r} in {template!r}")
        start, text = len(text), text + s
        if value[1] == KEEP:
            keep.append((start, len(text)))
        else:
            spans.append((start, len(text), value[1]))
    text = text.rstrip()
    if ctx.asr and any(c.isdigit() for c in text):
        raise AssertionError(f"digit in ASR-style line from {template!r}: {text!r}")
    return Line(text, tuple(spans), tuple(keep), family)

Family = Callable[[random.Random], Line]
IDENTIFIER_FAMILIES: dict[str, Family] = {}
SAFE_FAMILIES: dict[str, Family] = {}

def family(name: str, registry: dict[str, Family], templates: Sequence = ()) -> Callable:
    """Decorator: turn `make(ctx) -> slots` into the family `name`, a function rng -> Line
    registered in `registry`. The line's style is drawn first (about half plain ASR); the
    template is picked from `templates` unless `make` returns one under the key "template"."""
    def wrap(make: Callable[[Ctx], dict]) -> Family:
        def fam(rng: random.Random) -> Line:
            ctx = Ctx(rng, rng.random() < 0.5)
            slots = make(ctx)
            template = slots.pop("template", None) or ctx.pick(templates)
            return render(ctx, name, template, **slots)
        fam.__name__, fam.__qualname__, fam.__doc__ = make.__name__, make.__qualname__, make.__doc__
        fam.templates = templates  # type: ignore[attr-defined]
        registry[name] = fam
        return fam
    return wrap


# ------------------------------------------------------------------------ number words

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

def cardinal(n: int, hyphen: bool = False, and_: bool = False) -> str:
    """0 <= n < 1,000,000 in words ("twenty-five" with hyphen, "one hundred and two" with and_)."""
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + (("-" if hyphen else " ") + ONES[o] if o else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return f"{ONES[h]} hundred" + ((" and " if and_ else " ") + cardinal(r, hyphen) if r else "")
    th, r = divmod(n, 1000)
    return f"{cardinal(th, hyphen)} thousand" + (" " + cardinal(r, hyphen, and_) if r else "")

def ordinal(n: int, hyphen: bool = False) -> str:
    """1..39 as an ordinal word ("twenty-first" with hyphen)."""
    if n in _ORD:
        return _ORD[n]
    if n < 20:
        return ONES[n] + "th"
    t, o = divmod(n, 10)
    return TENS[t][:-1] + "ieth" if not o else TENS[t] + ("-" if hyphen else " ") + ordinal(o)

def ordinal_digits(n: int) -> str:
    """1 -> "1st", 22 -> "22nd", 13 -> "13th"."""
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))

def year_words(ctx: Ctx, y: int) -> str:
    """A year as said: "nineteen eighty-five", "two thousand and four", "twenty twenty-four"."""
    c, r = divmod(y, 100)
    if 2000 <= y < 2010:
        return "two thousand" + (" and" if ctx.p(0.3) else "") + (f" {ONES[r]}" if r else "")
    if y >= 2010 and ctx.p(0.25):
        return "two thousand " + cardinal(r)
    return cardinal(c) + " " + (cardinal(r, not ctx.asr) if r >= 10 else f"oh {ONES[r]}" if r else "hundred")

def qty(ctx: Ctx, n: int) -> str:
    """A quantity (dose, vital, count): digits or words, "one twelve" for 100-199 sometimes."""
    if not ctx.words(0.3):
        return str(n)
    if 100 < n < 200 and n % 100 >= 10 and ctx.p(0.4):
        return "one " + cardinal(n - 100)
    return cardinal(n, hyphen=not ctx.asr, and_=ctx.p(0.3))

def decimal(ctx: Ctx, x: str) -> str:
    """A decimal such as "4.1" as digits or words ("four point one", "point five")."""
    if not ctx.words(0.3):
        return x
    whole, _, frac = x.partition(".")
    lead = "" if whole == "0" and ctx.p(0.5) else cardinal(int(whole))
    return (lead + (" point " + " ".join(ONES[int(d)] for d in frac) if frac else "")).strip()


# -------------------------------------------------------------- digit strings and codes

LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O, Q
PHONETIC = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    "apple boy Charlie David Edward Frank George Henry Ida John King Larry Mary Nancy Ocean Peter "
    "Queen Robert Sam Tom Uniform Victor William X-ray yellow zebra").split()))
_SYMBOL_WORDS = {"-": "dash", "/": "slash", ".": "dot", ":": "colon", "*": "star", "#": "pound"}

def pattern(ctx: Ctx, pat: str) -> str:
    """Fill a pattern: L = letter, D = digit, X = letter or digit, anything else is literal."""
    pools = {"L": LETTERS, "D": "0123456789", "X": LETTERS + "0123456789"}
    return "".join(ctx.pick(pools[c]) if c in pools else c for c in pat)

def digits(ctx: Ctx, n: int, first: str = "0123456789") -> str:
    """`n` random digits, the first one from `first`."""
    return ctx.pick(first) + "".join(ctx.pick("0123456789") for _ in range(n - 1))

def luhn(payload: str) -> str:
    """`payload` with its Luhn check digit appended."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return payload + str(-total % 10)

def _groups(s: str, sizes: Sequence[int] | None) -> list[str]:
    out, i = [], 0
    for n in sizes or ():
        out.append(s[i:i + n])
        i += n
    return [g for g in out + [s[i:]] if g]

def _chunks(ctx: Ctx, n: int) -> list[int]:
    """Random group sizes of 3 or 4 (last one up to 5) adding up to n."""
    sizes = []
    while n > 5:
        sizes.append(ctx.pick((3, 4)))
        n -= sizes[-1]
    return sizes + [n]

def _run_words(ctx: Ctx, group: str, zero: str) -> str:
    """One group digit by digit, with "double"/"triple" for repeated digits."""
    toks, i = [], 0
    while i < len(group):
        j = i
        while j < len(group) and group[j] == group[i]:
            j += 1
        n, w = j - i, zero if group[i] == "0" else ONES[int(group[i])]
        while n:
            k = 3 if n >= 3 and ctx.p(0.3) else 2 if n >= 2 and ctx.p(0.35) else 1
            toks.append({3: "triple ", 2: "double ", 1: ""}[k] + w)
            n -= k
        i = j
    return " ".join(toks)

def _pair_words(two: str, zero: str) -> str:
    if two[0] == "0":
        return f"{zero} {zero if two[1] == '0' else ONES[int(two[1])]}"
    return cardinal(int(two))

def say_digits(ctx: Ctx, s: str, sizes: Sequence[int] | None = None, hyphen: bool = False) -> str:
    """A digit string as spoken words, group by group ("oh", "double five", pairs such as
    "thirty four"); separators between groups ("uh", "dash", commas) belong to the value."""
    zero, parts = "oh" if ctx.p(0.6) else "zero", []
    for g in _groups(s, sizes):
        if len(g) in (2, 4) and ctx.p(0.15):
            w = " ".join(_pair_words(g[k:k + 2], zero) for k in range(0, len(g), 2))
        else:
            w = _run_words(ctx, g, zero)
        parts.append(w.replace(" ", "-") if hyphen else w)
    seps = (" ", " ", " ", " uh ", " um ", " dash ") if ctx.asr else (" ", ", ", ", ", ", uh, ")
    out = parts[0]
    for w in parts[1:]:
        out += ctx.pick(seps) + w
    return out

def say_number(ctx: Ctx, s: str, sizes: Sequence[int] | None = None, seps: Sequence[str] = ("-", " ", "")) -> str:
    """A numeric identifier: spoken (ASR), or in Whisper style digits joined by a separator,
    words, a mix ("617, double-four-nine, 2208") or spaced digits ("8 0 1, 5 5 5")."""
    if ctx.asr:
        return say_digits(ctx, s, sizes)
    gs, r = _groups(s, sizes), ctx.rng.random()
    if r < 0.55:
        return ctx.pick(seps).join(gs)
    if r < 0.78:
        return say_digits(ctx, s, sizes)
    if r < 0.9 and len(gs) > 1:
        return ", ".join(g if ctx.p(0.5) else say_digits(ctx, g, hyphen=True) for g in gs)
    return ", ".join(" ".join(g) for g in gs)

def say_code(ctx: Ctx, code: str, written: float = 0.65, phonetic: float = 0.12) -> str:
    """An alphanumeric code as written (Whisper, with probability `written`) or spoken:
    letters one by one ("P as in Peter" sometimes), digits as words, "dash", "slash"."""
    if not ctx.asr and ctx.p(written):
        return code
    out = []
    for tok in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d\s]", code):
        if tok.isdigit():
            out.append(say_digits(ctx, tok, _chunks(ctx, len(tok))))
        elif tok.isalpha():
            out.append(" ".join(f"{c} as in {PHONETIC[c]}" if ctx.p(phonetic) else c for c in tok.upper()))
        elif tok in _SYMBOL_WORDS and not (tok == "-" and ctx.p(0.5)):
            out.append(_SYMBOL_WORDS[tok])
    return " ".join(out)

def _spell_out(ctx: Ctx, s: str) -> str:
    """A host name, path or email local part read aloud: dot, underscore, slash, numbers."""
    words = {".": "dot", "_": "underscore", "-": "dash", "/": "slash", ":": "colon", "?": "question mark",
             "=": "equals", "~": "tilde"}
    out = []
    for tok in re.findall(r"[a-z]+|\d+|.", s.lower()):
        if tok.isdigit():
            four = len(tok) == 4 and tok[:2] in ("19", "20")
            two = len(tok) == 2 and tok[0] != "0" and ctx.p(0.6)
            out.append(year_words(ctx, int(tok)) if four else cardinal(int(tok)) if two else say_digits(ctx, tok))
        elif tok in words or tok.isalpha():
            out.append(words.get(tok) or (" ".join(tok) if tok in ("www", "http", "https") else tok))
    return " ".join(out)


# ---------------------------------------------------------------------------- names

NAME_LOCALES = ("en_US", "en_GB", "en_IN", "en_NG", "en_IE", "es_ES", "es_MX", "es_CO", "fr_FR", "de_DE",
                "it_IT", "pt_BR", "pt_PT", "pl_PL", "nl_NL", "sv_SE", "no_NO", "da_DK", "fi_FI", "tr_TR",
                "vi_VN", "cs_CZ", "hu_HU", "ro_RO", "hr_HR", "id_ID", "yo_NG", "ig_NG", "zu_ZA", "ga_IE",
                "sk_SK", "lt_LT", "zh_CN", "ja_JP")
ROMANISED = frozenset({"zh_CN", "ja_JP"})  # Faker's romanised names for these locales
FAMILY_NAME_FIRST = frozenset({"zh_CN", "ja_JP", "vi_VN", "hu_HU"})
_FAKERS: dict[str, Faker] = {}

def faker(ctx: Ctx, locale: str) -> Faker:
    """A cached Faker for `locale`, re-seeded from ctx.rng so that output depends on the seed only."""
    if locale not in _FAKERS:
        _FAKERS[locale] = Faker(locale)
    _FAKERS[locale].seed_instance(ctx.rng.getrandbits(32))
    return _FAKERS[locale]

def invented_name(ctx: Ctx) -> str:
    """A made-up name from syllables, in no name list ("Vorlani", "Tesk")."""
    return "".join(ctx.pick(("b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "dr", "th", "sh"))
                   + ctx.pick(("a", "e", "i", "o", "u", "ai", "ei", "ou"))
                   for _ in range(ctx.rng.randint(2, 3))).capitalize() + ctx.pick(("", "n", "k", "sh", "r"))

def name_parts(ctx: Ctx) -> tuple[str, str, str]:
    """(first, last, locale) of an invented person: Faker, or made up (locale "invented")."""
    if ctx.p(0.06):
        return invented_name(ctx), invented_name(ctx), "invented"
    loc = ctx.pick(NAME_LOCALES)
    f = faker(ctx, loc)
    if loc in ROMANISED:
        return f.first_romanized_name(), f.last_romanized_name(), loc
    return (f.first_name_female() if ctx.p(0.5) else f.first_name_male()), f.last_name(), loc

def person(ctx: Ctx, part: str = "full") -> str:
    """A name ("full", "first" or "last"), ASCII-folded in ASR style and sometimes in Whisper style."""
    first, last, loc = name_parts(ctx)
    full = f"{last} {first}" if loc in FAMILY_NAME_FIRST and ctx.p(0.5) else f"{first} {last}"
    name = {"first": first, "last": last}.get(part, full)
    name = fold(name) if ctx.asr or ctx.p(0.2) else name
    return name.lower() if not ctx.asr and ctx.p(0.05) else name

def ascii_name(ctx: Ctx, part: str) -> str:
    """Lower-case ASCII letters only, for emails and URLs."""
    first, last, _ = name_parts(ctx)
    return re.sub(r"[^a-z]", "", fold(first if part == "first" else last).lower()) or "alex"

TITLES = (("Dr.", "doctor"), ("Mr.", "mister"), ("Ms.", "miss"), ("Mrs.", "missus"), ("Judge", "judge"),
          ("Nurse", "nurse"), ("Professor", "professor"), ("Dr.", "doctor"))

def title(ctx: Ctx) -> str:
    """A title ("Dr.", "Judge"; "doctor", "mister" in ASR style), never part of a PERSON span."""
    written, spoken = ctx.pick(TITLES)
    return spoken if ctx.asr else written


# ------------------------------------------------------------------------- value makers

def phone(ctx: Ctx) -> str:
    """An invented phone number (555-01xx, toll-free 555, UK drama range) in the line's style."""
    r = ctx.rng.random()
    if r < 0.12:
        return say_number(ctx, "07700900" + digits(ctx, 3), (5, 6), (" ", ""))
    if r < 0.22:
        return say_number(ctx, "55501" + digits(ctx, 2), (3, 4), ("-",))
    area = ctx.pick(("800", "888", "877")) if r < 0.3 else digits(ctx, 3, "23456789")
    area = area[0] + "21" if area[1:] == "11" else area
    text = say_number(ctx, area + "55501" + digits(ctx, 2), (3, 3, 4), ("-", " ", ".", "-"))
    return (("one " if ctx.words() else "+1 ") if ctx.p(0.12) else "") + text

def email(ctx: Ctx) -> str:
    """An invented email address, written or spoken ("maria underscore lopez at example dot com")."""
    first, last = ascii_name(ctx, "first"), ascii_name(ctx, "last")
    num = str(ctx.rng.randint(1, 99)) if ctx.p(0.5) else str(ctx.rng.randint(1950, 2012))
    local = ctx.pick((f"{first}.{last}", f"{first}_{last}", f"{first}{last}", f"{first[0]}{last}",
                      f"{first}.{last}{num}", f"{first}{num}", f"{last}_{first[0]}", f"{first}-{last}"))
    domain = ctx.pick(("example.com", "example.org", "example.net", "mail.example.com", "gmail.com",
                       "yahoo.com", "outlook.com", "hotmail.com", f"{last}law.example"))
    if not ctx.asr and ctx.p(0.5):
        return f"{local}@{domain}"
    return f"{local if not ctx.asr and ctx.p(0.3) else _spell_out(ctx, local)} at {_spell_out(ctx, domain)}"

def url(ctx: Ctx) -> str:
    """An invented web address, written or spoken ("w w w dot example dot com slash portal")."""
    last = ascii_name(ctx, "last")
    host = ctx.pick(("www.example.com", "example.org", "portal.example.net", f"www.{last}-law.example",
                     f"{last}family.example.com", "my.example.org", f"{last}dental.example", f"www.{last}photography.com"))
    path = ctx.pick(("", "", "/portal", f"/patients/{last}", "/login", f"/appointments/{ctx.rng.randint(10, 9999)}",
                     f"/~{last}", f"/records?id={ctx.rng.randint(1000, 99999)}"))
    scheme = ctx.pick(("", "", "https://", "http://"))
    if not ctx.asr and ctx.p(0.6):
        return scheme + host + path
    said = {"": "", "https://": "h t t p s colon slash slash ", "http://": "h t t p colon slash slash "}[scheme]
    return said + _spell_out(ctx, host + path)

def ip_address(ctx: Ctx) -> str:
    """An address in a documentation range (the IPv4 TEST-NETs or 2001:db8::/32), written or spoken."""
    if ctx.p(0.25):
        groups = ":".join(f"{ctx.rng.randrange(1, 65536):x}" for _ in range(ctx.rng.randint(1, 3)))
        return say_code(ctx, f"2001:db8::{groups}" if ctx.p(0.6) else f"2001:db8:{groups}::1", 0.7, 0)
    octets = [int(x) for x in ctx.pick(("192.0.2", "198.51.100", "203.0.113")).split(".")] + [ctx.rng.randint(1, 254)]
    if not ctx.asr and ctx.p(0.6):
        return ".".join(map(str, octets))
    said = []
    for o in octets:
        if o >= 100 and ctx.p(0.5):  # "one ninety two", "two oh three"
            said.append(f"{ONES[o // 100]} " + (cardinal(o % 100) if o % 100 >= 10 else say_digits(ctx, str(o)[1:])))
        else:
            said.append(cardinal(o) if ctx.p(0.5) else say_digits(ctx, str(o)))
    return f" {ctx.pick(('dot', 'dot', 'point'))} ".join(said)

def house_number(ctx: Ctx, n: int) -> str:
    """A house or room number as said: "fourteen", "twenty two seventeen", "four twelve"."""
    if n < 100 or (n < 1000 and ctx.p(0.3)):
        return cardinal(n)
    if n < 10000 and ctx.p(0.7):
        hi, lo = divmod(n, 100)
        return f"{cardinal(hi)} " + ("hundred" if lo == 0 else f"oh {ONES[lo]}" if lo < 10 else cardinal(lo))
    return say_digits(ctx, str(n))

_ADDR_ABBREV = (("H.No.", "house number"), ("Apt", "apartment"), ("#", "number "), ("PO Box", "p o box"))

def speak_address(ctx: Ctx, s: str) -> str:
    """An address line as written (Whisper style, mostly) or spoken, numbers read as a speaker would."""
    if not ctx.asr and ctx.p(0.8):
        return s
    for a, b in _ADDR_ABBREV:
        s = s.replace(a, b)
    s = re.sub(r"\d+", lambda m: f" {house_number(ctx, int(m.group()))} ", s.replace("/", " slash "))
    return re.sub(r"\s+", " ", s).replace(" ,", ",").strip()

def _unit(ctx: Ctx) -> str:
    return str(ctx.rng.randint(1, 40)) + (ctx.pick("ABCD") if ctx.p(0.3) else "")

def us_address(ctx: Ctx) -> dict[str, tuple[str, str]]:
    """Slots street/city/state/zip of an invented US address (the state is a keep span)."""
    f, r = faker(ctx, "en_US"), ctx.rng.random()
    if r < 0.1:
        street = f"PO Box {ctx.rng.randint(10, 9999)}"
    elif r < 0.14:
        street = f"Rural Route {ctx.rng.randint(1, 9)}, Box {ctx.rng.randint(1, 99)}"
    else:
        street = f"{ctx.rng.randint(1, 9999)} " + (ctx.pick(("North ", "South ", "East ", "West ")) if ctx.p(0.15) else "")
        street += f.street_name()
        if ctx.p(0.4):
            street += ctx.pick((", Apartment ", " Apt ", ", Suite ", ", Unit ", " #")) + _unit(ctx)
    zipc = f.zipcode() + ("-" + digits(ctx, 4) if ctx.p(0.1) else "")
    state = f.state() if ctx.asr or ctx.p(0.6) else f.state_abbr(False, False).replace("DC", "MD")  # states only
    return {"street": (speak_address(ctx, street), "STREET_ADDRESS"), "city": (f.city(), "LOCATION"),
            "state": (state, KEEP), "zip": (say_code(ctx, zipc, 0.75, 0), "ZIP_CODE")}

# country -> (Faker locale, address block formats in the local order)
INTL_FORMATS = {
    "the UK": ("en_GB", ("{street}, {city}, {zip}", "{street}, {city} {zip}")),
    "Canada": ("en_CA", ("{street}, {city}, {region} {zip}",)),
    "France": ("fr_FR", ("{street}, {zip} {city}",)),
    "Germany": ("de_DE", ("{street}, {zip} {city}",)),
    "India": ("en_IN", ("{street}, {city} {zip}", "{street}, {city}, {region} {zip}")),
    "Australia": ("en_AU", ("{street}, {city} {region} {zip}",)),
}

def intl_address(ctx: Ctx) -> tuple[str, str, dict]:
    """(country, address block template, slots) of an invented address outside the US."""
    country = ctx.pick(tuple(INTL_FORMATS))
    loc, fmts = INTL_FORMATS[country]
    f, n, region = faker(ctx, loc), ctx.rng.randint(1, 240), ""
    if loc == "en_GB":
        street = (f"Flat {_unit(ctx)}, " if ctx.p(0.35) else "") + f"{n} {f.street_name()}"
    elif loc == "en_CA":
        street, region = (f"{ctx.rng.randint(1, 30)}-" if ctx.p(0.2) else "") + f"{n} {f.street_name()}", f.province()
    elif loc == "fr_FR":
        street = f"{n}{ctx.pick((', ', ' ', ' bis '))}{f.street_name()}"
    elif loc == "de_DE":
        street = f"{f.street_name()} {n}" + (ctx.pick("abc") if ctx.p(0.15) else "")
    elif loc == "en_IN":
        street = ctx.pick((f"H.No. {n}, ", f"Flat {_unit(ctx)}, ", f"{n}/{ctx.rng.randint(1, 99)}, ", f"{n} "))
        street, region = street + f.street_name(), f.state()
    else:
        street, region = (f"Unit {ctx.rng.randint(1, 30)}, " if ctx.p(0.3) else "") + f"{n} {f.street_name()}", f.state()
    code = f.postcode()
    code = f"{code[:3]} {code[3:]}" if loc == "en_CA" and " " not in code and ctx.p(0.7) else code
    return country, ctx.pick(fmts), {"street": (speak_address(ctx, street), "STREET_ADDRESS"), "region": region,
                                     "city": (f.city(), "LOCATION"), "zip": (say_code(ctx, code, 0.75, 0.05), "ZIP_CODE")}

def rand_date(ctx: Ctx, lo: int = 1928, hi: int = 2026) -> date:
    """A random day from 1 January `lo` to 30 December `hi`."""
    return date(lo, 1, 1) + timedelta(days=ctx.rng.randrange((date(hi, 12, 31) - date(lo, 1, 1)).days))

def _day(ctx: Ctx, d: int) -> str:
    if ctx.words(0.3):
        return ordinal(d, not ctx.asr) if ctx.p(0.75) else cardinal(d)
    return ordinal_digits(d) if ctx.p(0.3) else str(d)

def _year(ctx: Ctx, y: int) -> str:
    return year_words(ctx, y) if ctx.words(0.2) else str(y)

def date_text(ctx: Ctx, form: str, d: date) -> str:
    """Date `d` in a guideline form: mdy "March 14, 1985", md "June third", dmy "14 March 2024",
    dm "3 March", wd "Tuesday, March 12", of/ofy "twelfth of January[, 1988]" (after "the"),
    oday "3rd" (after "the"), month "May"/"early April"/"June of 2020", num "12/01/1988" or
    "one slash twelve slash eighty eight"."""
    m, c, day = MONTHS[d.month - 1], ("" if ctx.asr else ","), _day(ctx, d.day)
    if form in ("of", "ofy", "oday"):
        day = ordinal(d.day, not ctx.asr) if ctx.words(0.5) else ordinal_digits(d.day)
        year = f"{ctx.pick((c, ''))} {_year(ctx, d.year)}" if form == "ofy" else ""
        return day if form == "oday" else f"{day} of {m}{year}"
    if form != "num":
        y = _year(ctx, d.year)
        return {"mdy": f"{m} {day}{c} {y}", "md": f"{m} {day}", "dmy": f"{day} {m} {y}", "dm": f"{day} {m}",
                "wd": f"{WEEKDAYS[d.weekday()]}{c} {m} {day}",
                "month": ctx.pick((m, m, f"early {m}", f"late {m}", f"mid-{m}", f"{m} of {y}", f"{m} {y}"))}[form]
    yy = f"{d.year % 100:02d}"
    if ctx.asr or ctx.p(0.25):
        sep, (a, b) = ctx.pick(("slash", "slash", "dash")), (d.month, d.day) if ctx.p(0.75) else (d.day, d.month)
        y = ctx.pick((cardinal(int(yy)) if int(yy) >= 10 else f"oh {ONES[int(yy)]}", year_words(ctx, d.year)))
        return f"{cardinal(a)} {sep} {cardinal(b)} {sep} {y}"
    return ctx.pick((f"{d.month}/{d.day}/{d.year}", f"{d.month:02d}/{d.day:02d}/{d.year}", f"{d.month}/{d.day}/{yy}",
                     f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.year}-{d.month:02d}-{d.day:02d}",
                     f"{d.day}/{d.month}/{d.year}", f"{d.month}-{d.day}-{yy}"))

def age_text(ctx: Ctx, n: int, article_ok: bool = True) -> str:
    """An age as digits or words ("ninety-three", "a hundred and two" if article_ok)."""
    if not ctx.words(0.5):
        return str(n)
    if n < 100:
        return cardinal(n, hyphen=not ctx.asr and ctx.p(0.7))
    r = f" {cardinal(n - 100)}" if n > 100 else ""
    return ctx.pick(("one hundred" + r.replace(" ", " and ", 1), "one hundred" + r)
                    + (("a hundred" + r.replace(" ", " and ", 1),) if article_ok else ()))

def time_text(ctx: Ctx) -> str:
    """A time of day: "3:30 PM", "half past two", "nine o'clock", "ten fifteen in the morning"."""
    h, m = ctx.rng.randint(1, 12), ctx.pick((0, 0, 15, 30, 45, ctx.rng.randint(1, 59)))
    ampm = ctx.pick(("", "", " AM", " PM", " in the morning", " in the afternoon"))
    if not ctx.words(0.4):
        return f"{h}:{m:02d}{ampm}" if m or ctx.p(0.5) else f"{h}{ampm or ' PM'}"
    if m == 30 and ctx.p(0.4):
        return f"half past {ONES[h]}"
    if m == 45 and ctx.p(0.4):
        return f"quarter to {ONES[h % 12 + 1]}"
    return f"{ONES[h]} " + ("o'clock" if m == 0 else f"oh {ONES[m]}" if m < 10 else cardinal(m)) + ampm

def duration(ctx: Ctx) -> str:
    """A duration: "three weeks", "45 minutes", "a year and a half"."""
    if ctx.p(0.15):
        return ctx.pick(("a couple of days", "an hour", "a year and a half", "a few weeks", "half an hour"))
    unit = ctx.pick(("minutes", "hours", "days", "weeks", "months", "years"))
    return f"{qty(ctx, ctx.rng.randint(2, 12) * (15 if unit == 'minutes' else 1))} {unit}"

def money(ctx: Ctx) -> str:
    """A money amount: "$1,250", "$35.50", "forty dollars and fifty cents"."""
    amt = ctx.pick((ctx.rng.randint(5, 95), ctx.rng.randint(1, 40) * 25, ctx.rng.randint(1, 90) * 1000))
    cents = ctx.pick((0, 0, 0, 50, 99, 25))
    if not ctx.words(0.35):
        return f"${amt:,}" + (f".{cents:02d}" if cents else "")
    return f"{cardinal(amt)} dollars" + (f" and {cardinal(cents)} cents" if cents else "")

def percent(ctx: Ctx, lo: int = 2, hi: int = 95) -> str:
    """A percentage: "40%", "forty percent"."""
    n = ctx.rng.randint(lo, hi)
    return f"{n}%" if not ctx.words(0.4) else f"{qty(ctx, n)} percent"


# ----------------------------------------------------------------- identifier families
# Each family below is a function rng -> Line (see `family`); its templates are in the decorator.

ID = IDENTIFIER_FAMILIES

@family("person_full", ID, (
    "My name is {n}.", "Hi, I'm {n}, the patient's daughter.", "The patient's name is {n}.",
    "Put {n} down as her emergency contact.", "I spoke with {n} at the front desk yesterday.",
    "Her son, {n}, will pick her up after discharge.", "This is a consult for {n}.",
    "Is {n} still listed as the next of kin?", "We represent {n} in the custody matter.", "I was referred by {n}.",
    "{n} called about the bill again.", "Okay, so {n} is going to take the minutes today.",
    "The witness, {n}, arrived late."))
def person_full(ctx: Ctx) -> dict:
    """A full name or a first name alone, in many roles."""
    return {"n": (person(ctx, ctx.pick(("full", "full", "first"))), "PERSON")}

@family("person_title", ID, (
    "{t} {n} will see you now.", "I'm calling from {t} {n}'s office.", "Can I speak to {t} {n}, please?",
    "{t} {n} signed the discharge order.", "This is {t} {n}, covering for {t2} {m} tonight.",
    "We're in front of {t} {n} next week.", "Please fax the records to {t} {n}.",
    "My therapist, {t} {n}, recommended the group.", "Ask {t} {n} about the biopsy results."))
def person_title(ctx: Ctx) -> dict:
    """A surname (sometimes a full name) after a title, which stays outside the span; possessive 's outside."""
    return {"t": title(ctx), "t2": title(ctx), "n": (person(ctx, ctx.pick(("last", "last", "full"))), "PERSON"),
            "m": (person(ctx, "last"), "PERSON")}

@family("person_signoff", ID, (
    "Thanks, {n}.", "Thank you so much, {n}!", "Okay, bye {n}.", "Talk soon, {n}.", "Cheers, {n}.",
    "Hi {n}, how are you doing today?", "Sorry, {n}, go ahead.", "Good morning, {n}.", "{n} here, returning your call.",
    "Hey {n}, can you hear me?", "Alright, thanks {n}, that's all I needed."))
def person_signoff(ctx: Ctx) -> dict:
    """A name in greeting or sign-off position ("Thanks, X.")."""
    return {"n": (person(ctx, ctx.pick(("first", "first", "full"))), "PERSON")}

@family("person_spelled", ID, (
    "My last name is {n}, {s}.", "It's {n}. That's {s}.", "Last name {n}, spelled {s}.", "Surname is {s}.",
    "Can you spell it? Sure, {s}.", "{f} {n}, and the last name is spelled {s}.", "I'll spell it for you: {s}.",
    "The patient is {f} {n}, {s}."))
def person_spelled(ctx: Ctx) -> dict:
    """A surname said and then spelled ("K O W A L C Z Y K", "O-K-A-F-O-R"): each is a PERSON span."""
    first, last, _ = name_parts(ctx)
    letters, sep = [c for c in fold(last).upper() if c.isalpha()], " " if ctx.asr else ctx.pick((" ", "-", ", ", " "))
    spelled = sep.join(f"{c} as in {PHONETIC[c]}" if i == 0 and ctx.p(0.15) else c for i, c in enumerate(letters))
    return {"n": (last, "PERSON"), "f": (first, "PERSON"), "s": (spelled, "PERSON")}

WORD_NAMES = ("Hope", "Grace", "Will", "June", "Mark", "Rose", "Frank", "Bill", "Faith", "Joy", "Dawn", "Grant", "Jack",
              "Sue", "Pat", "Ray", "Summer", "Chase", "Carol", "Iris", "Ivy", "Art", "Bob", "Sunny", "April", "May",
              "Autumn", "Hunter", "Victoria", "Rob")

@family("person_wordlike", ID, (
    "Can you ask {n} to call me back?", "{n} is my case manager.", "I talked to {n} at the front desk.",
    "{n}, can you take notes today?", "Thanks, {n}.", "My daughter {n} has power of attorney.",
    "{n} said the results looked normal.", "I'll have {n} send you the forms.", "Is {n} still on the call?"))
def person_wordlike(ctx: Ctx) -> dict:
    """Names that are also words (Hope, Will, Grace, June, May) used as names."""
    return {"n": (ctx.pick(WORD_NAMES) + (f" {person(ctx, 'last')}" if ctx.p(0.3) else ""), "PERSON")}

@family("phone", ID, (
    "My number is {x}.", "You can reach me at {x}.", "Call me back on {x}, that's my cell.",
    "The best number is {x}, um, after five.", "Her daughter's phone number is {x}.", "Fax it to {x}.",
    "My pager is {x}.", "Okay, the callback number is {x}.", "It's {x}, and if I don't pick up leave a message.",
    "Home phone {x}, cell is {y}."))
def phone_number(ctx: Ctx) -> dict:
    """Phone numbers digit by digit ("oh", "double five", fillers, "dash") or in digits, grouped variously."""
    return {"x": (phone(ctx), "PHONE_NUMBER"), "y": (phone(ctx), "PHONE_NUMBER")}

@family("email", ID, (
    "My email is {x}.", "Send the forms to {x}.", "It's {x}, all lowercase.", "You can email me at {x}.",
    "The portal login is {x}.", "Her email address is {x}, I think.", "Copy {x} on that, please.",
    "Email is {x}, and my cell is {y}.", "Did you get my message? I sent it from {x}."))
def email_address(ctx: Ctx) -> dict:
    """Email addresses, written or spoken (dot, underscore, numbers)."""
    return {"x": (email(ctx), "EMAIL_ADDRESS"), "y": (phone(ctx), "PHONE_NUMBER")}

DATE_ON_T = ("My date of birth is {d}.", "Date of birth, {d}.", "She was admitted on {d}.", "The hearing is set for {d}.",
             "He was born {d}.", "The accident happened on {d} at {tm}.", "Her last appointment was {d}.",
             "I had the surgery on {d}.", "The lease was signed {d}, I believe.", "We received the complaint on {d}.")
DATE_THE_T = ("It happened on the {d}.", "She was admitted on the {d}.", "My birthday is the {d}.",
              "The deposition is on the {d} at {tm}.", "He's been in pain since the {d}.", "We last saw him on the {d}.",
              "The claim was filed on the {d}.", "Can we move the follow-up to the {d}?")
DATE_MONTH_T = ("Back in {d}, she started having chest pain.", "He's been off work since {d}.",
                "The symptoms started in {d}.", "We filed the claim in {d}.", "I moved here around {d}.",
                "My mom passed away in {d}.", "He had the fall back in {d}, I think.", "She's been sober since {d}.",
                "The contract ran until {d}.")
DATE_HOLIDAY_T = ("She fell on {a}{d}.", "He was admitted on {a}{d}.", "The accident was on {a}{d}.",
                  "We got married on {a}{d}.", "My son was born on {a}{d}.", "I've had this cough since {a}{d}.",
                  "The break-in happened on {a}{d}.", "Her last drink was on {a}{d}.")
HOLIDAYS = (("the ", "Fourth of July"), ("", "Christmas Eve"), ("", "Christmas Day"), ("", "New Year's Day"),
            ("", "New Year's Eve"), ("", "Valentine's Day"), ("", "Halloween"), ("", "Veterans Day"),
            ("", "Boxing Day"), ("", "Saint Patrick's Day"), ("", "Juneteenth"), ("", "Independence Day"))

@family("date_full", ID, DATE_ON_T + DATE_THE_T)
def date_full(ctx: Ctx) -> dict:
    """Dates with a year or a weekday: "March 14, 1985", "14 March 2024", "12/01/1988",
    "one slash twelve slash eighty eight", "Tuesday, March 12", "the twelfth of January, 1988"."""
    form = ctx.pick(("mdy", "mdy", "dmy", "num", "num", "wd", "ofy"))
    return {"template": ctx.pick(DATE_THE_T if form == "ofy" else DATE_ON_T),
            "d": (date_text(ctx, form, rand_date(ctx)), "DATE_TIME"), "tm": (time_text(ctx), KEEP)}

@family("date_partial", ID, DATE_ON_T + DATE_THE_T + DATE_MONTH_T + DATE_HOLIDAY_T)
def date_partial(ctx: Ctx) -> dict:
    """Dates without a year: "June third", "3 March", "the nineteenth", "back in May", "early April",
    "June of 2020", holidays that fix a day ("the Fourth of July": the article stays outside)."""
    form = ctx.pick(("md", "dm", "of", "oday", "month", "month", "holiday"))
    if form == "holiday":
        art, name = ctx.pick(HOLIDAYS)
        return {"template": ctx.pick(DATE_HOLIDAY_T), "a": art, "d": (name, "DATE_TIME")}
    templates = {"of": DATE_THE_T, "oday": DATE_THE_T, "month": DATE_MONTH_T}.get(form, DATE_ON_T)
    return {"template": ctx.pick(templates), "d": (date_text(ctx, form, rand_date(ctx)), "DATE_TIME"),
            "tm": (time_text(ctx), KEEP)}

@family("age", ID, (
    "She's {a} years old.", "He is {a}.", "My grandmother turns {a} next month.",
    "Patient is a {b}-year-old female with a hip fracture.", "He'd be, um, {a} now?", "Is she really {a}?",
    "Aged {a}, lives alone with her cat.", "My father just turned {a}.", "She's {a} and still drives herself.",
    "The decedent was {a} years of age."))
def age_over_89(ctx: Ctx) -> dict:
    """Ages 90 to 110 in words or digits, with or without "years old", as a question; only the number is the span."""
    n = ctx.rng.randint(90, 110)
    return {"a": (age_text(ctx, n), "AGE"), "b": (age_text(ctx, n, article_ok=False), "AGE")}

@family("ssn", ID, (
    "My social is {x}.", "Social Security number {x}.", "The SSN on file is {x}.",
    "Can you verify the last four of your social? Yeah, it's {p}.", "His social security number is {x}, I think.",
    "Okay, social, {x}.", "I'll read it off the card: {x}.", "Her SSN is {x}, and date of birth {d}.",
    "The last four are {p}, for the social."))
def ssn(ctx: Ctx) -> dict:
    """Social Security numbers, whole or the last four."""
    area = ctx.rng.choice([a for a in range(1, 900) if a != 666])
    s = f"{area:03d}{ctx.rng.randint(1, 99):02d}{ctx.rng.randint(1, 9999):04d}"
    return {"x": (say_number(ctx, s, (3, 2, 4), ("-", "-", " ")), "US_SSN"), "p": (say_number(ctx, s[-4:]), "US_SSN"),
            "d": (date_text(ctx, "mdy", rand_date(ctx)), "DATE_TIME")}

@family("mrn", ID, (
    "MRN {x}.", "The medical record number is {x}.", "Chart number {x}, please pull it.", "Patient ID {x}.",
    "Her hospital number is {x}.", "Can you confirm the MRN? It's {x}.", "I have the wrong chart, this one's {x}.",
    "Record number {x} for the admission.", "Use MRN {x} for the lab order."))
def mrn(ctx: Ctx) -> dict:
    """Medical record numbers, digits only or with a letter prefix."""
    code = pattern(ctx, ctx.pick(("DDDDDDD", "DDDDDDDD", "0DDDDDDDDD", "LDDDDDDD", "MR-DDDDDD", "H-DDDDDDD",
                                   "LLDDDDDD", "DDD-DD-DD")))
    text = say_number(ctx, code, _chunks(ctx, len(code)), ("", " ", "-")) if code.isdigit() else say_code(ctx, code)
    return {"x": (text, "MEDICAL_RECORD_NUMBER")}

@family("health_plan", ID, (
    "My member ID is {x}.", "The Medicare number is {x}.", "Group number {y}.", "Subscriber ID {x}, and I'm the primary.",
    "Her Medicaid ID is {x}.", "The policy number on the insurance card is {x}.", "Member number {x}, group {y}.",
    "Can you read me the ID on the front of the card? It's {x}."))
def health_plan(ctx: Ctx) -> dict:
    """Member, Medicare (MBI-shaped), Medicaid, policy, group and subscriber numbers."""
    code = pattern(ctx, ctx.pick(("LLLDDDDDDDDD", "LLDDDDDDDD", "DDDDDDDDD-0D", "LDDDDDDDD")))
    if ctx.p(0.3):
        code = ctx.pick("123456789") + pattern(ctx, "LXD-LXD-LLDD")  # Medicare Beneficiary Identifier shape
    return {"x": (say_code(ctx, code), "HEALTH_PLAN_ID"), "y": (say_number(ctx, digits(ctx, ctx.pick((5, 6, 7)))), "HEALTH_PLAN_ID")}

def iban(ctx: Ctx) -> str:
    """A checksum-valid invented IBAN, in groups of four."""
    cc, bban = ctx.pick((("GB", pattern(ctx, "LLLL") + digits(ctx, 14)), ("DE", digits(ctx, 18)),
                         ("NL", pattern(ctx, "LLLL") + digits(ctx, 10)), ("FR", digits(ctx, 23))))
    raw = f"{cc}{98 - int(''.join(str(int(c, 36)) for c in bban + cc + '00')) % 97:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))

@family("account", ID, (
    "My account number is {x}.", "The routing number is {r}.", "Routing {r}, account {x}.", "My IBAN is {i}.",
    "The billing account number is {x}.", "Loan number {x}.", "It's the checking account ending in {p}.",
    "Please debit account {x}.", "Wire it to IBAN {i}."))
def account(ctx: Ctx) -> dict:
    """Bank accounts (whole or last four), routing numbers, IBANs, billing and loan accounts."""
    acct = digits(ctx, ctx.rng.randint(8, 12), "123456789")
    return {"x": (say_number(ctx, acct, _chunks(ctx, len(acct)), ("", " ", "-")), "ACCOUNT_NUMBER"),
            "r": (say_number(ctx, digits(ctx, 9, "0123"), (3, 3, 3), ("",)), "ACCOUNT_NUMBER"),
            "i": (say_code(ctx, iban(ctx), 0.8, 0.05), "ACCOUNT_NUMBER"), "p": (say_number(ctx, acct[-4:]), "ACCOUNT_NUMBER")}

TEST_CARDS = ("4111111111111111", "5555555555554444", "4242424242424242", "378282246310005", "6011111111111117",
              "5105105105105100", "4012888888881881", "371449635398431", "30569309025904", "3530111333300000")

@family("credit_card", ID, (
    "My card number is {c}.", "It's my credit card, {c}.", "The card ending in {p} was declined.",
    "Card number {c}, expiring {exp}, security code {cvv}.", "Can I pay with card {c}?", "The last four digits are {p}.",
    "Okay, so it's {c}.", "Charge it to {c}, please.", "The number on the card is {c}, and the CVV is {cvv}."))
def credit_card(ctx: Ctx) -> dict:
    """Test and Luhn-valid card numbers, whole or last four; the CVV is a PIN; the expiry is not annotated."""
    num = ctx.pick(TEST_CARDS) if ctx.p(0.5) else luhn("4" + digits(ctx, 14))
    mm, yy = ctx.rng.randint(1, 12), ctx.rng.randint(25, 32)
    return {"c": (say_number(ctx, num, {15: (4, 6, 5), 14: (4, 6, 4)}.get(len(num), (4, 4, 4, 4)), (" ", "-", "")), "CREDIT_CARD"),
            "p": (say_number(ctx, num[-4:]), "CREDIT_CARD"),
            "exp": f"{mm:02d}/{yy}" if not ctx.words(0.3) else f"{say_digits(ctx, f'{mm:02d}')} {cardinal(yy)}",
            "cvv": (say_number(ctx, digits(ctx, 4 if len(num) == 15 else 3)), "PIN")}

DL_FORMATS = (("California", "LDDDDDDD"), ("New York", "DDD DDD DDD"), ("Florida", "LDDD-DDD-DD-DDD-D"),
              ("Texas", "DDDDDDDD"), ("Illinois", "LDDD-DDDD-DDDD"), ("Pennsylvania", "DD DDD DDD"),
              ("Massachusetts", "SDDDDDDDD"), ("Ohio", "LLDDDDDD"), ("Michigan", "L DDD DDD DDD DDD"))

@family("drivers_license", ID, (
    "My driver's license number is {x}.", "Driver's license number {x}, {st}.", "{st} driver's license {x}.",
    "Her DL number is {x}.", "Can you read me the number on your license? It's {x}.",
    "Driver's license, {x}, expires next year.", "I have a {st} license, number {x}.",
    "The officer wrote down license number {x}."))
def drivers_license(ctx: Ctx) -> dict:
    """US driver's licence numbers in several states' shapes (the state is a keep span)."""
    state, pat = ctx.pick(DL_FORMATS)
    return {"x": (say_code(ctx, pattern(ctx, pat)), "US_DRIVER_LICENSE"), "st": (state, KEEP)}

@family("passport", ID, (
    "My passport number is {x}.", "Passport {x}, issued in {co}.", "The passport number is {x}, and it expires in two years.",
    "Her passport, um, {x}.", "I'll need your passport number. Sure, it's {x}.", "Passport number {x}.",
    "He travels on passport {x}.", "Can you confirm the passport? It's {x}."))
def passport(ctx: Ctx) -> dict:
    """Passport numbers (nine digits, or letters and digits)."""
    code = pattern(ctx, ctx.pick(("DDDDDDDDD", "LDDDDDDDD", "LLDDDDDDD")))
    return {"x": (say_code(ctx, code), "US_PASSPORT"), "co": (ctx.pick(("Canada", "Mexico", "Ireland", "India")), KEEP)}

@family("license_number", ID, (
    "My {lead} is {x}.", "The prescriber's {lead} is {x}.", "Her {lead}: {x}.", "Can you give me your {lead}? Yes, it's {x}.",
    "I need the {lead} for the prior auth, it's {x}.", "Her {lead} is {x}, active through next year.",
    "Please put {lead} {x} on the form.", "The {lead} on the complaint is {x}.", "Okay, {lead}, {x}."))
def license_number(ctx: Ctx) -> dict:
    """Professional licences: NPI (Luhn), DEA (checksum), bar, nursing, medical, contractor, pharmacist."""
    kind = ctx.pick(("NPI", "DEA number", "state bar number", "nursing license number", "medical license number",
                     "contractor license number", "pharmacist license number"))
    if kind == "NPI":
        code = luhn("80840" + digits(ctx, 9, "12"))[5:]
    elif kind == "DEA number":
        d = [ctx.rng.randint(0, 9) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        code = ctx.pick("ABFGM") + ctx.pick(LETTERS) + "".join(map(str, d)) + str(check)
    elif kind == "medical license number":
        code = pattern(ctx, ctx.pick(("LDDDDD", "DDDDDD", "MDDDDDDD")))
    else:
        code = digits(ctx, ctx.rng.randint(6, 8), "123456789")
    lead = kind.replace("NPI", "n p i").replace("DEA", "d e a") if ctx.asr else kind
    return {"lead": lead, "x": (say_code(ctx, code), "LICENSE_NUMBER")}

_VIN_VAL = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
            "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

def vin(ctx: Ctx) -> str:
    """A random VIN with a valid check digit (position 9)."""
    chars = [ctx.pick(LETTERS + "0123456789") for _ in range(17)]
    check = sum(_VIN_VAL[c] * w for c, w in zip(chars, _VIN_W)) % 11
    chars[8] = "X" if check == 10 else str(check)
    return "".join(chars)

@family("vehicle", ID, (
    "The VIN is {v}.", "License plate {p}.", "His plate number is {p}, a silver sedan.", "Vehicle identification number {v}.",
    "The car, plate {p}, was parked outside.", "Can you read me the VIN off the dashboard? It's {v}.",
    "Her car's tag is {p}.", "The truck's VIN ends in {vp}.", "The other driver's plate was {p}, I think."))
def vehicle(ctx: Ctx) -> dict:
    """VINs (whole or last six) and licence plates."""
    v, plate = vin(ctx), pattern(ctx, ctx.pick(("DLLLDDD", "LLL-DDDD", "LLDD LLL", "LLL DDDD", "DLLDDD")))
    return {"v": (say_code(ctx, v, phonetic=0.05), "VEHICLE_ID"), "vp": (say_code(ctx, v[-6:]), "VEHICLE_ID"),
            "p": (say_code(ctx, plate), "VEHICLE_ID")}

@family("device", ID, (
    "The pacemaker serial number is {s}.", "IMEI {i}.", "The MAC address is {m}.",
    "Serial number on the insulin pump is {s}.", "My phone's IMEI is {i}.", "The laptop's serial is {s}.",
    "Device ID {s}.", "The hearing aid serial number is {s}.", "Whitelist MAC address {m} on the clinic network."))
def device(ctx: Ctx) -> dict:
    """Device and implant serials, IMEIs (Luhn) and MAC addresses (locally administered)."""
    serial = pattern(ctx, ctx.pick(("DLDLDDDDD", "LLDDDDDDDL", "LDDLLDLLLDLL", "LLLDDDDDDL", "DDLLDDDDDD")))
    mac = ":".join([ctx.pick(("02", "06", "0A", "0E"))] + [f"{ctx.rng.randrange(256):02X}" for _ in range(5)])
    return {"s": (say_code(ctx, serial), "DEVICE_ID"), "m": (say_code(ctx, mac, 0.7, 0), "DEVICE_ID"),
            "i": (say_number(ctx, luhn("35" + digits(ctx, 12)), (2, 6, 6, 1), ("", "-", " ")), "DEVICE_ID")}

@family("case_number", ID, (
    "The case number is {x}.", "Docket number {x}.", "My claim number is {x}.", "This is regarding matter {x}.",
    "The index number is {x}.", "Complaint reference {x}.", "We filed under case {x} last spring.",
    "Your claim, {x}, is still under review.", "Re: case number {x}, the answer is due soon."))
def case_number(ctx: Ctx) -> dict:
    """Court case, docket, index, claim, matter and complaint reference numbers."""
    r, y = ctx.rng.randint, ctx.rng.randint(15, 26)
    code = ctx.pick((f"{r(1, 4)}:{y}-cv-{r(1, 9999):05d}", f"20{y}-CV-{r(1, 999999):06d}", f"CV-{y}-{r(1000, 999999)}",
                     pattern(ctx, "CLM-DDDD-DDDD"), f"{y}-{r(100, 9999)}", f"{r(100000, 999999)}/20{y}",
                     f"20{y}-{r(1, 9999):04d}", pattern(ctx, "CRDDDDD"), digits(ctx, 10, "123456789")))
    return {"x": (say_code(ctx, code), "CASE_NUMBER")}

PASSWORD_WORDS = ("bluebird", "maple", "sunflower", "biscuit", "tiger", "pumpkin", "riverside", "copper", "falcon")

@family("pin", ID, (
    "My PIN is {x}.", "The verbal password on the account is {w}.", "The gate code is {g}.",
    "The code they texted me is {o}.", "The CVV is {c}.", "Alarm code {x}.", "The passcode for the portal is {w}.",
    "Security word is {w}.", "The lockbox code is {g}."))
def pin(ctx: Ctx) -> dict:
    """PINs, one-time codes, CVVs, gate and alarm codes ("star four one nine"), verbal passwords."""
    word, n = ctx.pick(PASSWORD_WORDS), ctx.rng.randint(1, 99)
    pw = ctx.pick((word, f"{word} {cardinal(n)}" if ctx.words(0.5) else f"{word.capitalize()}{n}"))
    gate = say_number(ctx, digits(ctx, 4))
    gate = ctx.pick((f"{'star' if ctx.words(0.5) else '*'} {gate}", f"{gate} pound" if ctx.words(0.5) else f"#{gate}", gate))
    return {"x": (say_number(ctx, digits(ctx, ctx.pick((4, 4, 6)))), "PIN"), "w": (pw, "PIN"), "g": (gate, "PIN"),
            "o": (say_number(ctx, digits(ctx, 6), (3, 3), (" ", "")), "PIN"), "c": (say_number(ctx, digits(ctx, 3)), "PIN")}

@family("url", ID, (
    "Go to {u}.", "The portal is at {u}.", "You can book online at {u}.", "Our website is {u}.",
    "I posted the photos on {u}.", "The link is {u}, it should work.", "Check {u} for the forms.", "She runs a blog at {u}."))
def url_address(ctx: Ctx) -> dict:
    """Web addresses, written or spoken."""
    return {"u": (url(ctx), "URL")}

@family("ip_address", ID, (
    "The IP address is {x}.", "It's coming from {x}.", "Block {x} on the firewall.", "My laptop shows {x}.",
    "The login came from IP {x}.", "Can you ping {x}?", "The server's address is {x}.", "We saw traffic from {x} and {y}."))
def ip(ctx: Ctx) -> dict:
    """IPv4 and IPv6 addresses from documentation ranges, written or spoken."""
    return {"x": (ip_address(ctx), "IP_ADDRESS"), "y": (ip_address(ctx), "IP_ADDRESS")}

@family("address_us", ID, (
    "I live at {street}, {city}, {state} {zip}.", "The address is {street}, {city}.",
    "Send it to {street}, {city}, {state}, {zip}.", "We moved to {street} in {city} last year.", "My zip code is {zip}.",
    "She's staying with her sister in {city} now.", "Billing address is {street}, zip code {zip}.",
    "It's {street}, that's in {city}, {state}.", "Mailing address {street}, {city} {state} {zip}."))
def address_us(ctx: Ctx) -> dict:
    """US street addresses with units, PO boxes, rural routes; city, ZIP (the state is kept)."""
    return us_address(ctx)

ADDRESS_INTL_T = ("My address is {addr}.", "I'm at {addr}.", "Please send the letter to {addr}.",
                  "The flat is at {addr}, in {country}.", "Her address in {country} is {addr}.",
                  "Okay, the address is {addr}.", "We used to live at {addr}.", "Ship it to {addr}, thanks.",
                  "The postcode is {zip}.")

@family("address_intl", ID, ADDRESS_INTL_T)
def address_intl(ctx: Ctx) -> dict:
    """Addresses in the UK, Canada, France, Germany, India and Australia in local order; the country is kept."""
    country, block, slots = intl_address(ctx)
    template = ctx.pick(ADDRESS_INTL_T).replace("{addr}", block)
    if country.startswith("the "):  # the article stays outside the keep span
        template, country = template.replace("{country}", "the {country}"), country[4:]
    return {"template": template, "country": (country, KEEP), **slots}

CORRECTIONS = ("no wait", "no sorry", "sorry, I mean", "scratch that", "no, no", "I mean", "actually no", "uh, no")

def _tweak(ctx: Ctx, s: str, lo: int = 0, hi: int | None = None) -> str:
    """`s` with one digit in [lo, hi) changed."""
    i = ctx.rng.randrange(lo, len(s) if hi is None else hi)
    return s[:i] + ctx.pick([d for d in "0123456789" if d != s[i]]) + s[i + 1:]

@family("self_correction", ID, (
    "{lead} {a}, {c}, {b}.", "{lead} {a}... {c}, {b}.", "Um, {lead} {a}, {c}, {b}.", "Okay, {lead} {a}, {c}, it's {b}.",
    "{lead} {a}, or, {c}, {b}.", "So {lead} {a}, {c}, {b}, sorry about that.", "{lead}, uh, {a}, {c}, {b}.",
    "Yeah, {lead} {a}, {c}, {b}."))
def self_correction(ctx: Ctx) -> dict:
    """A value said and then corrected: both are spans ("seven oh two, no wait, seven oh three, ...")."""
    kind = ctx.pick(("phone", "area_code", "mrn", "ssn", "zip", "account", "date", "street"))
    if kind in ("phone", "area_code"):
        full = digits(ctx, 3, "23456789") + "55501" + digits(ctx, 2)
        fixed = _tweak(ctx, full, 0, 3) if kind == "area_code" else _tweak(ctx, full, 8)
        a = say_number(ctx, full[:3]) if kind == "area_code" else say_number(ctx, full, (3, 3, 4))
        typ, lead, b = "PHONE_NUMBER", ctx.pick(("my number is", "the callback number is")), say_number(ctx, fixed, (3, 3, 4))
    elif kind == "date":
        d, form = rand_date(ctx), ctx.pick(("mdy", "md", "num"))
        d2 = d + timedelta(days=ctx.pick((1, -1, 2, 10)))
        typ, lead = "DATE_TIME", ctx.pick(("my date of birth is", "she was admitted on"))
        a, b = date_text(ctx, form, d), date_text(ctx, form, d2)
    elif kind == "street":
        n, street = ctx.rng.randint(1, 9999), faker(ctx, "en_US").street_name()
        typ, lead = "STREET_ADDRESS", ctx.pick(("I live at", "the address is"))
        a, b = speak_address(ctx, f"{n} {street}"), speak_address(ctx, f"{max(1, n + ctx.pick((1, 2, -1, 10, 100)))} {street}")
    else:
        typ, lead, n, sizes = {"mrn": ("MEDICAL_RECORD_NUMBER", "the MRN is", 8, None), "ssn": ("US_SSN", "my social is", 9, (3, 2, 4)),
                               "zip": ("ZIP_CODE", "my zip code is", 5, None),
                               "account": ("ACCOUNT_NUMBER", "the account number is", 10, None)}[kind]
        full = digits(ctx, n, "123456789")
        a, b = say_number(ctx, full, sizes), say_number(ctx, _tweak(ctx, full), sizes)
    template = ctx.pick(self_correction.templates)
    if template.startswith("{lead}") and not ctx.asr:
        lead = lead[0].upper() + lead[1:]
    return {"template": template, "lead": lead, "c": ctx.pick(CORRECTIONS), "a": (a, typ), "b": (b, typ)}

@family("mixed", ID, (
    "Hi, this is {n}, date of birth {d}, and my callback number is {p}.", "Patient {n}, MRN {m}, date of birth {d}.",
    "I'm calling for my mother, {n}. She's {a} and lives at {street} in {city}.", "Name is {n}, email {e}.",
    "{t} {last} wants {n} seen before {d}.", "This is {n} from the billing office, about claim {c}.",
    "Member ID {h}, and the subscriber is {n}.", "Okay, {n}, I have you at {street}, {city} {zip}, is that right?",
    "The defendant, {n}, was arrested on {d} in {city}."))
def mixed(ctx: Ctx) -> dict:
    """Several identifiers of different types in one line, as in intake calls."""
    return {"n": (person(ctx), "PERSON"), "last": (person(ctx, "last"), "PERSON"), "t": title(ctx),
            "d": (date_text(ctx, ctx.pick(("mdy", "md", "num")), rand_date(ctx)), "DATE_TIME"), "p": (phone(ctx), "PHONE_NUMBER"),
            "m": (say_number(ctx, digits(ctx, 8)), "MEDICAL_RECORD_NUMBER"), "a": (age_text(ctx, ctx.rng.randint(90, 104)), "AGE"),
            "e": (email(ctx), "EMAIL_ADDRESS"), "c": (say_code(ctx, pattern(ctx, "CLM-DDDD-DDDD")), "CASE_NUMBER"),
            "h": (say_code(ctx, pattern(ctx, "LLLDDDDDDDDD")), "HEALTH_PLAN_ID"), **us_address(ctx)}

ORG_T = (("I work at {o}.", "company"), ("She's a nurse at {o}.", "hospital"), ("{o} sent the denial letter.", "insurer"),
         ("We bank with {o}.", "bank"), ("My insurance is through {o}.", "insurer"), ("He goes to {o}.", "school"),
         ("Our firm, {o}, represents the landlord.", "firm"), ("She was transferred from {o} last night.", "hospital"),
         ("The invoice came from {o}.", "company"), ("We're parishioners at {o}.", "parish"))

@family("organization", ID, ORG_T)
def organization(ctx: Ctx) -> dict:
    """Named employers, hospitals, insurers, banks, schools, law firms, parishes (ORGANIZATION spans,
    redacted under the strict policy only)."""
    template, kind = ctx.pick(ORG_T)
    last, city, saint = person(ctx, "last"), faker(ctx, ctx.pick(("en_US", "en_GB"))).city(), ctx.pick(
        ("Mary", "Joseph", "Luke", "Anne", "Francis", "Vincent", "Jude"))
    org = ctx.pick({
        "company": (faker(ctx, ctx.pick(("en_US", "en_GB"))).company(),),
        "hospital": (f"{city} General Hospital", f"{last} Memorial Hospital", f"Saint {saint}'s Medical Center",
                     f"{city} Family Clinic"),
        "insurer": (f"{city} Health Partners", f"{last} Mutual Insurance", f"{city} Health Plan"),
        "bank": (f"First {city} Bank", f"{city} Savings and Loan", f"{last} Federal Credit Union"),
        "school": (f"{city} High School", f"{last} Elementary", "the University of " + city),
        "firm": (f"{last} & {person(ctx, 'last')} LLP", f"{last} Law Group"),
        "parish": (f"Saint {saint}'s Parish", f"{city} Baptist Church", f"Saint {saint} Parish")}[kind])
    if org.startswith("the "):  # the article stays outside the span
        template, org = template.replace("{o}", "the {o}"), org[4:]
    return {"template": template, "o": (org, "ORGANIZATION")}


# ----------------------------------------------------------------------- safe families
# Lines without identifiers; keep spans mark the phrases that carry the meaning.

SAFE = SAFE_FAMILIES
DRUGS = ("metoprolol", "lisinopril", "atorvastatin", "metformin", "amoxicillin", "sertraline", "warfarin", "apixaban",
         "levothyroxine", "gabapentin", "prednisone", "insulin glargine", "albuterol", "furosemide", "omeprazole",
         "amlodipine", "ondansetron", "losartan", "ceftriaxone", "Tylenol", "Eliquis", "Lasix", "Zoloft", "Keppra")

@family("medication", SAFE, (
    "Start {drug} {dose} {freq}.", "She's on {drug} {dose} {freq}.", "Continue {drug} {dose}, no changes.",
    "We increased the {drug} to {dose} {freq}.", "He takes {drug} {dose} {freq}, and it helps.", "Hold the {drug} tonight.",
    "Give {drug} {dose} now, then {freq}.", "I stopped the {drug} because of the cough.", "Okay, so {drug}, {dose}, {freq}."))
def medication(ctx: Ctx) -> dict:
    """Drug names, doses and frequencies ("metoprolol twenty five milligrams twice a day")."""
    amount = ctx.pick(("0.5", "1", "2.5", "5", "10", "12.5", "20", "25", "40", "50", "75", "100", "250", "500"))
    drug = ctx.pick(DRUGS)
    short, long = {"insulin glargine": ("units", "units"), "levothyroxine": ("mcg", "micrograms")}.get(drug, ("mg", "milligrams"))
    dose = decimal(ctx, amount) if "." in amount else qty(ctx, int(amount))
    dose += " " + (short if dose[0].isdigit() and not ctx.p(0.4) else long[:-1] if amount == "1" else long)
    freq = ctx.pick(("twice a day", "once daily", f"every {qty(ctx, ctx.pick((4, 6, 8, 12)))} hours", "at bedtime",
                     "three times a day", "as needed", "every morning", "BID"))
    return {"drug": (drug, KEEP), "dose": (dose, KEEP), "freq": (freq, KEEP)}

@family("vitals", SAFE, (
    "Blood pressure {bp}, heart rate {hr}.", "Sats {sat} on room air.", "Her pressure was {bp} this morning.",
    "Heart rate {hr}, respiratory rate {rr}.", "Temp {temp}, pulse {hr}.", "BP {bp}.", "He's satting {sat} on two liters.",
    "Vitals: pressure {bp}, pulse {hr}, sats {sat}.", "Weight today is {wt}."))
def vitals(ctx: Ctx) -> dict:
    """Vital signs: "120 over 80", "sats 94 percent", "heart rate one twelve"."""
    sys_, dia = ctx.rng.randint(90, 190), ctx.rng.randint(50, 110)
    bp = f"{cardinal(sys_)} over {cardinal(dia)}" if ctx.words(0.3) else f"{sys_}{ctx.pick(('/', ' over '))}{dia}"
    if ctx.asr and ctx.p(0.5) and 110 <= sys_ < 200:  # "one sixty over ninety"
        bp = f"one {cardinal(sys_ - 100)} over {cardinal(dia)}"
    return {"bp": (bp, KEEP),
            "hr": (qty(ctx, ctx.rng.randint(45, 150)), KEEP), "sat": (percent(ctx, 84, 100), KEEP),
            "rr": (qty(ctx, ctx.rng.randint(10, 32)), KEEP),
            "temp": (decimal(ctx, ctx.pick(("36.8", "37.2", "38.4", "39.1", "98.6", "101.3"))), KEEP),
            "wt": (f"{qty(ctx, ctx.rng.randint(45, 140))} {ctx.pick(('kilos', 'kilograms', 'pounds'))}", KEEP)}

LAB_T = (("Potassium is {v}.", ("3.1", "4.1", "5.6")), ("Hemoglobin came back {v}.", ("9.8", "12.4", "7.1")),
         ("Her {a1c} was {v}.", ("6.4", "7.2", "9.1")), ("Creatinine {v}, up from baseline.", ("1.3", "0.9", "2.2")),
         ("Troponin was {v}, negative.", ("0.01", "0.02")), ("White count {v}.", ("12.5", "4.3", "18.2")),
         ("INR is {v} on the {drug}.", ("2.4", "3.1", "1.8")), ("Sodium {v}.", ("132", "128", "141")),
         ("Glucose was {v} fasting.", ("240", "98", "156")), ("TSH {v}, free T four normal.", ("3.2", "0.4", "6.8")))

@family("labs", SAFE, LAB_T)
def labs(ctx: Ctx) -> dict:
    """Lab values ("potassium four point one", "sodium one thirty two")."""
    template, values = ctx.pick(LAB_T)
    v = ctx.pick(values)
    v = decimal(ctx, v) if "." in v else qty(ctx, int(v))
    return {"template": template, "v": (v + (" percent" if "{a1c}" in template else ""), KEEP),
            "drug": (ctx.pick(("warfarin", "Coumadin")), KEEP), "a1c": "a one c" if ctx.asr else "A1c"}

DX = ("Cushing's syndrome", "Cushing's", "Bell's palsy", "Parkinson's", "Parkinson's disease", "Alzheimer's",
      "Crohn's disease", "Hodgkin lymphoma", "Hashimoto's", "Guillain-Barré syndrome", "Addison's disease", "Raynaud's",
      "Tourette's", "Huntington's disease", "Lou Gehrig's disease", "Kawasaki disease", "Down syndrome")
EPONYM_T = (("She was diagnosed with {e} last year.", DX), ("Family history of {e}.", DX), ("Rule out {e}.", DX),
            ("We're worried this could be {e}.", DX), ("He needed the {e} at dinner.", ("Heimlich", "Heimlich maneuver")),
            ("{e} were eight and nine.", ("Apgars", "Apgar scores")),
            ("They placed a {e}.", ("Foley catheter", "Swan-Ganz catheter", "Hickman line")),
            ("Positive {e} on the left.", ("Babinski sign", "Murphy's sign", "Romberg test")),
            ("Counsel filed a {e} this morning.", ("Daubert motion", "Frye motion")), ("Was he read his {e}?", ("Miranda rights",)),
            ("That's a {e} problem for the prosecution.", ("Brady", "Miranda")),
            ("The {e} came back positive.", ("Coombs test", "Pap smear", "Gram stain")))

@family("eponyms", SAFE, EPONYM_T)
def eponyms(ctx: Ctx) -> dict:
    """Eponymous diseases, signs, procedures and legal terms (Cushing's, Heimlich, a Daubert motion)."""
    template, choices = ctx.pick(EPONYM_T)
    return {"template": template, "e": (ctx.pick(choices), KEEP)}

@family("money_percent", SAFE, (
    "The copay is {m}.", "That'll be {m} for the visit.", "The settlement was {m}.", "We're asking for {m} in damages.",
    "You'll get {pct} back.", "Rates went up {pct} this year.", "The deductible is {m}, and then you pay {pct}.",
    "Her ejection fraction is {pct}.", "It costs about {m} a month."))
def money_percent(ctx: Ctx) -> dict:
    """Money amounts and percentages."""
    return {"m": (money(ctx), KEEP), "pct": (percent(ctx), KEEP)}

@family("times_durations", SAFE, (
    "The appointment is at {t}.", "Take it at {t} every day.", "She's been having headaches for {du}.",
    "The meeting starts at {t} and runs {du}.", "I waited {du} in the lobby.", "He sleeps about {du} a night.",
    "Let's meet at {t}.", "The pain lasts {du}.", "Come back at {t}, after lunch."))
def times_durations(ctx: Ctx) -> dict:
    """Times of day and durations."""
    return {"t": (time_text(ctx), KEEP), "du": (duration(ctx), KEEP)}

COUNT_T = (("She's in {r}.", "room"), ("Move him to {r}.", "bed"), ("Please turn to {r}.", "page"),
           ("Mark this as {r}.", "Exhibit"), ("As stated in {r}, the tenant pays utilities.", "section"),
           ("I have {c} kids.", None), ("We have {c} patients waiting.", None), ("Go to {r}, please.", "slide"),
           ("Take {c} tablets with food.", None), ("He's in {r}, bed by the window.", "room"),
           ("That's on {r} of the handout.", "page"))

@family("counts_rooms", SAFE, COUNT_T)
def counts_rooms(ctx: Ctx) -> dict:
    """Counts, and room, bed, page, exhibit, section and slide numbers."""
    template, label = ctx.pick(COUNT_T)
    n = ctx.rng.randint(100, 999) if label == "room" else ctx.rng.randint(2, 12) if label is None else ctx.rng.randint(1, 40)
    if label == "section":
        num = decimal(ctx, f"{ctx.rng.randint(1, 9)}.{ctx.rng.randint(1, 9)}")
    else:
        num = house_number(ctx, n) if ctx.words(0.3) else str(n)
    return {"template": template, "r": (f"{label} {num}", KEEP), "c": (qty(ctx, n), KEEP)}

@family("ages_under_90", SAFE, (
    "She's {a} years old.", "He is {a}.", "Patient is a {b}-year-old male with chest pain.", "My mom just turned {a}.",
    "Aged {a}, independent at baseline.", "He'd be {a} now.", "Is she {a}?", "My son is {a} and doing well.",
    "The defendant is {a} years of age."))
def ages_under_90(ctx: Ctx) -> dict:
    """Ages of 89 and under (half of them 80-89, just under the limit), kept."""
    n = ctx.rng.randint(80, 89) if ctx.p(0.5) else ctx.rng.randint(1, 79)
    return {"a": (age_text(ctx, n), KEEP), "b": (age_text(ctx, n, False), KEEP)}

RELATIVE = ("tomorrow", "next week", "next Tuesday", "next spring", "later this week", "in three days", "next month")
PAST = ("yesterday", "last month", "two weeks ago", "last Friday", "this morning", "last summer", "a few days ago")

@family("calendar_words", SAFE, (
    "Revenue was up in the {q}.", "We'll revisit this in {q2}.", "She had the knee replaced in {y}.",
    "I've lived here since {y}.", "See you on {wd}.", "Follow up {rel}.", "The hearing got moved to {rel}.",
    "He's been sick since {wd}.", "We closed {q2} strong.", "Let's talk {rel}, after the board meeting.",
    "She was discharged {past}.", "I saw him {past}, and he looked fine."))
def calendar_words(ctx: Ctx) -> dict:
    """Quarters, bare years, weekdays, relative dates and seasons (none of them DATE_TIME)."""
    qn, template = ctx.rng.randint(1, 4), ctx.pick(calendar_words.templates)
    if ctx.words(0.3):  # "the third quarter": the article stays outside
        template, q2 = template.replace("{q2}", "the {q2}"), f"{ordinal(qn)} quarter"
    else:
        q2 = f"Q{qn}" + (f" {ctx.rng.randint(2015, 2027)}" if ctx.p(0.3) else "")
    return {"template": template, "q": (f"{ordinal(qn)} quarter", KEEP), "q2": (q2, KEEP),
            "y": (_year(ctx, ctx.rng.randint(1975, 2025)), KEEP), "wd": (ctx.pick(WEEKDAYS), KEEP),
            "rel": (ctx.pick(RELATIVE), KEEP), "past": (ctx.pick(PAST), KEEP)}

MONTHWORD_T = (("{k} I ask who's calling?", "May"), ("You {k} feel a little pressure.", "may"),
               ("The {k} release still has that bug.", "June"), ("We {k} on with the agenda.", "march"),
               ("That {k} be a side effect of the statin.", "may"), ("{k} we should hold the dose.", "Maybe"),
               ("It's an {k} institution.", "august"), ("The {k} build broke the login page.", "April"),
               ("I {k} have mentioned it already.", "may"))

@family("months_not_dates", SAFE, MONTHWORD_T)
def months_not_dates(ctx: Ctx) -> dict:
    """Month names that are not a time ("May I ask", "the June release", "march on"); the word is kept."""
    template, word = ctx.pick(MONTHWORD_T)
    return {"template": template, "k": (word, KEEP)}

STATES = ("Ohio", "Texas", "California", "Oregon", "Florida", "Arizona", "Nevada", "Georgia", "Virginia", "Michigan",
          "Minnesota", "Colorado", "Vermont", "Maine", "Alaska", "Hawaii", "Tennessee", "Kentucky", "Montana", "Utah",
          "New Mexico", "North Carolina", "Wisconsin", "Massachusetts", "Louisiana")
COUNTRIES = ("Canada", "Mexico", "Germany", "France", "India", "Brazil", "Japan", "Nigeria", "Poland", "Vietnam", "Kenya",
             "Ireland", "Italy", "Spain", "Jordan", "Chad", "Turkey", "Peru", "Ghana", "Colombia", "Portugal")

@family("places", SAFE, (
    "She moved here from {st}.", "We're licensed in {st} and {st2}.", "He's visiting from {co}.", "The shipment goes to {co}.",
    "My family is in {co}.", "Is the policy valid in {st}?", "They relocated to {st} for work.",
    "The supplier is based in {co}.", "She grew up in {co} but lives in {st} now."))
def places(ctx: Ctx) -> dict:
    """US states and countries (not LOCATION), some of them also names (Georgia, Jordan, Chad)."""
    st, st2 = ctx.rng.sample(STATES, 2)
    return {"st": (st, KEEP), "st2": (st2, KEEP), "co": (ctx.pick(COUNTRIES), KEEP)}

NAMEWORD_T = (("I {k} so.", "hope"), ("We {k} it as reviewed.", "will mark"), ("Did you get the {k} from the hospital?", "bill"),
              ("She handled it with {k}.", "grace"), ("There's a thirty day {k} period.", "grace"),
              ("We had a {k} discussion about the budget.", "frank"), ("The {k} garden is lovely this time of year.", "rose"),
              ("He {k} be late.", "will"), ("{k} my words.", "Mark"), ("I'll {k} you for the supplies.", "bill"),
              ("Let's {k} the motion.", "grant"), ("Please {k} it dry.", "pat"), ("It's {k} outside today.", "sunny"),
              ("We'll {k} down the results.", "chase"), ("At {k}, the pain got worse.", "dawn"), ("I have {k} it'll work.", "faith"))

@family("name_words", SAFE, NAMEWORD_T)
def name_words(ctx: Ctx) -> dict:
    """Name-words used as words ("I hope so", "the bill", "with grace", "a frank discussion"); the word is kept."""
    template, word = ctx.pick(NAMEWORD_T)
    return {"template": template, "k": (word, KEEP)}


# ------------------------------------------------------------------------- public API

def draw(rng: random.Random) -> Line:
    """One line: from an identifier family with probability 0.7, else from a safe family."""
    pool = IDENTIFIER_FAMILIES if rng.random() < 0.7 else SAFE_FAMILIES
    return pool[rng.choice(sorted(pool))](rng)

def generate(count: int, seed: int) -> list[Line]:
    """`count` lines drawn from random.Random(seed): the same seed gives the same lines."""
    rng = random.Random(seed)
    return [draw(rng) for _ in range(count)]

_BAD_EDGE = set(" \t\n,.;:!?\"'()")

def check(line: Line) -> None:
    """Assert that a line is well-formed: offsets inside the text, spans and keep spans sorted and
    not overlapping, slices with no surrounding space or punctuation and not cutting a word, types
    from the README table, spans in identifier-family lines, none (but keep spans) in safe ones."""
    t = line.text
    assert t and t == t.strip() and "  " not in t, repr(t)
    assert list(line.spans) == sorted(line.spans) and list(line.keep) == sorted(line.keep), line
    assert all(typ in TYPES for _, _, typ in line.spans), line
    prev = 0
    for s, e in sorted([(s, e) for s, e, _ in line.spans] + list(line.keep)):
        assert 0 <= prev <= s < e <= len(t), (line, s, e)
        piece = t[s:e]
        assert piece[0] not in _BAD_EDGE and piece[-1] not in _BAD_EDGE, (piece, t)
        assert s == 0 or not (t[s - 1].isalnum() and t[s].isalnum()), (piece, t)
        assert e == len(t) or not (t[e - 1].isalnum() and t[e].isalnum()), (piece, t)
        prev = e
    if line.family in SAFE_FAMILIES:
        assert not line.spans and line.keep, line
    else:
        assert line.family in IDENTIFIER_FAMILIES and line.spans, line

def main(argv: Sequence[str] | None = None) -> None:
    """Print `--count` lines as JSONL (ids gen-0001, ...), or with --check N check N lines for each of five seeds."""
    ap = argparse.ArgumentParser(description="Generate annotated speech-style PII lines (see the module docstring).")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--source", default="heldout-generated")
    ap.add_argument("--check", type=int, metavar="N", help="check N lines for each of five seeds and exit")
    args = ap.parse_args(argv)
    if args.check:
        for fam in {**IDENTIFIER_FAMILIES, **SAFE_FAMILIES}.values():
            assert len(fam.templates) >= 8, fam.__name__  # type: ignore[attr-defined]
        for seed in range(args.seed, args.seed + 5):
            for line in generate(args.check, seed):
                check(line)
        print(f"ok: {5 * args.check} lines checked", file=sys.stderr)
        return
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")  # type: ignore[attr-defined]
    for i, line in enumerate(generate(args.count, args.seed), 1):
        check(line)
        sys.stdout.write(json.dumps(line.to_json(f"gen-{i:04d}", args.source), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
