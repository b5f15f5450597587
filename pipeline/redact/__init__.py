"""PII/PHI detection and redaction. The only package that imports presidio."""

from .engine import Redactor

__all__ = ["Redactor"]
