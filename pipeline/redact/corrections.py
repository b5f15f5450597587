"""Self-corrections: "six seven one, no, no, it's six seven eight five five five …", "my MRN is
eight three three double five six nine oh, no wait, eight three three …".

Whichever of the two values a recognizer caught (the corrected one is often out of its context
window, the abandoned one too short), the other is the same kind of identifier: it gets a span
of the same type.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..types import PiiSpan
from .spoken import FILLERS, code_runs

# Types whose values are codes (digits and letters said one by one).
CODE_TYPES = frozenset({"PHONE_NUMBER", "US_SSN", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER",
                        "CREDIT_CARD", "US_DRIVER_LICENSE", "US_PASSPORT", "LICENSE_NUMBER", "VEHICLE_ID",
                        "DEVICE_ID", "CASE_NUMBER", "PIN", "ZIP_CODE", "ID", "IP_ADDRESS"})
# Words that say the value before was wrong; at least one must be there.
MARKERS = frozenset("no nope sorry mean scratch wait rather correction actually oops instead wrong".split())
# Words that may stand beside them in the correction.
CONNECTIVES = MARKERS | FILLERS | frozenset("i i'm im it's its is it that let me correct my bad about or not hold "
                                            "on make the number should be".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
MAX_GAP_WORDS = 7
MIN_SYMBOLS = 3


def _is_correction(gap: str) -> bool:
    words = [w.lower() for w in _WORD.findall(gap)]
    return 0 < len(words) <= MAX_GAP_WORDS and any(w in MARKERS for w in words) and all(w in CONNECTIVES for w in words)


def corrected(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """`spans` plus, for each code-like span, the value said just before or after it with a
    correction in between, typed the same."""
    codes = [s for s in spans if s.entity in CODE_TYPES]
    if not codes:
        return list(spans)
    extra: list[PiiSpan] = []
    for run in code_runs(text):
        if len(run.value) < MIN_SYMBOLS or any(s.start < run.end and run.start < s.end for s in spans):
            continue
        for span in codes:
            gap = text[span.end:run.start] if span.end <= run.start else text[run.end:span.start]
            if _is_correction(gap):
                extra.append(PiiSpan(span.entity, run.start, run.end, round(span.score - 0.05, 3)))
                break
    return [*spans, *extra]
