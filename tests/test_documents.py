"""`hush redact` on existing transcripts and captions: same format out, timings untouched."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import RedactOptions
from pipeline.documents import detect_format, redact_document
from pipeline.errors import InputError
from pipeline.redact import Redactor

runner = CliRunner()


@pytest.fixture(scope="module")
def redactor():
    return Redactor(RedactOptions())


TXT = (
    "Meeting notes\n"
    "\n"
    "  Maria Lopez called from 555-123-4567 about her results.\n"
    "Her e-mail is maria.lopez@gmail.com, she said.\n"
    "The dose stays at 20 mg twice a day.\n"
)


def test_plain_text_keeps_every_line(redactor):
    out = redact_document(TXT.encode(), "notes.txt", "auto", redactor)
    in_lines, out_lines = TXT.split("\n"), out.split("\n")
    assert len(out_lines) == len(in_lines)
    assert out_lines[0] == "Meeting notes" and out_lines[1] == ""
    assert out_lines[2].startswith("  [PERSON] called from [PHONE_NUMBER]")
    assert out_lines[3] == "Her e-mail is [EMAIL_ADDRESS], she said."
    assert out_lines[4] == in_lines[4]
    for value in ("Maria", "Lopez", "4567", "maria.lopez"):
        assert value not in out


def test_name_split_over_two_lines_is_redacted_on_both(redactor):
    out = redact_document(b"Please call John\nSmith tomorrow.\n", "a.txt", "txt", redactor)
    assert "John" not in out and "Smith" not in out
    assert len(out.split("\n")) == 3


def test_hush_txt_timestamps_are_kept(redactor):
    src = "[00:00:01] Hello, I am Maria Lopez.\n[00:00:04] Call me at 555-123-4567.\n"
    out = redact_document(src.encode(), "m.txt", "auto", redactor)
    assert out.splitlines()[0].startswith("[00:00:01] Hello, I am [PERSON]")
    assert out.splitlines()[1].startswith("[00:00:04] Call me at [PHONE_NUMBER]")


SRT = """1
00:00:01,000 --> 00:00:04,000
Hello, my name is Maria Lopez.

2
00:00:04,500 --> 00:00:07,250
My number is 555-123-4567,
call me any time.
"""


def test_srt_timings_and_numbers_untouched(redactor):
    out = redact_document(SRT.encode(), "c.srt", "auto", redactor)
    src_lines, out_lines = SRT.split("\n"), out.split("\n")
    assert len(src_lines) == len(out_lines)
    for a, b in zip(src_lines, out_lines):
        if "-->" in a or a.strip().isdigit() or not a.strip():
            assert a == b
    assert "Lopez" not in out and "4567" not in out and "[PERSON]" in out


VTT = """WEBVTT
Kind: captions

NOTE written by a person named Maria Lopez

intro
00:00:01.000 --> 00:00:04.000 align:start
Hello, my name is Maria Lopez.

