"""Rebuild the vendored word lists: ``python -m pipeline.redact.lexicon``."""

from . import DRUGS, build_drugs

print(f"{build_drugs()} drug names written to {DRUGS}")
