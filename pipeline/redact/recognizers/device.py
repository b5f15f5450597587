"""Device identifiers and serial numbers (implants, pumps, phones: IMEI, MAC)."""

import re

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer

_HEX = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|[0-9a-f])"
_TWO_DIGITS = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
               r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|"
               r"seven|eight|nine))?)")
_PAIR = rf"(?:double[ -]{_HEX}|{_TWO_DIGITS}|{_HEX}[ -]{_HEX}|[0-9a-f]{{2}})"
_SEP = r"\s*(?:colon|dash|hyphen|:|-)\s*"
# Six pairs of hex digits, written or said ("zero a colon five eight colon … colon a a").
MAC = re.compile(rf"\b{_PAIR}(?:{_SEP}{_PAIR}){{5}}\b", re.IGNORECASE)
_MAC_SEPARATORS = ("colon", "dash", "hyphen")
_WRITTEN_MAC = re.compile(r"[0-9a-f]{2}([:-])[0-9a-f]{2}\1[0-9a-f]{2}\1", re.IGNORECASE)


class DeviceIdRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "serial", "device ID", "IMEI", "MAC address", "lot number"; a MAC address anywhere."""

    ENTITY = "DEVICE_ID"
    CONTEXT = ("serial", "serial number", "s n", "device id", "device number", "imei", "mac address",
               "mac", "unit serial", "lot number", "model and serial", "asset tag", "udi")
    WINDOW = 8

    def find(self, text: str):
        yield from super().find(text)
        if sum(text.count(sep) for sep in _MAC_SEPARATORS) >= 5 or _WRITTEN_MAC.search(text):
            for match in MAC.finditer(text):
                yield match.start(), match.end(), 0.85
