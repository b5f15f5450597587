"""Court case, docket, claim, matter and index numbers."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class CaseNumberRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "case number", "docket", "claim number", "matter number", "index number"."""

    ENTITY = "CASE_NUMBER"
    CONTEXT = ("case", "case number", "case no", "docket", "docket number", "claim", "claim number",
               "matter", "matter number", "index number", "file number", "cause number", "complaint number",
               "reference", "ticket", "incident number", "report number", "citation")
    WINDOW = 8
