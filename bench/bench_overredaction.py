"""Over-redaction on text with no identifiers at all, and whether it grows with the input's length.

    .venv/bin/python bench/bench_overredaction.py [--notes 200] [--policy hipaa]

The PhysioNet deid nursing notes that have no gold PHI (1,699 notes, ../shared/corpus, read in
place) are clinical text in which every redaction is a false positive (a few times and generic
ages are not in the gold; they are rare). Measured, in this process, models loaded:

1. `hush eval`'s figure: tokens redacted when each note is analysed alone (`find_many`).
2. The rate of redacted words per 1,000 words through `Redactor.redact_lines` (what `hush
   redact` runs) for the first `--notes` notes one at a time, then for the same notes as one
   document (a long transcript): a word wrongly taken for a name once must not be spread to
   every other occurrence. Target: the second rate within 1.2x of the first.
3. The `[PERSON]` replacements for 1, 20 and `--notes` notes together.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from corpora import convert  # noqa: E402
from pipeline.config import RedactOptions  # noqa: E402
from pipeline.redact import Redactor  # noqa: E402

_TAG = re.compile(r"\[([A-Z][A-Z_]*?)(?:_\d+)?\]")
_TOKEN = re.compile(r"[^\W_]+")  # hush eval's tokens: runs of letters and digits


def redacted_words(original: list[str], redacted: list[str]) -> int:
    """Words of `original` replaced in `redacted` (a tag hides one or more words)."""
    return sum(max(0, len(a.split()) - len(b.split()) + len(_TAG.findall(b)))
               if _TAG.search(b) else 0 for a, b in zip(original, redacted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument("--policy", default="hipaa")
    args = parser.parse_args()

    notes = [record["text"] for record in convert("physionet_nophi")]
    redactor = Redactor(RedactOptions(policy=args.policy))
    redactor.find("warm up")

    tokens = sum(len(_TOKEN.findall(n)) for n in notes)
    found = redactor.find_many(notes)
    per_note = []
    for note, spans in zip(notes, found):
        marks = [(m.start(), m.end()) for m in _TOKEN.finditer(note)]
        per_note.append(sum(any(s.start < e and b < s.end for s in spans) for b, e in marks))
    hit = sum(per_note)
    print(f"1. {len(notes)} PHI-free notes, each alone: {hit} of {tokens} tokens redacted (hush eval's count); "
          f"even-numbered notes (the half the clinical filters were tuned on) {sum(per_note[0::2])}, "
          f"odd-numbered (held back: no word list was taken from them) {sum(per_note[1::2])}")

    chosen = notes[: args.notes]
    lines_each = [note.splitlines() for note in chosen]
    alone = [redactor.redact_lines(lines) for lines in lines_each]
    words = sum(len(line.split()) for lines in lines_each for line in lines)
    alone_words = sum(redacted_words(a, b) for a, b in zip(lines_each, alone))
    joined_lines = [line for lines in lines_each for line in lines]
    together = redactor.redact_lines(joined_lines)
    together_words = redacted_words(joined_lines, together)
    rate_alone, rate_together = 1000 * alone_words / words, 1000 * together_words / words
    print(f"2. {len(chosen)} notes, {words} words: one at a time {alone_words} words redacted "
          f"({rate_alone:.2f} per 1,000); as one document {together_words} ({rate_together:.2f} per 1,000); "
          f"ratio {rate_together / rate_alone if rate_alone else float('nan'):.2f} (target <= 1.2)")

    persons = []
    for count in (1, 20, args.notes):
        joined = [line for lines in lines_each[:count] for line in lines]
        persons.append((count, sum(line.count("[PERSON") for line in redactor.redact_lines(joined))))
    print("3. [PERSON] replacements: " + ", ".join(f"{c} note(s) together {n}" for c, n in persons))
    print(json.dumps({"eval_tokens_redacted": hit, "eval_tokens": tokens, "tuned_half": sum(per_note[0::2]),
                      "untouched_half": sum(per_note[1::2]), "notes": len(chosen), "words": words,
                      "rate_alone": rate_alone, "rate_together": rate_together,
                      "person_tags": dict(persons)}))


if __name__ == "__main__":
    main()
