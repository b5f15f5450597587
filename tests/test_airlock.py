"""The network airlock: refuses before anything is sent, records who tried, lets loopback through.

pytest-socket already stops sockets in tests; these tests switch it off (`enable_socket`) or
run in a subprocess, so the audit hook is what refuses.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE_AUDIO
from media_factory import convert
from pipeline import airlock
from pipeline.cli import app

runner = CliRunner()
UNROUTABLE = ("192.0.2.1", 80)  # TEST-NET-1 (RFC 5737): never routed anywhere


@pytest.fixture(autouse=True)
def _airlock_on():
    airlock.install()


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_a_connection_is_refused_before_any_packet_is_sent():
    done = run_python("""
        import socket, time
        from pipeline import airlock
        airlock.install()
        for attempt in ("create_connection", "connect", "sendto"):
            began = time.monotonic()
            sock = None
            try:
                if attempt == "create_connection":
                    socket.create_connection(("192.0.2.1", 80), timeout=20)
                elif attempt == "connect":
                    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    sock.settimeout(20)
                    sock.connect(("192.0.2.1", 80))
                else:
                    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    sock.sendto(b"a payload with Maria Lopez", ("192.0.2.1", 53))
            except airlock.NetworkBlocked as exc:
                print(attempt, "refused", round(time.monotonic() - began, 3), exc)
            if sock is not None:
                try:
                    sock.getpeername()
                    print("CONNECTED")
                except OSError:
                    print("not connected")
        for a in airlock.attempts():
            print("attempt", a.event, a.host, a.port, a.library, a.stack)
    """)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    refused = [line for line in lines if " refused " in line]
    assert [line.split()[0] for line in refused] == ["create_connection", "connect", "sendto"]
    for line in refused:
        assert float(line.split()[2]) < 1.0  # a real attempt at TEST-NET would hang until the timeout
        assert line.endswith("network access refused: __main__ tried to reach 192.0.2.1:80 (hush runs offline; "
                             "see `hush doctor`)") or line.endswith("192.0.2.1:53 (hush runs offline; see `hush doctor`)")
    assert "CONNECTED" not in lines and lines.count("not connected") == 2
    attempts = [line for line in lines if line.startswith("attempt ")]
    assert [a.split()[1] for a in attempts] == ["socket.getaddrinfo", "socket.connect", "socket.sendto"]
    assert "Maria" not in done.stdout  # never a payload


@pytest.mark.enable_socket
def test_refused_in_process_with_a_clear_one_line_error():
    with airlock.watching() as tried:
        with pytest.raises(airlock.NetworkBlocked) as caught:
            socket.create_connection(UNROUTABLE, timeout=5)
    assert str(caught.value) == ("network access refused: test_airlock tried to reach 192.0.2.1:80 "
                                 "(hush runs offline; see `hush doctor`)")
    assert caught.value.exit_code == 1 and "\n" not in str(caught.value)
    (attempt,) = tried
    assert (attempt.event, attempt.host, attempt.port, attempt.library) == ("socket.getaddrinfo", "192.0.2.1", 80,
                                                                             "test_airlock")
    assert attempt.stack[0].startswith("socket:getaddrinfo:") and attempt.stack[1].startswith("socket:create_connection:")
    assert attempt in airlock.attempts()


@pytest.mark.enable_socket
def test_name_lookups_are_refused_too():
    for lookup in (lambda: socket.getaddrinfo("huggingface.co", 443), lambda: socket.gethostbyname("example.com"),
                   lambda: socket.gethostbyaddr("192.0.2.1")):
        with pytest.raises(airlock.NetworkBlocked):
            lookup()


@pytest.mark.enable_socket
def test_loopback_goes_through():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        with airlock.watching() as tried:
            for host in ("127.0.0.1", "localhost"):
                with socket.create_connection((host, server.getsockname()[1]), timeout=5):
                    pass
        assert tried == []
    finally:
        server.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.1", "::1", "::ffff:127.0.0.1", "localhost", "LOCALHOST.",
                                  "0.0.0.0", "::", None, b"localhost", "foo.localhost", "[::1]", "fe80::1%lo"])
def test_local_names(host):
    assert airlock.is_local(host) is (host != "fe80::1%lo")


@pytest.mark.parametrize("host", ["192.0.2.1", "10.0.0.1", "huggingface.co", "localhost.evil.com", "8.8.8.8", "2001:db8::1"])
def test_remote_names(host):
    assert not airlock.is_local(host)


def test_allow_lets_one_scheduler_address_through():
    airlock.allow("tcp://203.0.113.7:8786")  # TEST-NET-3, used nowhere else
    sys.audit("socket.connect", None, ("203.0.113.7", 8786))
    sys.audit("socket.getaddrinfo", "203.0.113.7", "8786", 0, 0, 0)
    with pytest.raises(airlock.NetworkBlocked):
        sys.audit("socket.connect", None, ("203.0.113.7", 8787))
    with pytest.raises(airlock.NetworkBlocked):
        sys.audit("socket.connect", None, ("203.0.113.8", 8786))
    assert "203.0.113.7:8786" in airlock.allowed()


@pytest.mark.parametrize("address, expected", [
    ("tcp://10.1.2.3:8786", ("10.1.2.3", 8786)), ("scheduler.lan:8786", ("scheduler.lan", 8786)),
    ("tls://[2001:db8::5]:8786", ("2001:db8::5", 8786)), ("Scheduler.LAN", ("scheduler.lan", None)),
])
def test_split_address(address, expected):
    assert airlock.split_address(address) == expected


def test_unix_sockets_and_connected_sends_are_local():
    sys.audit("socket.connect", None, "/run/some.sock")
    sys.audit("socket.sendmsg", None, None)
    sys.audit("socket.sendto", None, ("127.0.0.1", 9))


def test_offline_switches_are_set_by_importing_the_cli():
    import pipeline.cli  # noqa: F401

    for name, value in airlock.OFFLINE_ENV.items():
        assert os.environ[name] == value
    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"  # onnxruntime's native telemetry: invisible to the hook


def test_doctor_reports_the_airlock_and_springs_the_traps(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "doctor"], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "HF_HUB_OFFLINE": "0", "HUSH_TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "ok   airlock: active" in out
    assert "HF_HUB_OFFLINE=1" in out and "ORT_DISABLE_TELEMETRY=1" in out  # forced, whatever the caller set
    assert "ok   import faster_whisper: no network attempt" in out and "ok   import presidio_analyzer" in out
    assert "trap: tldextract with its default suffix-list URLs: refused by the airlock: tldextract -> publicsuffix.org:443" in out
    assert "trap: faster-whisper given a model name" in out
    assert "FAIL" not in out
    assert done.stderr == ""  # the traps were expected: no "refused" notice
    assert list(tmp_path.iterdir()) == []


@pytest.mark.enable_socket
def test_a_full_run_makes_no_network_attempt(tmp_path):
    clip = convert(SAMPLE_AUDIO[0], tmp_path / "clip.wav", "-t", "12")
    before = len(airlock.attempts())
    with airlock.watching() as tried:
        result = runner.invoke(app, ["run", str(clip), "-o", str(tmp_path / "out"), "--model", "tiny.en", "-q",
                                     "--redact-media", "--mapping-key", str(tmp_path / "k.key"), "--keep-raw"])
    assert result.exit_code == 0, result.output
    assert airlock.installed()
    assert tried == [] and len(airlock.attempts()) == before


def test_main_reports_attempts_a_library_swallowed(tmp_path):
    done = run_python("""
        import socket, sys
        from pipeline import cli

        @cli.app.command("probe")
        def probe() -> None:
            "Try the network and swallow the error, like a careless library."
            try:
                socket.getaddrinfo("telemetry.example.com", 443)
            except Exception:
                pass

        sys.argv = ["hush", "probe"]
        cli.main()
    """)
    assert done.returncode == 0
    assert done.stderr.strip() == ("hush: the airlock refused 1 network attempt(s): __main__ -> "
                                   "telemetry.example.com:443 (socket.getaddrinfo)")
