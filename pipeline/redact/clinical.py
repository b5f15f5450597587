"""Clinical shorthand that spaCy's small model mistakes for names and places ("Foley", "Neuro",
"abd soft", "CV", "GU"): spans made only of these words are never a PERSON or LOCATION.
"""

from __future__ import annotations

import re

TERMS = frozenset("""
abd abdomen afeb afebrile aline a-line alert levo captopril comfort urine clear wean house staff amt amts uo ativan asa bipap bp cabg ccu chf cont copd cpap cv cvp dbp dispo
diuresis dopamine effect ekg ecg fem fentanyl fio2 floor foley gerd gi gtt gu heme heparin ho hr icu insulin
lasix levophed map max micu mi morphine neo neuro ngt npn npo ns o2 ogt pa peep picc po prn propofol ps pt
renal resp rr sats sbp secretions sicu soft spo2 sputum swan tan tele tpn tylenol vanco vent vs zosyn good
draining aware patient pt's pts cxr abg cbc bmp lft inr ptt hct wbc plt trach vent'd sx sxn sxn'd suctioned
gtts neb nebs mdi ivf ivp pca lr d5w kcl mag phos ca k na cl bun cr crit ef lad rca lcx cath stent echo ct mri
""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def is_clinical_shorthand(value: str) -> bool:
    """Whether every word of `value` is clinical shorthand, or a 2–3 letter abbreviation that is
    no name at all ("GU", "VSS", "NAD"; but not "Lee", "Li", "Wu", "Ng" or "Bo")."""
    from .names import SHORT_SURNAMES, is_name

    words = _WORD.findall(value.lower())
    return bool(words) and all(
        w in TERMS or (2 <= len(w) <= 3 and w.isalpha() and not is_name(w) and w not in SHORT_SURNAMES) for w in words)
