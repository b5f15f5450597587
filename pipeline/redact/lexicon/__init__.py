"""Word lists the redactor reads as data (``*.txt.gz`` beside this file), and how they are made.

``drugs.txt.gz``: single-word drug names (generic and brand, 4 letters or more), taken from the
dictionary in the MIT-licensed ``drug-named-entity-recognition`` package (Thomas Wood; NHS,
MeSH, Wikipedia and FDA sources). Vendored so the redactor does not unpickle a 1.6 MB
dictionary (4.5 s) at every start. Rebuild after upgrading that package:

    .venv/bin/pip install drug-named-entity-recognition
    .venv/bin/python -m pipeline.redact.lexicon
"""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRUGS = HERE / "drugs.txt.gz"
_SINGLE_WORD = re.compile(r"[a-z][a-z-]{3,}")


@functools.lru_cache(maxsize=1)
def drug_names() -> frozenset[str]:
    """Lower-case single-word drug names ("nystatin", "zofran", "toradol")."""
    with gzip.open(DRUGS, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def build_drugs(target: Path = DRUGS) -> int:
    """Write `target` from the installed drug-named-entity-recognition package; the word count."""
    import bz2
    import importlib.metadata
    import importlib.resources
    import pickle

    package = "drug_named_entity_recognition"
    source = importlib.resources.files(package) / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(source) as handle:  # the package's own data file, as its own loader reads it
        variants = pickle.load(handle)["drug_variant_to_canonical"]
    words = sorted({v.lower() for v in variants if _SINGLE_WORD.fullmatch(v.lower())})
    version = importlib.metadata.version("drug-named-entity-recognition")
    header = f"# single-word drug names from drug-named-entity-recognition {version} (MIT licence)\n"
    with gzip.GzipFile(target, "wb", mtime=0) as handle:
        handle.write((header + "\n".join(words) + "\n").encode("utf-8"))
    return len(words)
