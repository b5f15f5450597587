"""`RunOptions` from command-line flags and a TOML file, built the same way for `run`, `batch`
and `watch`: built-in defaults, then the file's sections, then the flags that were given.

A config file may set every part of a run::

    [asr]
    model = "base"
    device = "auto"            # auto, cpu or cuda
    language = "en"
    max_duration = "3h"        # seconds, or 90m, 12h

    [redact]                   # see config.load_config
    policy = "hipaa"

    [output]
    out_dir = "hush-out"       # relative to this file; -o wins
    mapping_key = "hush.key"   # relative to this file
    keep_raw = false
    file_mode = "640"
    names = "stem"             # stem or hash

    [media]
    enabled = true             # --redact-media
    mode = "beep"              # beep or silence
    pad_ms = 100
    embed_captions = false

    [diarize]
    enabled = true
    speakers = "2-4"           # auto, N or MIN-MAX

    [summary]
    enabled = true             # false: no <stem>.summary.md (--no-summary)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable

from .config import (AsrOptions, DiarizeOptions, MediaOptions, OutputOptions, RunOptions, duration, file_mode,
                     output_kinds, redact_options, speaker_count)
from .errors import UsageError

# command-line option -> (config section, setting); the redact flags go through redact_options
FLAGS: dict[str, tuple[str, str]] = {
    "model": ("asr", "model"), "device": ("asr", "device"), "language": ("asr", "language"),
    "audio_stream": ("asr", "audio_stream"), "max_duration": ("asr", "max_duration"),
    "out": ("output", "out_dir"), "mapping_key": ("output", "mapping_key"), "keep_raw": ("output", "keep_raw"),
    "output_mode": ("output", "file_mode"), "output_names": ("output", "names"),
    "redact_media": ("media", "enabled"), "redact_mode": ("media", "mode"), "pad_ms": ("media", "pad_ms"),
    "embed_captions": ("media", "embed_captions"),
    "diarize": ("diarize", "enabled"), "speakers": ("diarize", "speakers"),
    "no_summary": ("summary", "enabled"),  # inverted
}
REDACT_FLAGS = ("policy", "style", "known_names")
_SETTINGS: dict[str, tuple[str, ...]] = {
    "asr": tuple(f.name for f in dataclasses.fields(AsrOptions)),
    "output": ("out_dir", "mapping_key", "keep_raw", "file_mode", "names"),
    "media": tuple(f.name for f in dataclasses.fields(MediaOptions)),
    "diarize": ("enabled", "speakers"),
    "summary": ("enabled",),
}


def _text_or(convert: Callable[[str], Any], kinds: type | tuple[type, ...]) -> Callable[[Any], Any]:
    """A setting given as text ("90m", "640", "2-4") read by `convert`; one already of `kinds` kept."""
    def read(value: Any) -> Any:
        if isinstance(value, str):
            return convert(value)
        if isinstance(value, kinds) and not isinstance(value, bool):
            return value
        raise UsageError(f"expected text such as \"90m\", \"640\" or \"2-4\", not {value!r}")
    return read


_CONVERT: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("asr", "max_duration"): _text_or(duration, (int, float)),
    ("output", "file_mode"): _text_or(file_mode, ()),  # 640 as a TOML integer would be decimal
    ("output", "out_dir"): Path,
    ("output", "mapping_key"): Path,
    ("diarize", "speakers"): _text_or(speaker_count, tuple),
}


def run_options(config: dict[str, Any], flags: dict[str, Any], source: str | None = None) -> RunOptions:
    """RunOptions: defaults, then `config` (from `config.load_config`, read from `source`), then
    every flag in `flags` that is not None (a flag given on the command line wins)."""
    sections = {name: dict(config.get(name, {})) for name in _SETTINGS}
    for name, given in sections.items():
        unknown = set(given) - set(_SETTINGS[name])
        if unknown:
            raise UsageError(f"unknown [{name}] setting(s): {', '.join(sorted(unknown))}", path=source)
    for flag, value in flags.items():
        if value is not None and flag in FLAGS:
            section, key = FLAGS[flag]
            sections[section][key] = (not value) if flag == "no_summary" else value
    values = {name: {key: _convert(name, key, value, source) for key, value in given.items()}
              for name, given in sections.items()}
    summary = values.pop("summary").get("enabled", True)
    try:
        return RunOptions(
            asr=AsrOptions(**values["asr"]),
            redact=redact_options(config, *(flags.get(f) for f in REDACT_FLAGS)),
            output=OutputOptions(kinds=output_kinds(summary=bool(summary)), **values["output"]),
            media=MediaOptions(**values["media"]),
            diarize=DiarizeOptions(**values["diarize"]),
        )
    except TypeError as exc:  # a wrong type from the file reached a dataclass
        raise UsageError(f"invalid setting in the config file ({exc})", path=source) from None


def _convert(section: str, key: str, value: Any, source: str | None) -> Any:
    convert = _CONVERT.get((section, key))
    if convert is None or value is None:
        return value
    try:
        return convert(value)
    except UsageError as exc:
        raise UsageError(f"[{section}] {key}: {exc.args[0]}", path=source) from None


def shown(options: RunOptions) -> dict[str, dict[str, Any]]:
    """The effective settings as config sections, for `hush config show`: names and terms are
    counted, never listed (a patient list is PHI); None where a setting is not set."""
    redact = options.redact
    return {
        "asr": dataclasses.asdict(options.asr),
        "redact": {"policy": redact.policy, "style": redact.style, "threshold": redact.threshold,
                   "enable": list(redact.enable), "disable": list(redact.disable),
                   "allow": f"{len(redact.allow)} term(s)", "deny": f"{len(redact.deny)} term(s)",
                   "known_names": f"{len(redact.known_names)} name(s)"},
        "output": {"out_dir": str(options.output.out_dir),
                   "mapping_key": options.output.mapping_key and str(options.output.mapping_key),
                   "keep_raw": options.output.keep_raw,
                   "file_mode": f"{options.output.file_mode:o}", "names": options.output.names},
        "media": dataclasses.asdict(options.media),
        "diarize": {"enabled": options.diarize.enabled,
                    "speakers": "auto" if options.diarize.speakers is None else "-".join(map(str, options.diarize.speakers))},
        "summary": {"enabled": "summary" in options.output.kinds},
    }



def as_toml(options: RunOptions) -> str:
    """`shown(options)` as TOML; a setting that is not set (no model chosen, no key) is left out,
    as TOML has no null."""
    lines = []
    for section, values in shown(options).items():
        lines.append(f"[{section}]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in values.items() if value is not None]
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
