"""The allowlist pass (issue 12): with UNKNOWN_WORD enabled, a word not known to be safe goes,
however the recognizer garbled it; known words, drugs and shorthand stay."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import RedactOptions
from pipeline.redact import Redactor
from pipeline.redact.recognizers.unknown_word import is_known_word

runner = CliRunner()


def test_known_words_drugs_and_shorthand_are_safe_and_non_words_are_not():
    for word in ("meeting", "tolerated", "nystatin", "zofran", "Foley", "Cushing", "deposition", "invoice"):
        assert is_known_word(word), word
    for word in ("Wuster", "Oluwasegun", "Zetukeik", "Przybylski"):
        assert not is_known_word(word), word


def test_off_by_default_and_on_with_enable(tmp_path: Path):
    line = "we drove out to wuster to see the zetukeik family about the invoice"
    assert "wuster" in Redactor(RedactOptions()).redact_lines([line])[0]
    on = Redactor(RedactOptions(enable=("UNKNOWN_WORD",))).redact_lines([line])[0]
    assert "wuster" not in on and "zetukeik" not in on and "invoice" in on and "family" in on


def test_the_allowlist_pass_through_the_command_line(tmp_path: Path):
    config = tmp_path / "hush.toml"
    config.write_text('[redact]\nenable = ["UNKNOWN_WORD"]\n')
    source = tmp_path / "notes.txt"
    source.write_text("Patient seen with Mr. Zetukeik, started zofran for nausea, follow up at Wuster clinic.\n")
    result = runner.invoke(app, ["redact", str(source), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "Zetukeik" not in result.stdout and "Wuster" not in result.stdout
    assert "zofran for nausea" in result.stdout and "follow up" in result.stdout
    strict = runner.invoke(app, ["redact", str(source), "--policy", "strict"])
    assert "Wuster" not in strict.stdout
