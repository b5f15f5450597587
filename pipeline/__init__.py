"""hush: local-only meeting transcripts with spoken PII/PHI redacted. Nothing leaves the machine."""

__version__ = "0.1.0"
