"""Rows that once failed (found by the independent test tables), kept so the fixes stay fixed."""

import pytest

from pipeline.redact.recognizers.account import AccountNumberRecognizer
from pipeline.redact.recognizers.age import AgeOver89Recognizer
from pipeline.redact.recognizers.case_number import CaseNumberRecognizer
from pipeline.redact.recognizers.city import CityRecognizer
from pipeline.redact.recognizers.credit_card import SpokenCardRecognizer
from pipeline.redact.recognizers.device import DeviceIdRecognizer
from pipeline.redact.recognizers.driver_licence import DriverLicenceRecognizer
from pipeline.redact.recognizers.email_spoken import SpokenEmailRecognizer
from pipeline.redact.recognizers.generic_id import GenericIdRecognizer
from pipeline.redact.recognizers.health_plan import HealthPlanRecognizer
from pipeline.redact.recognizers.ip_spoken import SpokenIpRecognizer
from pipeline.redact.recognizers.known_names import KnownNamesRecognizer
from pipeline.redact.recognizers.medical_record import MedicalRecordRecognizer
from pipeline.redact.recognizers.passport import PassportRecognizer
from pipeline.redact.recognizers.person_context import IntroducedNameRecognizer
from pipeline.redact.recognizers.pin import PassphraseRecognizer, PinRecognizer
from pipeline.redact.recognizers.professional_licence import ProfessionalLicenceRecognizer
from pipeline.redact.recognizers.spelled_name import SpelledNameRecognizer
from pipeline.redact.recognizers.ssn import SpokenSsnRecognizer
from pipeline.redact.recognizers.street_address import StreetAddressRecognizer
from pipeline.redact.recognizers.url_spoken import SpokenUrlRecognizer
from pipeline.redact.recognizers.vehicle import VehicleRecognizer
from pipeline.redact.recognizers.zip_code import ZipCodeRecognizer

from .conftest import check_covers, check_finds_nothing

KNOWN = KnownNamesRecognizer(["Jane Thornbury", "Oluwaseun Adeyemi", "Krzysztof Nowak"])

POSITIVE = [
    (HealthPlanRecognizer(), "Member ID: XJH449201873", "XJH449201873"),
    (DeviceIdRecognizer(), "The device ID on the insulin pump is DX77192.", "DX77192"),
    (GenericIdRecognizer(), "Confirmation number: QX7-2281-LM", "QX7-2281-LM"),
    (ProfessionalLicenceRecognizer(), "DEA registration AB1234563 expires soon.", "AB1234563"),
    (VehicleRecognizer(), "JTDKB20U093512345 was the VIN on the title", "JTDKB20U093512345"),
    (CityRecognizer(), "my son lives in dallas now", "dallas"),
    (KNOWN, "adeyemi's labs are back", "adeyemi"),
    (KNOWN, "Mr. Novak will join at ten.", "Novak"),
    (IntroducedNameRecognizer(), "Thanks, Priyanka, that's helpful.", "Priyanka"),
    (PinRecognizer(), "alarm code's oh five one two", "oh five one two"),
    (StreetAddressRecognizer(), "uh we're at one oh five five west sixty second street",
     "one oh five five west sixty second street"),
    (StreetAddressRecognizer(), "Send it to 1055 W 62nd St, Chicago.", "1055 W 62nd St"),
    (SpokenUrlRecognizer(), "the new portal is live at lakeside health dot org", "lakeside health dot org"),
    (SpokenEmailRecognizer(), "send the forms to intake at lakeside family med dot org",
     "intake at lakeside family med dot org"),
]

NEGATIVE = [
    (AccountNumberRecognizer(), "billing for twenty twenty four closes next week"),
    (CaseNumberRecognizer(), "our case load hit twelve hundred in Q3"),
    (CaseNumberRecognizer(), "they filed a claim for 75000 dollars"),
    (SpokenCardRecognizer(), "we'll issue a credit of two hundred fifty dollars to the account"),
    (DriverLicenceRecognizer(), "the enterprise license covers 25000 seats"),
    (GenericIdRecognizer(), "the final number is 12,500 dollars over budget"),
    (HealthPlanRecognizer(), "policy changes take effect in twenty twenty five"),
    (HealthPlanRecognizer(), "our member survey got twelve hundred responses in Q3"),
    (MedicalRecordRecognizer(), "we saw a record twelve hundred patients in march"),
    (MedicalRecordRecognizer(), "the chart from 2019 shows the same rash"),
    (PassportRecognizer(), "the passport backlog is around 350000 applications"),
    (PinRecognizer(), "the combination therapy is two hundred milligrams"),
    (ProfessionalLicenceRecognizer(), "the board approved a budget of 250000 for Q3"),
    (SpokenSsnRecognizer(), "our social media post got 2400 likes"),
    (VehicleRecognizer(), "registration for the twenty twenty five conference opens monday"),
    (ZipCodeRecognizer(), "the fun run on Main Street raised 25000 dollars for the clinic"),
    (AgeOver89Recognizer(), "Her O2 sat was 93."),
    (SpokenEmailRecognizer(), "Book online at drsmithdental.com or call us."),
    (SpokenIpRecognizer(), "upgrade to version four point two point one point seven"),
    (KNOWN, "can you join the call at ten"),
    (PassphraseRecognizer(), "the password is on the sticky note"),
    (SpelledNameRecognizer(), "it is a b plus for the draft"),
    (SpelledNameRecognizer(), "her b p is fine and the e k g is normal"),
    (StreetAddressRecognizer(), "I walked five blocks down the road"),
    (StreetAddressRecognizer(), "take two tablets the same way as before"),
]


@pytest.mark.parametrize("recognizer, text, expected", POSITIVE, ids=[row[1][:40] for row in POSITIVE])
def test_finds(recognizer, text, expected):
    check_covers(recognizer, text, expected)


@pytest.mark.parametrize("recognizer, text", NEGATIVE, ids=[row[1][:40] for row in NEGATIVE])
def test_finds_nothing(recognizer, text):
    check_finds_nothing(recognizer, text)
