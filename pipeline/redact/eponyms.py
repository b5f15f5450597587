"""Eponyms: people's names that name a disease, a sign, a device or a legal doctrine ("Cushing's
syndrome", "Bell's palsy", "a Foley", "the Heimlich", "a Daubert motion", "Miranda rights").

They carry the meaning of a clinical or legal record and identify no one, so a name guess that
is an eponym where it stands (possessive, or before the noun it names) is not a PERSON.
"""

from __future__ import annotations

import re

from .spoken import words_after

MEDICAL = """addison alzheimer apgar asperger babinski baker barrett bell bence jones brudzinski burkitt chagas
cheyne stokes colles crohn cushing quervain down dupuytren ebstein ehlers danlos epstein barr ewing fallot gilbert
glasgow graves guillain barre hashimoto heimlich hirschsprung hodgkin holter horner huntington kaposi kawasaki
kernig korsakoff kussmaul gehrig lyme marfan mcburney meniere munchausen murphy osgood schlatter paget parkinson
peyronie raynaud reye sjogren swan ganz tay sachs tourette trendelenburg valsalva willebrand wernicke whipple wilms
wilson wolff foley hickman doppler gleason snellen rinne weber romberg allen phalen tinel finkelstein lachman
mcmurray thompson homan homans ranson pugh wells centor braden morse apley spurling hawkins neer yergason fowler
sims kegel pap broca wernicke bartholin cowper fallopian eustachian bowman schwann purkinje hartmann whipple roux
billroth nissen kocher pfannenstiel mallory weiss zenker meckel hirschsprung kawasaki still behcet takayasu wegener
churg strauss sjogren reiter bechterew lou gehrig creutzfeldt jakob ménière menieres tinel apgar""".split()
LEGAL = """miranda brady giglio daubert frye terry batson twombly iqbal chevron loper bright rooker feldman
younger pullman burford monell loudermill weingarten faragher ellerth mcdonnell douglas garrity kastigar bruton
jencks strickland gideon mapp chimel roe wade marbury madison gault escobedo allen""".split()
EPONYMS = frozenset(MEDICAL + LEGAL)
# What an eponym names, right after it: "Cushing's syndrome", "a Daubert motion", "Miranda rights".
NAMED = frozenset("""disease diseases syndrome palsy sign signs test tests maneuver manoeuvre reflex law rule triad
phenomenon ulcer sarcoma lymphoma disorder tumor tumour fracture scale score criteria procedure operation motion
motions doctrine rights warning warnings hearing violation violations stop standard material disclosure challenge
charge letter catheter line tube fistula space node nodes cyst classification angle position canal questionnaire
exam examination protocol monitor stockings hose bag balloon dilator forceps retractor incision repair fundoplication
sheet chart study ultrasound scan flow plot cancer leukemia anemia anaemia encephalopathy dementia contracture
neuroma neuralgia aneurysm diverticulum gland glands duct ducts tube tubes cells cell fibers fibres area aphasia
defense defence claim claims inquiry request statement evidence exception analysis factor factors test""".split())
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][sS])?")


def is_eponym(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a name guess, is an eponym where it stands: every word is a
    known eponym, and it is possessive or the noun it names follows ("Bell's palsy")."""
    words = _WORD.findall(text[start:end])
    if not words or not all(_POSSESSIVE.sub("", w).lower() in EPONYMS for w in words):
        return False
    if _POSSESSIVE.search(words[-1]) or text[end:end + 2] in ("'s", "’s"):
        return True
    after = words_after(text, end, 1)
    return bool(after) and after[0] in NAMED
