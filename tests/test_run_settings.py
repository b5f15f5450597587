"""One options model: run, batch and watch build RunOptions the same way, from defaults, then
the --config file, then the flags given; `hush config show` prints the result."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import cli
from pipeline.cli import app
from pipeline.config import RunOptions, load_config
from pipeline.errors import UsageError
from pipeline.run_settings import FLAGS, REDACT_FLAGS, run_options

runner = CliRunner()

CONFIG = """
[asr]
model = "tiny.en"
device = "cpu"
max_duration = "90m"
beam_size = 2

[redact]
policy = "pii"
known_names = ["Jane Thornbury"]

[output]
out_dir = "from-config"
file_mode = "640"
names = "hash"

[media]
enabled = true
mode = "silence"
pad_ms = 250

[diarize]
enabled = true
speakers = "2-4"

[summary]
enabled = false
"""


@pytest.fixture
def config(tmp_path) -> Path:
    path = tmp_path / "hush.toml"
    path.write_text(CONFIG)
    return path


def test_every_part_of_a_run_comes_from_the_file(config):
    options = run_options(load_config(config), {})
    assert (options.asr.model, options.asr.device, options.asr.max_duration, options.asr.beam_size) == \
        ("tiny.en", "cpu", 5400.0, 2)
    assert options.redact.policy == "pii" and options.redact.known_names == ("Jane Thornbury",)
    assert options.output.out_dir == config.parent / "from-config"  # relative to the file
    assert (options.output.file_mode, options.output.names, "summary" in options.output.kinds) == (0o640, "hash", False)
    assert (options.media.enabled, options.media.mode, options.media.pad_ms) == (True, "silence", 250)
    assert (options.diarize.enabled, options.diarize.speakers) == (True, (2, 4))


def test_flags_win_over_the_file_and_the_file_over_defaults(config):
    flags = {"device": "cuda", "out": Path("x"), "output_mode": "600", "speakers": "3", "no_summary": False,
             "policy": "strict", "redact_mode": None}
    options = run_options(load_config(config), flags)
    assert options.asr.device == "cuda" and options.asr.model == "tiny.en"
    assert options.output.out_dir == Path("x") and options.output.file_mode == 0o600
    assert options.diarize.speakers == (3, 3) and "summary" in options.output.kinds
    assert options.redact.policy == "strict" and options.media.mode == "silence"
    assert run_options({}, {}) == RunOptions()


@pytest.mark.parametrize("text, cause", [
    ("[asr]\nmodle = 'base'\n", "unknown [asr] setting(s): modle"),
    ("[output]\nfile_mode = 640\n", "[output] file_mode: expected text"),
    ("[diarize]\nenabled = true\nspeakers = 'many'\n", "[diarize] speakers: --speakers must be"),
    ("[cloud]\nurl = 'x'\n", "unknown config section(s): cloud"),
])
def test_a_bad_setting_is_one_error_naming_the_file(tmp_path, text, cause):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    result = runner.invoke(app, ["config", "show", "--config", str(path)])
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    assert str(path) in str(result.exception)
    assert cause in str(result.exception)


def test_the_shared_options_are_declared_once_and_every_flag_has_a_setting():
    shared = set(inspect.signature(cli._run_flags).parameters) - {"config"}
    assert shared == set(FLAGS) - {"out"} | set(REDACT_FLAGS)
    source = Path(cli.__file__).read_text()
    assert source.count("MaxDurationOpt = None") == 1 and source.count("EmbedCaptionsOpt = None") == 1
    for command in ("run", "batch", "watch", "config show"):
        result = runner.invoke(app, [*command.split(), "--help"])
        assert "--max-duration" in result.stdout and "--embed-captions" in result.stdout, command


def test_config_show_prints_the_effective_settings_without_names(config):
    result = runner.invoke(app, ["config", "show", "--config", str(config), "--device", "cuda", "--no-summary"])
    assert result.exit_code == 0, result.output
    assert 'device = "cuda"' in result.stdout and 'model = "tiny.en"' in result.stdout
    assert 'policy = "pii"' in result.stdout and "[summary]\nenabled = false" in result.stdout
    assert 'known_names = "1 name(s)"' in result.stdout and "Thornbury" not in result.stdout
    assert "mapping_key" not in result.stdout  # not set: left out, TOML has no null
