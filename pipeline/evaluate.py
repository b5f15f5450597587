"""`hush eval`: redaction quality on an annotated corpus, hush beside stock Presidio.

Scoring is per token (runs of letters and digits), because what matters is whether each
word of an identifier was hidden, whatever label it got:

- recall of type T: the share of gold tokens of type T that were redacted (by any label);
- precision of type T: the share of tokens hush labelled T that lie inside some gold span;
- F2 weighs recall four times as much as precision (a leak costs more than an over-redaction).

Gold types outside the policy (e.g. ORGANIZATION under ``hipaa``) are left out: neither
counted for recall nor held against a prediction that covers them. Span recall (every token
of the span redacted) is reported overall.

Where the corpus marks `keep` phrases (content that must survive: doses, eponyms, name-words
used as words), "kept" is the share of them with no token redacted. Where lines carry a
`family` (the generator's kind of line, e.g. ``date_partial``, ``person_signoff``), recall
and precision are also given per family.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .config import RedactOptions
from .errors import InputError

_TOKEN = re.compile(r"[^\W_]+")
# Presidio's names for the identifiers hush calls otherwise.
CANONICAL = {"US_BANK_NUMBER": "ACCOUNT_NUMBER", "IBAN_CODE": "ACCOUNT_NUMBER", "CRYPTO": "ACCOUNT_NUMBER",
             "MEDICAL_LICENSE": "LICENSE_NUMBER", "US_ITIN": "US_SSN"}


@dataclass(frozen=True)
class GoldLine:
    """One annotated text: spans as (start, end, type); phrases that must survive as (start, end)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    keep: tuple[tuple[int, int], ...] = ()
    family: str | None = None


def load_gold(path: Path) -> list[GoldLine]:
    """Read GOLD.jsonl: one object per line with `text` and `spans` [{start, end, type}]."""
    lines: list[GoldLine] = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read", path=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
                text = item["text"]
                spans = tuple((int(s["start"]), int(s["end"]), str(s.get("type") or s["entity_type"]))
                              for s in item.get("spans", []))
                keep = tuple((int(k["start"]), int(k["end"])) for k in item.get("keep", []))
                family = item.get("family")
            except (ValueError, KeyError, TypeError):
                raise InputError(f"line {number} is not a gold record (text, spans[start, end, type])",
                                 path=str(path)) from None
            if any(not 0 <= s < e <= len(text) for s, e in [(s, e) for s, e, _ in spans] + list(keep)):
                raise InputError(f"line {number} has a span outside its text", path=str(path))
            lines.append(GoldLine(text, spans, keep, str(family) if family else None))
    return lines


@dataclass
class Counts:
    """Token tallies for one system and one type."""

    gold: int = 0
    caught: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.caught / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def f2(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 5 * p * r / (4 * p + r)


@dataclass
class Scores:
    """Per-type and overall counts of one system on one corpus."""

    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_family: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    total: Counts = field(default_factory=Counts)
    spans: int = 0
    spans_caught: int = 0
    keep: int = 0
    kept: int = 0

    @property
    def kept_share(self) -> float | None:
        """The share of must-survive phrases with no redacted token (None without any)."""
        return self.kept / self.keep if self.keep else None

    def as_dict(self) -> dict:
        def row(c: Counts) -> dict:
            return {"gold_tokens": c.gold, "recall": c.recall, "precision": c.precision, "f2": c.f2}

        overall = row(self.total) | {"span_recall": self.spans_caught / self.spans if self.spans else None,
                                     "keep_phrases": self.keep, "kept": self.kept_share}
        document = {"overall": overall, "by_type": {t: row(c) for t, c in sorted(self.by_type.items())}}
        if self.by_family:
            document["by_family"] = {f: row(c) for f, c in sorted(self.by_family.items())}
        return document


def score(lines: Sequence[GoldLine], predictions: Sequence[Sequence], in_scope: set[str]) -> Scores:
    """Token-level scores of predicted spans (objects with entity/start/end/score) against gold."""
    scores = Scores()
    for line, predicted in zip(lines, predictions):
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(line.text)]
        gold_type: dict[int, str] = {}
        ignored: set[int] = set()
        for start, end, kind in line.spans:
            covered = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
            if kind in in_scope:
                scores.spans += 1
                for i in covered:
                    gold_type[i] = kind
            else:
                ignored.update(covered)
        labelled: dict[int, tuple[float, str]] = {}
        for span in predicted:
            kind = CANONICAL.get(span.entity, span.entity)
            for i, (s, e) in enumerate(tokens):
                if s < span.end and span.start < e and (i not in labelled or span.score > labelled[i][0]):
                    labelled[i] = (span.score, kind)
        for start, end, kind in line.spans:
            covered = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
            if kind in in_scope and covered and all(i in labelled for i in covered):
                scores.spans_caught += 1
        family = [scores.by_family[line.family]] if line.family else []
        for i, kind in gold_type.items():
            for counts in (scores.by_type[kind], scores.total, *family):
                counts.gold += 1
                counts.caught += i in labelled
        for i, (_, kind) in labelled.items():
            if i in ignored:
                continue
            for counts in (scores.by_type[kind], scores.total, *family):
                counts.predicted += 1
                counts.correct += i in gold_type
        for start, end in line.keep:
            scores.keep += 1
            scores.kept += not any(s < end and start < e and i in labelled for i, (s, e) in enumerate(tokens))
    return scores


