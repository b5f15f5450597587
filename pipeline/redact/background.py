"""Items of an iterator made by a worker thread a few ahead of their consumer.

spaCy spends most of its time in matrix products and its parser's loop, both of which
release the GIL; hush's recognizers are Python and hold it. So while the recognizers read
chunk n, spaCy can already parse chunk n + 1 on a second core, where one is free. The
items come back in order and unchanged. Only the worker advances the iterator, so spaCy runs
in one thread at a time; the consumer only reads the docs already finished (their tokens and
entities), never the pipeline.
"""

from __future__ import annotations

import queue
import threading
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
_END = object()
_POLL_S = 0.05


def in_background(items: Iterable[T], ahead: int = 2) -> Iterator[T]:
    """`items` in order, produced by a worker thread at most `ahead` items before they are
    taken. An exception in the worker is raised here, at the item it failed on; closing
    this iterator early stops the worker after the item it is making."""
    handoff: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(entry: tuple[bool, object]) -> bool:
        while not stop.is_set():
            try:
                handoff.put(entry, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    return
            put((True, _END))
        except BaseException as error:  # noqa: BLE001 - handed to the consumer, raised there
            put((False, error))

    worker = threading.Thread(target=produce, name="hush-read-ahead", daemon=True)
    worker.start()
    try:
        while True:
            ok, item = handoff.get()
            if not ok:
                raise item  # type: ignore[misc]
            if item is _END:
                return
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()
