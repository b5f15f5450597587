"""spaCy's entity pass over a long text in a forked child process, beside hush's recognizers.

`in_background` overlaps spaCy with the recognizers on a second thread, but both hold the GIL
for most of their time (thinc's layers run Python between the matrix products), so on two
cores they ran nearly one after the other. A child forked from this process already holds the
loaded model (copy-on-write, nothing is loaded twice) and has its own interpreter: it parses
every chunk and sends each finished Doc back as bytes, which cost the parent about 1% of the
parse to read. The text reaches the child through the fork and comes back through a pipe;
nothing is written to disk, and an error crosses over as its type name only, never its text.

Used only where fork exists and this process may have children (not inside a daemonic worker,
such as a Dask nanny's); elsewhere the caller keeps the thread.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
from typing import Iterator, Sequence

_ERROR = b"\x00hush-parse-error:"


def can_parse_aside() -> bool:
    """Whether a forked parsing child is possible here."""
    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


def parsed_aside(nlp, texts: Sequence[str]) -> Iterator:
    """spaCy Docs of `texts`, in order, parsed by `nlp` in a forked child process.

    Raises RuntimeError (naming only the error's type) if the child fails or dies. Closing
    the iterator early ends the child.
    """
    from spacy.tokens import Doc

    for stream in (sys.stdout, sys.stderr):  # a buffer copied into the child would be written twice
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_parse, args=(nlp, texts, send), name="hush-parse", daemon=True)
    child.start()
    send.close()
    arrived: queue.SimpleQueue = queue.SimpleQueue()
    # Reading in a thread lets the child run ahead instead of waiting on a full pipe.
    reader = threading.Thread(target=_read, args=(receive, len(texts), arrived), name="hush-parse-reader", daemon=True)
    reader.start()
    try:
        for _ in texts:
            payload = arrived.get()
            if payload is None:
                raise RuntimeError("the spaCy parsing process ended early")
            if payload.startswith(_ERROR):
                raise RuntimeError(f"spaCy failed in the parsing process: {payload[len(_ERROR):].decode()}")
            yield Doc(nlp.vocab).from_bytes(payload)
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        reader.join()  # the pipe's last writer is gone, so the reader has its end of file
        receive.close()


def _read(receive, count: int, arrived: queue.SimpleQueue) -> None:
    try:
        for _ in range(count):
            arrived.put(receive.recv_bytes())
    except (EOFError, OSError):
        arrived.put(None)


def _parse(nlp, texts: Sequence[str], send) -> None:
    """The child: parse, send, exit without running the parent's exit handlers."""
    code = 0
    try:
        for doc in nlp.pipe(texts, batch_size=1):
            send.send_bytes(doc.to_bytes(exclude=["tensor", "user_data"]))
    except BaseException as error:  # noqa: BLE001 - reported to the parent by type only
        code = 1
        try:
            send.send_bytes(_ERROR + type(error).__name__.encode())
        except OSError:
            pass
    finally:
        send.close()
        os._exit(code)
