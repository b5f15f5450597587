"""Redaction throughput: hush on a long meeting transcript vs stock Presidio line by line.

    .venv/bin/python bench/bench_redact.py [--words 50000]

The AMI ES2011a meeting transcript from ../shared/corpus is repeated to `--words` words and
redacted as one recording (hush: `Redactor.redact_transcript`, spaCy `pipe` over overlapping
chunks). Stock Presidio (default recognizers, same spaCy model) analyses the same text line by
line, the usual way it is called. Both in this process, models loaded before timing.
Target: hush at least 5,000 words per second on 2 cores.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from pipeline.config import RedactOptions
from pipeline.redact import Redactor, engine
from pipeline.types import Segment, Transcript, Word

AMI = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text_ami_es2011a_meeting_transcript" / "ES2011a_transcript.txt"
_LINE = re.compile(r"^\[\s*([\d.]+)-\s*([\d.]+)\]\s+\S+:\s*(.*)$")


def meeting_lines(words: int) -> list[str]:
    """Utterances of the AMI meeting, in order, repeated until they hold `words` words."""
    lines = [m.group(3) for m in map(_LINE.match, AMI.read_text().splitlines()) if m and m.group(3).strip()]
    out, count = [], 0
    while count < words:
        for line in lines:
            out.append(line)
            count += len(line.split())
            if count >= words:
                break
    return out


def as_transcript(lines: list[str]) -> Transcript:
    segments, t = [], 0.0
    for line in lines:
        words = tuple(Word(w, t + i * 0.3, t + i * 0.3 + 0.25) for i, w in enumerate(line.split()))
        segments.append(Segment(words[0].start, words[-1].end, words))
        t = words[-1].end + 0.5
    return Transcript("ami-repeated", t, "en", "none", tuple(segments))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    lines = meeting_lines(args.words)
    words = sum(len(line.split()) for line in lines)
    transcript = as_transcript(lines)
    hush, stock = Redactor(RedactOptions()), Redactor(RedactOptions(), stock=True)
    hush.find("warm up Maria Lopez"), stock.find("warm up Maria Lopez")

    began = time.perf_counter()
    redacted = hush.redact_transcript(transcript)
    hush_s = time.perf_counter() - began

    aside_chunks, engine.PARSE_ASIDE_CHUNKS = engine.PARSE_ASIDE_CHUNKS, 10**9
    began = time.perf_counter()
    threaded = hush.redact_transcript(transcript)
    thread_s = time.perf_counter() - began
    engine.PARSE_ASIDE_CHUNKS = aside_chunks
    assert threaded == redacted, "the forked parse must not change the redaction"

    began = time.perf_counter()
    stock_spans = sum(len(stock.find(line)) for line in lines)
    stock_s = time.perf_counter() - began

    print(f"text: {words} words in {len(lines)} utterances (AMI ES2011a repeated)")
    print(f"hush (whole recording, batched): {hush_s:6.2f} s  {words / hush_s:8.0f} words/s  "
          f"{len(redacted.entities)} redactions")
    print(f"hush, spaCy on a thread instead: {thread_s:6.2f} s  {words / thread_s:8.0f} words/s  "
          f"(forked parse {thread_s / hush_s:.2f}x as fast)")
    print(f"stock Presidio, line by line:    {stock_s:6.2f} s  {words / stock_s:8.0f} words/s  {stock_spans} spans")
    print(f"hush speed / stock speed:        {stock_s / hush_s:.2f}   (target: hush >= 5000 words/s)")


if __name__ == "__main__":
    main()
