"""The network airlock: nothing leaves the machine, enforced rather than intended.

Importing this module sets the offline switches (``HF_HUB_OFFLINE`` and friends), so it is
imported by ``cli.py`` before any model library. `install()` adds an audit hook
(`sys.addaudithook`, PEP 578) that sees every socket operation Python code asks for
(``socket.connect``, ``socket.getaddrinfo``, ``socket.sendto``, name look-ups, …) *before*
the operating system does anything: a connection or DNS look-up to anything but loopback
(or an address passed to `allow`, e.g. a Dask scheduler) is recorded and refused with
`NetworkBlocked`, so no packet is sent and no name is resolved.

Each attempt is recorded (`attempts()`): the event, host and port, the library that asked,
and a short stack summary of module names and line numbers; never a payload, never locals.
An audit hook cannot be removed, and does not see native code that opens sockets itself or
child processes (ffmpeg); `hush doctor` and ``strace -f -e trace=connect`` cover those.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import sys
import threading
from dataclasses import dataclass
from typing import Iterator

from .errors import HushError

# Set before any model library is imported; forced, not defaulted: hush has no use for the network.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DO_NOT_TRACK": "1",
    # onnxruntime (faster-whisper's Silero VAD) ships Microsoft 1DS telemetry on Linux too: without
    # this it keeps ~/.cache/Microsoft/DeveloperTools/.onnxruntime/{deviceid,onnxruntime.db} and
    # sends them to mobile.events.data.microsoft.com from a native thread the audit hook can't see.
    "ORT_DISABLE_TELEMETRY": "1",
}

# Socket operations that reach (or ask a resolver about) another machine.
EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.sendto", "socket.sendmsg",
    "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
})
_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
# Networking plumbing: the library "that tried" is the first caller outside these.
PLUMBING = frozenset({
    "socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "httpcore", "h11", "h2", "anyio",
    "asyncio", "selectors", "aiohttp", "email", "certifi", "idna", "sniffio", "pipeline.airlock",
    "multiprocessing", "concurrent", "threading", "runpy", "importlib", "contextlib", "functools",
})


def set_offline_env() -> None:
    """The offline switches of the Hugging Face libraries and of telemetry, forced on."""
    os.environ.update(OFFLINE_ENV)


set_offline_env()


@dataclass(frozen=True)
class Attempt:
    """One refused network operation: what, to where, and who asked (no payload)."""

    event: str
    host: str
    port: int | str | None
    library: str
    stack: tuple[str, ...]

    @property
    def target(self) -> str:
        return self.host if self.port in (None, 0, "") else f"{self.host}:{self.port}"

    def __str__(self) -> str:
        return f"{self.library} -> {self.target} ({self.event})"


class NetworkBlocked(HushError):
    """A library tried to reach another machine; the airlock refused before anything was sent."""

    exit_code = 1

    def __init__(self, attempt: Attempt) -> None:
        super().__init__(f"network access refused: {attempt.library} tried to reach {attempt.target} "
                         "(hush runs offline; see `hush doctor`)")
        self.attempt = attempt


_lock = threading.Lock()
_installed = False
_attempts: list[Attempt] = []
_sinks: list[tuple[list[Attempt], bool]] = []
_allowed: set[tuple[str, int | None]] = set()


def is_local(host: str | bytes | None) -> bool:
    """Whether `host` names this machine: loopback, the unspecified address, or localhost."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip().lower().rstrip(".")
    if not name or name in _LOCAL_NAMES or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def _port(value: object) -> int | str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value if isinstance(value, (int, str)) else None


def _destination(event: str, args: tuple) -> tuple[str, int | str | None] | None:
    """(host, port) an event would reach, or None when it stays on this machine."""
    if event == "socket.getaddrinfo":
        host, port = args[0], args[1]
    elif event in ("socket.gethostbyname", "socket.gethostbyaddr"):
        host, port = args[0], None
    else:  # connect, sendto, sendmsg: (socket, address); getnameinfo: (sockaddr,)
        address = args[0] if event == "socket.getnameinfo" else args[1]
        if address is None or isinstance(address, (str, bytes, bytearray)):
            return None  # an already connected socket, or a Unix socket path
        if not isinstance(address, tuple) or not address or not isinstance(address[0], (str, bytes)):
            return None  # netlink and other kernel-local families
        host, port = address[0], address[1] if len(address) > 1 else None
    if is_local(host):
        return None
    host = host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)
    return host, _port(port)


