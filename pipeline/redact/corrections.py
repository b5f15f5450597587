"""Self-corrections: "six seven one, no, no, it's six seven eight five five five …", "my MRN is
eight three three double five six nine oh, no wait, eight three three …".

Whichever of the two values a recognizer caught (the corrected one is often out of its context
window, the abandoned one too short), the other is the same kind of identifier: it gets a span
of the same type.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Callable, Sequence

from ..types import PiiSpan
from .recognizers.generic_id import UNEXPLAINED_SCORE
from .spoken import FILLERS, code_runs

# Types whose values are codes (digits and letters said one by one).
CODE_TYPES = frozenset({"PHONE_NUMBER", "US_SSN", "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER",
                        "CREDIT_CARD", "US_DRIVER_LICENSE", "US_PASSPORT", "LICENSE_NUMBER", "VEHICLE_ID",
                        "DEVICE_ID", "CASE_NUMBER", "PIN", "ZIP_CODE", "ID", "IP_ADDRESS"})
# Words that say the value before was wrong; at least one must be there.
MARKERS = frozenset("no nope sorry mean scratch wait rather correction actually oops instead wrong".split())
# Whose the first value was: "four four oh nine no wait that's my husband's it's two seven one six".
OTHERS_OWN = frozenset("husband's wife's partner's mom's mum's dad's mother's father's son's daughter's brother's "
                       "sister's".split())
# Words that may stand beside them in the correction.
CONNECTIVES = MARKERS | FILLERS | frozenset("i i'm im it's its is it that that's thats let me correct my bad about or "
                                            "not hold on make the number should be last first middle part but then "
                                            "said says changed week new now".split()) | OTHERS_OWN

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
MAX_GAP_WORDS = 7
# A code said again a little further on, with a symbol or two changed, is the same kind of code.
RETOLD_REACH = 200
RETOLD_MIN_SYMBOLS = 5
RETOLD_CHANGES = 2
MIN_SYMBOLS = 3


def _is_correction(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says the value beside it was wrong: one to `MAX_GAP_WORDS`
    words, all `CONNECTIVES`, one of them a marker. Read in place, word by word, up to the
    first word that rules it out, so a gap across the whole document costs no more than a
    short one (it did: every code against every run was quadratic, a minute for 10,000 words
    of nursing notes)."""
    count, marked = 0, False
    for match in _WORD.finditer(text, start, end):  # as over the slice: _WORD has no anchors or look-arounds
        word = match.group(0).lower()
        count += 1
        if count > MAX_GAP_WORDS or word not in CONNECTIVES:
            return False
        marked = marked or word in MARKERS
    return marked


def _overlap_test(spans: Sequence[PiiSpan]) -> Callable[[int, int], bool]:
    """A test of whether ``[start, end)`` overlaps one of `spans`, by bisection, not a scan."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    reach = list(itertools.accumulate((s.end for s in ordered), max))  # furthest end among the first k

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the spans that start before `end`
        return k > 0 and reach[k - 1] > start

    return overlaps


def corrected(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """`spans` plus, for each code-like span, the value said just before or after it with a
    correction in between, typed the same."""
    # The most certain type first, so the corrected value takes it whatever order `spans` are in;
    # a number only the catch-all claimed is still free to take the type of the value it corrects.
    codes = sorted((s for s in spans if s.entity in CODE_TYPES), key=lambda s: (-s.score, s.start, s.end, s.entity))
    if not codes:
        return list(spans)
    overlaps = _overlap_test([s for s in spans if not (s.entity == "ID" and s.score <= UNEXPLAINED_SCORE)])
    extra: list[PiiSpan] = []
    runs = code_runs(text)
    values = {(run.start, run.end): run.value for run in runs}
    for run in runs:
        if len(run.value) < MIN_SYMBOLS or overlaps(run.start, run.end):
            continue
        for span in codes:
            gap = (span.end, run.start) if span.end <= run.start else (run.end, span.start)
            if _is_correction(text, *gap) or _retold(run.value, values.get((span.start, span.end)), gap[1] - gap[0]):
                extra.append(PiiSpan(span.entity, run.start, run.end, round(span.score - 0.05, 3)))
                break
    return [*spans, *extra]


def _retold(value: str, code: str | None, gap: int) -> bool:
    """Whether `value`, said `gap` characters from a code, is that code said again with a symbol
    or two changed: "k r seven one five five i think the witness said k r seven one five eight"."""
    return code is not None and 0 <= gap <= RETOLD_REACH and len(value) == len(code) >= RETOLD_MIN_SYMBOLS \
        and sum(a != b for a, b in zip(value, code)) <= RETOLD_CHANGES
