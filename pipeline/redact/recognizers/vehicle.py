"""Vehicle identifiers: VINs (17 characters) and licence plates."""

import re

from .base import ContextCodeRecognizer
from ..spoken import CodeRun, LetterPrefixed, letter_prefix_start, words_after

# A British plate in its current form, two letters, two digits, three letters ("KX17 BNU"): that
# shape is nothing else, so it needs no context word.
_UK_PLATE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[ \t]?[A-Z]{3}(?![\w-])")


# Words after a plate said before its name: "h m r four four two hawaii plates", "KX 4471 tags".
PLATE_NOUNS = frozenset("plate plates tag tags".split())


def _plate_after(text: str, run: CodeRun) -> bool:
    """A plate's name right after the code or after one word (its state): "… hawaii plates"."""
    after = words_after(text, run.end, 2)
    return bool(after) and (after[0] in PLATE_NOUNS or len(after) == 2 and after[1] in PLATE_NOUNS)


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

        low = text.lower()
        plates = "plate" in low or "tag" in low  # the cheap test before any run is read for a plate
        for run in code_runs(text):
            if self.is_vin(run):
                yield run.start, run.end, 0.75
            elif plates and run.digits >= 2 and 4 <= len(run.value) <= 8 and _plate_after(text, run):
                start = run.start if run.letters else letter_prefix_start(text, run.start, run.end)
                if start < run.start or run.letters:
                    yield start, run.end, 0.8  # "h m r four four two hawaii plates", "KX 4471 plates"
        for match in _UK_PLATE.finditer(text):
            yield match.start(), match.end(), 0.6

    @staticmethod
    def is_vin(run: CodeRun) -> bool:
        return len(run.value) == 17 and run.digits >= 3 and run.letters >= 2 and not set("ioq") & set(run.value)
