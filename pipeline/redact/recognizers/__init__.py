"""hush's own recognizers, one per file; `recognizers()` returns every one of them."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .offline_email import OfflineEmailRecognizer


def recognizers() -> list[EntityRecognizer]:
    """Instances of all of hush's recognizers, to add to the analyzer's registry."""
    return [OfflineEmailRecognizer()]
