"""Health-plan beneficiary numbers: member, policy, group, Medicare and Medicaid IDs."""

from ..spoken import LetterPrefixed
from .base import ContextCodeRecognizer


class HealthPlanRecognizer(LetterPrefixed, ContextCodeRecognizer):
    """A code after "member ID", "policy number", "Medicare", "group number", "subscriber"."""

    ENTITY = "HEALTH_PLAN_ID"
    CONTEXT = ("member", "member id", "member number", "insurance", "insurance id", "policy", "policy number",
               "group number", "group", "subscriber", "medicare", "medicaid", "beneficiary", "plan id",
               "health plan", "insurance number", "mbi", "medi cal", "medical id", "id card")
    WINDOW = 8
