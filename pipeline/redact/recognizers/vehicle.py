"""Vehicle identifiers: VINs (17 characters) and licence plates."""

import re

from .base import ContextCodeRecognizer
from ..spoken import CodeRun, LetterPrefixed

# A British plate in its current form, two letters, two digits, three letters ("KX17 BNU"): that
# shape is nothing else, so it needs no context word.
_UK_PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[ \t]?[A-Z]{3}(?![\w-])")


class VehicleRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A 17-character VIN anywhere; a plate or VIN after "plate", "tag", "VIN"."""

    ENTITY = "VEHICLE_ID"
    CONTEXT = ("plate", "plates", "license plate", "licence plate", "tag", "tag number", "vin", "v i n",
               "vehicle identification", "registration", "reg")
    WINDOW = 8
    MIN_SYMBOLS = 4
    MAX_SYMBOLS = 17

    def find(self, text: str):
        yield from super().find(text)
        from ..spoken import code_runs

        for run in code_runs(text):
            if self.is_vin(run):
                yield run.start, run.end, 0.75
        for match in _UK_PLATE.finditer(text):
            yield match.start(), match.end(), 0.6

    @staticmethod
    def is_vin(run: CodeRun) -> bool:
        return len(run.value) == 17 and run.digits >= 3 and run.letters >= 2 and not set("ioq") & set(run.value)
