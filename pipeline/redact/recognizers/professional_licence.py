"""Professional licence and certificate numbers (NPI, DEA, board, certificate)."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class ProfessionalLicenceRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "NPI", "DEA", "certificate", "certification", "registration number"."""

    ENTITY = "LICENSE_NUMBER"
    CONTEXT = ("npi", "n p i", "dea", "d e a", "certificate", "certification", "registration number",
               "board", "nursing license", "medical license", "bar number", "bar", "license", "licence",
               "credential", "permit")
    WINDOW = 8
    MIN_SYMBOLS = 5
