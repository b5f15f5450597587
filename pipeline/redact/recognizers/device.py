"""Device identifiers and serial numbers (implants, pumps, phones: IMEI, MAC)."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class DeviceIdRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "serial", "device ID", "IMEI", "MAC address", "lot number"."""

    ENTITY = "DEVICE_ID"
    CONTEXT = ("serial", "serial number", "s n", "device id", "device number", "imei", "mac address",
               "mac", "unit serial", "lot number", "model and serial", "asset tag", "udi")
    WINDOW = 8
