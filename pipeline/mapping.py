"""The encrypted re-identification mapping and raw transcript (``--mapping-key KEYFILE``), and nothing else.

With a pseudonym or tag style the label → original value mapping exists only in memory.
Asked for with a key, it is written as ``<stem>.mapping.enc``: a Fernet token (AES-128-CBC
with HMAC-SHA256) of its JSON. With ``--keep-raw`` the raw, unredacted transcript is written
the same way, as ``<stem>.raw.enc``, and only so. Without the key file neither can be read.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from .errors import InputError, UsageError
from .types import Transcript


def load_or_create_key(path: Path) -> tuple[bytes, bool]:
    """The Fernet key in `path`, creating it (mode 0600) when the file does not exist.

    A key file that group or others may read, write or run is refused, as ssh refuses such
    private keys: whoever can read it can read every mapping and raw transcript it sealed.
    Returns the key and whether it was just created.
    """
    from cryptography.fernet import Fernet

    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise UsageError(f"key file permissions {mode:04o} are too open: group or others have access "
                             f"(chmod 600 {path})", path=str(path))
        key = path.read_bytes().strip()
        try:
            Fernet(key)
        except ValueError:
            raise UsageError("not a Fernet key (32 url-safe base64-encoded bytes)", path=str(path)) from None
        return key, False
    key = Fernet.generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key, True


def encrypt(mapping: dict[str, list[str]], key: bytes, source: str) -> bytes:
    """The mapping as an encrypted token."""
    return seal({"source": source, "mapping": mapping}, key)


def seal(document: dict, key: bytes) -> bytes:
    """Any JSON document as an encrypted token (the mapping; the raw transcript of ``--keep-raw``)."""
    from cryptography.fernet import Fernet

    return Fernet(key).encrypt(json.dumps(document, ensure_ascii=False).encode())


def seal_transcript(transcript: Transcript, key: bytes) -> bytes:
    """The raw, unredacted transcript (``--keep-raw``) as an encrypted token: segments, words, times."""
    return seal({
        "source": transcript.source, "duration": transcript.duration, "language": transcript.language,
        "model": transcript.model, "raw": True,
        "segments": [{"start": s.start, "end": s.end, "text": " ".join(w.text for w in s.words),
                      "words": [{"text": w.text, "start": w.start, "end": w.end} for w in s.words]}
                     for s in transcript.segments],
    }, key)


def decrypt(token_path: Path, key_path: Path) -> dict:
    """Read back a token written by `encrypt` or `seal` (for `hush unmask`)."""
    from cryptography.fernet import Fernet, InvalidToken

    key, _ = load_or_create_key(key_path) if key_path.exists() else (b"", False)
    if not key:
        raise UsageError("key file not found", path=str(key_path))
    try:
        return json.loads(Fernet(key).decrypt(token_path.read_bytes()))
    except InvalidToken:
        raise InputError("wrong key, or not a hush mapping file", path=str(token_path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot read", path=str(token_path)) from None
