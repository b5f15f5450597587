"""Clinical shorthand that spaCy's small model mistakes for names and places ("Foley", "Neuro",
"abd soft", "CV", "GU"): spans made only of these words are never a PERSON or LOCATION; and
spans spaCy calls a person that hold no word that could be a name ("Thick Tan", "Tolerated").
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
carevue flowsheet addendum con't cont'd serosang serosanguinous iabp misc freq qs qsuo ganz spont guiac guaiac
extrem abgs csru drng drsg dsg dsgs gd bilat perm hep kphos labile crackles rhonchi junct vss afib nsr sb svt pvc
pvcs bm bms abx amio lido dobut dopa ntg tf tfs ett peg tlc cvl art sxn'd coccyx oob ambulating tol vac
""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# An everyday English word at least this frequent (wordfreq's Zipf scale) that is in none of the
# name lists is no name: "tolerated" (3.5), "bowel" (3.6). Rarer words may be names the lists
# lack ("Tariq" 3.1, "Adebayo" 2.0), so below it a word stays a possible name.
EVERYDAY_ZIPF = 3.2
_SLASHED = re.compile(r"(?<!\d)\d{1,2}/\d{1,4}(?!\d)")
# Words after which the next one names the person: "daughter Pat lives close by".
RELATIONS = frozenset("daughter son wife husband mother father mom dad mum brother sister aunt uncle niece nephew "
                      "cousin grandson granddaughter grandmother grandfather grandma grandpa friend partner fiance "
                      "fiancee neighbor neighbour girlfriend boyfriend stepson stepdaughter".split())
_DECADE = re.compile(r"^\d+['’]?s$")  # "90's", "100s": a range of readings
_CONTRACTION = re.compile(r"['’](?:d|t|s|ll|re|ve|m)$")  # "dc'd", "con't"; not "o'brien"


def is_clinical_shorthand(value: str) -> bool:
    """Whether every word of `value` is clinical shorthand, or a 2–3 letter abbreviation that is
    no name at all ("GU", "VSS", "NAD"; but not "Lee", "Li", "Wu", "Ng" or "Bo")."""
    from .names import SHORT_SURNAMES, is_name

    from .lexicon import drug_names

    words = _WORD.findall(value.lower())
    return bool(words) and all(
        w in TERMS or (w in drug_names() and not is_name(w)) or _is_reading(w)
        or (len(w) <= 3 and w.isalpha() and not is_name(w) and w not in SHORT_SURNAMES) for w in words)


def is_clinical_term(word: str) -> bool:
    """A lower-case word of clinical shorthand or a drug name ("fem", "kcl", "zofran")."""
    from .lexicon import drug_names

    return word in TERMS or word in drug_names()


def _is_reading(word: str) -> bool:
    """A short number or a value with its unit ("x3", "o2", "250cc", "90's"); not a code ("ab12345")."""
    from .measurements import has_unit

    return bool(_DECADE.match(word)) or has_unit(word) or (len(word) <= 3 and any(c.isdigit() for c in word))


def _no_name(word: str) -> bool:
    """A word that cannot be (part of) a person's name: shorthand, a short number or a number with
    its unit, a drug, or a frequent English word; never a word in the name lists. "dc'd", "con't" are read
    by their stem."""
    from wordfreq import zipf_frequency

    from .lexicon import drug_names
    from .names import SHORT_SURNAMES, is_name

    stem = _CONTRACTION.sub("", word)
    if word in TERMS or stem in TERMS or _is_reading(word):
        return True
    if any(c.isdigit() for c in word):
        return False
    if not (stem.isascii() and stem.isalpha()) or is_name(stem) or stem in SHORT_SURNAMES:
        return False  # "O'Brien", "Weiß", "李明": names as far as this can tell
    return stem in drug_names() or zipf_frequency(stem, "en") >= EVERYDAY_ZIPF


def holds_no_name(value: str, sentence_start: bool = False) -> bool:
    """Whether a span called a person holds no word that could be a name: every word is
    shorthand, a drug, or an everyday non-name word written in lower case (or opening a
    sentence), beside at most word-like names ("thick white", "Tolerated well").

    A capitalised word inside a sentence ("… with Trust Bank", "on Cedar Lane") may be a
    name or a place and stays; so do titles, spellings, codes and cities.
    """
    from .measurements import is_measurement
    from .names import TITLES, WORD_LIKE
    from .places_us import us_cities
    from .spoken import code_runs

    written = _WORD.findall(value)
    words = [w.lower() for w in written]
    if any(w in TITLES or (w in us_cities() and w not in TERMS) for w in words):
        return False  # "Nurse Pat"; "Williamsburg" is a place even where spaCy calls it a person
    if any(run.digits >= 4 and not is_measurement(value, run.start, run.end) for run in code_runs(value)):
        return False  # a code under the wrong label ("C zero three zero zero …") is still a code
    if sum(len(w) == 1 and w.isalpha() for w in words) >= 2:
        return False  # a spelling ("F-E-R-R-E-I-R-A", "passport A B …")
    if _SLASHED.search(value):
        return False  # a date under the wrong label ("pelvic fx4/97")
    if any(a in RELATIONS for a in words[:-1]):
        return False  # "daughter Pat", "son rob": the word after a relation is a name
    # Word-like names and single letters decide nothing alone.
    plain = [(w, n) for n, w in enumerate(words) if w not in WORD_LIKE and len(w) > 1]

    def safe(word: str, n: int) -> bool:
        capitalised = written[n][:1].isupper() and not written[n].isupper() and not (n == 0 and sentence_start)
        return is_clinical_term(word) if capitalised else _no_name(word)

    return bool(plain) and all(safe(w, n) for w, n in plain)