def evaluate(path: Path, options: RedactOptions, with_stock: bool = True) -> dict[str, Scores]:
    """Scores of hush (and stock Presidio on the same spaCy model) on a gold corpus."""
    from .redact import Redactor

    lines = load_gold(path)
    in_scope = {CANONICAL.get(e, e) for e in options.entities}
    texts = [line.text for line in lines]
    systems = {"hush": Redactor(options)}
    if with_stock:
        systems["presidio"] = Redactor(RedactOptions(policy=options.policy), stock=True)
    return {name: score(lines, redactor.find_many(texts), in_scope) for name, redactor in systems.items()}


def table(results: dict[str, Scores]) -> str:
    """The scores as a fixed-width table, one row per type and an overall row."""
    systems = list(results)
    kinds = sorted({k for s in results.values() for k in s.by_type})

    def cell(value: float | None) -> str:
        return "    –" if value is None else f"{value:5.3f}"

    header = f"{'type':<24}{'gold':>6}  " + "  ".join(f"{n + ' R':>7} {'P':>5} {'F2':>5}" for n in systems)
    rows = [header, "-" * len(header)]
    for kind in kinds + ["OVERALL"]:
        pick = (lambda s: s.total) if kind == "OVERALL" else (lambda s, k=kind: s.by_type.get(k, Counts()))
        gold = pick(results[systems[0]]).gold
        cells = "  ".join(f"{cell(pick(results[n]).recall):>7} {cell(pick(results[n]).precision)} "
                          f"{cell(pick(results[n]).f2)}" for n in systems)
        rows.append(f"{kind:<24}{gold:>6}  {cells}")
    spans = "  ".join(f"{n}: {s.spans_caught}/{s.spans}" for n, s in results.items())
    rows.append(f"gold spans with every token redacted: {spans}")
    if any(s.keep for s in results.values()):
        kept = "  ".join(f"{n}: {s.kept}/{s.keep} ({s.kept_share:.3f})" for n, s in results.items())
        rows.append(f"phrases that must survive, kept whole: {kept}")
    families = sorted({f for s in results.values() for f in s.by_family})
    if families:
        rows.append("")
        rows.append(f"{'family':<24}{'gold':>6}  " + "  ".join(f"{n + ' R':>7} {'P':>5}" for n in systems))
        for family in families:
            gold = results[systems[0]].by_family.get(family, Counts()).gold
            cells = "  ".join(f"{cell(results[n].by_family.get(family, Counts()).recall):>7} "
                              f"{cell(results[n].by_family.get(family, Counts()).precision)}" for n in systems)
            rows.append(f"{family:<24}{gold:>6}  {cells}")
    redacted = "  ".join(f"{n}: {s.total.predicted} ({s.total.predicted - s.total.correct} outside gold)"
                         for n, s in results.items())
    rows.append(f"tokens redacted: {redacted}")
    return "\n".join(rows)
