"""Awkward paths: spaces, unicode, leading dashes, protocol-like names, symlinks, an output folder inside the input folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_AUDIO
from media_factory import convert
from pipeline.cli import app
from pipeline.errors import UsageError

runner = CliRunner()
KINDS = (".txt", ".srt", ".vtt", ".json", ".summary.md", ".report.json", ".redacted.wav")


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return convert(SAMPLE_AUDIO[0], tmp_path_factory.mktemp("clip") / "clip.wav", "-t", "8")


def test_run_with_dashes_spaces_unicode_protocol_names_symlinks_and_out_inside_in(tmp_path, clip, monkeypatch):
    inbox = tmp_path / "recordings ü"
    inbox.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    names = ["-weird name ü.wav", "http:meeting.wav", "concat:x.wav"]  # ffmpeg would read the last two as protocols
    for name in names:
        (inbox / name).write_bytes(clip.read_bytes())
    (elsewhere / "real.wav").write_bytes(clip.read_bytes())
    (inbox / "linked.wav").symlink_to(elsewhere / "real.wav")
    monkeypatch.chdir(inbox)  # relative names, as a user types them; the output folder inside the input folder
    result = runner.invoke(app, ["run", "-o", "out ü", "--model", "tiny.en", "-q", "--redact-media", "--",
                                 *names, "linked.wav"])
    assert result.exit_code == 0, result.output
    out = inbox / "out ü"
    for stem in ("-weird name ü", "http:meeting", "concat:x", "linked"):
        for kind in KINDS:
            assert (out / f"{stem}{kind}").stat().st_size > 0, (stem, kind)
    assert len((out / "linked.txt").read_text().split()) > 5
    assert (inbox / "linked.wav").is_symlink() and (elsewhere / "real.wav").read_bytes() == clip.read_bytes()
    for name in names:  # inputs untouched
        assert (inbox / name).read_bytes() == clip.read_bytes()
    # Running again over the same folder (outputs now inside it) is fine and replaces them.
    again = runner.invoke(app, ["run", "-o", "out ü", "--model", "tiny.en", "-q", "--", names[0]])
    assert again.exit_code == 0, again.output


def test_outputs_replace_symlinks_instead_of_writing_through_them(tmp_path, clip):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "clip.txt").symlink_to(victim)
    result = runner.invoke(app, ["run", str(clip), "-o", str(out), "--model", "tiny.en", "-q", "--no-summary"])
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "keep me"
    assert not (out / "clip.txt").is_symlink() and stat.S_IMODE((out / "clip.txt").stat().st_mode) == 0o600


def test_redact_paths_with_dashes_unicode_and_symlinks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("-notes ü.txt").write_text("Call Maria Lopez at 555 123 4567.\n", encoding="utf-8")
    Path("linked.txt").symlink_to(tmp_path / "-notes ü.txt")
    result = runner.invoke(app, ["redact", "--", "-notes ü.txt"])
    assert result.exit_code == 0, result.output
    assert "Maria" not in result.stdout and "[PERSON]" in result.stdout
    Path("out ü").mkdir()
    result = runner.invoke(app, ["redact", "-o", "out ü", "--", "linked.txt"])
    assert result.exit_code == 0, result.output
    assert "Maria" not in Path("out ü/linked.txt").read_text()


@pytest.mark.parametrize("command", ["redact", "summarize"])
def test_an_output_that_is_the_input_is_refused(tmp_path, command):
    notes = tmp_path / "notes.txt"
    notes.write_text("[00:00:01] Call Maria Lopez at 555 123 4567.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(notes)
    for target in (notes, link) if command == "redact" else (notes,):
        result = runner.invoke(app, [command, str(notes), "-o", str(target)])
        assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
        assert "would overwrite the input" in str(result.exception)
    if command == "redact":
        result = runner.invoke(app, [command, str(notes), "-o", str(tmp_path)])  # the folder it is in
        assert isinstance(result.exception, UsageError)
    assert "Maria" in notes.read_text()


def test_a_missing_input_named_like_an_option_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "-o", "out", "--model", "tiny.en", "-q", "--", "-missing.wav"])
    assert result.exit_code == 3
    assert "-missing.wav: no such file" in result.stderr
    assert os.listdir("out") == []
