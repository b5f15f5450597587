"""Presidio's e-mail recognizer without its network fetch.

The stock recognizer validates the domain with ``tldextract.extract``, which downloads the
public suffix list on first use. This one uses the snapshot bundled with tldextract.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# No suffix-list URLs and no disk cache: the bundled snapshot only, nothing fetched or written.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """EmailRecognizer whose domain check never touches the network."""

    def validate_result(self, pattern_text: str) -> bool:
        """A match counts when its domain has a known public suffix."""
        return _OFFLINE_TLD(pattern_text).fqdn != ""
