"""hush's own recognizers, one per file; `hush_recognizers()` returns every built-in one.

Recognizers configured per run (known names, the deny list) are made by the engine.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from .account import AccountNumberRecognizer
from .addressed_name import AddressedNameRecognizer
from .age import AgeOver89Recognizer
from .case_number import CaseNumberRecognizer
from .city import CityRecognizer
from .credit_card import SpokenCardRecognizer
from .date_spoken import SpokenDateRecognizer, SpokenNumericDateRecognizer
from .holidays import HolidayRecognizer
from .device import DeviceIdRecognizer
from .driver_licence import DriverLicenceRecognizer
from .employer import EmployerRecognizer
from .email_spoken import SpokenEmailRecognizer
from .generic_id import GenericIdRecognizer
from .health_plan import HealthPlanRecognizer
from .ip_spoken import SpokenIpRecognizer
from .medical_record import MedicalRecordRecognizer
from .passport import PassportRecognizer
from .person_context import IntroducedNameRecognizer
from .person_gazetteer import GazetteerNameRecognizer
from .phone import SpokenPhoneRecognizer
from .pin import PassphraseRecognizer, PinRecognizer
from .proper_noun import CapitalisedNameRecognizer
from .professional_licence import ProfessionalLicenceRecognizer
from .spelled_name import SpelledNameRecognizer
from .ssn import SpokenSsnRecognizer
from .street_address import StreetAddressRecognizer
from .town import TownRecognizer
from .unknown_word import UnknownWordRecognizer
from .url_spoken import SpokenUrlRecognizer
from .vehicle import VehicleRecognizer
from .zip_code import ZipCodeRecognizer

BUILTIN = (
    SpokenPhoneRecognizer, SpokenEmailRecognizer, SpokenUrlRecognizer, SpokenSsnRecognizer, SpokenCardRecognizer,
    AccountNumberRecognizer, MedicalRecordRecognizer, HealthPlanRecognizer, DriverLicenceRecognizer,
    ProfessionalLicenceRecognizer, PassportRecognizer, VehicleRecognizer, DeviceIdRecognizer,
    CaseNumberRecognizer, PinRecognizer, ZipCodeRecognizer, GenericIdRecognizer, StreetAddressRecognizer,
    AgeOver89Recognizer, SpokenDateRecognizer, SpokenNumericDateRecognizer, IntroducedNameRecognizer, GazetteerNameRecognizer,
    SpelledNameRecognizer, CityRecognizer, SpokenIpRecognizer, PassphraseRecognizer, AddressedNameRecognizer,
    HolidayRecognizer, EmployerRecognizer, UnknownWordRecognizer, TownRecognizer,
    CapitalisedNameRecognizer,
)


def hush_recognizers() -> list[EntityRecognizer]:
    """Instances of all of hush's built-in recognizers."""
    return [cls() for cls in BUILTIN]
