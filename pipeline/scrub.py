"""No transcript text in logs or tracebacks: log records from other libraries withheld, tracebacks without messages.

Presidio, spaCy, faster-whisper and the libraries under them log through `logging` and
`warnings`, some with handlers of their own added when they are imported, and any of their
messages may quote the text they were given. `configure_logging()` (called once by the
command line) installs a log-record factory, so every record from a logger outside
`TRUSTED` reaches every handler, present or future, with its message replaced by where it
came from (logger, level, file and line) and no arguments, exception or stack; Python
warnings are routed through logging the same way; those libraries' loggers are held at
WARNING; a failing handler prints nothing (``logging.raiseExceptions``). `format_exception` is the ``--debug`` traceback: frames (file, line, function,
source line) and exception types, with messages shown only for hush's own errors, whose
messages never carry text (errors.py).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from typing import TextIO

from .errors import HushError

# Loggers whose messages hush writes itself and keeps free of text.
TRUSTED = ("pipeline", "hush")
# Loggers of the libraries that see text, held at WARNING even when the root logger is lowered.
QUIET = ("presidio-analyzer", "presidio-anonymizer", "decision_process", "spacy", "faster_whisper",
         "ctranslate2", "tldextract", "filelock", "urllib3", "requests", "huggingface_hub", "py.warnings")
WITHHELD = "message withheld: a library's log may quote transcript text"

_base_factory = logging.getLogRecordFactory()
_configured = False


def _trusted(name: str) -> bool:
    return any(name == t or name.startswith(t + ".") for t in TRUSTED)


_WARNING = re.compile(r"^(?P<file>.*?):(?P<line>\d+): (?P<category>\w+): ")


def _record(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    if not _trusted(record.name):
        where = f"{os.path.basename(record.pathname)}:{record.lineno}"
        what = f"{record.name} {record.levelname.lower()}"
        warned = _WARNING.match(str(record.msg)) if record.name == "py.warnings" else None
        if warned:  # "file:line: Category: message" from warnings.formatwarning: keep all but the message
            what, where = warned["category"], f"{os.path.basename(warned['file'])}:{warned['line']}"
        record.msg = f"{what} at {where} ({WITHHELD})"
        record.args = ()
        record.exc_info, record.exc_text, record.stack_info = None, None, None
    return record


def configure_logging() -> None:
    """Set up logging for the command line, once: library messages withheld, libraries at WARNING."""
    global _configured
    if _configured:
        return
    _configured = True
    logging.setLogRecordFactory(_record)
    # A handler that fails (stderr closed, a broken pipe) would print the exception being handled,
    # chained to whatever exception was in flight, text and all: stay silent instead.
    logging.raiseExceptions = False
    logging.captureWarnings(True)
    logging.getLogger("py.warnings").addHandler(logging.lastResort or logging.StreamHandler())
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level < logging.WARNING:
        root.setLevel(logging.WARNING)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)


def _message(exc: BaseException) -> str:
    if isinstance(exc, HushError):
        return f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}"
    name = type(exc).__qualname__
    module = type(exc).__module__
    qualified = name if module in ("builtins", "__main__") else f"{module}.{name}"
    return f"{qualified} (message withheld: it may hold transcript text)"


def format_exception(exc: BaseException) -> str:
    """A traceback of `exc` and its chain: frames and exception types, never locals, messages only for HushError."""
    parts: list[str] = []
    seen: set[int] = set()
    chain: list[tuple[BaseException, str]] = []
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above exception was the direct cause of the following exception:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "During handling of the above exception, another exception occurred:"
        else:
            current = None
    for current, link in reversed(chain):
        frames = traceback.extract_tb(current.__traceback__)
        if frames:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_list(frames))
        parts.append(_message(current) + "\n")
        if link:
            parts.append(f"\n{link}\n\n")
    return "".join(parts)


def print_exception(exc: BaseException, file: TextIO | None = None) -> None:
    """Write `format_exception(exc)` to stderr (or `file`)."""
    (file or sys.stderr).write(format_exception(exc))
