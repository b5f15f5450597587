"""PII/PHI detection and redaction. The only package that imports presidio."""

from .torchless import load_nlp_without_torch

load_nlp_without_torch()  # before any submodule imports spaCy or Presidio

from .engine import Redactor  # noqa: E402

__all__ = ["Redactor"]