00:04.500 --> 00:07.250
Her e-mail is maria.lopez@gmail.com
"""


def test_vtt_header_notes_and_settings_untouched(redactor):
    out = redact_document(VTT.encode(), "c.vtt", "auto", redactor)
    lines = out.split("\n")
    assert lines[:2] == ["WEBVTT", "Kind: captions"]
    assert "intro" in lines and "00:00:01.000 --> 00:00:04.000 align:start" in lines
    assert lines[3] == "NOTE written by a person named [PERSON]"
    assert lines[7] == "Hello, my name is [PERSON]."
    assert lines[10] == "Her e-mail is [EMAIL_ADDRESS]"
    assert "Lopez" not in out


def test_vtt_voice_tags_stay_whole_codes_kept_names_replaced(redactor):
    vtt = ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Maria Lopez>Hello there, how are you.\n\n"
           "00:00:02.000 --> 00:00:04.000\n<v.loud SPEAKER_2>I am fine, Maria.\n")
    out = redact_document(vtt.encode(), "c.vtt", "auto", redactor).split("\n")
    assert out[3] == "<v [PERSON]>Hello there, how are you."
    assert out[6] == "<v.loud SPEAKER_2>I am fine, [PERSON]."
    pseudonyms = redact_document(vtt.encode(), "c.vtt", "auto", Redactor(RedactOptions(style="pseudonym")))
    assert "<v [PERSON_1]>Hello" in pseudonyms and "[PERSON_1]." in pseudonyms  # the same Maria both times


def test_crlf_line_endings_are_kept(redactor):
    out = redact_document(SRT.replace("\n", "\r\n").encode(), "c.srt", "srt", redactor)
    assert out.count("\r\n") == SRT.count("\n") and "Lopez" not in out


def test_hush_json_is_redacted_and_stays_json(redactor):
    doc = {"source": "m.wav", "duration": 5.0, "language": "en", "model": "tiny.en",
           "segments": [{"start": 0.0, "end": 3.0, "words": [
               {"text": "I", "start": 0.0, "end": 0.2}, {"text": "am", "start": 0.2, "end": 0.4},
               {"text": "Maria", "start": 0.4, "end": 0.8}, {"text": "Lopez,", "start": 0.8, "end": 1.2},
               {"text": "[PHONE_NUMBER]", "start": 1.3, "end": 2.9, "entity": "PHONE_NUMBER"}]}]}
    out = json.loads(redact_document(json.dumps(doc).encode(), "m.json", "auto", redactor))
    assert out["segments"][0]["text"] == "I am [PERSON], [PHONE_NUMBER]"
    assert {e["type"] for e in out["entities"]} == {"PERSON", "PHONE_NUMBER"}
    assert "Lopez" not in json.dumps(out)


@pytest.mark.parametrize("data, name, fmt, cause", [
    (b"\x00\x01binary", "x.txt", "auto", "binary data"),
    (b"\xff\xfe\xfa caf\xe9", "x.txt", "auto", "not UTF-8"),
    (b"1\n00:00:01,000 --> 00:0x:04,000\nhi\n", "x.srt", "auto", "malformed cue timing on line 2"),
    (b"just text\n\nmore\n", "x.srt", "srt", "unexpected text outside a cue"),
    (b"1\n00:00:01.000 --> 00:00:02.000\nhi\n", "x.vtt", "vtt", "must start with 'WEBVTT'"),
    (b"{not json", "x.json", "auto", "invalid JSON"),
    (b'{"segments": [{"start": 0}]}', "x.json", "auto", "not a hush transcript JSON"),
    (b"[" * 100000 + b"]" * 100000, "x.json", "json", "JSON nested too deeply"),
])
def test_malformed_input_is_an_input_error(redactor, data, name, fmt, cause):
    with pytest.raises(InputError) as info:
        redact_document(data, name, fmt, redactor)
    assert cause in str(info.value) and name in str(info.value)


def test_detect_format_from_content():
    assert detect_format("-", "WEBVTT\n\n00:01.000 --> 00:02.000\nx") == "vtt"
    assert detect_format("-", "1\n00:00:01,000 --> 00:00:02,000\nx") == "srt"
    assert detect_format("-", '{"segments": []}') == "json"
    assert detect_format("-", "hello") == "txt"


def test_cli_redact_stdin_to_stdout():
    result = runner.invoke(app, ["redact", "-", "-o", "-"], input="Call Maria Lopez at 555-123-4567.\n")
    assert result.exit_code == 0
    assert result.stdout == "Call [PERSON] at [PHONE_NUMBER].\n"


def test_cli_redact_to_file_and_missing_file(tmp_path):
    src = tmp_path / "in.srt"
    src.write_text(SRT)
    result = runner.invoke(app, ["redact", str(src), "-o", str(tmp_path / "out.srt")])
    assert result.exit_code == 0, result.output
    assert "[PERSON]" in (tmp_path / "out.srt").read_text()
    missing = runner.invoke(app, ["redact", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and isinstance(missing.exception, InputError)


AMI = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text_ami_es2011a_meeting_transcript" / "ES2011a_transcript.txt"
STAMPED = ("[  157.03-  164.10] FEE041: IF WE'LL ALL DRAW OUR FAVOURITE ANIMAL\n"
           "[  164.50-  170.00] MEE042: my number is six one seven five five five zero one three four\n"
           "[12.5] S2: Maria Lopez here\n"
           "[ 171.2-172.0] Maria: thanks\n")


def test_cli_redact_keeps_start_end_stamps_and_speaker_codes(tmp_path):
    src = tmp_path / "meeting.txt"
    src.write_text(STAMPED)
    result = runner.invoke(app, ["redact", str(src)])
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == STAMPED.splitlines()[0]
    assert out[1] == "[  164.50-  170.00] MEE042: my number is [PHONE_NUMBER]"
    assert out[2] == "[12.5] S2: [PERSON] here"
    assert out[3] == "[ 171.2-172.0] [PERSON]: thanks"  # a name as a label is text, and redacted


@pytest.mark.skipif(not AMI.is_file(), reason="AMI transcript not in ../shared/corpus")
def test_cli_redact_on_the_ami_transcript_never_touches_a_stamp_or_code(tmp_path):
    result = runner.invoke(app, ["redact", str(AMI)])
    assert result.exit_code == 0, result.output
    prefix = re.compile(r"^\[[^\]]*\]\s+\S+:")
    source = AMI.read_text().splitlines()
    redacted = result.stdout.splitlines()
    assert len(redacted) == len(source)
    assert [prefix.match(line).group(0) for line in redacted if prefix.match(line)] == \
        [prefix.match(line).group(0) for line in source if prefix.match(line)]


VOICED = ("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v SPEAKER_1>Call me at 555-123-4567.</v>\n\n"
          "00:00:05.000 --> 00:00:07.000\n<v Maria Lopez>I will, <i>thanks</i>.</v>\n\n"
          "00:00:08.000 --> 00:00:09.000\nNo tag here, John.\n")


def test_cli_redact_keeps_a_cues_closing_tags_and_full_stop(tmp_path):
    src = tmp_path / "call.vtt"
    src.write_text(VOICED)
    result = runner.invoke(app, ["redact", str(src)])
    assert result.exit_code == 0, result.output
    assert "<v SPEAKER_1>Call me at [PHONE_NUMBER].</v>\n" in result.stdout
    assert "<v [PERSON]>I will, <i>thanks</i>.</v>\n" in result.stdout
    assert "Maria" not in result.stdout and "John" not in result.stdout


def test_cli_summarize_credits_a_voice_tag_to_its_own_cue_only(tmp_path):
    src = tmp_path / "call.vtt"
    src.write_text(VOICED)
    result = runner.invoke(app, ["summarize", str(src)])
    assert result.exit_code == 0, result.output
    assert "2 participants" in result.stdout
    assert "- SPEAKER_1: 00:00:03 (60%)" in result.stdout  # not the untagged cue, not Maria's
    assert "- VOICE_1: 00:00:02 (40%)" in result.stdout
    assert "Maria" not in result.stdout


def test_cli_version_alone():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("hush ")


@pytest.mark.parametrize("command, written", [("redact", "in.txt"), ("summarize", "in.summary.md")])
def test_cli_out_ending_in_a_slash_is_a_new_folder(tmp_path, command, written):
    src = tmp_path / "in.txt"
    src.write_text("Call Maria Lopez at 555-123-4567.\n")
    result = runner.invoke(app, [command, str(src), "-o", f"{tmp_path}/new/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new").is_dir() and [p.name for p in (tmp_path / "new").iterdir()] == [written]
    assert "Maria" not in (tmp_path / "new" / written).read_text()