def _permitted(host: str, port: int | str | None) -> bool:
    name = host.strip().lower().rstrip(".").strip("[]")
    return (name, None) in _allowed or (name, port if isinstance(port, int) else None) in _allowed


def _who(frame) -> tuple[str, tuple[str, ...]]:
    """The library that asked (first caller outside the networking plumbing) and a short stack."""
    modules: list[str] = []
    stack: list[str] = []
    while frame is not None:
        module = frame.f_globals.get("__name__", "?")
        modules.append(module)
        if len(stack) < 8:
            stack.append(f"{module}:{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    for module in modules:
        top = module.split(".")[0]
        if module not in PLUMBING and top not in PLUMBING:
            return top, tuple(stack)
    return (modules[0].split(".")[0] if modules else "?"), tuple(stack)


def _hook(event: str, args: tuple) -> None:
    if event not in EVENTS:
        return
    destination = _destination(event, args)
    if destination is None or _permitted(*destination):
        return
    library, stack = _who(sys._getframe(1))
    attempt = Attempt(event, destination[0], destination[1], library, stack)
    with _lock:
        expected = False
        for sink, expecting in _sinks:
            sink.append(attempt)
            expected |= expecting
        if not expected:
            _attempts.append(attempt)
    raise NetworkBlocked(attempt)


def install() -> None:
    """Start refusing non-local network operations in this process (idempotent; cannot be undone)."""
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True
    set_offline_env()
    sys.addaudithook(_hook)


def installed() -> bool:
    return _installed


def attempts() -> tuple[Attempt, ...]:
    """Every operation refused since `install()`, oldest first (except those `watching(expected=True)` saw)."""
    with _lock:
        return tuple(_attempts)


def split_address(address: str) -> tuple[str, int | None]:
    """``tcp://host:8786``, ``host:8786``, ``[::1]:8786`` or ``host`` as (host, port)."""
    rest = address.strip()
    if "://" in rest:
        rest = rest.split("://", 1)[1]
    rest = rest.split("/", 1)[0]
    if rest.startswith("["):
        host, _, tail = rest[1:].partition("]")
        port = tail[1:] if tail.startswith(":") else ""
    elif rest.count(":") == 1:
        host, port = rest.split(":")
    else:
        host, port = rest, ""
    if not host:
        raise ValueError(f"no host in address {address!r}")
    return host.lower().rstrip("."), int(port) if port.isdigit() else None


def allow(address: str) -> None:
    """Let connections to `address` through (a Dask scheduler): ``tcp://host:port``, ``host:port`` or ``host``.

    A host name is resolved once, here, and each of its addresses is allowed with the same port.
    """
    host, port = split_address(address)
    with _lock:
        _allowed.add((host, port))
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(host)
        return  # an address, nothing to resolve
    with contextlib.suppress(Exception):  # unresolvable now: a later connection is refused and reported
        for *_, sockaddr in socket.getaddrinfo(host, port or 0, proto=socket.IPPROTO_TCP):
            with _lock:
                _allowed.add((str(sockaddr[0]).lower(), port))


def allowed() -> tuple[str, ...]:
    """The addresses `allow` let through, as ``host[:port]``."""
    with _lock:
        return tuple(sorted(h if p is None else f"{h}:{p}" for h, p in _allowed))


@contextlib.contextmanager
def watching(expected: bool = False) -> Iterator[list[Attempt]]:
    """Collect the attempts refused inside the block (they are still refused): for `hush doctor` and tests.

    With `expected` (a probe that tries the network on purpose) they are left out of `attempts()`.
    """
    found: list[Attempt] = []
    entry = (found, expected)
    with _lock:
        _sinks.append(entry)
    try:
        yield found
    finally:
        with _lock:
            _sinks.remove(entry)
