"""Any other unique identifying number: employee, member, confirmation, reference IDs."""

from ..spoken import code_runs
from .base import ContextCodeRecognizer


class GenericIdRecognizer(ContextCodeRecognizer):
    """A code after "ID", "identification number", "confirmation number", "employee number"."""

    ENTITY = "ID"
    CONTEXT = ("id", "i d", "identification", "id number", "identification number", "confirmation",
               "confirmation number", "reference number", "employee id", "employee number", "badge",
               "badge number", "student id", "customer number", "customer id", "order number", "tracking number",
               "number is", "code", "my number")
    WINDOW = 6
    MIN_SYMBOLS = 5
    SCORE = 0.6

    def find(self, text: str):
        yield from super().find(text)
        for run in code_runs(text):  # a long code mixing letters and digits identifies something
            if run.letters >= 2 and run.digits >= 5 and len(run.value) >= 8 and " " in text[run.start:run.end]:
                yield run.start, run.end, 0.5
