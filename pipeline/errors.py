"""Domain errors. Raised in the library, turned into one line on stderr once, in cli.py.

Each class carries its exit code (DESIGN.md: 0 success, 1 some file failed, 2 usage,
3 input, 4 model missing). Messages name the file and the cause and never carry
transcript text or a detected value.
"""

from __future__ import annotations


class HushError(Exception):
    """Base class: a failure the user can act on, with the exit code it maps to."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.path}: {message}" if self.path else message


class UsageError(HushError):
    """Bad options or arguments."""

    exit_code = 2


class InputError(HushError):
    """An input file is missing, unreadable, corrupt or has no audio."""

    exit_code = 3


class OutputError(HushError):
    """An output could not be written (folder not writable, disk full)."""

    exit_code = 3


class ModelMissing(HushError):
    """The requested model is unknown or incomplete; the message says how to install it."""

    exit_code = 4


class SomeFilesFailed(HushError):
    """Raised at the end of a multi-file run when at least one file failed."""

    exit_code = 1
