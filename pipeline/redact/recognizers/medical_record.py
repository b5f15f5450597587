"""Medical record, chart and patient numbers."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class MedicalRecordRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "MRN", "medical record", "chart number", "patient ID"."""

    ENTITY = "MEDICAL_RECORD_NUMBER"
    CONTEXT = ("mrn", "m r n", "medical record", "record number", "records number", "chart", "chart number",
               "patient id", "patient number", "patient identifier", "hospital number", "unit number",
               "encounter number", "visit number", "accession number", "record")
    WINDOW = 8
