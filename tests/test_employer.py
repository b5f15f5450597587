"""A person's employer under hipaa (issue 12): Safe Harbor removes the identifiers "of the
individual or of relatives, employers, or household members"; other organisations stay
unless the policy is strict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from faker import Faker
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import RedactOptions
from pipeline.redact import Redactor

runner = CliRunner()
CUES = ("She works at {}.", "he was employed by {} until March", "my job at {} is mostly driving",
        "Her employer is {}, she said.", "the plaintiff worked for {} for eleven years")


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(RedactOptions(policy="hipaa"))


@pytest.mark.parametrize("locale", ["en_US", "en_GB", "de_DE", "fr_FR", "es_MX", "nl_NL", "it_IT"])
def test_a_drawn_company_after_an_employment_cue_is_redacted(redactor, locale):
    fake = Faker(locale)
    fake.seed_instance(3)
    for n in range(12):
        company = fake.company()
        line = CUES[n % len(CUES)].format(company)
        out = redactor.redact_lines([line])[0]
        left = [w for w in re.findall(r"[^\W\d_]{3,}", company) if re.search(rf"\b{re.escape(w)}\b", out)]
        assert left == [], (line, out)


@pytest.mark.parametrize("line", ["she works at the hospital on weekends", "I work for myself now",
                                  "Lakeside Clinic called about the refill", "the insurer denied the claim"])
def test_organisations_that_are_no_employer_stay_under_hipaa(redactor, line):
    assert redactor.redact_lines([line]) == [line]


def test_employer_through_the_command_line_under_each_policy(tmp_path: Path):
    source = tmp_path / "deposition.txt"
    source.write_text("He works for the Bank of America in Boston.\nLakeside Clinic called about the refill.\n")
    hipaa = runner.invoke(app, ["redact", str(source)])
    assert hipaa.exit_code == 0, hipaa.output
    assert "Bank of America" not in hipaa.stdout and "[EMPLOYER]" in hipaa.stdout
    assert "Lakeside Clinic called" in hipaa.stdout
    pii = runner.invoke(app, ["redact", str(source), "--policy", "pii"])
    assert "Bank of America" in pii.stdout
    strict = runner.invoke(app, ["redact", str(source), "--policy", "strict"])
    assert "Bank of America" not in strict.stdout and "Lakeside Clinic" not in strict.stdout
