"""Medical record, chart and patient numbers."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class MedicalRecordRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "MRN", "medical record", "chart number", "patient ID", or a country's national
    patient number ("NHS number", New Zealand's "NHI", Scotland's "CHI number", Australia's "IHI")."""

    ENTITY = "MEDICAL_RECORD_NUMBER"
    CONTEXT = ("mrn", "m r n", "medical record", "record number", "records number", "chart", "chart number",
               "patient id", "patient number", "patient identifier", "hospital number", "unit number",
               "encounter number", "visit number", "accession number", "record",
               "nhs number", "n h s number", "nhi", "n h i", "chi number", "c h i number", "ihi", "i h i",
               "health and care number", "h and c number")
    WINDOW = 8
